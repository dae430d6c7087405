use super::*;

fn close(a: Figure, b: f64) -> bool {
    a.is_ok_and(|a| (a - b).abs() < 1e-6)
}

/// A worked example in AgileEVM's terms (a textbook release: €400,000, 8 sprints, 240 points;
/// reviewed after sprint 4 with 100 points done and €220,000 spent), each figure by hand.
#[test]
fn agile_evm_worked_example() {
    let e = Evm::compute(EvmInput {
        bac: 400_000,
        sprints_planned: 8,
        sprints_done: 4,
        points_planned: 240,
        points_done: 100,
        actual: 220_000,
    });
    assert!(close(e.ppc, 0.5), "PPC = 4 / 8");
    assert!(close(e.apc, 100.0 / 240.0), "APC = 100 / 240 = 0.4167");
    assert!(close(e.pv, 200_000.0), "PV = 400,000 × 0.5");
    assert!(close(e.ev, 166_666.666_666_67), "EV = 400,000 × 0.4167");
    assert!(close(e.spi, 0.833_333_333), "SPI = 166,667 / 200,000");
    assert!(close(e.cpi, 0.757_575_757_6), "CPI = 166,667 / 220,000");
    assert!(close(e.eac, 528_000.0), "EAC = 400,000 / 0.7576");
    assert_eq!(index_text(&e.cpi), "0.76");
    assert_eq!(
        e.reading("EUR"),
        "for every EUR spent we deliver EUR 0.76 of planned value; work done runs at 0.83 of the plan's pace"
    );
}

/// On plan to the euro: every index is 1 and the estimate at completion is the budget.
#[test]
fn on_plan_every_index_is_one() {
    let e = Evm::compute(EvmInput {
        bac: 100_000,
        sprints_planned: 10,
        sprints_done: 4,
        points_planned: 250,
        points_done: 100,
        actual: 40_000,
    });
    assert!(close(e.spi, 1.0) && close(e.cpi, 1.0) && close(e.eac, 100_000.0));
}

#[test]
fn every_division_is_guarded_and_says_why() {
    let base = EvmInput {
        bac: 100_000,
        sprints_planned: 10,
        sprints_done: 0,
        points_planned: 0,
        points_done: 0,
        actual: 0,
    };
    let e = Evm::compute(base);
    assert_eq!(e.apc, Err("no points planned"));
    assert_eq!(e.ev, Err("no points planned"));
    assert_eq!(e.cpi, Err("no points planned"));
    let e = Evm::compute(EvmInput {
        points_planned: 50,
        ..base
    });
    assert_eq!(
        e.spi,
        Err("no sprint done yet: nothing was planned by now"),
        "PV = 0"
    );
    assert_eq!(e.cpi, Err("nothing spent yet"), "AC = 0");
    let e = Evm::compute(EvmInput {
        points_planned: 50,
        actual: 5_000,
        ..base
    });
    assert!(close(e.cpi, 0.0));
    assert_eq!(e.eac, Err("nothing earned yet"), "CPI = 0");
    let e = Evm::compute(EvmInput {
        sprints_planned: 0,
        ..base
    });
    assert_eq!(e.ppc, Err("no sprints planned"));
    let e = Evm::compute(EvmInput {
        bac: 0,
        points_planned: 10,
        sprints_done: 1,
        ..base
    });
    assert_eq!(e.pv, Err("no budget set"));
    assert_eq!(index_text(&e.spi), "—");
    assert!(e.reading("EUR").contains("no cost reading (no budget set)"));
}

#[test]
fn the_sample_board_reads_its_release_plan() {
    let board = crate::commands::sample_board(jiff::civil::date(2026, 12, 1));
    let e = Evm::of(&board);
    assert_eq!(e.input.bac, 420_000, "the project's budget");
    assert_eq!(e.input.sprints_done, 5);
    assert!(e.input.sprints_planned > 7, "{:?}", e.input);
    assert_eq!(e.input.actual, 38_600 + 171_300 + 29_700);
    assert!(e.input.points_planned > e.input.points_done);
    assert!(e.cpi.is_ok() && e.spi.is_ok() && e.eac.is_ok(), "{e:?}");
}

#[test]
fn the_must_guardrail_is_sixty_percent_of_effort() {
    use crate::model::{Item, ItemId, ItemKind};
    let item = |points: u8, m: Option<Moscow>| {
        let mut i = Item::new(
            ItemId(1),
            ItemKind::Story,
            "x",
            "To do",
            jiff::civil::date(2026, 12, 1),
        );
        i.points = Some(points);
        i.moscow = m;
        i
    };
    let at = [item(6, Some(Moscow::Must)), item(4, Some(Moscow::Should))];
    let s = MustShare::of(&at);
    assert_eq!((s.must, s.total, s.percent()), (6, 10, Some(60)));
    assert!(!s.over(), "exactly 60% is within");
    let over = [item(7, Some(Moscow::Must)), item(3, None)];
    let s = MustShare::of(&over);
    assert!(s.over());
    assert_eq!(
        s.warning().as_deref(),
        Some("Must is 70% of 10 points (DSDM: at most 60%)")
    );
    assert_eq!(MustShare::of(&[]).percent(), None);
    assert!(!MustShare::of(&[]).over());
}
