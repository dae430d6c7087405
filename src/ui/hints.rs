//! The status bar's key hints: for the open overlay, the standup, or the view of the pane on show,
//! each naming what its key does in that view (a chart's `h`/`l` look at other sprints, the board's
//! move a card), with the key from the keymap so they follow the config.

use crate::app::overlay::Hint;
use crate::app::panes::sprint::flow::CfdView;
use crate::app::stakeholders::Screen as People;
use crate::app::timeline::{Sub, Zoom};
use crate::app::{Action, App, Context, Pane, SprintScreen};

/// The hints the status bar shows now, in order (the bar drops the last ones when short of room).
pub fn shown(app: &App) -> Vec<Hint> {
    if let Some((_, _)) = app.mode.layer() {
        return app.mode.hints().to_vec();
    }
    if let Some(standup) = app.sprint.standup().filter(|_| app.pane == Pane::Sprint) {
        return standup.hints().to_vec();
    }
    let view = match app.pane {
        Pane::Backlog => backlog(app),
        Pane::Sprint => sprint(app),
        Pane::Timeline => timeline(app),
        Pane::Stakeholders => stakeholders(app),
    };
    // A command with no key here (unbound by the config) is not hinted.
    view.into_iter()
        .filter(|h| actions(h).iter().all(|a| key(app, a).is_some()))
        .collect()
}

/// The key the bar names for an action: the overlay's own, the standup's, else the pane's.
pub fn key(app: &App, action: &Action) -> Option<String> {
    if let Some((context, _)) = app.mode.layer() {
        return app.keymap.key_in(context, action);
    }
    if app.pane == Pane::Sprint && app.sprint.standup().is_some() {
        return app
            .keymap
            .key_in(Context::Standup, action)
            .or_else(|| app.keymap.hint_in(app.pane, action));
    }
    app.keymap.hint_in(app.pane, action)
}

/// The actions a hint names (up and down for `UpDown`).
pub fn actions(hint: &Hint) -> Vec<Action> {
    match hint {
        Hint::Key(a, _) => vec![a.clone()],
        Hint::UpDown(_) => vec![Action::Up, Action::Down],
        Hint::Pair(a, b, _) => vec![a.clone(), b.clone()],
    }
}

fn k(action: Action, what: &'static str) -> Hint {
    Hint::Key(action, what)
}

/// Both keys as one hint (`H/L interest`) when both act, else the one that does.
fn pair(less: (Action, bool), more: (Action, bool), what: &'static str) -> Option<Hint> {
    match (less, more) {
        ((l, true), (m, true)) => Some(Hint::Pair(l, m, what)),
        ((l, true), _) => Some(k(l, what)),
        (_, (m, true)) => Some(k(m, what)),
        _ => None,
    }
}

fn backlog(app: &App) -> Vec<Hint> {
    use Action::*;
    let b = &app.backlog;
    if b.details {
        return vec![
            k(Details, "close"),
            k(EditItem, "edit"),
            k(EditDescription, "description"),
            k(MoveDown, "down"),
            k(MoveUp, "up"),
            k(Help, "help"),
        ];
    }
    if b.group {
        return vec![
            k(FoldEpic, "fold"),
            k(GroupByEpic, "one list"),
            k(AddItem, "add"),
            k(EditItem, "edit"),
            k(Filter, "filter"),
            k(Help, "help"),
        ];
    }
    let mut hints = Vec::new();
    if let Some(at) = app.flow.cut_at {
        let candidates = crate::model::forecast::cut_candidates(&app.doc.board, app.run.today);
        let last = candidates.last().is_none_or(|e| e.id == at);
        hints.push(k(CutLine, if last { "cut line off" } else { "next cut" }));
    }
    hints.extend([
        k(AddItem, "add"),
        k(EditItem, "edit"),
        k(MoveDown, "down"),
        k(MoveUp, "up"),
        k(Filter, "filter"),
        k(Help, "help"),
        k(Quit, "quit"),
    ]);
    hints
}

