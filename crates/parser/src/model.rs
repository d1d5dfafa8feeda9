//! The document model: plain data, every node carrying where it came from.
//!
//! Byte ranges come in two flavours and are named for what they index:
//! `source` ranges index the decoded source text ([`Reply::source_len`] bytes,
//! UTF-8, line endings as they were), `range` fields inside a block index that
//! block's repaired [`Block::text`].

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// One parsed reply.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Reply {
    pub meta: Meta,
    /// Body blocks in reading order, from the opening (…收悉) to the thanks
    /// line; header, signature, contact, cc and print lines are metadata.
    pub blocks: Vec<Block>,
    /// Every figure of the body, in reading order.
    pub figures: Vec<Figure>,
    /// Every date of the body, in reading order (never counted as figures).
    pub dates: Vec<DateMention>,
    /// Items of the next-steps section, in order.
    pub commitments: Vec<Commitment>,
    pub warnings: Vec<Warning>,
    /// The encoding the source was decoded from.
    pub encoding: Encoding,
    /// Length in bytes of the decoded (UTF-8) source.
    pub source_len: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Encoding {
    #[default]
    Utf8,
    Utf8Bom,
    Gb18030,
    /// Neither decoded cleanly; decoded as UTF-8 with replacement characters.
    Lossy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReplyKind {
    /// 政协提案 — a CPPCC member's proposal (沪科提复).
    Proposal,
    /// 人大代表建议 — a People's Congress deputy's suggestion (沪科建复).
    Suggestion,
}

/// A calendar date as written (no time zone, no validation beyond ranges).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// National classes of handling results (A–D).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ResultClass {
    /// A: 已解决或基本解决 / 解决采纳.
    A,
    /// B: 正在解决或有关工作已启动.
    B,
    /// C: 列入规划（计划）逐步解决.
    C,
    /// D: 因条件限制留作参考.
    D,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Meta {
    /// 上海市科学技术委员会.
    pub issuer: Option<String>,
    /// 沪科提复〔2025〕58号, spaces removed.
    pub doc_number: Option<String>,
    /// Year inside the document number's brackets.
    pub doc_year: Option<u16>,
    pub kind: Option<ReplyKind>,
    /// 市政协十四届三次会议 / 市十六届人大三次会议.
    pub session: Option<String>,
    /// As written, leading zeros kept: "0539".
    pub proposal_number: Option<String>,
    /// Names of the addressees (委员 / 代表), spaces inside names removed.
    pub proposers: Vec<String>,
    /// Whether 等 follows the names (more proposers than listed).
    pub proposers_more: bool,
    /// The quoted 关于…… text of the opening, without quotes.
    pub title: Option<String>,
    /// 办理结果 as written: 解决采纳, or a class letter.
    pub result: Option<String>,
    pub result_class: Option<ResultClass>,
    /// 公开属性 as written: 主动公开·全文.
    pub disclosure: Option<String>,
    /// Signature date.
    pub date: Option<Date>,
    pub contact: Contact,
    /// 抄送 recipients, in order.
    pub cc: Vec<String>,
    /// 上海市科委办公室.
    pub print_office: Option<String>,
    pub print_date: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Contact {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlockKind {
    /// A heading; level 1 is the outermost (一、 or #), then （一）, then 1.
    Heading {
        level: u8,
    },
    Paragraph,
}

/// Which part of the reply a block belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Section {
    /// The opening paragraph(s) acknowledging the proposal.
    Opening,
    /// What has been done.
    Body,
    /// The next-steps section (下一步 / 下阶段 …).
    NextSteps,
    /// Thanks and closing words.
    Closing,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub section: Section,
    /// Repaired text: page breaks rejoined, markdown marks removed, stray
    /// spaces collapsed, full-width digits kept as written.
    pub text: String,
    /// Bold runs (`**…**` in the source), as ranges of `text`.
    pub bold: Vec<Span>,
    /// Where the block came from in the decoded source (may cover several
    /// source paragraphs when a page break was rejoined).
    pub source: Span,
}

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FigureKind {
    Money,
    Count,
    Percent,
    Multiple,
    Other,
}

/// How the written number bounds the true quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Qualifier {
    /// No qualifier, or one that does not bound the number (累计, 达).
    Exact,
    /// 超, 超过, 逾, …余, …多: strictly more than the number.
    MoreThan,
    /// …以上: the number or more.
    AtLeast,
    /// 近: close to, but short of, the number.
    Nearly,
    /// 约, …左右: about the number.
    Approximately,
    /// 最高, 不超过: the number or less.
    AtMost,
}

/// Decimal magnitude words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Magnitude {
    /// 千 (1e3)
    Qian,
    /// 万 (1e4)
    Wan,
    /// 百万 (1e6)
    BaiWan,
    /// 千万 (1e7)
    QianWan,
    /// 亿 (1e8)
    Yi,
    /// 万亿 (1e12)
    WanYi,
}

impl Magnitude {
    pub fn factor(self) -> f64 {
        match self {
            Magnitude::Qian => 1e3,
            Magnitude::Wan => 1e4,
            Magnitude::BaiWan => 1e6,
            Magnitude::QianWan => 1e7,
            Magnitude::Yi => 1e8,
            Magnitude::WanYi => 1e12,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Magnitude::Qian => "千",
            Magnitude::Wan => "万",
            Magnitude::BaiWan => "百万",
            Magnitude::QianWan => "千万",
            Magnitude::Yi => "亿",
            Magnitude::WanYi => "万亿",
        }
    }
}

/// A quantity in the text: 超21亿元, 166家, 22.57%, 1.29 万亿元.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Index into [`Reply::blocks`].
    pub block: u32,
    /// Range of the whole figure (qualifiers included) in the block's text.
    pub range: Span,
    /// The figure as it stands in the block text: "超21亿元".
    pub text: String,
    /// The written number: 21.0 for 超21亿元.
    pub number: f64,
    pub magnitude: Option<Magnitude>,
    /// Unit as written after the magnitude: 元, 家, %, 倍, 人次 …
    pub unit: Option<String>,
    pub qualifier: Qualifier,
    /// The qualifier words as written: 超, 近, 余, 以上 …
    pub qualifier_text: Option<String>,
    pub kind: FigureKind,
    /// number × magnitude, in `unit`: 2.1e9 for 超21亿元 (the lower bound
    /// when the qualifier is MoreThan / AtLeast).
    pub value: f64,
}

/// A date in the body: 2024年, 2025年2月末, 2024 年 12 月底.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    pub block: u32,
    pub range: Span,
    pub text: String,
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// One item of the next-steps section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitment {
    /// Stable across re-parsing and edits elsewhere in the reply: derived from
    /// the document number (or title) and the item's normalised heading.
    pub id: String,
    /// The bold lead or first clause, without the 一是 / （一） / 1. marker.
    pub heading: String,
    /// The item's full text, marker removed.
    pub text: String,
    /// The block the item starts in.
    pub block: u32,
    /// Range of the item in that block's text (the whole block when the item
    /// spans several blocks).
    pub range: Span,
}

/// Something the parser could not recognise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// 1-based line and column (in characters) in the decoded source.
    pub line: u32,
    pub column: u32,
    pub reason: String,
    /// Short stable rule id, e.g. "missing-date", "unknown-header".
    pub rule: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: {} ({})",
            self.line, self.column, self.reason, self.rule
        )
    }
}
