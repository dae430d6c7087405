//! CSV export and import of backlog items (being written).
