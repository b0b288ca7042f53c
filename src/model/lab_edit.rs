//! Changes to the agenda, vision, outcomes, participants and actions.

use super::Session;

/// One change to the lab parts of a session. [`LabEdit::apply`] returns the edit that undoes it.
#[derive(Clone, Debug, PartialEq)]
pub enum LabEdit {
    /// Several changes done and undone as one step.
    Batch(Vec<LabEdit>),
}

impl LabEdit {
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
