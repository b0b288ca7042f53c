//! The File menu's exports beyond the Markdown report: Word, CSV, pictures of the board and
//! the vote chart, JSON Canvas, and "Copy report" (HTML and plain text on the clipboard).

use super::command::Command;
use crate::export::Format;

/// The export items, each a menu button; `has_session` enables them.
pub fn more_exports_ui(ui: &mut egui::Ui, has_session: bool, commands: &mut Vec<Command>) {
    let items = [
        (
            "Export report as Word (.docx)…",
            Command::Export(Format::Docx),
        ),
        (
            "Export report for publication (.docx, no names)…",
            Command::Export(Format::DocxPublic),
        ),
        ("Copy report", Command::CopyReport),
        ("Export notes as CSV…", Command::Export(Format::Csv)),
        ("Export board as PNG…", Command::Export(Format::BoardPng)),
        ("Export board as SVG…", Command::Export(Format::BoardSvg)),
        (
            "Export vote chart as PNG…",
            Command::Export(Format::ChartPng),
        ),
        (
            "Export vote chart as SVG…",
            Command::Export(Format::ChartSvg),
        ),
        ("Export as JSON Canvas…", Command::Export(Format::Canvas)),
    ];
    for (text, command) in items {
        if ui
            .add_enabled(has_session, egui::Button::new(text))
            .clicked()
        {
            commands.push(command);
        }
    }
}
