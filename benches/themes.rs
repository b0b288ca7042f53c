//! Measures theme suggestions on a labelled data set: time, number of groups, and how well the
//! groups match the true labels (adjusted Rand index and NMI), beside a k-means baseline that
//! is told the true number of groups.
//!
//! Run with `cargo bench --bench themes`. It reads `../shared/data/banking77-test.csv` (3,080
//! short banking messages with 77 intent labels; another file can be given in
//! `GOLDTHREAD_THEMES_DATA`). Samples of 100, 500 and 2,000 messages are drawn with a seeded
//! xorshift generator, so every run measures the same notes. Set `GOLDTHREAD_THEMES_SWEEP=1`
//! to also print how ARI and NMI change with the merge threshold (how the default was tuned).
//!
//! First it times a cold start (the first suggestion of the run, which reads the word lexicon),
//! then measures the labelled workshop walls in `benches/data/workshop-walls.csv` (walls of
//! 30-60 notes, their themes labelled by hand), the kind of input the app is for. Walls whose
//! name ends "(held out)" were written without seeing the vocabulary or the lexicon and are
//! never used to tune them: they are reported in their own table, apart from the in-sample
//! walls. Each case is run as the app runs it (vocabulary and word lexicon), with the
//! vocabulary alone, and with words only.
//!
//! Quick modes for trying a change on a shared machine: `GOLDTHREAD_THEMES_QUICK=1` (one run
//! per case, banking77's 2,000 sample and whole file only, no stress case),
//! `GOLDTHREAD_THEMES_IN_SAMPLE=1` (leave the held-out walls out, so a design is tried without
//! seeing them), `GOLDTHREAD_THEMES_SHOW=1` (print the in-sample walls' groups), and
//! `GOLDTHREAD_VOCABULARY_HALF=0` or `1` (hide every other word of each vocabulary topic: the
//! in-sample walls as though half their vocabulary had never been written).
//!
//! `GOLDTHREAD_THEMES_MINI=1` adds banking77 *mini-walls*: 20 walls of 40 messages, each
//! drawn (seeded) from 8 intents, 5 messages each, the size and shape of a workshop wall but
//! in words neither the vocabulary nor the lexicon settings were chosen for. They guide a
//! design without looking at the held-out walls.
//!
//! `GOLDTHREAD_THEMES_WALLS=FILE` measures another file of labelled walls in place of
//! `benches/data/workshop-walls.csv`, and `GOLDTHREAD_THEMES_WALLS_ONLY=1` stops after the walls:
//! `tools/vocabulary/grow.py --evaluate` uses both, one training wall at a time.
//!
//! For the metrics each ungrouped note counts as a group of its own.
//! The output is plain text that is also valid Markdown.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use goldthread::grouping::kmeans::{XorShift, kmeans_labels};
use goldthread::grouping::metrics::{adjusted_rand_index, normalized_mutual_information};
use goldthread::grouping::{self, DEFAULT_THRESHOLD, Params, lexicon};

#[path = "common/themes_mini.rs"]
mod mini;

/// The sample sizes measured besides the whole file.
const SAMPLE_SIZES: [usize; 3] = [100, 500, 2_000];
/// The seed of the sampling generator.
const SAMPLE_SEED: u64 = 77;
/// The seed of k-means++.
const KMEANS_SEED: u64 = 2026;
/// Timed runs per case; the median is reported.
const FULL_RUNS: usize = 5;

/// Timed runs per case: [`FULL_RUNS`], or one in the quick mode.
fn runs() -> usize {
    if quick() { 1 } else { FULL_RUNS }
}

/// `GOLDTHREAD_THEMES_QUICK=1`: one run per case, banking77 whole file and the 2,000 sample
/// only, no stress case. For trying a change on a shared machine; the quality figures are the
/// same as a full run (suggestions are deterministic).
fn quick() -> bool {
    std::env::var_os("GOLDTHREAD_THEMES_QUICK").is_some()
}

/// `GOLDTHREAD_THEMES_IN_SAMPLE=1`: leave the held-out walls out, so a design can be tried on
/// the in-sample walls and banking77 without looking at the held-out figures.
fn in_sample_only() -> bool {
    std::env::var_os("GOLDTHREAD_THEMES_IN_SAMPLE").is_some()
}

/// `GOLDTHREAD_THEMES_SHOW=1`: print each in-sample wall's suggested groups with their notes
/// and true themes (never the held-out walls), to study where the suggestions go wrong.
fn show() -> bool {
    std::env::var_os("GOLDTHREAD_THEMES_SHOW").is_some()
}
/// Target: suggestions for 2,000 notes.
const TARGET_2K: Duration = Duration::from_millis(200);

