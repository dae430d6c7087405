//! Sprint cards and their columns' headers: a card's title wrapped over the rows its column can
//! give it (cut with `…` on the last), and one line of facts in one format everywhere, which the
//! board's footer explains.

use super::sprint::Ctx;
use super::theme::Theme;
use super::widgets::{self, first_fit, fit, width};
use crate::model::{Column, Item};
use ratatui::text::{Line, Span};

/// The shown columns' headers, each given its column's count, points and width: `Doing 2/3 · 8 pts`,
/// `Doing 4/3 OVER · 13 pts`, `To do 5 · 21 pts`. Short of room every header shortens the same way
/// (`· 8p`, then no points), and only as far as the narrowest needs.
pub(super) fn column_headers(
    columns: &[(&Column, (usize, u32), usize)],
    theme: &Theme,
) -> Vec<Line<'static>> {
    let forms: Vec<(bool, [String; 3])> = columns
        .iter()
        .map(|(column, (n, points), _)| {
            let over = column.wip_limit.is_some_and(|l| *n > l as usize);
            let count = column
                .wip_limit
                .map_or(n.to_string(), |l| format!("{n}/{l}"));
            let head = format!("{} {count}{}", column.name, if over { " OVER" } else { "" });
            let long = format!("{head} · {}", crate::model::words::count(*points, "pt"));
            (over, [long, format!("{head} · {points}p"), head])
        })
        .collect();
    // One cell short of the column, so two headers never run together.
    let room = |w: usize| w.saturating_sub(1);
    let level = (0..3)
        .find(|&l| {
            forms
                .iter()
                .zip(columns)
                .all(|((_, f), (_, _, w))| width(&f[l]) <= room(*w))
        })
        .unwrap_or(2);
    forms
        .into_iter()
        .zip(columns)
        .map(|((over, f), (_, _, w))| {
            let text = fit(&f[level], room(*w));
            Line::styled(text, if over { theme.error } else { theme.header })
        })
        .collect()
}

/// The cards from `offset` that fit in `rows` lines, a blank line between, and `↑ n above` /
/// `↓ n more` where cards are out of view; with the line each shown card starts on and its height.
/// A card has at least two lines (its title, its facts); a column with room gives its titles more.
pub(super) fn cards_lines(
    cards: &[&Item],
    (offset, rows): (usize, usize),
    w: usize,
    cx: &Ctx,
    selected: Option<crate::model::ItemId>,
) -> (Vec<Line<'static>>, Vec<(usize, u16, crate::model::ItemId)>) {
    let dim = |text: String| Line::styled(text, cx.theme.dim);
    if cards.is_empty() {
        return (vec![dim("no cards".to_string())], Vec::new());
    }
    let mut placed = Vec::new();
    let skipped = offset.min(cards.len());
    let mut lines = Vec::new();
    if skipped > 0 {
        lines.push(dim(format!("↑ {skipped} above")));
    }
    let rows = rows.saturating_sub(lines.len());
    let left = cards.len() - skipped;
    let fits = if 3 * left <= rows + 1 { left } else { rows / 3 };
    // Every card of the column gets the same height: what the rows allow, no more than the
    // longest title needs, at most five title lines.
    let height = if fits == left && fits > 0 {
        let room = (rows + 1) / fits - 1;
        let needed = cards[skipped..]
            .iter()
            .map(|i| title_lines(i, w, cx).len() + 1)
            .max()
            .unwrap_or(2);
        room.min(needed).clamp(2, 6)
    } else {
        2
    };
    for (n, item) in cards.iter().skip(skipped).take(fits).enumerate() {
        if n > 0 {
            lines.push(Line::default());
        }
        placed.push((lines.len(), height as u16, item.id));
        let chosen = selected == Some(item.id);
        let mut card = card(
            item,
            if chosen { w.saturating_sub(1) } else { w },
            height,
            cx,
        );
        if chosen {
            // Highlighted, and marked so the selection shows without colour.
            for line in &mut card {
                *line = line.clone().patch_style(cx.theme.selected);
            }
            card[0]
                .spans
                .insert(0, Span::styled("›", cx.theme.selected));
        }
        lines.extend(card);
    }
    if fits < left {
        lines.push(dim(format!("↓ {} more", left - fits)));
    }
    (lines, placed)
}

/// The card's key and title wrapped to `w` cells, every line.
fn title_lines(item: &Item, w: usize, cx: &Ctx) -> Vec<Line<'static>> {
    let line = Line::from(vec![
        Span::styled(cx.board.item_key(item.id), cx.theme.accent),
        Span::styled(format!(" {}", item.title), cx.theme.text),
    ]);
    widgets::wrap(vec![line], w)
}

