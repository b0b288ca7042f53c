//! Note text into terms: Unicode words in lower case, stop words dropped, English words
//! stemmed, and Chinese or Japanese runs cut into character pairs.
//!
//! Each term keeps the word as it was written (its surface form), so theme names can show
//! "sharing" rather than the stem "share".

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation as _;

use super::stop_words::is_stop_word;

/// Words longer than this (in characters) are links, ids or keyboard mashing: not terms.
const MAX_WORD_CHARS: usize = 40;

/// One term of a note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// What is compared between notes: the stem for English words, the lower-case word
    /// otherwise, or a pair of CJK characters.
    pub term: String,
    /// The word as written in the note (case kept, possessive `'s` removed).
    pub surface: String,
}

/// Turns text into [`Token`]s. Holds the English stemmer so it is built once per run.
pub struct Tokeniser {
    stemmer: Stemmer,
}

impl Default for Tokeniser {
    fn default() -> Self {
        Self::new()
    }
}

impl Tokeniser {
    /// A tokeniser with the Snowball English stemmer.
    pub fn new() -> Self {
        Self {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }

    /// The terms of `text`, in the order they appear.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        // A run of CJK characters: unicode word bounds give one word per Han character.
        let mut cjk_run: Vec<char> = Vec::new();
        let mut cjk_end = 0;
        // The first word of a note is capitalised by habit, not because it is a name: "Share
        // data…" must not make a theme called "Share".
        let mut first_word = true;
        for (start, word) in text.unicode_word_indices() {
            let mut chars = word.chars();
            if let (Some(c), None) = (chars.next(), chars.next())
                && is_cjk(c)
            {
                if start != cjk_end {
                    flush_cjk(&mut cjk_run, &mut out);
                }
                cjk_run.push(c);
                cjk_end = start + word.len();
                continue;
            }
            flush_cjk(&mut cjk_run, &mut out);
            if let Some(mut token) = self.word_token(word) {
                if first_word && is_title_case(&token.surface) {
                    token.surface = token.surface.to_lowercase();
                }
                out.push(token);
            }
            first_word = false;
        }
        flush_cjk(&mut cjk_run, &mut out);
        out
    }

    /// The term for one word, or `None` for stop words, numbers and noise.
    fn word_token(&self, word: &str) -> Option<Token> {
        let word = word.replace(['\u{2019}', '\u{2018}', '`'], "'");
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("'S"))
            .unwrap_or(&word);
        let surface = word.trim_matches('\'');
        let count = surface.chars().count();
        if count == 0 || count > MAX_WORD_CHARS {
            return None;
        }
        if surface.chars().all(|c| !c.is_alphabetic()) {
            return None; // Numbers and codes say little about a theme.
        }
        let lower = surface.to_lowercase();
        if is_stop_word(&lower) {
            return None;
        }
        let latin = lower
            .chars()
            .all(|c| c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(&c));
        if latin && count < 2 {
            return None; // Single letters: "a", "x", initials.
        }
        let term = if latin {
            self.stemmer.stem(&lower).into_owned()
        } else {
            lower
        };
        Some(Token {
            term,
            surface: surface.to_owned(),
        })
    }
}

/// True for "Share" (a capital, then lower case), false for "share", "API" and "NHS".
fn is_title_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase())
}

/// True for Han ideographs and kana, which are written without spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'   // Hiragana and Katakana
        | '\u{3400}'..='\u{4dbf}' // CJK Extension A
        | '\u{4e00}'..='\u{9fff}' // CJK Unified Ideographs
        | '\u{f900}'..='\u{faff}' // CJK Compatibility Ideographs
        | '\u{20000}'..='\u{2ffff}')
}

/// Emits a CJK run as overlapping character pairs (a lone character as itself), then empties it.
fn flush_cjk(run: &mut Vec<char>, out: &mut Vec<Token>) {
    if run.len() == 1 {
        let s = run[0].to_string();
        out.push(Token {
            term: s.clone(),
            surface: s,
        });
    }
    for pair in run.windows(2) {
        let s: String = pair.iter().collect();
        out.push(Token {
            term: s.clone(),
            surface: s,
        });
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        Tokeniser::new()
            .tokens(text)
            .into_iter()
            .map(|t| t.term)
            .collect()
    }

    #[test]
    fn english_is_lowered_stopped_and_stemmed() {
        assert_eq!(
            terms("We need better Data-Sharing between the teams!"),
            ["data", "share", "team"]
        );
        assert_eq!(terms("Connected connections connecting"), ["connect"; 3]);
    }

    #[test]
    fn surface_forms_keep_the_case_as_written() {
        let tokens = Tokeniser::new().tokens("The API's sharing");
        let surfaces: Vec<&str> = tokens.iter().map(|t| t.surface.as_str()).collect();
        assert_eq!(surfaces, ["API", "sharing"]);
        assert_eq!(tokens[0].term, "api");
    }

    #[test]
    fn a_capital_that_only_starts_the_note_is_not_kept() {
        let surfaces = |text: &str| -> Vec<String> {
            Tokeniser::new()
                .tokens(text)
                .into_iter()
                .map(|t| t.surface)
                .collect()
        };
        assert_eq!(
            surfaces("Share data with Leeds"),
            ["share", "data", "Leeds"]
        );
        assert_eq!(surfaces("NHS data"), ["NHS", "data"]);
        assert_eq!(surfaces("The Wifi"), ["Wifi"], "only the note's first word");
    }

    #[test]
    fn curly_apostrophes_count_as_straight_ones() {
        assert_eq!(
            terms("don\u{2019}t we\u{2019}re customer\u{2019}s"),
            ["custom"]
        );
    }

    #[test]
    fn numbers_single_letters_and_emoji_are_not_terms() {
        assert!(terms("2024 42 x 👍 🎉 — …").is_empty());
        assert!(terms("").is_empty());
    }

    #[test]
    fn welsh_and_arabic_words_stay_whole() {
        assert_eq!(
            terms("Rhannu data rhwng timau"),
            ["rhannu", "data", "timau"],
            "Welsh function words such as 'rhwng' are stop words"
        );
        assert_eq!(terms("مشاركة البيانات"), ["مشاركة", "البيانات"]);
    }

    #[test]
    fn chinese_runs_become_character_pairs() {
        assert_eq!(terms("数据共享"), ["数据", "据共", "共享"]);
        // Separate runs are not joined across punctuation; a lone character stays itself.
        assert_eq!(terms("数据，好"), ["数据", "好"]);
    }

    #[test]
    fn very_long_words_are_ignored() {
        let long = "a".repeat(500);
        assert!(terms(&long).is_empty());
    }
}
