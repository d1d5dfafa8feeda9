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
            .prop_map(
                |(q, kind, year, session, result, commitments, status)| Filters {
                    q,
                    kind,
                    year,
                    session,
                    result,
                    commitments,
                    status,
                },
            )
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
            ..Default::default()
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
        ..Default::default()
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
    let r = Route::from_hash("#/replies?q=x&kind=bogus&year=twenty&status=nope&commitments=maybe");
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

#[test]
fn a_share_link_carries_its_data_beside_the_filters() {
    let data = "zq1YKi1OLVKyUlBKSc0tUKoFAA";
    let route = Route::from_hash(&format!("#/commitments?reply=x&share={data}"));
    assert_eq!(
        route,
        Route::Commitments(CommitmentsQuery {
            reply: Some("x".into()),
            share: Some(data.into()),
            ..Default::default()
        })
    );
    assert_eq!(route.href(), format!("#/commitments?reply=x&share={data}"));
    // base64url needs no escaping: the data is written as it is.
    let all = "z-_AZaz09";
    let href = Route::Commitments(CommitmentsQuery {
        share: Some(all.into()),
        ..Default::default()
    })
    .href();
    assert_eq!(href, format!("#/commitments?share={all}"));
}

#[test]
fn links_from_before_sharing_read_as_they_did() {
    for (hash, status, reply) in [
        ("#/commitments", None, None),
        ("#/commitments?status=kept", Some(Status::Kept), None),
        ("#/commitments?reply=a&status=nope", None, Some("a")),
    ] {
        assert_eq!(
            Route::from_hash(hash),
            Route::Commitments(CommitmentsQuery {
                status,
                reply: reply.map(str::to_owned),
                share: None,
            }),
            "{hash}"
        );
    }
    // An empty share offers nothing.
    assert_eq!(
        Route::from_hash("#/commitments?share="),
        Route::Commitments(CommitmentsQuery::default())
    );
}
