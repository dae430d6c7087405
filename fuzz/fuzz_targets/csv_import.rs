//! The CSV import planner on any bytes: no panic, and a plan that applies to the board it was made
//! for and leaves it valid.
#![no_main]

use cairn::io::csv::{CsvError, plan_import};
use cairn::model::Board;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static BOARD: LazyLock<Board> = LazyLock::new(|| cairn::io::generate::generate(5, 1));

fuzz_target!(|data: &[u8]| {
    let today = jiff::civil::date(2026, 11, 28);
    match plan_import(&BOARD, data, today) {
        Ok(import) => {
            let mut board = BOARD.clone();
            let added = import.added.len();
            board.apply(import.edit).expect("the plan applies");
            assert_eq!(board.items.len(), BOARD.items.len() + added);
            assert!(board.validate().is_empty(), "{:?}", board.validate());
        }
        Err(CsvError::Parse { line, .. }) => assert!(line >= 1),
        Err(_) => {}
    }
});
