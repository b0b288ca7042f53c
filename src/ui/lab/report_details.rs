//! The report's details on the Plan screen: the purpose line, who facilitated and when the
//! actions are next reviewed. The Word, Markdown and copied reports use them; each change is
//! one undoable edit, and a next review date that does not read stays as typed with a message.

use egui::RichText;

use super::LabState;
use super::fields::{DateChange, Field, FieldLook, date_field_ui, text_field_ui};
use super::widgets::{card_ui, section_ui};
use crate::model::lab::ReportDetails;
use crate::model::{Edit, LabEdit, Session};
use crate::ui::style::{self, Palette};

/// Draws the "Report" section: purpose, facilitator and next review.
pub fn report_details_ui(
    ui: &mut egui::Ui,
    session: &Session,
    state: &mut LabState,
    palette: &Palette,
    edits: &mut Vec<Edit>,
) {
    section_ui(
        ui,
        "Report",
        "What the written report (File → Export report, Copy report) says about this workshop.",
        palette,
    );
    let details = &session.lab.report;
    let set = |edits: &mut Vec<Edit>, changed: ReportDetails| {
        edits.push(Edit::Lab(LabEdit::SetReportDetails(changed)));
    };
    card_ui(ui, palette, |ui| {
        let width = ui.available_width() - style::REPORT_LABEL_WIDTH - 16.0;
        row_ui(ui, "Purpose", palette, |ui| {
            let look = FieldLook::line(
                "Purpose of the workshop",
                "When empty, the report makes it from the vision",
                width.max(200.0),
            );
            let shown = &details.purpose;
            if let Some(text) =
                text_field_ui(ui, &mut state.drafts, Field::ReportPurpose, shown, look)
            {
                let purpose = text.trim().to_owned();
                set(
                    edits,
                    ReportDetails {
                        purpose,
                        ..details.clone()
                    },
                );
            }
        });
        row_ui(ui, "Facilitator", palette, |ui| {
            let look = FieldLook::line("Facilitator's name", "Who ran the workshop", 360.0);
            let shown = &details.facilitator;
            if let Some(text) =
                text_field_ui(ui, &mut state.drafts, Field::ReportFacilitator, shown, look)
            {
                let facilitator = text.trim().to_owned();
                set(
                    edits,
                    ReportDetails {
                        facilitator,
                        ..details.clone()
                    },
                );
            }
        });
        row_ui(ui, "Next review", palette, |ui| {
            let change = date_field_ui(
                ui,
                &mut state.drafts,
                Field::ReportNextReview,
                details.next_review,
                session.date,
                "Next review date",
                200.0,
                palette,
            );
            if let Some(change) = change {
                let next_review = match change {
                    DateChange::Set(d) => Some(d),
                    DateChange::Clear => None,
                };
                set(
                    edits,
                    ReportDetails {
                        next_review,
                        ..details.clone()
                    },
                );
            }
        });
        if details.next_review.is_none() && !state.drafts.has_draft(Field::ReportNextReview) {
            ui.label(
                RichText::new("When empty, the next review is the first action's due date.")
                    .color(palette.text_muted),
            );
        }
    });
}

/// One labelled row of the card: the name on the left, the field after it.
fn row_ui(ui: &mut egui::Ui, name: &str, palette: &Palette, add: impl FnOnce(&mut egui::Ui)) {
    ui.horizontal_top(|ui| {
        let size = egui::vec2(style::REPORT_LABEL_WIDTH, 30.0);
        let layout = egui::Layout::left_to_right(egui::Align::Center);
        ui.allocate_ui_with_layout(size, layout, |ui| {
            ui.set_min_size(size);
            ui.label(RichText::new(name).color(palette.text));
        });
        add(ui);
    });
}
