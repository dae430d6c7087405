//! The timeline pane's actions: the gantt's selection, scrolling and zoom, editing entries (dates by
//! keyboard, pushing dependents when asked), dependencies and links to the work, the budget view and
//! the risk register.

mod delete;
mod derived;
mod earned;
mod follow;
mod form;
mod risks;
mod submit;

pub(crate) use risks::shifts_dates;
use submit::entry_choice;

pub use derived::{RowInfo, TimelineCache};
pub(crate) use submit::same_set;

use crate::app::picker::{Picker, Purpose};
use crate::app::{Action, App, Effect, Form, Mode};
use crate::model::{Edit, EntryId, Risk, RiskId, TimelineEntry, open_risks_by_exposure, plan};
use jiff::civil::Date;
use std::borrow::Cow;

/// How much time a column of the chart stands for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Zoom {
    /// Three columns a day: every day labelled, weekends shaded.
    Day,
    /// A column a day: weeks labelled.
    #[default]
    Week,
    /// A column every four days: months labelled.
    Month,
}

impl Zoom {
    pub fn name(self) -> &'static str {
        match self {
            Zoom::Day => "days",
            Zoom::Week => "weeks",
            Zoom::Month => "months",
        }
    }

    /// (columns, days): `columns` columns show `days` days.
    pub fn scale(self) -> (i32, i32) {
        match self {
            Zoom::Day => (3, 1),
            Zoom::Week => (1, 1),
            Zoom::Month => (1, 4),
        }
    }

    fn zoom_in(self) -> Zoom {
        match self {
            Zoom::Month => Zoom::Week,
            _ => Zoom::Day,
        }
    }

    fn zoom_out(self) -> Zoom {
        match self {
            Zoom::Day => Zoom::Week,
            _ => Zoom::Month,
        }
    }
}

/// What the pane shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sub {
    #[default]
    Gantt,
    Budget,
    Risks,
}

/// The timeline pane's view.
#[derive(Debug, Default)]
pub struct TimelineView {
    /// Derived data of the board (progress, forecasts, broken dependencies, the critical path),
    /// kept until the board changes; `App::prepare_frame` fills it before a frame.
    pub cache: TimelineCache,
    pub selected: Option<EntryId>,
    /// First day of the chart; `None` keeps today a quarter of the way in.
    pub origin: Option<Date>,
    pub zoom: Zoom,
    /// The details of the selected entry are shown.
    pub details: bool,
    /// The critical path to each milestone is highlighted.
    pub critical: bool,
    /// Moving an entry pushes what depends on it.
    pub push: bool,
    pub sub: Sub,
    /// The gantt's filter (`/`): words matched against an entry's name, owner and kind.
    pub filter: String,
    pub risk: Option<RiskId>,
}

/// The timeline's forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimelineForm {
    AddEntry,
    EditEntry(EntryId),
    AddRisk,
    EditRisk(RiskId),
}

/// `d` moved by `n` days, or `d` itself past the calendar's ends (the model's rule, which never
/// panics).
fn add_days(d: Date, n: i32) -> Date {
    crate::model::value::add_days(d, i64::from(n)).unwrap_or(d)
}

