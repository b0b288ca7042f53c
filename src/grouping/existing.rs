//! Suggestions that respect the themes the room already made: notes in no theme that probably
//! belong to an existing theme are offered to it ("3 notes probably belong to Infrastructure:
//! they mention wifi, laptops"), the rest are grouped as before, and a new group is never given
//! the name of an existing theme: its notes are offered to that theme instead.
//!
//! Pure, like the rest of [`crate::grouping`]: it reuses the same tokenising, concepts and
//! TF-IDF weights ([`super::prepare::Prepared`]) and cosine similarity. Each theme is described
//! by its name and its notes together: the mean of their vectors, with the name counted as
//! [`NAME_WEIGHT`] notes, since the name is what the room chose it to be about. With the word
//! lexicon, closeness in meaning adds to the similarity exactly as it does when notes are
//! grouped ([`blend::meaning_bonus`]): the note's mean word vector against the theme's.

use std::collections::{BTreeMap, HashMap};

use super::blend;
use super::lexicon::{Vector, dot, normalise as normalise_dense};
use super::prepare::Prepared;
use super::similarity::cosine;
use super::tfidf::{SparseVec, normalise};
use super::{Params, Suggestions, concepts, suggest};

/// A note joins an existing theme when its similarity to the theme is at least this: about the
/// similarity two short notes need to be grouped at the default granularity.
pub const MIN_SIMILARITY: f32 = 0.2;
/// A theme's name weighs as much as this many of its notes.
pub const NAME_WEIGHT: f32 = 2.0;
/// At most this many words explain why notes belong to a theme.
const MAX_REASONS: usize = 4;

/// A theme the room already made: its name and the text of its notes.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeText {
    /// The theme's name as shown.
    pub name: String,
    /// The text of each of its notes.
    pub notes: Vec<String>,
}

/// Notes in no theme that probably belong to an existing theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    /// The theme, as an index into the themes given.
    pub theme: usize,
    /// Indices of the notes (into the texts given), ascending.
    pub members: Vec<usize>,
    /// The words the notes share with the theme, as written in the notes, most common first.
    pub reasons: Vec<String>,
    /// How many of the notes fit only because they are also close in meaning (their words in
    /// common alone fall short of [`MIN_SIMILARITY`]).
    pub by_meaning: usize,
}

impl Fit {
    /// Why the notes belong there, in words: "they mention wifi, laptops" (empty when the
    /// theme's name alone matched).
    pub fn why(&self) -> String {
        let meaning = match self.by_meaning {
            0 => String::new(),
            n if n == self.members.len() => "close in meaning to its notes".to_owned(),
            1 => "1 of them is also close in meaning".to_owned(),
            n => format!("{n} of them are also close in meaning"),
        };
        if self.reasons.is_empty() {
            return meaning;
        }
        let verb = if self.members.len() == 1 {
            "it mentions"
        } else {
            "they mention"
        };
        let words = format!("{verb} {}", self.reasons.join(", "));
        if meaning.is_empty() {
            words
        } else if self.by_meaning == self.members.len() {
            let is = if self.members.len() == 1 {
                "it is"
            } else {
                "they are"
            };
            format!("{words}, and {is} close in meaning to its notes")
        } else {
            format!("{words}; {meaning}")
        }
    }
}

/// Suggestions for `texts` (the notes in no theme) beside existing `themes`: first the notes
/// that fit an existing theme ([`Fit`]s, in theme order), then new groups for the rest, as
/// [`suggest`] makes them, with indices into `texts`. A new group named like an existing theme
/// (ignoring case) becomes a [`Fit`] for that theme.
pub fn suggest_with_themes(
    texts: &[&str],
    themes: &[ThemeText],
    params: &Params,
) -> (Vec<Fit>, Suggestions) {
    let mut fits = fits(texts, themes, params.vocabulary);
    let placed: std::collections::HashSet<usize> = fits
        .iter()
        .flat_map(|f| f.members.iter().copied())
        .collect();
    let rest: Vec<usize> = (0..texts.len()).filter(|i| !placed.contains(i)).collect();
    let rest_texts: Vec<&str> = rest.iter().map(|&i| texts[i]).collect();
    let mut groups = if rest_texts.len() >= 2 {
        suggest(&rest_texts, params)
    } else {
        Suggestions {
            ungrouped: (0..rest_texts.len()).collect(),
            ..Suggestions::default()
        }
    };
    let back = |i: &mut usize| *i = rest[*i];
    for group in &mut groups.groups {
        group.members.iter_mut().for_each(back);
    }
    groups.ungrouped.iter_mut().for_each(back);
    for set in &mut groups.duplicates {
        set.iter_mut().for_each(back);
    }
    // A group named like an existing theme joins it rather than making a second one.
    let name_of = |s: &str| s.trim().to_lowercase();
    groups.groups.retain(|group| {
        let Some(theme) = themes
            .iter()
            .position(|t| name_of(&t.name) == name_of(&group.name))
        else {
            return true;
        };
        match fits.iter_mut().find(|f| f.theme == theme) {
            Some(fit) => {
                fit.members.extend(&group.members);
                fit.members.sort_unstable();
            }
            None => fits.push(Fit {
                theme,
                members: group.members.clone(),
                reasons: group.keywords.iter().take(MAX_REASONS).cloned().collect(),
                by_meaning: 0,
            }),
        }
        false
    });
    fits.sort_by_key(|f| f.theme);
    (fits, groups)
}

