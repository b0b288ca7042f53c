//! The baseline the suggestions are measured against: k-means told the true number of groups.
//!
//! Spherical k-means (cosine similarity) on the same TF-IDF vectors as [`super::suggest`]:
//! k-means++ seeding from a seeded xorshift generator, then Lloyd's iterations.

use super::prepare::Prepared;
use super::tfidf::SparseVec;

/// Lloyd's iterations stop after this many rounds even if points still move.
const MAX_ITERATIONS: usize = 100;

/// A tiny, seeded xorshift64* generator: deterministic samples without a `rand` dependency.
#[derive(Clone, Debug)]
pub struct XorShift(u64);

impl XorShift {
    /// A generator from `seed` (zero is replaced, as xorshift would stay at zero).
    pub fn new(seed: u64) -> Self {
        Self(if seed == 0 {
            0x9e37_79b9_7f4a_7c15
        } else {
            seed
        })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0.0..1.0`.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// Clusters `texts` into at most `k` groups; returns a label per text. Blank notes get label 0.
pub fn kmeans_labels(texts: &[&str], k: usize, seed: u64) -> Vec<usize> {
    // The baseline is k-means on plain TF-IDF: words only, no built-in vocabulary.
    let prepared = Prepared::new(texts, false);
    let dims = prepared.tfidf.terms.len();
    let points: Vec<&SparseVec> = prepared
        .doc_of_note
        .iter()
        .map(|d| d.map_or(&EMPTY, |d| &prepared.tfidf.vectors[d as usize]))
        .collect();
    let k = k.clamp(1, points.len().max(1));
    if points.is_empty() {
        return Vec::new();
    }
    let mut rng = XorShift::new(seed);
    let mut centroids = seed_centroids(&points, k, dims, &mut rng);
    let mut labels = vec![usize::MAX; points.len()];
    for _ in 0..MAX_ITERATIONS {
        let mut moved = false;
        for (p, label) in points.iter().zip(labels.iter_mut()) {
            let best = nearest(p, &centroids).0;
            if *label != best {
                *label = best;
                moved = true;
            }
        }
        if !moved {
            break;
        }
        let mut sums = vec![vec![0.0f32; dims]; k];
        let mut sizes = vec![0usize; k];
        for (p, &label) in points.iter().zip(&labels) {
            sizes[label] += 1;
            for &(t, w) in p.iter() {
                sums[label][t as usize] += w;
            }
        }
        for ((c, sum), size) in centroids.iter_mut().zip(sums).zip(sizes) {
            // An empty cluster keeps its old centroid.
            if size > 0 {
                *c = unit(sum);
            }
        }
    }
    labels
}

static EMPTY: SparseVec = Vec::new();

/// k-means++: the first centre at random, each next one with probability proportional to the
/// squared distance (1 - cosine) to the nearest centre chosen so far.
fn seed_centroids(
    points: &[&SparseVec],
    k: usize,
    dims: usize,
    rng: &mut XorShift,
) -> Vec<Vec<f32>> {
    let dense = |p: &SparseVec| {
        let mut d = vec![0.0f32; dims];
        for &(t, w) in p {
            d[t as usize] = w;
        }
        d
    };
    let mut centroids = vec![dense(points[rng.below(points.len())])];
    let mut best_sim: Vec<f32> = points.iter().map(|p| dot(p, &centroids[0])).collect();
    while centroids.len() < k {
        let weights: Vec<f64> = best_sim
            .iter()
            .map(|&s| f64::from((1.0 - s).max(0.0)).powi(2))
            .collect();
        let total: f64 = weights.iter().sum();
        let chosen = if total > 0.0 {
            let mut target = rng.next_f64() * total;
            let mut chosen = weights.len() - 1;
            for (i, w) in weights.iter().enumerate() {
                if target < *w {
                    chosen = i;
                    break;
                }
                target -= w;
            }
            chosen
        } else {
            rng.below(points.len())
        };
        let c = dense(points[chosen]);
        for (s, p) in best_sim.iter_mut().zip(points) {
            *s = s.max(dot(p, &c));
        }
        centroids.push(c);
    }
    centroids
}

/// The most similar centroid and its similarity (ties go to the lower index).
fn nearest(p: &SparseVec, centroids: &[Vec<f32>]) -> (usize, f32) {
    let mut best = (0, f32::NEG_INFINITY);
    for (i, c) in centroids.iter().enumerate() {
        let s = dot(p, c);
        if s > best.1 {
            best = (i, s);
        }
    }
    best
}

fn dot(p: &SparseVec, dense: &[f32]) -> f32 {
    p.iter().map(|&(t, w)| w * dense[t as usize]).sum()
}

fn unit(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|w| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for w in &mut v {
            *w /= norm;
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grouping::metrics::adjusted_rand_index;

    #[test]
    fn xorshift_is_seeded_and_shuffles_everything() {
        let mut a = XorShift::new(7);
        let mut b = XorShift::new(7);
        assert_eq!(a.next_u64(), b.next_u64());
        let mut items: Vec<u32> = (0..50).collect();
        a.shuffle(&mut items);
        let mut sorted = items.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..50).collect::<Vec<u32>>());
        assert_ne!(items, sorted);
        assert!(
            (0..1000)
                .map(|_| a.next_f64())
                .all(|x| (0.0..1.0).contains(&x))
        );
    }

    #[test]
    fn finds_two_obvious_groups() {
        let texts = [
            "card arrived late",
            "my card has not arrived",
            "card still not arrived",
            "exchange rate for euros",
            "what exchange rate do you use for euros",
            "euros exchange rate",
        ];
        let labels = kmeans_labels(&texts, 2, 1);
        assert_eq!(adjusted_rand_index(&labels, &[0, 0, 0, 1, 1, 1]), 1.0);
        assert!(kmeans_labels(&[], 3, 1).is_empty());
        assert_eq!(kmeans_labels(&["only one"], 5, 1), vec![0]);
    }
}
