//! Merging the order of a list (the backlog's rank, a list of records) and the members of a set
//! (tags, links), three ways.
//!
//! Order: an element is *moved* by a side when it is not on the longest common subsequence of the
//! base and that side (Myers' diff, `similar`), so only what a side really moved counts as its move,
//! not the elements that shifted because of it. The result is ours, with each element theirs moved
//! (and ours did not) or added put back right after the element before it in theirs. An element
//! both sides moved to different places is a conflict: it stays where ours put it.

use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// The merged order, and the elements both sides moved to different places.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ordered<K> {
    pub order: Vec<K>,
    pub moved_by_both: Vec<K>,
}

/// The elements of `base` ∩ `side` that `side` moved (see the module's rule).
fn moved<K: Clone + Eq + Hash>(base: &[K], side: &[K]) -> HashSet<K> {
    let in_side: HashSet<&K> = side.iter().collect();
    let in_base: HashSet<&K> = base.iter().collect();
    let b: Vec<&K> = base.iter().filter(|k| in_side.contains(k)).collect();
    let s: Vec<&K> = side.iter().filter(|k| in_base.contains(k)).collect();
    let mut stable: HashSet<&K> = HashSet::new();
    for op in capture_diff_slices(Algorithm::Myers, &b, &s) {
        if let DiffOp::Equal { old_index, len, .. } = op {
            stable.extend(b[old_index..old_index + len].iter().copied());
        }
    }
    b.into_iter()
        .filter(|k| !stable.contains(k))
        .cloned()
        .collect()
}

/// The element before `k` in `list` that is also in `among`, or `None` at the front.
fn before<'a, K: Eq + Hash>(list: &'a [K], k: &K, among: &HashSet<&K>) -> Option<&'a K> {
    let at = list.iter().position(|x| x == k)?;
    list[..at].iter().rev().find(|x| among.contains(x))
}

/// The merged order of the elements in `kept` (every element of the result, each once).
pub fn merge_order<K: Clone + Eq + Hash>(
    base: &[K],
    ours: &[K],
    theirs: &[K],
    kept: &[K],
) -> Ordered<K> {
    let kept_set: HashSet<&K> = kept.iter().collect();
    if ours == theirs || base == theirs {
        return finish(ours.iter(), kept, &kept_set, Vec::new());
    }
    let moved_ours = moved(base, ours);
    let moved_theirs = moved(base, theirs);
    let in_ours: HashSet<&K> = ours.iter().collect();
    let in_theirs: HashSet<&K> = theirs.iter().collect();
    let common: HashSet<&K> = ours.iter().filter(|k| in_theirs.contains(k)).collect();
    let mut moved_by_both = Vec::new();
    let mut place: HashSet<&K> = HashSet::new();
    for k in theirs.iter().filter(|k| kept_set.contains(k)) {
        if !in_ours.contains(k) {
            place.insert(k);
        } else if moved_theirs.contains(k) {
            if !moved_ours.contains(k) {
                place.insert(k);
            } else if before(ours, k, &common) != before(theirs, k, &common) {
                moved_by_both.push(k.clone());
            }
        }
    }
    if place.is_empty() {
        return finish(ours.iter(), kept, &kept_set, moved_by_both);
    }
    // Each placed element goes right after the element before it in theirs (`None`: the front).
    let mut after: HashMap<Option<&K>, Vec<&K>> = HashMap::new();
    let mut anchor: Option<&K> = None;
    for k in theirs {
        if place.contains(k) {
            after.entry(anchor).or_default().push(k);
            anchor = Some(k);
        } else if in_ours.contains(k) && kept_set.contains(k) {
            anchor = Some(k);
        }
    }
    let mut order: Vec<&K> = Vec::with_capacity(kept.len());
    emit(&mut after, None, &mut order);
    for k in ours.iter().filter(|k| !place.contains(k)) {
        order.push(k);
        emit(&mut after, Some(k), &mut order);
    }
    finish(order.into_iter(), kept, &kept_set, moved_by_both)
}

