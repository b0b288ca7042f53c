//! The app: screens, the open session, dialogs and background jobs. Edits and commands collected
//! while the frame is drawn are applied here, in one place, at the end of the frame.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::canvas::{self, CanvasRequest, CanvasState};
use super::command::Command;
use super::dialogs::{self, Dialog};
use super::jobs::{JobResult, Jobs, PickPurpose, SaveReport};
use super::library_ui::{self, LibraryState};
use super::notices::Notices;
use super::style::{self, Theme};
use super::{shortcuts, top_bar};
use crate::History;
use crate::model::Session;
use crate::storage::{self, Loaded};

/// How the app was started.
#[derive(Clone, Debug)]
pub struct AppConfig {
    /// The session library folder.
    pub library_dir: PathBuf,
    /// A session file to open at start.
    pub open_file: Option<PathBuf>,
    /// Whether native file dialogs can be used (else the app asks for a path).
    pub native_dialogs: bool,
    /// Today's date, for new sessions' default titles.
    pub today: NaiveDate,
}

/// What is remembered between runs.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Settings {
    /// The theme.
    pub theme: Theme,
    /// The size of all text and controls (egui's zoom factor), 1.0 = 100%.
    pub text_scale: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: Theme::Projector,
            text_scale: 1.0,
        }
    }
}

/// The session being worked on.
#[derive(Debug)]
pub struct OpenSession {
    /// The session itself.
    pub session: Session,
    /// Its undo history.
    pub history: History,
    /// The file it is saved in, once it has one.
    pub path: Option<PathBuf>,
    /// The history generation last written to `path`.
    pub saved_generation: u64,
    /// Camera, selection and gestures.
    pub canvas: CanvasState,
    /// Identifies this opening of the session, so a late save result is not applied to another.
    pub token: u64,
    /// A save of this session is running.
    pub saving: bool,
}

impl OpenSession {
    /// True when there are changes not yet written to the file.
    pub fn is_dirty(&self) -> bool {
        self.history.generation() != self.saved_generation
    }

    /// The session as it should be saved: with the current camera.
    pub fn snapshot(&self) -> Session {
        let mut s = self.session.clone();
        s.view = self.canvas.view;
        s
    }
}

/// The Goldthread app.
pub struct GoldthreadApp {
    config: AppConfig,
    settings: Settings,
    /// The open session, if any; without one the library is shown.
    pub open: Option<OpenSession>,
    library: LibraryState,
    dialog: Option<Dialog>,
    notices: Notices,
    jobs: Jobs,
    /// Commands waiting for the end of the frame.
    pending: Vec<Command>,
    /// What to do once the running save succeeds (e.g. quit after "Save" in the unsaved-changes dialog).
    after_save: Option<Command>,
    next_token: u64,
    /// The user agreed to quit; let the window close.
    allow_close: bool,
    window_title: String,
    started: bool,
    applied_theme: Option<Theme>,
}

impl GoldthreadApp {
    /// A new app; nothing is read from disk until the first frame.
    pub fn new(config: AppConfig, settings: Settings) -> Self {
        Self {
            config,
            settings,
            open: None,
            library: LibraryState::default(),
            dialog: None,
            notices: Notices::default(),
            jobs: Jobs::default(),
            pending: Vec::new(),
            after_save: None,
            next_token: 1,
            allow_close: false,
            window_title: String::new(),
            started: false,
            applied_theme: None,
        }
    }

    /// What is remembered between runs.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// True when no background job (save, load, listing, file dialog) is running.
    pub fn is_idle(&self) -> bool {
        self.jobs.is_idle()
    }

    /// The messages showing in the corner.
    pub fn notices(&self) -> &Notices {
        &self.notices
    }

