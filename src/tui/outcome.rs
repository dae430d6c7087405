//! What the saver thread reports, folded into the app: a save, a reload, and an outside change
//! merged into the open board (or why it could not be).

use super::saver::{Outcome, Saver};
use crate::app::{Action, App, SaveState};
use crate::model::Board;
use crate::model::merge::merge;
use crate::store::{Outside, Saved};

/// Folds a finished save or reload into the app's state and messages.
pub(super) fn saved(app: &mut App, outcome: Outcome, saver: &mut Saver) {
    let path = saver.path().clone();
    match outcome {
        Outcome::Saved {
            changes,
            result: Ok(Saved::Written),
        } => {
            // Said whether or not the failure's message is still on show (messages expire).
            let was_failing = matches!(app.run.save, SaveState::Failed(_));
            if changes >= app.doc.revision {
                app.run.save = SaveState::Saved;
            }
            if was_failing {
                app.info("Saved again");
            }
        }
        Outcome::Saved {
            result: Ok(Saved::Conflict { ours }),
            ..
        } => {
            app.run.save = SaveState::Conflict(ours.display().to_string());
            let why = saver
                .refused
                .take()
                .map_or_else(String::new, |w| format!(" and could not be merged ({w})"));
            app.error(format!(
                "{} was changed outside cairn{why}: it was left as is and your board went to {} ({} loads theirs)",
                path.display(),
                ours.display(),
                app.keymap.hint(&Action::Reload)
            ));
        }
        Outcome::Saved { result: Err(e), .. } => {
            app.run.save = SaveState::Failed(e.clone());
            // The status bar names the board already: the OS error comes first, not its path.
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let e = e.replace(&path.display().to_string(), &name);
            app.error(format!("Save failed (changes kept, retrying in 5 s): {e}"));
        }
        Outcome::Reloaded(Ok(board)) => {
            app.reload(*board);
            // The board in memory is now the one on disk: its revision is the saved one.
            saver.reloaded(app.doc.revision);
            app.info(format!(
                "Reloaded {} from disk (undo history cleared)",
                path.display()
            ));
        }
        Outcome::Notice(text) => app.error(text),
        Outcome::Refused(why) => saver.refused = Some(why),
        Outcome::Looked {
            changes,
            ours,
            outside,
            said,
        } => looked(app, saver, changes, *ours, outside, said),
        Outcome::Reloaded(Err(e)) => {
            app.error(format!("Reload failed, the board in memory is kept: {e}"))
        }
    }
}

/// A look at the file: a merge becomes one undoable step and is saved at once; a change that does
/// not merge is said, and the next save of ours goes to a conflict copy.
fn looked(
    app: &mut App,
    saver: &mut Saver,
    changes: u64,
    ours: Board,
    outside: Outside,
    said: String,
) {
    let name = saver
        .path()
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    match outside {
        Outside::Unchanged => {}
        Outside::Refused(why) => {
            let unsaved = app.doc.revision > saver.saved_changes;
            let then = if unsaved {
                "your changes go to a conflict copy"
            } else {
                "your next change goes to a conflict copy"
            };
            app.error(format!(
                "{name} changed on disk and could not be merged ({why}): it was left as is, {then} ({} loads theirs)",
                app.keymap.hint(&Action::Reload)
            ));
            saver.refused = Some(why); // for the conflict copy's message
            if unsaved {
                saver.save_soon();
            }
        }
        Outside::Merged { merged, .. } => {
            // The user went on while the merge ran: merge that on top (ours then is the base).
            let board = if changes == app.doc.revision {
                merged.board
            } else {
                let again = merge(&ours, &app.doc.board, &merged.board);
                if let Some(p) = again.problems.first() {
                    saver.diverge();
                    app.error(format!(
                        "{name} changed on disk and could not be merged ({p}): your changes go to a conflict copy"
                    ));
                    saver.save_soon();
                    return;
                }
                again.board
            };
            if board != app.doc.board && app.merged_from_disk(board, said) {
                app.run.save = SaveState::Unsaved;
            }
            if app.doc.revision > saver.saved_changes {
                saver.save_soon();
            }
        }
    }
}
