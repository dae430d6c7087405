//! The status bar's key hints are true in every view: for each view of each pane, every hinted key
//! is bound there to the hinted command, and pressing it does something in that view (what the
//! screen shows changes, an overlay opens, or the runner is asked for something). A chart only
//! looks: a key hinted there never changes the board behind it.

use crate::common;

use cairn::app::overlay::Hint;
use cairn::app::{Action, App, Effect};
use cairn::commands::sample_board;
use cairn::input::{Key, action_for_key};
use cairn::ui::hints;
use common::screen::screen_into;
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: Date = date(2026, 11, 28);

/// A view: its name, the keys that open it from the backlog, and whether the board may change there.
struct View {
    name: &'static str,
    keys: &'static [&'static str],
    edits: bool,
}

const fn view(name: &'static str, keys: &'static [&'static str], edits: bool) -> View {
    View { name, keys, edits }
}

/// Every view of every pane, reached by keys as a person would.
const VIEWS: &[View] = &[
    view("backlog", &["j"], true),
    view("backlog details", &["j", "enter"], true),
    view("backlog by epic", &["z"], true),
    view("backlog cut line", &["j", "L"], true),
    view("backlog cut line, the last", &["j", "L", "L"], true),
    view("sprint board, first column", &["2"], true),
    view("sprint board, a middle column", &["2", "l"], true),
    view("sprint board, last column", &["2", "l", "l", "l"], true),
    view("sprint card details", &["2", "l", "enter"], true),
    view("burndown", &["2", "b"], false),
    view("burndown, an earlier sprint", &["2", "b", "h"], false),
    view("sprint's cumulative flow", &["2", "F"], false),
    view(
        "an earlier sprint's cumulative flow",
        &["2", "b", "h", "F"],
        false,
    ),
    view("board's cumulative flow", &["2", "F", "F"], false),
    view("planning, the backlog side", &["2", "P"], true),
    view("planning, the sprint side", &["2", "P", "l"], true),
    view("team, nobody yet", &["2", "T"], true),
    view("team", &["2", "T", "a", "A", "n", "a", "enter"], true),
    view("standup", &["2", "S"], true),
    view("gantt by weeks", &["3", "j"], true),
    view("gantt by days", &["3", "j", "+"], true),
    view("gantt by months", &["3", "j", "-"], true),
    view("budget", &["3", "$"], true),
    view("risk register", &["3", "r"], true),
    view("stakeholder register", &["4"], true),
    view("stakeholder details", &["4", "enter"], true),
    view("power/interest grid", &["4", "v"], true),
    view(
        "power/interest grid, an edge",
        &["4", "v", "K", "K", "K", "K", "K"],
        true,
    ),
    view("note timeline", &["4", "t"], true),
];

/// The event a terminal sends for a key as the keymap writes it (`J`, `ctrl-e`, `shift-left`, `$`).
fn event(key: &str) -> KeyEvent {
    let k = Key::parse(key).unwrap_or_else(|| panic!("{key:?} is a key"));
    use cairn::app::keys::KeyCodeOrd as C;
    let code = match k.code {
        C::Char(c) => KeyCode::Char(c),
        C::Enter => KeyCode::Enter,
        C::Esc => KeyCode::Esc,
        C::Tab => KeyCode::Tab,
        C::BackTab => KeyCode::BackTab,
        C::Backspace => KeyCode::Backspace,
        C::Up => KeyCode::Up,
        C::Down => KeyCode::Down,
        C::Left => KeyCode::Left,
        C::Right => KeyCode::Right,
        C::Home => KeyCode::Home,
        C::End => KeyCode::End,
        C::PageUp => KeyCode::PageUp,
        C::PageDown => KeyCode::PageDown,
        C::Delete => KeyCode::Delete,
        C::F(n) => KeyCode::F(n),
    };
    let mut modifiers = common::keys::event(code).modifiers;
    if k.ctrl {
        modifiers |= KeyModifiers::CONTROL;
    }
    if k.alt {
        modifiers |= KeyModifiers::ALT;
    }
    if k.shift {
        modifiers |= KeyModifiers::SHIFT;
    }
    KeyEvent::new(code, modifiers)
}

/// The sample board, drawn at 120x40 after each key, in the view.
fn open(v: &View) -> App {
    let mut app = App::new(sample_board(TODAY), "b.ron", TODAY);
    screen_into(&mut app, 120, 40);
    for key in v.keys {
        let action = action_for_key(&app, event(key))
            .unwrap_or_else(|| panic!("{}: {key} does something", v.name));
        app.update(action);
        screen_into(&mut app, 120, 40);
    }
    app
}

/// What the view shows, the status bar left out (a message alone is not a key doing its work).
fn body(app: &mut App) -> String {
    let s = screen_into(app, 120, 40);
    let lines: Vec<&str> = s.lines().collect();
    lines[..lines.len() - 1].join("\n")
}

#[test]
fn every_hinted_key_does_something_in_its_view() {
    let mut wrong = Vec::new();
    for v in VIEWS {
        let app = open(v);
        let shown = hints::shown(&app);
        assert!(!shown.is_empty(), "{}: no hints", v.name);
        for hint in &shown {
            // Two keys as one hint (`j/k card`, `H/L move`, `↑↓ select`) are the two ways along
            // a list or the columns: at an end, one of them is enough.
            let results: Vec<Result<(), Wrong>> = hints::actions(hint)
                .into_iter()
                .map(|a| check(v, a))
                .collect();
            let acts = results.iter().any(Result::is_ok);
            for r in results {
                match r {
                    Err(Wrong::DoesNothing(_)) if acts && !matches!(hint, Hint::Key(..)) => {}
                    Err(Wrong::DoesNothing(w) | Wrong::Other(w)) => wrong.push(w),
                    Ok(()) => {}
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "hints that are not true:\n{}",
        wrong.join("\n")
    );
}

enum Wrong {
    DoesNothing(String),
    Other(String),
}

/// Presses the hinted key of `action` in the view: it must be bound to it there, do something, and
/// leave the board alone behind a chart.
fn check(v: &View, action: Action) -> Result<(), Wrong> {
    let mut app = open(v);
    let key = hints::key(&app, &action).expect("a hinted command has a key");
    let bound = action_for_key(&app, event(&key));
    if bound.as_ref() != Some(&action) {
        let w = format!("{}: {key} is {bound:?}, not {action:?}", v.name);
        return Err(Wrong::Other(w));
    }
    let (before, revision) = (body(&mut app), app.doc.revision);
    let effects: Vec<Effect> = app.update(action.clone());
    let after = body(&mut app);
    let said = app.run.status.as_ref().map_or("", |s| s.text.as_str());
    if effects.is_empty() && before == after {
        let w = format!("{}: {key} ({action:?}) does nothing: {said}", v.name);
        return Err(Wrong::DoesNothing(w));
    }
    if !v.edits && app.doc.revision != revision {
        let w = format!(
            "{}: {key} ({action:?}) changes the board behind the chart: {said}",
            v.name
        );
        return Err(Wrong::Other(w));
    }
    Ok(())
}

#[test]
fn the_charts_name_their_own_keys() {
    let words = |keys: &'static [&'static str]| {
        let app = open(&view("chart", keys, false));
        screen_into(&mut { app }, 120, 40)
            .lines()
            .last()
            .unwrap_or_default()
            .to_string()
    };
    let cfd = words(&["2", "F"]);
    assert!(
        cfd.contains("F board's flow") && cfd.contains("b board"),
        "{cfd}"
    );
    assert!(!cfd.contains("move right"), "{cfd}");
    let burndown = words(&["2", "b", "h"]);
    assert!(
        burndown.contains("h earlier sprint") && burndown.contains("l later sprint"),
        "{burndown}"
    );
}
