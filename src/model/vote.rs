//! Dot voting: rounds, ballots, budgets and the tally.

use serde::{Deserialize, Serialize};

use super::{NoteId, ThemeId};

/// What a dot can be placed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum VoteOption {
    /// A theme.
    Theme(ThemeId),
    /// A single note (when the session has no themes, or the facilitator chose notes).
    Note(NoteId),
}

/// Every vote of the session: the rounds so far, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Voting {}

impl Voting {
    /// Dots per option in the most recent closed round (or the open one once revealed),
    /// sorted by option. Used by the report, the golden thread and the canvas.
    pub fn dots_by_option(&self) -> Vec<(VoteOption, u32)> {
        Vec::new()
    }
}
