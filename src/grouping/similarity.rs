//! Cosine similarity between sparse unit vectors, and every similar pair found through an
//! inverted index (only pairs that share a term are ever compared).

use super::tfidf::SparseVec;

/// Pairs less similar than this are treated as unrelated, which keeps the edge list small.
pub const MIN_EDGE_SIMILARITY: f32 = 0.02;

/// How many most-similar neighbours of each document the clustering looks at. Tuned with the
/// merge threshold on the banking77 test set (see the README); it also bounds the work, so
/// notes sharing a common word do not make the similarity graph dense.
pub const NEIGHBOURS: usize = 40;

/// The sparse similarity graph of a set of documents.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    /// Pairs `(i, j, similarity)`, `i < j`, where `j` is among the [`NEIGHBOURS`] most similar
    /// documents of `i` or the other way round (ties: the lower document number); ascending.
    pub edges: Vec<(u32, u32, f32)>,
    /// Every pair at least `close` similar (`i < j`, ascending), whether or not it is an edge.
    pub close_pairs: Vec<(u32, u32, f32)>,
}

/// Builds the k-nearest-neighbour graph of `vectors` through an inverted index, one document's
/// row at a time, never holding all similar pairs at once. Also collects every pair at least
/// `close` similar (for near-duplicates).
pub fn neighbour_graph(vectors: &[SparseVec], n_terms: usize, k: usize, close: f32) -> Graph {
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n_terms];
    for (doc, v) in vectors.iter().enumerate() {
        for &(t, w) in v {
            postings[t as usize].push((doc as u32, w));
        }
    }
    let mut acc = vec![0.0f32; vectors.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut row: Vec<(f32, u32)> = Vec::new();
    let mut graph = Graph::default();
    for (i, v) in vectors.iter().enumerate() {
        for &(t, w) in v {
            for &(j, wj) in &postings[t as usize] {
                if j as usize == i {
                    continue;
                }
                if acc[j as usize] == 0.0 {
                    touched.push(j);
                }
                acc[j as usize] += w * wj;
            }
        }
        row.clear();
        for &j in &touched {
            let s = acc[j as usize].min(1.0);
            acc[j as usize] = 0.0;
            if s >= MIN_EDGE_SIMILARITY {
                row.push((s, j));
                if s >= close && (i as u32) < j {
                    graph.close_pairs.push((i as u32, j, s));
                }
            }
        }
        touched.clear();
        let order = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if row.len() > k {
            if k == 0 {
                row.clear();
            } else {
                row.select_nth_unstable_by(k - 1, order);
                row.truncate(k);
            }
        }
        for &(s, j) in &row {
            let (a, b) = if (i as u32) < j {
                (i as u32, j)
            } else {
                (j, i as u32)
            };
            graph.edges.push((a, b, s));
        }
    }
    // A pair found from both ends appears twice (with the same similarity up to rounding:
    // keep the first).
    graph.edges.sort_unstable_by_key(|e| (e.0, e.1));
    graph.edges.dedup_by_key(|e| (e.0, e.1));
    graph.close_pairs.sort_unstable_by_key(|e| (e.0, e.1));
    graph
}

/// The cosine similarity of two unit vectors: their dot product.
pub fn cosine(a: &SparseVec, b: &SparseVec) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Every pair `(i, j, similarity)` with `i < j` whose similarity is at least a small floor,
/// ordered by `i` then `j`.
pub fn similar_pairs(vectors: &[SparseVec], n_terms: usize) -> Vec<(u32, u32, f32)> {
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n_terms];
    for (doc, v) in vectors.iter().enumerate() {
        for &(t, w) in v {
            postings[t as usize].push((doc as u32, w));
        }
    }
    let mut acc = vec![0.0f32; vectors.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut pairs = Vec::new();
    for (i, v) in vectors.iter().enumerate() {
        for &(t, w) in v {
            let list = &postings[t as usize];
            // Postings are ascending by document: only look at later documents.
            let from = list.partition_point(|&(d, _)| d as usize <= i);
            for &(j, wj) in &list[from..] {
                if acc[j as usize] == 0.0 {
                    touched.push(j);
                }
                acc[j as usize] += w * wj;
            }
        }
        touched.sort_unstable();
        for &j in &touched {
            let s = acc[j as usize];
            if s >= MIN_EDGE_SIMILARITY {
                pairs.push((i as u32, j, s.min(1.0)));
            }
            acc[j as usize] = 0.0;
        }
        touched.clear();
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_of_unit_vectors() {
        let a = vec![(0, 0.6), (2, 0.8)];
        let b = vec![(1, 1.0)];
        let c = vec![(0, 0.8), (2, 0.6)];
        assert_eq!(cosine(&a, &b), 0.0);
        assert!((cosine(&a, &a) - 1.0).abs() < 1e-6);
        assert!((cosine(&a, &c) - 0.96).abs() < 1e-6);
    }

    #[test]
    fn pairs_match_brute_force() {
        let vs = vec![
            vec![(0, 0.6), (2, 0.8)],
            vec![(1, 1.0)],
            vec![(0, 0.8), (2, 0.6)],
            vec![],
            vec![(1, 0.6), (2, 0.8)],
        ];
        let pairs = similar_pairs(&vs, 3);
        let mut brute = Vec::new();
        for i in 0..vs.len() {
            for j in i + 1..vs.len() {
                let s = cosine(&vs[i], &vs[j]);
                if s >= MIN_EDGE_SIMILARITY {
                    brute.push((i as u32, j as u32, s));
                }
            }
        }
        assert_eq!(pairs.len(), brute.len());
        for (p, b) in pairs.iter().zip(&brute) {
            assert_eq!((p.0, p.1), (b.0, b.1));
            assert!((p.2 - b.2).abs() < 1e-6);
        }
    }

    #[test]
    fn the_graph_keeps_each_documents_nearest_and_all_close_pairs() {
        let vs = vec![
            vec![(0, 1.0)],
            vec![(0, 0.6), (1, 0.8)],
            vec![(0, 0.8), (1, 0.6)],
            vec![(1, 1.0)],
            vec![(0, 1.0)],
        ];
        let all = similar_pairs(&vs, 2);
        let g = neighbour_graph(&vs, 2, 10, 0.9);
        assert_eq!(g.edges.len(), all.len());
        assert_eq!(g.close_pairs.len(), 2, "{:?}", g.close_pairs); // 0-4 (1.0), 1-2 (0.96)
        // With one neighbour each: 0 -> 4 (tie with 4 at 1.0, lower number), 1 -> 2, 2 -> 1,
        // 3 -> 1, 4 -> 0.
        let g = neighbour_graph(&vs, 2, 1, 0.9);
        let pairs: Vec<(u32, u32)> = g.edges.iter().map(|e| (e.0, e.1)).collect();
        assert_eq!(pairs, [(0, 4), (1, 2), (1, 3)]);
    }
}
