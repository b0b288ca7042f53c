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

/// Draws the keyboard sheet for `screen`, in type large enough for a projector.
pub fn keys_sheet_ui(ui: &mut egui::Ui, screen: Option<Screen>, palette: &Palette) {
    let here = screen.map_or("the session library", Screen::label);
    ui.label(
        RichText::new(format!("Keys for {here}")).font(style::strong_font(style::HELP_TITLE_SIZE)),
    );
    ui.label(RichText::new("Esc closes this sheet.").color(palette.text_muted));
    ui.add_space(style::gap::NORMAL);
    let sections = sheet(ui.ctx(), screen);
    egui::ScrollArea::vertical()
        .max_height(ui.ctx().content_rect().height() - 220.0)
        .show(ui, |ui| {
            ui.columns(2, |columns| {
                for (i, (heading, rows)) in sections.iter().enumerate() {
                    // The screen's own keys on the left, the rest on the right.
                    let ui = &mut columns[usize::from(i > 0)];
                    ui.label(
                        RichText::new(heading)
                            .font(style::strong_font(style::SECTION_FONT_SIZE))
                            .color(palette.accent),
                    );
                    egui::Grid::new(("goldthread.keys", heading))
                        .num_columns(2)
                        .spacing(egui::vec2(16.0, 6.0))
                        .show(ui, |ui| {
                            for (keys, what) in rows {
                                ui.label(
                                    RichText::new(keys)
                                        .font(style::strong_font(style::HELP_KEY_SIZE))
                                        .color(palette.text),
                                );
                                ui.add(
                                    egui::Label::new(
                                        RichText::new(what).size(style::HELP_KEY_SIZE),
                                    )
                                    .wrap(),
                                );
                                ui.end_row();
                            }
                        });
                    ui.add_space(style::gap::LARGE);
                }
            });
        });
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
