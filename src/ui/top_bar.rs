//! The bar across the top: the app name, menus, the session title and the main actions.

use egui::{Id, RichText};

use super::app::OpenSession;
use super::command::Command;
use super::shortcuts;
use super::style::{self, Palette};
use crate::model::Edit;

/// Draws the top bar.
pub fn top_bar_ui(
    ui: &mut egui::Ui,
    open: Option<&OpenSession>,
    focus: bool,
    palette: &Palette,
    commands: &mut Vec<Command>,
    edits: &mut Vec<Edit>,
) {
    egui::Panel::top("goldthread.top")
        .exact_size(style::TOP_BAR_HEIGHT)
        .frame(
            egui::Frame::NONE
                .fill(palette.surface)
                .stroke(egui::Stroke::new(1.0, palette.border))
                .inner_margin(egui::Margin::symmetric(14, 8)),
        )
        .show(ui, |ui| {
            ui.horizontal_centered(|ui| {
                ui.label(
                    RichText::new("◆ Goldthread")
                        .font(egui::FontId::new(22.0, style::strong_family()))
                        .color(palette.accent),
                );
                ui.add_space(8.0);
                // The menu bar takes the rest of the row, so the title and actions live inside it.
                egui::MenuBar::new().ui(ui, |ui| {
                    menus_ui(ui, open, focus, commands);
                    if let Some(open) = open {
                        ui.separator();
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            actions_ui(ui, open, palette, commands);
                            ui.with_layout(
                                egui::Layout::left_to_right(egui::Align::Center),
                                |ui| {
                                    title_ui(ui, open, palette, edits);
                                },
                            );
                        });
                    }
                });
            });
        });
}

fn menu_item(
    ui: &mut egui::Ui,
    text: &str,
    command: Command,
    enabled: bool,
    commands: &mut Vec<Command>,
) {
    let shortcut = shortcuts::label(ui.ctx(), &command);
    let button = egui::Button::new(text).shortcut_text(shortcut);
    if ui.add_enabled(enabled, button).clicked() {
        commands.push(command);
    }
}

fn menus_ui(
    ui: &mut egui::Ui,
    open: Option<&OpenSession>,
    focus: bool,
    commands: &mut Vec<Command>,
) {
    let has_session = open.is_some();
    ui.menu_button("File", |ui| {
        menu_item(ui, "New session…", Command::NewSession, true, commands);
        menu_item(ui, "Open file…", Command::OpenDialog, true, commands);
        menu_item(
            ui,
            "Follow up…",
            Command::FollowUpOpen,
            has_session,
            commands,
        );
        ui.separator();
        menu_item(ui, "Save", Command::Save, has_session, commands);
        menu_item(ui, "Save as…", Command::SaveAs, has_session, commands);
        save_automatically_ui(ui, open, commands);
        ui.separator();
        menu_item(
            ui,
            "Import notes…",
            Command::ImportDialog,
            has_session,
            commands,
        );
        menu_item(
            ui,
            "Export report…",
            Command::Export(crate::export::Format::Markdown),
            has_session,
            commands,
        );
        super::export_menu::more_exports_ui(ui, has_session, commands);
        ui.separator();
        menu_item(
            ui,
            "Session library",
            Command::ShowLibrary,
            has_session,
            commands,
        );
        menu_item(ui, "Quit", Command::Quit, true, commands);
    });
    ui.menu_button("Edit", |ui| {
        menu_item(ui, "Undo", Command::Undo, has_session, commands);
        menu_item(ui, "Redo", Command::Redo, has_session, commands);
    });
    ui.menu_button("View", |ui| {
        let fit = egui::Button::new("Zoom to fit").shortcut_text("Home");
        if ui.add_enabled(has_session, fit).clicked() {
            commands.push(Command::ZoomToFit);
        }
        menu_item(
            ui,
            "Switch light / dark theme",
            Command::ToggleTheme,
            true,
            commands,
        );
        menu_item(ui, "Full screen", Command::ToggleFullscreen, true, commands);
        let mut on = focus;
        let shortcut = shortcuts::label(ui.ctx(), &Command::ToggleFocusMode);
        if ui
            .checkbox(
                &mut on,
                format!("Focus: prompt, timer and board ({shortcut})"),
            )
            .clicked()
        {
            commands.push(Command::ToggleFocusMode);
        }
        ui.separator();
        text_size_ui(ui);
    });
    ui.menu_button("Help", |ui| {
        menu_item(ui, "Keyboard sheet", Command::ShowKeys, true, commands);
        menu_item(
            ui,
            "Open the example lab",
            Command::OpenExample,
            true,
            commands,
        );
        menu_item(
            ui,
            "Where your files are",
            Command::ShowFiles,
            true,
            commands,
        );
    });
}

