//! What the word [`lexicon`](super::lexicon) adds to the built-in [`concepts`]: each note's
//! words become weighted terms.
//!
//! - A word the concepts lack counts toward the nearest concept when its vector is close
//!   enough to the concept's words ("rota" toward staffing: close to shift, schedule).
//! - A concept word whose vector is far from its concept keeps the concept only when the rest
//!   of the note agrees: "training" is about skills, but "train" beside "journey" is not.
//! - Two words of the notes that are near-synonyms count as shared: each note holding one also
//!   holds the other, at a lower weight.
//!
//! Everything here is deterministic: words are visited in document order and ties broken by
//! the word.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::concepts::{self, Concepts};
use super::lexicon::{Lexicon, Vector, dot, normalise};
use super::tokenise::Token;

/// A word the concepts lack counts toward a concept whose centroid is at least this close.
pub const ATTACH: f32 = 0.6;
/// The weight of the concept term such a word adds (a listed word weighs 1).
pub const ATTACH_WEIGHT: f32 = 0.7;
/// A concept word at least this close to its concept's centroid keeps it whatever the note
/// says; a farther one needs the note's other words to be [`SENSE_CONTEXT`] close.
pub const SENSE_ALONE: f32 = 0.3;
/// How close the rest of a note must be to a concept to keep an ambiguous word's concept.
pub const SENSE_CONTEXT: f32 = 0.2;
/// An ambiguous concept word loses its concept when the rest of its note is at least this
/// close to another concept (and not [`SENSE_CONTEXT`] close to its own).
pub const SENSE_ELSEWHERE: f32 = 0.3;
/// Two words of the notes at least this close count as one shared word.
pub const SYNONYM: f32 = 0.85;
/// The weight of the word a near-synonym adds.
pub const SYNONYM_WEIGHT: f32 = 0.6;
/// A word in more than this share of the notes is about the whole wall: it is not attached.
pub const COMMON_SHARE: f32 = 0.05;
/// Counting and calendar words: their vectors are all alike ("three" is 0.9 close to "four",
/// "monday" to "tuesday"), but a note saying "three signatures" shares nothing with one saying
/// "four times". Never linked or attached.
#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands",
    "million", "millions", "half", "dozen", "first", "second", "third", "fourth", "fifth",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "morning", "afternoon", "evening", "night", "week", "weeks",
    "month", "months", "year", "years", "day", "days",
];
/// Words the built-in vocabulary leaves out on purpose because they mean different things in
/// different notes (see [`concepts`]): the lexicon does not attach them either. "Digital" and
/// "technology" are what every digital-strategy lab is about, so they never say which theme a
/// note belongs to ("Digital CPD is one INSET session" is about skills), even on a wall where
/// too few notes use them to count as the wall's subject ([`COMMON_SHARE`]).
const NEVER_ATTACHED: &[&str] = &[
    "digital",
    "quality",
    "staff",
    "system",
    "systems",
    "tech",
    "technology",
];
/// How many of a concept's words an explanation names as close to an unseen word.
const CLOSE_WORDS: usize = 2;

/// One concept as vectors: its listed words that the lexicon knows, and their mean direction.
struct ConceptVectors {
    label: &'static str,
    words: Vec<(&'static str, Vector)>,
    centroid: Vector,
}

/// What the lexicon did, for the explanations.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reasons {
    /// (concept label, word as written in lower case) -> the concept's words it is closest to.
    pub attached: BTreeMap<(String, String), Vec<String>>,
    /// Word term -> the words (lower case) that were counted as it, being near-synonyms.
    pub synonyms: BTreeMap<String, BTreeSet<String>>,
}

/// The lexicon applied to one set of notes, with a cache of the vectors looked up.
pub struct Meaning<'a> {
    lexicon: &'a Lexicon,
    concepts: Vec<ConceptVectors>,
    cache: HashMap<String, Option<Vector>>,
    /// Word terms in so many of the notes that they say what the whole wall is about
    /// ("digital" on a digital-strategy wall), not what one group is about: never attached.
    common: BTreeSet<String>,
    /// What was done, for the explanations.
    pub reasons: Reasons,
}

