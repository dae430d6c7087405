//! The runner: the only place with terminal and file I/O for the TUI. It reads events, asks the keymap
//! for an action, calls `App::update`, carries out the effects (save, $EDITOR, reload, quit) and draws
//! when something changed.

mod debounce;
mod editor;
mod events;
mod first_run;
mod journaler;
mod keytimes;
mod outcome;
mod saver;
mod signals;
mod takeover;
mod terminal;
mod test_hook;
mod viewstate;
mod watch;

use crate::app::{Action, App, Effect, SaveState};
use crate::input::{self, config};
use crate::io::Failure;
use crate::store::{Store, sample_board};
use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use saver::Saver;
use signals::Signals;

pub use keytimes::note_start;
use std::io;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::time::Duration;

/// How often the loop wakes with nothing to do: to notice signals and a new day.
const IDLE: Duration = Duration::from_millis(250);

/// Opens the board in the TUI. A board that does not load is reported before the screen is touched.
pub fn run(path: &Path) -> Result<(), Failure> {
    let today = crate::today();
    let sample = sample_board(today);
    let first = match first_run::start(path)? {
        first_run::Start::Empty(board) => Some(*board),
        first_run::Start::Sample => None,
        first_run::Start::Quit => {
            first_run::nothing_created();
            return Ok(());
        }
    };
    let empty = first.is_some();
    let mut opened = Store::open(path, Some(first.as_ref().unwrap_or(&sample)))?;
    let mut app = App::new(opened.board, path.display().to_string(), today);
    app.run.sample = first_run::sample_name(&app.doc.board, &sample, empty);
    let mut notes: Vec<String> = Vec::new();
    if opened.created {
        notes.push(first_run::welcome(&app, path, empty));
    }
    if !opened.cleaned.is_empty() {
        notes.push(format!(
            "Removed {} left by an interrupted save",
            crate::model::words::count(opened.cleaned.len(), "temp file")
        ));
    }
    let mut warnings = opened.store.take_notices();
    warnings.extend(configure(&mut app));
    let read_only = opened.store.is_read_only();
    if read_only {
        app.set_read_only_because(opened.store.read_only_reason().unwrap_or_default());
        if let Some(why) = opened.store.read_only_reason() {
            warnings.insert(0, format!("Read-only: {why}"));
        }
    }
    if !warnings.is_empty() {
        app.error(warnings.join(" · "));
    } else if !notes.is_empty() {
        app.info(notes.join(" · "));
    }
    let mut saver = (!read_only).then(|| Saver::start(opened.store));
    if let Some(s) = saver.as_mut() {
        if s.journals() {
            app.doc.outbox = Some(Vec::new()); // every change goes to the journal as it is made
        }
        if opened.unsaved {
            app.doc.revision = 1; // changes recovered from a journal are still to be saved
            s.changed();
        }
    }

    let signals = Signals::register();
    terminal::install_panic_hook();
    let mut term = terminal::enter(app.mouse)
        .map_err(|e| Failure::data(format!("cannot start the terminal UI: {e}")))?;
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(&mut term, &mut app, &mut saver, path, &signals)
    }));
    terminal::leave();

    let saved = match saver.as_mut() {
        Some(s) => s.flush(&app.doc.board, app.doc.revision),
        None => Ok(()),
    };
    match result {
        Ok(Ok(())) if saved.is_ok() => Ok(()),
        Ok(Ok(())) => Err(recover(
            path,
            &app,
            &format!("the last save failed: {}", saved.err().unwrap_or_default()),
        )),
        Ok(Err(e)) => Err(recover(path, &app, &format!("the terminal failed: {e}"))),
        Err(_) => Err(recover(
            path,
            &app,
            "cairn hit a bug and stopped (the message is above)",
        )),
    }
}

