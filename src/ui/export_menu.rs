//! The File menu's exports beyond the Markdown report: Word, CSV, pictures of the board and
//! the vote chart, JSON Canvas, and "Copy report" (HTML and plain text on the clipboard).

use super::action::{Action, EXPORTS};
use super::command::Command;

/// The export items, each a menu button; `has_session` enables them.
pub fn more_exports_ui(ui: &mut egui::Ui, has_session: bool, commands: &mut Vec<Command>) {
    let exports = EXPORTS[1..].iter().map(|f| Action::Export(*f));
    let items = exports
        .clone()
        .take(2)
        .chain([Action::CopyReport])
        .chain(exports.skip(2));
    for action in items {
        if ui
            .add_enabled(has_session, egui::Button::new(action.label()))
            .clicked()
        {
            commands.push(Command::Action(action));
        }
    }
}
