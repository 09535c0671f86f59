//! Document identity lives in the corpus (issue 10): a corpus with a fifth document — its own
//! names, number and numbering in its front matter, a clause that adapts a national one — is cited
//! by those names with no change of code. The document is a test fixture, not a real text.

use talentdex::citation::{Citations, Status};
use talentdex::corpus::{self, SourceFile};
use talentdex::model::Corpus;

use crate::common::corpus_dir;

pub const FIFTH: &str = r#"+++
id = "tc2024"
title = { zh = "测试市外籍高端人才认定办法（试行）", en = "Test City Measures for Recognising Foreign High-End Talent (Trial)" }
short = { zh = "测试办法", en = "Test City Measures" }
issuer = { zh = "测试市科学技术局", en = "Test City Science and Technology Bureau" }
number = "测科发〔2024〕9号"
issued = 2024-01-02
effective = 2024-02-01
source = "a test fixture written for tests/citation/fifth_document.rs; not a real document"
translation = "unofficial"
citation = { zh = "测试办法", en = "Test City Measures" }
names = { zh = ["9号文", "测试市认定办法"], en = ["Ce Ke Fa [2024] No. 9"] }
common_names = { zh = ["办法"], en = ["Measures"] }
levels = [
  { kind = "category", zh = "第{zh}条", en = ", {roman}" },
  { kind = "item", zh = "第{n}项", en = ".{n}", title_zh = "第{n}项", title_en = "Item {n}" },
]
+++

# 测试办法 | Test City Measures

- zh: 符合以下条件之一的，认定为外籍高端人才。
- en: A person meeting one of the following conditions is recognised as foreign high-end talent.

## 1

- title.zh: 入选国内人才引进计划的
- title.en: Persons selected for domestic talent introduction programmes
- zh: 入选国内人才引进计划的外籍人才。
- en: Foreign talent selected for a domestic talent introduction programme.
- adapts: cn2017-a/1
- change: changed

## 2

- title.zh: 获得重要奖项的
- title.en: Winners of major awards

### 2.1

- zh: 获得诺贝尔奖的。
- en: Nobel Prize winners.

### 2.2

- zh: 获得图灵奖的。
- en: Turing Award winners.

### 2.3

- zh: 获得菲尔兹奖的。
- en: Fields Medal winners.
"#;

fn corpus_with_a_fifth_document() -> Corpus {
    let mut files: Vec<SourceFile> = std::fs::read_dir(corpus_dir())
        .expect("the corpus folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .filter(|p| p.file_name().is_some_and(|n| n != "FORMAT.md"))
        .map(|p| SourceFile {
            name: p.file_name().unwrap().to_string_lossy().into_owned(),
            text: std::fs::read_to_string(&p).expect("readable"),
        })
        .collect();
    files.push(SourceFile {
        name: "tc2024.md".into(),
        text: FIFTH.into(),
    });
    corpus::from_sources(&files).expect("the corpus with a fifth document loads")
}

fn found(corpus: &Corpus, cite: &str) -> Option<String> {
    let r = Citations::new(corpus).resolve(cite).expect("a resolution");
    (r.status == Status::Found).then(|| r.id.unwrap_or_default().to_string())
}

#[test]
fn a_fifth_document_is_cited_by_the_names_in_its_front_matter() {
    let corpus = corpus_with_a_fifth_document();
    for (cite, id) in [
        ("测试办法第二条第3项", "tc2024/2.3"),
        ("《测试市外籍高端人才认定办法（试行）》第一条", "tc2024/1"),
        ("测科发〔2024〕9号第二条第1项", "tc2024/2.1"),
        ("9号文第二条第2项", "tc2024/2.2"),
        ("Ce Ke Fa [2024] No. 9, II.3", "tc2024/2.3"),
        (
            "Test City Measures for Recognising Foreign High-End Talent (Trial), II.1",
            "tc2024/2.1",
        ),
        ("item 2.2 of the Test City Measures", "tc2024/2.2"),
        ("办法第一条", "tc2024/1"),
        ("tc2024/2.3", "tc2024/2.3"),
    ] {
        assert_eq!(found(&corpus, cite).as_deref(), Some(id), "{cite}");
    }
    // Its common name alone is no citation in a passage; its clauses link, lists included.
    let links = Citations::new(&corpus)
        .link("按照办法规定，测试办法第二条第1至3项均可。")
        .expect("links");
    let ids: Vec<_> = links.citations.iter().map(|c| c.id).collect();
    assert_eq!(
        ids,
        [Some("tc2024/2.1"), Some("tc2024/2.2"), Some("tc2024/2.3")]
    );
    // The adaptation is linked both ways, and the other documents are cited as before.
    let national = corpus.clause("cn2017-a/1").expect("the national clause");
    assert!(national.related.iter().any(|r| r.id == "tc2024/1"));
    assert_eq!(
        found(&corpus, "附件1第二条第8项").as_deref(),
        Some("bj2022-a1/2.8")
    );
}
