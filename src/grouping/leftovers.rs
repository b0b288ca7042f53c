//! A second look at the notes the clustering left alone: a note that shares no word or concept
//! with any group, but whose words taken together point the same way as a group's words, joins
//! that group, and the group's explanation says so ("1 more note is close in meaning
//! overall"). Needs the word lexicon; [`LEFTOVER`] was chosen on the in-sample walls and
//! banking77 (see the README).

use super::lexicon::{Vector, dot, normalise};

/// At the default granularity, a lone note joins the group whose mean word vector is at least
/// this close to its own. It scales with the merge threshold, so asking for more, tighter
/// groups also makes lone notes pickier.
pub const LEFTOVER: f32 = 0.5;

/// The closeness a lone note needs at merge threshold `threshold`.
pub fn min_similarity(threshold: f64) -> f32 {
    (f64::from(LEFTOVER) * threshold / super::DEFAULT_THRESHOLD).min(1.0) as f32
}

/// Moves lone documents (clusters of one document standing for one note) into the closest
/// larger cluster when it is at least `min` close. Returns how many documents each
/// cluster gained this way (parallel to `clusters` after the move; moved singletons are left
/// empty). Deterministic: lone documents are taken in order, and compared with the clusters as
/// they were before any move.
pub fn adopt(
    clusters: &mut [Vec<u32>],
    vectors: &[Option<Vector>],
    weights: &[f64],
    min: f32,
) -> Vec<usize> {
    let mut gained = vec![0; clusters.len()];
    let is_lone =
        |c: &Vec<u32>| c.len() == 1 && weights.get(c[0] as usize).is_some_and(|&w| w < 2.0);
    let means: Vec<Option<Vector>> = clusters
        .iter()
        .map(|c| {
            if is_lone(c) {
                return None;
            }
            let mut sum: Option<Vector> = None;
            for v in c.iter().filter_map(|&d| vectors.get(d as usize)?.as_ref()) {
                match &mut sum {
                    Some(s) => s.iter_mut().zip(v).for_each(|(a, x)| *a += x),
                    None => sum = Some(v.clone()),
                }
            }
            let mut v = sum?;
            normalise(&mut v);
            Some(v)
        })
        .collect();
    let mut moves = Vec::new();
    for (i, cluster) in clusters.iter().enumerate() {
        if !is_lone(cluster) {
            continue;
        }
        let Some(Some(v)) = vectors.get(cluster[0] as usize) else {
            continue;
        };
        let best = means
            .iter()
            .enumerate()
            .filter_map(|(j, m)| Some((j, dot(v, m.as_ref()?))))
            .fold(None, |best: Option<(usize, f32)>, (j, s)| match best {
                Some((_, b)) if b >= s => best,
                _ => Some((j, s)),
            });
        if let Some((j, s)) = best
            && s >= min
        {
            moves.push((i, j));
        }
    }
    for (from, to) in moves {
        let doc = std::mem::take(&mut clusters[from]);
        clusters[to].extend(doc);
        clusters[to].sort_unstable();
        gained[to] += 1;
    }
    gained
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
        let gained = adopt(&mut clusters, &vectors, &weights, LEFTOVER);
        assert_eq!(
            clusters,
            vec![vec![0, 1, 4], vec![2, 3], vec![], vec![5], vec![6]]
        );
        assert_eq!(gained, vec![1, 0, 0, 0, 0]);
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
        let gained = adopt(&mut clusters, &vectors, &[1.0, 1.0, 2.0], LEFTOVER);
        assert_eq!(clusters, vec![vec![0, 1], vec![2]]);
        assert_eq!(gained, vec![0, 0]);
    }
}
