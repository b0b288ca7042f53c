//! Undo and redo as stacks of inverse [`Edit`]s: cheap for any session size, because nothing
//! is cloned or compared per frame.

use crate::model::{Edit, Session};

/// How many steps of undo are kept.
const MAX_UNDO_STEPS: usize = 1000;

/// The undo and redo stacks of one open session, plus a change counter for "unsaved changes".
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    /// Bumped by every change (apply, undo, redo); compared with the saved value to tell
    /// whether the session has unsaved changes.
    generation: u64,
}

impl History {
    /// Applies `edit` to `session` and remembers how to undo it. Empty edits are ignored.
    pub fn apply(&mut self, session: &mut Session, edit: Edit) {
        if edit.is_empty() {
            return;
        }
        let inverse = edit.apply(session);
        if inverse.is_empty() {
            return; // It named nothing that exists, so nothing changed.
        }
        self.undo.push(inverse);
        if self.undo.len() > MAX_UNDO_STEPS {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.generation += 1;
    }

    /// Undoes the last edit. Returns false when there is nothing to undo.
    pub fn undo(&mut self, session: &mut Session) -> bool {
        let Some(edit) = self.undo.pop() else {
            return false;
        };
        self.redo.push(edit.apply(session));
        self.generation += 1;
        true
    }

    /// Redoes the last undone edit. Returns false when there is nothing to redo.
    pub fn redo(&mut self, session: &mut Session) -> bool {
        let Some(edit) = self.redo.pop() else {
            return false;
        };
        self.undo.push(edit.apply(session));
        self.generation += 1;
        true
    }

    /// Applies `edit` as part of the last undo step, if the session has not changed since
    /// `generation` (naming a theme just made is one step with making it); otherwise as a step
    /// of its own, like [`History::apply`].
    pub fn apply_joined(&mut self, session: &mut Session, edit: Edit, generation: u64) {
        if generation != self.generation || self.undo.is_empty() {
            self.apply(session, edit);
            return;
        }
        if edit.is_empty() {
            return;
        }
        let inverse = edit.apply(session);
        if inverse.is_empty() {
            return;
        }
        if let Some(last) = self.undo.pop() {
            // Undo takes the new edit back first, then the step it joined.
            self.undo.push(Edit::Batch(vec![inverse, last]));
        }
        self.redo.clear();
        self.generation += 1;
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// A number that changes whenever the session changes.
    pub fn generation(&self) -> u64 {
        self.generation
    }
}
