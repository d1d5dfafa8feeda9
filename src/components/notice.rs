//! A dismissible message about the tracker's storage or an import.

use yew::prelude::*;

use crate::state::{use_app, Action};

#[function_component(NoticeBar)]
pub fn notice_bar() -> Html {
    let app = use_app();
    let Some(notice) = app.notice.clone() else {
        return Html::default();
    };
    let lang = app.lang;
    let problem = notice.is_problem();
    let dismiss = app.callback(|_: MouseEvent| Action::DismissNotice);
    html! {
        <div class={classes!("notice", problem.then_some("problem"))}
             role={if problem { "alert" } else { "status" }} data-notice="">
            <p>{ notice.message(lang) }</p>
            <button type="button" class="quiet" onclick={dismiss}>{ lang.pick("知道了", "Dismiss") }</button>
        </div>
    }
}
