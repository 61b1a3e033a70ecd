//! [`Cited`]: something a result refers to by a short id and gives once, in one of the
//! document's tables ([`super::tables`]): an evidence item's source ([`SourceRef`], table
//! `sources`), a flag's law under one regime ([`LawRef`], table `laws`), an evidence item's note
//! on what its source documents ([`NoteRef`], table `notes`).
//!
//! A flag-heavy result used to repeat the same source (often a 200-character title and a long
//! URL), the same paragraph of guidance and the same note in every line; a 200,000-line seafood
//! manifest carried the same three sources 600,000 times. In memory a reference keeps its
//! content, so every renderer (sentences, tip drafts, CSV, the web page) reads
//! `evidence.source.title` or `law.guidance` as before; only the JSON form changes. The id is a
//! hash of the content, so one source, law or note has one id in every document, and a document
//! can be checked against the tables it carries.
//!
//! Deserializing accepts the id (the current form: the document's table resolves it, see
//! [`super::tables::resolve`]) or the content itself (results stored before the tables
//! existed), so records kept for years stay readable.

use std::fmt::Debug;
use std::ops::Deref;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::flags::RegimeLaw;
use super::regime::Regime;
use crate::indicators::Source;

/// What a document can give once in a table and cite by id.
pub trait Citable: Clone + PartialEq + Debug + Serialize + DeserializeOwned + 'static {
    /// The id's prefix, which also names the kind in messages: `src`, `law`, `note`.
    const PREFIX: &'static str;
    /// The document table that lists this kind.
    const TABLE: &'static str;
    /// The content the id is a hash of, in parts.
    fn id_parts(&self) -> Vec<&str>;
    /// What a reference known only by its id reads as until it is resolved: empty content.
    fn unresolved() -> &'static Self;
    /// The content when an earlier document wrote it as a plain string (a note); `None` where
    /// a string can only be an id.
    fn from_text(_text: &str) -> Option<Self> {
        None
    }
}

/// A cited item: its id and, once resolved, its content.
#[derive(Debug, Clone, PartialEq)]
pub struct Cited<T>(Arc<Entry<T>>);

#[derive(Debug, PartialEq)]
struct Entry<T> {
    id: String,
    content: Option<T>,
}

/// An evidence item's source, listed in the document's `sources`.
pub type SourceRef = Cited<Source>;
/// One regime's part of a flag's law, listed in the document's `laws`.
pub type LawRef = Cited<RegimeLaw>;
/// An evidence item's note, listed in the document's `notes`.
pub type NoteRef = Cited<String>;

impl<T: Citable> Cited<T> {
    /// A reference to `content`, with the id its content gives it.
    pub fn new(content: T) -> Cited<T> {
        Cited(Arc::new(Entry {
            id: content_id(T::PREFIX, &content.id_parts()),
            content: Some(content),
        }))
    }

    /// The id the document's table lists the content under.
    pub fn id(&self) -> &str {
        &self.0.id
    }

    /// The content, or `None` while only the id is known (read from a document, not yet
    /// resolved against the document's table).
    pub fn resolved(&self) -> Option<&T> {
        self.0.content.as_ref()
    }

    /// A reference known only by its id.
    fn unresolved(id: String) -> Cited<T> {
        Cited(Arc::new(Entry { id, content: None }))
    }

    /// This reference with its content taken from `content` (the document's table entry).
    pub(super) fn with(&self, content: &T) -> Cited<T> {
        Cited(Arc::new(Entry {
            id: self.0.id.clone(),
            content: Some(content.clone()),
        }))
    }
}

impl SourceRef {
    /// A reference to a knowledge-base source.
    pub fn of(source: &Source) -> SourceRef {
        Cited::new(source.clone())
    }
}

impl<T: Citable> Deref for Cited<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.0.content.as_ref().unwrap_or_else(|| T::unresolved())
    }
}

impl Citable for Source {
    const PREFIX: &'static str = "src";
    const TABLE: &'static str = "sources";

    fn id_parts(&self) -> Vec<&str> {
        vec![&self.title, &self.date, &self.url]
    }

    fn unresolved() -> &'static Source {
        static EMPTY: Source = Source {
            title: String::new(),
            date: String::new(),
            url: String::new(),
        };
        &EMPTY
    }
}

impl Citable for RegimeLaw {
    const PREFIX: &'static str = "law";
    const TABLE: &'static str = "laws";

    fn id_parts(&self) -> Vec<&str> {
        let mut parts = vec![self.regime.as_str(), &self.consequence, &self.guidance];
        parts.extend(self.legal_basis.iter().map(|c| c.id.as_str()));
        parts
    }

