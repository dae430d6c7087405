//! An Epic Link that names a row which is not an epic, or the row itself, is a warning with its
//! line, and the item is left without a parent: a parent is always an epic, on import as in the
//! TUI and on load.

use super::tests::{empty_board, import, items};
use crate::model::ItemKind;

#[test]
fn an_epic_link_to_a_story_or_to_itself_is_left_unlinked_with_a_warning() {
    let csv = "\
Summary,Issue key,Issue Type,Status,Epic Link
Login page,PROJ-1,Story,To Do,PROJ-2
Payments,PROJ-2,Story,To Do,
Itself,PROJ-3,Epic,To Do,PROJ-3
Checkout,PROJ-9,Epic,To Do,
Polish,PROJ-4,Story,To Do,PROJ-9
";
    let imp = import(&empty_board(), csv);
    assert!(imp.skipped.is_empty(), "{:?}", imp.skipped);
    let got = items(&imp);
    let parents: Vec<Option<_>> = got.iter().map(|i| i.parent).collect();
    assert_eq!(parents, vec![None, None, None, None, Some(got[3].id)]);
    assert_eq!(got[3].kind, ItemKind::Epic);
    let warnings: Vec<(u64, &str)> = imp
        .warnings
        .iter()
        .map(|w| (w.line, w.message.as_str()))
        .collect();
    assert_eq!(
        warnings,
        vec![
            (
                2,
                "Epic Link \"PROJ-2\" is a story, not an epic; left unlinked"
            ),
            (4, "Epic Link \"PROJ-3\" is the row itself; left unlinked"),
        ]
    );
}
