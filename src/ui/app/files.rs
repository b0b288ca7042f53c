//! The app's file work: choosing files, saving, opening, and the results of background jobs.

use super::modals::Modal;
use std::path::{Path, PathBuf};

use super::saving::display_name;
use super::{GoldthreadApp, OpenSession};
use crate::History;
use crate::model::Session;
use crate::storage::lock::SessionLock;
use crate::storage::recovery;
use crate::storage::{self, CURRENT_FORMAT_VERSION, Loaded};
use crate::ui::board::canvas::BoardState;
use crate::ui::command::Command;
use crate::ui::dialogs::Dialog;
use crate::ui::document::RecoveryState;
use crate::ui::jobs::{JobResult, PickPurpose};

impl GoldthreadApp {
    pub(super) fn pick(&mut self, ctx: &egui::Context, purpose: PickPurpose) {
        if self.config.native_dialogs {
            let file_name = format!("{}.ron", self.suggested_stem());
            self.jobs
                .pick(ctx, purpose, self.config.library_dir.clone(), file_name);
        } else {
            self.modal.open(Modal::Dialog(self.path_prompt(purpose)));
        }
    }

    /// The file name (without `.ron`) suggested for the open session.
    pub(super) fn suggested_stem(&self) -> String {
        self.open.as_ref().map_or_else(
            || "session".to_owned(),
            |o| storage::file_stem_for(&o.session.title),
        )
    }

