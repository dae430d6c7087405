//! The first run with no board: before anything is written, ask whether to start an empty board
//! (its name and key prefilled from the directory) or to explore the sample. Quitting here creates
//! nothing. `CAIRN_SAMPLE=1` skips the question and takes the sample (scripts and tests).

use super::terminal;
use crate::commands::{default_key, default_name};
use crate::model::{Board, value};
use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use std::path::Path;

/// What the first run starts with.
pub enum Start {
    /// An empty board with the name and key given.
    Empty(Box<Board>),
    /// The sample board.
    Sample,
    /// Nothing: the user quit.
    Quit,
}

/// What a run starts from: asked when there is no board yet, else the file (or the sample, with
/// `CAIRN_SAMPLE=1`).
pub fn start(path: &Path) -> Result<Start, crate::io::Failure> {
    if !should_ask(path) {
        return Ok(Start::Sample);
    }
    ask(path).map_err(|e| crate::io::Failure::data(format!("cannot start the terminal UI: {e}")))
}

/// The sample's project name when `board` is the sample: its project still has the sample's name
/// ("Checkout") and it was not just created empty. The header marks it until it is renamed.
pub fn sample_name(board: &Board, sample: &Board, empty: bool) -> Option<String> {
    (!empty && board.project.name == sample.project.name).then(|| sample.project.name.clone())
}

/// Says, once the terminal is back, that quitting the question wrote nothing.
pub fn nothing_created() {
    println!("No board was created. Run cairn again, or: cairn init --file PATH");
}

/// The first message on a board this run created.
pub fn welcome(app: &crate::app::App, path: &Path, empty: bool) -> String {
    let help = app.keymap.hint(&crate::app::Action::Help);
    let b = &app.doc.board;
    if empty {
        format!(
            "Welcome to {} ({}), a new empty board — {help} shows the keys · in {}",
            b.project.name,
            b.project.key,
            path.display()
        )
    } else {
        format!(
            "Welcome — {help} shows the keys · {} was created from the sample board",
            path.display()
        )
    }
}

/// True when there is no file at `path` and the question was not turned off.
pub fn should_ask(path: &Path) -> bool {
    let skip = std::env::var_os("CAIRN_SAMPLE").is_some_and(|v| v == "1");
    !skip
        && matches!(std::fs::symlink_metadata(path), Err(e) if e.kind() == std::io::ErrorKind::NotFound)
}

/// One line of text being typed; the suggestion goes as soon as something is typed over it.
struct Input {
    text: String,
    suggested: bool,
}

impl Input {
    fn key(&mut self, code: KeyCode, ctrl: bool) {
        match code {
            KeyCode::Char('u') if ctrl => self.text.clear(),
            KeyCode::Char(c) if !ctrl => {
                if self.suggested {
                    self.text.clear();
                }
                self.text.push(c);
            }
            KeyCode::Backspace => {
                self.text.pop();
            }
            _ => return,
        }
        self.suggested = false;
    }
}

struct Ask {
    path: String,
    /// None: choosing; Some: typing the name (field 0) or the key (field 1).
    naming: Option<usize>,
    name: Input,
    key: Input,
    error: Option<String>,
}

/// Asks in the terminal; leaves the terminal as it found it.
pub fn ask(path: &Path) -> std::io::Result<Start> {
    let name = default_name(path);
    let mut ask = Ask {
        path: path.display().to_string(),
        naming: None,
        key: Input {
            text: default_key(&name),
            suggested: true,
        },
        name: Input {
            text: name,
            suggested: true,
        },
        error: None,
    };
    let mut term = terminal::enter(false)?;
    let result = (|| loop {
        term.draw(|f| draw(f, &ask))?;
        // A blocking read (a resize is an event too, and redraws): crossterm's `poll` with a
        // timeout ends each wait in a busy loop (see `events.rs`).
        let Event::Key(k) = event::read()? else {
            continue;
        };
        if k.kind == KeyEventKind::Release {
            continue;
        }
        if let Some(start) = ask.key(k.code, k.modifiers.contains(KeyModifiers::CONTROL)) {
            return Ok(start);
        }
    })();
    terminal::leave();
    result
}

