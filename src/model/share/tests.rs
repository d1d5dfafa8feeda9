use super::*;
use crate::model::tracker::{Status, Tracker, TrackerAction};

fn tracker(n: usize) -> Tracker {
    let mut t = Tracker::default();
    for i in 0..n {
        let id = format!("c-{i:012x}");
        t.apply(TrackerAction::SetStatus {
            id: id.clone(),
            status: Status::ALL[i % Status::ALL.len()],
            today: "2025-11-23".into(),
            now: format!("2025-11-23T08:{:02}:30.123Z", i % 60),
        });
        if i % 2 == 0 {
            t.apply(TrackerAction::SetNote {
                id,
                note: format!("第 {i} 项：见实施细则, \"待查\""),
                now: "2025-11-23T09:00:00.000Z".into(),
            });
        }
    }
    t
}

/// What a link carries of `t`, packed without compression.
fn data_of(t: &Tracker) -> String {
    pack(
        Packing::Plain,
        compact(&t.to_export("2025-11-24")).as_bytes(),
    )
}

fn offer_of(data: &str) -> Result<Offer, ShareError> {
    let (packing, bytes) = unpack(data)?;
    assert_eq!(packing, Packing::Plain);
    read(&bytes)
}

#[test]
fn a_link_brings_back_every_shared_entry_as_it_was() {
    let all = tracker(7);
    let ids = [
        "c-000000000001",
        "c-000000000002",
        "c-000000000004",
        "not-tracked",
    ];
    let shared = all.only(ids);
    assert_eq!(shared.len(), 3, "an id not tracked is left out");
    let offer = offer_of(&data_of(&shared)).unwrap();
    assert_eq!(offer.shared.as_deref(), Some("2025-11-24"));
    assert_eq!(offer.incoming.rejected, 0);
    assert_eq!(offer.incoming.entries.len(), 3);
    for (id, entry) in &offer.incoming.entries {
        assert_eq!(Some(entry), all.entry(id), "{id}");
    }
    // Imported, it is the same tracker.
    let mut fresh = Tracker::default();
    fresh.apply(TrackerAction::Import(offer.incoming));
    assert_eq!(fresh, shared);
}

#[test]
fn the_compact_payload_drops_only_what_reads_as_absent() {
    let doc = r#"{"format":"dafu.tracker","version":2,"exported":"2025-11-24","later":[1],
        "entries":{"a":{"status":"kept","note":"","date":null,"modified":null,"history":[{"status":"stalled"}]},
                   "b":{"status":"not_rated","note":"x","date":"2025-01-02","modified":"2025-01-02T03:04:05.678Z"}}}"#;
    let compacted: Value = serde_json::from_str(&compact(doc)).unwrap();
    let expected: Value = serde_json::from_str(
        r#"{"version":2,"exported":"2025-11-24","later":[1],
            "entries":{"a":{"status":"kept","history":[{"status":"stalled"}]},
                       "b":{"status":"not_rated","note":"x","date":"2025-01-02","modified":"2025-01-02T03:04:05.678Z"}}}"#,
    )
    .unwrap();
    assert_eq!(compacted, expected, "unknown keys travel as they are");
    assert!(!compact(doc).contains('\n'));
}

#[test]
fn packing_round_trips_any_bytes_in_url_safe_characters() {
    for payload in [
        &b"{}"[..],
        &[0, 255, 254, 62, 63],
        "承诺".as_bytes(),
        &[7; 1000],
    ] {
        for packing in [Packing::Deflate, Packing::Plain] {
            let data = pack(packing, payload);
            assert!(
                data.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
                "{data}"
            );
            assert_eq!(unpack(&data).unwrap(), (packing, payload.to_vec()));
        }
    }
}

#[test]
fn damaged_data_is_refused_before_anything_is_read() {
    for data in [
        "", "z", "j", "x", /* unknown packing */
        "q1YKi1Oi", "zab$cd", "jYQ=",
    ] {
        assert_eq!(unpack(data), Err(ShareError::Damaged), "{data:?}");
    }
    let long = format!("z{}", "A".repeat(MAX_LINK_CHARS));
    assert_eq!(unpack(&long), Err(ShareError::TooLong(MAX_LINK_CHARS + 1)));
}

#[test]
fn a_payload_that_is_not_a_tracker_document_changes_nothing() {
    let cases: [(&[u8], ShareError); 6] = [
        (b"\xff\xfe", ShareError::Damaged),
        (b"{\"version\":2,\"entries\":{\"a\":", ShareError::Damaged),
        (b"[1,2]", ShareError::Damaged),
        (
            b"{\"format\":\"other\",\"version\":2,\"entries\":{}}",
            ShareError::Format(FormatError::Foreign),
        ),
        (
            b"{\"version\":9,\"entries\":{\"a\":{}}}",
            ShareError::Format(FormatError::Newer(9)),
        ),
        (b"{\"version\":2,\"entries\":{}}", ShareError::Empty),
    ];
    for (payload, why) in cases {
        assert_eq!(
            read(payload),
            Err(why),
            "{}",
            String::from_utf8_lossy(payload)
        );
    }
    let big = format!(
        "{{\"version\":2,\"entries\":{{\"a\":{{\"note\":\"{}\"}}}}}}",
        "x".repeat(MAX_PAYLOAD_BYTES)
    );
    assert_eq!(read(big.as_bytes()), Err(ShareError::TooBig));
    let many = compact(&tracker(MAX_LINK_ENTRIES + 1).to_export("2025-11-24"));
    assert_eq!(
        read(many.as_bytes()),
        Err(ShareError::TooMany(MAX_LINK_ENTRIES + 1))
    );
}

