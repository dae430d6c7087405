//! Tests of reading the sources' own forms (Jira's dates and repeated columns, Excel's
//! separators) and of a re-import: matching by key, what it updates and what it keeps.

use super::tests::{TODAY, empty_board, import, items, lines};
use super::*;
use jiff::civil::date;

#[test]
fn reads_a_jira_export() {
    let csv = "\
Summary,Issue key,Issue Type,Status,Priority,Labels,Labels,Custom field (Story Points),\
Assignee,Created,Resolved,Epic Link
Login page,PROJ-1,Story,To Do,High,auth,frontend,3.0,Alice Smith,2026-01-05 09:30,,PROJ-9
Fix crash,PROJ-2,Bug,In Progress,Highest,crash,,5,Bob,05/Jan/26 9:30 AM,,
Write docs,PROJ-3,Sub-task,Done,Lowest,docs,docs,2,,2026-01-07 11:00,2026-02-01 12:00,
Checkout,PROJ-9,Epic,Selected for Development,Medium,,,,,2026-01-01 08:00,,
Polish,PROJ-4,New Feature,Code Review,Nice to have,,,0.5,,,,PROJ-9
";
    let imp = import(&empty_board(), csv);
    assert!(imp.skipped.is_empty(), "{:?}", imp.skipped);
    let got = items(&imp);
    let kinds: Vec<ItemKind> = got.iter().map(|i| i.kind).collect();
    use ItemKind::*;
    assert_eq!(kinds, vec![Story, Bug, Task, Epic, Story]);
    let statuses: Vec<&str> = got.iter().map(|i| i.status.as_str()).collect();
    assert_eq!(statuses, vec!["To do", "Doing", "Done", "To do", "Review"]);
    let priority: Vec<Option<&str>> = got.iter().map(|i| i.priority.as_deref()).collect();
    assert_eq!(
        priority,
        vec![
            Some("High"),
            Some("Highest"),
            Some("Lowest"),
            Some("Medium"),
            Some("Nice to have")
        ]
    );
    assert!(
        got.iter().all(|i| i.moscow.is_none()),
        "priority is not MoSCoW unless asked"
    );
    let asked = Options {
        moscow_from_priority: true,
    };
    let mapped = plan_import_with(&empty_board(), csv.as_bytes(), TODAY, &asked).expect("reads");
    let moscow: Vec<Option<Moscow>> = items(&mapped).iter().map(|i| i.moscow).collect();
    use Moscow::*;
    assert_eq!(
        moscow,
        vec![Some(Should), Some(Must), Some(Wont), Some(Could), None]
    );
    assert_eq!(
        mapped.mapping().as_deref(),
        Some(
            "MoSCoW from priority: High → should (1 item), Highest → must (1 item), \
             Lowest → won't (1 item), Medium → could (1 item)"
        )
    );
    assert!(
        mapped.warnings.iter().any(|w| w.line == 6
            && w.message
                == "priority \"Nice to have\" has no MoSCoW equivalent; MoSCoW left unset"),
        "{:?}",
        mapped.warnings
    );
    assert_eq!(got[0].tags, vec!["auth", "frontend"]);
    assert_eq!(got[2].tags, vec!["docs"], "duplicates dropped");
    let points: Vec<Option<u8>> = got.iter().map(|i| i.points).collect();
    assert_eq!(points, vec![Some(3), Some(5), Some(2), None, Some(1)]);
    assert_eq!(got[0].assignee, "Alice Smith");
    assert_eq!(got[0].created, date(2026, 1, 5));
    assert_eq!(got[1].created, date(2026, 1, 5), "Jira's own format");
    assert_eq!((got[0].done, got[2].done), (None, Some(date(2026, 2, 1))));
    assert_eq!(
        got[0].parent,
        Some(got[3].id),
        "linked to PROJ-9 in the same file"
    );
    assert_eq!(got[4].parent, Some(got[3].id));
    let warnings: Vec<(u64, &str)> = imp
        .warnings
        .iter()
        .map(|w| (w.line, w.message.as_str()))
        .collect();
    assert_eq!(
        warnings,
        vec![(
            6,
            "Custom field (Story Points) 0.5 is not on the Fibonacci scale; rounded up to 1"
        ),]
    );
}

