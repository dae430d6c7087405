//! Sets and maps of ids for the load's checks, as flat tables when the ids are dense (as cairn hands
//! them out: 1, 2, 3, …) and as hash tables when they are not (a hand edit with an id of 4 billion).
//!
//! At 100k items a hash set of every id no longer fits in the cache, and `validate` grew faster than
//! the board (0.2 → 1.9 → 57 ms from 1k to 100k items); a bitset of 100k ids is 12.5 KB.

use std::collections::{HashMap, HashSet};

/// A table is used when the largest id is at most this many times the count (plus a little):
/// its size then stays within a small multiple of the ids it holds.
fn dense(top: u32, len: usize) -> bool {
    (top as usize) <= len.saturating_mul(8).saturating_add(4096)
}

/// A set of `u32` ids.
pub(super) enum IdSet {
    Bits(Vec<u64>),
    Hashed(HashSet<u32>),
}

impl IdSet {
    /// The set of `ids` and, in their order, each id met again after its first time.
    pub(super) fn collect<I>(ids: I) -> (IdSet, Vec<u32>)
    where
        I: Iterator<Item = u32> + Clone,
    {
        let (len, top) = ids
            .clone()
            .fold((0usize, 0u32), |(n, top), id| (n + 1, top.max(id)));
        let mut set = if dense(top, len) {
            IdSet::Bits(vec![0; top as usize / 64 + 1])
        } else {
            IdSet::Hashed(HashSet::with_capacity(len))
        };
        let mut twice = Vec::new();
        for id in ids {
            if !set.insert(id) {
                twice.push(id);
            }
        }
        (set, twice)
    }

    /// Adds `id`; false when it was there already.
    fn insert(&mut self, id: u32) -> bool {
        match self {
            IdSet::Bits(words) => {
                let (w, bit) = (id as usize / 64, 1u64 << (id % 64));
                let new = words[w] & bit == 0;
                words[w] |= bit;
                new
            }
            IdSet::Hashed(set) => set.insert(id),
        }
    }

    pub(super) fn contains(&self, id: u32) -> bool {
        match self {
            IdSet::Bits(words) => words
                .get(id as usize / 64)
                .is_some_and(|w| w & (1u64 << (id % 64)) != 0),
            IdSet::Hashed(set) => set.contains(&id),
        }
    }
}

/// A map from `u32` ids to small values; for an id given twice the last value is kept.
pub(super) struct IdMap<V> {
    inner: Map<V>,
    /// How many ids it holds (an id given twice counts once).
    len: usize,
}

enum Map<V> {
    Table(Vec<Option<V>>),
    Hashed(HashMap<u32, V>),
}

impl<V: Copy> IdMap<V> {
    pub(super) fn collect<I>(entries: I) -> IdMap<V>
    where
        I: Iterator<Item = (u32, V)> + Clone,
    {
        let (len, top) = entries
            .clone()
            .fold((0usize, 0u32), |(n, top), (id, _)| (n + 1, top.max(id)));
        if dense(top, len) {
            let mut table = vec![None; top as usize + 1];
            let mut distinct = 0;
            for (id, v) in entries {
                distinct += usize::from(table[id as usize].replace(v).is_none());
            }
            IdMap {
                inner: Map::Table(table),
                len: distinct,
            }
        } else {
            let map: HashMap<u32, V> = entries.collect();
            IdMap {
                len: map.len(),
                inner: Map::Hashed(map),
            }
        }
    }

    pub(super) fn get(&self, id: u32) -> Option<V> {
        match &self.inner {
            Map::Table(t) => t.get(id as usize).copied().flatten(),
            Map::Hashed(m) => m.get(&id).copied(),
        }
    }

    /// How many ids it holds (counting an id given twice once).
    pub(super) fn len(&self) -> usize {
        self.len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_and_sparse_ids_give_the_same_answers() {
        for ids in [
            vec![1u32, 2, 3, 2, 7, 1],
            vec![1, 4_000_000_000, 5, 4_000_000_000, u32::MAX],
            vec![],
            vec![0, 63, 64, 65, 64],
        ] {
            let (set, twice) = IdSet::collect(ids.iter().copied());
            let reference: HashSet<u32> = ids.iter().copied().collect();
            let mut seen = HashSet::new();
            let expected: Vec<u32> = ids.iter().copied().filter(|i| !seen.insert(*i)).collect();
            assert_eq!(twice, expected, "{ids:?}");
            for probe in ids.iter().copied().chain([0, 6, 64, 100_000, u32::MAX - 1]) {
                assert_eq!(set.contains(probe), reference.contains(&probe), "{probe}");
            }
            let map = IdMap::collect(ids.iter().enumerate().map(|(at, id)| (*id, at)));
            let hashed: HashMap<u32, usize> =
                ids.iter().enumerate().map(|(at, id)| (*id, at)).collect();
            assert_eq!(map.len(), hashed.len());
            for probe in ids.iter().copied().chain([6, 100_000]) {
                assert_eq!(map.get(probe), hashed.get(&probe).copied(), "{probe}");
            }
        }
        assert!(matches!(
            IdSet::collect([1, 4_000_000_000].into_iter()).0,
            IdSet::Hashed(_)
        ));
        assert!(matches!(IdSet::collect(1..100_000).0, IdSet::Bits(_)));
    }
}
