//! The budget view (`$` in the timeline): planned against actual cost per phase and for the project,
//! and spend against time elapsed, flagging a phase whose money runs ahead of its time.

use super::theme::Theme;
use super::timeline::money;
use super::widgets::{self, fit};
use crate::app::App;
use crate::model::{EntryKind, TimelineEntry, budget_totals, percent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Row, Table};

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    entries: &[&TimelineEntry],
    header: Vec<Line<'static>>,
    theme: &Theme,
    vp: &mut crate::app::Viewport,
) {
    let today = app.run.today;
    let costed: Vec<&TimelineEntry> = entries
        .iter()
        .copied()
        .filter(|e| e.kind == EntryKind::Phase || e.planned_cost > 0 || e.actual_cost > 0)
        .collect();
    let currency = app.doc.board.project.currency.trim();
    let k = |a: crate::app::Action| app.keymap.hint(&a);
    let title = format!(
        " Budget — {currency} · planned vs actual · {} or {}: back to the gantt ",
        k(crate::app::Action::Budget),
        k(crate::app::Action::Cancel)
    );
    let empty = costed.is_empty().then(|| {
        format!(
            "No phases yet: {} adds one; its form has planned and actual cost.",
            k(crate::app::Action::AddEntry)
        )
    });
    let Some(body) = widgets::framed(frame, area, title, header, empty.as_deref(), theme) else {
        return;
    };
    let wide = body.width >= 110;
    let rows_room = usize::from(body.height.saturating_sub(3));
    vp.page = rows_room.max(1);
    let selected = app.selected_entry().map(|e| e.id);
    let at = selected
        .and_then(|id| costed.iter().position(|e| e.id == id))
        .unwrap_or(0);
    let offset = at.saturating_sub(rows_room.saturating_sub(1));
    let row = |e: &TimelineEntry| {
        let burn = e.burn(today);
        let over = (burn.planned > 0 || burn.actual > 0) && burn.is_overspending();
        let spent = match burn.spent_percent() {
            Some(p) => format!("{p}%"),
            None if burn.actual > 0 => "unplanned".to_string(),
            None => "—".to_string(),
        };
        let flag = if burn.actual > burn.planned && burn.planned > 0 {
            "$ over budget"
        } else if over {
            "$ ahead of time"
        } else if burn.time_elapsed >= 1.0 {
            "closed"
        } else {
            "on pace"
        };
        let mark = if Some(e.id) == selected { "›" } else { " " };
        let mut cells = vec![
            Cell::from(mark),
            Cell::from(fit(&e.name, 40)),
            Cell::from(money(burn.planned)),
            Cell::from(money(burn.actual)),
            Cell::from(spent),
            Cell::from(format!("{}%", burn.time_percent())),
            Cell::from(flag),
        ];
        if wide {
            cells.insert(2, Cell::from(fit(&e.owner, 16)));
            let dates = if e.kind.is_point() {
                widgets::short_date(e.start)
            } else {
                format!(
                    "{} → {}",
                    widgets::short_date(e.start),
                    widgets::short_date(e.end)
                )
            };
            cells.insert(3, Cell::from(dates));
        }
        let style = if Some(e.id) == selected {
            theme.selected
        } else if over {
            theme.warn
        } else {
            theme.text
        };
        Row::new(cells).style(style)
    };
    let mut rows: Vec<Row> = costed
        .iter()
        .skip(offset)
        .take(rows_room)
        .map(|e| row(e))
        .collect();
    let (planned, actual) = budget_totals(&app.doc.board.timeline);
    let budget = app.doc.board.project.budget;
    let pct = |a: u64, b: u64| percent(a, b).map_or_else(|| "—".to_string(), |p| format!("{p}%"));
    let verdict = if budget > 0 && planned > budget {
        format!("$ plan over the {} budget", money(budget))
    } else if budget > 0 {
        format!(
            "{} of {} left",
            money(budget.saturating_sub(actual)),
            money(budget)
        )
    } else {
        String::new()
    };
    let mut total = vec![
        Cell::from(""),
        Cell::from("Project"),
        Cell::from(money(planned)),
        Cell::from(money(actual)),
        Cell::from(pct(actual, planned)),
        Cell::from(""),
        Cell::from(verdict),
    ];
    if wide {
        total.insert(2, Cell::from(""));
        total.insert(3, Cell::from(""));
    }
    rows.push(Row::new(total).style(theme.title));
    let mut heads = vec!["", "Phase", "Planned", "Actual", "Spent", "Time", ""];
    let mut widths = vec![
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(8),
        Constraint::Length(8),
        Constraint::Length(9),
        Constraint::Length(5),
        Constraint::Length(if wide { 30 } else { 15 }),
    ];
    if wide {
        heads.insert(2, "Owner");
        heads.insert(3, "Dates");
        widths.insert(2, Constraint::Length(16));
        widths.insert(3, Constraint::Length(15));
    }
    frame.render_widget(
        Table::new(rows, widths)
            .header(Row::new(heads).style(theme.header))
            .column_spacing(1),
        body,
    );
}