#[test]
fn malformed_entries_are_rejected_as_an_import_rejects_them() {
    let offer =
        read(br#"{"version":2,"entries":{"a":{"status":"kept"},"b":{"status":"done"}}}"#).unwrap();
    assert_eq!(offer.incoming.entries.len(), 1);
    assert_eq!(offer.incoming.rejected, 1);
    assert_eq!(offer.shared, None);
    let v1 = read(br#"{"version":1,"exported":"2025-13-01","entries":{"a":{"status":"kept","date":"2025-01-02"}}}"#)
        .unwrap();
    assert_eq!(
        v1.incoming.entries["a"].modified, None,
        "version 1 is migrated"
    );
    assert_eq!(v1.shared, None, "not a valid date");
}

#[test]
fn a_link_keeps_the_filters_and_stops_at_its_limit() {
    let query = CommitmentsQuery {
        status: Some(Status::Kept),
        reply: Some("沪科提复〔2025〕58号".into()),
        share: Some("old".into()),
    };
    let page = "https://example.org/dafu/index.html";
    let made = link(page, &query, "zABC".into()).unwrap();
    assert!(
        made.starts_with("https://example.org/dafu/index.html#/commitments?status=kept&reply=%E6")
    );
    assert!(made.ends_with("&share=zABC"), "{made}");
    assert!(made.is_ascii());
    let room = MAX_LINK_CHARS
        - link(page, &CommitmentsQuery::default(), String::new())
            .unwrap()
            .len();
    let fits = link(page, &CommitmentsQuery::default(), "z".repeat(room));
    assert_eq!(fits.map(|l| l.len()), Ok(MAX_LINK_CHARS));
    let over = link(page, &CommitmentsQuery::default(), "z".repeat(room + 1));
    assert_eq!(over, Err(ShareError::TooLong(MAX_LINK_CHARS + 1)));
}

#[test]
fn the_link_opens_this_page_without_its_hash_or_the_embed_switch() {
    for (href, page) in [
        (
            "https://a.org/dafu/#/commitments?status=kept",
            "https://a.org/dafu/",
        ),
        (
            "https://a.org/dafu/index.html?embed#/",
            "https://a.org/dafu/index.html",
        ),
        (
            "https://a.org/x?lang=1&embed=1&y=2#/about",
            "https://a.org/x?lang=1&y=2",
        ),
        ("https://a.org/x?embedded=1", "https://a.org/x?embedded=1"),
        (
            "file:///media/u/dafu%20%E7%A6%BB%E7%BA%BF/dafu-offline.html#/",
            "file:///media/u/dafu%20%E7%A6%BB%E7%BA%BF/dafu-offline.html",
        ),
    ] {
        assert_eq!(page_address(href), page, "{href}");
    }
}

#[test]
fn a_share_file_is_named_for_what_it_is() {
    assert_eq!(
        share_filename("2025-11-23"),
        "dafu-承诺-分享-2025-11-23.json"
    );
}

#[test]
fn every_share_message_reads_in_both_languages() {
    let errors = [
        ShareError::Empty,
        ShareError::TooMany(300),
        ShareError::TooLong(9_000),
        ShareError::TooBig,
        ShareError::Damaged,
        ShareError::Unsupported,
        ShareError::Format(FormatError::Newer(3)),
    ];
    for e in errors {
        assert!(!e.message(Lang::Zh).is_empty());
        assert!(e.message(Lang::En).is_ascii(), "{}", e.message(Lang::En));
        let news = ShareNews::Refused(e);
        assert!(news.is_problem());
        assert!(news.message(Lang::En).is_ascii());
    }
    let copied = ShareNews::Copied {
        entries: 2,
        chars: 1_234,
    };
    assert!(!copied.is_problem());
    assert!(copied.message(Lang::Zh).contains("1,234 个字符"));
}

#[test]
fn the_offer_names_the_replies_it_comes_from() {
    let corpus = Corpus::new(crate::model::bundled::load().unwrap());
    let with: Vec<_> = corpus
        .entries
        .iter()
        .filter(|e| !e.commitments.is_empty())
        .collect();
    assert!(!with.is_empty(), "the bundled corpus has commitments");
    let mut t = Tracker::default();
    for id in [&with[0].commitments[0], &"c-elsewhere".to_owned()] {
        t.apply(TrackerAction::SetStatus {
            id: id.clone(),
            status: Status::Kept,
            today: "2025-11-23".into(),
            now: "2025-11-23T08:15:30.123Z".into(),
        });
    }
    let offer = offer_of(&data_of(&t)).unwrap();
    assert_eq!(replies_of(&corpus, &offer), (vec![with[0].id.clone()], 1));
}
