//! The corpus: every clause of the SPEC's scheme, faithful text without the seeds' defects,
//! posts' structured requirements read from their text, and a broken corpus refused with its line.

use std::collections::BTreeSet;

use talentdex::model::{Change, Degree, Kind};
use unicode_normalization::UnicodeNormalization;

use crate::common::corpus as real;

const GOLDEN_IDS: &str = include_str!("golden/clause_ids.txt");

/// The IDs the SPEC's scheme calls for, built independently of the corpus.
fn scheme_ids() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut add = |doc: &str, paths: Vec<String>| {
        ids.insert(doc.to_string());
        ids.extend(paths.into_iter().map(|p| format!("{doc}/{p}")));
    };
    let items = |cat: u32, n: u32| (1..=n).map(move |i| format!("{cat}.{i}"));
    add("bj2022", (1..=3).map(|a| a.to_string()).collect());
    let a1 = (1..=7)
        .map(|c| c.to_string())
        .chain(items(2, 18))
        .chain(items(3, 9))
        .chain(items(4, 4))
        .chain(items(5, 2))
        .collect();
    add("bj2022-a1", a1);
    let a2 = (1..=25)
        .flat_map(|p| {
            let parts = if p == 25 { 4 } else { 3 };
            std::iter::once(p.to_string()).chain((1..=parts).map(move |k| format!("{p}.{k}")))
        })
        .collect();
    add("bj2022-a2", a2);
    let cn = (1..=6)
        .map(|c| c.to_string())
        .chain(items(2, 18))
        .chain(items(3, 9))
        .chain(items(4, 3))
        .collect();
    add("cn2017-a", cn);
    ids
}

#[test]
fn every_clause_id_of_the_scheme_exists_and_no_other() {
    let have: BTreeSet<String> = real().clauses().iter().map(|c| c.id.clone()).collect();
    assert_eq!(have, scheme_ids());
}

/// A change to the list of IDs must be deliberate: edit tests/golden/clause_ids.txt with it.
#[test]
fn clause_ids_match_the_golden_list_in_order() {
    let have: Vec<&str> = real().clauses().iter().map(|c| c.id.as_str()).collect();
    let golden: Vec<&str> = GOLDEN_IDS.lines().collect();
    assert_eq!(have, golden);
}

#[test]
fn every_clause_has_text_title_and_citation_in_both_languages() {
    for c in real().clauses() {
        for (what, pair) in [
            ("text", &c.text),
            ("title", &c.title),
            ("citation", &c.citation),
        ] {
            assert!(!pair.zh.trim().is_empty(), "{} has no zh {what}", c.id);
            assert!(!pair.en.trim().is_empty(), "{} has no en {what}", c.id);
        }
        assert!(
            c.text.en.is_ascii()
                || c.text
                    .en
                    .chars()
                    .all(|ch| !('\u{4E00}'..='\u{9FFF}').contains(&ch)),
            "{}: the English text holds Chinese characters",
            c.id
        );
    }
}

#[test]
fn kinds_and_citations_follow_each_documents_numbering() {
    let c = real();
    let kind = |id: &str| c.clause(id).unwrap().kind;
    assert_eq!(kind("bj2022"), Kind::Document);
    assert_eq!(kind("bj2022/3"), Kind::Article);
    assert_eq!(kind("bj2022-a1/2"), Kind::Category);
    assert_eq!(kind("bj2022-a1/2.8"), Kind::Item);
    assert_eq!(kind("bj2022-a2/6"), Kind::Post);
    assert_eq!(kind("bj2022-a2/6.1"), Kind::Requirement);
    let cite = |id: &str| c.clause(id).unwrap().citation.clone();
    assert_eq!(cite("bj2022-a1/2.8").zh, "附件1 第二条第8项");
    assert_eq!(cite("bj2022-a1/2.8").en, "Annex 1, II.8");
    assert_eq!(cite("bj2022-a2/6").en, "Annex 2, No. 6");
    assert_eq!(cite("bj2022/3").zh, "国科办才〔2022〕177号 第三条");
    assert_eq!(
        cite("cn2017-a/2.8").zh,
        "《外国人来华工作分类标准（试行）》A类（二）第8项"
    );
    let crumbs: Vec<&str> = c
        .breadcrumbs(c.clause("bj2022-a1/2.8").unwrap())
        .iter()
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(crumbs, ["bj2022-a1", "bj2022-a1/2"]);
    assert_eq!(
        c.clause("bj2022-a2/25").unwrap().children,
        [
            "bj2022-a2/25.1",
            "bj2022-a2/25.2",
            "bj2022-a2/25.3",
            "bj2022-a2/25.4"
        ]
    );
}

