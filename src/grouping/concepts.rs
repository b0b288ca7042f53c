//! Built-in knowledge of what workshop notes are about: a small lexicon that links words to the
//! broad themes digital-strategy labs and retrospectives keep arriving at (data, culture,
//! infrastructure, skills, customers…).
//!
//! Plain word overlap cannot see that "Wifi in libraries is unreliable" and "Laptops are slow
//! to start" are both about infrastructure: short notes rarely share a word. Each word below
//! counts as a concept term (say `§infrastructure`) in place of the word, as stemming counts
//! "connections" as "connect", so notes that name the same concept in different words become
//! similar. The concept also names the
//! group ("Infrastructure") and explains it ("infrastructure: wifi, laptops, broadband").
//!
//! Words are written as people write them and stemmed when the lexicon is built, so "laptops"
//! and "laptop" both count. A word may belong to two concepts ("share" is data and partnership).
//! Everything stays on the machine; no model is downloaded.

use std::collections::HashMap;

use super::grown;
use super::tokenise::Tokeniser;

/// Concept terms start with this character, which no word term can (words are alphanumeric).
pub const PREFIX: char = '§';

/// How much more a concept term weighs than a word with the same TF-IDF weight. A concept is
/// more common than any one of its words, so its idf is lower; the boost makes two short notes
/// that share a concept about as similar as two that share a rarer word. Chosen with the
/// workshop walls and banking77 in `cargo bench --bench themes` (see the README).
pub const BOOST: f32 = 1.3;

/// One concept: its label (shown in names and explanations) and the words that signal it,
/// separated by spaces.
struct Concept {
    label: &'static str,
    words: &'static str,
}

/// The lexicon. Labels are lower case; a name is capitalised when shown. Words that mean
/// different things in different notes ("system", "staff", "quality") are left out, so a
/// concept is only added where a person would agree with it.
const LEXICON: &[Concept] = &[
    Concept {
        label: "data",
        words: "data dataset database information records report reporting dashboard analytics \
            analysis analyse insight evidence statistics metrics kpi spreadsheet \
            intelligence measure share sharing figures numbers stats performance forecast \
            trends benchmarking",
    },
    Concept {
        label: "culture",
        words: "culture mindset blame afraid fear averse experiment experimenting innovate \
            innovation celebrate permission attitude behaviour behavior silo silos morale \
            empower courage values resistance try change ideas risk mistakes failure \
            hierarchy worry worried resist resistant punished habits reluctant reluctance",
    },
    Concept {
        label: "leadership",
        words: "leader leaders leadership manager managers executive executives champion sponsor \
            governance board accountable accountability ownership priorities prioritise \
            roadmap forum",
    },
    Concept {
        label: "skills",
        words: "skills skill training train trained learn learning upskill confidence confident \
            literacy capability coaching course apprenticeship apprentices knowledge \
            mentoring induction cpd guides tutorials onboarding upskilling workshops",
    },
    Concept {
        label: "infrastructure",
        words: "infrastructure wifi broadband network connectivity laptop laptops computer \
            computers pc pcs device devices hardware server servers cloud hosting legacy \
            telephone telephony upgrade outage bandwidth signal printer equipment kit fibre \
            5g 4g platform platforms integration interoperable projector projectors screens \
            crash crashes boot reboot printing storage backup backups downtime batteries \
            wireless",
    },
    Concept {
        label: "customers",
        words: "customer customers resident residents citizen citizens public tenant tenants \
            patient patients student students visitor visitors community communities user \
            users applicants parents learners families clients carers businesses",
    },
    Concept {
        label: "online services",
        words: "online website web portal app apps chatbot form forms mobile enquiry enquiries \
            request requests complaint complaints booking channel channels apply \
            appointment appointments reception notification notifications sms \
            queue queues",
    },
    Concept {
        label: "security",
        words: "security cyber phishing password passwords login logins hack hacked attack \
            attacks ransomware breach gdpr privacy authentication mfa threat threats malware \
            virus secure safely safe fake scam scams fraud fraudulent usb encryption encrypt \
            spoof credentials",
    },
    Concept {
        label: "money",
        words: "budget budgets money funding fund funded cost costs costly saving savings spend \
            spending afford affordable investment invest cuts finance financial expensive \
            expenses expense invoice invoices grant grants income revenue profit profitable \
            fees overspend",
    },
    Concept {
        label: "suppliers",
        words: "procurement procure supplier suppliers contract contracts vendor vendors licence \
            licences license licenses tender purchase purchasing commissioning buy buying \
            quotes quote renewal renewals subscription subscriptions",
    },
    Concept {
        label: "inclusion",
        words: "inclusion inclusive exclusion excluded accessible accessibility older elderly \
            disabled disability disabilities vulnerable poverty offline isolated barrier \
            barriers nervous anxious dyslexia deaf blind impairment translation languages \
            wcag",
    },
    Concept {
        label: "processes",
        words: "process processes automate automated automation manual manually paper paperwork \
            scan scanned scanning workflow approval approvals bureaucracy duplication \
            efficiency efficient streamline admin handoffs rekeying routine signature \
            signatures typed typing rekey bottleneck bottlenecks backlog handover",
    },
    Concept {
        label: "partnership",
        words: "partner partners partnership partnerships collaborate collaboration nhs health \
            police voluntary charities charity agencies",
    },
    Concept {
        label: "user-centred design",
        words: "design designed prototype prototyping feedback journey journeys agile \
            iterate discovery research usability test testing",
    },
    Concept {
        label: "workforce",
        words: "recruitment recruit recruiting retention retain workload capacity wellbeing \
            burnout hybrid remote vacancies turnover rota rotas roster rostering shift shifts \
            staffing overtime understaffed",
    },
    Concept {
        label: "communication",
        words: "communication communications communicate email emails intranet newsletter \
            messaging meetings announcements",
    },
    Concept {
        label: "sustainability",
        words: "sustainability sustainable carbon climate energy green environment environmental \
            emissions",
    },
];

