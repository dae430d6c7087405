//! Round trips: load of a save is the board and saves the same bytes, one edit changes one line, any
//! generated board round-trips, a version 1 file is migrated, and the fast reader and comments.

use super::*;

#[test]
fn load_of_save_is_the_board_and_saving_again_gives_the_same_bytes() {
    let dir = temp();
    let path = dir.path().join("board.ron");
    let board = generate(300, 3);
    let mut st = Store::create(&path, &board, false).expect("creates");
    let first = fs::read(&path).expect("reads");
    let loaded = store::read(&path).expect("loads");
    assert_eq!(loaded, board);
    assert_eq!(st.save(&loaded).expect("saves"), Saved::Written);
    assert_eq!(
        fs::read(&path).expect("reads"),
        first,
        "same model, same bytes"
    );
    let text = String::from_utf8(first).expect("utf-8");
    assert!(text.ends_with(")\n") && !text.contains("\r\n"));
}

#[test]
fn editing_one_field_changes_only_that_line() {
    let mut board = generate(50, 1);
    let before = store::to_ron(&board).expect("serialises");
    let i = board.item_index(ItemId(20)).expect("item 20");
    std::sync::Arc::make_mut(&mut board.items[i]).title = "A new title".into();
    let after = store::to_ron(&board).expect("serialises");
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].1.contains("title: \"A new title\""));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn any_generated_board_round_trips(items in 0usize..400, seed in any::<u64>()) {
        let board = generate(items, seed);
        let text = store::to_ron(&board).expect("serialises");
        let back = store::from_ron(&text, Path::new("p.ron")).expect("parses");
        prop_assert_eq!(&back, &board);
        prop_assert_eq!(store::to_ron(&back).expect("serialises"), text);
    }
}

#[test]
fn a_version_1_file_is_migrated() {
    let path = Path::new("tests/data/board-v1.ron");
    let board = store::read(path).expect("migrates");
    assert_eq!(board.version, SCHEMA_VERSION);
    let dana = &board.stakeholders[0];
    assert_eq!((dana.power, dana.interest), (4, 2), "High → 4, Low → 2");
    assert_eq!(
        board.stakeholders[1].quadrant(),
        cairn::model::Quadrant::KeepInformed
    );
    assert!(board.risks.is_empty());
    assert_eq!(board.items.len(), 2);
    let migrated = store::to_ron(&board).expect("serialises");
    let golden_path = "tests/data/board-v1-migrated.ron";
    if std::env::var_os("CAIRN_UPDATE_GOLDEN").is_some() {
        fs::write(golden_path, &migrated).expect("writes golden file");
    }
    assert_eq!(
        migrated,
        fs::read_to_string(golden_path).expect("golden file")
    );
}

/// A board as a save writes it is read by the fast path, which stops at anything a save would
/// not write (a comment included): such a board is not searched for comments at the start, and a
/// `//` inside a title is no comment. A hand-written comment is still announced, once.
#[test]
fn only_a_comment_outside_the_strings_is_announced() {
    let dir = temp();
    let path = dir.path().join("b.ron");
    let mut board = generate(50, 4);
    std::sync::Arc::make_mut(&mut board.items[0]).title = "See https://example.com // later".into();
    write_board(&path, &board);
    let mut opened = Store::open(&path, None).expect("opens");
    assert_eq!(opened.board, board);
    let said = opened.store.take_notices().join(" · ");
    assert!(!said.contains("has comments"), "{said}");
    drop(opened);

    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replacen("\n  items: [", "\n  // the backlog\n  items: [", 1),
    )
    .unwrap();
    let mut opened = Store::open(&path, None).expect("opens");
    assert_eq!(opened.board, board, "the same board, read by ron");
    let said = opened.store.take_notices().join(" · ");
    assert_eq!(said.matches("has comments").count(), 1, "{said}");
}
