//! No key in any view costs the board rather than the screen: for every view of every pane (and the
//! palette and help) and its common keys, what one key and its frame allocate (count and bytes) on a
//! board 10× larger stays within a small bound of the figure on the smaller board, along two axes:
//! the backlog (items, with the sprint's cards and the notes in proportion) and the other lists
//! (timeline entries, risks, stakeholders). The third press of each key is the one measured (the
//! first two may fill buffers kept for later).
//!
//! A case over the bound is listed in `KNOWN` with whose fix it is (another developer's file) or why
//! it costs what it changed (a search, a re-sort of the list changed); it is checked to be still
//! over the bound, so fixing it fails this test until the table shrinks.
//!
//! `KEYS_BOUNDED_VIEW=<view>` measures one view; `KEYS_BOUNDED_TRACE=<bytes>` prints where the
//! allocations of at least that size come from (`-- --nocapture`).

#[path = "keys_bounded/boards.rs"]
mod boards;
#[path = "keys_bounded/cases.rs"]
mod cases;
#[path = "keys_bounded/counting.rs"]
mod counting;

use cairn::app::App;
use cairn::model::Board;
use cases::{Check, VIEWS, View};
use counting::{Cost, measured, print_sites};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[global_allocator]
static ALLOCATOR: counting::Counting = counting::Counting;

/// What the larger board may cost beyond the smaller's: a quarter more, plus this many
/// allocations and bytes (a few rows' worth of text that differs between the boards).
const SLACK_ALLOCS: usize = 64;
const SLACK_BYTES: usize = 8 * 1024;

/// Cases over the bound, each with whose fix it is and why: (axis, view, key labels, why). Each is
/// checked to be still over the bound, so a fix must take it out.
const KNOWN: &[(&str, &str, &[&str], &str)] = &[
    (
        "items",
        "sprint cumulative flow",
        &["F after a change"],
        "by nature, for now: the first frame of a chart after a change walks the sprint's \
         cards' histories again (`flow::cumulative_flow`, one allocation a card); following \
         it per change needs each card's old contribution (`F` back to a chart drawn since is \
         kept)",
    ),
    (
        "items",
        "palette",
        &["typing a letter"],
        "a search (overlay/palette.rs): a letter matches every item (nucleo), by nature \
         O(items)",
    ),
    (
        "others",
        "palette",
        &["typing a letter"],
        "a search (overlay/palette.rs): a letter matches every entry, risk and stakeholder \
         too",
    ),
    (
        "others",
        "timeline gantt (weeks)",
        &[
            "> (a change)",
            "< (a change)",
            "3 after a change in the sprint",
        ],
        "by nature: a change to an entry's dates sorts the entries and checks every \
         dependency again; a change to an item counts the work ahead of every milestone again \
         (`points_ahead`)",
    ),
    (
        "others",
        "timeline gantt (days)",
        &["> (a change)"],
        "by nature: as the weeks' `>`",
    ),
    (
        "others",
        "timeline gantt (months)",
        &["> (a change)"],
        "by nature: as the weeks' `>`",
    ),
    (
        "others",
        "timeline budget",
        &["3 after a change in the sprint"],
        "by nature: as the gantt's, the work ahead of every milestone is counted again",
    ),
    (
        "others",
        "timeline risks",
        &["x (a change)"],
        "by nature: a change to a risk sorts the register again (`open_risks_by_exposure`)",
    ),
];

/// The backlog axis: items (and the sprint's cards and the notes with them).
const ITEMS: (usize, usize) = (2_000, 20_000);
/// The other axis: timeline entries, risks and stakeholders (at least a screen of each on the
/// smaller board; the generator gives 200 entries, 100 risks and 40 stakeholders at 20k items).
const OTHERS: (usize, usize) = (200, 2_000);

fn event(token: &str) -> KeyEvent {
    let none = KeyModifiers::NONE;
    let (code, mods) = match token {
        "enter" => (KeyCode::Enter, none),
        "esc" => (KeyCode::Esc, none),
        "space" => (KeyCode::Char(' '), none),
        "backspace" => (KeyCode::Backspace, none),
        "left" => (KeyCode::Left, none),
        "right" => (KeyCode::Right, none),
        "up" => (KeyCode::Up, none),
        "down" => (KeyCode::Down, none),
        t if t.starts_with("ctrl-") => (
            KeyCode::Char(t.chars().last().expect("a letter")),
            KeyModifiers::CONTROL,
        ),
        t => {
            let c = t.chars().next().expect("a key");
            let shifted = c.is_ascii_uppercase() || "<>{}$+?:".contains(c);
            let mods = if shifted { KeyModifiers::SHIFT } else { none };
            (KeyCode::Char(c), mods)
        }
    };
    KeyEvent::new(code, mods)
}

