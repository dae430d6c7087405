//! Earned value for a Scrum release: AgileEVM (Sulaiman, Barton and Blackburn, "AgileEVM – Earned
//! Value Management in Scrum Projects", Agile 2006). Measured at sprint boundaries from the budget,
//! the release plan and what is done:
//!
//! PPC = sprints done / sprints planned, APC = points done / points planned, PV = BAC × PPC,
//! EV = BAC × APC, SPI = EV / PV, CPI = EV / AC, EAC = BAC / CPI.
//!
//! Every division is guarded: a figure that cannot be computed says why instead.
//! Also the DSDM MoSCoW guardrail: Must effort at most 60% of a timebox's.

use super::forecast::Work;
use super::{Board, Item, Moscow, SprintState, budget_totals};

/// One figure, or why there is none.
pub type Figure = Result<f64, &'static str>;

/// What AgileEVM reads.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EvmInput {
    /// Budget at completion: the release's budget.
    pub bac: u64,
    pub sprints_planned: u32,
    pub sprints_done: u32,
    pub points_planned: u32,
    pub points_done: u32,
    /// Actual cost to date.
    pub actual: u64,
}

/// AgileEVM's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Evm {
    pub input: EvmInput,
    pub ppc: Figure,
    pub apc: Figure,
    pub pv: Figure,
    pub ev: Figure,
    pub spi: Figure,
    pub cpi: Figure,
    pub eac: Figure,
}

fn ratio(a: f64, b: f64, why: &'static str) -> Figure {
    if b > 0.0 && a.is_finite() {
        Ok(a / b)
    } else {
        Err(why)
    }
}

impl Evm {
    /// The figures from their inputs.
    pub fn compute(input: EvmInput) -> Evm {
        let bac = input.bac as f64;
        let ppc = ratio(
            f64::from(input.sprints_done),
            f64::from(input.sprints_planned),
            "no sprints planned",
        );
        let apc = ratio(
            f64::from(input.points_done),
            f64::from(input.points_planned),
            "no points planned",
        );
        let with_budget = |f: Figure| match f {
            Ok(_) if input.bac == 0 => Err("no budget set"),
            Ok(p) => Ok(bac * p),
            Err(e) => Err(e),
        };
        let pv = with_budget(ppc);
        let ev = with_budget(apc);
        let spi = match (ev, pv) {
            (Ok(ev), Ok(pv)) => ratio(ev, pv, "no sprint done yet: nothing was planned by now"),
            (Err(e), _) | (_, Err(e)) => Err(e),
        };
        let cpi = match ev {
            Ok(ev) => ratio(ev, input.actual as f64, "nothing spent yet"),
            Err(e) => Err(e),
        };
        let eac = match cpi {
            Ok(c) => ratio(bac, c, "nothing earned yet"),
            Err(e) => Err(e),
        };
        Evm {
            input,
            ppc,
            apc,
            pv,
            ev,
            spi,
            cpi,
            eac,
        }
    }

    /// The board's release plan: the budget (the project's, else what the timeline plans), the
    /// sprints (every sprint on the board, plus the sprints of the last one's length that still fit
    /// before the last milestone or release), the points of the work linked to milestones and
    /// releases (every item's when none is linked) and what the timeline records as spent.
    pub fn of(board: &Board) -> Evm {
        let (planned, done) = points_of(board);
        Evm::with_points(board, planned, done)
    }

    /// [`Evm::of`] with the points planned and done given (counted elsewhere, as the app keeps
    /// them from change to change): everything else is read from the sprints and the timeline.
    pub fn with_points(board: &Board, points_planned: u32, points_done: u32) -> Evm {
        let (planned_cost, actual) = budget_totals(&board.timeline);
        let bac = if board.project.budget > 0 {
            board.project.budget
        } else {
            planned_cost
        };
        let done = board
            .sprints
            .iter()
            .filter(|s| s.state == SprintState::Closed)
            .count() as u32;
        let mut planned = board.sprints.len() as u32;
        let last_sprint = board.sprints.iter().max_by_key(|s| s.end);
        let last_point = board
            .timeline
            .iter()
            .filter(|e| e.kind.is_point())
            .map(|e| e.start)
            .max();
        if let (Some(s), Some(d)) = (last_sprint, last_point)
            && d > s.end
        {
            let len = i64::from(s.length_days().max(1));
            let days = i64::from((d - s.end).get_days());
            planned += u32::try_from((days + len - 1) / len).unwrap_or(0);
        }
        Evm::compute(EvmInput {
            bac,
            sprints_planned: planned,
            sprints_done: done,
            points_planned,
            points_done,
            actual,
        })
    }

