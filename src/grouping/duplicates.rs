//! Near-duplicate notes: the same words (ignoring case and punctuation), or TF-IDF vectors
//! almost pointing the same way with nearly the same words (two notes about the same concept
//! in different words are similar, not duplicates). The facilitator can stack them into one
//! note.

use super::prepare::Prepared;

/// Documents at least this similar are near-duplicates.
pub const NEAR_DUPLICATE_SIMILARITY: f32 = 0.9;

/// Sets of near-duplicate notes, each ascending, ordered by first note.
pub fn near_duplicates(prepared: &Prepared, pairs: &[(u32, u32, f32)]) -> Vec<Vec<usize>> {
    let docs = prepared.notes_of_doc.len();
    let mut parent: Vec<u32> = (0..docs as u32).collect();
    for &(i, j, s) in pairs {
        if s >= NEAR_DUPLICATE_SIMILARITY
            && word_overlap(&prepared.words[i as usize], &prepared.words[j as usize])
                >= NEAR_DUPLICATE_SIMILARITY
        {
            let (a, b) = (root(&mut parent, i), root(&mut parent, j));
            if a != b {
                parent[a.max(b) as usize] = a.min(b);
            }
        }
    }
    let mut sets: Vec<Vec<usize>> = vec![Vec::new(); docs];
    for doc in 0..docs as u32 {
        let r = root(&mut parent, doc);
        sets[r as usize].extend(&prepared.notes_of_doc[doc as usize]);
    }
    let mut sets: Vec<Vec<usize>> = sets
        .into_iter()
        .filter(|s| s.len() >= 2)
        .map(|mut s| {
            s.sort_unstable();
            s
        })
        .collect();
    sets.sort_unstable_by_key(|s| s[0]);
    sets
}

/// The cosine of two sorted, distinct word lists as sets: shared words over the geometric mean
/// of their lengths (1 for the same words, 0 for none shared or an empty list).
fn word_overlap(a: &[String], b: &[String]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f32 / ((a.len() * b.len()) as f32).sqrt()
}

/// The representative of `i`'s set, halving paths on the way.
fn root(parent: &mut [u32], mut i: u32) -> u32 {
    while parent[i as usize] != i {
        let up = parent[parent[i as usize] as usize];
        parent[i as usize] = up;
        i = up;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grouping::similarity::similar_pairs;

    #[test]
    fn same_words_and_nearly_same_vectors_are_duplicates() {
        let texts = [
            "Share data between teams",
            "Culture of trust",
            "share data between teams!!",
            "Sharing data between the teams",
            "👍",
            "👍",
            "",
            "",
        ];
        let p = Prepared::new(&texts, true);
        let pairs = similar_pairs(&p.tfidf.vectors, p.tfidf.terms.len());
        assert_eq!(near_duplicates(&p, &pairs), vec![vec![0, 2, 3], vec![4, 5]]);
    }

    #[test]
    fn notes_about_one_concept_in_different_words_are_not_duplicates() {
        let texts = ["Slow laptops", "Slow wifi", "slow laptops!"];
        let p = Prepared::new(&texts, true);
        let pairs = similar_pairs(&p.tfidf.vectors, p.tfidf.terms.len());
        // The first two have the same vector (slow + infrastructure) but not the same words.
        assert!(pairs.iter().any(|&(_, _, s)| s > 0.99));
        assert_eq!(near_duplicates(&p, &pairs), vec![vec![0, 2]]);
    }
}
