//! The status report's pictures (issue 16, point 4): the Markdown report's Mermaid blocks follow
//! Mermaid's grammar with every name made safe, and the HTML page is one self-contained document,
//! read back with an HTML parser (scraper, on html5ever) and in a real headless browser
//! (`chromium --headless`, when it is installed; CI installs it and there it must run).

mod common;

use common::cli::{TODAY, cairn, sample};
use scraper::{Html, Selector};
use std::fs;
use std::path::Path;

fn export(dir: &Path, board: &Path, format: &str) -> String {
    let out = cairn(dir)
        .arg("--file")
        .arg(board)
        .args(["export", "--format", format])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "nothing on stderr");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Names that break a careless Mermaid, Markdown or HTML writer.
const HOSTILE: &str = "Phase: #1; 50% <script>alert(1)</script> & \"q\" [x], %% y";

fn hostile_board(board: &Path) {
    let mut b = cairn::store::read(board).expect("loads");
    b.timeline[0].name = HOSTILE.into();
    let active = b
        .sprints
        .iter_mut()
        .find(|s| s.state == cairn::model::SprintState::Active);
    active.expect("an active sprint").name = format!("{HOSTILE} </svg><img src=x>");
    fs::write(board, cairn::store::to_ron(&b).expect("serialises")).expect("writes");
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).expect("a selector"))
        .collect()
}

/// A Mermaid label without its entity codes (`#58;`): what is left must hold no syntax.
fn bare(label: &str) -> String {
    let mut out = String::new();
    let mut rest = label;
    while let Some(i) = rest.find('#') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with(';') {
            rest = &after[digits + 1..];
        } else {
            out.push('#');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The fenced Mermaid blocks of a Markdown text.
fn mermaid_blocks(md: &str) -> Vec<Vec<String>> {
    let mut blocks = Vec::new();
    let mut lines = md.lines();
    while let Some(l) = lines.next() {
        if l == "```mermaid" {
            blocks.push(
                lines
                    .by_ref()
                    .take_while(|l| *l != "```")
                    .map(String::from)
                    .collect(),
            );
        }
    }
    blocks
}

#[test]
fn the_markdown_report_embeds_a_gantt_and_a_burndown_in_mermaid_grammar() {
    let (dir, board) = sample();
    hostile_board(&board);
    let md = export(dir.path(), &board, "md");
    let blocks = mermaid_blocks(&md);
    assert_eq!(blocks.len(), 2, "a burndown and a timeline:\n{md}");
    let b = cairn::store::read(&board).expect("loads");

    // The burndown: xychart-beta after its front matter, the days and two lines of equal length.
    let burn = &blocks[0];
    let chart: Vec<&String> = burn.iter().skip_while(|l| *l != "xychart-beta").collect();
    assert_eq!(chart.len(), 6, "{burn:?}");
    let title = chart[1]
        .trim()
        .strip_prefix("title \"")
        .and_then(|t| t.strip_suffix('"'));
    let title = title.expect("a quoted title");
    assert!(
        !bare(title).contains(['"', ':', ';', '%', '<', '#']),
        "escaped: {title}"
    );
    assert!(
        title.contains("#58;") && title.contains("#34;"),
        "entity codes: {title}"
    );
    let list = |l: &str, head: &str| -> Vec<String> {
        let inner = l.trim().strip_prefix(head).expect(head);
        let inner = inner
            .trim()
            .strip_prefix('[')
            .and_then(|i| i.strip_suffix(']'));
        inner
            .expect("a [list]")
            .split(", ")
            .map(String::from)
            .collect()
    };
    let days = list(chart[2], "x-axis");
    let actual = list(chart[4], "line");
    let ideal = list(chart[5], "line");
    let sprint = b.active_sprint().expect("active");
    let today: jiff::civil::Date = TODAY.parse().unwrap();
    assert_eq!(
        days.len() as i32,
        (today - sprint.start).get_days() + 1,
        "start to today"
    );
    assert_eq!((actual.len(), ideal.len()), (days.len(), days.len()));
    assert_eq!(
        actual.last().map(String::as_str),
        Some(b.remaining_points(sprint.id).to_string().as_str())
    );
    assert!(chart[3].contains("0 -->"), "{}", chart[3]);

    // The gantt: every task line is `name :tags, id, date, Nd` with nothing Mermaid reads in the
    // name, one per timeline entry, and a diamond for today.
    let gantt = &blocks[1];
    assert_eq!(gantt[0], "gantt");
    assert!(gantt.contains(&"    dateFormat YYYY-MM-DD".to_string()));
    let tasks: Vec<&String> = gantt
        .iter()
        .filter(|l| l.starts_with("    ") && l.contains(" :"))
        .collect();
    assert_eq!(tasks.len(), b.timeline.len() + 1, "{gantt:#?}");
    for t in &tasks {
        let (name, meta) = t.trim().split_once(" :").expect("name :meta");
        let syntax = [':', ';', '#', '%', '"', '<', '>', '[', ']', ','];
        assert!(!bare(name).contains(syntax), "{t}");
        let parts: Vec<&str> = meta.split(", ").collect();
        let n = parts.len();
        assert!(
            parts[n - 2].parse::<jiff::civil::Date>().is_ok(),
            "a date: {t}"
        );
        assert!(
            parts[n - 1].ends_with('d')
                && parts[n - 1][..parts[n - 1].len() - 1]
                    .parse::<u32>()
                    .is_ok(),
            "a length: {t}"
        );
        for tag in &parts[..n - 3] {
            assert!(["done", "active", "crit", "milestone"].contains(tag), "{t}");
        }
    }
    assert!(
        tasks
            .iter()
            .any(|t| t.contains(":milestone, today, 2026-12-01, 0d"))
    );
    let first = &b.timeline[0];
    assert!(
        tasks
            .iter()
            .any(|t| t.contains(&format!("{}, {}d", first.start, first.duration_days()))),
        "the phase's start and its days, both ends counted"
    );
}

#[test]
fn the_html_report_is_one_self_contained_page_of_the_same_report() {
    let (dir, board) = sample();
    let md = export(dir.path(), &board, "md");
    let html = export(dir.path(), &board, "html");
    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "parses cleanly: {:?}", doc.errors);
    let title = select(&doc, "title")[0].text().collect::<String>();
    assert_eq!(title, "Checkout — status report 2026-12-01");
    // The same sections, in the same order.
    let md_heads: Vec<&str> = md.lines().filter_map(|l| l.strip_prefix("## ")).collect();
    let heads: Vec<String> = select(&doc, "h2")
        .iter()
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(heads, md_heads);
    // Two pictures, each an inline SVG, with their shapes.
    assert_eq!(select(&doc, "figure > svg").len(), 2);
    assert_eq!(
        select(&doc, "svg polyline").len(),
        2,
        "the burndown's two lines"
    );
    let b = cairn::store::read(&board).expect("loads");
    let bars = b.timeline.iter().filter(|e| !e.kind.is_point()).count();
    let diamonds = b.timeline.len() - bars;
    assert_eq!(select(&doc, "svg rect[rx]").len(), bars, "a bar per phase");
    assert_eq!(
        select(&doc, "svg polygon").len(),
        diamonds,
        "a diamond per milestone"
    );
    // Nothing runs and nothing is fetched.
    for css in [
        "script", "link", "img", "iframe", "object", "embed", "[src]", "[href]", "[onload]",
    ] {
        assert!(select(&doc, css).is_empty(), "no {css}");
    }
    let style: String = select(&doc, "style")
        .iter()
        .flat_map(|s| s.text())
        .collect();
    assert!(
        !style.contains("url(") && !style.contains("@import"),
        "{style}"
    );
    // Tables: every row as wide as its header, the milestones' names in them.
    for t in select(&doc, "table") {
        let head = t.select(&Selector::parse("th").unwrap()).count();
        for row in t.select(&Selector::parse("tbody tr").unwrap()) {
            assert_eq!(row.select(&Selector::parse("td").unwrap()).count(), head);
        }
    }
    let cells: Vec<String> = select(&doc, "td")
        .iter()
        .map(|c| c.text().collect())
        .collect();
    for e in &b.timeline {
        assert!(
            cells.iter().any(|c| c.contains(&e.name)),
            "{} in a table",
            e.name
        );
    }
    // The bold of the Markdown is bold here, never asterisks.
    assert!(!html.contains("**"));
}

#[test]
fn hostile_names_are_text_in_the_page_never_markup() {
    let (dir, board) = sample();
    hostile_board(&board);
    let html = export(dir.path(), &board, "html");
    let doc = Html::parse_document(&html);
    for css in ["script", "img", "[src]"] {
        assert!(select(&doc, css).is_empty(), "no {css} from a name");
    }
    assert_eq!(
        select(&doc, "figure > svg").len(),
        2,
        "the SVG is not closed early"
    );
    let svg_text: String = select(&doc, "svg title")
        .iter()
        .flat_map(|t| t.text())
        .collect();
    assert!(
        svg_text.contains(HOSTILE),
        "the name as it is, in the chart: {svg_text}"
    );
    let cells: String = select(&doc, "td").iter().flat_map(|t| t.text()).collect();
    assert!(
        cells.contains(HOSTILE),
        "the name as it is, in the budget table"
    );
}

/// Chromium, when installed (and always in CI, which installs it).
fn chromium() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser"].into_iter().find(|c| {
        std::process::Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI installs chromium (.ci/run)"
        );
        eprintln!("chromium not installed: the headless browser check is skipped");
    }
    found
}

