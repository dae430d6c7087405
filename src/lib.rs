//! cairn: a keyboard-first planning board in the terminal.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod model;
pub mod store;
pub mod io;