/// Where banking77 is: `GOLDTHREAD_THEMES_DATA`, else `shared/data/` beside the checkout or
/// beside its parent folder (a worktree).
fn data_path() -> PathBuf {
    if let Some(path) = std::env::var_os("GOLDTHREAD_THEMES_DATA") {
        return PathBuf::from(path);
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let near = root.join("../shared/data/banking77-test.csv");
    let far = root.join("../../shared/data/banking77-test.csv");
    if near.exists() || !far.exists() {
        near
    } else {
        far
    }
}

/// Reads `text,category` rows.
fn read_data(path: &PathBuf) -> Result<(Vec<String>, Vec<usize>), String> {
    let mut reader = csv::Reader::from_path(path).map_err(|e| e.to_string())?;
    let mut label_ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut texts = Vec::new();
    let mut labels = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        let (Some(text), Some(label)) = (record.get(0), record.get(1)) else {
            continue;
        };
        let next = label_ids.len();
        labels.push(*label_ids.entry(label.to_owned()).or_insert(next));
        texts.push(text.to_owned());
    }
    Ok((texts, labels))
}

/// One labelled wall of notes.
struct Wall {
    name: String,
    texts: Vec<String>,
    labels: Vec<usize>,
    /// Each note's true theme as written in the file.
    themes: Vec<String>,
}

/// The labelled workshop walls shipped with the benchmark: `text,category,wall` rows, grouped
/// by wall in file order.
fn read_walls() -> Result<Vec<Wall>, String> {
    let path = std::env::var_os("GOLDTHREAD_THEMES_WALLS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/data/workshop-walls.csv"),
        PathBuf::from,
    );
    let mut reader = csv::Reader::from_path(&path).map_err(|e| e.to_string())?;
    let mut walls: Vec<Wall> = Vec::new();
    let mut label_ids: BTreeMap<String, usize> = BTreeMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        let (Some(text), Some(label), Some(wall)) = (record.get(0), record.get(1), record.get(2))
        else {
            continue;
        };
        if walls.last().is_none_or(|w| w.name != wall) {
            walls.push(Wall {
                name: wall.to_owned(),
                texts: Vec::new(),
                labels: Vec::new(),
                themes: Vec::new(),
            });
            label_ids.clear();
        }
        let next = label_ids.len();
        let id = *label_ids.entry(label.to_owned()).or_insert(next);
        if let Some(w) = walls.last_mut() {
            w.texts.push(text.to_owned());
            w.labels.push(id);
            w.themes.push(label.to_owned());
        }
    }
    Ok(walls)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1e3)
}

/// The ways suggestions are run: as the app does, without the word lexicon, words only.
#[derive(Clone, Copy, PartialEq)]
enum Method {
    Default,
    VocabularyOnly,
    WordsOnly,
}

impl Method {
    const ALL: [Method; 3] = [Method::Default, Method::VocabularyOnly, Method::WordsOnly];

    fn label(self) -> &'static str {
        match self {
            Method::Default => "suggest: vocabulary + lexicon (default)",
            Method::VocabularyOnly => "suggest: vocabulary only",
            Method::WordsOnly => "suggest: words only",
        }
    }

    fn run(self, texts: &[&str]) -> grouping::Suggestions {
        match self {
            Method::Default => grouping::suggest(texts, &Params::default()),
            Method::VocabularyOnly => {
                grouping::suggest_with_lexicon(texts, DEFAULT_THRESHOLD, true, Err(String::new()))
            }
            Method::WordsOnly => {
                grouping::suggest_with_lexicon(texts, DEFAULT_THRESHOLD, false, Err(String::new()))
            }
        }
    }
}

/// The default method's figures on one case, for the means.
#[derive(Default)]
struct Scores {
    /// ARI per method, in [`Method::ALL`] order.
    ari: [f64; 3],
    /// Ungrouped notes per method.
    ungrouped: [usize; 3],
    notes: usize,
}

