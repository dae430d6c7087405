//! Helpers shared by the integration tests; each test file uses a part of them.
#![allow(dead_code)]

pub mod cli;
pub mod hostile;
pub mod keys;
pub mod screen;
pub mod tmux;
