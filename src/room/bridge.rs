//! The bridge between the room and the session: each [`RoomEvent`] becomes ordinary [`Edit`]s
//! (the values a key press makes, so undo, autosave and recovery cover phone input too), and
//! notes held for approval wait here until the facilitator lets them in.
//!
//! The app owns one [`RoomBridge`] per open session and feeds it [`Room::poll`]'s events with
//! [`RoomBridge::take_events`] (each arrival one undo step through [`History`]), or one event at
//! a time with [`RoomBridge::edit_for`], applying each edit before asking for the next.
//!
//! Held notes are in memory only: they are not yet accepted, so they are not in the session, its
//! autosave or its recovery copy, and a crash loses them (the phone still shows them as its own).
//!
//! [`Room::poll`]: super::Room::poll

use std::collections::HashMap;

use super::bridge_draft::Draft;
use super::bridge_view::{option_from_id, phase_from_key};
use super::{PhoneId, RoomEvent, RoomNoteId};
use crate::history::History;
use crate::model::vote::VoteError;
use crate::model::{CanvasRect, Edit, NoteId, ParticipantId, RoundId, Session, VoteOption};

/// What happens to a note from a phone when it arrives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Arrivals {
    /// It goes onto the canvas at once.
    #[default]
    Show,
    /// It waits in the bridge for [`RoomBridge::approve`] or [`RoomBridge::reject`].
    Hold,
}

/// A note from a phone waiting for the facilitator.
#[derive(Clone, Debug, PartialEq)]
pub struct HeldNote {
    /// The note's id in the room.
    pub id: RoomNoteId,
    /// The phone that wrote it.
    pub phone: PhoneId,
    /// Who wrote it, as the phone is named ("Asha", "Anonymous 3").
    pub author: String,
    /// Its text (edits from the phone change it while it waits).
    pub text: String,
    /// The room's phase key when it arrived.
    pub phase: String,
}

/// A joined phone as the bridge knows it.
#[derive(Clone, Debug)]
pub(super) struct PhoneEntry {
    pub name: String,
    pub anonymous: bool,
    pub area: Option<String>,
    pub level: Option<String>,
    /// The participant it speaks as, once it has one.
    pub participant: Option<ParticipantId>,
}

/// Why a phone's action did not reach the session, as a sentence for the facilitator's console.
#[derive(Clone, Debug, PartialEq)]
pub enum BridgeError {
    /// A ballot broke a vote rule (the round closed, a second ballot, an overspent budget).
    Ballot(VoteError),
}

impl std::fmt::Display for BridgeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Ballot(e) => write!(f, "A phone's ballot was not counted: {e}"),
        }
    }
}

impl std::error::Error for BridgeError {}

/// Turns room events into edits and keeps held notes; see the module documentation.
#[derive(Debug, Default)]
pub struct RoomBridge {
    arrivals: Arrivals,
    pub(super) phones: HashMap<PhoneId, PhoneEntry>,
    /// Notes let into the session: their phone and their id there.
    notes: HashMap<RoomNoteId, (PhoneId, NoteId)>,
    held: Vec<HeldNote>,
    /// Where notes from phones go, chosen when the first one is let in.
    pub(super) area: Option<CanvasRect>,
}

impl RoomBridge {
    /// A bridge for a newly opened room.
    pub fn new(arrivals: Arrivals) -> Self {
        Self {
            arrivals,
            ..Self::default()
        }
    }

    /// Whether notes show as they arrive or wait for approval.
    pub fn arrivals(&self) -> Arrivals {
        self.arrivals
    }

    /// Switches between showing and holding; notes already held keep waiting.
    pub fn set_arrivals(&mut self, arrivals: Arrivals) {
        self.arrivals = arrivals;
    }

    /// The notes waiting for approval, oldest first.
    pub fn held(&self) -> &[HeldNote] {
        &self.held
    }

    /// The "From phones" area of the canvas, once a note from a phone was let in.
    pub fn from_phones_area(&self) -> Option<CanvasRect> {
        self.area
    }

    /// The session's note for a room note that was let in.
    pub fn note_id(&self, note: RoomNoteId) -> Option<NoteId> {
        self.notes.get(&note).map(|(_, id)| *id)
    }

