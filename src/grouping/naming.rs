//! Names and explanations for groups: the concepts and keywords the member notes share,
//! weighted by TF-IDF, with words shown as they were written in the notes.

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

use super::concepts;
use super::prepare::Prepared;

/// At most this many keywords explain a group.
const MAX_KEYWORDS: usize = 5;
/// At most this many of the words that signal a concept are listed in an explanation.
const MAX_TRIGGERS: usize = 4;
/// A second keyword joins the name when it weighs at least this share of the first: a group
/// that is plainly about infrastructure is called "Infrastructure", not "Infrastructure · slow".
const SECOND_NAME_WORD_SHARE: f64 = 0.5;
/// A third keyword joins the name when it weighs at least this share of the second.
const THIRD_NAME_WORD_SHARE: f64 = 0.75;

/// What a group is called and why its notes belong together.
#[derive(Clone, Debug, PartialEq)]
pub struct Description {
    /// The top one to three keywords, e.g. "Data · sharing" or "Infrastructure".
    pub name: String,
    /// Each concept label followed by the words that signalled it, and the shared words, most
    /// important first, each once.
    pub keywords: Vec<String>,
    /// The explanation: "about infrastructure (wifi, laptops, servers); they share slow".
    pub why: String,
}

/// One keyword of a group, with its weight and, for a concept, the words that signalled it.
struct Keyword {
    text: String,
    score: f64,
    concept: bool,
    /// For a concept: whether a note of the group writes its label ("data" for data).
    label_written: bool,
    triggers: Vec<String>,
    /// How the word lexicon linked words to this keyword, e.g. "'rota' counted as staffing:
    /// close to shift, schedule".
    links: Vec<String>,
}

/// The name, keywords and explanation of the group made of documents `docs`.
///
/// Keywords are the terms (concepts and words) found in at least two of the group's notes, by
/// summed TF-IDF weight (ties alphabetical). A word that only repeats a concept's label is
/// left out ("data" beside the data concept).
pub fn describe(docs: &[u32], prepared: &Prepared) -> Description {
    // term id -> (summed weight, notes holding it)
    let mut scores: HashMap<u32, (f64, usize)> = HashMap::new();
    // term id -> surface form -> notes using it (for a concept: the words that signalled it)
    let mut surfaces: HashMap<u32, HashMap<&str, usize>> = HashMap::new();
    for &doc in docs {
        let notes = prepared.notes_of_doc[doc as usize].len();
        for &(t, w) in &prepared.tfidf.vectors[doc as usize] {
            let entry = scores.entry(t).or_insert((0.0, 0));
            entry.0 += f64::from(w) * notes as f64;
            entry.1 += notes;
        }
        let terms = &prepared.token_terms[doc as usize];
        for (token, &t) in prepared.tokens[doc as usize].iter().zip(terms) {
            *surfaces
                .entry(t)
                .or_default()
                .entry(token.surface.as_str())
                .or_insert(0) += notes;
        }
    }
    let terms = &prepared.tfidf.terms;
    let mut shared: Vec<(u32, f64)> = scores
        .into_iter()
        .filter(|(_, (_, notes))| *notes >= 2)
        .map(|(t, (score, _))| (t, score))
        .collect();
    shared.sort_by(|a, b| {
        b.1.total_cmp(&a.1)
            .then_with(|| terms[a.0 as usize].cmp(&terms[b.0 as usize]))
    });
    let stemmer = Stemmer::create(Algorithm::English);
    let label_stems: Vec<String> = shared
        .iter()
        .filter_map(|(t, _)| concepts::label(&terms[*t as usize]))
        .map(|label| stemmer.stem(label).into_owned())
        .collect();
    // Every word of the group as written, in lower case: which near-synonyms it really used.
    let written: std::collections::BTreeSet<String> = docs
        .iter()
        .flat_map(|&d| &prepared.tokens[d as usize])
        .map(|t| t.surface.to_lowercase())
        .collect();
    let no_forms = HashMap::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    for (t, score) in shared {
        let term = &terms[t as usize];
        let forms = surfaces.get(&t).unwrap_or(&no_forms);
        let keyword = if let Some(label) = concepts::label(term) {
            let (triggers, label_written) = triggers(forms, label, &stemmer);
            Keyword {
                label_written,
                links: attached_links(label, &triggers, prepared),
                text: label.to_owned(),
                score,
                concept: true,
                triggers,
            }
        } else if label_stems.contains(term) {
            continue;
        } else {
            Keyword {
                text: if forms.is_empty() {
                    term.clone()
                } else {
                    shown_form(forms)
                },
                score,
                concept: false,
                label_written: false,
                triggers: Vec::new(),
                links: synonym_links(term, &written, prepared),
            }
        };
        keywords.push(keyword);
        if keywords.len() == MAX_KEYWORDS {
            break;
        }
    }
    let mut in_name = keywords.len().min(1);
    if keywords.len() >= 2 && keywords[1].score >= SECOND_NAME_WORD_SHARE * keywords[0].score {
        in_name = 2;
        if keywords.len() >= 3 && keywords[2].score >= THIRD_NAME_WORD_SHARE * keywords[1].score {
            in_name = 3;
        }
    }
    let mut name_words: Vec<&str> = Vec::new();
    for word in keywords[..in_name].iter().map(name_word) {
        if !name_words.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            name_words.push(word);
        }
    }
    Description {
        name: capitalise_first(&name_words.join(" · ")),
        why: explain(&keywords),
        keywords: flatten(keywords),
    }
}

