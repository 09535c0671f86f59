//! talentdex: bilingual search, citation and eligibility over Beijing's foreign high-end (Category
//! A) and urgently needed talent rules. The pipeline: `corpus` (Markdown) → `model` → `analysis` →
//! `index` → `search` / `eligibility` / `citation` / `compare` → `app` → `web` / `cli` / `mcp`.
//! The application layer (`app`) is the one door the front ends use.

pub mod analysis;
pub mod app;
pub mod citation;
pub mod cli;
pub mod compare;
pub mod corpus;
pub mod eligibility;
pub mod index;
pub mod logging;
pub mod mcp;
pub mod model;
pub mod search;
pub mod web;

/// The allocator of every program built on this crate — the service, the tests, the benches, so
/// a bench measures what the service runs. A search allocates many small short-lived vectors
/// (tokens, terms, scorers, snippets); mimalloc serves them faster than the system allocator
/// (figures in `docs/figures.md`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
