use super::*;

const NOW: &str = "2025-11-23T08:15:30.123Z";

fn set(t: &mut Tracker, id: &str, status: Status, today: &str) {
    t.apply(TrackerAction::SetStatus {
        id: id.into(),
        status,
        today: today.into(),
        now: format!("{today}T09:00:00.000Z"),
    });
}

fn note(t: &mut Tracker, id: &str, note: &str, now: &str) -> Option<Notice> {
    t.apply(TrackerAction::SetNote {
        id: id.into(),
        note: note.into(),
        now: now.into(),
    })
}

fn entry(status: Status, note: &str, date: Option<&str>, modified: Option<&str>) -> Entry {
    Entry {
        status,
        note: note.into(),
        date: date.map(Into::into),
        modified: modified.map(Into::into),
        ..Entry::default()
    }
}

fn import(t: &mut Tracker, text: &str) -> Option<Notice> {
    match parse_import("f.json", text) {
        Ok(incoming) => t.apply(TrackerAction::Import(incoming)),
        Err(why) => Some(Notice::ImportFailed {
            file: "f.json".into(),
            why,
        }),
    }
}

#[test]
fn statuses_round_trip_through_their_keys_and_have_labels() {
    for s in Status::ALL {
        assert_eq!(Status::from_key(s.key()), Some(s));
        assert!(!s.label(Lang::Zh).is_empty() && !s.label(Lang::En).is_empty());
    }
    assert_eq!(Status::default(), Status::NotRated);
    assert_eq!(Status::Kept.label(Lang::Zh), "已落实");
    assert_eq!(Status::Compromise.label(Lang::En), "Compromise");
    assert_eq!(Status::from_key("done"), None);
}

#[test]
fn every_change_records_the_modified_time_and_a_status_its_date() {
    let mut t = Tracker::default();
    set(&mut t, "a", Status::InTheWorks, "2025-11-23");
    note(&mut t, "a", "见 2026 年预算", NOW);
    note(&mut t, "b", "只有备注", NOW);
    assert_eq!(
        t.entry("a"),
        Some(&Entry {
            history: vec![Change {
                date: "2025-11-23".into(),
                at: Some("2025-11-23T09:00:00.000Z".into()),
                status: Status::InTheWorks,
            }],
            ..entry(
                Status::InTheWorks,
                "见 2026 年预算",
                Some("2025-11-23"),
                Some(NOW)
            )
        })
    );
    assert_eq!(t.entry("b").unwrap().date, None);
    assert!(t.entry("b").unwrap().history.is_empty(), "a note is no status change");
    assert_eq!(t.entry("b").unwrap().modified.as_deref(), Some(NOW));
    assert_eq!(t.status("b"), Status::NotRated);
    assert_eq!(t.status("missing"), Status::NotRated);
}

#[test]
fn a_note_past_the_limit_is_cut_and_the_user_told() {
    let mut t = Tracker::default();
    let long = "字".repeat(MAX_NOTE_CHARS + 5);
    assert_eq!(note(&mut t, "a", &long, NOW), Some(Notice::NoteTooLong));
    assert_eq!(t.entry("a").unwrap().note.chars().count(), MAX_NOTE_CHARS);
    assert_eq!(note(&mut t, "a", &"字".repeat(MAX_NOTE_CHARS), NOW), None);
}

#[test]
fn reset_clears_everything_and_says_so() {
    let mut t = Tracker::default();
    set(&mut t, "a", Status::Kept, "2025-01-01");
    assert_eq!(t.apply(TrackerAction::Reset), Some(Notice::Reset));
    assert!(t.is_empty());
}

