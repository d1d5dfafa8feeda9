//! Small custom hooks.

pub mod bodies;
pub mod synced_select;
