//! What the reader pane shows when no reply is open.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::corpus::Corpus;
use crate::model::format;
use crate::model::i18n::Lang;
use crate::model::route::{Filters, Route};

/// What the overview shows depends on the corpus and the language only, so
/// it is not rendered again while the user types.
#[derive(Properties, Clone)]
pub struct OverviewProps {
    pub lang: Lang,
    pub corpus: Rc<Corpus>,
}

impl PartialEq for OverviewProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang && Rc::ptr_eq(&self.corpus, &other.corpus)
    }
}

#[function_component(Overview)]
pub fn overview(props: &OverviewProps) -> Html {
    let lang = props.lang;
    let corpus = &props.corpus;
    let entries = &corpus.entries;
    let (figures, commitments) = (corpus.figures, corpus.commitments);
    let stat = |n: usize, label: &str| html! { <div class="stat"><dt>{ label.to_owned() }</dt><dd>{ crate::model::format::count(n) }</dd></div> };
    let latest = corpus.newest.iter().take(5).map(|&i| {
        let e = &entries[i];
        let href = Route::Replies {
            open: Some(e.id.clone()),
            filters: Filters::default(),
        }
        .href();
        let meta = &e.meta;
        html! {
            <li>
                <a {href}>{ e.title().to_owned() }</a>
                <span class="muted">
                    { meta.doc_number.clone().unwrap_or_default() }
                    if let Some(d) = meta.date { { " · " }{ format::date(d, lang) } }
                </span>
            </li>
        }
    });
    html! {
        <section class="overview" aria-labelledby="dafu-overview-title">
            <h2 id="dafu-overview-title">{ lang.pick("读懂每一件答复", "Read every reply closely") }</h2>
            <p class="lede">{ lang.pick(
                "上海市科学技术委员会对人大代表建议和政协委员提案的正式答复：正文中的每个数据都已标出，下一步工作中的每项承诺都可以跟踪。",
                "The official replies of the Shanghai Science and Technology Commission to deputies' suggestions and CPPCC members' proposals: every figure is marked in the text, and every commitment of the next steps can be tracked.",
            ) }</p>
            <dl class="stats">
                { stat(entries.len(), lang.pick("件答复", "replies")) }
                { stat(figures, lang.pick("项数据", "figures")) }
                { stat(commitments, lang.pick("项承诺", "commitments")) }
            </dl>
            <h3 class="overview-sub">{ lang.pick("最近的答复", "Latest replies") }</h3>
            <ol class="latest">{ for latest }</ol>
            <p class="muted">{ lang.pick(
                "也可以在左侧搜索或筛选，再选择一件答复阅读。",
                "Or search and filter on the left, then choose a reply to read.",
            ) }</p>
            <ul class="keys">
                <li><kbd>{ "/" }</kbd>{ lang.pick("搜索", "search") }</li>
                <li><kbd>{ "j" }</kbd><kbd>{ "k" }</kbd>{ lang.pick("上下移动", "move") }</li>
                <li><kbd>{ "Enter" }</kbd>{ lang.pick("打开", "open") }</li>
                <li><kbd>{ "Esc" }</kbd>{ lang.pick("清除搜索", "clear") }</li>
            </ul>
        </section>
    }
}
