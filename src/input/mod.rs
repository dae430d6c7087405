//! From terminal events to actions. The app says which keymap contexts are open (an overlay's, or the
//! pane's with lists and global); the keymap answers; keys an overlay does not bind are typed into it,
//! close it or answer no. The config file can rebind keys in every context.

pub mod config;
pub mod keys;

pub use crate::app::Context;
pub use crate::app::keymap::Keymap;
pub use crate::app::keys::Key;
pub use config::{Config, load_config};

use crate::app::overlay::Unbound;
use crate::app::{Action, App, Mode, Pane};
use ratatui::crossterm::event::{KeyEvent, MouseEvent, MouseEventKind};

/// The contexts a key is looked up in now, narrowest first, and what an unbound key does: the open
/// overlay's, else the pane's (standup's keys first while it runs), lists and global.
fn contexts(app: &App) -> (Vec<Context>, Unbound) {
    if let Some((context, unbound)) = app.mode.layer() {
        return (vec![context], unbound);
    }
    let mut chain = Vec::with_capacity(4);
    if app.pane == Pane::Sprint && app.sprint.standup().is_some() {
        chain.push(Context::Standup);
    }
    chain.extend(Keymap::chain(app.pane));
    (chain, Unbound::Ignore)
}

/// The action for a key press in the app's current mode, if any.
pub fn action_for_key(app: &App, event: KeyEvent) -> Option<Action> {
    let key = Key::from_event(&event)?;
    let (chain, unbound) = contexts(app);
    let bound = app.keymap.lookup_in(&chain, key).cloned();
    // Space ticks in a picker until a search is typed; then it separates the search's words.
    if bound == Some(Action::Check)
        && key == Key::char(' ')
        && matches!(&app.mode, Mode::Picker(p) if !p.query().is_empty())
    {
        return Some(Action::Type(event));
    }
    match (bound, unbound) {
        (Some(action), _) => Some(action),
        (None, Unbound::Type) => Some(Action::Type(event)),
        (None, Unbound::Cancel) => Some(Action::Cancel),
        (None, Unbound::No) => Some(Action::No),
        (None, Unbound::Ignore) => None,
    }
}

/// The action for a mouse event: a click on a tab or a row, or the wheel.
pub fn action_for_mouse(app: &App, event: MouseEvent) -> Option<Action> {
    if !app.mouse || !matches!(app.mode, Mode::Normal) {
        return None;
    }
    let vp = &app.viewport;
    let (x, y) = (event.column, event.row);
    match event.kind {
        // Over an item's details the wheel scrolls them, elsewhere the list.
        MouseEventKind::ScrollDown if vp.details.contains(x, y) => Some(Action::ScrollDetails(3)),
        MouseEventKind::ScrollUp if vp.details.contains(x, y) => Some(Action::ScrollDetails(-3)),
        MouseEventKind::ScrollDown => Some(Action::Scroll(3)),
        MouseEventKind::ScrollUp => Some(Action::Scroll(-3)),
        MouseEventKind::Down(_) => {
            let panes = [
                Action::ShowBacklog,
                Action::ShowSprint,
                Action::ShowTimeline,
                Action::ShowStakeholders,
            ];
            if let Some(n) = vp.tabs.iter().position(|r| r.contains(x, y)) {
                return Some(panes[n].clone());
            }
            if let Some(target) = vp.target_at(x, y) {
                return Some(Action::Click(target));
            }
            if app.pane == Pane::Backlog && vp.rows.contains(x, y) {
                // Rows below the cut line are one further down; the line itself selects nothing.
                let below = match vp.cut_row {
                    Some(c) if y == c => return None,
                    Some(c) => usize::from(y > c),
                    None => 0,
                };
                let row = vp.backlog_offset + usize::from(y - vp.rows.y) - below;
                return Some(Action::SelectRow(row));
            }
            None
        }
        _ => None,
    }
}
