//! A read-only cairn catching up: `Ctrl-l` loads the board on disk again (still read-only), and
//! once the board can be written — the other cairn quit, the permissions were fixed — that reload
//! makes this cairn the writer. While another cairn holds the board, this one looks every few
//! seconds whether it has let go, and says so once, with the key that takes over.

use super::saver::Saver;
use crate::app::{Action, App};
use crate::store::{self, Store};
use std::path::Path;
use std::time::{Duration, Instant};

const LOOK_EVERY: Duration = Duration::from_secs(2);

/// When to look at the lock next, and whether the user was told it is free.
pub(super) struct Watch {
    next: Instant,
    told: bool,
}

impl Watch {
    pub(super) fn new() -> Watch {
        Watch {
            next: Instant::now() + LOOK_EVERY,
            told: false,
        }
    }

    /// Read-only and idle: says once when the board's writer has gone. True when it said so.
    pub(super) fn look(&mut self, app: &mut App, path: &Path) -> bool {
        if !app.run.read_only || self.told || Instant::now() < self.next {
            return false;
        }
        self.next = Instant::now() + LOOK_EVERY;
        if !store::resolve(path).is_ok_and(|p| store::writer_gone(&p)) {
            return false;
        }
        self.told = true;
        let key = app.keymap.hint(&Action::Reload);
        app.info(format!(
            "The other cairn has closed this board: {key} reloads it and makes this one the writer"
        ));
        true
    }
}

/// `Ctrl-l` while read-only: the board on disk, and the writer's place when it is free.
pub(super) fn reload(app: &mut App, saver: &mut Option<Saver>, path: &Path, watch: &mut Watch) {
    let opened = match Store::open(path, None) {
        Ok(o) => o,
        Err(e) => {
            app.error(format!("Reload failed, the board in memory is kept: {e}"));
            return;
        }
    };
    let mut store = opened.store;
    // The status bar names the board already: its file name is enough here.
    let shown = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    app.reload(opened.board);
    if store.is_read_only() {
        let why = store
            .read_only_reason()
            .unwrap_or("it cannot be written")
            .to_string();
        app.set_read_only_because(why.clone());
        app.info(format!("Reloaded {shown}; still read-only: {why}"));
        *watch = Watch::new();
        return;
    }
    let mut said = format!("Reloaded {shown}: this cairn is now the writer and saves your changes");
    let notices = store.take_notices();
    if !notices.is_empty() {
        said = format!("{said} · {}", notices.join(" · "));
    }
    let mut writer = Saver::start(store);
    writer.reloaded(app.doc.revision);
    if writer.journals() {
        app.doc.outbox = Some(Vec::new()); // its changes go to the journal from now on
    }
    *saver = Some(writer);
    app.set_writable();
    app.info(said);
}
