//! What must hold for any parsed input, whatever its bytes: every range is
//! on character boundaries of the text it indexes, figure and date texts are
//! their slices, commitment ids are unique, and parsing the same bytes twice
//! gives the same commitment ids. Shared by the property tests, the crash
//! regressions and the fuzz target (fuzz/fuzz_targets/parse.rs).

use dafu_parser::{parse, Reply, Span};

/// Parses `bytes` twice and panics, naming the broken invariant, unless
/// everything holds; returns the reply.
pub fn assert_parse(bytes: &[u8]) -> Reply {
    let reply = parse(bytes);
    assert_invariants(&reply);
    let ids = |r: &Reply| {
        r.commitments
            .iter()
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(&parse(bytes)),
        ids(&reply),
        "ids differ between two parses"
    );
    reply
}

/// The invariants of one reply.
pub fn assert_invariants(reply: &Reply) {
    let block_text = |block: u32, what: &str| -> &str {
        match reply.blocks.get(block as usize) {
            Some(b) => &b.text,
            None => panic!("{what}: block {block} of {}", reply.blocks.len()),
        }
    };
    let slice = |text: &str, span: Span, what: &str| -> String {
        assert!(span.start <= span.end, "{what}: reversed range {span:?}");
        match text.get(span.range()) {
            Some(s) => s.to_owned(),
            None => panic!(
                "{what}: {span:?} not on char boundaries of {} bytes",
                text.len()
            ),
        }
    };
    for (i, b) in reply.blocks.iter().enumerate() {
        assert!(
            b.source.start <= b.source.end && b.source.end <= reply.source_len,
            "block {i}: source {:?} beyond {}",
            b.source,
            reply.source_len
        );
        for s in &b.bold {
            slice(&b.text, *s, &format!("block {i} bold"));
        }
    }
    for f in &reply.figures {
        let text = block_text(f.block, "figure");
        let found = slice(text, f.range, "figure");
        assert_eq!(found, f.text, "figure text is its slice");
        assert!(!f.range.is_empty(), "empty figure {f:?}");
    }
    for d in &reply.dates {
        let text = block_text(d.block, "date");
        assert_eq!(
            slice(text, d.range, "date"),
            d.text,
            "date text is its slice"
        );
    }
    let mut ids = std::collections::HashSet::new();
    for c in &reply.commitments {
        let text = block_text(c.block, "commitment");
        slice(text, c.range, "commitment");
        assert!(
            ids.insert(c.id.as_str()),
            "duplicate commitment id {}",
            c.id
        );
    }
    for w in &reply.warnings {
        assert!(w.line >= 1 && w.column >= 1, "warning place {w:?}");
    }
}
