//! Typed ids: a number in the file, a distinct type in the code so an item id is never taken for a sprint id.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// A backlog item; shown as `KEY-N` (e.g. `CRN-12`).
    ItemId
);
id_type!(
    /// A sprint.
    SprintId
);
id_type!(
    /// A timeline entry (phase, milestone, release).
    EntryId
);
id_type!(
    /// A risk in the register.
    RiskId
);
id_type!(
    /// A stakeholder.
    StakeholderId
);
id_type!(
    /// A note about a stakeholder; unique across all stakeholders.
    NoteId
);

/// The next free id of each kind. Within a run an id is never reused, even after a delete; the file
/// keeps no counters (schema 3: the next id comes from the ids present, so two clones adding work do
/// not both change one line), so after a restart the highest id deleted can come back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counters {
    pub item: u32,
    pub sprint: u32,
    pub entry: u32,
    pub risk: u32,
    pub stakeholder: u32,
    pub note: u32,
}

impl Default for Counters {
    fn default() -> Self {
        Counters {
            item: 1,
            sprint: 1,
            entry: 1,
            risk: 1,
            stakeholder: 1,
            note: 1,
        }
    }
}
