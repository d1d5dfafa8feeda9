use super::*;
use crate::model::route::Filters;

fn state() -> Rc<State> {
    Rc::new(State::new(
        Rc::new(Corpus::default()),
        Lang::Zh,
        Route::default(),
        Tracker::default(),
        Vec::new(),
    ))
}

fn searching(q: &str) -> Route {
    Route::Replies {
        open: None,
        filters: Filters {
            q: q.into(),
            ..Filters::default()
        },
    }
}

#[test]
fn navigation_records_how_to_write_history() {
    let s = state().reduce(Action::Navigate(searching("孵")));
    assert_eq!(s.history, Some(HistoryMode::StartSearch));
    let s = s.reduce(Action::Navigate(searching("孵化")));
    assert_eq!(s.history, Some(HistoryMode::Replace));
    let s = s.reduce(Action::Navigated(Route::About));
    assert_eq!((s.history, s.route.clone()), (None, Route::About));
    assert_eq!(
        s.last_replies,
        searching("孵化"),
        "the list remembers the search"
    );
}

#[test]
fn unchanged_state_is_the_same_rc() {
    let s = state();
    assert!(Rc::ptr_eq(
        &s,
        &s.clone().reduce(Action::Navigated(Route::default()))
    ));
    assert!(Rc::ptr_eq(&s, &s.clone().reduce(Action::SetLang(Lang::Zh))));
    let en = s.reduce(Action::SetLang(Lang::En));
    assert_eq!(en.lang, Lang::En);
}

#[test]
fn tracker_changes_bump_the_revision() {
    let s = state().reduce(Action::Tracker(TrackerAction::Reset));
    assert_eq!(s.tracker_rev, 1);
    assert_eq!(s.notices, [Notice::Reset]);
    assert!(s
        .clone()
        .reduce(Action::DismissNotice(Notice::Reset))
        .notices
        .is_empty());
    let edit = TrackerAction::SetNote {
        id: "x".into(),
        note: "n".into(),
        now: "2025-01-01T00:00:00.000Z".into(),
    };
    assert_eq!(
        s.reduce(Action::Tracker(edit)).notices,
        [Notice::Reset],
        "an edit keeps the message"
    );
}

/// Both records failing to load used to show one message only.
#[test]
fn every_message_shows_one_a_topic_each_dismissible() {
    let corrupt = Notice::Corrupt {
        reason: crate::model::tracker::FormatError::Foreign,
        backup: None,
    };
    let unreadable = Notice::RepliesUnreadable {
        reason: "x".into(),
        backup: None,
    };
    let s = Rc::new(State::new(
        Rc::new(Corpus::default()),
        Lang::Zh,
        Route::default(),
        Tracker::default(),
        vec![corrupt.clone(), unreadable.clone()],
    ));
    let s = s.reduce(Action::Notice(Notice::QuotaExceeded));
    let same = s.clone().reduce(Action::Notice(Notice::QuotaExceeded));
    assert!(
        Rc::ptr_eq(&s, &same),
        "a notice already shown is not shown twice"
    );
    assert_eq!(s.notices.len(), 3);
    // News on a topic replaces the earlier news on it.
    let s = s.reduce(Action::Notice(Notice::Exported("a.json".into())));
    let s = s.reduce(Action::Notice(Notice::Exported("b.json".into())));
    assert_eq!(s.notices.len(), 4);
    assert_eq!(s.notices[3], Notice::Exported("b.json".into()));
    let s = s.reduce(Action::DismissNotice(corrupt));
    assert_eq!(s.notices[0], unreadable);
    assert_eq!(s.notices.len(), 3);
}

#[test]
fn a_merge_from_another_tab_keeps_a_change_made_meanwhile() {
    let s = state();
    let seen = s.tracker.clone();
    let mut theirs = Tracker::default();
    theirs.apply(TrackerAction::SetNote {
        id: "theirs".into(),
        note: "t".into(),
        now: "2025-01-01T00:00:00.000Z".into(),
    });
    let s = s.reduce(Action::Tracker(TrackerAction::SetNote {
        id: "mine".into(),
        note: "m".into(),
        now: "2025-01-01T00:00:01.000Z".into(),
    }));
    let s = s.reduce(Action::TrackerSynced {
        seen,
        merged: theirs,
    });
    assert_eq!(s.tracker.len(), 2);
    assert_eq!(s.tracker_rev, 2);
}
