//! Notes in the stakeholders pane: adding one (a quick form or `$EDITOR`), linking it to the work, the
//! timeline of every note and its filter (`kind:decision since:month words`).

use crate::app::filter::{Allowed, Named, resolve, several, split_filter};
use crate::app::picker::{Choice, Picker, Purpose, Target};
use crate::app::stakeholders::Screen;
use crate::app::{Action, App, Effect, Form, Mode};
use crate::model::stakeholder::{self as rules, note_template, parse_edited_note};
use crate::model::{Board, Note, NoteId, NoteKind, Stakeholder, StakeholderId};
use jiff::civil::Date;

/// The note timeline's filter: `kind:` (one or more, prefixes allowed), `since:` (a date, `today`,
/// `14d`, `2w`, `3m` ago, `week` for the last 7 days or `month` for the last 30), and words that must appear in the note, the stakeholder's name or a linked
/// item's key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoteFilter {
    /// What the user typed.
    pub text: String,
    kinds: Allowed<NoteKind>,
    /// What `since:` said, read against today each time (`model::value::parse_since`).
    since: Option<String>,
    words: Vec<String>,
    /// Words after a `-`: a note with one of them is left out.
    not_words: Vec<String>,
    /// Qualifiers that could not be read: shown, and they match nothing.
    pub unknown: Vec<String>,
}

impl NoteFilter {
    pub fn parse(text: &str) -> NoteFilter {
        let mut f = NoteFilter {
            text: text.to_string(),
            ..NoteFilter::default()
        };
        let parts = split_filter(text);
        f.words = parts.words;
        f.not_words = parts.not_words;
        let names: Vec<&str> = NoteKind::ALL.iter().map(|k| k.name()).collect();
        for q in &parts.qualifiers {
            let (token, value) = (q.token, q.value());
            match q.key() {
                // The item filter's rule: the exact name or a unique prefix; `a,b` either; `-` not.
                "kind" => {
                    for v in q.values() {
                        match resolve(v, &names) {
                            Named::One(i) => f.kinds.add(q.negated, NoteKind::ALL[i]),
                            Named::Several(all) => {
                                let all: Vec<&str> = all.into_iter().map(|i| names[i]).collect();
                                f.unknown.push(several(&q.shown(v), &all));
                            }
                            Named::Nothing => f.unknown.push(q.shown(v)),
                        }
                    }
                }
                // Only "since"; "not since" reads as a mistake.
                "since" if q.negated => f.unknown.push(token.to_string()),
                "since" => {
                    // A count of days, weeks or months reads even when it reaches past the
                    // calendar (it then lets everything through); anything else is checked against
                    // a fixed day, so whether it reads does not depend on today.
                    let count = value.len() > 1
                        && value.ends_with(['d', 'w', 'm'])
                        && value[..value.len() - 1].bytes().all(|b| b.is_ascii_digit());
                    let reads = count
                        || crate::model::value::parse_since(value, Date::constant(2026, 1, 1))
                            .is_ok();
                    if reads {
                        f.since = Some(value.to_string());
                    } else {
                        f.unknown.push(token.to_string());
                    }
                }
                _ if q.negated => f.not_words.push(q.lower[1..].to_string()),
                _ => f.words.push(q.lower.clone()),
            }
        }
        f
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The first day the filter lets through, if it has a `since:`.
    pub fn first_day(&self, today: Date) -> Option<Date> {
        let since = self.since.as_deref()?;
        // A `since:` that reaches past the calendar (`8000000d`) lets everything through.
        Some(crate::model::value::parse_since(since, today).unwrap_or(Date::MIN))
    }

    pub fn matches(&self, board: &Board, s: &Stakeholder, n: &Note, today: Date) -> bool {
        if !self.unknown.is_empty() {
            return false;
        }
        if !self.kinds.allows(|k| *k == n.kind) {
            return false;
        }
        if self.first_day(today).is_some_and(|d| n.date < d) {
            return false;
        }
        if self.words.is_empty() && self.not_words.is_empty() {
            return true;
        }
        let mut hay = format!("{}\n{}\n{}", n.text, s.name, s.organisation).to_lowercase();
        for id in &n.items {
            hay.push('\n');
            hay.push_str(&board.item_key(*id).to_lowercase());
        }
        self.words.iter().all(|w| hay.contains(w))
            && !self.not_words.iter().any(|w| hay.contains(w))
    }
}

/// `Nov 20 2026`.
fn widgets_date(d: Date) -> String {
    d.strftime("%b %d %Y").to_string()
}

impl App {
    /// The notes the timeline shows, newest first.
    pub fn timeline_notes(&self) -> Vec<(&Stakeholder, &Note)> {
        let f = &self.people.notes;
        let mut all = self.notes_newest_first();
        if !f.is_empty() {
            all.retain(|(s, n)| f.matches(&self.doc.board, s, n, self.run.today));
        }
        all
    }

