//! A long list renders a page at a time: the first page, then one more per
//! click. Keeps views fast however large the corpus.

use yew::prelude::*;

use crate::model::i18n::Lang;

/// How many items to render, back to the first page whenever `key`
/// changes (a new search, another filter), and the callback that shows
/// `page` more.
#[hook]
pub fn use_paged<K: PartialEq + Clone + 'static>(key: K, page: usize) -> (usize, Callback<MouseEvent>) {
    let limit = use_state(|| page);
    {
        let limit = limit.clone();
        use_effect_with(key, move |_| {
            if *limit != page {
                limit.set(page);
            }
        });
    }
    let more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + page))
    };
    (*limit, more)
}

#[derive(Properties, PartialEq)]
pub struct ShowMoreProps {
    /// Rendered now, of `total`.
    pub shown: usize,
    pub total: usize,
    pub page: usize,
    /// The unit counted: (Chinese measure word, English plural).
    pub unit: (&'static str, &'static str),
    pub lang: Lang,
    pub onclick: Callback<MouseEvent>,
}

/// The "show more" button, when there is more.
#[function_component(ShowMore)]
pub fn show_more(props: &ShowMoreProps) -> Html {
    let ShowMoreProps { shown, total, page, unit, lang, .. } = *props;
    if shown >= total {
        return Html::default();
    }
    let next = page.min(total - shown);
    let label = match lang {
        Lang::Zh => format!("再显示 {next} {}（已显示 {shown} / {total}）", unit.0),
        Lang::En => format!("Show {next} more ({shown} of {total} {} shown)", unit.1),
    };
    html! {
        <button type="button" class="button more" onclick={props.onclick.clone()} data-more="">{ label }</button>
    }
}
