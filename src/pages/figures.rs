//! The 数据 view: every figure of the corpus in one table, filtered by kind
//! and unit, sorted by value, reply or kind (headers are buttons and carry
//! `aria-sort`), exported as CSV or JSON. Filters and order live in the URL.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::bodies_loading::BodiesLoading;
use crate::components::export_buttons::ExportButtons;
use crate::components::show_more::{use_paged, ShowMore};
use crate::components::figure_mark::figure_id;
use crate::components::import_panel::imported_badge;
use crate::hooks::bodies::use_all_bodies;
use crate::hooks::synced_select::use_synced_select;
use dafu_parser::FigureKind;

use crate::model::corpus::Corpus;
use crate::model::figure_table::{self, qualifier_label, SortKey, NO_UNIT};
use crate::model::format::{self, figure_kind_label};
use crate::model::i18n::Lang;
use crate::model::route::{FiguresQuery, Filters, Route};
use crate::state::{use_app, Action, Focus};

/// The rows shown, as (reply, figure) positions, and the counts of the
/// filter menus: kinds within the chosen unit, units within the chosen kind.
#[derive(PartialEq, Default)]
struct FiguresView {
    rows: Vec<(usize, usize)>,
    kinds: Vec<(FigureKind, usize)>,
    units: Vec<(String, usize)>,
}

impl FiguresView {
    fn new(corpus: &Corpus, query: &FiguresQuery) -> FiguresView {
        // Every body, or nothing yet (the page shows the loading).
        let replies: Option<Vec<&dafu_parser::Reply>> = (corpus.entries.iter())
            .map(|e| e.body().map(|b| &b.reply))
            .collect();
        let Some(replies) = replies else {
            return FiguresView::default();
        };
        let all = figure_table::collect(replies);
        let mut rows = figure_table::filter(&all, query.kind, query.unit.as_deref());
        figure_table::sort(&mut rows, query.sort, query.desc);
        FiguresView {
            rows: rows.iter().map(|r| (r.reply, r.index)).collect(),
            kinds: figure_table::tally(
                &figure_table::filter(&all, None, query.unit.as_deref()),
                |r| r.figure.kind,
            ),
            units: figure_table::tally(&figure_table::filter(&all, query.kind, None), |r| {
                r.unit_key().to_owned()
            }),
        }
    }
}

/// Table rows rendered at first, and added by "show more".
const ROWS: usize = 200;