#[test]
fn dates_in_the_forms_jira_github_trello_and_excel_write() {
    for (text, day) in [
        ("01/Nov/26 10:15 AM", date(2026, 11, 1)),
        ("01/Nov/26 9:05 PM", date(2026, 11, 1)),
        ("01/nov/26", date(2026, 11, 1)),
        ("01/Nov/2026 22:15", date(2026, 11, 1)),
        ("2026-11-01", date(2026, 11, 1)),
        ("2026-11-01 10:15", date(2026, 11, 1)),
        ("2026-11-01T23:15:00Z", date(2026, 11, 1)),
        ("2026-11-01T10:15:00.513Z", date(2026, 11, 1)),
        ("2026-11-01T00:30:00+02:00", date(2026, 10, 31)),
        ("01.11.2026 10:15", date(2026, 11, 1)),
        ("Nov 1, 2026", date(2026, 11, 1)),
    ] {
        assert_eq!(dialect::parse_date(text), Some(day), "{text}");
    }
    for bad in ["31/Nov/26", "yesterday", "11/01/2026", "2026-13-01", ""] {
        assert_eq!(dialect::parse_date(bad), None, "{bad}");
    }
}

#[test]
fn the_separator_is_read_from_the_header_line() {
    assert_eq!(delimiter(b"Summary,Status\nA;B,C\n"), b',');
    assert_eq!(delimiter(b"Summary;Status;\"a,b\"\n"), b';');
    assert_eq!(
        delimiter(b"\"x;y\",Status\n"),
        b',',
        "inside quotes does not count"
    );
    assert_eq!(delimiter(b"Summary\tStatus\n"), b'\t');
}

/// A board that imported two Jira issues, the epic in a closed sprint.
fn imported() -> Board {
    let mut b = empty_board();
    let csv = "\
Summary,Issue key,Issue id,Issue Type,Status,Priority,Sprint,Story Points,Parent,Created,Updated
Checkout,PAY-1,101,Epic,To Do,High,Sprint 1,,,01/Mar/26,01/Mar/26
Pay,PAY-2,102,Story,To Do,Low,Sprint 2,3,101,01/Mar/26,02/Mar/26
";
    let imp = import(&b, csv);
    assert_eq!(imp.report(), "2 added, 0 updated, 0 unchanged, 0 skipped");
    b.apply(imp.edit).expect("applies");
    b
}

fn key<'b>(b: &'b Board, key: &str) -> &'b Item {
    b.items
        .iter()
        .find(|i| i.external.as_ref().is_some_and(|x| x.key == key))
        .expect("imported")
}

#[test]
fn a_reimport_updates_only_what_the_file_has_and_keeps_the_rest() {
    let mut b = imported();
    assert_eq!(b.project.last_import, Some(TODAY));
    let pay = key(&b, "PAY-2").id;
    // Made in cairn since: a description and an assignee the file does not carry.
    let mut it = b.item(pay).expect("there").clone();
    it.description = "Written in cairn".into();
    it.points = Some(5);
    b.apply(Edit::UpdateItem(Box::new(it))).expect("applies");
    // A newer export without the points column: the title and the status change.
    let csv = "\
Summary,Issue key,Issue Type,Status,Priority,Sprint,Parent,Updated
Pay by card,PAY-2,Story,In Progress,Low,Sprint 2,PAY-1,05/Mar/26
Checkout,PAY-1,Epic,To Do,High,Sprint 1,,01/Mar/26
New one,PAY-3,Story,To Do,,,,05/Mar/26
";
    let later = date(2026, 3, 12);
    let imp = plan_import(&b, csv.as_bytes(), later).expect("reads");
    assert_eq!(imp.report(), "1 added, 1 updated, 1 unchanged, 0 skipped");
    assert_eq!(imp.updated, vec![pay]);
    b.apply(imp.edit).expect("applies");
    let it = key(&b, "PAY-2");
    assert_eq!(it.title, "Pay by card");
    assert_eq!(it.status, "Doing");
    assert_eq!(it.status_since, later, "through the status rule");
    assert_eq!(it.points, Some(5), "no points column: kept");
    assert_eq!(
        it.description, "Written in cairn",
        "not a field the import updates"
    );
    assert_eq!(
        it.parent,
        Some(key(&b, "PAY-1").id),
        "by key now, by id before"
    );
    assert_eq!(it.updated, date(2026, 3, 5), "the source's Updated");
    assert_eq!(
        key(&b, "PAY-1").sprint,
        None,
        "Sprint 1 is closed: never imported into"
    );
    assert_eq!(b.project.last_import, Some(later));
    assert_eq!(b.validate(), Vec::new());
}

