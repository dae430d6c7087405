//! The timeline pane (read-only): phases, milestones and releases in start-date order, with their
//! dependencies, the progress of their items and their budget.
//!
//! Rows are built only for the entries on screen; the items and dependencies they name are found in
//! one pass each.

use super::theme::Theme;
use super::widgets;
use super::widgets::{first_fit, fit, pack};
use crate::app::{App, Pane};
use crate::model::{Board, EntryId, ItemId, TimelineEntry, budget_totals};
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table};
use std::collections::{HashMap, HashSet};

/// The column headers, `|`-separated.
const HEADS: &str = "|Name|Kind|Start|End|Days|Owner|Depends on|Progress|Budget";

/// Width of each column, in `HEADS` order (0 hides it); the name takes what is left, and columns
/// go (owner, kind, days, dependencies, end) until it has at least 16 cells.
fn widths(inner: u16) -> [u16; 10] {
    let mut w = match inner {
        150.. => [1, 0, 9, 10, 10, 5, 16, 28, 10, 24],
        110.. => [1, 0, 9, 10, 10, 5, 0, 20, 10, 24],
        _ => [1, 0, 0, 10, 10, 0, 0, 12, 9, 12],
    };
    let name = |w: &[u16; 10]| {
        let gaps = w.iter().filter(|&&x| x > 0).count();
        inner.saturating_sub(w.iter().sum::<u16>() + u16::try_from(gaps).unwrap_or(0))
    };
    for drop in [6, 2, 5, 7, 4] {
        if name(&w) >= 16 {
            break;
        }
        w[drop] = 0;
    }
    // Past 40 cells the name has room enough: the rest goes to the dependencies.
    w[7] += name(&w).saturating_sub(40) * u16::from(w[7] > 0);
    w[1] = name(&w);
    w
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let (board, today) = (&app.board, app.today);
    let mut entries: Vec<&TimelineEntry> = board.timeline.iter().collect();
    if !entries.is_sorted_by_key(|e| (e.start, e.end, e.id)) {
        entries.sort_unstable_by_key(|e| (e.start, e.end, e.id));
    }
    let header = header_lines(
        &entries,
        app,
        usize::from(area.width).saturating_sub(2),
        theme,
    );
    let height = u16::try_from(header.len()).unwrap_or(1);
    let rows = usize::from(area.height.saturating_sub(3 + height));
    let offset = app.scroll[Pane::Timeline.index()].min(entries.len().saturating_sub(rows));
    let visible = &entries[offset..entries.len().min(offset + rows)];
    let title = if visible.len() == entries.len() {
        format!(" Timeline — {} entries ", entries.len())
    } else {
        let (first, last) = (offset + 1, offset + visible.len());
        format!(" Timeline — {first}–{last} of {} entries ", entries.len())
    };
    let empty = entries
        .is_empty()
        .then_some("No timeline entries yet: phases, milestones and releases show here.");
    let Some(table) = widgets::framed(frame, area, title, header, empty, theme) else {
        return;
    };

    let mut deps: HashMap<EntryId, Option<&TimelineEntry>> = visible
        .iter()
        .flat_map(|e| &e.depends_on)
        .map(|&d| (d, None))
        .collect();
    for e in &board.timeline {
        if let Some(slot) = deps.get_mut(&e.id) {
            *slot = Some(e);
        }
    }
    let (items, w) = (linked_items(board, visible), widths(table.width));
    let cx = Rows {
        items,
        deps,
        w,
        today,
        theme,
    };
    let shown = |i: &usize| w[*i] > 0;
    let heads = HEADS
        .split('|')
        .enumerate()
        .filter(|(i, _)| shown(i))
        .map(|(_, h)| h);
    let heads = Row::new(heads).style(theme.header);
    let widths = (0..10).filter(shown).map(|i| Constraint::Length(w[i]));
    let rows = visible.iter().map(|e| cx.row(e));
    frame.render_widget(
        Table::new(rows, widths).header(heads).column_spacing(1),
        table,
    );
}

/// What the visible rows need: their linked items and dependencies, found once for all of them.
struct Rows<'a> {
    items: HashMap<ItemId, (u32, bool)>,
    deps: HashMap<EntryId, Option<&'a TimelineEntry>>,
    w: [u16; 10],
    today: Date,
    theme: &'a Theme,
}

