//! Words that agree with their numbers: `1 item`, `2 items`, `1 pt`, `3 pts`, `1 child`,
//! `2 children`. Every count shown to the user (the screen, the report, the command line) is
//! spelled here, so none reads `1 row(s)` or `1 pts`.

/// The plural of a noun cairn counts.
pub fn plural_of(noun: &str) -> String {
    match noun {
        "child" => "children".into(),
        "person" => "people".into(),
        "pt" => "pts".into(),
        "day ago" => "days ago".into(),
        _ => {
            // The last word takes the plural: "open risk" → "open risks".
            if let Some(stem) = noun.strip_suffix('y')
                && !stem.ends_with(['a', 'e', 'o', 'u'])
            {
                return format!("{stem}ies");
            }
            if noun.ends_with(['s', 'x']) || noun.ends_with("ch") || noun.ends_with("sh") {
                return format!("{noun}es");
            }
            format!("{noun}s")
        }
    }
}

/// `n` and the noun in the number that agrees with it: `count(1, "item")` is `1 item`,
/// `count(3, "entry")` is `3 entries`.
pub fn count<N: Number>(n: N, noun: &str) -> String {
    format!("{n} {}", self::noun(n, noun))
}

/// A count of something: any integer type.
pub trait Number: Copy + std::fmt::Display + PartialEq + From<u8> {}
impl<N: Copy + std::fmt::Display + PartialEq + From<u8>> Number for N {}

/// The noun alone, in the number that agrees with `n` (for "3 of 4 items done").
pub fn noun<N: Number>(n: N, noun: &str) -> String {
    if n == N::from(1) {
        noun.to_string()
    } else {
        plural_of(noun)
    }
}

/// `a`, `a and b`, `a, b and c`.
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", rest.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_numbers() {
        assert_eq!(count(1, "item"), "1 item");
        assert_eq!(count(0, "item"), "0 items");
        assert_eq!(count(2, "entry"), "2 entries");
        assert_eq!(count(1, "child"), "1 child");
        assert_eq!(count(4, "child"), "4 children");
        assert_eq!(count(1, "pt"), "1 pt");
        assert_eq!(count(5, "pt"), "5 pts");
        assert_eq!(count(2, "day"), "2 days");
        assert_eq!(count(3, "match"), "3 matches");
        assert_eq!(count(2, "open risk"), "2 open risks");
        assert_eq!(count(2, "key"), "2 keys");
        assert_eq!(count(2, "story"), "2 stories");
        assert_eq!(count(3, "person"), "3 people");
        assert_eq!(count(1usize, "day"), "1 day");
        assert_eq!(count(2u32, "pt"), "2 pts");
        assert_eq!(noun(1, "item"), "item");
        assert_eq!(noun(3, "item"), "items");
    }
}