impl App {
    /// Positions in `board.timeline` in the order the gantt lists them (by start, then end, then
    /// id), the pane's filter applied.
    /// Borrowed from the frame cache when no filter applies, so a key costs no copy of it.
    pub fn timeline_order(&self) -> Cow<'_, [usize]> {
        let order = self.timeline_sorted();
        let words = self.timeline.filter.to_lowercase();
        let words: Vec<&str> = words.split_whitespace().collect();
        if words.is_empty() {
            return order;
        }
        let t = &self.doc.board.timeline;
        let mut order = order.into_owned();
        order.retain(|&p| {
            let e = &t[p];
            let hay = format!("{} {} {}", e.name, e.owner, e.kind.name()).to_lowercase();
            words.iter().all(|w| hay.contains(w))
        });
        Cow::Owned(order)
    }

    /// Every entry's position in the gantt's order, with no filter (what the frame cache keeps).
    pub fn timeline_sorted(&self) -> Cow<'_, [usize]> {
        let cache = &self.timeline.cache;
        if cache.key == Some(self.timeline_key()) {
            return Cow::Borrowed(&cache.order);
        }
        Cow::Owned(derived::sorted(&self.doc.board.timeline))
    }

    /// The gantt's rows as entry ids, one at a time (no list of them built).
    fn timeline_ids(&self) -> (Cow<'_, [usize]>, &[TimelineEntry]) {
        (self.timeline_order(), &self.doc.board.timeline)
    }

    /// Which board a `TimelineCache` was filled from.
    pub fn timeline_key(&self) -> (u64, Date, usize, usize, usize) {
        let b = &self.doc.board;
        (
            self.doc.revision,
            self.run.today,
            b.items.len(),
            b.timeline.len(),
            b.sprints.len(),
        )
    }

    /// Timeline entries in the order the gantt lists them.
    pub fn timeline_rows(&self) -> Vec<EntryId> {
        let (order, t) = self.timeline_ids();
        order.iter().map(|&p| t[p].id).collect()
    }

    /// The selected entry: the remembered one while it exists, else the first upcoming one.
    pub fn selected_entry(&self) -> Option<&TimelineEntry> {
        if let Some(e) = self
            .timeline
            .selected
            .and_then(|id| self.doc.board.entry(id))
        {
            return Some(e);
        }
        let (order, t) = self.timeline_ids();
        let today = self.run.today;
        order
            .iter()
            .map(|&p| &t[p])
            .find(|e| e.end >= today)
            .or_else(|| order.last().map(|&p| &t[p]))
    }

    /// Risks in the register's order: open ones by exposure, then closed ones. Borrowed from the
    /// frame cache when it is current (kept until the risks change).
    pub fn risk_rows(&self) -> Cow<'_, [RiskId]> {
        let cache = &self.timeline.cache;
        if cache.key == Some(self.timeline_key()) {
            return Cow::Borrowed(&cache.risk_rows);
        }
        Cow::Owned(risk_order(&self.doc.board))
    }
}

/// [`App::risk_rows`] from the board.
pub(crate) fn risk_order(board: &crate::model::Board) -> Vec<RiskId> {
    {
        let mut rows: Vec<RiskId> = open_risks_by_exposure(&board.risks)
            .iter()
            .map(|r| r.id)
            .collect();
        rows.extend(board.risks.iter().filter(|r| !r.is_open()).map(|r| r.id));
        rows
    }
}

impl App {
    pub fn selected_risk(&self) -> Option<&Risk> {
        let rows = self.risk_rows();
        let id = match self.timeline.risk {
            Some(id) if rows.contains(&id) => id,
            _ => *rows.first()?,
        };
        self.doc.board.risk(id)
    }

    /// The first day of the chart.
    pub fn timeline_origin(&self) -> Date {
        self.timeline_origin_for(self.viewport.chart_days)
    }

    /// The first day of a chart that shows `days` days: the one scrolled to, else today a quarter in.
    pub fn timeline_origin_for(&self, days: i32) -> Date {
        self.timeline
            .origin
            .unwrap_or_else(|| add_days(self.run.today, -(days.max(8) / 4)))
    }

