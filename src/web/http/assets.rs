//! Web: static assets (CSS, JavaScript) compiled into the binary and served from a fixed table, so
//! no path outside it is reachable.

use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::web::pages::PageError;

/// (name, content type, body)
const ASSETS: [(&str, &str, &str); 2] = [
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("../../../static/app.css"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("../../../static/app.js"),
    ),
];

/// A stylesheet or script of the pages, from a fixed table compiled into the binary.
#[utoipa::path(get, path = "/static/{name}", tag = "pages",
    params(
        ("name" = String, Path, description = "The asset's file name: `app.css` or `app.js`.",
            example = "app.css"),
    ),
    responses(
        (status = 200, description = "The asset.", content(
            (String = "text/css; charset=utf-8"),
            (String = "text/javascript; charset=utf-8"),
        )),
        (status = 404, description = "No such asset: an HTML page.", content_type = "text/html",
            body = String),
    ))]
pub async fn asset(name: Result<Path<String>, PathRejection>) -> Result<Response, PageError> {
    // A name that is not UTF-8 once decoded names no asset either.
    let Ok(Path(name)) = name else {
        return Err(PageError::not_found("No such asset."));
    };
    let (_, content_type, body) = ASSETS
        .iter()
        .find(|(n, _, _)| *n == name)
        .ok_or_else(|| PageError::not_found(format!("No asset `{name}`.")))?;
    Ok(([(header::CONTENT_TYPE, *content_type)], *body).into_response())
}
