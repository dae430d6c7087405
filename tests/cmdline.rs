//! A command line that behaves like its neighbours (issue 16, point 5): `check --quiet` and
//! `--json` for scripts and CI, shell completions and a man page checked by the tools that read
//! them (bash, groff), and every subcommand keeping data on stdout and messages on stderr.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

fn cairn(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("cairn").expect("binary built");
    cmd.env_remove("CAIRN_FILE")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("CAIRN_TODAY", "2026-12-01")
        .current_dir(home);
    cmd
}

/// Runs cairn with `args` in `dir`: (exit code, stdout, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = cairn(dir).args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn with_sample() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let (code, _, err) = run(dir.path(), &["init", "--sample", "--file", "b.ron"]);
    assert_eq!(code, 0, "{err}");
    dir
}

#[test]
fn check_quiet_says_it_with_the_exit_code_alone() {
    let dir = with_sample();
    assert_eq!(
        run(dir.path(), &["check", "--quiet", "--file", "b.ron"]),
        (0, String::new(), String::new())
    );
    fs::write(dir.path().join("bad.ron"), "(version: 3,\n  nonsense\n").unwrap();
    for file in ["bad.ron", "missing.ron"] {
        assert_eq!(
            run(dir.path(), &["check", "-q", "--file", file]),
            (1, String::new(), String::new()),
            "{file}"
        );
    }
}

fn check_json(dir: &Path, file: &str) -> (i32, Value) {
    let (code, out, err) = run(dir, &["check", "--json", "--file", file]);
    assert_eq!(err, "", "nothing on stderr");
    (
        code,
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("JSON ({e}): {out}")),
    )
}

#[test]
fn check_json_gives_each_problem_with_its_line_and_column() {
    let dir = with_sample();
    let (code, ok) = check_json(dir.path(), "b.ron");
    assert_eq!(code, 0);
    assert_eq!(ok["ok"], true);
    assert_eq!(ok["errors"], Value::Array(vec![]));
    assert_eq!(ok["path"], "b.ron");

    // A syntax error at line 5, column 3 of a board.
    let text = fs::read_to_string(dir.path().join("b.ron")).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    assert!(
        lines[4].starts_with("  "),
        "line 5 is indented: {}",
        lines[4]
    );
    lines[4].insert(2, '@');
    fs::write(dir.path().join("syntax.ron"), lines.join("\n")).unwrap();
    let (code, bad) = check_json(dir.path(), "syntax.ron");
    assert_eq!(code, 1);
    assert_eq!(bad["ok"], false);
    let errors = bad["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "{bad}");
    assert_eq!(
        (errors[0]["line"].as_u64(), errors[0]["column"].as_u64()),
        (Some(5), Some(3)),
        "{bad}"
    );
    assert!(errors[0]["message"].as_str().is_some_and(|m| !m.is_empty()));

    // Values out of their limits: every one listed, none with a place (they have no line).
    let mut b = cairn::store::read(&dir.path().join("b.ron")).unwrap();
    b.settings.standup_minutes = 0;
    b.settings.sprint_days = 0;
    fs::write(
        dir.path().join("limits.ron"),
        cairn::store::to_ron(&b).unwrap(),
    )
    .unwrap();
    let (code, bad) = check_json(dir.path(), "limits.ron");
    assert_eq!(code, 1);
    let messages: Vec<&str> = bad["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert_eq!(
                (e["line"].clone(), e["column"].clone()),
                (Value::Null, Value::Null)
            );
            e["message"].as_str().unwrap()
        })
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("standup timebox")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("sprint length")),
        "{messages:?}"
    );

    // No board at all: one error, the path not repeated in the message.
    let (code, none) = check_json(dir.path(), "missing.ron");
    assert_eq!(code, 1);
    let m = none["errors"][0]["message"].as_str().unwrap();
    assert!(m.starts_with("no board here"), "{m}");
    // --quiet and --json together make no sense: usage.
    let (code, _, err) = run(
        dir.path(),
        &["check", "--quiet", "--json", "--file", "b.ron"],
    );
    assert_eq!(code, 2, "{err}");
}

#[test]
fn completions_for_every_shell_name_every_subcommand_and_bash_reads_its_own() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (code, out, err) = run(dir.path(), &["completions", shell]);
        assert_eq!((code, err.as_str()), (0, ""), "{shell}");
        for sub in ["check", "export", "import", "completions", "man"] {
            assert!(out.contains(sub), "{shell} completes {sub}");
        }
        assert!(
            out.contains("ics") && out.contains("html"),
            "{shell} completes the formats"
        );
    }
    // bash parses the script and registers the completion.
    let (_, script, _) = run(dir.path(), &["completions", "bash"]);
    let path = dir.path().join("cairn.bash");
    fs::write(&path, script).unwrap();
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!("source {} && complete -p cairn", path.display()))
        .output();
    if let Ok(out) = out {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("cairn"));
    }
    // A shell cairn does not know is a usage error naming the ones it does.
    let (code, out, err) = run(dir.path(), &["completions", "tcsh"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("bash, elvish, fish, powershell, zsh"), "{err}");
}

