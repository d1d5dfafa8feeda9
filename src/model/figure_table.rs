//! The figures view's table as data: every figure of the corpus as a row,
//! filtered by kind and unit, sorted by value, reply or kind, and written
//! as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese).
//! Pure: tested natively; the page only renders what this returns.

use dafu_parser::{Figure, FigureKind, Qualifier, Reply};

use crate::model::exports::Table;
use crate::model::format::figure_kind_label;
use crate::model::i18n::Lang;

/// Unit filter value for figures written without a unit.
pub const NO_UNIT: &str = "none";

/// One figure and where it stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Row<'a> {
    /// Index of the reply in the corpus.
    pub reply: usize,
    /// Index of the figure in the reply.
    pub index: usize,
    pub figure: &'a Figure,
}

impl Row<'_> {
    /// The unit filter key: the unit as written, or [`NO_UNIT`].
    pub fn unit_key(&self) -> &str {
        self.figure
            .unit
            .as_deref()
            .filter(|u| !u.is_empty())
            .unwrap_or(NO_UNIT)
    }
}

/// Column the table is ordered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Corpus order, then reading order (the default).
    #[default]
    Reply,
    /// Normalised value.
    Value,
    /// Kind (money, count, percent, multiple, other), then value.
    Kind,
}

impl SortKey {
    pub const ALL: [SortKey; 3] = [SortKey::Reply, SortKey::Value, SortKey::Kind];

    /// The `sort` value in URLs and the `data-sort` hook.
    pub fn key(self) -> &'static str {
        match self {
            SortKey::Reply => "reply",
            SortKey::Value => "value",
            SortKey::Kind => "kind",
        }
    }

    pub fn from_key(key: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// Every figure of the replies, in corpus and reading order.
pub fn collect<'a>(replies: impl IntoIterator<Item = &'a Reply>) -> Vec<Row<'a>> {
    replies
        .into_iter()
        .enumerate()
        .flat_map(|(reply, r)| {
            r.figures
                .iter()
                .enumerate()
                .map(move |(index, figure)| Row {
                    reply,
                    index,
                    figure,
                })
        })
        .collect()
}

/// Keeps the rows of this kind and unit key (`None`: any).
pub fn filter<'a>(rows: &[Row<'a>], kind: Option<FigureKind>, unit: Option<&str>) -> Vec<Row<'a>> {
    rows.iter()
        .filter(|r| kind.is_none_or(|k| r.figure.kind == k))
        .filter(|r| unit.is_none_or(|u| r.unit_key() == u))
        .copied()
        .collect()
}

/// Kinds sort in the parser's display order.
fn kind_rank(kind: FigureKind) -> usize {
    FigureKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(usize::MAX)
}

/// Sorts in place; ties keep corpus and reading order (stable sort).
pub fn sort(rows: &mut [Row<'_>], key: SortKey, desc: bool) {
    let position = |r: &Row| (r.reply, r.index);
    rows.sort_by(|a, b| {
        let order = match key {
            SortKey::Reply => position(a).cmp(&position(b)),
            SortKey::Value => a.figure.value.total_cmp(&b.figure.value),
            SortKey::Kind => kind_rank(a.figure.kind)
                .cmp(&kind_rank(b.figure.kind))
                .then(a.figure.value.total_cmp(&b.figure.value)),
        };
        if desc {
            order.reverse()
        } else {
            order
        }
    });
}

/// Distinct values with counts, in first-seen order: `(key, count)`.
pub fn tally<'r, K: PartialEq>(rows: &[Row<'r>], key: impl Fn(&Row<'r>) -> K) -> Vec<(K, usize)> {
    let mut out: Vec<(K, usize)> = Vec::new();
    for r in rows {
        let k = key(r);
        match out.iter_mut().find(|(seen, _)| *seen == k) {
            Some((_, n)) => *n += 1,
            None => out.push((k, 1)),
        }
    }
    out
}

pub fn qualifier_label(q: Qualifier, lang: Lang) -> &'static str {
    match q {
        Qualifier::Exact => lang.pick("确数", "exact"),
        Qualifier::MoreThan => lang.pick("超过", "more than"),
        Qualifier::AtLeast => lang.pick("不少于", "at least"),
        Qualifier::Nearly => lang.pick("接近", "nearly"),
        Qualifier::Approximately => lang.pick("约", "about"),
        Qualifier::AtMost => lang.pick("不超过", "at most"),
    }
}

