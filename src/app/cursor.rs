//! The one list cursor every list uses: a step down or up, a page, the top or the bottom, clamped to
//! the list; and where the selection lands when its row goes away.

/// The row `by` rows from `row` in a list of `len` rows (`i64::MIN / 2` for the top, `i64::MAX / 2`
/// for the bottom); `None` for an empty list.
pub fn step(row: usize, len: usize, by: i64) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let to = (row as i64).saturating_add(by).clamp(0, len as i64 - 1);
    Some(to as usize)
}

/// The row a list motion leads to, with `page` rows a page.
pub fn motion(action: &super::Action, row: usize, len: usize, page: usize) -> Option<usize> {
    use super::Action::*;
    let page = page.max(1) as i64;
    let by = match action {
        Down => 1,
        Up => -1,
        Top => i64::MIN / 2,
        Bottom => i64::MAX / 2,
        PageDown => page,
        PageUp => -page,
        Scroll(n) => i64::from(*n),
        _ => return None,
    };
    step(row, len, by)
}

/// The row to select after the row `row` was removed from a list now `len` long: the one that took
/// its place, or the new last row.
pub fn after_removal(row: usize, len: usize) -> Option<usize> {
    (len > 0).then(|| row.min(len - 1))
}

/// The first row on screen for a list of `len` rows with `rows` on screen: the last frame's `offset`,
/// moved as little as possible to keep `selected` in view.
pub fn window(offset: usize, selected: Option<usize>, len: usize, rows: usize) -> usize {
    let mut offset = offset.min(len.saturating_sub(rows.max(1)));
    if let Some(sel) = selected {
        if sel < offset {
            offset = sel;
        } else if rows > 0 && sel >= offset + rows {
            offset = sel + 1 - rows;
        }
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;

    #[test]
    fn steps_clamp_to_the_list() {
        assert_eq!(step(0, 0, 1), None);
        assert_eq!(step(0, 5, -1), Some(0));
        assert_eq!(step(3, 5, 10), Some(4));
        assert_eq!(step(2, 5, i64::MIN / 2), Some(0));
        assert_eq!(step(2, 5, i64::MAX / 2), Some(4));
        assert_eq!(motion(&Action::PageDown, 0, 100, 20), Some(20));
        assert_eq!(motion(&Action::PageUp, 10, 100, 20), Some(0));
        assert_eq!(motion(&Action::Scroll(-3), 10, 100, 20), Some(7));
        assert_eq!(motion(&Action::Quit, 10, 100, 20), None);
        assert_eq!(after_removal(4, 4), Some(3));
        assert_eq!(after_removal(1, 4), Some(1));
        assert_eq!(after_removal(0, 0), None);
        assert_eq!(window(0, Some(25), 100, 10), 16, "down past the window");
        assert_eq!(window(16, Some(20), 100, 10), 16, "still in view: no move");
        assert_eq!(window(16, Some(3), 100, 10), 3, "up past the window");
        assert_eq!(window(95, Some(99), 100, 10), 90, "never past the end");
        assert_eq!(window(5, None, 0, 10), 0);
    }
}
