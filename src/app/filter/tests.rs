use super::*;
use crate::model::{ItemId, Sprint, SprintState};
use jiff::civil::date;

fn board() -> Board {
    let mut b = Board::new("T", "CRN");
    let mut a = Item::new(
        ItemId(1),
        ItemKind::Bug,
        "Card form crashes",
        "Doing",
        date(2026, 1, 1),
    );
    a.tags = vec!["payments".into()];
    a.moscow = Some(Moscow::Must);
    a.sprint = Some(SprintId(24));
    let mut c = Item::new(
        ItemId(2),
        ItemKind::Story,
        "Apple Pay",
        "To do",
        date(2026, 1, 1),
    );
    c.tags = vec!["wallets".into(), "Pay Later".into()];
    c.assignee = "Ana".into();
    let mut d = Item::new(
        ItemId(3),
        ItemKind::Task,
        "Receipts",
        "Done",
        date(2026, 1, 1),
    );
    d.tags = vec!["paypal".into()];
    d.moscow = Some(Moscow::Wont);
    d.sprint = Some(SprintId(23));
    b.items = vec![
        std::sync::Arc::new(a),
        std::sync::Arc::new(c),
        std::sync::Arc::new(d),
    ];
    let sprint = |id: u32, state| Sprint {
        id: SprintId(id),
        name: format!("Sprint {id}"),
        goal: String::new(),
        start: date(2026, 1, 1),
        end: date(2026, 1, 14),
        capacity: 20,
        state,
        committed: None,
        remaining: Default::default(),
        completed: None,
    };
    b.sprints = vec![
        sprint(23, SprintState::Closed),
        sprint(24, SprintState::Active),
    ];
    b
}

fn hits(b: &Board, q: &str) -> Vec<u32> {
    let f = Filter::parse(q, b);
    b.items
        .iter()
        .filter(|i| f.matches(b, i))
        .map(|i| i.id.0)
        .collect()
}

#[test]
fn qualifiers_and_words_combine() {
    let b = board();
    assert_eq!(hits(&b, ""), vec![1, 2, 3]);
    assert_eq!(hits(&b, "kind:bug"), vec![1]);
    assert_eq!(hits(&b, "tag:WALLETS"), vec![2]);
    assert_eq!(hits(&b, "moscow:must card"), vec![1]);
    assert_eq!(hits(&b, "moscow:none"), vec![2]);
    assert_eq!(
        hits(&b, "moscow:wont"),
        vec![3],
        "won't without its apostrophe"
    );
    assert_eq!(hits(&b, "pay"), vec![2]);
    assert_eq!(hits(&b, "crn-1"), vec![1]);
    assert_eq!(hits(&b, "ana"), vec![2], "assignee");
    assert_eq!(hits(&b, "sprint:none"), vec![2]);
    assert_eq!(hits(&b, "sprint:active"), vec![1]);
    assert_eq!(hits(&b, "sprint:23"), vec![3], "a number");
    assert_eq!(
        hits(&b, "sprint:sprint24"),
        vec![1],
        "a name without its space"
    );
    assert_eq!(hits(&b, "kind:saga"), Vec::<u32>::new());
    assert_eq!(
        Filter::parse("kind:saga", &b).unknown,
        vec!["kind:saga".to_string()]
    );
    assert_eq!(
        hits(&b, "kind:"),
        vec![1, 2, 3],
        "a qualifier being typed filters nothing yet"
    );
    assert_eq!(hits(&b, "10:30"), Vec::<u32>::new(), "not a key: a word");
}

#[test]
fn a_status_is_named_by_its_exact_name_or_a_unique_prefix() {
    let b = board();
    assert_eq!(hits(&b, "status:todo"), vec![2], "To do, spaces ignored");
    assert_eq!(hits(&b, "status:to"), vec![2], "a unique prefix");
    assert_eq!(
        hits(&b, "status:done"),
        vec![3],
        "exact, not every status with do in it"
    );
    assert_eq!(
        hits(&b, "status:rev"),
        Vec::<u32>::new(),
        "Review: no item there"
    );
    assert_eq!(
        hits(&b, "status:do"),
        Vec::<u32>::new(),
        "Doing or Done: says so"
    );
    assert_eq!(
        Filter::parse("status:do", &b).unknown,
        vec!["status:do (Doing or Done?)".to_string()]
    );
    assert_eq!(hits(&b, "status:oin"), vec![1], "a unique part");
}

