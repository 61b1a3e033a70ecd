//! Loading the knowledge base and the screener for a command.

use std::sync::Arc;

use anyhow::Context;
use caatsa_screen::indicators::KnowledgeBase;
use caatsa_screen::screening::{Screener, ScreeningOptions};

use super::KbArgs;

pub fn load(args: &KbArgs) -> anyhow::Result<Arc<KnowledgeBase>> {
    let kb = match &args.indicators {
        Some(path) => KnowledgeBase::load(path)
            .with_context(|| format!("loading the knowledge base from {}", path.display()))?,
        None => KnowledgeBase::builtin().context("loading the built-in knowledge base")?,
    };
    Ok(Arc::new(kb))
}

/// The screener for a command, with the list-age limit of `args`. Commands report a stale list
/// (`Screener::list_warning`) on stderr when they have done their work, after any error.
pub fn screener(args: &KbArgs) -> anyhow::Result<Screener> {
    let options = ScreeningOptions {
        max_list_age_days: args.max_list_age,
        ..ScreeningOptions::default()
    };
    Ok(Screener::with_options(load(args)?, options))
}
