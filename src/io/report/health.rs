//! The report's health section: a red/amber/green line per milestone and release (from the
//! forecast's 50% and 85% dates) and for the budget (from AgileEVM's SPI and CPI), each with the rule
//! written beside it; the earned-value figures behind the budget's line; and the MoSCoW guardrail
//! (DSDM: Must at most 60% of a release's or sprint's effort). The same figures the screen shows.

use super::markdown::*;
use crate::model::evm::{Evm, Figure, MustShare, index_text};
use crate::model::forecast::{Forecast, Work, flagged_blocked, forecasts, history_words};
use crate::model::{Board, TimelineEntry};
use jiff::civil::Date;

/// Red, amber or green, or no rating (and why).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rag {
    Green,
    Amber,
    Red,
    Unrated,
}

impl Rag {
    pub fn name(self) -> &'static str {
        match self {
            Rag::Green => "GREEN",
            Rag::Amber => "AMBER",
            Rag::Red => "RED",
            Rag::Unrated => "not rated",
        }
    }
}

/// The rule for a milestone, as the report writes it.
pub const MILESTONE_RULE: &str = "green: 85% date on or before the due date; amber: only the 50% date is; red: the 50% date is after it, or the date passed with work open";

/// The rule for the budget, as the report writes it.
pub const BUDGET_RULE: &str =
    "green: SPI and CPI both at least 0.95; amber: both at least 0.85; red: either below 0.85";

/// A milestone's rating from its forecast.
pub fn milestone_rag(f: &Forecast, due: Date, today: Date) -> Rag {
    match f {
        Forecast::Done => Rag::Green,
        Forecast::NoWork | Forecast::NoVelocity => Rag::Unrated,
        _ if due < today => Rag::Red,
        Forecast::Beyond { .. } => Rag::Red,
        Forecast::Dates { p85, .. } if *p85 <= due => Rag::Green,
        Forecast::Dates { p50, .. } if *p50 <= due => Rag::Amber,
        Forecast::Dates { .. } => Rag::Red,
    }
}

/// The budget's rating from SPI and CPI.
pub fn budget_rag(evm: &Evm) -> Rag {
    match (evm.spi, evm.cpi) {
        (Ok(s), Ok(c)) if s >= 0.95 && c >= 0.95 => Rag::Green,
        (Ok(s), Ok(c)) if s >= 0.85 && c >= 0.85 => Rag::Amber,
        (Ok(_), Ok(_)) => Rag::Red,
        _ => Rag::Unrated,
    }
}

fn figure(f: &Figure, money_fmt: &dyn Fn(u64) -> String, as_money: bool) -> String {
    match f {
        Ok(v) if as_money => money_fmt(v.round().max(0.0) as u64),
        Ok(v) => format!("{v:.2}"),
        Err(why) => format!("— ({why})"),
    }
}