    /// The dialog that asks for a path where no native file dialog works.
    pub(super) fn path_prompt(&self, purpose: PickPurpose) -> Dialog {
        let text = match purpose {
            PickPurpose::Open | PickPurpose::Import | PickPurpose::Export(_) => String::new(),
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

    /// Closes the open session (the user saved it, or chose to discard its changes): its
    /// recovery copy is deleted and its lock released.
    pub(super) fn close_open(&mut self) {
        // The room belongs to this session: it closes with it.
        self.close_room(false);
        let Some(open) = self.open.take() else { return };
        if (open.recovery.exists || open.recovery.busy)
            && let Err(e) = self.jobs.discard_copy(&open.recovery.path)
        {
            self.notices
                .error(format!("Could not remove the recovery copy: {e}"));
        }
    }

    /// Installs a session read from `path`, with its lock (or why it is read-only), and tells
    /// the user what was repaired or migrated.
    pub(super) fn open_loaded(
        &mut self,
        loaded: Loaded,
        path: PathBuf,
        lock: Option<SessionLock>,
        read_only: Option<String>,
    ) {
        let Loaded {
            session,
            warnings,
            migrated_from,
        } = loaded;
        let n = session.notes.len();
        self.install(session, Some(path.clone()));
        if let Some(open) = &mut self.open {
            open.lock = lock;
            open.read_only = read_only.clone();
        }
        self.notices.info(format!(
            "Opened {} ({n} note{}).",
            display_name(&path),
            if n == 1 { "" } else { "s" }
        ));
        if let Some(why) = read_only {
            self.notices.error(format!(
                "{} is open read-only: {why}. Use Save as… to keep changes in a new file.",
                display_name(&path)
            ));
        }
        if let Some(version) = migrated_from {
            self.notices.info(format!(
                "{} was made by an older Goldthread (file format {version}). Saving updates it to                  format {CURRENT_FORMAT_VERSION} and keeps the old file as a backup.",
                display_name(&path)
            ));
        }
        if !warnings.is_empty() {
            self.notices.error(format!(
                "{} was repaired while opening; save to keep the repairs:\n{}",
                display_name(&path),
                warnings.join("\n")
            ));
        }
    }

    pub(super) fn install(&mut self, mut session: Session, path: Option<PathBuf>) {
        self.close_open();
        // Every session gets an id of its own, kept in its file: follow-ups find it by it. A
        // file without one gets the id the library already knows it by.
        if session.id.trim().is_empty() {
            session.id = match path {
                Some(_) => session.effective_id(),
                None => self.fresh_session_id(),
            };
        }
        let token = self.next_token;
        self.next_token += 1;
        let copy_id = format!(
            "{}-{}-{token}",
            chrono::Local::now().format("%Y%m%d-%H%M%S"),
            std::process::id()
        );
        let recovery_path =
            recovery::recovery_path(&self.config.library_dir, &session.title, &copy_id);
        let mut canvas = BoardState::new(session.view);
        canvas.fit_if_mostly_hidden = path.is_some();
        canvas.anchor_origin_requested = path.is_none() && session.notes.is_empty();
        self.open = Some(OpenSession {
            session,
            history: History::default(),
            path,
            saved_generation: 0,
            canvas,
            token,
            saving: false,
            screen: Default::default(),
            voting: Default::default(),
            lab: crate::ui::lab::LabState::on(self.config.today),
            read_only: None,
            lock: None,
            recovery: RecoveryState::new(recovery_path),
            saves_automatically: self.settings.save_automatically,
            last_auto_save_secs: f64::NEG_INFINITY,
            disk: None,
            changed_outside: false,
        });
    }

    pub(super) fn handle_job(&mut self, result: JobResult) {
        match result {
            JobResult::Loaded {
                path,
                result,
                lock,
                stamp,
                copies,
            } => match *result {
                Ok(loaded) => self.loaded(loaded, path, lock, stamp, copies),
                Err(e) => {
                    self.modal.open(Modal::Dialog(Dialog::Message {
                        title: format!("Can't open {}", e.file_name()),
                        body: format!("{}\n\nThe file has not been changed.", e),
                    }));
                }
            },
            JobResult::FollowUpRead { path, result } => self.follow_up_read(path, *result),
            JobResult::PreviousFound(found) => self.previous_found(found),
            JobResult::Recovery { copies, listing } => self.recovery_listed(copies, listing),
            JobResult::Restored {
                copy,
                result,
                lock,
                stamp,
                drafts,
            } => match *result {
                Ok(loaded) => self.open_restored(copy, loaded, lock, stamp, drafts),
                Err(e) => {
                    self.modal.open(Modal::Dialog(Dialog::Message {
                        title: format!("Can't restore {}", copy.title),
                        body: format!(
                            "{e}\n\nThe recovery copy has not been changed; it is in {}.",
                            copy.path.display()
                        ),
                    }));
                }
            },
            JobResult::RecoveryWritten {
                token,
                generation,
                removed,
                drafts,
                result,
            } => self.recovery_written(token, generation, removed, drafts, result),
            JobResult::Saved(report) => self.handle_saved(report),
            JobResult::Picked {
                purpose,
                path,
                unavailable,
            } => self.picked(purpose, path, unavailable),
            JobResult::NotesRead {
                token,
                path,
                result,
            } => self.notes_read(token, &path, result),
            JobResult::SurveyRead {
                token,
                path,
                result,
            } => self.survey_read(token, path, result),
            JobResult::CanvasRead {
                token,
                path,
                result,
            } => self.canvas_read(token, &path, result),
            JobResult::Templates(found) => self.templates_found(found),
            result @ (JobResult::Exported { .. }
            | JobResult::ExampleReady(_)
            | JobResult::FolderShown { .. }) => self.handle_help_job(result),
        }
    }
    /// The recovery copy was written (or removed) for the session `token`, holding change
    /// `generation` and these drafts; a failure is said once.
    fn recovery_written(
        &mut self,
        token: u64,
        generation: u64,
        removed: bool,
        drafts: crate::storage::recovery::Drafts,
        result: Result<(), crate::storage::FileError>,
    ) {
        let Some(open) = self.open.as_mut().filter(|o| o.token == token) else {
            // The session was closed meanwhile; Jobs::discard_copy saw to its copy.
            return;
        };
        let recovery = &mut open.recovery;
        recovery.busy = false;
        match result {
            Ok(()) => {
                recovery.generation = generation;
                recovery.exists = !removed;
                recovery.failed = false;
                recovery.drafts = drafts;
            }
            Err(e) => {
                if !recovery.failed {
                    self.notices.error(format!(
                        "The recovery copy could not be written: {e}. Save your work now."
                    ));
                }
                recovery.failed = true;
            }
        }
    }

    /// A native file dialog closed: what was chosen goes on to open, save, import or export;
    /// with no working native dialog, the app asks for a path instead.
    fn picked(&mut self, purpose: PickPurpose, path: Option<PathBuf>, unavailable: bool) {
        if unavailable {
            self.config.native_dialogs = false;
            self.modal.open(Modal::Dialog(self.path_prompt(purpose)));
            return;
        }
        let Some(path) = path else { return };
        match purpose {
            PickPurpose::Open => self.pending.push(Command::OpenPath(path)),
            PickPurpose::SaveAs => self.pending.push(Command::SaveAsPath(path)),
            PickPurpose::Import => self.pending.push(Command::ImportPath(path)),
            // The native dialog has asked about replacing a file already.
            PickPurpose::Export(format) => {
                self.pending.push(Command::ExportReplacing { path, format })
            }
        }
    }

    /// The user's templates were read: offered in the new-session dialog if it is open.
    fn templates_found(&mut self, found: crate::storage::Templates) {
        for problem in found.problems {
            self.notices.error(problem);
        }
        if let Some(Dialog::NewSession { templates, .. }) = self.modal.dialog_mut() {
            templates.extend(
                found
                    .templates
                    .into_iter()
                    .filter(|t| matches!(t.source, crate::storage::TemplateSource::User(_))),
            );
        }
    }
}

impl GoldthreadApp {
    /// Where an export of the open session is offered first: the user's Documents folder (not
    /// the hidden library folder), under the name the session would be saved with.
    pub fn export_path(&self, format: crate::export::Format) -> Option<PathBuf> {
        let open = self.open.as_ref()?;
        let dir = self
            .export_dir
            .clone()
            .unwrap_or_else(|| crate::ui::help::documents_dir(&self.config.library_dir));
        let stem = open.path.as_deref().and_then(Path::file_stem).map_or_else(
            || storage::file_stem_for(&open.session.title),
            |s| s.to_string_lossy().into_owned(),
        );
        Some(dir.join(format!("{stem}.{}", format.extension())))
    }

    /// Asks where to write the export: the native save dialog, or a typed path where there
    /// is none.
    pub(super) fn choose_export(&mut self, ctx: &egui::Context, format: crate::export::Format) {
        let Some(path) = self.export_path(format) else {
            return;
        };
        let purpose = PickPurpose::Export(format);
        if self.config.native_dialogs {
            let dir = path.parent().map(Path::to_owned).unwrap_or_default();
            self.jobs.pick(ctx, purpose, dir, display_name(&path));
        } else {
            self.modal.open(Modal::Dialog(Dialog::PathPrompt {
                purpose,
                text: path.display().to_string(),
                explain_no_native: true,
            }));
        }
    }

    /// Writes the export to the chosen `path`, asking first when a file is in the way.
    pub(super) fn export(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        format: crate::export::Format,
    ) {
        if path.exists() {
            self.modal
                .open(Modal::Dialog(Dialog::ConfirmExport { path, format }));
            return;
        }
        self.export_to(ctx, path, format);
    }

    /// Writes the export to `path` (atomically: the old file or the new, never half), on a
    /// background thread; a notice says when it is written (with "Show in folder") or why it
    /// could not be.
    pub(super) fn export_to(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        format: crate::export::Format,
    ) {
        let Some(open) = &self.open else { return };
        // Pictures and the Word document take a moment: make them on the export thread.
        let session = open.session.clone();
        self.jobs.write_rendered(ctx, path, move || {
            format.render_bytes(&session, &crate::export::ReportOptions::default())
        });
    }

    /// Handles the results of the export flow and the Help menu's jobs.
    fn handle_help_job(&mut self, result: JobResult) {
        match result {
            JobResult::Exported { path, result } => match result {
                Ok(()) => self.notices.info_with(
                    format!("Exported to {}", path.display()),
                    "Show in folder",
                    Command::ShowInFolder(path),
                ),
                Err(e) => self.notices.error(format!(
                    "Could not write {}: {e}. Nothing was changed.",
                    path.display()
                )),
            },
            JobResult::ExampleReady(Ok(path)) => self.pending.push(Command::OpenPath(path)),
            JobResult::ExampleReady(Err(e)) => self.notices.error(format!(
                "The example could not be copied into the library: {e}. Nothing was changed."
            )),
            JobResult::FolderShown {
                dir,
                result: Err(e),
            } => self.notices.error(format!(
                "The folder could not be shown ({e}). It is {}",
                dir.display()
            )),
            _ => {}
        }
    }
}

pub(super) fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some_and(|e| e == "ron") {
        path
    } else {
        let mut s = path.into_os_string();
        s.push(".ron");
        PathBuf::from(s)
    }
}
