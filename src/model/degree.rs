//! Model: degree levels (none < bachelor < master < doctorate), shared by the catalogue's
//! requirements (`post`, `post_text`) and everything that judges or shows them.

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
