//! talentdex: bilingual search, citation and eligibility over Beijing's foreign high-end (Category
//! A) and urgently needed talent rules. The pipeline: `corpus` (Markdown) → `model` → `citation` →
//! `web`, with `cli` at the edge.

pub mod citation;
pub mod cli;
pub mod compare;
pub mod corpus;
pub mod eligibility;
pub mod logging;
pub mod model;
pub mod web;
