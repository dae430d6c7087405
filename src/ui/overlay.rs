//! Popups over the pane: help (generated from the keymap), the command palette, the rank-by-score
//! preview and the quit question.

use super::{Theme, backlog::score_text, widgets};
use crate::app::{App, Palette, palette::Entry};
use crate::model::ItemId;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use std::collections::HashMap;
use unicode_width::UnicodeWidthStr;

/// Clears the place of a popup and the text in the column either side of it (inside `within`, the
/// pane it covers), so nothing beneath touches its borders; the borders of what it covers stay. A
/// double-width character beneath that straddles the cleared edge is blanked too: left there, it
/// would cover the popup's first column (a terminal draws it two columns wide).
pub fn clear(frame: &mut Frame, within: Rect, popup: Rect) {
    frame.render_widget(Clear, popup);
    let buffer = frame.buffer_mut();
    let screen = buffer.area;
    let inside = |x: u16| x > within.x && x + 1 < within.right() && x < screen.right();
    let left = popup.x.checked_sub(1).filter(|&x| inside(x));
    let right = Some(popup.right()).filter(|&x| inside(x));
    // Box drawing (U+2500–U+257F): a border of the pane or of a block beside the popup.
    let border = |s: &str| s.chars().next().is_some_and(|c| ('─'..='╿').contains(&c));
    for y in popup.top()..popup.bottom().min(screen.bottom()) {
        let mut first = popup.x;
        for x in [left, right].into_iter().flatten() {
            let cell = &mut buffer[(x, y)];
            if !border(cell.symbol()) {
                cell.reset();
                first = first.min(x);
            }
        }
        if first > screen.x {
            let cell = &mut buffer[(first - 1, y)];
            if cell.symbol().width() > 1 {
                cell.set_symbol(" ");
            }
        }
    }
}

pub fn help(frame: &mut Frame, area: Rect, app: &App, scroll: usize, theme: &Theme) {
    let mut lines = Vec::new();
    let popup = widgets::centered(area, 76, area.height.saturating_sub(2));
    // A description longer than its room ends in `…` (the popup's width less the keys column).
    let room = usize::from(popup.width).saturating_sub(2 + 2 + 18);
    for (context, rows) in app.keymap.help(app.pane) {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(context.title(), theme.header));
        for (keys, about) in rows {
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", widgets::pad(&keys, 18)), theme.key),
                Span::raw(widgets::fit(about, room)),
            ]));
        }
    }
    lines.push(Line::raw(""));
    // Stakeholders: their filter reads other qualifiers.
    let filter_help: &[&str] = if app.pane == crate::app::Pane::Stakeholders {
        &[
            "Filter, register: words in the name, role, organisation or quadrant",
            "Filter, notes (t): kind:decision since:2026-11-01|14d|2w|3m|week (7 days)|month (30 days) words",
        ]
    } else {
        crate::app::filter::ITEM_FILTER_HELP
    };
    for line in filter_help {
        lines.push(Line::styled(*line, theme.dim));
    }
    clear(frame, area, popup);
    use crate::app::{Action, Context};
    let k = |a: Action| app.keymap.key_in(Context::Help, &a).unwrap_or_default();
    let title = format!(
        " Keys — {} ({}{} scroll, {} closes) ",
        app.pane.title(),
        k(Action::Up),
        k(Action::Down),
        k(Action::Cancel)
    );
    let scroll = scroll.min(lines.len().saturating_sub(1)) as u16;
    frame.render_widget(
        Paragraph::new(lines)
            .block(widgets::block(title, theme))
            .scroll((scroll, 0)),
        popup,
    );
}