impl Ask {
    fn key(&mut self, code: KeyCode, ctrl: bool) -> Option<Start> {
        if ctrl && code == KeyCode::Char('c') {
            return Some(Start::Quit);
        }
        let Some(field) = self.naming else {
            return match code {
                KeyCode::Enter | KeyCode::Char('e') => {
                    self.naming = Some(0);
                    None
                }
                KeyCode::Char('s') => Some(Start::Sample),
                KeyCode::Char('q') | KeyCode::Esc => Some(Start::Quit),
                _ => None,
            };
        };
        match code {
            KeyCode::Esc => {
                self.naming = None;
                self.error = None;
            }
            KeyCode::Tab | KeyCode::BackTab | KeyCode::Up | KeyCode::Down => {
                self.naming = Some(1 - field)
            }
            KeyCode::Enter => return self.create(),
            _ if field == 0 => {
                self.name.key(code, ctrl);
                // The key follows the name until it is typed itself.
                if self.key.suggested {
                    self.key.text = default_key(&self.name.text);
                }
            }
            _ => self.key.key(code, ctrl),
        }
        None
    }

    fn create(&mut self) -> Option<Start> {
        let name = value::parse_project_name(&self.name.text);
        let key = value::parse_project_key(&self.key.text);
        match (name, key) {
            (Ok(name), Ok(key)) => Some(Start::Empty(Box::new(Board::new(&name, &key)))),
            (Err(e), _) => {
                self.error = Some(format!("Name: {e}"));
                self.naming = Some(0);
                None
            }
            (_, Err(e)) => {
                self.error = Some(format!("Key: {e}"));
                self.naming = Some(1);
                None
            }
        }
    }
}

fn draw(frame: &mut Frame, ask: &Ask) {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let dim = Style::new().add_modifier(Modifier::DIM);
    let area = frame.area();
    let width = area.width.clamp(20, 72);
    let [_, column, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(width),
        Constraint::Fill(1),
    ])
    .areas(area);
    let mut lines = vec![
        Line::styled("Welcome to cairn", bold),
        Line::raw(format!("There is no board at {} yet.", ask.path)),
        Line::raw(""),
    ];
    match ask.naming {
        None => {
            let choice = |keys: &str, what: &str| {
                Line::from(vec![
                    Span::styled(format!("{keys:>9}  "), bold),
                    Span::raw(what.to_string()),
                ])
            };
            lines.push(choice(
                "Enter, e",
                "Start an empty board: your project's name and key",
            ));
            lines.push(choice(
                "s",
                "Explore the sample board (Checkout, a payments project)",
            ));
            lines.push(choice("q, Esc", "Quit without creating anything"));
        }
        Some(field) => {
            lines.push(Line::raw("Start an empty board:"));
            let row = |n: usize, label: &str, input: &Input| {
                let marker = if field == n { "▸ " } else { "  " };
                let text = if field == n && !input.suggested {
                    format!("{}▏", input.text)
                } else {
                    input.text.clone()
                };
                Line::from(vec![
                    Span::raw(marker.to_string()),
                    Span::styled(format!("{label:<6}"), bold),
                    Span::raw(text),
                ])
            };
            lines.push(row(0, "Name", &ask.name));
            lines.push(row(1, "Key", &ask.key));
            lines.push(Line::styled(
                "The key is 1–10 letters, the prefix of item keys (PAY in PAY-12).",
                dim,
            ));
            if let Some(e) = &ask.error {
                lines.push(Line::raw(""));
                lines.push(Line::styled(e.clone(), bold));
            }
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                "Enter creates it · Tab: name/key · typing replaces the suggestion · Esc: back",
                dim,
            ));
        }
    }
    // The lines, the border and room for two to wrap.
    let height = u16::try_from(lines.len() + 4).unwrap_or(u16::MAX);
    let [_, body, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(area.height.min(height)),
        Constraint::Fill(1),
    ])
    .areas(column);
    let block = Block::bordered().title(" cairn ");
    let inner: Rect = block.inner(body);
    frame.render_widget(block, body);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
