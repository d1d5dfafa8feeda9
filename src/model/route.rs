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
//! | `#/figures` | every figure |
//! | `#/charts` | the corpus at a glance, in charts |
//! | `#/about` | about the corpus and the app |
//!
//! followed by `?key=value&…` (form-encoded): the replies view reads
//! [`Filters`], the commitments and figures views their own query structs.
//! A reply id is its document number (沪科提复〔2025〕58号), or the corpus file
//! stem when the reply has none, percent-encoded as one path segment.
//! Anything unreadable falls back to the plain list, never to an error.

use serde::{Deserialize, Serialize};

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
/// and left out of the URL when empty; facet values are the stable keys of
/// [`crate::model::facets`] (`kind=proposal`, `year=2025`, `result=A`, …).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// The search text as typed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub q: String,
    /// `proposal` (政协提案) or `suggestion` (人大代表建议).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Year of the reply, e.g. `2025`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<String>,
    /// Session as written, e.g. `市政协十四届三次会议`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    /// Handling result class `A`–`D` (or the result as written).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// `yes` or `no`: whether the reply makes commitments.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commitments: Option<String>,
    /// A commitment status key of the tracker (`kept`, `stalled`, …): replies
    /// with at least one commitment in that status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

impl Filters {
    /// Whether any facet (not the search text) is chosen.
    pub fn has_facets(&self) -> bool {
        self.kind.is_some()
            || self.year.is_some()
            || self.session.is_some()
            || self.result.is_some()
            || self.commitments.is_some()
            || self.status.is_some()
    }
}

/// Filters of the commitments view.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CommitmentsQuery {
    /// A tracker status key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// A reply id (as in `#/replies/<id>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
}

/// Filters and order of the figures view.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FiguresQuery {
    /// Figure kind, lowercase: money, count, percent, multiple, other.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Unit as written (元, 家, %, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Sort column, e.g. `value`; `desc` for descending order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub desc: bool,
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
        let segments: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(percent_decode)
            .collect();
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        match segments.as_slice() {
            ["commitments", ..] => Route::Commitments(parse_query(query)),
            ["figures", ..] => Route::Figures(parse_query(query)),
            ["charts", ..] => Route::Charts,
            ["about", ..] => Route::About,
            ["replies", id, ..] => Route::Replies {
                open: Some((*id).to_owned()),
                filters: parse_query(query),
            },
            _ => Route::Replies {
                open: None,
                filters: parse_query(query),
            },
        }
    }

    /// The hash for this route, with the leading `#`: usable as an `href`.
    pub fn href(&self) -> String {
        let (path, query) = match self {
            Route::Replies {
                open: None,
                filters,
            } => ("/replies".to_owned(), to_query(filters)),
            Route::Replies {
                open: Some(id),
                filters,
            } => (
                format!("/replies/{}", percent_encode(id)),
                to_query(filters),
            ),
            Route::Commitments(q) => ("/commitments".to_owned(), to_query(q)),
            Route::Figures(q) => ("/figures".to_owned(), to_query(q)),
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

fn parse_query<T: for<'de> Deserialize<'de> + Default>(query: &str) -> T {
    serde_urlencoded::from_str(query).unwrap_or_default()
}

fn to_query<T: Serialize>(value: &T) -> String {
    serde_urlencoded::to_string(value).unwrap_or_default()
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
mod tests {
    use super::*;

    fn replies(open: Option<&str>, filters: Filters) -> Route {
        Route::Replies {
            open: open.map(str::to_owned),
            filters,
        }
    }

    #[test]
    fn empty_and_unknown_hashes_are_the_list() {
        for hash in [
            "",
            "#",
            "#/",
            "#/replies",
            "#/nowhere/at/all",
            "#/replies?bogus=1",
        ] {
            assert_eq!(Route::from_hash(hash), Route::default(), "{hash}");
        }
    }

    #[test]
    fn round_trips_every_view() {
        let filters = Filters {
            q: "74亿元 孵化".into(),
            kind: Some("proposal".into()),
            year: Some("2025".into()),
            session: Some("市政协十四届三次会议".into()),
            result: Some("A".into()),
            commitments: Some("yes".into()),
            status: Some("kept".into()),
        };
        let routes = [
            Route::default(),
            replies(Some("沪科提复〔2025〕58号"), Filters::default()),
            replies(Some("沪科建复〔2025〕38号"), filters.clone()),
            replies(None, filters),
            Route::Commitments(CommitmentsQuery {
                status: Some("stalled".into()),
                reply: Some("a/b c".into()),
            }),
            Route::Figures(FiguresQuery {
                kind: Some("money".into()),
                unit: Some("元".into()),
                sort: Some("value".into()),
                desc: true,
            }),
            Route::Figures(FiguresQuery::default()),
            Route::About,
        ];
        for route in routes {
            let href = route.href();
            assert!(href.starts_with("#/"), "{href}");
            assert!(href.is_ascii(), "{href}");
            assert_eq!(Route::from_hash(&href), route, "{href}");
        }
    }

    #[test]
    fn reads_hand_written_and_browser_encoded_hashes() {
        let r = Route::from_hash("#/replies/沪科提复〔2025〕58号?q=孵化&kind=proposal");
        assert_eq!(r.open_reply(), Some("沪科提复〔2025〕58号"));
        assert_eq!(r.filters().unwrap().q, "孵化");
        assert_eq!(r.filters().unwrap().kind.as_deref(), Some("proposal"));
        let encoded = Route::from_hash("#/replies/%E6%B2%AA%E7%A7%91?q=%E5%AD%B5%E5%8C%96");
        assert_eq!(encoded.open_reply(), Some("沪科"));
        assert_eq!(encoded.filters().unwrap().q, "孵化");
    }

    #[test]
    fn empty_filters_leave_a_clean_url() {
        assert_eq!(Route::default().href(), "#/replies");
        assert_eq!(
            replies(Some("x_1"), Filters::default()).href(),
            "#/replies/x_1"
        );
        assert_eq!(Route::About.href(), "#/about");
    }

    #[test]
    fn malformed_escapes_survive() {
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(
            percent_decode(&percent_encode("〔2025〕 a/b")),
            "〔2025〕 a/b"
        );
    }

    #[test]
    fn typing_replaces_other_changes_push() {
        let q = |s: &str| Filters {
            q: s.into(),
            ..Filters::default()
        };
        let list = Route::default();
        assert_eq!(
            history_mode(&list, &replies(None, q("孵"))),
            HistoryMode::StartSearch
        );
        assert_eq!(
            history_mode(&replies(None, q("孵")), &replies(None, q("孵化"))),
            HistoryMode::Replace
        );
        let faceted = Filters {
            kind: Some("proposal".into()),
            ..q("孵化")
        };
        assert_eq!(
            history_mode(&replies(None, q("孵化")), &replies(None, faceted)),
            HistoryMode::Push
        );
        assert_eq!(
            history_mode(&replies(None, q("孵化")), &replies(Some("a"), q("孵化"))),
            HistoryMode::Push
        );
        assert_eq!(history_mode(&list, &Route::About), HistoryMode::Push);
        assert_eq!(
            history_mode(&replies(None, q("孵化")), &list),
            HistoryMode::Push,
            "clearing the search is a step back can undo"
        );
    }
}
