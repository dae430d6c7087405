//! The planning view: candidates from the backlog on the left, the planned sprint on the right, and a
//! capacity gauge that says in words when the plan is over capacity or over the recent velocity.

use super::{Theme, widgets};
use crate::app::{App, Viewport};
use crate::model::evm::{MUST_LIMIT, MustShare};
use crate::model::{ItemId, average_velocity};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, vp: &mut Viewport) {
    let b = &app.doc.board;
    let Some(sprint) = app.planned_sprint().and_then(|id| b.sprint(id)) else {
        let block = widgets::block(" Planning ", theme);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let msg = format!(
            "No planned sprint: {}, then {} plans one.",
            app.keymap.hint(&crate::app::Action::Cancel),
            app.keymap.hint(&crate::app::Action::NewSprint)
        );
        return frame.render_widget(Paragraph::new(msg).style(theme.dim), inner);
    };
    let title = format!(
        " Planning {} ({} – {}) · {} or {}: back to the board ",
        sprint.name,
        widgets::short_date(sprint.start),
        widgets::short_date(sprint.end),
        app.keymap.hint(&crate::app::Action::Plan),
        app.keymap.hint(&crate::app::Action::Cancel)
    );
    let block = widgets::block(title, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let (left, right) = app.planning_rows();
    let (sel_left, sel_right) = app.planning_selection();
    let planned: u32 = right
        .iter()
        .filter_map(|id| b.item(*id))
        .map(|i| i.points_or_zero())
        .sum();
    let velocity = average_velocity(&b.sprints, 3);
    let mut words = vec![Span::raw(format!(
        "Planned {planned} of {} capacity",
        crate::model::words::count(sprint.capacity, "point")
    ))];
    if !b.team.is_empty() {
        let total = crate::model::team_capacity(&b.team, sprint);
        let how = if b.team_sprints.contains(&sprint.id) {
            "the team's".to_string()
        } else {
            format!(
                "the team can take on {}",
                crate::model::words::count(total, "point")
            )
        };
        words.push(Span::raw(format!(" ({how})")));
    }
    if let Some(v) = velocity {
        words.push(Span::raw(format!(" · average velocity {v:.0} points")));
    }
    if planned > sprint.capacity {
        words.push(Span::styled(
            format!(
                " · OVER capacity by {}",
                crate::model::words::count(planned - sprint.capacity, "point")
            ),
            theme.error,
        ));
    } else if velocity.is_some_and(|v| f64::from(planned) > v) {
        words.push(Span::styled(
            " · more than the team usually finishes",
            theme.warn,
        ));
    }
    let people = per_person(app, sprint.id, usize::from(inner.width), theme);
    let [sentence, gauge, must, team, _, lists] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(people.len() as u16),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(people), team);
    let sprint_items = right.iter().filter_map(|id| b.item(*id));
    let line = must_line(
        MustShare::of(sprint_items),
        app.planning_release_must(),
        usize::from(inner.width),
        theme,
    );
    frame.render_widget(Paragraph::new(line), must);
    frame.render_widget(Paragraph::new(Line::from(words)), sentence);
    let ratio = f64::from(planned) / f64::from(sprint.capacity.max(1));
    let style = if ratio > 1.0 {
        theme.error
    } else {
        theme.accent
    };
    frame.render_widget(
        LineGauge::default()
            .ratio(ratio.min(1.0))
            .label(format!("{:>3}%", (ratio * 100.0).round()))
            .filled_style(style)
            .unfilled_style(theme.dim),
        gauge,
    );

    let [l, r] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
        .spacing(2)
        .areas(lists);
    list(
        frame,
        l,
        app,
        &format!(
            "Backlog — {}",
            crate::model::words::count(left.len(), "candidate")
        ),
        &left,
        sel_left,
        !app.sprint.plan_right,
        theme,
        vp,
    );
    list(
        frame,
        r,
        app,
        &format!(
            "{} — {}, {}",
            sprint.name,
            crate::model::words::count(right.len(), "item"),
            crate::model::words::count(planned, "pt")
        ),
        &right,
        sel_right,
        app.sprint.plan_right,
        theme,
        vp,
    );
}

