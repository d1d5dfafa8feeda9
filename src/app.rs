//! The app: decodes the corpus, owns the state, keeps it in step with the
//! URL hash, and lays out the masthead and the current view.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::masthead::Masthead;
use crate::components::notice::NoticeBar;
use crate::model::bundled;
use crate::model::corpus::Corpus;
use crate::model::route::Route;
use crate::pages::{
    about::AboutPage, charts::ChartsPage, commitments::CommitmentsPage, figures::FiguresPage,
    replies::RepliesPage,
};
use crate::state::{AppHandle, State};
use crate::web::{dom, hash, keys, lang, storage};

#[function_component(App)]
pub fn app() -> Html {
    let corpus = use_memo((), |_| bundled::load().map(|b| Rc::new(Corpus::new(b))));
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

#[function_component(Shell)]
fn shell(props: &ShellProps) -> Html {
    let corpus = props.corpus.clone();
    let state = use_reducer(move || {
        let loaded = storage::load();
        let (imports, imports_notice) = storage::load_imports();
        State::new(
            corpus,
            lang::saved_lang(),
            Route::from_hash(&hash::hash()),
            loaded.tracker,
            loaded.notice.into_iter().chain(imports_notice).collect(),
        )
        .with_imports(imports)
    });
    let app = AppHandle::new(state.clone());

    // The browser changed the URL: back/forward, a link, an edited address.
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            hash::on_hash_change(move |route| app.dispatch(crate::state::Action::Navigated(route)))
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
    // Save the tracker after every change.
    {
        let app = app.clone();
        use_effect_with(state.tracker_rev, move |rev| {
            if *rev > 0 {
                if let Err(notice) = storage::save(&app.tracker) {
                    app.dispatch(crate::state::Action::Notice(notice));
                }
            }
        });
    }
    // Save the imported replies after every change.
    {
        let app = app.clone();
        use_effect_with(state.imports_rev, move |rev| {
            if *rev > 0 {
                if let Err(notice) = storage::save_imports(&app.imports) {
                    app.dispatch(crate::state::Action::Notice(notice));
                }
            }
        });
    }
    use_effect_with(state.lang, |lang| lang::set_lang(*lang));
    // Keyboard shortcuts read the latest state through this cell.
    let latest = use_mut_ref(|| app.clone());
    *latest.borrow_mut() = app.clone();
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

    html! {
        <ContextProvider<AppHandle> context={app}>
            <Layout />
        </ContextProvider<AppHandle>>
    }
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
/// parsed, before the wasm module has arrived. The live app replaces it.
#[cfg(not(target_arch = "wasm32"))]
pub fn prerender() -> String {
    #[function_component(StartPage)]
    fn start_page() -> Html {
        let state = use_reducer(|| {
            let corpus = bundled::load().map(Corpus::new).unwrap_or_default();
            State::new(
                Rc::new(corpus),
                crate::model::i18n::Lang::Zh,
                Route::default(),
                crate::model::tracker::Tracker::default(),
                Vec::new(),
            )
        });
        html! {
            <ContextProvider<AppHandle> context={AppHandle::new(state)}>
                <Layout />
            </ContextProvider<AppHandle>>
        }
    }
    let render = yew::ServerRenderer::<StartPage>::new()
        .hydratable(false)
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
        assert!(html.starts_with("<div lang=\"zh-CN\" class=\"dafu\">"));
        assert!(html.contains("<h1>答复</h1>"));
        assert!(html.contains(&format!("共 {} 件答复", corpus.entries.len())));
        assert!(!html.contains("<!--"), "no hydration markers");
    }
}
