//! The timeline pane: the gantt (phases as bars, milestones and releases as diamonds with their
//! forecast), the budget view (`$`) and the risk register (`r`), with the selected entry's details
//! (drawn by `entry_details.rs`).
//!
//! Everything is computed for the rows on screen only; what needs the whole board (linked items, the
//! work ahead of each milestone, forecasts) is kept in the view's cache until the board changes.

use super::gantt::{Gantt, HEAD_ROWS};
use super::theme::Theme;
use super::widgets;
use super::widgets::{first_fit, pack};
use crate::app::timeline::Sub;
use crate::app::{App, Viewport, cursor};
use crate::model::{TimelineEntry, budget_totals};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, vp: &mut Viewport) {
    let filtering = matches!(app.mode, crate::app::Mode::Filter(_));
    let area = if app.timeline.sub == Sub::Gantt && (filtering || !app.timeline.filter.is_empty()) {
        let [chart, line] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        super::widgets::filter_line(frame, line, app, &app.timeline.filter, None, theme);
        chart
    } else {
        area
    };
    // By position, not by id: `Board::entry` is a linear search, so one a row would be quadratic.
    let order = app.timeline_order();
    let entries = Rows {
        order: &order,
        all: &app.doc.board.timeline,
    };
    let view = &app.timeline;
    let details_h = if view.details && area.height >= 24 {
        12
    } else if view.details {
        8
    } else {
        0
    };
    let [main, details] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(details_h)]).areas(area);
    let header = header_lines(
        entries,
        app,
        usize::from(area.width).saturating_sub(2),
        theme,
    );
    match view.sub {
        Sub::Gantt => gantt(frame, main, app, entries, header, theme, vp),
        Sub::Budget => super::budget::draw(frame, main, app, entries, header, theme, vp),
        Sub::Risks => super::risks::draw(frame, main, app, header, theme, vp),
    }
    if details_h > 0 {
        match view.sub {
            Sub::Risks => super::risks::details(frame, details, app, theme),
            _ => super::entry_details::draw(frame, details, app, theme),
        }
    }
}

/// The gantt's rows in order: positions in the board's timeline, read one at a time, so a frame
/// builds a list of the rows on screen only.
#[derive(Clone, Copy)]
pub(super) struct Rows<'a> {
    order: &'a [usize],
    all: &'a [TimelineEntry],
}

