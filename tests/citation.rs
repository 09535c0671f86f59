//! Citations: a table of citations in both languages with their expected status and IDs, the
//! round trip of every clause's own citation (and its whitespace, width and quote variants), then
//! passages (`link`), the HTTP API and property tests in the submodules.

mod api;
mod cases;
mod cli;
pub mod fifth_document;
mod link;
mod link_cli;
mod props;

use talentdex::citation::{self, CitationError, Status};

use crate::common::{citations, corpus};

use Status::{Ambiguous, Found, Invalid, NotFound};

/// (citation, expected status, expected candidate IDs in corpus order).
const TABLE: &[(&str, Status, &[&str])] = &[
    // Chinese, Annex 1: numerals, brackets, enumerations, widths, spaces, traditional markers.
    ("附件1第二条第8项", Found, &["bj2022-a1/2.8"]),
    ("附件一第二条第八项", Found, &["bj2022-a1/2.8"]),
    ("附件1（二）8", Found, &["bj2022-a1/2.8"]),
    ("附件１（二）８", Found, &["bj2022-a1/2.8"]),
    ("附件1 二、8", Found, &["bj2022-a1/2.8"]),
    ("附件1第二类第8项", Found, &["bj2022-a1/2.8"]),
    ("附件1，第二条，第8项", Found, &["bj2022-a1/2.8"]),
    ("附件 1 第 二 条 第 8 项", Found, &["bj2022-a1/2.8"]),
    ("附件1第二條第8項", Found, &["bj2022-a1/2.8"]),
    ("附件1第二条8.", Found, &["bj2022-a1/2.8"]),
    ("附件1第二条第十八项", Found, &["bj2022-a1/2.18"]),
    ("高精尖标准第二条第8项", Found, &["bj2022-a1/2.8"]),
    (
        "《北京市外籍“高精尖”人才认定标准（试行）》第三条第9项",
        Found,
        &["bj2022-a1/3.9"],
    ),
    ("通知附件1第二条第8项", Found, &["bj2022-a1/2.8"]),
    ("附件一", Found, &["bj2022-a1"]),
    ("附件1第六条", Found, &["bj2022-a1/6"]),
    // Chinese, Annex 2: posts and their parts by name.
    ("附件2第6项", Found, &["bj2022-a2/6"]),
    ("附件2序号6", Found, &["bj2022-a2/6"]),
    ("附件2 序号：6", Found, &["bj2022-a2/6"]),
    // Regression: the alias table's own names must be normalised too, or （试行） never matched.
    (
        "《北京市外籍\"急需紧缺\"人才岗位目录（试行）》第6项",
        Found,
        &["bj2022-a2/6"],
    ),
    (
        "《北京市外籍“急需紧缺”人才岗位目录（试行）》第6项",
        Found,
        &["bj2022-a2/6"],
    ),
    (
        "北京市外籍急需紧缺人才岗位目录第6项",
        Found,
        &["bj2022-a2/6"],
    ),
    ("「岗位目录」第6项", Found, &["bj2022-a2/6"]),
    ("“岗位目录”第六项", Found, &["bj2022-a2/6"]),
    ("附件2第6项职业能力要求", Found, &["bj2022-a2/6.1"]),
    ("附件2 第6项 专业学历要求", Found, &["bj2022-a2/6.2"]),
    ("附件2第1项从业资历要求", Found, &["bj2022-a2/1.3"]),
    ("附件2第8项从业经历要求", Found, &["bj2022-a2/8.3"]),
    ("附件2第25项其他要求", Found, &["bj2022-a2/25.4"]),
    ("国科办才〔2022〕177号附件2第6项", Found, &["bj2022-a2/6"]),
    ("岗位目录", Found, &["bj2022-a2"]),
    // Chinese, the notice: its number in every bracket style, and its short name.
    ("国科办才〔2022〕177号", Found, &["bj2022"]),
    ("国科办才[2022]177号", Found, &["bj2022"]),
    ("国科办才【2022】177号", Found, &["bj2022"]),
    ("国科办才（2022）177号", Found, &["bj2022"]),
    ("国科办才〔2022〕177号第三条", Found, &["bj2022/3"]),
    ("通知第三条", Found, &["bj2022/3"]),
    ("《通知》第一条", Found, &["bj2022/1"]),
    // Chinese, the national criteria.
    (
        "《外国人来华工作分类标准（试行）》A类（二）第8项",
        Found,
        &["cn2017-a/2.8"],
    ),
    ("分类标准（二）第8项", Found, &["cn2017-a/2.8"]),
    ("外专发〔2017〕40号（二）第8项", Found, &["cn2017-a/2.8"]),
    ("分类标准A类第四条第1项", Found, &["cn2017-a/4.1"]),
    // English.
    ("Annex 1, II(8)", Found, &["bj2022-a1/2.8"]),
    ("Annex 1 II.8", Found, &["bj2022-a1/2.8"]),
    ("Annex 1, Category II, item 8", Found, &["bj2022-a1/2.8"]),
    ("annex 1, category ii, item 8", Found, &["bj2022-a1/2.8"]),
    ("ANNEX 1 II.8", Found, &["bj2022-a1/2.8"]),
    ("Appendix 1, Section 2, Item 8", Found, &["bj2022-a1/2.8"]),
    ("Attachment 1, ii.8", Found, &["bj2022-a1/2.8"]),
    ("Annex 1, Ⅱ.8", Found, &["bj2022-a1/2.8"]),
    ("“Annex 1”, II.8", Found, &["bj2022-a1/2.8"]),
    ("Annex 1 to the Notice, VI", Found, &["bj2022-a1/6"]),
    ("Annex 2, No. 6", Found, &["bj2022-a2/6"]),
    ("Annex 2 item 6", Found, &["bj2022-a2/6"]),
    ("Annex 2, #6", Found, &["bj2022-a2/6"]),
    ("Annex 2 No 6", Found, &["bj2022-a2/6"]),
    ("Annex 2, post 6", Found, &["bj2022-a2/6"]),
    (
        "Annex 2, No. 6, ability requirements",
        Found,
        &["bj2022-a2/6.1"],
    ),
    (
        "Annex 2, No. 6, Occupational ability requirements",
        Found,
        &["bj2022-a2/6.1"],
    ),
    (
        "Annex 2, No. 6, Degree and field of study requirements",
        Found,
        &["bj2022-a2/6.2"],
    ),
    (
        "Annex 2, No. 25, other requirements",
        Found,
        &["bj2022-a2/25.4"],
    ),
    (
        "Beijing Catalogue of Posts for Urgently Needed Foreign Talent (Trial), No. 6",
        Found,
        &["bj2022-a2/6"],
    ),
    ("Notice art. 3", Found, &["bj2022/3"]),
    ("the Notice, article 3", Found, &["bj2022/3"]),
    ("Notice, Art. III", Found, &["bj2022/3"]),
    (
        "Notice Guo Ke Ban Cai [2022] No. 177, art. 3",
        Found,
        &["bj2022/3"],
    ),
    (
        "Guo Ke Ban Cai (2022) No. 177, art. 3",
        Found,
        &["bj2022/3"],
    ),
    (
        "Classification Standards for Foreigners Working in China, Category A, II.8",
        Found,
        &["cn2017-a/2.8"],
    ),
    (
        "National Category A criteria, III.9",
        Found,
        &["cn2017-a/3.9"],
    ),
    // English written outside in.
    ("Article 3 of the Notice", Found, &["bj2022/3"]),
    (
        "item 8 of Category II of Annex 1",
        Found,
        &["bj2022-a1/2.8"],
    ),
    ("No. 6 of Annex 2", Found, &["bj2022-a2/6"]),
    (
        "item 8 of Category II",
        Ambiguous,
        &["bj2022-a1/2.8", "cn2017-a/2.8"],
    ),
    // Canonical IDs resolve to themselves.
    ("bj2022-a1/2.8", Found, &["bj2022-a1/2.8"]),
    ("bj2022-a2/6.1", Found, &["bj2022-a2/6.1"]),
    ("bj2022/3", Found, &["bj2022/3"]),
    ("cn2017-a", Found, &["cn2017-a"]),
    // No document: every clause the numbering fits.
    ("第二条第8项", Ambiguous, &["bj2022-a1/2.8", "cn2017-a/2.8"]),
    ("（二）第8项", Ambiguous, &["bj2022-a1/2.8", "cn2017-a/2.8"]),
    ("II.8", Ambiguous, &["bj2022-a1/2.8", "cn2017-a/2.8"]),
    (
        "Category II, item 18",
        Ambiguous,
        &["bj2022-a1/2.18", "cn2017-a/2.18"],
    ),
    (
        "第三条",
        Ambiguous,
        &["bj2022/3", "bj2022-a1/3", "cn2017-a/3"],
    ),
    ("附件1第9项", Ambiguous, &["bj2022-a1/2.9", "bj2022-a1/3.9"]),
    (
        "第9项",
        Ambiguous,
        &[
            "bj2022-a1/2.9",
            "bj2022-a1/3.9",
            "bj2022-a2/9",
            "cn2017-a/2.9",
            "cn2017-a/3.9",
        ],
    ),
    // Well-formed, but no such clause.
    ("附件2第26项", NotFound, &[]),
    ("附件1第八条", NotFound, &[]),
    ("附件1第二条第19项", NotFound, &[]),
    ("附件1第六条第1项", NotFound, &[]),
    ("附件2第6项其他要求", NotFound, &[]),
    ("Annex 2, No. 0", NotFound, &[]),
    ("Annex 3", NotFound, &[]),
    ("附件3第1项", NotFound, &[]),
    ("Notice art. 4", NotFound, &[]),
    ("Notice, item 3", NotFound, &[]),
    ("bj2022-a1/9.9", NotFound, &[]),
    ("bj2099/1", NotFound, &[]),
    ("《民法典》第五条", NotFound, &[]),
    ("国发〔2021〕24号", NotFound, &[]),
    // Not a citation.
    ("hello", Invalid, &[]),
    ("附件", Invalid, &[]),
    ("Annex", Invalid, &[]),
    ("8", Invalid, &[]),
    ("第项", Invalid, &[]),
    ("第一千条", Invalid, &[]),
    ("BJ2022-A1/2.8", Invalid, &[]),
    ("附件1第二条第8项、第9项", Invalid, &[]),
    ("see Annex 1 please", Invalid, &[]),
    ("通知如下", Invalid, &[]),
    ("《》", Invalid, &[]),
];

