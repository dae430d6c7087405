use super::*;
use crate::model::value;
use crate::model::{Item, ItemKind, SprintId};
use jiff::civil::date;

fn board() -> Board {
    let mut b = Board::new("Test", "CRN");
    for id in 1..=2 {
        b.items.push(std::sync::Arc::new(Item::new(
            ItemId(id),
            ItemKind::Story,
            format!("item {id}"),
            "To do",
            date(2026, 1, 1),
        )));
    }
    b
}

#[test]
fn a_sound_board_has_no_problems() {
    assert!(board().validate().is_empty());
}

#[test]
fn problems_name_the_item() {
    let mut b = board();
    std::sync::Arc::make_mut(&mut b.items[1]).id = ItemId(1);
    std::sync::Arc::make_mut(&mut b.items[0]).status = "Doingg".into();
    std::sync::Arc::make_mut(&mut b.items[0]).sprint = Some(SprintId(7));
    std::sync::Arc::make_mut(&mut b.items[0]).blocked_by = vec![ItemId(42)];
    let p: Vec<String> = b.validate().into_iter().map(|p| p.0).collect();
    assert!(p.contains(&"item id 1 is used twice".to_string()), "{p:?}");
    assert!(
        p.contains(&"item CRN-1 (\"item 1\"): status \"Doingg\" is not a workflow column (To do, Doing, Review, Done)".to_string()),
        "{p:?}"
    );
    assert!(
        p.contains(&"item CRN-1 (\"item 1\"): sprint 7 does not exist".to_string()),
        "{p:?}"
    );
    assert!(
        p.contains(&"item CRN-1 (\"item 1\"): blocked by CRN-42, which does not exist".to_string()),
        "{p:?}"
    );
}

fn problems(b: &Board) -> Vec<String> {
    b.validate().into_iter().map(|p| p.0).collect()
}

/// The board with one change, and the problem it must raise (and no other).
fn refused(change: impl FnOnce(&mut Board), expected: &str) {
    let mut b = full_board();
    assert!(problems(&b).is_empty(), "{:?}", problems(&b));
    change(&mut b);
    assert_eq!(problems(&b), vec![expected.to_string()]);
}

fn item_mut(b: &mut Board) -> &mut Item {
    std::sync::Arc::make_mut(&mut b.items[0])
}

/// One of each record, every field within its limits.
fn full_board() -> Board {
    use crate::model::{
        EntryKind, Impact, Note, NoteId, NoteKind, Rice, Risk, RiskId, RiskStatus, Sprint,
        SprintState, Stakeholder, StakeholderId, TimelineEntry, Wsjf,
    };
    let mut b = board();
    {
        let it = item_mut(&mut b);
        it.points = Some(5);
        it.wsjf = Some(Wsjf {
            business_value: 8,
            time_criticality: 5,
            risk_reduction: 2,
            job_size: 3,
        });
        it.rice = Some(Rice {
            reach: 2000,
            impact: Impact::High,
            confidence: 80,
            effort: 3,
        });
        it.tags = vec!["checkout".into()];
        it.acceptance = vec!["pays by card".into()];
    }
    b.sprints.push(Sprint {
        id: SprintId(1),
        name: "Sprint 1".into(),
        goal: String::new(),
        start: date(2026, 1, 1),
        end: date(2026, 1, 14),
        capacity: 26,
        state: SprintState::Planned,
        committed: None,
        remaining: [(date(2026, 1, 1), 10)].into_iter().collect(),
        completed: None,
    });
    b.timeline.push(TimelineEntry {
        id: EntryId(1),
        name: "Beta".into(),
        kind: EntryKind::Phase,
        start: date(2026, 1, 1),
        end: date(2026, 2, 1),
        depends_on: vec![],
        items: vec![],
        owner: "Ana".into(),
        planned_cost: 40_000,
        actual_cost: 1_000,
    });
    b.risks.push(Risk {
        id: RiskId(1),
        title: "Payments late".into(),
        probability: 3,
        impact: 4,
        owner: String::new(),
        mitigation: String::new(),
        status: RiskStatus::Open,
        raised: date(2026, 1, 1),
        items: vec![],
        entries: vec![],
    });
    b.stakeholders.push(Stakeholder {
        id: StakeholderId(1),
        name: "Dana".into(),
        role: "CFO".into(),
        organisation: String::new(),
        power: 5,
        interest: 2,
        cadence_days: 14,
        last_update: Some(date(2026, 1, 1)),
        contact: String::new(),
        cares_about: String::new(),
        notes: vec![Note {
            id: NoteId(1),
            date: date(2026, 1, 2),
            kind: NoteKind::Meeting,
            text: "Asked about the budget".into(),
            items: vec![],
            entries: vec![],
        }],
    });
    b
}

const ITEM: &str = "item CRN-1 (\"item 1\")";

