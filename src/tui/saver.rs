//! Autosave on a worker thread: the UI hands over a clone of the board and goes on; the worker
//! serialises what changed (the store's text cache: ≈ 75 ms of CPU at 100k items after one change)
//! and writes it, and reports back. The UI never waits on the disk. Each change is durable well
//! before that, in the edit journal (`journaler`), which is what the status bar's saved waits for.

use super::journaler::Journaler;
use crate::app::Logged;
use crate::model::Board;
use crate::store::{Outside, Saved, SharedJournal, Store, lock_journal};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::debounce::DEBOUNCE;
/// Wait before trying again after a failed save.
pub const RETRY: Duration = Duration::from_secs(5);

enum Job {
    Save {
        board: Box<Board>,
        changes: u64,
    },
    Reload,
    /// Look whether someone changed the file, and merge it with this board (revision `changes`).
    Look {
        ours: Box<Board>,
        changes: u64,
    },
    /// The file is not ours to replace any more: saves go to a conflict copy.
    Diverge,
}

/// What the worker reports.
pub enum Outcome {
    Saved {
        changes: u64,
        result: Result<Saved, String>,
    },
    Reloaded(Result<Box<Board>, String>),
    /// Something the store says once (a backup that could not be made).
    Notice(String),
    /// A look at the file (or a save that found it changed): `ours` is the board at revision
    /// `changes` it was merged with, `said` what a merge took in.
    Looked {
        changes: u64,
        ours: Box<Board>,
        outside: Outside,
        said: String,
    },
    /// Why the save that follows goes to a conflict copy: the outside change did not merge.
    Refused(String),
}

pub struct Saver {
    jobs: Option<Sender<Job>>,
    outcomes: Receiver<Outcome>,
    worker: Option<JoinHandle<()>>,
    busy: bool,
    /// When the next save is due (or a retry).
    due: Option<Instant>,
    /// When the first change since the last save was made (with a journal: see `changed`).
    burst_since: Option<Instant>,
    /// The change count on disk.
    pub saved_changes: u64,
    /// Why the outside change did not merge, for the conflict copy's message.
    pub refused: Option<String>,
    path: PathBuf,
    /// The edit journal's writer: a change is durable once it reports it.
    journaler: Option<Journaler>,
    journal: Option<SharedJournal>,
    /// The oldest change the journal does not hold (a whole merged board) and no save has covered.
    gap: Option<u64>,
    /// This turn of the event loop handled input (`typing`).
    typing: bool,
}

impl Saver {
    pub fn start(mut store: Store) -> Saver {
        let path = store.path().to_path_buf();
        let journal = store.journal();
        let (jobs, job_rx) = channel::<Job>();
        let (out_tx, outcomes) = channel();
        let worker = std::thread::Builder::new()
            .name("cairn-save".into())
            .spawn(move || {
                background_priority();
                for job in job_rx {
                    let outcome = match job {
                        Job::Save { board, changes } => match save(&mut store, board, changes) {
                            Ok(outcome) => outcome,
                            Err((why, board)) => {
                                let _ = out_tx.send(Outcome::Refused(why));
                                Outcome::Saved {
                                    changes,
                                    result: store.save(&board).map_err(|e| e.to_string()),
                                }
                            }
                        },
                        Job::Look { ours, changes } => look(&mut store, ours, changes),
                        Job::Diverge => {
                            store.diverge();
                            continue;
                        }
                        Job::Reload => Outcome::Reloaded(
                            store.reload().map(Box::new).map_err(|e| e.to_string()),
                        ),
                    };
                    if out_tx.send(outcome).is_err() {
                        break;
                    }
                    for notice in store.take_notices() {
                        let _ = out_tx.send(Outcome::Notice(notice));
                    }
                }
            })
            .ok();
        Saver {
            jobs: Some(jobs),
            outcomes,
            worker,
            busy: false,
            due: None,
            burst_since: None,
            saved_changes: 0,
            refused: None,
            path,
            journaler: journal.clone().map(Journaler::start),
            journal,
            gap: None,
            typing: false,
        }
    }

    /// True when changes go to the edit journal.
    pub fn journals(&self) -> bool {
        self.journaler.is_some()
    }

    /// Hands the changes just made to the journal.
    pub fn journal(&mut self, logged: Vec<Logged>) {
        let mut batch = Vec::with_capacity(logged.len());
        for l in logged {
            match l {
                Logged::Change { rev, edit, undo } => batch.push((rev, edit, undo)),
                Logged::Whole { rev } => {
                    self.gap.get_or_insert(rev);
                    self.save_soon();
                }
            }
        }
        if let Some(j) = self.journaler.as_mut() {
            j.send(batch);
        }
    }

