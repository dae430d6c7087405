//! cairn: a keyboard-first planning board in the terminal.
// No unsafe code but the board file's map (`store/mmap.rs`, its one `allow`).
#![deny(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod app;
pub mod cli;
pub mod commands;
pub mod gitmerge;
pub mod input;
pub mod io;
pub mod model;
pub mod store;
pub mod tui;
pub mod ui;

/// Today's date in the local time zone. `CAIRN_TODAY=YYYY-MM-DD` pins it (for tests and demos).
pub fn today() -> jiff::civil::Date {
    if let Some(d) = std::env::var("CAIRN_TODAY")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        return d;
    }
    jiff::Zoned::now().date()
}
