//! The add/edit item form: text fields (ratatui-textarea), each validated on save with the error shown
//! beside it. Nothing invalid reaches the board.

use crate::model::{Board, FIBONACCI, Impact, Item, ItemId, ItemKind, Moscow, Rice, Wsjf, rules};
use jiff::civil::Date;
use ratatui_textarea::TextArea;

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
}

/// One labelled text field.
pub struct Field {
    pub label: &'static str,
    pub hint: std::borrow::Cow<'static, str>,
    pub input: TextArea<'static>,
    pub error: Option<String>,
    /// The value the form opened with: an untouched field keeps the item's value as it was.
    initial: String,
}

impl Field {
    pub(crate) fn new(
        label: &'static str,
        hint: impl Into<std::borrow::Cow<'static, str>>,
        value: &str,
    ) -> Field {
        let mut input = TextArea::new(vec![value.to_string()]);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        Field {
            label,
            hint: hint.into(),
            input,
            error: None,
            initial: value.to_string(),
        }
    }

    pub fn value(&self) -> String {
        self.input.lines().join(" ").trim().to_string()
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
                "Points",
                "0 1 2 3 5 8 13 21 34 55 89, empty for none",
                &value,
            )],
            focus: 0,
        }
    }

    fn item_fields(board: &Board, item: Option<&Item>) -> Form {
        let get = |f: &dyn Fn(&Item) -> String| item.map_or(String::new(), f);
        let fields = vec![
            Field::new(
                "Title",
                "what the item delivers",
                &get(&|i| i.title.clone()),
            ),
            Field::new(
                "Kind",
                "story, bug, task, spike or epic",
                &get(&|i| i.kind.name().into()).to_string(),
            )
            .with_default("story"),
            Field::new(
                "Points",
                "Fibonacci: 0 1 2 3 5 8 13 21…",
                &get(&|i| i.points.map_or(String::new(), |p| p.to_string())),
            ),
            Field::new(
                "MoSCoW",
                "must, should, could, won't",
                &get(&|i| i.moscow.map_or(String::new(), |m| m.name().into())),
            ),
            Field::new("Status", "a workflow column", &get(&|i| i.status.clone()))
                .with_default(board.first_column()),
            Field::new("Assignee", "", &get(&|i| i.assignee.clone())),
            Field::new("Tags", "separated by spaces", &get(&|i| i.tags.join(" "))),
            Field::new(
                "WSJF",
                "value criticality risk-reduction size, 1–20 each",
                &get(&|i| join_wsjf(&i.wsjf)),
            ),
            Field::new(
                "RICE",
                "reach impact(minimal…massive) confidence% effort",
                &get(&|i| join_rice(&i.rice)),
            ),
            Field::new(
                "Acceptance",
                "criteria separated by ;",
                &get(&|i| i.acceptance.join("; ")),
            ),
            Field::new(
                "Blocked",
                "the reason, empty when not blocked",
                &get(&|i| i.blocked.clone().unwrap_or_default()),
            ),
        ];
        Form {
            kind: FormKind::AddItem,
            title: String::new(),
            fields,
            focus: 0,
        }
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

    pub(crate) fn value(&self, label: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map_or(String::new(), Field::value)
    }

    pub(crate) fn set_error(&mut self, label: &str, error: String) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.label == label) {
            f.error = Some(error);
        }
    }

    /// Parses every field into `item`; on any error, marks the fields and focuses the first bad one.
    pub fn fill(&mut self, board: &Board, item: &mut Item, today: Date) -> bool {
        for f in &mut self.fields {
            f.error = None;
        }
        let mut errors: Vec<(&'static str, String)> = Vec::new();
        for f in &self.fields {
            let v = f.value();
            let result: Result<(), String> = match f.label {
                "Title" if v.is_empty() => Err("a title cannot be empty".into()),
                "Title" => {
                    item.title = v;
                    Ok(())
                }
                "Kind" => ItemKind::parse(if v.is_empty() { "story" } else { &v })
                    .map(|k| item.kind = k)
                    .ok_or_else(|| format!("\"{v}\" is not story, bug, task, spike or epic")),
                "Points" => parse_points(&v).map(|p| item.points = p),
                "MoSCoW" if v.is_empty() => {
                    item.moscow = None;
                    Ok(())
                }
                "MoSCoW" => Moscow::parse(&v)
                    .map(|m| item.moscow = Some(m))
                    .ok_or_else(|| format!("\"{v}\" is not must, should, could or won't")),
                "Status" => parse_status(board, item, &v, today),
                "Assignee" => {
                    item.assignee = v;
                    Ok(())
                }
                "Tags" => {
                    let mut tags: Vec<String> = Vec::new();
                    for t in v.split([' ', ',']).filter(|t| !t.is_empty()) {
                        if !tags.iter().any(|x| x == t) {
                            tags.push(t.to_string());
                        }
                    }
                    item.tags = tags;
                    Ok(())
                }
                "WSJF" => parse_wsjf(&v).map(|w| item.wsjf = w),
                "RICE" => parse_rice(&v).map(|r| item.rice = r),
                // Joined with "; " for editing: split again only if the user changed it, so a
                // criterion that itself holds a ';' survives a save without edits.
                "Acceptance" if v == f.initial.trim() => Ok(()),
                "Acceptance" => {
                    item.acceptance = v
                        .split(';')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect();
                    Ok(())
                }
                "Blocked" => {
                    item.blocked = (!v.is_empty()).then_some(v);
                    Ok(())
                }
                _ => Ok(()),
            };
            if let Err(e) = result {
                errors.push((f.label, e));
            }
        }
        if let Some(first) = errors.first().map(|(l, _)| *l) {
            self.focus = self
                .fields
                .iter()
                .position(|f| f.label == first)
                .unwrap_or(0);
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
        let v = self.value("Points");
        match parse_points(&v) {
            Ok(p) => Some(p),
            Err(e) => {
                self.set_error("Points", e);
                None
            }
        }
    }
}

impl Field {
    fn with_default(mut self, default: &str) -> Field {
        if self.input.is_empty() {
            self.input.set_placeholder_text(default);
        }
        self
    }
}

fn parse_points(v: &str) -> Result<Option<u8>, String> {
    if v.is_empty() {
        return Ok(None);
    }
    let n: u32 = v.parse().map_err(|_| format!("\"{v}\" is not a number"))?;
    FIBONACCI
        .iter()
        .find(|&&f| u32::from(f) == n)
        .map(|&f| Some(f))
        .ok_or_else(|| format!("{n} is not on the Fibonacci scale (0 1 2 3 5 8 13 21 34 55 89)"))
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
        item.status = col.name.clone();
        item.done = (col.name == board.done_column()).then_some(today);
        return Ok(());
    }
    match rules::set_status(board, item.id, &col.name, today) {
        Ok(crate::model::Edit::UpdateItem(moved)) => {
            item.status = moved.status;
            item.status_since = moved.status_since;
            item.done = moved.done;
            Ok(())
        }
        Ok(_) => Ok(()),
        Err(e) => Err(e.to_string()),
    }
}

