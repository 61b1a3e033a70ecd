//! Loading the knowledge base and the screener for a command.

use std::sync::Arc;

use anyhow::Context;
use caatsa_screen::indicators::KnowledgeBase;
use caatsa_screen::screening::Screener;

use super::KbArgs;

pub fn load(args: &KbArgs) -> anyhow::Result<Arc<KnowledgeBase>> {
    let kb = match &args.indicators {
        Some(path) => KnowledgeBase::load(path)
            .with_context(|| format!("loading the knowledge base from {}", path.display()))?,
        None => KnowledgeBase::builtin().context("loading the built-in knowledge base")?,
    };
    Ok(Arc::new(kb))
}

pub fn screener(args: &KbArgs) -> anyhow::Result<Screener> {
    Ok(Screener::new(load(args)?))
}
