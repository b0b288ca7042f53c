//! Protects the theme-suggestion engine through its public API: the same input always gives
//! the same groups (also when shuffled), every note ends up exactly once in a group or in
//! "ungrouped", and awkward input (nothing, one note, 10,000 copies, other scripts, emoji,
//! very long notes) never panics or hangs.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use goldthread::grouping::kmeans::XorShift;
use goldthread::grouping::metrics::adjusted_rand_index;
use goldthread::grouping::{Params, Suggestions, labels as labels_of, suggest};

const WORKSHOP: &[&str] = &[
    "Share data between teams",
    "Digital skills training for all staff",
    "Too many meetings every week",
    "Data sharing agreements take months",
    "Training budget for new skills",
    "Shorter meetings with clear agendas",
    "A single platform for sharing data",
    "Staff training on cloud skills",
    "No meetings on Fridays",
    "The coffee machine is broken",
    "Open data sharing with our partners",
    "Coaching and training on agile skills",
    "Meetings overrun, keep meetings shorter",
    "Data is locked in silos and hard to share",
    "Skills gaps in digital roles",
];

/// The groups as sets of texts, so results over differently ordered input compare.
fn groups_as_texts(texts: &[&str], s: &Suggestions) -> BTreeSet<BTreeSet<String>> {
    s.groups
        .iter()
        .map(|g| g.members.iter().map(|&i| texts[i].to_owned()).collect())
        .collect()
}

/// Every index appears exactly once across groups and ungrouped; members are ascending.
fn assert_partition(s: &Suggestions, len: usize) {
    let mut seen = vec![0; len];
    for g in &s.groups {
        assert!(g.members.len() >= 2, "a group of one: {g:?}");
        assert!(g.members.windows(2).all(|w| w[0] < w[1]), "{g:?}");
        assert!(!g.name.is_empty(), "{g:?}");
        assert!(!g.keywords.is_empty(), "{g:?}");
        for &m in &g.members {
            seen[m] += 1;
        }
    }
    assert!(s.ungrouped.windows(2).all(|w| w[0] < w[1]));
    for &m in &s.ungrouped {
        seen[m] += 1;
    }
    assert!(seen.iter().all(|&n| n == 1), "{seen:?}");
    assert!(
        s.groups
            .windows(2)
            .all(|w| w[0].members.len() >= w[1].members.len()),
        "groups are largest first"
    );
}

#[test]
fn the_workshop_wall_falls_into_its_three_themes() {
    let s = suggest(WORKSHOP, &Params::default());
    assert_partition(&s, WORKSHOP.len());
    let groups: Vec<Vec<usize>> = s.groups.iter().map(|g| g.members.clone()).collect();
    assert_eq!(
        groups,
        vec![
            vec![0, 3, 6, 10, 13],
            vec![1, 4, 7, 11, 14],
            vec![2, 5, 8, 12]
        ]
    );
    assert_eq!(s.ungrouped, vec![9]);
    assert_eq!(s.groups[0].name, "Data");
    assert_eq!(s.groups[0].why, "about data (sharing)");
    assert!(s.groups[1].keywords.contains(&"skills".to_owned()), "{s:?}");
    // Every note of the third group says "meetings", the only word of the communication
    // concept there: the group is named by it, and the explanation names the concept.
    assert_eq!(s.groups[2].name, "Meetings", "{s:?}");
    assert!(
        s.groups[2]
            .why
            .starts_with("about communication (meetings)"),
        "{s:?}"
    );
}

/// The council wall of `benches/data/workshop-walls.csv`: texts and hand-made labels.
fn council_wall() -> (Vec<String>, Vec<String>) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/benches/data/workshop-walls.csv"
    );
    let mut reader = csv::Reader::from_path(path).unwrap();
    reader
        .records()
        .map(Result::unwrap)
        .filter(|r| &r[2] == "council digital strategy lab")
        .map(|r| (r[0].to_owned(), r[1].to_owned()))
        .unzip()
}

