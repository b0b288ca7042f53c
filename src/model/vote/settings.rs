//! A round's settings: what is voted on, who votes, the budget and the limits, how the room
//! votes, secrecy, and the rules a round's settings must pass before it opens.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Counted, OptionLookup, VoteError, VoteMode, VoteOption, suggested_budget};
use crate::model::{ParticipantId, Session};

/// The settings of one round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundSettings {
    /// The question shown big while the room votes, e.g. "Which themes should we act on first?".
    #[serde(default)]
    pub question: String,
    /// What can be voted on, in the order shown (and the order of the 1–9 keys).
    pub options: Vec<VoteOption>,
    /// Who votes, in the order they were added.
    #[serde(default)]
    pub participants: Vec<ParticipantId>,
    /// How many dots each person has.
    pub dots_per_person: u32,
    /// The most dots one person may put on one option.
    pub max_per_option: u32,
    /// How the room votes.
    #[serde(default)]
    pub mode: VoteMode,
    /// True for a secret vote: totals are hidden until the reveal.
    #[serde(default = "yes")]
    pub secret: bool,
    /// True when who voted how is never shown, even after the reveal.
    #[serde(default = "yes")]
    pub anonymous: bool,
    /// How many people are in the room, for tally-the-room without a list of names
    /// (0: use the number of participants).
    #[serde(default)]
    pub room_size: u32,
    /// The options' names when the round began, so a closed result can still name an option
    /// deleted since ("Data (deleted)").
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<VoteOption, String>,
    /// What a tally of the room counts: paper dots or raised hands.
    #[serde(default, skip_serializing_if = "Counted::is_dots")]
    pub counted: Counted,
    /// True when phones in the room may cast ballots in this round, alongside its mode (each
    /// phone once, see [`super::VoteRound::phone_ballot`]). Left out of the file when false.
    #[serde(default, skip_serializing_if = "is_false")]
    pub phones: bool,
}

/// True when `b` is false: leaves a flag out of the file while it is off.
pub(super) fn is_false(b: &bool) -> bool {
    !*b
}

fn yes() -> bool {
    true
}

impl RoundSettings {
    /// Settings for a vote on `options` by `participants`, with the suggested budget, one dot
    /// per option at most, passing the laptop, secret and anonymous.
    pub fn new(options: Vec<VoteOption>, participants: Vec<ParticipantId>) -> Self {
        Self {
            question: String::new(),
            dots_per_person: suggested_budget(options.len()).dots,
            options,
            participants,
            max_per_option: 1,
            mode: VoteMode::default(),
            secret: true,
            anonymous: true,
            room_size: 0,
            names: BTreeMap::new(),
            counted: Counted::Dots,
            phones: false,
        }
    }

    /// These settings with the current name of every option recorded in [`Self::names`].
    pub fn with_names(mut self, session: &Session) -> Self {
        let lookup = OptionLookup::new(session);
        self.names = self
            .options
            .iter()
            .filter(|o| lookup.exists(**o))
            .map(|o| (*o, lookup.name(*o)))
            .collect();
        self
    }

    /// How many people the room tally is for.
    pub fn voters(&self) -> u32 {
        if self.room_size > 0 {
            self.room_size
        } else {
            u32::try_from(self.participants.len()).unwrap_or(u32::MAX)
        }
    }

    /// Checks the settings: something to vote on, people to vote, a budget of at least one dot,
    /// a per-option limit between one and the budget.
    pub fn validate(&self, session: &Session) -> Result<(), VoteError> {
        let lookup = OptionLookup::new(session);
        if !self.options.iter().any(|o| lookup.exists(*o)) {
            return Err(VoteError::NothingToVoteOn);
        }
        if let Some(missing) = self.options.iter().find(|o| !lookup.exists(**o)) {
            return Err(VoteError::UnknownOption(*missing));
        }
        if self.dots_per_person == 0 {
            return Err(VoteError::ZeroBudget);
        }
        if self.max_per_option == 0 {
            return Err(VoteError::ZeroLimit);
        }
        if self.max_per_option > self.dots_per_person {
            return Err(VoteError::LimitAboveBudget {
                limit: self.max_per_option,
                budget: self.dots_per_person,
            });
        }
        match self.mode {
            VoteMode::Tally if self.voters() == 0 => Err(VoteError::NoVoters),
            VoteMode::PassTheLaptop | VoteMode::Scribe if self.participants.is_empty() => {
                Err(VoteError::NoVoters)
            }
            _ => Ok(()),
        }?;
        if let Some(p) = self
            .participants
            .iter()
            .find(|p| session.participant(**p).is_none())
        {
            return Err(VoteError::UnknownParticipant(*p));
        }
        Ok(())
    }

    /// Settings for a runoff on `options`: the same voters, mode and secrecy, the same
    /// question, one dot per option at most and a fresh budget: the suggested one, but never
    /// more than half the options (so a runoff between two is one dot each: a real choice).
    pub fn for_runoff(&self, options: Vec<VoteOption>) -> Self {
        let half = u32::try_from(options.len() / 2).unwrap_or(u32::MAX);
        let dots = suggested_budget(options.len()).dots.min(half).max(1);
        Self {
            question: self.question.clone(),
            options,
            participants: self.participants.clone(),
            dots_per_person: dots,
            max_per_option: 1,
            mode: self.mode,
            secret: self.secret,
            anonymous: self.anonymous,
            room_size: self.room_size,
            names: BTreeMap::new(),
            counted: self.counted,
            phones: self.phones,
        }
    }
}
