//! One refinement pass after clustering: a note in a group that is, on average, more similar to
//! another group's notes than to its own group's moves there.
//!
//! Agglomerative merges are final, so an early merge that later looks wrong stays wrong; this
//! pass undoes the worst of those. Groups are only reshaped, never created, and a note left
//! alone stays alone (it was below the threshold for every group when clustering stopped).

use super::tfidf::SparseVec;

/// Moves documents between `clusters` (documents per cluster, as from
/// [`super::cluster::average_linkage`]) when their mean similarity to another cluster with at
/// least two documents' weight beats the mean similarity to the rest of their own.
/// Returns the clusters in the same form; emptied clusters disappear.
pub fn reassign(
    clusters: Vec<Vec<u32>>,
    vectors: &[SparseVec],
    weights: &[f64],
    dims: usize,
) -> Vec<Vec<u32>> {
    // Only clusters worth more than one note take part.
    let is_group = |c: &Vec<u32>| c.iter().map(|&d| weights[d as usize]).sum::<f64>() >= 2.0;
    let (groups, alone): (Vec<Vec<u32>>, Vec<Vec<u32>>) = clusters.into_iter().partition(is_group);
    if groups.len() < 2 {
        return groups.into_iter().chain(alone).collect();
    }
    // Weighted sum of each group's vectors, dense, and its total weight.
    let mut sums: Vec<Vec<f64>> = vec![vec![0.0; dims]; groups.len()];
    let mut totals = vec![0.0f64; groups.len()];
    let mut owner = vec![usize::MAX; vectors.len()];
    for (g, docs) in groups.iter().enumerate() {
        for &d in docs {
            owner[d as usize] = g;
            totals[g] += weights[d as usize];
            for &(t, w) in &vectors[d as usize] {
                sums[g][t as usize] += f64::from(w) * weights[d as usize];
            }
        }
    }
    let mut moved = vec![None; vectors.len()];
    for docs in &groups {
        for &d in docs {
            let (v, w) = (&vectors[d as usize], weights[d as usize]);
            let own = owner[d as usize];
            let mean_to = |g: usize| {
                let dot: f64 = v
                    .iter()
                    .map(|&(t, x)| f64::from(x) * sums[g][t as usize])
                    .sum();
                if g == own {
                    // Without itself: w copies of a unit vector add w to the dot product. A
                    // group that is only this document (identical notes) keeps it.
                    let rest = totals[g] - w;
                    if rest <= 0.0 {
                        f64::INFINITY
                    } else {
                        (dot - w * w) / (w * rest)
                    }
                } else {
                    dot / (w * totals[g])
                }
            };
            let stay = mean_to(own);
            let mut best = (own, stay);
            for g in 0..groups.len() {
                if g != own {
                    let s = mean_to(g);
                    if s > best.1 {
                        best = (g, s);
                    }
                }
            }
            if best.0 != own {
                moved[d as usize] = Some(best.0);
            }
        }
    }
    let mut out: Vec<Vec<u32>> = vec![Vec::new(); groups.len()];
    for (g, docs) in groups.into_iter().enumerate() {
        for d in docs {
            out[moved[d as usize].unwrap_or(g)].push(d);
        }
    }
    let mut out: Vec<Vec<u32>> = out
        .into_iter()
        .filter(|c| !c.is_empty())
        .chain(alone)
        .map(|mut c| {
            c.sort_unstable();
            c
        })
        .collect();
    out.sort_unstable_by_key(|c| c[0]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misplaced_note_moves_to_the_group_it_resembles() {
        let a = vec![(0, 1.0)];
        let b = vec![(1, 1.0)];
        let vectors = vec![a.clone(), a, b.clone(), b.clone(), b];
        let clusters = vec![vec![0, 1, 2], vec![3, 4]];
        let out = reassign(clusters, &vectors, &[1.0; 5], 2);
        assert_eq!(out, vec![vec![0, 1], vec![2, 3, 4]]);
    }

    #[test]
    fn loners_and_identical_pairs_stay_put() {
        let a = vec![(0, 1.0)];
        let b = vec![(1, 1.0)];
        // Doc 0 stands for two identical notes; doc 3 is alone.
        let vectors = vec![a.clone(), b.clone(), b, a];
        let clusters = vec![vec![0], vec![1, 2], vec![3]];
        let out = reassign(clusters.clone(), &vectors, &[2.0, 1.0, 1.0, 1.0], 2);
        assert_eq!(out, clusters);
    }
}
