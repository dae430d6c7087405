//! What load refuses, naming the path (and line:column) and leaving the file byte for byte: bad text,
//! a newer version, an invalid board, values outside the forms' limits; and every board we ship or
//! test with validates.

use super::*;

/// Each refusal names the path (and line:column where there is one) and leaves the file byte for byte.
fn refused(contents: &[u8]) -> (String, StoreError) {
    let dir = temp();
    let path = dir.path().join("board.ron");
    fs::write(&path, contents).expect("writes");
    let err = match Store::open(&path, Some(&generate(5, 1))) {
        Ok(_) => panic!("opened a bad file"),
        Err(e) => e,
    };
    assert_eq!(
        fs::read(&path).expect("reads"),
        contents,
        "file was touched"
    );
    assert!(
        store::list_backups(&path).is_empty(),
        "no backup for a file never saved"
    );
    (err.to_string(), err)
}

#[test]
fn bad_files_are_refused_with_line_and_column_and_left_untouched() {
    let good = store::to_ron(&generate(20, 2)).expect("serialises");
    let (msg, e) = refused(b"");
    assert!(msg.ends_with("board.ron:1:1: the file is empty"), "{msg}");
    assert!(matches!(e, StoreError::Parse { .. }));

    let truncated = &good.as_bytes()[..good.len() / 2];
    let (msg, e) = refused(truncated);
    assert!(
        matches!(e, StoreError::Parse { line, .. } if line > 1),
        "{msg}"
    );

    let broken = good.replacen("kind: Story", "kind: Storyy", 1);
    let (msg, e) = refused(broken.as_bytes());
    let StoreError::Parse { line, col, .. } = e else {
        panic!("{msg}")
    };
    let expected_line = broken
        .lines()
        .position(|l| l.contains("Storyy"))
        .expect("there")
        + 1;
    assert_eq!(line, expected_line, "{msg}");
    assert!(
        col > 1 && msg.contains(&format!(":{line}:{col}: ")),
        "{msg}"
    );

    let (msg, _) = refused(b"\xff\xfe not text");
    assert!(msg.contains(":1:1: not UTF-8 text"), "{msg}");

    // A board over a megabyte is mapped and checked another way: the place is still exact, and so
    // is a sequence cut at the very end.
    let large = store::to_ron(&generate(3_000, 2)).expect("serialises");
    assert!(large.len() > 1 << 20, "large enough to be mapped");
    let lines: Vec<&str> = large.lines().collect();
    let at = lines.len() * 2 / 3;
    let mut bad = lines[..at].join("\n").into_bytes();
    bad.extend_from_slice(b"\n    ab\xc3(");
    bad.extend_from_slice(lines[at..].join("\n").as_bytes());
    let (msg, _) = refused(&bad);
    assert!(
        msg.contains(&format!(":{}:7: not UTF-8 text", at + 1)),
        "{msg}"
    );
    let mut cut = large.into_bytes();
    cut.extend_from_slice("é".as_bytes().split_last().expect("two bytes").1);
    let (msg, _) = refused(&cut);
    assert!(msg.contains("not UTF-8 text"), "{msg}");
}

#[test]
fn a_newer_version_is_refused_and_never_rewritten() {
    let newer = store::to_ron(&generate(5, 1))
        .expect("serialises")
        .replacen(&format!("version: {SCHEMA_VERSION}"), "version: 99", 1);
    let (msg, e) = refused(newer.as_bytes());
    assert!(
        matches!(e, StoreError::NewerVersion { found: 99, .. }),
        "{msg}"
    );
    assert!(msg.contains("newer cairn"), "{msg}");
}

#[test]
fn an_invalid_board_names_the_item() {
    let text = store::to_ron(&generate(20, 2))
        .expect("serialises")
        .replacen("status: \"To do\"", "status: \"Someday\"", 1);
    let (msg, e) = refused(text.as_bytes());
    assert!(matches!(e, StoreError::Invalid { .. }), "{msg}");
    assert!(
        msg.contains("item GEN-") && msg.contains("status \"Someday\" is not a workflow column"),
        "{msg}"
    );
}

/// Load keeps the limits the forms keep (`model::value`): a value the TUI would refuse, or one its
/// date arithmetic cannot take, is refused with the thing's name, and the file is left untouched.
#[test]
fn values_outside_the_forms_limits_are_refused_on_load() {
    let sample = store::SAMPLE_BOARD;
    let cases = [
        (
            sample.replacen("cadence_days: 14,", "cadence_days: 8000000,", 1),
            "update cadence 8000000 is not 1–365 days",
        ),
        (
            sample.replacen("capacity: 26,", "capacity: 4000000000,", 1),
            "capacity 4000000000 is not 0–9999 points",
        ),
        (
            sample.replacen("wip_limit: Some(3),", "wip_limit: Some(0),", 1),
            "workflow column \"Doing\": WIP limit 0 is not 1–999 items",
        ),
        (
            sample.replacen("job_size: 3,", "job_size: 40,", 1),
            "WSJF job size 40 is not 1–20",
        ),
        (
            sample.replacen("effort: 3,", "effort: 0,", 1),
            "RICE effort 0 is not a whole number above 0",
        ),
        (
            sample.replacen("end: \"2026-", "end: \"9999-", 1),
            "is outside the years 1000–9000",
        ),
        (
            sample.replacen("title: \"", &format!("title: \"{}", "x".repeat(600)), 1),
            "the title is 6",
        ),
    ];
    for (text, expected) in cases {
        assert_ne!(text, sample, "the case {expected:?} changed nothing");
        let (msg, e) = refused(text.as_bytes());
        assert!(matches!(e, StoreError::Invalid { .. }), "{msg}");
        assert!(msg.contains(expected), "expected {expected:?} in {msg}");
    }
    let (msg, _) = refused(
        sample
            .replacen("cadence_days: 14,", "cadence_days: 8000000,", 1)
            .as_bytes(),
    );
    assert!(msg.contains("stakeholder "), "names the stakeholder: {msg}");
}

#[test]
fn every_board_shipped_or_tested_with_validates() {
    let sample = store::from_ron(store::SAMPLE_BOARD, Path::new("assets/sample-board.ron"))
        .expect("the sample board loads");
    assert!(sample.validate().is_empty());
    for entry in fs::read_dir("tests/data").expect("tests/data") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "ron") {
            let board = store::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(board.validate().is_empty(), "{}", path.display());
        }
    }
    for (n, seed) in [(0, 1), (50, 2), (3000, 3)] {
        let board = generate(n, seed);
        assert_eq!(board.validate(), vec![], "generate {n} {seed}");
    }
}
