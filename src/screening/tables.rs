//! The document's tables: every legal text and every source a result cites, written once per
//! document (`legal_texts`, `sources`) and referenced by id from each flag and evidence item.
//!
//! [`Tables`] is filled line by line, so the streamed writer ([`crate::report::stream`]) can
//! write the tables after the last line without holding the lines, and an in-memory
//! [`super::Screening`] gets the same tables from the same code. Reading a document back,
//! [`Tables::resolve`] gives each evidence item its source from the table, and refuses a
//! document that cites an id its tables lack (a hand-edited or truncated result), rather than
//! rendering evidence without its source.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::indicators::{KnowledgeBase, Source};

use super::flags::QuotedText;
use super::legal_basis;
use super::result::LineResult;

/// What a document's tables hold, keyed by id.
pub type LegalTextTable = BTreeMap<String, QuotedText>;
pub type SourceTable = BTreeMap<String, Source>;

/// The legal texts and sources cited so far, and the knowledge base's texts to quote from.
#[derive(Debug, Clone)]
pub struct Tables {
    kb: Arc<KnowledgeBase>,
    pub legal_texts: LegalTextTable,
    pub sources: SourceTable,
}

impl Tables {
    /// Empty tables that quote from `kb`'s legal texts.
    pub fn new(kb: Arc<KnowledgeBase>) -> Tables {
        Tables {
            kb,
            legal_texts: BTreeMap::new(),
            sources: BTreeMap::new(),
        }
    }

    /// Adds what `line` cites. A cited text the knowledge base lacks cannot happen (the law of
    /// every flag is built from the same texts, and `legal_basis` tests check every id); it
    /// would show as a citation without an entry rather than stop the screening.
    pub fn add(&mut self, line: &LineResult) {
        for flag in &line.flags {
            for citation in flag.law.iter().flat_map(|l| &l.legal_basis) {
                if !self.legal_texts.contains_key(&citation.id) {
                    if let Some(quoted) = legal_basis::quoted(&self.kb.legal, &citation.id) {
                        self.legal_texts.insert(citation.id.clone(), quoted);
                    }
                }
            }
            let spellings = flag.evidence.iter().filter_map(|e| e.spelling.as_ref());
            let cited = flag
                .evidence
                .iter()
                .map(|e| &e.source)
                .chain(spellings.filter_map(|s| s.source.as_ref()));
            for source in cited {
                if !self.sources.contains_key(source.id()) {
                    self.sources
                        .insert(source.id().to_owned(), Source::clone(source));
                }
            }
        }
    }
}

/// Why a document's references do not resolve.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("line {line} of shipment {shipment_id} cites source {id}, which the document's `sources` table does not list")]
pub struct Unresolved {
    pub shipment_id: String,
    pub line: u32,
    pub id: String,
}

/// Gives every evidence source in `results` its content from `sources`, and adds to the tables
/// the sources and legal texts given inline (results stored before the tables existed).
pub fn resolve(
    results: &mut [LineResult],
    sources: &mut SourceTable,
    legal_texts: &mut LegalTextTable,
) -> Result<(), Unresolved> {
    for line in results {
        let (shipment_id, number) = (&line.shipment_id, line.line);
        for flag in &mut line.flags {
            for citation in flag.law.iter().flat_map(|l| &l.legal_basis) {
                if let Some(quoted) = &citation.inline {
                    legal_texts
                        .entry(citation.id.clone())
                        .or_insert_with(|| QuotedText::clone(quoted));
                }
            }
            for evidence in &mut flag.evidence {
                let spelling = evidence.spelling.as_mut().and_then(|s| s.source.as_mut());
                for source in std::iter::once(&mut evidence.source).chain(spelling) {
                    if let Some(content) = source.resolved() {
                        sources
                            .entry(source.id().to_owned())
                            .or_insert_with(|| content.clone());
                        continue;
                    }
                    let content = sources.get(source.id()).ok_or_else(|| Unresolved {
                        shipment_id: shipment_id.clone(),
                        line: number,
                        id: source.id().to_owned(),
                    })?;
                    *source = source.with(content);
                }
            }
        }
    }
    Ok(())
}
