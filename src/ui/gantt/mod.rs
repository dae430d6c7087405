//! The gantt chart: a custom widget that draws straight into the buffer, computing only the rows and
//! columns on screen. A name column on the left keeps names readable at 80 columns; the chart to its
//! right has a month row, a tick row, the sprints as a band, then a bar or a diamond per entry.

mod header;

use super::theme::Theme;
use super::widgets::{fit, width};
use crate::app::timeline::Zoom;
use crate::model::forecast::Forecast;
use crate::model::{EntryKind, Sprint, SprintState, TimelineEntry};
use jiff::civil::{Date, Weekday};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

pub use crate::app::timeline::RowInfo;

impl RowInfo {
    /// The flags as symbols (`▲✗$!`) or, with room, as words.
    pub fn flags(&self, words: bool) -> String {
        let all = [
            (self.late, "▲", "late"),
            (self.broken, "✗", "dep"),
            (self.over, "$", "over"),
            (self.risk, "!", "risk"),
        ];
        let on = all.iter().filter(|f| f.0);
        if words {
            on.map(|f| format!("{} {}", f.1, f.2))
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            on.map(|f| f.1).collect()
        }
    }
}

pub struct Gantt<'a> {
    pub rows: Vec<(&'a TimelineEntry, RowInfo)>,
    pub selected: Option<crate::model::EntryId>,
    pub sprints: &'a [Sprint],
    pub origin: Date,
    pub zoom: Zoom,
    pub today: Date,
    /// Width of the name column (the chart takes the rest).
    pub names: u16,
    pub theme: &'a Theme,
}

/// Rows above the entries: months, ticks, sprints.
pub const HEAD_ROWS: u16 = 3;

fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(jiff::Span::new().days(n)).unwrap_or(d)
}

