//! The subcommands: each loads what it needs through the store and prints to stdout; problems come
//! back as a `Failure` whose lines main prints to stderr.

use crate::cli::{Cli, Command, ExportFormat};
use crate::io;
use crate::model::Board;
use crate::store::{self, Saved, Store};

pub use crate::io::Failure;
pub use crate::store::{SAMPLE_ANCHOR, sample_board};
use std::io::Write;
use std::path::{Path, PathBuf};

mod outputs;
pub use outputs::{CheckError, CheckOutput, CheckReport};

/// Where the board lives: `--file`, `CAIRN_FILE`, or `<data dir>/board.ron`.
pub fn board_path(file: Option<PathBuf>) -> Result<PathBuf, Failure> {
    if let Some(f) = file {
        return Ok(f);
    }
    directories::ProjectDirs::from("", "", "cairn")
        .map(|d| d.data_dir().join("board.ron"))
        .ok_or_else(|| {
            Failure::data("cannot find a home directory for the board: pass --file PATH")
        })
}

pub fn run(cli: Cli) -> Result<(), Failure> {
    // The only way to reach main's answer to a bug on purpose (tests/proof: a panic exits 1).
    if std::env::var_os("CAIRN_TEST_FAIL").is_some_and(|v| v == "panic-command") {
        panic!("CAIRN_TEST_FAIL=panic-command: a test asked for a panic");
    }
    if let Some(Command::Merge {
        base,
        ours,
        theirs,
        output,
    }) = &cli.command
    {
        return crate::gitmerge::merge_files(base, ours, theirs, output.as_deref());
    }
    match &cli.command {
        Some(Command::Completions { shell }) => return outputs::completions(*shell),
        Some(Command::Man) => return outputs::man(),
        _ => {}
    }
    if matches!(cli.command, Some(Command::Generate { .. })) && cli.file.is_none() {
        return Err(Failure::usage(
            "error: generate needs --file PATH (it never writes to your own board)",
        ));
    }
    let path = board_path(cli.file)?;
    match cli.command {
        None => open(&path),
        Some(Command::Init { name, key, sample }) => init(&path, name, key, sample),
        Some(Command::Check { quiet, json }) => {
            let how = match (quiet, json) {
                (_, true) => CheckOutput::Json,
                (true, _) => CheckOutput::Quiet,
                _ => CheckOutput::Text,
            };
            outputs::check(&path, how)
        }
        Some(Command::Export {
            format,
            changed_since,
            since_import,
            output,
        }) => export(
            &path,
            format,
            changed_since.as_deref(),
            since_import,
            output.as_deref(),
        ),
        Some(Command::Import {
            input,
            skip_bad,
            dry_run,
            moscow_from_priority,
            ..
        }) => {
            let options = io::csv::Options {
                moscow_from_priority,
            };
            import_csv(&path, &input, skip_bad, dry_run, &options)
        }
        Some(Command::Generate {
            items,
            seed,
            sprint_cards,
            notes,
            force,
        }) => {
            let profile = io::generate::Profile {
                items,
                sprint_cards,
                notes,
            };
            generate(&path, profile, seed, force)
        }
        Some(Command::Backups) => out(&store::backups_listing(&path)?),
        Some(Command::Restore { backup }) => {
            let restored = store::restore_backup(&path, &backup).map_err(Failure::data)?;
            out(&restored.said(&path))
        }
        Some(Command::Merge { .. } | Command::Completions { .. } | Command::Man) => {
            unreachable!("handled before the board path")
        }
        Some(Command::Git {
            command: crate::cli::GitCommand::Setup,
        }) => crate::gitmerge::setup(&path),
    }
}

/// Writes to stdout: to a terminal with the board's control characters escaped; a reader that went
/// away (`cairn export | head`) ends the command quietly, as a pipe's writer should.
fn out(text: &str) -> Result<(), Failure> {
    use std::io::IsTerminal;
    let mut stdout = std::io::stdout().lock();
    let text = if stdout.is_terminal() {
        io::terminal_safe(text)
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.map_err(|e| Failure::data(format!("cannot write to stdout: {e}"))),
    }
}

