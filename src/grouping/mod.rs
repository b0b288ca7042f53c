//! Theme suggestions from note text, computed on this machine with no network.
//!
//! Pure functions: text in, groups out. The UI runs [`suggest`] on a background thread; the
//! `suggest-themes` command and the `themes` benchmark call it directly.
//!
//! The steps, each in its own file:
//! 1. [`prepare`]: identical notes (ignoring case and punctuation) fold into one weighted
//!    document, so 10,000 copies of a note cost as much as one.
//! 2. [`tokenise`]: Unicode words, lower case, [`stop_words`] dropped, Snowball English stems;
//!    Chinese and Japanese runs become overlapping character pairs. Words in the built-in
//!    [`concepts`] lexicon also add their concept ("wifi" and "laptops" both add
//!    infrastructure), so short notes about one topic in different words still meet. The word
//!    [`lexicon`] (GloVe-derived vectors built into the app, read on first use) extends that
//!    to words the concepts never listed: [`meaning`] attaches them to the nearest concept,
//!    checks a concept word's sense against the rest of its note, and adds near-synonyms.
//! 3. [`tfidf`]: sublinear tf, smoothed idf (concept terms boosted), unit-length sparse vectors.
//! 4. [`similarity`]: cosine similarity through an inverted index (only notes sharing a term
//!    are compared), keeping each note's 40 nearest neighbours. With the word lexicon,
//!    [`blend`] adds how close the notes' mean word vectors are, so two notes about one thing
//!    in different words are similar even with no word or topic in common.
//! 5. [`cluster`]: average-linkage agglomerative clustering that stops when no two groups are
//!    similar enough on average; the threshold, not a group count, is the setting.
//! 6. [`leftovers`] lets a lone note join the group it is nearly similar enough to, or (with
//!    the word lexicon) whose words mean nearly what its own do; with the word lexicon, two
//!    notes still alone that are each other's closest pair up. Groups of one note are left
//!    alone ("ungrouped"); [`naming`] names the rest from their shared keywords;
//!    [`duplicates`] flags near-identical notes.
//!
//! [`existing`] offers notes to the themes the room already made before grouping the rest.
//! [`metrics`] and [`kmeans`] serve the quality benchmark (`cargo bench --bench themes`).

pub mod blend;
pub mod cluster;
pub mod concepts;
pub mod duplicates;
pub mod existing;
pub mod grown;
pub mod kmeans;
pub mod leftovers;
pub mod lexicon;
pub mod meaning;
pub mod metrics;
pub mod naming;
pub mod prepare;
pub mod report;
pub mod similarity;
pub mod stop_words;
pub mod tfidf;
pub mod tokenise;

/// How eager the clustering is to make groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Params {
    /// From -5 (fewer, larger groups) to +5 (more, tighter groups); 0 is the default.
    pub granularity: i32,
    /// Use the built-in workshop [`concepts`] (on by default); off compares words only.
    pub vocabulary: bool,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            granularity: 0,
            vocabulary: true,
        }
    }
}

impl Params {
    /// The lowest granularity: fewest, largest groups.
    pub const MIN_GRANULARITY: i32 = -5;
    /// The highest granularity: most, tightest groups.
    pub const MAX_GRANULARITY: i32 = 5;

    /// The average similarity two groups need to be merged at this granularity (clamped to
    /// -5..=5): [`DEFAULT_THRESHOLD`] at 0, each step up multiplying it by [`GRANULARITY_STEP`].
    pub fn threshold(&self) -> f64 {
        let g = self
            .granularity
            .clamp(Self::MIN_GRANULARITY, Self::MAX_GRANULARITY);
        (DEFAULT_THRESHOLD * GRANULARITY_STEP.powi(g)).min(0.95)
    }
}

/// The merge threshold at granularity 0. Tuned on the banking77 test set (see the README): it
/// beats a k-means baseline told the true number of groups, while keeping groups tight enough
/// for a person to recognise (lower thresholds score a little higher there but mix topics).
pub const DEFAULT_THRESHOLD: f64 = 0.2;

/// How much one step of granularity scales the threshold.
pub const GRANULARITY_STEP: f64 = 1.2;

/// One suggested theme: indices into the input texts.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// A proposed name made of its top keywords, e.g. "Data · sharing".
    pub name: String,
    /// Its top keywords (concept labels, or words as written in the notes, not stemmed), most
    /// important first.
    pub keywords: Vec<String>,
    /// Why its notes belong together, in words: "about infrastructure (wifi, laptops,
    /// servers); they share slow".
    pub why: String,
    /// Indices of the member texts, ascending.
    pub members: Vec<usize>,
}

/// The result of [`suggest`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Suggestions {
    /// The groups, largest first (ties in order of their first member).
    pub groups: Vec<Group>,
    /// Texts that fit no group, ascending.
    pub ungrouped: Vec<usize>,
    /// Sets of near-duplicate texts (each ascending), which could be stacked into one.
    pub duplicates: Vec<Vec<usize>>,
    /// Something the user should know about how these were made, e.g. that the word lexicon
    /// could not be read and only the built-in vocabulary was used.
    pub notice: Option<String>,
}

/// Suggests groups for `texts`. Deterministic: the same input always gives the same output,
/// and shuffling the input gives the same groups (as sets of texts).
pub fn suggest(texts: &[&str], params: &Params) -> Suggestions {
    suggest_at_threshold(texts, params.threshold(), params.vocabulary)
}

