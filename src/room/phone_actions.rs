//! What a joined phone can do: see the room, add, edit and delete its notes, and cast one ballot
//! per vote. Each rule refuses with a clear status and changes nothing.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::{Value, json};

use super::limits::Refusal;
use super::state::{Phone, Shared};
use super::text::clean_note;
use super::view::{PhoneId, RoomEvent, RoomNoteId};

/// The body of `POST /api/notes`.
#[derive(Debug, Deserialize)]
pub(crate) struct NoteRequest {
    /// The page's own id for this note; a retry with the same id is not a second note.
    pub client_id: String,
    /// The text typed.
    pub text: String,
}

/// The body of `PUT /api/notes/{id}`.
#[derive(Debug, Deserialize)]
pub(crate) struct EditRequest {
    /// The new text.
    pub text: String,
}

/// One line of a ballot.
#[derive(Debug, Deserialize)]
pub(crate) struct BallotLine {
    /// The option's id.
    pub option: u64,
    /// Dots placed on it.
    pub dots: u32,
}

/// The body of `POST /api/ballot`.
#[derive(Debug, Deserialize)]
pub(crate) struct BallotRequest {
    /// The vote's id.
    pub vote: u64,
    /// Dots per option.
    pub dots: Vec<BallotLine>,
}

/// The longest page-made note id accepted.
const MAX_CLIENT_ID: usize = 64;

impl Shared {
    /// The phone's own record; it exists because [`Shared::phone_for`] found it under the lock.
    fn phone_mut(&mut self, id: PhoneId) -> Result<&mut Phone, Refusal> {
        self.phones
            .get_mut(&id)
            .ok_or_else(|| Refusal::new(401, "not_joined", "Join the room first."))
    }

    /// Refuses when capture is locked.
    fn capture_open(&self) -> Result<(), Refusal> {
        if self.view.capture_locked {
            return Err(Refusal::new(
                423,
                "capture_locked",
                "The facilitator has closed adding and changing notes for now.",
            ));
        }
        Ok(())
    }

    /// A note's text cleaned and checked: not empty, not over the cap.
    fn note_text(&self, raw: &str) -> Result<String, Refusal> {
        let text = clean_note(raw);
        if text.is_empty() {
            return Err(Refusal::new(422, "empty_note", "Write something first."));
        }
        let chars = text.chars().count();
        let max = self.limits.max_note_chars;
        if chars > max {
            let message = format!("A note holds at most {max} characters; this one has {chars}.");
            return Err(Refusal::new(422, "note_too_long", message));
        }
        Ok(text)
    }