/// Words the scraped web page injected into the national text, and other marks of the seeds'
/// damage (PDF page headers, a truncated industry name, stray markup).
const SEED_DEFECTS: [&str; 14] = [
    "归化",
    "凌",
    "谷爱",
    "国籍法",
    "入籍",
    "还是",
    "美国成就",
    "科教类美国",
    "外外国人",
    "<p>",
    "</p>",
    "序号\t",
    "版权声明",
    "123456@qq.com",
];

fn normalised(s: &str) -> String {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn no_seed_defect_survives_in_any_text() {
    for c in real().clauses() {
        let mut texts = vec![&c.text.zh, &c.text.en, &c.title.zh, &c.title.en];
        if let Some(p) = &c.post {
            texts.extend([&p.industry.zh, &p.industry.en]);
        }
        for t in texts {
            for defect in SEED_DEFECTS {
                assert!(!t.contains(defect), "{}: `{defect}` in {t}", c.id);
            }
            // Spaces between Chinese and digits or Latin words were PDF artefacts. (A space
            // between two Chinese names, as in "国家外专局 人力资源社会保障部", is official style.)
            let chars: Vec<char> = t.chars().collect();
            for w in chars.windows(3) {
                let (a, b) = (w[0], w[2]);
                let han = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
                let mixed =
                    (han(a) && b.is_ascii_alphanumeric()) || (a.is_ascii_alphanumeric() && han(b));
                assert!(
                    !(w[1] == ' ' && mixed),
                    "{}: a space between Chinese and Latin in {t}",
                    c.id
                );
            }
        }
        // Chinese punctuation is full-width (a URL is the one exception).
        let zh = c.text.zh.split("http").next().unwrap_or_default();
        for ch in ['(', ')', ':', ';', ','] {
            assert!(
                !zh.contains(ch),
                "{}: half-width `{ch}` in the Chinese: {zh}",
                c.id
            );
        }
    }
    let industries: BTreeSet<&str> = real()
        .posts()
        .map(|p| p.post.as_ref().unwrap().industry.zh.as_str())
        .collect();
    assert!(industries.contains("软件和信息服务业"), "{industries:?}");
    assert!(!industries.contains("软件和信息服"));
    assert!(industries.iter().all(|i| !i.is_empty()));
}

#[test]
fn post_names_split_by_page_breaks_are_whole() {
    let name = |n| real().post(n).unwrap().title.zh.clone();
    assert_eq!(name(5), "集成电路材料研发工程师");
    assert_eq!(name(6), "芯片设计工程师");
    assert_eq!(real().post(6).unwrap().title.en, "Chip Design Engineer");
}

#[test]
fn structured_requirements_of_all_25_posts() {
    let posts: Vec<_> = real().posts().map(|c| c.post.as_ref().unwrap()).collect();
    assert_eq!(posts.len(), 25);
    for p in posts {
        let r = &p.requirements;
        let degree = match p.number {
            3 | 17 | 18 => Degree::Doctorate,
            14 | 24 => Degree::Master,
            _ => Degree::Bachelor,
        };
        assert_eq!(r.degree, degree, "post {}", p.number);
        assert!(r.equivalent_accepted, "post {}", p.number);
        let qualification = matches!(p.number, 21 | 22 | 23 | 25);
        assert_eq!(r.qualification_required, qualification, "post {}", p.number);
        assert_eq!(r.years_experience, 2, "post {}", p.number);
        assert!(
            !r.majors.is_empty() && !r.experience_field.zh.is_empty(),
            "post {}",
            p.number
        );
        assert!(
            r.abilities.len() >= 3,
            "post {}: {} ability items",
            p.number,
            r.abilities.len()
        );
        assert_eq!(r.other.is_empty(), p.number != 25, "post {}", p.number);
    }
    let chip = real().post(6).unwrap().post.as_ref().unwrap();
    let majors: Vec<&str> = chip
        .requirements
        .majors
        .iter()
        .map(|m| m.zh.as_str())
        .collect();
    assert_eq!(majors, ["电子", "计算机", "自动化"]);
    assert_eq!(chip.requirements.experience_field.zh, "芯片设计");
    let physics = real().post(3).unwrap().post.as_ref().unwrap();
    assert_eq!(physics.requirements.majors[0].zh, "物理学");
    assert_eq!(physics.requirements.majors[0].en, "physics");
}

/// Strip the national text's references to its explanatory notes, which Beijing dropped.
fn without_notes(s: &str) -> String {
    let n = normalised(s);
    let mut out = String::new();
    let mut rest = n.as_str();
    while let Some(start) = rest.find("(见成就标准说明") {
        out.push_str(&rest[..start]);
        rest = rest[start..].split_once(')').map_or("", |(_, r)| r);
    }
    out.push_str(rest);
    out
}

#[test]
fn adaptation_links_go_both_ways_and_say_truly_whether_beijing_changed_the_wording() {
    let c = real();
    let mut adapted = 0;
    for clause in c.clauses_of("bj2022-a1") {
        let Some(change) = clause.change else {
            assert_eq!(
                clause.kind,
                Kind::Document,
                "{} says nothing of its origin",
                clause.id
            );
            continue;
        };
        let Some(link) = clause.related.first() else {
            assert_eq!(change, Change::Added, "{}", clause.id);
            continue;
        };
        adapted += 1;
        let national = c.clause(&link.id).unwrap();
        assert!(
            national.related.iter().any(|r| r.id == clause.id),
            "{} ↔ {}",
            clause.id,
            link.id
        );
        let same_text = without_notes(&clause.text.zh) == without_notes(&national.text.zh);
        let same_title = clause.kind == Kind::Item
            || without_notes(&clause.title.zh) == without_notes(&national.title.zh);
        let differs = !(same_text && same_title);
        // Beijing moved the national category 5's text into its item 5.1: compare titles there.
        if clause.id == "bj2022-a1/5" {
            assert_eq!(change, Change::Unchanged);
            continue;
        }
        assert_eq!(
            differs,
            change == Change::Changed,
            "{}: change is {change:?}",
            clause.id
        );
    }
    assert!(adapted >= 35, "only {adapted} adapted clauses");
    for (id, national) in [
        ("bj2022-a1/2.9", "cn2017-a/2.9"),
        ("bj2022-a1/5.1", "cn2017-a/5"),
    ] {
        assert_eq!(c.clause(id).unwrap().related[0].id, national);
    }
    for added in ["bj2022-a1/4.4", "bj2022-a1/5.2", "bj2022-a1/7"] {
        assert_eq!(c.clause(added).unwrap().change, Some(Change::Added));
    }
}

#[test]
fn award_names_are_standard_and_mistranslations_only_aliases() {
    let item = real().clause("cn2017-a/2.2").unwrap();
    for name in [
        "Wolf Prize in Mathematics",
        "Crafoord Prize",
        "Japan Prize",
        "Kyoto Prize",
        "Shaw Prize",
        "Lasker Award",
        "Copley Medal",
        "Fields Medal",
        "Abel Prize",
        "Turing Award",
        "National Medal of Science",
        "National Medal of Technology and Innovation",
        "CNRS",
    ] {
        assert!(item.text.en.contains(name), "missing {name}");
    }
    for wrong in ["Crawford", "Wolff"] {
        assert!(!item.text.en.contains(wrong), "{wrong} in the text");
        assert!(
            item.aliases.iter().any(|a| a.contains(wrong)),
            "{wrong} not an alias"
        );
    }
}

mod refusals;
mod wording;
