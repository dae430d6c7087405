//! The backlog table's columns: which fit at a width, and each row's cells (the title indented
//! and marked while grouped by epic, an epic's roll-up after its title).

use super::backlog::{SCORE_WIDTH, moscow, score_text};
use super::widgets;
use crate::app::App;
use crate::app::panes::epic_rows::Shape;
use crate::app::viewport::Viewport;
use crate::model::{Board, Item, ItemKind};
use ratatui::layout::Constraint;
use ratatui::widgets::Cell;

/// The table's columns at one width: the title first, then the sprint, the assignee and the tags
/// while the title keeps [`TITLE_MIN`] columns; what is shown is cut with `…`. The viewport keeps
/// the last fit ([`Columns::kept`]).
pub(super) use crate::app::viewport::BacklogColumns as Columns;

/// The fewest columns a title gets before any optional column is shown.
const TITLE_MIN: u16 = 36;
/// The title's columns before the tags get more than their least.
const TITLE_COMFORT: u16 = 50;
/// The items (from the top of the backlog) whose names and tags size the columns: enough for any
/// real board, and a frame's cost stays bounded on a huge one.
const SAMPLED: usize = 500;
/// Room for `#`, Kind, Pts, MoSCoW and Score.
const FIXED: [u16; 5] = [5, 5, 3, 6, SCORE_WIDTH as u16 + 1];

impl Columns {
    /// The columns at `width`: those the viewport kept when neither the board nor the width has
    /// changed since, else fitted again (and kept).
    pub(super) fn kept(app: &App, width: u16, vp: &mut Viewport) -> Columns {
        let revision = app.doc.revision;
        match vp.backlog_columns {
            Some(c) if c.revision == revision && c.width == width => c,
            _ => {
                let c = Columns::fit(app, width);
                vp.backlog_columns = Some(c);
                c
            }
        }
    }

    pub(super) fn fit(app: &App, width: u16) -> Columns {
        let b = &app.doc.board;
        let status = b
            .columns
            .iter()
            .map(|c| widgets::width(&c.name) as u16)
            .max()
            .unwrap_or(6)
            .clamp(6, 12);
        let key = key_width(b);
        let priority = b.items.iter().take(SAMPLED).any(|i| i.priority.is_some());
        let base: u16 =
            FIXED.iter().sum::<u16>() + key + status + 7 + if priority { PRIORITY + 1 } else { 0 };
        let mut room = width.saturating_sub(base);
        let mut take = |want: u16| {
            let fits = room > TITLE_MIN + want;
            if fits {
                room -= want + 1;
            }
            fits.then_some(want)
        };
        let longest = |names: &mut dyn Iterator<Item = usize>, cap: usize| {
            names.max().unwrap_or(0).min(cap) as u16
        };
        let sprint_w = longest(&mut b.sprints.iter().map(|s| widgets::width(&s.name)), 14).max(6);
        let sprint = take(sprint_w);
        let people = &mut b
            .items
            .iter()
            .take(SAMPLED)
            .map(|i| widgets::width(&i.assignee));
        let assignee = take(longest(people, 18).max(8));
        let tags = take(10);
        let mut columns = Columns {
            revision: app.doc.revision,
            width,
            key,
            status,
            title: room,
            priority,
            sprint,
            assignee,
            tags,
        };
        // Tags take what the title does not need, up to the longest tags on the board, while the
        // title keeps [`TITLE_COMFORT`] columns (the details show the whole title).
        if tags.is_some() {
            let items = || b.items.iter().take(SAMPLED);
            let title_want = longest(&mut items().map(|i| widgets::width(&i.title) + 3), 200);
            let tag_want = longest(&mut items().map(|i| widgets::width(&i.tags.join(" "))), 40);
            let both = room + 10;
            let title_keeps = title_want.clamp(TITLE_MIN, TITLE_COMFORT);
            let tags = tag_want.min(both.saturating_sub(title_keeps)).max(10);
            columns.tags = Some(tags);
            columns.title = both - tags;
        }
        columns
    }

