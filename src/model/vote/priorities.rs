//! The vote that sets the theme priorities: which round counts (chosen by the facilitator, or by
//! default the first dot vote on themes that is revealed or closed), and the ranking it gives
//! with its runoffs. A later show of hands, or a poll on notes, never replaces it by accident.

use super::{OptionLookup, RoundId, RoundState, VoteOption, VoteRound, Voting};
use crate::model::Session;

/// The theme priorities: the vote that counts, its runoffs, and the ranking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Priorities {
    /// The vote that counts (never a runoff itself).
    pub round: RoundId,
    /// The revealed or closed runoffs that settle its order, oldest first.
    pub runoffs: Vec<RoundId>,
    /// The line that names the vote (see [`Voting::describe`]).
    pub description: String,
    /// The themes of the vote, best first.
    pub rows: Vec<PriorityRow>,
}

/// One theme's place in the priorities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriorityRow {
    /// The theme (as a vote option).
    pub option: VoteOption,
    /// Its dots (or hands) in the vote that counts.
    pub dots: u32,
    /// Its dots in the last runoff it was in, if any.
    pub runoff: Option<u32>,
    /// Its place, from 1; tied themes share a place and the next place is skipped (1, 1, 3).
    pub rank: usize,
    /// True when another theme has the same place, even with no dots at all.
    pub tied: bool,
}

impl Voting {
    /// True when `round` can set the theme priorities: a vote on themes (not a runoff) whose
    /// results are showing (revealed or closed).
    pub fn can_count(&self, round: &VoteRound) -> bool {
        round.runoff_of.is_none()
            && round.state != RoundState::Open
            && round.settings.is_on_themes()
    }

    /// The votes that can set the priorities, oldest first.
    pub fn counting_candidates(&self) -> Vec<&VoteRound> {
        self.rounds.iter().filter(|r| self.can_count(r)).collect()
    }

    /// The vote that sets the priorities: the one the facilitator chose, if it still can count;
    /// otherwise the first dot vote on themes that is revealed or closed; otherwise the first
    /// show of hands on themes. `None` before any such vote.
    pub fn counting_round(&self) -> Option<&VoteRound> {
        let candidates = self.counting_candidates();
        if let Some(chosen) = self.counting
            && let Some(round) = candidates.iter().find(|r| r.id == chosen)
        {
            return Some(round);
        }
        candidates
            .iter()
            .find(|r| !r.settings.is_show_of_hands())
            .or_else(|| candidates.first())
            .copied()
    }

    /// The theme priorities from the vote that counts and its runoffs, or `None` before any
    /// vote on themes has been revealed. Themes deleted since are left out unless the vote is
    /// closed (a closed result is locked).
    pub fn priorities(&self, session: &Session) -> Option<Priorities> {
        let round = self.counting_round()?;
        let lookup = OptionLookup::new(session);
        let locked = round.state == RoundState::Closed;
        let runoffs = self.counted_runoffs(round.id);
        let rows = rank(round, &runoffs, |o| locked || lookup.exists(o));
        Some(Priorities {
            round: round.id,
            runoffs: runoffs.iter().map(|r| r.id).collect(),
            description: self.describe(round.id),
            rows,
        })
    }

    /// Dots per theme in the vote that sets the priorities, best first (its runoffs break its
    /// ties), every theme of that vote included (with 0 when it got none); empty before such a
    /// vote. Used by the golden thread, the Actions tab and the CSV. Themes deleted since may
    /// appear; callers look them up and skip those they cannot find.
    pub fn dots_by_option(&self) -> Vec<(VoteOption, u32)> {
        let Some(round) = self.counting_round() else {
            return Vec::new();
        };
        let runoffs = self.counted_runoffs(round.id);
        rank(round, &runoffs, |_| true)
            .into_iter()
            .map(|r| (r.option, r.dots))
            .collect()
    }

    /// Dots per note in the latest vote on notes whose results are showing (revealed or
    /// closed), by note; empty when there is none. Notes are never theme priorities: this is
    /// for the Board's dots on notes and the CSV.
    pub fn dots_by_note(&self) -> Vec<(VoteOption, u32)> {
        let latest = self.rounds.iter().rev().find(|r| {
            r.state != RoundState::Open
                && matches!(r.settings.options.first(), Some(VoteOption::Note(_)))
        });
        latest.map_or_else(Vec::new, |r| r.totals().into_iter().collect())
    }

    /// The runoffs of `round` whose results are showing, oldest first (an open runoff's totals
    /// are still secret, so it and any after it do not count yet).
    fn counted_runoffs(&self, round: RoundId) -> Vec<&VoteRound> {
        self.runoff_chain(round)
            .into_iter()
            .take_while(|r| r.state != RoundState::Open)
            .collect()
    }
}

/// Ranks the options of `main` that `keep` keeps. The latest runoff decides among its options,
/// then the runoff before it, then the main vote; equal results keep the vote's option order and
/// share a place.
fn rank(
    main: &VoteRound,
    runoffs: &[&VoteRound],
    keep: impl Fn(VoteOption) -> bool,
) -> Vec<PriorityRow> {
    let totals = main.totals();
    let runoff_totals: Vec<_> = runoffs.iter().map(|r| (r, r.totals())).collect();
    // Each option's key: its dots in each runoff it was in (latest first), then in the vote.
    let mut keyed: Vec<(Vec<Option<u32>>, PriorityRow)> = main
        .settings
        .options
        .iter()
        .copied()
        .filter(|o| keep(*o))
        .map(|option| {
            let mut key: Vec<Option<u32>> = runoff_totals
                .iter()
                .rev()
                .map(|(r, t)| {
                    r.settings
                        .options
                        .contains(&option)
                        .then(|| t.get(&option).copied().unwrap_or(0))
                })
                .collect();
            let dots = totals.get(&option).copied().unwrap_or(0);
            key.push(Some(dots));
            let runoff = key.iter().take(runoffs.len()).flatten().next().copied();
            let row = PriorityRow {
                option,
                dots,
                runoff,
                rank: 0,
                tied: false,
            };
            (key, row)
        })
        .collect();
    // Best first; a stable sort keeps the option order among equals.
    keyed.sort_by(|(a, _), (b, _)| b.cmp(a));
    for i in 0..keyed.len() {
        keyed[i].1.rank = if i > 0 && keyed[i - 1].0 == keyed[i].0 {
            keyed[i - 1].1.rank
        } else {
            i + 1
        };
    }
    // Sorted, so equal keys are neighbours.
    for i in 0..keyed.len() {
        let before = i > 0 && keyed[i - 1].0 == keyed[i].0;
        let after = keyed.get(i + 1).is_some_and(|(k, _)| *k == keyed[i].0);
        keyed[i].1.tied = before || after;
    }
    keyed.into_iter().map(|(_, row)| row).collect()
}
