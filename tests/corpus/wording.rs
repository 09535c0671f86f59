//! The official wording beyond the seeds (issue 17): the national text where a public copy of the
//! annex corrects the scraped page, English that names things by their names, one spelling, and
//! the `change` markers recomputed from the texts.

use std::collections::BTreeSet;

use talentdex::model::{Bilingual, Change, Clause, Kind, PostPartKind};

use super::{normalised, without_notes};
use crate::common::corpus as real;

/// The opening of Category A in every public copy of the annex of 外专发〔2017〕40号 found
/// (see cn2017-a's `source`).
const CATEGORY_A_OPENING: &str = "中国经济社会发展急需的科学家、科技领军人才、国际企业家、专门特殊人才等“高精尖缺”外国高端人才，符合国家引进外国人才重点和目录及以下条件之一的，确定为A类，实行“绿色通道”和“容缺受理”服务。";

/// A change of at most this many characters on each side, in one place, is a change of one word.
const ONE_WORD_CHARS: usize = 2;

/// Every text of the corpus beside its English: clause texts and titles, document names.
fn pairs() -> Vec<(String, &'static Bilingual)> {
    let c = real();
    let mut out: Vec<(String, &Bilingual)> = Vec::new();
    for clause in c.clauses() {
        out.push((format!("{} text", clause.id), &clause.text));
        out.push((format!("{} title", clause.id), &clause.title));
    }
    for d in c.documents() {
        out.push((format!("{} title", d.id), &d.title));
        out.push((format!("{} short", d.id), &d.short));
        out.push((format!("{} citation", d.id), &d.citation));
    }
    out
}

// The seed web page opened Category A with the work-permit service guide's definition; the annex
// opens with a sentence that adds a condition (符合国家引进外国人才重点和目录) and sets no age rule.
#[test]
fn national_category_a_opens_with_the_annexs_own_sentence() {
    let doc = real().clause("cn2017-a").unwrap();
    assert_eq!(doc.text.zh, CATEGORY_A_OPENING);
    assert!(
        doc.text
            .en
            .contains("national priorities and catalogue for introducing foreign talent"),
        "{}",
        doc.text.en
    );
    for gone in ["restrictions on age", "work experience"] {
        assert!(!doc.text.en.contains(gone), "`{gone}` in {}", doc.text.en);
    }
    let source = &real().document("cn2017-a").unwrap().source;
    for copy in ["dgstb.dg.gov.cn", "oiolaw.com", "beijing.gov.cn"] {
        assert!(source.contains(copy), "source does not name {copy}");
    }
    assert!(
        source.contains("2.11 to 2.18") && source.contains("could not be checked"),
        "source must say which items no public copy confirms: {source}"
    );
}

// The scraped page's own pointers ("具体见…（参阅…官网http://…）") are not the standard's wording.
#[test]
fn no_clause_carries_a_web_pages_pointer() {
    for c in real().clauses() {
        for t in [&c.text.zh, &c.text.en] {
            assert!(!t.contains("http"), "{}: a URL in {t}", c.id);
        }
        assert!(!c.text.zh.contains("参阅"), "{}: {}", c.id, c.text.zh);
    }
    let six = real().clause("cn2017-a/6").unwrap();
    assert_eq!(six.text, six.title, "item 6 is its title");
}

#[test]
fn the_work_permit_system_has_its_own_name() {
    let mut named = 0;
    for (what, pair) in pairs() {
        assert!(
            !pair.en.contains("Work Management Service System"),
            "{what}"
        );
        if pair.zh.contains("外国人来华工作管理服务系统") {
            named += 1;
            assert!(
                pair.en
                    .contains("Service System for Foreigners Working in China"),
                "{what}: {}",
                pair.en
            );
        }
    }
    assert!(named >= 1, "bj2022-a1/7 names the system");
}