/// The whole-UI text size: the same as Ctrl+= / Ctrl+- / Ctrl+0.
fn text_size_ui(ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        ui.label("Text size");
        if ui
            .button("A−")
            .on_hover_text("Smaller text (Ctrl+-)")
            .clicked()
        {
            egui::gui_zoom::zoom_out(ui.ctx());
        }
        ui.label(format!("{:.0}%", ui.ctx().zoom_factor() * 100.0));
        if ui
            .button("A+")
            .on_hover_text("Larger text (Ctrl+=)")
            .clicked()
        {
            egui::gui_zoom::zoom_in(ui.ctx());
        }
        if ui.button("Reset").on_hover_text("Ctrl+0").clicked() {
            ui.ctx().set_zoom_factor(1.0);
        }
    });
}

/// The session title; click to rename.
fn title_ui(ui: &mut egui::Ui, open: &OpenSession, palette: &Palette, edits: &mut Vec<Edit>) {
    let id = Id::unique("goldthread.title.edit");
    let editing = ui.data(|d| d.get_temp::<String>(id));
    match editing {
        Some(mut text) => {
            let response = ui.add(
                egui::TextEdit::singleline(&mut text)
                    .id(id)
                    .font(egui::FontId::new(20.0, style::strong_family()))
                    .desired_width(320.0),
            );
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Session title")
            });
            if !response.has_focus() && !response.lost_focus() {
                response.request_focus();
            }
            let cancel = ui.input(|i| i.key_pressed(egui::Key::Escape));
            if response.lost_focus() || cancel {
                ui.data_mut(|d| d.remove::<String>(id));
                let t = text.trim();
                if !cancel && !t.is_empty() && t != open.session.title {
                    edits.push(Edit::SetTitle(t.to_owned()));
                }
            } else {
                ui.data_mut(|d| d.insert_temp(id, text));
            }
        }
        None => {
            let title = egui::Button::new(
                RichText::new(&open.session.title)
                    .font(egui::FontId::new(20.0, style::strong_family())),
            )
            .frame(false)
            .truncate();
            if ui
                .add(title)
                .on_hover_text("Click to rename the session")
                .clicked()
            {
                ui.data_mut(|d| d.insert_temp(id, open.session.title.clone()));
            }
            if let Some(why) = &open.read_only {
                ui.label(RichText::new("read-only").color(palette.danger))
                    .on_hover_text(format!(
                        "Read-only: {why}. Save as… keeps your changes in a new file."
                    ));
            }
            if open.shows_unsaved() {
                ui.label(RichText::new("● unsaved").color(palette.accent));
            } else {
                ui.label(RichText::new("saved").color(palette.text_muted));
            }
        }
    }
}

fn actions_ui(
    ui: &mut egui::Ui,
    open: &OpenSession,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    let save =
        egui::Button::new(RichText::new("Save").color(palette.on_accent)).fill(palette.accent);
    if open.read_only.is_some() {
        let save_as = egui::Button::new(RichText::new("Save as…").color(palette.on_accent))
            .fill(palette.accent);
        if ui
            .add_enabled(!open.saving, save_as)
            .on_hover_text("Read-only: keep your changes in a new file (Ctrl+Shift+S)")
            .clicked()
        {
            commands.push(Command::SaveAs);
        }
    } else if ui
        .add_enabled(!open.saving, save)
        .on_hover_text("Ctrl+S")
        .clicked()
    {
        commands.push(Command::Save);
    }
    if ui
        .add_enabled(open.history.can_redo(), egui::Button::new("Redo"))
        .on_hover_text("Ctrl+Shift+Z or Ctrl+Y")
        .clicked()
    {
        commands.push(Command::Redo);
    }
    if ui
        .add_enabled(open.history.can_undo(), egui::Button::new("Undo"))
        .on_hover_text("Ctrl+Z")
        .clicked()
    {
        commands.push(Command::Undo);
    }
    ui.label(
        RichText::new(format!(
            "{} note{}",
            open.session.notes.len(),
            if open.session.notes.len() == 1 {
                ""
            } else {
                "s"
            }
        ))
        .color(palette.text_muted),
    );
}

/// The "Save automatically" switch, in the File menu under Save.
fn save_automatically_ui(
    ui: &mut egui::Ui,
    open: Option<&OpenSession>,
    commands: &mut Vec<Command>,
) {
    let Some(open) = open else { return };
    let mut on = open.saves_automatically;
    if ui
        .checkbox(&mut on, "Save automatically")
        .on_hover_text(
            "Also write the session file a few seconds after each change. \
             Recovery copies are written either way.",
        )
        .clicked()
    {
        commands.push(Command::ToggleSaveAutomatically);
    }
}