#[test]
fn the_citation_table_resolves_as_expected() {
    assert!(TABLE.len() >= 60);
    let mut failures = Vec::new();
    for &(input, status, ids) in TABLE {
        let r = citations().resolve(input).expect("a resolution");
        let got: Vec<&str> = r.candidates.iter().map(|c| c.id).collect();
        let id_ok = match status {
            Found => r.id == Some(ids[0]),
            _ => r.id.is_none(),
        };
        if r.status != status || got != ids || !id_ok {
            failures.push(format!("{input}: {:?} {got:?} ({:?})", r.status, r.reason));
        }
        if matches!(status, NotFound | Invalid) {
            assert!(r.reason.is_some(), "{input}: a reason for {status:?}");
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_clause_citation_round_trips_in_both_languages() {
    let clauses = corpus().clauses();
    assert_eq!(clauses.len(), 184);
    for clause in clauses {
        for cite in [&clause.citation.zh, &clause.citation.en] {
            let r = citations().resolve(cite).expect("a resolution");
            assert_eq!(
                (r.status, r.id),
                (Found, Some(clause.id.as_str())),
                "{cite}: {:?}",
                r.reason
            );
        }
    }
}

/// Full-width forms of ASCII (`Annex 1` → `Ａｎｎｅｘ　１`), as a Chinese input method types them.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            ' ' => '\u{3000}',
            '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap(),
            _ => c,
        })
        .collect()
}

