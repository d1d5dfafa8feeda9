//! The back of a reply: closing, signature, contact, cc and print line, then
//! the page-break splits and line endings of the finished text.

use super::generator::Gen;
use super::rng::Rng;
use super::Shape;

/// The closing thanks.
pub(super) fn thanks(g: &mut Gen, shape: Shape, you: &str, paras: &mut Vec<String>) {
    let thanks = match shape {
        Shape::None => format!("再次感谢{you}对上海科技创新工作的关心和支持！"),
        _ => g
            .pick(&[
                "感谢你们对本市科技工作的关心和支持！",
                "感谢您对本市科技工作的关心与支持！",
                "再次感谢对上海科技创新工作的关心和支持！",
            ])
            .to_string(),
    };
    paras.push(thanks);
}

/// Signature and date, contact (most replies), cc and print line.
pub(super) fn sign_off(g: &mut Gen, proposal: bool, paras: &mut Vec<String>) {
    let year = g.year;
    paras.push("上海市科学技术委员会".into());
    let (month, day) = (g.rng.int(4, 9), g.rng.int(1, 28));
    let date = tidy(&format!("{year}年{month}月{day}日"), g.style.spaced);
    paras.push(date.clone());
    if g.rng.chance(0.75) {
        contact(g, paras);
    }
    let md = g.style.markdown;
    if md {
        paras.push("---".into());
    }
    let cc = if proposal {
        "市政协提案办"
    } else {
        "市人大常委会代表工委"
    };
    paras.push(format!("抄送：市政府办公厅建议提案处，{cc}。"));
    if md {
        paras.push("---".into());
    }
    paras.push("上海市科委办公室".into());
    paras.push(format!("{date}印发"));
}

fn contact(g: &mut Gen, paras: &mut Vec<String>) {
    let contact = g.name();
    paras.push(format!("联系人姓名：{contact}"));
    paras.push(format!(
        "联系电话：{}{:04}",
        g.pick(&["2311", "6358", "2312", "5386"]),
        g.rng.int(0, 9999)
    ));
    let address = g.pick(&[
        "威海路48号",
        "威海路 48 号 10 楼",
        "人民大道 200 号",
        "人民大道200号1412室",
        "钦州路100号",
    ]);
    paras.push(format!("联系地址：{address}"));
    paras.push("邮政编码：200003".into());
}

/// Page-break splits: a long paragraph broken between two Chinese characters.
pub(super) fn page_breaks(g: &mut Gen, paras: &mut Vec<String>) {
    let breaks = g.rng.int(0, 3);
    for _ in 0..breaks {
        let candidates: Vec<usize> = (0..paras.len())
            .filter(|&i| paras[i].chars().count() > 120)
            .collect();
        if candidates.is_empty() {
            break;
        }
        let i = candidates[g.rng.next() as usize % candidates.len()];
        if let Some(at) = break_point(&paras[i], &mut g.rng) {
            let tail = paras[i].split_off(at);
            let gap = if g.rng.chance(0.3) { "\n\n\n" } else { "" };
            paras[i].push_str(gap);
            paras.insert(i + 1, tail);
        }
    }
}

/// The finished text: sometimes a leading blank line, rarely CRLF.
pub(super) fn join(g: &mut Gen, paras: &[String]) -> String {
    let mut text = String::from(if g.rng.chance(0.5) { "\n" } else { "" });
    text.push_str(&paras.join("\n\n"));
    text.push('\n');
    if g.rng.chance(0.05) {
        text = text.replace('\n', "\r\n");
    }
    text
}

/// Puts qualifiers after 达 where the text reads so (达超过 → 超过, 达累计 →
/// 累计达) and, for a spaced style, a space between a Han character and an
/// ASCII digit on either side: "超 500 亿元", "2024 年".
pub(super) fn tidy(p: &str, spaced: bool) -> String {
    let mut p = p.to_string();
    for (from, to) in [
        ("达累计", "累计达"),
        ("达超过", "超过"),
        ("达不超过", "不超过"),
        ("达最高", "最高"),
        ("达超", "超"),
        ("达近", "近"),
        ("达约", "约"),
        ("达逾", "逾"),
    ] {
        p = p.replace(from, to);
    }
    if !spaced {
        return p;
    }
    let mut out = String::with_capacity(p.len() + 16);
    let mut prev: Option<char> = None;
    for c in p.chars() {
        if let Some(b) = prev {
            if (is_han(b) && c.is_ascii_digit()) || (b.is_ascii_digit() && is_han(c)) {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// A byte offset between two Han characters in the middle part of `p`, away
/// from bold marks and figures, or None.
fn break_point(p: &str, rng: &mut Rng) -> Option<usize> {
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let n = chars.len();
    for _ in 0..20 {
        let k = rng.int((n / 3) as u64, (2 * n / 3) as u64) as usize;
        if k < 2 || k + 2 >= n {
            continue;
        }
        let around = &chars[k - 2..k + 2];
        if around.iter().all(|&(_, c)| is_han(c)) {
            return Some(chars[k].0);
        }
    }
    None
}
