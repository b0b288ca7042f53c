//! The report's details on the Plan screen: the purpose line, who facilitated and when the
//! actions are next reviewed. The Word, Markdown and copied reports use them; each change is
//! one undoable edit, and a next review date that does not read stays as typed with a message.

use crate::ui::frame::FrameCx;
use egui::RichText;

use super::LabState;
use super::fields::{Field, FieldLook, date_field_ui, text_field_ui};
use super::widgets::{card_ui, section_ui};
use crate::model::lab::ReportDetails;
use crate::model::{Edit, LabEdit};
use crate::ui::style::{self};

/// Draws the "Report" section: purpose, facilitator and next review.
pub fn report_details_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, state: &mut LabState) {
    let session = cx.session;
    let palette = cx.palette;
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
        let wide = (ui.available_width() - style::REPORT_LABEL_WIDTH - 16.0).max(200.0);
        let purpose = FieldLook::line(
            "Purpose of the workshop",
            "When empty, the report makes it from the vision",
            wide,
        );
        let shown = &details.purpose;
        if let Some(purpose) =
            text_row_ui(ui, state, "Purpose", Field::ReportPurpose, shown, purpose)
        {
            set(
                &mut cx.out.edits,
                ReportDetails {
                    purpose,
                    ..details.clone()
                },
            );
        }
        let facilitator = FieldLook::line("Facilitator's name", "Who ran the workshop", 360.0);
        let shown = &details.facilitator;
        let field = Field::ReportFacilitator;
        if let Some(facilitator) = text_row_ui(ui, state, "Facilitator", field, shown, facilitator)
        {
            set(
                &mut cx.out.edits,
                ReportDetails {
                    facilitator,
                    ..details.clone()
                },
            );
        }
        row_ui(ui, "Next review", |ui| {
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
                let next_review = change.date();
                set(
                    &mut cx.out.edits,
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

/// A labelled one-line text row; returns the new text, trimmed, when the user finished
/// changing it.
fn text_row_ui(
    ui: &mut egui::Ui,
    state: &mut LabState,
    name: &str,
    field: Field,
    current: &str,
    look: FieldLook<'_>,
) -> Option<String> {
    let mut typed = None;
    row_ui(ui, name, |ui| {
        typed = text_field_ui(ui, &mut state.drafts, field, current, look);
    });
    typed.map(|t| t.trim().to_owned())
}

/// One labelled row of the card: the name on the left, the field after it.
fn row_ui(ui: &mut egui::Ui, name: &str, add: impl FnOnce(&mut egui::Ui)) {
    ui.horizontal_top(|ui| {
        let size = egui::vec2(style::REPORT_LABEL_WIDTH, 30.0);
        let layout = egui::Layout::left_to_right(egui::Align::Center);
        ui.allocate_ui_with_layout(size, layout, |ui| {
            ui.set_min_size(size);
            ui.label(name);
        });
        add(ui);
    });
}
