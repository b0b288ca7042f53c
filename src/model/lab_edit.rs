//! Changes to the agenda, vision, outcomes and actions. Every change is one undoable step.

use super::lab::{Action, ActionId, Outcome, OutcomeId, Phase, ReportDetails};
use super::{NoteId, ParticipantId, PhaseId, Session};

/// One change to the lab parts of a session. [`LabEdit::apply`] returns the edit that undoes it.
#[derive(Clone, Debug, PartialEq)]
pub enum LabEdit {
    /// Replaces the vision statement.
    SetVision(String),
    /// Replaces the report's purpose line, facilitator and next review.
    SetReportDetails(ReportDetails),
    /// Moves the room to another phase (or to none).
    SetCurrentPhase(Option<PhaseId>),
    /// Puts phases into the agenda at the given indices (ascending).
    InsertPhases(Vec<(usize, Phase)>),
    /// Removes phases. Notes keep their phase id, so undo brings the phase back whole.
    RemovePhases(Vec<PhaseId>),
    /// Replaces a phase's name, prompt and timebox (matched by id).
    UpdatePhase(Phase),
    /// Puts outcomes into the list at the given indices (ascending).
    InsertOutcomes(Vec<(usize, Outcome)>),
    /// Removes outcomes. Actions keep their link, which shows as a removed outcome until undo.
    RemoveOutcomes(Vec<OutcomeId>),
    /// Replaces an outcome's text and date (matched by id).
    UpdateOutcome(Outcome),
    /// Puts actions into the list at the given indices (ascending).
    InsertActions(Vec<(usize, Action)>),
    /// Removes actions.
    RemoveActions(Vec<ActionId>),
    /// Replaces an action's fields (matched by id).
    UpdateAction(Action),
    /// Says who wrote notes (`None`: anonymous).
    SetNoteAuthors(Vec<(NoteId, Option<ParticipantId>)>),
    /// Several changes done and undone as one step.
    Batch(Vec<LabEdit>),
}

/// Something with a stable id, kept in a list.
trait Identified: Clone {
    type Id: Copy + PartialEq;
    fn ident(&self) -> Self::Id;
}

impl Identified for Phase {
    type Id = PhaseId;
    fn ident(&self) -> PhaseId {
        self.id
    }
}

impl Identified for Outcome {
    type Id = OutcomeId;
    fn ident(&self) -> OutcomeId {
        self.id
    }
}

impl Identified for Action {
    type Id = ActionId;
    fn ident(&self) -> ActionId {
        self.id
    }
}

/// Inserts items (skipping ids already present) and returns the ids inserted.
fn insert<T: Identified>(list: &mut Vec<T>, mut items: Vec<(usize, T)>) -> Vec<T::Id> {
    items.sort_by_key(|(i, _)| *i);
    let mut ids = Vec::with_capacity(items.len());
    for (index, item) in items {
        if list.iter().any(|x| x.ident() == item.ident()) {
            continue; // Never two with one id.
        }
        ids.push(item.ident());
        let index = index.min(list.len());
        list.insert(index, item);
    }
    ids
}

/// Removes items by id and returns them with the indices they had.
fn remove<T: Identified>(list: &mut Vec<T>, ids: &[T::Id]) -> Vec<(usize, T)> {
    let mut removed = Vec::new();
    let mut index = 0;
    list.retain(|x| {
        let keep = !ids.contains(&x.ident());
        if !keep {
            removed.push((index, x.clone()));
        }
        index += 1;
        keep
    });
    removed
}

/// Replaces the item with the same id, returning the old one.
fn update<T: Identified>(list: &mut [T], item: T) -> Option<T> {
    let slot = list.iter_mut().find(|x| x.ident() == item.ident())?;
    Some(std::mem::replace(slot, item))
}

