//! The integration tests: one binary, a module per feature.

mod common;

mod api;
mod browser;
mod citation;
mod contract;
mod corpus;
mod eligibility;
mod openapi;
mod ops;
mod pages;
mod relevance;
mod relevance_people;
mod search;