fn sprint(app: &App) -> Vec<Hint> {
    use Action::*;
    let s = &app.sprint;
    match s.screen {
        SprintScreen::Planning => {
            let (left, right) = app.planning_selection();
            let selected = if s.plan_right { right } else { left };
            let mut hints = Vec::new();
            if selected.is_some() {
                hints.push(k(SendToSprint, "plan / unplan"));
            }
            hints.push(if s.plan_right {
                k(ColumnLeft, "backlog")
            } else {
                k(ColumnRight, "sprint")
            });
            hints.extend([k(Team, "team"), k(Plan, "back")]);
            hints
        }
        SprintScreen::Team(_) => {
            let mut hints = vec![k(AddPerson, "add")];
            let sprint = crate::app::panes::team::team_sprint(&app.doc.board);
            if app.team_row().is_some() && sprint.is_some() {
                hints.push(k(DaysOff, "days off"));
            }
            hints.push(k(Team, "back"));
            hints
        }
        SprintScreen::Burndown { .. } => {
            // The charts only look: h/l go to other sprints (not on the board's weeks), F and b
            // to the next chart and back to the board.
            let mut hints = Vec::new();
            if s.cfd != CfdView::Board {
                let all = app.started_sprints();
                let at = app
                    .viewed_sprint()
                    .and_then(|v| all.iter().position(|id| *id == v.id));
                if at.is_some_and(|n| n > 0) {
                    hints.push(k(ColumnLeft, "earlier sprint"));
                }
                if at.is_some_and(|n| n + 1 < all.len()) {
                    hints.push(k(ColumnRight, "later sprint"));
                }
            }
            let next = match s.cfd {
                CfdView::Off => "flow",
                CfdView::Sprint => "board's flow",
                CfdView::Board => "burndown",
            };
            hints.extend([
                k(CumulativeFlow, next),
                k(Burndown, "board"),
                k(Help, "help"),
            ]);
            hints
        }
        SprintScreen::Board | SprintScreen::Card | SprintScreen::Standup(_) => {
            let mut hints = Vec::new();
            if matches!(s.screen, SprintScreen::Card) {
                hints.push(k(Details, "close"));
            }
            if let Some(card) = app.selected_card().and_then(|id| app.item(id)) {
                if can_move(app, card, 1) {
                    hints.push(k(CardRight, "move right"));
                }
                if can_move(app, card, -1) {
                    hints.push(k(CardLeft, "left"));
                }
                hints.push(k(ToggleBlocked, "blocked"));
            }
            hints.push(k(Burndown, "burndown"));
            if app.doc.board.active_sprint().is_some() {
                hints.push(k(CloseSprint, "close"));
            }
            hints.push(k(Help, "help"));
            hints
        }
    }
}

/// True when `H`/`L` would move the card a column (`by` -1 or 1): there is one, and its WIP limit
/// lets the card in or asks first.
fn can_move(app: &App, card: &crate::model::Item, by: isize) -> bool {
    let board = &app.doc.board;
    let Some(to) = board
        .column_index(&card.status)
        .and_then(|c| c.checked_add_signed(by))
        .filter(|&c| c < board.columns.len())
    else {
        return false;
    };
    let moved = app.card_moved_to(card.id, to);
    match moved {
        Ok(_) => true,
        Err(crate::model::RuleError::WipLimit { .. }) => {
            board.settings.wip_policy == crate::model::WipPolicy::Ask
        }
        Err(_) => false,
    }
}

fn timeline(app: &App) -> Vec<Hint> {
    use Action::*;
    let t = &app.timeline;
    match t.sub {
        Sub::Risks => {
            let mut hints = vec![k(AddEntry, "add risk")];
            if app.selected_risk().is_some() {
                hints.extend([
                    k(EditEntry, "edit"),
                    k(CloseRisk, "close/reopen"),
                    k(LinkItems, "link"),
                ]);
            }
            hints.push(k(Cancel, "back"));
            hints
        }
        Sub::Budget => vec![
            k(Budget, "gantt"),
            k(Risks, "risks"),
            k(AddEntry, "add phase"),
            k(Help, "help"),
        ],
        Sub::Gantt => {
            let mut hints = Vec::new();
            if app.selected_entry().is_some() {
                hints.extend([k(ShiftLater, "later"), k(ShiftEarlier, "earlier")]);
            }
            hints.push(k(AddEntry, "add"));
            hints.push(match t.zoom {
                Zoom::Day => k(ZoomOut, "zoom out"),
                Zoom::Week | Zoom::Month => k(ZoomIn, "zoom"),
            });
            hints.extend([k(Budget, "budget"), k(Risks, "risks"), k(Help, "help")]);
            hints
        }
    }
}

fn stakeholders(app: &App) -> Vec<Hint> {
    use Action::*;
    let p = &app.people;
    if p.details {
        return vec![
            k(AddNote, "note"),
            k(EditStakeholder, "edit"),
            k(Details, "close"),
            k(Help, "help"),
        ];
    }
    match p.screen {
        People::Grid => {
            let mut hints = Vec::new();
            if let Some(s) = app.selected_person() {
                let can = |power: i8, interest: i8| {
                    crate::model::stakeholder::can_shift_on_grid(
                        &app.doc.board,
                        s.id,
                        power,
                        interest,
                    )
                };
                hints.extend(pair(
                    (LessInterest, can(0, -1)),
                    (MoreInterest, can(0, 1)),
                    "interest",
                ));
                hints.extend(pair(
                    (LessPower, can(-1, 0)),
                    (MorePower, can(1, 0)),
                    "power",
                ));
                hints.push(k(AddNote, "note"));
            }
            hints.extend([k(GridView, "register"), k(Help, "help")]);
            hints
        }
        People::Notes => {
            let mut hints = Vec::new();
            if app.people.note.is_some() {
                hints.extend([
                    k(EditStakeholder, "edit note"),
                    k(LinkNote, "link"),
                    k(Details, "stakeholder"),
                ]);
            }
            hints.extend([
                k(Filter, "filter"),
                k(NoteTimeline, "register"),
                k(Help, "help"),
            ]);
            hints
        }
        People::Register => {
            let mut hints = Vec::new();
            if app.selected_person().is_some() {
                hints.push(k(AddNote, "note"));
            }
            hints.extend([
                k(AddStakeholder, "add"),
                k(GridView, "grid"),
                k(NoteTimeline, "notes"),
                k(WriteReport, "report"),
                k(Help, "help"),
            ]);
            hints
        }
    }
}
