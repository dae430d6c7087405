//! How a filter value names one of a set of names (`status:todo` → "To do"): case, spaces, dashes,
//! underscores and apostrophes do not count; the exact name wins, then a prefix of exactly one
//! name, then a part of exactly one name. A value that fits several names equally names none of
//! them, and the filter says which it could mean.

/// A name as the filter compares it: lowercase, without spaces, `-`, `_` or `'`.
pub fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '\''))
        .flat_map(char::to_lowercase)
        .collect()
}

/// What a value names among a set of names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Named {
    /// The position of the one name it means.
    One(usize),
    /// It fits these names equally well (their positions).
    Several(Vec<usize>),
    /// It fits none.
    Nothing,
}

/// Which of `names` the filter value `value` means (see the module's rule).
pub fn resolve<S: AsRef<str>>(value: &str, names: &[S]) -> Named {
    let value = normalize(value);
    if value.is_empty() {
        return Named::Nothing;
    }
    let normal: Vec<String> = names.iter().map(|n| normalize(n.as_ref())).collect();
    if let Some(at) = normal.iter().position(|n| *n == value) {
        return Named::One(at);
    }
    let tiers: [&dyn Fn(&str) -> bool; 2] = [&|n| n.starts_with(&value), &|n| n.contains(&value)];
    for fits in tiers {
        let found: Vec<usize> = (0..normal.len()).filter(|&i| fits(&normal[i])).collect();
        match found.len() {
            0 => continue,
            1 => return Named::One(found[0]),
            _ => return Named::Several(found),
        }
    }
    Named::Nothing
}

/// The words shown for a qualifier that fits several names: `status:do (Doing or Done?)`.
pub fn several(token: &str, names: &[&str]) -> String {
    let mut list = names.to_vec();
    let last = list.pop().unwrap_or_default();
    if list.is_empty() {
        return format!("{token} ({last}?)");
    }
    format!("{token} ({} or {last}?)", list.join(", "))
}

/// Whether `hay`, lowercased, contains `lowered` (a lowercased word), without allocating for an
/// ASCII `hay` (a title or a name): the filter asks it of every item at every key.
pub(crate) fn contains_lowered(hay: &str, lowered: &str) -> bool {
    if !hay.is_ascii() {
        // Σ lowercases by its place in the word, which only `str::to_lowercase` knows.
        if hay.contains('Σ') {
            return hay.to_lowercase().contains(lowered);
        }
        let folded = || hay.chars().flat_map(char::to_lowercase);
        let len = folded().count();
        let want = lowered.chars().count();
        return (0..=len.saturating_sub(want))
            .any(|at| folded().skip(at).take(want).eq(lowered.chars()));
    }
    // An ASCII text lowercases to ASCII: a word with anything else is not in it.
    if !lowered.is_ascii() {
        return false;
    }
    let (hay, word) = (hay.as_bytes(), lowered.as_bytes());
    word.is_empty()
        || hay.windows(word.len()).any(|w| {
            w.iter()
                .zip(word)
                .all(|(a, b)| a.to_ascii_lowercase() == *b)
        })
}

/// Whether `lowered` is the key of item `id` in a project keyed `key` (`item_key`, lowercased),
/// without writing the key out.
pub(crate) fn is_key_of(lowered: &str, key: &str, id: u32) -> bool {
    let Some((prefix, number)) = lowered.rsplit_once('-') else {
        return false;
    };
    let canonical = number == "0" || !number.starts_with('0');
    canonical
        && number.bytes().all(|b| b.is_ascii_digit())
        && number.parse::<u32>() == Ok(id)
        && prefix.chars().eq(key.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: [&str; 5] = ["To do", "Doing", "Review", "Done", "Won't do"];

    #[test]
    fn exact_then_a_unique_prefix_then_a_unique_part() {
        assert_eq!(
            resolve("todo", &COLUMNS),
            Named::One(0),
            "spaces do not count"
        );
        assert_eq!(resolve("TO DO", &COLUMNS), Named::One(0));
        assert_eq!(resolve("to", &COLUMNS), Named::One(0), "a unique prefix");
        assert_eq!(resolve("do", &COLUMNS), Named::Several(vec![1, 3]));
        assert_eq!(resolve("doi", &COLUMNS), Named::One(1));
        assert_eq!(resolve("view", &COLUMNS), Named::One(2), "a unique part");
        assert_eq!(resolve("wontdo", &COLUMNS), Named::One(4), "apostrophes");
        assert_eq!(resolve("ne", &COLUMNS), Named::One(3), "Done: a part");
        assert_eq!(resolve("x", &COLUMNS), Named::Nothing);
        assert_eq!(resolve("", &COLUMNS), Named::Nothing);
        // The exact name wins over a longer name it begins.
        assert_eq!(resolve("done", &["Done", "Done (archived)"]), Named::One(0));
    }

    #[test]
    fn several_names_read_as_a_question() {
        assert_eq!(
            several("status:do", &["Doing", "Done"]),
            "status:do (Doing or Done?)"
        );
        assert_eq!(several("k:a", &["x", "y", "z"]), "k:a (x, y or z?)");
    }

    /// The allocation-free checks say what lowercasing and writing the key out would.
    #[test]
    fn words_and_keys_match_as_lowercased_text_would() {
        let texts = [
            "Card form crashes",
            "APPLE Pay",
            "Łódź rollout",
            "ﬁle Straße",
            "",
            "a-b",
        ];
        let words = [
            "card",
            "pay",
            "apple pay",
            "łódź",
            "strasse",
            "straße",
            "",
            "b",
            "x",
            "ﬁ",
        ];
        for t in texts {
            for w in words {
                let w = w.to_lowercase();
                let expected = t.to_lowercase().contains(w.as_str());
                assert_eq!(contains_lowered(t, &w), expected, "{t:?} ∋ {w:?}");
            }
        }
        for (word, key, id) in [
            ("crn-12", "CRN", 12),
            ("crn-012", "CRN", 12),
            ("crn-0", "CRN", 0),
            ("crn-12", "CRN", 13),
            ("a-b-7", "A-B", 7),
            ("öl-3", "ÖL", 3),
            ("crn-", "CRN", 0),
            ("12", "CRN", 12),
            ("crn-+1", "CRN", 1),
        ] {
            let expected =
                crate::model::item_key(key, crate::model::ItemId(id)).to_lowercase() == word;
            assert_eq!(is_key_of(word, key, id), expected, "{word} {key} {id}");
        }
    }
}
