//! How well a clustering matches known labels: the adjusted Rand index and normalised mutual
//! information (arithmetic-mean normalisation, as scikit-learn's defaults).

use std::collections::HashMap;

/// Counts of the contingency table and of each side's clusters.
struct Table {
    n: f64,
    cells: Vec<f64>,
    rows: Vec<f64>,
    cols: Vec<f64>,
}

fn table(a: &[usize], b: &[usize]) -> Table {
    let mut cells: HashMap<(usize, usize), f64> = HashMap::new();
    let mut rows: HashMap<usize, f64> = HashMap::new();
    let mut cols: HashMap<usize, f64> = HashMap::new();
    for (&x, &y) in a.iter().zip(b) {
        *cells.entry((x, y)).or_insert(0.0) += 1.0;
        *rows.entry(x).or_insert(0.0) += 1.0;
        *cols.entry(y).or_insert(0.0) += 1.0;
    }
    // Sorted, so the floating-point sums are the same on every run.
    let sorted = |m: HashMap<usize, f64>| {
        let mut v: Vec<(usize, f64)> = m.into_iter().collect();
        v.sort_unstable_by_key(|(k, _)| *k);
        v.into_iter().map(|(_, c)| c).collect::<Vec<f64>>()
    };
    let mut cell_list: Vec<((usize, usize), f64)> = cells.into_iter().collect();
    cell_list.sort_unstable_by_key(|(k, _)| *k);
    Table {
        n: a.len().min(b.len()) as f64,
        cells: cell_list.into_iter().map(|(_, c)| c).collect(),
        rows: sorted(rows),
        cols: sorted(cols),
    }
}

fn pairs(k: f64) -> f64 {
    k * (k - 1.0) / 2.0
}

/// The adjusted Rand index of two labellings of the same items: 1 for identical partitions,
/// about 0 for random ones. Labels are any numbers; only which items share one matters.
pub fn adjusted_rand_index(a: &[usize], b: &[usize]) -> f64 {
    let t = table(a, b);
    let index: f64 = t.cells.iter().map(|&c| pairs(c)).sum();
    let sum_a: f64 = t.rows.iter().map(|&c| pairs(c)).sum();
    let sum_b: f64 = t.cols.iter().map(|&c| pairs(c)).sum();
    let total = pairs(t.n);
    if total == 0.0 {
        return 1.0;
    }
    let expected = sum_a * sum_b / total;
    let max = (sum_a + sum_b) / 2.0;
    if (max - expected).abs() < f64::EPSILON {
        return 1.0; // Both trivial (all one cluster or all singletons) and equal.
    }
    (index - expected) / (max - expected)
}

fn entropy(counts: &[f64], n: f64) -> f64 {
    counts
        .iter()
        .filter(|&&c| c > 0.0)
        .map(|&c| -(c / n) * (c / n).ln())
        .sum()
}

/// Normalised mutual information of two labellings: the mutual information divided by the mean
/// of the two entropies; 1 for identical partitions, 0 for independent ones.
pub fn normalized_mutual_information(a: &[usize], b: &[usize]) -> f64 {
    let t = table(a, b);
    if t.n == 0.0 {
        return 1.0;
    }
    let (ha, hb) = (entropy(&t.rows, t.n), entropy(&t.cols, t.n));
    if ha == 0.0 && hb == 0.0 {
        return 1.0;
    }
    // I = H(A) + H(B) - H(A, B).
    let mi = ha + hb - entropy(&t.cells, t.n);
    (mi / ((ha + hb) / 2.0)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn identical_partitions_score_one_whatever_the_label_numbers() {
        let a = [0, 0, 1, 1, 2];
        let b = [7, 7, 3, 3, 9];
        assert!(close(adjusted_rand_index(&a, &b), 1.0));
        assert!(close(normalized_mutual_information(&a, &b), 1.0));
    }

    #[test]
    fn splitting_one_cluster_by_hand() {
        // Pairs together: truth {01, 23} = 2, found {01} = 1, both {01} = 1, of 6 pairs.
        // ARI = (1 - 2*1/6) / ((2+1)/2 - 2*1/6) = (2/3) / (7/6) = 4/7.
        let truth = [0, 0, 1, 1];
        let found = [0, 0, 1, 2];
        assert!(close(adjusted_rand_index(&truth, &found), 4.0 / 7.0));
        // H(truth) = ln 2, H(found) = 1.5 ln 2, and found refines truth so I = ln 2:
        // NMI = ln 2 / (1.25 ln 2) = 0.8.
        assert!(close(normalized_mutual_information(&truth, &found), 0.8));
    }

    #[test]
    fn a_crossed_partition_scores_below_zero_ari_and_zero_nmi() {
        // Truth {01, 23}, found {02, 13}: no pair agrees. ARI = (0 - 2*2/6) / (2 - 2*2/6) = -0.5.
        let truth = [0, 0, 1, 1];
        let found = [0, 1, 0, 1];
        assert!(close(adjusted_rand_index(&truth, &found), -0.5));
        assert!(close(normalized_mutual_information(&truth, &found), 0.0));
    }

    #[test]
    fn all_singletons_against_one_cluster() {
        let one = [0, 0, 0, 0];
        let singles = [0, 1, 2, 3];
        assert!(close(adjusted_rand_index(&one, &singles), 0.0));
        assert!(close(normalized_mutual_information(&one, &singles), 0.0));
        assert!(close(adjusted_rand_index(&[], &[]), 1.0));
    }
}
