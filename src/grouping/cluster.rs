//! Average-linkage agglomerative clustering over a sparse similarity graph, which stops by
//! itself when no two clusters are similar enough: the number of groups is not given.
//!
//! Items carry weights (how many identical notes each stands for). The similarity of two
//! clusters is the weighted mean similarity over all pairs of their items, where pairs missing
//! from the graph count as zero. Every cluster keeps the summed similarity to each neighbour, so
//! a merge only adds two sparse maps. A max-heap holds each cluster's most similar neighbour
//! (stale entries are skipped), so the next merge is always the most similar pair.
//! Average linkage never makes a merged cluster more similar to a third than its parts were,
//! so greedy merging in heap order gives exactly the classic result.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

/// A fast hasher for the small integer keys of the neighbour maps (SipHash, the default, costs
/// more than the rest of the clustering). Multiplicative hashing spreads consecutive ids well.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// Summed similarity to each neighbouring cluster.
type Links = HashMap<u32, f64, BuildHasherDefault<IdHasher>>;

/// A candidate merge in the heap.
struct Candidate {
    similarity: f64,
    a: u32,
    b: u32,
    /// `a`'s candidate count when pushed: a newer candidate of `a` makes this one stale.
    a_version: u32,
}

impl Candidate {
    fn key(&self) -> (f64, std::cmp::Reverse<(u32, u32)>) {
        (
            self.similarity,
            std::cmp::Reverse((self.a.min(self.b), self.a.max(self.b))),
        )
    }
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Candidate {}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        let (s, ids) = self.key();
        let (o, other_ids) = other.key();
        s.total_cmp(&o).then(ids.cmp(&other_ids))
    }
}

/// Clusters `weights.len()` items joined by `edges` `(i, j, similarity)`, merging while the
/// average similarity of the closest two clusters is at least `threshold`.
///
/// Returns the clusters (including single items), each ascending, ordered by first item.
pub fn average_linkage(
    weights: &[f64],
    edges: &[(u32, u32, f32)],
    threshold: f64,
) -> Vec<Vec<u32>> {
    let n = weights.len();
    let mut weight = weights.to_vec();
    let mut links: Vec<Links> = vec![Links::default(); n];
    for &(i, j, s) in edges {
        if i == j || i as usize >= n || j as usize >= n {
            continue;
        }
        let sum = f64::from(s) * weights[i as usize] * weights[j as usize];
        *links[i as usize].entry(j).or_insert(0.0) += sum;
        *links[j as usize].entry(i).or_insert(0.0) += sum;
    }
    let mut members: Vec<Vec<u32>> = (0..n as u32).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    let mut version = vec![0u32; n];
    // Each cluster has one candidate in the heap: its most similar neighbour, if that is
    // similar enough. A merge never raises a third cluster's similarity to the merged one above
    // its similarity to either part, so only clusters whose best was a part need a new look.
    let mut heap = BinaryHeap::new();
    let mut best: Vec<Option<u32>> = (0..n)
        .map(|i| push_best(i, &links, &weight, &mut version, threshold, &mut heap))
        .collect();
    while let Some(top) = heap.pop() {
        let (a, b) = (top.a as usize, top.b as usize);
        if !alive[a] || !alive[b] || version[a] != top.a_version {
            continue; // `b` has gone, or `a` has a newer candidate, since this was pushed.
        }
        // Keep the cluster with more neighbours and fold the other into it.
        let (keep, gone) = if links[a].len() >= links[b].len() {
            (a, b)
        } else {
            (b, a)
        };
        let gone_links = std::mem::take(&mut links[gone]);
        links[keep].remove(&(gone as u32));
        for (c, sum) in gone_links {
            if c as usize == keep {
                continue;
            }
            links[c as usize].remove(&(gone as u32));
            let total = links[keep].entry(c).or_insert(0.0);
            *total += sum;
            let total = *total;
            links[c as usize].insert(keep as u32, total);
        }
        weight[keep] += weight[gone];
        let moved = std::mem::take(&mut members[gone]);
        members[keep].extend(moved);
        alive[gone] = false;
        best[keep] = push_best(keep, &links, &weight, &mut version, threshold, &mut heap);
        let stale: Vec<u32> = links[keep]
            .keys()
            .copied()
            .filter(|&c| matches!(best[c as usize], Some(x) if x as usize == keep || x as usize == gone))
            .collect();
        for c in stale {
            let c = c as usize;
            best[c] = push_best(c, &links, &weight, &mut version, threshold, &mut heap);
        }
    }
    let mut clusters: Vec<Vec<u32>> = members
        .into_iter()
        .zip(alive)
        .filter(|(_, alive)| *alive)
        .map(|(mut m, _)| {
            m.sort_unstable();
            m
        })
        .collect();
    clusters.sort_unstable_by_key(|m| m[0]);
    clusters
}

