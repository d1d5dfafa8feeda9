//! While searching: how often the terms occur in the open reply, and a
//! button that steps through the occurrences.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct HitNavProps {
    pub count: usize,
    pub lang: Lang,
}

/// Scrolls to occurrence `i` (wrapping) and marks it as the current one.
fn show(i: usize) {
    let Ok(marks) = gloo::utils::document().query_selector_all(".dafu .reply-body mark.hit") else {
        return;
    };
    if marks.length() == 0 {
        return;
    }
    let target = i as u32 % marks.length();
    for k in 0..marks.length() {
        if let Some(el) = marks
            .get(k)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            let _ = el.class_list().toggle_with_force("current", k == target);
            if k == target {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
    }
}

#[function_component(HitNav)]
pub fn hit_nav(props: &HitNavProps) -> Html {
    let next = use_mut_ref(|| Rc::new(Cell::new(0usize)));
    let lang = props.lang;
    let step = {
        let next = next.borrow().clone();
        Callback::from(move |_: MouseEvent| {
            show(next.get());
            next.set(next.get() + 1);
        })
    };
    let text = match lang {
        Lang::Zh => format!("本文有 {} 处匹配", props.count),
        Lang::En => format!("{} matches in this reply", props.count),
    };
    html! {
        <div class="hit-nav" data-hits={props.count.to_string()}>
            <span>{ text }</span>
            if props.count > 0 {
                <button type="button" class="button" onclick={step}>{ lang.pick("下一处 ↓", "Next ↓") }</button>
            }
        </div>
    }
}
