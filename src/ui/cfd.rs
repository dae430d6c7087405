//! The cumulative flow diagram: for each day, a bar of the items in each workflow column stacked
//! bottom (done) to top (first column), each column in its own shade so it reads without colour.

use super::{Theme, widgets};
use crate::app::App;
use crate::app::panes::sprint::flow::{BOARD_WEEKS, CfdView};
use crate::model::Sprint;
use crate::model::flow::CfdDay;
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The shades, from the done column down to the first: done is the darkest.
const SHADES: [&str; 5] = ["█", "▓", "▒", "░", "·"];

fn shade(column: usize, columns: usize) -> &'static str {
    let from_done = columns.saturating_sub(1 + column);
    SHADES[from_done.min(SHADES.len() - 1)]
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    sprint: &Sprint,
    (from, days): (Date, Vec<CfdDay>),
    theme: &Theme,
) {
    let b = &app.doc.board;
    let k = |a: crate::app::Action| app.keymap.hint(&a);
    let what = match app.sprint.cfd {
        CfdView::Board => format!("the board, last {BOARD_WEEKS} weeks"),
        _ => sprint.name.clone(),
    };
    let title = format!(
        " Cumulative flow — {what} · {} next · {} board ",
        k(crate::app::Action::CumulativeFlow),
        k(crate::app::Action::Burndown)
    );
    let block = widgets::block(title, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [text, legend, chart, axis] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let columns = b.columns.len();
    let last = days.last();
    // Today's figures in words: how many items in each column.
    let now: Vec<String> = b
        .columns
        .iter()
        .enumerate()
        .map(|(c, col)| format!("{} {}", col.name, last.map_or(0, |d| d.counts[c])))
        .collect();
    let sentence = format!(
        "Items per column at the end of each day; now: {}",
        now.join(" · ")
    );
    frame.render_widget(
        Paragraph::new(Line::styled(
            widgets::fit(&sentence, usize::from(text.width)),
            theme.text,
        )),
        text,
    );
    let keys: Vec<Span> = b
        .columns
        .iter()
        .enumerate()
        .rev()
        .flat_map(|(c, col)| {
            [
                Span::styled(shade(c, columns).repeat(2), style(c, columns, theme)),
                Span::raw(format!(" {}  ", col.name)),
            ]
        })
        .collect();
    frame.render_widget(Paragraph::new(Line::from(keys)), legend);

    let top = days
        .iter()
        .map(|d| d.counts.iter().sum::<u32>())
        .max()
        .unwrap_or(0)
        .max(1);
    let label_w = top.to_string().len() as u16 + 1;
    let [labels, bars] =
        Layout::horizontal([Constraint::Length(label_w), Constraint::Fill(1)]).areas(chart);
    let h = u32::from(bars.height.max(1));
    frame.render_widget(
        Paragraph::new(
            (0..bars.height)
                .map(|r| match r {
                    0 => Line::styled(top.to_string(), theme.dim),
                    r if r + 1 == bars.height => Line::styled("0", theme.dim),
                    _ => Line::raw(""),
                })
                .collect::<Vec<_>>(),
        ),
        labels,
    );
    // One cell a day (the latest days when there are more days than cells), wider when there is
    // room; each bar's rows split between the columns by their share, done at the bottom.
    let width = usize::from(bars.width.max(1));
    let skip = days.len().saturating_sub(width);
    let shown = &days[skip..];
    let per = (width / shown.len().max(1)).clamp(1, 4);
    let buf = frame.buffer_mut();
    for (n, d) in shown.iter().enumerate() {
        let mut row = 0u32;
        let mut counted = 0u32;
        for c in (0..columns).rev() {
            counted += d.counts[c];
            let up_to = (counted * h).div_ceil(top).min(h);
            while row < up_to {
                for x in 0..per.saturating_sub(usize::from(per > 1)) {
                    let cx = bars.x + (n * per + x) as u16;
                    let cy = bars.y + bars.height - 1 - row as u16;
                    if cx < bars.x + bars.width
                        && let Some(cell) = buf.cell_mut((cx, cy))
                    {
                        cell.set_symbol(shade(c, columns))
                            .set_style(style(c, columns, theme));
                    }
                }
                row += 1;
            }
        }
    }
    let start = from.max(shown.first().map_or(from, |d| d.day));
    let end = shown.last().map_or(start, |d| d.day);
    let left = widgets::short_date(start);
    let right = widgets::short_date(end);
    // The last day's date under the last bar.
    let bars_end = usize::from(label_w) + shown.len() * per;
    let gap = bars_end.saturating_sub(usize::from(label_w) + left.len() + right.len());
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(
                "{}{left}{}{right}",
                " ".repeat(usize::from(label_w)),
                " ".repeat(gap)
            ),
            theme.dim,
        )),
        axis,
    );
}

fn style(column: usize, columns: usize, theme: &Theme) -> Style {
    match columns.saturating_sub(1 + column) {
        0 => theme.ok,
        1 => theme.accent,
        2 => theme.warn,
        _ => theme.dim,
    }
}