pub(super) fn health_section(board: &Board, today: Date) -> Vec<String> {
    let mut blocks = vec!["## Health".to_string()];
    let currency = board.project.currency.trim();
    let money = |n: u64| money(currency, n);
    let mut points: Vec<&TimelineEntry> = board
        .timeline
        .iter()
        .filter(|e| e.kind.is_point())
        .collect();
    points.sort_by_key(|e| (e.start, e.id));
    let all = forecasts(board, today);
    let work = Work::of(board);
    let mut lines = Vec::new();
    for e in &points {
        let Some(f) = all.get(&e.id) else { continue };
        let rag = milestone_rag(f, e.start, today);
        let why = match f {
            Forecast::Dates {
                p50,
                p85,
                p95,
                sprints,
                ..
            } => format!(
                "50% {p50}, 85% {p85}, 95% {p95}; {}",
                history_words(*sprints)
            ),
            other => other.describe(),
        };
        let mut line = format!(
            "- {} ({}, {}): {} — {why}",
            inline(&e.name),
            e.kind.name(),
            e.start,
            rag.name()
        );
        let blocked = flagged_blocked(board, &work.expand(&e.items));
        if !blocked.is_empty() {
            let keys: Vec<String> = blocked
                .iter()
                .map(|(id, why)| format!("{} ({})", board.item_key(*id), inline(why)))
                .collect();
            line.push_str(&format!(
                "; blocked: {}",
                crate::model::words::and_list(&keys)
            ));
        }
        lines.push(line);
    }
    if lines.is_empty() {
        blocks.push("No milestones or releases to rate.".to_string());
    } else {
        blocks.push(format!(
            "Milestones and releases (rule — {MILESTONE_RULE}):\n{}",
            lines.join("\n")
        ));
    }

    let evm = Evm::of(board);
    let i = evm.input;
    let rag = budget_rag(&evm);
    let why = match (evm.spi, evm.cpi) {
        (Ok(s), Ok(c)) => format!("SPI {s:.2}, CPI {c:.2}"),
        (Err(w), _) | (_, Err(w)) => w.to_string(),
    };
    blocks.push(format!(
        "- Budget: {} — {why} (rule — {BUDGET_RULE}).\n- Reading: {}.",
        rag.name(),
        evm.reading(currency)
    ));
    if i.bac == 0 && i.sprints_planned == 0 {
        blocks.push("No budget and no sprints: no earned value to report.".to_string());
        blocks.push(moscow_block(board, &points, &work));
        return blocks;
    }
    let rows = vec![
        vec![
            "PPC (sprints done / planned)".to_string(),
            format!("{} / {}", i.sprints_done, i.sprints_planned),
            figure(&evm.ppc, &money, false),
        ],
        vec![
            "APC (points done / planned)".to_string(),
            format!("{} / {}", i.points_done, i.points_planned),
            figure(&evm.apc, &money, false),
        ],
        vec![
            "PV = BAC × PPC".to_string(),
            format!("BAC {}", money(i.bac)),
            figure(&evm.pv, &money, true),
        ],
        vec![
            "EV = BAC × APC".to_string(),
            String::new(),
            figure(&evm.ev, &money, true),
        ],
        vec![
            "AC (spent to date)".to_string(),
            String::new(),
            money(i.actual),
        ],
        vec![
            "SPI = EV / PV".to_string(),
            String::new(),
            index_text(&evm.spi),
        ],
        vec![
            "CPI = EV / AC".to_string(),
            String::new(),
            index_text(&evm.cpi),
        ],
        vec![
            "EAC = BAC / CPI".to_string(),
            String::new(),
            figure(&evm.eac, &money, true),
        ],
    ];
    blocks.push(table(
        &[
            ("Earned value (AgileEVM)", Align::Left),
            ("From", Align::Left),
            ("Value", Align::Right),
        ],
        &rows,
    ));
    blocks.push(moscow_block(board, &points, &work));
    blocks
}

/// The MoSCoW guardrail for each release and milestone with work, and the active sprint.
fn moscow_block(board: &Board, points: &[&TimelineEntry], work: &Work) -> String {
    let mut must = Vec::new();
    for e in points.iter().filter(|e| !e.items.is_empty()) {
        let share = MustShare::of(
            work.expand(&e.items)
                .iter()
                .filter_map(|id| board.item(*id)),
        );
        if let Some(w) = share.warning() {
            must.push(format!("- ⚠ {}: {w}.", inline(&e.name)));
        }
    }
    if let Some(s) = board.active_sprint() {
        let share = MustShare::of(board.sprint_items(s.id));
        if let Some(w) = share.warning() {
            must.push(format!("- ⚠ {}: {w}.", inline(&s.name)));
        }
    }
    if must.is_empty() {
        "MoSCoW: Must effort is within 60% of every release, milestone and the active sprint (DSDM).".to_string()
    } else {
        format!(
            "MoSCoW (DSDM: Must at most 60% of a timebox's effort, so Should and Could leave room for the unexpected):\n{}",
            must.join("\n")
        )
    }
}
