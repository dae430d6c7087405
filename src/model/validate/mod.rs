//! Checks a loaded board for what would make it unsafe to use: duplicate ids, links to ids that do not
//! exist, statuses that are not workflow columns, and any field outside the limits the forms keep
//! (`model::value`). Each problem names the thing it is about.

mod cycles;
mod edits;
mod fields;
mod ids;
mod team;

pub use edits::check_item;

use super::ItemKind;
use super::value::shorten;
use super::{Board, EntryId, ItemId, Risk, Sprint, SprintState, Stakeholder, TimelineEntry};
use ids::{IdMap, IdSet};
use std::collections::HashSet;
use std::fmt;

/// Characters of a name or title quoted in a problem (a 50 MB title is not repeated back).
const NAME_IN_MESSAGE: usize = 60;

/// One thing wrong with a board, in words a user can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem(pub String);

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What is wrong with an item's parent: itself, not an epic, or a chain of epics that comes back
/// to the item (a cycle). A parent that does not exist is said where links are checked.
fn parent_problem(
    board: &Board,
    kinds: &IdMap<(ItemKind, Option<ItemId>)>,
    id: ItemId,
    parent: Option<ItemId>,
) -> Option<String> {
    let p = parent?;
    if p == id {
        return Some("its parent epic is itself".into());
    }
    let (kind, mut up) = kinds.get(p.0)?;
    if kind != ItemKind::Epic {
        return Some(format!(
            "parent {} is a {}, not an epic",
            board.item_key(p),
            kind.name()
        ));
    }
    for _ in 0..kinds.len().min(64) {
        match up {
            Some(q) if q == id => {
                return Some("its chain of parent epics comes back to it (a cycle)".into());
            }
            Some(q) if q == p => return None,
            Some(q) => up = kinds.get(q.0).and_then(|k| k.1),
            None => return None,
        }
    }
    None
}

pub(super) fn sprint_name(s: &Sprint) -> String {
    format!(
        "sprint {} (\"{}\")",
        s.id,
        shorten(&s.name, NAME_IN_MESSAGE)
    )
}

pub(super) fn entry_name(e: &TimelineEntry) -> String {
    format!(
        "timeline entry {} (\"{}\")",
        e.id,
        shorten(&e.name, NAME_IN_MESSAGE)
    )
}

pub(super) fn risk_name(r: &Risk) -> String {
    format!("risk {} (\"{}\")", r.id, shorten(&r.title, NAME_IN_MESSAGE))
}

pub(super) fn stakeholder_name(s: &Stakeholder) -> String {
    format!(
        "stakeholder {} (\"{}\")",
        s.id,
        shorten(&s.name, NAME_IN_MESSAGE)
    )
}

impl Board {
    fn describe_item(&self, id: ItemId, title: &str) -> String {
        format!(
            "item {} (\"{}\")",
            self.item_key(id),
            shorten(title, NAME_IN_MESSAGE)
        )
    }

    /// Every problem found, in file order; empty when the board is sound.
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut say = |s: String| problems.push(Problem(s));

        if self.project.key.trim().is_empty() {
            say("project key is empty (it prefixes item keys, e.g. CRN-12)".into());
        }
        fields::project(&self.project, &mut |m| say(format!("project: {m}")));
        fields::settings(&self.settings, &mut |m| say(format!("settings: {m}")));
        if self.columns.is_empty() {
            say("the workflow has no columns".into());
        }
        let mut columns = HashSet::new();
        for c in &self.columns {
            if !columns.insert(c.name.as_str()) {
                say(format!(
                    "workflow column \"{}\" appears twice",
                    shorten(&c.name, NAME_IN_MESSAGE)
                ));
            }
            fields::column(c, &mut |m| {
                say(format!(
                    "workflow column \"{}\": {m}",
                    shorten(&c.name, NAME_IN_MESSAGE)
                ))
            });
        }

        // Every set of ids a link may name, each id said once if it is used twice.
        // One walk of the items (each behind its own pointer), then flat lists.
        let flat: Vec<(u32, (ItemKind, Option<ItemId>))> = self
            .items
            .iter()
            .map(|i| (i.id.0, (i.kind, i.parent)))
            .collect();
        let (items, twice) = IdSet::collect(flat.iter().map(|f| f.0));
        dup(twice, "item", &mut say);
        let kinds = IdMap::collect(flat.iter().copied());
        let (sprints, twice) = IdSet::collect(self.sprints.iter().map(|s| s.id.0));
        dup(twice, "sprint", &mut say);
        let (entries, twice) = IdSet::collect(self.timeline.iter().map(|e| e.id.0));
        dup(twice, "timeline entry", &mut say);
        dup(
            IdSet::collect(self.risks.iter().map(|r| r.id.0)).1,
            "risk",
            &mut say,
        );
        dup(
            IdSet::collect(self.stakeholders.iter().map(|s| s.id.0)).1,
            "stakeholder",
            &mut say,
        );
        dup(
            IdSet::collect(
                self.stakeholders
                    .iter()
                    .flat_map(|s| &s.notes)
                    .map(|n| n.id.0),
            )
            .1,
            "note",
            &mut say,
        );

