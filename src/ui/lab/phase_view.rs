//! What the Board tab shows during a phase that is not about notes: the review walk during a
//! follow-up's Review phase, and the scoring during a scored question. A strip at the top
//! switches to the notes board and back, so notes can still be written in those phases.

use crate::ui::frame::FrameCx;
use egui::RichText;

use super::LabState;
use super::review::review_ui;
use super::scores::scores_ui;
use crate::model::lab::PhaseKind;
use crate::ui::command::Command;
use crate::ui::style::Palette;

/// Draws the current phase's own view on the Board tab and returns true, or returns false
/// (after drawing the strip back to the phase's view, if it has one) when the notes board
/// should be drawn instead.
pub fn phase_view_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, state: &mut LabState) -> bool {
    let session = cx.session;
    let palette = cx.palette;
    let Some(phase) = session.lab.current() else {
        return false;
    };
    let what = match &phase.kind {
        PhaseKind::Notes => return false,
        PhaseKind::Review => "the review",
        PhaseKind::Score(_) => "the scores",
    };
    if state.board_in_phase == Some(phase.id) {
        strip_ui(ui, palette, |ui| {
            if ui.button(format!("Back to {what}")).clicked() {
                state.board_in_phase = None;
            }
        });
        return false;
    }
    // Entering the Board shows the review or the scores from their top.
    let to_top = std::mem::take(&mut state.scroll_to_top);
    super::widgets::centred_column_ui(ui, "goldthread.lab.phase_view", to_top, |ui| {
        ui.add_space(crate::ui::style::gap::LARGE);
        ui.horizontal_wrapped(|ui| {
            if ui.button("Show the notes board").clicked() {
                state.board_in_phase = Some(phase.id);
            }
            previous_ui(ui, cx);
        });
        ui.add_space(crate::ui::style::gap::NORMAL);
        match &phase.kind {
            PhaseKind::Review => review_ui(ui, cx, state),
            PhaseKind::Score(scoring) => {
                scores_ui(ui, cx, phase, scoring, state);
            }
            PhaseKind::Notes => {}
        }
        ui.add_space(crate::ui::style::gap::HUGE);
    });
    true
}

/// "Following up “…” of 22 November 2026", with a button that opens it.
fn previous_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>) {
    let session = cx.session;
    let palette = cx.palette;
    let Some(link) = &session.previous else {
        return;
    };
    ui.add_space(crate::ui::style::gap::LARGE);
    ui.label(
        RichText::new(format!(
            "Following up “{}” ({})",
            link.title,
            crate::model::lab::dates::long(link.date)
        ))
        .color(palette.text_muted),
    );
    if ui
        .small_button("Open it")
        .on_hover_text("Found by its id, even if its file was renamed or moved in the library")
        .clicked()
    {
        cx.out
            .commands
            .push(Command::Action(crate::ui::Action::OpenPrevious));
    }
}

/// A thin bar across the top of the board.
fn strip_ui(ui: &mut egui::Ui, palette: &Palette, add: impl FnOnce(&mut egui::Ui)) {
    egui::Frame::NONE
        .fill(palette.surface)
        .inner_margin(egui::Margin::symmetric(16, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new("The notes board").color(palette.text_muted));
                add(ui);
            });
        });
}