/// English with the national text's "(see Note N to the Achievement Standards)" removed.
fn without_note_refs(en: &str) -> String {
    let mut out = String::new();
    let mut rest = en;
    while let Some(start) = rest.find(" (see Note ") {
        out.push_str(&rest[..start]);
        rest = rest[start..].split_once(')').map_or("", |(_, r)| r);
    }
    out + rest
}

// 法国全国科研中心 / 法国全国研究中心 is one body; 英国皇家金质奖章 does not say whose medal.
#[test]
fn both_award_lists_name_the_awards_alike_and_choose_nothing_silently() {
    let national = real().clause("cn2017-a/2.2").unwrap();
    let beijing = real().clause("bj2022-a1/2.2").unwrap();
    for item in [national, beijing] {
        let en = &item.text.en;
        assert!(
            en.contains("French National Centre for Scientific Research (CNRS)"),
            "{}: {en}",
            item.id
        );
        assert!(
            en.contains("the Royal Gold Medal (UK)"),
            "{}: {en}",
            item.id
        );
        for wrong in [
            "CNRS Medal",
            "Royal Medal",
            "French National Research Centre",
        ] {
            assert!(!en.contains(wrong), "{}: `{wrong}` in {en}", item.id);
        }
        // Readings the Chinese does not state are marked as ours.
        assert!(
            en.contains("[Translator's note: usually read as the CNRS Gold Medal]"),
            "{}",
            item.id
        );
    }
    assert_eq!(without_note_refs(&national.text.en), beijing.text.en);
}

// 高精尖 is Beijing's label, 高端 the national Category A one: the English keeps them apart.
#[test]
fn gaojingjian_and_gaoduan_have_distinct_english() {
    for (what, pair) in pairs() {
        let en = pair.en.to_lowercase();
        if pair.zh.contains("高精尖") {
            assert!(en.contains("top-notch"), "{what}: {}", pair.en);
        }
        assert_eq!(
            pair.zh.contains("高端"),
            en.contains("high-end"),
            "{what}: 高端 is “high-end” and nothing else is: {}",
            pair.en
        );
    }
}

/// American spellings whose British form the corpus uses (`recognised`, `centre`, `programme`).
const AMERICAN: [&str; 9] = [
    "center",
    "centers",
    "analog",
    "color",
    "labor",
    "catalog",
    "program",
    "programs",
    "practicing",
];
/// Words ending in -ize that are not -ise verbs.
const NOT_ISE: [&str; 5] = ["size", "sized", "sizes", "prize", "prizes"];

// One spelling convention across the four documents: British, as most of the English already
// was. Official names keep theirs (International Organization for Standardization), so
// capitalised words are not checked.
#[test]
fn the_english_spells_british() {
    let suffixes = [
        "ize", "izes", "ized", "izing", "ization", "izations", "izer", "izers", "yze", "yzes",
        "yzed", "yzing", "yzer", "yzers",
    ];
    let mut post_texts: Vec<(String, &Bilingual)> = Vec::new();
    for p in real().posts() {
        post_texts.push((p.id.clone(), &p.post.as_ref().unwrap().industry));
    }
    for (what, pair) in pairs().into_iter().chain(post_texts) {
        for word in pair.en.split(|c: char| !c.is_ascii_alphabetic()) {
            if !word.starts_with(|c: char| c.is_ascii_lowercase()) || NOT_ISE.contains(&word) {
                continue;
            }
            let american = AMERICAN.contains(&word) || suffixes.iter().any(|s| word.ends_with(s));
            assert!(!american, "{what}: American `{word}` in {}", pair.en);
        }
    }
}

