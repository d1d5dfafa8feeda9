//! The front matter of a reply — header lines, issuer, document number,
//! title line, addressees — and the title quoted in the opening.
//!
//! ```text
//! 办理结果：解决采纳
//! 公开属性：主动公开 · 全文
//! # 上海市科学技术委员会
//! 沪科提复〔2025〕58号
//! ## 对市政协十四届三次会议 第 1168 号提案的答复
//! 成键、周轶敏、陈卫标等委员：
//! ```

use crate::inline::{is_rule, plain};
use crate::markers;
use crate::model::{Meta, ReplyKind, ResultClass};
use crate::source::{Line, Note};
use crate::text::{ascii_digits, digit, ends_sentence, is_ideograph};

/// Splits a `key：value` line; the key is one to eight Chinese characters.
///
/// `联系电话：23119275` → `("联系电话", "23119275")`
pub(crate) fn key_value(text: &str) -> Option<(&str, &str)> {
    let at = text.find(['：', ':'])?;
    let key = &text[..at];
    let sep = text[at..].chars().next()?.len_utf8();
    let count = key.chars().count();
    ((1..=8).contains(&count) && key.chars().all(is_ideograph))
        .then(|| (key, text[at + sep..].trim()))
}

/// Longest issuing body, in characters.
pub(crate) const ISSUER_MAX_CHARS: usize = 30;

/// An issuing body on a line of its own: `上海市科学技术委员会`,
/// `上海市科委办公室`.
pub(crate) fn issuer(text: &str) -> bool {
    const ENDS: [&str; 9] = [
        "委员会",
        "委",
        "局",
        "厅",
        "办公室",
        "办",
        "政府",
        "院",
        "部",
    ];
    let count = text.chars().take(ISSUER_MAX_CHARS + 1).count();
    (2..=ISSUER_MAX_CHARS).contains(&count)
        && text.chars().all(is_ideograph)
        && ENDS.iter().any(|e| text.ends_with(e))
}

/// `沪科提复〔2025〕58号` → number (digits made ASCII), year, kind.
fn doc_number(text: &str) -> Option<(String, u16, Option<ReplyKind>)> {
    let open = text.find(['〔', '[', '【', '［', '(', '（'])?;
    let prefix = &text[..open];
    if !(1..=12).contains(&prefix.chars().count()) || !prefix.chars().all(is_ideograph) {
        return None;
    }
    let mut rest = text[open..].chars();
    let open_char = rest.next()?;
    let year: String = rest.by_ref().take(4).collect();
    if year.chars().count() != 4 || !year.chars().all(|c| digit(c).is_some()) {
        return None;
    }
    let close = rest
        .next()
        .filter(|c| matches!(c, '〕' | ']' | '】' | '］' | ')' | '）'))?;
    let tail: String = rest.collect();
    let number = tail.strip_suffix('号')?;
    if number.is_empty()
        || number.chars().count() > 6
        || !number.chars().all(|c| digit(c).is_some())
    {
        return None;
    }
    let year_ascii = ascii_digits(&year);
    let kind = if prefix.contains("提复") {
        Some(ReplyKind::Proposal)
    } else if prefix.contains("建复") {
        Some(ReplyKind::Suggestion)
    } else {
        None
    };
    let written = format!(
        "{prefix}{open_char}{year_ascii}{close}{}号",
        ascii_digits(number)
    );
    Some((written, year_ascii.parse().ok()?, kind))
}

/// What the title line says.
#[derive(Debug, Default, PartialEq)]
struct TitleLine {
    /// The issuer a district letter's heading starts with.
    issuer: Option<String>,
    session: Option<String>,
    number: Option<String>,
    kind: Option<ReplyKind>,
    /// The letter's own title (`关于…的答复`) when its heading names the
    /// issuer.
    title: Option<String>,
}

/// An issuer right before `关于`: `徐汇区科学技术委员会关于区政协…` →
/// (`徐汇区科学技术委员会`, `关于区政协…`).
fn issuer_prefix(text: &str) -> Option<(&str, &str)> {
    let at = text.find("关于").filter(|&at| at > 0)?;
    issuer(&text[..at]).then(|| (&text[..at], &text[at..]))
}

