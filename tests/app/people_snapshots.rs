//! Whole-screen snapshots of the stakeholders pane: the register, the power/interest grid, a
//! stakeholder's details and the note timeline (all notes, and filtered to this month's decisions),
//! at 80×24 and 160×48. Drawn by `ui::draw` on a `TestBackend` and kept as plain text so a review can
//! read them; the date and file name are fixed, so nothing changes from run to run.

use crate::common;

use common::keys::{press, press_keys as keys};

use cairn::app::{Action, App};
use cairn::commands::sample_board;
use common::screen::screen;
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: Date = date(2026, 11, 28);

/// The sample board on the stakeholders pane (key `4`), Sofia Marin selected.
fn pane() -> App {
    let mut app = App::new(sample_board(TODAY), "b.ron", TODAY);
    keys(&mut app, "4j");
    app
}

fn shows(screen: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(screen.contains(w), "{w:?} is not on the screen:\n{screen}");
    }
}

/// The lines marked as selected with `›`.
fn marked(screen: &str) -> Vec<&str> {
    screen.lines().filter(|l| l.contains('›')).collect()
}

#[test]
fn register_80x24() {
    let s = screen(&pane(), 80, 24);
    shows(
        &s,
        &[
            "Stakeholders — 6 · due first",
            "2 of 6 due for an update · most overdue: Rafael Duarte 14d, Sofia Marin 3d",
            "overdue 14d",
            "P5 I2",
            "every 30d",
        ],
    );
    let m = marked(&s);
    assert!(m.len() == 1 && m[0].contains("Sofia Marin"), "{s}");
    let rows: Vec<usize> = ["Rafael", "Sofia", "Oliver", "Kwame", "Helen", "Nadia"]
        .iter()
        .map(|n| {
            s.find(&format!("│  {n}"))
                .or_else(|| s.find(&format!("│› {n}")))
                .expect("listed")
        })
        .collect();
    assert!(rows.is_sorted(), "due first:\n{s}");
    insta::assert_snapshot!("people_register_80x24", s);
}

#[test]
fn register_160x48() {
    let s = screen(&pane(), 160, 48);
    shows(
        &s,
        &[
            "Finance Director · Larkspur Home",
            "Oct 15 request · 2 notes",
            "Nightly reconciliation of Adyen settlements before any real",
            "n note",
        ],
    );
    insta::assert_snapshot!("people_register_160x48", s);
}

#[test]
fn grid_80x24() {
    let mut app = pane();
    keys(&mut app, "v");
    let s = screen(&app, 80, 24);
    shows(
        &s,
        &[
            "Keep satisfied · 2",
            "Manage closely · 2",
            "Monitor · 1",
            "Keep informed · 1",
            "overdue 14d",
        ],
    );
    let m = marked(&s);
    assert!(m.len() == 1 && m[0].contains("Sofia Marin"), "{s}");
    // Rafael (high power, low interest) sits top left; Kwame (low power, high interest) bottom right.
    let rafael = s
        .lines()
        .position(|l| l.contains("Rafael"))
        .expect("Rafael");
    let kwame = s.lines().position(|l| l.contains("Kwame")).expect("Kwame");
    assert!(rafael < kwame, "{s}");
    let line = s.lines().nth(rafael).unwrap_or_default();
    assert!(
        line.find("Rafael") < line.find("Keep informed").or(Some(usize::MAX)),
        "{s}"
    );
    insta::assert_snapshot!("people_grid_80x24", s);
}

#[test]
fn grid_160x48() {
    let mut app = pane();
    keys(&mut app, "v");
    let s = screen(&app, 160, 48);
    shows(
        &s,
        &["involve them; they decide and care", "high power (≥ 3)"],
    );
    insta::assert_snapshot!("people_grid_160x48", s);
}

#[test]
fn details_80x24() {
    let mut app = pane();
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "j");
    let s = screen(&app, 80, 24);
    shows(
        &s,
        &[
            "Sofia Marin — Information Security Officer · Larkspur Home",
            "overdue 3d · last update Nov 18 (10d ago)",
            "sofia.marin@larkspur.example",
            "3 notes, newest first",
            "→ CRN-6 · PCI DSS assessment · Beta to 5% of traffic",
        ],
    );
    let m = marked(&s);
    assert!(m.len() == 1 && m[0].contains("Nov 18 2026 decision"), "{s}");
    insta::assert_snapshot!("people_details_80x24", s);
}

#[test]
fn note_timeline_80x24() {
    let mut app = pane();
    keys(&mut app, "t");
    let s = screen(&app, 80, 24);
    shows(
        &s,
        &[
            "Notes — 16 · newest first",
            "Nov 24 2026 request  Nadia Haddad",
        ],
    );
    insta::assert_snapshot!("people_notes_80x24", s);
}

#[test]
fn note_timeline_filtered_160x48() {
    let mut app = pane();
    keys(&mut app, "t/");
    for c in "kind:decision since:month".chars() {
        app.update(Action::Type(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
    app.update(Action::Confirm);
    let s = screen(&app, 160, 48);
    shows(
        &s,
        &[
            "Notes — 2 of 16",
            "Filter \"kind:decision since:month\" since Oct 29",
            "Card data only through Adyen hosted fields",
            "Accessibility failures on the payment step",
        ],
    );
    assert!(
        !s.contains("Beta goes to 5% of traffic before Christmas"),
        "an October decision:\n{s}"
    );
    insta::assert_snapshot!("people_notes_decisions_160x48", s);
}

#[test]
fn note_form_100x30() {
    let mut app = pane();
    keys(&mut app, "n");
    for c in "Agreed a weekly risk review".chars() {
        app.update(Action::Type(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
    let s = screen(&app, 100, 30);
    shows(&s, &["Note for Sofia Marin", "meeting", "2026-11-28"]);
    insta::assert_snapshot!("people_note_form_100x30", s);
}

/// The Markdown status report of the sample board on its anchor date, against the file kept in
/// `tests/data` (`CAIRN_UPDATE_GOLDEN=1` rewrites it after a deliberate change; read the diff).
#[test]
fn status_report_of_the_sample_board_is_golden() {
    let report = cairn::io::report::status_report(&sample_board(TODAY), TODAY);
    let path = "tests/data/status-report-2026-11-28.md";
    if std::env::var_os("CAIRN_UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &report).expect("writes the golden file");
    }
    let golden = std::fs::read_to_string(path).expect("the golden file");
    if report != golden {
        let first = report
            .lines()
            .zip(golden.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(report.lines().count().min(golden.lines().count()));
        panic!(
            "the report differs from {path} from line {}:\n  now:    {:?}\n  golden: {:?}",
            first + 1,
            report.lines().nth(first),
            golden.lines().nth(first)
        );
    }
    for heading in [
        "## Sprint",
        "## Milestones",
        "## Budget",
        "## Risks",
        "## Epics",
        "## Backlog — top 10",
        "## Decisions and requests",
        "## Stakeholders due for an update",
    ] {
        assert!(report.contains(&format!("\n{heading}\n")), "{heading}");
    }
}
