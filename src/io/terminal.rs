//! Text from the board on its way to a terminal: control characters (C0 but line feed and tab,
//! DEL, C1) and bidirectional overrides are shown as `\u{1b}`-style escapes, so a title holding
//! `ESC ] 52 ; …` can neither set the window title nor fill the clipboard. The board keeps the text.

use std::borrow::Cow;

fn unsafe_for_terminal(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every character a terminal would act on replaced by its escape.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unsafe_for_terminal) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_for_terminal(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_reach_the_terminal_as_text() {
        assert_eq!(terminal_safe("plain ✓\n\tok"), "plain ✓\n\tok");
        assert_eq!(
            terminal_safe("a\u{1b}]52;c;cm0=\u{7}b\u{9b}\r"),
            "a\\u{1b}]52;c;cm0=\\u{7}b\\u{9b}\\u{d}"
        );
        assert_eq!(terminal_safe("\u{202e}x"), "\\u{202e}x");
    }
}