        let on_cycle = cycles::on_blocked_by_cycle(self);
        for (at, it) in self.items.iter().enumerate() {
            let who = || self.describe_item(it.id, &it.title);
            if !columns.contains(it.status.as_str()) {
                let names: Vec<&str> = self.columns.iter().map(|c| c.name.as_str()).collect();
                say(format!(
                    "{}: status \"{}\" is not a workflow column ({})",
                    who(),
                    it.status,
                    names.join(", ")
                ));
            }
            if let Some(s) = it.sprint
                && !sprints.contains(s.0)
            {
                say(format!("{}: sprint {s} does not exist", who()));
            }
            if let Some(p) = it.parent
                && !items.contains(p.0)
            {
                say(format!(
                    "{}: parent epic {} does not exist",
                    who(),
                    self.item_key(p)
                ));
            }
            if let Some(problem) = parent_problem(self, &kinds, it.id, it.parent) {
                say(format!("{}: {problem}", who()));
            }
            if let Some(m) = it.milestone
                && !entries.contains(m.0)
            {
                say(format!("{}: milestone {m} does not exist", who()));
            }
            for (how, links) in [
                ("blocked by", &it.blocked_by),
                ("related to", &it.relates_to),
            ] {
                for b in links {
                    if *b == it.id {
                        say(format!("{}: {how} itself", who()));
                    } else if !items.contains(b.0) {
                        say(format!(
                            "{}: {how} {}, which does not exist",
                            who(),
                            self.item_key(*b)
                        ));
                    }
                }
            }
            if on_cycle[at] {
                say(format!(
                    "{}: its \"blocked by\" chain comes back to it (a cycle)",
                    who()
                ));
            }
            fields::item(it, &mut |m| say(format!("{}: {m}", who())));
        }

        let active = self
            .sprints
            .iter()
            .filter(|s| s.state == SprintState::Active)
            .count();
        if active > 1 {
            say(format!("{active} sprints are active; only one can be"));
        }
        for s in &self.sprints {
            let who = sprint_name(s);
            if s.end < s.start {
                say(format!(
                    "{who}: ends {} before it starts {}",
                    s.end, s.start
                ));
            }
            fields::sprint(s, &mut |m| say(format!("{who}: {m}")));
        }
        for e in &self.timeline {
            let who = entry_name(e);
            fields::entry(e, &mut |m| say(format!("{who}: {m}")));
            if e.end < e.start {
                say(format!(
                    "{who}: ends {} before it starts {}",
                    e.end, e.start
                ));
            }
            for d in &e.depends_on {
                if !entries.contains(d.0) {
                    say(format!("{who}: depends on entry {d}, which does not exist"));
                } else if *d == e.id {
                    say(format!("{who}: depends on itself"));
                }
            }
            for i in &e.items {
                if !items.contains(i.0) {
                    say(format!(
                        "{who}: links {}, which does not exist",
                        self.item_key(*i)
                    ));
                }
            }
        }
        for r in &self.risks {
            let who = risk_name(r);
            fields::risk(r, &mut |m| say(format!("{who}: {m}")));
            links(&who, &r.items, &r.entries, &items, &entries, self, &mut say);
        }
        for s in &self.stakeholders {
            let who = stakeholder_name(s);
            fields::stakeholder(s, &mut |m| say(format!("{who}: {m}")));
            for n in &s.notes {
                let who = format!("{who}, note {}", n.id);
                fields::note(n, &mut |m| say(format!("{who}: {m}")));
                links(&who, &n.items, &n.entries, &items, &entries, self, &mut say);
            }
        }
        super::view::check_views(&self.views, &mut say);
        self.team_problems(&self.team, &mut say);
        problems
    }
}

fn dup(twice: Vec<u32>, kind: &str, say: &mut impl FnMut(String)) {
    for id in twice {
        say(format!("{kind} id {id} is used twice"));
    }
}

fn links(
    who: &str,
    item_links: &[ItemId],
    entry_links: &[EntryId],
    items: &IdSet,
    entries: &IdSet,
    board: &Board,
    say: &mut impl FnMut(String),
) {
    for i in item_links {
        if !items.contains(i.0) {
            say(format!(
                "{who}: links {}, which does not exist",
                board.item_key(*i)
            ));
        }
    }
    for e in entry_links {
        if !entries.contains(e.0) {
            say(format!(
                "{who}: links timeline entry {e}, which does not exist"
            ));
        }
    }
}

#[cfg(test)]
mod tests;
