//! The item filter of the backlog and the sprint board: free words plus `tag:`, `kind:`, `status:`,
//! `moscow:`, `priority:`, `sprint:` and person (`@ana`, `assignee:`, `@me`; see `person`) qualifiers. `sprint:` takes a sprint name or number, `active`, or `none`.
//! A value names a tag, kind, column or sprint by the one rule of `names` (case and spaces do not
//! count; the exact name, then a unique prefix, then a unique part); `key:a,b` means either,
//! `-key:value` (and `-word`) leaves out what it names. The note timeline reads its line with the
//! same `split_filter` and the same rule.

mod names;
mod person;
#[cfg(test)]
mod tests;

pub(crate) use names::{Named, normalize, resolve, several};

use crate::model::{Board, Item, ItemKind, Moscow, SprintId};

/// What the item filter reads, for the help overlay (lines of at most 72 columns).
pub const ITEM_FILTER_HELP: &[&str] = &[
    "Filter: words, tag:x kind:bug status:todo moscow:must sprint:active|none",
    "  kind:bug,task means either · -status:done and -word leave out",
    "  priority:high (the priority an import kept) · priority:none",
    "  @ana or assignee:ana (name or handle) · assignee:none · @me or me:",
    "  names ignore case and spaces; a unique prefix will do (status:to)",
    "  the backlog hides done items; status:done shows them regardless",
];

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// What the user typed, shown in the pane title.
    pub text: String,
    words: Vec<String>,
    not_words: Vec<String>,
    /// Tags and statuses in `normalize`d form.
    tags: Allowed<String>,
    kinds: Allowed<ItemKind>,
    statuses: Allowed<String>,
    moscows: Allowed<Option<Moscow>>,
    /// Priorities in `normalize`d form (`""`: none).
    priorities: Allowed<String>,
    sprints: Allowed<SprintFilter>,
    /// Assignees in `normalize`d form (`""`: unassigned).
    people: Allowed<String>,
    /// Qualifiers that name nothing (`kind:saga`) or several things (`status:do`): shown as a hint,
    /// and they match nothing.
    pub unknown: Vec<String>,
}

/// The values one key lets in (any of them; none said: everything) and leaves out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Allowed<T> {
    pub include: Vec<T>,
    pub exclude: Vec<T>,
}

impl<T> Default for Allowed<T> {
    fn default() -> Self {
        Allowed {
            include: Vec::new(),
            exclude: Vec::new(),
        }
    }
}

impl<T> Allowed<T> {
    pub fn add(&mut self, negated: bool, value: T) {
        if negated {
            self.exclude.push(value);
        } else {
            self.include.push(value);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }

    /// True when one of the values let in fits (or none was said) and none left out does.
    pub fn allows(&self, fits: impl Fn(&T) -> bool) -> bool {
        (self.include.is_empty() || self.include.iter().any(&fits))
            && !self.exclude.iter().any(fits)
    }
}

#[derive(Clone, Debug, PartialEq)]
enum SprintFilter {
    None,
    Active,
    Id(SprintId),
}

/// A `key:value` word of a filter line, lowercased (`lower`), with the word as typed in `token` for
/// messages; `-key:value` is `negated`.
pub(crate) struct Qualifier<'a> {
    pub token: &'a str,
    pub lower: String,
    pub negated: bool,
    colon: usize,
}

impl Qualifier<'_> {
    pub fn key(&self) -> &str {
        &self.lower[usize::from(self.negated)..self.colon]
    }

    pub fn value(&self) -> &str {
        &self.lower[self.colon + 1..]
    }

    /// The alternatives of `key:a,b`.
    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.value().split(',').filter(|v| !v.is_empty())
    }

    /// `key:value` (with its `-`) for one of the values, for messages.
    pub fn shown(&self, value: &str) -> String {
        let minus = if self.negated { "-" } else { "" };
        format!("{minus}{}:{value}", self.key())
    }
}

/// The parts of a filter line.
#[derive(Default)]
pub(crate) struct Parts<'a> {
    /// Free words, lowercased.
    pub words: Vec<String>,
    /// Words after a `-`, lowercased, without it.
    pub not_words: Vec<String>,
    pub qualifiers: Vec<Qualifier<'a>>,
}

