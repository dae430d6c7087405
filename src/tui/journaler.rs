//! The journal's writer thread: the UI hands over each change as it is made and goes on; the thread
//! appends it to the edit journal (`store::journal`), syncs it (`fdatasync`, about a millisecond)
//! and reports the revision that is now durable, which is when the status bar says saved.

use crate::model::Edit;
use crate::store::{SharedJournal, lock_journal};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

type Batch = Vec<(u64, Edit, Edit)>;

/// What the thread reports for each batch it took.
enum Done {
    /// Durable up to this revision.
    Durable(u64),
    /// The journal is stopped: nothing was written.
    Off,
    Failed(String),
}

pub struct Journaler {
    jobs: Option<Sender<Batch>>,
    done: Receiver<(usize, Done)>,
    worker: Option<JoinHandle<()>>,
    /// Batches handed over and not yet reported.
    pending: usize,
    /// The newest revision the journal holds on disk.
    pub durable: u64,
    /// The journal failed (a full disk): it takes no more, and saves go to the file only.
    pub failed: bool,
}

impl Journaler {
    pub fn start(journal: SharedJournal) -> Journaler {
        let (jobs, rx) = channel::<Batch>();
        let (tx, done) = channel();
        let worker = std::thread::Builder::new()
            .name("cairn-journal".into())
            .spawn(move || {
                while let Ok(first) = rx.recv() {
                    // Everything waiting goes in one write and one sync.
                    let mut batch = first;
                    let mut taken = 1;
                    while let Ok(more) = rx.try_recv() {
                        batch.extend(more);
                        taken += 1;
                    }
                    let newest = batch.iter().map(|(rev, ..)| *rev).max().unwrap_or(0);
                    let mut j = lock_journal(&journal);
                    let done = match j.append(batch) {
                        Ok(true) => Done::Durable(newest),
                        Ok(false) => Done::Off,
                        Err(e) => {
                            // What it holds stays (a prefix of the changes, each whole); it
                            // takes no more until the board is saved, which removes it.
                            j.fail();
                            Done::Failed(format!(
                                "{} cannot be written ({e}): changes are saved with the board file only",
                                j.path().display()
                            ))
                        }
                    };
                    drop(j);
                    if tx.send((taken, done)).is_err() {
                        break;
                    }
                }
            })
            .ok();
        Journaler {
            jobs: Some(jobs),
            done,
            worker,
            pending: 0,
            durable: 0,
            failed: false,
        }
    }

    /// Hands changes to the thread.
    pub fn send(&mut self, batch: Batch) {
        if batch.is_empty() || self.failed {
            return;
        }
        if let Some(tx) = &self.jobs
            && tx.send(batch).is_ok()
        {
            self.pending += 1;
        }
    }

    /// True while changes are on their way to the disk.
    pub fn busy(&self) -> bool {
        self.pending > 0
    }

    /// Takes what the thread reported; a failure's message, once.
    pub fn poll(&mut self) -> Option<String> {
        let mut said = None;
        while let Ok((taken, done)) = self.done.try_recv() {
            self.pending = self.pending.saturating_sub(taken);
            match done {
                Done::Durable(rev) => self.durable = self.durable.max(rev),
                Done::Off => {}
                Done::Failed(why) => {
                    self.failed = true;
                    said = Some(why);
                }
            }
        }
        said
    }

    /// Lets the thread write what it was given, and ends it.
    pub fn finish(&mut self) {
        self.jobs = None;
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
        self.poll();
    }
}

impl Drop for Journaler {
    fn drop(&mut self) {
        self.finish();
    }
}
