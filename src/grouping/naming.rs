//! Names and explanations for groups: the keywords the member notes share, weighted by TF-IDF,
//! shown as they were written in the notes.

use std::collections::HashMap;

use super::prepare::Prepared;

/// At most this many keywords explain a group.
const MAX_KEYWORDS: usize = 5;
/// A third keyword joins the name when it weighs at least this share of the second.
const THIRD_NAME_WORD_SHARE: f64 = 0.75;

/// The name and keywords of the group made of documents `docs`.
///
/// Keywords are the terms found in at least two of the group's notes, by summed TF-IDF weight
/// (ties alphabetical); the name is the top two (three when the third is nearly as strong),
/// e.g. "Data · sharing".
pub fn describe(docs: &[u32], prepared: &Prepared) -> (String, Vec<String>) {
    // term id -> (summed weight, notes holding it)
    let mut scores: HashMap<u32, (f64, usize)> = HashMap::new();
    // term id -> surface form -> notes using it
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
    let mut shared: Vec<(u32, f64)> = scores
        .into_iter()
        .filter(|(_, (_, notes))| *notes >= 2)
        .map(|(t, (score, _))| (t, score))
        .collect();
    shared.sort_by(|a, b| {
        b.1.total_cmp(&a.1).then_with(|| {
            prepared.tfidf.terms[a.0 as usize].cmp(&prepared.tfidf.terms[b.0 as usize])
        })
    });
    shared.truncate(MAX_KEYWORDS);
    let keywords: Vec<String> = shared
        .iter()
        .map(|(t, _)| {
            surfaces
                .get(t)
                .map_or_else(|| prepared.tfidf.terms[*t as usize].clone(), shown_form)
        })
        .collect();
    let mut in_name = keywords.len().min(2);
    if shared.len() >= 3 && shared[2].1 >= THIRD_NAME_WORD_SHARE * shared[1].1 {
        in_name = 3;
    }
    let name = capitalise_first(&keywords[..in_name].join(" · "));
    (name, keywords)
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
        let prepared = Prepared::new(&texts);
        let (name, keywords) = describe(&[0, 1, 2], &prepared);
        // Equal weights: alphabetical by term, so "data" comes first.
        assert_eq!(keywords, ["data", "sharing"]);
        assert_eq!(name, "Data · sharing");
    }

    #[test]
    fn capitalise_handles_non_latin_and_empty() {
        assert_eq!(capitalise_first("data · sharing"), "Data · sharing");
        assert_eq!(capitalise_first("数据"), "数据");
        assert_eq!(capitalise_first(""), "");
    }
}
