//! A board with nothing in a pane yet: a "getting started" box in that pane's main screen, saying
//! what to press to begin in every pane (the keys from the keymap, so a rebound key is named) and
//! ticking what is done.

use super::{Theme, widgets};
use crate::app::{Action, App, Pane, screen::Screen};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// True when the screen on show is a pane's main screen and the pane holds nothing yet.
pub fn shows(app: &App) -> bool {
    let b = &app.doc.board;
    match app.screen() {
        Screen::Backlog => b.items.is_empty(),
        Screen::SprintBoard => b.sprints.is_empty(),
        Screen::Gantt => b.timeline.is_empty(),
        Screen::Register => b.stakeholders.is_empty(),
        _ => false,
    }
}

/// The steps, each with its pane, key, what it does and whether it is done.
fn steps(app: &App) -> [(Pane, String, &'static str, bool); 4] {
    let b = &app.doc.board;
    let k = |a: Action| app.keymap.hint(&a);
    [
        (
            Pane::Backlog,
            k(Action::AddItem),
            "add an item",
            !b.items.is_empty(),
        ),
        (
            Pane::Sprint,
            k(Action::NewSprint),
            "plan a sprint",
            !b.sprints.is_empty(),
        ),
        (
            Pane::Timeline,
            k(Action::AddEntry),
            "add a milestone",
            !b.timeline.is_empty(),
        ),
        (
            Pane::Stakeholders,
            k(Action::AddStakeholder),
            "add a stakeholder",
            !b.stakeholders.is_empty(),
        ),
    ]
}

/// The lines of the box, fitted to `width` columns.
pub fn lines(app: &App, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let names = [
        Action::ShowBacklog,
        Action::ShowSprint,
        Action::ShowTimeline,
        Action::ShowStakeholders,
    ];
    let mut lines = Vec::new();
    for (n, (pane, key, what, done)) in steps(app).into_iter().enumerate() {
        let here = pane == app.pane;
        let mark = if done {
            "✓"
        } else if here {
            "▸"
        } else {
            " "
        };
        let switch = app.keymap.hint(&names[n]);
        let pane_label = format!("{switch} {}", pane.title());
        let style = if here { theme.title } else { theme.text };
        let text = format!("{mark} {pane_label:<16}");
        lines.push(Line::from(vec![
            Span::styled(widgets::fit(&text, width), style),
            Span::styled(format!("{key:>3} "), theme.key),
            Span::styled(widgets::fit(what, width.saturating_sub(22)), style),
        ]));
    }
    lines.push(Line::default());
    let palette = app.keymap.hint(&Action::Palette);
    let help = app.keymap.hint(&Action::Help);
    let settings = if app.pane == Pane::Timeline {
        let key = app.keymap.hint(&Action::ProjectSettings);
        format!("{key} opens the project settings: name, key, vision, goal")
    } else {
        format!("Project name, key, vision, goal: {palette} then \"project settings\"")
    };
    for text in [settings, format!("{help} shows every key of a pane")] {
        lines.push(Line::styled(widgets::fit(&text, width), theme.dim));
    }
    lines
}

/// Draws the box in the lower part of `area` (the pane's own line stays visible above it).
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = area.width.saturating_sub(4).min(60);
    let inner_width = usize::from(width.saturating_sub(2));
    let body = lines(app, inner_width, theme);
    let height = u16::try_from(body.len() + 2).unwrap_or(u16::MAX);
    // Below the pane's first lines (its title, its own message), centred across.
    let top = area.y + 4;
    if area.bottom() < top + height {
        return;
    }
    let [_, column, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(width),
        Constraint::Fill(1),
    ])
    .areas(area);
    let at = Rect {
        y: top,
        height,
        ..column
    };
    frame.render_widget(Clear, at);
    let block = widgets::block(" Getting started ".to_string(), theme);
    let inner = block.inner(at);
    frame.render_widget(block, at);
    frame.render_widget(Paragraph::new(body), inner);
}
