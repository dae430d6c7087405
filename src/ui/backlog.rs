//! The backlog pane: the ranked table (only the rows on screen are built) and the selected item's
//! details beside it on wide terminals or below it when asked for.

use super::{Theme, widgets};
use crate::app::{App, Mode, Viewport, cursor};
use crate::model::{Board, Item, Moscow, Scoring};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

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
    let scoring = b.settings.scoring.name();
    // The project's name is here too: at 80 columns the header has no room for it.
    let project = &b.project.name;
    if app.backlog.filter.is_empty() {
        format!(
            " {project} · Backlog — {} · score: {scoring} ",
            crate::model::words::count(b.items.len(), "item")
        )
    } else {
        format!(
            " {project} · Backlog — filter \"{}\": {} of {} · score: {scoring} ",
            app.backlog.filter.text,
            app.backlog.visible.len(),
            crate::model::words::count(b.items.len(), "item")
        )
    }
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
    let columns = Columns::fit(app, inner.width);
    // Without the details, the selection's facts the table has no room for go on a line below it.
    let summary = !app.backlog.details && inner.width < WIDE && !columns.shows_everything();
    let summary = summary && inner.height > 3;
    let rows_height = inner.height.saturating_sub(1 + u16::from(summary)) as usize;
    vp.page = rows_height.max(1);
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
        rows_height,
    );
    vp.backlog_offset = offset;

    let on_screen = app
        .backlog
        .visible
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows_height);
    let rows = on_screen.map(|(row, &pos)| {
        let it = &b.items[pos];
        // A marker as well as the highlight, so the selection shows without colour.
        let marker = if Some(row) == selected { "›" } else { " " };
        let cells = columns.cells(app, it, format!("{marker}{:>4}", pos + 1));
        let style = if Some(row) == selected {
            theme.selected
        } else if b.is_done(it) {
            theme.dim
        } else {
            theme.text
        };
        Row::new(cells).style(style)
    });
    let table = Table::new(rows, columns.widths())
        .header(Row::new(columns.header()).style(theme.header))
        .column_spacing(1);
    frame.render_widget(table, inner);
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

/// The table's columns at one width: the title first, then the sprint, the assignee and the tags
/// while the title keeps [`TITLE_MIN`] columns; what is shown is cut with `…`.
struct Columns {
    key: u16,
    status: u16,
    title: u16,
    sprint: Option<u16>,
    assignee: Option<u16>,
    tags: Option<u16>,
}

/// The fewest columns a title gets before any optional column is shown.
const TITLE_MIN: u16 = 36;
/// The title's columns before the tags get more than their least.
const TITLE_COMFORT: u16 = 50;
/// The items (from the top of the backlog) whose names and tags size the columns: enough for any
/// real board, and a frame's cost stays bounded on a huge one.
const SAMPLED: usize = 500;
/// Room for `#`, Kind, Pts, MoSCoW and Score.
const FIXED: [u16; 5] = [5, 5, 3, 6, SCORE_WIDTH as u16 + 1];

impl Columns {
    fn fit(app: &App, width: u16) -> Columns {
        let b = &app.doc.board;
        let status = b
            .columns
            .iter()
            .map(|c| widgets::width(&c.name) as u16)
            .max()
            .unwrap_or(6)
            .clamp(6, 12);
        let key = key_width(b);
        let base: u16 = FIXED.iter().sum::<u16>() + key + status + 7;
        let mut room = width.saturating_sub(base);
        let mut take = |want: u16| {
            let fits = room > TITLE_MIN + want;
            if fits {
                room -= want + 1;
            }
            fits.then_some(want)
        };
        let longest = |names: &mut dyn Iterator<Item = usize>, cap: usize| {
            names.max().unwrap_or(0).min(cap) as u16
        };
        let sprint_w = longest(&mut b.sprints.iter().map(|s| widgets::width(&s.name)), 14).max(6);
        let sprint = take(sprint_w);
        let people = &mut b
            .items
            .iter()
            .take(SAMPLED)
            .map(|i| widgets::width(&i.assignee));
        let assignee = take(longest(people, 18).max(8));
        let tags = take(10);
        let mut columns = Columns {
            key,
            status,
            title: room,
            sprint,
            assignee,
            tags,
        };
        // Tags take what the title does not need, up to the longest tags on the board, while the
        // title keeps [`TITLE_COMFORT`] columns (the details show the whole title).
        if tags.is_some() {
            let items = || b.items.iter().take(SAMPLED);
            let title_want = longest(&mut items().map(|i| widgets::width(&i.title) + 3), 200);
            let tag_want = longest(&mut items().map(|i| widgets::width(&i.tags.join(" "))), 40);
            let both = room + 10;
            let title_keeps = title_want.clamp(TITLE_MIN, TITLE_COMFORT);
            let tags = tag_want.min(both.saturating_sub(title_keeps)).max(10);
            columns.tags = Some(tags);
            columns.title = both - tags;
        }
        columns
    }

