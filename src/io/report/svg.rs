//! The report's charts drawn as inline SVG for the HTML page: plain shapes and text, sized in
//! pixels, nothing fetched and no script, so a mail client or a browser offline shows them.

use super::charts::{BarState, Burndown, Gantt};
use super::html::escape;
use jiff::civil::Date;
use std::fmt::Write;

const WIDTH: f64 = 760.0;
const LABEL: f64 = 230.0;
const ROW: f64 = 24.0;
const TOP: f64 = 34.0;
const FONT: &str = "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\"";

fn color(state: BarState) -> &'static str {
    match state {
        BarState::Done => "#9aa5b1",
        BarState::Active => "#2f6fde",
        BarState::Ahead => "#7fa8ef",
        BarState::AtRisk => "#d64545",
    }
}

/// A name cut to fit the label column (with `…`).
fn fit(name: &str, chars: usize) -> String {
    let one_line = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= chars {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(chars.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// The timeline: a row per entry, bars for phases, diamonds for milestones and releases, month
/// lines, and a red line at today.
pub(super) fn gantt(g: &Gantt) -> String {
    let (first, last) = g.span();
    let days = f64::from((last - first).get_days() + 1).max(1.0);
    let plot = WIDTH - LABEL - 20.0;
    let x = |d: Date| LABEL + plot * f64::from((d - first).get_days()) / days;
    let height = TOP + ROW * g.bars.len() as f64 + 28.0;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" \
         viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"Timeline\" {FONT}>"
    );
    let _ = write!(
        s,
        "<rect width=\"{WIDTH}\" height=\"{height}\" fill=\"#ffffff\"/>"
    );
    // Month lines and their names.
    let mut month = first.first_of_month();
    while month <= last {
        // A month's name where it fits before the right edge.
        if month >= first && x(month) + 56.0 <= WIDTH {
            let mx = x(month);
            let _ = write!(
                s,
                "<line x1=\"{mx:.1}\" y1=\"{:.1}\" x2=\"{mx:.1}\" y2=\"{:.1}\" stroke=\"#dde3ea\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\" fill=\"#52606d\">{}</text>",
                TOP - 6.0,
                height - 22.0,
                mx + 3.0,
                TOP - 12.0,
                month.strftime("%b %Y")
            );
        }
        let Ok(next) = month.checked_add(jiff::Span::new().months(1)) else {
            break;
        };
        month = next;
    }
    for (i, b) in g.bars.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let mid = y + ROW / 2.0;
        let _ = write!(
            s,
            "<text x=\"6\" y=\"{:.1}\" fill=\"#1f2933\">{}</text>",
            mid + 4.0,
            escape(&fit(&b.name, 32))
        );
        let fill = color(b.state);
        if b.kind.is_point() {
            let cx = x(b.start) + plot / days / 2.0;
            let r = 7.0;
            let _ = write!(
                s,
                "<polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{fill}\"><title>{} {}</title></polygon>",
                cx,
                mid - r,
                cx + r,
                mid,
                cx,
                mid + r,
                cx - r,
                mid,
                escape(&b.name),
                b.start
            );
        } else {
            let x0 = x(b.start);
            let x1 = x(b.end) + plot / days;
            let _ = write!(
                s,
                "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"3\" fill=\"{fill}\"><title>{} {} to {}</title></rect>",
                y + 5.0,
                (x1 - x0).max(2.0),
                ROW - 10.0,
                escape(&b.name),
                b.start,
                b.end
            );
        }
    }
    let tx = x(g.today) + plot / days / 2.0;
    let _ = write!(
        s,
        "<line x1=\"{tx:.1}\" y1=\"{:.1}\" x2=\"{tx:.1}\" y2=\"{:.1}\" stroke=\"#d64545\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>\
         <text x=\"{tx:.1}\" y=\"{:.1}\" fill=\"#d64545\" text-anchor=\"middle\">today {}</text>",
        TOP - 4.0,
        height - 20.0,
        height - 6.0,
        g.today
    );
    s.push_str("</svg>");
    s
}

/// The burndown: points remaining each day (a blue line with dots) against the ideal (dashed).
pub(super) fn burndown(b: &Burndown) -> String {
    let (w, h) = (WIDTH, 280.0);
    let (left, right, top, bottom) = (48.0, 20.0, 36.0, 40.0);
    let plot_w = w - left - right;
    let plot_h = h - top - bottom;
    let top_value = f64::from(b.top());
    let slots = b.length.max(1) as f64;
    let x = |i: usize| left + plot_w * (i as f64 + 1.0) / slots;
    let y = |v: f64| top + plot_h * (1.0 - v / top_value);
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         role=\"img\" aria-label=\"Burndown of {}\" {FONT}>",
        escape(&b.sprint)
    );
    let _ = write!(s, "<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>");
    let _ = write!(
        s,
        "<text x=\"{left}\" y=\"20\" fill=\"#1f2933\" font-weight=\"bold\">Burndown of {}</text>",
        escape(&b.sprint)
    );
    // The y-axis: five steps from 0 to the top.
    for step in 0..=4 {
        let v = top_value * f64::from(step) / 4.0;
        let yy = y(v);
        let _ = write!(
            s,
            "<line x1=\"{left}\" y1=\"{yy:.1}\" x2=\"{:.1}\" y2=\"{yy:.1}\" stroke=\"#dde3ea\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" fill=\"#52606d\" text-anchor=\"end\">{v:.0}</text>",
            w - right,
            left - 6.0,
            yy + 4.0
        );
    }
    // The day before the first: the commitment, where both lines start.
    let start = (left, y(f64::from(b.committed)));
    let every = (b.days.len() / 10).max(1);
    for (i, d) in b.days.iter().enumerate() {
        if i % every == 0 || i + 1 == b.days.len() {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"#52606d\" text-anchor=\"middle\">{}</text>",
                x(i),
                h - bottom + 16.0,
                d.strftime("%b %-d")
            );
        }
    }
    let ideal: Vec<String> = std::iter::once(start)
        .chain(b.ideal.iter().enumerate().map(|(i, v)| (x(i), y(*v))))
        .map(|(px, py)| format!("{px:.1},{py:.1}"))
        .collect();
    let actual: Vec<(f64, f64)> = std::iter::once(start)
        .chain(
            b.actual
                .iter()
                .enumerate()
                .map(|(i, v)| (x(i), y(f64::from(*v)))),
        )
        .collect();
    let _ = write!(
        s,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"#9aa5b1\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>",
        ideal.join(" ")
    );
    let _ = write!(
        s,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"#2f6fde\" stroke-width=\"2.5\"/>",
        actual
            .iter()
            .map(|(px, py)| format!("{px:.1},{py:.1}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    for ((px, py), v) in actual.iter().skip(1).zip(&b.actual) {
        let _ = write!(
            s,
            "<circle cx=\"{px:.1}\" cy=\"{py:.1}\" r=\"3\" fill=\"#2f6fde\"><title>{v} points</title></circle>"
        );
    }
    let ly = h - 10.0;
    let _ = write!(
        s,
        "<line x1=\"{left}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#2f6fde\" stroke-width=\"2.5\"/>\
         <text x=\"{:.1}\" y=\"{ly:.1}\" fill=\"#1f2933\">points remaining</text>\
         <line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#9aa5b1\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\
         <text x=\"{:.1}\" y=\"{ly:.1}\" fill=\"#1f2933\">ideal</text>",
        ly - 4.0,
        left + 24.0,
        ly - 4.0,
        left + 30.0,
        left + 160.0,
        ly - 4.0,
        left + 184.0,
        ly - 4.0,
        left + 190.0
    );
    s.push_str("</svg>");
    s
}
