//! The edit journal at 1k, 10k and 100k items: `cargo bench --bench journal`.
//!
//! - change → durable: a change applied to the board, appended to the journal and synced
//!   (`fdatasync`), which is when cairn's status bar says saved (budget: ≤ 10 ms at every size;
//!   before the journal it was the 300 ms debounce plus a whole save, 320 ms at 1k, 1,055 at 100k);
//! - the replay at start-up of 1,000 journaled edits left by a crash, onto the board the journal
//!   names (exact) and onto a board changed since (as three-way operations).
//!
//! Both in process, on the real file system of the temp dir (set `TMPDIR` to measure another).

use cairn::io::generate::generate;
use cairn::model::{Board, Edit};
use cairn::store::journal::{Journal, recover};
use cairn::store::{content_hash, to_ron};
use std::time::{Duration, Instant};

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at].as_secs_f64() * 1e3
}

/// The `n`th change of a session: retitle an item, or move one up the backlog.
fn change(board: &Board, n: usize) -> Edit {
    let at = (n * 7919) % board.items.len();
    if n % 3 == 2 {
        return Edit::MoveItem {
            id: board.items[at].id,
            to: at / 2,
        };
    }
    let mut item = (*board.items[at]).clone();
    item.title = format!("{} ({n})", item.title);
    Edit::UpdateItem(Box::new(item))
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    println!(
        "| items | change → durable p50 / p99 (ms) | replay 1,000 edits: exact / onto a changed file (ms) |"
    );
    println!("| ---: | ---: | ---: |");
    for n in [1_000usize, 10_000, 100_000] {
        let mut board = generate(n, 1);
        let path = dir.path().join(format!("b{n}.ron"));
        let text = to_ron(&board).expect("serialises");
        std::fs::write(&path, &text).expect("writes");
        let (len, hash) = (text.len() as u64, content_hash(text.as_bytes()));
        let original = board.clone();

        let mut journal = Journal::new(&path, len, hash);
        let mut times = Vec::new();
        for i in 0..1_000 {
            let edit = change(&board, i);
            let start = Instant::now();
            let undo = board.apply(edit.clone()).expect("applies");
            journal
                .append(vec![(i as u64 + 1, edit, undo)])
                .expect("journals");
            times.push(start.elapsed());
        }
        times.sort();

        let start = Instant::now();
        let mut replayed = original.clone();
        let exact = recover(&path, &mut replayed, len, hash).expect("a journal");
        let exact_ms = start.elapsed().as_secs_f64() * 1e3;
        assert!(exact.exact && exact.report.applied == 1_000);
        assert!(replayed == board, "the replay gives the board");

        // The file changed while cairn was not running: one item retitled by someone else.
        let mut theirs = original.clone();
        let mut item = (*theirs.items[n / 2]).clone();
        item.title.push_str(" (theirs)");
        theirs
            .apply(Edit::UpdateItem(Box::new(item)))
            .expect("applies");
        let start = Instant::now();
        let changed = recover(&path, &mut theirs, len + 1, hash ^ 1).expect("a journal");
        let changed_ms = start.elapsed().as_secs_f64() * 1e3;
        assert!(!changed.exact);
        println!(
            "| {n} | {:.2} / {:.2} | {exact_ms:.0} / {changed_ms:.0} |",
            percentile(&times, 0.5),
            percentile(&times, 0.99)
        );
        journal.remove().expect("removes");
    }
}
