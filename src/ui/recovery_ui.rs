//! The safety prompts: the offer to restore each recovery copy left by a crash (at start, and
//! when its session is opened, until the user decides); when a session is open in another
//! Goldthread, the offer to open it read-only (or, when that cannot be confirmed, anyway); and
//! the choice about a file another program changed. Nothing is deleted, opened or overwritten
//! without the user's choice.

use std::path::PathBuf;

use egui::{Id, RichText};

use super::style::{self, Palette};
pub(crate) use super::widgets::file_name_of;
use super::widgets::primary_button;
use crate::storage::lock::LockOwner;
use crate::storage::recovery::RecoveryCopy;
use crate::storage::{DiskStamp, Loaded};

/// A safety question on top of everything.
#[derive(Debug)]
pub enum SafetyPrompt {
    /// Recovery copies newer than their files were found at start.
    Recover {
        /// The copies, newest first.
        copies: Vec<RecoveryCopy>,
        /// The copy whose Discard was clicked once and now asks to be clicked again.
        confirm_discard: Option<usize>,
    },
    /// The file is open in another running Goldthread, or its lock file says so.
    Locked {
        /// The session file.
        path: PathBuf,
        /// Who has it open.
        owner: LockOwner,
        /// The operating system confirms the holder is running; when not, "Open anyway" is
        /// offered behind a confirmation.
        confirmed: bool,
        /// "Open anyway" was clicked once and now asks to be clicked again.
        confirm_anyway: bool,
        /// The file as read.
        stamp: Option<DiskStamp>,
        /// The session as read, for opening read-only.
        loaded: Box<Loaded>,
    },
    /// Another program changed the open session's file; nothing was overwritten.
    ChangedOutside {
        /// The session file.
        path: PathBuf,
        /// The backup holding the other program's version.
        backup: Option<PathBuf>,
        /// The file as found.
        found: Option<DiskStamp>,
        /// "Reload theirs" was clicked once and now asks to be clicked again.
        confirm_reload: bool,
    },
}

pub use super::outside_ui::OutsideChoice;

/// What the user chose.
#[derive(Clone, Debug, PartialEq)]
pub enum SafetyChoice {
    /// Open this recovery copy as the session, with its changes unsaved.
    Restore(RecoveryCopy),
    /// Delete this recovery copy.
    Discard(RecoveryCopy),
    /// Keep the copies and decide at the next start.
    Later,
    /// Open the locked file read-only.
    OpenReadOnly,
    /// Open the file for writing although its lock file names a holder (confirmed twice).
    OpenAnyway,
    /// The choice about a file another program changed.
    Outside(OutsideChoice),
    /// Do not open the locked file.
    Cancel,
}

/// Shows the prompt; returns the user's choice, or `None` while it stays open.
pub fn safety_prompt_ui(
    ctx: &egui::Context,
    prompt: &mut SafetyPrompt,
    palette: &Palette,
) -> Option<SafetyChoice> {
    // Enter takes the safe default where there is one; Esc never deletes anything.
    let (enter, escape) = ctx.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
            i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
        )
    });
    match prompt {
        SafetyPrompt::Locked { .. } if enter => return Some(SafetyChoice::OpenReadOnly),
        SafetyPrompt::Locked { .. } if escape => return Some(SafetyChoice::Cancel),
        SafetyPrompt::ChangedOutside { .. } if escape => {
            return Some(SafetyChoice::Outside(OutsideChoice::Later));
        }
        SafetyPrompt::Recover { .. } if escape => return Some(SafetyChoice::Later),
        _ => {}
    }
    let id = Id::unique("goldthread.safety");
    let width = style::SAFETY_DIALOG_WIDTH;
    let (choice, _) = super::modal::modal_ui(ctx, id, palette, width, |ui| match prompt {
        SafetyPrompt::Recover {
            copies,
            confirm_discard,
        } => recover_ui(ui, copies, confirm_discard, palette),
        SafetyPrompt::Locked {
            path,
            owner,
            confirmed,
            confirm_anyway,
            ..
        } => locked_ui(ui, path, owner, (*confirmed, confirm_anyway), palette),
        SafetyPrompt::ChangedOutside {
            path,
            backup,
            confirm_reload,
            ..
        } => super::outside_ui::changed_outside_ui(
            ui,
            path,
            backup.as_deref(),
            confirm_reload,
            palette,
        )
        .map(SafetyChoice::Outside),
    });
    choice
}

