//! The team screen: one row per person with their capacity, days off and what is planned for them
//! in the sprint the screen is about, the team's total against the sprint's capacity, and the keys.

use super::{Theme, widgets};
use crate::app::panes::sprint::capacity::{Load, loads};
use crate::app::panes::team::team_sprint;
use crate::app::{Action, App, Viewport};
use crate::model::words::count;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, vp: &mut Viewport) {
    let b = &app.doc.board;
    let sprint = team_sprint(b).and_then(|id| b.sprint(id));
    let title = match sprint {
        Some(s) => format!(
            " Team · {} ({} – {}, {}) ",
            s.name,
            widgets::short_date(s.start),
            widgets::short_date(s.end),
            count(crate::model::team::working_days(s), "working day")
        ),
        None => " Team ".to_string(),
    };
    let block = widgets::block(title, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [summary, table, keys] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(2),
    ])
    .areas(inner);
    let w = usize::from(inner.width);

    let rows: Vec<Load> = sprint.map_or_else(
        || {
            b.team
                .iter()
                .map(|p| Load {
                    name: p.name.clone(),
                    handle: p.handle.clone(),
                    per_sprint: p.capacity.describe(),
                    days_off: 0,
                    capacity: 0,
                    planned: 0,
                })
                .collect()
        },
        |s| loads(b, s.id),
    );
    let team: Vec<&Load> = rows.iter().take(b.team.len()).collect();
    let total: u32 = team.iter().map(|r| r.capacity).sum();
    let mut lines = Vec::new();
    match sprint {
        Some(s) => {
            let own = !b.team_sprints.contains(&s.id);
            let how = if own {
                format!(
                    "its own figure; {} takes the team's",
                    app.keymap.hint(&Action::TeamCapacity)
                )
            } else {
                format!(
                    "from the team; {} keeps a figure of its own",
                    app.keymap.hint(&Action::TeamCapacity)
                )
            };
            lines.push(Line::from(vec![
                Span::styled(
                    format!(
                        "The team can take on {} in {}",
                        count(total, "point"),
                        s.name
                    ),
                    theme.text,
                ),
                Span::styled(
                    format!(" · capacity {} ({how})", s.capacity),
                    if own && s.capacity != total && !b.team.is_empty() {
                        theme.warn
                    } else {
                        theme.dim
                    },
                ),
            ]));
        }
        None => lines.push(Line::styled(
            format!(
                "No planned or active sprint: {} plans one, then days off and capacity count there",
                app.keymap.hint(&Action::NewSprint)
            ),
            theme.dim,
        )),
    }
    let wrapped = widgets::wrap(lines, w);
    frame.render_widget(Paragraph::new(wrapped), summary);

    let selected = app.team_row();
    let name_w = rows
        .iter()
        .map(|r| widgets::width(&r.name).max(if r.name.is_empty() { 12 } else { 0 }))
        .max()
        .unwrap_or(4)
        .clamp(6, 24);
    let header = format!(
        "  {} {} {} {:>4} {:>9}",
        widgets::pad("Name", name_w),
        widgets::pad("Handle", 8),
        widgets::pad("Per sprint", 12),
        "Off",
        "Planned"
    );
    let mut out = vec![Line::styled(widgets::fit(&header, w), theme.header)];
    let page = usize::from(table.height.saturating_sub(1)).max(1);
    vp.page = page;
    let row = selected.unwrap_or(0);
    let offset = row.saturating_sub(page - 1);
    for (i, r) in rows.iter().enumerate().skip(offset).take(page) {
        let on_team = i < b.team.len();
        let chosen = on_team && Some(i) == selected;
        let name = match (on_team, r.name.is_empty()) {
            (false, true) => "(unassigned)".to_string(),
            _ => r.name.clone(),
        };
        let per_sprint = if on_team {
            r.per_sprint.clone()
        } else {
            "not on team".to_string()
        };
        let planned = if on_team {
            format!("{:>3} / {:<3}", r.planned, r.capacity)
        } else {
            format!("{:>3}", r.planned)
        };
        let text = format!(
            "{} {} {} {} {:>4} {planned}",
            if chosen { "›" } else { " " },
            widgets::pad(&name, name_w),
            widgets::pad(&r.handle, 8),
            widgets::pad(&per_sprint, 12),
            if on_team {
                r.days_off.to_string()
            } else {
                String::new()
            },
        );
        let style = if chosen {
            theme.selected
        } else if on_team && r.planned > r.capacity {
            theme.error
        } else if on_team {
            theme.text
        } else {
            theme.dim
        };
        out.push(Line::styled(widgets::fit(&text, w), style));
    }
    if b.team.is_empty() {
        out.push(Line::styled(
            format!(
                "  Nobody on the team yet: {} adds a person",
                app.keymap.hint(&Action::AddPerson)
            ),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(out), table);

    let k = |a: &Action| app.keymap.hint(a);
    let mut hints = Vec::new();
    for (a, what) in [
        (Action::AddPerson, "add"),
        (Action::Details, "edit"),
        (Action::RemovePerson, "remove"),
        (Action::DaysOff, "days off"),
        (Action::TeamCapacity, "capacity from the team"),
        (Action::Cancel, "back"),
    ] {
        hints.extend(widgets::hint(k(&a), what, theme));
    }
    let lines = widgets::wrap(vec![Line::from(hints)], w);
    frame.render_widget(Paragraph::new(lines), keys);
}
