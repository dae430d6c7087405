//! The add/edit item form: text fields (ratatui-textarea), each validated on save with the error shown
//! beside it. Nothing invalid reaches the board.

use super::field::NONE;
pub use super::field::{Field, SCALE, people};
use crate::model::{Board, Item, ItemId, ItemKind, Moscow, Rice, Wsjf, rules, value};
use jiff::civil::Date;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    AddItem,
    EditItem(ItemId),
    Points(ItemId),
    Blocked(ItemId),
    Assign(ItemId),
    NewSprint,
    EditSprint(crate::model::SprintId),
    Workflow,
    Timeline(crate::app::TimelineForm),
    People(crate::app::PeopleForm),
    /// The project settings (name, key, vision, goal, budget, sprint length, standup).
    Settings,
    /// The name to save a list's filter under.
    SaveView(crate::model::ViewPane),
    /// A saved view's new name (the view at this place in `Board.views`).
    RenameView(crate::model::ViewPane, usize),
    /// Add (`None`) or edit a person on the team.
    Person(Option<usize>),
    /// A person's days off (by their place on the team) in a sprint.
    DaysOff(usize, crate::model::SprintId),
    /// A value typed in for the conflict at this place in `Board.conflicts`.
    Conflict(usize),
}

/// Every field of every form, by what it holds: forms and their checks name fields by these, so a
/// misspelt field is a compile error, not a check that silently never runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldId {
    Title,
    Kind,
    Points,
    Moscow,
    Status,
    Assignee,
    Tags,
    Wsjf,
    Rice,
    Acceptance,
    Blocked,
    Reason,
    Columns,
    FullColumn,
    Standup,
    StandupAt,
    Name,
    Goal,
    Start,
    End,
    Capacity,
    Role,
    Organisation,
    Power,
    Interest,
    Cadence,
    LastUpdate,
    Contact,
    CaresAbout,
    Note,
    Date,
    Owner,
    Budget,
    Spent,
    Probability,
    Impact,
    Mitigation,
    Due,
    Key,
    Vision,
    ProductGoal,
    Currency,
    SprintLength,
    CycleSample,
    Handle,
    Measure,
    Days,
    PointsPerDay,
    DaysOff,
    Parent,
    /// A value resolving a merge conflict.
    Value,
}

impl FieldId {
    /// The label shown beside the field.
    pub fn label(self) -> &'static str {
        match self {
            FieldId::Title => "Title",
            FieldId::Kind => "Kind",
            FieldId::Points => "Points",
            FieldId::Moscow => "MoSCoW",
            FieldId::Status => "Status",
            FieldId::Assignee => "Assignee",
            FieldId::Tags => "Tags",
            FieldId::Wsjf => "WSJF",
            FieldId::Rice => "RICE",
            FieldId::Acceptance => "Acceptance",
            FieldId::Blocked => "Blocked",
            FieldId::Reason => "Reason",
            FieldId::Columns => "Columns",
            FieldId::FullColumn => "Full column",
            FieldId::Standup => "Standup",
            FieldId::StandupAt => "Standup at",
            FieldId::Name => "Name",
            FieldId::Goal => "Goal",
            FieldId::Start => "Start",
            FieldId::End => "End",
            FieldId::Capacity => "Capacity",
            FieldId::Role => "Role",
            FieldId::Organisation => "Organisation",
            FieldId::Power => "Power",
            FieldId::Interest => "Interest",
            FieldId::Cadence => "Cadence",
            FieldId::LastUpdate => "Last update",
            FieldId::Contact => "Contact",
            FieldId::CaresAbout => "Cares about",
            FieldId::Note => "Note",
            FieldId::Date => "Date",
            FieldId::Owner => "Owner",
            FieldId::Budget => "Budget",
            FieldId::Spent => "Spent",
            FieldId::Probability => "Probability",
            FieldId::Impact => "Impact",
            FieldId::Mitigation => "Mitigation",
            FieldId::Due => "Due",
            FieldId::Key => "Key prefix",
            FieldId::Vision => "Vision",
            FieldId::ProductGoal => "Product goal",
            FieldId::Currency => "Currency",
            FieldId::SprintLength => "Sprint length",
            FieldId::CycleSample => "Cycle sample",
            FieldId::Handle => "Handle",
            FieldId::Measure => "Capacity in",
            FieldId::Days => "Days",
            FieldId::PointsPerDay => "Points a day",
            FieldId::DaysOff => "Days off",
            FieldId::Parent => "Epic",
            FieldId::Value => "Value",
        }
    }
}

pub struct Form {
    pub kind: FormKind,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
}

fn join_wsjf(w: &Option<Wsjf>) -> String {
    w.map_or(String::new(), |w| {
        format!(
            "{} {} {} {}",
            w.business_value, w.time_criticality, w.risk_reduction, w.job_size
        )
    })
}

