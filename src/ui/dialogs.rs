//! Modal dialogs: new session, unsaved changes, typing a path, and messages.

use egui::{Id, Key, Modifiers, RichText};

use super::command::Command;
use super::document::AppConfig;
use super::jobs::PickPurpose;
use super::style::{self, Palette};
use super::widgets::primary_button;

/// A dialog on top of everything.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// Asks for a new session's title; Enter accepts the default.
    NewSession {
        /// What has been typed.
        title: String,
        /// Used when nothing is typed.
        default_title: String,
        /// The templates offered.
        templates: Vec<crate::storage::Template>,
        /// The one chosen (an index into `templates`).
        chosen: usize,
    },
    /// An export would replace a file that is already there.
    ConfirmExport {
        /// The existing file.
        path: std::path::PathBuf,
        /// Markdown or CSV.
        format: crate::export::Format,
    },
    /// The session has unsaved changes and `then` would close it.
    Unsaved {
        /// The session's title.
        title: String,
        /// What to do afterwards.
        then: Command,
    },
    /// Asks for a file path where no native file dialog is available.
    PathPrompt {
        /// Open or save.
        purpose: PickPurpose,
        /// The path typed so far.
        text: String,
        /// Say why there is no native dialog.
        explain_no_native: bool,
    },
    /// Save as… chose a file that already exists.
    ConfirmReplace {
        /// The existing file.
        path: std::path::PathBuf,
    },
    /// The keyboard sheet for a screen (`None`: the library).
    Keys {
        /// The screen whose keys are shown.
        screen: Option<super::Screen>,
    },
    /// The command palette (Ctrl+K): every action that applies on `screen`, found by name.
    Palette {
        /// Where it was opened (`None`: the library).
        screen: Option<super::Screen>,
        /// What has been typed.
        query: String,
        /// The highlighted row of the matches.
        chosen: usize,
    },
    /// A message to read, e.g. why a file cannot be opened.
    Message {
        /// The heading.
        title: String,
        /// The explanation.
        body: String,
    },
}

/// How a dialog was closed.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Run this command.
    Run(Command),
    /// Save, then run this command.
    SaveThen(Command),
    /// Throw away unsaved changes and run this command.
    DiscardThen(Command),
    /// Nothing to do.
    Cancel,
}

/// Shows the dialog; returns how it was closed, or `None` while it stays open.
pub fn dialog_ui(
    ctx: &egui::Context,
    dialog: &mut Dialog,
    config: &AppConfig,
    palette: &Palette,
) -> Option<Outcome> {
    let enter = ctx.input_mut(|i| !i.modifiers.shift && i.consume_key(Modifiers::NONE, Key::Enter));
    let width = if matches!(dialog, Dialog::Keys { .. }) {
        (ctx.content_rect().width() - 120.0).clamp(480.0, style::HELP_SHEET_WIDTH)
    } else {
        520.0
    };
    let id = Id::unique("goldthread.dialog");
    let (outcome, close) = super::modal::modal_ui(ctx, id, palette, width, |ui| {
        body_ui(ui, dialog, config, &Ask { enter, palette })
    });
    outcome.or(close.then_some(Outcome::Cancel))
}

/// What every dialog's body reads: this frame's Enter and the colours.
struct Ask<'a> {
    enter: bool,
    palette: &'a Palette,
}

