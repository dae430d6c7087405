//! The timeline's details panel: the selected entry's dates, dependencies both ways, progress,
//! forecast, what its work waits on, budget, risks and linked items.

use super::theme::Theme;
use super::timeline::money;
use super::widgets;
use super::widgets::fit;
use crate::app::App;
use crate::model::forecast::Forecast;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The selected entry: dates, dependencies both ways, progress, forecast, budget, risks and items.
pub(super) fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let hide = app.keymap.hint(&crate::app::Action::Details);
    let block = widgets::block(format!(" Details — {hide} hides "), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(e) = app.selected_entry() else {
        frame.render_widget(Paragraph::new("No entry selected").style(theme.dim), inner);
        return;
    };
    let (board, today) = (&app.doc.board, app.run.today);
    let info = app.row_infos(&[e]).remove(0);
    let w = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    let when = if e.kind.is_point() {
        format!("{} ({})", e.start, widgets::relative_day(e.start, today))
    } else {
        format!(
            "{} → {} ({})",
            e.start,
            e.end,
            crate::model::words::count(e.duration_days(), "day")
        )
    };
    let owner = if e.owner.is_empty() {
        String::new()
    } else {
        format!(" · owner {}", e.owner)
    };
    lines.push(Line::from(vec![
        Span::styled(fit(&e.name, w / 2), theme.title),
        Span::styled(
            fit(
                &format!(" — {} · {when}{owner}", e.kind.name()),
                w.saturating_sub(widgets::width(&fit(&e.name, w / 2))),
            ),
            theme.text,
        ),
    ]));
    let label = |s: &str| Span::styled(format!("{s:<11}"), theme.dim);
    let deps: Vec<String> = e
        .depends_on
        .iter()
        .filter_map(|d| board.entry(*d))
        .map(|d| {
            if d.end >= e.start {
                format!("✗ {} (ends {}, after this starts)", d.name, d.end)
            } else {
                format!("{} (ends {})", d.name, d.end)
            }
        })
        .collect();
    if !deps.is_empty() {
        lines.push(Line::from(vec![
            label("Depends on"),
            Span::raw(fit(&deps.join("; "), w - 11)),
        ]));
    }
    let needed: Vec<String> = board
        .timeline
        .iter()
        .filter(|d| d.depends_on.contains(&e.id))
        .map(|d| {
            if d.start <= e.end {
                format!("✗ {} (starts {}, before this ends)", d.name, d.start)
            } else {
                d.name.clone()
            }
        })
        .collect();
    if !needed.is_empty() {
        lines.push(Line::from(vec![
            label("Needed by"),
            Span::raw(fit(&needed.join("; "), w - 11)),
        ]));
    }
    let p = info.progress;
    let progress = match p.percent() {
        _ if p.items == 0 => "no linked items (L links them)".to_string(),
        Some(pct) => format!(
            "{pct}% · {}/{} · {} of {} done",
            p.done,
            crate::model::words::count(p.total, "point"),
            p.items - p.open_items,
            crate::model::words::count(p.items, "item")
        ),
        None => format!(
            "{} of {} done (none estimated)",
            p.items - p.open_items,
            crate::model::words::count(p.items, "item")
        ),
    };
    lines.push(Line::from(vec![label("Progress"), Span::raw(progress)]));
    if let Some(f) = &info.forecast {
        let mut text = f.describe();
        if let Forecast::Dates { remaining, .. } = f {
            text.push_str(&format!(
                " — {} left",
                crate::model::words::count(*remaining, "point")
            ));
        }
        let style = if info.late { theme.warn } else { theme.text };
        if info.late {
            text = format!("▲ at risk: {text}; due {}", e.end);
        }
        lines.push(Line::from(vec![
            label("Forecast"),
            Span::styled(fit(&text, w.saturating_sub(11)), style),
        ]));
        // Where the dates come from, and how far to trust them: (n−1)/(n+1).
        if let Some(n) = f.sprints() {
            let history = crate::model::forecast::history_words(n);
            let style = if f.is_rough() { theme.warn } else { theme.dim };
            lines.push(Line::from(vec![
                label("History"),
                Span::styled(fit(&history, w.saturating_sub(11)), style),
            ]));
        }
    } else if info.late {
        lines.push(Line::from(vec![
            label("Late"),
            Span::styled(
                format!(
                    "▲ ended {} with {} open",
                    e.end,
                    crate::model::words::count(p.open_items, "item")
                ),
                theme.warn,
            ),
        ]));
    }
    let waiting = app.entry_waiting(e);
    let flagged = app.entry_flagged(e);
    if !waiting.is_empty() || !flagged.is_empty() {
        let mut parts = Vec::new();
        if !waiting.is_empty() {
            parts.push(crate::model::rules::describe_waiting(board, &waiting));
        }
        if !flagged.is_empty() {
            let keys: Vec<String> = flagged
                .iter()
                .map(|(id, why)| format!("{} ({why})", board.item_key(*id)))
                .collect();
            parts.push(format!("flagged {}", crate::model::words::and_list(&keys)));
        }
        let text = format!("⛔ {}", parts.join(" · "));
        lines.push(Line::from(vec![
            label("Blocked"),
            Span::styled(fit(&text, w.saturating_sub(11)), theme.warn),
        ]));
    }
    let burn = e.burn(today);
    if burn.planned > 0 || burn.actual > 0 {
        let text = format!(
            "{} of {} spent ({}) at {}% of the time{}",
            money(burn.actual),
            money(burn.planned),
            burn.spent_percent()
                .map_or_else(|| "unplanned".to_string(), |p| format!("{p}%")),
            burn.time_percent(),
            if info.over { " — $ over pace" } else { "" }
        );
        lines.push(Line::from(vec![
            label("Budget"),
            Span::styled(text, if info.over { theme.warn } else { theme.text }),
        ]));
    }
    let risks: Vec<String> = board
        .risks
        .iter()
        .filter(|r| r.is_open() && r.entries.contains(&e.id))
        .map(|r| {
            format!(
                "{}{} ({})",
                if r.is_high() { "! " } else { "" },
                r.title,
                r.exposure()
            )
        })
        .collect();
    if !risks.is_empty() {
        lines.push(Line::from(vec![
            label("Risks"),
            Span::raw(fit(&risks.join("; "), w - 11)),
        ]));
    }
    let room = usize::from(inner.height).saturating_sub(lines.len());
    // Open work first: that is what the milestone is waiting for.
    let mut linked: Vec<&crate::model::Item> =
        e.items.iter().filter_map(|i| board.item(*i)).collect();
    linked.sort_by_key(|it| board.is_done(it));
    for (n, it) in linked.iter().enumerate().take(room) {
        if n + 1 == room && linked.len() > room {
            lines.push(Line::from(vec![
                label(""),
                Span::styled(format!("… and {} more", linked.len() - n), theme.dim),
            ]));
            break;
        }
        let points = it.points.map_or("–".to_string(), |p| p.to_string());
        let text = format!(
            "{:<8} {} {:>3}  {}",
            board.item_key(it.id),
            widgets::pad(&it.status, 8),
            points,
            super::details::titled(app, it)
        );
        let style = if board.is_done(it) {
            theme.dim
        } else {
            theme.text
        };
        lines.push(Line::from(vec![
            label(if n == 0 { "Items" } else { "" }),
            Span::styled(fit(&text, w - 11), style),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
