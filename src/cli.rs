//! The command line, a contract that users and tests rely on (the README lists it; see ARCHITECTURE.md).

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// cairn — a keyboard-first planning board in the terminal: backlog, sprint board, timeline and
/// stakeholder notes in one file.
#[derive(Debug, Parser)]
#[command(name = "cairn", version, after_help = AFTER_HELP)]
pub struct Cli {
    /// The board file [default: <data dir>/cairn/board.ron]
    #[arg(long, global = true, env = "CAIRN_FILE", value_name = "PATH")]
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

const AFTER_HELP: &str = "Without a command, cairn opens the board; on the first run it asks whether \
to start an empty board or explore the sample (CAIRN_SAMPLE=1 takes the sample without asking).\nExit codes: 0 success, 1 a problem with the board or the input (the message \
says which), 2 usage.";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a board at --file (or the default place): empty, with your project's name and key, or
    /// the sample board to explore; an existing file is never replaced
    Init {
        /// The project's name [default: the name of the board's directory]
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        /// The prefix of item keys, 1–10 letters (CRN for CRN-12) [default: from the name]
        #[arg(long, value_name = "KEY")]
        key: Option<String>,
        /// Write the sample board ("Checkout") instead of an empty one
        #[arg(long, conflicts_with_all = ["name", "key"])]
        sample: bool,
    },
    /// Load and validate the board; print `path:line:column: message` and exit 1 if it is not sound
    Check {
        /// Print nothing: the exit code says it (0 sound, 1 not)
        #[arg(long, short, conflicts_with = "json")]
        quiet: bool,
        /// Print the result as JSON on stdout: `{ "ok": false, "errors": [{ "line": 5, "column": 3,
        /// "message": "…" }] }` (line and column are null when a problem has no place in the file)
        #[arg(long)]
        json: bool,
    },
    /// Write the board to stdout: json (everything), csv (items, Jira-style headers), md (status
    /// report with Mermaid charts), html (the report as one self-contained page) or ics (calendar)
    ///
    /// In csv, a text cell that a spreadsheet would run as a formula (starting with =, +, -, @, a tab
    /// or a carriage return) gets a leading ' so it shows as text; `cairn import csv` of such an
    /// export takes exactly that ' off again. To a terminal, control characters in the board's text
    /// are shown escaped (\u{1b}); to a file or a pipe the text is exact.
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// csv only: just the items changed on or after DATE (YYYY-MM-DD), `Issue key` first, for
        /// Jira's "update existing issues" CSV import (an item made in cairn has an empty key)
        #[arg(long, value_name = "DATE", conflicts_with = "since_import")]
        changed_since: Option<String>,
        /// csv only: as --changed-since, from the date of the board's last `cairn import`
        #[arg(long)]
        since_import: bool,
        /// Write to this file (atomically: the whole export or, on an error, nothing) instead of stdout
        #[arg(long, short, value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// Add backlog items from a file (CSV from Jira, GitHub Projects, Trello or `cairn export`)
    Import {
        /// The format of FILE
        #[arg(value_enum)]
        format: ImportFormat,
        /// The file to read items from
        #[arg(value_name = "FILE")]
        input: PathBuf,
        /// Show what the import would do (added, updated, unchanged, skipped) and change nothing
        #[arg(long)]
        dry_run: bool,
        /// Give items without a MoSCoW value one from their priority (Highest → must, High →
        /// should, Medium and Low → could, Lowest → won't); the mapping used is printed
        #[arg(long)]
        moscow_from_priority: bool,
        /// Import the rows that fit even when some do not (by default nothing is imported then)
        #[arg(long)]
        skip_bad: bool,
    },
    /// Write a realistic synthetic board (for benchmarks and demos) to --file
    Generate {
        /// Number of backlog items; sprints, timeline entries, risks, stakeholders and notes scale with it
        #[arg(long, value_name = "N")]
        items: usize,
        /// Seed: the same seed gives the same board
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
        /// Exactly this many cards in the active sprint, taken from the top of the backlog (the
        /// benchmarks' pathological board: --items 100000 --sprint-cards 5000 --notes 20000)
        #[arg(long, value_name = "N")]
        sprint_cards: Option<usize>,
        /// Exactly this many stakeholder notes in all
        #[arg(long, value_name = "N")]
        notes: Option<usize>,
        /// Replace the file if it exists (a backup of it is kept)
        #[arg(long)]
        force: bool,
    },
    /// List the board's backups, newest first: number, when made (UTC), size on disk, items
    Backups,
    /// Put a backup back over the board, atomically; the board as it is now is backed up first, and
    /// nothing is changed while another cairn has the board open or when the backup does not load
    Restore {
        /// The backup: its number in `cairn backups` (1 is the newest) or its file name
        #[arg(value_name = "N|NAME")]
        backup: String,
    },
    /// Share the board through git: `cairn git setup` in the clone that holds it
    Git {
        #[command(subcommand)]
        command: GitCommand,
    },
    /// Three-way merge of two versions of a board against their common ancestor, record by record
    /// (a git merge driver: `cairn merge %O %A %B` writes the result to %A)
    ///
    /// Exit 0: merged cleanly. Exit 1: merged, with conflicts recorded in the board (it holds our
    /// value; the TUI and `cairn check` list them) so git marks the file conflicted. Exit 2: usage,
    /// or a version that cannot be read; nothing is written.
    Merge {
        /// The common ancestor (git's %O)
        #[arg(value_name = "BASE")]
        base: PathBuf,
        /// Our version (git's %A); the result replaces it unless -o is given
        #[arg(value_name = "OURS")]
        ours: PathBuf,
        /// Their version (git's %B)
        #[arg(value_name = "THEIRS")]
        theirs: PathBuf,
        /// Write the result here instead of over OURS
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Write a shell completion script to stdout (bash: `cairn completions bash >
    /// ~/.local/share/bash-completion/completions/cairn`; the README has the others)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write cairn's man page (roff) to stdout: `cairn man > ~/.local/share/man/man1/cairn.1`
    Man,
}

#[derive(Debug, Subcommand)]
pub enum GitCommand {
    /// Make git merge the board with `cairn merge`: adds the board's line to .gitattributes (commit
    /// it) and sets merge.cairn.driver in this clone's config (each clone runs this once); running
    /// it again changes nothing
    Setup,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Md,
    /// The status report as one HTML page: charts as inline SVG, no scripts, nothing fetched
    Html,
    /// An iCalendar file (RFC 5545): sprints, milestones and releases, the standup, stakeholder updates
    Ics,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    Csv,
}
