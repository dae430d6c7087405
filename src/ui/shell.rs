//! The frame around the panes: the header with the four tabs and the project, the read-only banner,
//! and the status bar (file, save state, message, key hints).

use super::{Theme, widgets};
use crate::app::{Action, App, Pane, SaveState, Viewport};
use crate::model::stakeholders_due;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn header(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, vp: &mut Viewport) {
    let mut spans = Vec::new();
    let mut x = area.x;
    for (n, pane) in Pane::ALL.iter().enumerate() {
        let label = format!(" {} {} ", n + 1, pane.title());
        let width = widgets::width(&label) as u16;
        vp.tabs[n] = Rect {
            x,
            y: area.y,
            width,
            height: 1,
        }
        .into();
        x += width + 1;
        let style = if *pane == app.pane {
            theme.tab_active
        } else {
            theme.tab
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }

    let b = &app.doc.board;
    let project = Span::styled(b.project.name.clone(), theme.title);
    let when = b.active_sprint().map(|s| {
        let when = match (s.end - app.run.today).get_days() {
            d if d < 0 => format!("ended {}d ago", -d),
            0 => "last day".to_string(),
            d => format!("{d}d left"),
        };
        (s.name.clone(), when)
    });
    let sprint = when
        .as_ref()
        .map(|(name, when)| Span::styled(format!("{name} ({when})"), theme.text));
    let sprint_short = when
        .as_ref()
        .map(|(name, when)| Span::styled(format!("{name} {when}"), theme.text));
    let due = stakeholders_due(&b.stakeholders, app.run.today).len();
    let due_short = (due > 0).then(|| Span::styled(format!("{due} due"), theme.warn));
    let due = (due > 0).then(|| Span::styled(format!("{due} due for an update"), theme.warn));
    let used: usize = spans.iter().map(Span::width).sum();
    // The sample board says so until its project is renamed (the runner knows it is the sample).
    let sample = app
        .run
        .sample
        .as_ref()
        .filter(|name| **name == b.project.name)
        .map(|_| Span::styled("sample board", theme.warn));
    // The most that fits: project, sprint and who is due; then in short words; then without the
    // project (80 columns keep the sprint); then just who is due.
    let candidates = [
        vec![Some(project.clone()), sprint.clone(), due.clone()],
        vec![Some(project), sprint_short.clone(), due_short.clone()],
        vec![sprint, due.clone()],
        vec![sprint_short.clone(), due_short],
        vec![sprint_short],
        vec![due],
        vec![],
    ];
    // Conflicts from a merge come first: the board holds ours until they are resolved.
    let n = b.conflicts.len();
    let key = app.keymap.hint(&Action::Conflicts);
    let marks: Vec<Option<Span<'static>>> = if n == 0 {
        vec![None]
    } else {
        let many = crate::model::words::count(n, "conflict");
        vec![
            Some(format!("⚠ {many} from a merge · {key} resolves")),
            Some(format!("⚠ {many} · {key}")),
            Some(format!("⚠ {n} · {key}")),
        ]
        .into_iter()
        .map(|t| t.map(|t| Span::styled(t, theme.error)))
        .collect()
    };
    let joined = |mark: &Option<Span<'static>>, parts: Vec<Option<Span<'static>>>| {
        let mut out = Vec::new();
        let lead = [mark.clone(), sample.clone()];
        for part in lead.into_iter().chain(parts).flatten() {
            if !out.is_empty() {
                out.push(Span::styled(" · ", theme.dim));
            }
            out.push(part);
        }
        out.push(Span::raw(" "));
        out
    };
    if let Some(right) = marks
        .iter()
        .flat_map(|m| candidates.iter().map(move |c| (m, c.clone())))
        .map(|(m, c)| joined(m, c))
        .find(|r| used + r.iter().map(Span::width).sum::<usize>() < area.width as usize)
    {
        let right_width: usize = right.iter().map(Span::width).sum();
        spans.push(Span::raw(
            " ".repeat(area.width as usize - used - right_width),
        ));
        spans.extend(right);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn read_only_banner(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let why = match app.run.read_only_why.as_str() {
        "" => "another cairn has this board open",
        why => why,
    };
    let text = format!(" READ-ONLY — {why}; nothing you see here is saved ");
    let line = super::widgets::fit(&text, usize::from(area.width));
    frame.render_widget(Paragraph::new(line).style(theme.banner), area);
}

fn save_state(app: &App, theme: &Theme) -> Span<'static> {
    match &app.run.save {
        SaveState::Saved => Span::styled("✓ saved", theme.ok),
        SaveState::Unsaved => Span::styled("● unsaved", theme.warn),
        SaveState::Failed(_) => Span::styled("✗ NOT SAVED", theme.error),
        SaveState::ReadOnly => Span::styled("read-only", theme.error),
        SaveState::Conflict(_) => Span::styled("⚠ saved aside", theme.error),
    }
}

/// Key hints for what the user is doing now (`hints::shown`), each key from the keymap.
fn hints(app: &App, theme: &Theme) -> Vec<Span<'static>> {
    use crate::app::overlay::Hint;
    let key = |a: &Action| super::hints::key(app, a).unwrap_or_default();
    super::hints::shown(app)
        .iter()
        .flat_map(|h| match h {
            Hint::Key(a, what) => widgets::hint(key(a), what, theme),
            // Up and down as one hint ("↑↓ select"), from the overlay's first keys for each.
            Hint::UpDown(what) => widgets::hint(
                format!("{}{}", key(&Action::Up), key(&Action::Down)),
                what,
                theme,
            ),
            Hint::Pair(a, b, what) => widgets::hint(format!("{}/{}", key(a), key(b)), what, theme),
        })
        .collect()
}

pub fn status_bar(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let file = app.run.file.file_name().map_or_else(
        || app.run.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut left = vec![
        Span::styled(format!(" {file} "), theme.dim),
        save_state(app, theme),
        Span::raw("  "),
    ];
    let message = match (&app.run.status, &app.run.save) {
        (Some(s), _) => Some((s.text.clone(), s.error)),
        (None, SaveState::Failed(e)) => Some((format!("save failed, retrying: {e}"), true)),
        _ => None,
    };
    if let Some((text, error)) = message {
        // A message longer than the line is cut with an ellipsis and names the key of the log
        // that shows it whole.
        let used: usize = left.iter().map(Span::width).sum();
        let room = (area.width as usize).saturating_sub(used);
        let style = if error { theme.error } else { theme.text };
        let log = app.keymap.hint(&Action::Messages);
        let more = format!(" {log} all");
        if widgets::width(&text) > room && room > widgets::width(&more) + 8 {
            left.push(Span::styled(
                widgets::fit(&text, room - widgets::width(&more)),
                style,
            ));
            left.push(Span::styled(format!(" {log}"), theme.key));
            left.push(Span::styled(" all", theme.dim));
        } else {
            left.push(Span::styled(widgets::fit(&text, room), style));
        }
    }
    let mut hints = hints(app, theme);
    let left_width: usize = left.iter().map(Span::width).sum();
    let mut hints_width: usize = hints.iter().map(Span::width).sum();
    // Short of room, the last hints go whole (a hint is a key and its words).
    while hints_width > 0 && left_width + hints_width + 2 > area.width as usize {
        hints.truncate(hints.len().saturating_sub(2));
        hints_width = hints.iter().map(Span::width).sum();
    }
    let mut spans = left;
    if left_width + hints_width < area.width as usize {
        spans.push(Span::raw(
            " ".repeat(area.width as usize - left_width - hints_width),
        ));
        spans.extend(hints);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
