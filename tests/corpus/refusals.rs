//! A broken corpus is refused whole, with the file, the line and what is wrong.

use talentdex::corpus::{self, CorpusError, SourceFile};

const FRONT: &str = "+++\nid = \"t\"\ntitle = { zh = \"题\", en = \"T\" }\nshort = { zh = \"短\", en = \"S\" }\nissuer = { zh = \"发\", en = \"I\" }\nnumber = \"1号\"\nissued = 2022-12-30\neffective = 2023-01-01\nsource = \"test\"\ntranslation = \"unofficial\"\ncitation = { zh = \"测\", en = \"T\" }\nLEVELS\n+++\n";
const POST_LEVELS: &str = "levels = [{ kind = \"post\", zh = \"第{n}项\", en = \", No. {n}\" }, { kind = \"requirement\", zh = \" {title}\", en = \", {title}\" }]";
const ITEM_LEVELS: &str = "levels = [{ kind = \"category\", zh = \"第{n}条\", en = \", {n}\" }]";

fn refuse(body: &str) -> (String, usize, String) {
    refuse_with(POST_LEVELS, body)
}

fn refuse_with(levels: &str, body: &str) -> (String, usize, String) {
    let text = format!("{}{body}", FRONT.replace("LEVELS", levels));
    let file = SourceFile {
        name: "t.md".into(),
        text,
    };
    match corpus::from_sources(&[file]) {
        Err(CorpusError::Invalid {
            file,
            line,
            problem,
        }) => (file, line, problem.to_string()),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

const FRONT_LINES: usize = 13;

#[test]
fn refuses_a_duplicate_id() {
    let (file, line, why) = refuse(
        "\n## 1\n\n- title.zh: 甲\n- title.en: A\n- industry.zh: 业\n- industry.en: I\n\n## 1\n",
    );
    assert_eq!((file.as_str(), line), ("t.md", FRONT_LINES + 9));
    assert!(why.contains("duplicate ID `t/1`"), "{why}");
}

#[test]
fn refuses_a_missing_language() {
    let (_, line, why) = refuse("\n## 1\n\n- title.zh: 甲\n- industry.zh: 业\n- industry.en: I\n");
    assert_eq!(line, FRONT_LINES + 2);
    assert!(why.contains("no en text"), "{why}");
}

#[test]
fn refuses_a_malformed_id() {
    let (_, line, why) = refuse("\n## 01\n");
    assert_eq!(line, FRONT_LINES + 2);
    assert!(why.contains("malformed clause ID `01`"), "{why}");
    let (_, _, why) = refuse("\n## 2.x\n");
    assert!(why.contains("malformed"), "{why}");
}

#[test]
fn refuses_an_unknown_document() {
    let (_, line, why) = refuse_with(
        ITEM_LEVELS,
        "\n## 1\n\n- title.zh: 甲\n- title.en: A\n- adapts: nowhere/1\n- change: changed\n",
    );
    assert_eq!(line, FRONT_LINES + 2);
    assert!(why.contains("unknown document `nowhere`"), "{why}");
}

// A `change` the loader does not know is refused with the values it accepts; "wording only" is a
// kind of `changed` and so needs the clause it adapts (issue 17).
#[test]
fn refuses_an_unknown_or_unanchored_change() {
    let (_, line, why) = refuse_with(
        ITEM_LEVELS,
        "\n## 1\n\n- title.zh: 甲\n- title.en: A\n- change: wording\n",
    );
    assert_eq!(line, FRONT_LINES + 6);
    assert!(
        why.contains("`wording`: expected unchanged, changed, changed (wording only) or added"),
        "{why}"
    );
    let (_, _, why) = refuse_with(
        ITEM_LEVELS,
        "\n## 1\n\n- title.zh: 甲\n- title.en: A\n- change: changed (wording only)\n",
    );
    assert!(why.contains("needs the clause it adapts"), "{why}");
}

#[test]
fn refuses_a_post_without_its_parts() {
    let (_, line, why) = refuse(
        "\n## 1\n\n- title.zh: 甲\n- title.en: A\n- industry.zh: 业\n- industry.en: I\n\n### 1.1\n\n- title.zh: 职业能力要求\n- title.en: Ability\n- zh: 甲\n- en: A\n",
    );
    assert_eq!(line, FRONT_LINES + 2);
    assert!(
        why.contains("post `t/1`: missing its part .2 (education), .3 (experience)"),
        "{why}"
    );
}

#[test]
fn refuses_stray_markup_and_unknown_fields() {
    let (_, line, why) = refuse("\n## 1\n\n- title.zh: 甲<p>\n");
    assert_eq!(line, FRONT_LINES + 4);
    assert!(why.contains("stray markup"), "{why}");
    let (_, line, why) = refuse("\n## 1\n\n- colour: red\n");
    assert_eq!(line, FRONT_LINES + 4);
    assert!(why.contains("unknown field `colour`"), "{why}");
}

#[test]
fn a_missing_corpus_directory_is_an_io_error_naming_it() {
    let err = corpus::load(std::path::Path::new("/nonexistent/corpus")).unwrap_err();
    assert!(err.to_string().contains("/nonexistent/corpus"), "{err}");
}
