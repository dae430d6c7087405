//! Styles for dark and light terminals. Without colour (`NO_COLOR`) only bold, dim, underline and
//! reverse remain, so nothing is told by colour alone.

use crate::app::ThemeName;
use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub accent: Style,
    pub selected: Style,
    pub header: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub error: Style,
    pub warn: Style,
    pub ok: Style,
    pub banner: Style,
    pub border: Style,
    pub key: Style,
    /// Weekends at day zoom: a background with colour, a dim dot without.
    pub shade: Style,
    pub shade_char: char,
}

impl Theme {
    pub fn new(name: ThemeName, color: bool) -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reverse = Style::new().add_modifier(Modifier::REVERSED);
        if !color {
            return Theme {
                text: Style::new(),
                dim: Style::new().add_modifier(Modifier::DIM),
                title: bold,
                accent: bold,
                selected: reverse,
                header: bold.add_modifier(Modifier::UNDERLINED),
                tab: Style::new(),
                tab_active: reverse.add_modifier(Modifier::BOLD),
                error: bold,
                warn: bold,
                ok: Style::new(),
                banner: reverse.add_modifier(Modifier::BOLD),
                border: Style::new(),
                key: bold,
                shade: Style::new().add_modifier(Modifier::DIM),
                shade_char: '·',
            };
        }
        let (fg, dim, accent, sel_bg, border, shade) = match name {
            ThemeName::Dark => (
                Color::Gray,
                Color::DarkGray,
                Color::Cyan,
                Color::Rgb(40, 60, 90),
                Color::DarkGray,
                Color::Rgb(32, 32, 40),
            ),
            ThemeName::Light => (
                Color::Black,
                Color::Gray,
                Color::Blue,
                Color::Rgb(200, 220, 245),
                Color::Gray,
                Color::Rgb(236, 236, 236),
            ),
        };
        Theme {
            text: Style::new().fg(fg),
            dim: Style::new().fg(dim),
            title: bold.fg(accent),
            accent: Style::new().fg(accent),
            selected: Style::new().bg(sel_bg).add_modifier(Modifier::BOLD),
            header: bold.fg(fg).add_modifier(Modifier::UNDERLINED),
            tab: Style::new().fg(fg),
            tab_active: bold.fg(Color::Black).bg(accent),
            error: bold.fg(Color::Red),
            warn: Style::new().fg(Color::Yellow),
            ok: Style::new().fg(Color::Green),
            banner: bold.fg(Color::White).bg(Color::Red),
            border: Style::new().fg(border),
            key: bold.fg(accent),
            shade: Style::new().bg(shade),
            shade_char: ' ',
        }
    }
}
