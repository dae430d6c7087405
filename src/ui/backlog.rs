//! The backlog pane: the ranked table (only the rows on screen are built) and the selected item's
//! details beside it on wide terminals or below it when asked for.

use super::backlog_cells::Columns;
use super::{Theme, widgets};
use crate::app::{Action, App, Mode, Viewport, cursor};
use crate::model::{Item, Moscow, Scoring, words};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table};

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
        let shown = (app.selected_item(), app.backlog.details_scroll);
        super::details::item_details(frame, d, app, shown, theme, vp);
    }
    if let Some(f) = filter_area {
        let filter = &app.backlog.filter;
        let note = widgets::unknown_words(&filter.unknown, theme);
        widgets::filter_line(frame, f, app, &filter.text, note, theme);
    }
}

pub(super) fn moscow(m: Option<Moscow>) -> &'static str {
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
    let v = &app.backlog;
    let scoring = b.settings.scoring.name();
    // The project's name is here too: at 80 columns the header has no room for it.
    let project = &b.project.name;
    let all = words::count(b.items.len(), "item");
    let mut parts = vec![if v.filter.is_empty() && v.done_hidden == 0 {
        all
    } else if v.filter.is_empty() {
        format!("{} of {all}", v.visible_items())
    } else {
        format!(
            "filter \"{}\": {} of {all}",
            v.filter.text,
            v.visible_items()
        )
    }];
    if v.done_hidden > 0 {
        let key = app.keymap.hint(&Action::ToggleDone);
        parts.push(format!("{} done hidden · {key} shows", v.done_hidden));
    }
    if v.group {
        parts.push("by epic".to_string());
    }
    parts.push(format!("score: {scoring}"));
    format!(" {project} · Backlog — {} ", parts.join(" · "))
}

