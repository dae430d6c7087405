//! The "done when": the round trip through Jira's bulk update.

use super::*;

/// Done when: import a Jira export, change three items in cairn (and make one), export what
/// changed since the import, apply it to the CSV as Jira's bulk update would (plus a change made
/// in Jira meanwhile), import the newer export → the board is the expected one, no duplicates.
#[test]
fn a_jira_round_trip_through_a_bulk_update_ends_with_the_expected_board() {
    let (dir, board) = sample();
    let r = import(
        dir.path(),
        date(2026, 11, 29),
        &data("jira-cloud.csv"),
        &board,
        &[],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);

    // Three changes in cairn on 1 December, through the same rules the TUI uses, and a new item.
    let monday = date(2026, 12, 1);
    let (mut st, mut b) = Store::open_to_write(&board).expect("opens");
    let id = |b: &Board, key: &str| by_key(b, key).id;
    // Past the column's WIP limit, as the TUI does once the user says yes.
    let moved = rules::set_status_over_limit(&b, id(&b, "PAY-12"), "Doing", monday).expect("moves");
    b.apply(moved).expect("applies");
    let pointed = rules::set_points(&b, id(&b, "PAY-17"), Some(13), monday).expect("points");
    b.apply(pointed).expect("applies");
    let mut renamed = by_key(&b, "PAY-15").clone();
    renamed.title = "Rotate the PSP API keys every 90 days".into();
    renamed.updated = monday;
    b.apply(Edit::UpdateItem(Box::new(renamed)))
        .expect("applies");
    let (made, new_id) = rules::add_item(
        &b,
        ItemKind::Story,
        "Pay by bank transfer",
        usize::MAX,
        monday,
    )
    .expect("adds");
    b.apply(made).expect("applies");
    st.save(&b).expect("saves");
    drop(st);
    let changed = store::read(&board).expect("loads");

    // What changed since the import, for Jira: `Issue key` first, the new item without one.
    let r = run(
        dir.path(),
        monday,
        &["export", "--format", "csv", "--since-import"],
        &board,
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let by_date = run(
        dir.path(),
        monday,
        &["export", "--format", "csv", "--changed-since", "2026-12-01"],
        &board,
    );
    assert_eq!(
        by_date.stdout, r.stdout,
        "--since-import is the import's date"
    );
    let (header, rows) = read_csv(r.stdout.as_bytes());
    assert_eq!(header.get(0), Some("Issue key"));
    let keys: Vec<&str> = rows.iter().map(|row| &row[0]).collect();
    assert_eq!(keys, vec!["PAY-12", "PAY-15", "PAY-17", ""], "rank order");
    let [summary, status, points] =
        ["Summary", "Status", "Story Points"].map(|c| column(&header, c));
    assert_eq!(&rows[0][status], "Doing");
    assert_eq!(&rows[1][summary], "Rotate the PSP API keys every 90 days");
    assert_eq!(&rows[2][points], "13");
    assert_eq!(&rows[3][summary], "Pay by bank transfer");

    // Jira applies the update: the keyed rows change, the keyless one becomes PAY-19 (with
    // Jira's default priority); meanwhile someone started the emails epic in Jira.
    let jira = fs::read(data("jira-cloud.csv")).expect("reads");
    let (jh, mut jrows) = read_csv(&jira);
    let [
        jkey,
        jid,
        jsummary,
        jtype,
        jstatus,
        jpriority,
        jcreated,
        jupdated,
        jpoints,
    ] = [
        "Issue key",
        "Issue id",
        "Summary",
        "Issue Type",
        "Status",
        "Priority",
        "Created",
        "Updated",
        "Custom field (Story point estimate)",
    ]
    .map(|c| column(&jh, c));
    let set = |row: &mut StringRecord, at: usize, value: &str| {
        let mut cells: Vec<String> = row.iter().map(str::to_string).collect();
        cells[at] = value.to_string();
        *row = StringRecord::from(cells);
    };
    for out in &rows[..3] {
        let row = jrows
            .iter_mut()
            .find(|r| r[jkey] == out[0])
            .expect("the issue is in the Jira export");
        set(row, jsummary, &out[summary]);
        set(row, jstatus, jira_status(&out[status]));
        set(row, jpoints, &out[points]);
        set(row, jupdated, "01/Dec/26 6:00 PM");
    }
    let emails = jrows
        .iter_mut()
        .find(|r| &r[jkey] == "PAY-11")
        .expect("PAY-11");
    set(emails, jstatus, "In Progress");
    set(emails, jupdated, "01/Dec/26 5:00 PM");
    let mut created = vec![String::new(); jh.len()];
    for (at, value) in [
        (jkey, "PAY-19"),
        (jid, "10019"),
        (jsummary, &rows[3][summary]),
        (jtype, "Story"),
        (jstatus, jira_status(&rows[3][status])),
        (jpriority, "Medium"),
        (jcreated, "01/Dec/26 6:00 PM"),
        (jupdated, "01/Dec/26 6:00 PM"),
    ] {
        created[at] = value.to_string();
    }
    jrows.push(StringRecord::from(created));
    let newer = dir.path().join("jira-newer.csv");
    let mut w = csv::Writer::from_path(&newer).expect("writes");
    w.write_record(&jh).expect("header");
    for row in &jrows {
        w.write_record(row).expect("row");
    }
    w.flush().expect("flushes");
    drop(w);

    let tuesday = date(2026, 12, 2);
    let r = import(dir.path(), tuesday, &newer, &board, &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout
            .contains("0 added, 2 updated, 7 unchanged, 0 skipped"),
        "{}",
        r.stdout
    );
    let said = format!(
        "warning: PAY-19 is {}, made in cairn with the same title",
        changed.item_key(new_id)
    );
    assert!(r.stderr.contains(&said), "{}", r.stderr);

    // The expected board: the one changed in cairn, with Jira's two changes.
    let mut expected = changed.clone();
    let started =
        rules::set_status(&expected, id(&expected, "PAY-11"), "Doing", tuesday).expect("moves");
    let Edit::UpdateItem(mut started) = started else {
        panic!("a status change is an item update")
    };
    started.updated = monday;
    expected.apply(Edit::UpdateItem(started)).expect("applies");
    let mut adopted = expected.item(new_id).expect("the new item").clone();
    adopted.external = Some(External {
        source: Source::Jira,
        key: "PAY-19".into(),
    });
    adopted.priority = Some("Medium".into());
    adopted.updated = monday;
    expected
        .apply(Edit::UpdateItem(Box::new(adopted)))
        .expect("applies");
    expected.project.last_import = Some(tuesday);

    let got = store::read(&board).expect("loads");
    assert_eq!(
        imported(&got).len(),
        9,
        "no duplicates: {:?}",
        imported(&got)
    );
    assert_eq!(got.items.len(), changed.items.len());
    for (g, e) in got.items.iter().zip(&expected.items) {
        assert_eq!(g, e, "{}", got.item_key(g.id));
    }
    assert!(got == expected, "the board is the expected one");
}