fn recover_ui(
    ui: &mut egui::Ui,
    copies: &[RecoveryCopy],
    confirm_discard: &mut Option<usize>,
    palette: &Palette,
) -> Option<SafetyChoice> {
    let mut choice = None;
    ui.heading("Restore unsaved work?");
    ui.add_space(style::gap::SMALL);
    ui.add(
        egui::Label::new(if copies.len() == 1 {
            "Goldthread closed before this session was saved. A recovery copy holds the work up \
             to a second or two before it closed."
                .to_owned()
        } else {
            format!(
                "Goldthread closed before these {} sessions were saved. Each recovery copy holds \
                 the work up to a second or two before it closed.",
                copies.len()
            )
        })
        .wrap(),
    );
    ui.add_space(style::gap::LARGE);
    egui::ScrollArea::vertical()
        .max_height(style::SAFETY_LIST_MAX_HEIGHT)
        .show(ui, |ui| {
            for (i, copy) in copies.iter().enumerate() {
                egui::Frame::NONE
                    .fill(palette.surface_raised)
                    .stroke(egui::Stroke::new(1.0, palette.border))
                    .corner_radius(style::ROUNDING)
                    .inner_margin(12)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(
                            RichText::new(&copy.title)
                                .strong()
                                .size(style::SAFETY_TITLE_SIZE),
                        );
                        ui.label(RichText::new(describe_copy(copy)).color(palette.text_muted));
                        ui.add_space(style::gap::SMALL);
                        ui.horizontal(|ui| {
                            let restore = primary_button(ui, "Restore", palette);
                            restore.widget_info(|| {
                                egui::WidgetInfo::labeled(
                                    egui::Role::Button,
                                    true,
                                    format!("Restore {}", copy.title),
                                )
                            });
                            if restore.clicked() {
                                choice = Some(SafetyChoice::Restore(copy.clone()));
                            }
                            let confirming = *confirm_discard == Some(i);
                            let text = if confirming {
                                "Click again to delete this copy"
                            } else {
                                "Discard"
                            };
                            let discard = ui
                                .add(egui::Button::new(RichText::new(text).color(palette.danger)));
                            discard.widget_info(|| {
                                egui::WidgetInfo::labeled(
                                    egui::Role::Button,
                                    true,
                                    format!("{text}: {}", copy.title),
                                )
                            });
                            if discard.clicked() {
                                if confirming {
                                    choice = Some(SafetyChoice::Discard(copy.clone()));
                                } else {
                                    *confirm_discard = Some(i);
                                }
                            }
                        });
                    });
                ui.add_space(style::gap::NORMAL);
            }
        });
    ui.add_space(style::gap::SMALL);
    ui.horizontal(|ui| {
        if ui.button("Decide later").clicked() {
            choice = Some(SafetyChoice::Later);
        }
        ui.add(
            egui::Label::new(
                RichText::new(
                    "Copies you keep are offered again at the next start, and when you open \
                     their session.",
                )
                .small()
                .color(palette.text_muted),
            )
            .wrap(),
        );
    });
    choice
}

/// "Saved 23 Nov 2026 at 09:41:07 · 57 notes · changes not yet saved in council.ron".
pub fn describe_copy(copy: &RecoveryCopy) -> String {
    let when = copy.written.format("%-d %b %Y at %H:%M:%S");
    let notes = format!(
        "{} note{}",
        copy.notes,
        if copy.notes == 1 { "" } else { "s" }
    );
    let name = file_name_of;
    let file = match &copy.of_file {
        Some(file) if file.exists() => format!("changes not yet saved in {}", name(file)),
        Some(file) => format!("its file {} is missing", name(file)),
        None => "never saved to a file".to_owned(),
    };
    let drafts = match copy.drafts {
        0 => String::new(),
        1 => " · text you were typing".to_owned(),
        n => format!(" · text you were typing in {n} places"),
    };
    format!("Saved {when} · {notes}{drafts} · {file}")
}

fn locked_ui(
    ui: &mut egui::Ui,
    path: &std::path::Path,
    owner: &LockOwner,
    (confirmed, confirm_anyway): (bool, &mut bool),
    palette: &Palette,
) -> Option<SafetyChoice> {
    let mut choice = None;
    let name = file_name_of(path);
    ui.heading(format!("{name} is open somewhere else"));
    ui.add_space(style::gap::SMALL);
    let why = if confirmed {
        format!(
            "It is open in another {}. If both saved, one would overwrite the other's work.",
            owner.describe()
        )
    } else {
        format!(
            "Its lock file says it is open in another {}, but that cannot be confirmed: that \
             Goldthread may have closed without tidying up, or it runs on another computer. If \
             both saved, one would overwrite the other's work.",
            owner.describe()
        )
    };
    ui.add(
        egui::Label::new(format!(
            "{why}\n\nOpen it read-only to look at it here: you can still change it and use \
             Save as… to keep your changes in a new file."
        ))
        .wrap(),
    );
    ui.add_space(style::gap::LARGE);
    ui.horizontal(|ui| {
        if primary_button(ui, "Open read-only", palette)
            .on_hover_text("Enter")
            .clicked()
        {
            choice = Some(SafetyChoice::OpenReadOnly);
        }
        if !confirmed {
            let text = if *confirm_anyway {
                "Click again: open it for writing"
            } else {
                "Open anyway…"
            };
            let anyway = ui
                .add(egui::Button::new(RichText::new(text).color(palette.danger)))
                .on_hover_text("Only when you are sure it is not open anywhere else");
            if anyway.clicked() {
                if *confirm_anyway {
                    choice = Some(SafetyChoice::OpenAnyway);
                } else {
                    *confirm_anyway = true;
                }
            }
        }
        if ui.button("Cancel").clicked() {
            choice = Some(SafetyChoice::Cancel);
        }
    });
    choice
}