/// The title line: `对市政协十四届三次会议第1168号提案的答复` → session
/// `市政协十四届三次会议`, number `1168`, kind. `对` may be missing. A
/// district letter starts with it, issuer first:
/// `徐汇区科学技术委员会关于区政协十七届三次会议第0123号提案的答复`.
fn title_line(text: &str) -> Option<TitleLine> {
    let (issuer, text) = match issuer_prefix(text) {
        Some((issuer, rest)) => (Some(issuer.to_string()), rest),
        None => (None, text),
    };
    let body = text.strip_prefix("关于").unwrap_or(text);
    let body = body.strip_prefix('对').unwrap_or(body);
    if !(body.ends_with("答复") || body.ends_with("复函")) || ends_sentence(body) {
        return None;
    }
    let session = body
        .find("会议")
        .map(|at| body[..at + "会议".len()].to_string());
    let number = body.find('第').and_then(|at| {
        let digits: String = body[at + '第'.len_utf8()..]
            .chars()
            .take_while(|&c| digit(c).is_some())
            .collect();
        let after = &body[at + '第'.len_utf8() + digits.len()..];
        (!digits.is_empty() && after.starts_with('号')).then(|| ascii_digits(&digits))
    });
    let kind = if body.contains("提案") {
        Some(ReplyKind::Proposal)
    } else if body.contains("建议") {
        Some(ReplyKind::Suggestion)
    } else {
        None
    };
    let title = issuer.as_ref().map(|_| text.to_string());
    (session.is_some() || number.is_some() || kind.is_some()).then_some(TitleLine {
        issuer,
        session,
        number,
        kind,
        title,
    })
}

