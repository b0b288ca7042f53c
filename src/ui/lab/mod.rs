//! The innovation-lab screens around the canvas: vision and outcomes, actions, golden thread.

use super::command::Command;
use super::screen::Screen;
use super::style::Palette;
use crate::model::{Edit, Session};

/// UI state of the lab screens that is not part of the session.
#[derive(Debug, Default)]
pub struct LabState {}

/// Draws one of the lab screens (`Plan`, `Actions` or `Thread`).
pub fn lab_ui(
    ui: &mut egui::Ui,
    screen: Screen,
    session: &Session,
    state: &mut LabState,
    palette: &Palette,
    edits: &mut Vec<Edit>,
    commands: &mut Vec<Command>,
) {
    let _ = (session, state, palette, edits, commands);
    ui.heading(screen.label());
}
