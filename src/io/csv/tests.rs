//! Tests of CSV export and import.

use super::*;
use crate::model::{Counters, Sprint};
use jiff::civil::date;
use std::collections::BTreeMap;

pub(super) const TODAY: Date = date(2026, 3, 10);

fn sprint(id: u32, name: &str, state: SprintState) -> Sprint {
    Sprint {
        id: SprintId(id),
        name: name.to_string(),
        goal: String::new(),
        start: date(2026, 3, 2),
        end: date(2026, 3, 15),
        capacity: 20,
        state,
        committed: None,
        remaining: BTreeMap::new(),
        completed: None,
    }
}

pub(super) fn empty_board() -> Board {
    let mut b = Board::new("Cairn", "CRN");
    b.sprints.push(sprint(1, "Sprint 1", SprintState::Closed));
    b.sprints.push(sprint(2, "Sprint 2", SprintState::Active));
    b.counters.sprint = 3;
    b
}

/// A board with two items filled in as much as possible, and one bare item.
fn full_board() -> Board {
    let mut b = empty_board();
    let mut epic = Item::new(
        ItemId(1),
        ItemKind::Epic,
        "Checkout",
        "Doing",
        date(2026, 1, 2),
    );
    epic.moscow = Some(Moscow::Must);
    epic.priority = Some("Highest".into());
    epic.rice = Some(Rice {
        reach: 2000,
        impact: Impact::High,
        confidence: 80,
        effort: 3,
    });
    let mut story = Item::new(ItemId(2), ItemKind::Spike, "Pay, \"fast\"", "Done", TODAY);
    story.description = "First line\nsecond, with a comma".into();
    story.acceptance = vec!["card works".into(), "wallet works".into()];
    story.points = Some(8);
    story.moscow = Some(Moscow::Wont);
    story.priority = Some("Low".into());
    story.wsjf = Some(Wsjf {
        business_value: 8,
        time_criticality: 5,
        risk_reduction: 2,
        job_size: 3,
    });
    story.sprint = Some(SprintId(2));
    story.assignee = "Alice Smith".into();
    story.tags = vec!["payments".into(), "ui".into()];
    story.parent = Some(ItemId(1));
    story.blocked = Some("waiting for the bank".into());
    story.created = date(2026, 2, 1);
    story.done = Some(date(2026, 3, 5));
    let bare = Item::new(ItemId(3), ItemKind::Bug, "Crash on start", "To do", TODAY);
    b.items = vec![
        std::sync::Arc::new(epic),
        std::sync::Arc::new(story),
        std::sync::Arc::new(bare),
    ];
    b.counters.item = 4;
    b
}

pub(super) fn import(board: &Board, csv: &str) -> Import {
    plan_import(board, csv.as_bytes(), TODAY).expect("the CSV is readable")
}

/// The items the import would add, in order.
pub(super) fn items(import: &Import) -> Vec<Item> {
    let Edit::Batch(edits) = &import.edit else {
        panic!("not a batch: {:?}", import.edit);
    };
    edits
        .iter()
        .filter_map(|e| match e {
            Edit::InsertItem { index, item } => {
                assert_eq!(*index, usize::MAX, "added at the bottom");
                Some((**item).clone())
            }
            _ => None,
        })
        .collect()
}

pub(super) fn lines(issues: &[RowIssue]) -> Vec<u64> {
    issues.iter().map(|i| i.line).collect()
}

