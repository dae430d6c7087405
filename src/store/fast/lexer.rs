//! The tokens of the fast reader: whitespace, punctuation, identifiers, numbers and strings with
//! the escapes `char::escape_debug` writes. Anything outside that subset is a `Bail`.

use super::{Bail, Result};
use serde::de::Visitor;

pub(super) struct Parser<'de> {
    pub(super) text: &'de str,
    pub(super) bytes: &'de [u8],
    pub(super) pos: usize,
    /// How many structs deep the reader is (1: the board's own fields).
    pub(super) depth: u32,
    /// Where a board read on two threads is cut (`split.rs`).
    pub(super) hooks: Option<super::split::Hooks>,
}

pub(super) fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'de> Parser<'de> {
    pub(super) fn new(text: &'de str) -> Parser<'de> {
        Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
            hooks: None,
        }
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(super) fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    pub(super) fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    pub(super) fn expect(&mut self, b: u8) -> Result<()> {
        if self.eat(b) { Ok(()) } else { Err(Bail) }
    }

    /// A plain identifier (`[A-Za-z_][A-Za-z0-9_]*`), not followed by `#` (a raw identifier).
    pub(super) fn ident(&mut self) -> Result<&'de str> {
        let start = self.pos;
        match self.peek() {
            Some(b) if b.is_ascii_alphabetic() || b == b'_' => {}
            _ => return Err(Bail),
        }
        while self.peek().is_some_and(is_ident_byte) {
            self.pos += 1;
        }
        if self.peek() == Some(b'#') {
            return Err(Bail);
        }
        Ok(&self.text[start..self.pos])
    }

    /// A number token ends where an identifier or another number could not go on.
    pub(super) fn end_of_number(&self) -> Result<()> {
        match self.peek() {
            Some(b) if is_ident_byte(b) || b == b'.' => Err(Bail),
            _ => Ok(()),
        }
    }

    pub(super) fn digits(&mut self) -> Result<&'de str> {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        let digits = &self.text[start..self.pos];
        // No leading zeros, as `to_ron` never writes them.
        if digits.is_empty() || (digits.len() > 1 && digits.starts_with('0')) {
            return Err(Bail);
        }
        Ok(digits)
    }

    pub(super) fn unsigned(&mut self) -> Result<u64> {
        let digits = self.digits()?;
        self.end_of_number()?;
        digits.parse().map_err(|_| Bail)
    }

    pub(super) fn signed(&mut self) -> Result<i64> {
        let start = self.pos;
        let negative = self.eat(b'-');
        let digits = self.digits()?;
        self.end_of_number()?;
        if negative && digits == "0" {
            return Err(Bail);
        }
        self.text[start..self.pos].parse().map_err(|_| Bail)
    }

    /// `-?digits.digits` with an optional exponent, or `-?digitse…`: what `{:?}` writes for a finite float.
    pub(super) fn float_token(&mut self) -> Result<&'de str> {
        let start = self.pos;
        self.eat(b'-');
        let int = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.pos == int {
            return Err(Bail);
        }
        let mut marked = false;
        if self.eat(b'.') {
            let frac = self.pos;
            while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                self.pos += 1;
            }
            if self.pos == frac {
                return Err(Bail);
            }
            marked = true;
        }
        if self.eat(b'e') {
            self.eat(b'-');
            let exp = self.pos;
            while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                self.pos += 1;
            }
            if self.pos == exp {
                return Err(Bail);
            }
            marked = true;
        }
        self.end_of_number()?;
        if !marked {
            return Err(Bail);
        }
        Ok(&self.text[start..self.pos])
    }

    /// A double-quoted string: borrowed when it has no escapes.
    pub(super) fn string(&mut self) -> Result<Text<'de>> {
        self.expect(b'"')?;
        let start = self.pos;
        // The common string has no escape: find its end with one vectorised search, then check
        // the run for the control characters `escape_debug` would have escaped.
        let end = start + memchr::memchr2(b'"', b'\\', &self.bytes[start..]).ok_or(Bail)?;
        let control = self.bytes[start..end]
            .iter()
            .fold(false, |seen, &b| seen | (b < 0x20) | (b == 0x7f));
        if control {
            return Err(Bail);
        }
        self.pos = end;
        if self.bytes[end] == b'"' {
            self.pos += 1;
            return Ok(Text::Borrowed(&self.text[start..end]));
        }
        let mut owned = String::from(&self.text[start..self.pos]);
        loop {
            let run = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 || b == 0x7f {
                    break;
                }
                self.pos += 1;
            }
            owned.push_str(&self.text[run..self.pos]);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Text::Owned(owned));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    owned.push(self.escape()?);
                }
                _ => return Err(Bail),
            }
        }
    }

    /// The escapes of `char::escape_debug`: `\t \r \n \\ \' \" \0` and `\u{hex}`.
    pub(super) fn escape(&mut self) -> Result<char> {
        let b = self.peek().ok_or(Bail)?;
        self.pos += 1;
        Ok(match b {
            b't' => '\t',
            b'r' => '\r',
            b'n' => '\n',
            b'\\' => '\\',
            b'\'' => '\'',
            b'"' => '"',
            b'0' => '\0',
            b'u' => {
                self.expect(b'{')?;
                let start = self.pos;
                while self.peek().is_some_and(|b| b.is_ascii_hexdigit()) {
                    self.pos += 1;
                }
                let hex = &self.text[start..self.pos];
                self.expect(b'}')?;
                if hex.is_empty() || hex.len() > 6 {
                    return Err(Bail);
                }
                let code = u32::from_str_radix(hex, 16).map_err(|_| Bail)?;
                char::from_u32(code).ok_or(Bail)?
            }
            _ => return Err(Bail),
        })
    }

    /// After an element: `,` (then maybe the closing bracket) or the closing bracket. True at the end.
    pub(super) fn after_element(&mut self, close: u8) -> Result<bool> {
        self.skip_ws();
        if self.eat(b',') {
            self.skip_ws();
            Ok(self.eat(close))
        } else if self.eat(close) {
            Ok(true)
        } else {
            Err(Bail)
        }
    }

    /// Opens a bracketed list; true when it is empty (and already closed).
    pub(super) fn open(&mut self, open: u8, close: u8) -> Result<bool> {
        self.expect(open)?;
        self.skip_ws();
        Ok(self.eat(close))
    }
}

pub(super) enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl<'de> Text<'de> {
    pub(super) fn visit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Owned(s) => visitor.visit_string(s),
        }
    }
}
