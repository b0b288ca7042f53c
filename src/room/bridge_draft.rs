//! One step of phone input being put together: the participants it needs, the notes it adds
//! (placed in the "From phones" area) and any other edit, turned into a single [`Edit`] so each
//! arrival (or "approve all") is one undo step.

use std::collections::HashMap;

use super::PhoneId;
use super::bridge::RoomBridge;
use super::bridge_view::level_from_label;
use crate::model::{
    CanvasPos, CanvasRect, Edit, Level, NOTE_GAP, NOTE_WIDTH, Note, NoteColour, NoteId,
    Participant, ParticipantId, PhaseId, Session,
};

/// How many notes wide the From-phones area is.
const FROM_PHONES_COLUMNS: f32 = 4.0;

/// The edits of one arrival, before they become one [`Edit`].
pub(super) struct Draft<'s> {
    session: &'s Session,
    next_note: u64,
    next_participant: u64,
    /// Participants this step adds.
    people: Vec<Participant>,
    /// Existing participants this step gives an area or level they lacked.
    updates: Vec<Participant>,
    /// The participant each phone speaks as after this step.
    assigned: HashMap<PhoneId, ParticipantId>,
    notes: Vec<Note>,
    others: Vec<Edit>,
}

impl<'s> Draft<'s> {
    /// An empty step on `session` as it is now.
    pub fn new(session: &'s Session) -> Self {
        Self {
            session,
            next_note: session.next_note_id().0,
            next_participant: session.next_participant_id().0,
            people: Vec::new(),
            updates: Vec::new(),
            assigned: HashMap::new(),
            notes: Vec::new(),
            others: Vec::new(),
        }
    }

    /// The participant `phone` speaks as: the one it already has, else one with its name (named
    /// phones), else a new one (given the phone's area and level, so coverage fills itself).
    /// `None` for a phone the bridge does not know.
    pub fn participant(&mut self, bridge: &RoomBridge, phone: PhoneId) -> Option<ParticipantId> {
        if let Some(id) = self.assigned.get(&phone) {
            return Some(*id);
        }
        let entry = bridge.phones.get(&phone)?;
        let known = entry
            .participant
            .filter(|id| self.session.participant(*id).is_some());
        let area = entry.area.clone().unwrap_or_default();
        let level = entry.level.as_deref().and_then(level_from_label);
        let id = match known {
            Some(id) => id,
            None if !entry.anonymous => match self.named(&entry.name) {
                Some(existing) => {
                    let id = existing.id;
                    self.fill_in(existing, &area, &level);
                    id
                }
                None => self.add_person(entry.name.clone(), area, level),
            },
            None => {
                let name = self.free_anonymous_name(&entry.name);
                self.add_person(name, area, level)
            }
        };
        self.assigned.insert(phone, id);
        Some(id)
    }

    /// A new note by `author` captured in `phase`; it is placed when the step is finished.
    pub fn note(
        &mut self,
        text: String,
        author: Option<ParticipantId>,
        phase: Option<PhaseId>,
    ) -> NoteId {
        let id = NoteId(self.next_note);
        self.next_note += 1;
        let mut note = Note::new(id, text, NoteColour::default(), CanvasPos::default());
        note.author = author;
        note.phase = phase;
        self.notes.push(note);
        id
    }

    /// Another edit in this step (a ballot).
    pub fn push(&mut self, edit: Edit) {
        self.others.push(edit);
    }

    /// The step as one edit (`None` when it changes nothing); records on `bridge` which
    /// participant each phone speaks as, and where the From-phones area is.
    pub fn finish(mut self, bridge: &mut RoomBridge) -> Option<Edit> {
        for (phone, id) in &self.assigned {
            if let Some(entry) = bridge.phones.get_mut(phone) {
                entry.participant = Some(*id);
            }
        }
        if !self.notes.is_empty() {
            let area = *bridge
                .area
                .get_or_insert_with(|| from_phones_area(self.session));
            let slots = self.session.free_note_slots(area, self.notes.len());
            for (note, pos) in self.notes.iter_mut().zip(slots) {
                note.pos = pos;
            }
        }
        let start = self.session.participants.len();
        let mut edits = Vec::new();
        if !self.people.is_empty() {
            let people = self.people.into_iter().enumerate();
            edits.push(Edit::InsertParticipants(
                people.map(|(i, p)| (start + i, p)).collect(),
            ));
        }
        edits.extend(self.updates.into_iter().map(Edit::UpdateParticipant));
        if !self.notes.is_empty() {
            edits.push(Edit::add_notes(self.session, self.notes));
        }
        edits.extend(self.others);
        match edits.len() {
            0 => None,
            1 => edits.pop(),
            _ => Some(Edit::Batch(edits)),
        }
    }

    /// The participant (in the session or added in this step) with this name, ignoring case.
    fn named(&self, name: &str) -> Option<Participant> {
        let same = |p: &&Participant| p.name.trim().to_lowercase() == name.trim().to_lowercase();
        let found = self.session.participants.iter().find(same);
        found.or_else(|| self.people.iter().find(same)).cloned()
    }

    /// Gives `person` the phone's area and level where they had none (never overwrites).
    fn fill_in(&mut self, mut person: Participant, area: &str, level: &Option<Level>) {
        let mut changed = false;
        if person.service_area.trim().is_empty() && !area.is_empty() {
            person.service_area = area.to_owned();
            changed = true;
        }
        if person.level.is_none() && level.is_some() {
            person.level = level.clone();
            changed = true;
        }
        let in_session = self.session.participant(person.id).is_some();
        if changed && in_session {
            self.updates.push(person);
        }
    }

    /// Adds a participant in this step and answers their new id.
    fn add_person(&mut self, name: String, area: String, level: Option<Level>) -> ParticipantId {
        let id = ParticipantId(self.next_participant);
        self.next_participant += 1;
        self.people.push(Participant {
            id,
            name,
            service_area: area,
            level,
        });
        id
    }

    /// `wanted` ("Anonymous 3") when no participant has that name, else the first free
    /// "Anonymous N" (numbers restart each time the room opens, people must stay apart).
    fn free_anonymous_name(&self, wanted: &str) -> String {
        if self.named(wanted).is_none() {
            return wanted.to_owned();
        }
        (1..)
            .map(|n| format!("Anonymous {n}"))
            .find(|name| self.named(name).is_none())
            .unwrap_or_else(|| wanted.to_owned())
    }
}

/// Where notes from phones go: a column [`FROM_PHONES_COLUMNS`] notes wide to the right of
/// everything on the wall, from its top (the origin on an empty wall).
fn from_phones_area(session: &Session) -> CanvasRect {
    let wall = session.bounds();
    let frames = session.theme_frames().into_iter().map(|f| f.rect);
    let wall = frames.fold(wall, |acc, r| Some(acc.map_or(r, |a| a.union(r))));
    let start = wall.map_or(CanvasPos::default(), |w| {
        CanvasPos::new(w.max.x + 2.0 * NOTE_GAP, w.min.y)
    });
    let width = FROM_PHONES_COLUMNS * (NOTE_WIDTH + NOTE_GAP);
    CanvasRect::from_min_max(start, start.offset(width, 1.0e6))
}