#[test]
fn export_writes_jira_headers_and_one_row_per_item() {
    let b = full_board();
    let mut out = Vec::new();
    export_items(&b, &mut out).expect("writes");
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header = reader.headers().expect("header").clone();
    assert_eq!(header.iter().collect::<Vec<_>>(), EXPORT_HEADERS.to_vec());
    let rows: Vec<StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows");
    assert_eq!(rows.len(), 3);
    let get = |row: &StringRecord, name: &str| {
        let at = EXPORT_HEADERS
            .iter()
            .position(|h| *h == name)
            .expect("a header");
        row.get(at).expect("a field").to_string()
    };
    let (epic, story, bare) = (&rows[0], &rows[1], &rows[2]);
    assert_eq!(get(story, "Issue key"), "CRN-2");
    assert_eq!(get(story, "Issue Type"), "Spike");
    assert_eq!(get(story, "Priority"), "Low");
    assert_eq!(get(epic, "Priority"), "Highest");
    assert_eq!(get(story, "MoSCoW"), "won't");
    assert_eq!(get(story, "Labels"), "payments ui");
    assert_eq!(get(story, "Sprint"), "Sprint 2");
    assert_eq!(get(story, "Epic Link"), "CRN-1");
    assert_eq!(
        get(story, "Acceptance Criteria"),
        "card works\nwallet works"
    );
    assert_eq!(get(story, "Created"), "2026-02-01");
    assert_eq!(get(story, "Resolved"), "2026-03-05");
    assert_eq!(get(story, "WSJF"), "5.00");
    assert_eq!(get(epic, "RICE"), "1066.67");
    assert_eq!(get(epic, "Impact"), "High");
    for empty in [
        "Story Points",
        "Priority",
        "Sprint",
        "Resolved",
        "WSJF",
        "RICE",
    ] {
        assert_eq!(get(bare, empty), "", "{empty}");
    }
}

#[test]
fn export_then_import_round_trips() {
    let b = full_board();
    let mut out = Vec::new();
    export_items(&b, &mut out).expect("writes");
    let again = plan_import(&b, &out, date(2026, 4, 1)).expect("reads its own export");
    assert_eq!(
        again.report(),
        "0 added, 0 updated, 3 unchanged, 0 skipped",
        "into the same board its own keys match: nothing changes"
    );
    assert_eq!(again.edit, Edit::Batch(Vec::new()));
    let mut other = empty_board();
    other.project.key = "OTH".into();
    other.counters.item = 4;
    let imp = plan_import(&other, &out, date(2026, 4, 1)).expect("reads its own export");
    assert!(imp.skipped.is_empty(), "{:?}", imp.skipped);
    assert!(imp.warnings.is_empty(), "{:?}", imp.warnings);
    assert_eq!(imp.added, vec![ItemId(4), ItemId(5), ItemId(6)]);
    let got = items(&imp);
    for (new, old) in got.iter().zip(&b.items) {
        assert_eq!(new.title, old.title);
        assert_eq!(new.kind, old.kind);
        assert_eq!(new.status, old.status);
        assert_eq!(new.points, old.points);
        assert_eq!(new.moscow, old.moscow);
        assert_eq!(new.priority, old.priority);
        assert_eq!(new.tags, old.tags);
        assert_eq!(new.assignee, old.assignee);
        assert_eq!(new.description, old.description);
        assert_eq!(new.acceptance, old.acceptance);
        assert_eq!(new.wsjf, old.wsjf);
        assert_eq!(new.rice, old.rice);
        assert_eq!(new.sprint, old.sprint);
        assert_eq!(new.blocked, old.blocked);
        assert_eq!(new.created, old.created);
        assert_eq!(new.done, old.done);
    }
    assert_eq!(
        got[1].parent,
        Some(ItemId(4)),
        "epic link follows the new id"
    );
    assert_eq!(
        got[1].updated, b.items[1].updated,
        "from the file's Updated"
    );
}

#[test]
fn reads_a_github_projects_export() {
    let csv = "\
Title,URL,Assignees,Status,Labels,Estimate,Iteration,Type
Dark mode,https://github.com/o/r/issues/1,\"octocat, hubot\",Todo,\"bug, ui\",3,Sprint 2,Bug
Search,https://github.com/o/r/issues/2,,In Progress,,8,Iteration 9,
Export,https://github.com/o/r/issues/3,monalisa,Done,\"enhancement ui, ui\",,,Chore
";
    let imp = import(&empty_board(), csv);
    assert!(imp.skipped.is_empty(), "{:?}", imp.skipped);
    let got = items(&imp);
    assert_eq!(got[0].title, "Dark mode");
    assert_eq!(got[0].kind, ItemKind::Bug);
    assert_eq!(got[0].assignee, "octocat");
    assert_eq!(got[0].tags, vec!["bug", "ui"]);
    assert_eq!(got[0].sprint, Some(SprintId(2)));
    assert_eq!(got[0].points, Some(3));
    assert_eq!(got[1].status, "Doing");
    assert_eq!(got[1].sprint, None);
    assert_eq!(got[1].kind, ItemKind::Story);
    assert_eq!(got[2].status, "Done");
    assert_eq!(got[2].done, Some(TODAY));
    assert_eq!(got[2].tags, vec!["enhancement", "ui"]);
    assert_eq!(
        got[0].external.as_ref().map(|x| x.key.as_str()),
        Some("o/r#1")
    );
    assert_eq!(lines(&imp.warnings), vec![3, 4, 4]);
    assert_eq!(
        imp.warnings[2].message,
        "done, with no Resolved or Updated date; done today"
    );
    assert!(
        imp.warnings[0].message.contains("\"Iteration 9\""),
        "{:?}",
        imp.warnings
    );
    assert_eq!(
        imp.warnings[1].message,
        "unknown issue type \"Chore\"; imported as a story"
    );
}

