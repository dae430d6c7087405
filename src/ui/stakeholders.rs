//! The stakeholders pane: the register (who is due for an update, where they sit on the grid, what
//! they said last), one stakeholder's details with their notes, and the filter line. The grid and the
//! note timeline are in `grid.rs` and `notes.rs`.
//!
//! Two lines a stakeholder; rows are built only for those on screen.

use super::theme::Theme;
use super::widgets;
use super::widgets::{first_fit, fit, pack};
use crate::app::stakeholders::Screen;
use crate::app::{App, Mode};
use crate::model::{Note, Stakeholder, stakeholders_due};
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Cell, List, ListItem, ListState, Row, Table, TableState};

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

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    vp: &mut crate::app::Viewport,
) {
    let notes = app.people.screen == Screen::Notes && !app.people.details;
    let typing = matches!(app.mode, Mode::Filter(_));
    let filtered = if notes {
        !app.people.notes.is_empty()
    } else {
        !app.people.filter.is_empty()
    };
    let (body, filter) = if typing || filtered {
        let [body, filter] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        (body, Some(filter))
    } else {
        (area, None)
    };
    if app.people.details {
        details(frame, body, app, theme, vp);
    } else {
        match app.people.screen {
            Screen::Register => register(frame, body, app, theme, vp),
            Screen::Grid => super::grid::draw(frame, body, app, theme),
            Screen::Notes => super::notes::draw(frame, body, app, theme, vp),
        }
    }
    if let Some(f) = filter {
        filter_line(frame, f, app, notes, theme);
    }
}

fn register(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    vp: &mut crate::app::Viewport,
) {
    let (all, today) = (&app.doc.board.stakeholders, app.run.today);
    // Positions in the kept order: the frame builds the rows on screen only.
    let order = app.people_rows();
    let person = |p: &u32| app.person_at(*p);
    let due = stakeholders_due(all, today);
    let header = due_summary(
        all.len(),
        &due,
        usize::from(area.width.saturating_sub(2)),
        theme,
    );
    let count = if order.len() == all.len() {
        all.len().to_string()
    } else {
        format!("{} of {}", order.len(), all.len())
    };
    let title = format!(" Stakeholders — {count} · {} ", app.people.sort.name());
    let empty = if all.is_empty() {
        Some(format!(
            "No stakeholders yet: {} adds the first (the people whose support the product needs).",
            app.keymap.hint(&crate::app::Action::AddStakeholder)
        ))
    } else if order.is_empty() {
        Some(format!(
            "Nobody matches the filter: {} clears it.",
            app.keymap.hint(&crate::app::Action::Cancel)
        ))
    } else {
        None
    };
    let Some(table) = widgets::framed(frame, area, title, header, empty.as_deref(), theme) else {
        return;
    };
    // The selection marker takes two columns.
    let w = widths(table.width.saturating_sub(2));
    let shown = |i: &usize| w[*i] > 0;
    let heads = Row::new((0..5).filter(shown).map(|i| HEADS[i])).style(theme.header);
    let rows_fit = usize::from(table.height.saturating_sub(1)) / 2;
    let selected = app
        .selected_person()
        .and_then(|p| order.iter().position(|m| person(m).id == p.id));
    // Only the rows on screen are built: keep the selection in view, like the backlog.
    let offset = crate::app::cursor::window(vp.people_offset, selected, order.len(), rows_fit);
    vp.people_offset = offset;
    let rows = order
        .iter()
        .skip(offset)
        .take(rows_fit.max(1))
        .map(|m| row(person(m), today, w, theme));
    let widths = (0..5).filter(shown).map(|i| Constraint::Length(w[i]));
    let widget = Table::new(rows, widths)
        .header(heads)
        .column_spacing(1)
        .row_highlight_style(theme.selected)
        .highlight_symbol("› ")
        .highlight_spacing(ratatui::widgets::HighlightSpacing::Always);
    let mut state = TableState::default().with_selected(selected.map(|s| s - offset));
    frame.render_stateful_widget(widget, table, &mut state);
    // Each stakeholder's two lines, below the header, are a place to click.
    for (n, m) in order.iter().skip(offset).take(rows_fit.max(1)).enumerate() {
        let area = crate::app::Area {
            x: table.x,
            y: table.y + 1 + 2 * n as u16,
            width: table.width,
            height: 2,
        };
        vp.hits
            .push((area, crate::app::Target::Person(person(m).id)));
    }
}

