//! The Markdown status report (being written).
