//! Tables whose columns are sized by what they hold: a figure column is as wide as its widest
//! figure or its header, a text column takes the room left, and every cell is cut to its column
//! with `…` (never by the table's own clipping), by display width.

use super::widgets::{fit, width};
use ratatui::layout::Constraint;
use ratatui::style::Style;
use ratatui::widgets::{Cell, Row, Table};

/// How a column takes its width.
#[derive(Clone, Copy, Debug)]
pub enum Col {
    /// As wide as its widest cell or header.
    Fit,
    /// As wide as its widest cell or header, at most this many columns.
    Max(u16),
    /// A share of what the other columns leave.
    Fill(u16),
}

/// The columns' widths in `total` columns with one column between each: figures first, then the
/// text columns share what is left by weight, none wider than its widest cell (what one does not
/// need goes to the others). Too narrow for the figures: the columns on the right give way.
pub fn widths(cols: &[Col], heads: &[&str], rows: &[(Vec<String>, Style)], total: u16) -> Vec<u16> {
    let widest = |i: usize| {
        rows.iter()
            .filter_map(|(cells, _)| cells.get(i))
            .map(|c| width(c))
            .chain([heads.get(i).map_or(0, |h| width(h))])
            .max()
            .unwrap_or(0) as u16
    };
    let mut out: Vec<u16> = cols
        .iter()
        .enumerate()
        .map(|(i, c)| match c {
            Col::Fit => widest(i),
            Col::Max(n) => widest(i).min(*n),
            Col::Fill(_) => 0,
        })
        .collect();
    let gaps = cols.len().saturating_sub(1) as u16;
    let mut left = total.saturating_sub(gaps);
    for w in out.iter_mut() {
        *w = (*w).min(left);
        left -= *w;
    }
    // Water-filling: a text column that needs less than its share takes only what it needs.
    let mut open: Vec<usize> = (0..cols.len())
        .filter(|&i| matches!(cols[i], Col::Fill(_)))
        .collect();
    let weight = |i: usize| match cols[i] {
        Col::Fill(w) => u32::from(w.max(1)),
        _ => 1,
    };
    loop {
        let sum: u32 = open.iter().map(|&i| weight(i)).sum();
        if sum == 0 {
            break;
        }
        let share = |i: usize| (u32::from(left) * weight(i) / sum) as u16;
        let small: Vec<usize> = open
            .iter()
            .copied()
            .filter(|&i| widest(i) <= share(i))
            .collect();
        if small.is_empty() {
            let shares: Vec<(usize, u16)> = open.iter().map(|&i| (i, share(i))).collect();
            for (i, w) in shares {
                out[i] = w;
            }
            break;
        }
        for i in small {
            out[i] = widest(i);
            left -= out[i];
            open.retain(|&o| o != i);
        }
    }
    out
}

/// The table of `rows` (cells and style) under `heads`, every cell cut to its column.
pub fn table(
    cols: &[Col],
    heads: &[&str],
    rows: Vec<(Vec<String>, Style)>,
    total: u16,
    head_style: Style,
) -> Table<'static> {
    let w = widths(cols, heads, &rows, total);
    let cut = |i: usize, s: &str| fit(s, usize::from(w.get(i).copied().unwrap_or(0)));
    let head = Row::new(
        heads
            .iter()
            .enumerate()
            .map(|(i, h)| Cell::from(cut(i, h)))
            .collect::<Vec<_>>(),
    )
    .style(head_style);
    let body: Vec<Row> = rows
        .into_iter()
        .map(|(cells, style)| {
            Row::new(
                cells
                    .iter()
                    .enumerate()
                    .map(|(i, c)| Cell::from(cut(i, c)))
                    .collect::<Vec<_>>(),
            )
            .style(style)
        })
        .collect();
    let constraints: Vec<Constraint> = w.into_iter().map(Constraint::Length).collect();
    Table::new(body, constraints).header(head).column_spacing(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_fit_and_text_takes_the_rest() {
        let rows = vec![
            (
                vec!["A long phase name".to_string(), "383k".to_string()],
                Style::default(),
            ),
            (vec!["B".to_string(), "1.2M".to_string()], Style::default()),
        ];
        let w = widths(&[Col::Fill(1), Col::Fit], &["Phase", "Planned"], &rows, 20);
        assert_eq!(w, vec![12, 7], "Planned is as wide as its header");
        let w = widths(&[Col::Max(3), Col::Fill(1)], &["Owner", "x"], &rows, 20);
        assert_eq!(w, vec![3, 4], "the text column needs only 4");
        let w = widths(&[Col::Fill(1), Col::Fill(1)], &["", ""], &rows, 41);
        assert_eq!(w, vec![17, 4], "room one does not need goes to the other");
        let w = widths(&[Col::Fit, Col::Fit], &["Phase", "Planned"], &rows, 10);
        assert_eq!(w, vec![9, 0], "too narrow: the right gives way");
    }
}