impl LabEdit {
    /// True when applying this edit changes nothing.
    pub fn is_empty(&self) -> bool {
        match self {
            Self::InsertPhases(v) => v.is_empty(),
            Self::RemovePhases(v) => v.is_empty(),
            Self::InsertOutcomes(v) => v.is_empty(),
            Self::RemoveOutcomes(v) => v.is_empty(),
            Self::InsertActions(v) => v.is_empty(),
            Self::RemoveActions(v) => v.is_empty(),
            Self::SetNoteAuthors(v) => v.is_empty(),
            Self::Batch(v) => v.iter().all(Self::is_empty),
            Self::SetVision(_)
            | Self::SetReportDetails(_)
            | Self::SetCurrentPhase(_)
            | Self::UpdatePhase(_)
            | Self::UpdateOutcome(_)
            | Self::UpdateAction(_) => false,
        }
    }

    /// Performs the edit and returns the edit that undoes it.
    pub fn apply(self, session: &mut Session) -> Self {
        let lab = &mut session.lab;
        match self {
            Self::SetVision(text) => Self::SetVision(std::mem::replace(&mut lab.vision, text)),
            Self::SetReportDetails(details) => {
                Self::SetReportDetails(std::mem::replace(&mut lab.report, details))
            }
            Self::SetCurrentPhase(id) => {
                Self::SetCurrentPhase(std::mem::replace(&mut lab.current_phase, id))
            }
            Self::InsertPhases(items) => {
                for (_, p) in &items {
                    lab.next_phase_id = lab.next_phase_id.max(p.id.0.saturating_add(1));
                }
                Self::RemovePhases(insert(&mut lab.phases, items))
            }
            Self::RemovePhases(ids) => Self::InsertPhases(remove(&mut lab.phases, &ids)),
            Self::UpdatePhase(p) => match update(&mut lab.phases, p) {
                Some(old) => Self::UpdatePhase(old),
                None => Self::Batch(Vec::new()),
            },
            Self::InsertOutcomes(items) => {
                for (_, o) in &items {
                    lab.next_outcome_id = lab.next_outcome_id.max(o.id.0.saturating_add(1));
                }
                Self::RemoveOutcomes(insert(&mut lab.outcomes, items))
            }
            Self::RemoveOutcomes(ids) => Self::InsertOutcomes(remove(&mut lab.outcomes, &ids)),
            Self::UpdateOutcome(o) => match update(&mut lab.outcomes, o) {
                Some(old) => Self::UpdateOutcome(old),
                None => Self::Batch(Vec::new()),
            },
            Self::InsertActions(items) => {
                for (_, a) in &items {
                    lab.next_action_id = lab.next_action_id.max(a.id.0.saturating_add(1));
                }
                Self::RemoveActions(insert(&mut lab.actions, items))
            }
            Self::RemoveActions(ids) => Self::InsertActions(remove(&mut lab.actions, &ids)),
            Self::UpdateAction(a) => match update(&mut lab.actions, a) {
                Some(old) => Self::UpdateAction(old),
                None => Self::Batch(Vec::new()),
            },
            Self::SetNoteAuthors(changes) => Self::SetNoteAuthors(
                changes
                    .into_iter()
                    .filter_map(|(id, author)| {
                        let i = session.note_index(id)?;
                        Some((id, std::mem::replace(&mut session.notes[i].author, author)))
                    })
                    .collect::<Vec<_>>()
                    // Undone in reverse order, so an id named twice gets its first value back.
                    .into_iter()
                    .rev()
                    .collect(),
            ),
            Self::Batch(edits) => {
                let mut inverses: Vec<Self> = edits.into_iter().map(|e| e.apply(session)).collect();
                inverses.reverse();
                Self::Batch(inverses)
            }
        }
    }

    /// Adds an outcome at the end of the list.
    pub fn add_outcome(session: &Session, outcome: Outcome) -> Self {
        Self::InsertOutcomes(vec![(session.lab.outcomes.len(), outcome)])
    }

    /// Adds an action at the end of the list.
    pub fn add_action(session: &Session, action: Action) -> Self {
        Self::InsertActions(vec![(session.lab.actions.len(), action)])
    }

    /// Adds a phase at the end of the agenda.
    pub fn add_phase(session: &Session, phase: Phase) -> Self {
        Self::InsertPhases(vec![(session.lab.phases.len(), phase)])
    }
}