#[function_component(FiguresPage)]
pub fn figures_page() -> Html {
    let app = use_app();
    let lang = app.lang;
    let query = match &app.route {
        Route::Figures(q) => q.clone(),
        _ => FiguresQuery::default(),
    };
    let kind_select = use_synced_select(query.kind.map_or("", FigureKind::key));
    let unit_select = use_synced_select(query.unit.as_deref().unwrap_or(""));
    let key = query.sort;
    // The table and the menu counts change with the query and the corpus
    // only: not on every render.
    let view = {
        let corpus = app.corpus.clone();
        use_memo((query.clone(), app.imports_rev, app.bodies_rev), move |(query, _, _)| {
            FiguresView::new(&corpus, query)
        })
    };
    let FiguresView { rows, kinds, units } = &*view;
    let loading = use_all_bodies();
    let (limit, more) = use_paged(query.clone(), ROWS);

    let go = {
        let app = app.clone();
        move |q: FiguresQuery| app.navigate(Route::Figures(q))
    };
    let on_kind = {
        let (go, q) = (go.clone(), query.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            go(FiguresQuery {
                kind: FigureKind::from_key(&v),
                ..q.clone()
            });
        })
    };
    let on_unit = {
        let (go, q) = (go.clone(), query.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            go(FiguresQuery {
                unit: (!v.is_empty()).then_some(v),
                ..q.clone()
            });
        })
    };
    let table = {
        let corpus = app.corpus.clone();
        let rows = view.clone();
        Callback::from(move |()| {
            let rows: Vec<figure_table::Row> = rows
                .rows
                .iter()
                .filter_map(|&(reply, index)| {
                    Some(figure_table::Row {
                        reply,
                        index,
                        figure: corpus.entries[reply].body()?.reply.figures.get(index)?,
                    })
                })
                .collect();
            figure_table::table(&rows, lang, |r| {
                let e = &corpus.entries[r];
                (e.number(), e.title().to_owned())
            })
        })
    };

    let header = |column: SortKey, label: &str, class: &'static str| {
        let active = key == column;
        let aria = match (active, query.desc) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        // First click sorts values from the largest, other columns A→Z.
        let desc = if active {
            !query.desc
        } else {
            column == SortKey::Value
        };
        let onclick = {
            let (go, q) = (go.clone(), query.clone());
            Callback::from(move |_: MouseEvent| {
                go(FiguresQuery {
                    sort: column,
                    desc,
                    ..q.clone()
                })
            })
        };
        let arrow = match aria {
            "ascending" => "↑",
            "descending" => "↓",
            _ => "↕",
        };
        html! {
            <th scope="col" aria-sort={aria} class={classes!((!class.is_empty()).then_some(class))}>
                <button type="button" class="sort" {onclick} data-sort={column.key()}>
                    { label.to_owned() }<span class="arrow" aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };

    html! {
        <div class="figures-page">
            <header class="page-head">
                <h1>{ lang.pick("数据", "Figures") }</h1>
                <p class="lede">{ lang.pick(
                    "答复正文中出现的全部数字：金额、数量、比例与倍数，按单位与量级换算为标准化数值。日期、文号、电话等不计入。",
                    "Every figure in the replies' text — money, counts, percentages and multiples — with its value normalised by magnitude. Dates, document numbers and phone numbers are left out.",
                ) }</p>
            </header>
            <div class="filters table-tools">
                <label class="field inline">
                    <span class="field-label">{ lang.pick("类型", "Kind") }</span>
                    <select onchange={on_kind} ref={kind_select} data-filter="kind">
                        <option value="" selected={query.kind.is_none()}>{ lang.pick("全部类型", "All kinds") }</option>
                        { for kinds.iter().map(|(k, n)| html! {
                            <option value={k.key()} selected={query.kind == Some(*k)}>
                                { format!("{} ({n})", figure_kind_label(*k, lang)) }
                            </option>
                        }) }
                    </select>
                </label>
                <label class="field inline">
                    <span class="field-label">{ lang.pick("单位", "Unit") }</span>
                    <select onchange={on_unit} ref={unit_select} data-filter="unit">
                        <option value="" selected={query.unit.is_none()}>{ lang.pick("全部单位", "All units") }</option>
                        { for units.iter().map(|(u, n)| html! {
                            <option value={u.clone()} selected={query.unit.as_deref() == Some(u.as_str())}>
                                { format!("{} ({n})", unit_label(u, lang)) }
                            </option>
                        }) }
                    </select>
                </label>
                <ExportButtons what="数据" count={rows.len()} {table} />
            </div>
            <p class="result-count" role="status">{ match lang {
                Lang::Zh => format!("共 {} 个数字", rows.len()),
                Lang::En => format!("{} figures", rows.len()),
            } }</p>
            if let Some(loading) = loading {
                <BodiesLoading {loading} {lang} />
            } else if rows.is_empty() {
                <p class="empty">{ lang.pick("没有符合条件的数字。", "No figure matches.") }</p>
            } else {
                <div class="table-wrap" tabindex="0" role="region" aria-label={lang.pick("数字一览", "Figures table")}>
                    <table class="figures-table">
                        <thead><tr>
                            <th scope="col">{ lang.pick("原文", "As written") }</th>
                            { header(SortKey::Value, lang.pick("标准化数值", "Value"), "") }
                            <th scope="col" class="opt">{ lang.pick("单位", "Unit") }</th>
                            { header(SortKey::Kind, lang.pick("类型", "Kind"), "opt") }
                            <th scope="col" class="opt">{ lang.pick("限定", "Qualifier") }</th>
                            { header(SortKey::Reply, lang.pick("答复", "Reply"), "") }
                        </tr></thead>
                        <tbody>
                            { for rows.iter().take(limit).map(|&(reply, index)| row(reply, index, &app, lang)) }
                        </tbody>
                    </table>
                </div>
                <ShowMore shown={limit.min(rows.len())} total={rows.len()} page={ROWS} unit={("行", "rows")} {lang} onclick={more} />
            }
        </div>
    }
}

fn unit_label(key: &str, lang: Lang) -> String {
    if key == NO_UNIT {
        lang.pick("（无单位）", "(no unit)").to_owned()
    } else {
        key.to_owned()
    }
}

fn row(reply: usize, index: usize, app: &crate::state::AppHandle, lang: Lang) -> Html {
    let e = &app.corpus.entries[reply];
    let Some(f) = e.body().and_then(|b| b.reply.figures.get(index)) else {
        return Html::default();
    };
    let kind = f.kind.key();
    let route = Route::Replies {
        open: Some(e.id.clone()),
        filters: Filters::default(),
    };
    let target = figure_id(index);
    // Open the reply, then bring the figure into view and focus it.
    let onclick = {
        let app = app.clone();
        let route = route.clone();
        Callback::from(move |ev: MouseEvent| {
            ev.prevent_default();
            app.navigate(route.clone());
            app.dispatch(Action::Focus(Focus::Element(target.clone())));
        })
    };
    let number = e.number();
    html! {
        <tr data-figure-row={kind} data-value={f.value.to_string()}>
            <td class="fig-text">
                <a href={route.href()} {onclick} class={classes!("fig-link", format!("fig-{kind}"))}
                   title={lang.pick("在答复中查看", "Show in the reply")}>{ f.text.clone() }</a>
                <span class={classes!("kind-tag", "kind-inline", format!("fig-{kind}"))}>{ figure_kind_label(f.kind, lang) }</span>
            </td>
            <td class="num">{ format::figure_value(f, lang) }</td>
            <td class="opt unit">{ f.unit.clone().unwrap_or_default() }</td>
            <td class="opt"><span class={classes!("kind-tag", format!("fig-{kind}"))}>{ figure_kind_label(f.kind, lang) }</span></td>
            <td class="opt qualifier">{ match f.qualifier {
                dafu_parser::Qualifier::Exact => html! { <span class="none" title={qualifier_label(f.qualifier, lang)}>{ "—" }</span> },
                q => html! { qualifier_label(q, lang) },
            } }</td>
            <td class="reply-cell">
                <span class="doc-number" title={e.title().to_owned()}>{ number }</span>
                if e.imported { { imported_badge(lang) } }
            </td>
        </tr>
    }
}