/// A card in `height` lines: the key and the title wrapped over all but the last (cut with `…` on
/// the last of them), then the facts in one format everywhere: `⛔ 5p · 2/9d▲ · Ana Ribeiro`
/// (points, days in its column / since it started marked past the P50 and P85 cycle time, the assignee; the footer says so).
fn card(item: &Item, w: usize, height: usize, cx: &Ctx) -> Vec<Line<'static>> {
    let keep = height.saturating_sub(1).max(1);
    let mut lines = title_lines(item, w, cx);
    if lines.len() > keep {
        let key = cx.board.item_key(item.id);
        let last = if keep == 1 {
            let title = fit(&item.title, w.saturating_sub(width(&key) + 1));
            Line::from(vec![
                Span::styled(key, cx.theme.accent),
                Span::styled(format!(" {title}"), cx.theme.text),
            ])
        } else {
            let rest: Vec<String> = lines[keep - 1..].iter().map(|l| l.to_string()).collect();
            Line::styled(fit(&rest.join(" "), w), cx.theme.text)
        };
        lines.truncate(keep - 1);
        lines.push(last);
    }
    // The facts right under the title; a short title leaves the card's spare lines below them.
    let spare = keep - lines.len();
    lines.push(card_facts(item, w, cx));
    lines.extend(std::iter::repeat_n(Line::default(), spare));
    lines
}

/// `⛔ 5p · 9d · Ana Ribeiro`: the full name, else the first name, else the initials.
fn card_facts(item: &Item, w: usize, cx: &Ctx) -> Line<'static> {
    // Blocked by a reason, or by open work it waits on ("⛔ by CRN-23").
    let waits = crate::model::rules::open_blockers(cx.board, item);
    let blocked = match waits.first() {
        Some(first) => format!("⛔ by {} ", cx.board.item_key(*first)),
        None if item.is_blocked() => "⛔ ".to_string(),
        None => String::new(),
    };
    let blocked_text = blocked;
    let blocked = blocked_text.as_str();
    // Its age in its column / since it started, marked past the board's P50 and P85 cycle time.
    let flow = crate::model::flow::Workflow::of(cx.board);
    let aged = crate::model::flow::age(item, flow, &cx.stats, cx.today);
    let age = aged.map_or_else(
        || format!("{}d", (cx.today - item.status_since).get_days().max(0)),
        |a| a.short(),
    );
    let age_style = match aged.map(|a| a.mark) {
        Some(crate::model::flow::Mark::PastP85) => cx.theme.error,
        Some(crate::model::flow::Mark::PastP50) => cx.theme.warn,
        _ => cx.theme.dim,
    };
    let points = item.points.map_or("?".to_string(), |p| p.to_string());
    // Near or past its due date, the card says so among its facts ("due 3d", "2d late").
    let due = item
        .due_state(cx.today, cx.board.is_done(item))
        .map_or(String::new(), |d| format!("{} · ", d.short()));
    let meta = format!("{points}p · ");
    let rest = format!(" · {due}");
    let who = item.assignee.as_str();
    let room = w.saturating_sub(width(blocked) + width(&meta) + width(&age) + width(&rest));
    let initials: String = who
        .split_whitespace()
        .filter_map(|p| p.chars().next())
        .collect();
    let first_name = who.split_whitespace().next().unwrap_or("");
    let who = if who.is_empty() {
        ["unassigned", "—"].into_iter().find(|s| width(s) <= room)
    } else {
        [who, first_name, &initials]
            .into_iter()
            .find(|s| width(s) <= room)
    };
    Line::from(vec![
        Span::styled(blocked.to_string(), cx.theme.error),
        Span::styled(meta, cx.theme.dim),
        Span::styled(age, age_style),
        Span::styled(rest, cx.theme.dim),
        Span::styled(who.unwrap_or("").to_string(), cx.theme.text),
    ])
}

/// What a card's last line says, for the board's bottom border, with the cycle time its marks
/// stand for.
pub(super) fn legend(w: usize, stats: &crate::model::flow::CycleStats) -> String {
    let (long, mid, short) = match (stats.p50, stats.p85) {
        (Some(p50), Some(p85)) => (
            format!("▲ past P50 {p50}d · ▲▲ past P85 {p85}d"),
            format!("▲ >P50 {p50}d · ▲▲ >P85 {p85}d"),
            format!(" · ▲>{p50}d ▲▲>{p85}d"),
        ),
        _ => (
            "no cycle time yet".to_string(),
            "no cycle time yet".to_string(),
            String::new(),
        ),
    };
    let n = stats.n;
    first_fit(
        w,
        [
            format!(
                " cards: 5p · 2/9d · Ana = points · days in column/since started · assignee · \
                 {long} (of the last {n} done) · ⛔ blocked "
            ),
            format!(
                " 5p · 2/9d · Ana = points · days in column/since started · assignee · {long} \
                 · ⛔ blocked "
            ),
            format!(
                " 5p · 2/9d · Ana = points · days in column/started · assignee · {mid} · ⛔ blocked "
            ),
            format!(" points · days in column/started · assignee{short} · ⛔ blocked "),
            format!(" points · days column/started · who{short} · ⛔ "),
            format!(" days column/started{short} "),
        ],
    )
}
