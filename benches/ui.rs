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

fn frame(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal.draw(|f| cairn::ui::draw(f, app)).expect("draws");
}

fn keystrokes(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke_to_frame");
    group
        .sample_size(50)
        .measurement_time(Duration::from_secs(4));
    for n in [1_000usize, 10_000, 100_000] {
        let mut app = App::new(generate(n, 1), "b.ron", date(2026, 11, 28));
        let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
        frame(&mut terminal, &app);
        // Walking the list: j then k, so the selection stays near the top.
        group.bench_function(BenchmarkId::new("backlog j/k", n), |b| {
            let mut down = true;
            b.iter(|| {
                app.update(if down { Action::Down } else { Action::Up });
                down = !down;
                frame(&mut terminal, &app);
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
                frame(&mut terminal, &app);
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
                    frame(&mut terminal, &app);
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
                let app = App::new(board, "b.ron", date(2026, 11, 28));
                let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
                frame(&mut terminal, &app);
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
    let board = generate(100_000, 1);
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

criterion_group!(benches, keystrokes, startup);

fn main() {
    p99_report();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
