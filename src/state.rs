//! The app's one state and the actions that change it.
//!
//! Pages read the state and dispatch actions through [`use_app`]:
//!
//! ```text
//! let app = use_app();
//! let lang = app.lang;                       // Deref to State
//! let reply = &app.corpus.entries[0].reply;  // the bundled corpus
//! app.navigate(Route::About);                // push a new URL hash
//! app.dispatch(Action::Tracker(action));     // change the tracker
//! ```
//!
//! The URL hash is the source of truth for [`State::route`]: the app writes
//! the hash after each `Navigate` (push, or replace while typing a search)
//! and dispatches `Navigated` when the browser changes it (back/forward, a
//! link, an edited address). Plain `<a href={route.href()}>` links work too.
//! The tracker and the imports are saved to `localStorage` by the app after
//! every change; what other tabs save comes back as `TrackerSynced` and
//! `ImportsSynced`; a problem, as one of [`State::notices`].

use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use crate::model::corpus::Corpus;
use crate::model::i18n::Lang;
use crate::model::imports::{Checked, Imported};
use crate::model::notice::Notice;
use crate::model::replica::rebase;
use crate::model::route::{history_mode, HistoryMode, Route};
use crate::model::tracker::{Tracker, TrackerAction};
use dafu_bundle::split::Part;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub struct State {
    pub lang: Lang,
    /// The bundled corpus, decoded once; shared, never copied.
    pub corpus: Rc<Corpus>,
    pub route: Route,
    /// How the last route change should be written to the browser history;
    /// `None` when the change came from the browser.
    pub history: Option<HistoryMode>,
    /// The replies view as last seen, so the navigation bar returns to it.
    pub last_replies: Route,
    /// Statuses and notes of the commitments; shared with the views and
    /// copied only when a change finds it shared (`Rc::make_mut`).
    pub tracker: Rc<Tracker>,
    /// What the user should be told (storage problems, imports), oldest
    /// first; one a topic ([`Notice::topic`]), each dismissible.
    pub notices: Vec<Notice>,
    /// Bumped on every tracker change, so the app knows when to save.
    pub tracker_rev: u32,
    /// Replies added in this browser (already part of `corpus`).
    pub imports: Rc<Vec<Imported>>,
    /// Bumped on every change of `imports`, so the app knows when to save.
    pub imports_rev: u32,
    /// What to focus once the view has rendered, with a serial so that the
    /// same request made again focuses again.
    pub focus: Option<(u32, Focus)>,
    /// Bumped whenever reply bodies arrive (they go into `corpus`).
    pub bodies_rev: u32,
    /// Bumped whenever shards of the search index arrive.
    pub shards_rev: u32,
    /// Corpus files that could not be loaded or read, with why.
    pub part_errors: Rc<BTreeMap<(Part, u32), String>>,
}

/// An element to focus after a navigation, once the new view is there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    /// The search box, its text selected.
    Search,
    /// The element with this id, scrolled into the middle of the view.
    Element(String),
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && Rc::ptr_eq(&self.corpus, &other.corpus)
            && self.route == other.route
            && self.history == other.history
            && self.last_replies == other.last_replies
            && self.tracker_rev == other.tracker_rev
            && self.imports_rev == other.imports_rev
            && Rc::ptr_eq(&self.tracker, &other.tracker)
            && self.notices == other.notices
            && self.focus == other.focus
            && self.bodies_rev == other.bodies_rev
            && self.shards_rev == other.shards_rev
            && Rc::ptr_eq(&self.part_errors, &other.part_errors)
    }
}

impl State {
    pub fn new(
        corpus: Rc<Corpus>,
        lang: Lang,
        route: Route,
        tracker: Tracker,
        notices: Vec<Notice>,
    ) -> State {
        let last_replies = if route.filters().is_some() {
            route.clone()
        } else {
            Route::default()
        };
        State {
            lang,
            corpus,
            route,
            history: None,
            last_replies,
            tracker: Rc::new(tracker),
            notices,
            tracker_rev: 0,
            imports: Rc::default(),
            imports_rev: 0,
            focus: None,
            bodies_rev: 0,
            shards_rev: 0,
            part_errors: Rc::default(),
        }
    }

    /// The state with these imported replies loaded at start-up (not saved
    /// again).
    pub fn with_imports(mut self, imports: Vec<Imported>) -> State {
        if !imports.is_empty() {
            self.put_imports(imports);
        }
        self
    }

    /// The imports, and the corpus with them.
    fn put_imports(&mut self, imports: Vec<Imported>) {
        self.corpus = Rc::new(self.corpus.with_imports(&imports));
        self.imports = Rc::new(imports);
    }