/// Theme, colour, mouse and keys from the config file; returns what was wrong with it, if anything.
fn configure(app: &mut App) -> Option<String> {
    let (cfg, problem) = match config::config_path() {
        Some(p) => config::load_config(&p),
        None => (config::Config::default(), None),
    };
    app.theme = cfg.theme;
    app.mouse = cfg.mouse;
    app.me = (!cfg.me.trim().is_empty()).then(|| cfg.me.trim().to_string());
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut problems: Vec<String> = problem.into_iter().collect();
    problems.extend(app.keymap.rebind(&cfg.keys));
    (!problems.is_empty()).then(|| problems.join(" · "))
}

/// Writes the board to a recovery file when it could not be saved normally (beside the board, else
/// in the data directory or `$TMPDIR`), and says where.
fn recover(path: &Path, app: &App, why: &str) -> Failure {
    if app.doc.revision == 0 || app.run.read_only {
        return Failure::data(format!("{}: {why}; no changes were lost", path.display()));
    }
    match crate::store::write_recovery(path, &app.doc.board) {
        Ok(recovery) => Failure::data(format!(
            "{}: {why}; your board with every change is in {}",
            path.display(),
            recovery.display()
        )),
        Err(e) => Failure::data(format!(
            "{}: {why}; writing a recovery file also failed: {e}",
            path.display()
        )),
    }
}

/// Leaves the terminal as the shell had it, stops until `fg` (SIGCONT), then takes the terminal
/// back: raw mode, the alternate screen, mouse capture and a full redraw.
fn suspend(term: &mut terminal::Term, events: &events::Events, mouse: bool) -> io::Result<()> {
    away(term, events, mouse, || {
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
    })
}

/// Gives the terminal back to the shell while `f` runs (`$EDITOR`, a stop), then takes it again:
/// the one place that leaves and re-enters full-screen mode around something else.
fn away<T>(
    term: &mut terminal::Term,
    events: &events::Events,
    mouse: bool,
    f: impl FnOnce() -> T,
) -> io::Result<T> {
    events.pause();
    terminal::leave();
    let out = f();
    *term = terminal::enter(mouse)?;
    events.resume();
    Ok(out)
}

