//! Undo and redo as stacks of inverse [`Edit`]s: cheap for any session size, because nothing
//! is cloned or compared per frame.
//!
//! Each undo step carries a [`StepToken`]. A frame's edits travel to the history as
//! [`Changes`], which the history hands out ([`History::changes`]): an edit can open a step
//! under a token ([`Changes::open_step`]) and a later edit, even frames later, can join that
//! step ([`Changes::join_step`]) while it is still the last one. That is how naming a theme
//! just made is one undo step with making it, without the app loop knowing about either.

use std::ops::{Deref, DerefMut};

use crate::model::{Edit, Session};

/// How many steps of undo are kept.
const MAX_UNDO_STEPS: usize = 1000;

/// Names one undo step, so a later edit can join it ([`History::apply_in`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StepToken(u64);

/// The undo and redo stacks of one open session, plus a change counter for "unsaved changes".
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<(StepToken, Edit)>,
    redo: Vec<(StepToken, Edit)>,
    /// Bumped by every change (apply, undo, redo); compared with the saved value to tell
    /// whether the session has unsaved changes.
    generation: u64,
    /// The next token to hand out; tokens are never reused.
    next_token: u64,
}

impl History {
    /// Applies `edit` to `session` as a step of its own and remembers how to undo it. Empty
    /// edits are ignored.
    pub fn apply(&mut self, session: &mut Session, edit: Edit) {
        let step = self.new_token();
        self.apply_in(session, edit, step);
    }

    /// Applies `edit` as part of step `step` if that is still the last undo step (nothing
    /// changed since, and it was not undone); otherwise as a new step that carries `step`, so
    /// later edits can join it. Empty edits, and edits that change nothing, are ignored.
    pub fn apply_in(&mut self, session: &mut Session, edit: Edit, step: StepToken) {
        if edit.is_empty() {
            return;
        }
        self.next_token = self.next_token.max(step.0 + 1);
        let inverse = edit.apply(session);
        if inverse.is_empty() {
            return; // It named nothing that exists, so nothing changed.
        }
        match self.undo.pop() {
            // Undo takes the new edit back first, then the step it joined.
            Some((last, earlier)) if last == step => {
                self.undo.push((step, Edit::Batch(vec![inverse, earlier])));
            }
            last => {
                self.undo.extend(last);
                self.undo.push((step, inverse));
                if self.undo.len() > MAX_UNDO_STEPS {
                    self.undo.remove(0);
                }
            }
        }
        self.redo.clear();
        self.generation += 1;
    }

    /// Applies a frame's edits in order: each a step of its own unless it opens or joins one.
    pub fn apply_changes(&mut self, session: &mut Session, changes: Changes) {
        self.next_token = self.next_token.max(changes.next_token);
        let mut steps = changes.steps.into_iter().peekable();
        for (index, edit) in changes.edits.into_iter().enumerate() {
            match steps.next_if(|(at, _)| *at == index) {
                Some((_, step)) => self.apply_in(session, edit, step),
                None => self.apply(session, edit),
            }
        }
    }

    /// An empty set of changes for one frame, handing out tokens this history has not used.
    pub fn changes(&self) -> Changes {
        Changes {
            next_token: self.next_token,
            ..Changes::default()
        }
    }

    /// The token of the step [`History::undo`] would take back, if any.
    pub fn last_step(&self) -> Option<StepToken> {
        self.undo.last().map(|(step, _)| *step)
    }

    /// Undoes the last step. Returns false when there is nothing to undo.
    pub fn undo(&mut self, session: &mut Session) -> bool {
        let Some((step, edit)) = self.undo.pop() else {
            return false;
        };
        self.redo.push((step, edit.apply(session)));
        self.generation += 1;
        true
    }

    /// Redoes the last undone step. Returns false when there is nothing to redo.
    pub fn redo(&mut self, session: &mut Session) -> bool {
        let Some((step, edit)) = self.redo.pop() else {
            return false;
        };
        self.undo.push((step, edit.apply(session)));
        self.generation += 1;
        true
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

    fn new_token(&mut self) -> StepToken {
        self.next_token += 1;
        StepToken(self.next_token - 1)
    }
}

/// A frame's edits on their way into the [`History`], in order: each its own undo step,
/// unless it opened or joined a named one. It reads as the list of edits (widgets push onto
/// it as onto a `Vec<Edit>`); the steps are noted beside it.
#[derive(Debug, Default)]
pub struct Changes {
    edits: Vec<Edit>,
    /// Which edits (by index) belong to which step, in index order.
    steps: Vec<(usize, StepToken)>,
    next_token: u64,
}

impl Changes {
    /// Pushes `edit` as a new undo step and returns its token, for a later edit to join.
    pub fn open_step(&mut self, edit: Edit) -> StepToken {
        let step = StepToken(self.next_token);
        self.next_token += 1;
        self.join_step(edit, step);
        step
    }

