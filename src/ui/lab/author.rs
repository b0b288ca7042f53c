//! Who wrote a note: a small picker in the capture box, anonymous unless chosen.

use crate::model::{ParticipantId, Session};

/// A "Written by" picker; shown only when the session has participants. Returns true when the
/// choice changed (the capture box then takes the keyboard back).
pub fn author_picker_ui(
    ui: &mut egui::Ui,
    session: &Session,
    author: &mut Option<ParticipantId>,
) -> bool {
    if session.participants.is_empty() {
        return false;
    }
    let before = *author;
    let shown = author
        .and_then(|id| session.participant(id))
        .map_or_else(|| "Anonymous".to_owned(), |p| p.name.clone());
    let combo = egui::ComboBox::from_id_salt("goldthread.capture.author")
        .selected_text(shown)
        .width(180.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(author, None, "Anonymous");
            for person in &session.participants {
                let label = if person.service_area.trim().is_empty() {
                    person.name.clone()
                } else {
                    format!("{} ({})", person.name, person.service_area.trim())
                };
                ui.selectable_value(author, Some(person.id), label);
            }
        });
    combo
        .response
        .on_hover_text("Who wrote the note (optional)")
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Written by"));
    *author != before
}
