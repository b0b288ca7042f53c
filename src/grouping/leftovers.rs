//! A second look at the notes the clustering left alone. A note joins the group it is closest
//! to when either
//! - its average similarity to the group's notes (words and topics in common, and with the
//!   word lexicon closeness in meaning) is at least [`LEFTOVER_LINK`] of the merge threshold:
//!   the group's explanation says "1 more note fits best here (close in words and meaning)";
//!   or
//! - with the word lexicon, its words taken together point the same way as the group's words
//!   ([`LEFTOVER`]): "1 more note is close in meaning overall".
//!
//! Then [`pair_lone`] makes a group of two notes still alone that are each other's closest
//! lone note and at least [`LEFTOVER_LINK`] of the merge threshold similar: "two notes left
//! alone, each closest to the other".
//!
//! These settings were chosen on the in-sample walls, the same walls with half the vocabulary
//! hidden, and banking77 (see the README).

use super::lexicon::{Vector, dot, normalise};

/// At the default granularity, a lone note joins the group whose mean word vector is at least
/// this close to its own. It scales with the merge threshold, so asking for more, tighter
/// groups also makes lone notes pickier.
pub const LEFTOVER: f32 = 0.5;

/// The closeness a lone note needs at merge threshold `threshold`.
pub fn min_similarity(threshold: f64) -> f32 {
    (f64::from(LEFTOVER) * threshold / super::DEFAULT_THRESHOLD).min(1.0) as f32
}

/// A lone note also joins the group it is most similar to on average (the similarity the
/// clustering uses: words, topics and, with the lexicon, meaning) when that is at least this
/// share of the merge threshold: close, though not close enough to have been merged.
pub const LEFTOVER_LINK: f64 = 0.5;

/// The average similarity a lone note needs to a group at merge threshold `threshold`, and
/// two lone notes need to each other to be paired by [`pair_lone`].
pub fn min_link(threshold: f64) -> f64 {
    LEFTOVER_LINK * threshold
}

/// How many lone notes a group gained, and why.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Gained {
    /// Joined by their average similarity to the group's notes.
    pub by_words: usize,
    /// Joined by their mean word vector alone.
    pub by_meaning: usize,
}

/// Moves lone documents (clusters of one document standing for one note) into the closest
/// larger cluster: by average similarity over `edges` (at least `min_link`) or by mean word
/// vector (at least `min`), whichever clears its bar by more. Returns what each cluster gained
/// this way (parallel to `clusters` after the move; moved singletons are left empty).
/// Deterministic: lone documents are taken in order, and compared with the clusters as they
/// were before any move.
pub fn adopt(
    clusters: &mut [Vec<u32>],
    vectors: &[Option<Vector>],
    weights: &[f64],
    edges: &[(u32, u32, f32)],
    min: f32,
    min_link: f64,
) -> Vec<Gained> {
    let mut gained = vec![Gained::default(); clusters.len()];
    let is_lone =
        |c: &Vec<u32>| c.len() == 1 && weights.get(c[0] as usize).is_some_and(|&w| w < 2.0);
    let means: Vec<Option<Vector>> = clusters
        .iter()
        .map(|c| if is_lone(c) { None } else { mean(c, vectors) })
        .collect();
    let links = lone_links(clusters, weights, edges, &is_lone);
    let mut moves = Vec::new();
    for (i, cluster) in clusters.iter().enumerate() {
        if !is_lone(cluster) {
            continue;
        }
        let v = vectors.get(cluster[0] as usize).and_then(Option::as_ref);
        // How far each group clears the bar, by words in common or by meaning overall.
        // (how far the bar is cleared, whether by words).
        let score = |j: usize| -> (f64, bool) {
            let by_words = links[i].get(&j).copied().unwrap_or(0.0) / min_link.max(1e-9);
            let by_meaning = match (v, &means[j]) {
                (Some(v), Some(m)) => f64::from(dot(v, m) / min.max(1e-6)),
                _ => 0.0,
            };
            (by_words.max(by_meaning), by_words >= by_meaning)
        };
        let best = (0..clusters.len())
            .filter(|&j| !is_lone(&clusters[j]) && j != i)
            .map(|j| (j, score(j)))
            .fold(
                None,
                |best: Option<(usize, (f64, bool))>, (j, s)| match best {
                    Some((_, b)) if b.0 >= s.0 => best,
                    _ => Some((j, s)),
                },
            );
        if let Some((j, (s, by_words))) = best
            && s >= 1.0
        {
            moves.push((i, j, by_words));
        }
    }
    for (from, to, by_words) in moves {
        let doc = std::mem::take(&mut clusters[from]);
        clusters[to].extend(doc);
        clusters[to].sort_unstable();
        if by_words {
            gained[to].by_words += 1;
        } else {
            gained[to].by_meaning += 1;
        }
    }
    gained
}