/// Opens the board in the TUI; without a terminal (a pipe, a script) prints what is in it instead.
fn open(path: &Path) -> Result<(), Failure> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
        return crate::tui::run(path);
    }
    summary(path)
}

/// Opens the board (creating it from the sample on the first run) and prints what is in it.
fn summary(path: &Path) -> Result<(), Failure> {
    let today = crate::today();
    let opened = Store::open(path, Some(&sample_board(today)))?;
    let b = &opened.board;
    let mut text = String::new();
    if opened.created {
        text.push_str(&format!(
            "Created {} from the sample board.\n",
            path.display()
        ));
    }
    text.push_str(&describe(path, b));
    text.push('\n');
    if let Some(why) = opened.store.read_only_reason() {
        text.push_str(&format!("Opened read-only: {why}.\n"));
    }
    out(&text)
}

fn describe(path: &Path, b: &Board) -> String {
    let notes: usize = b.stakeholders.iter().map(|s| s.notes.len()).sum();
    let active = b.active_sprint().map_or_else(
        || "no active sprint".to_string(),
        |s| format!("active: {}", s.name),
    );
    format!(
        "{}: {} ({}) — {} items, {} sprints ({active}), {} timeline entries, {} risks, {} stakeholders, {notes} notes",
        path.display(),
        b.project.name,
        b.project.key,
        b.items.len(),
        b.sprints.len(),
        b.timeline.len(),
        b.risks.len(),
        b.stakeholders.len(),
    )
}

/// A board that is read, used and then left to the end of the process: freeing its allocations one
/// by one was a sixth of `cairn check` at 100k items, and the process ends right after.
fn read_to_keep(path: &Path) -> Result<std::mem::ManuallyDrop<crate::model::Board>, Failure> {
    Ok(std::mem::ManuallyDrop::new(store::read(path)?))
}

/// `cairn check` for people: the summary and `ok` on stdout, problems and notes on stderr.
fn check_text(
    path: &Path,
    read: Result<(Board, Option<String>), store::StoreError>,
) -> Result<(), Failure> {
    let (board, journal) = read?;
    // Freed with the process, not item by item (a sixth of `check` at 100k).
    let board = std::mem::ManuallyDrop::new(board);
    if let Some(said) = journal {
        // The board is checked as the user sees it: with the changes not yet in the file.
        eprintln!("{said}");
    }
    if !board.conflicts.is_empty() {
        // Sound, but a merge left decisions to make: a script checking the board should know.
        let mut lines = vec![format!(
            "{}: {} from a merge, not yet resolved (the board holds ours; resolve them in cairn):",
            path.display(),
            crate::model::words::count(board.conflicts.len(), "conflict")
        )];
        lines.extend(
            board
                .conflicts
                .iter()
                .map(|c| format!("  {}", crate::gitmerge::conflict_line(c))),
        );
        return Err(Failure { lines, code: 1 });
    }
    out(&format!("{}\nok\n", describe(path, &board)))
}

