//! The power/interest grid: four quadrants (keep satisfied, manage closely / monitor, keep informed)
//! with the stakeholders placed in them, the most powerful first. High power is the top row, high
//! interest the right column, as on a whiteboard.

use super::stakeholders::due_summary;
use super::theme::Theme;
use super::widgets::{self, fit};
use crate::app::App;
use crate::app::stakeholders::GRID;
use crate::model::{HIGH, Quadrant, Stakeholder, stakeholders_due};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// What each quadrant asks of the PM, shown under its title when there is room.
fn advice(q: Quadrant) -> &'static str {
    match q {
        Quadrant::ManageClosely => "involve them; they decide and care",
        Quadrant::KeepSatisfied => "short updates; no surprises",
        Quadrant::KeepInformed => "regular news; listen to them",
        Quadrant::Monitor => "a light touch",
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let all = &app.doc.board.stakeholders;
    let shown: usize = GRID
        .iter()
        .flatten()
        .map(|q| app.quadrant_rows(*q).len())
        .sum();
    let count = if shown == all.len() {
        all.len().to_string()
    } else {
        format!("{shown} of {}", all.len())
    };
    let title = format!(" Power/interest grid — {count} · H/L interest, J/K power ");
    let due = stakeholders_due(all, app.run.today);
    let header = due_summary(
        all.len(),
        &due,
        usize::from(area.width.saturating_sub(2)),
        theme,
    );
    let empty = all.is_empty().then(|| {
        format!(
            "No stakeholders yet: {} adds the first.",
            app.keymap.hint(&crate::app::Action::AddStakeholder)
        )
    });
    let Some(body) = widgets::framed(frame, area, title, header, empty.as_deref(), theme) else {
        return;
    };
    let [axis, grid] = Layout::horizontal([Constraint::Length(2), Constraint::Fill(1)]).areas(body);
    let [top, bottom, legend] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(grid);
    // The power axis, written downwards beside the quadrants.
    let axis_text: Vec<Line> = "power↑"
        .chars()
        .map(|c| Line::styled(c.to_string(), theme.dim))
        .collect();
    let [_, axis_mid] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(axis);
    frame.render_widget(Paragraph::new(axis_text), axis_mid);
    for (row, area) in [top, bottom].into_iter().enumerate() {
        let [left, right] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(area);
        for (col, cell) in [left, right].into_iter().enumerate() {
            quadrant(frame, cell, app, GRID[row][col], theme);
        }
    }
    let legend_text =
        format!("← low interest · high interest (≥ {HIGH}) → · top row: high power (≥ {HIGH})");
    frame.render_widget(
        Paragraph::new(fit(&legend_text, usize::from(legend.width)))
            .style(theme.dim)
            .alignment(ratatui::layout::Alignment::Center),
        legend,
    );
}

fn quadrant(frame: &mut Frame, area: Rect, app: &App, q: Quadrant, theme: &Theme) {
    // Positions in the kept quadrant: the frame builds the lines on screen only.
    let members = app.quadrant_rows(q);
    let person = |p: &u32| app.person_at(*p);
    let mut name = q.name().to_string();
    name[..1].make_ascii_uppercase();
    let block = widgets::block(format!(" {name} · {} ", members.len()), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    let room = usize::from(inner.height);
    if room > members.len() + 1 {
        lines.push(Line::styled(fit(advice(q), width), theme.dim));
    }
    let rows = room.saturating_sub(lines.len());
    let selected = app
        .selected_person()
        .and_then(|p| members.iter().position(|m| person(m).id == p.id));
    // Keep the selection in view; say how many more there are when they do not fit.
    let start = match selected {
        Some(sel) if rows > 0 && sel >= rows => sel + 1 - rows,
        _ => 0,
    };
    let take = if members.len() - start > rows {
        rows.saturating_sub(1)
    } else {
        rows
    };
    for (i, m) in members.iter().enumerate().skip(start).take(take) {
        lines.push(person_line(
            person(m),
            app,
            Some(i) == selected,
            width,
            theme,
        ));
    }
    let hidden = members.len().saturating_sub(start + take);
    if hidden > 0 && rows > 0 {
        lines.push(Line::styled(format!("  … {hidden} more"), theme.dim));
    }
    if members.is_empty() && room > 1 {
        lines.push(Line::styled("  nobody here", theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `› Helen Achterberg   P5 I4  overdue 3d`: the name, where they sit, and their due marker.
fn person_line(
    s: &Stakeholder,
    app: &App,
    selected: bool,
    width: usize,
    theme: &Theme,
) -> Line<'static> {
    let marker = if selected { "› " } else { "  " };
    let scale = format!("P{} I{}", s.power, s.interest);
    let due = match s.days_overdue(app.run.today) {
        Some(0) => Some(("due today".to_string(), theme.warn)),
        Some(d) => Some((format!("overdue {d}d"), theme.error)),
        None => None,
    };
    let due_w = due.as_ref().map_or(0, |(t, _)| widgets::width(t) + 2);
    let fixed = 2 + 1 + widgets::width(&scale) + due_w;
    let name_w = width.saturating_sub(fixed).max(4);
    let name = widgets::pad(&s.name, name_w);
    let base = if selected { theme.selected } else { theme.text };
    let mut spans = vec![
        Span::styled(marker, base),
        Span::styled(name, base.add_modifier(Modifier::BOLD)),
        Span::styled(format!(" {scale}"), if selected { base } else { theme.dim }),
    ];
    if let Some((t, style)) = due {
        spans.push(Span::styled(
            format!("  {t}"),
            if selected { base } else { style },
        ));
    }
    let used: usize = spans.iter().map(Span::width).sum();
    if selected && used < width {
        spans.push(Span::styled(" ".repeat(width - used), base));
    }
    Line::from(spans)
}
