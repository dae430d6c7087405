//! A fast reader for the RON that `to_ron` writes, about five times ron's own speed on a board.
//!
//! It reads a strict subset of RON: `(field: value, …)` structs, `[…]` lists, `{key: value}` maps,
//! `Some(…)`/`None`, plain enum variants, decimal numbers, `true`/`false` and double-quoted strings
//! with the escapes `char::escape_debug` writes. Anything else (comments, raw strings, struct
//! names, hex or `_` in numbers, extensions, unknown fields of a lenient struct) is not an error of
//! the file but a reason to hand the text to ron, which then decides and words any error. So this
//! never accepts what ron would refuse, and gives what ron would give: the loader tests and the
//! `store_load` fuzz target check exactly that against `from_ron_reference`.

use crate::store::format::FromFile;
use serde::Deserialize;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Visitor};
use std::any::{Any, TypeId};
use std::fmt;

mod lexer;
mod split;
#[cfg(test)]
mod tests;

use lexer::Parser;

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

/// Reads a whole document: one value, then only whitespace. A large board file is read on two
/// threads (`split.rs`).
pub fn from_str<'de, T: Deserialize<'de> + 'static>(text: &'de str) -> Result<T> {
    if text.len() >= split::SPLIT_FROM
        && TypeId::of::<T>() == TypeId::of::<FromFile>()
        && let Some(board) = split::board(text)
    {
        let board: Box<dyn Any> = Box::new(board);
        if let Ok(board) = board.downcast::<T>() {
            return Ok(*board);
        }
    }
    whole(text)
}

/// `from_str` in one piece, on this thread.
fn whole<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T> {
    let mut p = Parser::new(text);
    p.skip_ws();
    let value = T::deserialize(&mut p)?;
    p.skip_ws();
    if p.pos == p.bytes.len() {
        Ok(value)
    } else {
        Err(Bail)
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
        let at = self.pos;
        let done = self.open(b'[', b']')?;
        match split::special(self, at) {
            Some(split::Special::Rank) => return visitor.visit_seq(split::Rank { p: self, done }),
            Some(split::Special::Items) => return visitor.visit_seq(split::Cut { p: self, done }),
            None => {}
        }
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
        self.depth += 1;
        let value = visitor.visit_map(Map {
            p: &mut *self,
            close: b')',
            done,
            fields: true,
        });
        self.depth -= 1;
        value
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
