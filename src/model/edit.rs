//! Every change a user can make to a session, as a value that can be applied and undone.

use super::{
    CanvasPos, LabEdit, Note, NoteColour, NoteId, Participant, ParticipantId, Session, ThemeEdit,
    VoteEdit,
};

/// One change to a session. [`Edit::apply`] performs it and returns the edit that undoes it.
///
/// Edits that name notes which no longer exist skip those notes; the returned inverse only
/// undoes what really happened.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Puts notes into the drawing order at the given indices (ascending), e.g. new notes at the end.
    InsertNotes(Vec<(usize, Note)>),
    /// Removes notes.
    RemoveNotes(Vec<NoteId>),
    /// Replaces a note's text.
    SetText {
        /// The note.
        id: NoteId,
        /// Its new text.
        text: String,
    },
    /// Gives notes new colours.
    SetColours(Vec<(NoteId, NoteColour)>),
    /// Moves notes to new top-left positions.
    MoveNotes(Vec<(NoteId, CanvasPos)>),
    /// Renames the session.
    SetTitle(String),
    /// Puts participants into the list at the given indices (ascending).
    InsertParticipants(Vec<(usize, Participant)>),
    /// Removes participants. Notes they wrote become anonymous only in the sense that the
    /// author id no longer resolves; undo brings the participant back.
    RemoveParticipants(Vec<ParticipantId>),
    /// Replaces a participant's name, service area and level (matched by id).
    UpdateParticipant(Participant),
    /// A change to themes and membership.
    Theme(ThemeEdit),
    /// A change to a vote.
    Vote(VoteEdit),
    /// A change to the agenda, vision, outcomes or actions.
    Lab(LabEdit),
    /// Several edits that are done and undone as one step.
    Batch(Vec<Edit>),
}

impl Edit {
    /// Adds notes at the end of the drawing order (on top).
    pub fn add_notes(session: &Session, notes: Vec<Note>) -> Self {
        let start = session.notes.len();
        Self::InsertNotes(
            notes
                .into_iter()
                .enumerate()
                .map(|(i, n)| (start + i, n))
                .collect(),
        )
    }

    /// True when applying this edit changes nothing.
    pub fn is_empty(&self) -> bool {
        match self {
            Self::InsertNotes(v) => v.is_empty(),
            Self::RemoveNotes(v) => v.is_empty(),
            Self::SetColours(v) => v.is_empty(),
            Self::MoveNotes(v) => v.is_empty(),
            Self::Batch(v) => v.iter().all(Self::is_empty),
            Self::InsertParticipants(v) => v.is_empty(),
            Self::RemoveParticipants(v) => v.is_empty(),
            Self::Theme(e) => e.is_empty(),
            Self::Vote(e) => e.is_empty(),
            Self::Lab(e) => e.is_empty(),
            Self::SetText { .. } | Self::SetTitle(_) | Self::UpdateParticipant(_) => false,
        }
    }

    /// Performs the edit and returns the edit that undoes it.
    pub fn apply(self, session: &mut Session) -> Self {
        match self {
            Self::InsertNotes(mut notes) => {
                notes.sort_by_key(|(i, _)| *i);
                let mut ids = Vec::with_capacity(notes.len());
                for (index, note) in notes {
                    if session.note_index(note.id).is_some() {
                        continue; // Never two notes with one id.
                    }
                    session.bump_next_note_id(note.id);
                    ids.push(note.id);
                    let index = index.min(session.notes.len());
                    session.notes.insert(index, note);
                }
                Self::RemoveNotes(ids)
            }
            Self::RemoveNotes(ids) => {
                let wanted: std::collections::HashSet<NoteId> = ids.into_iter().collect();
                let mut removed = Vec::with_capacity(wanted.len());
                let mut index = 0;
                session.notes.retain(|note| {
                    let keep = !wanted.contains(&note.id);
                    if !keep {
                        removed.push((index, note.clone()));
                    }
                    index += 1;
                    keep
                });
                Self::InsertNotes(removed)
            }
            Self::SetText { id, text } => {
                let Some(i) = session.note_index(id) else {
                    return Self::Batch(Vec::new());
                };
                let old = std::mem::replace(&mut session.notes[i].text, text);
                Self::SetText { id, text: old }
            }
            Self::SetColours(changes) => Self::SetColours(
                changes
                    .into_iter()
                    .filter_map(|(id, colour)| {
                        let i = session.note_index(id)?;
                        Some((id, std::mem::replace(&mut session.notes[i].colour, colour)))
                    })
                    .collect::<Vec<_>>()
                    // Undone in reverse order, so an id named twice gets its first value back.
                    .into_iter()
                    .rev()
                    .collect(),
            ),
            Self::MoveNotes(moves) => Self::MoveNotes(Self::move_notes(session, moves)),
            Self::SetTitle(title) => Self::SetTitle(std::mem::replace(&mut session.title, title)),
            Self::InsertParticipants(mut people) => {
                people.sort_by_key(|(i, _)| *i);
                let mut ids = Vec::with_capacity(people.len());
                for (index, person) in people {
                    if session.participant(person.id).is_some() {
                        continue; // Never two participants with one id.
                    }
                    session.next_participant_id = session
                        .next_participant_id
                        .max(person.id.0.saturating_add(1));
                    ids.push(person.id);
                    let index = index.min(session.participants.len());
                    session.participants.insert(index, person);
                }
                Self::RemoveParticipants(ids)
            }
            Self::RemoveParticipants(ids) => {
                let mut removed = Vec::new();
                let mut index = 0;
                session.participants.retain(|p| {
                    let keep = !ids.contains(&p.id);
                    if !keep {
                        removed.push((index, p.clone()));
                    }
                    index += 1;
                    keep
                });
                Self::InsertParticipants(removed)
            }
            Self::UpdateParticipant(person) => {
                let Some(slot) = session.participants.iter_mut().find(|p| p.id == person.id) else {
                    return Self::Batch(Vec::new());
                };
                Self::UpdateParticipant(std::mem::replace(slot, person))
            }
            Self::Theme(e) => Self::Theme(e.apply(session)),
            Self::Vote(e) => Self::Vote(e.apply(session)),
            Self::Lab(e) => Self::Lab(e.apply(session)),
            Self::Batch(edits) => {
                let mut inverses: Vec<Self> = edits.into_iter().map(|e| e.apply(session)).collect();
                inverses.reverse();
                Self::Batch(inverses)
            }
        }
    }

    fn move_notes(
        session: &mut Session,
        moves: Vec<(NoteId, CanvasPos)>,
    ) -> Vec<(NoteId, CanvasPos)> {
        // One lookup table rather than a scan per note: a drag may move thousands of notes.
        let index: std::collections::HashMap<NoteId, usize> = session
            .notes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id, i))
            .collect();
        moves
            .into_iter()
            .filter(|(_, pos)| pos.is_finite())
            .filter_map(|(id, pos)| {
                let i = *index.get(&id)?;
                Some((id, std::mem::replace(&mut session.notes[i].pos, pos)))
            })
            .collect::<Vec<_>>()
            // Undone in reverse order, so a note named twice gets its first place back.
            .into_iter()
            .rev()
            .collect()
    }
}