impl Rows<'_> {
    fn row(&self, e: &TimelineEntry) -> Row<'static> {
        let (w, today, theme) = (self.w, self.today, self.theme);
        let now = e.start <= today && today <= e.end;
        let deps: Vec<&TimelineEntry> = e
            .depends_on
            .iter()
            .filter_map(|d| self.deps.get(d).copied().flatten())
            .collect();
        let broken = deps
            .iter()
            .any(|&d| !e.broken_dependencies(std::slice::from_ref(d)).is_empty());
        let names: Vec<&str> = deps.iter().map(|d| d.name.as_str()).collect();
        let names = format!(
            "{}{}",
            if broken { "⚠ broken: " } else { "" },
            names.join(", ")
        );
        let fits = |s: &str, i: usize| fit(s, usize::from(w[i]));
        let span = |s: String| if e.kind.is_point() { String::new() } else { s };
        let cells = [
            Cell::from(if e.kind.is_point() { "◆" } else { "▬" }),
            Cell::from(fits(
                &format!("{}{}", if now { "▶ " } else { "" }, e.name),
                1,
            )),
            Cell::from(e.kind.name()),
            Cell::from(e.start.to_string()),
            Cell::from(span(e.end.to_string())),
            Cell::from(span(format!("{}d", e.duration_days()))),
            Cell::from(fits(&e.owner, 6)),
            Cell::from(Span::styled(
                fits(&names, 7),
                if broken { theme.error } else { theme.text },
            )),
            Cell::from(self.progress(e)),
            budget(e, today, w[9], theme),
        ];
        let style = match (e.end < today, now) {
            (true, _) => theme.dim,
            (_, true) => theme.accent,
            _ => theme.text,
        };
        let cells = cells.into_iter().zip(w).filter(|(_, w)| *w > 0);
        Row::new(cells.map(|(c, _)| c)).style(style)
    }

    /// `5/13 pts` of the linked items done; `0/2 items` when none of them has points.
    fn progress(&self, e: &TimelineEntry) -> String {
        let linked: Vec<(u32, bool)> = e
            .items
            .iter()
            .filter_map(|i| self.items.get(i).copied())
            .collect();
        let points: u32 = linked.iter().map(|l| l.0).sum();
        let done = linked.iter().filter(|l| l.1);
        match points {
            _ if linked.is_empty() => "—".to_string(),
            0 => format!("{}/{} items", done.count(), linked.len()),
            _ => {
                let done: u32 = done.map(|l| l.0).sum();
                let options = [format!("{done}/{points} pts"), format!("{done}/{points}")];
                first_fit(usize::from(self.w[8]), options)
            }
        }
    }
}

/// Points and done-ness of the items the visible rows link, found in one pass over the backlog. A
/// bit per id, not a hash, keeps that pass cheap at 100,000 items.
fn linked_items(board: &Board, visible: &[&TimelineEntry]) -> HashMap<ItemId, (u32, bool)> {
    let ids = || visible.iter().flat_map(|e| &e.items).map(|i| i.0 as usize);
    let (lo, hi) = ids().fold((usize::MAX, 0), |(lo, hi), i| (lo.min(i), hi.max(i)));
    if lo > hi {
        return HashMap::new();
    }
    // Ids this far apart only come from a hand-edited file: a hash set will do there.
    let sparse = hi - lo > 1 << 24;
    let set: HashSet<usize> = if sparse {
        ids().collect()
    } else {
        HashSet::new()
    };
    let mut bits = vec![0u64; if sparse { 0 } else { (hi - lo) / 64 + 1 }];
    for k in ids().map(|i| i - lo) {
        if let Some(word) = bits.get_mut(k / 64) {
            *word |= 1 << (k % 64);
        }
    }
    let bits = bits.as_slice();
    let wanted = |id: usize| {
        let k = id.wrapping_sub(lo);
        bits.get(k / 64).is_some_and(|w| w >> (k % 64) & 1 == 1) || (sparse && set.contains(&id))
    };
    // The ids are copied out first: that tight loop keeps many loads in flight, and testing them
    // afterwards, in cache, is cheap.
    let ids: Vec<u32> = board.items.iter().map(|i| i.id.0).collect();
    let hits = ids
        .iter()
        .enumerate()
        .filter(|(_, id)| wanted(**id as usize));
    let linked = hits.filter_map(|(n, _)| board.items.get(n));
    linked
        .map(|i| (i.id, (i.points_or_zero(), board.is_done(i))))
        .collect()
}

/// `185k`, `36k`, `171.3k`, `1.2M`.
fn money(n: u64) -> String {
    match n {
        1_000_000.. => format!("{:.1}M", n as f64 / 1e6),
        1_000.. if n.is_multiple_of(1000) => format!("{}k", n / 1000),
        1_000.. => format!("{:.1}k", n as f64 / 1e3),
        _ => n.to_string(),
    }
}