#[test]
fn stored_json_round_trips_and_keeps_ids_not_in_the_corpus() {
    let mut t = Tracker::default();
    set(
        &mut t,
        "沪科提复〔2025〕58号#加强人才引进",
        Status::Kept,
        "2025-07-01",
    );
    set(&mut t, "future-reply#x", Status::Broken, "2025-08-02");
    note(&mut t, "future-reply#x", "引号\"与换行\n", NOW);
    let json = t.to_json();
    assert!(
        json.contains("\"version\":3") && json.contains("\"format\":\"dafu.tracker\""),
        "{json}"
    );
    assert!(json.contains(&format!("\"modified\":\"{NOW}\"")), "{json}");
    assert_eq!(
        Tracker::read(&json),
        Read::Loaded {
            value: t.clone(),
            skipped: 0
        }
    );
    // The export reads back the same.
    let incoming = parse_import("x.json", &t.to_export("2025-11-23")).unwrap();
    assert_eq!(
        (
            Tracker {
                entries: incoming.entries
            },
            incoming.rejected
        ),
        (t, 0)
    );
}

#[test]
fn version_1_is_migrated_entries_gain_an_unknown_modified_time_and_a_history() {
    let v1: Value = serde_json::from_str(
        r#"{"format":"dafu.tracker","version":1,"entries":{
            "a":{"status":"kept","note":"n","date":"2025-01-02"},
            "b":{}
        }}"#,
    )
    .unwrap();
    let Value::Object(v1) = v1 else { panic!() };
    let v2 = Value::Object(migrate(v1, 1));
    assert_eq!(
        v2,
        serde_json::json!({"format":"dafu.tracker","version":3,"entries":{
            "a":{"status":"kept","note":"n","date":"2025-01-02","modified":null,
                 "history":[{"status":"kept","date":"2025-01-02","at":null}]},
            "b":{"modified":null}
        }})
    );
    let Read::Loaded {
        value: tracker,
        skipped,
    } = Tracker::read(&v2.to_string())
    else {
        panic!()
    };
    assert_eq!(skipped, 0);
    assert_eq!(
        tracker.entry("a"),
        Some(&Entry {
            history: vec![Change {
                date: "2025-01-02".into(),
                at: None,
                status: Status::Kept
            }],
            ..entry(Status::Kept, "n", Some("2025-01-02"), None)
        })
    );
    // Version 3 passes unchanged.
    let Value::Object(doc) = v2.clone() else {
        panic!()
    };
    assert_eq!(Value::Object(migrate(doc, 3)), v2);
}

#[test]
fn a_newer_version_is_read_as_far_as_it_can_be_never_called_corrupt() {
    let newer = r#"{"format":"dafu.tracker","version":4,"shiny":true,"entries":{
        "a":{"status":"kept","note":"n","date":"2026-01-02","modified":"2026-01-02T03:04:05.678Z","tags":["x"]},
        "b":{"status":"some_new_status"}
    }}"#;
    let Read::Newer {
        value: tracker,
        version,
    } = Tracker::read(newer)
    else {
        panic!("{:?}", Tracker::read(newer))
    };
    assert_eq!(
        (tracker.len(), tracker.status("a"), version),
        (1, Status::Kept, 4)
    );
    let odd = r#"{"format":"dafu.tracker","version":5,"entries":[1,2]}"#;
    assert_eq!(
        Tracker::read(odd),
        Read::Newer {
            value: Tracker::default(),
            version: 5
        }
    );
    // An import refuses it: its meaning may have changed.
    assert_eq!(parse_import("f", newer), Err(FormatError::Newer(4)));
}

