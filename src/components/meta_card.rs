//! The reply's metadata: what it answers, who asked, how it was handled.

use yew::prelude::*;

use crate::components::marked::marked;
use crate::model::corpus::kind_key;
use crate::model::facets::Handling;
use crate::model::format;
use crate::model::search::Query;
use crate::state::use_app;

#[derive(Properties, PartialEq)]
pub struct MetaCardProps {
    pub index: usize,
    pub query: Query,
}

#[function_component(MetaCard)]
pub fn meta_card(props: &MetaCardProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let entry = &app.corpus.entries[props.index];
    // The list's metadata at once, the whole of it with the body.
    let m = entry.body().map_or(&entry.meta, |b| &b.reply.meta);
    let sep = lang.pick("、", ", ");
    let row = |label: &str, value: Html| html! { <div class="meta-row"><dt>{ label.to_owned() }</dt><dd>{ value }</dd></div> };
    let text = |s: &str| -> Html { marked(s, &props.query.hits(s)) };
    let mut rows: Vec<Html> = Vec::new();
    if !m.proposers.is_empty() {
        let label = match m.kind {
            Some(dafu_parser::ReplyKind::Suggestion) => lang.pick("代表", "Deputies"),
            _ => lang.pick("提案人", "Proposers"),
        };
        let more = if m.proposers_more {
            lang.pick(" 等", " et al.")
        } else {
            ""
        };
        rows.push(row(
            label,
            text(&format!("{}{more}", m.proposers.join(sep))),
        ));
    }
    if let (Some(result), Some(handling)) = (&m.result, Handling::of(m)) {
        let class = match &handling {
            Handling::Class(c) => format!("result-{}", c.key().to_lowercase()),
            Handling::Written(_) => String::new(),
        };
        let label = format::result_label(&handling, lang);
        rows.push(row(
            lang.pick("办理结果", "Handling result"),
            html! {
                <><span class={classes!("result-badge", class)}>{ result.clone() }</span>
                if label != *result { <span class="muted">{ " " }{ label }</span> }</>
            },
        ));
    }
    if let Some(d) = &m.disclosure {
        rows.push(row(
            lang.pick("公开属性", "Disclosure"),
            html! { d.clone() },
        ));
    }
    if let Some(d) = m.date {
        rows.push(row(
            lang.pick("答复日期", "Date"),
            html! { format::date(d, lang) },
        ));
    }
    let c = &m.contact;
    let contact: Vec<String> = [&c.name, &c.phone, &c.address, &c.postcode]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    if !contact.is_empty() {
        rows.push(row(
            lang.pick("联系方式", "Contact"),
            html! { contact.join(" · ") },
        ));
    }
    if !m.cc.is_empty() {
        rows.push(row(
            lang.pick("抄送", "Copied to"),
            html! { m.cc.join(sep) },
        ));
    }
    if let Some(office) = &m.print_office {
        let date = m
            .print_date
            .map(|d| format!(" {}", format::date(d, lang)))
            .unwrap_or_default();
        rows.push(row(
            lang.pick("印发", "Issued by"),
            html! { format!("{office}{date}") },
        ));
    }
    if entry.imported {
        let added = app
            .imports
            .iter()
            .find(|f| f.file == entry.file)
            .map(|f| f.added.clone())
            .unwrap_or_default();
        rows.push(row(
            lang.pick("来源", "Source"),
            html! { <span data-source="imported">{ match lang {
                crate::model::i18n::Lang::Zh => format!("在本浏览器中导入：{}（{added}）", entry.file),
                crate::model::i18n::Lang::En => format!("Imported in this browser: {} ({added})", entry.file),
            } }</span> },
        ));
    }
    let mut line: Vec<String> = Vec::new();
    if let Some(s) = &m.session {
        line.push(s.clone());
    }
    if let Some(n) = &m.proposal_number {
        let what = match m.kind {
            Some(dafu_parser::ReplyKind::Suggestion) => lang.pick("号代表建议", " (suggestion)"),
            _ => lang.pick("号提案", " (proposal)"),
        };
        line.push(match lang {
            crate::model::i18n::Lang::Zh => format!("第 {n} {what}"),
            crate::model::i18n::Lang::En => format!("No. {n}{what}"),
        });
    }
    let title = entry.title();
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    html! {
        <header class="meta-card">
            <p class="eyebrow">
                <span class={classes!("kind-badge", kind_key(m.kind).to_owned())}>{ format::reply_kind(m.kind, lang) }</span>
                if let Some(n) = &m.doc_number { <span class="doc-number">{ text(n) }</span> }
                <button type="button" class="print-button link" onclick={print}>
                    { lang.pick("打印本件", "Print this reply") }
                </button>
            </p>
            <h2 id="dafu-reader-title" tabindex="-1">{ text(title) }</h2>
            if !line.is_empty() { <p class="meta-line">{ line.join(" · ") }</p> }
            <dl class="meta-grid">{ for rows }</dl>
        </header>
    }
}
