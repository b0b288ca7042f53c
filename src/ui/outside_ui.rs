//! The question asked when another program changed the open session's file: nothing was
//! overwritten, the other version is kept as a backup, and the user chooses what to keep.

use egui::RichText;

use super::style::Palette;
use super::widgets::primary_button;

/// What to do about a file another program changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutsideChoice {
    /// Save this version over it; the other version stays as a backup.
    KeepMine,
    /// Drop this version's unsaved changes and open the file as it is now.
    ReloadTheirs,
    /// Save this version as a new file beside it, keeping the other version in the file.
    SeeBoth,
    /// Decide at the next save.
    Later,
}

/// The body of the "changed by another program" prompt; returns the user's choice.
pub fn changed_outside_ui(
    ui: &mut egui::Ui,
    path: &std::path::Path,
    backup: Option<&std::path::Path>,
    confirm_reload: &mut bool,
    palette: &Palette,
) -> Option<OutsideChoice> {
    let mut choice = None;
    let name = super::widgets::file_name_of(path);
    ui.heading(format!("{name} was changed by another program"));
    ui.add_space(crate::ui::style::gap::SMALL);
    let kept = backup.map_or_else(
        || "It has not been overwritten.".to_owned(),
        |b| {
            format!(
                "It has not been overwritten, and its version is kept as a backup:\n{}",
                beside(path, b).display()
            )
        },
    );
    ui.add(
        egui::Label::new(format!(
            "Since you opened it, something else wrote this file: another Goldthread, \
             goldthread import-notes, an editor or a sync client. {kept}\n\nWhich version \
             should the file hold?"
        ))
        .wrap(),
    );
    ui.add_space(crate::ui::style::gap::LARGE);
    ui.horizontal_wrapped(|ui| {
        let pick = Some;
        if primary_button(ui, "Keep mine", palette)
            .on_hover_text("Save your version over it; the other version stays as a backup")
            .clicked()
        {
            choice = pick(OutsideChoice::KeepMine);
        }
        if ui
            .button("See both")
            .on_hover_text(
                "Save your version as a new file beside it; the other version stays in the file",
            )
            .clicked()
        {
            choice = pick(OutsideChoice::SeeBoth);
        }
        let text = if *confirm_reload {
            "Click again to drop your changes"
        } else {
            "Reload theirs"
        };
        if ui
            .add(egui::Button::new(RichText::new(text).color(palette.danger)))
            .on_hover_text("Open the file as it is now; your unsaved changes are dropped")
            .clicked()
        {
            if *confirm_reload {
                choice = pick(OutsideChoice::ReloadTheirs);
            } else {
                *confirm_reload = true;
            }
        }
        if ui.button("Decide later").on_hover_text("Esc").clicked() {
            choice = pick(OutsideChoice::Later);
        }
    });
    choice
}

/// `backup` as seen from the session file's folder (`backups/council/council ….ron`).
pub fn beside<'a>(path: &std::path::Path, backup: &'a std::path::Path) -> &'a std::path::Path {
    path.parent()
        .and_then(|dir| backup.strip_prefix(dir).ok())
        .unwrap_or(backup)
}