    /// The newest revision that is on disk: in the board file, or in the journal up to the first
    /// change it could not hold.
    pub fn durable(&self) -> u64 {
        let journaled = match &self.journaler {
            Some(j) if !j.failed => j.durable,
            _ => 0,
        };
        let journaled = match self.gap {
            Some(g) => journaled.min(g - 1),
            None => journaled,
        };
        self.saved_changes.max(journaled)
    }

    pub fn path(&self) -> &PathBuf {
        &self.path
    }

    /// A change was made: the save is due after the debounce (`debounce::after_change`).
    pub fn changed(&mut self) {
        let now = Instant::now();
        let since = *self.burst_since.get_or_insert(now);
        let journals = self.journals();
        self.due = Some(super::debounce::after_change(
            self.due, since, now, journals,
        ));
    }

    /// How long the event loop may sleep before the saver needs it.
    pub fn wait(&self) -> Option<Duration> {
        if self.journaler.as_ref().is_some_and(Journaler::busy) {
            return Some(Duration::from_millis(1)); // to say saved as soon as it is
        }
        if self.busy {
            return Some(Duration::from_millis(50));
        }
        self.due
            .map(|d| d.saturating_duration_since(Instant::now()))
    }

    /// Input was handled in this turn of the event loop: a save that falls due now waits for the
    /// next turn, after the key's frame is on screen (its copy of the board costs ≈ 4 ms at 100k).
    pub fn typing(&mut self) {
        self.typing = true;
    }

    /// Starts a save when one is due and none is running. `board` is only cloned then.
    pub fn tick(&mut self, board: &Board, changes: u64) {
        let now = Instant::now();
        // Not in a key's turn, unless keys have kept it waiting a whole debounce.
        let typing =
            std::mem::take(&mut self.typing) && self.due.is_some_and(|d| now < d + DEBOUNCE);
        let due = !typing && self.due.is_some_and(|d| now >= d);
        if due && !self.busy && changes > self.saved_changes {
            self.send(Job::Save {
                board: Box::new(board.clone()),
                changes,
            });
        } else if due && changes <= self.saved_changes {
            self.due = None;
        }
    }

    fn send(&mut self, job: Job) {
        if matches!(job, Job::Save { .. }) {
            self.burst_since = None;
        }
        if let Some(tx) = &self.jobs
            && tx.send(job).is_ok()
        {
            self.busy = true;
            self.due = None;
        }
    }

    pub fn reload(&mut self) {
        self.send(Job::Reload);
    }

    /// Asks whether the file changed outside (the watcher saw it). False when busy: ask again later.
    pub fn look(&mut self, ours: &Board, changes: u64) -> bool {
        if self.busy {
            return false;
        }
        let due = self.due;
        self.send(Job::Look {
            ours: Box::new(ours.clone()),
            changes,
        });
        self.due = due; // a save that was due stays due
        self.busy
    }

    /// The open board moved past a merge that could not be redone: keep theirs, save ours aside.
    pub fn diverge(&mut self) {
        if let Some(tx) = &self.jobs {
            let _ = tx.send(Job::Diverge);
        }
    }

    /// Saves as soon as the worker is free (a merged board goes to disk without the debounce).
    pub fn save_soon(&mut self) {
        self.due = Some(Instant::now());
    }

    /// The board on disk was loaded as revision `changes`: nothing is left to save.
    pub fn reloaded(&mut self, changes: u64) {
        self.saved_changes = changes;
        self.due = None;
    }

    /// A finished job, if any.
    pub fn poll(&mut self) -> Option<Outcome> {
        if let Some(why) = self.journaler.as_mut().and_then(Journaler::poll) {
            return Some(Outcome::Notice(why));
        }
        let outcome = self.outcomes.try_recv().ok()?;
        Some(self.finished(outcome))
    }

    fn finished(&mut self, outcome: Outcome) -> Outcome {
        if matches!(outcome, Outcome::Notice(_) | Outcome::Refused(_)) {
            return outcome;
        }
        self.busy = false;
        if let Outcome::Saved { changes, result } = &outcome {
            match result {
                Ok(_) => {
                    self.saved_changes = self.saved_changes.max(*changes);
                    if self.gap.is_some_and(|g| g <= self.saved_changes) {
                        self.gap = None;
                    }
                }
                Err(_) => self.due = Some(Instant::now() + RETRY),
            }
        }
        outcome
    }

    /// Waits for a running job, then saves whatever is left; for quit and signals. Returns the last
    /// save's error, if the board could not be saved.
    pub fn flush(&mut self, board: &Board, changes: u64) -> Result<(), String> {
        // The journal takes what it was given before the board is saved over it.
        if let Some(j) = self.journaler.as_mut() {
            j.finish();
        }
        let last = self.flush_board(board, changes);
        if last.is_ok()
            && self.saved_changes >= changes
            && let Some(j) = &self.journal
        {
            // Everything is in the board file: the journal goes (a journal that cannot be
            // removed is replayed at the next start and found already there).
            let _ = lock_journal(j).remove();
        }
        last
    }