fn event_loop(
    term: &mut terminal::Term,
    app: &mut App,
    saver: &mut Option<Saver>,
    path: &Path,
    signals: &Signals,
) -> io::Result<()> {
    let events = events::Events::start();
    let mut watch = takeover::Watch::new();
    let mut dirty = true;
    let hook = test_hook::requested();
    let views = viewstate::Keeper::open(path, app);
    let run_started = std::time::Instant::now();
    // The file changed from outside: merged in (a writer) or taken (a read-only run).
    let file = crate::store::resolve(path).unwrap_or_else(|_| path.to_path_buf());
    let mut outside = watch::Watch::start(&file);
    let mut follow = app.run.read_only.then(|| watch::Follow::new(&file));
    // Asked once the first frame is on screen: the git processes would compete with it for a core.
    let mut git_hint: Option<std::sync::mpsc::Receiver<String>> = None;
    let mut hint: Option<String> = None;
    let mut times = keytimes::KeyTimes::from_env();
    loop {
        // First, so a closed terminal (SIGHUP) is not drawn to.
        if signals.stop.load(Ordering::Relaxed) {
            return Ok(()); // SIGTERM, SIGHUP, SIGINT…: the caller saves and restores
        }
        if signals.suspend.swap(false, Ordering::Relaxed) {
            suspend(term, &events, app.mouse)?;
            signals.resumed.store(false, Ordering::Relaxed);
            dirty = true;
        }
        if signals.resumed.swap(false, Ordering::Relaxed) {
            // Continued after a stop we did not see (SIGSTOP): the shell may have reset the terminal.
            *term = terminal::enter(app.mouse)?;
            dirty = true;
        }
        test_hook::fail_after_a_change(hook, app.doc.revision)?;
        if dirty {
            crate::ui::draw_app(term, app)?;
            dirty = false;
            times.drawn();
            if git_hint.is_none() {
                git_hint = Some(watch::git_driver_hint(&file));
            }
        }
        let wait = saver
            .as_ref()
            .and_then(|s| s.wait())
            .map_or(IDLE, |w| w.min(IDLE))
            .min(outside.wait().unwrap_or(IDLE));
        let mut effects = Vec::new();
        let first = events
            .next(wait)
            .map_err(|()| io::Error::other("the terminal input stopped"))?;
        if let Some(first) = first {
            times.read(&first);
            saver.as_mut().map(Saver::typing);
            // Take every event that is waiting before drawing again (a held key, a paste).
            let mut next = Some(first);
            while let Some(ev) = next {
                match ev {
                    // Raw mode turns Ctrl-Z into a key: suspend as the terminal would have.
                    Event::Key(k)
                        if k.kind == KeyEventKind::Press
                            && k.code == KeyCode::Char('z')
                            && k.modifiers == KeyModifiers::CONTROL =>
                    {
                        signals.suspend.store(true, Ordering::Relaxed);
                    }
                    Event::Key(k) if k.kind == KeyEventKind::Press => {
                        if let Some(action) = input::action_for_key(app, k) {
                            effects.extend(app.update(action));
                        }
                    }
                    Event::Mouse(m) => {
                        if let Some(action) = input::action_for_mouse(app, m) {
                            effects.extend(app.update(action));
                        }
                    }
                    Event::Paste(text) => effects.extend(app.update(Action::Paste(text))),
                    _ => {}
                }
                dirty = true;
                next = events.ready();
            }
        } else {
            app.warm_timeline(); // idle: the timeline's tables before it is opened
            // The standup's timer and a message that makes way: drawn when the screen changes.
            if app.ticking() && app.update(Action::Tick(run_started.elapsed())) == [Effect::Redraw]
            {
                dirty = true;
            }
            let today = crate::today();
            if today != app.run.today {
                app.run.today = today;
                dirty = true;
            }
        }
        for effect in effects {
            match effect {
                // `update` carries out its own follow-ups; none reaches here.
                Effect::Then(_) => {}
                Effect::Changed => {
                    if let Some(s) = saver.as_mut() {
                        s.changed();
                    }
                }
                Effect::Quit => return Ok(()),
                Effect::Redraw => dirty = true,
                Effect::ViewState(state) => views.keep(state),
                Effect::Reload => match saver.as_mut() {
                    Some(s) => s.reload(),
                    None => {
                        takeover::reload(app, saver, path, &mut watch);
                        follow = app.run.read_only.then(|| watch::Follow::new(&file));
                    }
                },
                Effect::EditDescription(id, text) => {
                    let what = format!("description-{}", app.doc.board.item_key(id));
                    let edited = away(term, &events, app.mouse, || editor::edit(&text, &what))?;
                    match edited {
                        Ok(new) => {
                            app.update(Action::DescriptionEdited(id, new))
                                .into_iter()
                                .for_each(|e| {
                                    if e == Effect::Changed
                                        && let Some(s) = saver.as_mut()
                                    {
                                        s.changed();
                                    }
                                });
                        }
                        Err(e) => app.error(e),
                    }
                }
                // Stakeholders
                Effect::EditNote {
                    stakeholder,
                    note,
                    text,
                } => {
                    let who = app
                        .doc
                        .board
                        .stakeholders
                        .iter()
                        .find(|s| s.id == stakeholder)
                        .map_or(String::new(), |s| s.name.clone());
                    let what = format!("note-{who}");
                    let edited = away(term, &events, app.mouse, || editor::edit(&text, &what))?;
                    match edited {
                        Ok(text) => {
                            let back = Action::NoteEdited {
                                stakeholder,
                                note,
                                text,
                            };
                            if app.update(back).contains(&Effect::Changed)
                                && let Some(s) = saver.as_mut()
                            {
                                s.changed();
                            }
                        }
                        Err(e) => app.error(e),
                    }
                }
                Effect::WriteReport { edit } => {
                    let board = app.run.file.clone();
                    match crate::io::report::write_report(&board, &app.doc.board, app.run.today) {
                        Ok(written) if edit => {
                            let opened =
                                away(term, &events, app.mouse, || editor::open(&written.path))?;
                            match opened {
                                Ok(()) => app.info(written.describe()),
                                Err(e) => app.error(format!(
                                    "{e}; the report is {}",
                                    written.path.display()
                                )),
                            }
                        }
                        Ok(written) => {
                            let open = app.keymap.hint(&Action::WriteReportAndEdit);
                            app.info(format!(
                                "{} ({open} opens it in $EDITOR)",
                                written.describe()
                            ))
                        }
                        Err(e) => app.error(e.to_string()),
                    }
                }
            }
        }
        if outside.due() {
            match saver.as_mut() {
                Some(s) => outside.owed = !s.look(&app.doc.board, app.doc.revision),
                None => {
                    let f = follow.get_or_insert_with(|| watch::Follow::new(&file));
                    dirty |= f.look(app, &file);
                }
            }
        }
        if let Some(s) = saver.as_mut() {
            dirty |= settle(app, s);
        }
        dirty |= watch.look(app, path);
        // The git hint waits for a quiet status bar, so it is seen.
        hint = hint.or_else(|| git_hint.as_ref().and_then(|g| g.try_recv().ok()));
        if app.run.status.is_none()
            && let Some(text) = hint.take()
        {
            app.info(text);
            dirty = true;
        }
    }
}