fn export(
    path: &Path,
    format: ExportFormat,
    changed_since: Option<&str>,
    since_import: bool,
    output: Option<&Path>,
) -> Result<(), Failure> {
    if (changed_since.is_some() || since_import) && format != ExportFormat::Csv {
        return Err(Failure::usage(
            "error: --changed-since and --since-import go with --format csv",
        ));
    }
    let since = changed_since
        .map(|d| {
            crate::model::value::parse_date(d, crate::today())
                .map_err(|e| Failure::usage(format!("error: --changed-since: {e}")))
        })
        .transpose()?;
    let board = read_to_keep(path)?;
    let since = match (since, since_import) {
        (Some(d), _) => Some(d),
        (None, true) => Some(board.project.last_import.ok_or_else(|| {
            Failure::data(format!(
                "{}: --since-import: nothing was ever imported into this board (use --changed-since DATE)",
                path.display()
            ))
        })?),
        (None, false) => None,
    };
    if let Some(since) = since {
        let items = io::csv::changed_since(&board, since);
        let mut buf = Vec::new();
        io::csv::export_update(&board, &items, &mut buf)
            .map_err(|e| Failure::data(format!("{}: {e}", path.display())))?;
        return outputs::deliver(&String::from_utf8_lossy(&buf), output);
    }
    let text = match format {
        ExportFormat::Json => {
            io::to_json(&board).map_err(|e| Failure::data(format!("{}: {e}", path.display())))?
        }
        ExportFormat::Csv => {
            let mut buf = Vec::new();
            io::csv::export_items(&board, &mut buf)
                .map_err(|e| Failure::data(format!("{}: {e}", path.display())))?;
            String::from_utf8_lossy(&buf).into_owned()
        }
        // Stakeholders: decisions and requests since the last report written with `r`, if any.
        ExportFormat::Md => {
            let today = crate::today();
            let last = io::report::last_report(path, today);
            io::report::status_report_since(&board, today, last)
        }
        ExportFormat::Html => {
            let today = crate::today();
            let last = io::report::last_report(path, today);
            io::report::html_report_since(&board, today, last)
        }
        ExportFormat::Ics => io::ics::calendar(&board, crate::today()),
    };
    outputs::deliver(&text, output)
}

fn import_csv(
    path: &Path,
    input: &Path,
    skip_bad: bool,
    dry_run: bool,
    options: &io::csv::Options,
) -> Result<(), Failure> {
    let data = std::fs::read(input)
        .map_err(|e| Failure::data(format!("{}: cannot read: {e}", input.display())))?;
    let today = crate::today();
    let (mut store, mut board) = if dry_run {
        (None, store::read(path)?)
    } else {
        let (store, board) = Store::open_to_write(path)?;
        (Some(store), board)
    };
    let plan = io::csv::plan_import_with(&board, &data, today, options)
        .map_err(|e| Failure::data(format!("{}: {e}", input.display())))?;
    let mut lines: Vec<String> = plan
        .warnings
        .iter()
        .map(|w| format!("{}:{}: warning: {}", input.display(), w.line, w.message))
        .collect();
    lines.extend(
        plan.skipped
            .iter()
            .map(|s| format!("{}:{}: skipped: {}", input.display(), s.line, s.message)),
    );
    let mut said = String::new();
    if let Some(mapping) = plan.mapping() {
        said.push_str(&mapping);
        said.push('\n');
    }
    let Some(store) = store.as_mut() else {
        for l in &lines {
            let _ = writeln!(std::io::stderr(), "{}", io::terminal_safe(l));
        }
        let stopped = if !plan.skipped.is_empty() && !skip_bad {
            " (with these rows, nothing is imported unless --skip-bad is given)"
        } else {
            ""
        };
        return out(&format!(
            "{said}Dry run, {} unchanged: {}{stopped}\n",
            path.display(),
            plan.report()
        ));
    };
    if !plan.skipped.is_empty() && !skip_bad {
        lines.push(format!(
            "{}: nothing imported: {} not fit (fix them, or pass --skip-bad to import the other {})",
            input.display(),
            match plan.skipped.len() {
                1 => "1 row does".to_string(),
                n => format!("{n} rows do"),
            },
            plan.added.len() + plan.updated.len() + plan.unchanged
        ));
        return Err(Failure { lines, code: 1 });
    }
    for l in &lines {
        let _ = writeln!(std::io::stderr(), "{}", io::terminal_safe(l));
    }
    if plan.added.is_empty() && plan.updated.is_empty() {
        return out(&format!(
            "{said}{}: no items to import; {} unchanged: {}\n",
            input.display(),
            path.display(),
            plan.report()
        ));
    }
    board
        .apply(plan.edit.clone())
        .map_err(|e| Failure::data(format!("{}: cannot import the items: {e}", input.display())))?;
    let saved = store.save(&board);
    for notice in store.take_notices() {
        let _ = writeln!(std::io::stderr(), "{}", io::terminal_safe(&notice));
    }
    match saved? {
        Saved::Written => {}
        Saved::Conflict { ours } => {
            return Err(Failure::data(format!(
                "{}: changed by someone else during the import; left as it is, the imported board is in {}",
                path.display(),
                ours.display()
            )));
        }
    }
    let key =
        |id: Option<&crate::model::ItemId>| id.map(|id| board.item_key(*id)).unwrap_or_default();
    let what = if plan.added.is_empty() {
        format!(
            "Updated {} in {}",
            crate::model::words::count(plan.updated.len(), "item"),
            path.display()
        )
    } else {
        format!(
            "Imported {} ({} … {}) into {}",
            crate::model::words::count(plan.added.len(), "item"),
            key(plan.added.first()),
            key(plan.added.last()),
            path.display()
        )
    };
    out(&format!("{said}{what}: {}\n", plan.report()))
}

