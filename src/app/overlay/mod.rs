//! Overlays: layers over the pane with their own keymap context (`form`, `palette`, `picker`,
//! `filter`, `confirm`, `help`, `rank`, `close_sprint`). `update` hands an open overlay every action
//! first; each answers by staying open, closing, running an action or making a change.

mod filter;
pub mod form;
pub mod palette;
pub mod picker;
mod run;
mod submit;
