//! Opening a board: the first open creates it and the first save backs up, the lock (a second writer
//! opens read-only), an outside change kept with ours in a conflict copy (a touch is no change), and
//! leftover temp files cleaned at the next start.

use super::*;

#[test]
fn first_open_creates_from_the_sample_and_first_save_backs_up() {
    let dir = temp();
    let path = dir.path().join("sub").join("board.ron");
    let sample = generate(30, 1);
    let opened = Store::open(&path, Some(&sample)).expect("creates");
    assert!(opened.created);
    assert_eq!(store::read(&path).expect("loads"), sample);
    drop(opened);

    let mut opened = Store::open(&path, Some(&sample)).expect("opens");
    assert!(!opened.created);
    let before = fs::read(&path).expect("reads");
    let mut board = opened.board.clone();
    board.project.name = "Renamed".into();
    opened.store.save(&board).expect("saves");
    board.project.name = "Renamed again".into();
    opened.store.save(&board).expect("saves");
    let backups = store::list_backups(&path);
    assert_eq!(
        backups.len(),
        1,
        "one backup per run, before its first save"
    );
    assert_eq!(store::backup_bytes(&backups[0]).expect("reads"), before);
}

#[test]
fn a_second_writer_is_refused_and_opens_read_only() {
    let dir = temp();
    let path = dir.path().join("board.ron");
    let board = generate(10, 1);
    let first = Store::create(&path, &board, false).expect("creates");
    assert!(!first.is_read_only());
    let mut second = Store::open(&path, None).expect("opens");
    assert!(second.store.is_read_only());
    assert!(matches!(
        second.store.save(&board),
        Err(StoreError::ReadOnly { .. })
    ));
    assert!(matches!(
        Store::open_to_write(&path),
        Err(StoreError::Locked { .. })
    ));
    drop(first);
    let third = Store::open(&path, None).expect("opens");
    assert!(
        !third.store.is_read_only(),
        "lock released when the first one goes"
    );
}

#[test]
fn an_outside_change_is_kept_and_ours_goes_to_a_conflict_copy() {
    let dir = temp();
    let path = dir.path().join("board.ron");
    let mut board = generate(10, 1);
    let mut st = Store::create(&path, &board, false).expect("creates");
    // Someone else (a git pull) rewrites the file.
    let mut theirs = board.clone();
    theirs.project.name = "Theirs".into();
    write_board(&path, &theirs);
    let their_bytes = fs::read(&path).expect("reads");

    board.project.name = "Ours".into();
    let Saved::Conflict { ours } = st.save(&board).expect("saves aside") else {
        panic!("overwrote an outside change")
    };
    assert_eq!(
        fs::read(&path).expect("reads"),
        their_bytes,
        "theirs untouched"
    );
    assert_eq!(store::read(&ours).expect("loads ours").project.name, "Ours");
    assert_eq!(st.conflict_copy(), Some(ours.as_path()));

    // Reloading accepts theirs; saves go to the board again.
    let reloaded = st.reload().expect("reloads");
    assert_eq!(reloaded.project.name, "Theirs");
    assert_eq!(st.save(&reloaded).expect("saves"), Saved::Written);
}

#[test]
fn touching_the_file_is_not_a_conflict() {
    let dir = temp();
    let path = dir.path().join("board.ron");
    let board = generate(10, 1);
    let mut st = Store::create(&path, &board, false).expect("creates");
    let same = fs::read(&path).expect("reads");
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&path, &same).expect("rewrites the same bytes");
    assert_eq!(st.save(&board).expect("saves"), Saved::Written);
}

#[test]
fn leftover_temp_files_are_cleaned_at_the_next_start() {
    let dir = temp();
    let path = dir.path().join("board.ron");
    write_board(&path, &generate(5, 1));
    let leftover: PathBuf = dir.path().join(".board.ron.Xy12ab.tmp");
    fs::write(&leftover, "(half a board").expect("writes");
    let opened = Store::open(&path, None).expect("opens");
    assert_eq!(opened.cleaned, vec![leftover.clone()]);
    assert!(!leftover.exists());
}