/// `cairn init`: an empty board (or the sample) at `path`, never over an existing file.
fn init(
    path: &Path,
    name: Option<String>,
    key: Option<String>,
    sample: bool,
) -> Result<(), Failure> {
    let board = if sample {
        sample_board(crate::today())
    } else {
        let name = name.unwrap_or_else(|| default_name(path));
        let name = crate::model::value::parse_project_name(&name)
            .map_err(|e| Failure::data(format!("--name: {e}; nothing was written")))?;
        let key = key.unwrap_or_else(|| default_key(&name));
        let key = crate::model::value::parse_project_key(&key)
            .map_err(|e| Failure::data(format!("--key: {e}; nothing was written")))?;
        Board::new(&name, &key)
    };
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(Failure::data(format!(
            "{}: a board is already there; cairn init never replaces a file (open it with \
             `cairn --file {}`, or pick another --file)",
            path.display(),
            path.display()
        )));
    }
    Store::create(path, &board, false)?;
    let what = if sample {
        "the sample board".to_string()
    } else {
        "an empty board".to_string()
    };
    out(&format!(
        "Created {what}: {}\nOpen it with: cairn --file {}\n",
        describe(path, &board),
        path.display()
    ))
}

/// The name a new board starts with: its directory's name (`~/work/payments/board.ron` → payments),
/// else the current directory's, else "My project".
pub fn default_name(path: &Path) -> String {
    let dir = std::path::absolute(path)
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf));
    let named = |d: &Path| {
        d.file_name()
            .map(|n| n.to_string_lossy().trim().to_string())
            .filter(|n| !n.is_empty() && n != "cairn")
    };
    dir.as_deref()
        .and_then(named)
        .or_else(|| std::env::current_dir().ok().as_deref().and_then(named))
        .unwrap_or_else(|| "My project".to_string())
}

/// A key from a name: its first letters, up to four, uppercased (`payments` → PAYM,
/// `Mobile App` → MA); `PRJ` when the name has no letters.
pub fn default_key(name: &str) -> String {
    let words: Vec<&str> = name
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let key: String = if words.len() > 1 {
        words
            .iter()
            .filter_map(|w| w.chars().next())
            .take(4)
            .collect()
    } else {
        words
            .first()
            .map_or(String::new(), |w| w.chars().take(4).collect())
    };
    if key.is_empty() {
        "PRJ".to_string()
    } else {
        key.to_ascii_uppercase()
    }
}

fn generate(
    path: &Path,
    profile: io::generate::Profile,
    seed: u64,
    force: bool,
) -> Result<(), Failure> {
    let board = profile
        .generate_at(seed, crate::today())
        .map_err(|e| Failure::usage(format!("error: {e}")))?;
    Store::create(path, &board, force)?;
    out(&format!("{}\n", describe(path, &board)))
}