    pub(crate) fn timeline_action(&mut self, action: Action) -> Vec<Effect> {
        use Action::*;
        if self.timeline.sub == Sub::Risks {
            return self.risk_action(action);
        }
        match action {
            Down | Up | Top | Bottom | PageDown | PageUp | Scroll(_) => {
                self.move_entry_selection(&action)
            }
            Details => self.timeline.details = !self.timeline.details,
            Filter => self.open_filter(),
            Cancel => {
                if self.timeline.sub != Sub::Gantt {
                    self.timeline.sub = Sub::Gantt;
                } else if self.timeline.details {
                    self.timeline.details = false;
                } else {
                    self.timeline.filter.clear();
                    self.info("Filter cleared");
                }
            }
            ScrollEarlier | ScrollLater => {
                let step = (self.viewport.chart_days / 4).max(7);
                let sign = if action == ScrollEarlier { -1 } else { 1 };
                self.timeline.origin = Some(add_days(self.timeline_origin(), sign * step));
            }
            ZoomIn | ZoomOut => {
                let zoom = self.timeline.zoom;
                let to = if action == ZoomIn {
                    zoom.zoom_in()
                } else {
                    zoom.zoom_out()
                };
                if to == zoom {
                    self.info(format!("Already showing {}", zoom.name()));
                } else {
                    // Keep the day in the middle of the chart where it was.
                    let days = self.viewport.chart_days;
                    let middle = add_days(self.timeline_origin(), days / 2);
                    let (c0, d0) = zoom.scale();
                    let (c1, d1) = to.scale();
                    let new_days = days * c0 * d1 / (d0 * c1).max(1);
                    self.timeline.zoom = to;
                    self.viewport.chart_days = new_days;
                    if self.timeline.origin.is_some() {
                        self.timeline.origin = Some(add_days(middle, -(new_days / 2)));
                    }
                    self.info(format!("Showing {}", to.name()));
                }
            }
            GoToToday => {
                self.timeline.origin = None;
                self.info(format!("Today is {}", self.run.today));
            }
            Budget => {
                self.timeline.sub = if self.timeline.sub == Sub::Budget {
                    Sub::Gantt
                } else {
                    Sub::Budget
                };
            }
            Risks => self.timeline.sub = Sub::Risks,
            CriticalPath => {
                self.timeline.critical = !self.timeline.critical;
                self.info(if self.timeline.critical {
                    "Critical path shown: the longest chain of dependencies to each milestone (marked ┃)"
                } else {
                    "Critical path hidden"
                });
            }
            PushDependents => {
                self.timeline.push = !self.timeline.push;
                self.info(if self.timeline.push {
                    "Push dependents on: moving an entry later moves what depends on it"
                } else {
                    "Push dependents off: moves can break dependencies (shown ✗)"
                });
            }
            ShiftEarlier => return self.shift(-1, false),
            ShiftLater => return self.shift(1, false),
            ShiftWeekEarlier => return self.shift(-7, false),
            ShiftWeekLater => return self.shift(7, false),
            EndEarlier => return self.shift(-1, true),
            EndLater => return self.shift(1, true),
            EndWeekEarlier => return self.shift(-7, true),
            EndWeekLater => return self.shift(7, true),
            AddEntry => {
                if self.writable() {
                    let mut blank = plan::blank_entry(self.run.today);
                    if let Some(sel) = self.selected_entry() {
                        blank.start = add_days(sel.end, 1);
                        blank.end = add_days(blank.start, 13);
                    }
                    self.mode = Mode::Form(Box::new(
                        Form::entry(&blank, true).people_from(&self.doc.board),
                    ));
                }
            }
            EditEntry => match self.selected_entry().cloned() {
                Some(e) if self.writable() => {
                    self.mode = Mode::Form(Box::new(
                        Form::entry(&e, false).people_from(&self.doc.board),
                    ));
                }
                Some(_) => {}
                None => self.info(format!(
                    "No entry selected: {} adds one",
                    self.keymap.hint(&AddEntry)
                )),
            },
            DeleteEntry => return self.delete_entry(),
            Dependencies => {
                let Some(e) = self.selected_entry().cloned() else {
                    self.info("No entry selected");
                    return Vec::new();
                };
                if !self.writable() {
                    return Vec::new();
                }
                let choices = self
                    .timeline_rows()
                    .into_iter()
                    .filter(|id| *id != e.id)
                    .filter_map(|id| self.doc.board.entry(id))
                    .map(|d| entry_choice(d, e.depends_on.contains(&d.id)))
                    .collect();
                let title = format!("\"{}\" depends on", e.name);
                self.mode = Mode::Picker(Box::new(Picker::new(
                    title,
                    Purpose::EntryDeps(e.id),
                    choices,
                )));
            }
            LinkItems => {
                let Some(e) = self.selected_entry().cloned() else {
                    self.info("No entry selected");
                    return Vec::new();
                };
                if !self.writable() {
                    return Vec::new();
                }
                let choices = self.item_choices(&e.items);
                let title = format!("Items \"{}\" delivers", e.name);
                self.mode = Mode::Picker(Box::new(Picker::new(
                    title,
                    Purpose::EntryItems(e.id),
                    choices,
                )));
            }
            CloseRisk => self.info("x closes a risk in the risk register (r)"),
            other => self.not_here(&other),
        }
        Vec::new()
    }

