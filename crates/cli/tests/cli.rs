//! End-to-end tests of the `dafu` binary against the bundled corpus.

mod support;

use serde_json::Value;
use support::{assert_contract, corpus, corpus_file, dafu, parse_json, stderr, stdout, temp_file};

const FIRST: &str = "000_00776b651792bc00.txt";
const SUGGESTION: &str = "003_d4d267bebd93aa1d.txt";

#[test]
fn parse_json_follows_the_contract() {
    let file = corpus_file(FIRST);
    let replies = parse_json(&[&file]);
    assert_eq!(replies.len(), 1);
    assert_eq!(replies[0]["file"], file.as_str(), "the path as given");
    assert_contract(&replies[0]);
}

#[test]
fn parse_json_of_a_directory_is_one_object_per_file_in_order() {
    let replies = parse_json(&[&corpus().display().to_string()]);
    assert_eq!(replies.len(), 5);
    let names: Vec<&str> = replies
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    replies.iter().for_each(assert_contract);
}

/// Needs the real parser.
#[test]
fn parse_json_carries_the_metadata_of_the_corpus() {
    let r = &parse_json(&[&corpus_file(FIRST)])[0];
    assert_eq!(r["doc_number"], "沪科提复〔2025〕58号");
    assert_eq!(r["doc_year"], 2025);
    assert_eq!(r["kind"], "proposal");
    assert_eq!(r["session"], "市政协十四届三次会议");
    assert_eq!(r["proposal_number"], "1168");
    assert_eq!(
        r["proposers"],
        serde_json::json!(["成键", "周轶敏", "陈卫标"])
    );
    assert_eq!(r["proposers_more"], true);
    assert!(r["title"]
        .as_str()
        .unwrap()
        .contains("制度创新推进上海硬科技成果转化"));
    assert_eq!(r["result"], "解决采纳");
    assert_eq!(r["date"], "2025-07-24");
    assert_eq!(r["contact"]["name"], "李广立");
    assert_eq!(r["contact"]["phone"], "23119275");
    assert!(r["missing"].as_array().unwrap().is_empty());
    assert!(!r["paragraphs"].as_array().unwrap().is_empty());
    let figures = r["figures"].as_array().unwrap();
    assert!(!figures.is_empty());
    // start/end are code-point offsets into the figure's paragraph text.
    for f in figures {
        let text = r["paragraphs"][f["paragraph"].as_u64().unwrap() as usize]["text"]
            .as_str()
            .unwrap();
        let (start, end) = (f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap());
        let span: String = text
            .chars()
            .skip(start as usize)
            .take((end - start) as usize)
            .collect();
        assert_eq!(span, f["text"].as_str().unwrap());
    }

    let s = &parse_json(&[&corpus_file(SUGGESTION)])[0];
    assert_eq!(s["doc_number"], "沪科建复〔2025〕38号");
    assert_eq!(s["kind"], "suggestion");
    assert_eq!(s["proposal_number"], "0459");
    assert_eq!(s["proposers"], serde_json::json!(["谢吉华"]));
    assert_eq!(s["date"], "2025-06-25");
}

/// Needs the real parser (encoding detection).
#[test]
fn gbk_input_parses_like_utf8() {
    let utf8 = std::fs::read_to_string(corpus().join(FIRST)).unwrap();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&utf8);
    assert!(!unmappable);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gbk.txt");
    std::fs::write(&path, &gbk).unwrap();
    let mut a = parse_json(&[&corpus_file(FIRST)]).remove(0);
    let mut b = parse_json(&[&path.display().to_string()]).remove(0);
    assert_eq!(b["encoding"], "gb18030");
    for v in [&mut a, &mut b] {
        let o = v.as_object_mut().unwrap();
        o.remove("file");
        o.remove("encoding");
    }
    assert_eq!(a, b);
}

#[test]
fn parse_summary_names_each_file() {
    let file = corpus_file(FIRST);
    let out = dafu(&["parse", &file]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.starts_with(&file), "{text}");
    assert!(text.contains("figures") && text.contains("commitments") && text.contains("warnings"));
}

#[test]
fn parse_reports_a_missing_file_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-reply.txt").display().to_string();
    let out = dafu(&["parse", "--json", &missing, &corpus_file(FIRST)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(&missing), "{}", stderr(&out));
    let replies: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(replies.len(), 1);
}

