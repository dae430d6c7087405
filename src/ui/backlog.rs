//! The backlog pane: the ranked table (only the rows on screen are built) and the selected item's
//! details beside it on wide terminals or below it when asked for.

use super::{Theme, widgets};
use crate::app::{App, Mode, Viewport, cursor};
use crate::model::{Board, Item, Moscow, Scoring};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};

/// Wide enough to show the details beside the table without being asked.
const WIDE: u16 = 150;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, vp: &mut Viewport) {
    let filtering = matches!(app.mode, Mode::Filter(_));
    let (list_area, filter_area) = if filtering || !app.backlog.filter.is_empty() {
        let [list, filter] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        (list, Some(filter))
    } else {
        (area, None)
    };
    let (table_area, details_area) = if area.width >= WIDE {
        let [t, d] =
            Layout::horizontal([Constraint::Fill(3), Constraint::Length(60)]).areas(list_area);
        (t, Some(d))
    } else if app.backlog.details {
        let [t, d] =
            Layout::vertical([Constraint::Fill(1), Constraint::Percentage(45)]).areas(list_area);
        (t, Some(d))
    } else {
        (list_area, None)
    };
    table(frame, table_area, app, theme, vp);
    if let Some(d) = details_area {
        item_details(frame, d, app, app.selected_item(), theme);
    }
    if let Some(f) = filter_area {
        let filter = &app.backlog.filter;
        let note = widgets::unknown_words(&filter.unknown, theme);
        widgets::filter_line(frame, f, app, &filter.text, note, theme);
    }
}

fn moscow(m: Option<Moscow>) -> &'static str {
    m.map_or("", Moscow::name)
}

/// The item's score as the backlog table, the details and the rank preview show it: at most
/// [`SCORE_WIDTH`] columns (see [`compact_score`]); empty without a score.
pub fn score_text(item: &Item, scoring: Scoring) -> String {
    item.score(scoring).map_or(String::new(), compact_score)
}

/// The most columns a score takes; the Score column is one wider.
pub const SCORE_WIDTH: usize = 5;

/// A score in at most [`SCORE_WIDTH`] columns: one decimal below 100 (`9.7`, `37.3`), whole numbers
/// below 1000 (`373`), then thousands, millions and billions with a decimal while it fits
/// (`32k`, `37.3k`, `373k`, `1.2M`).
pub fn compact_score(score: f64) -> String {
    if !score.is_finite() {
        return "—".into();
    }
    let score = score.max(0.0);
    if score < 99.95 {
        return format!("{score:.1}");
    }
    if score < 999.5 {
        return format!("{score:.0}");
    }
    let (mut v, mut unit) = (score / 1e3, "k");
    for (next, size) in [("M", 1e6), ("B", 1e9)] {
        if v < 999.5 {
            break;
        }
        (v, unit) = (score / size, next);
    }
    if v < 99.95 {
        let text = format!("{v:.1}");
        let text = text.strip_suffix(".0").unwrap_or(&text);
        format!("{text}{unit}")
    } else {
        format!("{v:.0}{unit}")
    }
}

fn title(app: &App) -> String {
    let b = &app.doc.board;
    let scoring = b.settings.scoring.name();
    if app.backlog.filter.is_empty() {
        format!(" Backlog — {} items · score: {scoring} ", b.items.len())
    } else {
        format!(
            " Backlog — filter \"{}\": {} of {} items · score: {scoring} ",
            app.backlog.filter.text,
            app.backlog.visible.len(),
            b.items.len()
        )
    }
}

