//! The status report as one self-contained HTML page (`cairn export --format html`): the same
//! blocks as the Markdown report, each turned into HTML, and the charts as inline SVG. No script,
//! nothing fetched, the few styles inline in the page, tables with borders even where a mail
//! client drops the styles.

use super::Block;

/// Text for HTML: `&`, `<`, `>`, `"` and `'` as entities; control characters as spaces.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:Helvetica,Arial,sans-serif;color:#1f2933;max-width:980px;\
margin:24px auto;padding:0 16px;line-height:1.45}h1{font-size:24px}h2{font-size:18px;\
margin-top:28px;border-bottom:1px solid #dde3ea}table{border-collapse:collapse;margin:8px 0}\
th,td{border:1px solid #c9d2dc;padding:4px 8px;vertical-align:top;font-size:14px}\
th{background:#f0f4f8}td.num,th.num{text-align:right}figure{margin:12px 0}\
figcaption{color:#52606d;font-size:13px}svg{max-width:100%;height:auto}";

/// The page: a title from the report's first heading, then every block.
pub(super) fn page(title: &str, blocks: &[Block]) -> String {
    let mut body = String::new();
    for b in blocks {
        match b {
            Block::Text(text) => body.push_str(&text_block(text)),
            Block::Gantt(g) => body.push_str(&format!(
                "<figure>{}<figcaption>Timeline: phases as bars, milestones and releases as \
                 diamonds (red: the 85% forecast is after the date), the dashed line is {}.{}\
                 </figcaption></figure>\n",
                super::svg::gantt(g),
                g.today,
                if g.left_out > 0 {
                    format!(" {} earlier entries not drawn.", g.left_out)
                } else {
                    String::new()
                }
            )),
            Block::Burndown(bd) => body.push_str(&format!(
                "<figure>{}<figcaption>Points remaining at the end of each day up to today, \
                 against the ideal line to zero on the sprint's last day.</figcaption></figure>\n",
                super::svg::burndown(bd)
            )),
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(title)
    )
}

/// One block of the Markdown report in HTML: headings, paragraphs (a line break kept as `<br>`),
/// bullet lists and tables, in the order their lines come.
fn text_block(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some(h) = line.strip_prefix("## ") {
            out.push_str(&format!("<h2>{}</h2>\n", inline(h)));
            i += 1;
        } else if let Some(h) = line.strip_prefix("# ") {
            out.push_str(&format!("<h1>{}</h1>\n", inline(h)));
            i += 1;
        } else if line.starts_with("- ") {
            out.push_str("<ul>\n");
            while i < lines.len() && lines[i].starts_with("- ") {
                out.push_str(&format!("<li>{}</li>\n", inline(&lines[i][2..])));
                i += 1;
            }
            out.push_str("</ul>\n");
        } else if line.starts_with('|') {
            let start = i;
            while i < lines.len() && lines[i].starts_with('|') {
                i += 1;
            }
            out.push_str(&table(&lines[start..i]));
        } else {
            let start = i;
            while i < lines.len()
                && !lines[i].starts_with("- ")
                && !lines[i].starts_with('|')
                && !lines[i].starts_with('#')
            {
                i += 1;
            }
            let para: Vec<String> = lines[start..i].iter().map(|l| inline(l)).collect();
            out.push_str(&format!("<p>{}</p>\n", para.join("<br>\n")));
        }
    }
    out
}

/// The cells of a table row: split at `|` that are not escaped (`\|` is a `|` in a cell).
fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cell.push('\\');
                if let Some(n) = chars.next() {
                    cell.push(n);
                }
            }
            '|' => out.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    out.push(cell);
    out.into_iter().map(|c| c.trim().to_string()).collect()
}

/// A GitHub-flavoured table (header, alignment row, rows) as an HTML table.
fn table(lines: &[&str]) -> String {
    let Some((head, rest)) = lines.split_first() else {
        return String::new();
    };
    let (aligns, rows) = match rest.split_first() {
        Some((a, rows)) if a.contains("---") => (cells(a), rows),
        _ => (Vec::new(), rest),
    };
    let right: Vec<bool> = aligns.iter().map(|a| a.ends_with(':')).collect();
    let class = |i: usize| {
        if right.get(i).copied().unwrap_or(false) {
            " class=\"num\""
        } else {
            ""
        }
    };
    let mut out =
        String::from("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n<thead><tr>");
    for (i, c) in cells(head).iter().enumerate() {
        out.push_str(&format!("<th{}>{}</th>", class(i), inline(c)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in rows {
        out.push_str("<tr>");
        for (i, c) in cells(r).iter().enumerate() {
            out.push_str(&format!("<td{}>{}</td>", class(i), inline(c)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
    out
}

/// One line of the report's Markdown as HTML: its backslash escapes undone, `**…**` as bold,
/// everything else escaped (a title holding `<script>` is shown, never run).
fn inline(text: &str) -> String {
    let mut out = String::new();
    let mut strong = false;
    let mut chars = text.chars().peekable();
    let mut plain = String::new();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_some() => plain.extend(chars.next()),
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                out.push_str(&escape(&std::mem::take(&mut plain)));
                out.push_str(if strong { "</strong>" } else { "<strong>" });
                strong = !strong;
            }
            c => plain.push(c),
        }
    }
    out.push_str(&escape(&plain));
    if strong {
        out.push_str("</strong>");
    }
    out
}