    /// True when no column is left out.
    fn shows_everything(&self) -> bool {
        self.sprint.is_some() && self.assignee.is_some() && self.tags.is_some()
    }

    fn widths(&self) -> Vec<Constraint> {
        let [rank, kind, pts, moscow, score] = FIXED;
        let mut widths = vec![
            Constraint::Length(rank),
            Constraint::Length(self.key),
            Constraint::Length(kind),
            Constraint::Length(self.title),
            Constraint::Length(pts),
            Constraint::Length(moscow),
            Constraint::Length(score),
            Constraint::Length(self.status),
        ];
        widths.extend(
            [self.sprint, self.assignee, self.tags]
                .into_iter()
                .flatten()
                .map(Constraint::Length),
        );
        widths
    }

    fn header(&self) -> Vec<&'static str> {
        let mut header = vec![
            "#", "Key", "Kind", "Title", "Pts", "MoSCoW", "Score", "Status",
        ];
        let optional = [
            (self.sprint, "Sprint"),
            (self.assignee, "Assignee"),
            (self.tags, "Tags"),
        ];
        header.extend(
            optional
                .iter()
                .filter(|(w, _)| w.is_some())
                .map(|(_, h)| *h),
        );
        header
    }

    fn cells(&self, app: &App, it: &Item, rank: String) -> Vec<Cell<'static>> {
        let b = &app.doc.board;
        let cut = |text: &str, w: u16| Cell::from(widgets::fit(text, usize::from(w)));
        let mut title = String::new();
        if it.is_blocked() {
            title.push_str("⛔ ");
        }
        // Near or past its due date: said before the title, so it shows however narrow.
        if let Some(due) = it.due_state(app.run.today, b.is_done(it)) {
            title.push_str(&format!("[{}] ", due.short()));
        }
        title.push_str(&it.title);
        let mut cells = vec![
            Cell::from(rank),
            Cell::from(b.item_key(it.id)),
            Cell::from(it.kind.name()),
            cut(&title, self.title),
            Cell::from(it.points.map_or(String::new(), |p| format!("{p:>3}"))),
            Cell::from(moscow(it.moscow)),
            Cell::from(format!(
                "{:>w$}",
                score_text(it, b.settings.scoring),
                w = SCORE_WIDTH + 1
            )),
            cut(&it.status, self.status),
        ];
        if let Some(w) = self.sprint {
            let sprint = it.sprint.and_then(|s| b.sprint(s));
            cells.push(cut(sprint.map_or("", |s| s.name.as_str()), w));
        }
        if let Some(w) = self.assignee {
            cells.push(cut(&it.assignee, w));
        }
        if let Some(w) = self.tags {
            cells.push(Cell::from(whole_tags(&it.tags, usize::from(w))));
        }
        cells
    }
}

/// As many whole tags as fit in `w` cells, then how many more: `payments +2`; one tag too long
/// for the column alone is cut with `…`.
fn whole_tags(tags: &[String], w: usize) -> String {
    let all = tags.join(" ");
    if widgets::width(&all) <= w {
        return all;
    }
    let mut shown = String::new();
    for (n, tag) in tags.iter().enumerate() {
        let more = format!(" +{}", tags.len() - n - 1);
        let with = if shown.is_empty() {
            tag.clone()
        } else {
            format!("{shown} {tag}")
        };
        if widgets::width(&with) + widgets::width(&more) > w {
            break;
        }
        shown = with;
    }
    if shown.is_empty() {
        return widgets::fit(&all, w);
    }
    let hidden = tags.len() - shown.split(' ').count();
    format!("{shown} +{hidden}")
}

fn key_width(b: &Board) -> u16 {
    (widgets::width(&b.project.key) + 1 + b.counters.item.to_string().len()).max(3) as u16
}

#[cfg(test)]
mod tests {
    use super::{SCORE_WIDTH, compact_score};

    #[test]
    fn tags_that_do_not_fit_say_how_many_more() {
        let tags: Vec<String> = ["payments", "adyen", "email"].map(String::from).to_vec();
        assert_eq!(super::whole_tags(&tags, 30), "payments adyen email");
        assert_eq!(super::whole_tags(&tags, 17), "payments adyen +1");
        assert_eq!(super::whole_tags(&tags, 11), "payments +2");
        assert_eq!(super::whole_tags(&tags, 6), "payme…");
    }

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
