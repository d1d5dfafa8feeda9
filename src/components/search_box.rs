//! The search box of the replies view: filters on every keystroke.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::route::{Filters, Route};
use crate::state::use_app;
use crate::web::keys::SEARCH_ID;

#[function_component(SearchBox)]
pub fn search_box() -> Html {
    let app = use_app();
    let lang = app.lang;
    let filters = app.route.filters().cloned().unwrap_or_default();
    let open = app.route.open_reply().map(str::to_owned);
    let oninput = {
        let app = app.clone();
        let filters = filters.clone();
        let open = open.clone();
        Callback::from(move |e: InputEvent| {
            let q = e.target_unchecked_into::<HtmlInputElement>().value();
            app.navigate(Route::Replies {
                open: open.clone(),
                filters: Filters {
                    q,
                    ..filters.clone()
                },
            });
        })
    };
    let clear = {
        let app = app.clone();
        let filters = filters.clone();
        Callback::from(move |_: MouseEvent| {
            app.navigate(Route::Replies {
                open: open.clone(),
                filters: Filters {
                    q: String::new(),
                    ..filters.clone()
                },
            });
            if let Some(el) = crate::web::dom::element(SEARCH_ID) {
                let _ = el.focus();
            }
        })
    };
    html! {
        <form class="search" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <label for={SEARCH_ID}>{ lang.pick("搜索答复", "Search the replies") }</label>
            <div class="search-field">
                <svg class="search-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                    <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" />
                    <path d="M13 13l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
                </svg>
                <input id={SEARCH_ID} type="search" autocomplete="off" spellcheck="false"
                       value={filters.q.clone()} {oninput}
                       placeholder={lang.pick("标题、提案人、文号或正文，如 孵化", "Title, proposer, number or text, e.g. 孵化")}
                       aria-describedby="dafu-search-hint" />
                if !filters.q.is_empty() {
                    <button type="button" class="search-clear" onclick={clear}
                            aria-label={lang.pick("清除搜索", "Clear the search")}>{ "×" }</button>
                }
            </div>
            <p id="dafu-search-hint" class="hint">
                { lang.pick("按 / 搜索，j / k 逐条浏览，Enter 打开，Esc 清除", "Press / to search, j / k to move, Enter to open, Esc to clear") }
            </p>
        </form>
    }
}