/// Folds in what the saver finished, starts a save that is due and sets the save state from what is
/// on disk; true when something changed on screen.
fn settle(app: &mut App, s: &mut Saver) -> bool {
    let mut dirty = false;
    if let Some(out) = app.doc.outbox.as_mut()
        && !out.is_empty()
    {
        s.journal(std::mem::take(out));
    }
    while let Some(outcome) = s.poll() {
        outcome::saved(app, outcome, s);
        dirty = true;
    }
    s.tick(&app.doc.board, app.doc.revision);
    let state = if app.doc.revision > s.durable()
        && !matches!(app.run.save, SaveState::Failed(_) | SaveState::Conflict(_))
    {
        SaveState::Unsaved
    } else if app.run.save == SaveState::Unsaved && app.doc.revision <= s.durable() {
        SaveState::Saved // in the journal, or in the file
    } else {
        app.run.save.clone()
    };
    if state != app.run.save {
        app.run.save = state;
        dirty = true;
    }
    dirty
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    const TODAY: jiff::civil::Date = jiff::civil::date(2026, 12, 1);

    /// Runs the loop's effects and saver steps until the saver is idle and nothing is due.
    fn run(app: &mut App, s: &mut Saver, effects: Vec<Effect>) {
        for e in effects {
            match e {
                Effect::Changed => s.changed(),
                Effect::Reload => s.reload(),
                _ => {}
            }
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while s.wait().is_some() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
            settle(app, s);
        }
        settle(app, s);
    }

    fn opened() -> (tempfile::TempDir, App, Saver) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("board.ron");
        let board = sample_board(TODAY);
        let store = Store::create(&path, &board, false).expect("board written");
        let app = App::new(board, path.display().to_string(), TODAY);
        (dir, app, Saver::start(store))
    }

    #[test]
    fn reload_with_nothing_changed_is_saved() {
        let (_dir, mut app, mut s) = opened();
        let effects = app.update(Action::Reload);
        assert_eq!(effects, vec![Effect::Reload]);
        run(&mut app, &mut s, effects);
        assert!(
            app.run
                .status
                .as_ref()
                .is_some_and(|m| m.text.starts_with("Reloaded"))
        );
        assert_eq!(app.run.save, SaveState::Saved);
        // and it stays saved: nothing is left to write
        run(&mut app, &mut s, vec![]);
        assert_eq!(app.run.save, SaveState::Saved);
        assert_eq!(s.saved_changes, app.doc.revision);
    }

    #[test]
    fn reload_after_a_change_is_saved_and_a_later_change_is_unsaved_then_saved() {
        let (_dir, mut app, mut s) = opened();
        let effects = app.update(Action::Reload);
        run(&mut app, &mut s, effects);
        // a change after the reload is saved as usual
        app.doc.revision += 1;
        settle(&mut app, &mut s);
        assert_eq!(app.run.save, SaveState::Unsaved);
        run(&mut app, &mut s, vec![Effect::Changed]);
        assert_eq!(app.run.save, SaveState::Saved);
    }
}
