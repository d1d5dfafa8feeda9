//! The footer of a reply: signature, contact block, cc list and print line.
//!
//! ```text
//! 上海市科学技术委员会
//! 2025 年 5 月 19 日
//! 联系人姓名：蓝 晟
//! 联系电话：23116237
//! 联系地址：人民大道 200 号
//! 邮政编码：200003
//! 抄送：市政府办公厅建议提案处，市政协提案办。
//! 上海市科委办公室
//! 2025 年 5 月 19 日印发
//! ```

use crate::date::date_only;
use crate::inline::{is_rule, plain};
use crate::meta::{issuer, ISSUER_MAX_CHARS};
use crate::model::{Date, Meta};
use crate::source::{Line, Note};
use crate::text::ascii_digits;

const NAME: [&str; 3] = ["联系人姓名", "联系人", "姓名"];
const PHONE: [&str; 3] = ["联系电话", "电话", "联系方式"];
const ADDRESS: [&str; 3] = ["联系地址", "通讯地址", "地址"];
const POSTCODE: [&str; 2] = ["邮政编码", "邮编"];
/// Field keys of contact and cc lines, longest first.
const FIELD_KEYS: [&str; 12] = [
    "联系人姓名",
    "联系电话",
    "联系地址",
    "通讯地址",
    "联系方式",
    "邮政编码",
    "联系人",
    "姓名",
    "电话",
    "地址",
    "邮编",
    "抄送",
];
/// Keys that only a footer has.
const FOOTER_KEYS: [&str; 7] = [
    "联系人姓名",
    "联系人",
    "联系电话",
    "联系地址",
    "邮政编码",
    "邮编",
    "抄送",
];

/// A print line: `上海市科委办公室 2025年7月24日印发` → office (if on the
/// line) and date.
fn print_line(text: &str) -> Option<(Option<String>, Date)> {
    let head = text.strip_suffix("印发")?;
    head.char_indices().find_map(|(at, _)| {
        let date = date_only(&head[at..])?;
        let office = head[..at].trim();
        Some(((!office.is_empty()).then(|| office.to_string()), date))
    })
}

/// The signature on one line: `上海市科学技术委员会 2025年7月24日`.
fn signature_line(text: &str) -> Option<(String, Date)> {
    // An issuer has at most ISSUER_MAX_CHARS characters: longer heads are
    // not tried (a long keyed line would make this quadratic).
    let mut heads = text.char_indices().skip(2).take(ISSUER_MAX_CHARS - 1);
    heads.find_map(|(at, _)| {
        let head = &text[..at];
        (issuer(head) && !head.ends_with("年"))
            .then(|| date_only(&text[at..]))?
            .map(|d| (head.to_string(), d))
    })
}

/// The contact and cc fields of a line, several allowed:
/// `（联系人：张三，联系电话：23119275）` → `[("联系人", "张三"), ("联系电话", "23119275")]`.
fn fields(text: &str) -> Option<Vec<(&'static str, &str)>> {
    let text = text
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    let key_at = |at: usize| {
        FIELD_KEYS.iter().find_map(|&k| {
            let rest = text[at..].strip_prefix(k)?;
            let sep = rest.chars().next().filter(|&c| c == '：' || c == ':')?;
            Some((k, at + k.len() + sep.len_utf8()))
        })
    };
    let (first, mut value_at) = key_at(0)?;
    let mut fields = Vec::new();
    let mut key = first;
    let mut at = value_at;
    while at < text.len() {
        if let Some((next, next_value)) = key_at(at) {
            fields.push((key, trim_value(&text[value_at..at])));
            (key, value_at, at) = (next, next_value, next_value);
        } else {
            at += text[at..].chars().next().map_or(1, char::len_utf8);
        }
    }
    fields.push((key, trim_value(&text[value_at..])));
    Some(fields)
}

