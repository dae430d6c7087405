//! A test hook: with `CAIRN_TEST_FAIL=panic` (or `=error`) the event loop panics (or returns an
//! error) right after the first change, so `tests/terminal.rs` can check that both leave the terminal
//! as it was and the change on disk. cairn has no other way to reach those paths on purpose; without
//! the variable this does nothing.

use std::io;

#[derive(Clone, Copy)]
pub enum Fail {
    Panic,
    Error,
}

/// What the environment asks for, read once when the loop starts.
pub fn requested() -> Option<Fail> {
    match std::env::var("CAIRN_TEST_FAIL").as_deref() {
        Ok("panic") => Some(Fail::Panic),
        Ok("error") => Some(Fail::Error),
        _ => None,
    }
}

/// Fails as asked once the board has changed.
pub fn fail_after_a_change(hook: Option<Fail>, changes: u64) -> io::Result<()> {
    match hook {
        Some(Fail::Panic) if changes > 0 => {
            panic!("CAIRN_TEST_FAIL=panic: a test asked for a panic")
        }
        Some(Fail::Error) if changes > 0 => Err(io::Error::other(
            "CAIRN_TEST_FAIL=error: a test asked for an error",
        )),
        _ => Ok(()),
    }
}