/// Which of each concept's words are in use: its hand-written words (all of them, or for the
/// benchmark's check of how the word lexicon copes with words the vocabulary never listed, only
/// every other one), then the words it learned from the training walls ([`grown`]).
fn listed(concept: &Concept) -> impl Iterator<Item = &'static str> {
    let half = ablation();
    let grown = grown_words()
        .iter()
        .filter(move |(label, _)| *label == concept.label)
        .flat_map(|(_, words)| words.split_whitespace());
    concept
        .words
        .split_whitespace()
        .enumerate()
        .filter(move |(i, _)| half.is_none_or(|h| i % 2 == h))
        .map(|(_, w)| w)
        .chain(grown)
}

/// The grown words in use: [`grown::GROWN`], unless the benchmark's tools ask otherwise, read
/// once per run. `GOLDTHREAD_VOCABULARY_GROWN=0` leaves them out and
/// `GOLDTHREAD_VOCABULARY_EXTRA=FILE` adds others (lines of "label, a tab, words"):
/// `tools/vocabulary/grow.py --evaluate` uses both to measure growth on a wall it did not learn
/// from. A file that cannot be read adds nothing.
fn grown_words() -> &'static [(&'static str, &'static str)] {
    static WORDS: std::sync::OnceLock<Vec<(&'static str, &'static str)>> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<(&'static str, &'static str)> = Vec::new();
        if std::env::var("GOLDTHREAD_VOCABULARY_GROWN").as_deref() != Ok("0") {
            words.extend_from_slice(grown::GROWN);
        }
        if let Some(path) = std::env::var_os("GOLDTHREAD_VOCABULARY_EXTRA") {
            let text: &'static str = std::fs::read_to_string(path).unwrap_or_default().leak();
            words.extend(text.lines().filter_map(|line| line.split_once('\t')));
        }
        words
    })
}

/// `GOLDTHREAD_VOCABULARY_HALF=0` (or `1`) keeps only the even (odd) words of every concept,
/// read once per run. Only the themes benchmark sets it: it measures the in-sample walls as
/// though half their vocabulary had never been written, a stand-in for a wall the vocabulary
/// has not seen that tunes nothing on the held-out walls.
fn ablation() -> Option<usize> {
    static HALF: std::sync::OnceLock<Option<usize>> = std::sync::OnceLock::new();
    *HALF.get_or_init(|| {
        let value = std::env::var("GOLDTHREAD_VOCABULARY_HALF").ok()?;
        value.trim().parse::<usize>().ok().filter(|&h| h < 2)
    })
}

/// The lexicon, stemmed: which concepts each word stem signals.
pub struct Concepts {
    by_stem: HashMap<String, Vec<u16>>,
}

impl Concepts {
    /// Turns every word of the lexicon into a term, as note words are.
    pub fn new() -> Self {
        let tokeniser = Tokeniser::new();
        let mut by_stem: HashMap<String, Vec<u16>> = HashMap::new();
        for (i, concept) in LEXICON.iter().enumerate() {
            for word in listed(concept) {
                // The same steps as note words, so the terms match exactly.
                let Ok([token]) = <[_; 1]>::try_from(tokeniser.tokens(word)) else {
                    continue; // Not one term: the test below keeps such words out.
                };
                let ids = by_stem.entry(token.term).or_default();
                if !ids.contains(&(i as u16)) {
                    ids.push(i as u16);
                }
            }
        }
        Self { by_stem }
    }

