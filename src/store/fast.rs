//! A fast reader for the RON that `to_ron` writes, about five times ron's own speed on a board.
//!
//! It reads a strict subset of RON: `(field: value, …)` structs, `[…]` lists, `{key: value}` maps,
//! `Some(…)`/`None`, plain enum variants, decimal numbers, `true`/`false` and double-quoted strings
//! with the escapes `char::escape_debug` writes. Anything else (comments, raw strings, struct
//! names, hex or `_` in numbers, extensions, unknown fields of a lenient struct) is not an error of
//! the file but a reason to hand the text to ron, which then decides and words any error. So this
//! never accepts what ron would refuse, and gives what ron would give: the loader tests and the
//! `store_load` fuzz target check exactly that against `from_ron_reference`.

use serde::Deserialize;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Visitor};
use std::fmt;

/// "Not something the fast path reads": the caller falls back to ron.
#[derive(Debug)]
pub struct Bail;

impl fmt::Display for Bail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not in the fast subset of RON")
    }
}

impl std::error::Error for Bail {}

impl de::Error for Bail {
    fn custom<T: fmt::Display>(_: T) -> Bail {
        Bail
    }
}

type Result<T> = std::result::Result<T, Bail>;

/// Reads a whole document: one value, then only whitespace.
pub fn from_str<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    p.skip_ws();
    let value = T::deserialize(&mut p)?;
    p.skip_ws();
    if p.pos == p.bytes.len() {
        Ok(value)
    } else {
        Err(Bail)
    }
}

struct Parser<'de> {
    text: &'de str,
    bytes: &'de [u8],
    pos: usize,
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'de> Parser<'de> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, b: u8) -> Result<()> {
        if self.eat(b) { Ok(()) } else { Err(Bail) }
    }

    /// A plain identifier (`[A-Za-z_][A-Za-z0-9_]*`), not followed by `#` (a raw identifier).
    fn ident(&mut self) -> Result<&'de str> {
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
    fn end_of_number(&self) -> Result<()> {
        match self.peek() {
            Some(b) if is_ident_byte(b) || b == b'.' => Err(Bail),
            _ => Ok(()),
        }
    }

    fn digits(&mut self) -> Result<&'de str> {
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

    fn unsigned(&mut self) -> Result<u64> {
        let digits = self.digits()?;
        self.end_of_number()?;
        digits.parse().map_err(|_| Bail)
    }

    fn signed(&mut self) -> Result<i64> {
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
    fn float_token(&mut self) -> Result<&'de str> {
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
    fn string(&mut self) -> Result<Text<'de>> {
        self.expect(b'"')?;
        let start = self.pos;
        loop {
            match self.peek() {
                Some(b'"') => {
                    let s = &self.text[start..self.pos];
                    self.pos += 1;
                    return Ok(Text::Borrowed(s));
                }
                Some(b'\\') => break,
                Some(b) if b < 0x20 || b == 0x7f => return Err(Bail),
                Some(_) => self.pos += 1,
                None => return Err(Bail),
            }
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
    fn escape(&mut self) -> Result<char> {
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
    fn after_element(&mut self, close: u8) -> Result<bool> {
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
    fn open(&mut self, open: u8, close: u8) -> Result<bool> {
        self.expect(open)?;
        self.skip_ws();
        Ok(self.eat(close))
    }
}

enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl<'de> Text<'de> {
    fn visit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Owned(s) => visitor.visit_string(s),
        }
    }
}

macro_rules! unsigned {
    ($($method:ident $visit:ident $t:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let n = <$t>::try_from(self.unsigned()?).map_err(|_| Bail)?;
            visitor.$visit(n)
        }
    )*};
}

