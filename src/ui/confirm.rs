//! Questions before a change that should be agreed to first: a delete that takes other records with
//! it, or a change with a reason to pause (a sprint started early or over capacity).

use super::{Theme, widgets};
use crate::app::{Action, App, Context};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// The confirm context's keys for yes and no, as shown.
pub fn yes_no(app: &App) -> (String, String) {
    let key = |a: Action| app.keymap.key_in(Context::Confirm, &a).unwrap_or_default();
    (key(Action::Yes), key(Action::Cancel))
}

/// What is asked, and what yes and no do.
struct Question<'a> {
    title: &'a str,
    text: String,
    yes: &'a str,
    no: &'a str,
}

fn ask(frame: &mut Frame, area: Rect, app: &App, q: Question, theme: &Theme) {
    let (y, n) = yes_no(app);
    let undo = app.keymap.hint(&Action::Undo);
    let (yes, no) = (q.yes, q.no);
    let text = vec![
        Line::styled(q.text, theme.warn),
        Line::raw(""),
        Line::raw(format!("{y} {yes} ({undo} brings it back) · {n} {no}")),
    ];
    let popup = widgets::centered(area, 72, 8);
    super::overlay::clear(frame, area, popup);
    frame.render_widget(
        Paragraph::new(text)
            .block(widgets::block(format!(" {} ", q.title), theme))
            .wrap(Wrap { trim: true }),
        popup,
    );
}

pub fn delete(frame: &mut Frame, area: Rect, app: &App, what: &str, theme: &Theme) {
    let q = Question {
        title: "Delete?",
        text: format!("Delete {what}?"),
        yes: "deletes them all, as one step",
        no: "keeps them",
    };
    ask(frame, area, app, q, theme);
}

/// Deleting an epic with children: keep them (the default, they lose their epic) or delete them too.
pub fn delete_epic(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    what: &str,
    children: usize,
    theme: &Theme,
) {
    let (y, n) = yes_no(app);
    let all = app
        .keymap
        .key_in(Context::Confirm, &Action::DeleteWithChildren)
        .unwrap_or_default();
    let undo = app.keymap.hint(&Action::Undo);
    let kids = crate::model::words::count(children, "child");
    let (them, stay) = if children == 1 {
        ("it", "it stays")
    } else {
        ("them", "they stay")
    };
    let text = vec![
        Line::styled(format!("Delete {what}? It has {kids}."), theme.warn),
        Line::raw(""),
        Line::raw(format!("{y}  deletes the epic; {stay}, with no epic")),
        Line::raw(format!("{all}  deletes {them} too")),
        Line::raw(format!("{n}  keeps everything")),
        Line::styled(
            format!("Either is one step: {undo} brings it all back."),
            theme.dim,
        ),
    ];
    let popup = widgets::centered(area, 72, 8);
    super::overlay::clear(frame, area, popup);
    frame.render_widget(
        Paragraph::new(text)
            .block(widgets::block(" Delete an epic? ", theme))
            .wrap(Wrap { trim: true }),
        popup,
    );
}

pub fn change(frame: &mut Frame, area: Rect, app: &App, question: &str, theme: &Theme) {
    let q = Question {
        title: "Are you sure?",
        text: question.to_string(),
        yes: "goes ahead",
        no: "leaves it",
    };
    ask(frame, area, app, q, theme);
}
