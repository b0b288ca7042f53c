//! The shared first step: identical notes folded into one document with a weight, each
//! document tokenised and weighted with TF-IDF.
//!
//! Documents are ordered by their normalised text, not by input order, so shuffling the notes
//! cannot change the result.

use std::collections::BTreeMap;

use super::concepts::{self, Concepts};
use super::lexicon::{self, Lexicon, Vector};
use super::meaning::{Meaning, Reasons};
use super::tfidf::Tfidf;
use super::tokenise::{Token, Tokeniser};

/// The notes as distinct documents.
pub struct Prepared {
    /// For each note, its document; `None` for a blank note.
    pub doc_of_note: Vec<Option<u32>>,
    /// For each document, the notes it stands for (ascending).
    pub notes_of_doc: Vec<Vec<usize>>,
    /// For each document, its terms (concepts in place of the words that signal them).
    pub tokens: Vec<Vec<Token>>,
    /// For each document, its word terms before any concept replaced them: sorted, distinct.
    pub words: Vec<Vec<String>>,
    /// For each document, the term id of each of its tokens (parallel to `tokens`).
    pub token_terms: Vec<Vec<u32>>,
    /// For each document, how much each of its tokens counts (parallel to `tokens`): 1 for a
    /// word as written, less for a concept or a near-synonym the word lexicon added.
    pub token_weights: Vec<Vec<f32>>,
    /// What the word lexicon added, for the explanations.
    pub reasons: Reasons,
    /// For each document, the mean word vector of its words (with the word lexicon only).
    pub doc_vectors: Vec<Option<Vector>>,
    /// Why the word lexicon is not in use, when it should be but could not be read.
    pub notice: Option<String>,
    /// The TF-IDF vectors of the documents.
    pub tfidf: Tfidf,
}

impl Prepared {
    /// Folds, tokenises and weights `texts`. With `vocabulary`, each word that signals a
    /// built-in [`concepts`] concept is counted as the concept ("laptops" and "wifi" both as
    /// infrastructure), the way stemming counts "connection" as "connect", and the built-in
    /// word [`lexicon`] (read on first use) extends the concepts to words they do not list.
    pub fn new(texts: &[&str], vocabulary: bool) -> Self {
        let lexicon = if vocabulary {
            lexicon::shared().map_err(|e| e.to_owned())
        } else {
            Err(String::new())
        };
        Self::with_lexicon(texts, vocabulary, lexicon)
    }