#[test]
fn reads_a_trello_export() {
    let csv = "\
\u{feff}Card ID,Card Name,Card URL,Card Description,Labels,Members,List ID,List Name,Board Name
c1,Plan launch,https://trello.com/c/1,\"Line one
Line two\",\"Marketing (green), Urgent (red_dark), (sky)\",\"Dana, Eve\",l1,doing,Launch
c2,Book venue,https://trello.com/c/2,,,,l2,Backlog,Launch
c3,Retro,https://trello.com/c/3,,,,l3,Icebox,Launch
";
    let imp = import(&empty_board(), csv);
    let got = items(&imp);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].title, "Plan launch");
    assert_eq!(got[0].description, "Line one\nLine two");
    assert_eq!(got[0].tags, vec!["Marketing", "Urgent"]);
    assert_eq!(got[0].assignee, "Dana");
    assert_eq!(got[0].status, "Doing");
    assert_eq!(got[1].status, "To do");
    assert_eq!(
        imp.skipped,
        vec![RowIssue {
            line: 5,
            message: "unknown status \"Icebox\" (columns: To do, Doing, Review, Done)".into()
        }]
    );
}

#[test]
fn bad_rows_are_skipped_with_their_line_and_reason() {
    let csv = "\
Summary,Status,Story Points
Good one,To do,3
Bad points,To do,abc
Odd status,Blocked-ish,1
Too few,To do
,To do,2
\"Two
lines\",Doing,4
Too big,Review,100
Negative,Review,-1
";
    let imp = import(&empty_board(), csv);
    let skipped: Vec<(u64, &str)> = imp
        .skipped
        .iter()
        .map(|s| (s.line, s.message.as_str()))
        .collect();
    assert_eq!(
        skipped,
        vec![
            (3, "Story Points \"abc\" is not a number"),
            (
                4,
                "unknown status \"Blocked-ish\" (columns: To do, Doing, Review, Done)"
            ),
            (5, "has 2 fields, the header has 3"),
            (6, "empty title"),
            (
                9,
                "Story Points \"100\" is above 89, the top of the Fibonacci scale"
            ),
            (10, "Story Points \"-1\" is negative"),
        ]
    );
    let got = items(&imp);
    let titles: Vec<&str> = got.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, vec!["Good one", "Two\nlines"]);
    assert_eq!(got[1].points, Some(5), "4 rounds up to 5");
    assert_eq!(
        imp.warnings,
        vec![RowIssue {
            line: 7,
            message: "Story Points 4 is not on the Fibonacci scale; rounded up to 5".into()
        }]
    );
}

#[test]
fn bad_scores_skip_the_row_and_half_scores_warn() {
    let csv = "\
Summary,Business Value,Time Criticality,Risk Reduction,Job Size,Reach,Impact,Confidence,Effort
Bad value,8,x,1,1,,,,
Bad impact,,,,,10,Huge,50,1
Too sure,,,,,10,High,150,1
Half,8,,,,,,,
Percent,,,,,10,massive,80%,2
";
    let imp = import(&empty_board(), csv);
    let skipped: Vec<(u64, &str)> = imp
        .skipped
        .iter()
        .map(|s| (s.line, s.message.as_str()))
        .collect();
    assert_eq!(
        skipped,
        vec![
            (2, "Time Criticality \"x\" is not a whole number"),
            (
                3,
                "Impact \"Huge\" is not Minimal, Low, Medium, High or Massive"
            ),
            (4, "Confidence \"150\" is over 100%"),
        ]
    );
    let got = items(&imp);
    assert_eq!(got[0].wsjf, None);
    assert_eq!(lines(&imp.warnings), vec![5]);
    assert_eq!(
        got[1].rice,
        Some(Rice {
            reach: 10,
            impact: Impact::Massive,
            confidence: 80,
            effort: 2
        })
    );
}

