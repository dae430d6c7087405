//! The application state: the board, its history, what is on screen and the mode. `update` (in
//! update.rs) is the one place that changes it; `ui` only reads it.

pub mod changes;
pub mod command;
mod context;
pub mod cursor;
mod document;
mod effect;
pub mod filter;
mod history;
pub mod index;
pub mod keymap;
pub mod keys;
pub mod messages;
pub mod outside;
pub mod overlay;
pub mod panes;
pub mod place;
mod rows;
pub mod screen;
mod update;
pub mod viewport;

pub use command::{Action, COMMANDS, Command, Context, Pane};
pub use document::{Document, Logged};
pub use effect::Effect;
pub use filter::Filter;
pub use form::{Form, FormKind};
pub use history::History;
pub use keymap::Keymap;
pub use messages::{Log, Status};
pub use overlay::{form, palette, picker};
pub use palette::Palette;
pub use panes::sprint::standup;
pub use panes::stakeholders::notes as people_notes;
pub use panes::{stakeholders, timeline};
pub use picker::Picker;
pub use stakeholders::{PeopleForm, PeopleView};
pub use timeline::{TimelineForm, TimelineView};
pub use viewport::{Area, Target, Viewport};

use crate::model::{Board, Item, ItemId, SprintId};
use jiff::civil::Date;
use ratatui_textarea::TextArea;

/// What the keyboard is talking to.
pub enum Mode {
    Normal,
    /// The add/edit form.
    Form(Box<Form>),
    /// Typing a filter; the list follows each key.
    Filter(Box<TextArea<'static>>),
    /// The help overlay, scrolled by this many lines.
    Help(usize),
    /// The message log, scrolled up from the newest by this many lines.
    Messages(usize),
    /// The conflicts a merge left, this one selected (`panes::conflicts`).
    Conflicts(usize),
    Palette(Box<Palette>),
    /// Picking items or entries to link, with checkboxes.
    Picker(Box<Picker>),
    /// "Rank by score": the proposed order, shown beside the current one until Enter or Esc.
    RankPreview(Vec<ItemId>),
    /// Quit although the last save failed?
    ConfirmQuit,
    /// Delete something that takes other records with it? `what` says what goes; Yes applies `edit`
    /// as one undoable step labelled `label`, then runs `then` (e.g. selecting the next row).
    ConfirmDelete {
        what: String,
        edit: Box<crate::model::Edit>,
        label: String,
        then: Option<Box<Action>>,
    },
    /// Delete an epic that has children: Yes deletes the epic and keeps them (they lose their
    /// epic: `keep`), `DeleteWithChildren` deletes them too (`all`); either is one undoable step.
    ConfirmDeleteEpic {
        what: String,
        children: usize,
        keep: Box<crate::model::Edit>,
        all: Box<crate::model::Edit>,
        label: String,
    },
    /// Make a change the user should agree to first (`question` says why); Yes applies `edit` as
    /// one undoable step labelled `label`, anything else keeps things as they are (`kept`).
    ConfirmChange {
        question: String,
        edit: Box<crate::model::Edit>,
        label: String,
        kept: String,
    },
    /// Move a card into a full column anyway? (the `Ask` WIP policy)
    ConfirmWip {
        item: ItemId,
        column: usize,
    },
    /// Closing a sprint: where do its unfinished items go? `next` is the sprint they can move to.
    CloseSprint {
        sprint: SprintId,
        next: Option<SprintId>,
        /// Deciding item by item: where each unfinished item so far goes, in rank order.
        walk: Option<Vec<crate::model::rules::Leftovers>>,
    },
}

/// Where the board stands against the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// Changed since the last save; autosave is on its way.
    Unsaved,
    /// The last save failed (the message says why); changes are kept and the save is retried.
    Failed(String),
    /// Another cairn holds the lock: nothing is saved.
    ReadOnly,
    /// The file was changed outside cairn: ours was saved to this conflict copy instead.
    Conflict(String),
}

