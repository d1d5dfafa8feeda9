//! Export, import and reset of the tracker. Export writes a JSON file,
//! import merges one (the later entry wins, a conflict keeps the local one
//! and is listed, a bad or oversized file changes nothing) and reset asks
//! for confirmation in place before clearing everything.

use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::model::notice::Notice;
use crate::model::tracker::{
    export_filename, parse_import, FormatError, TrackerAction, MAX_FILE_BYTES,
};
use crate::state::{use_app, Action};
use crate::web::{files, storage};

#[function_component(TrackerTools)]
pub fn tracker_tools() -> Html {
    let app = use_app();
    let lang = app.lang;
    let confirming = use_state(|| false);
    let cancel_ref = use_node_ref();
    let reset_ref = use_node_ref();
    let export_ref = use_node_ref();

    let export = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            let today = storage::today();
            let name = export_filename(&today);
            let notice = match crate::web::files::download(
                &name,
                &app.tracker.to_export(&today),
                "application/json",
            ) {
                Ok(()) => Notice::Exported(name),
                Err(why) => Notice::SaveFailed(why),
            };
            app.dispatch(Action::Notice(notice));
        })
    };

    let import = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Let the same file be chosen again later.
            input.set_value("");
            let app = app.clone();
            let name = file.name();
            let bytes = files::size(&file);
            if bytes > MAX_FILE_BYTES {
                let why = FormatError::TooBig { bytes };
                app.dispatch(Action::Notice(Notice::ImportFailed { file: name, why }));
                return;
            }
            // Read and parsed here: the reducer only merges.
            wasm_bindgen_futures::spawn_local(async move {
                let read = match files::read_text(&file).await {
                    Some(text) => parse_import(&name, &text),
                    None => Err(FormatError::NotJson("unreadable file".into())),
                };
                app.dispatch(match read {
                    Ok(incoming) => Action::Tracker(TrackerAction::Import(incoming)),
                    Err(why) => Action::Notice(Notice::ImportFailed { file: name, why }),
                });
            });
        })
    };

    // Move focus to the safe choice when the confirmation appears, and
    // back to the row of buttons when it goes (not to the page's start).
    {
        let cancel_ref = cancel_ref.clone();
        let reset_ref = reset_ref.clone();
        let export_ref = export_ref.clone();
        let was_on = use_mut_ref(|| false);
        use_effect_with(*confirming, move |on| {
            let target = match (*on, *was_on.borrow()) {
                (true, _) => Some(cancel_ref),
                (false, true) => Some(reset_ref),
                (false, false) => None,
            };
            *was_on.borrow_mut() = *on;
            if let Some(target) = target {
                // The reset button is disabled once everything is cleared.
                let el = target
                    .cast::<HtmlElement>()
                    .or_else(|| export_ref.cast::<HtmlElement>());
                if let Some(el) = el {
                    if el.focus().is_err() || !el.matches(":focus").unwrap_or(false) {
                        if let Some(export) = export_ref.cast::<HtmlElement>() {
                            let _ = export.focus();
                        }
                    }
                }
            }
        });
    }
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let reset = {
        let app = app.clone();
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::Tracker(TrackerAction::Reset));
            confirming.set(false);
        })
    };
    let count = app.tracker.len();

    html! {
        <div class="tracker-tools">
            <div class="tool-row">
                <button type="button" class="button" onclick={export} ref={export_ref} data-action="export">
                    { lang.pick("导出 JSON", "Export JSON") }
                </button>
                <label class="button filepick">
                    { lang.pick("导入 JSON…", "Import JSON…") }
                    <input type="file" accept=".json,application/json" class="visually-hidden"
                           onchange={import} data-action="import" />
                </label>
                if !*confirming {
                    <button type="button" class="button danger-quiet" onclick={ask} ref={reset_ref} data-action="reset"
                            disabled={app.tracker.is_empty()}>
                        { lang.pick("清空记录…", "Reset…") }
                    </button>
                }
            </div>
            if *confirming {
                <div class="confirm" role="group" aria-label={lang.pick("确认清空", "Confirm reset")} data-confirm="reset">
                    <p>{ match lang {
                        crate::model::i18n::Lang::Zh => format!("确定清空本浏览器中全部 {count} 条承诺进展与备注吗？此操作无法撤销，建议先导出。"),
                        crate::model::i18n::Lang::En => format!("Clear all {count} statuses and notes saved in this browser? This cannot be undone; export a copy first."),
                    } }</p>
                    <button type="button" class="button danger" onclick={reset} data-action="confirm-reset">
                        { lang.pick("确认清空", "Yes, clear all") }
                    </button>
                    <button type="button" class="button" onclick={cancel} ref={cancel_ref} data-action="cancel-reset">
                        { lang.pick("取消", "Cancel") }
                    </button>
                </div>
            }
            <p class="hint">{ lang.pick(
                "导入时按条目合并：同一承诺以较晚修改的记录为准；两边各有对方没有的内容时保留本机记录，并列出文件中的内容。",
                "Importing merges entry by entry: for the same commitment the later change wins; where both say something the other does not, the record here is kept and the file's is listed.",
            ) }</p>
        </div>
    }
}
