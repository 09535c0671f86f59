//! Linking passages: every citation in order, with code-point spans into the text as sent, short
//! forms resolved against the last document named, and prose left alone.

use talentdex::citation::{Linked, Status};

use crate::common::{citations, corpus};

fn link(text: &str) -> Vec<Linked<'static>> {
    citations().link(text).expect("links").citations
}

/// (start, end, text, status, id) of each citation, for compact assertions.
fn spans(text: &str) -> Vec<(usize, usize, String, Status, Option<&'static str>)> {
    link(text)
        .into_iter()
        .map(|c| (c.start, c.end, c.text, c.status, c.id))
        .collect()
}

fn ids(text: &str) -> Vec<Option<&'static str>> {
    link(text).into_iter().map(|c| c.id).collect()
}

#[test]
fn a_short_form_takes_the_document_and_category_named_before_it() {
    let text = "附件1第二条第8项、第9项";
    assert_eq!(
        spans(text),
        [
            (
                0,
                9,
                "附件1第二条第8项".into(),
                Status::Found,
                Some("bj2022-a1/2.8")
            ),
            (10, 13, "第9项".into(), Status::Found, Some("bj2022-a1/2.9")),
        ]
    );
}

/// Spans count code points of the original text, not bytes, UTF-16 units or normalised
/// characters: Ⅻ (one code point, three once normalised), emoji and a CJK Extension B character
/// (outside the BMP) come before the citation, full-width digits inside it.
#[test]
fn spans_are_code_points_of_the_original_text() {
    let text = "Ⅻ😀𠮷 见附件１第二条第８项；且 Annex 2, No.\u{3000}6";
    let found = spans(text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0..found[0].1, 5..14);
    assert_eq!(found[0].2, "附件１第二条第８项");
    assert_eq!(found[0].4, Some("bj2022-a1/2.8"));
    let chars: Vec<char> = text.chars().collect();
    for (start, end, cited, _, _) in &found {
        assert_eq!(&chars[*start..*end].iter().collect::<String>(), cited);
    }
    assert_eq!(found[1].2, "Annex 2, No.\u{3000}6");
    assert_eq!(found[1].4, Some("bj2022-a2/6"));
}

/// Regression: a list once went on only after a marked component, so `II.9` after `II.8` (whose
/// `.8` is a bare number) was dropped.
#[test]
fn english_lists_continue_the_citation_before_them() {
    let text = "Under Annex 1, II.8, and II.9, and Annex 2, items 6 and 7, applicants qualify.";
    assert_eq!(
        ids(text),
        [
            Some("bj2022-a1/2.8"),
            Some("bj2022-a1/2.9"),
            Some("bj2022-a2/6"),
            Some("bj2022-a2/7")
        ]
    );
}

/// English often names the document last; the document still belongs to the citation and
/// becomes the context of the next one.
#[test]
fn english_written_outside_in_names_its_document_last() {
    let text = "Article 3 of the Notice sets the trial; item 8 of Category II of Annex 1 and item 9 \
                apply.";
    let found = spans(text);
    let got: Vec<(&str, Option<&str>)> = found.iter().map(|c| (c.2.as_str(), c.4)).collect();
    assert_eq!(
        got,
        [
            ("Article 3 of the Notice", Some("bj2022/3")),
            ("item 8 of Category II of Annex 1", Some("bj2022-a1/2.8")),
            ("item 9", Some("bj2022-a1/2.9")),
        ]
    );
}

#[test]
fn the_last_document_named_carries_across_sentences() {
    let text = "岗位目录列出25个岗位。第6项要求本科学历；第7项亦然。通知第三条规定试行2年。";
    assert_eq!(
        ids(text),
        [
            Some("bj2022-a2"),
            Some("bj2022-a2/6"),
            Some("bj2022-a2/7"),
            Some("bj2022/3")
        ]
    );
}

#[test]
fn without_a_document_named_a_short_form_is_ambiguous() {
    let found = link("参见第二条第8项。");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].status, Status::Ambiguous);
    let candidates: Vec<&str> = found[0].candidates.iter().map(|c| c.id).collect();
    assert_eq!(candidates, ["bj2022-a1/2.8", "cn2017-a/2.8"]);
}

/// Clauses cited after a document we do not hold are that document's: not reported, not
/// attached to the document named before it.
#[test]
fn clauses_of_other_documents_are_not_linked() {
    let text = "附件1第二条第8项与《民法典》第五条、国发〔2021〕24号第三条不同。";
    assert_eq!(ids(text), [Some("bj2022-a1/2.8")]);
}

