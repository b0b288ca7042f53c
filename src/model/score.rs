//! Scored questions: each person gives a score from 1 to 5 against labels set in the template
//! ("Not started" … "Embedded"), counted by tally or given in secret by passing the laptop.
//! The distribution and its median are what the room sees, and a follow-up compares them with
//! last time's.

use serde::{Deserialize, Serialize};

use super::ParticipantId;

/// How many points the scale has: scores run from 1 to `SCALE`.
pub const SCALE: usize = 5;

/// The labels of the scale when a template gives none.
pub const DEFAULT_LABELS: [&str; SCALE] = [
    "Not started",
    "Emerging",
    "Developing",
    "Established",
    "Embedded",
];

/// How the room gives its scores.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScoreMode {
    /// The facilitator counts raised hands or cards for each score.
    #[default]
    Tally,
    /// Each person scores in turn on the laptop; nobody sees a score until the reveal.
    PassTheLaptop,
}

/// The scores given to one scored question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scoring {
    /// The label of each score, 1 first.
    #[serde(default = "default_labels")]
    pub labels: Vec<String>,
    /// How the room gives its scores.
    #[serde(default)]
    pub mode: ScoreMode,
    /// Counts for each score from 1 to 5, from the tally.
    #[serde(default)]
    pub tally: [u32; SCALE],
    /// Scores given by passing the laptop, one per person, sorted by participant.
    #[serde(default)]
    pub by_person: Vec<(ParticipantId, u8)>,
    /// The scores are shown to the room (a secret round stays hidden until then).
    #[serde(default)]
    pub revealed: bool,
}

fn default_labels() -> Vec<String> {
    DEFAULT_LABELS.iter().map(|s| (*s).to_owned()).collect()
}

impl Default for Scoring {
    fn default() -> Self {
        Self::with_labels(Vec::new())
    }
}

impl Scoring {
    /// An empty scoring with these labels (the default ones where fewer than five are given).
    pub fn with_labels(labels: Vec<String>) -> Self {
        let mut all = default_labels();
        for (slot, label) in all.iter_mut().zip(labels) {
            if !label.trim().is_empty() {
                *slot = label.trim().to_owned();
            }
        }
        Self {
            labels: all,
            mode: ScoreMode::default(),
            tally: [0; SCALE],
            by_person: Vec::new(),
            revealed: false,
        }
    }

    /// The label of `score` (1 to 5), or the number itself.
    pub fn label(&self, score: u8) -> String {
        usize::from(score)
            .checked_sub(1)
            .and_then(|i| self.labels.get(i))
            .cloned()
            .unwrap_or_else(|| score.to_string())
    }

    /// Every score given, tally and laptop together.
    pub fn distribution(&self) -> Distribution {
        let mut counts = self.tally;
        for (_, score) in &self.by_person {
            if let Some(slot) = usize::from(*score)
                .checked_sub(1)
                .and_then(|i| counts.get_mut(i))
            {
                *slot += 1;
            }
        }
        Distribution(counts)
    }

    /// The score `person` gave by passing the laptop.
    pub fn score_of(&self, person: ParticipantId) -> Option<u8> {
        self.by_person
            .iter()
            .find(|(p, _)| *p == person)
            .map(|(_, s)| *s)
    }

    /// This scoring with `person`'s score set (1 to 5) or taken back (`None`). Scores outside
    /// the scale are ignored.
    pub fn with_person(&self, person: ParticipantId, score: Option<u8>) -> Self {
        let mut out = self.clone();
        out.by_person.retain(|(p, _)| *p != person);
        if let Some(score) = score.filter(|s| (1..=SCALE as u8).contains(s)) {
            out.by_person.push((person, score));
            out.by_person.sort_by_key(|(p, _)| *p);
        }
        out
    }

    /// This scoring with one more (`delta` 1) or one fewer (`delta` -1) tallied at `score`;
    /// never below zero.
    pub fn with_tally(&self, score: u8, delta: i32) -> Self {
        let mut out = self.clone();
        if let Some(slot) = usize::from(score)
            .checked_sub(1)
            .and_then(|i| out.tally.get_mut(i))
        {
            *slot = slot.saturating_add_signed(delta);
        }
        out
    }

    /// The same question and labels with no scores, for scoring again at a follow-up.
    pub fn cleared(&self) -> Self {
        Self {
            labels: self.labels.clone(),
            mode: self.mode,
            ..Self::with_labels(self.labels.clone())
        }
    }
}

/// How many people gave each score, 1 first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Distribution(pub [u32; SCALE]);

impl Distribution {
    /// How many scores were given.
    pub fn total(&self) -> u32 {
        self.0.iter().sum()
    }

