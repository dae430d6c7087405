//! The boards measured: the pathological board's shape scaled down, with the lists that are not
//! backlog items (timeline entries, risks, stakeholders) at a count of their own, so each axis can
//! grow while the other stays.

use cairn::io::generate::{ANCHOR, Profile};
use cairn::model::{Board, EntryId, RiskId, StakeholderId};

/// `items` items, a twentieth of them in the active sprint and a note per five items, and at least
/// `others` timeline entries, risks and stakeholders (copies of the generated ones with ids of
/// their own; the copied stakeholders have no notes, are not due for an update and are spread
/// over the grid alike on every board).
pub fn board(items: usize, others: usize) -> Board {
    let mut b = Profile {
        items,
        sprint_cards: Some(items / 20),
        notes: Some(items / 5),
    }
    .generate(1)
    .expect("the profile fits its board");
    let (entries, risks, people) = (b.timeline.len(), b.risks.len(), b.stakeholders.len());
    for k in 0..others.saturating_sub(entries) {
        let mut e = b.timeline[k % entries].clone();
        e.id = EntryId(b.counters.entry);
        b.counters.entry += 1;
        e.name = format!("{} {k}", e.name);
        e.items.clear();
        b.timeline.push(e);
    }
    for k in 0..others.saturating_sub(risks) {
        let mut r = b.risks[k % risks].clone();
        r.id = RiskId(b.counters.risk);
        b.counters.risk += 1;
        b.risks.push(r);
    }
    for k in 0..others.saturating_sub(people) {
        let mut s = b.stakeholders[k % people].clone();
        s.id = StakeholderId(b.counters.stakeholder);
        b.counters.stakeholder += 1;
        s.name = format!("{} {k}", s.name);
        s.notes.clear();
        // Spread over the grid the same way on every board, so its quadrants fill alike.
        (s.power, s.interest) = (1 + (k % 5) as u8, 1 + (k / 5 % 5) as u8);
        s.last_update = Some(ANCHOR);
        b.stakeholders.push(s);
    }
    b
}
