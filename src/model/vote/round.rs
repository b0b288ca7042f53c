//! One round of dot voting: its ballots and its state (its settings are in `settings.rs`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::settings::is_false;
use super::{RoundSettings, VoteError, VoteOption};
use crate::model::{ParticipantId, Session, VoteEdit};

/// A round's stable identity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RoundId(pub u64);

/// How the room votes in one room on one laptop.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoteMode {
    /// The facilitator counts paper dots or raised hands and records the totals per option.
    Tally,
    /// Each participant in turn places their own dots on a clean screen, then hands over.
    #[default]
    PassTheLaptop,
    /// The facilitator enters each named participant's dots while they call them out.
    Scribe,
}

impl VoteMode {
    /// Every mode, in the order the setup form offers them.
    pub const ALL: [Self; 3] = [Self::PassTheLaptop, Self::Tally, Self::Scribe];

    /// The mode's name as the setup form shows it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Tally => "Tally the room",
            Self::PassTheLaptop => "Pass the laptop",
            Self::Scribe => "Scribe",
        }
    }

    /// One line on how the mode works.
    pub fn explanation(self) -> &'static str {
        match self {
            Self::Tally => "Count paper dots or raised hands and enter the totals per option.",
            Self::PassTheLaptop => {
                "Each person places their own dots on a clean screen, then passes the laptop on."
            }
            Self::Scribe => "Enter each person's dots from the keyboard as they call them out.",
        }
    }
}

/// Where a round is in its life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoundState {
    /// Dots are being placed; totals are hidden unless the vote is open.
    #[default]
    Open,
    /// The results are showing; dots can still be corrected (and undone).
    Revealed,
    /// The results are locked.
    Closed,
}

/// Who placed a dot: a named participant, or the room as counted by the facilitator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Voter {
    /// The room's tally (tally-the-room mode).
    Room,
    /// One participant's ballot.
    Person(ParticipantId),
}

/// One participant's dots in one round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ballot {
    /// Whose ballot it is.
    pub participant: ParticipantId,
    /// Dots per option (only options with at least one dot).
    #[serde(default)]
    pub dots: BTreeMap<VoteOption, u32>,
    /// True once the participant confirmed and handed the laptop on.
    #[serde(default)]
    pub done: bool,
    /// True when the ballot was cast from a phone in the room (left out of the file when false).
    #[serde(default, skip_serializing_if = "is_false")]
    pub phone: bool,
}

/// One round of voting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VoteRound {
    /// Stable identity.
    pub id: RoundId,
    /// Its settings.
    pub settings: RoundSettings,
    /// Open, revealed or closed.
    #[serde(default)]
    pub state: RoundState,
    /// One ballot per participant who has placed a dot or confirmed, sorted by participant.
    #[serde(default)]
    pub ballots: Vec<Ballot>,
    /// Dots counted by the facilitator for the room (tally-the-room mode), per option.
    #[serde(default)]
    pub room: BTreeMap<VoteOption, u32>,
    /// The round this one is a runoff of, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runoff_of: Option<RoundId>,
}

impl VoteRound {
    /// A new, open round with no dots.
    pub fn new(id: RoundId, settings: RoundSettings) -> Self {
        Self {
            id,
            settings,
            state: RoundState::Open,
            ballots: Vec::new(),
            room: BTreeMap::new(),
            runoff_of: None,
        }
    }

    /// The ballot of `participant`, if they have one.
    pub fn ballot(&self, participant: ParticipantId) -> Option<&Ballot> {
        self.ballots.iter().find(|b| b.participant == participant)
    }

    /// The dots `voter` has on `option` (whether or not the option still exists).
    pub fn dots(&self, voter: Voter, option: VoteOption) -> u32 {
        match voter {
            Voter::Room => self.room.get(&option).copied().unwrap_or(0),
            Voter::Person(p) => self
                .ballot(p)
                .and_then(|b| b.dots.get(&option))
                .copied()
                .unwrap_or(0),
        }
    }

    /// The dots `voter` has placed on options that still exist and are on this round's list.
    pub fn used(&self, session: &Session, voter: Voter) -> u32 {
        let dots: &BTreeMap<VoteOption, u32> = match voter {
            Voter::Room => &self.room,
            Voter::Person(p) => match self.ballot(p) {
                Some(b) => &b.dots,
                None => return 0,
            },
        };
        // Only the options with dots are looked up: cheap even in a vote on thousands of notes.
        dots.iter()
            .filter(|(o, _)| self.settings.options.contains(o) && o.exists_in(session))
            .map(|(_, n)| n)
            .sum()
    }

    /// How many dots `voter` may place in all: the budget, or for the room the budget times the
    /// number of people in the room.
    pub fn budget(&self, voter: Voter) -> u32 {
        match voter {
            Voter::Room => self
                .settings
                .dots_per_person
                .saturating_mul(self.settings.voters()),
            Voter::Person(_) => self.settings.dots_per_person,
        }
    }

