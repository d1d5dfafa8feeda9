//! Behaviour of the public API on whole documents: encodings, line endings,
//! the reply check, warnings, source ranges and commitment id stability.

use std::path::{Path, PathBuf};

use dafu_parser::{check, parse, Date, Encoding, Reply, Section};
use pretty_assertions::assert_eq;

fn corpus() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

/// Everything but where things are in the source.
fn content(reply: &Reply) -> Reply {
    let mut r = reply.clone();
    r.blocks
        .iter_mut()
        .for_each(|b| b.source = Default::default());
    r.warnings.clear();
    r.encoding = Encoding::Utf8;
    r.source_len = 0;
    r
}

#[test]
fn every_corpus_reply_is_a_reply() {
    for (name, text) in corpus() {
        let reply = parse(text.as_bytes());
        assert_eq!(check(&reply), Ok(()), "{name}");
        assert!(reply.warnings.is_empty(), "{name}: {:?}", reply.warnings);
        assert_eq!(reply.source_len as usize, text.len());
    }
}

#[test]
fn prose_is_not_a_reply() {
    let readme = "# dafu\n\nA parser, a CLI and a viewer for replies of the commission.\n\n## Build\n\n`cargo build`\n";
    let err = check(&parse(readme.as_bytes())).unwrap_err();
    assert_eq!(
        err.missing,
        [
            "文号 (document number)",
            "标题、会议或收件人 (title, session or addressees)"
        ]
    );
    assert!(err.to_string().contains("文号"));
    let prose = "近年来，本市持续推进科技创新，取得了积极成效。下一步，将继续努力。";
    assert!(check(&parse(prose.as_bytes())).is_err());
    let number_only = "沪科提复〔2025〕58号\n\n今天天气很好，我们去公园散步。";
    assert_eq!(
        check(&parse(number_only.as_bytes()))
            .unwrap_err()
            .missing
            .len(),
        1
    );
}

#[cfg(feature = "gb18030")]
#[test]
fn gb18030_parses_like_utf8() {
    for (name, text) in corpus() {
        let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&text);
        assert!(!unmappable);
        let from_gbk = parse(&gbk);
        assert_eq!(from_gbk.encoding, Encoding::Gb18030, "{name}");
        let mut utf8 = parse(text.as_bytes());
        utf8.encoding = Encoding::Gb18030;
        assert_eq!(from_gbk, utf8, "{name}");
    }
}

#[cfg(feature = "gb18030")]
#[test]
fn decoded_text_parses_to_the_same_reply() {
    for (name, text) in corpus() {
        let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
        let bom = [b"\xEF\xBB\xBF", text.as_bytes()].concat();
        for (bytes, encoding) in [
            (&gbk[..], Encoding::Gb18030),
            (&bom[..], Encoding::Utf8Bom),
            (text.as_bytes(), Encoding::Utf8),
        ] {
            let (decoded, found) = dafu_parser::decode_text(bytes);
            assert_eq!(
                (decoded.as_str(), found),
                (text.as_str(), encoding),
                "{name}"
            );
            let mut again = parse(decoded.as_bytes());
            again.encoding = found;
            assert_eq!(again, parse(bytes), "{name} {encoding:?}");
        }
    }
}

#[test]
fn bom_and_line_endings_do_not_change_the_content() {
    for (name, text) in corpus() {
        let plain = parse(text.as_bytes());
        let bom = parse(&[b"\xEF\xBB\xBF", text.as_bytes()].concat());
        assert_eq!(bom.encoding, Encoding::Utf8Bom);
        assert_eq!(bom.blocks, plain.blocks, "{name}: BOM");
        let crlf = parse(text.replace('\n', "\r\n").as_bytes());
        assert_eq!(content(&crlf), content(&plain), "{name}: CRLF");
        let cr = parse(text.replace('\n', "\r").as_bytes());
        assert_eq!(content(&cr), content(&plain), "{name}: CR");
    }
}

#[test]
fn block_sources_point_at_their_lines() {
    let (_, text) = &corpus()[0];
    let reply = parse(text.as_bytes());
    let source = |i: usize| &text[reply.blocks[i].source.range()];
    assert!(source(0).starts_with("你们提出的“关于制度创新"));
    // The paragraph rejoined across the page break covers both lines.
    let joined = reply
        .blocks
        .iter()
        .position(|b| b.text.contains("长三角国家技术创新中心联合实施"))
        .unwrap();
    assert!(source(joined).contains("宝山区已与长三\n\n角国家技术创新中心"));
    assert!(source(joined).ends_with("重大技术创新项目 12 项。"));
}

