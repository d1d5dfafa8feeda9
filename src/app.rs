//! The app: decodes the corpus, owns the state, keeps it in step with the
//! URL hash, and lays out the masthead and the current view.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::masthead::Masthead;
use crate::components::notice::NoticeBar;
use crate::model::bundled;
use crate::model::corpus::Corpus;
use crate::model::imports::Imported;
use crate::model::replica::Record;
use crate::model::route::Route;
use crate::model::tracker::Tracker;
use crate::pages::{
    about::AboutPage, charts::ChartsPage, commitments::CommitmentsPage, figures::FiguresPage,
    replies::RepliesPage,
};
use crate::state::{Action, AppHandle, Focus, State};
use crate::web::{dom, hash, keys, lang, storage};

/// The app's properties: none, unless it hydrates the prerendered start page.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The app hydrates the start page the build prerendered ([`prerender`])
    /// in its mount point: its first render must be exactly that page.
    #[prop_or_default]
    pub hydrate: bool,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let corpus = use_memo((), |_| bundled::load().map(|b| Rc::new(Corpus::new(b))));
    match &*corpus {
        Ok(corpus) => html! { <Shell corpus={corpus.clone()} hydrate={props.hydrate} /> },
        Err(e) => html! {
            <div class="dafu">
                <header class="masthead"><div class="masthead-inner"><h1>{ "答复" }</h1></div></header>
                <main class="page">
                    <div role="alert" class="error">
                        <h2>{ "语料无法读取 · The corpus cannot be read" }</h2>
                        <p>{ format!("{e}") }</p>
                        <p>{ "请重新构建应用（./x build）。Rebuild the app (./x build)." }</p>
                    </div>
                </main>
            </div>
        },
    }
}

#[derive(Properties, Clone)]
struct ShellProps {
    corpus: Rc<Corpus>,
    hydrate: bool,
}

impl PartialEq for ShellProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.corpus, &other.corpus) && self.hydrate == other.hydrate
    }
}

#[function_component(Shell)]
fn shell(props: &ShellProps) -> Html {
    let corpus = props.corpus.clone();
    // This page's side of the stored records, for saving and for hearing
    // what other tabs save.
    let stores: storage::SharedStores = use_mut_ref(storage::Stores::default);
    let state = {
        let stores = stores.clone();
        use_reducer(move || {
            let start = storage::start();
            *stores.borrow_mut() = start.stores;
            State::new(
                corpus,
                lang::saved_lang(),
                Route::from_hash(&hash::hash()),
                start.tracker,
                start.notices,
            )
            .with_imports(start.imports)
        })
    };
    let app = AppHandle::new(state.clone());

    // The browser changed the URL: back/forward, a link, an edited address.
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            hash::on_hash_change(move |route| app.dispatch(Action::Navigated(route)))
        });
    }
    // The state changed the route: write it to the URL.
    let writer = use_memo((), |_| hash::HashWriter::new());
    use_effect_with(
        (state.route.clone(), state.history),
        move |(route, mode)| match mode {
            Some(mode) => writer.write(route, *mode),
            None => writer.cancel(),
        },
    );
    // Save the tracker after every change, merged with other tabs' changes.
    {
        let app = app.clone();
        let stores = stores.clone();
        use_effect_with(state.tracker_rev, move |rev| {
            if *rev > 0 {
                let synced = storage::save(stores.borrow_mut().tracker.as_mut(), &*app.tracker);
                tell(&app, Some(synced), app.tracker.clone(), tracker_synced);
            }
        });
    }
    // Save the imported replies after every change, likewise.
    {
        let app = app.clone();
        let stores = stores.clone();
        use_effect_with(state.imports_rev, move |rev| {
            if *rev > 0 {
                let synced = storage::save(stores.borrow_mut().imports.as_mut(), &*app.imports);
                tell(&app, Some(synced), app.imports.clone(), imports_synced);
            }
        });
    }
    use_effect_with(state.lang, |lang| lang::set_lang(*lang));
    // Focus what a navigation asked for, now that its view is rendered.
    use_effect_with(state.focus.clone(), |focus| match focus {
        Some((_, Focus::Search)) => dom::focus_search(),
        Some((_, Focus::Element(id))) => {
            if let Some(el) = dom::element(id) {
                dom::reveal(&el);
            }
        }
        None => {}
    });
    // Keyboard shortcuts and other tabs' changes read the latest state
    // through this cell.
    let latest = use_mut_ref(|| app.clone());
    *latest.borrow_mut() = app.clone();
    {
        let latest = latest.clone();
        use_effect_with((), move |_| {
            storage::on_change(move |key, value| {
                let app = latest.borrow().clone();
                let is = |k: &str| key.as_deref().is_none_or(|key| key == k);
                let value = value.as_deref();
                if is(<Tracker as Record>::KEY) {
                    let mut stores = stores.borrow_mut();
                    let synced = stores.tracker.as_mut();
                    let synced = synced.map(|side| storage::receive(side, value, &*app.tracker));
                    drop(stores);
                    tell(&app, synced, app.tracker.clone(), tracker_synced);
                }
                if is(<Vec<Imported> as Record>::KEY) {
                    let mut stores = stores.borrow_mut();
                    let synced = stores.imports.as_mut();
                    let synced = synced.map(|side| storage::receive(side, value, &*app.imports));
                    drop(stores);
                    tell(&app, synced, app.imports.clone(), imports_synced);
                }
            })
        });
    }
    use_effect_with((), move |_| keys::listen(latest));

    // The live page is up: drop the prerendered one, keeping a search that
    // was typed into it before the app arrived.
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            if let Some(q) = dom::retire_prerender() {
                if let Route::Replies { open, filters } = &app.route {
                    let filters = crate::model::route::Filters {
                        q,
                        ..filters.clone()
                    };
                    app.navigate(Route::Replies {
                        open: open.clone(),
                        filters,
                    });
                }
            }
        });
    }

    // Hydrating, the first render is the prerendered start page, from the
    // state it was rendered from; the page of the app's own state (another
    // language, the tracker's statuses …) follows at once, as an update.
    let start_page = use_reducer(|| start_page_state(props.corpus.clone()));
    let hydrating = use_mut_ref(|| props.hydrate);
    if std::mem::take(&mut *hydrating.borrow_mut()) {
        return page(AppHandle::new(start_page));
    }
    page(app)
}

