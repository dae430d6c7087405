//! cairn's entry point: parse the command line, run a subcommand or open the board.

use cairn::cli::Cli;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cairn::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            let mut stderr = std::io::stderr().lock();
            for line in failure.lines() {
                use std::io::Write;
                let _ = writeln!(stderr, "{line}");
            }
            ExitCode::from(failure.code())
        }
    }
}