#[test]
fn the_man_page_is_roff_that_groff_reads_without_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let (code, page, err) = run(dir.path(), &["man"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(page.contains(".TH cairn 1"), "{page}");
    assert!(
        page.contains("cairn \\- a keyboard\\-first planning board"),
        "NAME is not doubled"
    );
    for sub in ["check", "export", "completions", "man"] {
        assert!(page.contains(sub), "lists {sub}");
    }
    let Ok(mut groff) = std::process::Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        return; // no groff here: the text checks above hold
    };
    use std::io::Write;
    groff
        .stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let out = groff.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "groff warns");
}

/// What a run may print where: data (or a command's own result) on stdout, and on a failure
/// nothing there; messages on stderr, and none when a data command succeeds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Streams {
    /// Success: data on stdout, stderr empty.
    Data,
    /// Failure: stdout empty, a message on stderr.
    Message(i32),
}

#[test]
fn every_subcommand_keeps_data_on_stdout_and_messages_on_stderr() {
    let dir = with_sample();
    fs::write(dir.path().join("bad.ron"), "(version: 3,\n  nonsense\n").unwrap();
    fs::write(
        dir.path().join("items.csv"),
        "Summary,Issue Type\nA thing,Story\n",
    )
    .unwrap();
    let cases: &[(&[&str], Streams)] = &[
        (&["--file", "b.ron"], Streams::Data),
        (&["--help"], Streams::Data),
        (&["--version"], Streams::Data),
        (&["check", "--file", "b.ron"], Streams::Data),
        (&["check", "--json", "--file", "b.ron"], Streams::Data),
        (&["check", "--file", "bad.ron"], Streams::Message(1)),
        (&["check", "--file", "missing.ron"], Streams::Message(1)),
        (
            &["export", "--format", "json", "--file", "b.ron"],
            Streams::Data,
        ),
        (
            &["export", "--format", "csv", "--file", "b.ron"],
            Streams::Data,
        ),
        (
            &["export", "--format", "md", "--file", "b.ron"],
            Streams::Data,
        ),
        (
            &["export", "--format", "html", "--file", "b.ron"],
            Streams::Data,
        ),
        (
            &["export", "--format", "ics", "--file", "b.ron"],
            Streams::Data,
        ),
        (
            &["export", "--format", "ics", "--file", "bad.ron"],
            Streams::Message(1),
        ),
        (
            &[
                "export",
                "--format",
                "ics",
                "-o",
                "nodir/x.ics",
                "--file",
                "b.ron",
            ],
            Streams::Message(1),
        ),
        (
            &["export", "--format", "pdf", "--file", "b.ron"],
            Streams::Message(2),
        ),
        (
            &["import", "csv", "items.csv", "--file", "b.ron"],
            Streams::Data,
        ),
        (
            &["import", "csv", "missing.csv", "--file", "b.ron"],
            Streams::Message(1),
        ),
        (&["init", "--file", "new.ron"], Streams::Data),
        (&["init", "--file", "b.ron"], Streams::Message(1)),
        (
            &["generate", "--items", "5", "--file", "g.ron"],
            Streams::Data,
        ),
        (&["generate", "--items", "5"], Streams::Message(2)),
        (&["backups", "--file", "b.ron"], Streams::Data),
        (&["restore", "7", "--file", "b.ron"], Streams::Message(1)),
        (&["git", "setup", "--file", "b.ron"], Streams::Message(1)),
        (
            &["merge", "b.ron", "missing.ron", "b.ron"],
            Streams::Message(2),
        ),
        (&["completions", "fish"], Streams::Data),
        (&["completions", "tcsh"], Streams::Message(2)),
        (&["man"], Streams::Data),
        (&["nonsense"], Streams::Message(2)),
    ];
    for (args, want) in cases {
        let (code, out, err) = run(dir.path(), args);
        match want {
            Streams::Data => {
                assert_eq!(code, 0, "{args:?}: {err}");
                assert!(!out.is_empty(), "{args:?} prints its result on stdout");
                assert_eq!(err, "", "{args:?} says nothing on stderr");
            }
            Streams::Message(c) => {
                assert_eq!(code, *c, "{args:?}: {err}");
                assert_eq!(out, "", "{args:?} prints nothing on stdout when it fails");
                assert!(!err.trim().is_empty(), "{args:?} says why on stderr");
            }
        }
    }
}
