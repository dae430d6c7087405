//! The sprint's burndown (remaining points per day against the ideal line) and the velocity of the
//! last sprints, with a sentence that says whether the sprint will make it.

use super::{Theme, widgets};
use crate::app::App;
use crate::model::{Sprint, SprintState, average_velocity, recent_velocities, sprint_at_risk};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Bar, BarChart, BarGroup, Chart, Dataset, GraphType, Paragraph, Wrap};

/// How many closed sprints the velocity chart shows.
const VELOCITY_SPRINTS: usize = 8;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, sprint: &Sprint, theme: &Theme) {
    let b = &app.doc.board;
    let block = widgets::block(
        format!(
            " Burndown — {} ({}) · h/l other sprints · b: back to the board ",
            sprint.name,
            sprint.state.name()
        ),
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let length = sprint.length_days().max(1);
    let elapsed = ((app.run.today - sprint.start).get_days() + 1).clamp(0, length);
    let scope = b.sprint_points(sprint.id);
    let committed = sprint.committed.unwrap_or(scope);
    let remaining = b.remaining_points(sprint.id);
    let ideal_now = f64::from(committed) * f64::from(length - elapsed) / f64::from(length);
    let verdict = if sprint_at_risk(committed, remaining, elapsed, length) {
        Span::styled("AT RISK", theme.error)
    } else {
        Span::styled("on track", theme.ok)
    };
    let sentence = if sprint.state == SprintState::Closed {
        // Items of a closed sprint may have moved on: its own record tells how it ended.
        let done = sprint.completed.unwrap_or(0);
        match b.scope_of(sprint.id).and_then(|s| s.report.as_ref()) {
            Some(r) => Line::raw(format!("Closed: {} — velocity {done}", r.describe())),
            None => Line::raw(format!(
                "Closed: {done} of {committed} committed points done — velocity {done} ({} – {})",
                sprint.start, sprint.end
            )),
        }
    } else {
        Line::from(vec![
            Span::raw(format!("Day {elapsed} of {length}: ")),
            Span::raw(format!(
                "{remaining} of {committed} points left (ideal by now {}{}) — ",
                crate::model::words::count(ideal_now.round() as u32, "point"),
                change_words(b, sprint, committed, scope)
            )),
            verdict,
        ])
    };

    let wide = inner.width >= 100;
    let lines = if sentence.width() > usize::from(inner.width) {
        2
    } else {
        1
    };
    let [text, charts] =
        Layout::vertical([Constraint::Length(lines), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(Paragraph::new(sentence).wrap(Wrap { trim: true }), text);
    let [burn, velocity] = if wide {
        Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)])
            .spacing(2)
            .areas(charts)
    } else {
        Layout::vertical([Constraint::Fill(3), Constraint::Fill(2)]).areas(charts)
    };

    // Remaining points per recorded day, and the straight line from the commitment to zero.
    let actual: Vec<(f64, f64)> = sprint
        .remaining
        .iter()
        .map(|(day, points)| {
            (
                f64::from((*day - sprint.start).get_days()),
                f64::from(*points),
            )
        })
        .collect();
    // The burn-up beside it: the scope each recorded day (the last scope point on or before it,
    // else the commitment) and the work done, scope − remaining, so added work shows apart from
    // work done.
    let points = b.scope_of(sprint.id).map(|s| &s.points);
    let scope_on = |day: jiff::civil::Date| {
        points
            .and_then(|p| p.range(..=day).next_back().map(|(_, v)| *v))
            .unwrap_or(committed)
    };
    let scope_line: Vec<(f64, f64)> = sprint
        .remaining
        .keys()
        .map(|day| {
            let x = f64::from((*day - sprint.start).get_days());
            (x, f64::from(scope_on(*day)))
        })
        .collect();
    let done_line: Vec<(f64, f64)> = sprint
        .remaining
        .iter()
        .map(|(day, left)| {
            let x = f64::from((*day - sprint.start).get_days());
            (x, f64::from(scope_on(*day).saturating_sub(*left)))
        })
        .collect();
    let last = f64::from(length - 1).max(1.0);
    let ideal = [(0.0, f64::from(committed)), (last, 0.0)];
    // The y range holds the highest of the commitment, today's scope (work added mid-sprint) and
    // every recorded day, with room above it so the highest point is not drawn on the edge.
    let highest = actual
        .iter()
        .map(|p| p.1 as u32)
        .chain(scope_line.iter().map(|p| p.1 as u32))
        .chain([committed, scope])
        .max()
        .unwrap_or(0);
    let top = y_top(highest);
    let datasets = vec![
        Dataset::default()
            .name("••• ideal")
            .marker(Marker::Dot)
            .graph_type(GraphType::Line)
            .style(theme.dim)
            .data(&ideal),
        Dataset::default()
            .name("⣀⣀⣀ remaining")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.accent)
            .data(&actual),
        Dataset::default()
            .name("⣀⣀⣀ done")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.ok)
            .data(&done_line),
        Dataset::default()
            .name("▀▀▀ scope")
            .marker(Marker::HalfBlock)
            .graph_type(GraphType::Line)
            .style(theme.warn)
            .data(&scope_line),
    ];
    // The legend is a line of its own above the chart, so it never covers the newest days.
    let [legend, burn] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(burn);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("••• ideal", theme.dim),
            Span::raw("   "),
            Span::styled("⣀⣀⣀ remaining", theme.accent),
            Span::raw("   "),
            Span::styled("⣀⣀⣀ done", theme.ok),
            Span::raw("   "),
            Span::styled("▀▀▀ scope", theme.warn),
        ]))
        .alignment(ratatui::layout::Alignment::Right),
        legend,
    );
    let chart = Chart::new(datasets)
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds([0.0, last])
                .labels([
                    widgets::short_date(sprint.start),
                    widgets::short_date(sprint.end),
                ])
                .style(theme.dim),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, f64::from(top)])
                .labels(["0".to_string(), (top / 2).to_string(), top.to_string()])
                .style(theme.dim),
        );
    frame.render_widget(chart, burn);

    let closed: Vec<&Sprint> = {
        let mut c: Vec<&Sprint> = b
            .sprints
            .iter()
            .filter(|s| s.state == SprintState::Closed)
            .collect();
        c.sort_by_key(|s| s.end);
        let skip = c.len().saturating_sub(VELOCITY_SPRINTS);
        c.split_off(skip)
    };
    let velocities = recent_velocities(&b.sprints, VELOCITY_SPRINTS);
    let average = average_velocity(&b.sprints, 3);
    let title = match average {
        Some(a) => format!(
            "Velocity (average of the last {}: {a:.1})",
            velocities.len().min(3)
        ),
        None => "Velocity: no closed sprint yet".to_string(),
    };
    let [heading, bars] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(velocity);
    frame.render_widget(Paragraph::new(Line::styled(title, theme.header)), heading);
    let group: Vec<Bar> = closed
        .iter()
        .zip(&velocities)
        .map(|(s, v)| {
            let label = format!("S{}", s.name.rsplit(' ').next().unwrap_or(&s.name));
            Bar::default()
                .value(u64::from(*v))
                .label(Line::from(label))
                .style(theme.accent)
        })
        .collect();
    let bar_width = (bars.width / (group.len().max(1) as u16 + 1)).clamp(3, 8);
    frame.render_widget(
        BarChart::default()
            .data(BarGroup::default().bars(&group))
            .bar_width(bar_width)
            .bar_gap(1),
        bars,
    );
}

