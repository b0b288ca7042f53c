//! Where actions and commands go: a command that would close the session asks about unsaved
//! changes first, then each action runs (new session, undo and redo, save automatically and the
//! rest); the screens only put them in the outbox.

use super::files::with_ron_extension;
use super::modals::Modal;
use super::{GoldthreadApp, navigation};
use crate::model::Session;
use crate::ui::action::{Action, Scope};
use crate::ui::command::Command;
use crate::ui::dialogs::Dialog;
use crate::ui::jobs::PickPurpose;

impl GoldthreadApp {
    /// Runs a command, first asking about unsaved changes when it would close the session.
    pub(super) fn command(&mut self, ctx: &egui::Context, command: Command) {
        if command.discards_session()
            && let Some(open) = &self.open
            && open.is_dirty()
        {
            self.modal.open(Modal::Dialog(Dialog::Unsaved {
                title: open.session.title.clone(),
                then: command,
            }));
            return;
        }
        self.run_now(ctx, command);
    }

    /// Runs a command without asking.
    pub(super) fn run_now(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Action(action) => self.act(ctx, action),
            Command::CreateSession(title) => {
                let session = Session::new(title, self.config.today);
                self.install(session, None);
            }
            Command::OpenPath(path) => self.jobs.load(ctx, path, self.config.library_dir.clone()),
            Command::SaveAsPath(path) => {
                let path = with_ron_extension(path);
                let is_own_file =
                    self.open.as_ref().and_then(|o| o.path.as_deref()) == Some(path.as_path());
                if path.exists() && !is_own_file {
                    self.modal
                        .open(Modal::Dialog(Dialog::ConfirmReplace { path }));
                } else {
                    self.run_now(ctx, Command::ReplaceWith(path));
                }
            }
            Command::ReplaceWith(path) => {
                if let Some(open) = &mut self.open {
                    let before = open.path.replace(path.clone());
                    if before.as_deref() != Some(path.as_path()) {
                        self.save_as_from = Some((open.token, before, open.read_only.clone()));
                    }
                    // A new file of the user's choosing: writable, unless its own lock says not.
                    open.read_only = None;
                    self.save_then(ctx, None);
                }
            }
            Command::CreateFromTemplate { title, template } => {
                let session = template.session(title, self.config.today);
                let screen = navigation::first_screen(&session);
                self.install(session, None);
                if let Some(open) = &mut self.open {
                    navigation::open_screen(open, screen);
                }
            }
            Command::ExportPath { path, format } => self.export(ctx, path, format),
            Command::ExportReplacing { path, format } => self.export_to(ctx, path, format),
            Command::ImportPath(path) => self.import_from(ctx, path),
            Command::FollowUp(path) => self.follow_up_file(ctx, path),
            Command::ShowInFolder(path) => self.jobs.show_in_folder(ctx, &path),
        }
    }

    /// Runs a user's action. The Board's actions go to the Board, which applies them with its
    /// keys' in one place when it next draws.
    fn act(&mut self, ctx: &egui::Context, action: Action) {
        if action.scope() == Scope::Board {
            if let Some(open) = &mut self.open {
                open.canvas.queued_actions.push(action);
                ctx.request_repaint();
            }
            return;
        }
        if self.room_act(ctx, action) {
            return;
        }
        match action {
            Action::NewSession => self.ask_new_session(ctx),
            Action::ShowLibrary => {
                self.close_open();
                self.rescan(ctx);
            }
            Action::RefreshLibrary => self.rescan(ctx),
            Action::OpenFile => self.pick(ctx, PickPurpose::Open),
            Action::Save => self.save_then(ctx, None),
            Action::SaveAs => {
                if self.open.is_some() {
                    self.pick(ctx, PickPurpose::SaveAs);
                }
            }
            Action::Undo => self.undo_redo(true),
            Action::Redo => self.undo_redo(false),
            Action::ToggleTheme => self.settings.theme = self.settings.theme.toggled(),
            Action::ToggleSaveAutomatically => self.toggle_save_automatically(),
            Action::ToggleFullscreen => {
                let full = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!full));
            }
            Action::Quit => {
                self.close_open();
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Action::Export(format) => self.choose_export(ctx, format),
            Action::ImportNotes => {
                if self.open.is_some() {
                    self.pick(ctx, PickPurpose::Import);
                }
            }
            Action::FollowUp => self.follow_up_open(ctx),
            Action::OpenPrevious => self.find_previous(ctx),
            Action::CopyReport => self.copy_report(),
            action if action.presents() => self.present_act(ctx, action),
            _ => self.run_help(ctx, action),
        }
    }

    /// Asks for a new session's title and template.
    fn ask_new_session(&mut self, ctx: &egui::Context) {
        let templates = crate::storage::built_in_templates();
        // The digital strategy lab is the default, so a newcomer's Ctrl+N then Enter starts a
        // whole lab; Blank is one click or ↑ / ↓ away. The user's templates are read off the UI
        // thread and join the list when they arrive (a huge or stuck file never freezes the app).
        let chosen = navigation::default_template(&templates);
        self.modal.open(Modal::Dialog(Dialog::NewSession {
            title: String::new(),
            default_title: Session::default_title(self.config.today),
            templates,
            chosen,
        }));
        self.jobs
            .read_templates(ctx, self.config.library_dir.clone());
    }

    /// Turns "save automatically" on or off, and says what that means.
    fn toggle_save_automatically(&mut self) {
        self.settings.save_automatically = !self.settings.save_automatically;
        self.notices.info(if self.settings.save_automatically {
            "Save automatically is on: the session file is written a few seconds after each change."
        } else {
            "Save automatically is off: recovery copies still protect your work; Ctrl+S saves the file."
        });
    }

    fn undo_redo(&mut self, undo: bool) {
        let Some(open) = &mut self.open else { return };
        let done = if undo {
            open.history.undo(&mut open.session)
        } else {
            open.history.redo(&mut open.session)
        };
        if !done {
            self.notices.info(if undo {
                "Nothing to undo."
            } else {
                "Nothing to redo."
            });
        }
        open.canvas.prune(&open.session);
    }
}