/// The addressee line: `成键、周轶敏、陈卫标等委员：` → names and whether
/// `等` follows them. A line ending in `：` right before the opening counts
/// even without 委员/代表; a line ending in 委员/代表 even without `：`.
fn addressee(text: &str, before_opening: bool) -> Option<(Vec<String>, bool)> {
    let colon = text.strip_suffix(['：', ':']);
    let inner = colon.unwrap_or(text);
    if inner.is_empty() || inner.contains(['：', ':', '。', '；']) || inner.chars().count() > 80
    {
        return None;
    }
    const TITLES: [&str; 5] = ["委员", "代表", "同志", "先生", "女士"];
    let stripped = TITLES.iter().find_map(|t| inner.strip_suffix(t));
    if stripped.is_none() && !(before_opening && colon.is_some()) {
        return None;
    }
    let names = stripped.unwrap_or(inner);
    // 等5位委员: the count goes with 等.
    let counted = names
        .strip_suffix(['位', '名'])
        .map(|n| n.trim_end_matches(|c| digit(c).is_some()));
    let names = counted.filter(|n| n.ends_with('等')).unwrap_or(names);
    let (names, more) = match names.strip_suffix('等') {
        Some(n) => (n, true),
        None => (names, false),
    };
    let list: Vec<String> = names
        .split(['、', '，', ',', ';', '；'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(String::from)
        .collect();
    (!list.is_empty()).then_some((list, more))
}

/// The opening paragraph: `你们提出的“关于……”的提案收悉，…`.
pub(crate) fn is_opening(text: &str) -> bool {
    text.contains("收悉") || (text.starts_with(['你', '您']) && text.contains("提出的"))
}

/// The kind of text answered, as the opening names it right before 收悉
/// (the quoted title aside): `…”的提案收悉` → proposal, `…”的代表建议收悉`,
/// `您提出的关于…的建议收悉` → suggestion.
pub(crate) fn opening_kind(text: &str) -> Option<ReplyKind> {
    let head = text[..text.find("收悉")?].trim_end_matches('已');
    let tail = head.rfind(['”', '」', '"']).map_or(head, |q| &head[q..]);
    if tail.ends_with("提案") {
        Some(ReplyKind::Proposal)
    } else if tail.ends_with("建议") {
        Some(ReplyKind::Suggestion)
    } else {
        None
    }
}

/// Handling result words or letter → class. `解决采纳` → A, `B` → B.
fn result_class(value: &str) -> Option<ResultClass> {
    let mut chars = value.chars();
    let letter = match chars.next()? {
        'A' | 'Ａ' | 'a' => Some(ResultClass::A),
        'B' | 'Ｂ' | 'b' => Some(ResultClass::B),
        'C' | 'Ｃ' | 'c' => Some(ResultClass::C),
        'D' | 'Ｄ' | 'd' => Some(ResultClass::D),
        _ => None,
    };
    if letter.is_some() && !chars.next().is_some_and(|c| c.is_ascii_alphanumeric()) {
        return letter;
    }
    let has = |words: &[&str]| words.iter().any(|w| value.contains(w));
    if has(&["留作参考", "因条件限制"]) {
        Some(ResultClass::D)
    } else if has(&["列入规划", "列入计划", "逐步解决"]) {
        Some(ResultClass::C)
    } else if has(&["正在解决", "已启动", "正在办理"]) {
        Some(ResultClass::B)
    } else if has(&["解决", "采纳"]) {
        Some(ResultClass::A)
    } else {
        None
    }
}

/// Reads the front matter into `meta`; returns the index of the first body
/// line. The front matter ends after the addressee line, at the opening, or
/// at the first line that is none of its parts (short unknown lines before
/// it are skipped with a warning).
pub(crate) fn read_front(lines: &[Line<'_>], meta: &mut Meta, notes: &mut Vec<Note>) -> usize {
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        i += 1;
        if is_rule(line.text) {
            continue;
        }
        let text = plain(line.text);
        if is_opening(&text) {
            return i - 1;
        }
        if let Some((number, year, kind)) = doc_number(&text).filter(|_| meta.doc_number.is_none())
        {
            meta.doc_number = Some(number);
            meta.doc_year = Some(year);
            meta.kind = meta.kind.or(kind);
        } else if let Some((title, used)) =
            title_lines(&text, lines.get(i)).filter(|_| meta.session.is_none())
        {
            meta.session = title.session;
            meta.proposal_number = title.number;
            meta.kind = meta.kind.or(title.kind);
            meta.issuer = meta.issuer.take().or(title.issuer);
            meta.title = title.title;
            i += used;
        } else if issuer(&text) && meta.issuer.is_none() {
            meta.issuer = Some(text);
        } else if let Some((names, more)) = addressee(&text, next_is_opening(&lines[i..])) {
            meta.proposers = names;
            meta.proposers_more = more;
            return i;
        } else if let Some((key, value)) = key_value(&text).filter(|(_, v)| !v.is_empty()) {
            match key {
                "办理结果" => {
                    meta.result_class = result_class(value);
                    meta.result = Some(value.to_string());
                }
                "公开属性" => meta.disclosure = Some(value.to_string()),
                _ => notes.push(Note::new(
                    line.start,
                    format!("unknown header line “{key}”"),
                    "unknown-header",
                )),
            }
        } else if markers::at_start(&text).is_none()
            && text.chars().count() <= 30
            && !ends_sentence(&text)
        {
            notes.push(Note::new(
                line.start,
                format!("unknown line “{text}” before the opening"),
                "unknown-header",
            ));
        } else {
            return i - 1;
        }
    }
    lines.len()
}

/// The title line, possibly broken over two lines (`对市政协…第1168号` /
/// `提案的答复`); also returns how many further lines it took.
fn title_lines(text: &str, next: Option<&Line<'_>>) -> Option<(TitleLine, usize)> {
    if let Some(title) = title_line(text) {
        return Some((title, 0));
    }
    let opens = text.starts_with('对') || text.starts_with("关于") || issuer_prefix(text).is_some();
    let next = next.filter(|_| opens)?;
    title_line(&(text.to_string() + &plain(next.text))).map(|t| (t, 1))
}

fn next_is_opening(rest: &[Line<'_>]) -> bool {
    rest.iter()
        .find(|l| !is_rule(l.text))
        .is_some_and(|l| is_opening(&plain(l.text)))
}

/// The quoted title of the opening: the first quotation right after 提出的
/// (or an unquoted 关于… there), else the first quotation starting with 关于;
/// nested quotes stay inside.
///
/// `你们提出的“关于优化服务，促进‘科技-产业’发展”的提案收悉` →
/// `关于优化服务，促进‘科技-产业’发展`
pub(crate) fn opening_title(text: &str) -> Option<String> {
    let after = text.find("提出的").map(|at| at + "提出的".len());
    if let Some(title) = after.and_then(|at| quoted_at(text, at)) {
        return Some(title.to_string());
    }
    if let Some(title) = after.and_then(|at| unquoted_at(text, at)) {
        return Some(title.to_string());
    }
    let mut from = 0;
    while let Some(at) = text[from..].find(['“', '「', '"']).map(|a| a + from) {
        if let Some(title) = quoted_at(text, at).filter(|t| t.starts_with("关于")) {
            return Some(title.to_string());
        }
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// An unquoted title right after 提出的, up to the kind of text answered:
/// `你们提出的关于加快改革的建议的提案收悉` → `关于加快改革的建议`;
/// `您提出的关于加快改革的建议收悉` → `关于加快改革的建议`.
fn unquoted_at(text: &str, at: usize) -> Option<&str> {
    let rest = &text[at..];
    let end = rest.find("收悉").filter(|_| rest.starts_with("关于"))?;
    let head = rest[..end].trim_end_matches('已');
    let title = ["的代表建议", "的提案"]
        .iter()
        .find_map(|kind| head.strip_suffix(kind))
        .or_else(|| head.ends_with("建议").then_some(head))?;
    (title.len() > "关于".len()).then_some(title)
}

/// Longest quoted title, in characters: a quotation not closed within it is
/// no title (and the search for one stays linear in a long opening).
const QUOTED_TITLE_MAX_CHARS: usize = 300;

/// The text inside the quotation opening at byte `at`.
fn quoted_at(text: &str, at: usize) -> Option<&str> {
    let open = text[at..].chars().next()?;
    let close = match open {
        '“' => '”',
        '「' => '」',
        '"' => '"',
        _ => return None,
    };
    let start = at + open.len_utf8();
    let mut depth = 0;
    for (i, c) in text[start..].char_indices().take(QUOTED_TITLE_MAX_CHARS) {
        if c == close && depth == 0 {
            let inner = text[start..start + i].trim();
            return (!inner.is_empty()).then_some(inner);
        }
        if c == open && open != close {
            depth += 1;
        } else if c == close {
            depth -= 1;
        }
    }
    None
}

#[cfg(test)]
mod tests;