#[test]
fn commitment_ids_survive_edits_elsewhere() {
    let (_, text) = &corpus()[0];
    let before = parse(text.as_bytes());
    let edited = text
        .replace(
            "39家试点单位推进赋权成果近250项",
            "40家试点单位推进赋权成果近300项",
        )
        .replace("首先非常感谢", "新增的一段说明。\n\n首先非常感谢")
        .replace(
            "**三是建强技术转移服务网络。**推动",
            "**三是建强技术转移服务网络。**另行推动",
        );
    let after = parse(edited.as_bytes());
    let ids = |r: &Reply| {
        r.commitments
            .iter()
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&after), ids(&before));
    assert_eq!(ids(&parse(text.as_bytes())), ids(&before));
    assert_ne!(after.commitments[2].text, before.commitments[2].text);
}

#[test]
fn commitment_ranges_and_sections_agree() {
    for (name, text) in corpus() {
        let reply = parse(text.as_bytes());
        assert!(!reply.commitments.is_empty(), "{name}");
        for c in &reply.commitments {
            let block = &reply.blocks[c.block as usize];
            assert_eq!(block.section, Section::NextSteps, "{name}: {}", c.heading);
            assert!(
                block.text[c.range.range()].contains(&c.heading),
                "{name}: {}",
                c.heading
            );
        }
    }
}

#[test]
fn warnings_have_places() {
    let text = "签发人：张三\n沪科提复〔2025〕1号\n\n对市政协十四届三次会议第1号提案的答复\n\n甲委员：\n\n你们提出的“关于某事”的提案收悉。\n\n感谢！\n\n上海市科学技术委员会\n";
    let reply = parse(text.as_bytes());
    let shown: Vec<String> = reply.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        shown,
        [
            "1:1: unknown header line “签发人” (unknown-header)",
            "12:1: no signature date found (missing-date)"
        ]
    );
    assert_eq!(check(&reply), Ok(()));
}

#[test]
fn undecodable_bytes_warn() {
    let reply = parse(b"\xEF\xBB\xBF\xFF\xFE\xFD abc");
    assert_eq!(reply.encoding, Encoding::Lossy);
    assert!(reply.warnings.iter().any(|w| w.rule == "lossy-encoding"));
}

#[test]
fn full_width_digits_are_understood() {
    let text = "沪科提复〔２０２５〕５８号\n对市政协十四届三次会议第１１６８号提案的答复\n甲委员：\n你们提出的“关于某事”的提案收悉。\n上海市科学技术委员会\n２０２５年７月２４日\n";
    let meta = parse(text.as_bytes()).meta;
    assert_eq!(meta.doc_number.as_deref(), Some("沪科提复〔2025〕58号"));
    assert_eq!(meta.proposal_number.as_deref(), Some("1168"));
    assert_eq!(
        meta.date,
        Some(Date {
            year: 2025,
            month: 7,
            day: 24
        })
    );
}

#[test]
fn district_letter_without_number_is_a_reply() {
    let text = "徐汇区科学技术委员会关于区政协十七届三次会议第0123号提案的答复\n\n王立群委员：\n\n\
                您提出的第0123号提案收悉。现答复如下：\n\n下一步，我委将加快建设孵化载体。\n\n\
                感谢您的关心。联系人：陈思远，电话：64872315，欢迎来电。\n\n徐汇区科学技术委员会\n\n2025年6月18日\n";
    let reply = parse(text.as_bytes());
    assert_eq!(check(&reply), Ok(()));
    let meta = &reply.meta;
    assert_eq!(meta.doc_number, None);
    assert_eq!(meta.issuer.as_deref(), Some("徐汇区科学技术委员会"));
    assert_eq!(
        meta.title.as_deref(),
        Some("关于区政协十七届三次会议第0123号提案的答复")
    );
    assert_eq!(meta.contact.name.as_deref(), Some("陈思远"));
    assert_eq!(meta.contact.phone.as_deref(), Some("64872315"));
    let shown: Vec<String> = reply.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        shown,
        ["1:1: no document number (文号) found (missing-doc-number)"]
    );
}

#[test]
fn contact_with_semicolons_inline() {
    let text = "沪科提复〔2025〕1号\n对市政协十四届三次会议第1号提案的答复\n甲委员：\n你们提出的“关于某事”的提案收悉。\n\
                感谢！联系人：张三；联系电话：021-23119275。\n上海市科学技术委员会\n2025年1月2日\n";
    let contact = parse(text.as_bytes()).meta.contact;
    assert_eq!(contact.name.as_deref(), Some("张三"));
    assert_eq!(contact.phone.as_deref(), Some("021-23119275"));
}
