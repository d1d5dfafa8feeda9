//! Where the user is: the view, the open reply and the filters, kept in the
//! URL's hash so that reload, back/forward and shared links restore them —
//! on any web server, under any sub-path, and from `file://` alike.
//!
//! The hash is a path and a query string (see `docs/routes.md`):
//!
//! | hash | view |
//! |---|---|
//! | `#/` or `#/replies` | replies: list + reader, nothing open |
//! | `#/replies/<reply id>` | the same with one reply open |
//! | `#/commitments` | every commitment across the replies |
//! | `#/commitments?share=<data>` | the same, offering a share link's statuses |
//! | `#/figures` | every figure |
//! | `#/charts` | the corpus at a glance, in charts |
//! | `#/about` | about the corpus and the app |
//!
//! followed by `?key=value&…` (form-encoded): the replies view reads
//! [`Filters`], the commitments and figures views their own query structs.
//! A reply id is its document number (沪科提复〔2025〕58号), or the corpus file
//! stem when the reply has none, percent-encoded as one path segment.
//! Anything unreadable falls back to the plain list, never to an error.

use std::rc::Rc;

use dafu_parser::{FigureKind, ReplyKind};

use crate::model::facets::{Facet, Handling};
use crate::model::figure_table::SortKey;
use crate::model::tracker::Status;

/// One place in the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The list and the reader; `open` is the id of the reply being read.
    Replies {
        open: Option<String>,
        filters: Filters,
    },
    Commitments(CommitmentsQuery),
    Figures(FiguresQuery),
    Charts,
    About,
}

impl Default for Route {
    fn default() -> Self {
        Route::Replies {
            open: None,
            filters: Filters::default(),
        }
    }
}

/// The views of the navigation bar, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Replies,
    Commitments,
    Figures,
    Charts,
    About,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Replies,
        View::Commitments,
        View::Figures,
        View::Charts,
        View::About,
    ];
}

/// Search and facet selection of the replies view. Every field is optional
/// and left out of the URL when empty (see [`crate::model::facets`] for the
/// keys). A facet a reply may leave unstated is an `Option<Option<_>>`:
/// `None`, no choice; `Some(None)`, the replies that do not state it (the
/// empty value, `kind=`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    /// The search text as typed.
    pub q: String,
    /// `proposal` (政协提案) or `suggestion` (人大代表建议).
    pub kind: Option<Option<ReplyKind>>,
    /// Year of the reply, e.g. `2025`.
    pub year: Option<Option<u16>>,
    /// Session as written, e.g. `市政协十四届三次会议`.
    pub session: Option<Option<Rc<str>>>,
    /// Handling result class `A`–`D` (or the result as written).
    pub result: Option<Option<Handling>>,
    /// `yes` or `no`: whether the reply makes commitments.
    pub commitments: Option<bool>,
    /// A tracker status (`kept`, `stalled`, …): replies with at least one
    /// commitment in that status.
    pub status: Option<Status>,
}

impl Filters {
    /// Whether any facet (not the search text) is chosen.
    pub fn has_facets(&self) -> bool {
        Facet::ALL.iter().any(|f| f.get(self).is_some())
    }

    fn from_query(q: &Query) -> Filters {
        let stated = |key: &str| q.get(key).map(|v| (!v.is_empty()).then_some(v));
        Filters {
            q: q.get("q").unwrap_or("").to_owned(),
            kind: stated("kind").and_then(|v| match v {
                None => Some(None),
                Some(k) => ReplyKind::from_key(k).map(Some),
            }),
            year: stated("year").and_then(|v| match v {
                None => Some(None),
                Some(y) => y.parse().ok().map(Some),
            }),
            session: stated("session").map(|v| v.map(Rc::from)),
            result: stated("result").map(|v| v.map(Handling::from_key)),
            commitments: match q.get("commitments") {
                Some("yes") => Some(true),
                Some("no") => Some(false),
                _ => None,
            },
            status: q.get("status").and_then(Status::from_key),
        }
    }

    fn to_query(&self) -> String {
        let mut pairs = Pairs::default();
        pairs.add("q", (!self.q.is_empty()).then(|| self.q.clone()));
        for facet in Facet::ALL {
            pairs.add(facet.key(), facet.get(self).map(|v| v.key()));
        }
        pairs.finish()
    }
}

/// Filters of the commitments view.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CommitmentsQuery {
    pub status: Option<Status>,
    /// A reply id (as in `#/replies/<id>`).
    pub reply: Option<String>,
    /// Statuses and notes a share link offers, packed (see
    /// [`crate::model::share`]); offered for import, never merged unasked.
    pub share: Option<String>,
}

impl CommitmentsQuery {
    fn from_query(q: &Query) -> CommitmentsQuery {
        CommitmentsQuery {
            status: q.get("status").and_then(Status::from_key),
            reply: q.get("reply").map(str::to_owned),
            share: q.get("share").filter(|s| !s.is_empty()).map(str::to_owned),
        }
    }

    fn to_query(&self) -> String {
        let mut pairs = Pairs::default();
        pairs.add("status", self.status.map(|s| s.key().to_owned()));
        pairs.add("reply", self.reply.clone());
        pairs.add("share", self.share.clone());
        pairs.finish()
    }
}

