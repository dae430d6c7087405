//! The people sections of the report: decisions, requests, who is due; and the report as a whole.

use super::*;

#[test]
fn recent_decisions_and_requests_newest_first() {
    let r = status_report(&board(), TODAY);
    let s = section(&r, "## Decisions and requests");
    assert!(!s.contains("Drop SSO"), "40 days old: {s}");
    assert!(!s.contains("Weekly sync"), "meetings are not listed: {s}");
    let request = s.find("Add CSV export for finance").expect("request");
    let decision = s.find("Ship beta to 50 users").expect("decision");
    assert!(request < decision, "newest first: {s}");
    let row = row_containing(s, "Ship beta");
    assert!(row.contains("2026-03-17 | decision | Maria Lopez"), "{row}");
    assert!(row.contains("CRN-6"), "{row}");
    assert!(
        row_containing(s, "CSV export").contains("CRN-11, CRN-12"),
        "{s}"
    );
    assert!(
        s.contains("1 decision and 1 request in the last 30 days, newest first:"),
        "{s}"
    );

    // The window's edge: exactly RECENT_DAYS ago is in, one more is out.
    let mut b = board();
    b.stakeholders[0].notes[0].date = date(2026, 2, 18);
    let s = status_report(&b, TODAY);
    assert!(section(&s, "## Decisions and requests").contains("Drop SSO"));
    b.stakeholders[0].notes[0].date = date(2026, 2, 17);
    let s = status_report(&b, TODAY);
    assert!(!section(&s, "## Decisions and requests").contains("Drop SSO"));
}

#[test]
fn stakeholders_due_with_days() {
    let r = status_report(&board(), TODAY);
    let s = section(&r, "## Stakeholders due for an update");
    let maria = row_containing(s, "Maria Lopez");
    assert!(maria.contains("Sponsor"), "{maria}");
    assert!(maria.contains("manage closely"), "{maria}");
    assert!(maria.contains("5 days overdue"), "{maria}");
    assert!(maria.contains("2026-03-08"), "{maria}");
    let tom = row_containing(s, "Tom");
    assert!(tom.contains("due today"), "{tom}");
    assert!(tom.contains("keep informed"), "{tom}");
    assert!(row_containing(s, "Newbie").contains("never"), "{s}");
    assert!(!s.contains("Zed"), "not due: {s}");
    assert!(s.find("Maria").expect("m") < s.find("Newbie").expect("n"));
}

#[test]
fn the_same_board_gives_the_same_report() {
    let b = board();
    assert_eq!(status_report(&b, TODAY), status_report(&b, TODAY));
    assert_eq!(status_report(&b, TODAY), status_report(&b.clone(), TODAY));
}

#[test]
fn an_empty_board_gives_a_sensible_report() {
    let b = Board::new("Empty", "E");
    let r = status_report(&b, TODAY);
    assert!(r.starts_with("# Empty — status report 2026-03-20\n\n## Sprint\n"));
    assert!(r.contains("## Sprint\n\nNo active sprint.\n"), "{r}");
    assert!(
        r.contains("No milestones or releases on the timeline."),
        "{r}"
    );
    assert!(r.contains("No phases on the timeline."), "{r}");
    assert!(
        r.contains("No project budget set; the timeline plans EUR 0 and EUR 0 is spent."),
        "{r}"
    );
    assert!(r.contains("## Risks\n\nNo open risks.\n"), "{r}");
    assert!(r.contains("No open items in the backlog."), "{r}");
    assert!(r.contains("None in the last 30 days."), "{r}");
    let since = status_report_since(&b, TODAY, Some(date(2026, 3, 6)));
    assert!(
        since.contains("None since the last report (2026-03-06)."),
        "{since}"
    );
    assert!(r.contains("No stakeholders on the board.\n"), "{r}");
    assert!(r.ends_with(".\n"));
    assert!(!r.contains('|'), "no empty tables: {r}");
}

#[test]
fn decisions_since_the_last_report_include_its_day() {
    let mut b = board();
    b.stakeholders[0].notes[1].entries = vec![EntryId(4)];
    let r = status_report_since(&b, TODAY, Some(date(2026, 3, 17)));
    let s = section(&r, "## Decisions and requests");
    assert!(
        s.contains("1 decision and 1 request since the last report (2026-03-17), newest first:"),
        "{s}"
    );
    assert!(
        row_containing(s, "Ship beta").contains("CRN-6, Beta"),
        "entries too: {s}"
    );
    let r = status_report_since(&b, TODAY, Some(date(2026, 3, 18)));
    let s = section(&r, "## Decisions and requests");
    assert!(!s.contains("Ship beta"), "before the last report: {s}");
    let r = status_report_since(&b, TODAY, Some(date(2026, 1, 1)));
    assert!(
        section(&r, "## Decisions and requests").contains("Drop SSO"),
        "an old last report reaches further back than 30 days"
    );
}