fn join_rice(r: &Option<Rice>) -> String {
    r.map_or(String::new(), |r| {
        let impact = format!("{:?}", r.impact).to_lowercase();
        format!("{} {impact} {} {}", r.reach, r.confidence, r.effort)
    })
}

impl Form {
    /// The add form: the title first; Tab reaches the other fields.
    pub fn add(board: &Board) -> Form {
        let mut f = Form::item_fields(board, None);
        f.kind = FormKind::AddItem;
        f.title = "New item — type a title".into();
        f
    }

    pub fn edit(board: &Board, item: &Item) -> Form {
        let mut f = Form::item_fields(board, Some(item));
        f.kind = FormKind::EditItem(item.id);
        f.title = format!("Edit {}", board.item_key(item.id));
        f
    }

    pub fn points(board: &Board, item: &Item) -> Form {
        let value = item.points.map_or(String::new(), |p| p.to_string());
        Form {
            kind: FormKind::Points(item.id),
            title: format!("Points for {}", board.item_key(item.id)),
            fields: vec![Field::new(
                FieldId::Points,
                "0 1 2 3 5 8 13 21 34 55 89, empty for none",
                &value,
            )],
            focus: 0,
        }
    }

    fn item_fields(board: &Board, item: Option<&Item>) -> Form {
        let get = |f: &dyn Fn(&Item) -> String| item.map_or(String::new(), f);
        let columns: Vec<&str> = board.columns.iter().map(|c| c.name.as_str()).collect();
        let fields = vec![
            Field::new(
                FieldId::Title,
                "what the item delivers",
                &get(&|i| i.title.clone()),
            ),
            Field::choice(
                FieldId::Kind,
                "",
                &ItemKind::ALL.map(ItemKind::name),
                &get(&|i| i.kind.name().into()),
            ),
            Field::new(
                FieldId::Points,
                "Fibonacci: 0 1 2 3 5 8 13 21…",
                &get(&|i| i.points.map_or(String::new(), |p| p.to_string())),
            ),
            Field::choice(
                FieldId::Moscow,
                "",
                &[NONE, "must", "should", "could", "won't"],
                &get(&|i| i.moscow.map_or(String::new(), |m| m.name().into())),
            ),
            Field::choice(FieldId::Status, "", &columns, &get(&|i| i.status.clone())),
            Field::person(
                FieldId::Assignee,
                "someone on the board, or a new name",
                &get(&|i| i.assignee.clone()),
                board,
            ),
            Field::new(
                FieldId::Tags,
                "separated by spaces",
                &get(&|i| i.tags.join(" ")),
            ),
            super::parent::field(board, item),
            Field::new(
                FieldId::Wsjf,
                "value criticality risk-reduction size, 1–20 each",
                &get(&|i| join_wsjf(&i.wsjf)),
            ),
            Field::new(
                FieldId::Rice,
                "reach impact(minimal…massive) confidence% effort",
                &get(&|i| join_rice(&i.rice)),
            ),
            Field::new(
                FieldId::Acceptance,
                "criteria separated by ;",
                &get(&|i| i.acceptance.join("; ")),
            ),
            Field::new(
                FieldId::Blocked,
                "the reason, empty when not blocked",
                &get(&|i| i.blocked.clone().unwrap_or_default()),
            ),
            Field::new(
                FieldId::Due,
                "a date to meet: 2027-01-15, +10d, +2w, today; empty for none",
                &get(&|i| i.due.map_or(String::new(), |d| d.to_string())),
            ),
        ];
        Form {
            kind: FormKind::AddItem,
            title: String::new(),
            fields,
            focus: 0,
        }
    }

    /// The form with its owner fields completing from the people on the board, as assignees do.
    pub fn people_from(mut self, board: &Board) -> Form {
        self.fields = std::mem::take(&mut self.fields)
            .into_iter()
            .map(|f| {
                if f.id == FieldId::Owner && f.people.is_none() {
                    f.completing_from(board)
                } else {
                    f
                }
            })
            .collect();
        self
    }

