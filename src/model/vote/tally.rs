//! The tally of a round: options ranked by dots, ties marked, deterministic.

use super::{OptionLookup, RoundState, VoteOption, VoteRound};
use crate::model::Session;

/// One option's line in the tally.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TallyRow {
    /// The option.
    pub option: VoteOption,
    /// Its dots.
    pub dots: u32,
    /// Its place, from 1; tied options share a place and the next place is skipped (1, 1, 3).
    pub rank: usize,
    /// True when another option has the same number of dots, even none at all.
    pub tied: bool,
}

/// A round's results: every option of the round that still exists (every option at all once the
/// round is closed: closing locks the result), most dots first; equal counts keep the order of
/// the round's option list, so the tally is the same every time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// The rows, best first.
    pub rows: Vec<TallyRow>,
    /// Every dot counted.
    pub total_dots: u32,
}

impl Tally {
    /// The options tied for first place with at least one dot (empty when first place is not
    /// tied, or nobody voted).
    pub fn tied_for_first(&self) -> Vec<VoteOption> {
        let tied: Vec<VoteOption> = self
            .rows
            .iter()
            .filter(|r| r.rank == 1 && r.tied && r.dots > 0)
            .map(|r| r.option)
            .collect();
        if tied.len() >= 2 { tied } else { Vec::new() }
    }

    /// The options placed in the top `n` with at least one dot, including any tied with the
    /// n-th (a shortlist never cuts a tie in half).
    pub fn top(&self, n: usize) -> Vec<VoteOption> {
        self.rows
            .iter()
            .filter(|r| r.rank <= n && r.dots > 0)
            .map(|r| r.option)
            .collect()
    }

    /// The most dots any option has.
    pub fn max_dots(&self) -> u32 {
        self.rows.first().map_or(0, |r| r.dots)
    }
}

impl VoteRound {
    /// The name of `option` as this round's results show it: its name now, or, for an option
    /// deleted since, its name when the round began followed by "(deleted)".
    pub fn option_name(&self, lookup: &OptionLookup<'_>, option: VoteOption) -> String {
        if lookup.exists(option) {
            return lookup.name(option);
        }
        match self.settings.names.get(&option) {
            Some(name) => format!("{name} (deleted)"),
            None => lookup.name(option),
        }
    }
}

impl VoteRound {
    /// The round's results, ignoring options that no longer exist in `session` unless the
    /// round is closed.
    pub fn tally(&self, session: &Session) -> Tally {
        let locked = self.state == RoundState::Closed;
        let totals = self.totals();
        let lookup = OptionLookup::new(session);
        let mut rows: Vec<(usize, TallyRow)> = self
            .settings
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| locked || lookup.exists(**o))
            .map(|(i, o)| {
                let row = TallyRow {
                    option: *o,
                    dots: totals.get(o).copied().unwrap_or(0),
                    rank: 0,
                    tied: false,
                };
                (i, row)
            })
            .collect();
        // Most dots first; equal counts in list order. A stable sort on (dots, index) is total.
        rows.sort_by(|(ia, a), (ib, b)| b.dots.cmp(&a.dots).then(ia.cmp(ib)));
        let mut rows: Vec<TallyRow> = rows.into_iter().map(|(_, r)| r).collect();
        for i in 0..rows.len() {
            rows[i].rank = if i > 0 && rows[i - 1].dots == rows[i].dots {
                rows[i - 1].rank
            } else {
                i + 1
            };
        }
        for i in 0..rows.len() {
            let dots = rows[i].dots;
            rows[i].tied = rows
                .iter()
                .enumerate()
                .any(|(j, r)| j != i && r.dots == dots);
        }
        let total_dots = rows.iter().map(|r| r.dots).sum();
        Tally { rows, total_dots }
    }
}
