//! The integration tests: one binary, a module per feature.

mod common;

mod api;
mod app;
mod browser;
mod citation;
mod compare;
mod contract;
mod corpus;
mod eligibility;
mod openapi;
mod ops;
mod pages;
mod relevance;
mod search;
