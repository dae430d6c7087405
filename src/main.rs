//! cairn's entry point: parse the command line, run a subcommand or open the board.

use cairn::cli::Cli;
use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

// mimalloc: a 100k board is ≈ 1.5 million allocations at start-up; glibc's malloc grows a second
// thread's arena with an mprotect per step and costs ≈ 20% more of the start (issue 18). Without
// transparent huge pages (see `main`): with them, a start now and then spent 0.3 s in the kernel
// zeroing and compacting 2 MB pages (100k starts of 300-450 ms among ones of 110-160).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cairn::tui::note_start();
    // Small pages for this process (the flag is read at each fault, so it holds for what is already
    // mapped): a board's memory is many small allocations, which huge pages only make slower to
    // fault in and larger to keep. Refused by an old kernel: nothing changes.
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    let cli = Cli::parse();
    // A bug in a subcommand is still a failure with a message and status 1, never 101 (the panic's
    // own message is printed first by the default hook).
    let result = std::panic::catch_unwind(|| cairn::commands::run(cli)).unwrap_or_else(|_| {
        Err(cairn::io::Failure::data(
            "cairn hit a bug and stopped (the message is above)",
        ))
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            let mut stderr = std::io::stderr().lock();
            for line in failure.lines() {
                // Lines name items and projects: their control characters never reach the terminal.
                let _ = writeln!(stderr, "{}", cairn::io::terminal_safe(line));
            }
            ExitCode::from(failure.code())
        }
    }
}
