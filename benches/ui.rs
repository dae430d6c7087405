//! Keystroke → frame and start-up → first frame, drawn on `TestBackend` (no tty, so no terminal cost):
//! `cargo bench --bench ui`. Budgets (DESIGN.md): p99 ≤ 2 ms at 10k items, ≤ 8 ms at 100k; start-up to
//! the first frame ≤ 60 ms at 10k, ≤ 500 ms at 100k.

use cairn::app::{Action, App};
use cairn::io::generate::generate;
use cairn::store;
use criterion::{BenchmarkId, Criterion, criterion_group};
use jiff::civil::date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

fn frame(terminal: &mut Terminal<TestBackend>, app: &mut App) {
    cairn::ui::draw_app(terminal, app).expect("draws");
}

fn keystrokes(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke_to_frame");
    group
        .sample_size(50)
        .measurement_time(Duration::from_secs(4));
    for n in [1_000usize, 10_000, 100_000] {
        let mut app = App::new(generate(n, 1), "b.ron", date(2026, 11, 28));
        let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
        frame(&mut terminal, &mut app);
        // Walking the list: j then k, so the selection stays near the top.
        group.bench_function(BenchmarkId::new("backlog j/k", n), |b| {
            let mut down = true;
            b.iter(|| {
                app.update(if down { Action::Down } else { Action::Up });
                down = !down;
                frame(&mut terminal, &mut app);
            })
        });
        // A rank move changes the board: history, burndown check, filter refresh, frame.
        group.bench_function(BenchmarkId::new("backlog J/K", n), |b| {
            let mut down = true;
            b.iter(|| {
                app.update(if down {
                    Action::MoveDown
                } else {
                    Action::MoveUp
                });
                down = !down;
                frame(&mut terminal, &mut app);
            })
        });
        for (pane, action) in [
            ("sprint", Action::ShowSprint),
            ("timeline", Action::ShowTimeline),
            ("stakeholders", Action::ShowStakeholders),
        ] {
            app.update(action);
            group.bench_function(BenchmarkId::new(format!("{pane} j/k"), n), |b| {
                let mut down = true;
                b.iter(|| {
                    app.update(if down { Action::Down } else { Action::Up });
                    down = !down;
                    frame(&mut terminal, &mut app);
                })
            });
        }
        app.update(Action::ShowBacklog);
    }
    group.finish();
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup_to_first_frame");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    for n in [1_000usize, 10_000, 100_000] {
        let text = store::to_ron(&generate(n, 1)).expect("serialises");
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| {
                let board = store::from_ron(black_box(text), Path::new("b.ron")).expect("parses");
                let mut app = App::new(board, "b.ron", date(2026, 11, 28));
                let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
                frame(&mut terminal, &mut app);
                app
            })
        });
    }
    group.finish();
}

/// Presses `keys` in turn `presses` times, drawing after each, and prints p50, p99 and the maximum:
/// criterion reports means, and the budget is a p99.
fn percentiles(label: &str, app: &mut App, keys: &[Action], presses: usize) {
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    frame(&mut terminal, app);
    let mut times: Vec<Duration> = (0..presses)
        .map(|k| {
            let start = std::time::Instant::now();
            app.update(keys[k % keys.len()].clone());
            frame(&mut terminal, app);
            start.elapsed()
        })
        .collect();
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    eprintln!(
        "keystroke → frame, {label}: p50 {:?}, p99 {:?}, max {:?}",
        at(0.5),
        at(0.99),
        times[times.len() - 1]
    );
}

