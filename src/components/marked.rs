//! Text with search hits wrapped in `<mark class="hit">`, built from typed
//! ranges (never from HTML strings).

use std::ops::Range;

use yew::prelude::*;

/// Renders `text` with the given (sorted, non-overlapping) byte ranges marked.
pub fn marked(text: &str, hits: &[Range<usize>]) -> Html {
    let mut out: Vec<Html> = Vec::with_capacity(hits.len() * 2 + 1);
    let mut cursor = 0;
    for h in hits {
        if h.start < cursor
            || h.end > text.len()
            || !text.is_char_boundary(h.start)
            || !text.is_char_boundary(h.end)
        {
            continue;
        }
        if h.start > cursor {
            out.push(html! { { text[cursor..h.start].to_owned() } });
        }
        out.push(html! { <mark class="hit">{ text[h.clone()].to_owned() }</mark> });
        cursor = h.end;
    }
    if cursor < text.len() {
        out.push(html! { { text[cursor..].to_owned() } });
    }
    out.into_iter().collect()
}