fn table(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, vp: &mut Viewport) {
    let b = &app.doc.board;
    let title = widgets::fit(&title(app), usize::from(area.width.saturating_sub(2)));
    let block = widgets::block(title, theme);
    let mut inner = block.inner(area);
    frame.render_widget(block, area);
    // The product goal (and vision) above the backlog it steers, when the project has them.
    if let Some(line) = goal_line(app, inner.width, theme).filter(|_| inner.height > 6) {
        frame.render_widget(Paragraph::new(line), Rect { height: 1, ..inner });
        inner.y += 1;
        inner.height -= 1;
    }
    let columns = Columns::kept(app, inner.width, vp);
    // Without the details, the selection's facts the table has no room for go on a line below it.
    let summary = !app.backlog.details && inner.width < WIDE && !columns.shows_everything();
    let summary = summary && inner.height > 3;
    let rows_height = inner.height.saturating_sub(1 + u16::from(summary)) as usize;
    // The cut line takes a row of its own (in place, or at the edge pointing to it).
    let cut = app.cut().filter(|_| !app.backlog.group && rows_height > 1);
    let items_height = rows_height - usize::from(cut.is_some());
    vp.page = items_height.max(1);
    vp.rows = Rect {
        y: inner.y + 1,
        height: rows_height as u16,
        ..inner
    }
    .into();

    // Keep the selection in view, moving the window as little as possible.
    let selected = app.selected_row();
    let offset = cursor::window(
        vp.backlog_offset,
        selected,
        app.backlog.visible.len(),
        items_height,
    );
    vp.backlog_offset = offset;
    let shown = app
        .backlog
        .visible
        .len()
        .saturating_sub(offset)
        .min(items_height);
    // Where the cut line's row goes among the rows on screen: before the first item below it.
    let cut_at = cut.as_ref().map(|c| {
        app.backlog
            .visible
            .partition_point(|&pos| c.first_below.is_none_or(|fb| pos < fb))
    });
    let cut_slot = cut_at.map(|at| at.clamp(offset, offset + shown) - offset);
    vp.cut_row = cut_slot.map(|s| inner.y + 1 + s as u16);

    let on_screen = app
        .backlog
        .visible
        .iter()
        .enumerate()
        .skip(offset)
        .take(items_height);
    let rows = on_screen.map(|(row, &pos)| {
        let it = &b.items[pos];
        // A marker as well as the highlight, so the selection shows without colour.
        let marker = if Some(row) == selected { "›" } else { " " };
        let shape = app.row_shape(row);
        let cells = columns.cells(app, it, format!("{marker}{:>4}", pos + 1), shape);
        let style = if Some(row) == selected {
            theme.selected
        } else if b.is_done(it) || shape.is_some_and(|s| s.context) {
            theme.dim
        } else {
            theme.text
        };
        Row::new(cells).style(style)
    });
    let mut rows: Vec<Row> = rows.collect();
    if let Some(slot) = cut_slot {
        rows.insert(slot, Row::new(Vec::<String>::new()));
    }
    let table = Table::new(rows, columns.widths())
        .header(Row::new(columns.header()).style(theme.header))
        .column_spacing(1);
    frame.render_widget(table, inner);
    if let (Some(c), Some(slot), Some(row)) = (&cut, cut_slot, cut_at) {
        let at = Rect {
            y: inner.y + 1 + slot as u16,
            height: 1,
            ..inner
        };
        let side = if row < offset {
            Side::Above
        } else if row > offset + shown {
            Side::Below
        } else {
            Side::Here
        };
        frame.render_widget(cut_row(c, side, inner.width, theme), at);
    }
    if summary && let Some(it) = app.selected_item() {
        let at = Rect {
            y: inner.bottom() - 1,
            height: 1,
            ..inner
        };
        frame.render_widget(Paragraph::new(key_facts(app, it, inner.width, theme)), at);
    }
    if app.backlog.visible.is_empty() {
        let msg = if b.items.is_empty() {
            format!(
                "The backlog is empty: press {} to add an item.",
                app.keymap.hint(&crate::app::Action::AddItem)
            )
        } else if app.backlog.filter.is_empty() {
            let n = app.backlog.done_hidden;
            let all = if n == 1 {
                "The one item is"
            } else {
                "Every item is"
            };
            format!(
                "{all} done and hidden: {} shows done items.",
                app.keymap.hint(&Action::ToggleDone)
            )
        } else {
            let hidden = if app.backlog.done_hidden > 0 {
                format!(
                    " ({} done hidden: {} shows them)",
                    app.backlog.done_hidden,
                    app.keymap.hint(&Action::ToggleDone)
                )
            } else {
                String::new()
            };
            format!(
                "Nothing matches the filter: {} clears it.{hidden}",
                app.keymap.hint(&Action::Cancel)
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

/// Where the cut line is from the rows on screen.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Here,
    Above,
    Below,
}

/// The cut line's row: `── by Beta (Dec 14), 85% sure: 27/61 pts above · 9 items below ──`, the
/// milestone named (cut first when short of room), with an arrow when the line itself is above or below the rows on screen.
fn cut_row(c: &crate::model::forecast::Cut, side: Side, w: u16, theme: &Theme) -> Line<'static> {
    let total = c.above_points + c.below_points;
    let text = if c.sprints == 0 {
        format!(
            " cut line for {} ({}): no closed sprint, no velocity to draw it with ",
            c.name,
            widgets::short_date(c.date)
        )
    } else {
        let arrow = match side {
            Side::Here => "",
            Side::Above => "▲ ",
            Side::Below => "▼ ",
        };
        let below = crate::model::words::count(c.below, "item");
        let counts = format!("{}/{total} pts above · {below} below", c.above_points);
        let when = widgets::short_date(c.date);
        let full = format!(" {arrow}by {} ({when}), 85% sure: {counts} ", c.name);
        // Short of room the milestone's name gives way, never the counts.
        let tail = format!(" ({when}), 85%: {counts} ");
        let room = usize::from(w).saturating_sub(widgets::width(&format!("── {arrow}by{tail}")));
        match widgets::width(&full) + 2 <= usize::from(w) {
            true => full,
            false => format!(" {arrow}by {}{tail}", widgets::fit(&c.name, room)),
        }
    };
    let w = usize::from(w);
    let text = widgets::fit(&format!("──{text}"), w);
    let fill = "─".repeat(w.saturating_sub(widgets::width(&text)));
    Line::styled(format!("{text}{fill}"), theme.accent)
}

/// `Goal: … · Vision: …` in one line cut with `…`, or `None` when the project has neither.
fn goal_line(app: &App, w: u16, theme: &Theme) -> Option<Line<'static>> {
    let p = &app.doc.board.project;
    let mut parts = Vec::new();
    for (label, text) in [("Goal", p.goal.trim()), ("Vision", p.vision.trim())] {
        if !text.is_empty() {
            parts.push(format!("{label}: {}", text.replace('\n', " ")));
        }
    }
    (!parts.is_empty())
        .then(|| Line::styled(widgets::fit(&parts.join(" · "), usize::from(w)), theme.dim))
}

/// The selected item's facts in one line, for a table too narrow for its sprint and assignee:
/// `CRN-22 · Doing · 3 pts · Sprint 23 (active) · Tomasz Nowak · payments adyen email`.
fn key_facts(app: &App, it: &Item, w: u16, theme: &Theme) -> Line<'static> {
    let b = &app.doc.board;
    let points = match it.points {
        Some(1) => "1 pt".to_string(),
        Some(p) => format!("{p} pts"),
        None => "not estimated".to_string(),
    };
    let sprint = it
        .sprint
        .and_then(|s| b.sprint(s))
        .map_or("no sprint".to_string(), |s| {
            format!("{} ({})", s.name, s.state.name())
        });
    let who = if it.assignee.is_empty() {
        "unassigned".to_string()
    } else {
        it.assignee.clone()
    };
    let mut facts = vec![it.status.clone(), points, sprint, who];
    if let Some(reason) = &it.blocked {
        facts.push(format!("⛔ {reason}"));
    }
    if let Some(due) = it.due_state(app.run.today, b.is_done(it)) {
        facts.push(due.describe());
    }
    if !it.tags.is_empty() {
        facts.push(it.tags.join(" "));
    }
    let key = b.item_key(it.id);
    let room = usize::from(w).saturating_sub(widgets::width(&key) + 3);
    Line::from(vec![
        Span::styled(key, theme.accent),
        Span::styled(" · ", theme.dim),
        Span::styled(widgets::fit(&facts.join(" · "), room), theme.text),
    ])
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