#[test]
fn check_accepts_the_corpus() {
    let out = dafu(&["check".as_ref(), corpus().as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(
        text.lines().last(),
        Some("checked 5 files: 5 ok, 0 not replies")
    );
}

/// Needs the real parser (`dafu_parser::check`).
#[test]
fn check_rejects_prose_naming_the_file_and_what_is_missing() {
    let (_dir, readme) = temp_file(
        "README.md",
        "# dafu\n\nA parser for official replies. It reads plain text and writes JSON.\n\n\
         Run `dafu check corpus/` to see whether every file is a reply.\n",
    );
    let out = dafu(&[
        "check".as_ref(),
        readme.as_os_str(),
        corpus().join(FIRST).as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let name = readme.display().to_string();
    assert!(
        err.contains(&format!("{name}: error: not a recognisable reply: missing")),
        "{err}"
    );
    assert!(err.contains("文号"), "names what is missing: {err}");
    assert_eq!(
        stdout(&out).lines().last(),
        Some("checked 2 files: 1 ok, 1 not replies")
    );
}

#[test]
fn check_missing_file_exits_2_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone.txt").display().to_string();
    let out = dafu(&["check", &missing, &corpus_file(FIRST)]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{missing}: error: cannot read")),
        "{err}"
    );
    assert!(stdout(&out)
        .lines()
        .last()
        .unwrap()
        .ends_with(", 1 unreadable"));
}

#[test]
fn export_csv_has_bom_and_header() {
    let out = dafu(&["export".as_ref(), corpus().as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM first");
    let mut reader = csv::Reader::from_reader(&out.stdout[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let expected = "file,doc_number,kind,session,proposal_number,proposers,proposers_more,title,\
                    result,result_class,disclosure,date,figures,commitments,warnings,contact_name,\
                    contact_phone,contact_address,contact_postcode,cc";
    assert_eq!(header.join(","), expected);
    assert_eq!(reader.records().count(), 5, "one row per reply");

    for (what, expected) in [
        (
            "figures",
            "file,doc_number,date,text,number,magnitude,unit,qualifier,kind,value,paragraph",
        ),
        ("commitments", "file,doc_number,title,id,heading,text"),
    ] {
        let out = dafu(&[
            "export".as_ref(),
            corpus().as_os_str(),
            "--what".as_ref(),
            what.as_ref(),
        ]);
        assert!(out.stdout.starts_with(b"\xEF\xBB\xBF"));
        let first = stdout(&out)[3..].lines().next().unwrap().to_owned();
        assert_eq!(first, expected);
    }
}

/// Needs the real parser (figures).
#[test]
fn export_json_figures_rows_have_the_keys() {
    let out = dafu(&[
        "export".as_ref(),
        corpus().as_os_str(),
        "--what".as_ref(),
        "figures".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(rows.len() > 20, "the corpus is full of figures");
    for row in &rows {
        for key in [
            "file",
            "doc_number",
            "date",
            "text",
            "number",
            "magnitude",
            "unit",
            "qualifier",
            "kind",
            "value",
            "paragraph",
        ] {
            assert!(row.get(key).is_some(), "{key} in {row}");
        }
    }
    assert!(rows
        .iter()
        .any(|r| r["doc_number"] == "沪科提复〔2025〕58号"));
}

#[test]
fn export_writes_to_out_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("replies.json");
    let out = dafu(&[
        "export".as_ref(),
        corpus().join(FIRST).as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
        "--out".as_ref(),
        path.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert!(out.stdout.is_empty());
    let rows: Vec<Value> = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["file"], corpus_file(FIRST).as_str());

    let bad = dir.path().join("no-dir/replies.csv");
    let out = dafu(&[
        "export".as_ref(),
        corpus().as_os_str(),
        "--out".as_ref(),
        bad.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(&bad.display().to_string()));
}

#[test]
fn help_speaks_of_the_documents() {
    let out = dafu(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("答复") && text.contains("parse") && text.contains("export"));
}

fn fixtures() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../parser/tests/fixtures")
}

/// Letters without 文号 are replies: the missing number is a warning, with
/// its place, and the exit code stays 0.
#[test]
fn check_warns_with_places_but_accepts_letters_without_number() {
    let out = dafu(&["check".as_ref(), fixtures().as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let text = stdout(&out);
    let letter = fixtures().join("01_xuhui_district_letter.txt");
    assert!(
        text.contains(&format!(
            "{}:1:1: no document number (文号) found (missing-doc-number)",
            letter.display()
        )),
        "{text}"
    );
    let summary = text.lines().last().unwrap_or_default();
    assert_eq!(summary, "checked 13 files: 13 ok, 0 not replies");
}

#[test]
fn check_prints_file_line_column_reason_and_rule() {
    let (_dir, file) = temp_file(
        "reply.txt",
        "沪科提复〔2025〕1号\n签发人：张三\n对市政协十四届三次会议第1号提案的答复\n甲委员：\n\
         你们提出的“关于某事”的提案收悉。\n感谢！\n上海市科学技术委员会\n",
    );
    let out = dafu(&["check".as_ref(), file.as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let name = file.display();
    let lines: Vec<String> = stdout(&out).lines().map(String::from).collect();
    assert_eq!(
        lines,
        [
            format!("{name}:2:1: unknown header line “签发人” (unknown-header)"),
            format!("{name}:7:1: no signature date found (missing-date)"),
            "checked 1 files: 1 ok, 0 not replies".to_string(),
        ]
    );
}

/// Another commission's number, GBK bytes: the kind comes from the title line.
#[test]
fn parse_json_reads_gbk_and_other_commissions() {
    let file = fixtures().join("03_jingxin_gbk.txt").display().to_string();
    let r = &parse_json(&[&file])[0];
    assert_contract(r);
    assert_eq!(r["encoding"], "gb18030");
    assert_eq!(r["doc_number"], "沪经信技复〔2024〕12号");
    assert_eq!(r["kind"], "proposal");
    assert_eq!(r["commitments"].as_array().unwrap().len(), 3);
    let units: Vec<&str> = r["figures"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["unit"].as_str())
        .collect();
    assert!(
        units.contains(&"台（套）") && units.contains(&"千瓦时"),
        "{units:?}"
    );
}