struct Screen {
    app: App,
    terminal: Terminal<TestBackend>,
}

impl Screen {
    fn new(board: &Board) -> Screen {
        let app = App::new(board.clone(), "b.ron", cairn::io::generate::ANCHOR);
        let terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        let mut s = Screen { app, terminal };
        s.frame();
        s
    }

    fn frame(&mut self) {
        cairn::ui::draw_app(&mut self.terminal, &mut self.app).expect("draws");
    }

    /// Presses the keys as the terminal sends them (through the keymap), then draws the frame.
    fn press(&mut self, keys: &[&str], view: &str) {
        for k in keys {
            let action = cairn::input::action_for_key(&self.app, event(k))
                .unwrap_or_else(|| panic!("{view}: {k} does something here"));
            // Effects (save, I/O) are the runner's: none is needed for a frame.
            let _ = self.app.update(action);
        }
        self.frame();
    }
}

fn measure(s: &mut Screen, view: &str, check: &Check) -> Cost {
    let mut cost = Cost::default();
    // The third press: the first two may fill buffers kept for later (the backlog's rows are two
    // buffers swapped at each change).
    for _ in 0..3 {
        s.press(check.before, view);
        cost = measured(|| s.press(check.keys, view));
    }
    cost
}

/// Every check of a view on one board, from a fresh app.
fn run_view(board: &Board, view: &View) -> Vec<Cost> {
    let mut s = Screen::new(board);
    s.press(view.enter, view.name);
    let costs = view
        .checks
        .iter()
        .map(|c| measure(&mut s, view.name, c))
        .collect();
    print_sites(view.name);
    costs
}

fn within(small: Cost, large: Cost) -> bool {
    large.allocs <= small.allocs + small.allocs / 4 + SLACK_ALLOCS
        && large.bytes <= small.bytes + small.bytes / 4 + SLACK_BYTES
}

#[test]
fn no_key_costs_the_board() {
    let started = std::time::Instant::now();
    counting::trace_from_env();
    let only = std::env::var("KEYS_BOUNDED_VIEW").ok();
    let small = boards::board(ITEMS.0, OTHERS.0);
    let axes = [
        ("items", boards::board(ITEMS.1, OTHERS.0)),
        ("others", boards::board(ITEMS.0, OTHERS.1)),
    ];
    let mut failures = Vec::new();
    println!(
        "{:<6} {:<28} {:<32} {:>17} {:>19}",
        "axis", "view", "key", "small: allocs/B", "10x: allocs/B"
    );
    for view in VIEWS
        .iter()
        .filter(|v| only.as_ref().is_none_or(|o| v.name == o))
    {
        let a = run_view(&small, view);
        for (axis, large) in &axes {
            let b = run_view(large, view);
            for ((check, a), b) in view.checks.iter().zip(&a).zip(b) {
                let ok = within(*a, b);
                let figures = format!(
                    "{} allocs / {} bytes on the smaller board, {} / {} on the {axis} axis' 10x",
                    a.allocs, a.bytes, b.allocs, b.bytes
                );
                println!(
                    "{axis:<6} {:<28} {:<32} {:>6} / {:>8} {:>6} / {:>10}{}",
                    view.name,
                    check.label,
                    a.allocs,
                    a.bytes,
                    b.allocs,
                    b.bytes,
                    if ok { "" } else { "  OVER" }
                );
                let known = KNOWN.iter().any(|(x, v, keys, _)| {
                    x == axis && *v == view.name && keys.contains(&check.label)
                });
                match (ok, known) {
                    (true, true) => failures.push(format!(
                        "{}, {}: now within the bound ({figures}): take it out of KNOWN",
                        view.name, check.label
                    )),
                    (false, false) => failures.push(format!(
                        "{}, {}: {figures}: the key costs the board",
                        view.name, check.label
                    )),
                    _ => {}
                }
            }
        }
    }
    for (x, v, keys, _) in KNOWN {
        for k in *keys {
            assert!(
                VIEWS
                    .iter()
                    .any(|view| view.name == *v && view.checks.iter().any(|c| c.label == *k)),
                "KNOWN names a case that is not measured: {x}, {v}, {k}"
            );
        }
    }
    println!("took {:.1} s", started.elapsed().as_secs_f64());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
