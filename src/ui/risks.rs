//! The risk register (`r` in the timeline): open risks by exposure (probability × impact), then closed
//! ones, with owner, status, mitigation and what each threatens.

use super::columns::{self, Col};
use super::theme::Theme;
use super::widgets;
use crate::app::App;
use crate::model::{Risk, RiskStatus};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

fn links(app: &App, r: &Risk) -> String {
    let mut names: Vec<String> = r
        .entries
        .iter()
        .filter_map(|e| app.doc.board.entry(*e))
        .map(|e| e.name.clone())
        .collect();
    names.extend(r.items.iter().map(|i| app.doc.board.item_key(*i)));
    names.join(", ")
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    header: Vec<Line<'static>>,
    theme: &Theme,
    vp: &mut crate::app::Viewport,
) {
    let rows = app.risk_rows();
    let open = app.doc.board.risks.iter().filter(|r| r.is_open()).count();
    let high = app
        .doc
        .board
        .risks
        .iter()
        .filter(|r| r.is_open() && r.is_high())
        .count();
    use crate::app::Action;
    let k = |a: Action| app.keymap.hint(&a);
    let title = format!(
        " Risk register — {open} open, {high} high · {} add · {} edit · {} close · {} link · {} back ",
        k(Action::AddEntry),
        k(Action::EditEntry),
        k(Action::CloseRisk),
        k(Action::LinkItems),
        k(Action::Cancel)
    );
    let empty = rows.is_empty().then(|| {
        format!(
            "No risks yet: {} adds one (what could go wrong, how likely, how bad).",
            k(Action::AddEntry)
        )
    });
    let Some(body) = widgets::framed(frame, area, title, header, empty.as_deref(), theme) else {
        return;
    };
    let wide = body.width >= 120;
    let room = usize::from(body.height.saturating_sub(1));
    vp.page = room.max(1);
    let selected = app.selected_risk().map(|r| r.id);
    let at = selected
        .and_then(|id| rows.iter().position(|r| *r == id))
        .unwrap_or(0);
    let offset = crate::app::cursor::window(vp.risk_offset, Some(at), rows.len(), room);
    vp.risk_offset = offset;
    let table_rows: Vec<(Vec<String>, ratatui::style::Style)> = rows
        .iter()
        .skip(offset)
        .take(room)
        .filter_map(|id| app.doc.board.risk(*id))
        .map(|r| {
            let mark = if Some(r.id) == selected { "›" } else { " " };
            let exposure = if r.is_high() && r.is_open() {
                format!("!{:>3}", r.exposure())
            } else {
                format!("{:>4}", r.exposure())
            };
            let mut cells = vec![
                mark.to_string(),
                exposure,
                format!("{}×{}", r.probability, r.impact),
                r.title.clone(),
                r.owner.clone(),
                r.status.name().to_string(),
            ];
            if wide {
                cells.push(r.mitigation.clone());
                cells.push(links(app, r));
            }
            let style = if Some(r.id) == selected {
                theme.selected
            } else if r.status == RiskStatus::Closed {
                theme.dim
            } else if r.is_high() {
                theme.warn
            } else {
                theme.text
            };
            (cells, style)
        })
        .collect();
    let mut heads = vec!["", "Exp", "P×I", "Risk", "Owner", "Status"];
    let mut cols = vec![
        Col::Fit,
        Col::Fit,
        Col::Fit,
        Col::Fill(2),
        Col::Max(16),
        Col::Fit,
    ];
    if wide {
        heads.extend(["Mitigation", "Threatens"]);
        cols.extend([Col::Fill(2), Col::Fill(1)]);
    }
    frame.render_widget(
        columns::table(&cols, &heads, table_rows, body.width, theme.header),
        body,
    );
}

/// The selected risk in full: mitigation and links, which the table cuts when narrow.
pub fn details(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let hide = app.keymap.hint(&crate::app::Action::Details);
    let block = widgets::block(format!(" Risk — {hide} hides "), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(r) = app.selected_risk() else {
        frame.render_widget(Paragraph::new("No risk selected").style(theme.dim), inner);
        return;
    };
    let label = |s: &str| Span::styled(format!("{s:<11}"), theme.dim);
    let lines = vec![
        Line::from(Span::styled(r.title.clone(), theme.title)),
        Line::from(vec![
            label("Exposure"),
            Span::raw(format!(
                "{} = probability {} × impact {}{}",
                r.exposure(),
                r.probability,
                r.impact,
                if r.is_high() { " (high)" } else { "" }
            )),
        ]),
        Line::from(vec![
            label("Status"),
            Span::raw(format!(
                "{} · raised {} · owner {}",
                r.status.name(),
                r.raised,
                if r.owner.is_empty() {
                    "nobody"
                } else {
                    &r.owner
                }
            )),
        ]),
        Line::from(vec![
            label("Mitigation"),
            Span::raw(if r.mitigation.is_empty() {
                "none written".to_string()
            } else {
                r.mitigation.clone()
            }),
        ]),
        Line::from(vec![
            label("Threatens"),
            Span::raw({
                let l = links(app, r);
                if l.is_empty() {
                    "nothing linked (L links entries and items)".to_string()
                } else {
                    l
                }
            }),
        ]),
    ];
    frame.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: true }),
        inner,
    );
}
