//! Pasted text (bracketed paste): it goes into the text field that has the focus, as one insertion,
//! so a paste's newlines are never taken as keys. Every field is one line: line breaks and tabs
//! become spaces. Outside a text field a paste changes nothing and says so.

use crate::app::{App, Effect, Mode};

/// The paste as one line: line breaks, tabs and other control characters become spaces, and the
/// line break a copied line usually ends with is dropped.
pub fn one_line(text: &str) -> String {
    text.trim_end_matches(['\n', '\r'])
        .replace("\r\n", " ")
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

impl App {
    pub(crate) fn paste(&mut self, text: String) -> Vec<Effect> {
        let line = one_line(&text);
        match std::mem::replace(&mut self.mode, Mode::Normal) {
            Mode::Form(mut form) => {
                form.focused().paste(&line);
                self.mode = Mode::Form(form);
            }
            Mode::Filter(mut input) => {
                input.insert_str(&line);
                let text = input.lines().join(" ");
                self.mode = Mode::Filter(input);
                self.set_pane_filter(text);
            }
            Mode::Palette(mut palette) => {
                palette.input.insert_str(&line);
                palette.refresh(&self.doc.board, &self.keymap);
                self.mode = Mode::Palette(palette);
            }
            Mode::Picker(mut picker) => {
                picker.input.insert_str(&line);
                picker.refresh();
                self.mode = Mode::Picker(picker);
            }
            other => {
                self.mode = other;
                self.info("Nothing here takes text: the paste was ignored");
            }
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn a_paste_is_one_line() {
        assert_eq!(one_line("Fix login\n"), "Fix login");
        assert_eq!(one_line("Fix login\ndd\n"), "Fix login dd");
        assert_eq!(one_line("a\r\nb\tc\x1b[2Jd"), "a b c [2Jd");
    }
}
