//! The fast reader against ron itself.

use super::*;
use crate::store::format::FromFile;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct S {
    a: u8,
    #[serde(default)]
    b: Option<Vec<String>>,
    c: BTreeMap<String, E>,
    d: (i32, f64),
}

#[derive(Debug, Deserialize, PartialEq)]
enum E {
    Unit,
    New(u32),
    Tup(u8, u8),
    Rec { x: bool },
}

fn both(text: &str) -> Option<S> {
    let fast = from_str::<S>(text).ok();
    let reference = ron::from_str::<S>(text).ok();
    if fast.is_some() {
        assert_eq!(fast, reference, "{text}");
    }
    fast
}

#[test]
fn reads_what_ron_reads() {
    let text = "(\n  a: 7,\n  b: Some([\n    \"x\\\"y\\u{301}\\'\",\n  ]),\n  c: {\n    \"k\": Rec(\n      x: true,\n    ),\n    \"l\": Tup(1, 2),\n    \"m\": New(3),\n    \"n\": Unit,\n  },\n  d: (-4, 1e-7),\n)\n";
    assert!(both(text).is_some());
    assert!(both("(a: 0, c: {}, d: (0, 0.5))").is_some());
}

#[test]
fn boards_that_cairn_writes_take_the_fast_path() {
    let sample = from_str::<FromFile>(crate::store::SAMPLE_BOARD)
        .expect("the sample is fast")
        .0
        .expect("sound");
    let by_ron = ron::from_str::<FromFile>(crate::store::SAMPLE_BOARD)
        .expect("ron reads it")
        .0
        .expect("sound");
    assert_eq!(sample, by_ron);
    for seed in 0..4 {
        let board = crate::io::generate::generate(300, seed);
        let text = crate::store::to_ron(&board).expect("serialises");
        let read = from_str::<FromFile>(&text).expect("fast").0;
        assert_eq!(read.expect("sound"), board);
    }
}

#[test]
fn leaves_the_rest_to_ron() {
    for text in [
        "(a: 0x7, c: {}, d: (0, 0.5))",
        "(a: 1_0, c: {}, d: (0, 0.5))",
        "(a: 300, c: {}, d: (0, 0.5))",
        "// c\n(a: 1, c: {}, d: (0, 0.5))",
        "S(a: 1, c: {}, d: (0, 0.5))",
        "(a: 1, c: {}, d: (0, 5))",
        "(a: 1, c: {}, d: (0, 0.5, 1))",
        "(a: 1, c: {}, d: (0, 0.5), e: 1)",
        "(a: 1, c: {\"k\": Unit()}, d: (0, 0.5))",
        "(a: 1, b: Some(r\"x\"), c: {}, d: (0, 0.5))",
        "(a: 1, c: {}, d: (0, 0.5)) x",
        "(a: 01, c: {}, d: (0, 0.5))",
    ] {
        assert!(from_str::<S>(text).is_err(), "{text}");
    }
}

mod property {
    use super::super::from_str;
    use crate::store::format::FromFile;
    use proptest::prelude::*;
    use std::sync::Arc;

    /// Text that stresses the string reader: any Unicode, and plenty of quotes, backslashes, line
    /// breaks, control characters and escapes-lookalikes.
    fn nasty() -> impl Strategy<Value = String> {
        let pieces = prop_oneof![
            any::<String>(),
            Just("\"".to_string()),
            Just("\\".to_string()),
            Just("\\u{301}".to_string()),
            Just("\n\r\t".to_string()),
            Just("\u{0}\u{1b}\u{7f}\u{9b}".to_string()),
            Just("é𝄞\u{301}\u{feff}\u{202e}".to_string()),
            Just("'\\'\"#r#\"".to_string()),
            "[a-z ]{0,8}",
        ];
        prop::collection::vec(pieces, 0..6).prop_map(|v| v.concat())
    }

    fn limit_u32() -> impl Strategy<Value = u32> {
        prop_oneof![
            Just(0),
            Just(1),
            Just(u32::MAX),
            Just(u32::MAX - 1),
            any::<u32>()
        ]
    }

    fn limit_u64() -> impl Strategy<Value = u64> {
        prop_oneof![
            Just(0),
            Just(u64::MAX),
            Just(i64::MAX as u64 + 1),
            any::<u64>()
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(128),
        ))]

        /// What `to_ron` writes, the fast reader reads, and reads exactly as ron does.
        #[test]
        fn the_fast_reader_equals_ron(
            seed in 0u64..50,
            texts in prop::collection::vec(nasty(), 8),
            counters in prop::collection::vec(limit_u32(), 6),
            budget in limit_u64(),
            points in any::<Option<u8>>(),
            cadence in limit_u32(),
        ) {
            let mut board = crate::io::generate::generate(12, seed);
            board.project.name = texts[0].clone();
            board.project.vision = texts[1].clone();
            board.project.budget = budget;
            board.project.currency = texts[2].clone();
            let c = &mut board.counters;
            (c.item, c.sprint, c.entry, c.risk, c.stakeholder, c.note) =
                (counters[0], counters[1], counters[2], counters[3], counters[4], counters[5]);
            if let Some(first) = board.items.first_mut() {
                let it = Arc::make_mut(first);
                it.title = texts[3].clone();
                it.description = texts[4].clone();
                it.assignee = texts[5].clone();
                it.tags = vec![texts[6].clone(), texts[7].clone()];
                it.points = points;
            }
            if let Some(s) = board.stakeholders.first_mut() {
                s.cadence_days = cadence;
                s.name = texts[7].clone();
            }
            // The file keeps no counters: a board reads back with them derived from its ids.
            board.counters = crate::model::Counters::default();
            board.repair_counters();
            let text = crate::store::to_ron(&board).expect("serialises");
            let reference = ron::from_str::<FromFile>(&text).expect("ron reads what it wrote").0;
            prop_assert_eq!(reference.as_ref().ok(), Some(&board));
            let fast = from_str::<FromFile>(&text);
            prop_assert!(fast.is_ok(), "the fast path bailed on cairn's own output");
            prop_assert_eq!(fast.ok().and_then(|f| f.0.ok()), reference.ok());
        }
    }
}
