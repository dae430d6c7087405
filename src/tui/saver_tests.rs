//! The saver's threads and their priorities.

/// The nice values of this process's threads called `name` (field 19 of their stat).
fn nice_of(name: &str) -> Vec<i32> {
    let tasks = std::fs::read_dir("/proc/self/task").expect("/proc");
    let stat = |t: std::fs::DirEntry| std::fs::read_to_string(t.path().join("stat")).ok();
    let of = |s: String| {
        s.rsplit_once(')')?
            .1
            .split_whitespace()
            .nth(16)?
            .parse()
            .ok()
    };
    tasks
        .filter_map(Result::ok)
        .filter(|t| std::fs::read_to_string(t.path().join("comm")).is_ok_and(|c| c.trim() == name))
        .filter_map(stat)
        .filter_map(of)
        .collect()
}

#[test]
fn the_rewrite_runs_below_the_keys_and_the_journal_beside_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("board.ron");
    let board = crate::commands::sample_board(jiff::civil::date(2026, 12, 1));
    let store = crate::store::Store::create(&path, &board, false).expect("written");
    let _saver = super::Saver::start(store);
    let start = std::time::Instant::now();
    while !nice_of("cairn-save").contains(&10) && start.elapsed().as_secs() < 5 {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        nice_of("cairn-save").contains(&10),
        "{:?}",
        nice_of("cairn-save")
    );
    assert!(nice_of("cairn-journal").iter().all(|&n| n == 0));
}
