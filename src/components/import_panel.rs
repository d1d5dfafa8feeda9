//! Adding replies in the browser: pick files (or drop them on the replies
//! view, see `pages/replies.rs`), see what is imported and remove it. The
//! files are parsed here, by the app's own parser; nothing is uploaded.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::format;
use crate::model::i18n::Lang;
use crate::model::imports::{self, used_chars, Checked, Offered, MAX_CHARS};
use crate::state::{use_app, Action, AppHandle};
use crate::web::{files, storage};

/// Offers the files of a file input or a drop to the import. Each file's
/// size is checked before it is read; each is decoded and parsed here, one
/// at a time with the page free to respond in between, and the reducer only
/// adds what passed.
pub fn import_files(app: &AppHandle, list: web_sys::FileList) {
    let app = app.clone();
    let list = files::list(&list);
    if list.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let today = storage::today();
        let mut checked = Vec::with_capacity(list.len());
        for file in list {
            let name = file.name();
            if let Some(refused) = Checked::too_big(&name, files::size(&file)) {
                checked.push(refused);
                continue;
            }
            // A file the browser cannot read is passed on empty: the
            // import names it as not a reply.
            let bytes = files::read_bytes(&file).await.unwrap_or_default();
            let (text, encoding) = files::decode_text(&bytes);
            files::yield_now().await;
            let offered = Offered {
                file: name,
                text,
                encoding,
            };
            checked.push(imports::check(offered, &today));
            files::yield_now().await;
        }
        app.dispatch(Action::ImportReplies(checked));
    });
}

/// The mark of a reply imported in this browser, wherever it is listed.
pub fn imported_badge(lang: Lang) -> Html {
    html! { <span class="imported-badge">{ lang.pick("已导入", "Imported") }</span> }
}

#[function_component(ImportPanel)]
pub fn import_panel() -> Html {
    let app = use_app();
    let lang = app.lang;
    let onchange = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(files) = input.files() {
                import_files(&app, files);
            }
            // The same file may be picked again later.
            input.set_value("");
        })
    };
    let used = used_chars(&app.imports);
    let files = app.imports.iter().map(|f| {
        let file = f.file.clone();
        let remove = app.callback(move |_: MouseEvent| Action::RemoveImport(file.clone()));
        html! {
            <li data-imported-file={f.file.clone()}>
                <span class="import-name">{ f.file.clone() }</span>
                <span class="muted">{ format!(" · {}", f.added) }</span>
                <button type="button" class="link" onclick={remove} data-action="remove-import"
                        aria-label={format!("{} {}", lang.pick("移除", "Remove"), f.file)}>
                    { lang.pick("移除", "Remove") }
                </button>
            </li>
        }
    });
    html! {
        <section class="imports" aria-labelledby="dafu-imports-title">
            <h2 id="dafu-imports-title" class="visually-hidden">{ lang.pick("导入答复", "Import replies") }</h2>
            <label class="button filepick">
                { lang.pick("导入答复文件…", "Import reply files…") }
                <input type="file" multiple=true accept=".txt,.md,text/plain,text/markdown"
                       class="visually-hidden" {onchange} data-action="import-replies" />
            </label>
            <p class="hint">{ lang.pick(
                "TXT 或 MD，UTF-8 或 GBK，也可拖放到此处；只在本浏览器中解析和保存。",
                "TXT or MD, UTF-8 or GBK, or drop them here; parsed and kept in this browser only.",
            ) }</p>
            if !app.imports.is_empty() {
                <ul class="import-list">{ for files }</ul>
                <p class="hint">{ match lang {
                    crate::model::i18n::Lang::Zh => format!("已用 {} / {} 字", format::count(used), format::count(MAX_CHARS)),
                    crate::model::i18n::Lang::En => format!("{} of {} characters used", format::count(used), format::count(MAX_CHARS)),
                } }</p>
            }
        </section>
    }
}
