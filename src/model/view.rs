//! Saved views: a named filter of one pane, kept in the board file so the team shares them ("Ana's
//! bugs", "this release"). Which view each pane shows now is not here: that is one user's state,
//! kept beside them (`store::viewstate`), never in the shared board.

use super::value::{MAX_LABEL, MAX_NAME, check_length};
use serde::{Deserialize, Serialize};

/// The lists that have a filter, and so can have saved views.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ViewPane {
    /// The backlog's items.
    Backlog,
    /// The sprint board's cards.
    Sprint,
    /// The timeline's gantt entries.
    Timeline,
    /// The stakeholder register (and its grid).
    Stakeholders,
    /// The note timeline of the stakeholders pane.
    Notes,
}

impl ViewPane {
    pub const ALL: [ViewPane; 5] = [
        ViewPane::Backlog,
        ViewPane::Sprint,
        ViewPane::Timeline,
        ViewPane::Stakeholders,
        ViewPane::Notes,
    ];

    /// How the list is named in titles and messages ("the backlog").
    pub fn name(self) -> &'static str {
        match self {
            ViewPane::Backlog => "backlog",
            ViewPane::Sprint => "sprint board",
            ViewPane::Timeline => "timeline",
            ViewPane::Stakeholders => "stakeholder register",
            ViewPane::Notes => "note timeline",
        }
    }
}

/// A filter with a name, for one pane.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedView {
    pub name: String,
    pub pane: ViewPane,
    /// The filter's text, as typed (read against the board each time it is used).
    pub filter: String,
}

/// A view's name: trimmed, not empty, at most `MAX_LABEL` characters.
pub fn parse_view_name(text: &str) -> Result<String, String> {
    let name = text.trim();
    if name.is_empty() {
        return Err("give the view a name, e.g. Ana's bugs".into());
    }
    check_length("the name", name, MAX_LABEL)?;
    Ok(name.to_string())
}

/// The position of the view of `pane` called `name` (names compare without case).
pub fn find_view(views: &[SavedView], pane: ViewPane, name: &str) -> Option<usize> {
    views
        .iter()
        .position(|v| v.pane == pane && v.name.to_lowercase() == name.trim().to_lowercase())
}

/// Every problem of the saved views: an empty or over-long name, a name twice in one pane, a filter
/// longer than a filter line holds.
pub fn check_views(views: &[SavedView], say: &mut dyn FnMut(String)) {
    for (n, v) in views.iter().enumerate() {
        let who = format!(
            "saved view {} of the {} (\"{}\")",
            n + 1,
            v.pane.name(),
            super::value::shorten(&v.name, 60)
        );
        if let Err(e) = parse_view_name(&v.name) {
            say(format!("{who}: {e}"));
        } else if v.name != v.name.trim() {
            say(format!("{who}: the name has spaces around it"));
        }
        if let Err(e) = check_length("the filter", &v.filter, MAX_NAME) {
            say(format!("{who}: {e}"));
        }
        if views[..n]
            .iter()
            .any(|o| o.pane == v.pane && o.name.to_lowercase() == v.name.to_lowercase())
        {
            say(format!(
                "{who}: another view of the {} has this name",
                v.pane.name()
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(name: &str, pane: ViewPane) -> SavedView {
        SavedView {
            name: name.into(),
            pane,
            filter: "tag:bug".into(),
        }
    }

    #[test]
    fn names_are_trimmed_and_never_empty() {
        assert_eq!(parse_view_name("  Ana's bugs "), Ok("Ana's bugs".into()));
        assert!(parse_view_name("   ").is_err());
        assert!(parse_view_name(&"x".repeat(MAX_LABEL + 1)).is_err());
    }

    #[test]
    fn a_name_twice_in_one_pane_is_a_problem_but_not_across_panes() {
        let mut said = Vec::new();
        let views = [
            view("Bugs", ViewPane::Backlog),
            view("bugs", ViewPane::Backlog),
            view("Bugs", ViewPane::Sprint),
            view("", ViewPane::Notes),
        ];
        check_views(&views, &mut |m| said.push(m));
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(said[0].contains("another view of the backlog"), "{said:?}");
        assert!(said[1].contains("give the view a name"), "{said:?}");
        assert_eq!(find_view(&views, ViewPane::Sprint, " BUGS"), Some(2));
        assert_eq!(find_view(&views, ViewPane::Timeline, "Bugs"), None);
    }
}