impl<'a> Meaning<'a> {
    /// Looks up the vectors of every concept's words.
    pub fn new(lexicon: &'a Lexicon) -> Self {
        let concepts = concepts::concept_words()
            .map(|(label, words)| {
                let words: Vec<(&'static str, Vector)> = words
                    .into_iter()
                    .filter_map(|w| Some((w, lexicon.vector(w)?)))
                    .collect();
                let mut centroid = vec![0.0; words.first().map_or(0, |(_, v)| v.len())];
                for (_, v) in &words {
                    centroid.iter_mut().zip(v).for_each(|(c, x)| *c += x);
                }
                normalise(&mut centroid);
                ConceptVectors {
                    label,
                    words,
                    centroid,
                }
            })
            .collect();
        Self {
            lexicon,
            concepts,
            cache: HashMap::new(),
            common: BTreeSet::new(),
            reasons: Reasons::default(),
        }
    }

    /// Words in more than [`COMMON_SHARE`] of the notes (and at least three) are not attached
    /// to concepts: `docs` holds each note's distinct word terms.
    pub fn set_common_words(&mut self, docs: &[Vec<String>]) {
        let mut df: BTreeMap<&str, usize> = BTreeMap::new();
        for doc in docs {
            for term in doc {
                *df.entry(term).or_insert(0) += 1;
            }
        }
        let limit = (docs.len() as f32 * COMMON_SHARE).max(3.0);
        self.common = df
            .into_iter()
            .filter(|&(_, n)| n as f32 > limit)
            .map(|(t, _)| t.to_owned())
            .collect();
    }

    /// The vector of a token: its written form in lower case, else its stem.
    fn vector_of(&mut self, token: &Token) -> Option<Vector> {
        let lower = token.surface.to_lowercase();
        if let Some(v) = self.cache.get(&lower) {
            return v.clone();
        }
        let v = self
            .lexicon
            .vector(&lower)
            .or_else(|| self.lexicon.vector(&token.term));
        self.cache.insert(lower, v.clone());
        v
    }

    /// The mean direction of a note's words that the lexicon knows (counting and calendar
    /// words left out), or `None` when it knows none.
    pub fn note_vector(&mut self, words: &[Token]) -> Option<Vector> {
        let mut sum: Option<Vector> = None;
        for token in words {
            if NUMBER_WORDS.contains(&token.surface.to_lowercase().as_str()) {
                continue;
            }
            let Some(v) = self.vector_of(token) else {
                continue;
            };
            match &mut sum {
                Some(s) => s.iter_mut().zip(&v).for_each(|(a, x)| *a += x),
                None => sum = Some(v),
            }
        }
        let mut v = sum?;
        normalise(&mut v);
        Some(v)
    }

    /// The weighted terms of one note from its word tokens: concept words as their concepts
    /// (unless the note says otherwise), other words as themselves, plus the concept an unseen
    /// word is close to.
    pub fn note_terms(&mut self, words: Vec<Token>, concepts: &Concepts) -> Vec<(Token, f32)> {
        let vectors: Vec<Option<Vector>> = words.iter().map(|t| self.vector_of(t)).collect();
        let dims = vectors.iter().flatten().next().map_or(0, Vec::len);
        let mut sum = vec![0.0f32; dims];
        for v in vectors.iter().flatten() {
            sum.iter_mut().zip(v).for_each(|(s, x)| *s += x);
        }
        let mut out = Vec::with_capacity(words.len() + 2);
        for (token, vector) in words.into_iter().zip(vectors) {
            let context = vector.as_ref().map(|v| {
                let mut c: Vector = sum.iter().zip(v).map(|(s, x)| s - x).collect();
                normalise(&mut c);
                c
            });
            let ids = concepts.ids_of(&token.term);
            if !ids.is_empty() {
                let kept: Vec<u16> = ids
                    .iter()
                    .copied()
                    .filter(|&id| self.sense_holds(id, vector.as_ref(), context.as_ref()))
                    .collect();
                if kept.is_empty() {
                    out.push((token.clone(), 1.0));
                }
                for id in kept {
                    let term = Concepts::term(id);
                    out.push((
                        Token {
                            term,
                            ..token.clone()
                        },
                        1.0,
                    ));
                }
                continue;
            }
            let attached = vector
                .as_ref()
                .filter(|_| !self.common.contains(&token.term))
                .filter(|_| {
                    let lower = token.surface.to_lowercase();
                    !NUMBER_WORDS.contains(&lower.as_str())
                        && !NEVER_ATTACHED.contains(&lower.as_str())
                })
                .and_then(|v| self.nearest_concept(v));
            out.push((token.clone(), 1.0));
            let (Some(id), Some(v)) = (attached, vector) else {
                continue;
            };
            let concept = &self.concepts[id];
            let close = close_words(&concept.words, &v);
            self.reasons.attached.insert(
                (concept.label.to_owned(), token.surface.to_lowercase()),
                close,
            );
            let term = Concepts::term(id as u16);
            out.push((Token { term, ..token }, ATTACH_WEIGHT));
        }
        out
    }

    /// Whether a concept word keeps concept `id` in this note. It does when its own vector is
    /// close to the concept, or the rest of the note is. Otherwise it loses the concept when
    /// its own vector leans to another concept ("train" is nearer travel and design words than
    /// skills ones) or the rest of the note clearly does ("train" beside "laptop"). Words the
    /// lexicon lacks keep their concepts.
    fn sense_holds(&self, id: u16, vector: Option<&Vector>, context: Option<&Vector>) -> bool {
        let (Some(concept), Some(v), Some(context)) =
            (self.concepts.get(usize::from(id)), vector, context)
        else {
            return true;
        };
        let own = dot(v, &concept.centroid);
        if concept.centroid.is_empty() || own >= SENSE_ALONE {
            return true;
        }
        if dot(context, &concept.centroid) >= SENSE_CONTEXT {
            return true;
        }
        // The closest other concept, to the word itself and to the rest of the note.
        let (word_elsewhere, context_elsewhere) = self
            .concepts
            .iter()
            .enumerate()
            .filter(|(i, c)| *i != usize::from(id) && !c.centroid.is_empty())
            .map(|(_, c)| (dot(v, &c.centroid), dot(context, &c.centroid)))
            .fold((f32::MIN, f32::MIN), |(w, c), (x, y)| (w.max(x), c.max(y)));
        word_elsewhere <= own && context_elsewhere < SENSE_ELSEWHERE
    }

    /// The concept whose centroid is closest to `v`, if at least [`ATTACH`] close.
    fn nearest_concept(&self, v: &Vector) -> Option<usize> {
        let mut best: Option<(usize, f32)> = None;
        for (i, c) in self.concepts.iter().enumerate() {
            if c.centroid.is_empty() {
                continue;
            }
            let s = dot(v, &c.centroid);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
            }
        }
        best.filter(|&(_, s)| s >= ATTACH).map(|(i, _)| i)
    }

