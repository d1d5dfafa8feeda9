//! Parsing time grows linearly with the input, whatever its shape: from 1×
//! to 8× the size, the time of each pathological shape may grow at most
//! about ten-fold. Each time is the minimum of a few runs, the two sizes
//! taking turns, all in one process; a shape over the limit is measured
//! again before it fails, since a busy machine can slow any single run but
//! a quadratic step grows some 64-fold every time.
//!
//! `cargo test -p dafu-parser --test linear -- --nocapture` prints them.

#[path = "support/shapes.rs"]
mod shapes;

use std::time::{Duration, Instant};

/// Size of the 1× inputs.
const BASE: usize = 250_000;
/// Growth allowed from 1× to 8× (8 is linear).
const MAX_RATIO: f64 = 10.0;
const RUNS: usize = 5;
const ATTEMPTS: usize = 5;

fn time(text: &str) -> Duration {
    let start = Instant::now();
    std::hint::black_box(dafu_parser::parse(std::hint::black_box(text.as_bytes())));
    start.elapsed()
}

/// The fastest of `RUNS` parses of each text, taking turns.
fn ratio(one: &str, eight: &str) -> (Duration, Duration, f64) {
    let (mut t1, mut t8) = (Duration::MAX, Duration::MAX);
    for _ in 0..RUNS {
        t1 = t1.min(time(one));
        t8 = t8.min(time(eight));
    }
    (t1, t8, t8.as_secs_f64() / t1.as_secs_f64().max(1e-6))
}

#[test]
fn parse_time_grows_linearly() {
    let small = shapes::all(BASE);
    let large = shapes::all(8 * BASE);
    let mut slow = Vec::new();
    for ((name, one), (_, eight)) in small.iter().zip(&large) {
        let mut best = f64::INFINITY;
        for _ in 0..ATTEMPTS {
            let (t1, t8, r) = ratio(one, eight);
            println!(
                "{name:16} 1× {:>7} B {:>9.2?}   8× {:>8} B {:>9.2?}   ratio {r:.1}",
                one.len(),
                t1,
                eight.len(),
                t8
            );
            best = best.min(r);
            if best <= MAX_RATIO {
                break;
            }
        }
        if best > MAX_RATIO {
            slow.push(format!("{name}: {best:.1}×"));
        }
    }
    assert!(slow.is_empty(), "super-linear shapes: {slow:?}");
}