#[test]
fn item_scores_keep_the_forms_limits() {
    refused(
        |b| item_mut(b).points = Some(4),
        &format!("{ITEM}: 4 points is not on the Fibonacci scale"),
    );
    refused(
        |b| item_mut(b).wsjf.as_mut().expect("wsjf").business_value = 21,
        &format!("{ITEM}: WSJF business value 21 is not 1–20"),
    );
    refused(
        |b| item_mut(b).wsjf.as_mut().expect("wsjf").job_size = 0,
        &format!("{ITEM}: WSJF job size 0 is not 1–20"),
    );
    refused(
        |b| item_mut(b).rice.as_mut().expect("rice").effort = 0,
        &format!("{ITEM}: RICE effort 0 is not a whole number above 0"),
    );
    refused(
        |b| item_mut(b).rice.as_mut().expect("rice").confidence = 101,
        &format!("{ITEM}: RICE confidence 101% is over 100%"),
    );
}

#[test]
fn item_fields_keep_their_lengths() {
    refused(
        |b| item_mut(b).description = "x".repeat(value::MAX_TEXT + 1),
        &format!("{ITEM}: the description is 100001 characters long; the most is 100000"),
    );
    refused(
        |b| item_mut(b).tags.push("t".repeat(51)),
        &format!("{ITEM}: tag \"tttttttttttttttttttt…\" is 51 characters long; the most is 50"),
    );
    refused(
        |b| item_mut(b).tags = (0..=value::MAX_TAGS).map(|n| n.to_string()).collect(),
        &format!("{ITEM}: 51 tags; the most is 50"),
    );
    refused(
        |b| item_mut(b).acceptance[0] = "a".repeat(501),
        &format!("{ITEM}: acceptance criterion 1 is 501 characters long; the most is 500"),
    );
    refused(
        |b| item_mut(b).assignee = "a".repeat(201),
        &format!("{ITEM}: the assignee is 201 characters long; the most is 200"),
    );
}

#[test]
fn a_huge_title_is_refused_and_not_repeated_back() {
    let mut b = full_board();
    item_mut(&mut b).title = "T".repeat(5_000_000);
    let p = problems(&b);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with(&format!(
            "item CRN-1 (\"{}…\"): the title is 5000000 characters",
            "T".repeat(60)
        )),
        "{}",
        &p[0][..200]
    );
    assert!(p[0].ends_with("the most is 500"), "{}", &p[0][..200]);
    assert!(p[0].len() < 200);
}

#[test]
fn dates_the_app_cannot_do_arithmetic_on_are_refused() {
    refused(
        |b| item_mut(b).created = date(9500, 1, 1),
        &format!("{ITEM}: the created date 9500-01-01 is outside the years 1000–9000"),
    );
    refused(
        |b| b.sprints[0].end = date(9999, 12, 31),
        "sprint 1 (\"Sprint 1\"): the end 9999-12-31 is outside the years 1000–9000",
    );
    refused(
        |b| {
            b.sprints[0].remaining.insert(date(9001, 1, 1), 3);
        },
        "sprint 1 (\"Sprint 1\"): a burndown day 9001-01-01 is outside the years 1000–9000",
    );
    refused(
        |b| b.timeline[0].start = date(-50, 1, 1),
        "timeline entry 1 (\"Beta\"): the start -000050-01-01 is outside the years 1000–9000",
    );
    refused(
        |b| b.stakeholders[0].last_update = Some(date(9999, 1, 1)),
        "stakeholder 1 (\"Dana\"): the last update 9999-01-01 is outside the years 1000–9000",
    );
    refused(
        |b| b.stakeholders[0].notes[0].date = date(9999, 1, 1),
        "stakeholder 1 (\"Dana\"), note 1: the date 9999-01-01 is outside the years 1000–9000",
    );
    refused(
        |b| b.risks[0].raised = date(9999, 1, 1),
        "risk 1 (\"Payments late\"): the raised date 9999-01-01 is outside the years 1000–9000",
    );
}

#[test]
fn sprint_timeline_risk_and_people_limits() {
    refused(
        |b| b.sprints[0].capacity = 1_000_000,
        "sprint 1 (\"Sprint 1\"): capacity 1000000 is not 0–9999 points",
    );
    refused(
        |b| b.timeline[0].planned_cost = u64::MAX,
        "timeline entry 1 (\"Beta\"): the planned cost 18446744073709551615 is more than the most an amount can be (1000000000000)",
    );
    refused(
        |b| b.timeline[0].name = "n".repeat(201),
        &format!(
            "timeline entry 1 (\"{}…\"): the name is 201 characters long; the most is 200",
            "n".repeat(60)
        ),
    );
    refused(
        |b| b.risks[0].probability = 6,
        "risk 1 (\"Payments late\"): probability 6 is not 1–5",
    );
    refused(
        |b| b.risks[0].mitigation = "m".repeat(100_001),
        "risk 1 (\"Payments late\"): the mitigation is 100001 characters long; the most is 100000",
    );
    refused(
        |b| b.stakeholders[0].cadence_days = 8_000_000,
        "stakeholder 1 (\"Dana\"): update cadence 8000000 is not 1–365 days",
    );
    refused(
        |b| b.stakeholders[0].cadence_days = 0,
        "stakeholder 1 (\"Dana\"): update cadence 0 is not 1–365 days",
    );
    refused(
        |b| b.stakeholders[0].interest = 0,
        "stakeholder 1 (\"Dana\"): interest 0 is not 1–5",
    );
    refused(
        |b| b.stakeholders[0].notes[0].text = "n".repeat(100_001),
        "stakeholder 1 (\"Dana\"), note 1: the text is 100001 characters long; the most is 100000",
    );
}

