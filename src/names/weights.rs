//! Token weights: inverse document frequency over the watchlist, so that words most listed names
//! share (`korea`, `trading`, `general`, `dandong`, `shipping`) weigh little and a name's
//! distinctive word (`rungrado`, `ryonbong`) weighs a lot. A word the watchlist has never seen
//! gets the highest weight: it is as distinctive as a word can be.
//!
//! Counting is on romanization keys, so `Ryonbong` and `Ryeonbong` share one count.

use rustc_hash::FxHashMap;

use super::vocabulary::TokenClass;

/// Weight of any legal form: enough to break ties, too little to make or break a match.
pub const LEGAL_FORM_WEIGHT: f32 = 0.2;
/// Weight of an article or name particle relative to ordinary words.
pub const MINOR_WORD_WEIGHT: f32 = 0.5;
/// Exponent on the IDF: above 1, a name's distinctive word outweighs its generic words together,
/// so that sharing `Ryonbong` counts for more than sharing `Korea General Trading`.
pub const IDF_EXPONENT: f32 = 2.0;
/// Floor for very common words, so that a name made only of common words still has weight.
pub const MIN_WORD_WEIGHT: f32 = 1.0;

#[derive(Debug, Clone, Default)]
pub struct TokenWeights {
    document_frequency: FxHashMap<String, u32>,
    documents: u32,
}

impl TokenWeights {
    /// Weights that treat every word alike (no watchlist statistics).
    pub fn uniform() -> Self {
        TokenWeights::default()
    }

    /// Counts, for each key, how many of `names` contain it (each name is a list of keys).
    pub fn from_documents<'a, I, D>(names: I) -> Self
    where
        I: IntoIterator<Item = D>,
        D: IntoIterator<Item = &'a str>,
    {
        let mut document_frequency: FxHashMap<String, u32> = FxHashMap::default();
        let mut documents = 0u32;
        let mut seen: Vec<&str> = Vec::new();
        for name in names {
            documents += 1;
            seen.clear();
            for key in name {
                if !seen.contains(&key) {
                    seen.push(key);
                    *document_frequency.entry(key.to_owned()).or_default() += 1;
                }
            }
        }
        TokenWeights {
            document_frequency,
            documents,
        }
    }

    /// Number of names the statistics were counted over.
    pub fn documents(&self) -> u32 {
        self.documents
    }

    /// The weight of a key of the given class.
    pub fn weight(&self, key: &str, class: TokenClass) -> f32 {
        match class {
            TokenClass::LegalForm => LEGAL_FORM_WEIGHT,
            TokenClass::Minor => MINOR_WORD_WEIGHT,
            TokenClass::Word => self.idf(key),
        }
    }

    /// Smoothed inverse document frequency, `ln((N + 1) / (df + 1)) + 1`, raised to
    /// [`IDF_EXPONENT`], floored.
    fn idf(&self, key: &str) -> f32 {
        if self.documents == 0 {
            return MIN_WORD_WEIGHT;
        }
        let df = self.document_frequency.get(key).copied().unwrap_or(0);
        let n = self.documents as f32;
        let idf = ((n + 1.0) / (df as f32 + 1.0)).ln() + 1.0;
        idf.powf(IDF_EXPONENT).max(MIN_WORD_WEIGHT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_weigh_less_than_rare_ones() {
        let docs = [
            vec!["korea", "trading"],
            vec!["korea", "ryonbong"],
            vec!["korea", "trading", "rungrado"],
        ];
        let w = TokenWeights::from_documents(docs.iter().map(|d| d.iter().copied()));
        assert!(w.weight("korea", TokenClass::Word) < w.weight("trading", TokenClass::Word));
        assert!(w.weight("trading", TokenClass::Word) < w.weight("rungrado", TokenClass::Word));
        assert!(w.weight("rungrado", TokenClass::Word) < w.weight("unseen", TokenClass::Word));
    }

    #[test]
    fn legal_forms_and_particles_weigh_little() {
        let w = TokenWeights::uniform();
        assert!(w.weight("corp", TokenClass::LegalForm) < w.weight("x", TokenClass::Word));
        assert!(w.weight("al", TokenClass::Minor) < w.weight("x", TokenClass::Word));
    }
}
