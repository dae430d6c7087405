//! The backlog filter: free words plus `tag:`, `kind:`, `status:`, `moscow:` and `sprint:` qualifiers.
//! `sprint:` takes a sprint name or number, `active`, or `none`. Everything is case-insensitive.

use crate::model::{Board, Item, ItemKind, Moscow, SprintId};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// What the user typed, shown in the pane title.
    pub text: String,
    words: Vec<String>,
    tags: Vec<String>,
    kinds: Vec<ItemKind>,
    statuses: Vec<String>,
    moscows: Vec<Option<Moscow>>,
    sprints: Vec<SprintFilter>,
    /// Qualifiers that name nothing (`kind:saga`): shown as a hint, and they match nothing.
    pub unknown: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
enum SprintFilter {
    None,
    Active,
    Named(String),
}

/// A `key:value` word of a filter line, lowercased (`lower`), with the word as typed in `token` for
/// messages.
pub(crate) struct Qualifier<'a> {
    pub token: &'a str,
    pub lower: String,
    colon: usize,
}

impl Qualifier<'_> {
    pub fn key(&self) -> &str {
        &self.lower[..self.colon]
    }

    pub fn value(&self) -> &str {
        &self.lower[self.colon + 1..]
    }
}

/// Splits a filter line: free words (lowercased) go to `words`, the `key:value` words come back for
/// the caller's own keys. A qualifier with no value yet (`kind:`, still being typed) is left out.
/// The backlog filter and the note timeline's both read their lines with this.
pub(crate) fn split_filter<'a>(text: &'a str, words: &mut Vec<String>) -> Vec<Qualifier<'a>> {
    let mut qualifiers = Vec::new();
    for token in text.split_whitespace() {
        let lower = token.to_lowercase();
        match lower.find(':') {
            None => words.push(lower),
            Some(colon) if colon + 1 == lower.len() => {}
            Some(colon) => qualifiers.push(Qualifier {
                token,
                lower,
                colon,
            }),
        }
    }
    qualifiers
}

impl Filter {
    pub fn parse(text: &str) -> Filter {
        let mut f = Filter {
            text: text.to_string(),
            ..Filter::default()
        };
        for q in split_filter(text, &mut f.words) {
            let (token, value) = (q.token, q.value());
            match q.key() {
                "tag" => f.tags.push(value.to_string()),
                "kind" => match ItemKind::parse(value) {
                    Some(k) => f.kinds.push(k),
                    None => f.unknown.push(token.to_string()),
                },
                "status" => f.statuses.push(value.to_string()),
                "moscow" => match value {
                    "none" => f.moscows.push(None),
                    v => match Moscow::parse(v) {
                        Some(m) => f.moscows.push(Some(m)),
                        None => f.unknown.push(token.to_string()),
                    },
                },
                "sprint" => f.sprints.push(match value {
                    "none" => SprintFilter::None,
                    "active" => SprintFilter::Active,
                    v => SprintFilter::Named(v.to_string()),
                }),
                _ => f.words.push(q.lower.clone()),
            }
        }
        f
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// True when the item passes every part of the filter (alternatives of one qualifier are ORed).
    pub fn matches(&self, board: &Board, item: &Item) -> bool {
        if !self.unknown.is_empty() {
            return false;
        }
        let any = |n: usize, f: &dyn Fn(usize) -> bool| n == 0 || (0..n).any(f);
        any(self.kinds.len(), &|i| item.kind == self.kinds[i])
            && any(self.moscows.len(), &|i| item.moscow == self.moscows[i])
            && any(self.tags.len(), &|i| {
                item.tags.iter().any(|t| t.to_lowercase() == self.tags[i])
            })
            && any(self.statuses.len(), &|i| {
                item.status.to_lowercase().starts_with(&self.statuses[i])
            })
            && any(self.sprints.len(), &|i| {
                sprint_matches(board, item.sprint, &self.sprints[i])
            })
            && self.words.iter().all(|w| {
                item.title.to_lowercase().contains(w.as_str())
                    || board.item_key(item.id).to_lowercase() == *w
                    || item.assignee.to_lowercase().contains(w.as_str())
            })
    }
}

fn sprint_matches(board: &Board, sprint: Option<SprintId>, f: &SprintFilter) -> bool {
    match (f, sprint) {
        (SprintFilter::None, s) => s.is_none(),
        (SprintFilter::Active, Some(s)) => board.active_sprint().is_some_and(|a| a.id == s),
        (SprintFilter::Named(name), Some(s)) => board.sprint(s).is_some_and(|sp| {
            sp.name.to_lowercase().contains(name.as_str()) || sp.id.0.to_string() == *name
        }),
        (_, None) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ItemId;
    use jiff::civil::date;

    fn board() -> Board {
        let mut b = Board::new("T", "CRN");
        let mut a = Item::new(
            ItemId(1),
            ItemKind::Bug,
            "Card form crashes",
            "Doing",
            date(2026, 1, 1),
        );
        a.tags = vec!["payments".into()];
        a.moscow = Some(Moscow::Must);
        let mut c = Item::new(
            ItemId(2),
            ItemKind::Story,
            "Apple Pay",
            "To do",
            date(2026, 1, 1),
        );
        c.tags = vec!["wallets".into()];
        c.assignee = "Ana".into();
        b.items = vec![std::sync::Arc::new(a), std::sync::Arc::new(c)];
        b
    }

    fn hits(b: &Board, q: &str) -> Vec<u32> {
        let f = Filter::parse(q);
        b.items
            .iter()
            .filter(|i| f.matches(b, i))
            .map(|i| i.id.0)
            .collect()
    }

    #[test]
    fn qualifiers_and_words_combine() {
        let b = board();
        assert_eq!(hits(&b, ""), vec![1, 2]);
        assert_eq!(hits(&b, "kind:bug"), vec![1]);
        assert_eq!(hits(&b, "tag:WALLETS"), vec![2]);
        assert_eq!(
            hits(&b, "status:do"),
            vec![1],
            "a prefix of the column name"
        );
        assert_eq!(hits(&b, "status:to"), vec![2]);
        assert_eq!(hits(&b, "moscow:must card"), vec![1]);
        assert_eq!(hits(&b, "moscow:none"), vec![2]);
        assert_eq!(hits(&b, "pay"), vec![2]);
        assert_eq!(hits(&b, "crn-1"), vec![1]);
        assert_eq!(hits(&b, "ana"), vec![2], "assignee");
        assert_eq!(hits(&b, "sprint:none"), vec![1, 2]);
        assert_eq!(hits(&b, "kind:saga"), Vec::<u32>::new());
        assert_eq!(
            Filter::parse("kind:saga").unknown,
            vec!["kind:saga".to_string()]
        );
        assert_eq!(
            hits(&b, "kind:"),
            vec![1, 2],
            "a qualifier being typed filters nothing yet"
        );
    }
}
