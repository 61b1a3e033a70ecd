//! The document's tables: every legal text, source, law and note a result cites, written once
//! per document (`legal_texts`, `sources`, `laws`, `notes`) and referenced by id from each flag
//! and evidence item.
//!
//! [`Tables`] is filled line by line, so the streamed writer ([`crate::report::stream`]) can
//! write the tables after the last line without holding the lines, and an in-memory
//! [`super::Screening`] gets the same tables from the same code. The tables stay small whatever
//! the input: every entry is knowledge-base text (a note adds at most a fixed sentence about the
//! match). Reading a document back, [`resolve`] gives each reference its content from the
//! table, and refuses a document that cites an id its tables lack (a hand-edited or truncated
//! result), rather than rendering a flag without its law or evidence without its source.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::indicators::{KnowledgeBase, Source};

use super::cited::{Citable, Cited};
use super::flags::{QuotedText, RegimeLaw};
use super::legal_basis;
use super::result::LineResult;

/// What a document's tables hold, keyed by id.
pub type LegalTextTable = BTreeMap<String, QuotedText>;
pub type SourceTable = BTreeMap<String, Source>;
pub type LawTable = BTreeMap<String, RegimeLaw>;
pub type NoteTable = BTreeMap<String, String>;

/// The tables of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableSet {
    pub legal_texts: LegalTextTable,
    pub sources: SourceTable,
    pub laws: LawTable,
    pub notes: NoteTable,
}

/// The tables filled so far, and the knowledge base's texts to quote from.
#[derive(Debug, Clone)]
pub struct Tables {
    kb: Arc<KnowledgeBase>,
    pub set: TableSet,
}

/// Lists `cited` in `table` unless it is there (or known only by id, which a fresh screening
/// never makes).
fn list<T: Citable>(table: &mut BTreeMap<String, T>, cited: &Cited<T>) {
    if !table.contains_key(cited.id()) {
        if let Some(content) = cited.resolved() {
            table.insert(cited.id().to_owned(), content.clone());
        }
    }
}

impl Tables {
    /// Empty tables that quote from `kb`'s legal texts.
    pub fn new(kb: Arc<KnowledgeBase>) -> Tables {
        Tables {
            kb,
            set: TableSet::default(),
        }
    }

    /// Adds what `line` cites. A cited text the knowledge base lacks cannot happen (the law of
    /// every flag is built from the same texts, and `legal_basis` tests check every id); it
    /// would show as a citation without an entry rather than stop the screening.
    pub fn add(&mut self, line: &LineResult) {
        let set = &mut self.set;
        for flag in &line.flags {
            for law in flag.law.iter() {
                list(&mut set.laws, law);
                for citation in &law.legal_basis {
                    if !set.legal_texts.contains_key(&citation.id) {
                        if let Some(quoted) = legal_basis::quoted(&self.kb.legal, &citation.id) {
                            set.legal_texts.insert(citation.id.clone(), quoted);
                        }
                    }
                }
            }
            for evidence in &flag.evidence {
                list(&mut set.sources, &evidence.source);
                let spelling = evidence.spelling.as_ref().and_then(|s| s.source.as_ref());
                if let Some(source) = spelling {
                    list(&mut set.sources, source);
                }
                if let Some(note) = &evidence.note {
                    list(&mut set.notes, note);
                }
            }
        }
    }
}

/// Why a document's references do not resolve.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("line {line} of shipment {shipment_id} cites {id}, which the document's `{table}` table does not list")]
pub struct Unresolved {
    pub shipment_id: String,
    pub line: u32,
    pub id: String,
    pub table: &'static str,
}

/// Gives `cited` its content from `table`, or lists in `table` the content it carries inline (a
/// result stored before the table existed). The id of an entry the table lacks is the error.
fn resolve_one<T: Citable>(
    cited: &Cited<T>,
    table: &mut BTreeMap<String, T>,
) -> Result<Cited<T>, (String, &'static str)> {
    if let Some(content) = cited.resolved() {
        table
            .entry(cited.id().to_owned())
            .or_insert_with(|| content.clone());
        return Ok(cited.clone());
    }
    match table.get(cited.id()) {
        Some(content) => Ok(cited.with(content)),
        None => Err((cited.id().to_owned(), T::TABLE)),
    }
}

/// Gives every law, source and note in `results` its content from `tables`, and adds to the
/// tables what is given inline (results stored before the tables existed).
pub fn resolve(results: &mut [LineResult], tables: &mut TableSet) -> Result<(), Unresolved> {
    for line in results {
        let (shipment_id, number) = (&line.shipment_id, line.line);
        let unresolved = |(id, table): (String, &'static str)| Unresolved {
            shipment_id: shipment_id.clone(),
            line: number,
            id,
            table,
        };
        for flag in &mut line.flags {
            let law = flag.law.iter().map(|l| resolve_one(l, &mut tables.laws));
            flag.law = law.collect::<Result<_, _>>().map_err(unresolved)?;
            for citation in flag.law.iter().flat_map(|l| &l.legal_basis) {
                if let Some(quoted) = &citation.inline {
                    tables
                        .legal_texts
                        .entry(citation.id.clone())
                        .or_insert_with(|| QuotedText::clone(quoted));
                }
            }
            for evidence in &mut flag.evidence {
                evidence.source =
                    resolve_one(&evidence.source, &mut tables.sources).map_err(unresolved)?;
                if let Some(spelling) = evidence.spelling.as_mut().and_then(|s| s.source.as_mut()) {
                    *spelling = resolve_one(spelling, &mut tables.sources).map_err(unresolved)?;
                }
                if let Some(note) = evidence.note.as_mut() {
                    *note = resolve_one(note, &mut tables.notes).map_err(unresolved)?;
                }
            }
        }
    }
    Ok(())
}
