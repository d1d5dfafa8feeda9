//! The app: decodes the corpus, owns the state, keeps it in step with the
//! URL hash, and lays out the masthead and the current view.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::masthead::Masthead;
use crate::components::notice::NoticeBar;
use crate::model::bundled;
use crate::model::corpus::Corpus;
use crate::model::i18n::Lang;
use crate::model::imports::Imported;
use crate::model::replica::Record;
use crate::model::route::Route;
use crate::model::tracker::Tracker;
use crate::pages::{
    about::AboutPage, charts::ChartsPage, commitments::CommitmentsPage, figures::FiguresPage,
    replies::RepliesPage,
};
use crate::state::{Action, AppHandle, Focus, State};
use crate::web::{dom, hash, keys, lang, parts, storage};
use dafu_bundle::split::Part;

#[function_component(App)]
pub fn app() -> Html {
    let corpus = use_memo((), |_| {
        bundled::corpus().map(|corpus| {
            // The offline file carries its corpus files inline: in place
            // before the first render. One that does not read is asked for
            // again as a file, which reports it.
            for (part, id, data) in parts::take_queued() {
                let _ = deliver(&corpus, part, id, &data);
            }
            // A reader in the address: its text is asked for now, while
            // the app renders its first page.
            let open = Route::from_hash(&hash::hash()).open_reply().and_then(|id| corpus.find(id));
            if let Some(chunk) = open.and_then(|i| corpus.entries[i].chunk_to_load()) {
                parts::request_first(Part::Chunk, chunk);
            }
            Rc::new(corpus)
        })
    });
    match &*corpus {
        Ok(corpus) => html! { <Shell corpus={corpus.clone()} /> },
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
}

impl PartialEq for ShellProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.corpus, &other.corpus)
    }
}

/// What the app starts from: the address and what the browser keeps.
pub struct Boot {
    lang: Lang,
    route: Route,
    start: storage::Start,
}

thread_local! {
    /// What the app was mounted with ([`Boot::hand_over`]), until its first
    /// render takes it.
    static BOOT: RefCell<Option<Boot>> = const { RefCell::new(None) };
}

impl Boot {
    /// Reads the saved language, the address and the stored records (moving
    /// aside what the address's reset switches ask to).
    pub fn read() -> Boot {
        Boot {
            lang: lang::saved_lang(),
            route: Route::from_hash(&hash::hash()),
            start: storage::start(),
        }
    }

    /// What the start page that the build prerenders ([`prerender`]) starts
    /// from: Chinese, the reply list, nothing tracked, imported or to tell.
    fn start_page() -> Boot {
        Boot {
            lang: Lang::Zh,
            route: Route::default(),
            start: storage::Start {
                tracker: Tracker::default(),
                imports: Vec::new(),
                notices: Vec::new(),
                stores: storage::Stores::default(),
            },
        }
    }

    /// Whether the app, starting from this, first renders exactly the
    /// prerendered start page: everything [`Boot::into_state`] makes the
    /// state of is as [`Boot::start_page`] has it.
    pub fn shows_start_page(&self) -> bool {
        let page = Boot::start_page();
        self.lang == page.lang
            && self.route == page.route
            && self.start.tracker == page.start.tracker
            && self.start.imports == page.start.imports
            && self.start.notices == page.start.notices
    }

    /// Gives this to the app's first render, which reads its own otherwise.
    pub fn hand_over(self) {
        BOOT.with(|boot| *boot.borrow_mut() = Some(self));
    }

    fn take() -> Boot {
        BOOT.with(|boot| boot.borrow_mut().take())
            .unwrap_or_else(Boot::read)
    }

    /// The state the app starts in, and this page's side of the stored
    /// records.
    fn into_state(self, corpus: Rc<Corpus>) -> (State, storage::Stores) {
        let Boot { lang, route, start } = self;
        let state = State::new(corpus, lang, route, start.tracker, start.notices)
            .with_imports(start.imports);
        (state, start.stores)
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
            let (state, start_stores) = Boot::take().into_state(corpus);
            *stores.borrow_mut() = start_stores;
            state
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
    {
        let latest = latest.clone();
        use_effect_with((), move |_| parts::listen(move |d| receive(&latest.borrow(), d)));
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

/// A corpus file arrived or failed: its data goes into the corpus (shared
/// by every corpus the state will hold), and the views hear of it.
fn receive(app: &AppHandle, delivery: parts::Delivery) {
    match delivery {
        parts::Delivery::Data(part, id, data) => {
            match deliver(&app.corpus, part, id, &data) {
                Ok(()) if part == Part::Chunk => chunk_arrived(app),
                Ok(()) => app.dispatch(Action::PartArrived(part)),
                Err(why) => app.dispatch(Action::PartFailed(part, id, why)),
            }
        }
        parts::Delivery::Failed(part, id, why) => app.dispatch(Action::PartFailed(part, id, why)),
    }
}

/// Tells the views that bodies arrived: at once, unless it did so less than
/// a frame ago, when one telling at the end of that frame covers every
/// chunk arriving meanwhile (a view loading thousands of chunks renders
/// once a frame, not once a chunk).
fn chunk_arrived(app: &AppHandle) {
    use std::cell::Cell;
    thread_local! {
        static LAST: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
        static SCHEDULED: Cell<bool> = const { Cell::new(false) };
    }
    const FRAME_MS: u32 = 16;
    if SCHEDULED.get() {
        return;
    }
    let now = js_sys::Date::now();
    if now - LAST.get() >= f64::from(FRAME_MS) {
        LAST.set(now);
        app.dispatch(Action::PartArrived(Part::Chunk));
        return;
    }
    SCHEDULED.set(true);
    let app = app.clone();
    gloo::timers::callback::Timeout::new(FRAME_MS, move || {
        SCHEDULED.set(false);
        LAST.set(js_sys::Date::now());
        app.dispatch(Action::PartArrived(Part::Chunk));
    })
    .forget();
}

/// Decodes a corpus file's payload into the corpus.
fn deliver(corpus: &Corpus, part: Part, id: u32, data: &str) -> Result<(), String> {
    use dafu_bundle::split::{payload, Chunk};
    let bytes = payload(data).map_err(|e| e.to_string())?;
    match part {
        Part::Chunk => {
            let chunk = Chunk::decode(&bytes).map_err(|e| e.to_string())?;
            if chunk.id != id {
                return Err(format!("the file holds chunk {}", chunk.id));
            }
            corpus.deliver_chunk(chunk)
        }
        Part::Shard => match corpus.deliver_shard(bytes)? {
            got if got == id => Ok(()),
            got => Err(format!("the file holds shard {got}")),
        },
        Part::Xrefs => {
            let xrefs = dafu_bundle::split::Xrefs::decode(&bytes).map_err(|e| e.to_string())?;
            corpus.deliver_xrefs(xrefs)
        }
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
/// when it would render the same ([`Boot::shows_start_page`]), so it carries
/// Yew's component marks: `StartPage` and `StartShell` stand where `App` and
/// `Shell` stand, one component for one, as hydration requires.
#[cfg(not(target_arch = "wasm32"))]
pub fn prerender() -> String {
    #[function_component(StartPage)]
    fn start_page() -> Html {
        html! { <StartShell /> }
    }
    #[function_component(StartShell)]
    fn start_shell() -> Html {
        let state = use_reducer(|| {
            // The list index, as the browser starts with it.
            let corpus = bundled::corpus().expect("the bundled corpus");
            Boot::start_page().into_state(Rc::new(corpus)).0
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
