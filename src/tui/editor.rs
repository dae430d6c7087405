//! `$VISUAL`/`$EDITOR` (or vi): a temp file named for what it holds, or a file the user keeps.

use std::path::Path;

fn editor() -> String {
    std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .unwrap_or_else(|_| "vi".into())
}

/// Runs the editor on `path`, through the shell so EDITOR may carry arguments ("code --wait").
fn run(path: &Path) -> Result<(), String> {
    let editor = editor();
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(path)
        .status()
        .map_err(|e| format!("cannot start {editor}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{editor} exited with {status}; nothing changed"))
    }
}

/// A file name part from what the file holds: `note-Sofia Marin` gives `note-sofia-marin`.
fn slug(what: &str) -> String {
    let mut out = String::new();
    for c in what.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').chars().take(40).collect()
}

/// Edits `text` in a temp file named for `what` (`cairn-note-sofia-marin-XXXX.md`), ending with a
/// newline as editors expect; returns what was saved in it.
pub fn edit(text: &str, what: &str) -> Result<String, String> {
    let file = tempfile::Builder::new()
        .prefix(&format!("cairn-{}-", slug(what)))
        .suffix(".md")
        .tempfile()
        .map_err(|e| format!("cannot make a temp file for the editor: {e}"))?;
    let mut text = text.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    std::fs::write(file.path(), text)
        .map_err(|e| format!("cannot write {}: {e}", file.path().display()))?;
    run(file.path())?;
    std::fs::read_to_string(file.path())
        .map_err(|e| format!("cannot read {}: {e}", file.path().display()))
}

/// Opens a file the user keeps (the status report).
pub fn open(path: &Path) -> Result<(), String> {
    run(path)
}

#[cfg(test)]
mod tests {
    #[test]
    fn temp_files_are_named_for_what_they_hold() {
        assert_eq!(super::slug("note-Sofia Marin"), "note-sofia-marin");
        assert_eq!(super::slug("description-CRN-12"), "description-crn-12");
        assert_eq!(super::slug("note-../../etc"), "note-etc");
    }
}
