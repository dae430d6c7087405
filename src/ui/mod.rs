//! Rendering only: reads the `App` and draws a frame. Costs grow with what is on screen, never with the
//! size of the board.

pub(crate) mod backlog;
mod backlog_cells;
mod budget;
mod burndown;
mod cards;
mod cfd;
mod columns;
mod confirm;
mod conflicts;
mod details;
mod empty;
mod entry_details;
mod form;
mod gantt;
pub mod hints;
mod messages;
mod overlay;
mod picker;
mod planning;
mod risks;
mod shell;
mod sprint;
mod stakeholders;
// Stakeholders
mod grid;
mod notes;
mod standup;
mod team;
pub mod theme;
mod timeline;
mod views;
pub mod widgets;

use crate::app::{App, Mode, Pane, Viewport};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout};
use ratatui::widgets::{Paragraph, Wrap};
pub use theme::Theme;

/// Below this size the layout cannot be read; a message says so instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Draws the app and measures the frame into `vp` (page sizes, offsets, mouse areas). `vp` starts as
/// the viewport the app kept from the last frame, so lists scroll as little as possible.
pub fn draw(frame: &mut Frame, app: &App, vp: &mut Viewport) {
    vp.hits.clear();
    vp.details = crate::app::Area::default();
    let theme = Theme::new(app.theme, app.color);
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = format!(
            "Terminal too small: {}×{}.\ncairn needs at least {MIN_WIDTH}×{MIN_HEIGHT}.\nMake the window larger, or press {} to quit.",
            area.width,
            area.height,
            app.keymap.hint(&crate::app::Action::Quit)
        );
        let [_, middle, _] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(3),
            Constraint::Fill(1),
        ])
        .areas(area);
        frame.render_widget(
            Paragraph::new(text)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true })
                .style(theme.warn),
            middle,
        );
        return;
    }
    let banner = u16::from(app.run.read_only);
    let [header, banner_area, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(banner),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    shell::header(frame, header, app, &theme, vp);
    if app.run.read_only {
        shell::read_only_banner(frame, banner_area, app, &theme);
    }
    match app.pane {
        Pane::Backlog => backlog::draw(frame, body, app, &theme, vp),
        Pane::Sprint => sprint::draw(frame, body, app, &theme, vp),
        Pane::Timeline => timeline::draw(frame, body, app, &theme, vp),
        Pane::Stakeholders => stakeholders::draw(frame, body, app, &theme, vp),
    }
    views::mark(frame, body, app, &theme);
    if empty::shows(app) {
        empty::draw(frame, body, app, &theme);
    }
    shell::status_bar(frame, status, app, &theme);
    match &app.mode {
        Mode::Normal | Mode::Filter(_) => {}
        // Stakeholders: the pane draws its own filter line.
        Mode::Form(form) => form::draw(frame, body, app, form, &theme),
        Mode::Help(scroll) => overlay::help(frame, body, app, *scroll, &theme),
        Mode::Messages(scroll) => messages::draw(frame, body, app, *scroll, &theme),
        Mode::Conflicts(at) => conflicts::draw(frame, body, app, *at, &theme),
        Mode::Palette(p) => overlay::palette(frame, body, p, &theme),
        Mode::Picker(p) => picker::draw(frame, body, app, p, &theme),
        Mode::RankPreview(order) => overlay::rank_preview(frame, body, app, order, &theme),
        Mode::ConfirmQuit => overlay::confirm_quit(frame, body, app, &theme),
        Mode::ConfirmDelete { what, .. } => confirm::delete(frame, body, app, what, &theme),
        Mode::ConfirmDeleteEpic { what, children, .. } => {
            confirm::delete_epic(frame, body, app, what, *children, &theme)
        }
        Mode::ConfirmChange { question, .. } => confirm::change(frame, body, app, question, &theme),
        Mode::ConfirmWip { item, column } => {
            overlay::confirm_wip(frame, body, app, *item, *column, &theme)
        }
        Mode::CloseSprint { sprint, next, walk } => {
            overlay::close_sprint(frame, body, app, (*sprint, *next, walk.as_deref()), &theme)
        }
    }
}

/// Draws the app on a terminal and keeps what the frame measured in the app's viewport: what the
/// runner, the tests and the benches call.
pub fn draw_app<B: ratatui::backend::Backend>(
    terminal: &mut ratatui::Terminal<B>,
    app: &mut App,
) -> Result<(), B::Error> {
    app.prepare_frame();
    let mut vp = app.viewport.clone();
    terminal.draw(|f| draw(f, app, &mut vp))?;
    app.viewport = vp;
    Ok(())
}

impl From<ratatui::layout::Rect> for crate::app::Area {
    fn from(r: ratatui::layout::Rect) -> Self {
        crate::app::Area {
            x: r.x,
            y: r.y,
            width: r.width,
            height: r.height,
        }
    }
}