    /// Makes near-synonyms shared words: each note holding a word also gets, at
    /// [`SYNONYM_WEIGHT`], every other word of the notes at least [`SYNONYM`] close to it.
    pub fn add_synonyms(&mut self, docs: &mut [Vec<(Token, f32)>]) {
        // Each word term once, with the form first written and its vector.
        let mut words: BTreeMap<String, (Token, Option<Vector>)> = BTreeMap::new();
        for doc in docs.iter() {
            for (token, weight) in doc {
                if *weight == 1.0 && concepts::label(&token.term).is_none() {
                    words
                        .entry(token.term.clone())
                        .or_insert_with(|| (token.clone(), None));
                }
            }
        }
        let mut known: Vec<(String, Token, Vector)> = Vec::new();
        for (term, (token, _)) in words {
            if NUMBER_WORDS.contains(&token.surface.to_lowercase().as_str()) {
                continue;
            }
            if let Some(v) = self.vector_of(&token) {
                known.push((term, token, v));
            }
        }
        let mut links: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for i in 0..known.len() {
            for j in i + 1..known.len() {
                if dot(&known[i].2, &known[j].2) >= SYNONYM {
                    links.entry(known[i].0.as_str()).or_default().push(j);
                    links.entry(known[j].0.as_str()).or_default().push(i);
                }
            }
        }
        if links.is_empty() {
            return;
        }
        for doc in docs.iter_mut() {
            let present: BTreeSet<String> = doc.iter().map(|(t, _)| t.term.clone()).collect();
            let mut added: BTreeSet<usize> = BTreeSet::new();
            for (token, weight) in doc.iter() {
                if *weight != 1.0 {
                    continue;
                }
                for &j in links.get(token.term.as_str()).into_iter().flatten() {
                    if !present.contains(&known[j].0) && added.insert(j) {
                        self.reasons
                            .synonyms
                            .entry(known[j].0.clone())
                            .or_default()
                            .insert(token.surface.to_lowercase());
                    }
                }
            }
            for j in added {
                doc.push((known[j].1.clone(), SYNONYM_WEIGHT));
            }
        }
    }
}