    /// The edit `event` makes in `session` (`None` when it changes nothing there: a held note,
    /// a phone leaving, an edit of a note that is not that phone's). Apply it before asking for
    /// the next event's edit: new ids and places are taken from `session` as it is.
    pub fn edit_for(
        &mut self,
        session: &Session,
        event: RoomEvent,
    ) -> Result<Option<Edit>, BridgeError> {
        match event {
            RoomEvent::PhoneJoined {
                phone,
                name,
                anonymous,
                area,
                level,
            } => {
                let entry = PhoneEntry {
                    name,
                    anonymous,
                    area,
                    level,
                    participant: None,
                };
                self.phones.insert(phone, entry);
                if anonymous {
                    // An anonymous phone becomes a participant only when it adds something.
                    return Ok(None);
                }
                let mut draft = Draft::new(session);
                draft.participant(self, phone);
                Ok(draft.finish(self))
            }
            RoomEvent::NoteAdded {
                phone,
                note,
                text,
                phase,
            } => {
                let Some(entry) = self.phones.get(&phone) else {
                    return Ok(None);
                };
                let held = HeldNote {
                    id: note,
                    phone,
                    author: entry.name.clone(),
                    text,
                    phase,
                };
                if self.arrivals == Arrivals::Hold {
                    self.held.push(held);
                    return Ok(None);
                }
                Ok(self.let_in(session, vec![held]))
            }
            RoomEvent::NoteEdited { phone, note, text } => Ok(self.edited(phone, note, text)),
            RoomEvent::NoteDeleted { phone, note } => Ok(self.deleted(phone, note)),
            RoomEvent::BallotCast { phone, vote, dots } => self.ballot(session, phone, vote, &dots),
            RoomEvent::PhoneLeft { .. } => Ok(None),
        }
    }

    /// Applies each event's edit through `history`, one undo step per arrival, and returns what
    /// could not be applied, for the console.
    pub fn take_events(
        &mut self,
        events: impl IntoIterator<Item = RoomEvent>,
        session: &mut Session,
        history: &mut History,
    ) -> Vec<BridgeError> {
        let mut refused = Vec::new();
        for event in events {
            match self.edit_for(session, event) {
                Ok(Some(edit)) => history.apply(session, edit),
                Ok(None) => {}
                Err(e) => refused.push(e),
            }
        }
        refused
    }

    /// Lets the held note `id` into the session: the edit that adds it (with its author, who
    /// may be made a participant in the same step). `None` when no such note is held.
    pub fn approve(&mut self, session: &Session, id: RoomNoteId) -> Option<Edit> {
        let i = self.held.iter().position(|h| h.id == id)?;
        let note = self.held.remove(i);
        self.let_in(session, vec![note])
    }

    /// Lets every held note in as one step, in the order they arrived.
    pub fn approve_all(&mut self, session: &Session) -> Option<Edit> {
        let held = std::mem::take(&mut self.held);
        self.let_in(session, held)
    }

    /// Drops the held note `id`: it never reaches the session. False when no such note is held.
    pub fn reject(&mut self, id: RoomNoteId) -> bool {
        let before = self.held.len();
        self.held.retain(|h| h.id != id);
        self.held.len() != before
    }

    /// The edit that adds `notes` to the session as one step, in the From-phones area.
    fn let_in(&mut self, session: &Session, notes: Vec<HeldNote>) -> Option<Edit> {
        let mut draft = Draft::new(session);
        for held in notes {
            let author = draft.participant(self, held.phone);
            let phase = phase_from_key(session, &held.phase);
            let id = draft.note(held.text, author, phase);
            self.notes.insert(held.id, (held.phone, id));
        }
        draft.finish(self)
    }

    /// A phone changed its note: the held text, or the session's note when it was let in.
    fn edited(&mut self, phone: PhoneId, note: RoomNoteId, text: String) -> Option<Edit> {
        if let Some(held) = self
            .held
            .iter_mut()
            .find(|h| h.id == note && h.phone == phone)
        {
            held.text = text;
            return None;
        }
        let (owner, id) = *self.notes.get(&note)?;
        (owner == phone).then_some(Edit::SetText { id, text })
    }

    /// A phone deleted its note: gone from the held list, or removed from the session.
    fn deleted(&mut self, phone: PhoneId, note: RoomNoteId) -> Option<Edit> {
        let before = self.held.len();
        self.held.retain(|h| h.id != note || h.phone != phone);
        if self.held.len() != before {
            return None;
        }
        let (owner, id) = *self.notes.get(&note)?;
        if owner != phone {
            return None;
        }
        self.notes.remove(&note);
        Some(Edit::RemoveNotes(vec![id]))
    }

    /// A phone's ballot as a confirmed ballot of its participant in the round `vote`.
    fn ballot(
        &mut self,
        session: &Session,
        phone: PhoneId,
        vote: u64,
        dots: &[(u64, u32)],
    ) -> Result<Option<Edit>, BridgeError> {
        if !self.phones.contains_key(&phone) {
            return Ok(None);
        }
        let Some(round) = session.voting.round(RoundId(vote)) else {
            return Err(BridgeError::Ballot(VoteError::NoSuchRound));
        };
        let mut counts = std::collections::BTreeMap::<VoteOption, u32>::new();
        for (option, n) in dots {
            *counts.entry(option_from_id(*option)).or_default() += n;
        }
        let mut draft = Draft::new(session);
        let Some(voter) = draft.participant(self, phone) else {
            return Ok(None);
        };
        let edit = round
            .phone_ballot(session, voter, &counts)
            .map_err(BridgeError::Ballot)?;
        draft.push(Edit::Vote(edit));
        Ok(draft.finish(self))
    }
}
