//! The integration tests: one binary, a module per feature.

mod common;

mod api;
mod corpus;
mod relevance;
mod search;