/// Finds cluster `i`'s most similar neighbour (ties: the lower id) and, when it is at least
/// `threshold`, pushes it as `i`'s candidate. Returns the neighbour pushed.
fn push_best(
    i: usize,
    links: &[Links],
    weight: &[f64],
    version: &mut [u32],
    threshold: f64,
    heap: &mut BinaryHeap<Candidate>,
) -> Option<u32> {
    version[i] += 1; // Whatever `i` had in the heap is now stale.
    let mut found: Option<(f64, u32)> = None;
    for (&c, &sum) in &links[i] {
        let similarity = sum / (weight[i] * weight[c as usize]);
        let better = match found {
            None => true,
            Some((s, b)) => similarity > s || (similarity == s && c < b),
        };
        if better {
            found = Some((similarity, c));
        }
    }
    let (similarity, c) = found?;
    if similarity < threshold {
        return None;
    }
    heap.push(Candidate {
        similarity,
        a: i as u32,
        b: c,
        a_version: version[i],
    });
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_tight_pairs_and_a_loner() {
        let edges = [(0, 1, 0.9), (2, 3, 0.8), (1, 2, 0.1), (3, 4, 0.05)];
        let clusters = average_linkage(&[1.0; 5], &edges, 0.3);
        assert_eq!(clusters, vec![vec![0, 1], vec![2, 3], vec![4]]);
    }

    #[test]
    fn average_linkage_averages_over_all_pairs() {
        // 0-1 merge first (0.9); then {0,1}-2 averages 0.6 and 0.0 -> 0.3.
        let edges = [(0, 1, 0.9), (0, 2, 0.6)];
        assert_eq!(
            average_linkage(&[1.0; 3], &edges, 0.31),
            vec![vec![0, 1], vec![2]]
        );
        assert_eq!(
            average_linkage(&[1.0; 3], &edges, 0.29),
            vec![vec![0, 1, 2]]
        );
    }

    #[test]
    fn weights_count_as_that_many_identical_items() {
        // Item 0 stands for three identical notes (self-similarity 1): {0, 1} averages 0.4 for
        // item 2 whichever way it is weighted.
        let edges = [(0, 1, 0.5), (0, 2, 0.4)];
        let weighted = average_linkage(&[3.0, 1.0, 1.0], &edges, 0.45);
        assert_eq!(weighted, vec![vec![0, 1], vec![2]]);
        // Merged {0,1} to 2: (3 * 0.4 + 0) / (4 * 1) = 0.3.
        assert_eq!(
            average_linkage(&[3.0, 1.0, 1.0], &edges, 0.29),
            vec![vec![0, 1, 2]]
        );
        assert_eq!(
            average_linkage(&[3.0, 1.0, 1.0], &edges, 0.31),
            vec![vec![0, 1], vec![2]]
        );
    }

    #[test]
    fn nothing_and_one_item() {
        assert!(average_linkage(&[], &[], 0.3).is_empty());
        assert_eq!(average_linkage(&[1.0], &[], 0.3), vec![vec![0]]);
    }
}
