//! The stakeholders pane (read-only): who is due for an update, where they sit on the power/interest
//! grid and what they said last. Those due come first, most overdue first; then the rest by name.
//!
//! Two lines a stakeholder; rows are built only for those on screen.

use super::theme::Theme;
use super::widgets;
use super::widgets::{first_fit, fit, pack};
use crate::app::{App, Pane};
use crate::model::{Stakeholder, stakeholders_due};
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Cell, Row, Table};

const HEADS: [&str; 5] = ["Stakeholder", "Next update", "Last", "Grid", "Latest note"];

/// Width of each column in `HEADS` order (0 hides it); the latest note takes what is left.
fn widths(inner: u16) -> [u16; 5] {
    let mut w = match inner {
        150.. => [44, 12, 8, 14, 0],
        110.. => [34, 12, 8, 14, 0],
        76.. => [20, 11, 7, 14, 0],
        _ => [16, 11, 0, 14, 0],
    };
    let gaps = w.iter().filter(|&&x| x > 0).count();
    w[4] = inner.saturating_sub(w.iter().sum::<u16>() + u16::try_from(gaps).unwrap_or(0));
    w
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let (all, today) = (&app.board.stakeholders, app.today);
    let due = stakeholders_due(all, today);
    let mut rest: Vec<&Stakeholder> = all
        .iter()
        .filter(|s| s.days_overdue(today).is_none())
        .collect();
    rest.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    let order = due.iter().map(|(s, _)| *s).chain(rest);

    let header = header_lines(all, &due, usize::from(area.width.saturating_sub(2)), theme);
    let height = u16::try_from(header.len()).unwrap_or(1);
    let rows = usize::from(area.height.saturating_sub(3 + height)) / 2;
    let offset = app.scroll[Pane::Stakeholders.index()].min(all.len().saturating_sub(rows));
    let title = if rows >= all.len() {
        format!(" Stakeholders — {} ", all.len())
    } else {
        let last = all.len().min(offset + rows);
        format!(" Stakeholders — {}–{last} of {} ", offset + 1, all.len())
    };
    let empty = all
        .is_empty()
        .then_some("No stakeholders yet: the people to keep informed show here.");
    let Some(table) = widgets::framed(frame, area, title, header, empty, theme) else {
        return;
    };

    let w = widths(table.width);
    let rows = order
        .skip(offset)
        .take(rows)
        .map(|s| row(s, today, w, theme));
    let shown = |i: &usize| w[*i] > 0;
    let heads = Row::new((0..5).filter(shown).map(|i| HEADS[i])).style(theme.header);
    let widths = (0..5).filter(shown).map(|i| Constraint::Length(w[i]));
    let table_widget = Table::new(rows, widths).header(heads).column_spacing(1);
    frame.render_widget(table_widget, table);
}

/// One stakeholder, on two lines.
fn row(s: &Stakeholder, today: Date, w: [u16; 5], theme: &Theme) -> Row<'static> {
    let cell = |i: usize, first: (String, Style), second: String| {
        let max = usize::from(w[i]);
        Cell::from(Text::from(vec![
            Line::styled(fit(&first.0, max), first.1),
            Line::styled(fit(&second, max), theme.dim),
        ]))
    };
    let who = [s.role.as_str(), s.organisation.as_str()];
    let who: Vec<&str> = who.into_iter().filter(|x| !x.is_empty()).collect();
    let (due, style) = match s.days_overdue(today) {
        Some(0) => ("due today".to_string(), theme.warn),
        Some(d) => (format!("overdue {d}d"), theme.error),
        None => {
            let next = s.next_update(today);
            (
                format!("due {}", widgets::relative_day(next, today)),
                theme.text,
            )
        }
    };
    let last = match s.last_update {
        Some(d) => (widgets::relative_day(d, today), widgets::short_date(d)),
        None => ("never".to_string(), String::new()),
    };
    let power = format!("P{} I{}", s.power, s.interest);
    let (note, text) = match s.latest_note() {
        Some(n) => {
            let head = format!("{} {}", widgets::short_date(n.date), n.kind.name());
            let count = s.notes.len();
            let plural = if count == 1 { "note" } else { "notes" };
            let options = [
                format!("{head} · {count} {plural}"),
                format!("{head} ({count})"),
            ];
            (first_fit(usize::from(w[4]), options), n.text.clone())
        }
        None => ("no notes".to_string(), String::new()),
    };
    let name = theme.text.add_modifier(Modifier::BOLD);
    let cells = [
        cell(0, (s.name.clone(), name), who.join(" · ")),
        cell(1, (due, style), format!("every {}d", s.cadence_days)),
        cell(2, (last.0, theme.text), last.1),
        cell(3, (s.quadrant().name().to_string(), theme.text), power),
        cell(4, (note, theme.text), text),
    ];
    let cells = cells.into_iter().zip(w).filter(|(_, w)| *w > 0);
    Row::new(cells.map(|(c, _)| c)).height(2)
}

/// How many are due for an update and who is most overdue, packed into as few lines as fit.
fn header_lines(
    all: &[Stakeholder],
    due: &[(&Stakeholder, i32)],
    w: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let count = format!("{} of {} due for an update", due.len(), all.len());
    let mut parts = vec![Span::styled(
        count,
        if due.is_empty() { theme.ok } else { theme.warn },
    )];
    let overdue: Vec<String> = due
        .iter()
        .filter(|(_, d)| *d > 0)
        .take(3)
        .map(|(s, d)| format!("{} {d}d", s.name))
        .collect();
    if !overdue.is_empty() {
        parts.push(Span::styled(
            format!("most overdue: {}", overdue.join(", ")),
            theme.text,
        ));
    }
    pack(parts, w, theme)
}

#[cfg(test)]
mod tests {
    use super::super::sprint::tests::{sample, screen, shows};
    use super::*;

    /// The table's part of the screen (the header line names stakeholders too).
    fn table(text: &str) -> &str {
        text.split_once("Stakeholder ").map_or("", |t| t.1)
    }

    #[test]
    fn overdue_first_with_their_marker_then_by_name() {
        let text = screen(&sample(Pane::Stakeholders), 80, 24);
        shows(&text, &["2 of 6 due for an update", "Rafael Duarte 14d"]);
        let rafael = table(&text).lines().find(|l| l.contains("Rafael Duarte"));
        shows(
            rafael.unwrap_or_default(),
            &["overdue 14d", "44d ago", "keep satisfied"],
        );
        shows(
            &text,
            &["P5 I2", "every 30d", "Oct 15 request", "due in 6d"],
        );
        let names = ["Rafael", "Sofia", "Helen", "Kwame", "Nadia", "Oliver"];
        let order: Vec<usize> = names.iter().filter_map(|n| table(&text).find(n)).collect();
        assert!(order.len() == 6 && order.is_sorted(), "{text}");
    }

    #[test]
    fn wide_screens_show_role_organisation_and_the_note() {
        let mut app = sample(Pane::Stakeholders);
        let text = screen(&app, 200, 60);
        shows(
            &text,
            &[
                "Finance Director · Larkspur Home",
                "Oct 15 request · 2 notes",
            ],
        );
        shows(
            &text,
            &["Nightly reconciliation of Adyen settlements before any real"],
        );
        app.scroll[Pane::Stakeholders.index()] = 99;
        let text = screen(&app, 80, 16);
        shows(&text, &["2–6 of 6", "Sofia Marin"]);
        assert!(!table(&text).contains("Rafael"), "{text}");
    }
}
