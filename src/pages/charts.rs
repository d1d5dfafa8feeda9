//! The corpus at a glance, in pictures: replies per year and kind,
//! commitments by status, the largest amount each reply names. Drawn as SVG
//! by the app (no chart library); every mark is a link to what it counts,
//! with a label that says it in words, and each chart has a table of the
//! same figures for screen readers.

use yew::prelude::*;

use crate::model::charts::{self, Bar, Segment};
use crate::state::use_app;

#[function_component(ChartsPage)]
pub fn charts_page() -> Html {
    let app = use_app();
    let lang = app.lang;
    let years = charts::replies_by_year(&app.corpus, lang);
    let statuses = charts::commitments_by_status(&app.corpus, &app.tracker, lang);
    let money = charts::largest_amounts(&app.corpus, lang);
    html! {
        <div class="charts-page">
            <header class="page-head">
                <h1>{ lang.pick("概览", "Overview") }</h1>
                <p class="lede">{ lang.pick(
                    "语料一览：每一段、每一根柱都链接到它所统计的答复或承诺。",
                    "The corpus at a glance: every bar and segment links to the replies or commitments it counts.",
                ) }</p>
            </header>
            <Chart id="years" title={lang.pick("各年答复数（按类型）", "Replies per year, by kind")}
                   unit={lang.pick("件", "replies")} bars={years} legend={true} />
            <Chart id="statuses" title={lang.pick("承诺落实情况（按答复）", "Commitments by status, per reply")}
                   unit={lang.pick("项", "commitments")} bars={statuses} legend={true} />
            <Chart id="money" title={lang.pick("各答复提到的最大金额", "Largest amount each reply names")}
                   unit={lang.pick("元", "yuan")} bars={money} legend={false} />
            if app.corpus.entries.is_empty() {
                <p class="muted">{ lang.pick("语料为空。", "The corpus is empty.") }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ChartProps {
    id: &'static str,
    title: &'static str,
    unit: &'static str,
    bars: Vec<Bar>,
    legend: bool,
}

const ROW: f64 = 28.0;
const LABEL: f64 = 210.0;
const WIDTH: f64 = 760.0;

/// Horizontal bars, one per row, each made of linked segments.
#[function_component(Chart)]
fn chart(props: &ChartProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let max = props.bars.iter().map(Bar::total).fold(0.0, f64::max);
    let scale = if max > 0.0 {
        (WIDTH - LABEL - 90.0) / max
    } else {
        0.0
    };
    let height = ROW * props.bars.len() as f64;
    let title_id = format!("dafu-chart-{}", props.id);
    let rows = props.bars.iter().enumerate().map(|(i, bar)| {
        let y = ROW * i as f64;
        let mut x = LABEL;
        let segments = bar.segments.iter().map(|s| {
            let w = s.value * scale;
            let rect = html! {
                <a href={s.href.clone()} aria-label={s.label.clone()} data-chart-mark={s.key.clone()}>
                    <title>{ s.label.clone() }</title>
                    <rect class={classes!("mark", s.class.clone())} x={format!("{x:.1}")} y={format!("{:.1}", y + 5.0)}
                          width={format!("{:.1}", w.max(1.5))} height={format!("{:.1}", ROW - 10.0)} />
                </a>
            };
            x += w;
            rect
        });
        html! {
            <g class="chart-row">
                <text class="chart-label" x={format!("{:.1}", LABEL - 8.0)} y={format!("{:.1}", y + ROW / 2.0)}>{ bar.label.clone() }</text>
                { for segments }
                <text class="chart-value" x={format!("{:.1}", x + 6.0)} y={format!("{:.1}", y + ROW / 2.0)}>{ bar.value_text.clone() }</text>
            </g>
        }
    });
    let keys: Vec<(&str, &str)> = {
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for s in props.bars.iter().flat_map(|b| &b.segments) {
            if !seen.iter().any(|(c, _)| *c == s.class) {
                seen.push((&s.class, &s.name));
            }
        }
        seen
    };
    html! {
        <figure class="chart" aria-labelledby={title_id.clone()} data-chart={props.id}>
            <figcaption id={title_id.clone()}>{ props.title }</figcaption>
            if props.bars.is_empty() {
                <p class="muted">{ lang.pick("没有可画的数据。", "Nothing to draw.") }</p>
            } else {
                if props.legend {
                    <ul class="chart-legend" aria-hidden="true">
                        { for keys.iter().map(|(class, name)| html! {
                            <li><svg viewBox="0 0 1 1" class="swatch"><rect class={classes!("mark", class.to_string())} width="1" height="1" /></svg>{ name.to_string() }</li>
                        }) }
                    </ul>
                }
                <svg class="chart-svg" viewBox={format!("0 0 {WIDTH} {height:.0}")} role="group" aria-labelledby={title_id}>
                    { for rows }
                </svg>
                <table class="visually-hidden">
                    <caption>{ props.title }</caption>
                    <tbody>
                        { for props.bars.iter().map(|b| html! {
                            <tr>
                                <th scope="row">{ b.label.clone() }</th>
                                <td>{ b.segments.iter().map(|s| s.label.clone()).collect::<Vec<_>>().join(lang.pick("；", "; ")) }</td>
                                <td>{ format!("{} {}", b.value_text, props.unit) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </figure>
    }
}

impl Bar {
    fn total(&self) -> f64 {
        self.segments.iter().map(|s: &Segment| s.value).sum()
    }
}