/// "overdue 14d" (red), "due today" (yellow) or "due in 6d".
pub(super) fn due_label(s: &Stakeholder, today: Date, theme: &Theme) -> (String, Style) {
    match s.days_overdue(today) {
        Some(0) => ("due today".to_string(), theme.warn),
        Some(d) => (format!("overdue {d}d"), theme.error),
        None => (
            format!("due {}", widgets::relative_day(s.next_update(today), today)),
            theme.text,
        ),
    }
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
    let due = due_label(s, today, theme);
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
            (first_fit(usize::from(w[4]), options), one_line(&n.text))
        }
        None => ("no notes".to_string(), String::new()),
    };
    let name = theme.text.add_modifier(Modifier::BOLD);
    let cells = [
        cell(0, (s.name.clone(), name), who.join(" · ")),
        cell(1, due, format!("every {}d", s.cadence_days)),
        cell(2, (last.0, theme.text), last.1),
        cell(3, (s.quadrant().name().to_string(), theme.text), power),
        cell(4, (note, theme.text), text),
    ];
    let cells = cells.into_iter().zip(w).filter(|(_, w)| *w > 0);
    Row::new(cells.map(|(c, _)| c)).height(2)
}

/// A note's text on one line (a note from $EDITOR may have several).
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many are due for an update and who is most overdue, packed into as few lines as fit.
pub(super) fn due_summary(
    total: usize,
    due: &[(&Stakeholder, i32)],
    w: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let count = format!("{} of {total} due for an update", due.len());
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

/// What a note is about: item keys and timeline entry names.
pub(super) fn links(app: &App, n: &Note) -> Vec<String> {
    let b = &app.doc.board;
    let mut out: Vec<String> = n.items.iter().map(|i| b.item_key(*i)).collect();
    out.extend(
        n.entries
            .iter()
            .filter_map(|e| b.entry(*e))
            .map(|e| e.name.clone()),
    );
    out
}

/// `text` broken into lines of at most `width` cells, at spaces where it can.
pub(super) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let mut lines = Vec::new();
    for para in text.lines() {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let word = fit(word, width);
            if !line.is_empty() && widgets::width(&line) + 1 + widgets::width(&word) > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
        lines.push(line);
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// One note as a list entry: date, kind and links on the first line, the text below (all of it
/// when selected, else up to `max_lines`).
pub(super) fn note_item(
    app: &App,
    head: Vec<Span<'static>>,
    n: &Note,
    width: usize,
    max_lines: usize,
    theme: &Theme,
) -> ListItem<'static> {
    let mut lines = vec![Line::from(head)];
    let text = wrap(&n.text, width.saturating_sub(2));
    let cut = text.len() > max_lines;
    for (i, l) in text.into_iter().take(max_lines).enumerate() {
        let l = if cut && i + 1 == max_lines {
            fit(&format!("{l} …"), width.saturating_sub(2))
        } else {
            l
        };
        lines.push(Line::styled(format!("  {l}"), theme.text));
    }
    let about = links(app, n);
    if !about.is_empty() {
        lines.push(Line::styled(
            fit(&format!("  → {}", about.join(" · ")), width),
            theme.accent,
        ));
    }
    ListItem::new(lines)
}

/// The selected stakeholder: who they are, what they care about, and their notes newest first.
fn details(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, vp: &mut crate::app::Viewport) {
    let Some(s) = app.selected_person() else {
        return;
    };
    let today = app.run.today;
    let who: Vec<&str> = [s.role.as_str(), s.organisation.as_str()]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect();
    let title = if who.is_empty() {
        format!(" {} ", s.name)
    } else {
        format!(" {} — {} ", s.name, who.join(" · "))
    };
    let block = widgets::block(title, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width.saturating_sub(2));

    let label = |l: &str| Span::styled(format!("{l:<13}"), theme.dim);
    let mut about = vec![Line::from(vec![
        Span::styled(
            s.quadrant().name().to_string(),
            theme.text.add_modifier(Modifier::BOLD),
        ),
        Span::styled(
            format!(
                " · power {} · interest {} · an update every {}",
                s.power,
                s.interest,
                match s.cadence_days {
                    1 => "day".to_string(),
                    n => format!("{n} days"),
                }
            ),
            theme.text,
        ),
    ])];
    let (due, due_style) = due_label(s, today, theme);
    let last = match s.last_update {
        Some(d) => format!(
            "last update {} ({})",
            widgets::short_date(d),
            widgets::relative_day(d, today)
        ),
        None => "never updated".to_string(),
    };
    about.push(Line::from(vec![
        Span::styled(due, due_style),
        Span::styled(format!(" · {last}"), theme.text),
    ]));
    if !s.contact.is_empty() {
        about.push(Line::from(vec![
            label("Contact"),
            Span::styled(s.contact.clone(), theme.text),
        ]));
    }
    if !s.cares_about.is_empty() {
        for (i, l) in wrap(&s.cares_about, width.saturating_sub(13))
            .into_iter()
            .enumerate()
        {
            let head = if i == 0 {
                label("Cares about")
            } else {
                label("")
            };
            about.push(Line::from(vec![head, Span::styled(l, theme.text)]));
        }
    }
    about.push(Line::raw(""));
    let count = s.notes.len();
    let heading = match count {
        0 => "No notes yet".to_string(),
        1 => "1 note".to_string(),
        n => format!("{n} notes, newest first"),
    };
    let k = |a: crate::app::Action| app.keymap.hint(&a);
    use crate::app::Action::{
        AddNote, DeleteStakeholder, Down, EditStakeholder, LinkNote, NoteInEditor, Up,
    };
    let keys = if count == 0 {
        format!(
            "  {} adds one · {} writes one in $EDITOR",
            k(AddNote),
            k(NoteInEditor)
        )
    } else {
        format!(
            "  {}/{} select · {} edit · {} delete · {} link · {} $EDITOR",
            k(Down),
            k(Up),
            k(EditStakeholder),
            k(DeleteStakeholder),
            k(LinkNote),
            k(NoteInEditor)
        )
    };
    let room = width.saturating_sub(widgets::width(&heading));
    about.push(Line::from(vec![
        Span::styled(heading, theme.header),
        Span::styled(
            first_fit(room, [keys.to_string(), String::new()]),
            theme.dim,
        ),
    ]));

    let mut items = vec![ListItem::new(about)];
    let notes: Vec<&Note> = s.notes.iter().rev().collect();
    for n in &notes {
        let head = vec![
            Span::styled(format!("{} ", n.date.strftime("%b %d %Y")), theme.accent),
            Span::styled(
                format!("{:<9}", n.kind.name()),
                theme.text.add_modifier(Modifier::BOLD),
            ),
        ];
        let selected = app.people.note == Some(n.id);
        items.push(note_item(
            app,
            head,
            n,
            width,
            if selected { usize::MAX } else { 3 },
            theme,
        ));
    }
    let selected = match app.people.note {
        None => 0,
        Some(id) => notes.iter().position(|n| n.id == id).map_or(0, |p| p + 1),
    };
    let list = List::new(items)
        .highlight_symbol("› ")
        .highlight_spacing(ratatui::widgets::HighlightSpacing::Always)
        .highlight_style(theme.selected);
    let mut state = ListState::default()
        .with_offset(vp.note_offset.min(selected))
        .with_selected(Some(selected));
    frame.render_stateful_widget(list, inner, &mut state);
    vp.note_offset = state.offset();
}

/// The register's or the note timeline's filter line, with what it reads on the right.
fn filter_line(frame: &mut Frame, area: Rect, app: &App, notes: bool, theme: &Theme) {
    let text = if notes {
        app.people.notes.text.clone()
    } else {
        app.people.filter.clone()
    };
    let note = if notes && !app.people.notes.unknown.is_empty() {
        (
            format!(
                "not understood: {} (kind: meeting decision request risk · since: 2026-11-01 14d 2w 3m week month today) ",
                app.people.notes.unknown.join(" ")
            ),
            theme.error,
        )
    } else if notes {
        ("kind:decision since:month words ".to_string(), theme.dim)
    } else {
        ("name, role, organisation, quadrant ".to_string(), theme.dim)
    };
    widgets::filter_line(frame, area, app, &text, Some(note), theme);
}