    fn flush_board(&mut self, board: &Board, changes: u64) -> Result<(), String> {
        let mut last = Ok(());
        // What goes to disk: the board, or the board merged with a change on disk found on the way.
        let mut board = std::borrow::Cow::Borrowed(board);
        let mut merged_in = false;
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if self.busy {
                match self
                    .outcomes
                    .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                {
                    Ok(o) => match self.finished(o) {
                        Outcome::Saved { result: Err(e), .. } => last = Err(e),
                        Outcome::Looked {
                            outside: Outside::Merged { merged, .. },
                            ours,
                            changes: at,
                            ..
                        } => {
                            if at == changes {
                                board = std::borrow::Cow::Owned(merged.board);
                            } else {
                                let again =
                                    crate::model::merge::merge(&ours, &board, &merged.board);
                                if again.problems.is_empty() {
                                    board = std::borrow::Cow::Owned(again.board);
                                } else {
                                    self.diverge(); // ours goes to a conflict copy
                                }
                            }
                            merged_in = true; // the merged board is still to be saved
                        }
                        _ => {}
                    },
                    Err(RecvTimeoutError::Timeout) => {
                        return Err("the save did not finish in 30 s".into());
                    }
                    Err(RecvTimeoutError::Disconnected) => {
                        return Err("the save thread stopped".into());
                    }
                }
                continue;
            }
            if (changes > self.saved_changes || merged_in) && last.is_ok() {
                merged_in = false;
                self.send(Job::Save {
                    board: Box::new(board.as_ref().clone()),
                    changes,
                });
                if !self.busy {
                    return Err("the save thread stopped".into());
                }
                continue;
            }
            return last;
        }
    }
}

/// A save that first looks whether the file was changed outside: then the merge goes back to the UI
/// (nothing is written; the merged board is saved next), or, when it does not merge, why (the
/// caller saves ours to a conflict copy).
fn save(
    store: &mut Store,
    board: Box<Board>,
    changes: u64,
) -> Result<Outcome, (String, Box<Board>)> {
    store.set_revision(changes);
    // Serialised first: an outside write while it runs (tens of ms on a big board) is then seen
    // by the look just before the write, not taken for ours.
    let text = match store.serialise(&board) {
        Ok(t) => t,
        Err(e) => {
            return Ok(Outcome::Saved {
                changes,
                result: Err(e.to_string()),
            });
        }
    };
    let mut ours = board;
    // Someone else's write is merged first (the merge goes back to the UI, which saves it); one that
    // lands while ours is written is looked at again. Twice in a row, and ours goes aside.
    for _ in 0..3 {
        match store.save_unless_changed(&ours, &text) {
            Ok(Some(saved)) => {
                return Ok(Outcome::Saved {
                    changes,
                    result: Ok(saved),
                });
            }
            Err(e) => {
                return Ok(Outcome::Saved {
                    changes,
                    result: Err(e.to_string()),
                });
            }
            Ok(None) => {}
        }
        match look(store, ours, changes) {
            Outcome::Looked {
                outside: Outside::Refused(why),
                ours,
                ..
            } => return Err((why, ours)),
            Outcome::Looked {
                outside: Outside::Unchanged,
                ours: same,
                ..
            } => ours = same,
            merged => return Ok(merged),
        }
    }
    Ok(Outcome::Saved {
        changes,
        result: store
            .save_board_text(&ours, &text)
            .map_err(|e| e.to_string()),
    })
}

fn look(store: &mut Store, ours: Box<Board>, changes: u64) -> Outcome {
    let outside = store.look_outside(&ours);
    let said = match &outside {
        Outside::Merged {
            merged,
            base,
            theirs,
        } => crate::app::outside::merge_message(merged, base, theirs),
        _ => String::new(),
    };
    Outcome::Looked {
        changes,
        ours,
        outside,
        said,
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        self.jobs = None; // closes the channel: the worker ends after its current job
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
    }
}

/// The rewrite of the board file runs at a lower CPU priority than the keys: at 100k items it
/// serialises for half a second, and on two cores beside the terminal it took the main thread's
/// core now and then (a key of 2 ms took 8). The journal, which makes a change durable, keeps
/// the normal priority.
fn background_priority() {
    // Linux sets a thread's nice value by its thread id; a failure changes nothing.
    let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 10);
}

#[cfg(test)]
#[path = "saver_tests.rs"]
mod tests;
