//! Small custom hooks.

pub mod synced_select;