/// [`suggest`] with the merge threshold given directly (for tuning and the benchmark).
pub fn suggest_at_threshold(texts: &[&str], threshold: f64, vocabulary: bool) -> Suggestions {
    from_prepared(&prepare::Prepared::new(texts, vocabulary), threshold)
}

/// [`suggest_at_threshold`] with the word lexicon given (`Err` with a reason when it could not
/// be read, or an empty reason to leave it out): for tests and the benchmark.
pub fn suggest_with_lexicon(
    texts: &[&str],
    threshold: f64,
    vocabulary: bool,
    lexicon: Result<&lexicon::Lexicon, String>,
) -> Suggestions {
    let prepared = prepare::Prepared::with_lexicon(texts, vocabulary, lexicon);
    from_prepared(&prepared, threshold)
}

/// Clusters prepared notes and describes the groups.
fn from_prepared(prepared: &prepare::Prepared, threshold: f64) -> Suggestions {
    let vectors = &prepared.tfidf.vectors;
    let graph = similarity::neighbour_graph(
        vectors,
        prepared.tfidf.terms.len(),
        similarity::NEIGHBOURS,
        duplicates::NEAR_DUPLICATE_SIMILARITY,
    );
    let weights = prepared.weights();
    // With the word lexicon, notes close in meaning are linked even without a word in common.
    let blended = blend::blended_edges(
        vectors,
        prepared.tfidf.terms.len(),
        &prepared.doc_vectors,
        similarity::NEIGHBOURS,
    );
    let with_meaning = blended.is_some();
    let edges = blended.unwrap_or_else(|| graph.edges.clone());
    let mut clusters = cluster::average_linkage(&weights, &edges, threshold);
    let min = leftovers::min_similarity(threshold);
    let min_link = leftovers::min_link(threshold);
    let gained = leftovers::adopt(
        &mut clusters,
        &prepared.doc_vectors,
        &weights,
        &edges,
        min,
        min_link,
    );
    // Two notes still alone that are each other's closest make a pair, when closeness in
    // meaning is part of the similarity (by words alone, one shared word such as "people"
    // would pair notes that have nothing else in common).
    let paired = if with_meaning {
        leftovers::pair_lone(&mut clusters, &weights, &edges, min_link)
    } else {
        vec![false; clusters.len()]
    };
    let mut groups = Vec::new();
    let mut ungrouped: Vec<usize> = prepared
        .doc_of_note
        .iter()
        .enumerate()
        .filter(|(_, d)| d.is_none())
        .map(|(i, _)| i)
        .collect();
    for ((docs, gained), paired) in clusters.into_iter().zip(gained).zip(paired) {
        if docs.is_empty() {
            continue; // A lone note that joined a group.
        }
        let mut members: Vec<usize> = docs
            .iter()
            .flat_map(|&d| prepared.notes_of_doc[d as usize].iter().copied())
            .collect();
        members.sort_unstable();
        // A note without terms (only emoji or stop words) says nothing to group it by.
        let has_terms = docs.iter().any(|&d| !vectors[d as usize].is_empty());
        if members.len() < 2 || !has_terms {
            ungrouped.extend(members);
            continue;
        }
        let description = naming::describe(&docs, prepared);
        let mut why = description.why;
        why.push_str(&gained_why(gained));
        if paired {
            why.push_str(PAIRED_WHY);
        }
        groups.push(Group {
            name: description.name,
            keywords: description.keywords,
            why,
            members,
        });
    }
    groups.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then(a.members[0].cmp(&b.members[0]))
    });
    ungrouped.sort_unstable();
    Suggestions {
        groups,
        ungrouped,
        duplicates: duplicates::near_duplicates(prepared, &graph.close_pairs),
        notice: prepared.notice.clone(),
    }
}

/// What the explanation of a pair made by [`leftovers::pair_lone`] adds.
const PAIRED_WHY: &str = "; two notes left alone, each closest to the other";

/// What a group's explanation adds for the lone notes that joined it: "; 1 more note fits best
/// here (close in words and meaning); 2 more notes are close in meaning overall".
fn gained_why(gained: leftovers::Gained) -> String {
    let mut out = String::new();
    let more =
        |n: usize, one: &str, many: &str| format!("; {n} more {}", if n == 1 { one } else { many });
    if gained.by_words > 0 {
        out += &more(
            gained.by_words,
            "note fits best here (close in words and meaning)",
            "notes fit best here (close in words and meaning)",
        );
    }
    if gained.by_meaning > 0 {
        out += &more(
            gained.by_meaning,
            "note is close in meaning overall",
            "notes are close in meaning overall",
        );
    }
    out
}

/// Every text labelled with its group for the quality metrics: group `i` gets label `i`, and
/// each ungrouped text a label of its own (a group of one).
pub fn labels(suggestions: &Suggestions, len: usize) -> Vec<usize> {
    let mut labels: Vec<usize> = (0..len).map(|i| suggestions.groups.len() + i).collect();
    for (g, group) in suggestions.groups.iter().enumerate() {
        for &m in &group.members {
            if let Some(l) = labels.get_mut(m) {
                *l = g;
            }
        }
    }
    labels
}
