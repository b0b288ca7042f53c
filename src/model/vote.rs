//! Dot voting: rounds, ballots, budgets and the tally.
//!
//! A [`Voting`] holds every round of the session, oldest first. A round ([`VoteRound`]) has its
//! settings ([`RoundSettings`]: what is voted on, who votes, dots per person, the most dots one
//! person may put on one option, the question, how the room votes, secret or open, anonymous or
//! not), the dots placed (one [`Ballot`] per participant, plus the room's tally) and its
//! [`RoundState`]. The rules ([`VoteRound::place_dot`], [`RoundSettings::validate`]) return
//! [`VoteError`] values whose `Display` is the sentence the facilitator sees.
//!
//! Dots on an option that no longer exists (a deleted theme or note) stay in the ballot, so undo
//! of the deletion brings them back, but the tally and the budgets ignore them: the voter gets
//! those dots back to place again.

mod budget;
mod error;
mod method;
mod phones;
mod priorities;
mod repair;
mod round;
mod settings;
mod tally;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use budget::{SuggestedBudget, suggested_budget};
pub use error::VoteError;
pub use method::Counted;
pub use priorities::{Priorities, PriorityRow};
pub use repair::repair;
pub use round::{Ballot, RoundId, RoundState, VoteMode, VoteRound, Voter};
pub use settings::RoundSettings;
pub use tally::{Tally, TallyRow};

use super::{Note, NoteId, Participant, Session, Theme, ThemeId, VoteEdit};

/// What a dot can be placed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum VoteOption {
    /// A theme.
    Theme(ThemeId),
    /// A single note (when the session has no themes, or the facilitator chose notes).
    Note(NoteId),
}

impl VoteOption {
    /// True when the theme or note still exists in `session`.
    pub fn exists_in(self, session: &Session) -> bool {
        match self {
            Self::Theme(id) => session.themes.iter().any(|t| t.id == id),
            Self::Note(id) => session.note(id).is_some(),
        }
    }

    /// The option's name as the room knows it: the theme's name or the note's first line.
    pub fn name(self, session: &Session) -> String {
        match self {
            Self::Theme(id) => session
                .themes
                .iter()
                .find(|t| t.id == id)
                .map_or_else(|| "(deleted theme)".to_owned(), |t| t.name.clone()),
            Self::Note(id) => session
                .note(id)
                .map_or_else(|| "(deleted note)".to_owned(), |n| n.title(60)),
        }
    }
}

/// The session's themes and notes by id, for looking up many options at once (a scan of the
/// notes per option would be slow in a session with thousands of notes).
#[derive(Debug)]
pub struct OptionLookup<'a> {
    notes: HashMap<NoteId, &'a Note>,
    themes: HashMap<ThemeId, &'a Theme>,
}

impl<'a> OptionLookup<'a> {
    /// Indexes `session`'s themes and notes.
    pub fn new(session: &'a Session) -> Self {
        Self {
            notes: session.notes.iter().map(|n| (n.id, n)).collect(),
            themes: session.themes.iter().map(|t| (t.id, t)).collect(),
        }
    }

    /// True when the option still exists.
    pub fn exists(&self, option: VoteOption) -> bool {
        match option {
            VoteOption::Theme(id) => self.themes.contains_key(&id),
            VoteOption::Note(id) => self.notes.contains_key(&id),
        }
    }

    /// The option's name (see [`VoteOption::name`]).
    pub fn name(&self, option: VoteOption) -> String {
        match option {
            VoteOption::Theme(id) => self
                .themes
                .get(&id)
                .map_or_else(|| "(deleted theme)".to_owned(), |t| t.name.clone()),
            VoteOption::Note(id) => self
                .notes
                .get(&id)
                .map_or_else(|| "(deleted note)".to_owned(), |n| n.title(60)),
        }
    }

    /// The options of `list` that still exist, in order.
    pub fn existing(&self, list: &[VoteOption]) -> Vec<VoteOption> {
        list.iter().copied().filter(|o| self.exists(*o)).collect()
    }
}

/// What a vote is on: themes or notes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoteOn {
    /// Every theme of the session.
    #[default]
    Themes,
    /// Every note of the session.
    Notes,
}

impl VoteOn {
    /// What to vote on by default: themes when the session has any, else notes.
    pub fn default_for(session: &Session) -> Self {
        if session.themes.is_empty() {
            Self::Notes
        } else {
            Self::Themes
        }
    }

    /// The options this choice gives in `session`, in list order (themes) or drawing order (notes).
    pub fn options(self, session: &Session) -> Vec<VoteOption> {
        match self {
            Self::Themes => session
                .themes
                .iter()
                .map(|t| VoteOption::Theme(t.id))
                .collect(),
            Self::Notes => session
                .notes
                .iter()
                .map(|n| VoteOption::Note(n.id))
                .collect(),
        }
    }
}