fn table(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, vp: &mut Viewport) {
    let b = &app.doc.board;
    let block = widgets::block(title(app), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows_height = inner.height.saturating_sub(1) as usize;
    vp.page = rows_height.max(1);
    vp.rows = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    }
    .into();

    // Keep the selection in view, moving the window as little as possible.
    let selected = app.selected_row();
    let offset = cursor::window(
        vp.backlog_offset,
        selected,
        app.backlog.visible.len(),
        rows_height,
    );
    vp.backlog_offset = offset;

    let wide = inner.width >= 118;
    let medium = inner.width >= 96;
    let mut header = vec![
        "#", "Key", "Kind", "Title", "Pts", "MoSCoW", "Score", "Status",
    ];
    let mut widths = vec![
        Constraint::Length(6),
        Constraint::Length(key_width(b)),
        Constraint::Length(5),
        Constraint::Fill(1),
        Constraint::Length(3),
        Constraint::Length(6),
        Constraint::Length(SCORE_WIDTH as u16 + 1),
        Constraint::Length(if medium { 8 } else { 7 }),
    ];
    if medium {
        header.push("Sprint");
        widths.push(Constraint::Length(10));
    }
    if wide {
        header.push("Tags");
        widths.push(Constraint::Length(18));
    }
    let rows = app
        .backlog
        .visible
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows_height)
        .map(|(row, &pos)| {
            let it = &b.items[pos];
            let mut title = String::new();
            if it.is_blocked() {
                title.push_str("⛔ ");
            }
            title.push_str(&it.title);
            let mut cells = vec![
                // A marker as well as the highlight, so the selection shows without colour.
                Cell::from(format!(
                    "{}{:>4}",
                    if Some(row) == selected { "›" } else { " " },
                    pos + 1
                )),
                Cell::from(b.item_key(it.id)),
                Cell::from(it.kind.name()),
                Cell::from(title),
                Cell::from(it.points.map_or(String::new(), |p| format!("{p:>3}"))),
                Cell::from(moscow(it.moscow)),
                Cell::from(format!(
                    "{:>w$}",
                    score_text(it, b.settings.scoring),
                    w = SCORE_WIDTH + 1
                )),
                Cell::from(it.status.clone()),
            ];
            if medium {
                let sprint = it
                    .sprint
                    .and_then(|s| b.sprint(s))
                    .map_or(String::new(), |s| s.name.clone());
                cells.push(Cell::from(sprint));
            }
            if wide {
                cells.push(Cell::from(it.tags.join(" ")));
            }
            let style = if Some(row) == selected {
                theme.selected
            } else if b.is_done(it) {
                theme.dim
            } else {
                theme.text
            };
            Row::new(cells).style(style)
        });
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.header))
        .column_spacing(1);
    frame.render_widget(table, inner);
    if app.backlog.visible.is_empty() {
        let msg = if b.items.is_empty() {
            format!(
                "The backlog is empty: press {} to add an item.",
                app.keymap.hint(&crate::app::Action::AddItem)
            )
        } else {
            format!(
                "Nothing matches the filter: {} clears it.",
                app.keymap.hint(&crate::app::Action::Cancel)
            )
        };
        let at = Rect {
            y: inner.y + 2,
            height: 1,
            ..inner
        };
        frame.render_widget(Paragraph::new(msg).style(theme.dim).centered(), at);
    }
}

fn key_width(b: &Board) -> u16 {
    (b.project.key.len() + 1 + b.counters.item.to_string().len()).max(3) as u16
}

/// An item's details: the backlog's selection, or a sprint card.
pub fn item_details(frame: &mut Frame, area: Rect, app: &App, item: Option<&Item>, theme: &Theme) {
    let Some(it) = item else {
        frame.render_widget(widgets::block(" Details ", theme), area);
        return;
    };
    let b = &app.doc.board;
    let block = widgets::block(format!(" {} ", b.item_key(it.id)), theme);
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
            .and_then(|p| b.item(p))
            .map_or(String::new(), |p| {
                format!("{} {}", b.item_key(p.id), p.title)
            }),
    );
    field(
        "Milestone",
        it.milestone
            .and_then(|m| b.entry(m))
            .map_or(String::new(), |e| format!("{} ({})", e.name, e.end)),
    );
    if let Some(reason) = &it.blocked {
        field("Blocked", format!("⛔ {reason}"));
    }
    if !it.blocked_by.is_empty() {
        field(
            "Blocked by",
            it.blocked_by
                .iter()
                .map(|i| b.item_key(*i))
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
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
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

#[cfg(test)]
mod tests {
    use super::{SCORE_WIDTH, compact_score};

    #[test]
    fn scores_fit_their_column() {
        let cases = [
            (0.0, "0.0"),
            (9.66, "9.7"),
            (37.33, "37.3"),
            (99.96, "100"),
            (373.0, "373"),
            (999.6, "1k"),
            (32000.0, "32k"),
            (37333.3, "37.3k"),
            (99960.0, "100k"),
            (373333.0, "373k"),
            (999_600.0, "1M"),
            (1_234_567.0, "1.2M"),
            (12_900_000_000.0, "12.9B"),
            (4e12, "4000B"),
        ];
        for (score, text) in cases {
            assert_eq!(compact_score(score), text, "{score}");
        }
        let mut x = 0.01;
        while x < 1e12 {
            let text = compact_score(x);
            assert!(text.chars().count() <= SCORE_WIDTH, "{x} → {text}");
            x *= 1.07;
        }
    }
}