    /// Adds a note from `phone`, or answers the earlier one when `client_id` was seen before.
    pub fn add_note(
        &mut self,
        phone: PhoneId,
        req: &NoteRequest,
        now: Instant,
    ) -> Result<(Value, Option<RoomEvent>), Refusal> {
        self.capture_open()?;
        if req.client_id.is_empty() || req.client_id.len() > MAX_CLIENT_ID {
            return Err(Refusal::new(
                400,
                "bad_client_id",
                "The page sent a note without a proper id.",
            ));
        }
        let text = self.note_text(&req.text)?;
        let per_minute = self.limits.notes_per_minute;
        let next = RoomNoteId(self.next_note);
        let phase = self.view.phase_key.clone();
        let p = self.phone_mut(phone)?;
        if let Some(id) = p.client_ids.get(&req.client_id) {
            return Ok((
                json!({ "id": id, "count": p.notes.len(), "repeat": true }),
                None,
            ));
        }
        while p
            .recent
            .front()
            .is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(60))
        {
            p.recent.pop_front();
        }
        if p.recent.len() >= per_minute {
            let message = format!(
                "That is {per_minute} notes in a minute. Wait a moment, then send it again."
            );
            return Err(Refusal::new(429, "too_many_notes", message));
        }
        p.recent.push_back(now);
        p.client_ids.insert(req.client_id.clone(), next);
        p.notes.insert(next, text.clone());
        let count = p.notes.len();
        self.next_note += 1;
        let event = RoomEvent::NoteAdded {
            phone,
            note: next,
            text,
            phase,
        };
        Ok((json!({ "id": next, "count": count }), Some(event)))
    }

    /// Changes the text of one of `phone`'s own notes.
    pub fn edit_note(
        &mut self,
        phone: PhoneId,
        note: RoomNoteId,
        req: &EditRequest,
    ) -> Result<(Value, RoomEvent), Refusal> {
        self.capture_open()?;
        let text = self.note_text(&req.text)?;
        let p = self.phone_mut(phone)?;
        let Some(slot) = p.notes.get_mut(&note) else {
            return Err(not_your_note());
        };
        slot.clone_from(&text);
        Ok((
            json!({ "id": note }),
            RoomEvent::NoteEdited { phone, note, text },
        ))
    }

    /// Deletes one of `phone`'s own notes.
    pub fn delete_note(
        &mut self,
        phone: PhoneId,
        note: RoomNoteId,
    ) -> Result<(Value, RoomEvent), Refusal> {
        self.capture_open()?;
        let p = self.phone_mut(phone)?;
        if p.notes.remove(&note).is_none() {
            return Err(not_your_note());
        }
        Ok((
            json!({ "count": p.notes.len() }),
            RoomEvent::NoteDeleted { phone, note },
        ))
    }

    /// Casts `phone`'s ballot: the vote must be the open one, this phone must not have voted in
    /// it, options must exist, each within the per-option cap and all within the budget.
    pub fn cast_ballot(
        &mut self,
        phone: PhoneId,
        req: &BallotRequest,
    ) -> Result<(Value, RoomEvent), Refusal> {
        let Some(vote) = self.view.vote.as_ref().filter(|v| v.id == req.vote) else {
            return Err(Refusal::new(
                409,
                "vote_closed",
                "This vote is closed or has changed. Look at the screen.",
            ));
        };
        let mut dots: BTreeMap<u64, u32> = BTreeMap::new();
        for line in &req.dots {
            if !vote.options.iter().any(|o| o.id == line.option) {
                return Err(Refusal::new(
                    422,
                    "unknown_option",
                    "The ballot names an option that is not in this vote.",
                ));
            }
            if dots.insert(line.option, line.dots).is_some() {
                return Err(Refusal::new(
                    422,
                    "option_twice",
                    "The ballot names one option twice.",
                ));
            }
            if line.dots > vote.per_option_cap {
                let message = format!("At most {} dots may go on one option.", vote.per_option_cap);
                return Err(Refusal::new(422, "over_option_cap", message));
            }
        }
        let spent: u64 = dots.values().map(|d| u64::from(*d)).sum();
        if spent > u64::from(vote.budget) {
            let message = format!("You placed {spent} dots but have {} to give.", vote.budget);
            return Err(Refusal::new(422, "over_budget", message));
        }
        if spent == 0 {
            return Err(Refusal::new(
                422,
                "empty_ballot",
                "Place at least one dot before you confirm.",
            ));
        }
        let vote_id = vote.id;
        let p = self.phone_mut(phone)?;
        if p.ballots.contains_key(&vote_id) {
            return Err(Refusal::new(
                409,
                "ballot_already_in",
                "Your ballot for this vote is already in.",
            ));
        }
        let dots: Vec<(u64, u32)> = dots.into_iter().filter(|(_, d)| *d > 0).collect();
        p.ballots.insert(vote_id, dots.clone());
        Ok((
            json!({ "ok": true }),
            RoomEvent::BallotCast {
                phone,
                vote: vote_id,
                dots,
            },
        ))
    }

    /// What `phone` sees: the room's question, its own notes, the open vote with its own ballot,
    /// the ranking once revealed. Never anyone else's notes or dots, never totals before reveal.
    pub fn state_for(&self, phone: PhoneId) -> Result<Value, Refusal> {
        let Some(p) = self.phones.get(&phone) else {
            return Err(Refusal::new(401, "not_joined", "Join the room first."));
        };
        let notes: Vec<Value> = p
            .notes
            .iter()
            .map(|(id, text)| json!({ "id": id, "text": text }))
            .collect();
        let vote = self.view.vote.as_ref().map(|v| {
            let mine = p.ballots.get(&v.id).map(|b| {
                b.iter()
                    .map(|(o, d)| json!({ "option": o, "dots": d }))
                    .collect::<Vec<_>>()
            });
            json!({
                "id": v.id, "question": v.question, "budget": v.budget,
                "cap": v.per_option_cap, "options": v.options, "my_ballot": mine,
            })
        });
        Ok(json!({
            "phase": self.view.phase_name,
            "question": self.view.question,
            "capture_locked": self.view.capture_locked,
            "me": { "phone": phone, "name": p.name, "notes": notes },
            "vote": vote,
            "ranking": self.view.ranking,
        }))
    }
}

/// The refusal for a note id that is not one of this phone's notes.
fn not_your_note() -> Refusal {
    Refusal::new(
        404,
        "no_such_note",
        "That note is not one of yours, or it was deleted.",
    )
}
