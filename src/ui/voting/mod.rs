//! The voting screen: set up a dot vote, vote in one room on one laptop, reveal the results.

use super::command::Command;
use super::style::Palette;
use crate::model::{Edit, Session};

/// UI state of the voting screen that is not part of the session.
#[derive(Debug, Default)]
pub struct VotingState {}

/// Draws the voting screen.
pub fn voting_ui(
    ui: &mut egui::Ui,
    session: &Session,
    state: &mut VotingState,
    palette: &Palette,
    edits: &mut Vec<Edit>,
    commands: &mut Vec<Command>,
) {
    let _ = (session, state, palette, edits, commands);
    ui.heading("Dot voting");
}
