//! Model: degree levels (none < bachelor < master < doctorate) and the one reader of degree
//! words, shared by the catalogue's requirements (`post`, `post_text`), eligibility and the pages.

use serde::{Deserialize, Serialize};

use super::Bilingual;

/// Degree levels, in order: none < bachelor < master < doctorate.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Degree {
    None,
    Bachelor,
    Master,
    Doctorate,
}

impl Degree {
    pub fn as_str(self) -> &'static str {
        match self {
            Degree::None => "none",
            Degree::Bachelor => "bachelor",
            Degree::Master => "master",
            Degree::Doctorate => "doctorate",
        }
    }

    /// The levels a post can require, lowest first (学士/硕士/博士 及以上).
    pub const REQUIRABLE: [Degree; 3] = [Degree::Bachelor, Degree::Master, Degree::Doctorate];

    /// Read a degree word (case-insensitive) of [`DEGREE_WORDS`], or say which words there are.
    pub fn parse(word: &str) -> Result<Degree, String> {
        let w = word.trim().to_lowercase();
        DEGREE_WORDS
            .iter()
            .find(|(name, _)| *name == w)
            .map(|&(_, d)| d)
            .ok_or_else(|| {
                let names: Vec<&str> = DEGREE_WORDS.iter().map(|(n, _)| *n).collect();
                format!("unknown degree `{word}`; use one of {}", names.join(", "))
            })
    }

    /// The degree's name as printed in the catalogue (学士, 硕士, 博士) and in our English.
    pub fn names(self) -> Bilingual {
        match self {
            Degree::None => Bilingual::new("无学位", "no degree"),
            Degree::Bachelor => Bilingual::new("学士", "bachelor's"),
            Degree::Master => Bilingual::new("硕士", "master's"),
            Degree::Doctorate => Bilingual::new("博士", "doctoral"),
        }
    }
}

/// The words a degree is given by: the SPEC's four and the Chinese degree names.
pub const DEGREE_WORDS: [(&str, Degree); 8] = [
    ("none", Degree::None),
    ("bachelor", Degree::Bachelor),
    ("master", Degree::Master),
    ("doctorate", Degree::Doctorate),
    ("无", Degree::None),
    ("学士", Degree::Bachelor),
    ("硕士", Degree::Master),
    ("博士", Degree::Doctorate),
];
