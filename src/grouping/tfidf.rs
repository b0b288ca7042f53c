//! TF-IDF weights: sublinear term frequency, smoothed inverse document frequency, and
//! L2-normalised sparse vectors.

use std::collections::BTreeMap;

/// A sparse vector: `(term id, weight)` pairs, ascending by term id.
pub type SparseVec = Vec<(u32, f32)>;

/// The vocabulary and one vector per document.
#[derive(Clone, Debug, Default)]
pub struct Tfidf {
    /// The terms, in term-id order (alphabetical, so ids do not depend on input order).
    pub terms: Vec<String>,
    /// Inverse document frequency per term id.
    pub idf: Vec<f32>,
    /// One unit-length vector per document (empty for a document without terms).
    pub vectors: Vec<SparseVec>,
}

impl Tfidf {
    /// Weights the terms of each document.
    ///
    /// `tf = 1 + ln(count)`, `idf = ln((1 + n) / (1 + df)) + 1` (as scikit-learn's smoothed idf),
    /// then each vector is scaled to unit length.
    pub fn new<S: AsRef<str>>(docs: &[Vec<S>]) -> Self {
        Self::with_boost(docs, |_| 1.0)
    }

    /// As [`Tfidf::new`], with each term's weight multiplied by `boost(term)` before the
    /// vectors are scaled to unit length.
    pub fn with_boost<S: AsRef<str>>(docs: &[Vec<S>], boost: impl Fn(&str) -> f32) -> Self {
        let weighted: Vec<Vec<(&str, f32)>> = docs
            .iter()
            .map(|doc| doc.iter().map(|t| (t.as_ref(), 1.0)).collect())
            .collect();
        Self::weighted(&weighted, boost)
    }

    /// As [`Tfidf::with_boost`], where each occurrence of a term counts `weight` times: a term
    /// added at weight 0.6 (a near-synonym of a word in the note) counts less than a word
    /// written there. Term frequency is `1 + ln(count)` from a count of 1 up, `count` below.
    pub fn weighted(docs: &[Vec<(&str, f32)>], boost: impl Fn(&str) -> f32) -> Self {
        let mut ids: BTreeMap<&str, u32> = BTreeMap::new();
        for doc in docs {
            for (term, _) in doc {
                ids.insert(term, 0);
            }
        }
        for (i, id) in ids.values_mut().enumerate() {
            *id = i as u32;
        }
        let terms: Vec<String> = ids.keys().map(|t| (*t).to_owned()).collect();
        let counts: Vec<BTreeMap<u32, f32>> = docs
            .iter()
            .map(|doc| {
                let mut c = BTreeMap::new();
                for (term, weight) in doc {
                    *c.entry(ids[term]).or_insert(0.0) += weight;
                }
                c
            })
            .collect();
        let mut df = vec![0u32; terms.len()];
        for c in &counts {
            for &t in c.keys() {
                df[t as usize] += 1;
            }
        }
        let n = docs.len() as f32;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
            .collect();
        let boosts: Vec<f32> = terms.iter().map(|t| boost(t)).collect();
        let vectors = counts
            .iter()
            .map(|c| {
                let mut v: SparseVec = c
                    .iter()
                    .map(|(&t, &k)| {
                        let t_ = t as usize;
                        let tf = if k >= 1.0 { 1.0 + k.ln() } else { k };
                        (t, tf * idf[t_] * boosts[t_])
                    })
                    .collect();
                normalise(&mut v);
                v
            })
            .collect();
        Self {
            terms,
            idf,
            vectors,
        }
    }
}

/// Scales `v` to unit length (a zero vector stays zero).
pub fn normalise(v: &mut SparseVec) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_follow_the_formula_and_vectors_are_unit_length() {
        let docs = vec![vec!["data", "data", "team"], vec!["team"]];
        let t = Tfidf::new(&docs);
        assert_eq!(t.terms, ["data", "team"]);
        // data: df 1 of 2 -> ln(3/2) + 1; team: df 2 -> ln(3/3) + 1 = 1.
        let idf_data = (1.5f32).ln() + 1.0;
        assert!((t.idf[0] - idf_data).abs() < 1e-6);
        assert!((t.idf[1] - 1.0).abs() < 1e-6);
        let raw_data = (1.0 + 2f32.ln()) * idf_data;
        let norm = (raw_data * raw_data + 1.0).sqrt();
        let v = &t.vectors[0];
        assert_eq!(v[0].0, 0);
        assert!((v[0].1 - raw_data / norm).abs() < 1e-6);
        assert!((v[1].1 - 1.0 / norm).abs() < 1e-6);
        assert_eq!(t.vectors[1], vec![(1, 1.0)]);
    }

    #[test]
    fn an_empty_document_has_an_empty_vector() {
        let docs: Vec<Vec<&str>> = vec![vec![], vec!["x"]];
        let t = Tfidf::new(&docs);
        assert!(t.vectors[0].is_empty());
        assert_eq!(t.vectors[1].len(), 1);
    }
}
