//! The loaders against damaged input: every truncation of the sample board and of a small generated
//! board, and thousands of seeded byte mutations of boards, CSV files and configs. No panic, no load
//! over 500 ms, every parse error has a line:column inside the text, and a board is accepted only
//! whole: a truncated file never loads, and whatever loads round-trips and equals what the reference
//! parser (ron itself) makes of it.
//!
//! `CAIRN_FUZZ_MUTATIONS=N` (default 3000) and `CAIRN_FUZZ_SEED=S` run the long or another form.

use cairn::io::csv::{CsvError, export_items, plan_import};
use cairn::io::generate::generate;
use cairn::model::Board;
use cairn::store::{self, Store, StoreError};
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

/// The budget for one load of damaged input (DESIGN: never hang).
const SLOW: Duration = Duration::from_millis(500);

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < SLOW, "{what} took {took:?}");
    out
}

/// Where (line, column) the end of `text` is: no error may point past it.
fn end_of(text: &str) -> (usize, usize) {
    let line = text.matches('\n').count() + 1;
    let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// An error from loading `text`: a parse error points inside the text and says so in its message.
fn check_error(e: &StoreError, text: &str, what: &str) {
    let msg = e.to_string();
    match e {
        StoreError::Parse { line, col, .. } => {
            assert!(*line >= 1 && *col >= 1, "{what}: {msg}");
            assert!(
                msg.contains(&format!(":{line}:{col}: ")),
                "{what}: the message lacks line:column: {msg}"
            );
            assert!(
                (*line, *col) <= end_of(text) || *line < end_of(text).0,
                "{what}: {line}:{col} is past the end {:?}: {msg}",
                end_of(text)
            );
        }
        // Validation names the item or entry at fault; a newer version says which.
        StoreError::Invalid { .. } | StoreError::NewerVersion { .. } => {}
        other => panic!("{what}: unexpected error {other:?}"),
    }
}

/// Loads `text`; a board that loads must be a whole one (see the module doc).
fn load(text: &str, what: &str) -> Option<Board> {
    let path = Path::new("board.ron");
    match timed(what, || store::from_ron(text, path)) {
        Ok(board) => {
            let reference = store::from_ron_reference(text, path)
                .unwrap_or_else(|e| panic!("{what}: the fast path accepted what ron refuses: {e}"));
            assert!(board == reference, "{what}: the fast path differs from ron");
            let again = store::to_ron(&board).expect("serialises");
            let back = store::from_ron(&again, path).expect("a saved board loads");
            assert!(back == board, "{what}: does not round-trip");
            Some(board)
        }
        // An error always comes from ron itself (the fast path falls back to it).
        Err(e) => {
            check_error(&e, text, what);
            None
        }
    }
}

/// Truncations of `text` at the byte offsets `cuts` (char boundaries only): only those that cut
/// nothing but trailing whitespace load.
fn truncations(text: &str, cuts: impl Iterator<Item = usize>, what: &str) -> usize {
    let whole = text.trim_end().len();
    let full = load(text, what).expect("the untruncated board loads");
    let cuts: Vec<usize> = cuts.filter(|&n| text.is_char_boundary(n)).collect();
    // Two threads: a truncated prefix is parsed up to its end, so the work grows with the square.
    std::thread::scope(|s| {
        for half in cuts.chunks(cuts.len().div_ceil(2)) {
            let full = &full;
            s.spawn(move || {
                for &n in half {
                    let what = format!("{what} cut at byte {n}");
                    match load(&text[..n], &what) {
                        Some(b) => {
                            assert!(n >= whole, "{what}: a partial board was accepted");
                            assert!(b == *full, "{what}");
                        }
                        None => assert!(n < whole, "{what}: refused a whole board"),
                    }
                }
            });
        }
    });
    cuts.len()
}

#[test]
fn every_truncation_of_a_small_generated_board_is_refused() {
    let text = store::to_ron(&generate(3, 7)).expect("serialises");
    let n = truncations(&text, 0..=text.len(), "generated board");
    eprintln!("{n} truncations of a {} byte generated board", text.len());
}

/// A debug build parses ~5 MB/s, and the 45 KB sample has 45,000 prefixes (~5 min): by default every
/// byte of the first 2 KB (every kind of value) and one cut in each line, at a point that moves
/// along the lines; `CAIRN_FUZZ_FULL=1` cuts at every byte.
#[test]
fn truncations_of_the_sample_board_are_refused() {
    let text = store::SAMPLE_BOARD;
    let cuts: Vec<usize> = if std::env::var_os("CAIRN_FUZZ_FULL").is_some() {
        (0..=text.len()).collect()
    } else {
        let mut cuts: Vec<usize> = (0..2048).collect();
        let mut start = 0;
        for (i, line) in text.split_inclusive('\n').enumerate() {
            cuts.push(start + (i * 7919) % line.len().max(1));
            start += line.len();
        }
        cuts.push(text.len());
        cuts.sort_unstable();
        cuts.dedup();
        cuts
    };
    let n = truncations(text, cuts.into_iter(), "sample board");
    eprintln!("{n} truncations of the {} byte sample board", text.len());
}

/// Byte truncations through the file path too (a cut inside a UTF-8 sequence is "not UTF-8 text"),
/// and the file is left as it was.
#[test]
fn truncated_files_are_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("board.ron");
    let bytes = store::SAMPLE_BOARD.as_bytes();
    let whole = store::SAMPLE_BOARD.trim_end().len();
    let mut cuts: Vec<usize> = (0..bytes.len()).step_by(211).collect();
    // Every cut inside a multi-byte character.
    cuts.extend((0..bytes.len()).filter(|&n| !store::SAMPLE_BOARD.is_char_boundary(n)));
    for n in cuts {
        fs::write(&path, &bytes[..n]).expect("writes");
        let what = format!("sample board file cut at byte {n}");
        let err = match timed(&what, || Store::open(&path, None)) {
            Ok(_) => panic!("{what}: a partial board was opened"),
            Err(e) => e,
        };
        assert!(n < whole);
        let text = String::from_utf8_lossy(&bytes[..n]);
        check_error(&err, &text, &what);
        assert_eq!(fs::read(&path).expect("reads"), &bytes[..n], "{what}");
        assert!(store::list_backups(&path).is_empty(), "{what}");
    }
}

