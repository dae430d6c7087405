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
            let at = (flip * 7919) % b.items.len();
            let mut it = b.items[at].as_ref().clone();
            it.title = format!("retitled {flip}");
            b.apply(cairn::model::Edit::UpdateItem(Box::new(it)))
                .expect("applies");
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