    /// Index of the open reply in the corpus, if one is open and known.
    pub fn open_index(&self) -> Option<usize> {
        self.route.open_reply().and_then(|id| self.corpus.find(id))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Go somewhere; the app records it in the URL hash.
    Navigate(Route),
    /// The browser's URL changed (back/forward, a link, a typed address).
    Navigated(Route),
    SetLang(Lang),
    /// A change to the commitments tracker.
    Tracker(TrackerAction),
    /// The tracker merged with what another tab saved; `seen` is the
    /// tracker the merge was made from.
    TrackerSynced {
        seen: Rc<Tracker>,
        merged: Tracker,
    },
    /// Reply files to add to the corpus, already checked and parsed.
    ImportReplies(Vec<Checked>),
    /// Remove an imported reply (by its file name).
    RemoveImport(String),
    /// Focus an element once the view has rendered.
    Focus(Focus),
    /// The imports merged with what another tab saved.
    ImportsSynced {
        seen: Rc<Vec<Imported>>,
        merged: Vec<Imported>,
    },
    /// Show a message (e.g. a storage failure reported after saving); it
    /// replaces the one shown on its topic.
    Notice(Notice),
    /// Take this message away.
    DismissNotice(Notice),
    /// A corpus file arrived and is in the corpus.
    PartArrived(Part),
    /// A corpus file could not be loaded or read.
    PartFailed(Part, u32, String),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Navigate(route) => {
                if route == self.route {
                    return self;
                }
                next.history = Some(history_mode(&self.route, &route));
                next.set_route(route);
            }
            Action::Navigated(route) => {
                if route == self.route {
                    return self;
                }
                next.history = None;
                next.set_route(route);
            }
            Action::SetLang(lang) => {
                if lang == self.lang {
                    return self;
                }
                next.lang = lang;
            }
            Action::Tracker(change) => {
                // A problem stays until dismissed; a change only adds news
                // of its own (an import's counts, a reset).
                if let Some(notice) = Rc::make_mut(&mut next.tracker).apply(change) {
                    next.tell(notice);
                }
                next.tracker_rev = next.tracker_rev.wrapping_add(1);
            }
            Action::TrackerSynced { seen, merged } => {
                next.tracker = Rc::new(rebase(&seen, &self.tracker, merged));
                next.tracker_rev = next.tracker_rev.wrapping_add(1);
            }
            Action::ImportReplies(checked) => {
                let mut imports = (*self.imports).clone();
                let report = crate::model::imports::add(&mut imports, checked);
                if !report.added.is_empty() || !report.replaced.is_empty() {
                    next.set_imports(imports);
                }
                next.tell(Notice::Replies(report));
            }
            Action::ImportsSynced { seen, merged } => {
                next.set_imports(rebase(&seen, &self.imports, merged));
            }
            Action::RemoveImport(file) => {
                let mut imports = (*self.imports).clone();
                imports.retain(|f| f.file != file);
                if imports.len() == self.imports.len() {
                    return self;
                }
                next.set_imports(imports);
                next.tell(Notice::ReplyRemoved(file));
            }
            Action::Notice(notice) => {
                if self.notices.contains(&notice) {
                    return self;
                }
                next.tell(notice);
            }
            Action::DismissNotice(notice) => {
                if !self.notices.contains(&notice) {
                    return self;
                }
                next.notices.retain(|n| *n != notice);
            }
            Action::Focus(focus) => {
                let serial = self.focus.as_ref().map_or(0, |(n, _)| n.wrapping_add(1));
                next.focus = Some((serial, focus));
            }
            Action::PartArrived(Part::Chunk | Part::Xrefs) => {
                next.bodies_rev = next.bodies_rev.wrapping_add(1)
            }
            Action::PartArrived(Part::Shard) => next.shards_rev = next.shards_rev.wrapping_add(1),
            Action::PartFailed(part, id, why) => {
                Rc::make_mut(&mut next.part_errors).insert((part, id), why);
            }
        }
        Rc::new(next)
    }
}

impl State {
    /// Shows `notice`, in place of the one shown on its topic.
    fn tell(&mut self, notice: Notice) {
        let topic = notice.topic();
        self.notices.retain(|n| n.topic() != topic);
        self.notices.push(notice);
    }

    /// A change of the imports, to be saved.
    fn set_imports(&mut self, imports: Vec<Imported>) {
        self.put_imports(imports);
        self.imports_rev = self.imports_rev.wrapping_add(1);
    }

    fn set_route(&mut self, route: Route) {
        if route.filters().is_some() {
            self.last_replies = route.clone();
        }
        self.route = route;
    }
}

/// What [`use_app`] returns: the state (by `Deref`) and a way to change it.
#[derive(Clone, PartialEq)]
pub struct AppHandle(UseReducerHandle<State>);

impl AppHandle {
    pub fn new(handle: UseReducerHandle<State>) -> AppHandle {
        AppHandle(handle)
    }

    pub fn dispatch(&self, action: Action) {
        self.0.dispatch(action);
    }

    /// Goes to `route` (a new browser history entry, or a rewrite of the
    /// current one while a search is being typed).
    pub fn navigate(&self, route: Route) {
        self.dispatch(Action::Navigate(route));
    }

    /// A callback that dispatches the given action, for event handlers.
    pub fn callback<E>(&self, f: impl Fn(E) -> Action + 'static) -> Callback<E> {
        let handle = self.0.clone();
        Callback::from(move |e| handle.dispatch(f(e)))
    }
}

impl Deref for AppHandle {
    type Target = State;
    fn deref(&self) -> &State {
        &self.0
    }
}

/// The app's state and dispatcher, for any component under `App`.
#[hook]
pub fn use_app() -> AppHandle {
    use_context::<AppHandle>().expect("use_app() is only available inside App")
}

#[cfg(test)]
mod tests;