/// The notes among `texts` that fit an existing theme, each given to the theme it is most
/// similar to, when that similarity is at least [`MIN_SIMILARITY`]; in theme order.
pub fn fits(texts: &[&str], themes: &[ThemeText], vocabulary: bool) -> Vec<Fit> {
    if texts.is_empty() || themes.is_empty() {
        return Vec::new();
    }
    // One corpus, so the notes, the themes' notes and their names share term ids and weights.
    let mut corpus: Vec<&str> = texts.to_vec();
    for theme in themes {
        corpus.push(&theme.name);
        corpus.extend(theme.notes.iter().map(String::as_str));
    }
    let prepared = Prepared::new(&corpus, vocabulary);
    let vector = |i: usize| -> Option<&SparseVec> {
        let doc = prepared.doc_of_note.get(i).copied().flatten()?;
        prepared.tfidf.vectors.get(doc as usize)
    };
    let mut centroids = Vec::with_capacity(themes.len());
    let mut meanings = Vec::with_capacity(themes.len());
    let mut at = texts.len();
    for theme in themes {
        let mut sum: BTreeMap<u32, f32> = BTreeMap::new();
        let mut add = |v: Option<&SparseVec>, weight: f32| {
            for &(t, w) in v.into_iter().flatten() {
                *sum.entry(t).or_insert(0.0) += w * weight;
            }
        };
        add(vector(at), NAME_WEIGHT);
        for i in 0..theme.notes.len() {
            add(vector(at + 1 + i), 1.0);
        }
        let mut centroid: SparseVec = sum.into_iter().collect();
        normalise(&mut centroid);
        centroids.push(centroid);
        meanings.push(theme_meaning(&prepared, at, theme.notes.len()));
        at += 1 + theme.notes.len();
    }
    let mut by_theme: BTreeMap<usize, (Vec<usize>, usize)> = BTreeMap::new();
    for i in 0..texts.len() {
        let Some(v) = vector(i).filter(|v| !v.is_empty()) else {
            continue;
        };
        let meaning = doc_meaning(&prepared, i);
        let best = centroids
            .iter()
            .zip(&meanings)
            .enumerate()
            .map(|(t, (c, m))| {
                let words = cosine(v, c);
                let bonus = match (meaning, m) {
                    (Some(a), Some(b)) => blend::meaning_bonus(dot(a, b)),
                    _ => 0.0,
                };
                (t, words + bonus, words < MIN_SIMILARITY)
            })
            .filter(|(_, s, _)| *s >= MIN_SIMILARITY)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some((theme, _, by_meaning)) = best {
            let entry = by_theme.entry(theme).or_default();
            entry.0.push(i);
            entry.1 += usize::from(by_meaning);
        }
    }
    by_theme
        .into_iter()
        .map(|(theme, (members, by_meaning))| Fit {
            reasons: reasons(&prepared, &members, &centroids[theme]),
            theme,
            members,
            by_meaning,
        })
        .collect()
}

/// The mean word vector of note `i` of the corpus (with the word lexicon), if it has one.
fn doc_meaning(prepared: &Prepared, i: usize) -> Option<&Vector> {
    let doc = prepared.doc_of_note.get(i).copied().flatten()?;
    prepared.doc_vectors.get(doc as usize)?.as_ref()
}

/// A theme's meaning: the mean of its name's word vector (counted [`NAME_WEIGHT`] times) and
/// its notes' (the `notes` corpus entries after the name at `at`), at unit length; `None`
/// without the word lexicon or when none of them has a vector.
fn theme_meaning(prepared: &Prepared, at: usize, notes: usize) -> Option<Vector> {
    let entries = std::iter::once((at, NAME_WEIGHT)).chain((0..notes).map(|n| (at + 1 + n, 1.0)));
    let mut sum: Option<Vector> = None;
    for (i, weight) in entries {
        let Some(v) = doc_meaning(prepared, i) else {
            continue;
        };
        let sum = sum.get_or_insert_with(|| vec![0.0; v.len()]);
        sum.iter_mut().zip(v).for_each(|(s, x)| *s += weight * x);
    }
    let mut v = sum?;
    normalise_dense(&mut v);
    Some(v)
}

