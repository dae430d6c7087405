//! Cold per-key timings: every pane's common keys at 10k, 100k and on the pathological board
//! (100k items, 5,000 sprint cards, 20,000 notes), each press timed from `update` to the frame drawn
//! into a 120×40 `TestBackend`, with the CPU caches evicted before it (a walk of a 64 MB buffer), as
//! a key in the real app finds them after the user's pause. Back-to-back presses with warm caches
//! understate a real key by 2–3×. Prints p50 and p99 per key; the budget is p99 ≤ 2 ms at 10k and
//! ≤ 8 ms at 100k.

use cairn::app::{Action, App, Mode};
use cairn::io::generate::{generate, pathological};
use jiff::civil::date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

const PRESSES: usize = 60;

struct Cold {
    terminal: Terminal<TestBackend>,
    evict: Vec<u64>,
}

impl Cold {
    fn frame(&mut self, app: &mut App) {
        cairn::ui::draw_app(&mut self.terminal, app).expect("draws");
    }

    /// Pushes the board out of the caches: reads and writes every line of a buffer larger than
    /// the last-level cache.
    fn evict(&mut self) {
        let mut sum = 0u64;
        for x in self.evict.iter_mut().step_by(8) {
            *x = x.wrapping_add(1);
            sum = sum.wrapping_add(*x);
        }
        std::hint::black_box(sum);
    }

    /// Runs `before` untimed, then times `key` → frame, cold; `PRESSES` times.
    fn time(
        &mut self,
        app: &mut App,
        before: &[Action],
        key: &Action,
        after: &[Action],
    ) -> Vec<(Duration, Duration)> {
        (0..PRESSES)
            .map(|_| {
                for a in before {
                    app.update(a.clone());
                    self.frame(app);
                }
                self.evict();
                let (start, cpu) = (Instant::now(), thread_cpu());
                app.update(key.clone());
                self.frame(app);
                let took = (start.elapsed(), thread_cpu() - cpu);
                if !matches!(app.mode, Mode::Normal) {
                    app.mode = Mode::Normal;
                }
                for a in after {
                    app.update(a.clone());
                    self.frame(app);
                }
                took
            })
            .collect()
    }
}

/// This thread's CPU time: what the key cost without the time another process had the core (the
/// machine the bench runs on may be shared).
fn thread_cpu() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

fn line(board: &str, key: &str, times: Vec<(Duration, Duration)>) {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let pct = |mut v: Vec<Duration>| {
        v.sort();
        let at = |q: f64| v[((v.len() as f64 * q) as usize).min(v.len() - 1)];
        (ms(at(0.5)), ms(at(0.99)))
    };
    let (w50, w99) = pct(times.iter().map(|t| t.0).collect());
    let (c50, c99) = pct(times.iter().map(|t| t.1).collect());
    eprintln!(
        "cold key → frame, {board:<12} {key:<32} p50 {w50:>6.2} p99 {w99:>6.2} ms · CPU p50 {c50:>6.2} p99 {c99:>6.2} ms"
    );
}

/// One board's keys: (label, set-up before each press, the key, what undoes it after).
fn keys_on(name: &str, board: cairn::model::Board, filter: &str) {
    use Action::*;
    let mut board = board;
    for c in &mut board.columns {
        c.wip_limit = None;
    }
    let mut app = App::new(board, "b.ron", date(2026, 11, 28));
    let mut cold = Cold {
        terminal: Terminal::new(TestBackend::new(120, 40)).expect("terminal"),
        evict: vec![0; 64 << 20 >> 3],
    };
    cold.frame(&mut app);
    app.update(Down);
    app.update(Down);
    type Case = (&'static str, Vec<Action>, Action, Vec<Action>);
    let cases: Vec<Case> = vec![
        ("backlog j", vec![], Down, vec![Up]),
        ("backlog k", vec![Down], Up, vec![]),
        ("backlog J (a change)", vec![], MoveDown, vec![MoveUp]),
        ("backlog K (a change)", vec![MoveDown], MoveUp, vec![]),
        ("backlog G", vec![], Bottom, vec![Top, Down, Down]),
        ("backlog g", vec![Bottom], Top, vec![Down, Down]),
        ("backlog u (undo)", vec![MoveDown], Undo, vec![]),
        (
            "switch to the timeline after J",
            vec![MoveDown],
            ShowTimeline,
            vec![ShowBacklog, MoveUp],
        ),
        (
            "switch to the sprint after J",
            vec![MoveDown],
            ShowSprint,
            vec![ShowBacklog, MoveUp],
        ),
        (
            "switch to stakeholders after J",
            vec![MoveDown],
            ShowStakeholders,
            vec![ShowBacklog, MoveUp],
        ),
        ("sprint j", vec![ShowSprint], Down, vec![Up, ShowBacklog]),
        (
            "sprint l (next column)",
            vec![ShowSprint],
            ColumnRight,
            vec![ColumnLeft, ShowBacklog],
        ),
        (
            "sprint L (a change)",
            vec![ShowSprint],
            CardRight,
            vec![Undo, ShowBacklog],
        ),
        (
            "sprint H (a change)",
            vec![ShowSprint, ColumnRight],
            CardLeft,
            vec![Undo, ColumnLeft, ShowBacklog],
        ),
        (
            "timeline j",
            vec![ShowTimeline],
            Down,
            vec![Up, ShowBacklog],
        ),
        (
            "stakeholders j",
            vec![ShowStakeholders],
            Down,
            vec![Up, ShowBacklog],
        ),
        (
            "stakeholders notes j",
            vec![ShowStakeholders, NoteTimeline],
            Down,
            vec![Up, NoteTimeline, ShowBacklog],
        ),
    ];
    for (label, before, key, after) in cases {
        if !label.contains(filter) {
            continue;
        }
        let times = cold.time(&mut app, &before, &key, &after);
        line(name, label, times);
    }
}

/// The cold per-key report; `filter` (from the bench's arguments) picks keys by label.
pub fn report(filter: &str) {
    keys_on("10k", generate(10_000, 1), filter);
    keys_on("100k", generate(100_000, 1), filter);
    keys_on("pathological", pathological(1), filter);
}
