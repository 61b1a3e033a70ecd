//! The web page for analysts and NGO researchers: `/` (upload and results), `/history` and
//! `/knowledge-base`, with their script and stylesheet under `/static/`.
//!
//! The pages are server-rendered shells (askama templates, which escape every value) around
//! one small plain-JavaScript file that calls the same `/v1` API a client would, with the API
//! key the person typed (kept in the tab's session storage). So the page cannot drift from the
//! API, holds no data the API would not give that key, and needs no Node build: the assets are
//! compiled into the binary. What the server renders itself is what no key is needed for: the
//! knowledge base's version, dates, counts and sources, and the stale-list warning.
//!
//! Every page is sent with a strict Content-Security-Policy ([`csp`]): scripts and styles only
//! from this origin, no inline script; the one inline style allowed, by its hash, is the CSS of
//! the printable allegation draft, which the page opens from a `blob:` URL that inherits this
//! policy.

pub mod assets;
pub mod csp;
pub mod pages;

use actix_web::web::ServiceConfig;

use super::routes::get_resource;

/// The pages (GET and HEAD only; other methods answer the JSON 405).
pub const PAGES: [&str; 4] = ["/", "/history", "/knowledge-base", "/static/{name}"];

/// Registers the pages and their assets.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_resource(PAGES[0], pages::screen))
        .service(get_resource(PAGES[1], pages::history))
        .service(get_resource(PAGES[2], pages::knowledge_base))
        .service(get_resource(PAGES[3], assets::serve));
}