/// The words of the notes `members` whose terms (or concepts) the theme's `centroid` also has,
/// as written in the notes, most common first (ties alphabetical).
fn reasons(prepared: &Prepared, members: &[usize], centroid: &SparseVec) -> Vec<String> {
    let in_theme = |t: u32| centroid.binary_search_by_key(&t, |e| e.0).is_ok();
    let mut counts: HashMap<String, (usize, String)> = HashMap::new();
    for &i in members {
        let Some(doc) = prepared.doc_of_note.get(i).copied().flatten() else {
            continue;
        };
        let doc = doc as usize;
        for (token, &t) in prepared.tokens[doc].iter().zip(&prepared.token_terms[doc]) {
            if !in_theme(t) {
                continue;
            }
            let shown = if concepts::label(&token.term).is_some() {
                token.surface.to_lowercase()
            } else {
                token.surface.clone()
            };
            let entry = counts
                .entry(shown.to_lowercase())
                .or_insert((0, shown.clone()));
            entry.0 += 1;
        }
    }
    let mut words: Vec<(usize, String)> = counts.into_values().collect();
    words.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    words
        .into_iter()
        .take(MAX_REASONS)
        .map(|(_, w)| w)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme(name: &str, notes: &[&str]) -> ThemeText {
        ThemeText {
            name: name.to_owned(),
            notes: notes.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    fn council_themes() -> Vec<ThemeText> {
        vec![
            theme(
                "Data",
                &["Nobody owns the data quality", "Shared data standard"],
            ),
            theme(
                "Infrastructure",
                &[
                    "Wifi drops in the housing offices",
                    "Single sign-on for staff",
                ],
            ),
            theme("Culture", &["Staff trusted to try new things"]),
        ]
    }

    #[test]
    fn notes_about_an_existing_theme_are_offered_to_it_with_the_words_that_say_so() {
        let texts = [
            "Laptops take ten minutes to boot",
            "Guest wifi in the libraries",
            "Publish the dashboard data monthly",
            "The cake at lunch was lovely",
        ];
        let found = fits(&texts, &council_themes(), true);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].theme, 0);
        assert_eq!(found[0].members, [2]);
        assert_eq!(found[1].theme, 1);
        assert_eq!(found[1].members, [0, 1]);
        assert!(found[1].reasons.contains(&"wifi".to_owned()), "{found:?}");
        assert!(
            found[1].why().starts_with("they mention "),
            "{}",
            found[1].why()
        );
    }

    #[test]
    fn without_themes_or_notes_nothing_fits() {
        assert!(fits(&["Slow laptops"], &[], true).is_empty());
        assert!(fits(&[], &council_themes(), true).is_empty());
    }

    #[test]
    fn the_rest_are_grouped_and_a_group_never_takes_an_existing_name() {
        // Two notes about money share words with no theme, so they become a new group; two
        // about skills are grouped as "Skills", which is the name of an existing theme, so they
        // are offered to it instead.
        let themes = vec![theme("Skills", &[]), theme("Data", &["Data quality"])];
        let texts = [
            "Budget for licences is cut",
            "Licences budget overspent",
            "Training for managers",
            "Training on the new tools",
            "Weather",
        ];
        let (fits, groups) = suggest_with_themes(&texts, &themes, &Params::default());
        assert!(
            groups
                .groups
                .iter()
                .all(|g| !g.name.eq_ignore_ascii_case("skills")),
            "{groups:?}"
        );
        let skills = fits
            .iter()
            .find(|f| f.theme == 0)
            .expect("offered to Skills");
        assert_eq!(skills.members, [2, 3]);
        let all: Vec<usize> = groups
            .groups
            .iter()
            .flat_map(|g| g.members.clone())
            .chain(groups.ungrouped.clone())
            .chain(fits.iter().flat_map(|f| f.members.clone()))
            .collect();
        let mut sorted = all.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, [0, 1, 2, 3, 4], "every note once: {all:?}");
    }

    #[test]
    fn closeness_in_meaning_counts_toward_an_existing_theme_and_the_why_says_so() {
        // "No space for visitors to wait" shares "space" and "visitors" with the parking
        // theme, too little by words alone; with the word lexicon it is also close in meaning
        // to the theme's notes (cars, parking), and the explanation says both.
        let themes = vec![
            theme("Canteen", &["Canteen food is cold", "Lunch queue too long"]),
            theme(
                "Parking",
                &[
                    "Car park full by 8am",
                    "Visitors cannot find a parking space",
                ],
            ),
        ];
        let texts = ["No space for visitors to wait"];
        let found = fits(&texts, &themes, true);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].theme, found[0].by_meaning), (1, 1), "{found:?}");
        assert_eq!(
            found[0].why(),
            "it mentions space, visitors, and it is close in meaning to its notes"
        );
        // Without the lexicon (words only) the same note fits nothing.
        assert!(fits(&texts, &themes, false).is_empty());
    }

    #[test]
    fn the_why_counts_notes_close_in_meaning() {
        let fit = |reasons: &[&str], members: usize, by_meaning: usize| Fit {
            theme: 0,
            members: (0..members).collect(),
            reasons: reasons.iter().map(|r| (*r).to_owned()).collect(),
            by_meaning,
        };
        assert_eq!(fit(&["wifi"], 2, 0).why(), "they mention wifi");
        assert_eq!(
            fit(&["wifi"], 3, 1).why(),
            "they mention wifi; 1 of them is also close in meaning"
        );
        assert_eq!(fit(&[], 2, 2).why(), "close in meaning to its notes");
        assert_eq!(fit(&[], 1, 0).why(), "");
    }
}
