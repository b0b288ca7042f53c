//! Text being typed and not yet part of the session (the capture box, a note edited in place,
//! a lab field): collected for the recovery copy, counted as unsaved work, and put back where
//! it was typed when a recovery copy is restored.

use super::OpenSession;
use crate::model::NoteId;
use crate::model::lab::{ActionId, OutcomeId};
use crate::model::{ParticipantId, PhaseId};
use crate::storage::recovery::{Drafts, FieldDraft};
use crate::ui::board::canvas::{Capture, NoteEditor};
use crate::ui::lab::fields::Field;

impl OpenSession {
    /// The text being typed now, as the recovery copy keeps it (lab fields sorted).
    pub fn drafts(&self) -> Drafts {
        let capture = self
            .canvas
            .capture
            .as_ref()
            .filter(|c| !c.text.trim().is_empty())
            .map(|c| c.text.clone());
        let note_edit = self
            .canvas
            .editor
            .as_ref()
            .filter(|e| self.session.note(e.id).is_some_and(|n| n.text != e.text))
            .map(|e| (e.id.0, e.text.clone()));
        let mut fields: Vec<FieldDraft> = self
            .lab
            .drafts
            .texts()
            .map(|(field, text)| {
                let (name, id) = field_key(field);
                FieldDraft {
                    field: name.to_owned(),
                    id,
                    text: text.to_owned(),
                }
            })
            .collect();
        fields.sort();
        Drafts {
            capture,
            note_edit,
            fields,
        }
    }

    /// True when there is text typed somewhere that is not yet part of the session.
    pub fn has_drafts(&self) -> bool {
        self.canvas
            .capture
            .as_ref()
            .is_some_and(|c| !c.text.trim().is_empty())
            || self
                .canvas
                .editor
                .as_ref()
                .is_some_and(|e| self.session.note(e.id).is_some_and(|n| n.text != e.text))
            || self.lab.drafts.texts().next().is_some()
    }

    /// True when something would be lost if the app stopped now: changes not in the file, or
    /// text being typed.
    pub fn has_unsaved_work(&self) -> bool {
        self.is_dirty() || self.has_drafts()
    }

    /// True when the top bar and the window title should say "unsaved": there is unsaved work,
    /// or the session exists only in memory (a new session or a follow-up before its first
    /// save), so closing it would lose it.
    pub fn shows_unsaved(&self) -> bool {
        self.has_unsaved_work() || self.path.is_none()
    }

    /// Puts drafts from a recovery copy back where they were typed: the capture box opens with
    /// its text, a note edit reopens on its note, lab fields show their text as typed.
    pub fn restore_drafts(&mut self, drafts: Drafts) {
        if let Some(text) = drafts.capture {
            self.canvas.capture = Some(Capture::new(text));
        }
        if let Some((id, text)) = drafts.note_edit
            && let Some(note) = self.session.note(NoteId(id))
        {
            let mut editor = NoteEditor::new(note);
            editor.text = text;
            // Only one box can have the keys: the capture box, when it is open too.
            editor.focus_pending = self.canvas.capture.is_none();
            self.canvas.editor = Some(editor);
        }
        for draft in drafts.fields {
            if let Some(field) = field_of(&draft.field, draft.id) {
                self.lab.drafts.restore(field, draft.text);
            }
        }
    }
}

/// How a lab field is named in a recovery copy.
fn field_key(field: Field) -> (&'static str, u64) {
    match field {
        Field::Vision => ("Vision", 0),
        Field::OutcomeText(id) => ("OutcomeText", id.0),
        Field::OutcomeDate(id) => ("OutcomeDate", id.0),
        Field::ParticipantName(id) => ("ParticipantName", id.0),
        Field::ParticipantArea(id) => ("ParticipantArea", id.0),
        Field::ParticipantLevel(id) => ("ParticipantLevel", id.0),
        Field::PhaseName(id) => ("PhaseName", id.0),
        Field::PhasePrompt(id) => ("PhasePrompt", id.0),
        Field::PhaseMinutes(id) => ("PhaseMinutes", id.0),
        Field::ActionDescription(id) => ("ActionDescription", id.0),
        Field::ActionOwner(id) => ("ActionOwner", id.0),
        Field::ActionDue(id) => ("ActionDue", id.0),
        Field::ActionProgress(id) => ("ActionProgress", id.0),
        Field::ReviewNote(id) => ("ReviewNote", id.0),
        Field::ReportPurpose => ("ReportPurpose", 0),
        Field::ReportFacilitator => ("ReportFacilitator", 0),
        Field::ReportNextReview => ("ReportNextReview", 0),
    }
}

/// The lab field a recovery copy names; `None` for a name this version does not know.
fn field_of(name: &str, id: u64) -> Option<Field> {
    Some(match name {
        "Vision" => Field::Vision,
        "OutcomeText" => Field::OutcomeText(OutcomeId(id)),
        "OutcomeDate" => Field::OutcomeDate(OutcomeId(id)),
        "ParticipantName" => Field::ParticipantName(ParticipantId(id)),
        "ParticipantArea" => Field::ParticipantArea(ParticipantId(id)),
        "ParticipantLevel" => Field::ParticipantLevel(ParticipantId(id)),
        "PhaseName" => Field::PhaseName(PhaseId(id)),
        "PhasePrompt" => Field::PhasePrompt(PhaseId(id)),
        "PhaseMinutes" => Field::PhaseMinutes(PhaseId(id)),
        "ActionDescription" => Field::ActionDescription(ActionId(id)),
        "ActionOwner" => Field::ActionOwner(ActionId(id)),
        "ActionDue" => Field::ActionDue(ActionId(id)),
        "ActionProgress" => Field::ActionProgress(ActionId(id)),
        "ReviewNote" => Field::ReviewNote(ActionId(id)),
        "ReportPurpose" => Field::ReportPurpose,
        "ReportFacilitator" => Field::ReportFacilitator,
        "ReportNextReview" => Field::ReportNextReview,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lab_field_survives_its_name_in_a_recovery_copy() {
        let fields = [
            Field::Vision,
            Field::OutcomeText(OutcomeId(3)),
            Field::OutcomeDate(OutcomeId(4)),
            Field::ParticipantName(ParticipantId(5)),
            Field::ParticipantArea(ParticipantId(6)),
            Field::ParticipantLevel(ParticipantId(7)),
            Field::PhaseName(PhaseId(8)),
            Field::PhasePrompt(PhaseId(9)),
            Field::PhaseMinutes(PhaseId(10)),
            Field::ActionDescription(ActionId(11)),
            Field::ActionOwner(ActionId(12)),
            Field::ActionDue(ActionId(13)),
            Field::ActionProgress(ActionId(14)),
            Field::ReviewNote(ActionId(15)),
            Field::ReportPurpose,
            Field::ReportFacilitator,
            Field::ReportNextReview,
        ];
        for field in fields {
            let (name, id) = field_key(field);
            assert_eq!(field_of(name, id), Some(field));
        }
        assert_eq!(field_of("FromANewerVersion", 1), None);
    }
}
