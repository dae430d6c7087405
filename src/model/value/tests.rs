use super::*;
use crate::model::{Impact, ItemKind, Moscow, Rice, Wsjf};
use jiff::civil::Date;
use jiff::civil::date;

#[test]
fn points_are_fibonacci_or_none() {
    assert_eq!(parse_points(""), Ok(None));
    assert_eq!(parse_points(" 8 "), Ok(Some(8)));
    assert_eq!(
        parse_points("4"),
        Err("4 is not on the Fibonacci scale (0 1 2 3 5 8 13 21 34 55 89)".into())
    );
    assert_eq!(parse_points("lots"), Err("\"lots\" is not a number".into()));
    assert_eq!(check_points(89), Ok(89));
    assert!(check_points(90).is_err());
}

#[test]
fn wsjf_parts_are_one_to_twenty() {
    assert_eq!(
        parse_wsjf("8 5 2 3").expect("ok").map(|w| w.job_size),
        Some(3)
    );
    assert_eq!(
        parse_wsjf("8,5,2,3").expect("ok").map(|w| w.job_size),
        Some(3)
    );
    assert_eq!(parse_wsjf(""), Ok(None));
    assert_eq!(
        parse_wsjf("8 5 2"),
        Err("4 numbers: value criticality risk-reduction size".into())
    );
    assert_eq!(
        parse_wsjf("8 5 2 30"),
        Err("each WSJF input is 1–20".into())
    );
    assert_eq!(parse_wsjf("8 5 2 0"), Err("each WSJF input is 1–20".into()));
    assert_eq!(
        parse_wsjf("8 5 2 99999999999").expect_err("too big"),
        "\"99999999999\" is not a number"
    );
    let w = Wsjf {
        business_value: 8,
        time_criticality: 21,
        risk_reduction: 2,
        job_size: 3,
    };
    assert_eq!(
        check_wsjf(&w),
        Err("WSJF time criticality 21 is not 1–20".into())
    );
}

#[test]
fn rice_reach_impact_confidence_effort() {
    let r = parse_rice("2000 high 80% 4").expect("ok").expect("some");
    assert_eq!(
        (r.reach, r.impact, r.confidence, r.effort),
        (2000, Impact::High, 80, 4)
    );
    assert_eq!(parse_rice("  "), Ok(None));
    assert_eq!(
        parse_rice("2000 huge 80 4"),
        Err("impact \"huge\" is not minimal, low, medium, high or massive".into())
    );
    assert_eq!(
        parse_rice("2000 high 80 0"),
        Err("effort \"0\" is not a whole number above 0".into())
    );
    assert_eq!(
        parse_rice("2000 high 101 1"),
        Err("confidence \"101\" is not 0–100".into())
    );
    assert_eq!(
        parse_rice("-1 high 50 1"),
        Err("reach \"-1\" is not a number".into())
    );
    assert_eq!(parse_impact("0.25"), Ok(Impact::Minimal));
    assert_eq!(parse_impact("Massive"), Ok(Impact::Massive));
    assert_eq!(
        check_rice(&Rice { effort: 0, ..r }),
        Err("RICE effort 0 is not a whole number above 0".into())
    );
    assert_eq!(
        check_rice(&Rice {
            confidence: 150,
            ..r
        }),
        Err("RICE confidence 150% is over 100%".into())
    );
}

#[test]
fn moscow_and_kind() {
    assert_eq!(parse_moscow(""), Ok(None));
    assert_eq!(parse_moscow("Won't"), Ok(Some(Moscow::Wont)));
    assert_eq!(
        parse_moscow("maybe"),
        Err("\"maybe\" is not must, should, could or won't".into())
    );
    assert_eq!(parse_kind(" BUG "), Ok(ItemKind::Bug));
    assert_eq!(
        parse_kind("saga"),
        Err("\"saga\" is not story, bug, task, spike or epic".into())
    );
}

#[test]
fn money_reads_thousands_and_millions_up_to_a_limit() {
    assert_eq!(parse_money(""), Ok(0));
    assert_eq!(parse_money("12,000"), Ok(12_000));
    assert_eq!(parse_money("12k"), Ok(12_000));
    assert_eq!(parse_money("1.5M"), Ok(1_500_000));
    assert_eq!(
        parse_money("lots"),
        Err("\"lots\" is not an amount (e.g. 12000, 12k, 1.5M)".into())
    );
    assert!(parse_money("-5").is_err());
    assert!(parse_money("inf").is_err());
    assert_eq!(parse_money("1000000M"), Ok(MAX_MONEY));
    assert_eq!(
        parse_money("1000001M"),
        Err("\"1000001M\" is more than the most an amount can be (1000000000000)".into())
    );
    assert!(check_money("budget", u64::MAX).is_err());
}

