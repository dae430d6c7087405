//! Every view of every pane, how to get there from a fresh app, and the keys pressed in it.

/// One view: the keys that open it from a fresh app (on the backlog), then its checks.
pub struct View {
    pub name: &'static str,
    pub enter: &'static [&'static str],
    pub checks: &'static [Check],
}

#[derive(Clone, Copy)]
/// One key of a view: `before` is pressed (not measured) ahead of each press of `keys`.
pub struct Check {
    pub label: &'static str,
    pub before: &'static [&'static str],
    pub keys: &'static [&'static str],
}

const fn key(label: &'static str, keys: &'static [&'static str]) -> Check {
    Check {
        label,
        before: &[],
        keys,
    }
}

const fn after(
    label: &'static str,
    before: &'static [&'static str],
    keys: &'static [&'static str],
) -> Check {
    Check {
        label,
        before,
        keys,
    }
}

/// j, k, G, g: the movement every list has.
macro_rules! moves {
    () => {
        [
            key("j", &["j"]),
            key("k", &["k"]),
            key("G", &["G"]),
            key("g", &["g"]),
        ]
    };
}

pub const VIEWS: &[View] = &[
    View {
        name: "backlog list",
        enter: &[],
        checks: &[
            moves!()[0],
            moves!()[1],
            after("G", &["g"], &["G"]),
            after("g", &["G"], &["g"]),
            key("J (a change)", &["J"]),
            key("K (a change)", &["K"]),
            key("m (a change)", &["m"]),
            key("H (hide done)", &["H"]),
            after("1 after a change in the sprint", &["2", "L"], &["1"]),
        ],
    },
    View {
        name: "backlog grouped by epic",
        enter: &["z"],
        checks: &[
            moves!()[0],
            moves!()[1],
            after("G", &["g"], &["G"]),
            after("g", &["G"], &["g"]),
            key("J (a change)", &["J"]),
            key("space (fold)", &["space"]),
        ],
    },
    View {
        name: "backlog details",
        enter: &["enter"],
        checks: &[
            moves!()[0],
            moves!()[1],
            key("ctrl-e", &["ctrl-e"]),
            key("J (a change)", &["J"]),
        ],
    },
    View {
        name: "backlog cut line",
        enter: &["L"],
        checks: &[
            moves!()[0],
            moves!()[1],
            key("J (a change)", &["J"]),
            key("L (next cut)", &["L"]),
        ],
    },
    View {
        name: "backlog filter typing",
        enter: &["/"],
        checks: &[
            key("typing a letter", &["e"]),
            key("backspace", &["backspace"]),
        ],
    },
    View {
        name: "backlog filtered (search)",
        enter: &["/", "e", "enter"],
        checks: &[
            moves!()[0],
            moves!()[1],
            after("G", &["g"], &["G"]),
            after("g", &["G"], &["g"]),
            key("J (a change)", &["J"]),
        ],
    },
    View {
        name: "sprint board",
        enter: &["2"],
        checks: &[
            moves!()[0],
            moves!()[1],
            key("l", &["l"]),
            key("h", &["h"]),
            after("G", &["g"], &["G"]),
            after("g", &["G"], &["g"]),
            key("L (a change)", &["L"]),
            key("H (a change)", &["H"]),
            after("2 after a change in the backlog", &["1", "J"], &["2"]),
        ],
    },
    View {
        name: "sprint burndown",
        enter: &["2", "b"],
        checks: &[moves!()[0], after("b after a change", &["b", "L"], &["b"])],
    },
    View {
        name: "sprint cumulative flow",
        enter: &["2", "F"],
        checks: &[
            moves!()[0],
            key("F (the next chart)", &["F"]),
            after("F after a change", &["esc", "L"], &["F"]),
        ],
    },
    View {
        name: "sprint planning",
        enter: &["2", "P"],
        checks: &[
            moves!()[0],
            moves!()[1],
            after("G", &["g"], &["G"]),
            after("g", &["G"], &["g"]),
            key("l", &["l"]),
            key("h", &["h"]),
            key("s (a change)", &["s"]),
        ],
    },
    View {
        name: "sprint team",
        enter: &["2", "T"],
        checks: &[moves!()[0], moves!()[1]],
    },
    View {
        name: "sprint standup",
        enter: &["2", "S"],
        checks: &[
            key("space (next stop)", &["space"]),
            moves!()[0],
            moves!()[1],
            key("L (a change)", &["L"]),
        ],
    },
    View {
        name: "timeline gantt (weeks)",
        enter: &["3"],
        checks: &[
            moves!()[0],
            moves!()[1],
            after("G", &["g"], &["G"]),
            after("g", &["G"], &["g"]),
            key("l (scroll)", &["l"]),
            key("h (scroll)", &["h"]),
            key("> (a change)", &[">"]),
            key("< (a change)", &["<"]),
            key("c (critical path)", &["c"]),
            after("3 after a change in the backlog", &["1", "J"], &["3"]),
            after("3 after a change in the sprint", &["2", "L"], &["3"]),
        ],
    },
    View {
        name: "timeline gantt (days)",
        enter: &["3", "+"],
        checks: &[
            moves!()[0],
            moves!()[1],
            key("l (scroll)", &["l"]),
            key("> (a change)", &[">"]),
        ],
    },
    View {
        name: "timeline gantt (months)",
        enter: &["3", "-"],
        checks: &[
            moves!()[0],
            moves!()[1],
            key("l (scroll)", &["l"]),
            key("> (a change)", &[">"]),
        ],
    },
    View {
        name: "timeline budget",
        enter: &["3", "$"],
        checks: &[
            moves!()[0],
            moves!()[1],
            after("3 after a change in the backlog", &["1", "J"], &["3"]),
            after("3 after a change in the sprint", &["2", "L"], &["3"]),
            after("3 after an undo", &["u"], &["3"]),
        ],
    },
    View {
        name: "timeline risks",
        enter: &["3", "r"],
        checks: &[
            moves!()[0],
            moves!()[1],
            after("G", &["g"], &["G"]),
            after("g", &["G"], &["g"]),
            key("x (a change)", &["x"]),
        ],
    },
    View {
        name: "stakeholders list",
        enter: &["4"],
        checks: &[
            moves!()[0],
            moves!()[1],
            after("G", &["g"], &["G"]),
            after("g", &["G"], &["g"]),
            key("J (a change)", &["J"]),
            key("K (a change)", &["K"]),
            key("L (a change)", &["L"]),
            key("H (a change)", &["H"]),
            after("4 after a change in the backlog", &["1", "J"], &["4"]),
        ],
    },
    View {
        name: "stakeholders grid",
        enter: &["4", "v"],
        checks: &[
            moves!()[0],
            moves!()[1],
            key("right", &["right"]),
            key("left", &["left"]),
            key("K (a change)", &["K"]),
        ],
    },
    View {
        name: "stakeholders notes timeline",
        enter: &["4", "t"],
        checks: &[
            moves!()[0],
            moves!()[1],
            after("G", &["g"], &["G"]),
            after("g", &["G"], &["g"]),
        ],
    },
    View {
        name: "palette",
        enter: &[":"],
        checks: &[
            key("down", &["down"]),
            key("up", &["up"]),
            key("typing a letter", &["e"]),
            key("backspace", &["backspace"]),
        ],
    },
    View {
        name: "help",
        enter: &["?"],
        checks: &[moves!()[0], moves!()[1]],
    },
];
