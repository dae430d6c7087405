//! Resolving the conflicts a merge left in the board: take ours, take theirs, or a value typed in,
//! as one `Edit` that sets the field (on the record's serde form, so every field, now or later,
//! resolves by the same rules) and takes the conflict off `Board::conflicts`; its inverse brings
//! both back. A value that does not fit the field is refused and nothing changes.

use super::Conflict;
use crate::model::{
    Board, Edit, EntryId, ItemId, RiskId, SprintId, StakeholderId, plan, rules, stakeholder,
};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;

/// What to resolve a conflict with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    Ours,
    Theirs,
    /// A value typed in, parsed as the field's value would be (`5`, `2027-01-15`, a title).
    Value(String),
}

impl Choice {
    /// "took theirs", for messages.
    pub fn describe(&self) -> String {
        match self {
            Choice::Ours => "kept ours".into(),
            Choice::Theirs => "took theirs".into(),
            Choice::Value(v) => format!("set to \"{}\"", crate::model::value::shorten(v, 40)),
        }
    }
}

/// The kinds of conflict whose "theirs" cannot be put back; keeping ours is the only resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnlyOurs {
    /// Both sides moved the item in the backlog: the board keeps where ours put it.
    Rank,
    /// A link to a record the other side deleted: the record is gone, so is the link.
    DroppedLink,
    /// The other side started another sprint: one sprint is active at a time.
    SecondActiveSprint,
}

impl OnlyOurs {
    /// Why theirs cannot be taken, in words the user can act on.
    pub fn why(self) -> &'static str {
        match self {
            OnlyOurs::Rank => {
                "theirs is a place in the backlog, which cannot be put back (move the item yourself after)"
            }
            OnlyOurs::DroppedLink => {
                "the linked record was deleted on the other side, so the link stays dropped"
            }
            OnlyOurs::SecondActiveSprint => {
                "one sprint is active at a time (start this one from the sprint board after)"
            }
        }
    }
}

/// Whether only "keep ours" resolves `c`, and why.
pub fn only_ours(c: &Conflict) -> Option<OnlyOurs> {
    let last = c.path.last().map(String::as_str);
    let theirs = c.theirs.as_deref().unwrap_or("");
    if last == Some("rank") && c.ours.as_deref() == Some("where ours put it") {
        Some(OnlyOurs::Rank)
    } else if c.ours.is_none() && theirs.ends_with("the link was dropped)") {
        Some(OnlyOurs::DroppedLink)
    } else if last == Some("state") && theirs.starts_with("Active (another sprint") {
        Some(OnlyOurs::SecondActiveSprint)
    } else {
        None
    }
}

/// True when the conflict is about a whole record (deleted on one side, changed on the other).
pub fn is_record(c: &Conflict) -> bool {
    c.path.last().is_some_and(|p| p.starts_with('#'))
}

/// The edit that resolves conflict `index` with `choice`, taking it off the board's conflicts.
pub fn resolve(board: &Board, index: usize, choice: Choice) -> Result<Edit, String> {
    let c = board
        .conflicts
        .get(index)
        .ok_or_else(|| format!("there is no conflict {}", index + 1))?;
    let mut rest = board.conflicts.clone();
    rest.remove(index);
    let done = Edit::SetConflicts(rest);
    if let Some(kind) = only_ours(c) {
        return match choice {
            Choice::Ours => Ok(done),
            _ => Err(format!("only keeping ours resolves it: {}", kind.why())),
        };
    }
    let candidates: Vec<Option<Value>> = match &choice {
        Choice::Value(_) if is_record(c) => {
            return Err("a whole record cannot be typed in: keep ours or take theirs".into());
        }
        Choice::Ours => vec![side(&c.ours)],
        Choice::Theirs => vec![side(&c.theirs)],
        Choice::Value(text) => typed(text),
    };
    let set = set_at(board, &c.path, &candidates).map_err(|e| match &choice {
        Choice::Value(text) => format!("\"{text}\" is not a {}: {e}", c.field),
        _ => e,
    })?;
    let edit = Edit::Batch(vec![set, done]);
    check(board, &edit)?;
    Ok(edit)
}