    /// The dialog showing, if any.
    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialog.as_ref()
    }

    /// The library listing as last scanned.
    pub fn library(&self) -> &LibraryState {
        &self.library
    }

    /// Queues a command, as a menu item would.
    pub fn run(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// Draws one frame.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.started {
            self.start(&ctx);
        }
        if self.applied_theme != Some(self.settings.theme) {
            style::apply(&ctx, self.settings.theme);
            self.applied_theme = Some(self.settings.theme);
        }
        for result in self.jobs.poll() {
            self.handle_job(result);
        }
        self.handle_close_request(&ctx);
        self.pending.extend(shortcuts::commands(&ctx));

        let palette = self.settings.theme.palette();
        let mut edits = Vec::new();
        top_bar::top_bar_ui(
            ui,
            self.open.as_ref(),
            &palette,
            &mut self.pending,
            &mut edits,
        );
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE.fill(palette.canvas))
            .show(ui, |ui| match &mut self.open {
                Some(open) => {
                    let mut requests = Vec::new();
                    canvas::canvas_ui(
                        ui,
                        &open.session,
                        &mut open.canvas,
                        &palette,
                        &mut edits,
                        &mut requests,
                    );
                    for CanvasRequest::Info(text) in requests {
                        self.notices.info(text);
                    }
                }
                None => library_ui::library_ui(
                    ui,
                    &mut self.library,
                    &self.config.library_dir,
                    &palette,
                    &mut self.pending,
                ),
            });
        if let Some(dialog) = &mut self.dialog
            && let Some(outcome) = dialogs::dialog_ui(&ctx, dialog, &self.config, &palette)
        {
            self.dialog = None;
            match outcome {
                dialogs::Outcome::Run(command) => self.pending.push(command),
                dialogs::Outcome::SaveThen(command) => self.save_then(&ctx, Some(command)),
                dialogs::Outcome::DiscardThen(command) => self.run_now(&ctx, command),
                dialogs::Outcome::Cancel => {}
            }
        }
        self.notices.ui(&ctx, &palette);

        // What this frame asked for changes what the next frame shows: draw it now rather
        // than when the mouse next moves.
        if !edits.is_empty() || !self.pending.is_empty() {
            ctx.request_repaint();
        }
        if let Some(open) = &mut self.open
            && !edits.is_empty()
        {
            for edit in edits {
                open.history.apply(&mut open.session, edit);
            }
            // Only after a change: pruning walks every note.
            open.canvas.prune(&open.session);
        }
        for command in std::mem::take(&mut self.pending) {
            self.command(&ctx, command);
        }
        self.update_window_title(&ctx);
        self.settings.text_scale = ctx.zoom_factor();
    }

    fn start(&mut self, ctx: &egui::Context) {
        self.started = true;
        ctx.set_fonts(style::fonts());
        ctx.set_zoom_factor(self.settings.text_scale.clamp(0.5, 3.0));
        match self.config.open_file.take() {
            Some(path) => self.jobs.load(ctx, path),
            None => self.rescan(ctx),
        }
    }

    fn rescan(&mut self, ctx: &egui::Context) {
        self.library.scanning = true;
        self.jobs.scan_library(ctx, self.config.library_dir.clone());
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allow_close {
            return;
        }
        if self.open.as_ref().is_some_and(OpenSession::is_dirty) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved {
                title: self
                    .open
                    .as_ref()
                    .map(|o| o.session.title.clone())
                    .unwrap_or_default(),
                then: Command::Quit,
            });
        }
    }

    /// Runs a command, first asking about unsaved changes when it would close the session.
    fn command(&mut self, ctx: &egui::Context, command: Command) {
        if command.discards_session()
            && let Some(open) = &self.open
            && open.is_dirty()
        {
            self.dialog = Some(Dialog::Unsaved {
                title: open.session.title.clone(),
                then: command,
            });
            return;
        }
        self.run_now(ctx, command);
    }

    /// Runs a command without asking.
    fn run_now(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::NewSession => {
                self.dialog = Some(Dialog::NewSession {
                    title: String::new(),
                    default_title: Session::default_title(self.config.today),
                });
            }
            Command::CreateSession(title) => {
                let session = Session::new(title, self.config.today);
                self.install(session, None);
            }
            Command::ShowLibrary => {
                self.open = None;
                self.rescan(ctx);
            }
            Command::RefreshLibrary => self.rescan(ctx),
            Command::OpenPath(path) => self.jobs.load(ctx, path),
            Command::OpenDialog => self.pick(ctx, PickPurpose::Open),
            Command::Save => self.save_then(ctx, None),
            Command::SaveAs => {
                if self.open.is_some() {
                    self.pick(ctx, PickPurpose::SaveAs);
                }
            }
            Command::SaveAsPath(path) => {
                let path = with_ron_extension(path);
                let is_own_file =
                    self.open.as_ref().and_then(|o| o.path.as_deref()) == Some(path.as_path());
                if path.exists() && !is_own_file {
                    self.dialog = Some(Dialog::ConfirmReplace { path });
                } else {
                    self.run_now(ctx, Command::ReplaceWith(path));
                }
            }
            Command::ReplaceWith(path) => {
                if let Some(open) = &mut self.open {
                    open.path = Some(path);
                    self.save_then(ctx, None);
                }
            }
            Command::Undo => self.undo_redo(true),
            Command::Redo => self.undo_redo(false),
            Command::ZoomToFit => {
                if let Some(open) = &mut self.open {
                    open.canvas.fit_requested = true;
                }
            }
            Command::ToggleTheme => self.settings.theme = self.settings.theme.toggled(),
            Command::ToggleFullscreen => {
                let full = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!full));
            }
            Command::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
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

    fn pick(&mut self, ctx: &egui::Context, purpose: PickPurpose) {
        if self.config.native_dialogs {
            let file_name = format!("{}.ron", self.suggested_stem());
            self.jobs
                .pick(ctx, purpose, self.config.library_dir.clone(), file_name);
        } else {
            self.dialog = Some(self.path_prompt(purpose));
        }
    }

    /// The file name (without `.ron`) suggested for the open session.
    fn suggested_stem(&self) -> String {
        self.open.as_ref().map_or_else(
            || "session".to_owned(),
            |o| storage::file_stem_for(&o.session.title),
        )
    }

    /// The dialog that asks for a path where no native file dialog works.
    fn path_prompt(&self, purpose: PickPurpose) -> Dialog {
        let text = match purpose {
            PickPurpose::Open => String::new(),
            PickPurpose::SaveAs => self
                .config
                .library_dir
                .join(format!("{}.ron", self.suggested_stem()))
                .display()
                .to_string(),
        };
        Dialog::PathPrompt {
            purpose,
            text,
            explain_no_native: true,
        }
    }

    /// Starts saving the open session; `then` runs once the save has succeeded.
    fn save_then(&mut self, ctx: &egui::Context, then: Option<Command>) {
        let Some(open) = &mut self.open else {
            if let Some(command) = then {
                self.run_now(ctx, command);
            }
            return;
        };
        let path = open.path.clone().unwrap_or_else(|| {
            storage::unique_path(&self.config.library_dir, &open.session.title, None)
        });
        open.path = Some(path.clone());
        open.saving = true;
        self.after_save = then;
        self.jobs.save(
            ctx,
            open.token,
            open.history.generation(),
            path,
            open.snapshot(),
        );
    }

    fn install(&mut self, session: Session, path: Option<PathBuf>) {
        let token = self.next_token;
        self.next_token += 1;
        let mut canvas = CanvasState::new(session.view);
        canvas.fit_if_nothing_visible = path.is_some();
        canvas.anchor_origin_requested = path.is_none() && session.notes.is_empty();
        self.open = Some(OpenSession {
            session,
            history: History::default(),
            path,
            saved_generation: 0,
            canvas,
            token,
            saving: false,
        });
    }

    fn handle_job(&mut self, result: JobResult) {
        match result {
            JobResult::Library(entries) => {
                self.library.set_entries(entries);
            }
            JobResult::Loaded { path, result } => match *result {
                Ok(Loaded { session, warnings }) => {
                    let n = session.notes.len();
                    self.install(session, Some(path.clone()));
                    self.notices.info(format!(
                        "Opened {} ({n} note{}).",
                        display_name(&path),
                        if n == 1 { "" } else { "s" }
                    ));
                    if !warnings.is_empty() {
                        self.notices.error(format!(
                            "{} was repaired while opening; save to keep the repairs:\n{}",
                            display_name(&path),
                            warnings.join("\n")
                        ));
                    }
                }
                Err(e) => {
                    self.dialog = Some(Dialog::Message {
                        title: format!("Can't open {}", e.file_name()),
                        body: format!("{}\n\nThe file has not been changed.", e),
                    });
                }
            },
            JobResult::Saved(report) => self.handle_saved(report),
            JobResult::Picked {
                purpose,
                path,
                unavailable,
            } => {
                if unavailable {
                    self.config.native_dialogs = false;
                    self.dialog = Some(self.path_prompt(purpose));
                    return;
                }
                let Some(path) = path else { return };
                match purpose {
                    PickPurpose::Open => self.pending.push(Command::OpenPath(path)),
                    PickPurpose::SaveAs => self.pending.push(Command::SaveAsPath(path)),
                }
            }
        }
    }

    fn handle_saved(&mut self, report: SaveReport) {
        let then = self.after_save.take();
        let Some(open) = self.open.as_mut().filter(|o| o.token == report.token) else {
            return;
        };
        open.saving = false;
        match report.result {
            Ok(()) => {
                open.saved_generation = report.generation;
                self.notices
                    .info(format!("Saved to {}", report.path.display()));
                if let Some(command) = then {
                    // Runs through the usual check, so edits made while saving are asked about.
                    self.pending.push(command);
                }
            }
            Err(e) => {
                self.notices.error(format!(
                    "Could not save: {e}. Your work is still here, unsaved; try Save as… to choose another place."
                ));
            }
        }
    }

    fn update_window_title(&mut self, ctx: &egui::Context) {
        let title = match &self.open {
            Some(o) if o.is_dirty() => format!("● {} (unsaved) - Goldthread", o.session.title),
            Some(o) => format!("{} - Goldthread", o.session.title),
            None => "Goldthread".to_owned(),
        };
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    /// The window title as last set.
    pub fn window_title(&self) -> &str {
        &self.window_title
    }
}

fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some_and(|e| e == "ron") {
        path
    } else {
        let mut s = path.into_os_string();
        s.push(".ron");
        PathBuf::from(s)
    }
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl eframe::App for GoldthreadApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        GoldthreadApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}

/// Where the settings live in eframe's storage.
pub const SETTINGS_KEY: &str = "goldthread.settings";