    /// True when no column is left out.
    pub(super) fn shows_everything(&self) -> bool {
        self.sprint.is_some() && self.assignee.is_some() && self.tags.is_some()
    }

    pub(super) fn widths(&self) -> Vec<Constraint> {
        let [rank, kind, pts, moscow, score] = FIXED;
        let mut widths = vec![
            Constraint::Length(rank),
            Constraint::Length(self.key),
            Constraint::Length(kind),
            Constraint::Length(self.title),
            Constraint::Length(pts),
            Constraint::Length(moscow),
        ];
        if self.priority {
            widths.push(Constraint::Length(PRIORITY));
        }
        widths.extend([Constraint::Length(score), Constraint::Length(self.status)]);
        widths.extend(
            [self.sprint, self.assignee, self.tags]
                .into_iter()
                .flatten()
                .map(Constraint::Length),
        );
        widths
    }

    pub(super) fn header(&self) -> Vec<&'static str> {
        let mut header = vec!["#", "Key", "Kind", "Title", "Pts", "MoSCoW"];
        if self.priority {
            header.push("Pri");
        }
        header.extend(["Score", "Status"]);
        let optional = [
            (self.sprint, "Sprint"),
            (self.assignee, "Assignee"),
            (self.tags, "Tags"),
        ];
        header.extend(
            optional
                .iter()
                .filter(|(w, _)| w.is_some())
                .map(|(_, h)| *h),
        );
        header
    }

    pub(super) fn cells(
        &self,
        app: &App,
        it: &Item,
        rank: String,
        shape: Option<Shape>,
    ) -> Vec<Cell<'static>> {
        let b = &app.doc.board;
        let cut = |text: &str, w: u16| Cell::from(widgets::fit(text, usize::from(w)));
        let mut title = String::new();
        if let Some(s) = shape {
            title.push_str(&"  ".repeat(usize::from(s.depth)));
            // An epic's fold marker; one with no children has nothing to fold.
            if it.kind == ItemKind::Epic {
                let marker = match s.folded {
                    Some(_) => "▸ ",
                    None if app.rollup(it.id).total == 0 => "  ",
                    None => "▾ ",
                };
                title.push_str(marker);
            }
        }
        if it.is_blocked() {
            title.push_str("⛔ ");
        }
        // Near or past its due date: said before the title, so it shows however narrow.
        if let Some(due) = it.due_state(app.run.today, b.is_done(it)) {
            title.push_str(&format!("[{}] ", due.short()));
        }
        title.push_str(&it.title);
        let title = epic_title(app, it, shape, title, usize::from(self.title));
        let mut cells = vec![
            Cell::from(rank),
            Cell::from(b.item_key(it.id)),
            Cell::from(it.kind.name()),
            Cell::from(title),
            Cell::from(it.points.map_or(String::new(), |p| format!("{p:>3}"))),
            Cell::from(moscow(it.moscow)),
        ];
        if self.priority {
            cells.push(Cell::from(priority_marker(it.priority.as_deref())));
        }
        cells.extend([
            Cell::from(format!(
                "{:>w$}",
                score_text(it, b.settings.scoring),
                w = SCORE_WIDTH + 1
            )),
            cut(&it.status, self.status),
        ]);
        if let Some(w) = self.sprint {
            let sprint = it.sprint.and_then(|s| b.sprint(s));
            cells.push(cut(sprint.map_or("", |s| s.name.as_str()), w));
        }
        if let Some(w) = self.assignee {
            cells.push(cut(&it.assignee, w));
        }
        if let Some(w) = self.tags {
            cells.push(Cell::from(whole_tags(&it.tags, usize::from(w))));
        }
        cells
    }
}