/// Splits a filter line into free words, left-out words (`-word`) and `key:value` words for the
/// caller's own keys. A qualifier with no value yet (`kind:`, still being typed) is left out. The
/// item filter and the note timeline's both read their lines with this.
pub(crate) fn split_filter(text: &str) -> Parts<'_> {
    let mut parts = Parts::default();
    for token in text.split_whitespace() {
        let lower = token.to_lowercase();
        let negated = lower.len() > 1 && lower.starts_with('-');
        match lower.find(':') {
            None if negated => parts.not_words.push(lower[1..].to_string()),
            None => parts.words.push(lower),
            Some(colon) if colon + 1 == lower.len() => {}
            Some(colon) if negated && colon == 1 => {}
            Some(colon) => parts.qualifiers.push(Qualifier {
                token,
                lower,
                negated,
                colon,
            }),
        }
    }
    parts
}

/// Compares `name` with a `normalize`d name without allocating.
pub(crate) fn same(name: &str, normal: &str) -> bool {
    let mut mine = name
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '\''))
        .flat_map(char::to_lowercase);
    let mut theirs = normal.chars();
    loop {
        match (mine.next(), theirs.next()) {
            (None, None) => return true,
            (a, b) if a != b => return false,
            _ => {}
        }
    }
}

/// Distinct names, first spelling kept, compared as `normalize` does.
fn distinct<'a>(names: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    // Spellings first (cheap on a big board), then only the new ones normalized.
    let mut spellings = std::collections::HashSet::new();
    let mut seen = std::collections::BTreeSet::new();
    names
        .filter(|n| spellings.insert(*n) && seen.insert(normalize(n)))
        .collect()
}

/// Which of `names` the value `v` of `q` means, or the words for `unknown` saying why none.
fn pick(q: &Qualifier, v: &str, names: &[&str]) -> Result<usize, String> {
    match resolve(v, names) {
        Named::One(at) => Ok(at),
        Named::Several(all) => {
            let all: Vec<&str> = all.into_iter().map(|i| names[i]).collect();
            Err(several(&q.shown(v), &all))
        }
        Named::Nothing => Err(q.shown(v)),
    }
}

impl Filter {
    /// Reads `text` against `board`: its columns, tags and sprints are the names values can mean.
    pub fn parse(text: &str, board: &Board) -> Filter {
        Filter::parse_as(text, board, None)
    }

