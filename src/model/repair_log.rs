//! Sentences about what loading had to repair, bounded: a damaged file with 100,000 duplicate
//! ids yields one summary sentence and a few examples, not 100,000 lines to lay out.

/// At most this many example sentences are kept for one kind of repair.
pub const MAX_EXAMPLES: usize = 20;

/// Up to this many repairs of one kind are listed one by one, without a summary.
const LIST_UP_TO: usize = 5;

/// Repairs of one kind: how many, and the first few described.
#[derive(Debug, Default)]
pub(crate) struct RepairKind {
    count: usize,
    examples: Vec<String>,
}

impl RepairKind {
    /// Counts one repair; `describe` is only called while examples are still being kept.
    pub(crate) fn add(&mut self, describe: impl FnOnce() -> String) {
        self.count += 1;
        if self.examples.len() < MAX_EXAMPLES {
            self.examples.push(describe());
        }
    }

    /// The sentences: each repair when there are only a few, else `summary(count)` first,
    /// then the examples, then how many more there were.
    pub(crate) fn sentences(self, summary: impl FnOnce(&str) -> String) -> Vec<String> {
        if self.count <= LIST_UP_TO {
            return self.examples;
        }
        let mut out = vec![summary(&thousands(self.count))];
        let more = self.count - self.examples.len();
        out.extend(self.examples);
        if more > 0 {
            out.push(format!("…and {} more like these.", thousands(more)));
        }
        out
    }
}

/// `n` with thousands separated by commas: 2000 -> "2,000".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_repairs_are_listed_and_many_are_summarised_with_bounded_examples() {
        let mut few = RepairKind::default();
        few.add(|| "one".to_owned());
        assert_eq!(few.sentences(|n| format!("{n} repairs")), ["one"]);
        let mut many = RepairKind::default();
        for i in 0..2000 {
            many.add(|| format!("case {i}"));
        }
        let out = many.sentences(|n| format!("{n} duplicate note ids were renumbered."));
        assert_eq!(out[0], "2,000 duplicate note ids were renumbered.");
        assert_eq!(out.len(), 1 + MAX_EXAMPLES + 1);
        assert_eq!(out.last().unwrap(), "…and 1,980 more like these.");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }
}
