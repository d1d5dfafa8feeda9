//! Helpers for the end-to-end tests: running the binary, the corpus, and
//! the shape of contract v1 (docs/cli.md).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

pub fn corpus_file(name: &str) -> String {
    corpus().join(name).display().to_string()
}

/// A file `name` holding `text` in a fresh temporary directory (kept as
/// long as the returned guard lives).
pub fn temp_file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

pub fn dafu<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dafu"))
        .args(args)
        .output()
        .expect("run dafu")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn parse_json(files: &[&str]) -> Vec<Value> {
    let mut args = vec!["parse", "--json"];
    args.extend_from_slice(files);
    let out = dafu(&args);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    serde_json::from_slice::<Vec<Value>>(&out.stdout).expect("a JSON array")
}

pub fn is_opt_str(v: &Value) -> bool {
    v.is_null() || v.is_string()
}

pub fn is_str_array(v: &Value) -> bool {
    v.as_array().is_some_and(|a| a.iter().all(Value::is_string))
}

/// Every key of contract v1 (docs/cli.md) is present with its type.
pub fn assert_contract(r: &Value) {
    let obj = r.as_object().expect("one object per file");
    assert_eq!(r["schema_version"], 1);
    assert!(r["file"].is_string());
    assert!(["utf8", "utf8_bom", "gb18030", "lossy"].contains(&r["encoding"].as_str().unwrap()));
    assert!(is_str_array(&r["missing"]));
    for key in [
        "issuer",
        "doc_number",
        "session",
        "proposal_number",
        "title",
        "result",
        "disclosure",
        "print_office",
    ] {
        assert!(
            obj.contains_key(key) && is_opt_str(&r[key]),
            "{key}: {}",
            r[key]
        );
    }
    assert!(r["doc_year"].is_null() || r["doc_year"].is_u64());
    assert!(matches!(
        r["kind"].as_str(),
        None | Some("proposal" | "suggestion")
    ));
    assert!(obj.contains_key("kind"));
    assert!(matches!(
        r["result_class"].as_str(),
        None | Some("A" | "B" | "C" | "D")
    ));
    assert!(obj.contains_key("result_class"));
    for key in ["date", "print_date"] {
        assert!(obj.contains_key(key), "{key}");
        if let Some(d) = r[key].as_str() {
            let b = d.as_bytes();
            assert!(d.len() == 10 && b[4] == b'-' && b[7] == b'-', "{key}: {d}");
        }
    }
    assert!(is_str_array(&r["proposers"]));
    assert!(r["proposers_more"].is_boolean());
    assert!(is_str_array(&r["cc"]));
    let contact = r["contact"].as_object().expect("contact object");
    for key in ["name", "phone", "address", "postcode"] {
        assert!(
            contact.contains_key(key) && is_opt_str(&contact[key]),
            "contact.{key}"
        );
    }
    for p in r["paragraphs"].as_array().expect("paragraphs") {
        assert!(matches!(p["kind"].as_str(), Some("heading" | "paragraph")));
        assert!(p["level"].is_null() || p["level"].is_u64());
        let sections = ["opening", "body", "next_steps", "closing"];
        assert!(sections.contains(&p["section"].as_str().unwrap()));
        assert!(p["text"].is_string());
        for run in p["bold"].as_array().expect("bold") {
            assert!(run
                .as_array()
                .is_some_and(|r| r.len() == 2 && r.iter().all(Value::is_u64)));
        }
    }
    for f in r["figures"].as_array().expect("figures") {
        assert!(f["text"].is_string() && f["number"].is_number() && f["value"].is_number());
        assert!(is_opt_str(&f["unit"]) && is_opt_str(&f["magnitude"]));
        assert!(is_opt_str(&f["qualifier_text"]));
        let kinds = ["money", "count", "percent", "multiple", "other"];
        assert!(kinds.contains(&f["kind"].as_str().unwrap()), "{f}");
        let qualifiers = [
            "exact",
            "more_than",
            "at_least",
            "nearly",
            "approximately",
            "at_most",
        ];
        assert!(
            qualifiers.contains(&f["qualifier"].as_str().unwrap()),
            "{f}"
        );
        for key in ["paragraph", "start", "end"] {
            assert!(f[key].is_u64(), "figure.{key}");
        }
    }
    for d in r["dates"].as_array().expect("dates") {
        assert!(d["text"].is_string() && d["year"].is_u64());
        assert!(d["month"].is_null() || d["month"].is_u64());
        assert!(d["day"].is_null() || d["day"].is_u64());
    }
    for c in r["commitments"].as_array().expect("commitments") {
        for key in ["id", "heading", "text"] {
            assert!(c[key].is_string(), "commitment.{key}");
        }
        assert!(c["paragraph"].is_u64() && c["start"].is_u64() && c["end"].is_u64());
    }
    for w in r["warnings"].as_array().expect("warnings") {
        assert!(w["line"].is_u64() && w["column"].is_u64());
        assert!(w["reason"].is_string() && w["rule"].is_string());
    }
}
