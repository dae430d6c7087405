//! The limits every field keeps, as the forms enforce them (`model::value`): each function reports
//! what is wrong with one record, in the form's words, to `say`; the caller names the record.

use super::super::value::{
    self, MAX_ACCEPTANCE, MAX_LABEL, MAX_NAME, MAX_TAGS, MAX_TEXT, MAX_TITLE,
};
use super::super::{
    Column, Item, Note, Project, Risk, Settings, Sprint, Stakeholder, TimelineEntry,
};
use jiff::civil::Date;

pub(super) type Say<'a> = dyn FnMut(String) + 'a;

fn text(say: &mut Say<'_>, what: &str, s: &str, max: usize) {
    if let Err(e) = value::check_length(what, s, max) {
        say(e);
    }
}

fn date(say: &mut Say<'_>, what: &str, d: Date) {
    if let Err(e) = value::check_date(d) {
        say(format!("{what} {e}"));
    }
}

fn money(say: &mut Say<'_>, what: &str, n: u64) {
    if let Err(e) = value::check_money(what, n) {
        say(e);
    }
}

fn scale(say: &mut Say<'_>, what: &str, n: u8) {
    if let Err(e) = value::check_scale(what, n) {
        say(e);
    }
}

pub(super) fn project(p: &Project, say: &mut Say<'_>) {
    text(say, "the project name", &p.name, MAX_NAME);
    text(say, "the project key", &p.key, MAX_LABEL);
    if p.key.len() <= MAX_LABEL
        && let Err(e) = value::check_project_key(&p.key)
    {
        say(e);
    }
    text(say, "the vision", &p.vision, MAX_TEXT);
    text(say, "the product goal", &p.goal, MAX_TEXT);
    text(say, "the currency", &p.currency, MAX_NAME);
    money(say, "the budget", p.budget);
    if let Some(d) = p.last_import {
        date(say, "the last import date", d);
    }
}

pub(super) fn column(c: &Column, say: &mut Say<'_>) {
    text(say, "the name", &c.name, MAX_NAME);
    if let Some(limit) = c.wip_limit
        && let Err(e) = value::check_wip_limit(limit)
    {
        say(e);
    }
}

pub(super) fn settings(s: &Settings, say: &mut Say<'_>) {
    if let Err(e) = value::check_standup_minutes(s.standup_minutes) {
        say(e);
    }
    if let Err(e) = value::check_sprint_days(s.sprint_days) {
        say(e);
    }
    if let Some(Err(e)) = s.standup_at.map(value::check_standup_at) {
        say(e);
    }
    if let Err(e) = value::check_cycle_sample(s.cycle_sample) {
        say(e);
    }
}

pub(super) fn item(it: &Item, say: &mut Say<'_>) {
    text(say, "the title", &it.title, MAX_TITLE);
    text(say, "the description", &it.description, MAX_TEXT);
    if let Err(e) = value::check_count("acceptance criteria", it.acceptance.len(), MAX_ACCEPTANCE) {
        say(e);
    }
    // Names are only formatted for a field that is too long: load checks every item.
    for (n, a) in it.acceptance.iter().enumerate() {
        if a.len() > MAX_TITLE {
            text(
                say,
                &format!("acceptance criterion {}", n + 1),
                a,
                MAX_TITLE,
            );
        }
    }
    if let Some(p) = it.points
        && value::check_points(u32::from(p)).is_err()
    {
        say(format!("{p} points is not on the Fibonacci scale"));
    }
    if let Some(w) = &it.wsjf
        && let Err(e) = value::check_wsjf(w)
    {
        say(e);
    }
    if let Some(r) = &it.rice
        && let Err(e) = value::check_rice(r)
    {
        say(e);
    }
    text(say, "the assignee", &it.assignee, MAX_NAME);
    if let Err(e) = value::check_count("tags", it.tags.len(), MAX_TAGS) {
        say(e);
    }
    for t in it.tags.iter().filter(|t| t.len() > MAX_LABEL) {
        text(
            say,
            &format!("tag \"{}\"", value::shorten(t, 20)),
            t,
            MAX_LABEL,
        );
    }
    if let Some(b) = &it.blocked {
        text(say, "the blocked reason", b, MAX_TITLE);
    }
    date(say, "the created date", it.created);
    date(say, "the updated date", it.updated);
    date(say, "the status date", it.status_since);
    if let Some(d) = it.done {
        date(say, "the done date", d);
    }
    if let Some(d) = it.due {
        date(say, "the due date", d);
    }
    if let Some(x) = &it.external {
        label(say, &format!("the {} key", x.source.name()), &x.key);
    }
    if let Some(p) = &it.priority {
        label(say, "the priority", p);
    }
}

/// A short name kept as written (an imported key, a priority): not empty, one line, not too long.
fn label(say: &mut Say<'_>, what: &str, s: &str) {
    if s.trim().is_empty() {
        say(format!("{what} is empty"));
    } else if s.chars().any(char::is_control) {
        say(format!("{what} has a control character"));
    } else {
        text(say, what, s, MAX_LABEL);
    }
}

pub(super) fn sprint(s: &Sprint, say: &mut Say<'_>) {
    text(say, "the name", &s.name, MAX_NAME);
    text(say, "the goal", &s.goal, MAX_TITLE);
    date(say, "the start", s.start);
    date(say, "the end", s.end);
    if let Err(e) = value::check_capacity(s.capacity) {
        say(e);
    }
    // The burndown's days are sorted: its ends bound all of them.
    for d in [s.remaining.keys().next(), s.remaining.keys().next_back()]
        .into_iter()
        .flatten()
    {
        date(say, "a burndown day", *d);
    }
}

pub(super) fn entry(e: &TimelineEntry, say: &mut Say<'_>) {
    text(say, "the name", &e.name, MAX_NAME);
    text(say, "the owner", &e.owner, MAX_NAME);
    date(say, "the start", e.start);
    date(say, "the end", e.end);
    money(say, "the planned cost", e.planned_cost);
    money(say, "the actual cost", e.actual_cost);
}

pub(super) fn risk(r: &Risk, say: &mut Say<'_>) {
    text(say, "the title", &r.title, MAX_TITLE);
    scale(say, "probability", r.probability);
    scale(say, "impact", r.impact);
    text(say, "the owner", &r.owner, MAX_NAME);
    text(say, "the mitigation", &r.mitigation, MAX_TEXT);
    date(say, "the raised date", r.raised);
}

pub(super) fn stakeholder(s: &Stakeholder, say: &mut Say<'_>) {
    text(say, "the name", &s.name, MAX_NAME);
    text(say, "the role", &s.role, MAX_NAME);
    text(say, "the organisation", &s.organisation, MAX_NAME);
    text(say, "the contact", &s.contact, MAX_NAME);
    text(say, "what they care about", &s.cares_about, MAX_TEXT);
    scale(say, "power", s.power);
    scale(say, "interest", s.interest);
    if let Err(e) = value::check_cadence(s.cadence_days) {
        say(e);
    }
    if let Some(d) = s.last_update {
        date(say, "the last update", d);
    }
}

pub(super) fn note(n: &Note, say: &mut Say<'_>) {
    text(say, "the text", &n.text, MAX_TEXT);
    date(say, "the date", n.date);
}