#[test]
fn reports_are_written_beside_the_board_and_the_last_one_is_found() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("board.ron");
    let b = board();
    assert_eq!(last_report(&file, TODAY), None, "no folder yet");
    let first = write_report(&file, &b, date(2026, 3, 10)).expect("written");
    assert_eq!(
        first.path,
        dir.path()
            .join("reports")
            .join("board-status-2026-03-10.md")
    );
    assert_eq!(first.nth, 1);
    let text = std::fs::read_to_string(&first.path).expect("readable");
    assert_eq!(text, status_report_since(&b, date(2026, 3, 10), None));

    std::fs::write(dir.path().join("reports/notes.md"), "not a report").expect("write");
    assert_eq!(last_report(&file, TODAY), Some(date(2026, 3, 10)));
    assert_eq!(
        last_report(&file, date(2026, 3, 10)),
        None,
        "today's own report is not the last one"
    );
    let second = write_report(&file, &b, TODAY).expect("written");
    let text = std::fs::read_to_string(&second.path).expect("readable");
    assert!(
        text.contains("since the last report (2026-03-10)"),
        "{text}"
    );
    assert_eq!(
        second.describe(),
        "Report written to reports/board-status-2026-03-20.md"
    );
    let names: Vec<String> = std::fs::read_dir(dir.path().join("reports"))
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(names.is_empty(), "no temp files left: {names:?}");
    assert_eq!(reports_dir(Path::new("b.ron")), PathBuf::from("reports"));
}

#[test]
fn a_second_report_the_same_day_is_kept_beside_the_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("board.ron");
    let mut b = board();
    let first = write_report(&file, &b, TODAY).expect("written");
    let before = std::fs::read_to_string(&first.path).expect("readable");
    b.project.name = "Renamed".into();
    let second = write_report(&file, &b, TODAY).expect("written");
    assert_eq!(
        second.path,
        dir.path().join("reports/board-status-2026-03-20-2.md")
    );
    assert_eq!(second.nth, 2);
    assert!(
        second
            .describe()
            .contains("Report written to reports/board-status-2026-03-20-2.md (1st kept)")
    );
    assert_eq!(
        std::fs::read_to_string(&first.path).expect("readable"),
        before,
        "the first is untouched"
    );
    let third = write_report(&file, &b, TODAY).expect("written");
    assert!(third.path.ends_with("board-status-2026-03-20-3.md"));
    assert!(
        third
            .describe()
            .contains("board-status-2026-03-20-3.md (earlier ones kept)")
    );
    // Numbered ones count as the last report the next day.
    assert_eq!(last_report(&file, date(2026, 3, 21)), Some(TODAY));
}

#[test]
fn two_boards_in_one_folder_keep_their_own_reports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, c) = (dir.path().join("alpha.ron"), dir.path().join("beta.ron"));
    let b = board();
    let ra = write_report(&a, &b, date(2026, 3, 10)).expect("written");
    let rc = write_report(&c, &b, TODAY).expect("written");
    assert!(ra.path.ends_with("reports/alpha-status-2026-03-10.md"));
    assert!(rc.path.ends_with("reports/beta-status-2026-03-20.md"));
    assert_eq!(last_report(&a, date(2026, 3, 25)), Some(date(2026, 3, 10)));
    assert_eq!(
        last_report(&c, date(2026, 3, 15)),
        None,
        "alpha's is not beta's"
    );
    // A report an older cairn wrote (`status-<day>.md`) still counts.
    std::fs::write(dir.path().join("reports/status-2026-03-12.md"), "old").expect("write");
    assert_eq!(last_report(&c, date(2026, 3, 15)), Some(date(2026, 3, 12)));
    std::fs::write(dir.path().join("reports/beta-status-2026-03-13-x.md"), "?").expect("write");
    assert_eq!(
        last_report(&c, date(2026, 3, 15)),
        Some(date(2026, 3, 12)),
        "not a report's name"
    );
}

#[test]
fn reports_take_the_board_files_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("board.ron");
    std::fs::write(&file, "").expect("write");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let written = write_report(&file, &board(), TODAY).expect("written");
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&written.path), 0o640, "as the board, not -rw-------");
    assert_eq!(
        mode(&dir.path().join("reports")),
        0o750,
        "a folder its readers can enter"
    );
}