impl<'a> Rows<'a> {
    pub(super) fn len(&self) -> usize {
        self.order.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = &'a TimelineEntry> + 'a {
        let all = self.all;
        self.order.iter().map(move |&p| &all[p])
    }
}

fn gantt(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    entries: Rows<'_>,
    header: Vec<Line<'static>>,
    theme: &Theme,
    vp: &mut Viewport,
) {
    let view = &app.timeline;
    let count = if view.filter.trim().is_empty() {
        crate::model::words::count(entries.len(), "entry")
    } else {
        format!(
            "{} of {} \"{}\"",
            entries.len(),
            match app.doc.board.timeline.len() {
                1 => "1 entry matches".to_string(),
                n => format!("{n} entries match"),
            },
            view.filter.trim()
        )
    };
    let mut title = format!(" Timeline — {count} · {}", view.zoom.name());
    if view.push {
        title.push_str(" · push dependents on");
    }
    if view.critical {
        title.push_str(" · ┃ critical path");
    }
    title.push(' ');
    let empty = entries.is_empty().then(|| {
        if app.timeline.filter.is_empty() {
            format!(
                "No timeline entries yet: {} adds a phase, a milestone or a release.",
                app.keymap.hint(&crate::app::Action::AddEntry)
            )
        } else {
            format!(
                "Nothing matches the filter: {} clears it.",
                app.keymap.hint(&crate::app::Action::Cancel)
            )
        }
    });
    let Some(body) = widgets::framed(frame, area, title, header, empty.as_deref(), theme) else {
        return;
    };
    let names = (body.width / 3).clamp(22, 44);
    let chart_cols = body.width.saturating_sub(names);
    vp.chart_days = Gantt::days_in(view.zoom, chart_cols);
    let legend = u16::from(body.height >= HEAD_ROWS + 6);
    let rows_room = usize::from(body.height.saturating_sub(HEAD_ROWS + legend));
    vp.page = rows_room.max(1);
    let selected = app.selected_entry().map(|e| e.id);
    let at = selected
        .and_then(|id| entries.iter().position(|e| e.id == id))
        .unwrap_or(0);
    let offset = cursor::window(vp.timeline_offset, Some(at), entries.len(), rows_room);
    vp.timeline_offset = offset;
    let visible: Vec<&TimelineEntry> = entries.iter().skip(offset).take(rows_room).collect();
    let visible = &visible[..];
    let infos = app.row_infos(visible);
    let widget = Gantt {
        rows: visible.iter().copied().zip(infos).collect(),
        selected,
        sprints: &app.doc.board.sprints,
        origin: app.timeline_origin_for(vp.chart_days),
        zoom: view.zoom,
        today: app.run.today,
        names,
        theme,
    };
    let chart = Rect {
        height: body.height - legend,
        ..body
    };
    // Each entry's row is a place to click (the widget draws row n at HEAD_ROWS + n).
    for (n, e) in visible.iter().enumerate() {
        let y = chart.y + HEAD_ROWS + n as u16;
        if y < chart.bottom() {
            let area = crate::app::Area {
                x: chart.x,
                y,
                width: chart.width,
                height: 1,
            };
            vp.hits.push((area, crate::app::Target::Entry(e.id)));
        }
    }
    frame.render_widget(widget, chart);
    if legend == 1 {
        let more = if entries.len() > rows_room {
            format!(
                "rows {}–{} of {} · ",
                offset + 1,
                offset + visible.len(),
                entries.len()
            )
        } else {
            String::new()
        };
        let text = first_fit(
            usize::from(body.width),
            [
                format!(
                    "{more}█ done ░ to do ◇ milestone ◆ release ○ 50% ● 85% forecast · ▲ late ✗ broken dependency $ over budget ! high risk"
                ),
                format!("{more}█ done ░ to do ○● 50/85% forecast · ▲ late ✗ dep $ over ! risk"),
                format!("{more}▲ late ✗ dep $ over ! risk"),
            ],
        );
        let y = body.bottom() - 1;
        frame.render_widget(
            Paragraph::new(text).style(theme.dim),
            Rect {
                y,
                height: 1,
                ..body
            },
        );
    }
}

/// `185k`, `36k`, `171.3k`, `1.2M`.
pub(super) fn money(n: u64) -> String {
    match n {
        1_000_000.. => format!("{:.1}M", n as f64 / 1e6),
        1_000.. if n.is_multiple_of(1000) => format!("{}k", n / 1000),
        1_000.. => format!("{:.1}k", n as f64 / 1e3),
        _ => n.to_string(),
    }
}

/// Today, what is in progress, the next milestone and the budget, packed into as few lines as fit.
fn header_lines(entries: Rows<'_>, app: &App, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let (today, project) = (app.run.today, &app.doc.board.project);
    // The first names and a count of the rest: no list of every entry that matches.
    let names = |pick: &dyn Fn(&TimelineEntry) -> bool| {
        let n = entries.iter().filter(|e| pick(e)).count();
        let first = entries.iter().filter(|e| pick(e)).map(|e| e.name.as_str());
        if n > 3 {
            let two: Vec<&str> = first.take(2).collect();
            return format!("{} and {} more", two.join(", "), n - 2);
        }
        first.collect::<Vec<&str>>().join(", ")
    };
    let now = names(&|e| e.start <= today && today <= e.end);
    let over = names(&|e| e.burn(today).is_overspending());
    let (planned, actual) = budget_totals(&app.doc.board.timeline);
    let next = match entries
        .iter()
        .find(|e| e.kind.is_point() && e.start >= today)
    {
        Some(e) => {
            let when = widgets::relative_day(e.start, today);
            format!("next {} {when} ({}): {}", e.kind.name(), e.start, e.name)
        }
        None => "no milestone ahead".to_string(),
    };
    let mut parts = vec![Span::styled(format!("today {today}"), theme.title)];
    if !now.is_empty() {
        parts.push(Span::styled(format!("▶ in progress: {now}"), theme.text));
    }
    parts.push(Span::styled(next, theme.text));
    let (currency, total) = (&project.currency, money(project.budget));
    let budget = format!(
        "budget {currency} {total}: {} planned, {} spent",
        money(planned),
        money(actual)
    );
    parts.push(Span::styled(budget, theme.text));
    if !over.is_empty() {
        parts.push(Span::styled(format!("⚠ over pace: {over}"), theme.warn));
    }
    pack(parts, w, theme)
}

#[cfg(test)]
mod tests {
    use super::super::sprint::tests::{sample, screen, shows};
    use crate::app::Pane;
    use crate::model::{EntryId, EntryKind};
    use jiff::civil::date;

    #[test]
    fn gantt_shows_bars_diamonds_today_and_the_sprint_band() {
        let text = screen(&sample(Pane::Timeline), 120, 30);
        shows(
            &text,
            &[
                "today 2026-11-28",
                "today▼",
                "weeks",
                "Sprints",
                "[Sprint 24",
            ],
        );
        shows(
            &text,
            &["▬ Build", "◇ Beta to 5% of traffic", "◆ Checkout 2.0 GA"],
        );
        shows(&text, &["▬ PCI DSS assessment", "$!", "100%"]);
        shows(
            &text,
            &[
                "← Sep 11",
                "▲ late ✗ broken dependency $ over budget ! high risk",
            ],
        );
        // December at its first day, today's word on the side with room.
        shows(&text, &["│Nov 2026      today▼  │Dec 2026"]);
    }

    #[test]
    fn only_visible_rows_are_built_at_2000_entries() {
        let mut app = sample(Pane::Timeline);
        let template = app.doc.board.timeline[0].clone();
        for n in 0..2000 {
            let mut e = template.clone();
            (e.id, e.kind, e.start, e.end) = (
                EntryId(100 + n),
                EntryKind::Milestone,
                date(2027, 6, 1),
                date(2027, 6, 1),
            );
            app.doc.board.timeline.push(e);
        }
        app.update(crate::app::Action::Bottom);
        shows(&screen(&app, 80, 24), &["of 2008"]);
    }
}
