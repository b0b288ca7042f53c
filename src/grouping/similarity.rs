//! Cosine similarity between sparse unit vectors, and every similar pair found through an
//! inverted index (only pairs that share a term are ever compared).

use super::tfidf::SparseVec;

/// Pairs less similar than this are treated as unrelated, which keeps the edge list small.
const MIN_EDGE_SIMILARITY: f32 = 0.02;

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
}