/// One edit resolving every conflict (`Choice::Ours` or `Choice::Theirs`); with theirs, the
/// conflicts only ours resolves (and any whose theirs no longer fits) keep ours. Returns the edit
/// and how many kept ours although theirs was asked for.
pub fn resolve_all(board: &Board, choice: Choice) -> Result<(Edit, usize), String> {
    if matches!(choice, Choice::Value(_)) {
        return Err("one value cannot resolve every conflict".into());
    }
    if board.conflicts.is_empty() {
        return Err("the board has no conflicts".into());
    }
    let mut scratch = board.clone();
    let mut edits = Vec::new();
    let mut kept_ours = 0;
    while !scratch.conflicts.is_empty() {
        let edit = match resolve(&scratch, 0, choice.clone()) {
            Ok(e) => e,
            Err(_) => {
                kept_ours += 1;
                resolve(&scratch, 0, Choice::Ours)?
            }
        };
        scratch.apply(edit.clone()).map_err(|e| e.to_string())?;
        edits.push(edit);
    }
    Ok((Edit::Batch(edits), kept_ours))
}

/// A side's value as its JSON: a plain string was kept unquoted, so text that is not JSON is the
/// string itself (`set_at` tries the string too when the JSON does not fit).
fn side(text: &Option<String>) -> Option<Value> {
    text.as_ref()
        .map(|t| serde_json::from_str(t).unwrap_or_else(|_| Value::String(t.clone())))
}

/// What a typed value may be: its JSON, else the text; empty is "none".
fn typed(text: &str) -> Vec<Option<Value>> {
    let t = text.trim();
    if t.is_empty() {
        return vec![Some(Value::Null), Some(Value::String(String::new()))];
    }
    let mut out = Vec::new();
    if let Ok(v) = serde_json::from_str::<Value>(t) {
        out.push(Some(v));
    }
    out.push(Some(Value::String(t.to_string())));
    out
}

/// The edit is refused when the board would have a problem it does not have now (a status that is
/// not a column, a sprint ending before it starts), or a value beyond the forms' limits.
fn check(board: &Board, edit: &Edit) -> Result<(), String> {
    let before = board.validate();
    let mut after = board.clone();
    after.apply(edit.clone()).map_err(|e| e.to_string())?;
    match after.validate().into_iter().find(|p| !before.contains(p)) {
        Some(p) => Err(p.to_string()),
        None => Ok(()),
    }
}

fn id(segment: Option<&String>) -> Result<u32, String> {
    segment
        .and_then(|s| s.strip_prefix('#'))
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| "the conflict names no record".to_string())
}

/// The edit that puts the first candidate that fits at `path` (`None`: the value, or the record,
/// goes).
fn set_at(board: &Board, path: &[String], candidates: &[Option<Value>]) -> Result<Edit, String> {
    let kind = path.first().map_or("", String::as_str);
    let rest = path.get(2..).unwrap_or(&[]);
    let whole_gone = rest.is_empty() && candidates.first() == Some(&None);
    macro_rules! record {
        ($list:expr, $field:ident, $update:ident, $insert:ident, $delete:expr) => {{
            let id = id(path.get(1))?;
            let found = $list.iter().find(|r| r.id.0 == id);
            match found {
                Some(_) if whole_gone => ($delete)(id),
                None if whole_gone => Err("the record is gone already".to_string()),
                Some(r) => Ok(Edit::$update(Box::new(patched(r, rest, candidates)?))),
                None if rest.is_empty() => Ok(Edit::$insert {
                    index: $list.len(),
                    $field: Box::new(whole(candidates)?),
                }),
                None => Err("the record is no longer on the board".to_string()),
            }
        }};
    }
    match kind {
        "items" => record!(board.items, item, UpdateItem, InsertItem, |id| {
            rules::delete_item(board, ItemId(id)).map_err(|e| e.to_string())
        }),
        "sprints" => record!(board.sprints, sprint, UpdateSprint, InsertSprint, |id| {
            rules::delete_sprint(board, SprintId(id)).map_err(|e| e.to_string())
        }),
        "timeline" => record!(board.timeline, entry, UpdateEntry, InsertEntry, |id| {
            plan::delete_entry(board, EntryId(id)).map_err(|e| e.to_string())
        }),
        "risks" => record!(board.risks, risk, UpdateRisk, InsertRisk, |id| {
            Ok(Edit::RemoveRisk(RiskId(id)))
        }),
        "stakeholders" => record!(
            board.stakeholders,
            stakeholder,
            UpdateStakeholder,
            InsertStakeholder,
            |id| {
                stakeholder::delete_stakeholder(board, StakeholderId(id)).map_err(|e| e.to_string())
            }
        ),
        _ => {
            let rest = path.get(1..).unwrap_or(&[]);
            Ok(match kind {
                "project" => Edit::SetProject(Box::new(patched(&board.project, rest, candidates)?)),
                "columns" => Edit::SetColumns(patched(&board.columns, rest, candidates)?),
                "settings" => Edit::SetSettings(patched(&board.settings, rest, candidates)?),
                "views" => Edit::SetViews(patched(&board.views, rest, candidates)?),
                "team" => Edit::SetTeam(patched(&board.team, rest, candidates)?),
                "team_sprints" => {
                    Edit::SetTeamSprints(patched(&board.team_sprints, rest, candidates)?)
                }
                "sprint_scope" => {
                    Edit::SetSprintScope(patched(&board.sprint_scope, rest, candidates)?)
                }
                other => return Err(format!("cairn cannot resolve a conflict in \"{other}\"")),
            })
        }
    }
}

