//! When the next save of the file is due after a change.
//!
//! Without a journal the file is all there is, so a save is due a debounce after the first unsaved
//! change, however many follow. With one, each change is durable already, and the save waits for a
//! pause in the keys (`DEBOUNCE` after the last change, at most `BURST_MAX` after the first): a
//! burst of keys is one rewrite of the file, not one every debounce competing with the keys for a
//! core.

use std::time::{Duration, Instant};

/// Quiet time after a change before saving, so a burst of keys is one save.
pub const DEBOUNCE: Duration = Duration::from_millis(300);
/// With the journal, the longest a burst of changes keeps the file from being rewritten.
pub const BURST_MAX: Duration = Duration::from_secs(3);

/// The save's due time after a change at `now`; `due` is the one before, `since` when the first
/// change since the last save was made (`now` for the first).
pub fn after_change(due: Option<Instant>, since: Instant, now: Instant, journals: bool) -> Instant {
    match due {
        Some(due) if !journals || due <= now => due, // already due: a retry, a merge to save
        _ if journals => (now + DEBOUNCE).min(since + BURST_MAX),
        _ => now + DEBOUNCE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: Duration = Duration::from_millis(1);

    #[test]
    fn without_a_journal_the_first_change_sets_the_time() {
        let t = Instant::now();
        let due = after_change(None, t, t, false);
        assert_eq!(due, t + DEBOUNCE);
        // Later changes do not push it: the file is the only copy.
        assert_eq!(after_change(Some(due), t, t + 200 * MS, false), due);
    }

    #[test]
    fn with_a_journal_a_burst_is_saved_after_its_last_key() {
        let t = Instant::now();
        let mut due = after_change(None, t, t, true);
        assert_eq!(due, t + DEBOUNCE);
        // A key every 40 ms for a second: the save keeps waiting for the pause.
        let mut now = t;
        for _ in 0..25 {
            now += 40 * MS;
            due = after_change(Some(due), t, now, true);
            assert_eq!(due, now + DEBOUNCE);
        }
    }

    #[test]
    fn a_long_burst_is_still_saved_every_burst_max() {
        let t = Instant::now();
        let mut due = after_change(None, t, t, true);
        let mut now = t;
        while now < t + 2 * BURST_MAX {
            now += 40 * MS;
            due = after_change(Some(due), t, now, true);
            assert!(due <= t + BURST_MAX, "{:?} past the cap", due - t);
        }
    }

    #[test]
    fn a_save_already_due_is_not_put_off() {
        let t = Instant::now();
        // A merged board to save at once, or a retry whose time has come.
        assert_eq!(after_change(Some(t), t, t + 10 * MS, true), t);
    }
}