fn numbers(v: &str, n: usize, what: &str) -> Result<Vec<u32>, String> {
    let parts: Vec<&str> = v.split([' ', ',']).filter(|s| !s.is_empty()).collect();
    if parts.len() != n {
        return Err(format!("{n} numbers: {what}"));
    }
    parts
        .iter()
        .map(|p| {
            p.parse::<u32>()
                .map_err(|_| format!("\"{p}\" is not a number"))
        })
        .collect()
}

fn parse_wsjf(v: &str) -> Result<Option<Wsjf>, String> {
    if v.is_empty() {
        return Ok(None);
    }
    let n = numbers(v, 4, "value criticality risk-reduction size")?;
    if n.iter().any(|&x| !(1..=20).contains(&x)) {
        return Err("each WSJF input is 1–20".into());
    }
    let b = |x: u32| x as u8;
    Ok(Some(Wsjf {
        business_value: b(n[0]),
        time_criticality: b(n[1]),
        risk_reduction: b(n[2]),
        job_size: b(n[3]),
    }))
}

fn parse_rice(v: &str) -> Result<Option<Rice>, String> {
    if v.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = v.split_whitespace().collect();
    if parts.len() != 4 {
        return Err("4 values: reach impact confidence effort (e.g. 2000 high 80 3)".into());
    }
    let reach: u32 = parts[0]
        .parse()
        .map_err(|_| format!("reach \"{}\" is not a number", parts[0]))?;
    let impact = match parts[1].to_lowercase().as_str() {
        "minimal" | "0.25" => Impact::Minimal,
        "low" | "0.5" => Impact::Low,
        "medium" | "1" => Impact::Medium,
        "high" | "2" => Impact::High,
        "massive" | "3" => Impact::Massive,
        other => {
            return Err(format!(
                "impact \"{other}\" is not minimal, low, medium, high or massive"
            ));
        }
    };
    let confidence: u8 = parts[2]
        .trim_end_matches('%')
        .parse()
        .ok()
        .filter(|c| *c <= 100)
        .ok_or_else(|| format!("confidence \"{}\" is not 0–100", parts[2]))?;
    let effort: u16 = parts[3]
        .parse()
        .ok()
        .filter(|e| *e > 0)
        .ok_or_else(|| format!("effort \"{}\" is not a whole number above 0", parts[3]))?;
    Ok(Some(Rice {
        reach,
        impact,
        confidence,
        effort,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_parsers_accept_good_input_and_explain_bad() {
        assert_eq!(parse_points(""), Ok(None));
        assert_eq!(parse_points("8"), Ok(Some(8)));
        assert!(
            parse_points("4")
                .expect_err("not fib")
                .contains("Fibonacci")
        );
        assert!(
            parse_points("lots")
                .expect_err("nan")
                .contains("not a number")
        );
        assert_eq!(
            parse_wsjf("8 5 2 3").expect("ok").map(|w| w.job_size),
            Some(3)
        );
        assert!(parse_wsjf("8 5 2").is_err());
        assert!(parse_wsjf("8 5 2 30").is_err());
        let r = parse_rice("2000 high 80% 4").expect("ok").expect("some");
        assert_eq!(
            (r.reach, r.impact, r.confidence, r.effort),
            (2000, Impact::High, 80, 4)
        );
        assert!(parse_rice("2000 huge 80 4").is_err());
        assert!(parse_rice("2000 high 80 0").is_err());
    }
}
