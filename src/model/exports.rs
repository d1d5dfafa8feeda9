//! What a view exports: the replies listed, the commitments or the figures
//! shown, as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese)
//! and as JSON. One [`Table`] gives both: CSV columns headed in the user's
//! language, JSON objects with the stable English keys of `docs/exports.md`.
//!
//! Pure, tested natively.

use std::borrow::Cow;

use dafu_parser::csv_guard;

use serde_json::{Map, Value};

use crate::model::corpus::{kind_key, Corpus};
use crate::model::facets::Handling;
use crate::model::i18n::Lang;
use crate::model::tracker::Tracker;

/// Column kinds: a JSON value is a string, a number or a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Text,
    Number,
    /// Several values, joined by 、 in CSV.
    List,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// JSON key, stable.
    pub key: &'static str,
    /// CSV header.
    pub label: &'static str,
    pub cell: Cell,
}

/// Rows of cells; a list cell holds its values joined by `\u{1f}`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

const SEP: char = '\u{1f}';

impl Table {
    /// A table with these columns: (JSON key, Chinese header, English
    /// header, kind).
    pub fn with_columns(
        lang: Lang,
        columns: &[(&'static str, &'static str, &'static str, Cell)],
    ) -> Table {
        Table {
            columns: columns
                .iter()
                .map(|&(key, zh, en, cell)| Column {
                    key,
                    label: lang.pick(zh, en),
                    cell,
                })
                .collect(),
            rows: Vec::new(),
        }
    }

    /// CSV text: BOM, one header line, `\r\n` line ends.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("\u{feff}");
        let header: Vec<Cow<str>> = self.columns.iter().map(|c| csv_field(c.label)).collect();
        out.push_str(&header.join(","));
        out.push_str("\r\n");
        for row in &self.rows {
            let cells: Vec<Cow<str>> = row
                .iter()
                .map(|c| csv_field(c).into_owned().replace(SEP, "、").into())
                .collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        out
    }

    /// JSON: an array of objects, one per row.
    pub fn to_json(&self) -> String {
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|row| {
                let mut object = Map::new();
                for (column, cell) in self.columns.iter().zip(row) {
                    let value = match column.cell {
                        Cell::Text => Value::from(cell.as_str()),
                        // Whole numbers as integers (2100000000, not 2.1e9).
                        Cell::Number => cell
                            .parse::<i64>()
                            .map(Value::from)
                            .or_else(|_| cell.parse::<f64>().map(Value::from))
                            .unwrap_or(Value::Null),
                        Cell::List => Value::from(
                            cell.split(SEP)
                                .filter(|s| !s.is_empty())
                                .collect::<Vec<_>>(),
                        ),
                    };
                    object.insert(column.key.to_owned(), value);
                }
                Value::Object(object)
            })
            .collect();
        serde_json::to_string_pretty(&rows).expect("rows serialise")
    }
}

/// One CSV field, quoted when it holds a comma, quote or line break
/// (RFC 4180), after the formula guard the CLI uses too
/// ([`dafu_parser::csv_guard`]).
pub fn csv_field(s: &str) -> Cow<'_, str> {
    let s = csv_guard(s);
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s
    }
}

/// A file name for an export: `dafu-答复-2026-12-02.csv`.
pub fn filename(what: &str, today: &str, ext: &str) -> String {
    format!("dafu-{what}-{today}.{ext}")
}

/// The replies of `rows` (indices into the corpus), in that order.
pub fn replies(corpus: &Corpus, rows: &[usize], lang: Lang) -> Table {
    let mut t = Table::with_columns(
        lang,
        &[
            ("id", "编号", "id", Cell::Text),
            ("doc_number", "文号", "doc_number", Cell::Text),
            ("kind", "类型", "kind", Cell::Text),
            ("date", "答复日期", "date", Cell::Text),
            ("session", "会议", "session", Cell::Text),
            (
                "proposal_number",
                "提案（建议）号",
                "proposal_number",
                Cell::Text,
            ),
            ("proposers", "提案人（代表）", "proposers", Cell::List),
            ("title", "标题", "title", Cell::Text),
            ("result", "办理结果", "result", Cell::Text),
            ("figures", "数据数", "figures", Cell::Number),
            ("commitments", "承诺数", "commitments", Cell::Number),
            ("imported", "本浏览器导入", "imported", Cell::Text),
        ],
    );
    for &i in rows {
        let e = &corpus.entries[i];
        let m = &e.meta;
        t.rows.push(vec![
            e.id.clone(),
            m.doc_number.clone().unwrap_or_default(),
            kind_key(m.kind).to_owned(),
            m.date
                .map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day))
                .unwrap_or_default(),
            m.session.clone().unwrap_or_default(),
            m.proposal_number.clone().unwrap_or_default(),
            m.proposers.join(&SEP.to_string()),
            e.title().to_owned(),
            m.result
                .clone()
                .or_else(|| Handling::of(m).map(|h| h.key().to_owned()))
                .unwrap_or_default(),
            e.figures.to_string(),
            e.commitments.len().to_string(),
            if e.imported { "yes" } else { "no" }.to_owned(),
        ]);
    }
    t
}

