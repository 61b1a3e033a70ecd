//! The HTTP API as a client sees it: every test starts the real app (`Application`, the same
//! code `caatsa-screen serve` runs) on port 0 and talks to it over HTTP.
//!
//! Most tests share one app with default settings (a knowledge-base load costs about a second);
//! tests that need other settings (a zero screening budget, a small body limit, a reloadable
//! knowledge-base directory) start their own with `spawn_app(config)`.

mod api {
    pub mod dockerfile;
    pub mod errors;
    pub mod hostile_input;
    pub mod indicators;
    pub mod ops;
    pub mod records;
    pub mod reload;
    pub mod screenings;
    pub mod support;
    pub mod tips;
    pub mod web;
}
