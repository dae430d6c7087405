//! Load and save of generated boards at 1k, 10k and 100k items: `cargo bench --bench store`.
//! Parsing dominates start-up; serialising plus the atomic write is what a save costs. `serialise`
//! is the whole board through ron (`to_ron`); the store's saves take only changed items through it
//! ("serialise after one change"; "serialise, every item new" is a run's first save).

use cairn::io::generate::generate;
use cairn::store::{self, Store};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

/// This thread's CPU time: what a save costs the saver thread, however busy the machine is.
fn cpu() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// Median CPU milliseconds of `runs` calls of `f`.
fn cpu_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut v: Vec<f64> = (0..runs)
        .map(|_| {
            let t = cpu();
            f();
            (cpu() - t).as_secs_f64() * 1e3
        })
        .collect();
    v.sort_by(f64::total_cmp);
    v[runs / 2]
}

/// One item retitled, as an edit does it (a new `Arc` for that item, every other one shared).
fn retitle(b: &mut cairn::model::Board, n: usize) {
    let at = (n * 7919) % b.items.len();
    let mut it = b.items[at].as_ref().clone();
    it.title = format!("retitled {n}");
    b.apply(cairn::model::Edit::UpdateItem(Box::new(it)))
        .expect("applies");
}

/// The CPU a save's serialising costs, printed once per size: the whole board through ron (what
/// every save cost before the text cache), a run's first save, and a save after one change.
fn cpu_figures(n: usize, board: &cairn::model::Board, st: &mut Store) {
    let mut b = board.clone();
    let whole = cpu_ms(5, || {
        drop(store::to_ron(black_box(&b)).expect("serialises"))
    });
    let mut firsts: Vec<f64> = (0..5)
        .map(|_| {
            for it in &mut b.items {
                *it = std::sync::Arc::new(it.as_ref().clone());
            }
            let t = cpu();
            drop(st.serialise(black_box(&b)).expect("serialises"));
            (cpu() - t).as_secs_f64() * 1e3
        })
        .collect();
    firsts.sort_by(f64::total_cmp);
    let first = firsts[2];
    let mut k = 0;
    let one = cpu_ms(21, || {
        k += 1;
        retitle(&mut b, k);
        drop(st.serialise(black_box(&b)).expect("serialises"));
    });
    eprintln!(
        "{n} items, CPU ms (median): to_ron {whole:.1}; a run's first save {first:.1}; after one change {one:.2}"
    );
}

fn load_and_save(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("store");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    for n in [1_000usize, 10_000, 100_000] {
        let board = generate(n, 1);
        let text = store::to_ron(&board).expect("serialises");
        eprintln!("{n} items: {:.1} MB of RON", text.len() as f64 / 1e6);
        let path = dir.path().join(format!("board-{n}.ron"));
        let mut st = Store::create(&path, &board, true).expect("creates");
        cpu_figures(n, &board, &mut st);

        group.bench_with_input(BenchmarkId::new("parse+validate", n), &text, |b, text| {
            b.iter(|| store::from_ron(black_box(text), Path::new("b.ron")).expect("parses"))
        });
        group.bench_with_input(BenchmarkId::new("serialise", n), &board, |b, board| {
            b.iter(|| store::to_ron(black_box(board)).expect("serialises"))
        });
        // What the saver does after an edit: the store's text cache re-serialises the one changed
        // item and copies the rest (`serialise` above is the whole board through ron).
        let mut edited = board.clone();
        let mut flip = 0usize;
        let mut one_change = |b: &mut cairn::model::Board| {
            flip += 1;
            retitle(b, flip);
        };
        group.bench_function(BenchmarkId::new("serialise after one change", n), |b| {
            b.iter(|| {
                one_change(&mut edited);
                st.serialise(black_box(&edited)).expect("serialises")
            })
        });
        // The first save of a run: no item's text is known yet (every pointer is new).
        group.bench_function(BenchmarkId::new("serialise, every item new", n), |b| {
            b.iter_batched(
                || {
                    let mut fresh = edited.clone();
                    for it in &mut fresh.items {
                        *it = std::sync::Arc::new(it.as_ref().clone());
                    }
                    fresh
                },
                |fresh| st.serialise(black_box(&fresh)).expect("serialises"),
                criterion::BatchSize::LargeInput,
            )
        });
        group.bench_function(BenchmarkId::new("save after one change", n), |b| {
            b.iter(|| {
                one_change(&mut edited);
                st.save(black_box(&edited)).expect("saves")
            })
        });
        group.bench_with_input(BenchmarkId::new("clone", n), &board, |b, board| {
            b.iter(|| black_box(board).clone())
        });
        group.bench_with_input(BenchmarkId::new("atomic write", n), &text, |b, text| {
            b.iter(|| st.save_text(black_box(text)).expect("saves"))
        });
    }
    group.finish();
}

/// `b` with 1% of its items retitled, from the `from`-th on every 100th (two sides pick different
/// items), and one item moved to the top: a day's work on one clone.
fn one_percent_changed(b: &cairn::model::Board, from: usize) -> cairn::model::Board {
    let mut side = b.clone();
    for i in (from..side.items.len()).step_by(100) {
        let mut it = side.items[i].as_ref().clone();
        it.title.push_str(" (changed)");
        side.apply(cairn::model::Edit::UpdateItem(Box::new(it)))
            .expect("applies");
    }
    let last = side.items[side.items.len() - 1 - from].id;
    side.apply(cairn::model::Edit::MoveItem { id: last, to: 0 })
        .expect("applies");
    side
}

/// The three-way merge (`cairn merge`, a live merge) with 1% of the items changed on each side.
/// Budget: 10k ≤ 150 ms, 100k ≤ 1.5 s.
fn merge(c: &mut Criterion) {
    let mut group = c.benchmark_group("merge");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    for n in [1_000usize, 10_000, 100_000] {
        let base = generate(n, 1);
        let (ours, theirs) = (
            one_percent_changed(&base, 3),
            one_percent_changed(&base, 57),
        );
        group.bench_with_input(BenchmarkId::new("1% each side", n), &n, |b, _| {
            b.iter(|| cairn::model::merge::merge(black_box(&base), &ours, &theirs))
        });
    }
    group.finish();
}

criterion_group!(benches, load_and_save, merge);
criterion_main!(benches);
