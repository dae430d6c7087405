//! The sprint pane (read-only): the active sprint's summary and its cards in the workflow columns.
//!
//! Only the active sprint's items are looked at (one pass over the backlog), and only the cards on
//! screen are turned into lines.

use super::cards::{cards_lines, column_headers, legend};
use super::theme::Theme;
use super::widgets::{self, fit, pack};
use crate::app::{App, Viewport};
use crate::model::{Board, Item, Sprint, SprintState};
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Narrower than this a card cannot be read: fewer columns are shown instead.
const MIN_COLUMN: u16 = 18;

/// What every card needs to draw itself.
pub(super) struct Ctx<'a> {
    pub board: &'a Board,
    pub today: Date,
    pub theme: &'a Theme,
    /// The board's cycle-time percentiles, which each card's age is marked against.
    pub stats: crate::model::flow::CycleStats,
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, vp: &mut Viewport) {
    if app.sprint.planning() {
        return super::planning::draw(frame, area, app, theme, vp);
    }
    if app.team_view().is_some() {
        return super::team::draw(frame, area, app, theme, vp);
    }
    if let Some(standup) = app.sprint.standup() {
        return super::standup::draw(frame, area, app, standup, theme);
    }
    if app.sprint.burndown()
        && let Some(viewed) = app.viewed_sprint()
    {
        if let Some(flow) = app.cumulative_flow() {
            return super::cfd::draw(frame, area, app, viewed, flow, theme);
        }
        return super::burndown::draw(frame, area, app, viewed, theme);
    }
    let board = &app.doc.board;
    let Some(sprint) = board.active_sprint() else {
        return no_active_sprint(frame, area, app, theme);
    };
    let filter = &app.sprint.filter;
    let area = if matches!(app.mode, crate::app::Mode::Filter(_)) || !filter.is_empty() {
        let [board_area, line] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        let note = widgets::unknown_words(&filter.unknown, theme);
        widgets::filter_line(frame, line, app, &filter.text, note, theme);
        board_area
    } else {
        area
    };
    let area = if matches!(app.sprint.screen, crate::app::SprintScreen::Card) {
        let [board_area, details] = if area.width >= 150 {
            Layout::horizontal([Constraint::Fill(3), Constraint::Length(60)]).areas(area)
        } else {
            Layout::vertical([Constraint::Fill(1), Constraint::Percentage(45)]).areas(area)
        };
        let card = app.selected_card().and_then(|id| app.item(id));
        let shown = (card, app.sprint.details_scroll);
        super::details::item_details(frame, details, app, shown, theme, vp);
        board_area
    } else {
        area
    };
    // The one pass over the backlog: the sprint's cards, by column, in rank order.
    // The filter narrows the cards shown; the sprint's figures and the columns' counts (their WIP)
    // stay those of the whole sprint.
    let mut columns: Vec<Vec<&Item>> = vec![Vec::new(); board.columns.len()];
    let mut counts: Vec<(usize, u32)> = vec![(0, 0); board.columns.len()];
    let (mut total, mut done, mut all) = (0, 0, 0);
    // The cards come from the app's index of the sprint (kept with the changes): the walk is the
    // sprint's cards, not the backlog.
    let cards: Box<dyn Iterator<Item = &Item>> = if app.index.is_at(app.doc.revision) {
        Box::new(
            (0..board.columns.len())
                .flat_map(|c| app.index.cards(c))
                .filter_map(|id| app.item(*id)),
        )
    } else {
        Box::new(board.sprint_items(sprint.id))
    };
    for item in cards {
        all += 1;
        total += item.points_or_zero();
        if board.is_done(item) {
            done += item.points_or_zero();
        }
        // A status that is not a column is refused when the board is loaded.
        let Some(column) = board.column_index(&item.status) else {
            continue;
        };
        if let Some(c) = counts.get_mut(column) {
            c.0 += 1;
            c.1 += item.points_or_zero();
        }
        if (filter.is_empty() || filter.matches(board, item))
            && let Some(cards) = columns.get_mut(column)
        {
            cards.push(item);
        }
    }

    let shown = usize::from(area.width.saturating_sub(1) / (MIN_COLUMN + 1));
    let shown = shown.clamp(1, columns.len().max(1));
    // The selected column is always on screen: scroll right as far as it needs.
    let selected_column = app.sprint.column.min(columns.len().saturating_sub(1));
    let first = selected_column.saturating_sub(shown - 1);
    let cards: usize = columns.iter().map(Vec::len).sum();
    let title = if filter.is_empty() {
        format!(
            " Sprint board — {} · {} ",
            sprint.name,
            crate::model::words::count(cards, "card")
        )
    } else {
        format!(
            " Sprint board — {} · {cards} of {all} {} \"{}\" ",
            sprint.name,
            if all == 1 {
                "card matches"
            } else {
                "cards match"
            },
            filter.text
        )
    };
    let mut block = widgets::block(title, theme);
    let hidden_right = columns.len().saturating_sub(first + shown);
    let mut more = Vec::new();
    if first > 0 {
        let noun = if first == 1 { "column" } else { "columns" };
        more.push(format!("← {first} more {noun}"));
    }
    if hidden_right > 0 {
        let noun = if hidden_right == 1 {
            "column"
        } else {
            "columns"
        };
        more.push(format!("→ {hidden_right} more {noun}"));
    }
    if !more.is_empty() {
        block = block.title_top(Line::from(format!(" {} ", more.join(" · "))).right_aligned());
    }
    let flow = app.sprint_flow();
    let stats = flow.stats;
    let legend = legend(usize::from(area.width.saturating_sub(4)), &stats);
    block = block.title_bottom(Line::styled(legend, theme.dim).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let cx = Ctx {
        board,
        today: app.run.today,
        theme,
        stats,
    };
    let scope = flow.scope.as_ref().and_then(|c| c.describe());
    let lines = summary(sprint, &cx, (total, done), scope, inner.width);
    let height = u16::try_from(lines.len()).unwrap_or(1);
    let rows = [
        Constraint::Length(height),
        Constraint::Length(1),
        Constraint::Fill(1),
    ];
    let [top, _, body] = Layout::vertical(rows).areas(inner);
    frame.render_widget(Paragraph::new(lines).style(theme.text), top);

    // Every column scrolls together, by whole cards, so that the selected card is in view.
    let rows = usize::from(body.height.saturating_sub(1));
    vp.page = rows.max(3);
    let selected = app.selected_card();
    let selected_row = selected
        .and_then(|id| {
            columns
                .get(selected_column)?
                .iter()
                .position(|i| i.id == id)
        })
        .unwrap_or(0);
    let per_screen = (rows.saturating_sub(2) / 3).max(1);
    let offset = selected_row.saturating_sub(per_screen - 1);
    let rects = Layout::horizontal(vec![Constraint::Fill(1); shown])
        .spacing(1)
        .split(body);
    let heads: Vec<_> = board
        .columns
        .iter()
        .zip(&counts)
        .skip(first)
        .zip(rects.iter())
        .map(|((column, count), rect)| (column, *count, usize::from(rect.width)))
        .collect();
    let headers = column_headers(&heads, theme);
    for (n, ((cards, rect), mut header)) in columns
        .iter()
        .skip(first)
        .zip(rects.iter())
        .zip(headers)
        .enumerate()
    {
        let w = usize::from(rect.width);
        let focused = first + n == selected_column;
        if focused {
            header = header
                .style(theme.accent)
                .patch_style(ratatui::style::Modifier::UNDERLINED);
        }
        let mut lines = vec![header];
        let (card_lines, placed) =
            cards_lines(cards, (offset, rows), w, &cx, selected.filter(|_| focused));
        lines.extend(card_lines);
        // Each card's two lines are a place to click (below the header line).
        for (at, height, id) in placed {
            let area = crate::app::Area {
                x: rect.x,
                y: rect.y + 1 + at as u16,
                width: rect.width,
                height,
            };
            vp.hits.push((area, crate::app::Target::Card(id)));
        }
        frame.render_widget(Paragraph::new(lines), *rect);
    }
}

/// Name, dates, time left, points, capacity and goal, packed into as few lines as `w` allows.
fn summary(
    s: &Sprint,
    cx: &Ctx,
    (total, done): (u32, u32),
    change: Option<String>,
    w: u16,
) -> Vec<Line<'static>> {
    let (start, end) = (widgets::short_date(s.start), widgets::short_date(s.end));
    let when = match (s.end - cx.today).get_days() {
        _ if cx.today < s.start => format!("starts {}", widgets::relative_day(s.start, cx.today)),
        d if d < 0 => format!("ended {}d ago", -d),
        0 => "last day".to_string(),
        d => format!("{d}d left"),
    };
    let scope = match s.committed {
        Some(c) if c != total => format!(
            "{} ({c} committed)",
            crate::model::words::count(total, "pt")
        ),
        _ => format!("{} committed", crate::model::words::count(total, "pt")),
    };
    let text = |s: String| Span::styled(s, cx.theme.text);
    let mut parts = vec![
        Span::styled(s.name.clone(), cx.theme.title),
        text(format!("{start} – {end}")),
        text(when),
        text(scope),
    ];
    // Scope that joined or left after the start, apart from the work done.
    if let Some(change) = change {
        parts.push(Span::styled(change, cx.theme.warn));
    }
    // Every figure says it is points, as the sprint's own does.
    let pts = |n: u32| crate::model::words::count(n, "pt");
    parts.extend([
        text(format!("{} done", pts(done))),
        text(format!("{} remaining", pts(total - done))),
        text(format!("capacity {}", pts(s.capacity))),
    ]);
    if total > s.capacity {
        let over = format!("OVER capacity by {}", pts(total - s.capacity));
        parts.push(Span::styled(over, cx.theme.warn));
    }
    if !s.goal.is_empty() {
        parts.push(text(fit(&format!("Goal: {}", s.goal), usize::from(w))));
    }
    pack(parts, usize::from(w), cx.theme)
}