    /// The median score: the middle one, or halfway between the two middle ones. `None` when
    /// nobody scored.
    pub fn median(&self) -> Option<f32> {
        let total = self.total();
        if total == 0 {
            return None;
        }
        let nth = |k: u32| {
            let mut seen = 0;
            for (i, n) in self.0.iter().enumerate() {
                seen += n;
                if seen > k {
                    return i as f32 + 1.0;
                }
            }
            SCALE as f32
        };
        Some((nth((total - 1) / 2) + nth(total / 2)) / 2.0)
    }

    /// The largest count, for scaling bars.
    pub fn max_count(&self) -> u32 {
        self.0.iter().copied().max().unwrap_or(0)
    }
}

/// A question's scores last time and this time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoreChange {
    /// Last time's distribution.
    pub before: Distribution,
    /// This time's distribution.
    pub after: Distribution,
}

impl ScoreChange {
    /// How far the median moved (positive: up), when both times were scored.
    pub fn median_change(&self) -> Option<f32> {
        Some(self.after.median()? - self.before.median()?)
    }

    /// The change in plain words: "up 1 (median 2 → 3)", "no change (median 3)",
    /// "down 0.5 (median 3 → 2.5)", or what is missing.
    pub fn describe(&self) -> String {
        match (self.before.median(), self.after.median()) {
            (Some(b), Some(a)) if (a - b).abs() < f32::EPSILON => {
                format!("no change (median {})", number(a))
            }
            (Some(b), Some(a)) => format!(
                "{} {} (median {} → {})",
                if a > b { "up" } else { "down" },
                number((a - b).abs()),
                number(b),
                number(a)
            ),
            (None, Some(a)) => format!("first scored this time (median {})", number(a)),
            (Some(b), None) => format!("not scored this time (median last time {})", number(b)),
            (None, None) => "not scored".to_owned(),
        }
    }
}

/// A score as people read it: "3", "2.5".
pub fn number(x: f32) -> String {
    if x.fract().abs() < f32::EPSILON {
        format!("{}", x as i64)
    } else {
        format!("{x:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_is_the_middle_score_or_halfway_between_two() {
        assert_eq!(Distribution([0; 5]).median(), None);
        assert_eq!(Distribution([1, 0, 0, 0, 0]).median(), Some(1.0));
        assert_eq!(Distribution([0, 2, 1, 0, 0]).median(), Some(2.0));
        // Six people: 1 1 2 3 3 5 → halfway between 2 and 3.
        assert_eq!(Distribution([2, 1, 2, 0, 1]).median(), Some(2.5));
        assert_eq!(Distribution([0, 0, 0, 3, 3]).median(), Some(4.5));
    }

    #[test]
    fn the_distribution_counts_the_tally_and_the_laptop_together() {
        let s = Scoring::default()
            .with_tally(2, 1)
            .with_tally(2, 1)
            .with_tally(5, 1)
            .with_tally(5, -1)
            .with_tally(1, -1)
            .with_person(ParticipantId(3), Some(4))
            .with_person(ParticipantId(1), Some(2))
            .with_person(ParticipantId(3), Some(3))
            .with_person(ParticipantId(9), Some(7));
        assert_eq!(s.distribution(), Distribution([0, 3, 1, 0, 0]));
        assert_eq!(s.score_of(ParticipantId(3)), Some(3));
        assert_eq!(s.by_person, [(ParticipantId(1), 2), (ParticipantId(3), 3)]);
        let taken = s.with_person(ParticipantId(1), None);
        assert_eq!(taken.distribution().total(), 3);
    }

    #[test]
    fn labels_come_from_the_template_with_defaults_for_gaps() {
        let s = Scoring::with_labels(vec!["Nothing".into(), " ".into()]);
        assert_eq!(s.label(1), "Nothing");
        assert_eq!(s.label(2), "Emerging");
        assert_eq!(s.label(5), "Embedded");
        assert_eq!(s.label(9), "9");
        let scored = s.with_tally(3, 2);
        assert_eq!(scored.cleared().distribution().total(), 0);
        assert_eq!(scored.cleared().labels, s.labels);
    }

    #[test]
    fn a_change_is_described_by_its_medians() {
        let change = |b, a| ScoreChange {
            before: Distribution(b),
            after: Distribution(a),
        };
        let up = change([2, 3, 1, 0, 0], [0, 1, 4, 1, 0]);
        assert_eq!(up.median_change(), Some(1.0));
        assert_eq!(up.describe(), "up 1 (median 2 → 3)");
        let down = change([0, 0, 4, 0, 0], [0, 3, 3, 0, 0]);
        assert_eq!(down.describe(), "down 0.5 (median 3 → 2.5)");
        let same = change([0, 0, 4, 0, 0], [0, 1, 2, 1, 0]);
        assert_eq!(same.describe(), "no change (median 3)");
        assert_eq!(
            change([0; 5], [0, 0, 1, 0, 0]).describe(),
            "first scored this time (median 3)"
        );
        assert_eq!(change([0; 5], [0; 5]).median_change(), None);
    }
}