/// Colours: dark or light background; `NO_COLOR` turns colour off and keeps bold/reverse.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
}

/// The backlog pane's view: the filter, what it lets through, the selection (by id) and scrolling.
#[derive(Debug, Default)]
pub struct BacklogView {
    pub selected: Option<ItemId>,
    /// Where `o` last went: the item it started from, which of its links, and that link.
    pub followed: Option<(ItemId, usize, ItemId)>,
    pub filter: Filter,
    /// Positions in `board.items` of the items the filter lets through, in rank order.
    pub visible: Vec<usize>,
    /// Show the details panel.
    pub details: bool,
    /// The row the selection was last seen on: where it lands when its item goes away.
    pub row: usize,
    /// While a filter is typed: the item selected before, taken back as soon as it shows again.
    pub anchor: Option<ItemId>,
    /// For this run: the sprint (or `None`, the backlog) each item was in before `s` sent it to the
    /// active sprint, so `s` again puts it back there.
    pub sent_from: std::collections::HashMap<ItemId, Option<crate::model::SprintId>>,
    /// How far the selected item's details are scrolled.
    pub details_scroll: DetailsScroll,
    /// Show done items too (by default the backlog hides them and says how many); kept per board.
    pub show_done: bool,
    /// How many items the filter lets through that are hidden for being done (the title says so).
    pub done_hidden: usize,
    /// Group the rows by epic: each epic followed by its children, then the items with no epic.
    pub group: bool,
    /// The epics whose children are folded away while grouped.
    pub collapsed: std::collections::BTreeSet<ItemId>,
    /// While grouped: how each row of `visible` is drawn (depth, folded, heading only).
    pub shapes: Vec<panes::epic_rows::Shape>,
    /// How many of those rows are epics shown only to head their children.
    pub headings: usize,
    /// The buffer the next refresh of `visible` fills (kept, so a change allocates nothing).
    pub shown: Vec<usize>,
    /// The grouping's buffers, kept for the same reason.
    pub scratch: panes::epic_rows::Scratch,
}

impl BacklogView {
    /// How many items the rows show: every row but the epics shown only to head their children.
    pub fn visible_items(&self) -> usize {
        self.visible.len() - self.headings
    }
}

/// How far an item's details are scrolled: kept with the item it was scrolled on, so a new
/// selection starts at the top.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DetailsScroll {
    pub item: Option<ItemId>,
    pub top: usize,
}

impl DetailsScroll {
    /// The first line shown of `item`'s details.
    pub fn top_for(&self, item: Option<ItemId>) -> usize {
        if item.is_some() && item == self.item {
            self.top
        } else {
            0
        }
    }
}

/// What the sprint pane shows: one screen at a time, so two cannot be open together.
#[derive(Clone, Debug, Default)]
pub enum SprintScreen {
    /// The board's columns and cards.
    #[default]
    Board,
    /// The board with the selected card's details beside it.
    Card,
    /// The burndown and velocity of the active sprint, or of `viewing` (past sprints, read-only).
    Burndown { viewing: Option<SprintId> },
    /// The planning view: the backlog on the left, the next planned sprint on the right.
    Planning,
    /// Standup mode, while it runs.
    Standup(Box<standup::Standup>),
    /// The team: the roster, capacity per person and days off.
    Team(panes::team::TeamView),
}