    /// The numbers of the concepts (in [`concept_words`] order) that the word stem `term`
    /// signals; empty for most words.
    pub fn ids_of(&self, term: &str) -> &[u16] {
        self.by_stem.get(term).map_or(&[], Vec::as_slice)
    }

    /// The concept term (`§label`) of concept number `id`.
    pub fn term(id: u16) -> String {
        format!("{PREFIX}{}", LEXICON[usize::from(id)].label)
    }

    /// The concept terms (`§label`) that the word stem `term` signals; empty for most words.
    pub fn terms_of(&self, term: &str) -> impl Iterator<Item = String> + '_ {
        self.by_stem
            .get(term)
            .into_iter()
            .flatten()
            .map(|&i| format!("{PREFIX}{}", LEXICON[usize::from(i)].label))
    }
}

impl Default for Concepts {
    fn default() -> Self {
        Self::new()
    }
}

/// Every concept's label with the words that signal it, as written in the lexicon (not stemmed):
/// what the word lexicon compares unseen words with.
pub fn concept_words() -> impl Iterator<Item = (&'static str, Vec<&'static str>)> {
    LEXICON.iter().map(|c| (c.label, listed(c).collect()))
}

/// The label of a concept term, or `None` for a word term.
pub fn label(term: &str) -> Option<&str> {
    term.strip_prefix(PREFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concepts_of(text: &str) -> Vec<String> {
        let concepts = Concepts::new();
        let mut out: Vec<String> = Tokeniser::new()
            .tokens(text)
            .iter()
            .flat_map(|t| concepts.terms_of(&t.term).collect::<Vec<_>>())
            .collect();
        out.dedup();
        out
    }

    #[test]
    fn words_learned_from_the_training_walls_signal_their_topic() {
        assert_eq!(concepts_of("Caseloads are too high"), ["§workforce"]);
        assert_eq!(concepts_of("Triage by hand"), ["§processes"]);
        assert_eq!(concepts_of("Sent on WhatsApp"), ["§security"]);
        let labels: Vec<&str> = LEXICON.iter().map(|c| c.label).collect();
        let tokeniser = Tokeniser::new();
        for (label, words) in grown::GROWN {
            assert!(labels.contains(label), "{label} is not a topic");
            for word in words.split_whitespace() {
                assert_eq!(tokeniser.tokens(word).len(), 1, "{word} is not one term");
            }
        }
    }

    #[test]
    fn different_words_signal_the_same_concept() {
        assert_eq!(concepts_of("Laptops are slow"), ["§infrastructure"]);
        assert_eq!(concepts_of("The wifi drops"), ["§infrastructure"]);
        assert_eq!(
            concepts_of("Move servers to the cloud"),
            ["§infrastructure"]
        );
    }

    #[test]
    fn a_note_can_signal_two_concepts_and_most_words_none() {
        assert_eq!(
            concepts_of("Laptops for training"),
            ["§infrastructure", "§skills"]
        );
        assert!(concepts_of("the quick brown fox").is_empty());
        assert!(concepts_of("数据共享 مشاركة").is_empty());
    }

    #[test]
    fn labels_come_back_from_terms() {
        assert_eq!(label("§online services"), Some("online services"));
        assert_eq!(label("data"), None);
    }

    #[test]
    fn every_lexicon_word_is_one_term() {
        // A stop word, a number or a hyphenated word in the lexicon would never match a note.
        let tokeniser = Tokeniser::new();
        let not_terms: Vec<String> = LEXICON
            .iter()
            .flat_map(|c| c.words.split_whitespace().map(move |w| (c.label, w)))
            .filter(|(_, w)| tokeniser.tokens(w).len() != 1)
            .map(|(label, w)| format!("{label}: {w}"))
            .collect();
        assert!(not_terms.is_empty(), "never one term: {not_terms:?}");
    }

    #[test]
    fn no_word_is_listed_twice_in_one_concept() {
        for concept in LEXICON {
            let mut words: Vec<&str> = concept.words.split_whitespace().collect();
            let all = words.len();
            words.sort_unstable();
            words.dedup();
            assert_eq!(words.len(), all, "a repeated word in '{}'", concept.label);
        }
    }
}
