//! "Export CSV" and "Export JSON" for what a view shows (see
//! `crate::model::exports`); the table is built only when a button is pressed.

use yew::prelude::*;

use crate::model::exports::{filename, Table};
use crate::model::notice::Notice;
use crate::state::{use_app, Action};
use crate::web::storage;

#[derive(Properties, PartialEq)]
pub struct ExportButtonsProps {
    /// The file name's word for what is exported: 答复, 承诺, 数据.
    pub what: &'static str,
    /// How many rows the export holds (nothing to export at 0).
    pub count: usize,
    pub table: Callback<(), Table>,
}

#[function_component(ExportButtons)]
pub fn export_buttons(props: &ExportButtonsProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let export = |ext: &'static str| {
        let app = app.clone();
        let table = props.table.clone();
        let what = props.what;
        Callback::from(move |_: MouseEvent| {
            let t = table.emit(());
            let (text, mime) = match ext {
                "csv" => (t.to_csv(), "text/csv"),
                _ => (t.to_json(), "application/json"),
            };
            let name = filename(what, &storage::today(), ext);
            let notice = match crate::web::files::download(&name, &text, mime) {
                Ok(()) => Notice::Exported(name),
                Err(why) => Notice::SaveFailed(why),
            };
            app.dispatch(Action::Notice(notice));
        })
    };
    let none = props.count == 0;
    let title = match lang {
        crate::model::i18n::Lang::Zh => format!("导出当前列出的 {} 行", props.count),
        crate::model::i18n::Lang::En => format!("Export the {} rows listed", props.count),
    };
    html! {
        <span class="export-buttons" role="group" aria-label={title.clone()}>
            <button type="button" class="button" onclick={export("csv")} data-action="export-csv" disabled={none} title={title.clone()}>
                { lang.pick("导出 CSV", "Export CSV") }
            </button>
            <button type="button" class="button" onclick={export("json")} data-action="export-json" disabled={none} title={title}>
                { "JSON" }
            </button>
        </span>
    }
}
