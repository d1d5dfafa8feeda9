//! The masthead: name, navigation between the views, language switch.

use yew::prelude::*;

use crate::model::i18n::Lang;
use crate::model::route::{Route, View};
use crate::state::{use_app, Action};

#[function_component(Masthead)]
pub fn masthead() -> Html {
    let app = use_app();
    let lang = app.lang;
    let corpus = &app.corpus;
    let (figures, commitments) = (corpus.figures, corpus.commitments);
    let current = app.route.view();
    let tab = |view: View| {
        let (href, label, count) = match view {
            View::Replies => (
                app.last_replies.href(),
                lang.pick("答复", "Replies"),
                Some(corpus.entries.len()),
            ),
            View::Commitments => (
                Route::Commitments(Default::default()).href(),
                lang.pick("承诺", "Commitments"),
                Some(commitments),
            ),
            View::Figures => (
                Route::Figures(Default::default()).href(),
                lang.pick("数据", "Figures"),
                Some(figures),
            ),
            View::Charts => (Route::Charts.href(), lang.pick("概览", "Overview"), None),
            View::About => (Route::About.href(), lang.pick("关于", "About"), None),
        };
        let here = view == current;
        html! {
            <li>
                <a {href} class={classes!("tab", here.then_some("current"))}
                   aria-current={here.then_some("page")} data-view={format!("{view:?}").to_lowercase()}>
                    { label }
                    if let Some(n) = count { <span class="tab-count">{ crate::model::format::count(n) }</span> }
                </a>
            </li>
        }
    };
    let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
    let switch = app.callback(move |_: MouseEvent| Action::SetLang(other));
    html! {
        <header class="masthead">
            <div class="masthead-inner">
                <div class="brand">
                    <span class="seal" aria-hidden="true">{ "答" }</span>
                    <div>
                        <h1>{ "答复" }</h1>
                        <p class="tagline">{ lang.pick(
                            "上海市科学技术委员会 · 人大代表建议与政协提案答复",
                            "Shanghai Science and Technology Commission · replies to legislators",
                        ) }</p>
                    </div>
                </div>
                <nav class="tabs" aria-label={lang.pick("主要视图", "Views")}>
                    <ul>{ for View::ALL.into_iter().map(tab) }</ul>
                </nav>
                <button type="button" class="lang-switch" onclick={switch}
                        lang={other.tag()} id="dafu-lang"
                        title={other.pick("切换到中文", "Switch to English")}>
                    { other.pick("中文", "English") }
                </button>
            </div>
        </header>
    }
}