/// A whole record from the first candidate that is one.
fn whole<T: DeserializeOwned>(candidates: &[Option<Value>]) -> Result<T, String> {
    let mut err = "the record has no value on that side".to_string();
    for v in candidates.iter().flatten() {
        match serde_json::from_value(v.clone()) {
            Ok(t) => return Ok(t),
            Err(e) => err = e.to_string(),
        }
    }
    Err(err)
}

/// `value` with the field at `path` set to the first candidate that deserialises back.
fn patched<S: Serialize, T: DeserializeOwned>(
    value: &S,
    path: &[String],
    candidates: &[Option<Value>],
) -> Result<T, String> {
    let form = serde_json::to_value(value).map_err(|e| e.to_string())?;
    let mut err = String::from("nothing to set");
    let mut tries: Vec<Option<Value>> = candidates.to_vec();
    // A plain string kept unquoted that happens to read as JSON (a title "12"): try the text too.
    for c in candidates.iter().flatten() {
        if !c.is_string() && !c.is_object() && !c.is_array() {
            let text = c.to_string();
            if !tries.contains(&Some(Value::String(text.clone()))) {
                tries.push(Some(Value::String(text)));
            }
        }
    }
    for c in tries {
        let mut v = form.clone();
        if path.is_empty() {
            match c {
                Some(c) => v = c,
                None => return Err("the value cannot be removed".into()),
            }
        } else {
            set(&mut v, path, c)?;
        }
        match serde_json::from_value::<T>(v) {
            Ok(t) => return Ok(t),
            Err(e) => err = e.to_string(),
        }
    }
    Err(err)
}

fn matches_key(v: &Value, key: &str) -> bool {
    let Some(o) = v.as_object() else {
        return false;
    };
    o.get("id")
        .or_else(|| o.get("name"))
        .is_some_and(|k| match k {
            Value::String(s) => s == key,
            other => other.as_u64().is_some_and(|n| key.parse() == Ok(n)),
        })
}

