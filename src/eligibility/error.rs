//! Eligibility (model → eligibility → web/cli): what can go wrong when facts are read or evaluated.
//! Every variant names the fact or clause it is about, so the web layer can answer a 400 that says
//! which field is wrong and how.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EligibilityError {
    /// The facts are not JSON at all (a file or body that does not parse).
    #[error("the facts are not JSON: {problem}")]
    NotJson { problem: String },

    /// The facts are JSON, but not an object of named facts.
    #[error("the facts must be a JSON object of named facts, not {found}")]
    NotAnObject { found: &'static str },

    /// A fact name the schema does not know (rejected, never ignored).
    #[error("unknown fact `{name}`; the facts are: {known}")]
    UnknownFact { name: String, known: String },

    /// A fact of the wrong type or out of range; `field` is its dotted name (`founder.share_percent`).
    #[error("{field}: {problem}")]
    InvalidFact { field: String, problem: String },

    /// `post` names a post the catalogue does not have.
    #[error("post: there is no post {number}; the catalogue has posts 1-{count}")]
    UnknownPost { number: u32, count: usize },

    /// The corpus no longer says what a rule's constants assume (the text and the code disagree).
    #[error(
        "{id}: the corpus text no longer contains \"{expected}\"; the eligibility rule needs review"
    )]
    RuleDrift { id: String, expected: String },
}

impl EligibilityError {
    pub(crate) fn invalid(field: impl Into<String>, problem: impl Into<String>) -> Self {
        Self::InvalidFact {
            field: field.into(),
            problem: problem.into(),
        }
    }

    /// Whether the error is the caller's (bad facts) rather than the corpus's or the program's.
    pub fn is_bad_input(&self) -> bool {
        !matches!(self, Self::RuleDrift { .. })
    }
}
