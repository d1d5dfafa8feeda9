//! Sharing the listed commitments' statuses and notes: as a tracker file
//! (the colleague's 导入 JSON… merges it) or as a link that carries them
//! (see `crate::model::share`). Only what the view lists is shared.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::format;
use crate::model::i18n::Lang;
use crate::model::notice::Notice;
use crate::model::route::CommitmentsQuery;
use crate::model::share::{self, ShareError, ShareNews, MAX_LINK_CHARS, MAX_LINK_ENTRIES};
use crate::state::{use_app, Action};
use crate::web::{files, storage};

#[derive(Properties, PartialEq)]
pub struct ShareToolsProps {
    /// The commitments the view lists, by id.
    pub ids: Rc<Vec<String>>,
    /// The view's filters, kept in the link.
    pub query: CommitmentsQuery,
}

#[function_component(ShareTools)]
pub fn share_tools(props: &ShareToolsProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let link = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let ids = props.ids.clone();
    let tracked = app.tracker.only(ids.iter().map(String::as_str)).len();
    // The view's filters, which the link keeps (not a link's offer).
    let filters = CommitmentsQuery {
        share: None,
        ..props.query.clone()
    };
    // A link made for other filters would share another list.
    {
        let link = link.clone();
        use_effect_with(filters.clone(), move |_| link.set(None));
    }

    let save_file = {
        let (app, ids) = (app.clone(), ids.clone());
        Callback::from(move |_: MouseEvent| {
            let today = storage::today();
            let name = share::share_filename(&today);
            let text = app
                .tracker
                .only(ids.iter().map(String::as_str))
                .to_export(&today);
            let notice = match files::download(&name, &text, "application/json") {
                Ok(()) => Notice::Exported(name),
                Err(why) => Notice::SaveFailed(why),
            };
            app.dispatch(Action::Notice(notice));
        })
    };

    let make_link = {
        let (app, ids, link, busy) = (app.clone(), ids.clone(), link.clone(), busy.clone());
        let query = filters.clone();
        Callback::from(move |_: MouseEvent| {
            let shared = app.tracker.only(ids.iter().map(String::as_str));
            let entries = shared.len();
            let refuse = |why| Action::Notice(Notice::Share(ShareNews::Refused(why)));
            if entries > MAX_LINK_ENTRIES {
                link.set(None);
                return app.dispatch(refuse(ShareError::TooMany(entries)));
            }
            let payload = share::compact(&shared.to_export(&storage::today()));
            let (app, link, busy, query) = (app.clone(), link.clone(), busy.clone(), query.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let data = crate::web::share::pack(payload.as_bytes()).await;
                let made = share::link(&crate::web::share::page_address(), &query, data);
                link.set(made.as_ref().ok().cloned());
                let news = match made {
                    Err(why) => ShareNews::Refused(why),
                    Ok(url) => {
                        let chars = url.chars().count();
                        match crate::web::share::copy(&url).await {
                            true => ShareNews::Copied { entries, chars },
                            false => ShareNews::Shown { entries, chars },
                        }
                    }
                };
                busy.set(false);
                app.dispatch(Action::Notice(Notice::Share(news)));
            });
        })
    };

    // The whole link at once, ready to copy by hand.
    let select_all =
        Callback::from(|e: FocusEvent| e.target_unchecked_into::<HtmlInputElement>().select());
    let none = tracked == 0;
    html! {
        <div class="share-tools">
            <p class="hint">{ match lang {
                Lang::Zh => format!(
                    "所列 {} 项承诺中，{tracked} 项有进展或备注，可以分享。分享文件由对方用“导入 JSON…”合并；分享链接最多带 {MAX_LINK_ENTRIES} 项、{} 个字符，对方打开后可选择导入。",
                    ids.len(), format::count(MAX_LINK_CHARS),
                ),
                Lang::En => format!(
                    "Of the {} commitments listed, {tracked} have a status or a note to share. A share file is merged with Import JSON…; a share link carries up to {MAX_LINK_ENTRIES} commitments in {} characters, and whoever opens it can choose to import them.",
                    ids.len(), format::count(MAX_LINK_CHARS),
                ),
            } }</p>
            <div class="tool-row">
                <button type="button" class="button" onclick={save_file} disabled={none} data-action="share-file">
                    { lang.pick("保存为分享文件", "Save as a share file") }
                </button>
                <button type="button" class="button" onclick={make_link} disabled={none || *busy} data-action="share-link">
                    { lang.pick("复制分享链接", "Copy share link") }
                </button>
            </div>
            if let Some(url) = (*link).clone() {
                <label class="field share-link">
                    <span class="field-label">{ lang.pick("分享链接（只读，可全选复制）", "Share link (read-only: select and copy)") }</span>
                    <input type="text" readonly=true value={url} onfocus={select_all} data-share-link="" />
                </label>
            }
        </div>
    }
}
