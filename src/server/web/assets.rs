//! The page's script and stylesheet, compiled into the binary (`assets/`), so the service
//! needs no files beside it and no CDN: `GET /static/app.js`, `GET /static/app.css`.

use actix_web::{web, HttpResponse};

use super::csp::secure;
use crate::server::error::{ApiError, ErrorCode};

/// `(name, content type, bytes)` of every asset.
pub const ASSETS: [(&str, &str, &str); 2] = [
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("../../../assets/app.js"),
    ),
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("../../../assets/app.css"),
    ),
];

pub async fn serve(name: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let (_, content_type, body) = ASSETS
        .iter()
        .find(|(n, _, _)| *n == name.as_str())
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, format!("no asset {name:?}")))?;
    Ok(secure(HttpResponse::Ok())
        .content_type(*content_type)
        .insert_header(("cache-control", "no-cache"))
        .body(*body))
}
