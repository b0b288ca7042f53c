//! Why a vote rule refused something, as a sentence the facilitator can act on.

use super::VoteOption;
use crate::model::ParticipantId;

/// A broken vote rule. `Display` gives the message shown to the facilitator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoteError {
    /// The session has nothing to vote on.
    NothingToVoteOn,
    /// An option on the list no longer exists (or was never in the session).
    UnknownOption(VoteOption),
    /// A participant named by the round is not in the session.
    UnknownParticipant(ParticipantId),
    /// A participant was added with an empty name.
    UnnamedParticipant,
    /// A participant with this name is already on the list.
    DuplicateParticipant(String),
    /// No one to vote.
    NoVoters,
    /// Zero dots per person.
    ZeroBudget,
    /// Zero dots allowed per option.
    ZeroLimit,
    /// The per-option limit is above the budget.
    LimitAboveBudget {
        /// The limit asked for.
        limit: u32,
        /// The budget.
        budget: u32,
    },
    /// Every dot of the budget is placed.
    BudgetSpent {
        /// The budget.
        budget: u32,
    },
    /// The option already has as many dots from this voter as allowed.
    OptionLimit {
        /// The limit.
        limit: u32,
    },
    /// There is no dot to take back.
    NoDotToRemove,
    /// The participant has confirmed their ballot; it cannot change any more.
    BallotDone,
    /// The round is closed; its results are locked.
    Closed,
    /// The round is not in the session.
    NoSuchRound,
    /// A runoff on a tie was asked for, but nothing is tied for first place.
    NoTieAtTop,
    /// A runoff needs at least two options.
    RunoffNeedsTwo,
    /// The shortlist would keep every option.
    RunoffKeepsEverything,
    /// A runoff needs the results first.
    RevealFirst,
    /// A phone ballot arrived for a round that is not open to phones (or no longer open).
    NotOpenToPhones,
    /// This participant already has a ballot in the round; a phone votes once.
    AlreadyVoted,
}

impl std::fmt::Display for VoteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let dots = |n: &u32| if *n == 1 { "dot" } else { "dots" };
        match self {
            Self::NothingToVoteOn => write!(
                f,
                "There is nothing to vote on yet: add notes (or themes) on the Board first."
            ),
            Self::UnknownOption(_) => write!(
                f,
                "That option is no longer in the session; its dots were given back."
            ),
            Self::UnknownParticipant(_) => {
                write!(f, "That person is not in this vote's list of participants.")
            }
            Self::UnnamedParticipant => write!(f, "A participant needs a name: type it first."),
            Self::DuplicateParticipant(name) => write!(
                f,
                "{name} is already on the list. Add a surname or initial to tell them apart."
            ),
            Self::NoVoters => write!(
                f,
                "Add the people who will vote first (type a name and press Enter)."
            ),
            Self::ZeroBudget => write!(f, "Each person needs at least 1 dot."),
            Self::ZeroLimit => write!(f, "Allow at least 1 dot per option."),
            Self::LimitAboveBudget { limit, budget } => write!(
                f,
                "At most {limit} {} per option is more than the {budget} {} each person has; \
                 lower it to {budget} or fewer.",
                dots(limit),
                dots(budget)
            ),
            Self::BudgetSpent { budget } => write!(
                f,
                "All {budget} {} are placed. Take one back to move it.",
                dots(budget)
            ),
            Self::OptionLimit { limit } => write!(
                f,
                "At most {limit} {} per option in this vote.",
                dots(limit)
            ),
            Self::NoDotToRemove => write!(f, "There is no dot there to take back."),
            Self::BallotDone => write!(f, "That ballot is confirmed; it can no longer be changed."),
            Self::Closed => write!(f, "This vote is closed; its results are locked."),
            Self::NoSuchRound => write!(f, "That vote is no longer in the session."),
            Self::NoTieAtTop => write!(
                f,
                "Nothing is tied for first place. Use \"Runoff on the top…\" for a shortlist."
            ),
            Self::RunoffNeedsTwo => write!(f, "A runoff needs at least two options with dots."),
            Self::RunoffKeepsEverything => write!(
                f,
                "That shortlist keeps every option; choose fewer for the runoff."
            ),
            Self::RevealFirst => write!(f, "Reveal the results before starting a runoff."),
            Self::NotOpenToPhones => write!(
                f,
                "A phone ballot arrived for a vote that is not open to phones; it was not counted."
            ),
            Self::AlreadyVoted => write!(
                f,
                "This person's ballot is already in; a second one was not counted."
            ),
        }
    }
}

impl std::error::Error for VoteError {}