impl Gantt<'_> {
    /// The chart column where `day` begins, relative to the chart's left edge (may be off screen).
    fn col(&self, day: Date) -> i64 {
        let (c, d) = self.zoom.scale();
        let days = i64::from((day - self.origin).get_days());
        (days * i64::from(c)).div_euclid(i64::from(d))
    }

    /// The columns `first..=last` a span of days covers (at least one column).
    fn span(&self, start: Date, end: Date) -> (i64, i64) {
        let a = self.col(start);
        let b = (self.col(add_days(end, 1)) - 1).max(a);
        (a, b)
    }

    /// The column where a single day is marked: the middle of its cells.
    fn mark(&self, day: Date) -> i64 {
        let (a, b) = self.span(day, day);
        (a + b) / 2
    }

    /// Days shown in `cols` columns.
    pub fn days_in(zoom: Zoom, cols: u16) -> i32 {
        let (c, d) = zoom.scale();
        i32::from(cols) * d / c
    }

    fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, style: Style) {
        buf.set_stringn(x, y, s, usize::from(u16::MAX), style);
    }

    /// Writes `s` at chart column `col` of row `y`, clipped to the chart.
    fn put_at(&self, buf: &mut Buffer, chart: Rect, col: i64, y: u16, s: &str, style: Style) {
        if col >= i64::from(chart.width) {
            return;
        }
        let skip = (-col).max(0) as usize;
        let text: String = s.chars().skip(skip).collect();
        let x = chart.x + col.max(0) as u16;
        let room = usize::from(chart.right().saturating_sub(x));
        buf.set_stringn(x, y, text, room, style);
    }

    fn axis(&self, buf: &mut Buffer, chart: Rect) {
        let t = self.theme;
        let (months_y, ticks_y) = (chart.y, chart.y + 1);
        let scale = header::Scale {
            origin: self.origin,
            zoom: self.zoom,
            width: i64::from(chart.width),
        };
        // Month row: every month (year at month zoom) at its first day, then today's mark.
        let (labels, today) = header::month_row(scale, self.today);
        for l in &labels {
            self.put_at(buf, chart, l.col, months_y, &l.text, t.header);
        }
        if let Some(today) = today {
            self.put_at(buf, chart, today.col, months_y, "▼", t.title);
            if let Some(at) = today.word {
                self.put_at(buf, chart, at, months_y, header::TODAY_WORD, t.title);
            }
        }
        // Tick row: days, Mondays, or months.
        if self.zoom == Zoom::Month {
            for l in header::month_ticks(scale) {
                self.put_at(buf, chart, l.col, ticks_y, &l.text, t.text);
            }
            return;
        }
        let days = Self::days_in(self.zoom, chart.width) + 1;
        for n in 0..days {
            let day = add_days(self.origin, i64::from(n));
            let tick = match self.zoom {
                Zoom::Week => (day.weekday() == Weekday::Monday).then(|| format!("│{}", day.day())),
                _ => Some(format!("{:>2}", day.day())),
            };
            if let Some(tick) = tick {
                let style = if matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday)
                    && self.zoom == Zoom::Day
                {
                    t.dim
                } else {
                    t.text
                };
                self.put_at(buf, chart, self.col(day), ticks_y, &tick, style);
            }
        }
    }

    /// Weekend shading (day zoom) and the today line, under everything else on a row.
    fn background(&self, buf: &mut Buffer, chart: Rect, y: u16) {
        let t = self.theme;
        if self.zoom == Zoom::Day {
            let days = Self::days_in(self.zoom, chart.width) + 1;
            for n in 0..days {
                let day = add_days(self.origin, i64::from(n));
                if matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) {
                    let (a, b) = self.span(day, day);
                    let fill: String =
                        std::iter::repeat_n(t.shade_char, (b - a + 1) as usize).collect();
                    self.put_at(buf, chart, a, y, &fill, t.shade);
                }
            }
        }
        let today = self.mark(self.today);
        if (0..i64::from(chart.width)).contains(&today) {
            self.put_at(buf, chart, today, y, "│", t.accent);
        }
    }

    fn sprint_band(&self, buf: &mut Buffer, chart: Rect, y: u16) {
        let t = self.theme;
        self.background(buf, chart, y);
        let last = add_days(
            self.origin,
            i64::from(Self::days_in(self.zoom, chart.width)) + 1,
        );
        for s in self
            .sprints
            .iter()
            .filter(|s| s.end >= self.origin && s.start <= last)
        {
            let (a, b) = self.span(s.start, s.end);
            // A sprint that began off the left edge keeps its name in view: ‹Sprint 23──].
            let (a, open) = if a < 0 { (0, "‹") } else { (a, "[") };
            if b < a {
                continue;
            }
            let len = (b - a + 1) as usize;
            let style = match s.state {
                SprintState::Active => t.accent.add_modifier(Modifier::BOLD),
                SprintState::Closed => t.dim,
                SprintState::Planned => t.text,
            };
            // Too narrow for the name (month zoom): its number, "Sprint 23" → "23".
            let room = len.saturating_sub(2);
            let short = s.name.rsplit(' ').next().unwrap_or(&s.name);
            let name = if width(&s.name) > room && width(short) <= room {
                short.to_string()
            } else {
                fit(&s.name, room)
            };
            let mut cell = format!("{open}{name}");
            let pad = len.saturating_sub(width(&cell) + 1);
            cell.push_str(&"─".repeat(pad));
            cell.push(']');
            let cell: String = cell.chars().take(len.max(1)).collect();
            self.put_at(buf, chart, a, y, &cell, style);
        }
    }

    fn entry_row(&self, buf: &mut Buffer, chart: Rect, y: u16, e: &TimelineEntry, info: &RowInfo) {
        let t = self.theme;
        self.background(buf, chart, y);
        let bar_style = if info.critical {
            t.error
        } else if info.late || info.over {
            t.warn
        } else {
            t.accent
        };
        let after: i64;
        let mut label = String::new();
        let mut forecast_end = -1;
        if e.kind == EntryKind::Phase {
            let (a, b) = self.span(e.start, e.end);
            let len = (b - a + 1) as usize;
            let done = match info.progress.percent() {
                Some(p) => (len * p as usize + 50) / 100,
                None => 0,
            };
            let bar: String = "█".repeat(done) + &"░".repeat(len - done);
            self.put_at(buf, chart, a, y, &bar, bar_style);
            after = b + 2;
            if let Some(p) = info.progress.percent() {
                label = format!("{p}%");
            }
        } else {
            let at = self.mark(e.start);
            let mut end = at;
            if let Some(Forecast::Dates { p50, p85, .. }) = &info.forecast {
                let (c50, c85) = (self.mark(*p50), self.mark(*p85));
                for c in (c50 + 1)..c85 {
                    if c != at {
                        self.put_at(buf, chart, c, y, "·", t.dim);
                    }
                }
                self.put_at(buf, chart, c50, y, "○", bar_style);
                self.put_at(buf, chart, c85, y, "●", bar_style);
                end = end.max(c85).max(c50);
                forecast_end = [c50, c85]
                    .into_iter()
                    .filter(|&c| c < i64::from(chart.width))
                    .max()
                    .unwrap_or(-1);
                label = format!(
                    "50% {} · 85% {}",
                    super::widgets::short_date(*p50),
                    super::widgets::short_date(*p85)
                );
                if info.forecast.as_ref().is_some_and(Forecast::is_rough) {
                    label.push_str(" (rough)");
                }
            } else if let Some(f) = &info.forecast {
                label = match f {
                    Forecast::Done => "done".into(),
                    Forecast::NoWork => String::new(),
                    Forecast::NoVelocity => "no velocity yet".into(),
                    Forecast::Beyond { .. } => "not within a year".into(),
                    Forecast::Dates { .. } => String::new(),
                };
            }
            let diamond = if e.kind == EntryKind::Release {
                "◆"
            } else {
                "◇"
            };
            self.put_at(
                buf,
                chart,
                at,
                y,
                diamond,
                bar_style.add_modifier(Modifier::BOLD),
            );
            after = end + 2;
        }
        let right = i64::from(chart.width);
        let (first, last) = self.span(e.start, e.end);
        // Off-screen labels carry the year: the header above cannot say which year they are in.
        if last < 0 {
            let text = format!("← {}", e.end.strftime("%b %d %Y"));
            self.put_at(buf, chart, 0, y, &text, t.dim);
        } else if first >= right {
            let text = format!("{} →", e.start.strftime("%b %d %Y"));
            // Never over the forecast's marks: then only the arrow says the entry is further on.
            let text = if right - (width(&text) as i64) > forecast_end + 1 {
                text
            } else {
                "→".to_string()
            };
            self.put_at(buf, chart, right - width(&text) as i64, y, &text, t.dim);
        } else if !label.is_empty() && after >= 0 {
            // The whole label, else its last part (the 85% date), else nothing.
            let short = label.rsplit(" · ").next().unwrap_or("").to_string();
            if let Some(text) = [label, short]
                .into_iter()
                .find(|l| !l.is_empty() && right - after >= width(l) as i64)
            {
                self.put_at(buf, chart, after, y, &text, t.dim);
            }
        }
    }

    fn name_cell(&self, buf: &mut Buffer, area: Rect, y: u16, e: &TimelineEntry, info: &RowInfo) {
        let t = self.theme;
        let selected = self.selected == Some(e.id);
        let style = if selected { t.selected } else { t.text };
        let w = usize::from(area.width.saturating_sub(1));
        Self::put(buf, area.x, y, &" ".repeat(w), style);
        let mark = if selected { "›" } else { " " };
        let crit = if info.critical { "┃" } else { " " };
        let kind = match e.kind {
            EntryKind::Phase => "▬",
            EntryKind::Milestone => "◇",
            EntryKind::Release => "◆",
        };
        let flags = info.flags(w >= 40);
        let prefix = format!("{mark}{crit}{kind} ");
        let room =
            w.saturating_sub(width(&prefix) + width(&flags) + usize::from(!flags.is_empty()));
        let name = fit(&e.name, room);
        Self::put(
            buf,
            area.x,
            y,
            &prefix,
            if info.critical { t.error } else { style },
        );
        Self::put(buf, area.x + width(&prefix) as u16, y, &name, style);
        if !flags.is_empty() {
            let x = area.x + (w - width(&flags)) as u16;
            Self::put(
                buf,
                x,
                y,
                &flags,
                if selected { t.selected } else { t.warn },
            );
        }
    }
}