    pub(crate) fn shown_notes(&self) -> Vec<NoteId> {
        self.timeline_notes().iter().map(|(_, n)| n.id).collect()
    }

    /// Keeps the timeline's selection on a note it shows.
    pub(crate) fn settle_timeline(&mut self) {
        let shown = self.shown_notes();
        if !self.people.note.is_some_and(|n| shown.contains(&n)) {
            self.people.note = shown.first().copied();
        }
    }

    /// The note `e`, `d`, `E` act on: the selected one when the notes have the focus (the details
    /// with a note selected, or the timeline).
    pub(crate) fn focused_note(&self) -> Option<(StakeholderId, NoteId)> {
        let focus = self.people.details || self.people.screen == Screen::Notes;
        let (s, n) = self.doc.board.note(self.people.note.filter(|_| focus)?)?;
        Some((s.id, n.id))
    }

    /// The stakeholder a new note goes to: the selected note's in the timeline, else the selected one.
    fn note_target(&self) -> Option<&Stakeholder> {
        if self.people.screen == Screen::Notes && !self.people.details {
            return self
                .people
                .note
                .and_then(|n| self.doc.board.note(n))
                .map(|(s, _)| s);
        }
        self.selected_person()
    }

    /// The note `l` links: the focused note, else the one selected or added last for the selected
    /// stakeholder, else their newest.
    fn note_to_link(&self) -> Option<(StakeholderId, NoteId)> {
        if let Some(found) = self.focused_note() {
            return Some(found);
        }
        let s = self.selected_person()?;
        let n = self
            .people
            .note
            .filter(|n| s.notes.iter().any(|x| x.id == *n))
            .or_else(|| s.latest_note().map(|n| n.id))?;
        Some((s.id, n))
    }