pub fn palette(frame: &mut Frame, area: Rect, p: &Palette, theme: &Theme) {
    let height = (p.matches.len() as u16 + 4).clamp(6, area.height.saturating_sub(2));
    let popup = Rect {
        y: area.y + 1,
        ..widgets::centered(area, 84, height)
    };
    clear(frame, area, popup);
    let block = widgets::block(p.title(), theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [input, _, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let [prompt, text] =
        Layout::horizontal([Constraint::Length(2), Constraint::Fill(1)]).areas(input);
    frame.render_widget(Paragraph::new("›").style(theme.accent), prompt);
    frame.render_widget(&p.input, text);
    let rows = list.height as usize;
    let start = p.selected.saturating_sub(rows.saturating_sub(1));
    let lines: Vec<Line> = p
        .matches
        .iter()
        .enumerate()
        .skip(start)
        .take(rows)
        .map(|(n, e)| {
            let (left, right) = match e {
                Entry::Command { about, keys, .. } => (about.to_string(), keys.clone()),
                Entry::Item { label, .. }
                | Entry::Stakeholder { label, .. }
                | Entry::TimelineEntry { label, .. }
                | Entry::Risk { label, .. } => (format!("go to {label}"), String::new()),
                Entry::View { label, filter, .. } => (label.clone(), format!("/ {filter}")),
            };
            // A long view filter keeps half the line for the name.
            let right = widgets::fit(&right, list.width as usize / 2);
            let room = (list.width as usize).saturating_sub(right.width() + 1);
            let left = widgets::fit(&left, room);
            let pad = room.saturating_sub(left.width());
            let style = if n == p.selected {
                theme.selected
            } else {
                theme.text
            };
            Line::from(vec![
                Span::styled(format!("{left}{}", " ".repeat(pad + 1)), style),
                Span::styled(
                    right,
                    if n == p.selected {
                        theme.selected
                    } else {
                        theme.key
                    },
                ),
            ])
        })
        .collect();
    if lines.is_empty() {
        frame.render_widget(Paragraph::new("No match").style(theme.dim), list);
    } else {
        frame.render_widget(Paragraph::new(lines), list);
    }
}

pub fn rank_preview(frame: &mut Frame, area: Rect, app: &App, order: &[ItemId], theme: &Theme) {
    let b = &app.doc.board;
    clear(frame, area, area);
    let scoring = b.settings.scoring;
    let block = widgets::block(
        format!(
            " Rank by {} — {} applies as one step ({} undoes), {} keeps the current order ",
            scoring.name(),
            app.keymap.hint(&crate::app::Action::Confirm),
            app.keymap.hint(&crate::app::Action::Undo),
            app.keymap.hint(&crate::app::Action::Cancel)
        ),
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [summary, inner] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(crate::model::rules::rank_groups(b, scoring).summary()).style(theme.dim),
        summary,
    );
    let [now, proposed] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
        .spacing(2)
        .areas(inner);
    let rows = inner.height.saturating_sub(1) as usize;
    // Only the rows on screen: where each shown item stands now, to say how far it moves.
    let shown: Vec<ItemId> = order.iter().take(rows).copied().collect();
    let mut now_rank: HashMap<ItemId, usize> = HashMap::new();
    for (n, it) in b.items.iter().enumerate() {
        if shown.contains(&it.id) {
            now_rank.insert(it.id, n);
        }
        if now_rank.len() == shown.len() {
            break;
        }
    }
    let line = |n: usize, id: ItemId, moved: Option<Span<'static>>| {
        let it = b.item(id);
        let title = it.map_or(String::new(), |i| i.title.clone());
        let score = it.map_or(String::new(), |i| score_text(i, scoring));
        let mut spans = vec![Span::styled(
            format!("{:>4} {}", n + 1, widgets::pad(&b.item_key(id), 8)),
            theme.dim,
        )];
        spans.push(Span::styled(format!("{score:>6} "), theme.accent));
        if let Some(m) = moved {
            spans.push(m);
        }
        spans.push(Span::raw(title));
        Line::from(spans)
    };
    let mut left = vec![Line::styled("Now", theme.header)];
    left.extend(
        b.items
            .iter()
            .take(rows)
            .enumerate()
            .map(|(n, it)| line(n, it.id, None)),
    );
    let mut right = vec![Line::styled("Proposed", theme.header)];
    right.extend(shown.iter().enumerate().map(|(n, &id)| {
        let from = now_rank.get(&id).copied().unwrap_or(n);
        let moved = match from.cmp(&n) {
            std::cmp::Ordering::Greater => Span::styled(format!("↑{:<4}", from - n), theme.ok),
            std::cmp::Ordering::Less => Span::styled(format!("↓{:<4}", n - from), theme.warn),
            std::cmp::Ordering::Equal => Span::styled("=    ", theme.dim),
        };
        line(n, id, Some(moved))
    }));
    frame.render_widget(Paragraph::new(left), now);
    frame.render_widget(Paragraph::new(right), proposed);
}

pub fn confirm_quit(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let reason = match &app.run.save {
        crate::app::SaveState::Failed(e) => e.clone(),
        _ => String::new(),
    };
    let popup = widgets::centered(area, 70, 8);
    clear(frame, area, popup);
    let text = vec![
        Line::styled("The last save failed:", theme.error),
        Line::raw(reason),
        Line::raw(""),
        Line::raw(format!(
            "Quit anyway and lose the changes since the last save?  {} quit · {} stay",
            super::confirm::yes_no(app).0,
            super::confirm::yes_no(app).1
        )),
    ];
    frame.render_widget(
        Paragraph::new(text)
            .block(widgets::block(" Unsaved changes ", theme))
            .wrap(Wrap { trim: true }),
        popup,
    );
}

pub fn close_sprint(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    (sprint, next, walk): (
        crate::model::SprintId,
        Option<crate::model::SprintId>,
        Option<&[crate::model::rules::Leftovers]>,
    ),
    theme: &Theme,
) {
    use crate::app::Action;
    let b = &app.doc.board;
    let name = b.sprint(sprint).map_or(String::new(), |s| s.name.clone());
    let unfinished: Vec<&crate::model::Item> =
        b.sprint_items(sprint).filter(|i| !b.is_done(i)).collect();
    let points: u32 = unfinished.iter().map(|i| i.points_or_zero()).sum();
    let key = |a: &Action| Span::styled(format!("  {} ", app.keymap.hint(a)), theme.key);
    let next_sprint = next.and_then(|n| b.sprint(n));
    let mut text = vec![
        Line::raw(format!(
            "{name}: {} done — its velocity.",
            crate::model::words::count(b.done_points(sprint), "point")
        )),
        Line::raw(format!(
            "Unfinished: {}, {}.",
            crate::model::words::count(unfinished.len(), "item"),
            crate::model::words::count(points, "point")
        )),
    ];
    // The report the close records, as it stands.
    if let Some(c) = crate::model::flow::scope_change(b, sprint) {
        text.push(Line::styled(
            widgets::fit(
                &format!(
                    "Points committed {} · added {} · removed {} · completed {}",
                    c.committed,
                    c.added,
                    c.removed,
                    b.done_points(sprint)
                ),
                68,
            ),
            theme.dim,
        ));
    }
    text.push(Line::raw(""));
    if let Some(walk) = walk {
        // One by one: the item to decide, and what was decided so far.
        let at = walk.len().min(unfinished.len().saturating_sub(1));
        if let Some(it) = unfinished.get(at) {
            text.push(Line::raw(format!(
                "Item {} of {}: where does it go?",
                at + 1,
                unfinished.len()
            )));
            text.push(Line::styled(
                widgets::fit(
                    &format!(
                        "  {} {} ({})",
                        b.item_key(it.id),
                        it.title,
                        crate::model::words::count(it.points_or_zero(), "pt")
                    ),
                    68,
                ),
                theme.accent,
            ));
        }
        let carried = walk
            .iter()
            .filter(|w| matches!(w, crate::model::rules::Leftovers::Sprint(_)))
            .count();
        text.push(Line::styled(
            format!(
                "  so far: {carried} carried over, {} to the backlog",
                walk.len() - carried
            ),
            theme.dim,
        ));
        text.push(Line::from(vec![
            key(&Action::LeftoversToBacklog),
            Span::raw("back to the top of the backlog"),
        ]));
        if let Some(n) = next_sprint {
            text.push(Line::from(vec![
                key(&Action::LeftoversToNextSprint),
                Span::raw(format!("carry it into {}", n.name)),
            ]));
        }
        text.push(Line::from(vec![
            key(&Action::Up),
            Span::raw("back to the previous item"),
        ]));
    } else {
        text.push(Line::raw("Where does the unfinished work go?"));
        text.push(Line::from(vec![
            key(&Action::LeftoversToBacklog),
            Span::raw("back to the top of the backlog"),
        ]));
        match next_sprint {
            Some(n) => text.push(Line::from(vec![
                key(&Action::LeftoversToNextSprint),
                Span::raw(format!("into {}", n.name)),
            ])),
            None => text.push(Line::styled(
                format!(
                    "  (no planned sprint to carry it into: {} on the board plans one)",
                    app.keymap.hint(&Action::NewSprint)
                ),
                theme.dim,
            )),
        }
        text.push(Line::from(vec![
            key(&Action::LeftoversEach),
            Span::raw("decide item by item"),
        ]));
    }
    text.push(Line::from(vec![
        key(&Action::Cancel),
        Span::raw("keep the sprint open"),
    ]));
    let popup = widgets::centered(area, 72, text.len() as u16 + 2);
    clear(frame, area, popup);
    frame.render_widget(
        Paragraph::new(text)
            .block(widgets::block(format!(" Close {name} "), theme))
            .wrap(Wrap { trim: false }),
        popup,
    );
}

pub fn confirm_wip(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    item: ItemId,
    column: usize,
    theme: &Theme,
) {
    let b = &app.doc.board;
    let Some(col) = b.columns.get(column) else {
        return;
    };
    let limit = col.wip_limit.unwrap_or(0);
    let text = vec![
        Line::raw(format!(
            "\"{}\" already holds {} of its {}.",
            col.name,
            b.wip_count(&col.name),
            crate::model::words::count(limit, "card")
        )),
        Line::raw(format!(
            "Move {} there anyway?  {} move it · {} leave it",
            b.item_key(item),
            super::confirm::yes_no(app).0,
            super::confirm::yes_no(app).1
        )),
    ];
    let popup = widgets::centered(area, 64, 4);
    clear(frame, area, popup);
    frame.render_widget(
        Paragraph::new(text)
            .block(widgets::block(" WIP limit ", theme))
            .wrap(Wrap { trim: false }),
        popup,
    );
}