/// One case: a set of notes with their labels. Prints a row per method and k-means.
fn measure(name: &str, texts: &[&str], truth: &[usize]) -> Scores {
    let k = truth
        .iter()
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let mut scores = Scores {
        notes: texts.len(),
        ..Scores::default()
    };
    for (m, method) in Method::ALL.into_iter().enumerate() {
        let mut times = Vec::new();
        let mut result = grouping::Suggestions::default();
        for _ in 0..runs() {
            let start = Instant::now();
            result = method.run(texts);
            times.push(start.elapsed());
        }
        let ours = grouping::labels(&result, texts.len());
        let time = median(times);
        let ari = adjusted_rand_index(truth, &ours);
        scores.ari[m] = ari;
        scores.ungrouped[m] = result.ungrouped.len();
        println!(
            "| {name} | {} | {k} | {} | {} | {} | {} | {ari:.3} | {:.3} |",
            texts.len(),
            method.label(),
            ms(time),
            result.groups.len(),
            result.ungrouped.len(),
            normalized_mutual_information(truth, &ours)
        );
        if texts.len() == 2_000 && method == Method::Default {
            let load = median(
                (0..runs())
                    .map(|_| {
                        let start = Instant::now();
                        let _ = lexicon::load_built_in();
                        start.elapsed()
                    })
                    .collect(),
            );
            let total = time + load;
            let verdict = if total <= TARGET_2K { "met" } else { "MISSED" };
            println!(
                "\n2,000 notes: {} ms + {} ms reading the lexicon = {} ms (target {} ms: {verdict})\n",
                ms(time),
                ms(load),
                ms(total),
                TARGET_2K.as_millis()
            );
        }
    }
    let mut times = Vec::new();
    let mut base = Vec::new();
    for _ in 0..runs() {
        let start = Instant::now();
        base = kmeans_labels(texts, k, KMEANS_SEED);
        times.push(start.elapsed());
    }
    let groups = base.iter().collect::<std::collections::BTreeSet<_>>().len();
    println!(
        "| {name} | {} | {k} | k-means, true k | {} | {groups} | 0 | {:.3} | {:.3} |",
        texts.len(),
        ms(median(times)),
        adjusted_rand_index(truth, &base),
        normalized_mutual_information(truth, &base)
    );
    scores
}

/// Prints one table of walls and the mean ARI and share of ungrouped notes per method.
fn walls_table(title: &str, walls: &[&Wall]) {
    println!("{title}\n");
    println!("| wall | notes | true k | method | ms | groups | ungrouped | ARI | NMI |");
    println!("|---|---:|---:|---|---:|---:|---:|---:|---:|");
    let scores: Vec<Scores> = walls
        .iter()
        .map(|wall| {
            let refs: Vec<&str> = wall.texts.iter().map(String::as_str).collect();
            measure(&wall.name, &refs, &wall.labels)
        })
        .collect();
    let notes: usize = scores.iter().map(|s| s.notes).sum();
    println!("\n| mean of {} walls | mean ARI | ungrouped |", walls.len());
    println!("|---|---:|---:|");
    for (m, method) in Method::ALL.into_iter().enumerate() {
        let ari = scores.iter().map(|s| s.ari[m]).sum::<f64>() / scores.len().max(1) as f64;
        let ungrouped: usize = scores.iter().map(|s| s.ungrouped[m]).sum();
        println!(
            "| {} | {ari:.3} | {ungrouped} of {notes} ({:.0}%) |",
            method.label(),
            100.0 * ungrouped as f64 / notes.max(1) as f64
        );
    }
    println!();
}

/// Prints the default suggestions for an in-sample wall: each group's notes with their true
/// themes, then the ungrouped notes.
fn show_groups(wall: &Wall) {
    let refs: Vec<&str> = wall.texts.iter().map(String::as_str).collect();
    let s = grouping::suggest(&refs, &Params::default());
    println!("Groups on {}:\n", wall.name);
    for g in &s.groups {
        println!("- {} ({})", g.name, g.why);
        for &m in &g.members {
            println!("    [{}] {}", wall.themes[m], wall.texts[m]);
        }
    }
    println!("- ungrouped");
    for &m in &s.ungrouped {
        println!("    [{}] {}", wall.themes[m], wall.texts[m]);
    }
    println!();
}

/// The first suggestion of the run on a wall of about forty notes, lexicon not yet read: what a
/// facilitator waits for after starting the app.
fn cold_start(wall: &Wall) {
    let refs: Vec<&str> = wall.texts.iter().map(String::as_str).collect();
    let start = Instant::now();
    let s = grouping::suggest(&refs, &Params::default());
    let cold = start.elapsed();
    let start = Instant::now();
    let _ = grouping::suggest(&refs, &Params::default());
    let warm = start.elapsed();
    println!(
        "Cold start: the first suggestion of the run on \"{}\" ({} notes, {} groups), reading the \
         word lexicon first, took {} ms (target 150 ms: {}); the second took {} ms.\n",
        wall.name,
        refs.len(),
        s.groups.len(),
        ms(cold),
        if cold <= Duration::from_millis(150) {
            "met"
        } else {
            "MISSED"
        },
        ms(warm)
    );
}