/// The body of `dialog`: each kind of dialog is one small function.
fn body_ui(
    ui: &mut egui::Ui,
    dialog: &mut Dialog,
    config: &AppConfig,
    ask: &Ask<'_>,
) -> Option<Outcome> {
    match dialog {
        Dialog::NewSession {
            title,
            default_title,
            templates,
            chosen,
        } => new_session_ui(ui, title, default_title, templates, chosen, ask),
        Dialog::ConfirmExport { path, format } => replace_ui(
            ui,
            path,
            " Replacing it loses what is in it now, including any edits made to it.",
            Command::ExportReplacing {
                path: path.clone(),
                format: *format,
            },
            ask,
        ),
        Dialog::Unsaved { title, then } => unsaved_ui(ui, title, then, ask),
        Dialog::PathPrompt {
            purpose,
            text,
            explain_no_native,
        } => path_prompt_ui(ui, *purpose, text, *explain_no_native, config, ask),
        Dialog::ConfirmReplace { path } => replace_ui(
            ui,
            path,
            " Replacing it loses what is in it now.",
            Command::ReplaceWith(path.clone()),
            ask,
        ),
        Dialog::Keys { screen } => {
            super::help::keys_sheet_ui(ui, *screen, ask.palette);
            ui.add_space(style::gap::MEDIUM);
            (primary_button(ui, "Close", ask.palette).clicked() || ask.enter)
                .then_some(Outcome::Cancel)
        }
        Dialog::Palette {
            screen,
            query,
            chosen,
        } => super::palette::palette_ui(ui, *screen, query, chosen, ask.enter, ask.palette)
            .map(|action| Outcome::Run(Command::Action(action))),
        Dialog::Message { title, body } => {
            ui.heading(title.as_str());
            ui.add_space(style::gap::SMALL);
            ui.add(egui::Label::new(body.as_str()).wrap());
            ui.add_space(style::gap::MEDIUM);
            (primary_button(ui, "OK", ask.palette).clicked() || ask.enter)
                .then_some(Outcome::Cancel)
        }
    }
}

/// Asks for a new session's title and template; Enter takes the title shown.
fn new_session_ui(
    ui: &mut egui::Ui,
    title: &mut String,
    default_title: &str,
    templates: &[crate::storage::Template],
    chosen: &mut usize,
    ask: &Ask<'_>,
) -> Option<Outcome> {
    let palette = ask.palette;
    ui.heading("New session");
    ui.add_space(style::gap::SMALL);
    ui.label("Title");
    let edit = ui.add(
        egui::TextEdit::singleline(title)
            .id(Id::unique("goldthread.new-title"))
            .hint_text(default_title)
            .desired_width(f32::INFINITY),
    );
    edit.request_focus();
    ui.label(
        RichText::new("Press Enter to use the title shown. You can rename it later.")
            .small()
            .color(palette.text_muted),
    );
    ui.add_space(style::gap::MEDIUM);
    super::lab::template_picker_ui(ui, templates, chosen, palette);
    ui.add_space(style::gap::MEDIUM);
    let mut outcome = None;
    ui.horizontal(|ui| {
        if primary_button(ui, "Create", palette).clicked() || ask.enter {
            let t = title.trim();
            let t = if t.is_empty() {
                default_title.to_owned()
            } else {
                t.to_owned()
            };
            let template = templates.get(*chosen).filter(|t| !t.is_blank());
            outcome = Some(Outcome::Run(match template {
                Some(template) => Command::CreateFromTemplate {
                    title: t,
                    template: Box::new(template.clone()),
                },
                None => Command::CreateSession(t),
            }));
        }
        if ui.button("Cancel").clicked() {
            outcome = Some(Outcome::Cancel);
        }
    });
    outcome
}

/// "Replace {name}?": Enter keeps the file (the safe choice); Replace runs `replace`.
fn replace_ui(
    ui: &mut egui::Ui,
    path: &std::path::Path,
    loses: &str,
    replace: Command,
    ask: &Ask<'_>,
) -> Option<Outcome> {
    let name = super::widgets::file_name_of(path);
    ui.heading(format!("Replace {name}?"));
    ui.add_space(style::gap::SMALL);
    ui.add(egui::Label::new(format!("{} already exists.{loses}", path.display())).wrap());
    ui.add_space(style::gap::MEDIUM);
    let mut outcome = None;
    ui.horizontal(|ui| {
        if primary_button(ui, "Keep it", ask.palette).clicked() || ask.enter {
            outcome = Some(Outcome::Cancel);
        }
        let button = egui::Button::new(RichText::new("Replace").color(ask.palette.danger));
        if ui.add(button).clicked() {
            outcome = Some(Outcome::Run(replace));
        }
    });
    outcome
}

