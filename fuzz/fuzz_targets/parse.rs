//! Any bytes parse without panicking, and every invariant of
//! crates/parser/tests/support/invariants.rs holds.
#![no_main]

#[path = "../../crates/parser/tests/support/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    invariants::assert_parse(data);
});