/// Whitespace and punctuation variants never change the answer.
#[test]
fn whitespace_width_and_quote_variants_never_change_the_answer() {
    for clause in corpus().clauses() {
        let zh = &clause.citation.zh;
        let en = &clause.citation.en;
        let variants = [
            zh.replace(' ', ""),
            zh.replace(' ', "  "),
            full_width(zh),
            format!(" “{zh}”。"),
            en.replace(' ', "\t"),
            en.replace(' ', "\u{a0}"),
            en.replace(", ", " "),
            full_width(en),
            format!("\"{en}\". "),
        ];
        for v in &variants {
            let r = citations().resolve(v).expect("a resolution");
            assert_eq!(r.id, Some(clause.id.as_str()), "{v:?}: {:?}", r.reason);
        }
    }
}

#[test]
fn empty_and_overlong_citations_are_errors_not_statuses() {
    for empty in ["", "   ", "\u{3000}\n"] {
        assert_eq!(citations().resolve(empty), Err(CitationError::Empty));
    }
    let long = "附".repeat(citation::MAX_CITE_CHARS + 1);
    assert!(matches!(
        citations().resolve(&long),
        Err(CitationError::CiteTooLong { .. })
    ));
    let passage = "x".repeat(citation::MAX_LINK_CHARS + 1);
    assert!(matches!(
        citations().link(&passage),
        Err(CitationError::TextTooLong { .. })
    ));
}