/// Pushes the elements placed after `start`, each followed by those placed after it.
fn emit<'a, K: Eq + Hash>(
    after: &mut HashMap<Option<&'a K>, Vec<&'a K>>,
    start: Option<&'a K>,
    order: &mut Vec<&'a K>,
) {
    let mut stack: Vec<&K> = after.remove(&start).unwrap_or_default();
    stack.reverse();
    while let Some(k) = stack.pop() {
        order.push(k);
        if let Some(mut next) = after.remove(&Some(k)) {
            next.reverse();
            stack.extend(next);
        }
    }
}

/// `order` restricted to `kept`, each once, then anything kept it missed (in `kept`'s order).
fn finish<'a, K: Clone + Eq + Hash + 'a>(
    order: impl Iterator<Item = &'a K>,
    kept: &[K],
    kept_set: &HashSet<&K>,
    moved_by_both: Vec<K>,
) -> Ordered<K> {
    let mut seen: HashSet<&K> = HashSet::with_capacity(kept.len());
    let mut out: Vec<K> = Vec::with_capacity(kept.len());
    for k in order {
        if kept_set.contains(k) && seen.insert(k) {
            out.push(k.clone());
        }
    }
    if out.len() < kept.len() {
        out.extend(kept.iter().filter(|k| !seen.contains(k)).cloned());
    }
    Ordered {
        order: out,
        moved_by_both,
    }
}

/// A set three ways, in ours' order: what theirs removed goes, what theirs added comes at the end
/// in theirs' order.
pub fn merge_sets<K: Clone + Eq + Hash>(base: &[K], ours: &[K], theirs: &[K]) -> Vec<K> {
    let b: HashSet<&K> = base.iter().collect();
    let t: HashSet<&K> = theirs.iter().collect();
    let o: HashSet<&K> = ours.iter().collect();
    let mut out: Vec<K> = ours
        .iter()
        .filter(|k| !b.contains(k) || t.contains(k))
        .cloned()
        .collect();
    out.extend(
        theirs
            .iter()
            .filter(|k| !b.contains(k) && !o.contains(k))
            .cloned(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(base: &str, ours: &str, theirs: &str) -> (String, String) {
        let v = |s: &str| s.chars().collect::<Vec<char>>();
        let (b, o, t) = (v(base), v(ours), v(theirs));
        let mut kept: Vec<char> = o.clone();
        kept.extend(t.iter().filter(|c| !o.contains(c) && !b.contains(c)));
        let r = merge_order(&b, &o, &t, &kept);
        (
            r.order.into_iter().collect(),
            r.moved_by_both.into_iter().collect(),
        )
    }

    #[test]
    fn moves_far_apart_are_both_kept() {
        // ours moves a to the end, theirs moves h to the front.
        assert_eq!(m("abcdefgh", "bcdefgha", "habcdefg").0, "hbcdefga");
        // ours moves b after e, theirs moves g before d.
        assert_eq!(m("abcdefgh", "acdebfgh", "abcgdefh").0, "acgdebfh");
    }

    #[test]
    fn an_addition_goes_after_its_neighbour_in_theirs() {
        assert_eq!(m("abcd", "abcd", "abxcd").0, "abxcd");
        assert_eq!(m("abcd", "dabc", "xyabcd").0, "xydabc");
        // Both add after d: theirs goes right after the element it follows in theirs.
        assert_eq!(m("abcd", "abcdo", "abcdt").0, "abcdto");
    }

    #[test]
    fn the_same_item_moved_to_two_places_is_a_conflict_kept_where_ours_put_it() {
        let (order, both) = m("abcdef", "bcdefa", "bcadef");
        assert_eq!((order.as_str(), both.as_str()), ("bcdefa", "a"));
        // The same move on both sides is no conflict.
        assert_eq!(
            m("abcdef", "bcdefa", "bcdefa"),
            ("bcdefa".into(), String::new())
        );
    }

    #[test]
    fn sets_take_both_sides_additions_and_removals() {
        let v = |s: &str| s.chars().collect::<Vec<char>>();
        let got: String = merge_sets(&v("abc"), &v("abd"), &v("bce"))
            .into_iter()
            .collect();
        assert_eq!(
            got, "bde",
            "ours removed c, theirs removed a; d and e added"
        );
    }
}