    fn unresolved() -> &'static RegimeLaw {
        static EMPTY: RegimeLaw = RegimeLaw {
            regime: Regime::RiskIndicator,
            consequence: String::new(),
            legal_basis: Vec::new(),
            guidance: String::new(),
        };
        &EMPTY
    }
}

impl Citable for String {
    const PREFIX: &'static str = "note";
    const TABLE: &'static str = "notes";

    fn id_parts(&self) -> Vec<&str> {
        vec![self]
    }

    fn unresolved() -> &'static String {
        static EMPTY: String = String::new();
        &EMPTY
    }

    fn from_text(text: &str) -> Option<String> {
        Some(text.to_owned())
    }
}

/// `PREFIX-` and the 64-bit FNV-1a hash of `parts`, each part ended by a byte no UTF-8 text
/// contains, so that moving a character from one part to the next changes the id. FNV is fixed
/// by its definition (not by a library version), so ids are stable across releases; 64 bits make
/// a collision among a knowledge base's few hundred entries negligible.
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

/// True when `text` has the form of an id of this prefix: `PREFIX-` and 16 lowercase hex digits.
fn is_id(prefix: &str, text: &str) -> bool {
    text.strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('-'))
        .is_some_and(|hex| {
            hex.len() == 16 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        })
}

impl<T: Citable> Serialize for Cited<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de, T: Citable> Deserialize<'de> for Cited<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Cited<T>, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Form<T> {
            Text(String),
            Inline(T),
        }
        match Form::<T>::deserialize(deserializer)? {
            Form::Text(text) if is_id(T::PREFIX, &text) => Ok(Cited::unresolved(text)),
            Form::Text(text) => T::from_text(&text).map(Cited::new).ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "`{text}` is not an id of the document's `{}` table (`{}-` and 16 hex digits)",
                    T::TABLE,
                    T::PREFIX
                ))
            }),
            Form::Inline(content) => Ok(Cited::new(content)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source_id(source: &Source) -> String {
        SourceRef::of(source).id().to_owned()
    }

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
        let r = SourceRef::of(&s);
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, format!("\"{}\"", r.id()));
        let back: SourceRef = serde_json::from_str(&json).unwrap();
        assert_eq!(back.id(), r.id());
        assert!(back.resolved().is_none());
        assert_eq!(back.with(&s), r);
        let inline: SourceRef = serde_json::from_value(serde_json::to_value(&s).unwrap()).unwrap();
        assert_eq!(inline, r);
        assert_eq!(inline.resolved(), Some(&s));
        let bad = serde_json::from_str::<SourceRef>("\"src-12\"").unwrap_err();
        assert!(bad.to_string().contains("`sources` table"), "{bad}");
    }

    #[test]
    fn a_note_reads_back_from_its_id_or_from_the_text_an_earlier_document_wrote() {
        let note = NoteRef::new("Reported in 2024.".to_owned());
        assert!(note.id().starts_with("note-"));
        let json = serde_json::to_string(&note).unwrap();
        let back: NoteRef = serde_json::from_str(&json).unwrap();
        assert_eq!((back.id(), back.resolved()), (note.id(), None));
        assert_eq!(
            back.as_str(),
            "",
            "unresolved reads as empty, never as the id"
        );
        let legacy: NoteRef = serde_json::from_str("\"Reported in 2024.\"").unwrap();
        assert_eq!(legacy, note);
        // Something shaped like an id with another prefix is text, not a reference.
        let other: NoteRef = serde_json::from_str("\"src-0123456789abcdef\"").unwrap();
        assert_eq!(other.as_str(), "src-0123456789abcdef");
    }

    #[test]
    fn a_law_id_depends_on_its_regime_words_and_citations() {
        let law = |guidance: &str, cited: &str| RegimeLaw {
            regime: Regime::ForcedLabor,
            consequence: "c".into(),
            legal_basis: vec![super::super::flags::Citation {
                id: cited.into(),
                citation: String::new(),
                inline: None,
            }],
            guidance: guidance.into(),
        };
        let a = LawRef::new(law("g", "t1"));
        assert!(a.id().starts_with("law-"));
        assert_eq!(a.id(), LawRef::new(law("g", "t1")).id());
        assert_ne!(a.id(), LawRef::new(law("h", "t1")).id());
        assert_ne!(a.id(), LawRef::new(law("g", "t2")).id());
        let mut other = law("g", "t1");
        other.regime = Regime::RiskIndicator;
        assert_ne!(a.id(), LawRef::new(other).id());
    }
}
