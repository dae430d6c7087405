//! The in-process suites in one test binary (one link instead of ten): the app's update and
//! drawing driven without a terminal, the whole-screen snapshots, the random key sequences and the
//! sample board. Each module is one former `tests/*.rs` file; its snapshots are in `snapshots/`.

#[path = "../common/mod.rs"]
mod common;

mod charts_filters;
mod conflicts;
mod conflicts_screen;
mod due_dates;
mod earned_value;
mod empty_board;
mod epics;
mod first_week_a;
mod first_week_b;
mod first_week_c;
mod flow;
mod flow_forecast;
mod forms;
mod hidden;
mod hide_done;
mod hints;
mod imported;
mod incremental;
mod item_links;
mod messages;
mod outside;
mod people_snapshots;
mod people_update;
mod plurals;
mod reopen;
mod routing;
mod sample_board;
mod sample_story;
mod saved_views;
mod settings;
mod snapshots;
mod sprint_snapshots;
mod sprint_update;
mod standup_at;
mod standup_walk;
mod state_machine;
mod tables_cards;
mod team;
mod timeline_snapshots;
mod timeline_update;
mod units;
mod update;
