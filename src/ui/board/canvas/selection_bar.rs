//! The bar over the canvas while notes are selected: colour palette, who wrote them (when the
//! session has participants), edit and delete, for facilitators who use the mouse. Colour,
//! edit and delete also have keys (Ctrl+1..6, F2, Delete).

use crate::ui::frame::FrameCx;
use egui::{Align2, RichText};

use super::{BoardState, NoteEditor};
use crate::model::{Edit, LabEdit, NoteColour, ParticipantId, Session};
use crate::ui::action::Action;
use crate::ui::widgets::swatch;

/// Shows the selection bar at the top of the canvas when notes are selected.
pub fn selection_bar_ui(
    ui: &egui::Ui,
    cx: &mut FrameCx<'_>,
    state: &mut BoardState,
    screen: egui::Rect,
) {
    let session = cx.session;
    let palette = cx.palette;
    if state.selection.is_empty()
        || state.confirm_delete.is_some()
        || state.editor.is_some()
        || state.theme_rename.is_some()
        || state.gesture != super::Gesture::None
    {
        return;
    }
    let n = state.selection.len();
    egui::Area::new(egui::Id::unique("goldthread.selection-bar"))
        .order(egui::Order::Foreground)
        .pivot(Align2::CENTER_TOP)
        .fixed_pos(egui::pos2(screen.center().x, screen.min.y + 12.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style())
                .fill(palette.surface)
                .stroke(egui::Stroke::new(1.5, palette.border))
                .inner_margin(egui::Margin::symmetric(14, 8))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(format!("{n} selected")).strong());
                        ui.separator();
                        let current = single_colour(session, state);
                        for colour in NoteColour::ALL {
                            if swatch(ui, colour, current == Some(colour), palette)
                                .on_hover_text(Action::Colour(colour).hover_text(ui.ctx()))
                                .clicked()
                            {
                                cx.out.edits.push(Edit::SetColours(
                                    state.selection.iter().map(|id| (*id, colour)).collect(),
                                ));
                            }
                        }
                        ui.separator();
                        if let Some(author) =
                            crate::ui::lab::selection_author_ui(ui, session, &state.selection)
                        {
                            cx.out.edits.push(set_authors(session, state, author));
                            state.focus_requested = true;
                        }
                        if n == 1
                            && ui
                                .button("Edit text")
                                .on_hover_text(format!(
                                    "{} or double-click",
                                    Action::EditNote.keys_text(ui.ctx())
                                ))
                                .clicked()
                            && let Some(note) =
                                state.selection.first().and_then(|id| session.note(*id))
                        {
                            state.editor = Some(NoteEditor::new(note));
                        }
                        let make = Action::MakeTheme;
                        if ui
                            .button(make.label())
                            .on_hover_text(format!(
                                "{}; then 1–9 sends notes to a theme, 0 takes them out",
                                make.keys_text(ui.ctx())
                            ))
                            .clicked()
                        {
                            state.queued_actions.push(make);
                            ui.ctx().request_repaint();
                        }
                        if ui
                            .button("Delete")
                            .on_hover_text("Delete key; Ctrl+Z brings it back")
                            .clicked()
                        {
                            // Asks first when a selected note has dots in a vote.
                            super::confirm::delete_selection(cx, state);
                        }
                    });
                });
        });
}

/// The colour shared by every selected note, if they share one.
fn single_colour(session: &Session, state: &BoardState) -> Option<NoteColour> {
    let mut colours = state
        .selection
        .iter()
        .filter_map(|id| session.note(*id))
        .map(|n| n.colour);
    let first = colours.next()?;
    colours.all(|c| c == first).then_some(first)
}

/// The edit that gives every selected note `author` (`None`: anonymous), as one undo step.
/// Notes that already have that author are left out, so the step undoes only real changes.
fn set_authors(session: &Session, state: &BoardState, author: Option<ParticipantId>) -> Edit {
    Edit::Lab(LabEdit::SetNoteAuthors(
        state
            .selection
            .iter()
            .filter_map(|id| session.note(*id))
            .filter(|n| n.author != author)
            .map(|n| (n.id, author))
            .collect(),
    ))
}
