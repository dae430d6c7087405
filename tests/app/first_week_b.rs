//! A product owner's first week (issue 12), points 6, 9, 11, 12 and 13: the answers the timeline,
//! the budget, the report and the backlog give on the sample board of 2026-12-01.

use crate::common::screen::screen;

use cairn::app::{App, Pane};
use cairn::commands::sample_board;
use cairn::model::{Board, Scoring};
use jiff::civil::{Date, date};

const TODAY: Date = date(2026, 12, 1);

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

fn board() -> Board {
    sample_board(TODAY)
}

fn app_with(board: Board) -> App {
    App::new(board, "b.ron", TODAY)
}

// 13. Scores fit the Score column.

#[test]
fn rice_scores_fit_the_score_column_at_every_width() {
    let mut b = board();
    b.settings.scoring = Scoring::Rice;
    // The highest RICE scores on top, so they are on screen at 80×24.
    b.items.sort_by(|x, y| {
        let s = |i: &cairn::model::Item| i.score(Scoring::Rice).unwrap_or(0.0);
        s(y).total_cmp(&s(x))
    });
    let top = b.items[0]
        .score(Scoring::Rice)
        .expect("the sample has RICE scores");
    assert!(top >= 10_000.0, "the sample's top RICE score is {top}");
    let shown = "40k";
    assert_eq!(top, 40000.0);
    assert!(shown.ends_with('k'), "{top} is shown as {shown}");
    let app = app_with(b);
    assert_eq!(app.pane, Pane::Backlog);
    for (w, h) in SIZES {
        let text = screen(&app, w, h);
        let row = text
            .lines()
            .find(|l| l.contains("›   1"))
            .unwrap_or_else(|| panic!("the first row at {w}×{h}:\n{text}"));
        assert!(row.contains(&format!(" {shown} ")), "{w}×{h}: {row}");
        assert!(!text.contains("000."), "{w}×{h}:\n{text}");
    }
    // The details say the same (the wide layout shows them beside the table).
    let text = screen(&app, 200, 60);
    assert!(
        text.lines()
            .any(|l| l.contains("RICE ") && l.contains(&format!(" {shown}  ("))),
        "{text}"
    );
}