/// The worst case for the similarity step: many distinct notes that all share a few words.
fn stress() {
    const WORDS: [&str; 15] = [
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
    let mut rng = XorShift::new(3);
    let texts: Vec<String> = (0..10_000)
        .map(|_| {
            (0..3 + rng.below(6))
                .map(|_| WORDS[rng.below(WORDS.len())])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let start = Instant::now();
    let s = grouping::suggest(&refs, &Params::default());
    println!(
        "\nStress: 10,000 notes of 3-8 words from a 15-word vocabulary (every note shares words \
         with thousands of others): {} ms, {} groups, {} ungrouped, {} near-duplicate sets.",
        ms(start.elapsed()),
        s.groups.len(),
        s.ungrouped.len(),
        s.duplicates.len()
    );
}

fn sweep(texts: &[&str], truth: &[usize]) {
    println!("\nThreshold sweep on all {} notes:\n", texts.len());
    println!("| threshold | groups | ungrouped | ARI | NMI |");
    println!("|---:|---:|---:|---:|---:|");
    for step in 4..=16 {
        let threshold = f64::from(step) * 0.025;
        let s = grouping::suggest_at_threshold(texts, threshold, true);
        let ours = grouping::labels(&s, texts.len());
        println!(
            "| {threshold:.3} | {} | {} | {:.3} | {:.3} |",
            s.groups.len(),
            s.ungrouped.len(),
            adjusted_rand_index(truth, &ours),
            normalized_mutual_information(truth, &ours)
        );
    }
}

fn main() {
    match read_walls() {
        Ok(walls) => {
            if let Some(first) = walls.first() {
                cold_start(first);
            }
            let (held_out, in_sample): (Vec<&Wall>, Vec<&Wall>) =
                walls.iter().partition(|w| w.name.ends_with("(held out)"));
            let common = format!(
                "default granularity. Time is the median of {} runs; for ARI and NMI each \
                 ungrouped note counts as a group of its own.",
                runs()
            );
            walls_table(
                &format!(
                    "In-sample workshop walls (the vocabulary and the lexicon settings were tuned \
                     with these), {common}"
                ),
                &in_sample,
            );
            if show() {
                in_sample.iter().for_each(|w| show_groups(w));
            }
            if in_sample_only() {
                println!("Held-out walls left out (GOLDTHREAD_THEMES_IN_SAMPLE).\n");
            } else {
                walls_table(
                    &format!(
                        "Held-out workshop walls (never used for tuning: only measured), {common}"
                    ),
                    &held_out,
                );
            }
        }
        Err(e) => println!("The workshop walls could not be read ({e}); skipped.\n"),
    }
    if std::env::var_os("GOLDTHREAD_THEMES_WALLS_ONLY").is_some() {
        return;
    }
    let path = data_path();
    let (texts, truth) = match read_data(&path) {
        Ok(data) => data,
        Err(e) => {
            println!(
                "The themes benchmark needs {} ({e}); skipped.",
                path.display()
            );
            return;
        }
    };
    let all: Vec<&str> = texts.iter().map(String::as_str).collect();
    println!(
        "Theme suggestions on {} ({} notes), default granularity (threshold {}). \
         Time is the median of {} runs; for ARI and NMI each ungrouped note counts as a group \
         of its own.\n",
        path.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        all.len(),
        Params::default().threshold(),
        runs()
    );
    println!("| set | notes | true k | method | ms | groups | ungrouped | ARI | NMI |");
    println!("|---|---:|---:|---|---:|---:|---:|---:|---:|");
    let mut rng = XorShift::new(SAMPLE_SEED);
    for size in SAMPLE_SIZES {
        if quick() && size != 2_000 {
            rng.shuffle(&mut (0..all.len()).collect::<Vec<_>>());
            continue; // Keep the generator's sequence, so the 2,000 sample is the same notes.
        }
        let mut order: Vec<usize> = (0..all.len()).collect();
        rng.shuffle(&mut order);
        order.truncate(size.min(all.len()));
        let sample: Vec<&str> = order.iter().map(|&i| all[i]).collect();
        let sample_truth: Vec<usize> = order.iter().map(|&i| truth[i]).collect();
        measure(&format!("sample {size}"), &sample, &sample_truth);
    }
    measure("whole file", &all, &truth);
    if !quick() {
        stress();
    }
    if std::env::var_os("GOLDTHREAD_THEMES_MINI").is_some() {
        let methods: Vec<(&str, mini::Method)> = Method::ALL
            .into_iter()
            .map(|m| {
                let run: mini::Method = Box::new(move |t| m.run(t));
                (m.label(), run)
            })
            .collect();
        mini::mini_walls(&all, &truth, &methods);
    }
    if std::env::var_os("GOLDTHREAD_THEMES_SWEEP").is_some() {
        sweep(&all, &truth);
    }
}
