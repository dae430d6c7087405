//! Autosave on a worker thread: the UI hands over a clone of the board and goes on; the worker
//! serialises and writes it (≈ 460 ms at 100k items) and reports back. The UI never waits on the disk.

use crate::model::Board;
use crate::store::{Saved, Store};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Quiet time after a change before saving, so a burst of keys is one save.
pub const DEBOUNCE: Duration = Duration::from_millis(300);
/// Wait before trying again after a failed save.
pub const RETRY: Duration = Duration::from_secs(5);

enum Job {
    Save { board: Box<Board>, changes: u64 },
    Reload,
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
}

pub struct Saver {
    jobs: Option<Sender<Job>>,
    outcomes: Receiver<Outcome>,
    worker: Option<JoinHandle<()>>,
    busy: bool,
    /// When the oldest unsaved change was made (or a retry is due).
    due: Option<Instant>,
    /// The change count on disk.
    pub saved_changes: u64,
    path: PathBuf,
}

impl Saver {
    pub fn start(mut store: Store) -> Saver {
        let path = store.path().to_path_buf();
        let (jobs, job_rx) = channel::<Job>();
        let (out_tx, outcomes) = channel();
        let worker = std::thread::Builder::new()
            .name("cairn-save".into())
            .spawn(move || {
                for job in job_rx {
                    let outcome = match job {
                        Job::Save { board, changes } => Outcome::Saved {
                            changes,
                            result: store.save(&board).map_err(|e| e.to_string()),
                        },
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
            saved_changes: 0,
            path,
        }
    }

    pub fn path(&self) -> &PathBuf {
        &self.path
    }

    /// A change was made: save after the debounce.
    pub fn changed(&mut self) {
        if self.due.is_none() {
            self.due = Some(Instant::now() + DEBOUNCE);
        }
    }

    /// How long the event loop may sleep before the saver needs it.
    pub fn wait(&self) -> Option<Duration> {
        if self.busy {
            return Some(Duration::from_millis(50));
        }
        self.due
            .map(|d| d.saturating_duration_since(Instant::now()))
    }

    /// Starts a save when one is due and none is running. `board` is only cloned then.
    pub fn tick(&mut self, board: &Board, changes: u64) {
        let due = self.due.is_some_and(|d| Instant::now() >= d);
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

    /// The board on disk was loaded as revision `changes`: nothing is left to save.
    pub fn reloaded(&mut self, changes: u64) {
        self.saved_changes = changes;
        self.due = None;
    }

    /// A finished job, if any.
    pub fn poll(&mut self) -> Option<Outcome> {
        let outcome = self.outcomes.try_recv().ok()?;
        Some(self.finished(outcome))
    }

    fn finished(&mut self, outcome: Outcome) -> Outcome {
        if matches!(outcome, Outcome::Notice(_)) {
            return outcome;
        }
        self.busy = false;
        if let Outcome::Saved { changes, result } = &outcome {
            match result {
                Ok(_) => self.saved_changes = self.saved_changes.max(*changes),
                Err(_) => self.due = Some(Instant::now() + RETRY),
            }
        }
        outcome
    }

    /// Waits for a running job, then saves whatever is left; for quit and signals. Returns the last
    /// save's error, if the board could not be saved.
    pub fn flush(&mut self, board: &Board, changes: u64) -> Result<(), String> {
        let mut last = Ok(());
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if self.busy {
                match self
                    .outcomes
                    .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                {
                    Ok(o) => {
                        if let Outcome::Saved { result: Err(e), .. } = self.finished(o) {
                            last = Err(e);
                        }
                    }
                    Err(RecvTimeoutError::Timeout) => {
                        return Err("the save did not finish in 30 s".into());
                    }
                    Err(RecvTimeoutError::Disconnected) => {
                        return Err("the save thread stopped".into());
                    }
                }
                continue;
            }
            if changes > self.saved_changes && last.is_ok() {
                self.send(Job::Save {
                    board: Box::new(board.clone()),
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

impl Drop for Saver {
    fn drop(&mut self) {
        self.jobs = None; // closes the channel: the worker ends after its current job
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
    }
}