#[test]
fn a_reimport_keeps_a_closed_sprint_the_row_still_names_and_a_parent_it_cannot_find() {
    let mut b = imported();
    let pay = key(&b, "PAY-2").id;
    let mut it = b.item(pay).expect("there").clone();
    it.sprint = Some(SprintId(1));
    b.apply(Edit::UpdateItem(Box::new(it))).expect("applies");
    let csv = "\
Summary,Issue key,Issue Type,Status,Priority,Sprint,Sprint,Story Points,Parent
Pay,PAY-2,Story,To Do,Low,Sprint 1,Sprint 2,3,PAY-404
";
    let imp = import(&b, csv);
    assert_eq!(imp.report(), "0 added, 0 updated, 1 unchanged, 0 skipped");
    assert_eq!(
        imp.warnings,
        vec![RowIssue {
            line: 2,
            message: "Parent \"PAY-404\" is not a row of this file nor an item imported \
                      before; its parent is left as it was"
                .into()
        }]
    );
}

#[test]
fn two_rows_with_one_key_and_a_cycle_of_epics_are_refused() {
    let csv = "\
Summary,Issue key,Issue Type,Status,Parent
A,PAY-1,Epic,To Do,PAY-2
B,PAY-2,Epic,To Do,PAY-1
A again,PAY-1,Story,To Do,
";
    let imp = import(&empty_board(), csv);
    assert_eq!(
        imp.skipped,
        vec![RowIssue {
            line: 4,
            message: "the same key PAY-1 as line 2".into()
        }]
    );
    assert_eq!(lines(&imp.warnings), vec![3]);
    assert!(
        imp.warnings[0].message.contains("cycle"),
        "{:?}",
        imp.warnings
    );
    let got = items(&imp);
    assert_eq!(got[0].parent, Some(got[1].id), "the first link stands");
    assert_eq!(got[1].parent, None);
}

#[test]
fn the_update_export_writes_source_keys_and_one_labels_column_per_label() {
    let mut b = imported();
    let (add, _) = crate::model::rules::add_item(&b, ItemKind::Bug, "Made here", usize::MAX, TODAY)
        .expect("adds");
    b.apply(add).expect("applies");
    let pay = key(&b, "PAY-2").id;
    let mut it = b.item(pay).expect("there").clone();
    it.tags = vec!["a".into(), "=b".into(), "c".into()];
    it.updated = TODAY;
    b.apply(Edit::UpdateItem(Box::new(it))).expect("applies");
    let changed = changed_since(&b, TODAY);
    let mut out = Vec::new();
    export_update(&b, &changed, &mut out).expect("writes");
    let mut r = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(header[0], "Issue key");
    assert_eq!(header.iter().filter(|h| *h == "Labels").count(), 3);
    let rows: Vec<StringRecord> = r.records().collect::<Result<_, _>>().expect("rows");
    let keys: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(
        keys,
        vec!["PAY-2", ""],
        "changed today; made in cairn has no key"
    );
    let at = |name: &str| header.iter().position(|h| h == name).expect("a column");
    assert_eq!(&rows[0][at("Parent")], "PAY-1");
    assert_eq!(&rows[0][at("Priority")], "Low");
    assert_eq!(
        &rows[0][at("Labels") + 1],
        "'=b",
        "a formula is neutralised"
    );
}

/// A field changed in cairn after the last import that the file gives another value is replaced
/// by the file's, and the import says so, naming the item and the fields: never silently.
#[test]
fn a_reimport_over_a_change_made_in_cairn_says_what_it_replaces() {
    let mut b = imported();
    let pay = key(&b, "PAY-2").id;
    let mut it = b.item(pay).expect("there").clone();
    it.title = "Pay with a saved card".into();
    it.updated = TODAY.tomorrow().expect("a day");
    b.apply(Edit::UpdateItem(Box::new(it))).expect("applies");
    let csv = "\
Summary,Issue key,Issue Type,Status,Priority,Sprint,Story Points,Updated
Pay,PAY-2,Story,To Do,Low,Sprint 2,3,02/Mar/26
Checkout,PAY-1,Epic,To Do,High,Sprint 1,,01/Mar/26
";
    let later = date(2026, 3, 12);
    let imp = plan_import(&b, csv.as_bytes(), later).expect("reads");
    assert_eq!(imp.updated, vec![pay]);
    let said: Vec<String> = imp
        .warnings
        .iter()
        .map(ToString::to_string)
        .filter(|w| w.contains("changed in cairn"))
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with("line 2: PAY-2 was changed in cairn on"),
        "{}",
        said[0]
    );
    assert!(
        said[0].ends_with("the file's values for title replace cairn's"),
        "{}",
        said[0]
    );
    // PAY-1 was not changed in cairn: its row says nothing.
    assert!(!said.iter().any(|w| w.contains("PAY-1")));
}