/// Every vote of the session: the rounds so far, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Voting {
    /// The rounds, oldest first. A runoff is a new round; earlier rounds are kept.
    #[serde(default)]
    pub rounds: Vec<VoteRound>,
    /// The id the next round gets.
    #[serde(default)]
    pub(crate) next_round_id: u64,
    /// The vote the facilitator chose to set the theme priorities (with its runoffs); `None`
    /// for the default (see [`Voting::counting_round`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counting: Option<RoundId>,
}

impl Voting {
    /// How many dots are on `option` across every round (ask before deleting an option that has
    /// dots: deleting it gives them back to the voters).
    pub fn dots_on(&self, option: VoteOption) -> u32 {
        self.rounds.iter().map(|r| r.dots_on(option)).sum()
    }

    /// The round with this id.
    pub fn round(&self, id: RoundId) -> Option<&VoteRound> {
        self.rounds.iter().find(|r| r.id == id)
    }

    /// The latest round, if any.
    pub fn current(&self) -> Option<&VoteRound> {
        self.rounds.last()
    }

    /// The id the next round will get.
    pub fn next_round_id(&self) -> RoundId {
        RoundId(self.next_round_id.max(1))
    }

    pub(crate) fn round_mut(&mut self, id: RoundId) -> Option<&mut VoteRound> {
        self.rounds.iter_mut().find(|r| r.id == id)
    }

    /// Checks `settings` against `session` and returns the edit that opens a new round with
    /// them. Options that do not exist are refused.
    pub fn start(&self, session: &Session, settings: RoundSettings) -> Result<VoteEdit, VoteError> {
        settings.validate(session)?;
        let round = VoteRound::new(self.next_round_id(), settings.with_names(session));
        Ok(VoteEdit::AddRound(round))
    }

    /// The edit that closes `round`, locking its results: the options' names are recorded
    /// afresh first (one undo step with the close), so a result can still name an option that
    /// is deleted later. Nothing for a round that does not exist or is already closed.
    pub fn close(&self, session: &Session, round: RoundId) -> VoteEdit {
        let Some(r) = self.round(round).filter(|r| r.state != RoundState::Closed) else {
            return VoteEdit::Batch(Vec::new());
        };
        VoteEdit::Batch(vec![
            VoteEdit::SetSettings {
                round,
                settings: Box::new(r.settings.clone().with_names(session)),
            },
            VoteEdit::SetState {
                round,
                state: RoundState::Closed,
            },
        ])
    }

    /// The edit that starts a runoff after `round`: a new open round on the options tied for
    /// first place (`top: None`) or the top `n` (with any option tied with the n-th), with the
    /// same voters and a fresh budget. The earlier round is closed, not removed.
    pub fn runoff(
        &self,
        session: &Session,
        round: RoundId,
        top: Option<usize>,
    ) -> Result<VoteEdit, VoteError> {
        let Some(source) = self.round(round) else {
            return Err(VoteError::NoSuchRound);
        };
        if source.state == RoundState::Open {
            return Err(VoteError::RevealFirst);
        }
        let tally = source.tally(session);
        let options = match top {
            None => tally.tied_for_first(),
            Some(n) => tally.top(n),
        };
        if top.is_none() && options.len() < 2 {
            return Err(VoteError::NoTieAtTop);
        }
        if options.len() < 2 {
            return Err(VoteError::RunoffNeedsTwo);
        }
        if top.is_some() && options.len() >= tally.rows.len() {
            return Err(VoteError::RunoffKeepsEverything);
        }
        let settings = source.settings.for_runoff(options).with_names(session);
        let mut edits = Vec::new();
        if source.state != RoundState::Closed {
            edits.push(self.close(session, round));
        }
        settings.validate(session)?;
        let mut new = VoteRound::new(self.next_round_id(), settings);
        new.runoff_of = Some(round);
        edits.push(VoteEdit::AddRound(new));
        Ok(VoteEdit::Batch(edits))
    }
}

/// Checks a new participant's name: trimmed, not empty, not already on the list (names must
/// tell people apart when the laptop is passed round). Returns the trimmed name.
pub fn check_participant_name(name: &str, existing: &[Participant]) -> Result<String, VoteError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(VoteError::UnnamedParticipant);
    }
    if existing
        .iter()
        .any(|p| p.name.trim().to_lowercase() == name.to_lowercase())
    {
        return Err(VoteError::DuplicateParticipant(name.to_owned()));
    }
    Ok(name.to_owned())
}
