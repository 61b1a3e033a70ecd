//! caatsa-screen: screening of shipment manifests for North Korean forced-labor risk under
//! CAATSA Sec. 321(b) (22 U.S.C. 9241a), which presumes goods made wholly or in part by the labor of
//! North Korean nationals, anywhere in the world, to be forced-labor goods barred by 19 U.S.C. 1307.
//!
//! The crate is one pipeline with several faces: [`manifest`] parses input at the edge,
//! [`indicators`] owns the sourced knowledge base, [`names`] decides whether two names designate
//! the same party, [`screening`] turns lines into explained flags and verdicts, and [`report`]
//! renders results. The engine is pure and synchronous; the CLI and the HTTP service only call it.

pub mod indicators;
pub mod manifest;
pub mod memo;
pub mod names;
pub mod report;
pub mod screening;
pub mod server;
pub mod store;