// "or related" widens a post's majors or field; the English says it only where the Chinese
// says 等.
#[test]
fn or_related_only_where_the_chinese_says_deng() {
    let mut fields = 0;
    let parts = real()
        .posts()
        .flat_map(|p| p.post.as_ref().unwrap().parts.iter())
        .filter(|p| matches!(p.part, PostPartKind::Education | PostPartKind::Experience));
    for part in parts {
        let (zh, en) = (&part.text.zh, &part.text.en);
        for (deng, or_related) in [
            ("等相关工作", "or related work"),
            ("等相关专业", "or related fields"),
        ] {
            if zh.contains(deng.trim_start_matches('等')) {
                fields += 1;
                assert_eq!(
                    zh.contains(deng),
                    en.contains(or_related),
                    "{}: {zh} / {en}",
                    part.id
                );
            }
        }
    }
    assert!(fields >= 50, "only {fields} fields checked");
    let clinical = real().clause("bj2022-a2/25.3").unwrap();
    assert!(
        clinical
            .text
            .en
            .ends_with("in work related to clinical diagnosis and treatment."),
        "{}",
        clinical.text.en
    );
    let post = real().post(25).unwrap().post.as_ref().unwrap();
    let experience = post
        .checks
        .iter()
        .find(|c| c.id == "bj2022-a2/25.3" && c.requirement.zh.contains("工作经历"))
        .unwrap();
    assert!(
        !experience.requirement.zh.contains('等'),
        "{:?}",
        experience
    );
    assert!(
        !experience.requirement.en.contains("or related"),
        "{:?}",
        experience
    );
}

/// Where two texts differ: the parts left after their common start and end (by characters).
fn differing_middle(a: &str, b: &str) -> (String, String) {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let start = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let end = a[start..]
        .iter()
        .rev()
        .zip(b[start..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (
        a[start..a.len() - end].iter().collect(),
        b[start..b.len() - end].iter().collect(),
    )
}

/// The wordings a `change` compares: the text, and for categories and posts the title, without
/// the national text's note references.
fn compared(c: &Clause) -> [String; 2] {
    let title = if c.kind == Kind::Item {
        String::new()
    } else {
        without_notes(&c.title.zh)
    };
    [title, without_notes(&c.text.zh)]
}

// A change of one word in one place is marked "wording only", and nothing else is.
#[test]
fn one_word_changes_and_only_they_are_marked_wording_only() {
    let c = real();
    let mut marked = BTreeSet::new();
    for clause in c.clauses_of("bj2022-a1") {
        if clause.wording_only {
            marked.insert(clause.id.as_str());
            assert_eq!(clause.change, Some(Change::Changed), "{}", clause.id);
        }
        let Some(link) = clause.related.first() else {
            continue;
        };
        // Beijing moved the national category 5's text into its item 5.1.
        if clause.id == "bj2022-a1/5" || clause.change != Some(Change::Changed) {
            continue;
        }
        let national = c.clause(&link.id).unwrap();
        let changes: Vec<(String, String)> = compared(national)
            .iter()
            .zip(compared(clause).iter())
            .map(|(old, new)| differing_middle(old, new))
            .collect();
        let one_word = changes.iter().all(|(old, new)| {
            old.chars().count() <= ONE_WORD_CHARS && new.chars().count() <= ONE_WORD_CHARS
        });
        assert_eq!(clause.wording_only, one_word, "{}: {changes:?}", clause.id);
    }
    let expected: BTreeSet<&str> = [
        "bj2022-a1/1",
        "bj2022-a1/2.2",
        "bj2022-a1/2.14",
        "bj2022-a1/6",
    ]
    .into_iter()
    .collect();
    assert_eq!(marked, expected);
    // The national 2.14 keeps the seed's 出演: no public copy says otherwise.
    let national = c.clause("cn2017-a/2.14").unwrap();
    assert!(normalised(&national.text.zh).contains("以个人专场出演"));
}

// Renaming a document's English (高精尖 is no longer "high-end") must not make its title
// uncitable: every document is found by its own title in both languages.
#[test]
fn every_document_is_cited_by_its_own_titles() {
    let citations = talentdex::citation::Citations::new(real());
    for d in real().documents() {
        for title in [&d.title.zh, &d.title.en] {
            let r = citations.resolve(title).unwrap();
            assert_eq!(r.id, Some(d.id.as_str()), "{title}: {:?}", r.status);
        }
    }
}
