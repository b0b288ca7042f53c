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

/// Everyday words that people also write with a hyphen ("Wi-Fi", "e-mail", "on-line"), in lower
/// case and without it. Word segmentation would cut "Wi-Fi" into "Wi" and "Fi" (and drop the
/// "e" of "e-mail" as a single letter), so a note about the Wi-Fi would share nothing with one
/// about the wifi. Only these are joined: most hyphenated words are two words ("data-driven").
const HYPHENATED_WORDS: &[&str] = &[
    "broadband",
    "database",
    "databases",
    "email",
    "emails",
    "helpdesk",
    "laptop",
    "laptops",
    "login",
    "logins",
    "offline",
    "online",
    "smartphone",
    "smartphones",
    "webchat",
    "website",
    "websites",
    "wifi",
];

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
        let text = &*join_hyphenated(text);
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
        let mut lower = surface.to_lowercase();
        let joined = lower.contains(JOINED);
        if joined {
            lower.retain(|c| c != JOINED);
        }
        if is_stop_word(&lower) {
            return None;
        }
        let latin = lower
            .chars()
            .all(|c| c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(&c));
        if latin && count < 2 {
            return None; // Single letters: "a", "x", initials.
        }
        let surface = if joined && HYPHENATED_WORDS.binary_search(&lower.as_str()).is_ok() {
            surface.replace(JOINED, "-") // Shown as written: "Wi-Fi".
        } else {
            surface.to_owned()
        };
        let term = if latin {
            self.stemmer.stem(&lower).into_owned()
        } else {
            lower
        };
        Some(Token { term, surface })
    }
}

/// True for "Share" (a capital, then lower case), false for "share", "API" and "NHS".
fn is_title_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase())
}

/// Marks where a hyphen of a [`HYPHENATED_WORDS`] word was. Word segmentation keeps a zero-width
/// joiner inside a word (Unicode's word-boundary rule WB4), so "Wi\u{200d}Fi" stays one word.
const JOINED: char = '\u{200d}';

/// `text` with the hyphen of the [`HYPHENATED_WORDS`] replaced by [`JOINED`] ("Wi-Fi" becomes
/// one word), borrowed unchanged when it has none of them.
fn join_hyphenated(text: &str) -> std::borrow::Cow<'_, str> {
    let is_hyphen = |c: char| matches!(c, '-' | '\u{2010}' | '\u{2011}');
    if !text.contains(is_hyphen) {
        return text.into();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_hyphen(c) && i > 0 && chars[i - 1].is_alphabetic() {
            let left_start = (0..i)
                .rev()
                .take_while(|&j| chars[j].is_alphabetic())
                .last()
                .unwrap_or(i);
            let right_end = (i + 1..chars.len())
                .take_while(|&j| chars[j].is_alphabetic())
                .last()
                .map_or(i + 1, |j| j + 1);
            let joined: String = chars[left_start..i]
                .iter()
                .chain(&chars[i + 1..right_end])
                .flat_map(|c| c.to_lowercase())
                .collect();
            if right_end > i + 1 && HYPHENATED_WORDS.binary_search(&joined.as_str()).is_ok() {
                out.push(JOINED);
                continue;
            }
        }
        out.push(c);
    }
    out.into()
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
    fn everyday_words_written_with_a_hyphen_count_as_the_word() {
        assert_eq!(terms("The Wi-Fi drops out"), ["wifi", "drop"]);
        assert_eq!(
            terms("E-mails and the on\u{2011}line form"),
            ["email", "onlin", "form"]
        );
        assert_eq!(terms("wifi"), terms("WI-FI"));
        let tokens = Tokeniser::new().tokens("Slow Wi-Fi");
        assert_eq!(tokens[1].surface, "Wi-Fi", "shown as written");
        // Other hyphenated words stay two words; stray hyphens change nothing.
        assert_eq!(terms("data-driven"), ["data", "driven"]);
        assert_eq!(terms("- wifi - e- -mail x-"), ["wifi", "mail"]);
    }

    #[test]
    fn the_hyphenated_words_are_sorted_for_binary_search() {
        assert!(HYPHENATED_WORDS.is_sorted());
    }

    #[test]
    fn very_long_words_are_ignored() {
        let long = "a".repeat(500);
        assert!(terms(&long).is_empty());
    }
}
