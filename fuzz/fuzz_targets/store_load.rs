//! The board loader on any bytes: no panic; an error names line:column; a board that loads is the
//! one ron itself reads (the fast path never differs) and saves and loads back to itself.
#![no_main]

use cairn::store::{self, StoreError};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("board.ron");
    match store::from_ron(text, path) {
        Ok(board) => {
            let reference = store::from_ron_reference(text, path).expect("ron reads it too");
            assert!(board == reference, "the fast path differs from ron");
            let saved = store::to_ron(&board).expect("serialises");
            let back = store::from_ron(&saved, path).expect("a saved board loads");
            assert!(back == board, "does not round-trip");
        }
        Err(StoreError::Parse { line, col, .. }) => assert!(line >= 1 && col >= 1),
        Err(StoreError::Invalid { .. } | StoreError::NewerVersion { .. }) => {}
        Err(e) => panic!("unexpected error: {e}"),
    }
});