#[test]
fn either_of_a_list_and_negation() {
    let b = board();
    assert_eq!(hits(&b, "status:todo,done"), vec![2, 3]);
    assert_eq!(hits(&b, "kind:bug,task"), vec![1, 3]);
    assert_eq!(
        hits(&b, "kind:bug kind:task"),
        vec![1, 3],
        "two of one key: either"
    );
    assert_eq!(hits(&b, "-status:done"), vec![1, 2]);
    assert_eq!(hits(&b, "-status:done,todo"), vec![1]);
    assert_eq!(hits(&b, "-kind:bug -moscow:none"), vec![3]);
    assert_eq!(hits(&b, "-sprint:none"), vec![1, 3]);
    assert_eq!(hits(&b, "-sprint:active"), vec![2, 3]);
    assert_eq!(hits(&b, "-tag:payments"), vec![2, 3]);
    assert_eq!(hits(&b, "-card"), vec![2, 3], "a word left out");
    assert_eq!(hits(&b, "status:todo,doing -kind:bug"), vec![2]);
    assert_eq!(
        Filter::parse("-kind:saga,bug", &b).unknown,
        vec!["-kind:saga".to_string()]
    );
}

#[test]
fn tags_follow_the_same_rule() {
    let b = board();
    assert_eq!(hits(&b, "tag:paylater"), vec![2], "a tag with a space");
    assert_eq!(hits(&b, "tag:paym"), vec![1], "a unique prefix");
    assert_eq!(
        Filter::parse("tag:pay", &b).unknown,
        vec!["tag:pay (payments, Pay Later or paypal?)".to_string()]
    );
    assert_eq!(hits(&b, "tag:pal"), vec![3], "a unique part");
}

#[test]
fn same_compares_as_normalize_does() {
    assert!(same("To do", "todo"));
    assert!(same("Won't do", "wontdo"));
    assert!(!same("To do", "to"));
    assert!(!same("Doing", "doingx"));
}

#[test]
fn a_person_by_name_handle_or_me_and_nobody() {
    use crate::model::{Capacity, Person};
    let mut b = board();
    let mut ana = Person::new("Ana Lima", Capacity::Points(8));
    ana.handle = "al".into();
    b.team = vec![ana, Person::new("Bo", Capacity::Points(5))];
    let mut it = Item::clone(&b.items[0]);
    it.assignee = "Ana Lima".into();
    b.items[0] = std::sync::Arc::new(it);
    let mut it = Item::clone(&b.items[2]);
    it.assignee = "Bo".into();
    b.items[2] = std::sync::Arc::new(it);
    let as_me = |q: &str, me: Option<&str>| -> Vec<u32> {
        let f = Filter::parse_as(q, &b, me);
        b.items
            .iter()
            .filter(|i| f.matches(&b, i))
            .map(|i| i.id.0)
            .collect()
    };
    assert_eq!(hits(&b, "@al"), vec![1], "a handle");
    assert_eq!(
        hits(&b, "assignee:ana-lima"),
        vec![1],
        "a name, spaces aside"
    );
    assert_eq!(hits(&b, "@bo"), vec![3]);
    assert_eq!(
        hits(&b, "@ana"),
        vec![2],
        "Ana (item 2) is a name of its own"
    );
    assert_eq!(hits(&b, "-@bo"), vec![1, 2]);
    assert_eq!(hits(&b, "assignee:bo,al"), vec![1, 3]);
    assert_eq!(hits(&b, "assignee:none"), Vec::<u32>::new());
    assert_eq!(as_me("@me", Some("al")), vec![1], "me by handle");
    assert_eq!(as_me("me: kind:bug", Some("Ana Lima")), vec![1]);
    assert_eq!(as_me("-me:", Some("Bo")), vec![1, 2]);
    let f = Filter::parse_as("@me", &b, None);
    assert_eq!(f.unknown, vec!["@me (set me: \"Your name\" in config.ron)"]);
    let f = Filter::parse("@zed", &b);
    assert_eq!(f.unknown, vec!["@zed"]);
    let f = Filter::parse("assignee:a", &b);
    assert_eq!(f.unknown, vec!["assignee:a (Ana Lima or Ana?)"]);
}

#[test]
fn priority_filters_by_the_priority_an_import_kept_and_never_by_moscow() {
    let mut b = board();
    let mut with = |n: usize, p: &str| {
        let mut it = (*b.items[n]).clone();
        it.priority = Some(p.into());
        b.items[n] = std::sync::Arc::new(it);
    };
    with(0, "Highest");
    with(1, "P1");
    assert_eq!(hits(&b, "priority:highest"), vec![1]);
    assert_eq!(
        hits(&b, "priority:p1"),
        vec![2],
        "any priority on the board"
    );
    assert_eq!(hits(&b, "priority:none"), vec![3]);
    assert_eq!(hits(&b, "-priority:none"), vec![1, 2]);
    assert_eq!(
        hits(&b, "priority:high"),
        Vec::<u32>::new(),
        "High is not Highest"
    );
    assert_eq!(hits(&b, "priority:highest,p1"), vec![1, 2]);
    let f = Filter::parse("priority:urgent", &b);
    assert_eq!(f.unknown, vec!["priority:urgent".to_string()]);
}
