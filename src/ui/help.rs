//! Help for a newcomer: the keyboard sheet (F1 or ?), the bundled example lab, and where the
//! files are. The sheet is built from [`super::shortcuts`], so it cannot disagree with the keys.

use std::path::{Path, PathBuf};

use egui::RichText;

use super::screen::Screen;
use super::shortcuts;
use super::style::{self, Palette};

/// The example lab, bundled in the binary: a council's digital-strategy workshop.
pub const EXAMPLE_SESSION: &str =
    include_str!("../../sessions/example-council-digital-strategy.ron");

/// The example's file name in the library.
pub const EXAMPLE_FILE_NAME: &str = "example-council-digital-strategy.ron";

/// The sheet's rows for `screen` (`None`: the library): a heading, then (keys, what they do),
/// all from the shortcut registry.
pub fn sheet(ctx: &egui::Context, screen: Option<Screen>) -> Vec<shortcuts::SheetSection> {
    shortcuts::sheet(ctx, screen)
}

/// Draws the keyboard sheet for `screen`, in type large enough for a projector, in three
/// columns that fit a 1280x800 laptop without scrolling (tighter type and spacing there).
pub fn keys_sheet_ui(ui: &mut egui::Ui, screen: Option<Screen>, palette: &Palette) {
    let here = screen.map_or("the session library", Screen::label);
    let compact = ui.ctx().content_rect().height() < style::HELP_COMPACT_BELOW_HEIGHT;
    let (title, key, gap) = if compact {
        (
            style::HELP_TITLE_SIZE_COMPACT,
            style::HELP_KEY_SIZE_COMPACT,
            2.0,
        )
    } else {
        (style::HELP_TITLE_SIZE, style::HELP_KEY_SIZE, 6.0)
    };
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("Keys for {here}")).font(style::strong_font(title)));
        ui.label(RichText::new("Esc closes this sheet.").color(palette.text_muted));
    });
    ui.add_space(gap);
    let sections = sheet(ui.ctx(), screen);
    let columns = balanced_columns(&sections, style::HELP_COLUMNS);
    egui::ScrollArea::vertical()
        .max_height(ui.ctx().content_rect().height() - 130.0)
        .show(ui, |ui| {
            ui.columns(style::HELP_COLUMNS, |uis| {
                for (ui, parts) in uis.iter_mut().zip(&columns) {
                    for (heading, rows) in parts {
                        if let Some(heading) = heading {
                            ui.label(
                                RichText::new(*heading)
                                    .font(style::strong_font(key + 2.0))
                                    .color(palette.accent),
                            );
                        }
                        egui::Grid::new(ui.next_auto_id())
                            .num_columns(2)
                            .spacing(egui::vec2(12.0, gap))
                            .show(ui, |ui| {
                                for (keys, what) in *rows {
                                    ui.label(
                                        RichText::new(keys)
                                            .font(style::strong_font(key))
                                            .color(palette.text),
                                    );
                                    ui.add(egui::Label::new(RichText::new(what).size(key)).wrap());
                                    ui.end_row();
                                }
                            });
                        ui.add_space(gap * 2.0);
                    }
                }
            });
        });
}

/// A part of the sheet in one column: its heading (none where a section goes on from the
/// column before) and its rows.
type SheetPart<'a> = (Option<&'a str>, &'a [(String, String)]);

/// Splits the sheet's sections into `n` columns of about the same number of lines (a heading
/// counts as one), breaking a long section between rows where needed.
pub fn balanced_columns(
    sections: &[(String, Vec<(String, String)>)],
    n: usize,
) -> Vec<Vec<SheetPart<'_>>> {
    let total: usize = sections.iter().map(|(_, rows)| rows.len() + 1).sum();
    let per_column = total.div_ceil(n.max(1)).max(1);
    let mut columns: Vec<Vec<SheetPart<'_>>> = vec![Vec::new(); n.max(1)];
    let (mut column, mut used) = (0, 0);
    for (heading, rows) in sections {
        let mut rest: &[(String, String)] = rows;
        let mut first = true;
        while first || !rest.is_empty() {
            if used >= per_column && column + 1 < columns.len() {
                column += 1;
                used = 0;
            }
            let room = per_column.saturating_sub(used + usize::from(first)).max(1);
            let take = if column + 1 == columns.len() {
                rest.len()
            } else {
                room.min(rest.len())
            };
            let (here, later) = rest.split_at(take);
            columns[column].push((first.then_some(heading.as_str()), here));
            used += take + usize::from(first);
            rest = later;
            first = false;
        }
    }
    columns
}

/// Where Goldthread keeps its files, in plain words, for the Help menu.
pub fn files_text(library: &Path) -> String {
    let recovery = crate::storage::recovery::recovery_dir(library);
    let templates = library.join(crate::storage::TEMPLATES_FOLDER);
    format!(
        "Sessions: {}\n\
         Each session is one .ron file there, readable in any text editor. Backups sit beside \
         each file.\n\n\
         Recovery copies: {}\n\
         Written a second after each change; offered back after a crash.\n\n\
         Your own templates: {}\n\
         Put a template .ron file there and it appears under New session.\n\n\
         Reports and CSV exports go where you choose; the first place offered is your \
         Documents folder.",
        library.display(),
        recovery.display(),
        templates.display()
    )
}

/// Copies the bundled example into `library` (unless a file of that name is already there,
/// which is then opened as it is) and returns its path.
pub fn copy_example(library: &Path) -> Result<PathBuf, String> {
    let path = library.join(EXAMPLE_FILE_NAME);
    if path.exists() {
        return Ok(path);
    }
    std::fs::create_dir_all(library).map_err(|e| crate::storage::describe_io(&e))?;
    crate::storage::write_atomic(&path, EXAMPLE_SESSION.as_bytes())
        .map_err(|e| crate::storage::describe_io(&e))?;
    Ok(path)
}

/// The user's Documents folder, where exports are offered first; the home folder when there
/// is no Documents folder, and the library when there is no home either.
pub fn documents_dir(library: &Path) -> PathBuf {
    let home = std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(PathBuf::from);
    let Some(home) = home else {
        return library.to_owned();
    };
    let documents = home.join("Documents");
    if documents.is_dir() { documents } else { home }
}
