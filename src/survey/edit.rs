//! The answers chosen from a table, and the one edit that adds them to a session: notes, plus
//! the participants who wrote them (with their service areas, so coverage counts them).

use crate::import::ImportedLine;
use crate::model::{CanvasRect, Edit, Note, NoteColour, Participant, ParticipantId, Session};

use super::{Selection, Table};

/// One answer that becomes a note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// The 1-based line or row it came from.
    pub line: usize,
    /// The note text.
    pub text: String,
    /// Who wrote it, when an author column was chosen and the cell is not blank.
    pub author: Option<String>,
    /// Their service area, when a service-area column was chosen and the cell is not blank.
    pub area: Option<String>,
}

/// The answers taken from a table with a [`Selection`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    /// The non-blank answers, in file order.
    pub answers: Vec<Answer>,
    /// Rows whose note-text cell was blank.
    pub skipped: usize,
}

impl Answers {
    /// Takes the chosen columns from every row; blank answers are counted, not imported.
    pub fn take(table: &Table, selection: &Selection) -> Self {
        let mut out = Self::default();
        let optional = |row: &super::Row, col: Option<usize>| {
            col.map(|c| row.cell(c))
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
        };
        for row in &table.rows {
            let text = row.cell(selection.text);
            if text.is_empty() {
                out.skipped += 1;
                continue;
            }
            out.answers.push(Answer {
                line: row.line,
                text: text.to_owned(),
                author: optional(row, selection.author),
                area: optional(row, selection.area),
            });
        }
        out
    }

    /// The answers as plain lines (for theme suggestions).
    pub fn lines(&self) -> Vec<ImportedLine> {
        self.answers
            .iter()
            .map(|a| ImportedLine {
                line: a.line,
                text: a.text.clone(),
            })
            .collect()
    }

    /// A sentence for the user: "12 notes, 3 blank answers skipped, 4 participants".
    pub fn summary(&self, session: &Session) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = vec![plural(self.answers.len(), "note", "notes")];
        if self.skipped > 0 {
            parts.push(format!(
                "{} skipped",
                plural(self.skipped, "blank answer", "blank answers")
            ));
        }
        let new_people = self.new_participants(session, ParticipantId(0)).len();
        if new_people > 0 {
            parts.push(plural(new_people, "new participant", "new participants"));
        }
        parts.join(", ")
    }

    /// The participants to add: one per author name not already in the session; without an
    /// author column, one per service area ("Housing respondents") so coverage still counts
    /// each area. Ids are numbered from `first`.
    fn new_participants(&self, session: &Session, first: ParticipantId) -> Vec<Participant> {
        let mut out: Vec<Participant> = Vec::new();
        for answer in &self.answers {
            let Some(name) = participant_name(answer) else {
                continue;
            };
            let known = |p: &Participant| p.name.eq_ignore_ascii_case(&name);
            if session.participants.iter().any(known) || out.iter().any(known) {
                continue;
            }
            let mut p = Participant::new(ParticipantId(first.0 + out.len() as u64), name);
            p.service_area = answer.area.clone().unwrap_or_default();
            out.push(p);
        }
        out
    }

    /// The one edit that adds the answers as yellow notes on free cells of `area`, with their
    /// authors as participants: one undo removes the whole import.
    pub fn edit(&self, session: &Session, area: CanvasRect) -> Edit {
        let people = self.new_participants(session, session.next_participant_id());
        let id_of = |name: &str| {
            session
                .participants
                .iter()
                .chain(&people)
                .find(|p| p.name.eq_ignore_ascii_case(name))
                .map(|p| p.id)
        };
        let slots = session.free_note_slots(area, self.answers.len());
        // Ids from the session's counter, or the lowest unused ones when a damaged file has
        // pushed it to the top of the range: every answer gets a note of its own.
        let ids = crate::import::free_note_ids(session, self.answers.len());
        let notes: Vec<Note> = self
            .answers
            .iter()
            .zip(slots)
            .zip(ids)
            .map(|((answer, pos), id)| {
                let mut note = Note::new(id, answer.text.clone(), NoteColour::default(), pos);
                note.author = participant_name(answer).and_then(|n| id_of(&n));
                note
            })
            .collect();
        let base = session.participants.len();
        let mut edits = Vec::new();
        if !people.is_empty() {
            edits.push(Edit::InsertParticipants(
                people
                    .into_iter()
                    .enumerate()
                    .map(|(i, p)| (base + i, p))
                    .collect(),
            ));
        }
        edits.push(Edit::add_notes(session, notes));
        if edits.len() == 1 {
            edits.remove(0)
        } else {
            Edit::Batch(edits)
        }
    }
}

/// The participant an answer belongs to: its author, else "<area> respondents".
fn participant_name(answer: &Answer) -> Option<String> {
    answer
        .author
        .clone()
        .or_else(|| answer.area.as_ref().map(|a| format!("{a} respondents")))
}