    pub(crate) fn note_action(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::AddNote => {
                let Some(s) = self.note_target() else {
                    self.info(format!(
                        "No stakeholder selected: {} adds one",
                        self.keymap.hint(&Action::AddStakeholder)
                    ));
                    return Vec::new();
                };
                let form = Form::note(s, None, self.run.today);
                if self.writable() {
                    self.mode = Mode::Form(Box::new(form));
                }
            }
            Action::NoteInEditor => {
                if !self.writable() {
                    return Vec::new();
                }
                if let Some((who, id)) = self.focused_note() {
                    let Some((s, n)) = self.doc.board.note(id) else {
                        return Vec::new();
                    };
                    let text = note_template(&s.name, n.kind, n.date, &n.text);
                    return vec![Effect::EditNote {
                        stakeholder: who,
                        note: Some(id),
                        text,
                    }];
                }
                let Some(s) = self.note_target() else {
                    self.info(format!(
                        "No stakeholder selected: {} adds one",
                        self.keymap.hint(&Action::AddStakeholder)
                    ));
                    return Vec::new();
                };
                let (id, name) = (s.id, s.name.clone());
                let text = note_template(&name, NoteKind::Meeting, self.run.today, "");
                // Say it: a new meeting note counts as an update and moves the person's due date.
                self.info(format!(
                    "Writing a new note for {name} in $EDITOR: its kind is on the first line (a meeting counts as an update)"
                ));
                return vec![Effect::EditNote {
                    stakeholder: id,
                    note: None,
                    text,
                }];
            }
            Action::NoteEdited {
                stakeholder,
                note,
                text,
            } => return self.note_edited(stakeholder, note, &text),
            Action::LinkNote => {
                let Some((who, note)) = self.note_to_link() else {
                    self.info(format!(
                        "No note to link: {} adds one",
                        self.keymap.hint(&Action::AddNote)
                    ));
                    return Vec::new();
                };
                if self.writable() {
                    self.open_link_picker(who, note);
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// A note came back from `$EDITOR`: saved as a new note, or over the one it was opened on.
    fn note_edited(&mut self, who: StakeholderId, id: Option<NoteId>, raw: &str) -> Vec<Effect> {
        let parsed = parse_edited_note(raw);
        let Some(s) = self.doc.board.stakeholder(who) else {
            self.error("The stakeholder is gone: the note was not saved");
            return Vec::new();
        };
        let name = s.name.clone();
        if parsed.text.trim().is_empty() {
            self.info("Empty note: nothing saved");
            return Vec::new();
        }
        let old = id
            .and_then(|n| self.doc.board.note(n))
            .map(|(_, n)| n.clone());
        let kind = parsed
            .kind
            .or(old.as_ref().map(|n| n.kind))
            .unwrap_or_default();
        let mut date = parsed
            .date
            .or(old.as_ref().map(|n| n.date))
            .unwrap_or(self.run.today);
        let mut problems = parsed.problems;
        if date > self.run.today {
            problems.push(format!("{date} is in the future"));
            date = self.run.today;
        }
        let (result, label) = match old {
            Some(old) => {
                let unchanged = old.text == parsed.text && old.kind == kind && old.date == date;
                if unchanged && problems.is_empty() {
                    self.info("Note unchanged");
                    return Vec::new();
                }
                let note = Note {
                    text: parsed.text,
                    kind,
                    date,
                    ..old
                };
                let label = format!("Edit a {} note of {name}", kind.name());
                (
                    rules::update_note(&self.doc.board, who, note, self.run.today)
                        .map(|e| (e, None)),
                    label,
                )
            }
            None => {
                let label = format!("Add a {} note for {name}", kind.name());
                (
                    rules::add_note(
                        &self.doc.board,
                        who,
                        date,
                        kind,
                        &parsed.text,
                        self.run.today,
                    )
                    .map(|(e, n)| (e, Some(n))),
                    label,
                )
            }
        };
        match result {
            Ok((edit, new)) => {
                let effects = self.change(edit, label.clone());
                if let Some(n) = new {
                    self.people.note = Some(n);
                }
                if !problems.is_empty() {
                    // Saved with what could be read, so nothing typed is lost; e fixes the rest.
                    self.error(format!(
                        "{label}, but {}: kept as {} on {date} (e fixes it)",
                        problems.join("; "),
                        kind.name()
                    ));
                }
                effects
            }
            Err(e) => self.refused(e),
        }
    }

    /// `l`: the picker over timeline entries and backlog items, the note's links ticked.
    fn open_link_picker(&mut self, who: StakeholderId, id: NoteId) {
        let Some((s, n)) = self.doc.board.note(id) else {
            return;
        };
        let b = &self.doc.board;
        let mut timeline: Vec<&crate::model::TimelineEntry> = b.timeline.iter().collect();
        timeline.sort_by_key(|e| (e.start, e.id));
        let entries = timeline.into_iter().map(|e| Choice {
            target: Target::Entry(e.id),
            label: e.name.clone(),
            detail: format!("{} {}", e.kind.name(), e.start),
            on: n.entries.contains(&e.id),
        });
        let items = b.items.iter().map(|i| Choice {
            target: Target::Item(i.id),
            label: format!("{} {}", b.item_key(i.id), i.title),
            detail: match i.points {
                Some(p) => format!("{} · {p} pts", i.status),
                None => i.status.clone(),
            },
            on: n.items.contains(&i.id),
        });
        let title = format!(
            "Link {}'s {} note of {} to the work",
            s.name,
            n.kind.name(),
            widgets_date(n.date)
        );
        let choices: Vec<Choice> = entries.chain(items).collect();
        let purpose = Purpose::NoteLinks {
            stakeholder: who,
            note: id,
        };
        self.mode = Mode::Picker(Box::new(Picker::new(title, purpose, choices)));
    }

    /// The picker's answer for a note: exactly the items and entries it is about, as one step.
    pub(crate) fn apply_note_links(
        &mut self,
        stakeholder: StakeholderId,
        note: NoteId,
        chosen: Vec<Target>,
    ) -> Vec<Effect> {
        let mut items = Vec::new();
        let mut entries = Vec::new();
        for t in chosen {
            match t {
                Target::Item(i) => items.push(i),
                Target::Entry(e) => entries.push(e),
            }
        }
        let Some((s, old)) = self.doc.board.note(note) else {
            self.error("The note is gone: nothing linked");
            return Vec::new();
        };
        let name = s.name.clone();
        let before = (old.items.clone(), old.entries.clone());
        match rules::link_note(&self.doc.board, stakeholder, note, items, entries) {
            Ok(edit) => {
                let after = match &edit {
                    crate::model::Edit::UpdateStakeholder(s) => s
                        .notes
                        .iter()
                        .find(|n| n.id == note)
                        .map(|n| (n.items.clone(), n.entries.clone())),
                    _ => None,
                };
                if after.as_ref() == Some(&before) {
                    self.info("Links unchanged");
                    return Vec::new();
                }
                let (items, entries) = after.unwrap_or_default();
                let label = match items.len() + entries.len() {
                    0 => format!("Unlink a note of {name} from the work"),
                    _ => {
                        let mut names: Vec<String> =
                            items.iter().map(|i| self.doc.board.item_key(*i)).collect();
                        names.extend(
                            entries
                                .iter()
                                .filter_map(|e| self.doc.board.entry(*e))
                                .map(|e| e.name.clone()),
                        );
                        format!("Link a note of {name} to {}", names.join(", "))
                    }
                };
                let effects = self.change(edit, label);
                self.people.note = Some(note);
                effects
            }
            Err(e) => self.refused(e),
        }
    }

    /// Sets the register's filter, or the note timeline's on that screen.
    pub(crate) fn set_people_filter(&mut self, text: String) {
        if self.people.screen == Screen::Notes {
            self.people.notes = NoteFilter::parse(&text);
            self.settle_timeline();
        } else {
            self.people.filter = text;
            self.settle_people();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_note_filter_reads_kinds_dates_and_words() {
        let today = date(2026, 11, 28); // a Saturday
        let f = NoteFilter::parse("kind:dec,req since:month Adyen");
        assert_eq!(f.kinds.include, vec![NoteKind::Decision, NoteKind::Request]);
        assert_eq!(
            f.first_day(today),
            Some(date(2026, 10, 29)),
            "month: the last 30 days"
        );
        let first = NoteFilter::parse("since:month");
        assert_eq!(
            first.first_day(date(2026, 12, 1)),
            Some(date(2026, 11, 1)),
            "on the 1st, not just today"
        );
        // One vocabulary with the forms: days, weeks, months, today, dates.
        for (typed, day) in [
            ("since:2w", date(2026, 11, 14)),
            ("since:14d", date(2026, 11, 14)),
            ("since:1m", date(2026, 10, 28)),
            ("since:today", today),
            ("since:-2w", date(2026, 11, 14)),
        ] {
            let f = NoteFilter::parse(typed);
            assert!(f.unknown.is_empty(), "{typed}");
            assert_eq!(f.first_day(today), Some(day), "{typed}");
        }
        assert_eq!(f.words, vec!["adyen".to_string()]);
        assert!(f.unknown.is_empty());
        let week = NoteFilter::parse("since:week");
        assert_eq!(
            week.first_day(today),
            Some(date(2026, 11, 21)),
            "week: the last 7 days"
        );
        let days = NoteFilter::parse("since:30d kind:");
        assert_eq!(days.first_day(today), Some(date(2026, 10, 29)));
        assert!(days.kinds.is_empty(), "a bare kind: is still being typed");
        let far = NoteFilter::parse("since:8000000d");
        assert_eq!(far.first_day(today), Some(Date::MIN));
        let far = NoteFilter::parse("since:9223372036854775807d");
        assert_eq!(far.first_day(today), Some(Date::MIN));
        let on = NoteFilter::parse("since:2026-10-07");
        assert_eq!(on.first_day(today), Some(date(2026, 10, 7)));
        let bad = NoteFilter::parse("kind:gossip since:soon");
        assert_eq!(bad.unknown, vec!["kind:gossip", "since:soon"]);
    }
}