/// The app's page for the state of `app`. [`Shell`] and the prerendered
/// start page ([`prerender`]) render it alike.
fn page(app: AppHandle) -> Html {
    html! {
        <ContextProvider<AppHandle> context={app}>
            <Layout />
        </ContextProvider<AppHandle>>
    }
}

/// The state of the start page the build prerenders: the bundled replies,
/// in Chinese, nothing filtered, tracked or imported.
fn start_page_state(corpus: Rc<Corpus>) -> State {
    State::new(
        corpus,
        crate::model::i18n::Lang::Zh,
        Route::default(),
        Tracker::default(),
        Vec::new(),
    )
}

/// Whether the app opens on the start page here, as far as the address
/// tells: the prerendered page is worth hydrating only then.
pub fn opens_on_start_page() -> bool {
    Route::from_hash(&hash::hash()) == Route::default()
}

/// Passes on what a save or another tab's write found: the merged value in
/// place of `seen`, the value it was merged from, and the notices.
fn tell<T>(
    app: &AppHandle,
    synced: Option<storage::Synced<T>>,
    seen: Rc<T>,
    adopt: fn(Rc<T>, T) -> Action,
) {
    let Some(synced) = synced else {
        return;
    };
    if let Some(merged) = synced.merged {
        app.dispatch(adopt(seen, merged));
    }
    for notice in synced.notices {
        app.dispatch(Action::Notice(notice));
    }
}

fn tracker_synced(seen: Rc<Tracker>, merged: Tracker) -> Action {
    Action::TrackerSynced { seen, merged }
}

fn imports_synced(seen: Rc<Vec<Imported>>, merged: Vec<Imported>) -> Action {
    Action::ImportsSynced { seen, merged }
}

/// The app's page for the current state: masthead, messages, the view and
/// the footer. Pure view, so it also renders natively ([`prerender`]).
#[function_component(Layout)]
fn layout() -> Html {
    let app = crate::state::use_app();
    let view = match &app.route {
        Route::Replies { .. } => html! { <RepliesPage /> },
        Route::Commitments(_) => {
            html! { <main id="dafu-main" class="page"><CommitmentsPage /></main> }
        }
        Route::Figures(_) => html! { <main id="dafu-main" class="page"><FiguresPage /></main> },
        Route::Charts => html! { <main id="dafu-main" class="page"><ChartsPage /></main> },
        Route::About => html! { <main id="dafu-main" class="page"><AboutPage /></main> },
    };
    let lang = app.lang;
    html! {
        <div class="dafu" lang={lang.tag()}>
            <Masthead />
            <NoticeBar />
            <div class={classes!("view", format!("view-{:?}", app.route.view()).to_lowercase())}>
                { view }
            </div>
            <footer class="colophon">
                <p>{ lang.pick(
                    "数据来自上海市科学技术委员会公开答复。全部内容在本机浏览器中处理，不向任何服务器发送。",
                    "Data: public replies of the Shanghai Science and Technology Commission. Everything is processed in this browser; nothing is sent anywhere.",
                ) }</p>
            </footer>
        </div>
    }
}

/// The start page (the reply list, in Chinese, nothing tracked) as HTML, for
/// the build to put into index.html: the list shows as soon as the page is
/// parsed, before the wasm module has arrived. The live app hydrates it
/// (`App` with `hydrate`), so it carries Yew's component marks: `StartPage`
/// and `StartShell` stand where `App` and `Shell` stand, one component for
/// one, as hydration requires.
#[cfg(not(target_arch = "wasm32"))]
pub fn prerender() -> String {
    #[function_component(StartPage)]
    fn start_page() -> Html {
        html! { <StartShell /> }
    }
    #[function_component(StartShell)]
    fn start_shell() -> Html {
        let state = use_reducer(|| {
            let corpus = bundled::load().expect("the bundled corpus");
            start_page_state(Rc::new(Corpus::new(corpus)))
        });
        page(AppHandle::new(state))
    }
    let render = yew::ServerRenderer::<StartPage>::new()
        .hydratable(true)
        .render();
    futures::executor::block_on(render)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_start_page_lists_every_bundled_reply_newest_first() {
        let html = prerender();
        let corpus = Corpus::new(bundled::load().unwrap());
        let rows: Vec<usize> = corpus
            .newest
            .iter()
            .map(|&i| {
                let id = &corpus.entries[i].id;
                html.find(&format!("data-reply=\"{id}\""))
                    .unwrap_or_else(|| panic!("{id} is not on the start page"))
            })
            .collect();
        assert!(rows.windows(2).all(|w| w[0] < w[1]), "newest first");
        assert!(html.contains("<div lang=\"zh-CN\" class=\"dafu\">"));
        assert!(html.contains("<h1>答复</h1>"));
        assert!(html.contains(&format!("共 {} 件答复", corpus.entries.len())));
        assert!(html.starts_with("<!--<["), "hydration marks");
    }
}
