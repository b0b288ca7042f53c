//! What the app tells the room (a [`RoomView`] snapshot) and what the room tells the app
//! ([`RoomEvent`]s). Plain data: no session, no egui, so a secret total cannot leak by accident.

use serde::Serialize;

/// A joined phone's identity for this opening of the room (numbers start at 1 each time).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct PhoneId(pub u32);

/// A note written on a phone: unique for this opening of the room, shared by its add, edit and
/// delete events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct RoomNoteId(pub u64);

/// Everything phones may see, published by the UI thread with [`super::Room::publish`].
///
/// The room never holds the session: only this snapshot. Totals reach it only as
/// [`RoomView::ranking`], which the app fills after the reveal.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RoomView {
    /// A key the app chooses for the current phase; every [`RoomEvent::NoteAdded`] carries the key
    /// that was current when the note arrived.
    #[serde(skip)]
    pub phase_key: String,
    /// The current phase's name, shown above the question ("Ideas").
    pub phase_name: String,
    /// The current phase's question ("What would make the front desk easier?").
    pub question: String,
    /// When true, phones can no longer add, edit or delete notes.
    pub capture_locked: bool,
    /// The session's service areas a phone may choose from when joining.
    pub areas: Vec<String>,
    /// The levels a phone may choose from when joining ("Front line", "Manager").
    pub levels: Vec<String>,
    /// The vote open to phones, if any.
    pub vote: Option<RoomVote>,
    /// The ranking of a revealed vote; `None` until the facilitator reveals.
    pub ranking: Option<RoomRanking>,
}

/// A vote open to phones: what they may choose from, never what others chose.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomVote {
    /// The app's id for the vote round; ballots name it, so a ballot for a closed vote is refused.
    pub id: u64,
    /// The question people vote on.
    pub question: String,
    /// The options, in the order the app shows them.
    pub options: Vec<RoomOption>,
    /// Dots each person may place in all.
    pub budget: u32,
    /// Dots each person may place on one option.
    pub per_option_cap: u32,
}

/// One option of a [`RoomVote`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomOption {
    /// The app's id for the option (a theme or an outcome).
    pub id: u64,
    /// Its label.
    pub label: String,
    /// The texts of the theme's notes, shown on demand.
    pub notes: Vec<String>,
}

/// A revealed vote, best first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomRanking {
    /// The question that was voted on.
    pub question: String,
    /// The options with their dots, in the order the projector shows them.
    pub rows: Vec<RankedOption>,
}

/// One row of a [`RoomRanking`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RankedOption {
    /// The option's label.
    pub label: String,
    /// Its dots in all.
    pub dots: u32,
}

/// Something a phone did, drained by the UI thread with [`super::Room::poll`].
#[derive(Clone, Debug, PartialEq)]
pub enum RoomEvent {
    /// A phone joined the room.
    PhoneJoined {
        /// Its id.
        phone: PhoneId,
        /// The name typed, or "Anonymous N".
        name: String,
        /// True when no name was typed.
        anonymous: bool,
        /// The service area chosen from [`RoomView::areas`], if any.
        area: Option<String>,
        /// The level chosen from [`RoomView::levels`], if any.
        level: Option<String>,
    },
    /// A phone added a note.
    NoteAdded {
        /// Who wrote it.
        phone: PhoneId,
        /// The note's room id (for later edits and deletes).
        note: RoomNoteId,
        /// The text, cleaned (see [`super::text::clean_note`]).
        text: String,
        /// [`RoomView::phase_key`] when the note arrived.
        phase: String,
    },
    /// A phone changed the text of one of its notes.
    NoteEdited {
        /// Who wrote it.
        phone: PhoneId,
        /// Which note.
        note: RoomNoteId,
        /// The new text, cleaned.
        text: String,
    },
    /// A phone deleted one of its notes.
    NoteDeleted {
        /// Who wrote it.
        phone: PhoneId,
        /// Which note.
        note: RoomNoteId,
    },
    /// A phone cast its ballot (once per phone per vote).
    BallotCast {
        /// Who voted.
        phone: PhoneId,
        /// [`RoomVote::id`].
        vote: u64,
        /// Dots per option id, sorted by option id, each above zero.
        dots: Vec<(u64, u32)>,
    },
    /// A phone left the room by itself ("Leave" on the page).
    PhoneLeft {
        /// Who left.
        phone: PhoneId,
    },
}

/// A joined phone as the facilitator's console lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct PhoneInfo {
    /// Its id.
    pub id: PhoneId,
    /// Name or "Anonymous N".
    pub name: String,
    /// Service area, if chosen.
    pub area: Option<String>,
    /// Level, if chosen.
    pub level: Option<String>,
    /// Notes it holds now (added minus deleted).
    pub notes: usize,
    /// True once it has voted in the vote open now.
    pub voted: bool,
}