/// The title cut to `w` columns; an epic's roll-up (and while folded, how many rows it hides)
/// after it, kept whole while the title keeps a few columns: `Checkout… · 3/7 done · 13/34 pts`.
fn epic_title(app: &App, it: &Item, shape: Option<Shape>, title: String, w: usize) -> String {
    if it.kind != ItemKind::Epic {
        return widgets::fit(&title, w);
    }
    let r = app.rollup(it.id);
    let mut facts = Vec::new();
    if r.total > 0 {
        facts.push(r.describe());
    }
    if let Some(hidden) = shape.and_then(|s| s.folded) {
        facts.push(format!("{hidden} folded"));
    }
    if facts.is_empty() {
        return widgets::fit(&title, w);
    }
    let mut suffix = format!(" · {}", facts.join(" · "));
    // Narrow: the short form (`3/7 · 13/34`) on every epic's row alike, so the title keeps room.
    if w < FULL_ROLLUP && r.total > 0 {
        let short = format!("{}/{} · {}/{}", r.done, r.total, r.done_points, r.points);
        let folded = shape
            .and_then(|s| s.folded)
            .map(|n| format!(" · {n} folded"));
        suffix = format!(" · {short}{}", folded.unwrap_or_default());
    }
    let room = w.saturating_sub(widgets::width(&suffix));
    if room < TITLE_KEEPS.min(w) {
        return widgets::fit(&format!("{title}{suffix}"), w);
    }
    let head = if widgets::width(&title) > room {
        widgets::fit(&title, room)
    } else {
        title
    };
    format!("{head}{suffix}")
}

/// The columns of an epic's title kept before its roll-up.
const TITLE_KEEPS: usize = 12;
/// A title column this wide shows the roll-up in words (`3/7 done · 13/34 pts`); a narrower one
/// the figures (`3/7 · 13/34`).
const FULL_ROLLUP: usize = 46;

/// As many whole tags as fit in `w` cells, then how many more: `payments +2`; one tag too long
/// for the column alone is cut with `…`.
fn whole_tags(tags: &[String], w: usize) -> String {
    let all = tags.join(" ");
    if widgets::width(&all) <= w {
        return all;
    }
    let mut shown = String::new();
    for (n, tag) in tags.iter().enumerate() {
        let more = format!(" +{}", tags.len() - n - 1);
        let with = if shown.is_empty() {
            tag.clone()
        } else {
            format!("{shown} {tag}")
        };
        if widgets::width(&with) + widgets::width(&more) > w {
            break;
        }
        shown = with;
    }
    if shown.is_empty() {
        return widgets::fit(&all, w);
    }
    let hidden = tags.len() - shown.split(' ').count();
    format!("{shown} +{hidden}")
}

/// The priority column's width: Jira's arrows, or a short priority (`P0`) cut with `…`.
const PRIORITY: u16 = 3;

/// Jira's priority icons as text (⇈ highest, ↑ high, = medium, ↓ low, ⇊ lowest); any other
/// priority (`P1`, `Blocker`) as written, cut to the column. The details show it in full.
pub(super) fn priority_marker(priority: Option<&str>) -> String {
    let Some(p) = priority else {
        return String::new();
    };
    match p.trim().to_lowercase().as_str() {
        "highest" => "⇈".into(),
        "high" => "↑".into(),
        "medium" => "=".into(),
        "low" => "↓".into(),
        "lowest" => "⇊".into(),
        _ => widgets::fit(p.trim(), usize::from(PRIORITY)),
    }
}

fn key_width(b: &Board) -> u16 {
    (widgets::width(&b.project.key) + 1 + b.counters.item.to_string().len()).max(3) as u16
}

#[cfg(test)]
mod tests {
    #[test]
    fn priorities_show_as_jira_arrows_or_cut_to_the_column() {
        use super::priority_marker as m;
        assert_eq!(m(Some("Highest")), "⇈");
        assert_eq!(m(Some("low")), "↓");
        assert_eq!(m(Some("P1")), "P1");
        assert_eq!(m(Some("Blocker")), "Bl…");
        assert_eq!(m(None), "");
    }

    #[test]
    fn tags_that_do_not_fit_say_how_many_more() {
        let tags: Vec<String> = ["payments", "adyen", "email"].map(String::from).to_vec();
        assert_eq!(super::whole_tags(&tags, 30), "payments adyen email");
        assert_eq!(super::whole_tags(&tags, 17), "payments adyen +1");
        assert_eq!(super::whole_tags(&tags, 11), "payments +2");
        assert_eq!(super::whole_tags(&tags, 6), "payme…");
    }
}