    /// Pushes `edit` into step `step` if that is still the last undo step when it is applied,
    /// else as a step of its own (which carries `step`).
    pub fn join_step(&mut self, edit: Edit, step: StepToken) {
        self.steps.push((self.edits.len(), step));
        self.edits.push(edit);
    }
}

impl Deref for Changes {
    type Target = Vec<Edit>;

    fn deref(&self) -> &Vec<Edit> {
        &self.edits
    }
}

impl DerefMut for Changes {
    /// Widgets push plain edits (each its own step) as onto a `Vec<Edit>`.
    fn deref_mut(&mut self) -> &mut Vec<Edit> {
        &mut self.edits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CanvasPos, Note, NoteColour, NoteId};

    fn session_with_notes(n: u64) -> Session {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default();
        let mut session = Session::new("Workshop", date);
        for id in 1..=n {
            let pos = CanvasPos::new(id as f32 * 30.0, 0.0);
            session
                .notes
                .push(Note::new(NoteId(id), "note", NoteColour::ALL[0], pos));
        }
        session
    }

    fn set_text(id: u64, text: &str) -> Edit {
        Edit::SetText {
            id: NoteId(id),
            text: text.to_owned(),
        }
    }

    fn text(session: &Session, id: u64) -> &str {
        session.note(NoteId(id)).map_or("", |n| n.text.as_str())
    }

    #[test]
    fn a_later_frame_joins_the_step_it_opened_while_nothing_changed_since() {
        let (mut session, mut history) = (session_with_notes(2), History::default());
        let start = session.clone();
        let mut frame = history.changes();
        let step = frame.open_step(set_text(1, "made"));
        history.apply_changes(&mut session, frame);
        assert_eq!(history.last_step(), Some(step));

        let mut later = history.changes();
        later.join_step(set_text(2, "named"), step);
        history.apply_changes(&mut session, later);
        let both = session.clone();
        assert_eq!(text(&session, 2), "named");
        assert!(history.undo(&mut session), "one step undoes both");
        assert_eq!(session, start);
        assert!(!history.can_undo());
        assert!(history.redo(&mut session), "and one step redoes both");
        assert_eq!(session, both);
        assert_eq!(
            history.last_step(),
            Some(step),
            "redo keeps the step's token"
        );
    }

    #[test]
    fn a_step_with_something_after_it_is_not_joined() {
        let (mut session, mut history) = (session_with_notes(2), History::default());
        let mut frame = history.changes();
        let step = frame.open_step(set_text(1, "made"));
        history.apply_changes(&mut session, frame);
        history.apply(&mut session, Edit::SetTitle("other".to_owned()));
        let before = session.clone();

        let mut later = history.changes();
        later.join_step(set_text(2, "late"), step);
        history.apply_changes(&mut session, later);
        assert!(history.undo(&mut session));
        assert_eq!(session, before, "only the late edit was undone");
    }

    #[test]
    fn an_undone_step_is_not_joined() {
        let (mut session, mut history) = (session_with_notes(2), History::default());
        history.apply(&mut session, Edit::SetTitle("first".to_owned()));
        let mut frame = history.changes();
        let step = frame.open_step(set_text(1, "made"));
        history.apply_changes(&mut session, frame);
        assert!(history.undo(&mut session));
        let before = session.clone();

        history.apply_in(&mut session, set_text(2, "late"), step);
        assert!(!history.can_redo(), "a new edit clears redo");
        assert!(history.undo(&mut session));
        assert_eq!(session, before, "the late edit is a step of its own");
        assert_eq!(session.title, "first", "the earlier step was not touched");
    }

    #[test]
    fn with_nothing_to_join_it_is_an_ordinary_step() {
        let (mut session, mut history) = (session_with_notes(1), History::default());
        let mut frame = history.changes();
        let step = frame.open_step(set_text(1, "ignored"));
        drop(frame); // Never applied (e.g. the session was closed).
        history.apply_in(&mut session, set_text(1, "first"), step);
        assert!(history.undo(&mut session));
        assert_eq!(session, session_with_notes(1));
    }

    #[test]
    fn plain_edits_in_a_frame_are_steps_of_their_own_and_tokens_are_not_reused() {
        let (mut session, mut history) = (session_with_notes(2), History::default());
        let mut frame = history.changes();
        frame.push(set_text(1, "a"));
        let step = frame.open_step(set_text(2, "b"));
        frame.push(set_text(1, "c"));
        history.apply_changes(&mut session, frame);
        assert_ne!(
            history.last_step(),
            Some(step),
            "the plain edit after it is its own step"
        );
        let next = history.changes().open_step(set_text(1, "d"));
        assert_ne!(
            next, step,
            "a new frame's token differs from every token handed out"
        );
        assert!(history.undo(&mut session));
        assert_eq!(text(&session, 1), "a");
        assert!(history.undo(&mut session));
        assert_eq!(text(&session, 2), "note");
        assert!(history.undo(&mut session));
        assert!(!history.can_undo());
    }
}