/// The rows as a table for export (CSV or JSON, see [`crate::model::exports`]).
/// `reply` gives a row's reply document number and title.
pub fn table<'r>(rows: &[Row<'r>], lang: Lang, reply: impl Fn(usize) -> (String, String)) -> Table {
    use crate::model::exports::Cell::{Number, Text};
    let mut t = Table::with_columns(
        lang,
        &[
            ("doc_number", "文号", "doc_number", Text),
            ("reply_title", "答复", "reply_title", Text),
            ("text", "原文", "text", Text),
            ("number", "数字", "number", Number),
            ("magnitude", "量级", "magnitude", Text),
            ("unit", "单位", "unit", Text),
            ("qualifier", "限定", "qualifier", Text),
            ("kind", "类型", "kind", Text),
            ("value", "标准化数值", "value", Number),
        ],
    );
    for r in rows {
        let f = r.figure;
        let (doc, title) = reply(r.reply);
        t.rows.push(vec![
            doc,
            title,
            f.text.clone(),
            f.number.to_string(),
            f.magnitude
                .map(|m| m.as_str().to_owned())
                .unwrap_or_default(),
            f.unit.clone().unwrap_or_default(),
            qualifier_label(f.qualifier, lang).to_owned(),
            figure_kind_label(f.kind, lang).to_owned(),
            f.value.to_string(),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use dafu_parser::{Magnitude, Span};

    fn fig(text: &str, value: f64, unit: Option<&str>, kind: FigureKind) -> Figure {
        Figure {
            block: 0,
            range: Span::default(),
            text: text.into(),
            number: value,
            magnitude: None,
            unit: unit.map(Into::into),
            qualifier: Qualifier::Exact,
            qualifier_text: None,
            kind,
            value,
        }
    }

    fn replies() -> Vec<Reply> {
        let a = Reply {
            figures: vec![
                fig("166家", 166.0, Some("家"), FigureKind::Count),
                fig("22.57%", 22.57, Some("%"), FigureKind::Percent),
            ],
            ..Reply::default()
        };
        let mut b = Reply::default();
        let mut money = fig("超21亿元", 21.0, Some("元"), FigureKind::Money);
        money.magnitude = Some(Magnitude::Yi);
        money.value = 2.1e9;
        money.qualifier = Qualifier::MoreThan;
        b.figures = vec![
            money,
            fig("3", 3.0, None, FigureKind::Other),
            fig("12家", 12.0, Some("家"), FigureKind::Count),
        ];
        vec![a, b]
    }

    fn texts<'a>(rows: &[Row<'a>]) -> Vec<&'a str> {
        rows.iter().map(|r| r.figure.text.as_str()).collect()
    }

    #[test]
    fn collects_in_corpus_and_reading_order() {
        let rs = replies();
        let rows = collect(&rs);
        assert_eq!(texts(&rows), ["166家", "22.57%", "超21亿元", "3", "12家"]);
        assert_eq!((rows[2].reply, rows[2].index), (1, 0));
    }

    #[test]
    fn filters_by_kind_and_unit() {
        let rs = replies();
        let rows = collect(&rs);
        assert_eq!(
            texts(&filter(&rows, Some(FigureKind::Count), None)),
            ["166家", "12家"]
        );
        assert_eq!(texts(&filter(&rows, None, Some("元"))), ["超21亿元"]);
        assert_eq!(texts(&filter(&rows, None, Some(NO_UNIT))), ["3"]);
        assert_eq!(filter(&rows, Some(FigureKind::Count), Some("%")).len(), 0);
        assert_eq!(filter(&rows, None, None).len(), 5);
        assert_eq!(
            tally(&rows, |r| r.unit_key().to_owned())[0],
            ("家".to_owned(), 2)
        );
    }

    #[test]
    fn sorts_by_value_kind_and_reply_both_ways() {
        let rs = replies();
        let mut rows = collect(&rs);
        sort(&mut rows, SortKey::Value, false);
        assert_eq!(texts(&rows), ["3", "12家", "22.57%", "166家", "超21亿元"]);
        sort(&mut rows, SortKey::Value, true);
        assert_eq!(texts(&rows)[0], "超21亿元");
        sort(&mut rows, SortKey::Kind, false);
        assert_eq!(texts(&rows), ["超21亿元", "12家", "166家", "22.57%", "3"]);
        sort(&mut rows, SortKey::Reply, true);
        assert_eq!(texts(&rows), ["12家", "3", "超21亿元", "22.57%", "166家"]);
        sort(&mut rows, SortKey::Reply, false);
        assert_eq!(texts(&rows), ["166家", "22.57%", "超21亿元", "3", "12家"]);
        assert_eq!(SortKey::from_key("value"), Some(SortKey::Value));
        assert_eq!(SortKey::from_key("nonsense"), None);
        for k in SortKey::ALL {
            assert_eq!(SortKey::from_key(k.key()), Some(k));
        }
    }

    #[test]
    fn csv_starts_with_a_bom_and_a_header() {
        let rs = replies();
        let rows = collect(&rs);
        let csv = table(&rows[2..3], Lang::Zh, |i| {
            (format!("沪科提复〔2025〕{i}号"), "关于“科技，创新”".into())
        })
        .to_csv();
        assert!(csv.starts_with("\u{feff}文号,答复,原文,"), "{csv}");
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[1],
            "沪科提复〔2025〕1号,关于“科技，创新”,超21亿元,21,亿,元,超过,金额,2100000000"
        );
        let en = table(&[], Lang::En, |_| Default::default()).to_csv();
        assert_eq!(
            en,
            "\u{feff}doc_number,reply_title,text,number,magnitude,unit,qualifier,kind,value\r\n"
        );
        assert_eq!(
            crate::model::exports::filename("数据", "2025-11-23", "csv"),
            "dafu-数据-2025-11-23.csv"
        );
    }
}
