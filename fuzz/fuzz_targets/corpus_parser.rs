//! Fuzz target: the corpus parser must refuse any file with an error, never panic. The input is
//! a whole corpus file; a valid front matter is prepended half the time so the fuzzer reaches
//! the clause parser and not only the TOML.
#![no_main]

use libfuzzer_sys::fuzz_target;
use talentdex::corpus::{SourceFile, from_sources};

const FRONT: &str = "+++\nid = \"f\"\ntitle = { zh = \"题\", en = \"T\" }\nshort = { zh = \"短\", en = \"S\" }\nissuer = { zh = \"发\", en = \"I\" }\nnumber = \"1号\"\nissued = 2022-12-30\neffective = 2023-01-01\nsource = \"fuzz\"\ntranslation = \"unofficial\"\ncitation = { zh = \"测\", en = \"T\" }\nlevels = [{ kind = \"post\", zh = \"第{n}项\", en = \", No. {n}\" }, { kind = \"requirement\", zh = \" {title}\", en = \", {title}\" }]\n+++\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (prefix, body) = match text.strip_prefix('!') {
        Some(rest) => (FRONT, rest),
        None => ("", text),
    };
    let file = SourceFile { name: "f.md".into(), text: format!("{prefix}{body}") };
    let _ = from_sources(&[file]);
});