/// No sprint in progress: say so and list the planned ones (their points in one pass).
fn no_active_sprint(frame: &mut Frame, area: Rect, app: &crate::app::App, theme: &Theme) {
    let board = &app.doc.board;
    let block = widgets::block(" Sprint board ", theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut planned: Vec<&Sprint> = board
        .sprints
        .iter()
        .filter(|s| s.state == SprintState::Planned)
        .collect();
    planned.sort_by_key(|s| (s.start, s.id));
    planned.truncate(usize::from(inner.height.saturating_sub(3)));
    let mut lines = vec![
        Line::styled("No active sprint.", theme.title),
        Line::default(),
    ];
    lines.push(if planned.is_empty() {
        Line::styled(
            fit(
                &format!(
                    "No sprint is planned either: {} plans one.",
                    app.keymap.hint(&crate::app::Action::NewSprint)
                ),
                usize::from(inner.width),
            ),
            theme.dim,
        )
    } else {
        Line::styled("Planned sprints", theme.header)
    });
    let mut points = vec![0; planned.len()];
    for item in board.items.iter().filter(|i| i.sprint.is_some()) {
        if let Some(n) = planned.iter().position(|s| item.sprint == Some(s.id)) {
            points[n] += item.points_or_zero();
        }
    }
    for (s, pts) in planned.iter().zip(points) {
        let (start, end) = (widgets::short_date(s.start), widgets::short_date(s.end));
        let facts = format!(
            "{start} – {end} · {} planned, capacity {}",
            crate::model::words::count(pts, "pt"),
            s.capacity
        );
        let text = format!("{} · {facts} · {}", s.name, s.goal);
        lines.push(Line::from(fit(&text, usize::from(inner.width))));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.text), inner);
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::app::Pane;
    use crate::model::ItemId;
    use jiff::civil::date;
    use ratatui::{Terminal, backend::TestBackend};

    /// The screen as text, one string per row (a wide character counts once).
    pub(crate) fn screen(app: &App, w: u16, h: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        let mut vp = app.viewport.clone();
        terminal
            .draw(|f| crate::ui::draw(f, app, &mut vp))
            .expect("draw");
        let buf = terminal.backend().buffer();
        let mut text = String::new();
        for y in 0..h {
            let mut x = 0;
            while x < w {
                let sym = buf[(x, y)].symbol();
                text.push_str(sym);
                x += u16::try_from(widgets::width(sym).max(1)).unwrap_or(1);
            }
            text.push('\n');
        }
        text
    }

    /// The sample board on 2026-11-28, showing `pane`.
    pub(crate) fn sample(pane: Pane) -> App {
        let today = date(2026, 11, 28);
        let mut app = App::new(crate::commands::sample_board(today), "b.ron", today);
        app.pane = pane;
        app
    }

    /// Fails, showing the screen, unless each of `wanted` is on it.
    pub(crate) fn shows(text: &str, wanted: &[&str]) {
        for w in wanted {
            assert!(text.contains(w), "{w:?} is not on the screen:\n{text}");
        }
    }

    #[test]
    fn shows_the_columns_with_counts_limits_and_cards() {
        let text = screen(&sample(Pane::Sprint), 80, 24);
        shows(&text, &["Sprint 23 · Nov 16 – Nov 29 · 1d left"]);
        shows(&text, &["Goal: Refunds, wallets", "OVER capacity by 3 pts"]);
        // Review's header does not fit with "· 8 pts": every header shortens the same way, and
        // one cell short of its column keeps a gap before the next one.
        shows(
            &text,
            &[
                "To do 1 · 2p",
                "Doing 2/3 · 8p",
                "Review 2/2 · 8p    Done 5 · 13p",
            ],
        );
        shows(&text, &["CRN-23 Reconcile", "⛔ 5p · 9/9d▲ · Ana"]);
        assert!(!text.contains("more column"), "all fit:\n{text}");
    }

    #[test]
    fn over_the_limit_is_said_in_words_and_narrow_screens_hide_columns() {
        let mut app = sample(Pane::Sprint);
        let moved = [ItemId(21), ItemId(25)];
        for item in &mut app.doc.board_mut().items {
            if moved.contains(&item.id) {
                std::sync::Arc::make_mut(item).status = "Review".to_string();
            }
        }
        let text = screen(&app, 64, 20);
        shows(&text, &["Review 3/2 OVER", "→ 1 more column"]);
    }

    #[test]
    fn scrolling_moves_the_cards_and_wide_screens_say_more() {
        let mut app = sample(Pane::Sprint);
        // The selected card is kept in view: the fourth card of Done scrolls every column.
        app.sprint.column = 3;
        app.sprint.card = Some(ItemId(18));
        let text = screen(&app, 80, 16);
        shows(&text, &["above", "›CRN-18"]);
        assert!(!text.contains("CRN-17"), "{text}");
        let text = screen(&app, 200, 60);
        assert!(!text.contains("above"), "all fit:\n{text}");
        shows(&text, &["⛔ 5p · 9/9d▲ · Ana Ribeiro"]);
        shows(
            &text,
            &[
                "31 pts (28 committed) · +5 pts added, −2 pts removed since start · 13 pts done · 18 pts remaining",
            ],
        );
    }

    #[test]
    fn without_an_active_sprint_lists_the_planned_ones() {
        let mut app = sample(Pane::Sprint);
        app.doc
            .board
            .sprints
            .retain(|s| s.state != SprintState::Active);
        let text = screen(&app, 80, 24);
        shows(&text, &["No active sprint.", "Planned sprints"]);
        shows(&text, &["Sprint 24 · Nov 30 – Dec 13 · 16 pts planned"]);
    }
}
