//! Load and save of generated boards at 1k, 10k and 100k items: `cargo bench --bench store`.
//! Parsing dominates start-up; serialising plus the atomic write is what a save costs.

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