#[test]
fn prose_numbers_and_common_words_are_left_alone() {
    assert_eq!(ids("附件1 2023年发布"), [Some("bj2022-a1")]);
    assert_eq!(ids("Annex 2, 6 posts are new."), [Some("bj2022-a2")]);
    assert_eq!(
        ids("Annex 2, No. 6, 7 years of experience"),
        [Some("bj2022-a2/6")]
    );
    // 通知 alone is a word, not a citation; 通知 with a clause is one.
    assert!(link("现将有关事项通知如下。I think the notice was noticed.").is_empty());
    assert!(link("").is_empty());
}

#[test]
fn a_not_found_citation_is_reported_with_its_span() {
    let found = spans("见附件2第26项。");
    assert_eq!(
        found,
        [(1, 8, "附件2第26项".into(), Status::NotFound, None)]
    );
}

/// The notice's own article 1 cites the other three documents by title, by number and as annexes.
/// Regression: brackets were read as quotes, so `（附件1）` was cited with its brackets.
#[test]
fn the_notice_links_the_documents_it_names() {
    let text = &corpus().clause("bj2022/1").unwrap().text.zh;
    let found = link(text);
    let cited: Vec<(&str, Option<&str>)> = found.iter().map(|c| (c.text.as_str(), c.id)).collect();
    assert_eq!(
        cited,
        [
            ("外专发〔2017〕40号", Some("cn2017-a")),
            ("《外国人来华工作分类标准（试行）》", Some("cn2017-a")),
            (
                "《北京市外籍“高精尖”人才认定标准（试行）》",
                Some("bj2022-a1")
            ),
            ("附件1", Some("bj2022-a1")),
            (
                "《北京市外籍“急需紧缺”人才岗位目录（试行）》",
                Some("bj2022-a2")
            ),
            ("附件2", Some("bj2022-a2")),
        ]
    );
}

/// A range gives one citation per clause: the written ends are hyperlinked as written (the first
/// from the citation's start, the last to its end), the member it does not write out carries the
/// range's span (SPEC, "Citation spans").
#[test]
fn a_range_gives_one_citation_per_clause_with_the_spans_as_written() {
    let got: Vec<(usize, usize, String, Option<&str>)> = link("见附件1第三条第2至4项。")
        .into_iter()
        .map(|c| (c.start, c.end, c.text, c.id))
        .collect();
    assert_eq!(
        got,
        [
            (1, 9, "附件1第三条第2".into(), Some("bj2022-a1/3.2")),
            (8, 11, "2至4".into(), Some("bj2022-a1/3.3")),
            (10, 12, "4项".into(), Some("bj2022-a1/3.4")),
        ]
    );
}

/// A list inside one marker: each number its own citation, none overlapping.
#[test]
fn a_list_inside_one_marker_gives_one_citation_per_number() {
    let got: Vec<(String, Option<&str>)> = link("Annex 2, Nos. 6 and 7 require a degree.")
        .into_iter()
        .map(|c| (c.text, c.id))
        .collect();
    assert_eq!(
        got,
        [
            ("Annex 2, Nos. 6".into(), Some("bj2022-a2/6")),
            ("7".into(), Some("bj2022-a2/7")),
        ]
    );
}

/// Regression (issue 18): a zero-width space split a citation in two. It is ignored inside the
/// citation, and the span still counts it, so the text slices back out of what was sent.
#[test]
fn format_characters_inside_a_citation_are_ignored_and_counted() {
    let text = "见附件1第二条\u{200b}第8项。";
    assert_eq!(
        spans(text),
        [(
            1,
            11,
            "附件1第二条\u{200b}第8项".into(),
            Status::Found,
            Some("bj2022-a1/2.8")
        )]
    );
}

/// Regression (issue 18): a letter's own enclosures were linked as our annexes; once one of our
/// documents is named in the sentence, its annex is ours again.
#[test]
fn a_passages_own_attachments_are_not_ours() {
    assert!(link("附件1：个人简历\n附件2：推荐信").is_empty());
    assert!(link("Annex 2 – Reference letter").is_empty());
    assert_eq!(
        ids("依据国科办才〔2022〕177号第一条，附件2：急需紧缺岗位。"),
        [Some("bj2022/1"), Some("bj2022-a2")]
    );
}
