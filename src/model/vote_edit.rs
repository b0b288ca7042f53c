//! Changes to votes (dots placed and removed, rounds opened, revealed and closed).

use super::Session;

/// One change to the session's votes. [`VoteEdit::apply`] returns the edit that undoes it.
#[derive(Clone, Debug, PartialEq)]
pub enum VoteEdit {
    /// Several changes done and undone as one step.
    Batch(Vec<VoteEdit>),
}

impl VoteEdit {
    /// True when applying this edit changes nothing.
    pub fn is_empty(&self) -> bool {
        match self {
            Self::Batch(v) => v.iter().all(Self::is_empty),
        }
    }

    /// Performs the edit and returns the edit that undoes it.
    #[allow(
        clippy::only_used_in_recursion,
        reason = "skeleton: remove once a variant changes the session"
    )]
    pub fn apply(self, session: &mut Session) -> Self {
        match self {
            Self::Batch(edits) => {
                let mut inverses: Vec<Self> = edits.into_iter().map(|e| e.apply(session)).collect();
                inverses.reverse();
                Self::Batch(inverses)
            }
        }
    }
}
