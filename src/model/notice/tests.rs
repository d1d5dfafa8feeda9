use super::*;
use crate::model::tracker::Entry;

#[test]
fn every_notice_has_a_message_in_both_languages_and_a_topic() {
    let conflict = Conflict {
        id: "c".into(),
        local: Entry::default(),
        other: Entry::default(),
    };
    let notices = [
        Notice::Corrupt {
            reason: FormatError::Foreign,
            backup: Some("k".into()),
        },
        Notice::Corrupt {
            reason: FormatError::NotJson("x".into()),
            backup: None,
        },
        Notice::Skipped {
            count: 2,
            backup: None,
        },
        Notice::Skipped {
            count: 1,
            backup: Some("k".into()),
        },
        Notice::LegacyUnreadable(FormatError::Shape),
        Notice::Newer {
            what: Store::Tracker,
            version: 3,
        },
        Notice::Newer {
            what: Store::Imports,
            version: 2,
        },
        Notice::StoredReset {
            what: Store::Imports,
            backup: Some("k".into()),
        },
        Notice::StoredReset {
            what: Store::Tracker,
            backup: None,
        },
        Notice::Unavailable,
        Notice::QuotaExceeded,
        Notice::SaveFailed("x".into()),
        Notice::Imported(ImportReport {
            file: "f.json".into(),
            rejected: 1,
            truncated: 2,
            conflicts: vec![conflict.clone()],
            ..ImportReport::default()
        }),
        Notice::ImportFailed {
            file: "f.json".into(),
            why: FormatError::TooBig { bytes: 6 << 20 },
        },
        Notice::ImportFailed {
            file: "f.json".into(),
            why: FormatError::TooMany(60_000),
        },
        Notice::ImportFailed {
            file: "f.json".into(),
            why: FormatError::Newer(3),
        },
        Notice::NoteTooLong,
        Notice::Reset,
        Notice::Exported("f.json".into()),
        Notice::Conflicts(vec![conflict]),
        Notice::ReplyRemoved("a.txt".into()),
        Notice::Share(ShareNews::Copied {
            entries: 3,
            chars: 1_200,
        }),
        Notice::Share(ShareNews::Shown {
            entries: 3,
            chars: 1_200,
        }),
        Notice::Share(ShareNews::Refused(crate::model::share::ShareError::TooLong(9_000))),
    ];
    for n in notices {
        assert!(!n.message(Lang::Zh).is_empty());
        assert!(n.message(Lang::En).is_ascii(), "{}", n.message(Lang::En));
        assert!(!n.topic().key().is_empty());
    }
}

#[test]
fn sizes_read_in_megabytes() {
    assert_eq!(megabytes(200 << 20), "200 MB");
    assert_eq!(megabytes(5 << 20), "5 MB");
    assert_eq!(megabytes(5 << 19), "2.5 MB");
    let msg = Notice::ImportFailed {
        file: "huge.json".into(),
        why: FormatError::TooBig { bytes: 6 << 20 },
    }
    .message(Lang::Zh);
    assert!(
        msg.contains("huge.json") && msg.contains("6 MB") && msg.contains("5 MB"),
        "{msg}"
    );
}
