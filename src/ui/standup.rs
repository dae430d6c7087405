//! Standup mode on screen: the timer against the timebox, the current stop with its cards (the
//! selected one marked), the walk with what this walk has ticked, and the summary at the end.

use super::{Theme, widgets};
use crate::app::standup::{Standup, Stop, clock, count};
use crate::app::{Action, App, Context};
use crate::model::{Board, Item};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use std::time::Duration;

/// A key of the standup: its own context first, then the sprint board's it acts with.
fn key(app: &App, a: &Action) -> String {
    app.keymap
        .key_in(Context::Standup, a)
        .or_else(|| app.keymap.hint_in(app.pane, a))
        .unwrap_or_else(|| app.keymap.hint(a))
}

fn points(it: &Item) -> String {
    it.points
        .map_or("not estimated".to_string(), |p| count(p as usize, "pt"))
}

fn who(stop: &Stop) -> &str {
    if stop.person.is_empty() {
        "(unassigned)"
    } else {
        stop.person.as_str()
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, s: &Standup, theme: &Theme) {
    let b = &app.doc.board;
    let walk = if s.by_person {
        "person by person"
    } else {
        "right to left"
    };
    let keys = |a: Action| app.keymap.keys_in(Context::Standup, &a).join("/");
    let block = widgets::block(
        format!(
            " Standup — {walk} · {} next · {} switch · {} ends ",
            keys(Action::StandupNext),
            keys(Action::StandupByPerson),
            app.keymap.hint(&Action::Cancel)
        ),
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let timebox = Duration::from_secs(u64::from(b.settings.standup_minutes) * 60);
    let per_stop = s.per_stop(timebox);
    let this_stop = s.elapsed.saturating_sub(s.stop_started);
    let mut timer = vec![Span::styled(
        format!("{} of {}", clock(s.elapsed), clock(timebox)),
        theme.title,
    )];
    if s.elapsed > timebox {
        timer.push(Span::styled("OVER the timebox", theme.error));
    }
    timer.push(Span::raw(format!(
        "this stop {} (about {} each)",
        clock(this_stop),
        clock(per_stop)
    )));
    timer.push(Span::raw(format!(
        "{} of {}",
        s.ticks(),
        crate::model::words::count(s.stops.len(), "stop")
    )));
    if this_stop > per_stop && !s.finished {
        timer.push(Span::styled("over its share", theme.warn));
    }
    let timer = widgets::pack(timer, usize::from(inner.width), theme);
    let [top, _, body] = Layout::vertical([
        Constraint::Length(u16::try_from(timer.len()).unwrap_or(1)),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(timer), top);

    if s.finished {
        let mut lines = vec![Line::styled(
            "Standup done — summary (copy it into a note):",
            theme.header,
        )];
        lines.extend(s.summary(app).into_iter().map(Line::raw));
        lines.push(Line::raw(""));
        let hints = vec![
            Span::styled(
                format!("{} ends the standup", key(app, &Action::Cancel)),
                theme.dim,
            ),
            Span::styled(format!("{} goes back", key(app, &Action::Up)), theme.dim),
        ];
        lines.extend(widgets::pack(hints, usize::from(body.width), theme));
        return frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
    }

    let [current, list] = Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)])
        .spacing(2)
        .areas(body);
    frame.render_widget(
        Paragraph::new(current_stop(app, s, current.width, theme)).wrap(Wrap { trim: false }),
        current,
    );

    // The walk: this walk's ticks, the current stop marked, only what fits; every row in the
    // richest form that fits them all, so the rows read as one list.
    let rows = usize::from(list.height);
    let width = usize::from(list.width);
    let first = s.at.saturating_sub(rows / 2);
    let shown: Vec<(usize, [String; 4])> = s
        .stops
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(n, stop)| {
            let mark = if n == s.at {
                "›"
            } else if s.is_ticked(n) {
                "✓"
            } else {
                " "
            };
            let forms = if s.by_person {
                person_row(b, mark, stop)
            } else {
                card_row(b, mark, stop, width)
            };
            (n, forms)
        })
        .collect();
    let level = (0..4)
        .find(|l| shown.iter().all(|(_, f)| widgets::width(&f[*l]) <= width))
        .unwrap_or(3);
    let walk: Vec<Line> = shown
        .iter()
        .map(|(n, forms)| {
            let style = if *n == s.at {
                theme.selected
            } else if s.is_ticked(*n) {
                theme.dim
            } else {
                theme.text
            };
            Line::styled(widgets::fit(&forms[level], width), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(walk), list);
}

/// The current stop: who, each card (the selected one marked `›`) with one meta line, and the keys.
fn current_stop(app: &App, s: &Standup, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let b = &app.doc.board;
    let mut lines = Vec::new();
    let Some(stop) = s.current() else {
        return lines;
    };
    let mut head = format!("Now: {}", who(stop));
    if s.by_person {
        head.push_str(&format!(" · {}", count(stop.cards.len(), "card")));
    }
    lines.push(Line::styled(head, theme.title));
    for (n, id) in stop.cards.iter().enumerate() {
        let Some(it) = b.item(*id) else { continue };
        let discussed = if s.discussed.contains(id) {
            " · discussed"
        } else {
            ""
        };
        if n != s.card {
            // The other cards of the stop, a line each, so the selected one stays in view.
            let waits = !crate::model::rules::open_blockers(b, it).is_empty();
            let blocked = if it.is_blocked() || waits {
                " · ⛔"
            } else {
                ""
            };
            let line = format!(
                "  {} {} · {}{blocked}{discussed} · {}",
                b.item_key(it.id),
                it.status,
                points(it),
                it.title
            );
            lines.push(Line::styled(
                widgets::fit(&line, usize::from(width)),
                theme.dim,
            ));
            continue;
        }
        lines.push(Line::from(vec![
            Span::styled(format!("› {} ", b.item_key(it.id)), theme.accent),
            Span::styled(it.title.clone(), theme.text),
        ]));
        // Its age as the board's cards show it (in column / since started, marked past P50 and
        // P85), in words.
        let flow = crate::model::flow::Workflow::of(b);
        let stats = app.sprint_flow().stats;
        let aged = crate::model::flow::age(it, flow, &stats, app.run.today);
        let age = match aged {
            Some(a) => {
                let overall = a
                    .overall
                    .map_or(String::new(), |o| format!(", {o}d since started"));
                let mark = match (a.mark, stats.p50, stats.p85) {
                    (crate::model::flow::Mark::PastP85, _, Some(p)) => {
                        format!(" {} past P85 {p}d", a.mark.glyph())
                    }
                    (crate::model::flow::Mark::PastP50, Some(p), _) => {
                        format!(" {} past P50 {p}d", a.mark.glyph())
                    }
                    _ => String::new(),
                };
                format!("{}d in column{overall}{mark}", a.in_column)
            }
            None => format!(
                "{}d in column",
                (app.run.today - it.status_since).get_days().max(0)
            ),
        };
        let mut meta = vec![Span::styled(
            format!("  {} · {} · {age}{discussed}", it.status, points(it)),
            theme.dim,
        )];
        if let Some(reason) = &it.blocked {
            let since = crate::model::flow::blocked_days(it, flow, app.run.today)
                .map_or(String::new(), |d| {
                    format!(" for {}", crate::model::words::count(d, "day"))
                });
            meta.push(Span::styled(
                format!(" · ⛔ blocked{since}: {reason}"),
                theme.error,
            ));
        }
        // Waiting on open work is a blocker the standup should hear about too.
        let waits = crate::model::rules::open_blockers(b, it);
        if !waits.is_empty() {
            let keys: Vec<String> = waits.iter().map(|w| b.item_key(*w)).collect();
            meta.push(Span::styled(
                format!(" · ⛔ waits on {}", keys.join(", ")),
                theme.error,
            ));
        }
        lines.push(Line::from(meta));
    }
    lines.push(Line::raw(""));
    // Whole phrases to a line: a narrow screen breaks between them, never inside one.
    let k = |a: Action| key(app, &a);
    let hints = [
        format!("{} flag blocked", k(Action::ToggleBlocked)),
        format!(
            "{}/{} move the card",
            k(Action::CardLeft),
            k(Action::CardRight)
        ),
        format!("{}/{} between cards", k(Action::Down), k(Action::Up)),
        format!("{} next", k(Action::StandupNext)),
    ];
    let hints = hints
        .into_iter()
        .map(|h| Span::styled(h, theme.dim))
        .collect();
    lines.extend(widgets::pack(hints, usize::from(width), theme));
    lines
}

/// `first` with `title` after it, cut to what is left of `width` when at least a few words fit
/// (else whole, so that it does not fit and a shorter form is taken).
fn with_title(first: &str, title: &str, width: usize) -> String {
    match width.checked_sub(widgets::width(first) + 3) {
        Some(room) if room >= 12 => format!("{first} · {}", widgets::fit(title, room)),
        _ => format!("{first} · {title}"),
    }
}

/// A stop of the right-to-left walk, richest first: key and column always; points, assignee and
/// the title as the width allows.
fn card_row(b: &Board, mark: &str, stop: &Stop, width: usize) -> [String; 4] {
    let Some(it) = stop.cards.first().and_then(|c| b.item(*c)) else {
        return Default::default();
    };
    let base = format!("{mark} {} {}", b.item_key(it.id), it.status);
    let full = format!("{base} · {} · {}", points(it), who(stop));
    [
        with_title(&full, &it.title, width),
        full,
        format!("{base} · {}", who(stop)),
        base,
    ]
}

/// A stop of the person-by-person walk, richest first: who and how many cards always; open points
/// and the cards' keys as the width allows.
fn person_row(b: &Board, mark: &str, stop: &Stop) -> [String; 4] {
    let base = format!("{mark} {} ({})", who(stop), count(stop.cards.len(), "card"));
    let items: Vec<&Item> = stop.cards.iter().filter_map(|c| b.item(*c)).collect();
    let open: Vec<&&Item> = items.iter().filter(|i| !b.is_done(i)).collect();
    let state = if open.is_empty() {
        "all done".to_string()
    } else {
        let pts: u32 = open.iter().filter_map(|i| i.points).map(u32::from).sum();
        format!("{} open", count(pts as usize, "pt"))
    };
    let with_state = format!("{base} · {state}");
    let keys: Vec<String> = items.iter().map(|i| b.item_key(i.id)).collect();
    [
        format!("{with_state} · {}", keys.join(" ")),
        with_state.clone(),
        with_state,
        base,
    ]
}
