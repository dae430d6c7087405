//! Synthetic boards (being written).