    /// As `parse`, with `me` the configured user that `@me` and `me:` mean.
    pub fn parse_as(text: &str, board: &Board, me: Option<&str>) -> Filter {
        let parts = split_filter(text);
        let mut f = Filter {
            text: text.to_string(),
            ..Filter::default()
        };
        let mut people = None;
        // `@ana` and `-@ana` are person words; `me:` (no value) is the user.
        let mut person_word =
            |f: &mut Filter, negated: bool, value: &str, shown: &str| match person::person(
                board,
                &mut people,
                value,
                shown,
                me,
            ) {
                Ok(name) => f.people.add(negated, name),
                Err(why) => f.unknown.push(why),
            };
        for token in text.split_whitespace() {
            let lower = token.to_lowercase();
            let (negated, bare) = match lower.strip_prefix('-') {
                Some(rest) if !rest.is_empty() => (true, rest),
                _ => (false, lower.as_str()),
            };
            if bare == "me:" {
                person_word(&mut f, negated, "me", token);
            }
        }
        for w in parts.words {
            match w.strip_prefix('@').filter(|v| !v.is_empty()) {
                Some(v) => person_word(&mut f, false, v, &format!("@{v}")),
                None => f.words.push(w),
            }
        }
        for w in parts.not_words {
            match w.strip_prefix('@').filter(|v| !v.is_empty()) {
                Some(v) => person_word(&mut f, true, v, &format!("-@{v}")),
                None => f.not_words.push(w),
            }
        }
        let kinds: Vec<&str> = ItemKind::ALL.iter().map(|k| k.name()).collect();
        let moscows: Vec<&str> = Moscow::ALL
            .iter()
            .map(|m| m.name())
            .chain(["none"])
            .collect();
        let mut statuses: Option<Vec<&str>> = None;
        let mut priorities: Option<Vec<&str>> = None;
        let mut tags: Option<Vec<&str>> = None;
        let sprints: Vec<&str> = board.sprints.iter().map(|s| s.name.as_str()).collect();
        for q in &parts.qualifiers {
            let neg = q.negated;
            for v in q.values() {
                let got = match q.key() {
                    "kind" => pick(q, v, &kinds).map(|i| f.kinds.add(neg, ItemKind::ALL[i])),
                    "moscow" => pick(q, v, &moscows)
                        .map(|i| f.moscows.add(neg, Moscow::ALL.get(i).copied())),
                    "priority" => {
                        let names = priorities.get_or_insert_with(|| {
                            distinct(
                                ["Highest", "High", "Medium", "Low", "Lowest", "none"]
                                    .into_iter()
                                    .chain(
                                        board.items.iter().filter_map(|i| i.priority.as_deref()),
                                    ),
                            )
                        });
                        pick(q, v, names).map(|i| {
                            let p = if names[i] == "none" {
                                String::new()
                            } else {
                                normalize(names[i])
                            };
                            f.priorities.add(neg, p);
                        })
                    }
                    "status" => {
                        let names = statuses.get_or_insert_with(|| {
                            distinct(
                                board
                                    .columns
                                    .iter()
                                    .map(|c| c.name.as_str())
                                    .chain(board.items.iter().map(|i| i.status.as_str())),
                            )
                        });
                        pick(q, v, names).map(|i| f.statuses.add(neg, normalize(names[i])))
                    }
                    "tag" => {
                        let names = tags.get_or_insert_with(|| {
                            distinct(
                                board
                                    .items
                                    .iter()
                                    .flat_map(|i| i.tags.iter().map(String::as_str)),
                            )
                        });
                        pick(q, v, names).map(|i| f.tags.add(neg, normalize(names[i])))
                    }
                    "sprint" => {
                        let named = match v {
                            "none" => Ok(SprintFilter::None),
                            "active" => Ok(SprintFilter::Active),
                            n => match n.parse::<u32>().ok().map(SprintId) {
                                Some(id) if board.sprint(id).is_some() => Ok(SprintFilter::Id(id)),
                                _ => pick(q, v, &sprints)
                                    .map(|i| SprintFilter::Id(board.sprints[i].id)),
                            },
                        };
                        named.map(|s| f.sprints.add(neg, s))
                    }
                    "assignee" | "who" => {
                        person_word(&mut f, neg, v, &q.shown(v));
                        Ok(())
                    }
                    // Not a key: the word as typed, a time (`10:30`) or a URL.
                    _ => {
                        if neg {
                            f.not_words.push(q.lower[1..].to_string());
                        } else {
                            f.words.push(q.lower.clone());
                        }
                        break;
                    }
                };
                if let Err(why) = got {
                    f.unknown.push(why);
                }
            }
        }
        f
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// True when the filter asks for items in the column `status` (`status:done`): the backlog
    /// then shows done items although it hides them by default.
    pub fn names_status(&self, status: &str) -> bool {
        self.statuses.include.iter().any(|s| same(status, s))
    }

    /// True when the item passes every part of the filter (alternatives of one key are ORed).
    pub fn matches(&self, board: &Board, item: &Item) -> bool {
        if !self.unknown.is_empty() {
            return false;
        }
        let word = |w: &String| {
            names::contains_lowered(&item.title, w)
                || names::is_key_of(w, &board.project.key, item.id.0)
                || names::contains_lowered(&item.assignee, w)
        };
        self.kinds.allows(|k| item.kind == *k)
            && self.moscows.allows(|m| item.moscow == *m)
            && self.priorities.allows(|p| match &item.priority {
                Some(have) => same(have, p),
                None => p.is_empty(),
            })
            && self
                .tags
                .allows(|t| item.tags.iter().any(|have| same(have, t)))
            && self.statuses.allows(|s| same(&item.status, s))
            && self.people.allows(|p| same(item.assignee.trim(), p))
            && (self.sprints.is_empty()
                || self
                    .sprints
                    .allows(|s| sprint_matches(board, item.sprint, s)))
            && self.words.iter().all(word)
            && !self.not_words.iter().any(word)
    }
}

fn sprint_matches(board: &Board, sprint: Option<SprintId>, f: &SprintFilter) -> bool {
    match (f, sprint) {
        (SprintFilter::None, s) => s.is_none(),
        (SprintFilter::Active, Some(s)) => board.active_sprint().is_some_and(|a| a.id == s),
        (SprintFilter::Id(id), Some(s)) => *id == s,
        (_, None) => false,
    }
}
