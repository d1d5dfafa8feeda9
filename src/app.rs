use std::rc::Rc;

use dafu_bundle::Bundle;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::data;

#[function_component(App)]
pub fn app() -> Html {
    let corpus = use_memo((), |_| data::load().map(Rc::new));
    let query = use_state(String::new);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let body = match &*corpus {
        Ok(bundle) => list(bundle, &query),
        Err(e) => html! { <p role="alert" class="error">{ format!("语料无法读取：{e}") }</p> },
    };
    html! {
        <div class="dafu">
            <header class="masthead"><h1>{ "答复" }</h1></header>
            <main>
                <label for="dafu-search">{ "搜索" }</label>
                <input id="dafu-search" type="search" value={(*query).clone()} {oninput} />
                { body }
            </main>
        </div>
    }
}

fn list(bundle: &Bundle, query: &str) -> Html {
    let rows = bundle.replies.iter().filter(|r| {
        let meta = &r.reply.meta;
        query.is_empty()
            || r.file.contains(query)
            || meta.title.as_deref().is_some_and(|t| t.contains(query))
            || meta.doc_number.as_deref().is_some_and(|t| t.contains(query))
    });
    html! {
        <ul class="results">
            { for rows.map(|r| {
                let number = r.reply.meta.doc_number.clone().unwrap_or_default();
                let title = r.reply.meta.title.clone().unwrap_or_else(|| r.file.clone());
                html! { <li data-reply={number.clone()}><span>{ title }</span> <small>{ number }</small></li> }
            }) }
        </ul>
    }
}
