//! Standup mode on screen: the timer against the timebox, the current stop with its cards, the walk
//! with what was discussed, and the summary at the end.

use super::{Theme, widgets};
use crate::app::App;
use crate::app::standup::Standup;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use std::time::Duration;

fn clock(d: Duration) -> String {
    format!("{}:{:02}", d.as_secs() / 60, d.as_secs() % 60)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, s: &Standup, theme: &Theme) {
    let b = &app.doc.board;
    let walk = if s.by_person {
        "person by person"
    } else {
        "right to left"
    };
    use crate::app::{Action, Context};
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
        timer.push(Span::styled(" · OVER the timebox", theme.error));
    }
    timer.push(Span::raw(format!(
        " · this stop {} (about {} each) · {} of {} stops",
        clock(this_stop),
        clock(per_stop),
        s.at.min(s.stops.len()),
        s.stops.len()
    )));
    if this_stop > per_stop && !s.finished {
        timer.push(Span::styled(" · over its share", theme.warn));
    }
    let [top, _, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(Line::from(timer)), top);

    if s.finished {
        let mut lines = vec![Line::styled(
            "Standup done — summary (copy it into a note):",
            theme.header,
        )];
        lines.extend(s.summary(app).into_iter().map(Line::raw));
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(
                "{} ends the standup · {} goes back",
                app.keymap.hint(&crate::app::Action::Cancel),
                app.keymap.hint(&crate::app::Action::Up)
            ),
            theme.dim,
        ));
        return frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
    }

    let [current, list] = Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)])
        .spacing(2)
        .areas(body);
    let mut lines = Vec::new();
    if let Some(stop) = s.current() {
        let who = if stop.person.is_empty() {
            "(unassigned)"
        } else {
            stop.person.as_str()
        };
        lines.push(Line::styled(format!("Now: {who}"), theme.title));
        for id in &stop.cards {
            let Some(it) = b.item(*id) else { continue };
            let age = (app.run.today - it.status_since).get_days().max(0);
            let points = it.points.map_or("?".to_string(), |p| p.to_string());
            lines.push(Line::from(vec![
                Span::styled(format!("› {} ", b.item_key(it.id)), theme.accent),
                Span::raw(it.title.clone()),
            ]));
            let mut meta = vec![Span::styled(
                format!("  {} · {points} pts · {age}d in column", it.status),
                theme.dim,
            )];
            if let Some(reason) = &it.blocked {
                meta.push(Span::styled(
                    format!(" · ⛔ blocked: {reason}"),
                    theme.error,
                ));
            }
            lines.push(Line::from(meta));
        }
        lines.push(Line::raw(""));
        let k = |a: Action| app.keymap.hint(&a);
        lines.push(Line::styled(
            format!(
                "{} flag blocked · {}/{} move the card · {} next",
                k(Action::ToggleBlocked),
                k(Action::CardLeft),
                k(Action::CardRight),
                k(Action::StandupNext)
            ),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), current);

    // The walk: done stops ticked, the current one marked, only what fits.
    let rows = usize::from(list.height);
    let first = s.at.saturating_sub(rows / 2);
    let walk: Vec<Line> = s
        .stops
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(n, stop)| {
            let discussed = stop.cards.iter().all(|c| s.discussed.contains(c));
            let mark = if n == s.at {
                "›"
            } else if discussed {
                "✓"
            } else {
                " "
            };
            let label = if s.by_person {
                let who = if stop.person.is_empty() {
                    "(unassigned)"
                } else {
                    stop.person.as_str()
                };
                format!(
                    "{mark} {who} ({} card{})",
                    stop.cards.len(),
                    if stop.cards.len() == 1 { "" } else { "s" }
                )
            } else {
                let key = stop
                    .cards
                    .first()
                    .map(|c| b.item_key(*c))
                    .unwrap_or_default();
                let status = stop
                    .cards
                    .first()
                    .and_then(|c| b.item(*c))
                    .map_or(String::new(), |i| i.status.clone());
                format!("{mark} {key} {status}")
            };
            let style = if n == s.at {
                theme.selected
            } else if discussed {
                theme.dim
            } else {
                theme.text
            };
            Line::styled(widgets::fit(&label, usize::from(list.width)), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(walk), list);
}
