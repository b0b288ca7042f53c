//! The shared first step: identical notes folded into one document with a weight, each
//! document tokenised and weighted with TF-IDF.
//!
//! Documents are ordered by their normalised text, not by input order, so shuffling the notes
//! cannot change the result.

use std::collections::BTreeMap;

use super::tfidf::Tfidf;
use super::tokenise::{Token, Tokeniser};

/// The notes as distinct documents.
pub struct Prepared {
    /// For each note, its document; `None` for a blank note.
    pub doc_of_note: Vec<Option<u32>>,
    /// For each document, the notes it stands for (ascending).
    pub notes_of_doc: Vec<Vec<usize>>,
    /// For each document, its terms.
    pub tokens: Vec<Vec<Token>>,
    /// For each document, the term id of each of its tokens (parallel to `tokens`).
    pub token_terms: Vec<Vec<u32>>,
    /// The TF-IDF vectors of the documents.
    pub tfidf: Tfidf,
}

impl Prepared {
    /// Folds, tokenises and weights `texts`.
    pub fn new(texts: &[&str]) -> Self {
        let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, text) in texts.iter().enumerate() {
            if let Some(key) = normalised_key(text) {
                by_key.entry(key).or_default().push(i);
            }
        }
        let mut doc_of_note = vec![None; texts.len()];
        let mut notes_of_doc = Vec::with_capacity(by_key.len());
        let tokeniser = Tokeniser::new();
        let mut tokens = Vec::with_capacity(by_key.len());
        for (doc, notes) in by_key.into_values().enumerate() {
            for &i in &notes {
                doc_of_note[i] = Some(doc as u32);
            }
            // The same text whatever the input order: the smallest of the identical variants.
            let text = notes.iter().map(|&i| texts[i]).min().unwrap_or_default();
            tokens.push(tokeniser.tokens(text));
            notes_of_doc.push(notes);
        }
        let terms: Vec<Vec<&str>> = tokens
            .iter()
            .map(|doc| doc.iter().map(|t| t.term.as_str()).collect())
            .collect();
        let tfidf = Tfidf::new(&terms);
        // Term ids are alphabetical, so a binary search finds each one.
        let token_terms = terms
            .iter()
            .map(|doc| {
                doc.iter()
                    .filter_map(|t| {
                        let i = tfidf.terms.binary_search_by(|x| x.as_str().cmp(t)).ok()?;
                        Some(i as u32)
                    })
                    .collect()
            })
            .collect();
        Self {
            doc_of_note,
            notes_of_doc,
            tokens,
            token_terms,
            tfidf,
        }
    }

    /// How many notes each document stands for.
    pub fn weights(&self) -> Vec<f64> {
        self.notes_of_doc.iter().map(|n| n.len() as f64).collect()
    }
}

/// The text compared for exact duplicates: lower case, words only, single spaces. Text with no
/// letters or digits (say emoji) is compared as written; blank text has no key.
pub fn normalised_key(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if !words.is_empty() {
        return Some(words.join(" "));
    }
    let symbols: Vec<&str> = lower.split_whitespace().collect();
    (!symbols.is_empty()).then(|| symbols.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_punctuation_and_spacing() {
        assert_eq!(
            normalised_key("  Data   sharing!! "),
            normalised_key("data sharing")
        );
        assert_eq!(normalised_key("👍  🎉").as_deref(), Some("👍 🎉"));
        assert_eq!(normalised_key(" \n\t"), None);
    }

    #[test]
    fn identical_notes_become_one_weighted_document() {
        let p = Prepared::new(&["b note", "A note", "a note!", "", "b note"]);
        assert_eq!(p.notes_of_doc, vec![vec![1, 2], vec![0, 4]]);
        assert_eq!(
            p.doc_of_note,
            vec![Some(1), Some(0), Some(0), None, Some(1)]
        );
        assert_eq!(p.weights(), vec![2.0, 2.0]);
    }
}