#[test]
fn project_workflow_and_settings_limits() {
    refused(
        |b| b.columns[1].wip_limit = Some(0),
        "workflow column \"Doing\": WIP limit 0 is not 1–999 items",
    );
    refused(
        |b| b.columns[1].wip_limit = Some(1000),
        "workflow column \"Doing\": WIP limit 1000 is not 1–999 items",
    );
    refused(
        |b| b.settings.standup_minutes = 0,
        "settings: standup timebox 0 is not 1–120 minutes",
    );
    refused(
        |b| b.project.budget = value::MAX_MONEY + 1,
        "project: the budget 1000000000001 is more than the most an amount can be (1000000000000)",
    );
    refused(
        |b| b.project.key = "K".repeat(51),
        "project: the project key is 51 characters long; the most is 50",
    );
    refused(
        |b| b.project.vision = "v".repeat(100_001),
        "project: the vision is 100001 characters long; the most is 100000",
    );
}

#[test]
fn apply_refuses_what_the_next_load_would_refuse() {
    use crate::model::{Edit, EditError};
    let mut b = full_board();
    let before = b.clone();
    let mut it = (*b.items[0]).clone();
    it.title = "x".repeat(501);
    assert_eq!(
        b.apply(Edit::UpdateItem(Box::new(it.clone()))),
        Err(EditError::Limit(format!(
            "item CRN-1 (\"{}…\"): the title is 501 characters long; the most is 500",
            "x".repeat(60)
        )))
    );
    let mut s = b.stakeholders[0].clone();
    s.cadence_days = 8_000_000;
    let mut fine = (*b.items[1]).clone();
    fine.title = "renamed".into();
    let batch = Edit::Batch(vec![
        Edit::UpdateItem(Box::new(fine)),
        Edit::UpdateStakeholder(Box::new(s)),
    ]);
    assert_eq!(
        b.apply(batch),
        Err(EditError::Limit(
            "stakeholder 1 (\"Dana\"): update cadence 8000000 is not 1–365 days".into()
        ))
    );
    assert_eq!(b, before, "a refused batch leaves no trace");
    it.title = "x".repeat(500);
    assert!(b.apply(Edit::UpdateItem(Box::new(it))).is_ok());
}

#[test]
fn sparse_ids_are_checked_as_dense_ones_are() {
    // The same broken board with ids 1, 2 and with ids 1, 4 000 000 000 (hash sets, not tables).
    for second in [2, 4_000_000_000] {
        let mut b = board();
        let it = std::sync::Arc::make_mut(&mut b.items[1]);
        it.id = ItemId(second);
        it.kind = ItemKind::Epic;
        let it = std::sync::Arc::make_mut(&mut b.items[0]);
        it.parent = Some(ItemId(second));
        it.blocked_by = vec![ItemId(second), ItemId(3)];
        it.relates_to = vec![ItemId(second + 7)];
        b.items.push(b.items[0].clone());
        let key = |id: u32| format!("CRN-{id}");
        assert_eq!(
            problems(&b),
            [
                "item id 1 is used twice".to_string(),
                format!(
                    "item CRN-1 (\"item 1\"): blocked by {}, which does not exist",
                    key(3)
                ),
                format!(
                    "item CRN-1 (\"item 1\"): related to {}, which does not exist",
                    key(second + 7)
                ),
                format!(
                    "item CRN-1 (\"item 1\"): blocked by {}, which does not exist",
                    key(3)
                ),
                format!(
                    "item CRN-1 (\"item 1\"): related to {}, which does not exist",
                    key(second + 7)
                ),
            ],
            "{second}"
        );
    }
}

#[test]
fn an_imported_key_and_a_priority_are_short_single_lines() {
    use crate::model::{External, Source};
    let key = |k: &str| {
        let k = k.to_string();
        move |b: &mut Board| {
            item_mut(b).external = Some(External {
                source: Source::Jira,
                key: k,
            });
        }
    };
    let first = problems(&full_board());
    assert!(first.is_empty(), "{first:?}");
    let name = {
        let b = full_board();
        format!("item CRN-1 (\"{}\")", b.items[0].title)
    };
    refused(key(" "), &format!("{name}: the Jira key is empty"));
    refused(
        key("PAY-1\n2"),
        &format!("{name}: the Jira key has a control character"),
    );
    refused(
        key(&"K".repeat(51)),
        &format!("{name}: the Jira key is 51 characters long; the most is 50"),
    );
    refused(
        |b| item_mut(b).priority = Some(String::new()),
        &format!("{name}: the priority is empty"),
    );
    let mut b = full_board();
    item_mut(&mut b).priority = Some("Highest".into());
    key("PAY-123")(&mut b);
    assert!(problems(&b).is_empty(), "{:?}", problems(&b));
}
