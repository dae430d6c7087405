//! The proof suites, one test binary (one link instead of one per suite): what the README's
//! "Proof" table promises about the file, the terminal and hostile conditions, each checked against
//! the real binary or the store. Run one suite with `cargo test --test proof crash::`.

#[path = "../common/mod.rs"]
mod common;

mod backups;
mod crash;
mod durable;
mod faults;
mod files;
mod instances;
mod loader_fuzz;
mod output;
mod paths;
mod terminal;