    /// j/k and friends over the gantt's rows; the chart follows the selection when it leaves the view.
    fn move_entry_selection(&mut self, action: &Action) {
        let (order, t) = self.timeline_ids();
        if order.is_empty() {
            return;
        }
        let at = self
            .selected_entry()
            .and_then(|e| order.iter().position(|&p| t[p].id == e.id))
            .unwrap_or(0);
        // The chart does not jump with the selection: entries off screen say where they are (← Sep 11),
        // and h/l or t scroll.
        if let Some(to) = crate::app::cursor::motion(action, at, order.len(), self.viewport.page) {
            self.timeline.selected = Some(t[order[to]].id);
        }
    }

    /// Scrolls the chart so the entry's start shows, when it is outside the days on screen.
    fn bring_into_view(&mut self, id: EntryId) {
        let Some(e) = self.doc.board.entry(id) else {
            return;
        };
        let origin = self.timeline_origin();
        let days = self.viewport.chart_days.max(8);
        let last = add_days(origin, days - 1);
        if e.end < origin || e.start > last {
            self.timeline.origin = Some(add_days(e.start, -(days / 4)));
        }
    }

    /// The entry to select when `id` goes away: the next row, else the previous one.
    fn neighbour_entry(&self, id: EntryId) -> Option<EntryId> {
        let rows = self.timeline_rows();
        let at = rows.iter().position(|r| *r == id)?;
        rows.get(at + 1)
            .or_else(|| at.checked_sub(1).and_then(|p| rows.get(p)))
            .copied()
    }

    /// Moves the selected entry (or its end) by `days`, pushing dependents when that is on.
    fn shift(&mut self, days: i32, end: bool) -> Vec<Effect> {
        let Some(e) = self.selected_entry().cloned() else {
            self.info("No entry selected");
            return Vec::new();
        };
        let push = self.timeline.push;
        let result = if end {
            plan::shift_end(&self.doc.board, e.id, days, push)
        } else {
            plan::shift_entry(&self.doc.board, e.id, days, push)
        };
        let edit = match result {
            Ok(edit) => edit,
            Err(err) => return self.refuse(err),
        };
        let pushed = match &edit {
            Edit::Batch(parts) => parts.len() - 1,
            _ => 0,
        };
        let what = if end && !e.kind.is_point() {
            "End of"
        } else {
            "Move"
        };
        let how = match days {
            1 => "a day later".to_string(),
            -1 => "a day earlier".to_string(),
            7 => "a week later".to_string(),
            -7 => "a week earlier".to_string(),
            n if n > 0 => format!("{n} days later"),
            n => format!("{} days earlier", -n),
        };
        let mut label = format!("{what} \"{}\" {how}", e.name);
        if pushed > 0 {
            label.push_str(&format!(", pushing {pushed} after it"));
        }
        self.timeline.selected = Some(e.id);
        let effects = self.change(edit, label);
        if !effects.is_empty()
            && let Some(moved) = self.doc.board.entry(e.id)
        {
            let broken = moved.broken_dependencies(&self.doc.board.timeline).len()
                + plan::broken_dependents(&self.doc.board.timeline, moved).len();
            if broken > 0 {
                let msg = format!(
                    "{} — ✗ {broken} broken dependenc{} (P pushes dependents along)",
                    self.run
                        .status
                        .as_ref()
                        .map_or(String::new(), |s| s.text.clone()),
                    if broken == 1 { "y" } else { "ies" }
                );
                self.error(msg);
            }
        }
        effects
    }

    fn refuse(&mut self, err: plan::PlanError) -> Vec<Effect> {
        self.error(err.to_string());
        Vec::new()
    }
}
