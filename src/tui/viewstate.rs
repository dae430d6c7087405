//! Keeping each list's view for the next start of this board: the state file is read once after the
//! board (a missing file is a first start, a broken one is said once in the log and ignored), and
//! written by a thread of its own, the newest state only, so a slow disk never holds up a key.

use crate::app::App;
use crate::store::viewstate::{self, ViewState};
use std::path::Path;
use std::sync::mpsc::{Sender, channel};
use std::thread::JoinHandle;

/// The writer of one board's state file; dropping it writes what is pending and waits for it.
pub struct Keeper {
    to_writer: Option<Sender<ViewState>>,
    writer: Option<JoinHandle<()>>,
}

impl Keeper {
    /// Restores the board's last views into `app` and starts the writer (none without a data dir).
    pub fn open(board: &Path, app: &mut App) -> Keeper {
        let Some(path) = viewstate::state_dir().map(|d| viewstate::state_file(&d, board)) else {
            return Keeper::none();
        };
        let state = match viewstate::load(&path) {
            Ok(state) => state,
            Err(why) => {
                // Said in the log, not over what the start-up said on the status line.
                let shown = app.run.status.take();
                app.info(format!(
                    "The last views of this board were not restored: {why}"
                ));
                if shown.is_some() {
                    app.run.status = shown;
                }
                None
            }
        };
        app.restore_views(state);
        let (to_writer, from_app) = channel::<ViewState>();
        let writer = std::thread::Builder::new()
            .name("cairn-views".into())
            .spawn(move || {
                while let Ok(mut state) = from_app.recv() {
                    while let Ok(newer) = from_app.try_recv() {
                        state = newer;
                    }
                    write(&path, &state);
                }
            })
            .ok();
        Keeper {
            to_writer: writer.is_some().then_some(to_writer),
            writer,
        }
    }

    fn none() -> Keeper {
        Keeper {
            to_writer: None,
            writer: None,
        }
    }

    /// Asks for `state` to be written (the writer skips states a newer one replaced).
    pub fn keep(&self, state: ViewState) {
        if let Some(tx) = &self.to_writer {
            let _ = tx.send(state);
        }
    }
}

/// A failed write loses only where the lists were: nothing to tell in the middle of work.
fn write(path: &Path, state: &ViewState) {
    let _ = viewstate::save(path, state);
}

impl Drop for Keeper {
    fn drop(&mut self) {
        self.to_writer = None;
        if let Some(w) = self.writer.take() {
            let _ = w.join();
        }
    }
}