/// Two notes still alone after [`adopt`] become a group of two when each is the other's most
/// similar lone note (over `edges`, the similarity the clustering used; ties: the lower
/// document) and they are at least `min` similar: close, though not close enough to have been
/// merged, and nothing else left alone is closer to either. Returns, for each cluster, whether
/// it was made this way (the second note's cluster is left empty). Deterministic.
pub fn pair_lone(
    clusters: &mut [Vec<u32>],
    weights: &[f64],
    edges: &[(u32, u32, f32)],
    min: f64,
) -> Vec<bool> {
    let n = weights.len();
    // For each lone document (one note, alone in its cluster), its cluster.
    let mut lone_cluster = vec![None; n];
    for (c, docs) in clusters.iter().enumerate() {
        if let [d] = docs[..]
            && weights.get(d as usize).is_some_and(|&w| w < 2.0)
        {
            lone_cluster[d as usize] = Some(c);
        }
    }
    let is_lone = |d: u32| lone_cluster.get(d as usize).is_some_and(Option::is_some);
    // Each lone document's most similar lone document: (similarity, document).
    let mut nearest: Vec<Option<(f32, u32)>> = vec![None; n];
    for &(a, b, s) in edges {
        for (x, y) in [(a, b), (b, a)] {
            if x == y || !is_lone(x) || !is_lone(y) {
                continue;
            }
            let slot = &mut nearest[x as usize];
            if slot.is_none_or(|(t, z)| s > t || (s == t && y < z)) {
                *slot = Some((s, y));
            }
        }
    }
    let mut made = vec![false; clusters.len()];
    for d in 0..n as u32 {
        let Some((s, p)) = nearest[d as usize] else {
            continue;
        };
        let mutual = nearest[p as usize].is_some_and(|(_, q)| q == d);
        if p <= d || !mutual || f64::from(s) < min {
            continue;
        }
        let (Some(keep), Some(gone)) = (lone_cluster[d as usize], lone_cluster[p as usize]) else {
            continue;
        };
        let moved = std::mem::take(&mut clusters[gone]);
        clusters[keep].extend(moved);
        made[keep] = true;
    }
    made
}

/// The mean word vector of a cluster's documents, scaled to unit length.
fn mean(cluster: &[u32], vectors: &[Option<Vector>]) -> Option<Vector> {
    let mut sum: Option<Vector> = None;
    for v in cluster
        .iter()
        .filter_map(|&d| vectors.get(d as usize)?.as_ref())
    {
        match &mut sum {
            Some(s) => s.iter_mut().zip(v).for_each(|(a, x)| *a += x),
            None => sum = Some(v.clone()),
        }
    }
    let mut v = sum?;
    normalise(&mut v);
    Some(v)
}

