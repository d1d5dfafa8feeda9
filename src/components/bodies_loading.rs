//! What a view that goes through every reply shows while their bodies
//! arrive: how far the loading is, and which chunks failed.

use yew::prelude::*;

use crate::hooks::bodies::Loading;
use crate::model::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct BodiesLoadingProps {
    pub loading: Loading,
    pub lang: Lang,
}

#[function_component(BodiesLoading)]
pub fn bodies_loading(props: &BodiesLoadingProps) -> Html {
    let Loading { have, of, failed } = &props.loading;
    let lang = props.lang;
    html! {
        <div class="bodies-loading">
            <p class="muted" role="status" data-bodies-loading={format!("{have}/{of}")}>
                { match lang {
                    Lang::Zh => format!("正在载入答复正文（{have}/{of}）…"),
                    Lang::En => format!("Loading the replies' text ({have} of {of})…"),
                } }
            </p>
            if !failed.is_empty() {
                <div class="error" role="alert" data-chunk-error="">
                    <p>{ lang.pick("部分答复的正文无法载入：", "The text of some replies could not be loaded:") }</p>
                    <ul>{ for failed.iter().map(|why| html! { <li>{ why.clone() }</li> }) }</ul>
                </div>
            }
        </div>
    }
}