/// "Save changes to …?" before `then` closes the session.
fn unsaved_ui(ui: &mut egui::Ui, title: &str, then: &Command, ask: &Ask<'_>) -> Option<Outcome> {
    ui.heading(format!("Save changes to “{title}”?"));
    ui.add_space(style::gap::SMALL);
    ui.label("If you don't save, the changes since the last save are lost.");
    ui.add_space(style::gap::MEDIUM);
    let mut outcome = None;
    ui.horizontal(|ui| {
        if primary_button(ui, "Save", ask.palette).clicked() || ask.enter {
            outcome = Some(Outcome::SaveThen(then.clone()));
        }
        if ui.button("Don't save").clicked() {
            outcome = Some(Outcome::DiscardThen(then.clone()));
        }
        if ui.button("Cancel").clicked() {
            outcome = Some(Outcome::Cancel);
        }
    });
    outcome
}

/// Asks for a file path where no native file dialog is available (and for every export).
fn path_prompt_ui(
    ui: &mut egui::Ui,
    purpose: PickPurpose,
    text: &mut String,
    explain_no_native: bool,
    config: &AppConfig,
    ask: &Ask<'_>,
) -> Option<Outcome> {
    let (heading, action) = match purpose {
        PickPurpose::Open => ("Open a session file", "Open"),
        PickPurpose::SaveAs => ("Save session as", "Save"),
        PickPurpose::Import => ("Import notes from a file", "Import"),
        PickPurpose::Export(format) => (format.heading(), "Export"),
    };
    ui.heading(heading);
    if purpose == PickPurpose::Import {
        ui.label(IMPORT_EXPLAINED);
    }
    let no_native = "No native file dialog is available on this computer (no desktop portal), \
                     so type the file's path.";
    if let PickPurpose::Export(_) = purpose {
        ui.label("Where should the file go? The folder is made if it is not there.");
    } else if explain_no_native && purpose == PickPurpose::Import {
        ui.label(RichText::new(no_native).color(ask.palette.text_muted));
    } else if explain_no_native {
        ui.label(
            RichText::new(format!(
                "{no_native} Sessions in the library open from the start screen."
            ))
            .color(ask.palette.text_muted),
        );
    }
    ui.add_space(style::gap::SMALL);
    ui.label("Path");
    let example = if purpose == PickPurpose::Import {
        "notes.txt"
    } else {
        "session.ron"
    };
    let edit = ui.add(
        egui::TextEdit::singleline(text)
            .id(Id::unique("goldthread.path"))
            .hint_text(config.library_dir.join(example).display().to_string())
            .desired_width(f32::INFINITY),
    );
    edit.request_focus();
    ui.add_space(style::gap::MEDIUM);
    let mut outcome = None;
    ui.horizontal(|ui| {
        let go = primary_button(ui, action, ask.palette).clicked() || ask.enter;
        if go && !text.trim().is_empty() {
            let path = std::path::PathBuf::from(text.trim());
            outcome = Some(Outcome::Run(match purpose {
                PickPurpose::Open => Command::OpenPath(path),
                PickPurpose::SaveAs => Command::SaveAsPath(path),
                PickPurpose::Import => Command::ImportPath(path),
                PickPurpose::Export(format) => Command::ExportPath { path, format },
            }));
        }
        if ui.button("Cancel").clicked() {
            outcome = Some(Outcome::Cancel);
        }
    });
    outcome
}

/// What "Import notes…" reads, said where the file is chosen.
pub const IMPORT_EXPLAINED: &str = "A text file gives one note per line; a CSV file gives one note \
per row, from its column named \"text\" or else the first column.";
