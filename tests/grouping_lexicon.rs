//! Protects what the built-in word lexicon adds to theme suggestions: the asset loads, a damaged
//! one falls back to the vocabulary alone with a message, words the vocabulary never listed
//! join their topic with an honest explanation, "train" beside "journey" is not training, and
//! results stay deterministic and panic-free on any script.

use goldthread::grouping::lexicon::{self, Lexicon};
use goldthread::grouping::{
    DEFAULT_THRESHOLD, Params, Suggestions, suggest, suggest_at_threshold, suggest_with_lexicon,
};

/// A small wall with the named pairs, each beside notes on other topics.
const WALL: &[&str] = &[
    "The rota is published too late",
    "Shift patterns change every month",
    "Wifi keeps dropping in the office",
    "Broadband at the depot is painfully slow",
    "My laptop is five years old",
    "Not enough devices for new starters",
    "The budget for next year is cut again",
    "Money for small projects runs out by June",
    "Training courses are always full",
    "Staff want more learning time",
    "Train journey to head office takes hours",
    "Worried about hackers",
    "Phishing keeps getting through",
];

/// The group (its index) holding note `i`, if any.
fn group_of(s: &Suggestions, i: usize) -> Option<usize> {
    s.groups.iter().position(|g| g.members.contains(&i))
}

fn assert_together(s: &Suggestions, a: usize, b: usize) {
    let ga = group_of(s, a);
    assert!(
        ga.is_some() && ga == group_of(s, b),
        "'{}' and '{}' should share a group: {s:#?}",
        WALL[a],
        WALL[b]
    );
}

#[test]
fn the_built_in_lexicon_loads() {
    let lexicon = lexicon::shared().expect("the asset built into the app loads");
    assert!(lexicon.len() >= 50_000);
    assert!(lexicon.vector("broadband").is_some());
    let s = suggest(WALL, &Params::default());
    assert_eq!(s.notice, None, "no message when the lexicon is fine");
}

#[test]
fn named_pairs_are_grouped() {
    let s = suggest(WALL, &Params::default());
    assert_together(&s, 0, 1); // "rota" and "shift patterns"
    assert_together(&s, 2, 3); // "wifi" and "broadband"
    assert_together(&s, 4, 5); // "laptop" and "devices"
}

#[test]
fn a_train_journey_stays_out_of_training() {
    let s = suggest(WALL, &Params::default());
    let training = group_of(&s, 8);
    assert!(
        training.is_some(),
        "the training notes form a group: {s:#?}"
    );
    assert_ne!(group_of(&s, 10), training, "{s:#?}");
    // Without the lexicon the word "train" counts as skills and joins them: the check is real.
    let vocabulary_only = suggest_with_lexicon(WALL, DEFAULT_THRESHOLD, true, Err(String::new()));
    assert_eq!(
        group_of(&vocabulary_only, 10),
        group_of(&vocabulary_only, 8)
    );
}

#[test]
fn an_unlisted_word_joins_its_topic_and_the_explanation_says_why() {
    let s = suggest(WALL, &Params::default());
    assert_together(&s, 11, 12); // "hackers" is not in the vocabulary; phishing is security
    let Some(g) = group_of(&s, 11) else { return };
    let why = &s.groups[g].why;
    assert!(
        why.contains("'hackers' counted as security: close to"),
        "{why}"
    );
    // Without the lexicon, "hackers" shares nothing with phishing.
    let vocabulary_only = suggest_with_lexicon(WALL, DEFAULT_THRESHOLD, true, Err(String::new()));
    assert!(
        group_of(&vocabulary_only, 11)
            .is_none_or(|g| !vocabulary_only.groups[g].members.contains(&12))
    );
}

#[test]
fn a_damaged_lexicon_falls_back_to_the_vocabulary_with_a_message() {
    let damaged: &'static [u8] = b"GTLEX001 this is not really a lexicon........";
    let Err(reason) = Lexicon::parse(damaged) else {
        panic!("a damaged asset must be refused");
    };
    let s = suggest_with_lexicon(WALL, DEFAULT_THRESHOLD, true, Err(reason.clone()));
    let Some(notice) = &s.notice else {
        panic!("the user is told: {s:#?}");
    };
    assert!(
        notice.contains("could not be read") && notice.contains(&reason),
        "{notice}"
    );
    let quiet = suggest_with_lexicon(WALL, DEFAULT_THRESHOLD, true, Err(String::new()));
    assert_eq!(
        s.groups, quiet.groups,
        "the same groups as the vocabulary alone"
    );
    assert_eq!(quiet.notice, None);
}

#[test]
fn words_only_turns_the_lexicon_off_too() {
    let words = Params {
        vocabulary: false,
        ..Params::default()
    };
    let s = suggest(WALL, &words);
    let plain = suggest_with_lexicon(WALL, words.threshold(), false, Err(String::new()));
    assert_eq!(s, plain);
    assert!(s.groups.iter().all(|g| !g.why.contains("counted as")));
}

#[test]
fn suggestions_with_the_lexicon_are_deterministic() {
    let first = suggest(WALL, &Params::default());
    for _ in 0..3 {
        assert_eq!(suggest(WALL, &Params::default()), first);
    }
    let mut reversed: Vec<&str> = WALL.to_vec();
    reversed.reverse();
    let back = suggest(&reversed, &Params::default());
    let as_sets = |s: &Suggestions, texts: &[&str]| {
        let mut sets: Vec<Vec<String>> = s
            .groups
            .iter()
            .map(|g| {
                let mut t: Vec<String> = g.members.iter().map(|&i| texts[i].to_owned()).collect();
                t.sort_unstable();
                t
            })
            .collect();
        sets.sort();
        sets
    };
    assert_eq!(as_sets(&first, WALL), as_sets(&back, &reversed));
}

#[test]
fn non_english_notes_do_not_panic() {
    let texts = [
        "Rhannu data rhwng timau",
        "Mae'r wifi yn araf",
        "Grafik zmian jest za późno",
        "Brak laptopów dla nowych pracowników",
        "مشاركة البيانات",
        "数据共享",
        "Überstunden und Schichtpläne",
        "ÀÉÎÕÜ ñ ç ß",
        "🚆 train 🎓 training",
    ];
    let s = suggest_at_threshold(&texts, DEFAULT_THRESHOLD, true);
    let placed: usize = s.groups.iter().map(|g| g.members.len()).sum::<usize>() + s.ungrouped.len();
    assert_eq!(placed, texts.len());
}

#[test]
fn the_command_line_listing_shows_the_fallback_message() {
    let s = suggest_with_lexicon(WALL, DEFAULT_THRESHOLD, true, Err("damaged".to_owned()));
    let lines: Vec<usize> = (1..=WALL.len()).collect();
    let text = goldthread::grouping::report::text(&s, WALL, &lines);
    assert!(
        text.contains("Note: The word lexicon could not be read (damaged)"),
        "{text}"
    );
}
