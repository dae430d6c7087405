//! The report's charts as Mermaid (`gantt` and `xychart-beta`), which GitHub, GitLab, Obsidian and
//! most wikis draw from a fenced block. Names from the board are made safe: Mermaid reads `:` `;`
//! `#` in a task line and `%%` as a comment, `"` ends a quoted title, and `<` `>` `&` could be taken
//! for markup; each of those is written as Mermaid's entity code (`#58;` for `:`), which it shows
//! as the character. Ids are cairn's own (`e1`, `e2`, …), never a name.

use super::charts::{BarState, Burndown, Gantt};

/// A name for a Mermaid label: one line, trimmed, with every character Mermaid would read as
/// syntax written as its entity code (`#58;`).
pub(super) fn label(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(one_line.len());
    for c in one_line.chars() {
        match c {
            ':' | ';' | '#' | '%' | '"' | '<' | '>' | '&' | '`' | '\\' | '[' | ']' | ',' => {
                out.push_str(&format!("#{};", u32::from(c)));
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    if out.is_empty() {
        "(untitled)".to_string()
    } else {
        out
    }
}

/// ```mermaid gantt: phases as bars, milestones and releases as diamonds, a diamond for today.
pub(super) fn gantt(g: &Gantt) -> String {
    let mut lines = vec![
        "```mermaid".to_string(),
        "gantt".to_string(),
        "    title Timeline".to_string(),
        "    dateFormat YYYY-MM-DD".to_string(),
        "    axisFormat %b %d".to_string(),
        // Mermaid's own marker is the reader's today; the report's is the day it was written.
        "    todayMarker off".to_string(),
    ];
    let sections = [("Phases", false), ("Milestones and releases", true)];
    for (title, points) in sections {
        let bars: Vec<(usize, &super::charts::Bar)> = g
            .bars
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind.is_point() == points)
            .collect();
        if bars.is_empty() {
            continue;
        }
        lines.push(format!("    section {title}"));
        for (i, b) in bars {
            let mut meta: Vec<String> = match b.state {
                BarState::Done => vec!["done".into()],
                BarState::Active => vec!["active".into()],
                BarState::AtRisk => vec!["crit".into()],
                BarState::Ahead => vec![],
            };
            if points {
                meta.push("milestone".into());
            }
            let length = if points {
                0
            } else {
                (b.end - b.start).get_days() + 1
            };
            meta.push(format!("e{}", i + 1));
            meta.push(b.start.to_string());
            meta.push(format!("{length}d"));
            lines.push(format!("    {} :{}", label(&b.name), meta.join(", ")));
        }
    }
    lines.push("    section Today".to_string());
    lines.push(format!(
        "    Today {} :milestone, today, {}, 0d",
        g.today, g.today
    ));
    lines.push("```".to_string());
    lines.join("\n")
}

/// A Mermaid `xychart-beta`: points remaining each day (the first line) against the ideal (the
/// second), days on the x-axis.
pub(super) fn burndown(b: &Burndown) -> String {
    let days: Vec<String> = b
        .days
        .iter()
        .map(|d| format!("\"{}\"", d.strftime("%b %-d")))
        .collect();
    let actual: Vec<String> = b.actual.iter().map(u32::to_string).collect();
    let ideal: Vec<String> = b.ideal.iter().map(|v| format!("{v:.1}")).collect();
    [
        "```mermaid".to_string(),
        // The first line (what remains) drawn strong, the ideal pale (the default palette draws
        // the first line nearly white).
        "---".to_string(),
        "config:".to_string(),
        "  themeVariables:".to_string(),
        "    xyChart:".to_string(),
        "      plotColorPalette: \"#2f6fde, #9aa5b1\"".to_string(),
        "---".to_string(),
        "xychart-beta".to_string(),
        format!("    title \"Burndown of {}\"", label(&b.sprint)),
        format!("    x-axis [{}]", days.join(", ")),
        format!("    y-axis \"Points remaining\" 0 --> {}", b.top()),
        format!("    line [{}]", actual.join(", ")),
        format!("    line [{}]", ideal.join(", ")),
        "```".to_string(),
    ]
    .join("\n")
}