/// A multi-byte character across the 4 KiB where the version is looked for: this panicked once.
#[test]
fn a_character_across_4_kib_is_read() {
    for pad in 0..3 {
        let mut board = generate(3, 1);
        board.project.vision = format!("{}{}", "x".repeat(pad), "é—".repeat(1500));
        let text = store::to_ron(&board).expect("serialises");
        assert_eq!(load(&text, "4 KiB").as_ref(), Some(&board));
    }
}

/// Bytes that matter to RON and to UTF-8.
const INTERESTING: &[u8] = b"()[]{},:\"\\'/*#!rSomeNonetrue-+.eE0123456789 \n\t\x00\xff\xc3\xa9";

fn mutate(rng: &mut fastrand::Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..rng.usize(1..=4) {
        let at = rng.usize(0..=out.len());
        match rng.u8(0..7) {
            0 if at < out.len() => out[at] = rng.u8(..),
            1 if at < out.len() => out[at] = INTERESTING[rng.usize(..INTERESTING.len())],
            2 => out.insert(at, INTERESTING[rng.usize(..INTERESTING.len())]),
            3 => {
                let end = (at + rng.usize(1..64)).min(out.len());
                out.drain(at..end);
            }
            4 => {
                // Copy a piece of the file elsewhere (duplicated fields, nested brackets).
                let from = rng.usize(0..=out.len());
                let end = (from + rng.usize(1..200)).min(out.len());
                let piece = out[from..end].to_vec();
                out.splice(at..at, piece);
            }
            5 if at < out.len() && out[at].is_ascii_digit() => {
                // Huge numbers: overflow must be an error, not a panic.
                out.splice(at..at, b"99999999999999999999".iter().copied());
            }
            _ => {
                let end = (at + rng.usize(0..8)).min(out.len());
                out.truncate(end);
            }
        }
    }
    out
}

fn seed() -> u64 {
    env_number("CAIRN_FUZZ_SEED", 0x00CA_1A4E)
}

fn mutations() -> u64 {
    env_number("CAIRN_FUZZ_MUTATIONS", 3000)
}