/// How a keyword appears in a group's name: a concept signalled by one word only, and never by
/// its label, is named by that word, so notes that all say "students" make a group called
/// "Students", not "Customers" (the explanation still says "about customers (students)").
fn name_word(k: &Keyword) -> &str {
    match k.triggers.as_slice() {
        [only] if k.concept && !k.label_written => only,
        _ => &k.text,
    }
}

/// The keywords as a list of words: each concept's label, then the words that signalled it.
fn flatten(keywords: Vec<Keyword>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for keyword in keywords {
        for word in std::iter::once(keyword.text).chain(keyword.triggers) {
            if !out.iter().any(|w| w.eq_ignore_ascii_case(&word)) {
                out.push(word);
            }
        }
    }
    out
}

/// The words that signalled a concept, most used first, without the label itself; forms of one
/// word ("share", "sharing") are listed once. Also whether the label itself was written.
fn triggers(forms: &HashMap<&str, usize>, label: &str, stemmer: &Stemmer) -> (Vec<String>, bool) {
    let label_stem = stemmer.stem(label);
    let mut by_stem: HashMap<String, HashMap<&str, usize>> = HashMap::new();
    for (form, count) in forms {
        let stem = stemmer.stem(&form.to_lowercase()).into_owned();
        by_stem.entry(stem).or_default().insert(form, *count);
    }
    let label_written = by_stem.remove(label_stem.as_ref()).is_some();
    let mut words: Vec<(usize, String)> = by_stem
        .into_values()
        .map(|forms| (forms.values().sum(), shown_form(&forms)))
        .collect();
    words.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let words = words
        .into_iter()
        .take(MAX_TRIGGERS)
        .map(|(_, w)| w)
        .collect();
    (words, label_written)
}

/// For a concept's listed words, how the lexicon attached those the concept does not list:
/// "'rota' counted as staffing: close to shift, schedule".
fn attached_links(label: &str, triggers: &[String], prepared: &Prepared) -> Vec<String> {
    triggers
        .iter()
        .filter_map(|word| {
            let key = (label.to_owned(), word.to_lowercase());
            let close = prepared.reasons.attached.get(&key)?;
            Some(format!(
                "'{word}' counted as {label}: close to {}",
                close.join(", ")
            ))
        })
        .collect()
}

/// For a shared word, the near-synonyms in the group that counted as it: "or 'router'".
fn synonym_links(
    term: &str,
    written: &std::collections::BTreeSet<String>,
    prepared: &Prepared,
) -> Vec<String> {
    let Some(words) = prepared.reasons.synonyms.get(term) else {
        return Vec::new();
    };
    let used: Vec<&str> = words
        .iter()
        .filter(|w| written.contains(*w))
        .map(String::as_str)
        .take(MAX_TRIGGERS)
        .collect();
    if used.is_empty() {
        return Vec::new();
    }
    vec![format!("or '{}'", used.join("', '"))]
}