#[test]
fn notes_about_one_topic_in_different_words_are_grouped_and_named_by_the_topic() {
    let (texts, labels) = council_wall();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let s = suggest(&refs, &Params::default());
    assert_partition(&s, refs.len());
    // Wifi, laptops, servers, legacy systems, telephones and broadband share no word.
    let infrastructure: Vec<usize> = (0..labels.len())
        .filter(|&i| labels[i] == "infrastructure")
        .collect();
    // At least five of the six, and nothing else ("Replace the ageing telephone system" may
    // join "No money to replace old systems", which shares two words and a meaning with it).
    let group = s
        .groups
        .iter()
        .find(|g| {
            g.members.len() >= infrastructure.len() - 1
                && g.members.iter().all(|m| infrastructure.contains(m))
        })
        .unwrap_or_else(|| panic!("no infrastructure group: {s:#?}"));
    assert_eq!(group.name, "Infrastructure");
    assert!(
        group.why.starts_with("about infrastructure ("),
        "{}",
        group.why
    );
    // Most notes land in a group that matches the hand-made labels.
    let ids: Vec<usize> = {
        let mut names: Vec<&String> = labels.iter().collect();
        names.sort();
        names.dedup();
        labels
            .iter()
            .map(|l| names.iter().position(|n| *n == l).unwrap())
            .collect()
    };
    let ari = adjusted_rand_index(&ids, &labels_of(&s, refs.len()));
    assert!(ari > 0.6, "ARI {ari}");
    // Words alone cannot see it: most of the wall is left ungrouped.
    let words_only = suggest(
        &refs,
        &Params {
            vocabulary: false,
            ..Params::default()
        },
    );
    assert!(
        words_only.ungrouped.len() > s.ungrouped.len() + 10,
        "{words_only:?}"
    );
}

#[test]
fn the_same_input_gives_the_same_output() {
    let a = suggest(WORKSHOP, &Params::default());
    let b = suggest(WORKSHOP, &Params::default());
    assert_eq!(a, b);
}

#[test]
fn shuffled_input_gives_the_same_groups() {
    let reference = groups_as_texts(WORKSHOP, &suggest(WORKSHOP, &Params::default()));
    assert_eq!(reference.len(), 3);
    let mut rng = XorShift::new(5);
    for _ in 0..10 {
        let mut texts = WORKSHOP.to_vec();
        rng.shuffle(&mut texts);
        let s = suggest(&texts, &Params::default());
        assert_partition(&s, texts.len());
        assert_eq!(groups_as_texts(&texts, &s), reference, "{texts:?}");
    }
}

#[test]
fn fewer_and_more_move_the_number_of_clusters_the_right_way() {
    let clusters = |g: i32| {
        let s = suggest(
            WORKSHOP,
            &Params {
                granularity: g,
                ..Params::default()
            },
        );
        assert_partition(&s, WORKSHOP.len());
        s.groups.len() + s.ungrouped.len()
    };
    let counts: Vec<usize> = (-5..=5).map(clusters).collect();
    assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{counts:?}");
    assert!(counts[0] < counts[10], "{counts:?}");
    // Out-of-range granularity is clamped, not a panic.
    assert_eq!(clusters(-50), counts[0]);
    assert_eq!(clusters(i32::MAX), counts[10]);
}

#[test]
fn nothing_and_one_note() {
    assert_eq!(suggest(&[], &Params::default()), Suggestions::default());
    let s = suggest(&["Data sharing between teams"], &Params::default());
    assert!(s.groups.is_empty());
    assert_eq!(s.ungrouped, vec![0]);
    assert!(s.duplicates.is_empty());
    let s = suggest(&["", "   "], &Params::default());
    assert_eq!(s.ungrouped, vec![0, 1]);
    assert!(s.duplicates.is_empty(), "blank notes are not duplicates");
}

#[test]
fn ten_thousand_identical_notes_are_one_group_of_duplicates_and_fast() {
    let texts = vec!["We need better data sharing"; 10_000];
    let start = Instant::now();
    let s = suggest(&texts, &Params::default());
    // Generous for an unoptimised test build on a busy machine; release takes a few ms.
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(s.groups.len(), 1);
    assert_eq!(s.groups[0].members, (0..10_000).collect::<Vec<_>>());
    assert_eq!(s.groups[0].name, "Data");
    assert!(s.ungrouped.is_empty());
    assert_eq!(s.duplicates, vec![(0..10_000).collect::<Vec<_>>()]);
}