fn p99_report() {
    // The sprint board with a 300-card active sprint on a 100k board: j/k, h/l and H/L (moves that
    // change the board, with WIP checks, history and the burndown point).
    // Generated boards now keep their active sprint near its capacity (a handful of cards): put
    // 300 open items in it, the board this figure has always been about.
    let mut board = generate(100_000, 1);
    let active = board.active_sprint().map(|s| s.id);
    let mut moved = board
        .active_sprint()
        .map_or(0, |s| board.sprint_items(s.id).count());
    for it in board.items.iter_mut() {
        if moved >= 300 {
            break;
        }
        if it.sprint.is_none() && it.kind != cairn::model::ItemKind::Epic && it.status != "Done" {
            std::sync::Arc::make_mut(it).sprint = active;
            moved += 1;
        }
    }
    let cards = board
        .active_sprint()
        .map_or(0, |s| board.sprint_items(s.id).count());
    let mut app = App::new(board, "b.ron", date(2026, 11, 28));
    app.update(Action::ShowSprint);
    let sprint_keys = [
        Action::Down,
        Action::ColumnRight,
        Action::CardLeft,
        Action::Up,
        Action::ColumnLeft,
        Action::CardRight,
    ];
    let label = format!("sprint board, {cards}-card sprint on 100000 items");
    percentiles(&label, &mut app, &sprint_keys, 1_200);

    let backlog_keys = [
        Action::Down,
        Action::MoveDown,
        Action::Up,
        Action::MoveUp,
        Action::PageDown,
        Action::PageUp,
    ];
    // The stakeholders pane on a 100k board (stakeholders and notes scale with it): the register,
    // the grid and the note timeline.
    let board = generate(100_000, 1);
    let people = board.stakeholders.len();
    let notes: usize = board.stakeholders.iter().map(|s| s.notes.len()).sum();
    let mut app = App::new(board, "b.ron", date(2026, 11, 28));
    app.update(Action::ShowStakeholders);
    percentiles(
        &format!("stakeholders, {people} people and {notes} notes on 100000 items"),
        &mut app,
        &[
            Action::Down,
            Action::GridView,
            Action::Down,
            Action::GridView,
            Action::NoteTimeline,
            Action::Down,
            Action::NoteTimeline,
            Action::Up,
        ],
        1_200,
    );

    for n in [10_000usize, 100_000] {
        let mut app = App::new(generate(n, 1), "b.ron", date(2026, 11, 28));
        percentiles(
            &format!("backlog, {n} items"),
            &mut app,
            &backlog_keys,
            2_000,
        );
    }
}

/// A 10k-item board whose timeline has `entries` entries: 20 workstreams of back-to-back phases, every
/// third entry a milestone (with the generator's linked items), each depending on the one before it,
/// so a move with "push dependents" on ripples down the whole workstream.
fn timeline_board(entries: usize) -> cairn::model::Board {
    use cairn::model::EntryId;
    let mut board = generate(10_000, 1);
    let template = board.timeline.clone();
    let streams = 20;
    let per = entries.div_ceil(streams);
    let add =
        |d: jiff::civil::Date, n: i64| d.checked_add(jiff::Span::new().days(n)).expect("date");
    board.timeline = (0..entries)
        .map(|k| {
            let (stream, at) = (k / per, k % per);
            let mut e = template[k % template.len()].clone();
            e.id = EntryId(k as u32 + 1);
            e.name = format!("{} {stream}.{at}", e.name);
            e.depends_on = if at > 0 {
                vec![EntryId(k as u32)]
            } else {
                vec![]
            };
            e
        })
        .collect();
    let mut day = date(2026, 9, 7);
    for k in 0..entries {
        if k % per == 0 {
            day = add(date(2026, 9, 7), (k / per) as i64 * 3);
        }
        let e = &mut board.timeline[k];
        let len = if e.kind.is_point() {
            0
        } else {
            4 + (k % 7) as i64
        };
        (e.start, e.end) = (day, add(day, len));
        day = add(e.end, 1);
    }
    board.counters.entry = entries as u32 + 1;
    board
}

/// The timeline at 2,000 entries: j/k, h/l, zoom, `>`/`<` (a change, history and the burndown point),
/// then the same with "push dependents" on, `>` then undo so every press pushes a whole workstream.
fn timeline_report() {
    use Action::*;
    let mut app = App::new(timeline_board(2_000), "b.ron", date(2026, 11, 28));
    app.update(ShowTimeline);
    app.update(Scroll(500));
    let keys = [
        Down,
        ShiftLater,
        ScrollLater,
        ZoomIn,
        Up,
        ShiftEarlier,
        ScrollEarlier,
        ZoomOut,
    ];
    percentiles(
        "timeline, 2000 entries on 10000 items",
        &mut app,
        &keys,
        2_000,
    );
    app.update(Top);
    app.update(PushDependents);
    percentiles(
        "timeline, 2000 entries, > pushing 99 dependents, then undo",
        &mut app,
        &[ShiftLater, Undo],
        1_000,
    );
}

criterion_group!(benches, keystrokes, startup);

mod cold;

fn main() {
    // `cargo bench --bench ui -- cold [key]`: only the cold per-key report (for keys whose label
    // contains `key`).
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if args.first().map(String::as_str) == Some("cold") {
        cold::report(args.get(1).map_or("", String::as_str));
        return;
    }
    cold::report("");
    timeline_report();
    p99_report();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
