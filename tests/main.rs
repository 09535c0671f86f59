//! The integration tests: one binary, a module per feature. The browser tests are a target of
//! their own (tests/browser.rs, feature `browser-tests`), so this one needs only Rust.

mod common;

mod api;
mod app;
mod citation;
mod cli;
mod compare;
mod contract;
mod corpus;
mod eligibility;
mod mcp;
mod openapi;
mod ops;
mod pages;
mod relevance;
mod relevance_people;
mod search;
mod shared_links;
