//! The `talentdex` binary as a newcomer runs it: installed, from a folder with no corpus around,
//! piped into other tools (issue 14).

use std::io::Read;
use std::process::{Command, Output, Stdio};

/// Run the built binary in an empty temporary directory, without the corpus variables.
fn talentdex(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().expect("a temporary folder");
    Command::new(env!("CARGO_BIN_EXE_talentdex"))
        .args(args)
        .current_dir(dir.path())
        .env_remove("TALENTDEX_CORPUS")
        .env_remove("TALENTDEX_INDEX")
        .env_remove("RUST_LOG")
        .output()
        .expect("talentdex runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Why: from any folder but the repository every command failed with "cannot read corpus
/// corpus"; the corpus is now built into the binary and its index built in memory.
#[test]
fn the_binary_works_from_a_folder_with_no_corpus() {
    let out = talentdex(&["search", "chip", "design", "--limit", "1"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("chip design — "),
        "unquoted words are one query: {stdout}"
    );
    assert!(stdout.contains("bj2022-a2/6"), "{stdout}");
    // Read commands log nothing at INFO by default, and a pipe gets no colour.
    assert_eq!(text(&out.stderr), "", "nothing on stderr");
    assert!(!stdout.contains('\x1b'), "no ANSI escapes into a pipe");
    let dir_left = talentdex(&["clauses", "--doc", "bj2022"]);
    assert!(dir_left.status.success(), "{}", text(&dir_left.stderr));
}

#[test]
fn a_corpus_directory_still_overrides_the_built_in_one() {
    let out = talentdex(&["--corpus", "no-such-corpus", "clauses"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("no-such-corpus"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn english_industry_names_are_accepted() {
    let out = talentdex(&[
        "search",
        "研发",
        "--industry",
        "integrated circuits",
        "--json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let results: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(
        results["total"].as_u64().is_some_and(|n| n > 0),
        "{results}"
    );
}

/// Why: `talentdex clause BJ2022-A2/6` and `talentdex serach` said nothing about what was meant.
#[test]
fn mistakes_get_a_did_you_mean() {
    let out = talentdex(&["clause", "BJ2022-A2/6"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("did you mean `bj2022-a2/6`?"),
        "{}",
        text(&out.stderr)
    );
    let out = talentdex(&["serach", "chip"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("'search'"),
        "{}",
        text(&out.stderr)
    );
}

/// Why: `talentdex clauses | head` printed "Broken pipe" and exited 1 (101 with stderr piped).
#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut child = Command::new(env!("CARGO_BIN_EXE_talentdex"))
        .args(["clauses", "--json"])
        .current_dir(dir.path())
        .env_remove("TALENTDEX_CORPUS")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("talentdex runs");
    // Close the reading end before the corpus has loaded: every write then meets a closed pipe.
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    let status = child.wait().expect("talentdex exits");
    assert!(status.success(), "{status}: {stderr}");
    assert_eq!(stderr, "");
}

/// Why: `--json`, `--limit`, `--offset` and `--doc` had no help text.
#[test]
fn flags_are_explained_in_help() {
    let out = talentdex(&["search", "-h"]);
    let help = text(&out.stdout);
    for flag in ["--json", "--limit", "--offset", "--doc"] {
        let line = help
            .lines()
            .find(|l| l.trim_start().starts_with(flag))
            .unwrap_or_else(|| panic!("{flag} missing: {help}"));
        // What is left once the flag, its value name and its default are taken away.
        let explained: String = line
            .split_whitespace()
            .filter(|w| {
                *w != flag && !w.starts_with('<') && !w.starts_with('[') && !w.ends_with(']')
            })
            .collect();
        assert!(
            explained.chars().any(char::is_alphabetic),
            "{flag} has no help text: {line}"
        );
    }
}
