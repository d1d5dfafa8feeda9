//! The app: decodes the corpus, owns the state, keeps it in step with the
//! URL hash, and lays out the masthead and the current view.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::masthead::Masthead;
use crate::components::notice::NoticeBar;
use crate::corpus::Corpus;
use crate::pages::{
    about::AboutPage, commitments::CommitmentsPage, figures::FiguresPage, replies::RepliesPage,
};
use crate::route::Route;
use crate::state::{AppHandle, State};
use crate::{browser, data, keys, storage};

#[function_component(App)]
pub fn app() -> Html {
    let corpus = use_memo((), |_| data::load().map(|b| Rc::new(Corpus::new(b))));
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
        State::new(
            corpus,
            browser::saved_lang(),
            Route::from_hash(&browser::hash()),
            loaded.tracker,
            loaded.notice,
        )
    });
    let app = AppHandle::new(state.clone());

    // The browser changed the URL: back/forward, a link, an edited address.
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            browser::on_hash_change(move |route| {
                app.dispatch(crate::state::Action::Navigated(route))
            })
        });
    }
    // The state changed the route: write it to the URL.
    use_effect_with((state.route.clone(), state.history), |(route, mode)| {
        if let Some(mode) = mode {
            browser::write_hash(route, *mode);
        }
    });
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
    use_effect_with(state.lang, |lang| browser::set_lang(*lang));
    // Keyboard shortcuts read the latest state through this cell.
    let latest = use_mut_ref(|| app.clone());
    *latest.borrow_mut() = app.clone();
    use_effect_with((), move |_| keys::listen(latest));

    let view = match &state.route {
        Route::Replies { .. } => html! { <RepliesPage /> },
        Route::Commitments(_) => {
            html! { <main id="dafu-main" class="page"><CommitmentsPage /></main> }
        }
        Route::Figures(_) => html! { <main id="dafu-main" class="page"><FiguresPage /></main> },
        Route::About => html! { <main id="dafu-main" class="page"><AboutPage /></main> },
    };
    let lang = state.lang;
    html! {
        <ContextProvider<AppHandle> context={app}>
            <div class="dafu" lang={lang.tag()}>
                <Masthead />
                <NoticeBar />
                <div class={classes!("view", format!("view-{:?}", state.route.view()).to_lowercase())}>
                    { view }
                </div>
                <footer class="colophon">
                    <p>{ lang.pick(
                        "数据来自上海市科学技术委员会公开答复。全部内容在本机浏览器中处理，不向任何服务器发送。",
                        "Data: public replies of the Shanghai Science and Technology Commission. Everything is processed in this browser; nothing is sent anywhere.",
                    ) }</p>
                </footer>
            </div>
        </ContextProvider<AppHandle>>
    }
}