fn headless(browser: &str, dir: &Path, args: &[&str], page: &Path) -> std::process::Output {
    std::process::Command::new(browser)
        .env("HOME", dir)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.join("chromium").display()
        ))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs")
}

#[test]
fn a_real_browser_draws_the_page_with_its_charts() {
    let Some(browser) = chromium() else { return };
    let (dir, board) = sample();
    let page = dir.path().join("report.html");
    cairn(dir.path())
        .arg("--file")
        .arg(&board)
        .args(["export", "--format", "html", "-o"])
        .arg(&page)
        .assert()
        .success();
    // The DOM the browser built: both charts are SVG elements with their lines.
    let out = headless(browser, dir.path(), &["--dump-dom"], &page);
    let dom = Html::parse_document(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(
        select(&dom, "svg").len(),
        2,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(select(&dom, "svg polyline").len(), 2);
    assert!(
        select(&dom, "h1")
            .iter()
            .any(|h| h.text().any(|t| t.contains("status report")))
    );
    // And a picture of it.
    let shot = dir.path().join("report.png");
    let out = headless(
        browser,
        dir.path(),
        &[
            "--hide-scrollbars",
            "--window-size=1000,1600",
            &format!("--screenshot={}", shot.display()),
        ],
        &page,
    );
    let png = fs::read(&shot).unwrap_or_else(|e| {
        panic!(
            "no screenshot ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let (w, h) = (
        u32::from_be_bytes(png[16..20].try_into().unwrap()),
        u32::from_be_bytes(png[20..24].try_into().unwrap()),
    );
    assert_eq!((w, h), (1000, 1600));
    assert!(
        png.len() > 40_000,
        "a page with text and charts, not a blank one: {} bytes",
        png.len()
    );
    if let Some(keep) = std::env::var_os("CAIRN_KEEP_SCREENSHOT") {
        fs::copy(&shot, keep).expect("keeps the screenshot");
    }
}
