//! The message bar: every message that applies (storage problems, imports),
//! one a topic, each dismissible.

use yew::prelude::*;

use crate::model::notice::Notice;
use crate::state::{use_app, Action};

#[function_component(NoticeBar)]
pub fn notice_bar() -> Html {
    let app = use_app();
    if app.notices.is_empty() {
        return Html::default();
    }
    let lang = app.lang;
    let problem = app.notices.iter().any(Notice::is_problem);
    let items = app.notices.iter().map(|notice| {
        let dismiss = {
            let notice = notice.clone();
            app.callback(move |_: MouseEvent| Action::DismissNotice(notice.clone()))
        };
        html! {
            <div class={classes!("notice", notice.is_problem().then_some("problem"))}
                 data-notice-item={notice.topic().key()}>
                <div class="notice-body">
                    <p>{ notice.message(lang) }</p>
                </div>
                <button type="button" class="quiet" onclick={dismiss}>{ lang.pick("知道了", "Dismiss") }</button>
            </div>
        }
    });
    html! {
        <div class="notices" role={if problem { "alert" } else { "status" }} data-notice="">
            { for items }
        </div>
    }
}