/// The [`CLOSE_WORDS`] words of a concept closest to `v` (ties alphabetical).
fn close_words(words: &[(&'static str, Vector)], v: &Vector) -> Vec<String> {
    let mut scored: Vec<(f32, &str)> = words.iter().map(|(w, x)| (dot(v, x), *w)).collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(CLOSE_WORDS)
        .map(|(_, w)| w.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grouping::lexicon;
    use crate::grouping::tokenise::Tokeniser;

    fn terms(texts: &[&str]) -> Vec<Vec<(String, f32)>> {
        let Ok(lexicon) = lexicon::shared() else {
            panic!("the built-in lexicon loads");
        };
        let mut meaning = Meaning::new(lexicon);
        let (tokeniser, concepts) = (Tokeniser::new(), Concepts::new());
        let mut docs: Vec<Vec<(Token, f32)>> = texts
            .iter()
            .map(|t| meaning.note_terms(tokeniser.tokens(t), &concepts))
            .collect();
        meaning.add_synonyms(&mut docs);
        docs.into_iter()
            .map(|d| d.into_iter().map(|(t, w)| (t.term, w)).collect())
            .collect()
    }

    #[test]
    fn a_word_keeps_or_loses_its_concept_by_the_rest_of_the_note() {
        let docs = terms(&[
            "Training courses",
            "Train journey",
            "Laptop left on a train",
        ]);
        assert!(docs[0].contains(&("§skills".to_owned(), 1.0)), "{docs:?}");
        assert!(docs[1].iter().all(|(t, _)| t != "§skills"), "{docs:?}");
        assert!(docs[1].contains(&("train".to_owned(), 1.0)), "{docs:?}");
        assert!(docs[2].iter().all(|(t, _)| t != "§skills"), "{docs:?}");
    }

    #[test]
    fn an_unseen_word_adds_its_nearest_concept_at_a_lower_weight() {
        let docs = terms(&["Worried about hackers"]);
        assert!(docs[0].contains(&("hacker".to_owned(), 1.0)), "{docs:?}");
        assert!(
            docs[0].contains(&("§security".to_owned(), ATTACH_WEIGHT)),
            "{docs:?}"
        );
    }

    #[test]
    fn what_every_digital_lab_is_about_is_never_attached_to_a_theme() {
        let texts: Vec<String> = (0..40)
            .map(|i| match i {
                0 => "Digital CPD is one session then nothing".to_owned(),
                1 => "Appoint a digital lead in each school".to_owned(),
                _ => format!("Note number {i}"),
            })
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let docs = terms(&texts);
        for doc in &docs[..2] {
            assert!(doc.contains(&("digit".to_owned(), 1.0)), "{doc:?}");
            assert!(doc.iter().all(|(t, _)| t != "§infrastructure"), "{doc:?}");
        }
    }

    #[test]
    fn near_synonyms_become_shared_words_but_weekdays_do_not() {
        let docs = terms(&[
            "Cars parked badly",
            "Vehicles block the gate",
            "Monday",
            "Tuesday",
        ]);
        assert!(
            docs[0].contains(&("vehicl".to_owned(), SYNONYM_WEIGHT)),
            "{docs:?}"
        );
        assert!(
            docs[1].contains(&("car".to_owned(), SYNONYM_WEIGHT)),
            "{docs:?}"
        );
        assert_eq!(docs[2].len(), 1, "{docs:?}");
    }
}
