//! Citation, shared vocabulary: the statuses a citation resolves to and what the grammar reads
//! (components, document references, lists and ranges) — types only, imported by every step and
//! importing none of them, so the steps form no circle.

use std::ops::Range;

use serde::Serialize;

/// How a citation resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Exactly one clause.
    Found,
    /// Several clauses; all are candidates.
    Ambiguous,
    /// A well-formed citation of no clause talentdex holds.
    NotFound,
    /// Not a citation.
    Invalid,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Found => "found",
            Status::Ambiguous => "ambiguous",
            Status::NotFound => "not_found",
            Status::Invalid => "invalid",
        }
    }
}

/// The level a component marks, from its form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    /// An article or category: 第二条, （二）, 二、, II, Category II, art. 3.
    Division,
    /// An item or post: 第8项, 序号8, item 8, No. 6, #6.
    Item,
    /// A post's requirement part, by name: 职业能力要求.
    Part,
    /// A paragraph, 第二款: an item where the document numbers items; below the document's
    /// deepest numbering, a paragraph of the clause cited (`通知第三条第二款` is article 3).
    Paragraph,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Component {
    pub n: u32,
    /// `None` for a bare number, which takes the next level down.
    pub level: Option<Level>,
    /// Whether the level word is one writers use loosely (`条`, `项`, `款`, `目`): where the
    /// document's levels do not fit the words, the numbers nest in the order written.
    pub loose: bool,
}

/// One clause number of a list or range inside one marker (`第11、12项`, `Nos. 15 through 17`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Member {
    pub n: u32,
    /// Where the number is written, in normalised characters; for a number a range does not
    /// write out (the 3 of `2至4`), the range's span.
    pub span: Range<usize>,
}

/// The members of the one component of a citation that is a list or range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct List {
    /// Which component the members replace.
    pub index: usize,
    pub members: Vec<Member>,
}

/// Which document a citation names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DocRef {
    /// A document ID: from the names in the corpus, an annex number or written as an ID.
    Id(String),
    /// A document we do not hold (《民法典》, 国发〔2021〕24号, 附件3, the passage's own
    /// `附件2：推荐信`), by what was written.
    Unknown(String),
}

/// Whether the input is one citation (resolve) or a passage citations are found in (link).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Whole,
    Passage,
}

/// A citation read from the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub span: Range<usize>,
    pub doc: Option<DocRef>,
    pub components: Vec<Component>,
    /// A list or range inside one marker, expanded into one citation per member by `link`.
    pub list: Option<List>,
    /// What the document part says beyond which document it is.
    pub doc_kind: DocKind,
}

/// How the document part of a citation was written, where that matters to `link`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum DocKind {
    #[default]
    Plain,
    /// A common word (通知, Notice) with no clause after it: names the document for the sentence,
    /// but is not a citation.
    CommonAlone,
    /// An annex number followed by a colon or dash and a title (`附件2：推荐信`, `Annex 2 – CV`):
    /// the passage's own attachment, unless one of our documents is named in the sentence.
    Heading,
}
