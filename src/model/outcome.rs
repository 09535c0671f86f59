//! Model: the outcome of judging a rule — met, not met or unknown — shared by eligibility, which
//! decides it, and the answers of search and the front ends, which carry it.

use serde::Serialize;

/// met, not_met, or unknown (a needed fact was not given, or the rule leaves it to judgement).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
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
