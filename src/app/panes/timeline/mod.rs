//! The timeline pane's actions: the gantt's selection, scrolling and zoom, editing entries (dates by
//! keyboard, pushing dependents when asked), dependencies and links to the work, the budget view and
//! the risk register.

mod form;

use crate::app::picker::{Choice, Picker, Purpose, Target};
use crate::app::{Action, App, Effect, Form, FormKind, Mode};
use crate::model::forecast::Forecast;
use crate::model::{
    Edit, EntryId, EntryKind, ItemId, Risk, RiskId, TimelineEntry, open_risks_by_exposure, plan,
};
use jiff::civil::Date;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

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

/// What the timeline's frames share until the board changes, so a keystroke that only moves the
/// selection or the chart costs what is on screen: the linked items' points and done-ness, the work
/// ahead of each milestone, the critical path and the forecasts computed so far. The UI fills it (as
/// it does scroll offsets); `key` says which board it belongs to.
#[derive(Debug, Default)]
pub struct TimelineCache {
    pub key: Option<(u64, Date, usize, usize, usize)>,
    /// Every item's points and state by id (dense: ids are handed out in order): 0 for no item,
    /// else `points << 2 | 1` open or `points << 2 | 2` done.
    pub items: Vec<u32>,
    /// Fingerprint of the items' points and done-ness and of the entries' links.
    pub items_fp: Option<u64>,
    pub ahead: HashMap<EntryId, u32>,
    /// Fingerprint of the milestones' dates, `items_fp` and the sprint cadence behind `ahead` and
    /// `forecasts`.
    pub ahead_fp: Option<u64>,
    pub critical: Option<HashSet<EntryId>>,
    /// Entries with a broken dependency, on either side of it.
    pub broken: HashSet<EntryId>,
    /// `App::timeline_order` for the board of `key`.
    pub order: Vec<usize>,
    pub forecasts: HashMap<EntryId, Forecast>,
    /// Remaining points → sprints needed by 50% and 85% of the futures, for the velocities and share
    /// of the active sprint in `needed_key`; kept across board changes while those stay the same.
    pub needed: HashMap<u32, (u32, u32)>,
    pub needed_key: Option<(Vec<u32>, u64)>,
}

/// The timeline pane's view.
#[derive(Debug, Default)]
pub struct TimelineView {
    pub cache: RefCell<TimelineCache>,
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

fn add_days(d: Date, n: i32) -> Date {
    d.checked_add(jiff::Span::new().days(i64::from(n)))
        .unwrap_or(d)
}

impl TimelineCache {
    /// An item's points and whether it is done, when it exists.
    pub fn item(&self, id: ItemId) -> Option<(u32, bool)> {
        match self.items.get(id.0 as usize).copied().unwrap_or(0) {
            0 => None,
            v => Some((v >> 2, v & 3 == 2)),
        }
    }
}

impl App {
    /// Positions in `board.timeline` in the order the gantt lists them (by start, then end, then
    /// id), the pane's filter applied.
    pub fn timeline_order(&self) -> Vec<usize> {
        let mut order = self.timeline_sorted();
        let words = self.timeline.filter.to_lowercase();
        let words: Vec<&str> = words.split_whitespace().collect();
        if !words.is_empty() {
            let t = &self.board.timeline;
            order.retain(|&p| {
                let e = &t[p];
                let hay = format!("{} {} {}", e.name, e.owner, e.kind.name()).to_lowercase();
                words.iter().all(|w| hay.contains(w))
            });
        }
        order
    }

    /// Every entry's position in the gantt's order, with no filter (what the frame cache keeps).
    pub fn timeline_sorted(&self) -> Vec<usize> {
        if let Ok(cache) = self.timeline.cache.try_borrow()
            && cache.key == Some(self.timeline_key())
        {
            return cache.order.clone();
        }
        let t = &self.board.timeline;
        let mut order: Vec<usize> = (0..t.len()).collect();
        order.sort_unstable_by_key(|&p| (t[p].start, t[p].end, t[p].id));
        order
    }

