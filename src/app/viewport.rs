//! What the last frame measured: rows per page, where the tabs and the backlog's rows are (for the
//! mouse), each list's scroll offset and the days the chart shows. `ui::draw` fills it from the value
//! the app kept (so windows move as little as possible); `update` reads it. Nothing in `ui` writes
//! into the app itself.

/// A rectangle of the screen, in cells (the app's own type: `app` does not depend on ratatui).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Area {
    pub fn contains(&self, x: u16, y: u16) -> bool {
        x >= self.x
            && y >= self.y
            && u32::from(x) < u32::from(self.x) + u32::from(self.width)
            && u32::from(y) < u32::from(self.y) + u32::from(self.height)
    }
}

/// What a click on a hit area selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A card on the sprint board.
    Card(crate::model::ItemId),
    /// A stakeholder in the register.
    Person(crate::model::StakeholderId),
    /// An entry of the gantt.
    Entry(crate::model::EntryId),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Viewport {
    /// Rows a page of the list on show (PageDown moves this many).
    pub page: usize,
    /// The four tabs of the header.
    pub tabs: [Area; 4],
    /// The rows of the backlog table (without its header).
    pub rows: Area,
    /// The screen row of the backlog's cut line, when one is drawn (the items below it are a row
    /// further down).
    pub cut_row: Option<u16>,
    /// First row on screen of each list.
    pub backlog_offset: usize,
    pub timeline_offset: usize,
    pub risk_offset: usize,
    pub people_offset: usize,
    pub note_offset: usize,
    /// Days the chart showed (scrolling moves by a quarter of it).
    pub chart_days: i32,
    /// What each clickable place of the last frame selects (cards, stakeholders, entries).
    pub hits: Vec<(Area, Target)>,
    /// Where the item's details were drawn (empty when none were), for the wheel.
    pub details: Area,
    /// The details' lines as wrapped to their width, and how many of them show at once.
    pub details_lines: usize,
    pub details_rows: usize,
    /// The backlog table's columns as last fitted: fitting reads up to 500 items, so a key that
    /// changes neither the board nor the table's width (a move, a scroll) reuses them.
    pub backlog_columns: Option<BacklogColumns>,
}

/// The backlog table's column widths (`ui::backlog_cells` fits them), with the board revision and
/// the width they were fitted at. Every change to the board counts up its revision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BacklogColumns {
    pub revision: u64,
    pub width: u16,
    pub key: u16,
    pub status: u16,
    pub title: u16,
    /// The priority marker column, while any item (of the sampled) has a priority.
    pub priority: bool,
    pub sprint: Option<u16>,
    pub assignee: Option<u16>,
    pub tags: Option<u16>,
}

impl Viewport {
    /// What a click at (x, y) selects, if anything.
    pub fn target_at(&self, x: u16, y: u16) -> Option<Target> {
        self.hits
            .iter()
            .find(|(area, _)| area.contains(x, y))
            .map(|(_, t)| *t)
    }
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport {
            page: 20,
            tabs: [Area::default(); 4],
            rows: Area::default(),
            cut_row: None,
            backlog_offset: 0,
            timeline_offset: 0,
            risk_offset: 0,
            people_offset: 0,
            note_offset: 0,
            chart_days: 0,
            hits: Vec::new(),
            details: Area::default(),
            details_lines: 0,
            details_rows: 0,
            backlog_columns: None,
        }
    }
}