#[test]
fn ranges_say_their_limits() {
    assert_eq!(parse_cadence("14d"), Ok(14));
    assert_eq!(parse_cadence("365"), Ok(365));
    assert_eq!(parse_cadence("0"), Err("\"0\" is not 1–365 days".into()));
    assert_eq!(
        parse_cadence("8000000"),
        Err("\"8000000\" is not 1–365 days".into())
    );
    assert_eq!(
        check_cadence(8_000_000),
        Err("update cadence 8000000 is not 1–365 days".into())
    );
    assert_eq!(parse_scale("3"), Ok(3));
    assert_eq!(parse_scale("7"), Err("\"7\" is not 1–5".into()));
    assert_eq!(check_scale("power", 0), Err("power 0 is not 1–5".into()));
    assert_eq!(parse_wip_limit(""), Ok(None));
    assert_eq!(parse_wip_limit("3"), Ok(Some(3)));
    assert_eq!(parse_wip_limit("0"), Err("\"0\" is not 1–999 items".into()));
    assert_eq!(
        check_wip_limit(5000),
        Err("WIP limit 5000 is not 1–999 items".into())
    );
    assert_eq!(parse_capacity("26"), Ok(26));
    assert_eq!(
        parse_capacity("lots"),
        Err("\"lots\" is not a number of points".into())
    );
    assert_eq!(
        parse_capacity("10000"),
        Err("capacity 10000 is not 0–9999 points".into())
    );
    assert_eq!(parse_standup_minutes("15"), Ok(15));
    assert_eq!(
        parse_standup_minutes("0"),
        Err("\"0\" is not 1–120 minutes".into())
    );
}

#[test]
fn lengths_say_the_most() {
    assert_eq!(check_length("title", "short", MAX_TITLE), Ok(()));
    assert_eq!(check_length("title", &"é".repeat(500), MAX_TITLE), Ok(()));
    assert_eq!(
        check_length("title", &"x".repeat(501), MAX_TITLE),
        Err("title is 501 characters long; the most is 500".into())
    );
    assert_eq!(
        check_count("tags", 51, MAX_TAGS),
        Err("51 tags; the most is 50".into())
    );
    assert_eq!(shorten("abcdef", 3), "abc…");
    assert_eq!(shorten("abc", 3), "abc");
    assert_eq!(shorten("ééé", 2), "éé…");
}

#[test]
fn dates_absolute_relative_and_wrong() {
    let base = date(2026, 11, 28);
    assert_eq!(parse_date("2026-12-14", base), Ok(date(2026, 12, 14)));
    assert_eq!(parse_date("today", base), Ok(base));
    assert_eq!(parse_date(" Today ", base), Ok(base));
    assert_eq!(parse_date("+3", base), Ok(date(2026, 12, 1)));
    assert_eq!(parse_date("+3d", base), Ok(date(2026, 12, 1)));
    assert_eq!(parse_date("+2w", base), Ok(date(2026, 12, 12)));
    assert_eq!(parse_date("-1d", base), Ok(date(2026, 11, 27)));
    assert_eq!(parse_date("-1w", base), Ok(date(2026, 11, 21)));
    assert_eq!(
        parse_date("2026-02-30", base),
        Err(format!("\"2026-02-30\" is not a date ({DATE_HINT})"))
    );
    assert!(parse_date("+x", base).is_err());
    assert!(parse_date("+", base).is_err());
    assert!(parse_date("+-3", base).is_err());
}

#[test]
fn date_arithmetic_never_panics() {
    let base = date(2026, 11, 28);
    let far = "(dates fall in the years 1000–9000)";
    for v in [
        "+8000000d",
        "-8000000d",
        "+99999999999999999999w",
        "+9223372036854775807w",
        "-9223372036854775807d",
        "+3000000d",
        "9999-01-01",
        "0999-12-31",
    ] {
        assert_eq!(
            parse_date(v, base),
            Err(format!("\"{v}\" is too far away {far}")),
            "{v}"
        );
    }
    assert_eq!(add_days(base, i64::MAX), None);
    assert_eq!(add_days(base, 8_000_000), None);
    assert_eq!(add_days(Date::MAX, 1), None);
    assert_eq!(add_days(base, 3), Some(date(2026, 12, 1)));
    assert_eq!(check_date(date(9000, 12, 31)), Ok(date(9000, 12, 31)));
    assert_eq!(
        check_date(date(9001, 1, 1)),
        Err("9001-01-01 is outside the years 1000–9000".into())
    );
}

#[test]
fn months_count_on_the_calendar_and_since_reads_backwards() {
    let base = date(2026, 1, 31);
    assert_eq!(parse_date("+1m", base), Ok(date(2026, 2, 28)));
    assert_eq!(parse_date("-3m", base), Ok(date(2025, 10, 31)));
    assert!(parse_date("+99999999m", base).is_err());
    let today = date(2026, 12, 1);
    assert_eq!(parse_since("2w", today), Ok(date(2026, 11, 17)));
    assert_eq!(parse_since("month", today), Ok(date(2026, 11, 1)));
    assert_eq!(parse_since("week", today), Ok(date(2026, 11, 24)));
    assert_eq!(parse_since("2026-11-05", today), Ok(date(2026, 11, 5)));
    assert!(parse_since("soon", today).is_err_and(|e| e.contains("14d, 2w, 3m")));
}

#[test]
fn a_standup_time_is_hours_and_minutes_or_nothing() {
    use jiff::civil::time;
    assert_eq!(parse_standup_at(""), Ok(None));
    assert_eq!(parse_standup_at(" 9:30 "), Ok(Some(time(9, 30, 0, 0))));
    assert_eq!(parse_standup_at("14:05"), Ok(Some(time(14, 5, 0, 0))));
    for bad in [
        "930", "24:00", "9:5", "9:60", "nine", "09:30:00", "-1:30", ":30",
    ] {
        assert!(
            parse_standup_at(bad).is_err_and(|e| e.contains("like 09:30")),
            "{bad} was taken"
        );
    }
    assert!(check_standup_at(time(9, 30, 15, 0)).is_err());
}
