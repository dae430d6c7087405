//! The four panes' screens: each answers the actions its current screen offers (see `screen.rs`).

mod backlog;
pub mod sprint;
pub mod stakeholders;
pub mod timeline;