/// The sprint pane's view: the selected column and card, the screen, and the planning view's focus.
#[derive(Debug, Default)]
pub struct SprintView {
    pub column: usize,
    pub card: Option<ItemId>,
    pub screen: SprintScreen,
    /// The sprint board's filter (`/`): cards by text, assignee or tag.
    pub filter: Filter,
    /// In planning: the sprint side has the focus.
    pub plan_right: bool,
    pub plan_left_item: Option<ItemId>,
    pub plan_right_item: Option<ItemId>,
    /// How far the selected card's details are scrolled.
    pub details_scroll: DetailsScroll,
    /// The cycle-time percentiles and the scope change, by board revision.
    pub flow: panes::sprint::flow::FlowCache,
    /// In the burndown: the cumulative flow diagram shown instead (`F`).
    pub cfd: panes::sprint::flow::CfdView,
    /// The planning view's two lists, kept between keys.
    pub plan: panes::sprint::planning::PlanLists,
}

impl SprintView {
    pub fn planning(&self) -> bool {
        matches!(self.screen, SprintScreen::Planning)
    }

    pub fn burndown(&self) -> bool {
        matches!(self.screen, SprintScreen::Burndown { .. })
    }

    /// The standup, while it runs.
    pub fn standup(&self) -> Option<&standup::Standup> {
        match &self.screen {
            SprintScreen::Standup(s) => Some(s),
            _ => None,
        }
    }
}

/// The run's state: what the status line says, where the board stands against the file (one owner:
/// the runner sets it from the saver), whether it can be changed, which file it is and today's date.
#[derive(Debug)]
pub struct Run {
    pub status: Option<Status>,
    pub save: SaveState,
    pub read_only: bool,
    /// Why it is read-only, for the banner (empty: another cairn has the board open).
    pub read_only_why: String,
    /// The board file.
    pub file: std::path::PathBuf,
    pub today: Date,
    /// The sample board's project name while this board is the sample (the runner sets it): the
    /// header says "sample board" until the project is renamed.
    pub sample: Option<String>,
}

pub struct App {
    /// The board, its history and revision: the only owner of change, undo and redo.
    pub doc: Document,
    /// Status line, save state, read-only, the file and today.
    pub run: Run,
    pub pane: Pane,
    pub mode: Mode,
    pub backlog: BacklogView,
    pub sprint: SprintView,
    pub timeline: TimelineView,
    pub people: PeopleView,
    pub keymap: Keymap,
    pub theme: ThemeName,
    pub color: bool,
    pub mouse: bool,
    /// The time since the run started, as the last tick told it (the clock enters as a value).
    pub clock: std::time::Duration,
    /// Every message of this run, for the message log.
    pub log: Log,
    /// What the panes read of every item (rank, done, roll-ups, links, the sprint's cards), kept
    /// in step with the changes (`app::index`).
    pub index: index::ItemIndex,
    /// What the last frame measured (page size, offsets, mouse areas), kept by the runner.
    pub viewport: Viewport,
    /// Which saved view each list shows, and the view state the runner last kept.
    pub views: panes::views::Views,
    /// Who the user is on the team (`me:` in config.ron): what `@me` and "my items" mean.
    pub me: Option<String>,
    /// The backlog's cut line and the earned value, kept by revision (`panes::flow`).
    pub flow: panes::flow::FlowView,
}

impl App {
    pub fn new(board: Board, file: impl Into<std::path::PathBuf>, today: Date) -> App {
        let mut app = App {
            doc: Document::new(board),
            run: Run {
                status: None,
                save: SaveState::Saved,
                read_only: false,
                read_only_why: String::new(),
                file: file.into(),
                today,
                sample: None,
            },
            pane: Pane::Backlog,
            mode: Mode::Normal,
            backlog: BacklogView::default(),
            sprint: SprintView::default(),
            timeline: TimelineView::default(),
            people: PeopleView::default(),
            keymap: Keymap::defaults(),
            theme: ThemeName::Dark,
            color: true,
            mouse: true,
            clock: std::time::Duration::ZERO,
            log: Log::default(),
            index: Default::default(),
            viewport: Viewport::default(),
            views: Default::default(),
            me: None,
            flow: Default::default(),
        };
        app.refresh_visible();
        app.backlog.selected = app.row_id(0);
        app
    }