/// The top of the y axis: above `highest` by at least one point, on a multiple of 5 (of 10 past 50).
fn y_top(highest: u32) -> u32 {
    let step = if highest > 50 { 10 } else { 5 };
    (highest / step + 1) * step
}

/// `; +5 pts added, −2 pts removed since start` from what the sprint recorded at its start, else the
/// net change (`; 3 added`).
fn change_words(b: &crate::model::Board, sprint: &Sprint, committed: u32, scope: u32) -> String {
    match crate::model::flow::scope_change(b, sprint.id) {
        Some(c) if !c.net_only => c.describe().map_or(String::new(), |d| format!("; {d}")),
        _ => scope_change(committed, scope),
    }
}

/// `; 3 added` when points were added to (or taken out of) the sprint after it began.
fn scope_change(committed: u32, scope: u32) -> String {
    match scope.cmp(&committed) {
        std::cmp::Ordering::Greater => format!("; {} added", scope - committed),
        std::cmp::Ordering::Less => format!("; {} taken out", committed - scope),
        std::cmp::Ordering::Equal => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_y_axis_rises_above_the_highest_point() {
        assert_eq!(y_top(0), 5);
        assert_eq!(y_top(28), 30);
        assert_eq!(y_top(30), 35, "never on the edge");
        assert_eq!(y_top(31), 35);
        assert_eq!(y_top(1484), 1490);
        assert_eq!(scope_change(28, 31), "; 3 added");
        assert_eq!(scope_change(28, 20), "; 8 taken out");
        assert_eq!(scope_change(28, 28), "");
    }
}
