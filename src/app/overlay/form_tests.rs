//! The item form's field parsers.
use super::*;
use crate::model::Impact;

#[test]
fn field_parsers_accept_good_input_and_explain_bad() {
    assert_eq!(parse_points(""), Ok(None));
    assert_eq!(parse_points("8"), Ok(Some(8)));
    assert!(
        parse_points("4")
            .expect_err("not fib")
            .contains("Fibonacci")
    );
    assert!(
        parse_points("lots")
            .expect_err("nan")
            .contains("not a number")
    );
    assert_eq!(
        parse_wsjf("8 5 2 3").expect("ok").map(|w| w.job_size),
        Some(3)
    );
    assert!(parse_wsjf("8 5 2").is_err());
    assert!(parse_wsjf("8 5 2 30").is_err());
    let r = parse_rice("2000 high 80% 4").expect("ok").expect("some");
    assert_eq!(
        (r.reach, r.impact, r.confidence, r.effort),
        (2000, Impact::High, 80, 4)
    );
    assert!(parse_rice("2000 huge 80 4").is_err());
    assert!(parse_rice("2000 high 80 0").is_err());
}