#[test]
fn applying_the_import_adds_the_good_rows_at_the_bottom() {
    let mut b = full_board();
    let before = b.clone();
    let imp = import(
        &b,
        "Name,List,Size,Sprint\nOne,Review,2,sprint 2\nTwo,,,Sprint 1\nBad,Nowhere,,\n",
    );
    assert_eq!(imp.added, vec![ItemId(4), ItemId(5)]);
    assert_eq!(lines(&imp.skipped), vec![4]);
    assert_eq!(lines(&imp.warnings), vec![3], "Sprint 1 is closed");
    let undo = b.apply(imp.edit).expect("applies");
    let ids: Vec<u32> = b.items.iter().map(|i| i.id.0).collect();
    assert_eq!(ids, vec![1, 2, 3, 4, 5]);
    assert_eq!(b.counters.item, 6);
    assert_eq!(b.items[3].status, "Review");
    assert_eq!(b.items[3].sprint, Some(SprintId(2)));
    assert_eq!(b.items[4].status, "To do");
    assert!(b.validate().is_empty(), "{:?}", b.validate());
    b.apply(undo).expect("undoes");
    assert_eq!(b, before);
}

#[test]
fn status_synonyms_fall_back_to_positions() {
    let mut b = Board::new("Custom", "CU");
    b.columns = ["Ideas", "Building", "Checking", "Shipped"]
        .map(|n| crate::model::Column::new(n, None))
        .to_vec();
    let imp = import(
        &b,
        "Title,State\na,open\nb,in-progress\nc,QA\nd,closed\ne,SHIPPED\n",
    );
    let statuses: Vec<String> = items(&imp).into_iter().map(|i| i.status).collect();
    assert_eq!(
        statuses,
        vec!["Ideas", "Building", "Checking", "Shipped", "Shipped"]
    );
}

#[test]
fn nothing_to_import_is_not_an_error() {
    let b = full_board();
    let imp = import(&b, "Summary,Status\n,To do\n");
    assert!(imp.added.is_empty());
    assert_eq!(imp.edit, Edit::Batch(Vec::new()));
    assert_eq!(lines(&imp.skipped), vec![2]);
    let imp = import(&b, "Summary\n");
    assert!(imp.added.is_empty() && imp.skipped.is_empty());
}

#[test]
fn unreadable_files_are_errors() {
    let b = empty_board();
    let err = plan_import(&b, b"Summary,Status\nok,To do\nbad \xff,To do\n", TODAY)
        .expect_err("not UTF-8");
    assert!(matches!(err, CsvError::Parse { line: 3, .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("line 3: field 1 is not valid UTF-8"),
        "{err}"
    );

    let err = plan_import(&b, b"Key, Status ,Points\n", TODAY).expect_err("no title");
    assert_eq!(
        err.to_string(),
        "no title column: expected one of Summary, Title, Card Name or Name; \
         the header has \"Key\", \"Status\", \"Points\""
    );
    assert!(matches!(plan_import(&b, b"", TODAY), Err(CsvError::Empty)));
}

#[test]
fn ids_continue_from_the_counters() {
    let mut b = empty_board();
    b.counters = Counters {
        item: 40,
        ..Counters::default()
    };
    let imp = import(&b, " SUMMARY \nx\ny\n");
    assert_eq!(imp.added, vec![ItemId(40), ItemId(41)]);
    let Edit::Batch(edits) = &imp.edit else {
        panic!("not a batch");
    };
    assert_eq!(
        edits.first(),
        Some(&Edit::SetCounters(Counters {
            item: 42,
            ..Counters::default()
        }))
    );
}