/// Sets (or, with `None`, removes) what `path` names in `v`: field names, and `#key` for a record
/// of a list.
fn set(v: &mut Value, path: &[String], new: Option<Value>) -> Result<(), String> {
    let Some((last, parents)) = path.split_last() else {
        return Err("the conflict names no field".into());
    };
    let mut at = v;
    for p in parents {
        at = match (p.strip_prefix('#'), at) {
            (Some(key), Value::Array(list)) => list
                .iter_mut()
                .find(|r| matches_key(r, key))
                .ok_or_else(|| format!("{p} is no longer on the board"))?,
            (_, Value::Object(o)) => o
                .get_mut(p.as_str())
                .ok_or_else(|| format!("{p} is no longer on the board"))?,
            _ => return Err(format!("{p} is no longer on the board")),
        };
    }
    match (last.strip_prefix('#'), at) {
        (Some(key), Value::Array(list)) => {
            let found = list.iter().position(|r| matches_key(r, key));
            match (found, new) {
                (Some(i), Some(n)) => list[i] = n,
                (Some(i), None) => {
                    list.remove(i);
                }
                (None, Some(n)) => list.push(n),
                (None, None) => {}
            }
        }
        (_, Value::Object(o)) => match new {
            Some(n) => {
                o.insert(last.clone(), n);
            }
            None => {
                o.remove(last.as_str());
            }
        },
        _ => return Err(format!("{last} is no longer on the board")),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::merge::merge;
    use jiff::civil::date;

    fn sample() -> Board {
        crate::store::sample_board(date(2026, 12, 1))
    }

    #[test]
    fn a_rank_both_sides_moved_only_keeps_ours() {
        let base = sample();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        let id = base.items[5].id;
        ours.apply(Edit::MoveItem { id, to: 0 }).unwrap();
        theirs.apply(Edit::MoveItem { id, to: 40 }).unwrap();
        let b = merge(&base, &ours, &theirs).board;
        let at = b.conflicts.iter().position(|c| c.field == "rank").unwrap();
        assert_eq!(only_ours(&b.conflicts[at]), Some(OnlyOurs::Rank));
        let err = resolve(&b, at, Choice::Theirs).unwrap_err();
        assert!(err.contains("a place in the backlog"), "{err}");
        let mut after = b.clone();
        after.apply(resolve(&b, at, Choice::Ours).unwrap()).unwrap();
        assert_eq!(after.items, b.items, "the order stays ours");
        assert_eq!(after.conflicts.len(), b.conflicts.len() - 1);
    }

    #[test]
    fn a_note_a_project_field_and_a_column_resolve_on_their_serde_form() {
        let base = sample();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        for (b, text, goal, wip) in [
            (&mut ours, "ours", "Ours goal", 4),
            (&mut theirs, "theirs", "Theirs goal", 5),
        ] {
            let mut s = b.stakeholders[0].clone();
            s.notes[0].text = text.into();
            b.apply(Edit::UpdateStakeholder(Box::new(s))).unwrap();
            let mut p = b.project.clone();
            p.goal = goal.into();
            b.apply(Edit::SetProject(Box::new(p))).unwrap();
            let mut c = b.columns.clone();
            c[1].wip_limit = Some(wip);
            b.apply(Edit::SetColumns(c)).unwrap();
        }
        let b = merge(&base, &ours, &theirs).board;
        assert_eq!(b.conflicts.len(), 3, "{:#?}", b.conflicts);
        let (mut all, kept) = (b.clone(), 0);
        let (edit, k) = resolve_all(&b, Choice::Theirs).unwrap();
        assert_eq!(k, kept);
        all.apply(edit).unwrap();
        assert_eq!(all.stakeholders[0].notes[0].text, "theirs");
        assert_eq!(all.project.goal, "Theirs goal");
        assert_eq!(all.columns[1].wip_limit, Some(5));
        assert!(all.conflicts.is_empty());
        // A typed value: a WIP limit must be a number.
        let at = b
            .conflicts
            .iter()
            .position(|c| c.path[0] == "columns")
            .unwrap();
        assert!(resolve(&b, at, Choice::Value("lots".into())).is_err());
        let mut one = b.clone();
        one.apply(resolve(&b, at, Choice::Value("7".into())).unwrap())
            .unwrap();
        assert_eq!(one.columns[1].wip_limit, Some(7));
        // Empty is "none" for a field that may be none.
        let mut none = b.clone();
        none.apply(resolve(&b, at, Choice::Value(String::new())).unwrap())
            .unwrap();
        assert_eq!(none.columns[1].wip_limit, None);
    }

    #[test]
    fn set_walks_fields_and_keyed_records() {
        let mut v: Value = serde_json::json!({"notes": [{"id": 17, "text": "a"}], "x": 1});
        set(
            &mut v,
            &["notes".into(), "#17".into(), "text".into()],
            Some(Value::String("b".into())),
        )
        .unwrap();
        assert_eq!(v["notes"][0]["text"], "b");
        set(&mut v, &["notes".into(), "#17".into()], None).unwrap();
        assert_eq!(v["notes"], serde_json::json!([]));
        set(&mut v, &["x".into()], None).unwrap();
        assert!(v.get("x").is_none());
    }

    #[test]
    fn typed_text_is_json_first_then_the_text() {
        assert_eq!(
            typed("5"),
            vec![Some(Value::from(5)), Some(Value::String("5".into()))]
        );
        assert_eq!(typed("a b"), vec![Some(Value::String("a b".into()))]);
    }
}
