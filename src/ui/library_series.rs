//! The library's series: sessions linked by "Follow up…" are shown together under the series'
//! name, first session first, each with its date and open actions; and a right-click on a
//! session offers "Follow up…".

use egui::RichText;

use super::command::Command;
use super::style::{self, Palette};
use crate::storage::LibraryEntry;
use crate::storage::series::{group_series, series_name};

/// One row of the library: a session, the series heading to draw above it, and whether it
/// belongs to a series of more than one.
#[derive(Debug)]
pub struct Row<'a> {
    /// The session file.
    pub entry: &'a LibraryEntry,
    /// The series' name, above the first session of a series of two or more.
    pub heading: Option<String>,
    /// Part of a series of two or more (drawn indented under its heading).
    pub in_series: bool,
}

/// The rows in library order, with each series together.
pub fn series_rows<'a>(shown: &[&'a LibraryEntry]) -> Vec<Row<'a>> {
    let mut rows = Vec::new();
    for members in group_series(shown) {
        let series = members.len() > 1;
        let heading = series.then(|| series_name(&members));
        for (i, entry) in members.into_iter().enumerate() {
            rows.push(Row {
                entry,
                heading: if i == 0 { heading.clone() } else { None },
                in_series: series,
            });
        }
    }
    rows
}

/// Draws `row`'s series heading, if it has one, then the row itself (indented within a
/// series).
pub fn row_ui<R>(
    ui: &mut egui::Ui,
    row: &Row<'_>,
    palette: &Palette,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    if let Some(heading) = &row.heading {
        ui.add_space(style::gap::SMALL);
        ui.label(
            RichText::new(format!("Series: {heading}"))
                .font(style::strong_font(style::text::LEAD))
                .color(palette.accent),
        );
        ui.add_space(style::gap::TINY);
    }
    if !row.in_series {
        return add(ui);
    }
    ui.horizontal(|ui| {
        ui.add_space(style::gap::BIG);
        ui.vertical(|ui| add(ui)).inner
    })
    .inner
}

/// "2 open actions" under a session that has any.
pub fn open_actions_ui(ui: &mut egui::Ui, entry: &LibraryEntry, palette: &Palette) {
    let Some(info) = &entry.series else { return };
    if info.open_actions > 0 {
        ui.label(
            RichText::new(format!(
                "{} open action{}",
                info.open_actions,
                if info.open_actions == 1 { "" } else { "s" }
            ))
            .color(palette.text_muted),
        );
    }
}

/// The right-click menu of a session: Follow up… (Ctrl+Shift+N on the highlighted session).
pub fn entry_menu(response: &egui::Response, entry: &LibraryEntry, commands: &mut Vec<Command>) {
    if entry.series.is_none() {
        return;
    }
    response.context_menu(|ui| {
        if ui
            .button("Follow up…")
            .on_hover_text("A new session that carries the open actions, themes and people")
            .clicked()
        {
            commands.push(Command::FollowUp(entry.path.clone()));
            ui.close();
        }
    });
}
