//! A note written in `$EDITOR`, and the text it starts from.

use super::NoteKind;
use jiff::civil::Date;

/// A note written in `$EDITOR`: optional `kind:` and `date:` lines at the top, lines starting with
/// `#` left out, the rest is the text. What could not be read is said in `problems`; the text is
/// always kept, so nothing typed is lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditedNote {
    pub kind: Option<NoteKind>,
    pub date: Option<Date>,
    pub text: String,
    pub problems: Vec<String>,
}

/// The text `$EDITOR` opens for a note; `parse_edited_note` reads it back.
pub fn note_template(name: &str, kind: NoteKind, date: Date, text: &str) -> String {
    let what = if text.is_empty() {
        "A new note"
    } else {
        "A note"
    };
    format!(
        "kind: {}\ndate: {date}\n\n{text}{}\n# {what} about {name}, below the kind and date lines (kind is meeting, decision,\n\
         # request or risk; a meeting counts as an update). Lines starting with # are left out;\n\
         # an empty note is not saved.\n",
        kind.name(),
        if text.is_empty() { "" } else { "\n" },
    )
}

pub fn parse_edited_note(raw: &str) -> EditedNote {
    let mut out = EditedNote {
        kind: None,
        date: None,
        text: String::new(),
        problems: Vec::new(),
    };
    let mut body: Vec<&str> = Vec::new();
    let mut header = true;
    for line in raw.lines() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        if header {
            let lower = line.trim().to_ascii_lowercase();
            if let Some(v) = lower.strip_prefix("kind:") {
                match NoteKind::parse(v) {
                    Some(k) => out.kind = Some(k),
                    None => out.problems.push(format!(
                        "kind \"{}\" is not meeting, decision, request or risk",
                        v.trim()
                    )),
                }
                continue;
            }
            if let Some(v) = lower.strip_prefix("date:") {
                match v.trim().parse::<Date>() {
                    Ok(d) => out.date = Some(d),
                    Err(_) => out
                        .problems
                        .push(format!("date \"{}\" is not YYYY-MM-DD", v.trim())),
                }
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            header = false;
        }
        body.push(line.trim_end());
    }
    while body.last().is_some_and(|l| l.is_empty()) {
        body.pop();
    }
    out.text = body.join("\n");
    out
}
