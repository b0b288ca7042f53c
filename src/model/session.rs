//! The workshop session: what is saved to and loaded from a session file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::followup::PreviousSession;
use super::repair_log::RepairKind;
use super::{CanvasPos, CanvasRect, Lab, Note, NoteId, Participant, ParticipantId, Theme, Voting};

/// Where the canvas camera looks: the canvas point at the centre of the screen, and the zoom.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct View {
    /// The canvas point shown at the centre of the canvas area.
    pub center: CanvasPos,
    /// Screen points per canvas unit.
    pub zoom: f32,
}

impl Default for View {
    fn default() -> Self {
        Self {
            center: CanvasPos::new(600.0, 350.0),
            zoom: 1.0,
        }
    }
}

/// One workshop: its title, date, notes and the last view of the canvas.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The title shown in the library and the window title.
    pub title: String,
    /// The day of the workshop.
    pub date: NaiveDate,
    /// The canvas view when the session was last saved.
    #[serde(default)]
    pub view: View,
    /// The notes, in drawing order (later notes are drawn on top).
    #[serde(default)]
    pub notes: Vec<Note>,
    /// The id the next new note gets.
    #[serde(default)]
    next_note_id: u64,
    /// The themes, in list order (the order of the 1–9 keys).
    #[serde(default)]
    pub themes: Vec<Theme>,
    /// The id the next new theme gets.
    #[serde(default)]
    pub(crate) next_theme_id: u64,
    /// The people taking part, in the order they were added.
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// The id the next new participant gets.
    #[serde(default)]
    pub(crate) next_participant_id: u64,
    /// Every dot vote of the session.
    #[serde(default)]
    pub voting: Voting,
    /// The agenda, vision, outcomes and actions.
    #[serde(default)]
    pub lab: Lab,
    /// A stable identity that survives renames and moves of the file: how a follow-up finds
    /// the session it follows, and how the library groups a series.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// The session this one follows up, with what it carried.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<PreviousSession>,
}

impl Session {
    /// An empty session.
    pub fn new(title: impl Into<String>, date: NaiveDate) -> Self {
        Self {
            title: title.into(),
            date,
            view: View::default(),
            notes: Vec::new(),
            next_note_id: 1,
            themes: Vec::new(),
            next_theme_id: 1,
            participants: Vec::new(),
            next_participant_id: 1,
            voting: Voting::default(),
            lab: Lab::default(),
            id: String::new(),
            previous: None,
        }
    }

    /// The default title for a session on `date`, e.g. "Innovation lab 2026-11-22".
    pub fn default_title(date: NaiveDate) -> String {
        format!("Innovation lab {}", date.format("%Y-%m-%d"))
    }

    /// The id the next note will get. Several notes made at once take consecutive ids from here.
    pub fn next_note_id(&self) -> NoteId {
        NoteId(self.next_note_id)
    }

    /// The note with this id.
    pub fn note(&self, id: NoteId) -> Option<&Note> {
        self.note_index(id).map(|i| &self.notes[i])
    }

    /// Where the note with this id is in `notes`.
    pub fn note_index(&self, id: NoteId) -> Option<usize> {
        self.notes.iter().position(|n| n.id == id)
    }

    /// The id the next participant will get.
    pub fn next_participant_id(&self) -> ParticipantId {
        ParticipantId(self.next_participant_id.max(1))
    }

    /// The participant with this id.
    pub fn participant(&self, id: ParticipantId) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    /// The area covering every note, if there are any.
    pub fn bounds(&self) -> Option<CanvasRect> {
        self.notes.iter().map(Note::rect).reduce(CanvasRect::union)
    }

    /// Makes sure ids stay unique and that the next id is past every used one.
    /// Called after loading and after inserting notes.
    pub(crate) fn bump_next_note_id(&mut self, used: NoteId) {
        self.next_note_id = self.next_note_id.max(used.0.saturating_add(1));
    }

    /// Repairs what a hand-edited or damaged file may contain, returning sentences about the
    /// repairs (a summary and a few examples when there are many of one kind): duplicate note
    /// ids get fresh ones, impossible positions move to the origin, a zoom out of range is
    /// reset, themes spread absurdly far are gathered, and the id counters move past every id
    /// in use. Linear in the size of the session, whatever the damage.
    pub fn repair(&mut self) -> Vec<String> {
        let mut warnings = self.repair_notes();
        if !self.view.zoom.is_finite()
            || !(0.01..=100.0).contains(&self.view.zoom)
            || !self.view.center.is_plausible()
        {
            warnings.push("The saved view was out of range and was reset.".to_owned());
            self.view = View::default();
        }
        warnings.extend(self.repair_themes());
        let max_participant = self.participants.iter().map(|p| p.id.0).max().unwrap_or(0);
        self.next_participant_id = self
            .next_participant_id
            .max(max_participant.saturating_add(1));
        warnings.extend(super::vote::repair(self));
        warnings.extend(self.lab.repair());
        warnings
    }

    /// Gives duplicate note ids fresh ones and moves notes at impossible positions to the origin.
    fn repair_notes(&mut self) -> Vec<String> {
        let max_id = self.notes.iter().map(|n| n.id.0).max().unwrap_or(0);
        self.next_note_id = self.next_note_id.max(max_id.saturating_add(1));
        let mut in_use: std::collections::HashSet<u64> =
            self.notes.iter().map(|n| n.id.0).collect();
        let mut seen = std::collections::HashSet::new();
        let (mut renumbered, mut moved) = (RepairKind::default(), RepairKind::default());
        // Where the search for a free id below the counter goes on from (it only moves up).
        let mut low = 1;
        for i in 0..self.notes.len() {
            if !seen.insert(self.notes[i].id) {
                // The counter is normally free, but a damaged file can push it to the top of
                // the id range: then take the lowest unused id rather than overflowing.
                let fresh = (self.next_note_id..=u64::MAX)
                    .find(|id| !in_use.contains(id))
                    .or_else(|| (low..self.next_note_id).find(|id| !in_use.contains(id)));
                let Some(fresh) = fresh else { continue };
                if fresh < self.next_note_id {
                    low = fresh + 1;
                }
                in_use.insert(fresh);
                self.next_note_id = self.next_note_id.max(fresh.saturating_add(1));
                let old = self.notes[i].id.0;
                renumbered
                    .add(|| format!("Two notes shared id {old}; the second was given id {fresh}."));
                self.notes[i].id = NoteId(fresh);
                seen.insert(NoteId(fresh));
            }
            let note = &mut self.notes[i];
            if !note.pos.is_plausible() {
                let id = note.id.0;
                moved.add(|| {
                    format!("Note {id} had an impossible position and was moved to the top left.")
                });
                note.pos = CanvasPos::default();
            }
        }
        let mut warnings =
            renumbered.sentences(|n| format!("{n} duplicate note ids were renumbered."));
        warnings.extend(moved.sentences(|n| {
            format!("{n} notes had impossible positions and were moved to the top left.")
        }));
        warnings
    }
}
