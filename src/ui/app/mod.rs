//! The app: screens, the open session, dialogs and background jobs. Edits and commands collected
//! while the frame is drawn are applied here, in one place, at the end of the frame.

mod copy_report;
mod dispatch;
mod drafts;
mod files;
mod followup;
mod import;
mod modals;
mod navigation;
mod present;
mod room;
mod safety;
mod saving;
mod survey_preview;

pub use super::document::{AppConfig, OpenSession, Settings};

use super::action::Action;
use super::board::canvas;
use super::command::Command;
use super::dialogs::{self, Dialog};
use super::jobs::LibraryEvent;
use super::jobs::{Jobs, Listing};
use super::library_ui::{self, LibraryState};
use super::modal::HeldKeys;
use super::notices::Notices;
use super::recovery_ui::{self, SafetyPrompt};
use super::style::{self, Theme};
use super::{shortcuts, top_bar};
use crate::history::Changes;
use crate::ui::frame::{FrameCx, Outbox};
use modals::{Modal, ModalSlot};

/// The Goldthread app.
pub struct GoldthreadApp {
    config: AppConfig,
    settings: Settings,
    /// The open session, if any; without one the library is shown.
    pub open: Option<OpenSession>,
    library: LibraryState,
    /// The one modal slot: the dialog, the safety prompt or the survey preview showing.
    modal: ModalSlot,
    notices: Notices,
    jobs: Jobs,
    /// Commands waiting for the end of the frame.
    pending: Vec<Command>,
    /// What to do once the running save succeeds (e.g. quit after "Save" in the unsaved-changes dialog).
    after_save: Option<Command>,
    /// While a "Save as" runs: the session's file and read-only reason before it, put back
    /// when the save fails, so the session keeps pointing at the file that holds it.
    save_as_from: Option<(u64, Option<std::path::PathBuf>, Option<String>)>,
    next_token: u64,
    /// The user agreed to quit; let the window close.
    allow_close: bool,
    window_title: String,
    started: bool,
    applied_theme: Option<Theme>,
    /// Focus mode (F10): only the prompt, the timer and the board.
    focus_mode: bool,
    /// Where exports are offered first (the user's Documents folder unless set).
    export_dir: Option<std::path::PathBuf>,
    /// The HTML and the plain text of the last "Copy report", as put on the clipboard.
    last_copied: Option<(String, String)>,
    /// The room phones join, while it is open (one opening of one session).
    room: Option<crate::ui::room::RoomState>,
    /// What the room remembers while the app runs (the address chosen).
    room_prefs: room::RoomPrefs,
    /// The audience window, while presenting.
    presenter: present::Presenter,
}

impl GoldthreadApp {
    /// A new app; nothing is read from disk until the first frame.
    pub fn new(config: AppConfig, settings: Settings) -> Self {
        Self {
            config,
            settings,
            open: None,
            library: LibraryState::default(),
            modal: ModalSlot::default(),
            notices: Notices::default(),
            jobs: Jobs::default(),
            pending: Vec::new(),
            after_save: None,
            save_as_from: None,
            next_token: 1,
            allow_close: false,
            window_title: String::new(),
            started: false,
            applied_theme: None,
            focus_mode: false,
            export_dir: None,
            last_copied: None,
            room: None,
            room_prefs: room::RoomPrefs::default(),
            presenter: present::Presenter::default(),
        }
    }

    /// True while focus mode (F10) hides everything but the prompt, the timer and the board.
    pub fn focus_mode(&self) -> bool {
        self.focus_mode
    }

    /// Offers exports in `dir` first, instead of the user's Documents folder.
    pub fn set_export_dir(&mut self, dir: std::path::PathBuf) {
        self.export_dir = Some(dir);
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
        self.modal.dialog()
    }

    /// The library listing as last scanned.
    pub fn library(&self) -> &LibraryState {
        &self.library
    }

    /// The restore offer or the read-only offer, when showing.
    pub fn safety_prompt(&self) -> Option<&SafetyPrompt> {
        self.modal.safety()
    }

    /// Queues an action or a command, as a menu item or a dialog would.
    pub fn run(&mut self, command: impl Into<Command>) {
        self.pending.push(command.into());
    }

