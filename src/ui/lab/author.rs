//! Who wrote a note: a small picker, anonymous unless chosen. The capture box uses it for new
//! notes; the selection bar uses it to set or clear the author of notes already on the board.

use crate::model::{NoteId, ParticipantId, Session};

/// A "Written by" picker for new notes; shown only when the session has participants. Returns
/// true when the choice changed (the capture box then takes the keyboard back).
pub fn author_picker_ui(
    ui: &mut egui::Ui,
    session: &Session,
    author: &mut Option<ParticipantId>,
) -> bool {
    let chosen = picker_ui(
        ui,
        session,
        "goldthread.capture.author",
        Some(*author),
        "Written by",
        "Who wrote the note (optional)",
    );
    match chosen {
        Some(choice) if choice != *author => {
            *author = choice;
            true
        }
        _ => false,
    }
}

/// The author picker for the selected notes, shown only when the session has participants.
/// It shows their author when they share one ("Anonymous" for none) and "Several authors"
/// otherwise. Returns the choice when one is made: `Some(None)` makes them anonymous.
pub fn selection_author_ui(
    ui: &mut egui::Ui,
    session: &Session,
    selection: &std::collections::BTreeSet<NoteId>,
) -> Option<Option<ParticipantId>> {
    let mut authors = selection
        .iter()
        .filter_map(|id| session.note(*id))
        .map(|n| n.author);
    let first = authors.next()?;
    let shared = authors.all(|a| a == first).then_some(first);
    let label = if selection.len() == 1 {
        "Author of the selected note"
    } else {
        "Author of the selected notes"
    };
    picker_ui(
        ui,
        session,
        "goldthread.selection.author",
        shared,
        label,
        "Who wrote it; Ctrl+Z undoes a change",
    )
}

/// A combo box of "Anonymous" and every participant. `current` is the choice shown (`None`
/// when the notes have several authors). Returns the entry clicked, if any.
fn picker_ui(
    ui: &mut egui::Ui,
    session: &Session,
    id_salt: &str,
    current: Option<Option<ParticipantId>>,
    label: &str,
    hover: &str,
) -> Option<Option<ParticipantId>> {
    if session.participants.is_empty() {
        return None;
    }
    let shown = match current {
        None => "Several authors".to_owned(),
        // "By …" says what the box is about, beside the colours of the selection bar.
        Some(author) => author
            .and_then(|id| session.participant(id))
            .map_or_else(|| "Anonymous".to_owned(), |p| format!("By {}", p.name)),
    };
    let mut chosen = None;
    let combo = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(shown.as_str())
        .width(180.0)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(current == Some(None), "Anonymous")
                .clicked()
            {
                chosen = Some(None);
            }
            for person in &session.participants {
                let text = if person.service_area.trim().is_empty() {
                    person.name.clone()
                } else {
                    format!("{} ({})", person.name, person.service_area.trim())
                };
                if ui
                    .selectable_label(current == Some(Some(person.id)), text)
                    .clicked()
                {
                    chosen = Some(Some(person.id));
                }
            }
        });
    combo.response.on_hover_text(hover).widget_info(|| {
        // A screen reader reads the choice too: "Written by: Anonymous".
        let mut info = egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label);
        info.current_text_value = Some(shown.clone());
        info
    });
    chosen
}
