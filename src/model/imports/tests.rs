use super::*;

/// [`check`] then [`add`], as the app does in two steps.
fn offer(files: &mut Vec<Imported>, offered: Vec<Offered>, today: &str) -> Report {
    let checked = offered.into_iter().map(|o| check(o, today)).collect();
    add(files, checked)
}

fn offered(file: &str, bytes: &[u8]) -> Offered {
    let (text, encoding) = dafu_parser::decode_text(bytes);
    Offered {
        file: file.into(),
        text,
        encoding,
    }
}

fn reply_text(number: &str) -> String {
    let real = include_str!("../../../corpus/000_00776b651792bc00.txt");
    let old = dafu_parser::parse(real.as_bytes()).meta.doc_number.unwrap();
    real.replacen(&old, number, 1)
}

#[test]
fn utf8_and_gbk_replies_are_added_other_files_refused() {
    let text = reply_text("沪科提复〔2026〕1号");
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    let mut files = Vec::new();
    let report = offer(
        &mut files,
        vec![
            offered("a.txt", text.as_bytes()),
            offered("b.txt", &gbk),
            offered("notes.md", "# 会议纪要\n\n今天讨论了预算。".as_bytes()),
            offered("x.bin", &[0xff, 0xfe, 0x00, 0x81]),
        ],
        "2026-12-02",
    );
    assert_eq!(report.added, ["a.txt", "b.txt"]);
    assert_eq!(files[1].encoding, Encoding::Gb18030);
    assert_eq!(files[1].text, text);
    assert_eq!(
        files[0].reply.meta.doc_number.as_deref(),
        Some("沪科提复〔2026〕1号")
    );
    assert!(
        matches!(&report.refused[0], (f, Refusal::NotAReply(why)) if f == "notes.md" && why.contains("文号"))
    );
    assert_eq!(report.refused[1], ("x.bin".into(), Refusal::NotText));
    assert!(report.message(Lang::Zh).contains("notes.md 未导入"));
    assert!(report.is_problem());
}

#[test]
fn the_same_name_replaces_and_the_room_is_limited() {
    let text = reply_text("沪科提复〔2026〕2号");
    let mut files = Vec::new();
    offer(&mut files, vec![offered("a.txt", text.as_bytes())], "d");
    let again = offer(&mut files, vec![offered("a.txt", text.as_bytes())], "e");
    assert_eq!(
        (again.replaced.len(), files.len(), files[0].added.as_str()),
        (1, 1, "e")
    );

    let room = MAX_CHARS / text.chars().count();
    let many = (0..room)
        .map(|i| offered(&format!("{i}.txt"), text.as_bytes()))
        .collect();
    let report = offer(&mut files, many, "d");
    assert_eq!(files.len(), room, "a.txt and room - 1 more");
    assert!(matches!(
        report.refused.as_slice(),
        [(_, Refusal::NoRoom { .. })]
    ));
}

#[test]
fn stored_value_round_trips_and_garbage_is_an_error() {
    let mut files = Vec::new();
    offer(
        &mut files,
        vec![offered(
            "a.txt",
            reply_text("沪科提复〔2026〕3号").as_bytes(),
        )],
        "d",
    );
    assert_eq!(
        read(&to_stored(&files)),
        Read::Loaded {
            value: files.clone(),
            skipped: 0
        }
    );
    assert_eq!(files.write(), Some(to_stored(&files)));
    assert_eq!(Vec::<Imported>::new().write(), None, "the key is removed");
    assert!(matches!(read("{nope"), Read::Corrupt(_)));
    assert!(matches!(
        read(r#"{"version":0,"files":[]}"#),
        Read::Corrupt(_)
    ));
    // A newer version is read as far as its files read like these.
    let newer = to_stored(&files).replacen("\"version\":1", "\"version\":2", 1);
    assert_eq!(
        read(&newer),
        Read::Newer {
            value: files,
            version: 2
        }
    );
    assert_eq!(
        read(r#"{"version":3,"files":"elsewhere"}"#),
        Read::Newer {
            value: vec![],
            version: 3
        }
    );
}

#[test]
fn a_file_too_large_is_refused_unread_and_named() {
    assert_eq!(Checked::too_big("a.txt", MAX_FILE_BYTES), None);
    let big = Checked::too_big("huge.txt", 200 << 20).unwrap();
    let mut files = Vec::new();
    let report = add(&mut files, vec![big]);
    assert!(files.is_empty());
    let msg = report.message(Lang::Zh);
    assert!(
        msg.contains("huge.txt 未导入：文件有 200 MB，超过单个答复文件的上限 2 MB"),
        "{msg}"
    );
}

#[test]
fn two_pages_importing_at_once_keep_both_files() {
    let one = offered("one.txt", reply_text("沪科提复〔2026〕4号").as_bytes());
    let two = offered("two.txt", reply_text("沪科提复〔2026〕5号").as_bytes());
    let base = Vec::new();
    let (mut mine, mut theirs) = (Vec::new(), Vec::new());
    offer(&mut mine, vec![one], "d");
    offer(&mut theirs, vec![two], "d");
    let (merged, _) = Vec::<Imported>::sync(&base, &mine, &theirs);
    let names: Vec<&str> = merged.iter().map(|f| f.file.as_str()).collect();
    assert_eq!(names, ["one.txt", "two.txt"]);
    // A removal there is taken; a file kept here and not touched there stays.
    let (merged, _) = Vec::<Imported>::sync(&merged, &merged, &mine);
    assert_eq!(merged, mine);
}