fn trim_value(value: &str) -> &str {
    value
        .trim()
        .trim_end_matches(['，', ',', '；', ';', '。', ' '])
        .trim()
}

/// Whether a line can only belong to the footer.
fn footer_line(text: &str) -> bool {
    date_only(text).is_some()
        || print_line(text).is_some()
        || signature_line(text).is_some()
        || fields(text).is_some_and(|f| FOOTER_KEYS.contains(&f[0].0))
}

/// Cheap test before repairing a line to ask [`footer_line`]: footer lines
/// are short or start with a `key：`.
fn short_or_keyed(raw: &str) -> bool {
    raw.len() <= 120 || raw.chars().take(12).any(|c| c == '：' || c == ':') || raw.ends_with("印发")
}

/// Index of the first footer line at or after `from`: the signature
/// (issuer lines just before the first footer-only line included), or
/// `lines.len()` when there is none.
pub(crate) fn find_start(lines: &[Line<'_>], from: usize) -> usize {
    let mut start = (from..lines.len())
        .find(|&i| short_or_keyed(lines[i].text) && footer_line(&plain(lines[i].text)))
        .unwrap_or(lines.len());
    while start > from && issuer(&plain(lines[start - 1].text)) {
        start -= 1;
    }
    start
}

/// Reads the footer lines into `meta`.
pub(crate) fn read(lines: &[Line<'_>], meta: &mut Meta, notes: &mut Vec<Note>) {
    let mut orphan: Option<(String, usize)> = None;
    for line in lines {
        if is_rule(line.text) {
            continue;
        }
        let text = plain(line.text);
        if let Some(date) = date_only(&text).filter(|_| meta.date.is_none()) {
            meta.date = Some(date);
        } else if let Some((office, date)) = print_line(&text) {
            meta.print_office = office.or_else(|| orphan.take().map(|(o, _)| o));
            meta.print_date = Some(date);
        } else if issuer(&text) {
            if meta.date.is_none() && meta.issuer.is_none() {
                meta.issuer = Some(text);
            } else if meta.date.is_some() {
                if let Some((old, offset)) = orphan.replace((text, line.start)) {
                    unknown(offset, &old, notes);
                }
            }
        } else if let Some((issuer, date)) = signature_line(&text) {
            meta.issuer.get_or_insert(issuer);
            meta.date.get_or_insert(date);
        } else if let Some(fields) = fields(&text) {
            for (key, value) in fields {
                set_field(meta, key, value);
            }
        } else {
            unknown(line.start, &text, notes);
        }
    }
    if let Some((text, offset)) = orphan {
        unknown(offset, &text, notes);
    }
}

/// Stores one contact or cc field.
fn set_field(meta: &mut Meta, key: &str, value: &str) {
    let value = value.to_string();
    let contact = &mut meta.contact;
    match key {
        k if NAME.contains(&k) => contact.name = Some(value),
        k if PHONE.contains(&k) => contact.phone = Some(ascii_digits(&value)),
        k if ADDRESS.contains(&k) => contact.address = Some(value),
        k if POSTCODE.contains(&k) => contact.postcode = Some(ascii_digits(&value)),
        _ => meta.cc = split_list(&value),
    }
}

/// Contact details written inside a paragraph, as letters without a
/// contact block put them in their last one: `感谢您的支持。联系人：陈思远，
/// 电话：64872315。` or `（联系人：张三；联系电话：64871234）`. Each value
/// ends at the first punctuation after it. Returns whether one was read.
pub(crate) fn inline_contact(text: &str, meta: &mut Meta) -> bool {
    let Some(at) = text
        .match_indices("联系人")
        .map(|(at, _)| at)
        .find(|&at| fields(&text[at..]).is_some())
    else {
        return false;
    };
    for (key, value) in fields(&text[at..]).into_iter().flatten() {
        let end = value
            .find(['，', '。', '；', ',', ';', '）', ')'])
            .unwrap_or(value.len());
        if key != "抄送" && end > 0 {
            set_field(meta, key, value[..end].trim());
        }
    }
    true
}

fn unknown(offset: usize, text: &str, notes: &mut Vec<Note>) {
    notes.push(Note::new(
        offset,
        format!("unrecognised footer line “{text}”"),
        "unknown-footer",
    ));
}

/// `市政府办公厅建议提案处，市政协提案办。` → the two recipients.
fn split_list(value: &str) -> Vec<String> {
    value
        .trim_end_matches(['。', '.', '；', ';'])
        .split(['，', '、', ',', '；', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Contact;
    use crate::source::lines;

    const FOOTER: &str = "结尾。\n上海市科学技术委员会\n\n2025 年 5 月 19 日\n\n联系人姓名：蓝 晟\n联系电话：２３１１６２３７\n\
        联系地址：人民大道 200 号 1412 室\n邮政编码：200003\n---\n抄送：市政府办公厅建议提案处，市政协提案办。\n---\n\
        上海市科委办公室\n\n2025 年 5 月 19 日印发\n---";

    #[test]
    fn reads_a_full_footer() {
        let all = lines(FOOTER);
        let start = find_start(&all, 0);
        assert_eq!(start, 1);
        let mut meta = Meta::default();
        let mut notes = Vec::new();
        read(&all[start..], &mut meta, &mut notes);
        assert!(notes.is_empty());
        let date = Date {
            year: 2025,
            month: 5,
            day: 19,
        };
        assert_eq!(meta.issuer.as_deref(), Some("上海市科学技术委员会"));
        assert_eq!(meta.date, Some(date));
        let contact = Contact {
            name: Some("蓝晟".into()),
            phone: Some("23116237".into()),
            address: Some("人民大道200号1412室".into()),
            postcode: Some("200003".into()),
        };
        assert_eq!(meta.contact, contact);
        assert_eq!(meta.cc, ["市政府办公厅建议提案处", "市政协提案办"]);
        assert_eq!(meta.print_office.as_deref(), Some("上海市科委办公室"));
        assert_eq!(meta.print_date, Some(date));
    }

    #[test]
    fn print_office_on_the_date_line() {
        assert_eq!(
            print_line("上海市科委办公室2025年7月24日印发"),
            Some((
                Some("上海市科委办公室".into()),
                Date {
                    year: 2025,
                    month: 7,
                    day: 24
                }
            ))
        );
        assert_eq!(print_line("印发"), None);
    }

    #[test]
    fn one_line_signatures_and_contacts() {
        let lines = lines("上海市科学技术委员会 2025年7月24日\n（联系人：张三，联系电话：２３１１９２７５；邮编：200003）");
        assert_eq!(find_start(&lines, 0), 0);
        let mut meta = Meta::default();
        let mut notes = Vec::new();
        read(&lines, &mut meta, &mut notes);
        assert!(notes.is_empty());
        assert_eq!(meta.issuer.as_deref(), Some("上海市科学技术委员会"));
        assert_eq!(
            meta.date,
            Some(Date {
                year: 2025,
                month: 7,
                day: 24
            })
        );
        assert_eq!(meta.contact.name.as_deref(), Some("张三"));
        assert_eq!(meta.contact.phone.as_deref(), Some("23119275"));
        assert_eq!(meta.contact.postcode.as_deref(), Some("200003"));
    }

    #[test]
    fn signature_without_date_still_ends_the_body() {
        assert_eq!(find_start(&lines("正文。\n上海市科学技术委员会"), 0), 1);
        assert_eq!(find_start(&lines("正文。\n再次感谢。"), 0), 2);
    }

    #[test]
    fn unknown_lines_warn() {
        let mut meta = Meta::default();
        let mut notes = Vec::new();
        read(
            &lines("2025年1月2日\n附件：清单\n（此件公开发布）"),
            &mut meta,
            &mut notes,
        );
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].rule, "unknown-footer");
    }
}
