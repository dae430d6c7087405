//! The three-way merge of one record, field by field, on its serde form (`serde_json::Value`), so
//! every field a record has, now or later, merges by the same rules without a line of code here:
//!
//! - a field one side changed takes that side's value; both changed it alike, that value;
//! - a struct merges field by field, a map key by key;
//! - a list of records (objects with an `id`, or a `name` when they have no id) merges record by
//!   record, matched by that key; a list of plain values (tags, links, ids) merges as a set;
//! - a text with several lines on either side merges line by line (diff3), when the sides changed
//!   different lines;
//! - anything else both sides changed differently is a conflict: the result keeps ours and the
//!   conflict is recorded with the three values, so nothing is lost.

use super::order;
use serde_json::{Map, Value};

/// A conflict found at `path` (field names, and `#id` for a record in a list).
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub path: Vec<String>,
    pub base: Option<Value>,
    pub ours: Option<Value>,
    pub theirs: Option<Value>,
}

impl Found {
    /// A conflict at `path` between these three values.
    pub fn at(
        path: &[String],
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Found {
        Found {
            path: path.to_vec(),
            base: base.cloned(),
            ours: ours.cloned(),
            theirs: theirs.cloned(),
        }
    }
}

/// Merges one value; `None` is "absent" (a field not written, a record not there). Conflicts are
/// pushed to `out` with their path under `path`.
pub fn merge(
    base: Option<&Value>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    path: &mut Vec<String>,
    out: &mut Vec<Found>,
) -> Option<Value> {
    if ours == theirs || base == theirs {
        return ours.cloned();
    }
    if base == ours {
        return theirs.cloned();
    }
    match (ours, theirs) {
        (Some(Value::Object(o)), Some(Value::Object(t))) => {
            let b = match base {
                Some(Value::Object(b)) => Some(b),
                _ => None,
            };
            return Some(Value::Object(merge_maps(b, o, t, path, out)));
        }
        (Some(Value::Array(o)), Some(Value::Array(t))) => {
            let b = match base {
                Some(Value::Array(b)) => &b[..],
                _ => &[][..],
            };
            if let Some(merged) = merge_lists(b, o, t, path, out) {
                return Some(Value::Array(merged));
            }
        }
        (Some(Value::String(o)), Some(Value::String(t)))
            if o.contains('\n') || t.contains('\n') =>
        {
            let b = base.and_then(Value::as_str).unwrap_or("");
            if let Ok(text) = diffy::merge(&with_newline(b), &with_newline(o), &with_newline(t)) {
                let text = text.strip_suffix('\n').unwrap_or(&text).to_string();
                return Some(Value::String(text));
            }
        }
        _ => {}
    }
    out.push(Found::at(path, base, ours, theirs));
    ours.cloned()
}

/// diff3 compares whole lines: a last line without its newline would differ from the same line
/// with one.
fn with_newline(s: &str) -> String {
    format!("{s}\n")
}

fn merge_maps(
    base: Option<&Map<String, Value>>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
    path: &mut Vec<String>,
    out: &mut Vec<Found>,
) -> Map<String, Value> {
    let mut keys: Vec<&String> = ours.keys().collect();
    keys.extend(theirs.keys().filter(|k| !ours.contains_key(*k)));
    if let Some(b) = base {
        keys.extend(
            b.keys()
                .filter(|k| !ours.contains_key(*k) && !theirs.contains_key(*k)),
        );
    }
    let mut merged = Map::new();
    for k in keys {
        path.push(k.clone());
        let v = merge(
            base.and_then(|b| b.get(k)),
            ours.get(k),
            theirs.get(k),
            path,
            out,
        );
        path.pop();
        if let Some(v) = v {
            merged.insert(k.clone(), v);
        }
    }
    merged
}

/// How the records of a list are matched: by `id`, else by `name`.
pub(super) fn record_key(v: &Value) -> Option<String> {
    let o = v.as_object()?;
    o.get("id").or_else(|| o.get("name")).map(|k| match k {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    })
}

fn is_plain(v: &Value) -> bool {
    !matches!(v, Value::Object(_) | Value::Array(_))
}

/// A list of records or of plain values; `None` for a list of anything else (lists of lists,
/// records without a key), which then merges as one value.
fn merge_lists(
    base: &[Value],
    ours: &[Value],
    theirs: &[Value],
    path: &mut Vec<String>,
    out: &mut Vec<Found>,
) -> Option<Vec<Value>> {
    let all = || base.iter().chain(ours).chain(theirs);
    if all().all(is_plain) {
        let key = |v: &Value| v.to_string();
        let keys = |vs: &[Value]| vs.iter().map(key).collect::<Vec<_>>();
        let merged = order::merge_sets(&keys(base), &keys(ours), &keys(theirs));
        let by_key: std::collections::HashMap<String, &Value> =
            all().map(|v| (key(v), v)).collect();
        return Some(merged.iter().map(|k| by_key[k].clone()).collect());
    }
    if !all().all(|v| record_key(v).is_some()) {
        return None;
    }
    let index = |vs: &[Value]| -> std::collections::HashMap<String, Value> {
        vs.iter()
            .map(|v| (record_key(v).unwrap_or_default(), v.clone()))
            .collect()
    };
    let (b, o, t) = (index(base), index(ours), index(theirs));
    let keys = |vs: &[Value]| vs.iter().filter_map(record_key).collect::<Vec<_>>();
    let mut kept = Vec::new();
    let mut merged_records = std::collections::HashMap::new();
    let mut union = keys(ours);
    union.extend(keys(theirs).into_iter().filter(|k| !o.contains_key(k)));
    union.extend(
        keys(base)
            .into_iter()
            .filter(|k| !o.contains_key(k) && !t.contains_key(k)),
    );
    for k in &union {
        path.push(format!("#{k}"));
        let r = record(b.get(k), o.get(k), t.get(k), path, out);
        path.pop();
        if let Some(r) = r {
            kept.push(k.clone());
            merged_records.insert(k.clone(), r);
        }
    }
    let order = order::merge_order(&keys(base), &keys(ours), &keys(theirs), &kept).order;
    Some(
        order
            .into_iter()
            .filter_map(|k| merged_records.remove(&k))
            .collect(),
    )
}

/// One record of a list: deleted on one side and changed on the other is a conflict that keeps the
/// changed record (never a silent loss); otherwise the fields merge.
pub fn record(
    base: Option<&Value>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    path: &mut Vec<String>,
    out: &mut Vec<Found>,
) -> Option<Value> {
    match (base, ours, theirs) {
        (Some(b), None, Some(t)) | (Some(b), Some(t), None) if b == t => None,
        (Some(_), None, Some(changed)) | (Some(_), Some(changed), None) => {
            out.push(Found::at(path, base, ours, theirs));
            Some(changed.clone())
        }
        _ => merge(base, ours, theirs, path, out),
    }
}