/// The commitments `(reply, index)` with what the tracker holds for them.
pub fn commitments(
    corpus: &Corpus,
    tracker: &Tracker,
    items: &[(usize, usize)],
    lang: Lang,
) -> Table {
    let mut t = Table::with_columns(
        lang,
        &[
            ("id", "承诺编号", "id", Cell::Text),
            ("doc_number", "文号", "doc_number", Cell::Text),
            ("reply_title", "答复", "reply_title", Cell::Text),
            ("heading", "要点", "heading", Cell::Text),
            ("text", "原文", "text", Cell::Text),
            ("status", "进展", "status", Cell::Text),
            ("status_label", "进展（文字）", "status_label", Cell::Text),
            ("status_date", "评估日期", "status_date", Cell::Text),
            ("note", "备注", "note", Cell::Text),
            ("history", "进展记录", "history", Cell::Text),
            ("evidence", "进展依据", "evidence", Cell::Text),
        ],
    );
    for &(r, i) in items {
        let e = &corpus.entries[r];
        // Bodies not loaded yet have nothing to export.
        let Some(c) = e.body().and_then(|b| b.reply.commitments.get(i)) else {
            continue;
        };
        let entry = tracker.entry(&c.id);
        let status = tracker.status(&c.id);
        t.rows.push(vec![
            c.id.clone(),
            e.number(),
            e.title().to_owned(),
            c.heading.clone(),
            c.text.clone(),
            status.key().to_owned(),
            status.label(lang).to_owned(),
            entry.and_then(|x| x.date.clone()).unwrap_or_default(),
            entry.map(|x| x.note.clone()).unwrap_or_default(),
            entry.map_or_else(String::new, |x| {
                (x.history.iter())
                    .map(|c| format!("{} {}", c.date, c.status.label(lang)))
                    .collect::<Vec<_>>()
                    .join(" → ")
            }),
            entry.map_or_else(String::new, |x| {
                (x.evidence.iter())
                    .map(|e| e.reply.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            }),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        Corpus::new(crate::model::bundled::load().expect("the bundled corpus decodes"))
    }

    #[test]
    fn replies_export_as_csv_with_bom_and_as_json_with_stable_keys() {
        let c = corpus();
        let rows: Vec<usize> = c.newest.clone();
        let t = replies(&c, &rows, Lang::Zh);
        let csv = t.to_csv();
        assert!(csv.starts_with("\u{feff}编号,文号,类型,答复日期,"));
        assert_eq!(csv.matches("\r\n").count(), rows.len() + 1);
        let json: Vec<serde_json::Value> = serde_json::from_str(&t.to_json()).unwrap();
        assert_eq!(json.len(), rows.len());
        let first = &c.entries[rows[0]];
        assert_eq!(
            json[0]["doc_number"],
            first.body().unwrap().reply.meta.doc_number.clone().unwrap()
        );
        assert_eq!(json[0]["figures"], first.body().unwrap().reply.figures.len());
        assert_eq!(json[0]["proposers"][0], first.body().unwrap().reply.meta.proposers[0]);
        assert_eq!(json[0]["imported"], "no");
    }

    #[test]
    fn commitments_carry_the_tracked_status_and_note() {
        let c = corpus();
        let r = c
            .entries
            .iter()
            .position(|e| !e.body().unwrap().reply.commitments.is_empty())
            .unwrap();
        let id = c.entries[r].body().unwrap().reply.commitments[0].id.clone();
        let mut tracker = Tracker::default();
        tracker.apply(crate::model::tracker::TrackerAction::SetStatus {
            id: id.clone(),
            status: crate::model::tracker::Status::Kept,
            today: "2026-12-01".into(),
            now: "2026-12-01T08:00:00.000Z".into(),
        });
        let t = commitments(&c, &tracker, &[(r, 0), (r, 1)], Lang::En);
        let json: Vec<serde_json::Value> = serde_json::from_str(&t.to_json()).unwrap();
        assert_eq!(json[0]["id"], id.as_str());
        assert_eq!(
            (json[0]["status"].as_str(), json[0]["status_date"].as_str()),
            (Some("kept"), Some("2026-12-01"))
        );
        assert_eq!(json[0]["history"], "2026-12-01 Kept");
        assert_eq!(json[1]["status"], "not_rated");
        tracker.apply(crate::model::tracker::TrackerAction::AddEvidence {
            id: id.clone(),
            evidence: crate::model::tracker::Evidence {
                reply: "沪科建复〔2025〕40号".into(),
                terms: vec![],
                date: "2026-12-02".into(),
            },
            now: "2026-12-02T08:00:00.000Z".into(),
        });
        let zh = commitments(&c, &tracker, &[(r, 0)], Lang::Zh);
        let json: Vec<serde_json::Value> = serde_json::from_str(&zh.to_json()).unwrap();
        assert_eq!(json[0]["history"], "2026-12-01 已落实");
        assert_eq!(json[0]["evidence"], "沪科建复〔2025〕40号");
        assert!(t
            .to_csv()
            .starts_with("\u{feff}id,doc_number,reply_title,heading,text,status,"));
    }

    #[test]
    fn csv_fields_are_quoted_only_when_needed_and_formulas_defused() {
        assert_eq!(csv_field("166家"), "166家");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("-12.5"), "-12.5");
        assert_eq!(csv_field(""), "");
    }

    #[test]
    fn the_formula_guard_comes_before_the_quoting() {
        assert_eq!(csv_field("=1+1"), "'=1+1");
        // The guard comes before the quoting: a CR still gets the field quoted.
        assert_eq!(csv_field("\r=1"), "\"'\r=1\"");
        assert_eq!(csv_field("\t=1"), "'\t=1");
    }
}