    /// One line a stakeholder reads: "for every EUR spent we deliver EUR 0.82 of planned value;
    /// the schedule runs at 0.91 of plan", or why it cannot be said.
    pub fn reading(&self, currency: &str) -> String {
        format!(
            "{}; {}",
            self.cost_reading(currency),
            self.schedule_reading()
        )
    }

    /// "for every EUR spent we deliver EUR 0.82 of planned value", or why not.
    pub fn cost_reading(&self, currency: &str) -> String {
        match self.cpi {
            Ok(c) => {
                format!("for every {currency} spent we deliver {currency} {c:.2} of planned value")
            }
            Err(why) => format!("no cost reading ({why})"),
        }
    }

    /// "work done runs at 0.91 of the plan's pace", or why not.
    pub fn schedule_reading(&self) -> String {
        match self.spi {
            Ok(s) => format!("work done runs at {s:.2} of the plan's pace"),
            Err(why) => format!("no schedule reading ({why})"),
        }
    }
}

/// The points of the release's work and of what of it is done: the work linked to milestones and
/// releases (an epic's through its children), or every item but the epics with children when
/// nothing is linked.
pub fn points_of(board: &Board) -> (u32, u32) {
    let work = Work::of(board);
    let linked: Vec<super::ItemId> = board
        .timeline
        .iter()
        .filter(|e| e.kind.is_point())
        .flat_map(|e| e.items.iter().copied())
        .collect();
    let mut ids = work.expand(&linked);
    if ids.is_empty() {
        ids = board
            .items
            .iter()
            .filter(|i| !work.has_children(i.id))
            .map(|i| i.id)
            .collect();
    }
    let wanted: std::collections::HashSet<_> = ids.into_iter().collect();
    let (mut points_planned, mut points_done) = (0, 0);
    for i in board.items.iter().filter(|i| wanted.contains(&i.id)) {
        points_planned += i.points_or_zero();
        if board.is_done(i) {
            points_done += i.points_or_zero();
        }
    }
    (points_planned, points_done)
}

/// A figure as text: two decimals, or "—" (the reason is said elsewhere).
pub fn index_text(f: &Figure) -> String {
    f.map_or_else(|_| "—".to_string(), |v| format!("{v:.2}"))
}

/// DSDM's guardrail: Must effort at most this share (percent) of a timebox's total.
pub const MUST_LIMIT: u32 = 60;

/// Must and total effort (points) of a set of items.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MustShare {
    pub must: u32,
    pub total: u32,
}

impl MustShare {
    pub fn of<'a>(items: impl IntoIterator<Item = &'a Item>) -> MustShare {
        let mut s = MustShare::default();
        for i in items {
            let p = i.points_or_zero();
            s.total += p;
            if i.moscow == Some(Moscow::Must) {
                s.must += p;
            }
        }
        s
    }

    /// Must's share, whole percent rounded down; `None` without estimated effort.
    pub fn percent(&self) -> Option<u32> {
        (self.total > 0).then(|| (u64::from(self.must) * 100 / u64::from(self.total)) as u32)
    }

    /// Must effort exceeds 60% of the total (exactly, in integers).
    pub fn over(&self) -> bool {
        u64::from(self.must) * 100 > u64::from(MUST_LIMIT) * u64::from(self.total)
    }

    /// "Must is 72% of 25 points (DSDM: at most 60%)" or `None` within the guardrail.
    pub fn warning(&self) -> Option<String> {
        self.over().then(|| {
            format!(
                "Must is {}% of {} (DSDM: at most {MUST_LIMIT}%)",
                self.percent().unwrap_or(100),
                super::words::count(self.total, "point")
            )
        })
    }
}

/// The first release dated on or after `from` that has linked work, with the Must share of that
/// work (an epic's through its children): the release a sprint planned now leads to.
pub fn next_release_must(board: &Board, from: jiff::civil::Date) -> Option<(String, MustShare)> {
    let release = board
        .timeline
        .iter()
        .filter(|e| e.kind == super::EntryKind::Release && e.start >= from && !e.items.is_empty())
        .min_by_key(|e| (e.start, e.id))?;
    let work: std::collections::HashSet<super::ItemId> =
        Work::of(board).expand(&release.items).into_iter().collect();
    let share = MustShare::of(
        board
            .items
            .iter()
            .filter(|i| work.contains(&i.id))
            .map(|i| &**i),
    );
    Some((release.name.clone(), share))
}

#[cfg(test)]
mod tests;
