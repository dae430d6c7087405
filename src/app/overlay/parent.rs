//! The item form's parent epic: offered from the board's epics (`CRN-1 Checkout revamp`), matched
//! by key or by a fuzzy part of the title (nucleo, as the palette and pickers match), checked by
//! `rules::check_parent` so a parent is always an epic, never the item itself or below it.

use super::field::Field;
use super::form::FieldId;
use crate::model::{Board, Item, ItemId, ItemKind, rules};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use std::collections::HashMap;

/// How an epic is offered and shown in the field: `CRN-1 Checkout revamp`.
pub fn label(board: &Board, epic: &Item) -> String {
    format!("{} {}", board.item_key(epic.id), epic.title)
}

/// The epics `item` may have as its parent, in rank order: every epic but the item itself and the
/// epics below it. One pass over the board, then a walk up each epic's (short) chain of epics.
pub fn choices(board: &Board, item: Option<ItemId>) -> Vec<String> {
    let epics: HashMap<ItemId, Option<ItemId>> = board
        .items
        .iter()
        .filter(|e| e.kind == ItemKind::Epic)
        .map(|e| (e.id, e.parent))
        .collect();
    let below = |mut at: Option<ItemId>, me: ItemId| {
        for _ in 0..16 {
            match at {
                Some(p) if p == me => return true,
                Some(p) => at = epics.get(&p).copied().flatten(),
                None => return false,
            }
        }
        false
    };
    board
        .items
        .iter()
        .filter(|e| e.kind == ItemKind::Epic)
        .filter(|e| item.is_none_or(|me| e.id != me && !below(e.parent, me)))
        .map(|e| label(board, e))
        .collect()
}

/// The choice `query` matches best (fuzzy, ignoring case; equal scores keep rank order).
pub fn best<'a>(choices: &'a [String], query: &str) -> Option<&'a str> {
    let query = query.trim();
    if query.is_empty() {
        return None;
    }
    // A key typed whole (`crn-1`) means that epic, not the first whose key starts with it.
    let exact = choices.iter().find(|c| {
        c.split_whitespace()
            .next()
            .is_some_and(|k| k.eq_ignore_ascii_case(query))
    });
    if let Some(c) = exact {
        return Some(c);
    }
    let mut matcher = Matcher::new(Config::DEFAULT);
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let mut buf = Vec::new();
    let mut top: Option<(u32, usize)> = None;
    for (n, c) in choices.iter().enumerate() {
        if let Some(score) = pattern.score(Utf32Str::new(c, &mut buf), &mut matcher)
            && top.is_none_or(|(s, _)| score > s)
        {
            top = Some((score, n));
        }
    }
    top.map(|(_, n)| choices[n].as_str())
}

/// The parent the field's text names for `child` (`None`: empty or `none`), or why it cannot be:
/// an item key is taken as typed (and checked), anything else is matched against the epics.
pub fn resolve(board: &Board, child: ItemId, text: &str) -> Result<Option<ItemId>, String> {
    let text = text.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let first = text.split_whitespace().next().unwrap_or(text);
    let named = board.parse_item_key(first).filter(|_| first.contains('-'));
    let parent = match named {
        Some(id) => id,
        None => {
            let offered = choices(board, Some(child));
            let Some(hit) = best(&offered, text) else {
                return Err(format!(
                    "no epic matches \"{text}\" (type its key or part of its title; empty for none)"
                ));
            };
            let key = hit.split_whitespace().next().unwrap_or(hit);
            board
                .parse_item_key(key)
                .ok_or_else(|| format!("no epic {key}"))?
        }
    };
    rules::check_parent(board, child, parent).map(|()| Some(parent))
}

/// The form's parent field: typed as a key or part of a title, Tab completing from the epics the
/// item may have.
pub fn field(board: &Board, item: Option<&Item>) -> Field {
    let now = item
        .and_then(|i| i.parent)
        .and_then(|p| board.item(p))
        .map_or(String::new(), |p| label(board, p));
    Field::fuzzy(
        FieldId::Parent,
        "an epic: its key or part of its title (Tab completes); empty for none",
        &now,
        choices(board, item.map(|i| i.id)),
    )
}

/// Why an item on the board cannot stop being an epic: it has children (they would have no epic's
/// parent). Checked with the kind field.
pub fn kind_error(board: &Board, item: &Item) -> Option<String> {
    if item.kind == ItemKind::Epic || board.item(item.id).is_none() {
        return None;
    }
    let children = rules::children_count(board, item.id);
    (children > 0).then(|| {
        let kids = crate::model::words::count(children, "child");
        format!("it has {kids}: an epic with children stays an epic")
    })
}