/// `62% of 185k` (or shorter), with `⚠` and, room permitting, `over pace` when spending runs ahead
/// of time.
fn budget(e: &TimelineEntry, today: Date, w: u16, theme: &Theme) -> Cell<'static> {
    let (burn, w) = (e.burn(today), usize::from(w));
    let options = match (burn.actual * 100 + burn.planned / 2).checked_div(burn.planned) {
        _ if burn.planned == 0 && burn.actual == 0 => return Cell::from("—"),
        None => vec![format!("{} unplanned", money(burn.actual))],
        Some(pct) => {
            let planned = money(burn.planned);
            vec![
                format!("{pct}% of {planned}"),
                format!("{pct}%/{planned}"),
                format!("{pct}%"),
            ]
        }
    };
    if !burn.is_overspending() {
        return Cell::from(first_fit(w, options));
    }
    let long = options.iter().map(|o| format!("⚠ {o} over pace"));
    let short = options.iter().map(|o| format!("⚠ {o}"));
    Cell::from(Span::styled(first_fit(w, long.chain(short)), theme.warn))
}

/// Today, what is in progress, the next milestone and the budget, packed into as few lines as fit.
fn header_lines(
    entries: &[&TimelineEntry],
    app: &App,
    w: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let (today, project) = (app.today, &app.board.project);
    let names = |pick: &dyn Fn(&TimelineEntry) -> bool| {
        let names: Vec<&str> = entries
            .iter()
            .filter(|e| pick(e))
            .map(|e| e.name.as_str())
            .collect();
        if names.len() > 3 {
            let more = format!("and {} more", names.len() - 2);
            return [&names[..2].join(", "), more.as_str()].join(" ");
        }
        names.join(", ")
    };
    let now = names(&|e| e.start <= today && today <= e.end);
    let over = names(&|e| e.burn(today).is_overspending());
    let (planned, actual) = budget_totals(&app.board.timeline);
    let next = match entries
        .iter()
        .find(|e| e.kind.is_point() && e.start >= today)
    {
        Some(e) => {
            let when = widgets::relative_day(e.start, today);
            format!("next {} {when} ({}): {}", e.kind.name(), e.start, e.name)
        }
        None => "no milestone ahead".to_string(),
    };
    let mut parts = vec![Span::styled(format!("today {today}"), theme.title)];
    if !now.is_empty() {
        parts.push(Span::styled(format!("▶ in progress: {now}"), theme.text));
    }
    parts.push(Span::styled(next, theme.text));
    let (currency, total) = (&project.currency, money(project.budget));
    let budget = format!(
        "budget {currency} {total}: {} planned, {} spent",
        money(planned),
        money(actual)
    );
    parts.push(Span::styled(budget, theme.text));
    if !over.is_empty() {
        parts.push(Span::styled(format!("⚠ over pace: {over}"), theme.warn));
    }
    pack(parts, w, theme)
}

#[cfg(test)]
mod tests {
    use super::super::sprint::tests::{sample, screen, shows};
    use super::*;
    use crate::model::EntryKind;
    use jiff::civil::date;

    #[test]
    fn lists_entries_in_date_order_with_today_and_budget() {
        let text = screen(&sample(Pane::Timeline), 80, 24);
        shows(&text, &["today 2026-11-28", "▶ in progress: Build"]);
        shows(
            &text,
            &["next milestone in 16d (2026-12-14): Beta to 5% of traffic"],
        );
        shows(
            &text,
            &["Progress", "▬ ▶ Build", "93% of 185k", "⚠ 83% of 36k"],
        );
        shows(&text, &["⚠ over pace: PCI DSS assessment", "26/42 pts"]);
        let beta = text.lines().find(|l| l.contains("◆ Beta to 5% of tr"));
        assert!(beta.is_some_and(|l| l.contains("2026-12-14")), "{text}");
        let (discovery, legacy) = (text.find("▬ Discovery"), text.find("◆ Legacy checkout"));
        assert!(discovery.is_some() && discovery < legacy, "{text}");
    }

    #[test]
    fn broken_dependencies_are_named_and_only_visible_rows_are_built() {
        let mut app = sample(Pane::Timeline);
        for e in app
            .board
            .timeline
            .iter_mut()
            .filter(|e| e.name == "Hardening")
        {
            e.start = date(2026, 12, 1);
        }
        shows(&screen(&app, 80, 24), &["⚠ broken: B…"]);
        let text = screen(&app, 200, 60);
        shows(
            &text,
            &["⚠ broken: Build", "Daniel Okafor", "milestone", "82d"],
        );
        shows(&text, &["26/42 pts", "⚠ 83% of 36k over pace"]);
        let template = app.board.timeline[0].clone();
        for n in 0..5000 {
            let mut e = template.clone();
            (e.id, e.kind, e.start) = (EntryId(100 + n), EntryKind::Milestone, date(2027, 6, 1));
            app.board.timeline.push(e);
        }
        app.scroll[Pane::Timeline.index()] = 10_000;
        shows(&screen(&app, 80, 24), &["of 5008 entries"]);
    }
}