    /// Which board a `TimelineCache` was filled from.
    pub fn timeline_key(&self) -> (u64, Date, usize, usize, usize) {
        let b = &self.board;
        (
            self.changes,
            self.today,
            b.items.len(),
            b.timeline.len(),
            b.sprints.len(),
        )
    }

    /// Timeline entries in the order the gantt lists them.
    pub fn timeline_rows(&self) -> Vec<EntryId> {
        self.timeline_order()
            .into_iter()
            .map(|p| self.board.timeline[p].id)
            .collect()
    }

    /// The selected entry: the remembered one while it exists, else the first upcoming one.
    pub fn selected_entry(&self) -> Option<&TimelineEntry> {
        if let Some(e) = self.timeline.selected.and_then(|id| self.board.entry(id)) {
            return Some(e);
        }
        let rows = self.timeline_rows();
        let today = self.today;
        rows.iter()
            .filter_map(|id| self.board.entry(*id))
            .find(|e| e.end >= today)
            .or_else(|| rows.last().and_then(|id| self.board.entry(*id)))
    }

    /// Risks in the register's order: open ones by exposure, then closed ones.
    pub fn risk_rows(&self) -> Vec<RiskId> {
        let mut rows: Vec<RiskId> = open_risks_by_exposure(&self.board.risks)
            .iter()
            .map(|r| r.id)
            .collect();
        rows.extend(
            self.board
                .risks
                .iter()
                .filter(|r| !r.is_open())
                .map(|r| r.id),
        );
        rows
    }

    pub fn selected_risk(&self) -> Option<&Risk> {
        let rows = self.risk_rows();
        let id = match self.timeline.risk {
            Some(id) if rows.contains(&id) => id,
            _ => *rows.first()?,
        };
        self.board.risk(id)
    }

    /// The first day of the chart.
    pub fn timeline_origin(&self) -> Date {
        self.timeline_origin_for(self.viewport.chart_days)
    }