/// For each lone cluster (by index), its average similarity to each larger cluster over the
/// similarity graph: the average-linkage similarity the clustering found too low.
fn lone_links(
    clusters: &[Vec<u32>],
    weights: &[f64],
    edges: &[(u32, u32, f32)],
    is_lone: &impl Fn(&Vec<u32>) -> bool,
) -> Vec<std::collections::BTreeMap<usize, f64>> {
    let mut cluster_of = vec![usize::MAX; weights.len()];
    let mut size = vec![0.0; clusters.len()];
    for (c, docs) in clusters.iter().enumerate() {
        for &d in docs {
            if let Some(slot) = cluster_of.get_mut(d as usize) {
                *slot = c;
            }
            size[c] += weights.get(d as usize).copied().unwrap_or(1.0);
        }
    }
    let mut links = vec![std::collections::BTreeMap::new(); clusters.len()];
    for &(a, b, s) in edges {
        for (x, y) in [(a, b), (b, a)] {
            let (Some(&cx), Some(&cy)) = (cluster_of.get(x as usize), cluster_of.get(y as usize))
            else {
                continue;
            };
            if cx == usize::MAX || cy == usize::MAX || cx == cy || !is_lone(&clusters[cx]) {
                continue;
            }
            let w = weights.get(y as usize).copied().unwrap_or(1.0);
            *links[cx].entry(cy).or_insert(0.0) += f64::from(s) * w / size[cy];
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_note_joins_the_closest_group_only_when_close_enough() {
        let v = |x: f32, y: f32| {
            let mut v = vec![x, y];
            normalise(&mut v);
            Some(v)
        };
        // Group {0, 1} points along x, group {2, 3} along y. Note 4 is near x and joins; note 5
        // has no known words and note 6 points away from both: they stay alone.
        let vectors = vec![
            v(1.0, 0.0),
            v(1.0, 0.1),
            v(0.0, 1.0),
            v(0.1, 1.0),
            v(1.0, 0.2),
            None,
            v(-1.0, -1.0),
        ];
        let weights = vec![1.0; 7];
        let mut clusters = vec![vec![0, 1], vec![2, 3], vec![4], vec![5], vec![6]];
        let gained = adopt(&mut clusters, &vectors, &weights, &[], LEFTOVER, 0.1);
        assert_eq!(
            clusters,
            vec![vec![0, 1, 4], vec![2, 3], vec![], vec![5], vec![6]]
        );
        let one = Gained {
            by_words: 0,
            by_meaning: 1,
        };
        assert_eq!(gained, vec![one, none(), none(), none(), none()]);
    }

    #[test]
    fn identical_notes_are_not_lone() {
        let vectors = vec![
            Some(vec![1.0, 0.0]),
            Some(vec![1.0, 0.0]),
            Some(vec![1.0, 0.0]),
        ];
        let mut clusters = vec![vec![0, 1], vec![2]];
        // Document 2 stands for two identical notes: already a group, not a leftover.
        let gained = adopt(
            &mut clusters,
            &vectors,
            &[1.0, 1.0, 2.0],
            &[],
            LEFTOVER,
            0.1,
        );
        assert_eq!(clusters, vec![vec![0, 1], vec![2]]);
        assert_eq!(gained, vec![none(), none()]);
    }

    fn none() -> Gained {
        Gained::default()
    }

    #[test]
    fn a_lone_note_joins_the_group_it_is_most_similar_to_on_average_if_close_enough() {
        // No word vectors (words only): groups {0, 1} and {2, 3}; note 4 is 0.3 similar to both
        // notes of the first (average 0.3) and 0.5 to one note of the second (average 0.25).
        // Note 5 is only 0.1 similar to note 0 (average 0.05): it stays alone.
        let edges = [
            (0, 1, 0.8),
            (2, 3, 0.8),
            (0, 4, 0.3),
            (1, 4, 0.3),
            (2, 4, 0.5),
            (0, 5, 0.1),
        ];
        let mut clusters = vec![vec![0, 1], vec![2, 3], vec![4], vec![5]];
        let gained = adopt(
            &mut clusters,
            &vec![None; 6],
            &[1.0; 6],
            &edges,
            LEFTOVER,
            0.1,
        );
        assert_eq!(clusters, vec![vec![0, 1, 4], vec![2, 3], vec![], vec![5]]);
        let one = Gained {
            by_words: 1,
            by_meaning: 0,
        };
        assert_eq!(gained, vec![one, none(), none(), none()]);
    }

    #[test]
    fn two_lone_notes_that_are_each_others_closest_make_a_pair() {
        // Group {0, 1}; lone notes 2, 3, 4, 5. Notes 2 and 3 are each other's closest lone
        // note (0.15, above the bar of 0.1). Note 4's closest lone note is 3, but 3's is 2:
        // not mutual, so 4 stays alone. Note 5 is closest to 4 only at 0.05, below the bar.
        let edges = [
            (0, 1, 0.8),
            (2, 3, 0.15),
            (3, 4, 0.12),
            (4, 5, 0.05),
            (0, 2, 0.3),
        ];
        let mut clusters = vec![vec![0, 1], vec![2], vec![3], vec![4], vec![5]];
        let made = pair_lone(&mut clusters, &[1.0; 6], &edges, 0.1);
        assert_eq!(
            clusters,
            vec![vec![0, 1], vec![2, 3], vec![], vec![4], vec![5]]
        );
        assert_eq!(made, vec![false, true, false, false, false]);
    }

    #[test]
    fn a_pair_needs_enough_similarity_and_lone_notes() {
        // 2 and 3 are each other's closest but only 0.08 similar: below the bar. Document 4
        // stands for two identical notes (already a group), so it is never paired.
        let edges = [(2, 3, 0.08), (4, 5, 0.5)];
        let mut clusters = vec![vec![0, 1], vec![2], vec![3], vec![4], vec![5]];
        let made = pair_lone(&mut clusters, &[1.0, 1.0, 1.0, 1.0, 2.0, 1.0], &edges, 0.1);
        assert_eq!(
            clusters,
            vec![vec![0, 1], vec![2], vec![3], vec![4], vec![5]]
        );
        assert!(made.iter().all(|&m| !m));
    }
}
