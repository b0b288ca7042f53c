//! An action's progress on the Actions tab: its status, a short progress note, the date it was
//! last updated and an overdue flag. Each change is one undoable edit.

use crate::ui::frame::FrameCx;
use egui::RichText;

use super::LabState;
use super::fields::{Field, FieldLook, text_field_ui};
use crate::model::lab::dates::long;
use crate::model::lab::{Action, ActionStatus};
use crate::model::{Edit, LabEdit};
use crate::ui::style::{self, Palette};

/// The status, progress note, last update and overdue flag of action `number`.
pub fn action_status_ui(
    ui: &mut egui::Ui,
    action: &Action,
    number: usize,
    state: &mut LabState,
    cx: &mut FrameCx<'_>,
) {
    let palette = cx.palette;
    let today = state.today;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Status").color(palette.text_muted));
        let mut chosen = None;
        let combo = egui::ComboBox::from_id_salt(("goldthread.action.status", action.id))
            .selected_text(
                RichText::new(action.status.label())
                    .strong()
                    .color(style::status_colour(palette, action.status)),
            )
            .width(130.0)
            .show_ui(ui, |ui| {
                for status in ActionStatus::ALL {
                    if ui
                        .selectable_label(action.status == status, status.label())
                        .clicked()
                    {
                        chosen = Some(status);
                    }
                }
            });
        let name = format!("Status of action {number}");
        combo
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
        if let Some(status) = chosen.filter(|s| *s != action.status) {
            cx.out.edits.push(Edit::Lab(LabEdit::UpdateAction(
                action.with_status(status, today),
            )));
        }
        let label = format!("Progress of action {number}");
        if let Some(note) = text_field_ui(
            ui,
            &mut state.drafts,
            Field::ActionProgress(action.id),
            &action.progress,
            FieldLook::line(&label, "Progress so far", 260.0),
        ) && note.trim() != action.progress
        {
            cx.out.edits.push(Edit::Lab(LabEdit::UpdateAction(
                action.with_progress(&note, today),
            )));
        }
        if let Some(updated) = action.updated {
            ui.label(RichText::new(format!("updated {}", long(updated))).color(palette.text_muted));
        }
        if action.is_overdue(today) {
            overdue_badge_ui(ui, palette);
        }
    });
}

/// A red "Overdue" badge.
pub fn overdue_badge_ui(ui: &mut egui::Ui, palette: &Palette) {
    ui.label(
        RichText::new(" Overdue ")
            .strong()
            .color(palette.on_accent)
            .background_color(palette.danger),
    );
}
