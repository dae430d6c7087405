//! The README's first screen (issue 16, point 6) is what the binary draws: each pane of the sample
//! board at 100×30 on 2026-12-01, rendered here as the TUI renders it and compared with the blocks
//! in README.md, so the pictures never drift from the code.
//!
//! When a screen changes on purpose: `CAIRN_UPDATE_README=1 cargo test --test readme` rewrites the
//! blocks; read the diff of README.md before committing it.

mod common;

use cairn::app::{Action, App};
use cairn::commands::sample_board;
use jiff::civil::date;

const WIDTH: u16 = 100;
const HEIGHT: u16 = 30;

/// The panes shown, each under `<!-- screen:NAME -->` in the README.
const PANES: [(&str, Action); 4] = [
    ("backlog", Action::ShowBacklog),
    ("sprint", Action::ShowSprint),
    ("timeline", Action::ShowTimeline),
    ("stakeholders", Action::ShowStakeholders),
];

fn pane(action: &Action) -> String {
    let today = date(2026, 12, 1);
    let mut app = App::new(sample_board(today), "board.ron", today);
    app.update(action.clone());
    common::screen::screen_into(&mut app, WIDTH, HEIGHT)
}

/// The README with the block after `marker` replaced by `screen`; `None` without the marker.
fn with_block(readme: &str, marker: &str, screen: &str) -> Option<String> {
    let at = readme.find(marker)? + marker.len();
    let open = at + readme[at..].find("```text\n")? + "```text\n".len();
    let close = open + readme[open..].find("```\n")?;
    Some(format!("{}{}{}", &readme[..open], screen, &readme[close..]))
}

#[test]
fn the_readme_shows_each_pane_as_the_binary_draws_it() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    let mut want = readme.clone();
    for (name, action) in &PANES {
        let marker = format!("<!-- screen:{name} -->");
        let screen = pane(action);
        assert_eq!(screen.lines().count(), usize::from(HEIGHT));
        want = with_block(&want, &marker, &screen)
            .unwrap_or_else(|| panic!("README.md has no {marker} followed by a ```text block"));
    }
    if want == readme {
        return;
    }
    if std::env::var_os("CAIRN_UPDATE_README").is_some() {
        std::fs::write(path, &want).expect("rewrites README.md");
        return;
    }
    let diff = similar::TextDiff::from_lines(&readme, &want);
    let changed: Vec<String> = diff
        .unified_diff()
        .context_radius(1)
        .to_string()
        .lines()
        .take(40)
        .map(String::from)
        .collect();
    panic!(
        "README.md's screens differ from what cairn draws now (the sample board at 100x30 on \
         2026-12-01). If the change is meant, refresh them with\n\n    \
         CAIRN_UPDATE_README=1 cargo test --test readme\n\nand read the diff of README.md before \
         committing. The difference:\n{}",
        changed.join("\n")
    );
}