    /// The first day of a chart that shows `days` days: the one scrolled to, else today a quarter in.
    pub fn timeline_origin_for(&self, days: i32) -> Date {
        self.timeline
            .origin
            .unwrap_or_else(|| add_days(self.today, -(days.max(8) / 4)))
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
                self.info(format!("Today is {}", self.today));
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
                    let mut blank = plan::blank_entry(self.today);
                    if let Some(sel) = self.selected_entry() {
                        blank.start = add_days(sel.end, 1);
                        blank.end = add_days(blank.start, 13);
                    }
                    self.mode = Mode::Form(Box::new(Form::entry(&blank, true)));
                }
            }
            EditEntry => match self.selected_entry().cloned() {
                Some(e) if self.writable() => {
                    self.mode = Mode::Form(Box::new(Form::entry(&e, false)));
                }
                Some(_) => {}
                None => self.info(format!(
                    "No entry selected: {} adds one",
                    self.keymap.hint(&AddEntry)
                )),
            },
            DeleteEntry => {
                let Some(e) = self.selected_entry().cloned() else {
                    self.info("No entry selected");
                    return Vec::new();
                };
                let next = self.neighbour_entry(e.id);
                return match plan::delete_entry(&self.board, e.id) {
                    Ok(edit) => {
                        let effects = self.change(edit, format!("Delete \"{}\"", e.name));
                        if !effects.is_empty() {
                            self.timeline.selected = next;
                        }
                        effects
                    }
                    Err(err) => self.refuse(err),
                };
            }
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
                    .filter_map(|id| self.board.entry(id))
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
        let rows = self.timeline_rows();
        if rows.is_empty() {
            return;
        }
        let at = self
            .selected_entry()
            .and_then(|e| rows.iter().position(|id| *id == e.id))
            .unwrap_or(0) as i64;
        let page = self.viewport.page.max(1) as i64;
        let to = match action {
            Action::Down => at + 1,
            Action::Up => at - 1,
            Action::Top => 0,
            Action::Bottom => rows.len() as i64,
            Action::PageDown => at + page,
            Action::PageUp => at - page,
            Action::Scroll(n) => at + i64::from(*n),
            _ => at,
        };
        // The chart does not jump with the selection: entries off screen say where they are (← Sep 11),
        // and h/l or t scroll.
        self.timeline.selected = Some(rows[to.clamp(0, rows.len() as i64 - 1) as usize]);
    }

    /// Scrolls the chart so the entry's start shows, when it is outside the days on screen.
    fn bring_into_view(&mut self, id: EntryId) {
        let Some(e) = self.board.entry(id) else {
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
            plan::shift_end(&self.board, e.id, days, push)
        } else {
            plan::shift_entry(&self.board, e.id, days, push)
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
            && let Some(moved) = self.board.entry(e.id)
        {
            let broken = moved.broken_dependencies(&self.board.timeline).len()
                + plan::broken_dependents(&self.board.timeline, moved).len();
            if broken > 0 {
                let msg = format!(
                    "{} — ✗ {broken} broken dependenc{} (P pushes dependents along)",
                    self.status
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

    /// Every backlog item as a picker choice, ticked when in `on`.
    fn item_choices(&self, on: &[ItemId]) -> Vec<Choice> {
        let on: std::collections::HashSet<ItemId> = on.iter().copied().collect();
        self.board
            .items
            .iter()
            .map(|it| Choice {
                target: Target::Item(it.id),
                label: format!("{} {}", self.board.item_key(it.id), it.title),
                detail: match it.points {
                    Some(p) => format!("{} · {p} pts", it.status),
                    None => format!("{} · no estimate", it.status),
                },
                on: on.contains(&it.id),
            })
            .collect()
    }

    /// The risk register's keys: j/k, add, edit, close, link, delete; Esc or r goes back.
    fn risk_action(&mut self, action: Action) -> Vec<Effect> {
        use Action::*;
        let rows = self.risk_rows();
        match action {
            Down | Up | Top | Bottom | PageDown | PageUp | Scroll(_) => {
                if rows.is_empty() {
                    return Vec::new();
                }
                let at = self
                    .selected_risk()
                    .and_then(|r| rows.iter().position(|id| *id == r.id))
                    .unwrap_or(0) as i64;
                let page = self.viewport.page.max(1) as i64;
                let to = match action {
                    Down => at + 1,
                    Up => at - 1,
                    Top => 0,
                    Bottom => rows.len() as i64,
                    PageDown => at + page,
                    PageUp => at - page,
                    Scroll(n) => at + i64::from(n),
                    _ => at,
                };
                self.timeline.risk = Some(rows[to.clamp(0, rows.len() as i64 - 1) as usize]);
            }
            Cancel | Risks => self.timeline.sub = Sub::Gantt,
            Budget => self.timeline.sub = Sub::Budget,
            Details => self.timeline.details = !self.timeline.details,
            AddEntry => {
                if self.writable() {
                    let blank = plan::blank_risk(self.today);
                    self.mode = Mode::Form(Box::new(Form::risk(&blank, true)));
                }
            }
            EditEntry => match self.selected_risk().cloned() {
                Some(r) if self.writable() => {
                    self.mode = Mode::Form(Box::new(Form::risk(&r, false)))
                }
                Some(_) => {}
                None => self.info(format!(
                    "No risk yet: {} adds one",
                    self.keymap.hint(&AddEntry)
                )),
            },
            CloseRisk => {
                let Some(r) = self.selected_risk().cloned() else {
                    self.info("No risk selected");
                    return Vec::new();
                };
                let verb = if r.is_open() { "Close" } else { "Reopen" };
                return match plan::toggle_closed(&self.board, r.id) {
                    Ok(edit) => {
                        self.timeline.risk = Some(r.id);
                        self.change(edit, format!("{verb} risk \"{}\"", r.title))
                    }
                    Err(e) => self.refuse(e),
                };
            }
            DeleteEntry => {
                let Some(r) = self.selected_risk().cloned() else {
                    self.info("No risk selected");
                    return Vec::new();
                };
                let at = rows.iter().position(|id| *id == r.id).unwrap_or(0);
                let next = rows
                    .get(at + 1)
                    .or_else(|| at.checked_sub(1).and_then(|p| rows.get(p)))
                    .copied();
                let effects = self.change(
                    Edit::RemoveRisk(r.id),
                    format!("Delete risk \"{}\"", r.title),
                );
                if !effects.is_empty() {
                    self.timeline.risk = next;
                }
                return effects;
            }
            LinkItems => {
                let Some(r) = self.selected_risk().cloned() else {
                    self.info("No risk selected");
                    return Vec::new();
                };
                if !self.writable() {
                    return Vec::new();
                }
                let mut choices: Vec<Choice> = self
                    .timeline_rows()
                    .into_iter()
                    .filter_map(|id| self.board.entry(id))
                    .map(|e| entry_choice(e, r.entries.contains(&e.id)))
                    .collect();
                choices.extend(self.item_choices(&r.items));
                let title = format!("Risk \"{}\" threatens", r.title);
                self.mode = Mode::Picker(Box::new(Picker::new(
                    title,
                    Purpose::RiskLinks(r.id),
                    choices,
                )));
            }
            other => {
                // Gantt keys still scroll and zoom behind the register; the rest says where it works.
                self.timeline.sub = Sub::Gantt;
                let effects = self.timeline_action(other.clone());
                if matches!(
                    other,
                    ShiftEarlier
                        | ShiftLater
                        | ShiftWeekEarlier
                        | ShiftWeekLater
                        | EndEarlier
                        | EndLater
                        | EndWeekEarlier
                        | EndWeekLater
                ) {
                    return effects;
                }
                self.timeline.sub = Sub::Risks;
                return effects;
            }
        }
        Vec::new()
    }

    pub(crate) fn submit_timeline_form(&mut self, mut form: Form) -> Vec<Effect> {
        let FormKind::Timeline(kind) = form.kind else {
            return Vec::new();
        };
        let today = self.today;
        match kind {
            TimelineForm::AddEntry | TimelineForm::EditEntry(_) => {
                let template = match kind {
                    TimelineForm::EditEntry(id) => match self.board.entry(id) {
                        Some(e) => e.clone(),
                        None => return self.refuse(plan::PlanError::NoEntry(id)),
                    },
                    _ => plan::blank_entry(today),
                };
                let Some(entry) = form.entry_values(&template, today) else {
                    self.mode = Mode::Form(Box::new(form));
                    return Vec::new();
                };
                if let TimelineForm::EditEntry(_) = kind {
                    if entry == template {
                        self.info("No changes");
                        return Vec::new();
                    }
                    let label = format!("Edit \"{}\"", entry.name);
                    self.timeline.selected = Some(entry.id);
                    return self.change(Edit::UpdateEntry(Box::new(entry)), label);
                }
                let name = entry.name.clone();
                let kind_name = entry.kind.name();
                match plan::add_entry(&self.board, entry) {
                    Ok((edit, id)) => {
                        let effects = self.change(edit, format!("Add {kind_name} \"{name}\""));
                        self.timeline.selected = Some(id);
                        self.bring_into_view(id);
                        effects
                    }
                    Err(e) => self.refuse(e),
                }
            }
            TimelineForm::AddRisk | TimelineForm::EditRisk(_) => {
                let template = match kind {
                    TimelineForm::EditRisk(id) => match self.board.risk(id) {
                        Some(r) => r.clone(),
                        None => return self.refuse(plan::PlanError::NoRisk(id)),
                    },
                    _ => plan::blank_risk(today),
                };
                let Some(risk) = form.risk_values(&template) else {
                    self.mode = Mode::Form(Box::new(form));
                    return Vec::new();
                };
                if let TimelineForm::EditRisk(id) = kind {
                    if risk == template {
                        self.info("No changes");
                        return Vec::new();
                    }
                    self.timeline.risk = Some(id);
                    let label = format!("Edit risk \"{}\"", risk.title);
                    return self.change(Edit::UpdateRisk(Box::new(risk)), label);
                }
                let title = risk.title.clone();
                let exposure = risk.exposure();
                let (edit, id) = plan::add_risk(&self.board, risk);
                let effects =
                    self.change(edit, format!("Add risk \"{title}\" (exposure {exposure})"));
                self.timeline.risk = Some(id);
                effects
            }
        }
    }

    /// The picker's answer for the timeline: an entry's items or dependencies, a risk's links.
    pub(crate) fn apply_timeline_picks(
        &mut self,
        purpose: Purpose,
        chosen: Vec<Target>,
    ) -> Vec<Effect> {
        let items: Vec<ItemId> = chosen
            .iter()
            .filter_map(|t| match t {
                Target::Item(id) => Some(*id),
                Target::Entry(_) => None,
            })
            .collect();
        let entries: Vec<EntryId> = chosen
            .iter()
            .filter_map(|t| match t {
                Target::Entry(id) => Some(*id),
                Target::Item(_) => None,
            })
            .collect();
        let name = |app: &App, id: EntryId| {
            app.board
                .entry(id)
                .map_or(String::new(), |e| e.name.clone())
        };
        let (result, label) = match purpose {
            Purpose::EntryItems(id) => {
                if self
                    .board
                    .entry(id)
                    .is_some_and(|e| same_set(&e.items, &items))
                {
                    self.info("No changes");
                    return Vec::new();
                }
                let label = format!(
                    "Link {} to \"{}\"",
                    plural(items.len(), "item"),
                    name(self, id)
                );
                (plan::link_items(&self.board, id, items), label)
            }
            Purpose::EntryDeps(id) => {
                if self
                    .board
                    .entry(id)
                    .is_some_and(|e| same_set(&e.depends_on, &entries))
                {
                    self.info("No changes");
                    return Vec::new();
                }
                let label = format!(
                    "\"{}\" depends on {}",
                    name(self, id),
                    plural(entries.len(), "entry")
                );
                (plan::set_dependencies(&self.board, id, entries), label)
            }
            Purpose::RiskLinks(id) => {
                let same = |r: &Risk| same_set(&r.items, &items) && same_set(&r.entries, &entries);
                if self.board.risk(id).is_some_and(same) {
                    self.info("No changes");
                    return Vec::new();
                }
                let title = self
                    .board
                    .risk(id)
                    .map_or(String::new(), |r| r.title.clone());
                let label = format!(
                    "Link risk \"{title}\" to {} and {}",
                    plural(entries.len(), "entry"),
                    plural(items.len(), "item")
                );
                (plan::link_risk(&self.board, id, items, entries), label)
            }
            Purpose::NoteLinks { .. } => return Vec::new(),
        };
        let effects = match result {
            Ok(edit) => self.change(edit, label),
            Err(e) => return self.refuse(e),
        };
        // A dependency picked on an entry that already starts too early is broken at once: say so.
        if let (Purpose::EntryDeps(id), false) = (purpose, effects.is_empty())
            && let Some(e) = self.board.entry(id)
        {
            let broken: Vec<String> = e
                .broken_dependencies(&self.board.timeline)
                .iter()
                .map(|d| format!("\"{}\" ends {}", d.name, d.end))
                .collect();
            if !broken.is_empty() {
                let msg = format!(
                    "{} — ✗ it starts {} but {} (> moves it, P pushes dependents)",
                    self.status
                        .as_ref()
                        .map_or(String::new(), |s| s.text.clone()),
                    e.start,
                    broken.join(", ")
                );
                self.error(msg);
            }
        }
        effects
    }
}

/// The same ids, whatever their order: the picker lists them in its own order, not the file's.
fn same_set<T: Ord + Copy>(a: &[T], b: &[T]) -> bool {
    let (mut a, mut b) = (a.to_vec(), b.to_vec());
    a.sort_unstable();
    b.sort_unstable();
    a == b
}

fn plural(n: usize, what: &str) -> String {
    match (n, what) {
        (1, _) => format!("1 {what}"),
        (_, "entry") => format!("{n} entries"),
        _ => format!("{n} {what}s"),
    }
}

fn entry_choice(e: &TimelineEntry, on: bool) -> Choice {
    let when = if e.kind == EntryKind::Phase {
        format!("{} → {}", e.start, e.end)
    } else {
        e.start.to_string()
    };
    Choice {
        target: Target::Entry(e.id),
        label: e.name.clone(),
        detail: format!("{} · {when}", e.kind.name()),
        on,
    }
}
