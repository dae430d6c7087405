//! An item's details, wherever they are shown (the backlog's selection, a sprint card): every fact,
//! the description, the acceptance criteria and the notes, wrapped to the panel and scrolled by the
//! app's offset, with what is above and below said on the border.

use super::backlog::{compact_score, moscow};
use super::{Theme, widgets};
use crate::app::{Action, App, DetailsScroll, Viewport};
use crate::model::Item;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws `item`'s details in `area`, from the line `scroll` keeps for it; tells `vp` where they are
/// and how many lines they have, so the keys and the wheel scroll no further than the end.
pub fn item_details(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    (item, scroll): (Option<&Item>, DetailsScroll),
    theme: &Theme,
    vp: &mut Viewport,
) {
    let Some(it) = item else {
        frame.render_widget(widgets::block(" Details ", theme), area);
        return;
    };
    let b = &app.doc.board;
    let mut block = widgets::block(format!(" {} ", b.item_key(it.id)), theme);
    let inner = block.inner(area);
    let lines = widgets::wrap(detail_lines(app, it, theme), usize::from(inner.width));
    let rows = usize::from(inner.height);
    let last = lines.len().saturating_sub(rows);
    let top = scroll.top_for(Some(it.id)).min(last);
    vp.details = area.into();
    vp.details_lines = lines.len();
    vp.details_rows = rows;
    let below = lines.len().saturating_sub(top + rows);
    let mut more = Vec::new();
    if top > 0 {
        let up = app.keymap.hint(&Action::DetailsUp);
        more.push(format!("↑ {} above ({up})", lines_word(top)));
    }
    if below > 0 {
        let down = app.keymap.hint(&Action::DetailsDown);
        more.push(format!("↓ {below} more {} ({down})", noun(below)));
    }
    if !more.is_empty() {
        let room = usize::from(area.width.saturating_sub(4));
        let text = widgets::fit(&more.join(" · "), room);
        block = block.title_bottom(Line::styled(format!(" {text} "), theme.accent).right_aligned());
    }
    let shown: Vec<Line> = lines.into_iter().skip(top).take(rows).collect();
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(shown), inner);
}

/// An item's title, and an epic's roll-up after it (`Payments · 3/7 done · 13/34 pts`): how an
/// epic reads in a list of items (the timeline entry's details).
pub fn titled(app: &App, it: &Item) -> String {
    if it.kind != crate::model::ItemKind::Epic {
        return it.title.clone();
    }
    let r = app.rollup(it.id);
    if r.total == 0 {
        return it.title.clone();
    }
    format!("{} · {}", it.title, r.describe())
}

/// `1 line`, `12 lines`.
fn lines_word(n: usize) -> String {
    format!("{n} {}", noun(n))
}

fn noun(n: usize) -> &'static str {
    if n == 1 { "line" } else { "lines" }
}

/// Every line of the details, before wrapping.
fn detail_lines(app: &App, it: &Item, theme: &Theme) -> Vec<Line<'static>> {
    let b = &app.doc.board;
    let label = |s: &'static str| Span::styled(format!("{s:<11}"), theme.dim);
    let mut lines = vec![
        Line::styled(it.title.clone(), theme.title),
        Line::from(vec![
            label("Kind"),
            Span::raw(format!("{} · {}", it.kind.name(), it.status)),
            Span::styled(
                format!(
                    "  since {}",
                    widgets::relative_day(it.status_since, app.run.today)
                ),
                theme.dim,
            ),
        ]),
    ];
    let mut field = |name: &'static str, value: String| {
        if !value.is_empty() {
            lines.push(Line::from(vec![label(name), Span::raw(value)]));
        }
    };
    field("Points", it.points.map_or("—".into(), |p| p.to_string()));
    field("MoSCoW", moscow(it.moscow).to_string());
    field("Priority", it.priority.clone().unwrap_or_default());
    // A date to meet is a key fact: near the top, in words when it is near or past.
    if let Some(due) = it.due {
        let state = it.due_state(app.run.today, b.is_done(it));
        field(
            "Due",
            state.map_or(due.to_string(), |s| format!("{due} ({})", s.describe())),
        );
    }
    if let Some(w) = it.wsjf {
        let score = w.score().map_or("—".into(), compact_score);
        field(
            "WSJF",
            format!(
                "{score}  (value {} + time {} + risk {}) / size {}",
                w.business_value, w.time_criticality, w.risk_reduction, w.job_size
            ),
        );
    }
    if let Some(r) = it.rice {
        let score = r.score().map_or("—".into(), compact_score);
        field(
            "RICE",
            format!(
                "{score}  ({} × {:?} × {}% / {})",
                r.reach, r.impact, r.confidence, r.effort
            ),
        );
    }
    field(
        "Sprint",
        it.sprint
            .and_then(|s| b.sprint(s))
            .map_or(String::new(), |s| {
                format!("{} ({})", s.name, s.state.name())
            }),
    );
    field("Assignee", it.assignee.clone());
    field("Tags", it.tags.join(" "));
    field(
        "Epic",
        it.parent
            .and_then(|p| app.item(p))
            .map_or(String::new(), |p| {
                format!("{} {}", b.item_key(p.id), p.title)
            }),
    );
    // An epic's progress: its children's count and points, done of total (one roll-up, as the
    // backlog row and the report show it).
    if it.kind == crate::model::ItemKind::Epic {
        field("Children", app.rollup(it.id).describe());
    }
    field(
        "Milestone",
        it.milestone
            .and_then(|m| b.entry(m))
            .map_or(String::new(), |e| format!("{} ({})", e.name, e.end)),
    );
    if let Some(reason) = &it.blocked {
        field("Blocked", format!("⛔ {reason}"));
    }
    // Links: what it waits on (open ones first say so), what waits on it, what it relates to.
    let keyed = |ids: &mut dyn Iterator<Item = crate::model::ItemId>| {
        ids.map(|i| {
            let done = app.item(i).is_some_and(|x| b.is_done(x));
            format!("{}{}", b.item_key(i), if done { " (done)" } else { "" })
        })
        .collect::<Vec<_>>()
        .join(", ")
    };
    field("Waits on", keyed(&mut it.blocked_by.iter().copied()));
    field("Blocks", keyed(&mut app.blocks_of(it.id).into_iter()));
    field("Related", keyed(&mut it.relates_to.iter().copied()));
    // Where it was imported from: a re-import of a newer export updates it by this key.
    field(
        "From",
        it.external
            .as_ref()
            .map_or(String::new(), |x| format!("{} {}", x.source.name(), x.key)),
    );
    field(
        "Dates",
        format!(
            "created {} · updated {}{}",
            it.created,
            it.updated,
            it.done.map_or(String::new(), |d| format!(" · done {d}"))
        ),
    );
    if !it.description.is_empty() {
        lines.push(Line::raw(""));
        lines.extend(it.description.lines().map(|l| Line::raw(l.to_string())));
    }
    if !it.acceptance.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Acceptance criteria", theme.header));
        lines.extend(it.acceptance.iter().map(|a| Line::raw(format!("• {a}"))));
    }
    let notes = b.notes_about_item(it.id);
    if !notes.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Stakeholder notes", theme.header));
        for (s, n) in notes.iter().rev().take(5) {
            lines.push(Line::raw(format!(
                "{} {} ({}): {}",
                n.date,
                s.name,
                n.kind.name(),
                n.text
            )));
        }
    }
    lines
}