macro_rules! signed {
    ($($method:ident $visit:ident $t:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let n = <$t>::try_from(self.signed()?).map_err(|_| Bail)?;
            visitor.$visit(n)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Parser<'de> {
    type Error = Bail;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Bail)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(Bail),
        }
    }

    unsigned!(deserialize_u8 visit_u8 u8, deserialize_u16 visit_u16 u16,
        deserialize_u32 visit_u32 u32, deserialize_u64 visit_u64 u64);
    signed!(deserialize_i8 visit_i8 i8, deserialize_i16 visit_i16 i16,
        deserialize_i32 visit_i32 i32, deserialize_i64 visit_i64 i64);

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let n: f32 = self.float_token()?.parse().map_err(|_| Bail)?;
        if !n.is_finite() {
            return Err(Bail);
        }
        visitor.visit_f32(n)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let n: f64 = self.float_token()?.parse().map_err(|_| Bail)?;
        if !n.is_finite() {
            return Err(Bail);
        }
        visitor.visit_f64(n)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'\'')?;
        let c = self.text[self.pos..].chars().next().ok_or(Bail)?;
        if c == '\\' || c == '\'' || c < ' ' {
            return Err(Bail);
        }
        self.pos += c.len_utf8();
        self.expect(b'\'')?;
        visitor.visit_char(c)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.string()?.visit(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.string()?.visit(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Bail)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Bail)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "None" => visitor.visit_none(),
            "Some" => {
                self.expect(b'(')?;
                self.skip_ws();
                let value = visitor.visit_some(&mut *self)?;
                if self.after_element(b')')? {
                    Ok(value)
                } else {
                    Err(Bail)
                }
            }
            _ => Err(Bail),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        self.skip_ws();
        self.expect(b')')?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.expect(b'(')?;
        self.skip_ws();
        let value = visitor.visit_newtype_struct(&mut *self)?;
        if self.after_element(b')')? {
            Ok(value)
        } else {
            Err(Bail)
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let done = self.open(b'[', b']')?;
        visitor.visit_seq(List {
            p: self,
            close: b']',
            done,
        })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value> {
        let done = self.open(b'(', b')')?;
        let value = visitor.visit_seq(List {
            p: &mut *self,
            close: b')',
            done,
        })?;
        Ok(value)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let done = self.open(b'{', b'}')?;
        visitor.visit_map(Map {
            p: self,
            close: b'}',
            done,
            fields: false,
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let done = self.open(b'(', b')')?;
        visitor.visit_map(Map {
            p: self,
            close: b')',
            done,
            fields: true,
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(Variant { p: self })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.ident()?)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Bail)
    }

    fn is_human_readable(&self) -> bool {
        true
    }
}

/// The elements of `[…]` or a tuple's `(…)`. A list must be read to its end: a tuple with more
/// elements than its type is not ours.
struct List<'a, 'de> {
    p: &'a mut Parser<'de>,
    close: u8,
    done: bool,
}

impl<'de> de::SeqAccess<'de> for List<'_, 'de> {
    type Error = Bail;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.done {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.p)?;
        self.done = self.p.after_element(self.close)?;
        Ok(Some(value))
    }
}

impl Drop for List<'_, '_> {
    fn drop(&mut self) {
        // A visitor that stopped early leaves the position inside the list: make sure the caller
        // sees that as a bail, by moving past the end of the input.
        if !self.done {
            self.p.pos = usize::MAX / 2;
        }
    }
}

/// The fields of a struct `(name: value, …)` or the entries of a map `{key: value, …}`.
struct Map<'a, 'de> {
    p: &'a mut Parser<'de>,
    close: u8,
    done: bool,
    /// Struct fields: the keys are identifiers, not values.
    fields: bool,
}

impl<'de> de::MapAccess<'de> for Map<'_, 'de> {
    type Error = Bail;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.done {
            return Ok(None);
        }
        let key = if self.fields {
            seed.deserialize(BorrowedStrDeserializer::<Bail>::new(self.p.ident()?))?
        } else {
            seed.deserialize(&mut *self.p)?
        };
        self.p.skip_ws();
        self.p.expect(b':')?;
        self.p.skip_ws();
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let value = seed.deserialize(&mut *self.p)?;
        self.done = self.p.after_element(self.close)?;
        Ok(value)
    }
}

