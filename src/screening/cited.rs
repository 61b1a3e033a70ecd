//! [`SourceRef`]: the source of an evidence item, named in the result by a short id whose full
//! title, date and URL appear once in the document's `sources` table ([`super::tables`]).
//!
//! A flag-heavy result used to repeat the same source (often a 200-character title and a long
//! URL) in every evidence item of every line; a 200,000-line seafood manifest carried the same
//! three sources 600,000 times. In memory a reference keeps the source itself, so every
//! renderer (sentences, tip drafts, CSV) reads `evidence.source.title` as before; only the JSON
//! form changes. The id is a hash of the source's content, so one source has one id in every
//! document, and a document can be checked against the table it carries.
//!
//! Deserializing accepts the id (the current form: the document's table resolves it, see
//! [`super::tables::Tables::resolve`]) or the full source object (results stored before the
//! table existed), so records kept for years stay readable.

use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::indicators::Source;

/// A source as an evidence item cites it: its id and, once resolved, its content.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRef(Arc<Entry>);

#[derive(Debug, PartialEq)]
struct Entry {
    id: String,
    source: Source,
}

impl SourceRef {
    /// A reference to `source`, with the id its content gives it.
    pub fn new(source: &Source) -> SourceRef {
        SourceRef(Arc::new(Entry {
            id: source_id(source),
            source: source.clone(),
        }))
    }

    /// The id the document's `sources` table lists the source under.
    pub fn id(&self) -> &str {
        &self.0.id
    }

    /// The source, or `None` while only its id is known (read from a document, not yet resolved
    /// against the document's table).
    pub fn resolved(&self) -> Option<&Source> {
        let s = &self.0.source;
        (!s.title.is_empty() || !s.url.is_empty()).then_some(s)
    }

    /// A reference known only by its id.
    fn unresolved(id: String) -> SourceRef {
        SourceRef(Arc::new(Entry {
            id,
            source: Source {
                title: String::new(),
                date: String::new(),
                url: String::new(),
            },
        }))
    }
}

impl Deref for SourceRef {
    type Target = Source;

    fn deref(&self) -> &Source {
        &self.0.source
    }
}

/// The id of a source: `src-` and 16 hex digits of a 64-bit FNV-1a hash of its title, date and
/// URL. FNV is fixed by its definition (not by a library version), so ids are stable across
/// releases; 64 bits make a collision among a knowledge base's few hundred sources negligible,
/// and [`super::tables::Tables`] refuses one if it ever happens.
pub fn source_id(source: &Source) -> String {
    content_id("src", &[&source.title, &source.date, &source.url])
}

/// `PREFIX-` and the 64-bit FNV-1a hash of `parts`, each part ended by a byte no UTF-8 text
/// contains, so that moving a character from one part to the next changes the id.
pub fn content_id(prefix: &str, parts: &[&str]) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for part in parts {
        for &byte in part.as_bytes().iter().chain([&0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    format!("{prefix}-{hash:016x}")
}

impl Serialize for SourceRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for SourceRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<SourceRef, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Form {
            Id(String),
            Inline(Source),
        }
        Ok(match Form::deserialize(deserializer)? {
            Form::Id(id) => SourceRef::unresolved(id),
            Form::Inline(source) => SourceRef::new(&source),
        })
    }
}

impl SourceRef {
    /// This reference with its content taken from `source` (the document's table entry).
    pub(super) fn with(&self, source: &Source) -> SourceRef {
        SourceRef(Arc::new(Entry {
            id: self.0.id.clone(),
            source: source.clone(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(title: &str, date: &str, url: &str) -> Source {
        Source {
            title: title.into(),
            date: date.into(),
            url: url.into(),
        }
    }

    #[test]
    fn the_id_depends_on_every_part_and_on_where_parts_end() {
        let a = source_id(&source("AP", "2017", "https://a"));
        assert_eq!(a, source_id(&source("AP", "2017", "https://a")));
        assert!(a.starts_with("src-") && a.len() == 20);
        assert_ne!(a, source_id(&source("AP", "2018", "https://a")));
        assert_ne!(a, source_id(&source("AP", "2017", "https://b")));
        assert_ne!(a, source_id(&source("A", "P2017", "https://a")));
    }

    #[test]
    fn the_id_is_fixed_across_releases() {
        // FNV-1a is defined by its constants: a changed id would orphan stored documents' links.
        assert_eq!(source_id(&source("", "", "")), "src-f998341be47bae14");
    }

    #[test]
    fn serializes_as_its_id_and_reads_back_either_form() {
        let s = source("CBP", "2024-01-01", "https://cbp.gov/x");
        let r = SourceRef::new(&s);
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, format!("\"{}\"", r.id()));
        let back: SourceRef = serde_json::from_str(&json).unwrap();
        assert_eq!(back.id(), r.id());
        assert!(back.resolved().is_none());
        assert_eq!(back.with(&s), r);
        let inline: SourceRef = serde_json::from_value(serde_json::to_value(&s).unwrap()).unwrap();
        assert_eq!(inline, r);
        assert_eq!(inline.resolved(), Some(&s));
    }
}