#[test]
fn unreadable_or_foreign_values_are_reported_not_loaded() {
    let corrupt = |s: &str| match Tracker::read(s) {
        Read::Corrupt(e) => e,
        other => panic!("{s:?} loaded as {other:?}"),
    };
    assert!(matches!(corrupt("{not json"), FormatError::NotJson(_)));
    assert!(matches!(corrupt(""), FormatError::NotJson(_)));
    assert_eq!(corrupt("[1,2]"), FormatError::Foreign);
    assert_eq!(corrupt("\"hello\""), FormatError::Foreign);
    assert_eq!(corrupt(r#"{"entries":{}}"#), FormatError::Foreign);
    assert_eq!(
        corrupt(r#"{"format":"other","version":1,"entries":{}}"#),
        FormatError::Foreign
    );
    assert_eq!(
        corrupt(r#"{"version":0,"entries":{}}"#),
        FormatError::Version("0".into())
    );
    assert_eq!(
        corrupt(r#"{"version":1.5,"entries":{}}"#),
        FormatError::Version("1.5".into())
    );
    assert_eq!(
        corrupt(r#"{"version":"1.5","entries":{}}"#),
        FormatError::Version("1.5".into())
    );
    assert_eq!(corrupt(r#"{"version":1,"entries":[]}"#), FormatError::Shape);
    assert_eq!(corrupt(r#"{"version":2}"#), FormatError::Shape);
}

#[test]
fn malformed_entries_are_skipped_and_counted() {
    let text = r#"{"version":2,"entries":{
        "ok":{"status":"kept","note":"n","date":"2025-01-02","modified":"2025-01-02T10:00:00.000Z"},
        "minimal":{},
        "bad-status":{"status":"done"},
        "bad-date":{"status":"kept","date":"2025/01/02"},
        "bad-note":{"note":5},
        "bad-time":{"modified":"yesterday"},
        "not-object":"kept",
        "  ":{"status":"kept"}
    }}"#;
    let Read::Loaded {
        value: tracker,
        skipped,
    } = Tracker::read(text)
    else {
        panic!()
    };
    assert_eq!(skipped, 6);
    assert_eq!(tracker.len(), 2);
    assert_eq!(tracker.entry("minimal"), Some(&Entry::default()));
    assert_eq!(tracker.status("ok"), Status::Kept);
}

#[test]
fn import_adds_updates_keeps_and_reports_counts() {
    let mut t = Tracker::default();
    set(&mut t, "same", Status::Kept, "2025-05-05");
    set(&mut t, "older-here", Status::Stalled, "2025-01-01");
    set(&mut t, "newer-here", Status::Kept, "2025-09-09");
    set(&mut t, "local-only", Status::Broken, "2025-03-03");
    let file = r#"{"format":"dafu.tracker","version":2,"exported":"2025-10-01","entries":{
        "same":{"status":"kept","note":"","date":"2025-05-05","modified":"2025-05-05T09:00:00.000Z"},
        "older-here":{"status":"compromise","note":"部分","date":"2025-06-01","modified":"2025-06-01T09:00:00.000Z"},
        "newer-here":{"status":"broken","note":"","date":"2025-02-02","modified":"2025-02-02T09:00:00.000Z"},
        "new":{"status":"in_the_works","note":"","date":"2025-04-04","modified":null},
        "broken-entry":{"status":42}
    }}"#;
    let notice = import(&mut t, file);
    assert_eq!(
        notice,
        Some(Notice::Imported(ImportReport {
            file: "f.json".into(),
            added: 1,
            updated: 1,
            kept: 2,
            // newer-here keeps its status and takes the file's earlier one
            // into its history.
            extended: 1,
            rejected: 1,
            ..ImportReport::default()
        }))
    );
    assert_eq!(t.status("older-here"), Status::Compromise);
    assert_eq!(t.status("newer-here"), Status::Kept);
    assert_eq!(t.status("new"), Status::InTheWorks);
    assert_eq!(t.status("local-only"), Status::Broken);
    let msg = notice.unwrap().message(Lang::Zh);
    assert!(
        msg.contains("新增 1 条") && msg.contains("拒绝 1 条"),
        "{msg}"
    );
}

/// The old rule let a file with the same status date replace a note
/// written here; now the note stays and the difference is listed.
#[test]
fn an_import_never_replaces_a_note_silently() {
    let mut t = Tracker::default();
    set(&mut t, "a", Status::Kept, "2025-05-05");
    note(&mut t, "a", "本地的备注", "2025-05-05T10:00:00.000Z");
    let file = r#"{"format":"dafu.tracker","version":1,"entries":{
        "a":{"status":"broken","note":"同事的备注","date":"2025-05-05"}
    }}"#;
    let Some(Notice::Imported(report)) = import(&mut t, file) else {
        panic!()
    };
    assert_eq!(t.entry("a").unwrap().note, "本地的备注");
    assert_eq!(t.status("a"), Status::Kept);
    assert_eq!(report.conflicts.len(), 1);
    assert_eq!(report.conflicts[0].id, "a");
    assert_eq!(report.conflicts[0].other.note, "同事的备注");
    assert!(Notice::Imported(report)
        .message(Lang::Zh)
        .contains("冲突 1 条"));
}

#[test]
fn a_bad_import_changes_nothing() {
    let mut t = Tracker::default();
    set(&mut t, "a", Status::Kept, "2025-05-05");
    let before = t.clone();
    for bad in [
        "",
        "garbage",
        "{\"version\":7,\"entries\":{}}",
        "{\"version\":0,\"entries\":{}}",
        "{\"version\":1,\"entries\":3}",
    ] {
        let n = import(&mut t, bad);
        assert!(
            matches!(n, Some(Notice::ImportFailed { .. })),
            "{bad:?}: {n:?}"
        );
        assert_eq!(t, before);
    }
}

#[test]
fn imports_are_capped_in_entries_and_note_length() {
    let mut entries = Map::new();
    for i in 0..=MAX_ENTRIES {
        entries.insert(format!("c-{i}"), serde_json::json!({}));
    }
    let doc = serde_json::json!({"version": 2, "entries": entries}).to_string();
    assert_eq!(
        parse_import("f", &doc),
        Err(FormatError::TooMany(MAX_ENTRIES + 1))
    );

    let long = "字".repeat(MAX_NOTE_CHARS + 1);
    let doc = serde_json::json!({"version": 2, "entries": {"a": {"note": long}}}).to_string();
    let incoming = parse_import("f", &doc).unwrap();
    assert_eq!(incoming.truncated, 1);
    assert_eq!(incoming.entries["a"].note.chars().count(), MAX_NOTE_CHARS);

    // A merge that would pass the limit changes nothing.
    let mut t = Tracker::default();
    for i in 0..MAX_ENTRIES {
        set(&mut t, &format!("c-{i}"), Status::Kept, "2025-01-01");
    }
    let before = t.clone();
    let n = t.apply(TrackerAction::Import(incoming));
    assert!(matches!(
        n,
        Some(Notice::ImportFailed {
            why: FormatError::TooMany(_),
            ..
        })
    ));
    assert_eq!(t, before);
}

#[test]
fn import_accepts_a_byte_order_mark() {
    let mut t = Tracker::default();
    let n = import(
        &mut t,
        "\u{feff}{\"version\":1,\"entries\":{\"x\":{\"status\":\"kept\"}}}",
    );
    assert_eq!(
        n,
        Some(Notice::Imported(ImportReport {
            file: "f.json".into(),
            added: 1,
            ..Default::default()
        }))
    );
}

#[test]
fn two_tabs_merge_their_changes_entry_by_entry() {
    let mut base = Tracker::default();
    set(&mut base, "shared", Status::Stalled, "2025-01-01");
    set(&mut base, "cleared-there", Status::Kept, "2025-01-01");
    let mut mine = base.clone();
    let mut theirs = base.clone();
    set(&mut mine, "mine", Status::Kept, "2025-02-02");
    note(
        &mut theirs,
        "theirs",
        "那边的备注",
        "2025-02-02T10:00:00.000Z",
    );
    note(
        &mut mine,
        "shared",
        "这边的备注",
        "2025-02-02T10:00:00.000Z",
    );
    theirs.entries.remove("cleared-there");
    let (merged, conflicts) = Tracker::sync(&base, &mine, &theirs);
    assert!(conflicts.is_empty());
    assert_eq!(merged.status("mine"), Status::Kept);
    assert_eq!(merged.entry("theirs").unwrap().note, "那边的备注");
    assert_eq!(merged.entry("shared").unwrap().note, "这边的备注");
    assert_eq!(merged.entry("cleared-there"), None, "a removal is taken");

    // Both changed one entry, minutes apart: this tab's stays, the other is listed.
    let mut theirs2 = theirs.clone();
    note(
        &mut theirs2,
        "shared",
        "同时写的",
        "2025-02-02T10:01:00.000Z",
    );
    let (merged, conflicts) = Tracker::sync(&base, &mine, &theirs2);
    assert_eq!(merged.entry("shared").unwrap().note, "这边的备注");
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].other.note, "同时写的");

    // A reset elsewhere clears what this tab did not change since.
    let (merged, _) = Tracker::sync(&base, &mine, &Tracker::default());
    assert_eq!(merged.len(), 2, "{merged:?}");
    assert!(merged.entry("mine").is_some() && merged.entry("shared").is_some());
    // Nothing changed here: theirs as it is.
    assert_eq!(Tracker::sync(&base, &base, &theirs).0, theirs);
}

#[test]
fn progress_counts_untracked_ids_as_not_rated() {
    let mut t = Tracker::default();
    set(&mut t, "a", Status::Kept, "2025-05-05");
    set(&mut t, "b", Status::Compromise, "2025-05-05");
    set(&mut t, "elsewhere", Status::Broken, "2025-05-05");
    let p = t.progress(["a", "b", "c", "d"]);
    assert_eq!(p.total, 4);
    assert_eq!(p.rated(), 2);
    assert_eq!(p.count(Status::NotRated), 2);
    assert_eq!(p.count(Status::Broken), 0);
    assert!((p.done_share() - 0.5).abs() < 1e-9);
    assert_eq!(Tracker::default().progress([]).share(Status::Kept), 0.0);
}

#[test]
fn iso_dates_and_file_names() {
    assert!(is_iso_date("2025-11-23"));
    for bad in [
        "2025-13-01",
        "2025-1-01",
        "2025-11-32",
        "２０２５-11-23",
        "20251123",
        "2025-11-2x",
    ] {
        assert!(!is_iso_date(bad), "{bad}");
    }
    assert_eq!(export_filename("2025-11-23"), "dafu-承诺-2025-11-23.json");
}

fn evidence(reply: &str) -> Evidence {
    Evidence {
        reply: reply.into(),
        terms: vec!["上海技术交易所".into()],
        date: "2025-12-01".into(),
    }
}

#[test]
fn each_status_change_is_kept_with_its_date_and_exported() {
    let mut t = Tracker::default();
    set(&mut t, "a", Status::InTheWorks, "2025-09-01");
    set(&mut t, "a", Status::InTheWorks, "2025-09-05");
    set(&mut t, "a", Status::Stalled, "2025-10-01");
    set(&mut t, "a", Status::Kept, "2025-12-01");
    let steps: Vec<(Status, &str)> = (t.entry("a").unwrap().history.iter())
        .map(|c| (c.status, c.date.as_str()))
        .collect();
    assert_eq!(
        steps,
        [
            (Status::InTheWorks, "2025-09-01"),
            (Status::Stalled, "2025-10-01"),
            (Status::Kept, "2025-12-01")
        ],
        "setting the same status again is no change"
    );
    let mut back = Tracker::default();
    import(&mut back, &t.to_export("2025-12-02"));
    assert_eq!(back, t, "export and import keep the history");
    assert_eq!(Tracker::read(&t.to_json()), Read::Loaded { value: t, skipped: 0 });
}

#[test]
fn evidence_is_added_once_removed_and_exported() {
    let mut t = Tracker::default();
    let add = |t: &mut Tracker, reply: &str| {
        t.apply(TrackerAction::AddEvidence {
            id: "a".into(),
            evidence: evidence(reply),
            now: NOW.into(),
        })
    };
    add(&mut t, "沪科提复〔2025〕58号");
    add(&mut t, "沪科提复〔2025〕58号");
    add(&mut t, "沪科建复〔2025〕40号");
    assert_eq!(t.entry("a").unwrap().evidence.len(), 2);
    assert_eq!(t.entry("a").unwrap().modified.as_deref(), Some(NOW));
    let json = t.to_export("2025-12-02");
    assert!(json.contains("\"evidence\"") && json.contains("沪科提复〔2025〕58号"), "{json}");
    let mut back = Tracker::default();
    import(&mut back, &json);
    assert_eq!(back, t);
    t.apply(TrackerAction::RemoveEvidence {
        id: "a".into(),
        reply: "沪科提复〔2025〕58号".into(),
        now: NOW.into(),
    });
    let left: Vec<&str> = t.entry("a").unwrap().evidence.iter().map(|e| e.reply.as_str()).collect();
    assert_eq!(left, ["沪科建复〔2025〕40号"]);
    for i in 0..MAX_EVIDENCE {
        add(&mut t, &format!("r{i}"));
    }
    assert_eq!(add(&mut t, "one-too-many"), Some(Notice::TooMuchEvidence));
    assert_eq!(t.entry("a").unwrap().evidence.len(), MAX_EVIDENCE);
}

#[test]
fn merges_keep_both_sides_history_and_evidence() {
    let mut mine = Tracker::default();
    set(&mut mine, "a", Status::InTheWorks, "2025-09-01");
    mine.apply(TrackerAction::AddEvidence {
        id: "a".into(),
        evidence: evidence("mine"),
        now: "2025-09-01T09:00:00.000Z".into(),
    });
    let mut theirs = Tracker::default();
    set(&mut theirs, "a", Status::Kept, "2025-12-01");
    theirs.apply(TrackerAction::AddEvidence {
        id: "a".into(),
        evidence: evidence("theirs"),
        now: "2025-12-01T09:00:00.000Z".into(),
    });
    // The file's later entry wins, and brings this side's history along.
    let mut t = mine.clone();
    import(&mut t, &theirs.to_export("2025-12-02"));
    let a = t.entry("a").unwrap();
    assert_eq!(a.status, Status::Kept);
    assert_eq!(a.history.len(), 2);
    let replies: BTreeSet<&str> = a.evidence.iter().map(|e| e.reply.as_str()).collect();
    assert_eq!(replies, BTreeSet::from(["mine", "theirs"]));
    // Two tabs that both changed it since their base: the same.
    let (synced, _) = Tracker::sync(&Tracker::default(), &mine, &theirs);
    assert_eq!(synced.entry("a"), t.entry("a"));
    // One tab withdrew evidence, the other did nothing: the withdrawal holds.
    let mut withdrawn = mine.clone();
    withdrawn.apply(TrackerAction::RemoveEvidence {
        id: "a".into(),
        reply: "mine".into(),
        now: "2025-09-02T09:00:00.000Z".into(),
    });
    let (synced, _) = Tracker::sync(&mine, &withdrawn, &mine);
    assert!(synced.entry("a").unwrap().evidence.is_empty());
}

#[test]
fn malformed_history_or_evidence_sets_the_entry_aside() {
    let text = r#"{"format":"dafu.tracker","version":3,"entries":{
        "ok":{"status":"kept","history":[{"status":"kept","date":"2025-01-02","at":null}],
              "evidence":[{"reply":"r","terms":["t"],"date":"2025-01-03"}]},
        "bad-history":{"status":"kept","history":[{"status":"kept","date":"soon"}]},
        "bad-evidence":{"status":"kept","evidence":[{"reply":"","date":"2025-01-03"}]},
        "bad-terms":{"evidence":[{"reply":"r","terms":[1],"date":"2025-01-03"}]}
    }}"#;
    let Read::Loaded { value, skipped } = Tracker::read(text) else {
        panic!()
    };
    assert_eq!((value.len(), skipped), (1, 3));
    assert_eq!(value.entry("ok").unwrap().evidence[0].terms, ["t"]);
}

#[test]
fn an_import_that_only_dates_a_change_earlier_is_counted_as_extending() {
    let mut t = Tracker::default();
    set(&mut t, "a", Status::Kept, "2025-05-05");
    // The same change, the file knowing it from an hour earlier.
    let file = r#"{"format":"dafu.tracker","version":3,"entries":{
        "a":{"status":"kept","date":"2025-05-05","modified":"2025-05-05T09:00:00.000Z",
             "history":[{"status":"kept","date":"2025-05-05","at":"2025-05-05T08:00:00.000Z"}]}
    }}"#;
    let Some(Notice::Imported(report)) = import(&mut t, file) else {
        panic!()
    };
    assert_eq!((report.kept, report.extended), (1, 1));
    assert_eq!(
        t.entry("a").unwrap().history[0].at.as_deref(),
        Some("2025-05-05T08:00:00.000Z")
    );
}