/// The text of one keyword in an explanation: "staffing (rota, shifts — 'rota' counted as
/// staffing: close to shift, schedule)".
fn keyword_text(k: &Keyword) -> String {
    let mut inside = k.triggers.join(", ");
    if !k.links.is_empty() {
        if !inside.is_empty() {
            inside.push_str(" \u{2014} ");
        }
        inside.push_str(&k.links.join("; "));
    }
    if inside.is_empty() {
        k.text.clone()
    } else {
        format!("{} ({inside})", k.text)
    }
}

/// "about infrastructure (wifi, laptops) and skills (training); they share slow, old".
fn explain(keywords: &[Keyword]) -> String {
    let concepts: Vec<String> = keywords
        .iter()
        .filter(|k| k.concept)
        .map(keyword_text)
        .collect();
    // A word already listed as signalling a concept is not repeated.
    let words: Vec<String> = keywords
        .iter()
        .filter(|k| !k.concept)
        .filter(|k| {
            !keywords
                .iter()
                .any(|c| c.triggers.iter().any(|w| w.eq_ignore_ascii_case(&k.text)))
        })
        .map(keyword_text)
        .collect();
    let mut parts = Vec::new();
    if !concepts.is_empty() {
        parts.push(format!("about {}", concepts.join(" and ")));
    }
    if !words.is_empty() {
        parts.push(format!("they share {}", words.join(", ")));
    }
    parts.join("; ")
}

/// The form to show for a term: the most used spelling (compared without case), written in
/// lower case when anyone wrote it so, else as most often written (keeps "API" and "NHS").
fn shown_form(forms: &HashMap<&str, usize>) -> String {
    let mut by_lower: HashMap<String, usize> = HashMap::new();
    for (form, count) in forms {
        *by_lower.entry(form.to_lowercase()).or_insert(0) += count;
    }
    let Some((lower, _)) = by_lower
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
    else {
        return String::new();
    };
    if forms.contains_key(lower.as_str()) {
        return lower;
    }
    forms
        .iter()
        .filter(|(form, _)| form.to_lowercase() == lower)
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map_or(lower.clone(), |(form, _)| (*form).to_owned())
}

/// `text` with its first letter in upper case.
fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    first.to_uppercase().chain(chars).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_form_prefers_lower_case_then_the_most_written() {
        let forms = HashMap::from([("Sharing", 3), ("sharing", 1), ("shared", 2)]);
        assert_eq!(shown_form(&forms), "sharing");
        let forms = HashMap::from([("API", 2), ("Api", 1)]);
        assert_eq!(shown_form(&forms), "API");
    }

    #[test]
    fn names_are_the_top_shared_keywords() {
        let texts = [
            "Data sharing between teams",
            "Sharing data across departments",
            "Open data sharing portal",
        ];
        let prepared = Prepared::new(&texts, true);
        let d = describe(&[0, 1, 2], &prepared);
        // "data" and "sharing" both count as the data concept.
        assert_eq!(d.keywords, ["data", "sharing"], "{d:?}");
        assert_eq!(d.name, "Data");
        assert_eq!(d.why, "about data (sharing)");
        // Without the vocabulary, the words themselves.
        let words = Prepared::new(&texts, false);
        let d = describe(&[0, 1, 2], &words);
        // Equal weights: alphabetical by term, so "data" comes first.
        assert_eq!(d.keywords, ["data", "sharing"], "{d:?}");
        assert_eq!(d.name, "Data · sharing");
        assert_eq!(d.why, "they share data, sharing");
    }

    #[test]
    fn a_concept_signalled_by_one_word_is_named_by_it() {
        let texts = [
            "Students need devices at home",
            "Students fall behind in maths",
            "Students get round the filter",
        ];
        let d = describe(&[0, 1, 2], &Prepared::new(&texts, true));
        assert_eq!(d.name, "Students", "{d:?}");
        assert!(d.why.starts_with("about customers (students"), "{d:?}");
        // Two words signal it: the concept's label names the group.
        let texts = [
            "Students need devices",
            "Parents need wifi",
            "Students and parents",
        ];
        let d = describe(&[0, 1, 2], &Prepared::new(&texts, true));
        assert!(d.name.starts_with("Customers ·"), "{d:?}");
    }

    #[test]
    fn capitalise_handles_non_latin_and_empty() {
        assert_eq!(capitalise_first("data · sharing"), "Data · sharing");
        assert_eq!(capitalise_first("数据"), "数据");
        assert_eq!(capitalise_first(""), "");
    }
}
