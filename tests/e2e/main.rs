//! The end-to-end suites in one test binary (one link instead of four): the real `cairn` binary in
//! a private tmux server, driven with keystrokes. Without tmux the tests say they were skipped,
//! except under CI (`CI` set), where that is a failure (see `common::tmux`).

#[path = "../common/mod.rs"]
mod common;

mod e2e_init;
mod e2e_input;
mod e2e_live;
mod e2e_people;
mod e2e_sprint;
mod e2e_timeline;
mod e2e_tmux;
mod e2e_views;
