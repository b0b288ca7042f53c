//! banking77 mini-walls for the themes bench: workshop-sized walls drawn from banking77's
//! intents, to judge a grouping design on words nobody tuned for without the held-out walls.

use std::collections::BTreeMap;

use goldthread::grouping::kmeans::XorShift;
use goldthread::grouping::metrics::adjusted_rand_index;
use goldthread::grouping::{self, Suggestions};

/// One way of making suggestions: what it is called and how it runs.
pub type Method = Box<dyn Fn(&[&str]) -> Suggestions>;

/// Mini-walls from banking77: `MINI_WALLS` walls of `MINI_INTENTS` intents with
/// `MINI_PER_INTENT` messages each (`GOLDTHREAD_THEMES_MINI=1`), drawn with a seeded generator. Prints the mean ARI and the
/// share ungrouped per method.
pub fn mini_walls(texts: &[&str], truth: &[usize], methods: &[(&str, Method)]) {
    const MINI_WALLS: usize = 20;
    const MINI_INTENTS: usize = 8;
    const MINI_PER_INTENT: usize = 5;
    let mut by_label: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &l) in truth.iter().enumerate() {
        by_label.entry(l).or_default().push(i);
    }
    let labels: Vec<usize> = by_label.keys().copied().collect();
    let mut rng = XorShift::new(40);
    let mut ari = vec![0.0; methods.len()];
    let mut ungrouped = vec![0usize; methods.len()];
    let mut notes = 0;
    for _ in 0..MINI_WALLS {
        let mut chosen = labels.clone();
        rng.shuffle(&mut chosen);
        chosen.truncate(MINI_INTENTS);
        let mut picked = Vec::new();
        for l in chosen {
            let mut members = by_label[&l].clone();
            rng.shuffle(&mut members);
            picked.extend(members.into_iter().take(MINI_PER_INTENT));
        }
        let wall: Vec<&str> = picked.iter().map(|&i| texts[i]).collect();
        let wall_truth: Vec<usize> = picked.iter().map(|&i| truth[i]).collect();
        notes += wall.len();
        for (m, (_, run)) in methods.iter().enumerate() {
            let s = run(&wall);
            ari[m] += adjusted_rand_index(&wall_truth, &grouping::labels(&s, wall.len()));
            ungrouped[m] += s.ungrouped.len();
        }
    }
    println!(
        "\nbanking77 mini-walls ({MINI_WALLS} walls of {MINI_INTENTS} intents x {MINI_PER_INTENT} \
         messages):\n\n| method | mean ARI | ungrouped |\n|---|---:|---:|"
    );
    for (m, (label, _)) in methods.iter().enumerate() {
        println!(
            "| {label} | {:.3} | {:.0}% |",
            ari[m] / MINI_WALLS as f64,
            100.0 * ungrouped[m] as f64 / notes as f64
        );
    }
}