#[test]
fn near_duplicates_are_flagged() {
    let texts = [
        "Share data between teams",
        "share data between teams!",
        "Coffee machine broken",
        "Sharing data between the teams",
        "Budget for training",
    ];
    let s = suggest(&texts, &Params::default());
    assert_eq!(s.duplicates, vec![vec![0, 1, 3]]);
}

#[test]
fn welsh_arabic_and_chinese_notes_group_without_a_panic() {
    let texts = [
        "Rhannu data rhwng timau",
        "مشاركة البيانات بين الفرق",
        "数据共享太慢",
        "Rhannu data gyda phartneriaid",
        "مشاركة البيانات مع الشركاء",
        "我们需要数据共享平台",
        "Hyfforddiant sgiliau digidol",
        "🎉🎉🎉",
        "数据共享很重要",
    ];
    let s = suggest(&texts, &Params::default());
    assert_partition(&s, texts.len());
    let groups = groups_as_texts(&texts, &s);
    let expect = |members: &[usize]| -> BTreeSet<String> {
        members.iter().map(|&i| texts[i].to_owned()).collect()
    };
    assert!(groups.contains(&expect(&[0, 3])), "Welsh: {s:?}");
    assert!(groups.contains(&expect(&[1, 4])), "Arabic: {s:?}");
    assert!(groups.contains(&expect(&[2, 5, 8])), "Chinese: {s:?}");
    assert!(
        s.ungrouped.contains(&6) && s.ungrouped.contains(&7),
        "{s:?}"
    );
    let chinese = s.groups.iter().find(|g| g.members.contains(&2)).unwrap();
    assert!(chinese.keywords.contains(&"数据".to_owned()), "{chinese:?}");
}

#[test]
fn emoji_only_and_very_long_notes_are_handled() {
    let long = "data sharing ".repeat(20_000) + &"x".repeat(100_000);
    let texts = [
        "👍",
        "👍",
        "🎉",
        long.as_str(),
        "data sharing portal",
        "✅ ✅",
    ];
    let s = suggest(&texts, &Params::default());
    assert_partition(&s, texts.len());
    // Emoji say nothing about a theme: left alone, but identical ones are duplicates.
    for i in [0, 1, 2, 5] {
        assert!(s.ungrouped.contains(&i), "{i}: {s:?}");
    }
    assert!(s.duplicates.contains(&vec![0, 1]), "{s:?}");
    assert_eq!(s.groups.len(), 1);
    assert_eq!(s.groups[0].members, vec![3, 4]);
}

#[test]
fn many_distinct_notes_form_a_partition() {
    let words = [
        "data",
        "sharing",
        "training",
        "skills",
        "meetings",
        "agenda",
        "budget",
        "cloud",
        "customers",
        "feedback",
        "culture",
        "trust",
        "platform",
        "security",
        "privacy",
    ];
    let mut rng = XorShift::new(11);
    let texts: Vec<String> = (0..600)
        .map(|_| {
            (0..3 + rng.below(5))
                .map(|_| words[rng.below(words.len())])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let s = suggest(&refs, &Params::default());
    assert_partition(&s, refs.len());
    assert!(!s.groups.is_empty());
}

#[test]
fn two_lone_notes_closest_to_each_other_are_paired_and_the_explanation_says_so() {
    // The two printer notes share one word among many, too little to be merged but more than
    // half of the way, and each is the other's closest note; the others share nothing.
    let texts = [
        "Printer jams before board meetings daily",
        "Nobody orders printer toner, cartridges wasted",
        "Car park barrier broken",
        "Canteen closes too early",
        "Lift stuck between floors",
    ];
    let s = suggest(&texts, &Params::default());
    assert_eq!(s.groups.len(), 1, "{s:?}");
    assert_eq!(s.groups[0].members, vec![0, 1], "{s:?}");
    assert!(
        s.groups[0]
            .why
            .contains("two notes left alone, each closest to the other"),
        "{}",
        s.groups[0].why
    );
    assert_eq!(s.ungrouped, vec![2, 3, 4]);
    // By words alone one shared word pairs nothing: the rule needs closeness in meaning.
    let words_only = suggest(
        &texts,
        &Params {
            vocabulary: false,
            ..Params::default()
        },
    );
    assert!(words_only.groups.is_empty(), "{words_only:?}");
}