    /// Draws one frame: background results first, then the keys, the screens and what sits
    /// on top of them, and at the end the frame's edits and commands, in one place.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.begin_frame(&ctx);
        // A question open since the last frame takes the keys this frame; the screens under it
        // get none (not Enter, Delete, Ctrl+Z), so nothing changes behind it.
        let asking_delete = self
            .open
            .as_ref()
            .is_some_and(|o| o.canvas.confirm_delete.is_some());
        let asking = asking_delete || self.modal.is_open();
        self.presenter_input(&ctx, asking);
        let screen = self.open.as_ref().map(|o| o.screen);
        self.pending.extend(
            shortcuts::app_actions(&ctx, screen, asking)
                .into_iter()
                .map(Command::Action),
        );
        let palette = self.settings.theme.palette();
        // Before the screens, so its keys (Enter, Esc) are not taken by the library behind it.
        if let Some(Modal::Safety(prompt)) = self.modal.showing_mut()
            && let Some(choice) = recovery_ui::safety_prompt_ui(&ctx, prompt, &palette)
        {
            self.safety_choice(&ctx, choice);
        }
        let held = asking.then(|| HeldKeys::take(&ctx));
        let mut out = self.screens_ui(ui, &palette);
        if let Some(held) = held {
            held.release(&ctx);
        }
        if asking_delete {
            self.confirm_delete_ui(ui, &palette, &mut out);
        }
        self.pending.append(&mut out.commands);
        for text in out.notices.drain(..) {
            self.notices.info(text);
        }
        self.dialog_ui(&ctx, &palette);
        self.survey_preview_ui(&ctx, &palette);
        self.room_chip_ui(&ctx, &palette);
        let (right, clearance) = self.notice_margins();
        if let Some(command) = self.notices.ui(&ctx, &palette, right, clearance) {
            self.pending.push(command);
        }
        self.end_frame(&ctx, out.edits);
    }

    /// Applies the theme, takes in the background jobs' results and a request to close.
    fn begin_frame(&mut self, ctx: &egui::Context) {
        if !self.started {
            self.start(ctx);
        }
        if self.applied_theme != Some(self.settings.theme) {
            style::apply(ctx, self.settings.theme);
            self.applied_theme = Some(self.settings.theme);
        }
        for result in self.jobs.poll() {
            self.handle_job(result);
        }
        for event in self.jobs.poll_library() {
            match event {
                LibraryEvent::Entry(entry) => self.library.add_entry(*entry),
                LibraryEvent::Done { found } => self.library.finish_scan(found),
            }
        }
        self.handle_close_request(ctx);
        self.room_begin_frame(ctx);
    }

    /// The top bar and the open session's screen (or the library); returns what they ask for.
    fn screens_ui(&mut self, ui: &mut egui::Ui, palette: &style::Palette) -> Outbox {
        let changes = (self.open.as_ref()).map_or_else(Changes::default, |o| o.history.changes());
        let mut out = Outbox::new(changes);
        top_bar::top_bar_ui(
            ui,
            self.open.as_ref(),
            self.focus_mode,
            palette,
            &mut self.pending,
            &mut out.edits,
        );
        self.console_ui(ui, palette);
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE.fill(palette.canvas))
            .show(ui, |ui| match &mut self.open {
                Some(_) if self.room.as_ref().is_some_and(|r| r.shown) => {
                    self.room_screen_ui(ui, palette, &mut out.edits);
                }
                Some(open) => {
                    navigation::session_ui(ui, open, self.focus_mode, palette, &mut out);
                }
                None => library_ui::library_ui(
                    ui,
                    &mut self.library,
                    &self.config.library_dir,
                    palette,
                    &mut self.pending,
                ),
            });
        out
    }

    /// The Board's question before deleting something with vote dots.
    fn confirm_delete_ui(&mut self, ui: &mut egui::Ui, palette: &style::Palette, out: &mut Outbox) {
        let Some(open) = &mut self.open else { return };
        let mut cx = FrameCx {
            session: &open.session,
            palette,
            out,
        };
        canvas::confirm::confirm_ui(ui, &mut cx, &mut open.canvas);
    }

    /// The dialog, if one is open, and what its answer asks for.
    fn dialog_ui(&mut self, ctx: &egui::Context, palette: &style::Palette) {
        let Some(Modal::Dialog(dialog)) = self.modal.showing_mut() else {
            return;
        };
        let Some(outcome) = dialogs::dialog_ui(ctx, dialog, &self.config, palette) else {
            return;
        };
        self.modal.close_dialog();
        match outcome {
            dialogs::Outcome::Run(command) => self.pending.push(command),
            dialogs::Outcome::SaveThen(command) => self.save_then(ctx, Some(command)),
            dialogs::Outcome::DiscardThen(command) => self.run_now(ctx, command),
            dialogs::Outcome::Cancel => {}
        }
    }

    /// The one door: the frame's edits go through the session's history, then its commands run.
    fn end_frame(&mut self, ctx: &egui::Context, edits: Changes) {
        // What this frame asked for changes what the next frame shows: draw it now rather
        // than when the mouse next moves.
        if !edits.is_empty() || !self.pending.is_empty() {
            ctx.request_repaint();
        }
        if let Some(open) = &mut self.open {
            open.apply(edits);
        }
        for command in std::mem::take(&mut self.pending) {
            self.command(ctx, command);
        }
        self.room_end_frame();
        self.autosave(ctx);
        self.present_frame(ctx);
        self.update_window_title(ctx);
        self.settings.text_scale = ctx.zoom_factor();
    }

    fn start(&mut self, ctx: &egui::Context) {
        self.started = true;
        ctx.set_fonts(style::fonts());
        ctx.set_zoom_factor(self.settings.text_scale.clamp(0.5, 3.0));
        match self.config.open_file.take() {
            Some(path) => self.jobs.load(ctx, path, self.config.library_dir.clone()),
            None => {
                self.library.scanning = true;
                self.jobs.scan_library(ctx, self.config.library_dir.clone());
            }
        }
        // Offers the copies, and marks their sessions in the library.
        self.jobs
            .list_recovery(ctx, self.config.library_dir.clone(), Listing::Start);
    }

    fn rescan(&mut self, ctx: &egui::Context) {
        self.library.start_scan();
        if !self.jobs.scan_library(ctx, self.config.library_dir.clone()) {
            self.library.scanning = false;
            self.notices
                .error("The library could not be listed: no thread could be started for it.");
        }
        self.jobs
            .list_recovery(ctx, self.config.library_dir.clone(), Listing::Library);
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allow_close {
            return;
        }
        if self.open.as_ref().is_some_and(OpenSession::is_dirty) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modal.open(Modal::Dialog(Dialog::Unsaved {
                title: self
                    .open
                    .as_ref()
                    .map(|o| o.session.title.clone())
                    .unwrap_or_default(),
                then: Command::Action(Action::Quit),
            }));
        }
    }

    fn update_window_title(&mut self, ctx: &egui::Context) {
        let title = match &self.open {
            Some(o) if o.shows_unsaved() => {
                format!("● {} (unsaved) - Goldthread", o.session.title)
            }
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