    /// The most dots `voter` may place on one option.
    pub fn limit(&self, voter: Voter) -> u32 {
        match voter {
            Voter::Room => self
                .settings
                .max_per_option
                .saturating_mul(self.settings.voters()),
            Voter::Person(_) => self.settings.max_per_option,
        }
    }

    /// True when anyone has placed a dot or confirmed a ballot in this round.
    pub fn has_votes(&self) -> bool {
        !self.room.is_empty() || !self.ballots.is_empty()
    }

    /// True when `participant` has confirmed their ballot.
    pub fn is_done(&self, participant: ParticipantId) -> bool {
        self.ballot(participant).is_some_and(|b| b.done)
    }

    /// The edit that changes `voter`'s dots on `option` by `delta` (+1 places a dot, -1 takes
    /// one back), or why it is not allowed: the round is closed, the option is not on the list
    /// or no longer exists, the voter is not in this round, their budget is spent, the option
    /// is at its limit, or there is no dot to take back.
    pub fn place_dot(
        &self,
        session: &Session,
        voter: Voter,
        option: VoteOption,
        delta: i32,
    ) -> Result<VoteEdit, VoteError> {
        let current = self.dots(voter, option);
        let count = if delta >= 0 {
            current.saturating_add(delta.unsigned_abs())
        } else {
            let take = delta.unsigned_abs();
            if current < take {
                return Err(VoteError::NoDotToRemove);
            }
            current - take
        };
        self.set_dots(session, voter, option, count)
    }

    /// The edit that sets `voter`'s dots on `option` to `count`, checked as [`Self::place_dot`].
    pub fn set_dots(
        &self,
        session: &Session,
        voter: Voter,
        option: VoteOption,
        count: u32,
    ) -> Result<VoteEdit, VoteError> {
        if self.state == RoundState::Closed {
            return Err(VoteError::Closed);
        }
        if !self.settings.options.contains(&option) || !option.exists_in(session) {
            return Err(VoteError::UnknownOption(option));
        }
        if let Voter::Person(p) = voter {
            if !self.settings.participants.contains(&p) {
                return Err(VoteError::UnknownParticipant(p));
            }
            if self.is_done(p) {
                return Err(VoteError::BallotDone);
            }
        }
        let current = self.dots(voter, option);
        if count > current {
            let used = self.used(session, voter);
            let budget = self.budget(voter);
            if used - current + count > budget {
                return Err(VoteError::BudgetSpent { budget });
            }
            let limit = self.limit(voter);
            if count > limit {
                return Err(VoteError::OptionLimit { limit });
            }
        }
        Ok(VoteEdit::SetDots {
            round: self.id,
            voter,
            option,
            count,
        })
    }

    /// Dots per option over every ballot and the room tally (options with no dots left out).
    /// Includes options that have since been deleted; [`Self::tally`] leaves those out.
    pub fn totals(&self) -> BTreeMap<VoteOption, u32> {
        let mut totals = self.room.clone();
        for ballot in &self.ballots {
            for (option, n) in &ballot.dots {
                *totals.entry(*option).or_default() += n;
            }
        }
        totals.retain(|_, n| *n > 0);
        totals
    }

    /// How many dots are on `option` in this round.
    pub fn dots_on(&self, option: VoteOption) -> u32 {
        self.room.get(&option).copied().unwrap_or(0)
            + self
                .ballots
                .iter()
                .filter_map(|b| b.dots.get(&option))
                .sum::<u32>()
    }

    pub(crate) fn set_raw(&mut self, voter: Voter, option: VoteOption, count: u32) -> u32 {
        let map = match voter {
            Voter::Room => &mut self.room,
            Voter::Person(p) => &mut self.ballot_mut(p).dots,
        };
        let old = if count == 0 {
            map.remove(&option)
        } else {
            map.insert(option, count)
        };
        if let Voter::Person(p) = voter {
            self.drop_empty_ballot(p);
        }
        old.unwrap_or(0)
    }

    pub(crate) fn set_done(&mut self, participant: ParticipantId, done: bool) -> bool {
        let ballot = self.ballot_mut(participant);
        let old = std::mem::replace(&mut ballot.done, done);
        self.drop_empty_ballot(participant);
        old
    }

    fn ballot_mut(&mut self, participant: ParticipantId) -> &mut Ballot {
        let i = match self
            .ballots
            .binary_search_by_key(&participant, |b| b.participant)
        {
            Ok(i) => i,
            Err(i) => {
                self.ballots.insert(
                    i,
                    Ballot {
                        participant,
                        dots: BTreeMap::new(),
                        done: false,
                        phone: false,
                    },
                );
                i
            }
        };
        &mut self.ballots[i]
    }

    fn drop_empty_ballot(&mut self, participant: ParticipantId) {
        self.ballots
            .retain(|b| b.participant != participant || b.done || !b.dots.is_empty());
    }
}