/// Filters and order of the figures view.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FiguresQuery {
    pub kind: Option<FigureKind>,
    /// Unit as written (元, 家, %, …), or `none` for figures without one.
    pub unit: Option<String>,
    pub sort: SortKey,
    /// Descending order.
    pub desc: bool,
}

impl FiguresQuery {
    fn from_query(q: &Query) -> FiguresQuery {
        FiguresQuery {
            kind: q.get("kind").and_then(FigureKind::from_key),
            unit: q.get("unit").map(str::to_owned),
            sort: q
                .get("sort")
                .and_then(SortKey::from_key)
                .unwrap_or_default(),
            desc: q.get("desc") == Some("true"),
        }
    }

    fn to_query(&self) -> String {
        let mut pairs = Pairs::default();
        pairs.add("kind", self.kind.map(|k| k.key().to_owned()));
        pairs.add("unit", self.unit.clone());
        let sort = (self.sort != SortKey::default()).then(|| self.sort.key().to_owned());
        pairs.add("sort", sort);
        pairs.add("desc", self.desc.then(|| "true".to_owned()));
        pairs.finish()
    }
}

/// A form-encoded query string, read: the last value of each key.
struct Query(Vec<(String, String)>);

impl Query {
    fn parse(query: &str) -> Query {
        Query(serde_urlencoded::from_str(query).unwrap_or_default())
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// A form-encoded query string, being written; absent values are left out.
#[derive(Default)]
struct Pairs(Vec<(&'static str, String)>);

impl Pairs {
    fn add(&mut self, key: &'static str, value: Option<String>) {
        if let Some(v) = value {
            self.0.push((key, v));
        }
    }

    fn finish(self) -> String {
        serde_urlencoded::to_string(&self.0).unwrap_or_default()
    }
}

impl Route {
    pub fn view(&self) -> View {
        match self {
            Route::Replies { .. } => View::Replies,
            Route::Commitments(_) => View::Commitments,
            Route::Figures(_) => View::Figures,
            Route::Charts => View::Charts,
            Route::About => View::About,
        }
    }

    /// Reads a location hash (with or without the leading `#`).
    pub fn from_hash(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let query = Query::parse(query);
        let segments: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(percent_decode)
            .collect();
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        match segments.as_slice() {
            ["commitments", ..] => Route::Commitments(CommitmentsQuery::from_query(&query)),
            ["figures", ..] => Route::Figures(FiguresQuery::from_query(&query)),
            ["charts", ..] => Route::Charts,
            ["about", ..] => Route::About,
            ["replies", id, ..] => Route::Replies {
                open: Some((*id).to_owned()),
                filters: Filters::from_query(&query),
            },
            _ => Route::Replies {
                open: None,
                filters: Filters::from_query(&query),
            },
        }
    }

    /// The hash for this route, with the leading `#`: usable as an `href`.
    pub fn href(&self) -> String {
        let (path, query) = match self {
            Route::Replies {
                open: None,
                filters,
            } => ("/replies".to_owned(), filters.to_query()),
            Route::Replies {
                open: Some(id),
                filters,
            } => (
                format!("/replies/{}", percent_encode(id)),
                filters.to_query(),
            ),
            Route::Commitments(q) => ("/commitments".to_owned(), q.to_query()),
            Route::Figures(q) => ("/figures".to_owned(), q.to_query()),
            Route::Charts => ("/charts".to_owned(), String::new()),
            Route::About => ("/about".to_owned(), String::new()),
        };
        if query.is_empty() {
            format!("#{path}")
        } else {
            format!("#{path}?{query}")
        }
    }

    /// The replies filters, when this is the replies view.
    pub fn filters(&self) -> Option<&Filters> {
        match self {
            Route::Replies { filters, .. } => Some(filters),
            _ => None,
        }
    }

    /// The open reply's id, when this is the replies view with one open.
    pub fn open_reply(&self) -> Option<&str> {
        match self {
            Route::Replies { open, .. } => open.as_deref(),
            _ => None,
        }
    }
}

/// How a route change is recorded in the browser history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryMode {
    /// A new entry: back returns to the previous state.
    Push,
    /// Rewrite the current entry (typing in the search box).
    Replace,
    /// A new entry for a search being started (its first character); the
    /// next characters rewrite it.
    StartSearch,
}

/// Typing refines the current search in place; every other change (and the
/// first character of a new search) is a step that back can undo.
pub fn history_mode(old: &Route, new: &Route) -> HistoryMode {
    match (old, new) {
        (
            Route::Replies {
                open: o1,
                filters: f1,
            },
            Route::Replies {
                open: o2,
                filters: f2,
            },
        ) if o1 == o2 && !f2.q.is_empty() => {
            let same_facets = Filters {
                q: String::new(),
                ..f1.clone()
            } == Filters {
                q: String::new(),
                ..f2.clone()
            };
            match (same_facets, f1.q.is_empty()) {
                (true, false) => HistoryMode::Replace,
                (true, true) => HistoryMode::StartSearch,
                (false, _) => HistoryMode::Push,
            }
        }
        _ => HistoryMode::Push,
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; malformed escapes are kept as written.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests;
