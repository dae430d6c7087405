//! The health section: the red/amber/green rules, and the section on the test board.

use super::*;
use crate::io::report::health::{Rag, budget_rag, milestone_rag};
use crate::model::evm::{Evm, EvmInput};
use crate::model::forecast::Forecast;

#[test]
fn a_milestone_is_rated_by_its_50_and_85_percent_dates() {
    let due = date(2026, 5, 1);
    let f = |p50, p85| Forecast::Dates {
        p50,
        p85,
        p95: p85,
        remaining: 10,
        sprints: 5,
    };
    let (early, late) = (date(2026, 4, 20), date(2026, 5, 10));
    assert_eq!(
        milestone_rag(&f(early, due), due, TODAY),
        Rag::Green,
        "85% on the day"
    );
    assert_eq!(milestone_rag(&f(early, late), due, TODAY), Rag::Amber);
    assert_eq!(milestone_rag(&f(late, late), due, TODAY), Rag::Red);
    let passed = date(2026, 3, 1);
    assert_eq!(
        milestone_rag(&f(early, early), passed, TODAY),
        Rag::Red,
        "date passed, work open"
    );
    assert_eq!(milestone_rag(&Forecast::Done, passed, TODAY), Rag::Green);
    assert_eq!(
        milestone_rag(&Forecast::NoVelocity, due, TODAY),
        Rag::Unrated
    );
    let beyond = Forecast::Beyond {
        remaining: 9999,
        sprints: 5,
    };
    assert_eq!(milestone_rag(&beyond, due, TODAY), Rag::Red);
}

#[test]
fn the_budget_is_rated_by_spi_and_cpi() {
    let e = |points_done: u32, actual: u64| {
        Evm::compute(EvmInput {
            bac: 100_000,
            sprints_planned: 10,
            sprints_done: 5,
            points_planned: 100,
            points_done,
            actual,
        })
    };
    assert_eq!(budget_rag(&e(50, 50_000)), Rag::Green, "on plan");
    assert_eq!(budget_rag(&e(45, 50_000)), Rag::Amber, "0.90 and 0.90");
    assert_eq!(budget_rag(&e(40, 50_000)), Rag::Red, "0.80");
    assert_eq!(budget_rag(&e(50, 0)), Rag::Unrated, "nothing spent: no CPI");
}

#[test]
fn the_report_has_a_health_section_with_its_rules() {
    let report = status_report(&board(), TODAY);
    let health = section(&report, "## Health");
    assert!(health.contains("rule — green: 85% date"), "{health}");
    assert!(health.contains("- Budget: "), "{health}");
    assert!(health.contains("rule — green: SPI and CPI"), "{health}");
    assert!(health.contains("| EAC = BAC / CPI"), "{health}");
    assert!(health.contains("MoSCoW"), "{health}");
}

#[test]
fn the_sample_board_reports_the_same_health_every_time() {
    let today = date(2026, 12, 1);
    let board = crate::commands::sample_board(today);
    let a = status_report(&board, today);
    assert_eq!(a, status_report(&board.clone(), today));
    let health = section(&a, "## Health");
    assert!(
        health.contains("- Beta to 5% of traffic (milestone, "),
        "{health}"
    );
    assert!(
        health.contains("the next in their range: 67% = (n−1)/(n+1)"),
        "{health}"
    );
    assert!(health.contains("Must is 64% of 31 points"), "{health}");
}
