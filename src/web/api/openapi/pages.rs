//! Web: the OpenAPI operations of the HTML pages, whose handlers live in `web::pages` (written by
//! the pages' own authors, so documented here). Each function only carries its `#[utoipa::path]`
//! and is never called; the route table registers the real handler.
#![expect(
    dead_code,
    reason = "documentation only: the router calls `web::pages`"
)]

/// The home page: the documents with their validity on a date.
#[utoipa::path(get, path = "/", tag = "pages", operation_id = "home_page",
    params(
        ("as_of" = Option<String>, Query, format = Date,
            description = "Show validity on this date (YYYY-MM-DD); today in Beijing when absent.",
            example = "2026-11-21"),
    ),
    responses(
        (status = 200, description = "The home page.", content_type = "text/html", body = String),
        (status = 400, description = "`as_of` is not a date: an HTML error page.",
            content_type = "text/html", body = String),
    ))]
pub fn home() {}

/// A clause's page: its texts in both languages, hierarchy, citation and related clauses.
#[utoipa::path(get, path = "/clause/{id}", tag = "pages", operation_id = "clause_page",
    params(
        ("id" = String, Path,
            description = "A clause or document ID; its slash may be sent as it is or as `%2F`.",
            example = "bj2022-a1/2.8"),
    ),
    responses(
        (status = 200, description = "The clause page.", content_type = "text/html", body = String),
        (status = 400, description = "The ID is not UTF-8 once percent-decoded: an HTML error page.",
            content_type = "text/html", body = String),
        (status = 404, description = "No such clause: an HTML error page.",
            content_type = "text/html", body = String),
    ))]
pub fn clause() {}

/// The post catalogue, filtered by industry and by the degree an applicant holds.
#[utoipa::path(get, path = "/posts", tag = "pages", operation_id = "posts_page",
    params(
        ("industry" = Option<String>, Query,
            description = "Only posts of this industry (Chinese or English name)."),
        ("degree" = Option<String>, Query,
            description = "Only posts whose minimum degree is this one: bachelor, master or doctorate.",
            example = "master"),
    ),
    responses(
        (status = 200, description = "The catalogue page.", content_type = "text/html",
            body = String),
        (status = 400,
            description = "An unknown industry, degree or parameter: an HTML error page.",
            content_type = "text/html", body = String),
    ))]
pub fn posts() {}

/// One post's page, by its number in the catalogue.
#[utoipa::path(get, path = "/posts/{n}", tag = "pages", operation_id = "post_page",
    params(("n" = u32, Path, description = "The post number.", example = 6)),
    responses(
        (status = 200, description = "The post page.", content_type = "text/html", body = String),
        (status = 400,
            description = "The number is not UTF-8 once percent-decoded: an HTML error page.",
            content_type = "text/html", body = String),
        (status = 404, description = "No such post: an HTML error page.",
            content_type = "text/html", body = String),
    ))]
pub fn post() {}

/// Beijing's criteria beside the national ones they adapt, with what changed.
#[utoipa::path(get, path = "/compare", tag = "pages", operation_id = "compare_page",
    responses(
        (status = 200, description = "The comparison page.", content_type = "text/html",
            body = String),
    ))]
pub fn compare() {}

/// The eligibility form, and its answer when facts are given. The applicant facts are query
/// parameters here, as on `/api/search` (added by `shared`).
#[utoipa::path(get, path = "/eligibility", tag = "pages", operation_id = "eligibility_page",
    responses(
        (status = 200, description = "The form, with every verdict when facts were given.",
            content_type = "text/html", body = String),
        (status = 400,
            description = "A fact that is unknown or invalid: the form again, saying which.",
            content_type = "text/html", body = String),
    ))]
pub fn eligibility() {}

/// The search page: the same parameters as `/api/search` (search's own below, the applicant
/// facts added by `shared`), rendered as results with facets and paging; no `q`, just the form.
#[utoipa::path(get, path = "/search", tag = "pages", operation_id = "search_page",
    params(
        ("q" = Option<String>, Query, description = "The query, in Chinese or English.",
            example = "芯片设计"),
        ("lang" = Option<String>, Query, description = "`zh`, `en` or `auto`."),
        ("doc" = Option<String>, Query, description = "Only this document's clauses."),
        ("kind" = Option<String>, Query, description = "Only clauses of this kind."),
        ("industry" = Option<String>, Query, description = "Only posts of this industry."),
        ("limit" = Option<u32>, Query, description = "Hits per page (at most 50)."),
        ("offset" = Option<u32>, Query, description = "Hits to skip (paging)."),
    ),
    responses(
        (status = 200, description = "The form, and the results when there is a query.",
            content_type = "text/html", body = String),
        (status = 400,
            description = "A refused query or filter (too long, bad limit, unknown document, \
                a bad fact…): the page again, saying why.",
            content_type = "text/html", body = String),
    ))]
pub fn search() {}

/// `/cite/` with nothing after it (the handler is `cite::page_without_citation`, documented at
/// `/cite`).
#[utoipa::path(get, path = "/cite/", tag = "pages", operation_id = "cite_page_slash",
    responses(
        (status = 404, description = "No citation given: an HTML page saying so.",
            content_type = "text/html", body = String),
    ))]
pub fn cite_without_citation() {}
