//! The budget view (`$` in the timeline): planned against actual cost per phase and for the project,
//! and spend against time elapsed, flagging a phase whose money runs ahead of its time.

use super::columns::{self, Col};
use super::theme::Theme;
use super::timeline::money;
use super::widgets;
use crate::app::App;
use crate::model::{EntryKind, TimelineEntry, budget_totals, percent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    entries: super::timeline::Rows<'_>,
    header: Vec<Line<'static>>,
    theme: &Theme,
    vp: &mut crate::app::Viewport,
) {
    let today = app.run.today;
    // The rows with a cost, walked as needed: the frame builds the rows on screen only.
    let costed = || {
        entries
            .iter()
            .filter(|e| e.kind == EntryKind::Phase || e.planned_cost > 0 || e.actual_cost > 0)
    };
    let costed_len = costed().count();
    let currency = app.doc.board.project.currency.trim();
    let k = |a: crate::app::Action| app.keymap.hint(&a);
    let title = format!(
        " Budget — {currency} · planned vs actual · {} or {}: back to the gantt ",
        k(crate::app::Action::Budget),
        k(crate::app::Action::Cancel)
    );
    let empty = (costed_len == 0).then(|| {
        format!(
            "No phases yet: {} adds one; its form has planned and actual cost.",
            k(crate::app::Action::AddEntry)
        )
    });
    let Some(body) = widgets::framed(frame, area, title, header, empty.as_deref(), theme) else {
        return;
    };
    // Earned value below the table: as many of its lines as leave the table a few rows.
    let evm_lines = earned_value(app, body.width, theme);
    let room = usize::from(body.height.saturating_sub(5)).min(evm_lines.len());
    let body = if room > 0 {
        // Right below the table when it is short: its header, rows, the project's total and the
        // blank line the table keeps under it (what `rows_room` leaves for them).
        let table_h = (costed_len + 3).min(usize::from(body.height) - room) as u16;
        let [table, evm_area, _] = ratatui::layout::Layout::vertical([
            ratatui::layout::Constraint::Length(table_h),
            ratatui::layout::Constraint::Length(room as u16),
            ratatui::layout::Constraint::Fill(1),
        ])
        .areas(body);
        let shown: Vec<Line> = evm_lines.into_iter().take(room).collect();
        frame.render_widget(ratatui::widgets::Paragraph::new(shown), evm_area);
        table
    } else {
        body
    };
    let wide = body.width >= 110;
    let rows_room = usize::from(body.height.saturating_sub(3));
    vp.page = rows_room.max(1);
    let selected = app.selected_entry().map(|e| e.id);
    let at = selected
        .and_then(|id| costed().position(|e| e.id == id))
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
            mark.to_string(),
            e.name.clone(),
            money(burn.planned),
            money(burn.actual),
            spent,
            format!("{}%", burn.time_percent()),
            flag.to_string(),
        ];
        if wide {
            cells.insert(2, e.owner.clone());
            let dates = if e.kind.is_point() {
                widgets::short_date(e.start)
            } else {
                format!(
                    "{} → {}",
                    widgets::short_date(e.start),
                    widgets::short_date(e.end)
                )
            };
            cells.insert(3, dates);
        }
        let style = if Some(e.id) == selected {
            theme.selected
        } else if over {
            theme.warn
        } else {
            theme.text
        };
        (cells, style)
    };
    let mut rows: Vec<(Vec<String>, ratatui::style::Style)> =
        costed().skip(offset).take(rows_room).map(row).collect();
    let (planned, actual) = budget_totals(&app.doc.board.timeline);
    let budget = app.doc.board.project.budget;
    let pct = |a: u64, b: u64| percent(a, b).map_or_else(|| "—".to_string(), |p| format!("{p}%"));
    // The project's own figure says what it is: what is left of the budget, or how far over.
    let verdict = if budget > 0 && planned > budget {
        format!("$ plan over the {} budget", money(budget))
    } else if budget > 0 {
        format!(
            "{} of {} budget left",
            money(budget.saturating_sub(actual)),
            money(budget)
        )
    } else {
        String::new()
    };
    let mut total = vec![
        String::new(),
        "Project".to_string(),
        money(planned),
        money(actual),
        pct(actual, planned),
        String::new(),
        verdict,
    ];
    if wide {
        total.insert(2, String::new());
        total.insert(3, String::new());
    }
    rows.push((total, theme.title));
    let mut heads = vec!["", "Phase", "Planned", "Actual", "Spent", "Time", "Status"];
    let mut cols = vec![
        Col::Fit,
        Col::Fill(1),
        Col::Fit,
        Col::Fit,
        Col::Fit,
        Col::Fit,
        Col::Fit,
    ];
    if wide {
        heads.insert(2, "Owner");
        heads.insert(3, "Dates");
        cols.insert(2, Col::Max(16));
        cols.insert(3, Col::Fit);
    }
    frame.render_widget(
        columns::table(&cols, &heads, rows, body.width, theme.header),
        body,
    );
}

/// AgileEVM's figures in three lines, most telling first: the reading a stakeholder understands
/// ("for every EUR spent we deliver EUR 0.82 of planned value"), the indices and values, then what
/// they come from. A figure that cannot be computed shows "—"; the reading says why.
fn earned_value(app: &App, w: u16, theme: &Theme) -> Vec<Line<'static>> {
    use crate::model::evm::{Figure, index_text};
    let evm = app.evm();
    let currency = app.doc.board.project.currency.trim();
    let w = usize::from(w);
    let cash =
        |f: &Figure| f.map_or_else(|_| "—".to_string(), |v| money(v.max(0.0).round() as u64));
    let i = evm.input;
    let mut reading = evm.cost_reading(currency);
    if w >= 100 {
        reading = format!("{reading}; {}", evm.schedule_reading());
    }
    let reading = format!("Earned value: {reading}");
    let low = |f: &Figure| f.is_ok_and(|v| v < 0.85);
    let style = if low(&evm.cpi) || low(&evm.spi) {
        theme.warn
    } else {
        theme.text
    };
    let figures = format!(
        "SPI {} · CPI {} · PV {} · EV {} · AC {} · EAC {}",
        index_text(&evm.spi),
        index_text(&evm.cpi),
        cash(&evm.pv),
        cash(&evm.ev),
        money(i.actual),
        cash(&evm.eac)
    );
    let basis = format!(
        "PPC {} = {} of {} sprints · APC {} = {} of {} pts · BAC {}",
        index_text(&evm.ppc),
        i.sprints_done,
        i.sprints_planned,
        index_text(&evm.apc),
        i.points_done,
        i.points_planned,
        money(i.bac)
    );
    vec![
        Line::styled(widgets::fit(&reading, w), style),
        Line::styled(widgets::fit(&figures, w), theme.text),
        Line::styled(widgets::fit(&basis, w), theme.dim),
    ]
}
