//! The bar across the top: the app name, menus, the session title and the main actions.

use egui::{Id, RichText};

use super::action::{Action, Scope};
use super::command::Command;
use super::document::OpenSession;
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
                        .font(style::strong_font(style::text::HEADING))
                        .color(palette.accent),
                );
                ui.add_space(style::gap::NORMAL);
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

/// One menu entry generated from `action`: its label and its keys from the registry.
fn menu_item(ui: &mut egui::Ui, action: Action, enabled: bool, commands: &mut Vec<Command>) {
    let button = egui::Button::new(action.label()).shortcut_text(action.keys_text(ui.ctx()));
    if ui.add_enabled(enabled, button).clicked() {
        commands.push(Command::Action(action));
    }
}

/// The menus' entries after "File": (menu, its actions). Separators fall between groups.
const MENUS: &[(&str, &[&[Action]])] = &[
    (
        "Edit",
        &[&[Action::Undo, Action::Redo], &[Action::CommandPalette]],
    ),
    (
        "View",
        &[&[
            Action::ZoomToFit,
            Action::ToggleTheme,
            Action::ToggleFullscreen,
        ]],
    ),
    (
        "Room",
        &[&[Action::OpenRoom, Action::ShowRoom, Action::CloseRoom]],
    ),
    (
        "Help",
        &[&[Action::ShowKeys, Action::OpenExample, Action::ShowFiles]],
    ),
];

fn menus_ui(
    ui: &mut egui::Ui,
    open: Option<&OpenSession>,
    focus: bool,
    commands: &mut Vec<Command>,
) {
    let item = |ui: &mut egui::Ui, action: Action, commands: &mut Vec<Command>| {
        // A session's actions stay in the menus, greyed, while the library shows.
        let enabled = match action.scope() {
            Scope::Everywhere => true,
            Scope::Library => open.is_none(),
            Scope::Session | Scope::Board => open.is_some(),
        } && action.applies_with_room(super::room::is_open(ui.ctx()));
        menu_item(ui, action, enabled, commands);
    };
    ui.menu_button("File", |ui| {
        for action in [Action::NewSession, Action::OpenFile, Action::FollowUp] {
            item(ui, action, commands);
        }
        ui.separator();
        item(ui, Action::Save, commands);
        item(ui, Action::SaveAs, commands);
        save_automatically_ui(ui, open, commands);
        ui.separator();
        item(ui, Action::ImportNotes, commands);
        item(
            ui,
            Action::Export(crate::export::Format::Markdown),
            commands,
        );
        super::export_menu::more_exports_ui(ui, open.is_some(), commands);
        ui.separator();
        item(ui, Action::ShowLibrary, commands);
        item(ui, Action::Quit, commands);
    });
    for (name, groups) in MENUS {
        ui.menu_button(*name, |ui| {
            for (i, group) in groups.iter().enumerate() {
                if i > 0 {
                    ui.separator();
                }
                for action in *group {
                    item(ui, *action, commands);
                }
            }
            if *name == "View" {
                focus_mode_ui(ui, focus, commands);
                ui.separator();
                text_size_ui(ui);
            }
        });
    }
}

/// The focus mode switch (F10), in the View menu.
fn focus_mode_ui(ui: &mut egui::Ui, focus: bool, commands: &mut Vec<Command>) {
    let mut on = focus;
    let action = Action::ToggleFocusMode;
    let text = format!("{} ({})", action.label(), action.keys_text(ui.ctx()));
    if ui.checkbox(&mut on, text).clicked() {
        commands.push(Command::Action(action));
    }
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
                    .font(style::strong_font(style::text::SUBHEADING))
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
                    .font(style::strong_font(style::text::SUBHEADING)),
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
            .on_hover_text(format!(
                "Read-only: keep your changes in a new file ({})",
                Action::SaveAs.keys_text(ui.ctx())
            ))
            .clicked()
        {
            commands.push(Command::Action(Action::SaveAs));
        }
    } else if ui
        .add_enabled(!open.saving, save)
        .on_hover_text(Action::Save.keys_text(ui.ctx()))
        .clicked()
    {
        commands.push(Command::Action(Action::Save));
    }
    if ui
        .add_enabled(open.history.can_redo(), egui::Button::new("Redo"))
        .on_hover_text(Action::Redo.keys_text(ui.ctx()))
        .clicked()
    {
        commands.push(Command::Action(Action::Redo));
    }
    if ui
        .add_enabled(open.history.can_undo(), egui::Button::new("Undo"))
        .on_hover_text(Action::Undo.keys_text(ui.ctx()))
        .clicked()
    {
        commands.push(Command::Action(Action::Undo));
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
        commands.push(Command::Action(Action::ToggleSaveAutomatically));
    }
}
