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
}

impl CommitmentsQuery {
    fn from_query(q: &Query) -> CommitmentsQuery {
        CommitmentsQuery {
            status: q.get("status").and_then(Status::from_key),
            reply: q.get("reply").map(str::to_owned),
        }
    }

    fn to_query(&self) -> String {
        let mut pairs = Pairs::default();
        pairs.add("status", self.status.map(|s| s.key().to_owned()));
        pairs.add("reply", self.reply.clone());
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
mod tests {
    use super::*;

    #[cfg(not(target_arch = "wasm32"))]
    mod round_trip {
        use super::*;
        use proptest::prelude::*;

        fn stated<T: std::fmt::Debug + Clone>(
            value: impl Strategy<Value = T>,
        ) -> impl Strategy<Value = Option<Option<T>>> {
            proptest::option::of(proptest::option::of(value))
        }

        fn handling() -> impl Strategy<Value = Handling> {
            prop_oneof![
                proptest::sample::select(dafu_parser::ResultClass::ALL).prop_map(Handling::Class),
                // As written: never empty, never a class letter.
                "[解决采纳正在留作参考 ]{1,8}".prop_map(|s| Handling::Written(s.as_str().into())),
            ]
        }

        fn filters() -> impl Strategy<Value = Filters> {
            (
                ".{0,12}",
                stated(proptest::sample::select(ReplyKind::ALL)),
                stated(any::<u16>()),
                stated(".{1,12}".prop_map(|s| Rc::<str>::from(s.as_str()))),
                stated(handling()),
                proptest::option::of(any::<bool>()),
                proptest::option::of(proptest::sample::select(Status::ALL.to_vec())),
            )
                .prop_map(|(q, kind, year, session, result, commitments, status)| {
                    Filters {
                        q,
                        kind,
                        year,
                        session,
                        result,
                        commitments,
                        status,
                    }
                })
        }

        proptest! {
            #[test]
            fn every_filter_survives_the_url(
                f in filters(),
                open in proptest::option::of(".{1,20}"),
            ) {
                let route = Route::Replies { open, filters: f };
                let href = route.href();
                prop_assert!(href.is_ascii(), "{}", href);
                prop_assert_eq!(Route::from_hash(&href), route);
            }

            #[test]
            fn every_figures_query_survives_the_url(
                kind in proptest::option::of(proptest::sample::select(FigureKind::ALL)),
                unit in proptest::option::of(".{1,6}"),
                sort in proptest::sample::select(SortKey::ALL.to_vec()),
                desc in any::<bool>(),
            ) {
                let route = Route::Figures(FiguresQuery { kind, unit, sort, desc });
                prop_assert_eq!(Route::from_hash(&route.href()), route);
            }
        }
    }

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
            kind: Some(Some(ReplyKind::Proposal)),
            year: Some(Some(2025)),
            session: Some(Some("市政协十四届三次会议".into())),
            result: Some(Some(Handling::Class(dafu_parser::ResultClass::A))),
            commitments: Some(true),
            status: Some(Status::Kept),
        };
        let routes = [
            Route::default(),
            replies(Some("沪科提复〔2025〕58号"), Filters::default()),
            replies(Some("沪科建复〔2025〕38号"), filters.clone()),
            replies(None, filters),
            Route::Commitments(CommitmentsQuery {
                status: Some(Status::Stalled),
                reply: Some("a/b c".into()),
            }),
            Route::Figures(FiguresQuery {
                kind: Some(FigureKind::Money),
                unit: Some("元".into()),
                sort: SortKey::Value,
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
        assert_eq!(r.filters().unwrap().kind, Some(Some(ReplyKind::Proposal)));
        let encoded = Route::from_hash("#/replies/%E6%B2%AA%E7%A7%91?q=%E5%AD%B5%E5%8C%96");
        assert_eq!(encoded.open_reply(), Some("沪科"));
        assert_eq!(encoded.filters().unwrap().q, "孵化");
    }

    #[test]
    fn typed_filters_write_the_documented_keys() {
        let filters = Filters {
            kind: Some(Some(ReplyKind::Proposal)),
            year: Some(Some(2025)),
            result: Some(Some(Handling::Class(dafu_parser::ResultClass::A))),
            commitments: Some(true),
            status: Some(Status::Kept),
            ..Filters::default()
        };
        assert_eq!(
            replies(None, filters).href(),
            "#/replies?kind=proposal&year=2025&result=A&commitments=yes&status=kept"
        );
        let q = Filters {
            q: "孵化 a".into(),
            ..Filters::default()
        };
        assert_eq!(
            replies(Some("x"), q).href(),
            "#/replies/x?q=%E5%AD%B5%E5%8C%96+a"
        );
        let figures = Route::Figures(FiguresQuery {
            kind: Some(FigureKind::Money),
            unit: Some("元".into()),
            sort: SortKey::Value,
            desc: true,
        });
        assert_eq!(
            figures.href(),
            "#/figures?kind=money&unit=%E5%85%83&sort=value&desc=true"
        );
        let commitments = Route::Commitments(CommitmentsQuery {
            status: Some(Status::InTheWorks),
            reply: Some("x".into()),
        });
        assert_eq!(
            commitments.href(),
            "#/commitments?status=in_the_works&reply=x"
        );
    }

    #[test]
    fn the_empty_value_chooses_what_is_not_stated() {
        let r = Route::from_hash("#/replies?kind=&year=&result=");
        let f = r.filters().unwrap();
        assert_eq!((f.kind, f.year), (Some(None), Some(None)));
        assert_eq!(f.result, Some(None));
        assert_eq!(r.href(), "#/replies?kind=&year=&result=");
    }

    #[test]
    fn unknown_values_are_ignored_one_by_one() {
        let r =
            Route::from_hash("#/replies?q=x&kind=bogus&year=twenty&status=nope&commitments=maybe");
        assert_eq!(
            r,
            replies(
                None,
                Filters {
                    q: "x".into(),
                    ..Filters::default()
                }
            )
        );
        let f = Route::from_hash("#/figures?kind=gold&sort=colour&desc=1&unit=%25");
        assert_eq!(
            f,
            Route::Figures(FiguresQuery {
                unit: Some("%".into()),
                ..FiguresQuery::default()
            })
        );
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
            kind: Some(Some(ReplyKind::Proposal)),
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