#[test]
fn mutated_boards_never_panic_and_never_load_in_part() {
    let mut rng = fastrand::Rng::with_seed(seed());
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("board.ron");
    let small = store::to_ron(&generate(4, 3)).expect("serialises");
    let sources: [&[u8]; 2] = [small.as_bytes(), store::SAMPLE_BOARD.as_bytes()];
    let (mut loaded, mut refused) = (0, 0);
    for n in 0..mutations() {
        let bytes = mutate(&mut rng, sources[usize::from(n % 4 == 3)]);
        let what = format!("mutation {n} (seed {})", seed());
        match std::str::from_utf8(&bytes) {
            Ok(text) => match load(text, &what) {
                Some(_) => loaded += 1,
                None => refused += 1,
            },
            Err(_) => refused += 1,
        }
        // One in eight also goes through the file and the TUI's open path.
        if n % 8 == 0 {
            fs::write(&path, &bytes).expect("writes");
            let opened = timed(&what, || Store::open(&path, None));
            if let Err(e) = &opened {
                check_error(e, &String::from_utf8_lossy(&bytes), &what);
                assert_eq!(fs::read(&path).expect("reads"), bytes, "{what}: touched");
            }
        }
    }
    eprintln!(
        "{} board mutations: {loaded} loaded whole, {refused} refused",
        mutations()
    );
    assert!(
        refused > loaded,
        "the mutations should mostly break the file"
    );
}

fn sample_csv() -> Vec<u8> {
    let mut out = Vec::new();
    export_items(&generate(12, 5), &mut out).expect("exports");
    out.extend_from_slice(
        "\n\"Quoted, with a comma\",Story,3\nÉtoile,Bug,x\n,,,\n\"unterminated\n".as_bytes(),
    );
    out
}

fn check_csv(board: &Board, data: &[u8], what: &str) -> bool {
    let today = jiff::civil::date(2026, 11, 28);
    match timed(what, || plan_import(board, data, today)) {
        Ok(import) => {
            for issue in import.skipped.iter().chain(&import.warnings) {
                assert!(issue.line >= 1, "{what}: {issue}");
            }
            // The plan applies to the board it was made for.
            let mut copy = board.clone();
            let applied = copy.apply(import.edit);
            assert!(applied.is_ok(), "{what}: the planned import does not apply");
            assert_eq!(copy.items.len(), board.items.len() + import.added.len());
            assert!(copy.validate().is_empty(), "{what}: {:?}", copy.validate());
            true
        }
        Err(CsvError::Parse { line, message }) => {
            assert!(line >= 1, "{what}: {message}");
            false
        }
        Err(CsvError::Empty | CsvError::NoTitleColumn { .. }) => false,
        Err(e) => panic!("{what}: unexpected error {e}"),
    }
}

#[test]
fn csv_import_survives_truncations_and_mutations() {
    let board = generate(5, 1);
    let csv = sample_csv();
    for n in 0..=csv.len() {
        check_csv(&board, &csv[..n], &format!("csv cut at byte {n}"));
    }
    let mut rng = fastrand::Rng::with_seed(seed());
    let mut planned = 0;
    for n in 0..mutations() {
        let data = mutate(&mut rng, &csv);
        planned += usize::from(check_csv(&board, &data, &format!("csv mutation {n}")));
    }
    eprintln!(
        "{} csv truncations, {} mutations ({planned} planned)",
        csv.len() + 1,
        mutations()
    );
}

const CONFIG: &str = r#"(
  theme: Light,
  mouse: false,
  keys: {
    "backlog": { "x": "delete_item", "d": "none" },
    "global": { "ctrl-s": "reload" },
  },
)
"#;

#[test]
fn config_loader_survives_truncations_and_mutations() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.ron");
    let check = |bytes: &[u8], what: &str| {
        fs::write(&path, bytes).expect("writes");
        let (config, problem) = timed(what, || cairn::input::load_config(&path));
        if let Some(p) = problem {
            assert_eq!(config, cairn::input::Config::default(), "{what}: {p}");
            let after = p.strip_prefix(&format!("{}", path.display())).unwrap_or("");
            let mut parts = after.splitn(4, ':');
            let (_, line, col) = (parts.next(), parts.next(), parts.next());
            let numbers = [line, col].map(|s| s.and_then(|s| s.parse::<usize>().ok()));
            assert!(
                p.contains("cannot read") || numbers.iter().all(|n| n.is_some_and(|n| n >= 1)),
                "{what}: no line:column in {p}"
            );
        }
        // Whatever loads, the keymap takes or reports; it never panics.
        let _ = cairn::input::Keymap::default().rebind(&config.keys);
    };
    for n in 0..=CONFIG.len() {
        check(&CONFIG.as_bytes()[..n], &format!("config cut at byte {n}"));
    }
    let mut rng = fastrand::Rng::with_seed(seed());
    let count = mutations() / 3;
    for n in 0..count {
        check(
            &mutate(&mut rng, CONFIG.as_bytes()),
            &format!("config mutation {n}"),
        );
    }
    eprintln!("{} config truncations, {count} mutations", CONFIG.len() + 1);
}
