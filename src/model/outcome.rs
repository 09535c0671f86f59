//! Model: the one verdict kind — met, not met, unknown — shared by eligibility (which decides it)
//! and by search and the front ends (which carry and show it).

use serde::{Deserialize, Serialize};

use super::Bilingual;

/// met, not_met, or unknown (a needed fact was not given, or the rule leaves it to judgement).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Met,
    NotMet,
    Unknown,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Met => "met",
            Outcome::NotMet => "not_met",
            Outcome::Unknown => "unknown",
        }
    }

    /// The verdict in words, as the pages show it: 符合 met, 不符合 not met, 待定 unknown.
    pub fn words(self) -> Bilingual {
        match self {
            Outcome::Met => Bilingual::new("符合", "met"),
            Outcome::NotMet => Bilingual::new("不符合", "not met"),
            Outcome::Unknown => Bilingual::new("待定", "unknown"),
        }
    }

    /// Where a list sorted for reading puts it: met first, then unknown, then not met.
    pub fn reading_order(self) -> u8 {
        match self {
            Outcome::Met => 0,
            Outcome::Unknown => 1,
            Outcome::NotMet => 2,
        }
    }

    /// All conditions together: not met if any is not met, met only if all are, else unknown.
    pub fn all(outcomes: impl IntoIterator<Item = Outcome>) -> Outcome {
        let mut result = Outcome::Met;
        for o in outcomes {
            match o {
                Outcome::NotMet => return Outcome::NotMet,
                Outcome::Unknown => result = Outcome::Unknown,
                Outcome::Met => {}
            }
        }
        result
    }

    /// Either condition: met if any is met, not met only if all are not met, else unknown.
    pub fn any(outcomes: impl IntoIterator<Item = Outcome>) -> Outcome {
        let mut result = Outcome::NotMet;
        for o in outcomes {
            match o {
                Outcome::Met => return Outcome::Met,
                Outcome::Unknown => result = Outcome::Unknown,
                Outcome::NotMet => {}
            }
        }
        result
    }
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_combine_all_and_any() {
        use Outcome::*;
        assert_eq!(Outcome::all([Met, Met]), Met);
        assert_eq!(Outcome::all([Met, Unknown]), Unknown);
        assert_eq!(Outcome::all([Unknown, NotMet]), NotMet);
        assert_eq!(Outcome::any([NotMet, Met]), Met);
        assert_eq!(Outcome::any([NotMet, Unknown]), Unknown);
        assert_eq!(Outcome::any([NotMet, NotMet]), NotMet);
    }
}
