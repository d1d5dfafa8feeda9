//! Cross-references (see [`dafu_bundle::xrefs`]): found at build time for
//! the bundled replies; the app adds imported replies.

pub use dafu_bundle::xrefs::*;

#[cfg(test)]
mod tests {
    use super::*;
    use dafu_bundle::xrefs::candidates;
    use crate::model::corpus::Corpus;

    fn bundled() -> (Corpus, Vec<Term>) {
        let corpus =
            Corpus::new(crate::model::bundled::load().expect("the bundled corpus decodes"));
        let terms = find(corpus.entries.iter().map(|e| &e.body().unwrap().reply));
        (corpus, terms)
    }

    fn files(c: &Corpus, t: &Term) -> Vec<String> {
        t.replies
            .iter()
            .map(|&i| c.entries[i].file[..3].to_owned())
            .collect()
    }

    #[test]
    fn the_same_amount_in_two_replies_is_one_term() {
        let (c, terms) = bundled();
        let t = terms.iter().find(|t| t.text == "74亿元").expect("74亿元");
        assert_eq!(
            (t.kind, files(&c, t)),
            (TermKind::Figure, vec!["000".into(), "003".into()])
        );
    }

    #[test]
    fn programmes_are_found_by_their_longest_shared_name() {
        let (c, terms) = bundled();
        let t = terms
            .iter()
            .find(|t| t.text == "高质量孵化器")
            .expect("高质量孵化器");
        assert_eq!(files(&c, t), ["000", "002"]);
        assert!(
            !terms.iter().any(|t| t.text == "质量孵化器"),
            "the longest form only"
        );
        let quoted = terms.iter().find(|t| t.text == "白名单").expect("白名单");
        assert_eq!(files(&c, quoted), ["003", "004"]);
        assert!(terms.iter().all(|t| t.replies.len() > 1));
        assert!(!terms
            .iter()
            .any(|t| t.text.starts_with('建') || t.text.starts_with('的')));
    }

    #[test]
    fn a_replys_terms_name_the_other_replies() {
        let (c, terms) = bundled();
        let first = c
            .entries
            .iter()
            .position(|e| e.file.starts_with("000"))
            .unwrap();
        let mine = of(&terms, first);
        assert!(mine
            .iter()
            .any(|(t, others)| t.text == "高质量孵化器" && others.len() == 1));
        assert!(mine
            .iter()
            .all(|(_, others)| !others.contains(&first) && !others.is_empty()));
    }

    #[test]
    fn candidates_stop_at_verbs_and_take_quoted_terms() {
        let names = candidates("推动高质量孵化器建设，实施“探索者计划”和“白名单”制度。");
        assert!(names.contains("高质量孵化器"));
        assert!(names.contains("探索者计划"));
        assert!(names.contains("白名单"));
        assert!(
            !names
                .iter()
                .any(|n| n.starts_with('动') || n.starts_with('推')),
            "{names:?}"
        );
    }
}