impl Drop for Map<'_, '_> {
    fn drop(&mut self) {
        if !self.done {
            self.p.pos = usize::MAX / 2;
        }
    }
}

/// An enum: the variant's name, then nothing (unit), `(value)`, `(a, b)` or `(field: value, …)`.
struct Variant<'a, 'de> {
    p: &'a mut Parser<'de>,
}

impl<'de> de::EnumAccess<'de> for Variant<'_, 'de> {
    type Error = Bail;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self)> {
        let value = seed.deserialize(BorrowedStrDeserializer::<Bail>::new(self.p.ident()?))?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = Bail;

    fn unit_variant(self) -> Result<()> {
        // `Name(…)` for a unit variant is not what `to_ron` writes.
        if self.p.peek() == Some(b'(') {
            return Err(Bail);
        }
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.p.expect(b'(')?;
        self.p.skip_ws();
        let value = seed.deserialize(&mut *self.p)?;
        if self.p.after_element(b')')? {
            Ok(value)
        } else {
            Err(Bail)
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value> {
        let done = self.p.open(b'(', b')')?;
        visitor.visit_seq(List {
            p: self.p,
            close: b')',
            done,
        })
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let done = self.p.open(b'(', b')')?;
        visitor.visit_map(Map {
            p: self.p,
            close: b')',
            done,
            fields: true,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct S {
        a: u8,
        #[serde(default)]
        b: Option<Vec<String>>,
        c: BTreeMap<String, E>,
        d: (i32, f64),
    }

    #[derive(Debug, Deserialize, PartialEq)]
    enum E {
        Unit,
        New(u32),
        Tup(u8, u8),
        Rec { x: bool },
    }

    fn both(text: &str) -> Option<S> {
        let fast = from_str::<S>(text).ok();
        let reference = ron::from_str::<S>(text).ok();
        if fast.is_some() {
            assert_eq!(fast, reference, "{text}");
        }
        fast
    }

    #[test]
    fn reads_what_ron_reads() {
        let text = "(\n  a: 7,\n  b: Some([\n    \"x\\\"y\\u{301}\\'\",\n  ]),\n  c: {\n    \"k\": Rec(\n      x: true,\n    ),\n    \"l\": Tup(1, 2),\n    \"m\": New(3),\n    \"n\": Unit,\n  },\n  d: (-4, 1e-7),\n)\n";
        assert!(both(text).is_some());
        assert!(both("(a: 0, c: {}, d: (0, 0.5))").is_some());
    }

    #[test]
    fn boards_that_cairn_writes_take_the_fast_path() {
        use crate::model::Board;
        let sample: Board = from_str(crate::store::SAMPLE_BOARD).expect("the sample is fast");
        assert_eq!(
            Ok(sample),
            ron::from_str::<Board>(crate::store::SAMPLE_BOARD)
        );
        for seed in 0..4 {
            let board = crate::io::generate::generate(300, seed);
            let text = crate::store::to_ron(&board).expect("serialises");
            assert_eq!(from_str::<Board>(&text).expect("fast"), board);
        }
    }

    #[test]
    fn leaves_the_rest_to_ron() {
        for text in [
            "(a: 0x7, c: {}, d: (0, 0.5))",
            "(a: 1_0, c: {}, d: (0, 0.5))",
            "(a: 300, c: {}, d: (0, 0.5))",
            "// c\n(a: 1, c: {}, d: (0, 0.5))",
            "S(a: 1, c: {}, d: (0, 0.5))",
            "(a: 1, c: {}, d: (0, 5))",
            "(a: 1, c: {}, d: (0, 0.5, 1))",
            "(a: 1, c: {}, d: (0, 0.5), e: 1)",
            "(a: 1, c: {\"k\": Unit()}, d: (0, 0.5))",
            "(a: 1, b: Some(r\"x\"), c: {}, d: (0, 0.5))",
            "(a: 1, c: {}, d: (0, 0.5)) x",
            "(a: 01, c: {}, d: (0, 0.5))",
        ] {
            assert!(from_str::<S>(text).is_err(), "{text}");
        }
    }
}