    pub fn focused(&mut self) -> &mut Field {
        let at = self.focus.min(self.fields.len().saturating_sub(1));
        &mut self.fields[at]
    }

    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    pub fn prev(&mut self) {
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    /// The text of a field (empty when the form has no such field).
    pub(crate) fn value(&self, id: FieldId) -> String {
        self.fields
            .iter()
            .find(|f| f.id == id)
            .map_or(String::new(), Field::value)
    }

    pub(crate) fn set_error(&mut self, id: FieldId, error: String) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.id == id) {
            f.error = Some(error);
        }
    }

    /// Parses every field into `item`; on any error, marks the fields and focuses the first bad one.
    pub fn fill(&mut self, board: &Board, item: &mut Item, today: Date) -> bool {
        for f in &mut self.fields {
            f.error = None;
        }
        let mut errors: Vec<(FieldId, String)> = Vec::new();
        for f in &self.fields {
            let v = f.value();
            let result: Result<(), String> = match f.id {
                FieldId::Title if v.is_empty() => Err("a title cannot be empty".into()),
                FieldId::Title => {
                    item.title = v;
                    Ok(())
                }
                FieldId::Kind => ItemKind::parse(if v.is_empty() { "story" } else { &v })
                    .map(|k| item.kind = k)
                    .ok_or_else(|| format!("\"{v}\" is not story, bug, task, spike or epic")),
                FieldId::Points => parse_points(&v).map(|p| item.points = p),
                FieldId::Moscow if v.is_empty() => {
                    item.moscow = None;
                    Ok(())
                }
                FieldId::Moscow => Moscow::parse(&v)
                    .map(|m| item.moscow = Some(m))
                    .ok_or_else(|| format!("\"{v}\" is not must, should, could or won't")),
                FieldId::Status => parse_status(board, item, &v, today),
                FieldId::Assignee => {
                    item.assignee = v;
                    Ok(())
                }
                FieldId::Tags => {
                    let mut tags: Vec<String> = Vec::new();
                    for t in v.split([' ', ',']).filter(|t| !t.is_empty()) {
                        if !tags.iter().any(|x| x == t) {
                            tags.push(t.to_string());
                        }
                    }
                    item.tags = tags;
                    Ok(())
                }
                FieldId::Wsjf => parse_wsjf(&v).map(|w| item.wsjf = w),
                FieldId::Rice => parse_rice(&v).map(|r| item.rice = r),
                // Joined with "; " for editing: split again only if the user changed it, so a
                // criterion that itself holds a ';' survives a save without edits.
                FieldId::Acceptance if v == f.initial.trim() => Ok(()),
                FieldId::Acceptance => {
                    item.acceptance = v
                        .split(';')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect();
                    Ok(())
                }
                FieldId::Blocked => {
                    let flow = crate::model::flow::Workflow::of(board);
                    crate::model::flow::set_blocked(
                        item,
                        (!v.is_empty()).then_some(v),
                        flow,
                        today,
                    );
                    Ok(())
                }
                FieldId::Due if v.is_empty() => {
                    item.due = None;
                    Ok(())
                }
                FieldId::Due => value::parse_date(&v, today).map(|d| item.due = Some(d)),
                FieldId::Parent => {
                    super::parent::resolve(board, item.id, &v).map(|p| item.parent = p)
                }
                other => Err(format!("{} is not a field of an item", other.label())),
            };
            if let Err(e) = result {
                errors.push((f.id, e));
            }
        }
        if let Some(e) = super::parent::kind_error(board, item) {
            errors.push((FieldId::Kind, e));
        }
        if let Some(first) = errors.first().map(|(l, _)| *l) {
            self.focus = self.fields.iter().position(|f| f.id == first).unwrap_or(0);
        }
        let ok = errors.is_empty();
        for (label, e) in errors {
            self.set_error(label, e);
        }
        item.updated = today;
        ok
    }

    /// The points field of a points form, validated.
    pub fn points_value(&mut self) -> Option<Option<u8>> {
        let v = self.value(FieldId::Points);
        match parse_points(&v) {
            Ok(p) => Some(p),
            Err(e) => {
                self.set_error(FieldId::Points, e);
                None
            }
        }
    }
}

fn parse_points(v: &str) -> Result<Option<u8>, String> {
    value::parse_points(v)
}

fn parse_status(board: &Board, item: &mut Item, v: &str, today: Date) -> Result<(), String> {
    let wanted = if v.is_empty() {
        board.first_column().to_string()
    } else {
        v.to_string()
    };
    let Some(col) = board
        .columns
        .iter()
        .find(|c| c.name.eq_ignore_ascii_case(&wanted))
    else {
        let names: Vec<&str> = board.columns.iter().map(|c| c.name.as_str()).collect();
        return Err(format!("\"{v}\" is not a column ({})", names.join(", ")));
    };
    if col.name == item.status {
        return Ok(());
    }
    // An existing item goes through the rule (WIP limit, dates); a new one just starts there.
    if board.item(item.id).is_none() {
        let flow = crate::model::flow::Workflow::of(board);
        crate::model::flow::enter_column(item, &col.name, flow, today);
        return Ok(());
    }
    // The rule checks the move (the WIP limit); the step goes onto the form's copy, which may hold
    // other changes of the same form (a block) that the board's item does not have yet.
    match rules::set_status(board, item.id, &col.name, today) {
        Ok(_) => {
            let flow = crate::model::flow::Workflow::of(board);
            crate::model::flow::enter_column(item, &col.name, flow, today);
            Ok(())
        }
        Err(e) => Err(e.to_string()),
    }
}

fn parse_wsjf(v: &str) -> Result<Option<Wsjf>, String> {
    value::parse_wsjf(v)
}

fn parse_rice(v: &str) -> Result<Option<Rice>, String> {
    value::parse_rice(v)
}

#[cfg(test)]
#[path = "form_tests.rs"]
mod tests;