impl Widget for Gantt<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < HEAD_ROWS + 1 || area.width < self.names + 10 {
            return;
        }
        let t = self.theme;
        let names = Rect {
            width: self.names,
            ..area
        };
        let chart = Rect {
            x: area.x + self.names,
            width: area.width - self.names,
            ..area
        };
        // The divider between names and chart.
        for y in area.y..area.bottom() {
            Self::put(buf, chart.x - 1, y, "│", t.border);
        }
        self.axis(buf, chart);
        Self::put(
            buf,
            names.x,
            area.y + 1,
            &fit(
                &format!(" {}", self.zoom.name()),
                usize::from(self.names) - 1,
            ),
            t.dim,
        );
        Self::put(buf, names.x, area.y + 2, " Sprints", t.dim);
        self.sprint_band(buf, chart, area.y + 2);
        for (n, (e, info)) in self.rows.iter().enumerate() {
            let y = area.y + HEAD_ROWS + n as u16;
            if y >= area.bottom() {
                break;
            }
            self.name_cell(buf, names, y, e, info);
            self.entry_row(buf, chart, y, e, info);
        }
        for n in self.rows.len()..usize::from(area.height - HEAD_ROWS) {
            self.background(buf, chart, area.y + HEAD_ROWS + n as u16);
        }
    }
}
