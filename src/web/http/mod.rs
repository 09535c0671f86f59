//! Web: the HTTP plumbing every route shares — the one API error type, strict extractors and
//! query parsing, the middleware (limits, caching, metrics, security headers) and the static
//! assets. Neither the JSON API nor the pages live here; both use it.

pub mod assets;
pub mod cache;
pub mod error;
pub mod extract;
pub mod layers;
pub mod metrics;
pub mod params;
pub mod security;
pub mod server;
mod strict_json;