    /// As [`Prepared::new`] with the word lexicon given: `Err` with a reason when it could not
    /// be read (the reason becomes [`Prepared::notice`]), or with an empty reason to leave it
    /// out quietly.
    pub fn with_lexicon(
        texts: &[&str],
        vocabulary: bool,
        lexicon: Result<&Lexicon, String>,
    ) -> Self {
        let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, text) in texts.iter().enumerate() {
            if let Some(key) = normalised_key(text) {
                by_key.entry(key).or_default().push(i);
            }
        }
        let mut doc_of_note = vec![None; texts.len()];
        let mut notes_of_doc = Vec::with_capacity(by_key.len());
        let tokeniser = Tokeniser::new();
        let concepts = vocabulary.then(Concepts::new);
        let (mut meaning, notice) = lexicon_in_use(vocabulary, lexicon);
        let mut weighted: Vec<Vec<(Token, f32)>> = Vec::with_capacity(by_key.len());
        let mut doc_tokens = Vec::with_capacity(by_key.len());
        let mut words = Vec::with_capacity(by_key.len());
        for (doc, notes) in by_key.into_values().enumerate() {
            for &i in &notes {
                doc_of_note[i] = Some(doc as u32);
            }
            // The same text whatever the input order: the smallest of the identical variants.
            let text = notes.iter().map(|&i| texts[i]).min().unwrap_or_default();
            let word_tokens = tokeniser.tokens(text);
            let mut doc_words: Vec<String> = word_tokens.iter().map(|t| t.term.clone()).collect();
            doc_words.sort_unstable();
            doc_words.dedup();
            words.push(doc_words);
            doc_tokens.push(word_tokens);
            notes_of_doc.push(notes);
        }
        if let Some(meaning) = &mut meaning {
            meaning.set_common_words(&words);
        }
        let mut doc_vectors = Vec::with_capacity(doc_tokens.len());
        for word_tokens in doc_tokens {
            doc_vectors.push(meaning.as_mut().and_then(|m| m.note_vector(&word_tokens)));
            weighted.push(match (&concepts, &mut meaning) {
                (Some(concepts), Some(meaning)) => meaning.note_terms(word_tokens, concepts),
                (Some(concepts), None) => with_concepts(word_tokens, concepts),
                (None, _) => word_tokens.into_iter().map(|t| (t, 1.0)).collect(),
            });
        }
        if let Some(meaning) = &mut meaning {
            meaning.add_synonyms(&mut weighted);
        }
        let reasons = meaning.map(|m| m.reasons).unwrap_or_default();
        let (tokens, token_weights): (Vec<Vec<Token>>, Vec<Vec<f32>>) = weighted
            .into_iter()
            .map(|doc| doc.into_iter().unzip())
            .unzip();
        let terms: Vec<Vec<(&str, f32)>> = tokens
            .iter()
            .zip(&token_weights)
            .map(|(doc, w)| {
                doc.iter()
                    .map(|t| t.term.as_str())
                    .zip(w.iter().copied())
                    .collect()
            })
            .collect();
        let tfidf = Tfidf::weighted(&terms, |term| {
            if concepts::label(term).is_some() {
                concepts::BOOST
            } else {
                1.0
            }
        });
        // Term ids are alphabetical, so a binary search finds each one.
        let token_terms = terms
            .iter()
            .map(|doc| {
                doc.iter()
                    .filter_map(|(t, _)| {
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
            words,
            token_terms,
            token_weights,
            reasons,
            doc_vectors,
            notice,
            tfidf,
        }
    }

    /// How many notes each document stands for.
    pub fn weights(&self) -> Vec<f64> {
        self.notes_of_doc.iter().map(|n| n.len() as f64).collect()
    }
}

/// The word lexicon's state for one run: in use (with the vocabulary only), or not, with the
/// message to show when it should have been but could not be read.
fn lexicon_in_use(
    vocabulary: bool,
    lexicon: Result<&Lexicon, String>,
) -> (Option<Meaning<'_>>, Option<String>) {
    match (vocabulary, lexicon) {
        (true, Ok(lexicon)) => (Some(Meaning::new(lexicon)), None),
        (true, Err(e)) if !e.is_empty() => (
            None,
            Some(format!(
                "The word lexicon could not be read ({e}); suggestions use the built-in \
                 vocabulary only."
            )),
        ),
        _ => (None, None),
    }
}

/// `tokens` with each word that signals a concept replaced by the concept's term (one per
/// concept it signals), the word kept as its surface form: what the explanation lists.
fn with_concepts(tokens: Vec<Token>, concepts: &Concepts) -> Vec<(Token, f32)> {
    let mut out = Vec::with_capacity(tokens.len());
    for token in tokens {
        let mut terms = concepts.terms_of(&token.term).peekable();
        if terms.peek().is_none() {
            out.push((token, 1.0));
            continue;
        }
        for term in terms {
            let surface = token.surface.clone();
            out.push((Token { term, surface }, 1.0));
        }
    }
    out
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
        let p = Prepared::new(&["b note", "A note", "a note!", "", "b note"], true);
        assert_eq!(p.notes_of_doc, vec![vec![1, 2], vec![0, 4]]);
        assert_eq!(
            p.doc_of_note,
            vec![Some(1), Some(0), Some(0), None, Some(1)]
        );
        assert_eq!(p.weights(), vec![2.0, 2.0]);
    }

    #[test]
    fn the_vocabulary_counts_words_as_their_concepts() {
        let texts = ["Slow laptops", "Unreliable wifi"];
        let with = Prepared::new(&texts, true);
        let terms = |p: &Prepared, d: usize| -> Vec<String> {
            p.tokens[d].iter().map(|t| t.term.clone()).collect()
        };
        assert_eq!(terms(&with, 0), ["slow", "§infrastructure"]);
        assert_eq!(terms(&with, 1), ["unreli", "§infrastructure"]);
        assert_eq!(with.tokens[1][1].surface, "wifi");
        assert_eq!(with.words[1], ["unreli", "wifi"]);
        let without = Prepared::new(&texts, false);
        assert_eq!(terms(&without, 0), ["slow", "laptop"]);
    }
}