    /// Opened read-only: every change is refused with a message.
    pub fn set_read_only(&mut self) {
        self.run.read_only = true;
        self.run.save = SaveState::ReadOnly;
    }

    /// Read-only for a reason the banner gives (a directory we may not write in, a locked file).
    pub fn set_read_only_because(&mut self, why: impl Into<String>) {
        self.set_read_only();
        self.run.read_only_why = why.into();
    }

    /// This run became the board's writer (a read-only reload found the board free).
    pub fn set_writable(&mut self) {
        self.run.read_only = false;
        self.run.read_only_why.clear();
        self.run.save = SaveState::Saved;
    }

    pub fn selected_item(&self) -> Option<&Item> {
        self.backlog.selected.and_then(|id| self.item(id))
    }

    /// Position of the selection among the visible rows.
    pub fn selected_row(&self) -> Option<usize> {
        let id = self.backlog.selected?;
        if self.index.is_at(self.doc.revision) {
            let p = self.index.rank(id)?;
            let rows = &self.backlog.visible;
            // Ungrouped rows are in rank order.
            if self.backlog.shapes.is_empty() {
                return rows.binary_search(&p).ok();
            }
            return rows.iter().position(|&r| r == p);
        }
        self.backlog
            .visible
            .iter()
            .position(|&p| self.doc.board.items.get(p).is_some_and(|i| i.id == id))
    }

    /// The id of the item on a visible row.
    pub fn row_id(&self, row: usize) -> Option<ItemId> {
        self.backlog
            .visible
            .get(row)
            .and_then(|&p| self.doc.board.items.get(p))
            .map(|i| i.id)
    }

    /// How the row is drawn while grouped (`None` when the backlog is not grouped).
    pub fn row_shape(&self, row: usize) -> Option<panes::epic_rows::Shape> {
        self.backlog.shapes.get(row).copied()
    }

    /// Makes `id` a visible row if it is on the board: opens the epics folded over it, then clears
    /// a filter that hides it, then shows done items. Says what it changed.
    pub fn reveal(&mut self, id: ItemId) {
        self.backlog.selected = Some(id);
        if self.selected_row().is_some() || self.doc.board.item(id).is_none() {
            return;
        }
        let mut at = self.doc.board.item(id).and_then(|i| i.parent);
        let mut opened = false;
        for _ in 0..16 {
            let Some(p) = at else { break };
            opened |= self.backlog.collapsed.remove(&p);
            at = self.doc.board.item(p).and_then(|i| i.parent);
        }
        if opened {
            self.refresh_visible();
            self.backlog.selected = Some(id);
        }
        if self.selected_row().is_none() && !self.backlog.filter.is_empty() {
            self.backlog.filter = Filter::default();
            self.refresh_visible();
            self.backlog.selected = Some(id);
        }
        if self.selected_row().is_none() && !self.backlog.show_done {
            self.backlog.show_done = true;
            self.refresh_visible();
            self.backlog.selected = Some(id);
            let key = self.keymap.hint(&Action::ToggleDone);
            self.info(format!(
                "Done items are shown, to show {} ({key} hides them)",
                self.doc.board.item_key(id)
            ));
        }
        self.backlog.row = self.selected_row().unwrap_or(self.backlog.row);
    }

    /// Notes the selection's row before the board changes under it.
    pub(crate) fn remember_row(&mut self) {
        if let Some(row) = self.selected_row() {
            self.backlog.row = row;
        }
    }

    /// Replaces the board with what is on disk now; the history no longer applies to it.
    pub fn reload(&mut self, board: Board) {
        self.doc.replace(board);
        self.run.save = SaveState::Saved;
        self.refresh_visible();
    }

    /// The board can be changed (not read-only); says why not otherwise.
    fn writable(&mut self) -> bool {
        if self.run.read_only {
            self.error("Read-only: another cairn has this board open, so changes are not allowed");
        }
        !self.run.read_only
    }
}
