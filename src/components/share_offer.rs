//! What a share link brings, offered — never merged unasked: a crafted
//! link must not change anyone's tracker without their consent. 导入 merges
//! it by the import's rules; either choice takes the data off the address,
//! so a reload does not offer it again. A link that cannot be read says why
//! and changes nothing.

use yew::prelude::*;

use crate::model::i18n::Lang;
use crate::model::route::{CommitmentsQuery, HistoryMode, Route};
use crate::model::share::{self, Offer, ShareError};
use crate::model::tracker::TrackerAction;
use crate::state::{use_app, Action, Focus};
use crate::web::hash;

#[derive(Properties, PartialEq)]
pub struct ShareOfferProps {
    /// The view's query, its `share` data included.
    pub query: CommitmentsQuery,
}

/// Where the page's heading is, to take the focus once the offer is gone.
pub const TITLE_ID: &str = "dafu-commitments-title";

#[function_component(ShareOffer)]
pub fn share_offer(props: &ShareOfferProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let data = props.query.share.clone().unwrap_or_default();
    // The data read, with the data it was read from (a newer link may have
    // replaced it meanwhile).
    let read = use_state(|| None::<(String, Result<Offer, ShareError>)>);
    {
        let read = read.clone();
        use_effect_with(data.clone(), move |data| {
            let data = data.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let offer = crate::web::share::unpack(&data)
                    .await
                    .and_then(|payload| share::read(&payload));
                read.set(Some((data, offer)));
            });
        });
    }
    // Takes the data off the address, in place: back does not offer it again.
    let done = {
        let app = app.clone();
        let route = Route::Commitments(CommitmentsQuery {
            share: None,
            ..props.query.clone()
        });
        move || {
            hash::write_hash(&route, HistoryMode::Replace);
            app.dispatch(Action::Navigated(route.clone()));
            app.dispatch(Action::Focus(Focus::Element(TITLE_ID.into())));
        }
    };
    let dismiss = {
        let done = done.clone();
        Callback::from(move |_: MouseEvent| done())
    };

    let offer = match &*read {
        Some((from, result)) if *from == data => result,
        _ => {
            return html! {
                <section class="share-offer" aria-busy="true" data-share-offer="loading">
                    <p>{ lang.pick("正在读取分享链接…", "Reading the share link…") }</p>
                </section>
            }
        }
    };
    let offer = match offer {
        Ok(offer) => offer.clone(),
        Err(why) => {
            return html! {
                <section class="share-offer problem" data-share-offer="error">
                    <p role="alert">{ match lang {
                        Lang::Zh => format!("无法读取这个分享链接：{}。本机记录未作任何改动。", why.message(lang)),
                        Lang::En => format!("This share link cannot be read: {}. Nothing was changed.", why.message(lang)),
                    } }</p>
                    <button type="button" class="button" onclick={dismiss} data-action="share-ignore">
                        { lang.pick("关闭", "Close") }
                    </button>
                </section>
            }
        }
    };

    let (replies, elsewhere) = share::replies_of(&app.corpus, &offer);
    let count = offer.incoming.entries.len();
    let import = {
        let app = app.clone();
        let incoming = offer.incoming.clone();
        Callback::from(move |_: MouseEvent| {
            let mut incoming = incoming.clone();
            incoming.file = lang.pick("分享链接", "share link").to_owned();
            app.dispatch(Action::Tracker(TrackerAction::Import(incoming)));
            done();
        })
    };
    let shown: Vec<&str> = replies.iter().take(3).map(String::as_str).collect();
    let more = replies.len().saturating_sub(shown.len());
    let from = match lang {
        Lang::Zh => format!(
            "来自 {} 件答复：{}{}",
            replies.len(),
            shown.join("、"),
            if more > 0 {
                " 等".to_owned()
            } else {
                String::new()
            }
        ),
        Lang::En => format!(
            "from {} {}: {}{}",
            replies.len(),
            if replies.len() == 1 {
                "reply"
            } else {
                "replies"
            },
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ),
    };
    let when = offer.shared.as_deref().map(|d| match lang {
        Lang::Zh => format!("{d} 分享，"),
        Lang::En => format!("shared on {d}, "),
    });
    html! {
        <section class="share-offer" aria-labelledby="dafu-share-offer-title" data-share-offer="ready">
            <h2 id="dafu-share-offer-title">{ lang.pick("分享链接", "Share link") }</h2>
            <p>{ match lang {
                Lang::Zh => format!("这个链接带来 {count} 项承诺的状态与备注（{}{from}）。", when.unwrap_or_default()),
                Lang::En => format!("This link brings the statuses and notes of {} ({}{from}).", share::commitments_en(count), when.unwrap_or_default()),
            } }</p>
            if elsewhere > 0 {
                <p>{ match lang {
                    Lang::Zh => format!("其中 {elsewhere} 项不属于本站的答复；导入后仍会保留。"),
                    Lang::En => format!("{elsewhere} of them belong to no reply here; they are kept if imported."),
                } }</p>
            }
            <p class="hint">{ lang.pick(
                "导入时按条目与本机记录合并：较晚的修改为准；两边各有对方没有的内容时保留本机记录，并列出链接中的内容。忽略则什么都不改变。",
                "Importing merges entry by entry with the record here: the later change wins; where both say something the other does not, the record here is kept and the link's is listed. Ignoring changes nothing.",
            ) }</p>
            <div class="tool-row">
                <button type="button" class="button primary" onclick={import} data-action="share-import">
                    { lang.pick("导入", "Import") }
                </button>
                <button type="button" class="button" onclick={dismiss} data-action="share-ignore">
                    { lang.pick("忽略", "Ignore") }
                </button>
            </div>
        </section>
    }
}