/// The MoSCoW guardrail (DSDM: Must at most 60% of a timebox's effort) for the planned sprint and
/// the release it leads to: `Must 14 of 20 pts (70%) ⚠ over 60% · Checkout 2.0 GA: Must 45%`.
fn must_line(
    sprint: MustShare,
    release: Option<(String, MustShare)>,
    w: usize,
    theme: &Theme,
) -> Line<'static> {
    let mut spans = Vec::new();
    let share = |s: &MustShare| s.percent().map_or("—".to_string(), |p| format!("{p}%"));
    let sprint_text = format!(
        "Must {} of {} ({})",
        sprint.must,
        crate::model::words::count(sprint.total, "pt"),
        share(&sprint)
    );
    if sprint.over() {
        spans.push(Span::styled(
            format!("{sprint_text} ⚠ over DSDM's {MUST_LIMIT}%"),
            theme.warn,
        ));
    } else {
        spans.push(Span::styled(
            format!("{sprint_text}, within DSDM's {MUST_LIMIT}%"),
            theme.dim,
        ));
    }
    if let Some((name, r)) = release {
        let text = format!(" · {}: Must {}", name, share(&r));
        let style = if r.over() { theme.warn } else { theme.dim };
        let mark = if r.over() { " ⚠" } else { "" };
        spans.push(Span::styled(format!("{text}{mark}"), style));
    }
    let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
    if widgets::width(&text) > w {
        // Too narrow for both: the sprint's, cut.
        let first = spans.remove(0);
        let style = first.style;
        return Line::styled(widgets::fit(&first.content, w), style);
    }
    Line::from(spans)
}

/// Each person's planned points against their capacity in the sprint (`Ana 5/8`), the team first,
/// in as few lines as fit (at most 3; the rest counted): over capacity in the error colour.
fn per_person(
    app: &App,
    sprint: crate::model::SprintId,
    w: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let b = &app.doc.board;
    if b.team.is_empty() {
        return Vec::new();
    }
    let rows = crate::app::panes::sprint::capacity::loads(b, sprint);
    let parts: Vec<Span<'static>> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let on_team = i < b.team.len();
            let short = if r.handle.is_empty() {
                r.name.clone()
            } else {
                r.handle.clone()
            };
            match (on_team, r.name.is_empty()) {
                (true, _) => Span::styled(
                    format!("{short} {}/{}", r.planned, r.capacity),
                    if r.planned > r.capacity {
                        theme.error
                    } else {
                        theme.text
                    },
                ),
                (false, true) => Span::styled(format!("unassigned {}", r.planned), theme.dim),
                (false, false) => {
                    Span::styled(format!("{short} {} (not on team)", r.planned), theme.dim)
                }
            }
        })
        .collect();
    let mut lines = widgets::pack(parts, w.saturating_sub(6), theme);
    for (i, line) in lines.iter_mut().enumerate() {
        let lead = if i == 0 { "Team: " } else { "      " };
        line.spans.insert(0, Span::styled(lead, theme.header));
    }
    if lines.len() > 3 {
        lines.truncate(3);
        if let Some(last) = lines.last_mut() {
            last.push_span(Span::styled(" …", theme.dim));
        }
    }
    lines
}

#[allow(clippy::too_many_arguments)]
fn list(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    heading: &str,
    ids: &[ItemId],
    selected: Option<ItemId>,
    focused: bool,
    theme: &Theme,
    vp: &mut Viewport,
) {
    let b = &app.doc.board;
    let heading_style = if focused { theme.title } else { theme.header };
    let marker = if focused { "▸ " } else { "  " };
    let mut lines = vec![Line::styled(format!("{marker}{heading}"), heading_style)];
    let rows = usize::from(area.height.saturating_sub(1));
    vp.page = rows.max(1);
    let row = selected
        .and_then(|id| ids.iter().position(|x| *x == id))
        .unwrap_or(0);
    let offset = row.saturating_sub(rows.saturating_sub(1));
    let w = usize::from(area.width);
    for id in ids.iter().skip(offset).take(rows) {
        let Some(it) = b.item(*id) else { continue };
        let chosen = Some(*id) == selected;
        let points = it.points.map_or("  ?".to_string(), |p| format!("{p:>3}"));
        let text = format!(
            "{} {:<7}{points}  {}",
            if chosen { "›" } else { " " },
            b.item_key(*id),
            it.title
        );
        let style = match (chosen, focused) {
            (true, true) => theme.selected,
            (true, false) => theme.accent,
            _ => theme.text,
        };
        lines.push(Line::styled(widgets::fit(&text, w), style));
    }
    if ids.is_empty() {
        lines.push(Line::styled("  (empty)", theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
