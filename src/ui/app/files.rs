//! The app's file work: choosing files, saving, opening, and the results of background jobs.

use std::path::{Path, PathBuf};

use std::time::Duration;

use super::config::RecoveryState;
use super::{GoldthreadApp, OpenSession};
use crate::History;
use crate::model::Session;
use crate::storage::lock::{self, LockError, SessionLock};
use crate::storage::recovery::{self, RecoveryCopy};
use crate::storage::{self, CURRENT_FORMAT_VERSION, Loaded};
use crate::ui::canvas::CanvasState;
use crate::ui::command::Command;
use crate::ui::dialogs::Dialog;
use crate::ui::jobs::{self, JobResult, PickPurpose, SaveReport};
use crate::ui::recovery_ui::{SafetyChoice, SafetyPrompt};

/// A recovery copy is written at most this often while changes keep coming, and at once after
/// a pause: so it never lags the last edit by more than this plus the time to write it.
pub const RECOVERY_INTERVAL_SECS: f64 = 1.0;

/// With "save automatically", the file is written at most this often.
pub const AUTO_SAVE_INTERVAL_SECS: f64 = 3.0;

impl GoldthreadApp {
    pub(super) fn pick(&mut self, ctx: &egui::Context, purpose: PickPurpose) {
        if self.config.native_dialogs {
            let file_name = format!("{}.ron", self.suggested_stem());
            self.jobs
                .pick(ctx, purpose, self.config.library_dir.clone(), file_name);
        } else {
            self.dialog = Some(self.path_prompt(purpose));
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
            PickPurpose::Open | PickPurpose::Import => String::new(),
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
    pub(super) fn save_then(&mut self, ctx: &egui::Context, then: Option<Command>) {
        self.start_save(ctx, then, false);
    }

    /// Starts saving the open session to its file (a new one in the library the first time).
    /// A read-only session is not written: Save as… is offered instead.
    fn start_save(&mut self, ctx: &egui::Context, then: Option<Command>, automatic: bool) {
        let Some(open) = &mut self.open else {
            if let Some(command) = then {
                self.run_now(ctx, command);
            }
            return;
        };
        if let Some(why) = &open.read_only {
            self.notices.error(format!(
                "This session is read-only: {why}. Choose a new file to save your changes in."
            ));
            self.pick(ctx, PickPurpose::SaveAs);
            return;
        }
        let path = open.path.clone().unwrap_or_else(|| {
            storage::unique_path(&self.config.library_dir, &open.session.title, None)
        });
        if open.lock.as_ref().is_none_or(|l| l.file != path) {
            match lock::acquire(&path) {
                Ok(lock) => open.lock = Some(lock),
                Err(LockError::Held(owner)) => {
                    open.read_only = Some(format!("it is open in another {}", owner.describe()));
                    self.notices.error(format!(
                        "Did not save: {} is open in another {}. Use Save as… to choose another file.",
                        display_name(&path),
                        owner.describe()
                    ));
                    return;
                }
                // The save itself reports why the folder cannot be written.
                Err(LockError::Io(_)) => open.lock = None,
            }
        }
        open.path = Some(path.clone());
        open.saving = true;
        self.after_save = then;
        self.jobs.save(
            ctx,
            open.token,
            open.history.generation(),
            path,
            open.snapshot(),
            automatic,
        );
    }

    /// Keeps the recovery copy of the open session up to date (and, with "save automatically",
    /// the file itself). Runs at the end of every frame; it writes off the UI thread and asks
    /// for one repaint when the next write is due, never a repaint loop.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let auto = self.settings.save_automatically;
        let Some(open) = &mut self.open else { return };
        open.saves_automatically = auto;
        let generation = open.history.generation();
        let dirty = open.is_dirty();
        let recovery = &mut open.recovery;
        if recovery.busy {
            // The running write reports back and asks for a repaint.
        } else if !dirty {
            // Everything is in the file: the copy is no longer needed.
            if recovery.exists {
                recovery.busy = true;
                let path = recovery.path.clone();
                self.jobs
                    .write_recovery(ctx, open.token, generation, path, None, None);
            }
        } else if recovery.generation != generation || !recovery.exists {
            let due = recovery.last_write_secs + RECOVERY_INTERVAL_SECS;
            if now >= due {
                recovery.busy = true;
                recovery.last_write_secs = now;
                let path = recovery.path.clone();
                let snapshot = open.snapshot();
                self.jobs.write_recovery(
                    ctx,
                    open.token,
                    generation,
                    path,
                    open.path.clone(),
                    Some(snapshot),
                );
            } else {
                ctx.request_repaint_after(Duration::from_secs_f64(due - now));
            }
        }
        if auto
            && open.path.is_some()
            && open.read_only.is_none()
            && open.is_dirty()
            && !open.saving
        {
            let due = open.last_auto_save_secs + AUTO_SAVE_INTERVAL_SECS;
            if now >= due {
                open.last_auto_save_secs = now;
                self.start_save(ctx, None, true);
            } else {
                ctx.request_repaint_after(Duration::from_secs_f64(due - now));
            }
        }
    }

    /// Closes the open session (the user saved it, or chose to discard its changes): its
    /// recovery copy is deleted and its lock released.
    pub(super) fn close_open(&mut self) {
        let Some(open) = self.open.take() else { return };
        if (open.recovery.exists || open.recovery.busy)
            && let Err(e) = self.jobs.discard_copy(&open.recovery.path)
        {
            self.notices
                .error(format!("Could not remove the recovery copy: {e}"));
        }
    }

    /// Shows a safety prompt's choice taking effect.
    pub(super) fn safety_choice(&mut self, ctx: &egui::Context, choice: SafetyChoice) {
        let prompt = self.safety.take();
        match choice {
            SafetyChoice::Restore(copy) => self.jobs.restore(ctx, copy),
            SafetyChoice::Discard(copy) => {
                match jobs::remove_copy(&copy.path) {
                    Ok(()) => self
                        .notices
                        .info(format!("Discarded the recovery copy of {}.", copy.title)),
                    Err(e) => self.notices.error(format!("Could not discard it: {e}")),
                }
                if let Some(SafetyPrompt::Recover { mut copies, .. }) = prompt {
                    copies.retain(|c| c.path != copy.path);
                    if !copies.is_empty() {
                        self.safety = Some(SafetyPrompt::Recover {
                            copies,
                            confirm_discard: None,
                        });
                    }
                }
            }
            SafetyChoice::Later | SafetyChoice::Cancel => {}
            SafetyChoice::OpenReadOnly => {
                if let Some(SafetyPrompt::Locked {
                    path,
                    owner,
                    loaded,
                }) = prompt
                {
                    let why = format!("it is open in another {}", owner.describe());
                    self.open_loaded(*loaded, path, None, Some(why));
                }
            }
        }
    }

    /// Installs a session read from `path`, with its lock (or why it is read-only), and tells
    /// the user what was repaired or migrated.
    fn open_loaded(
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

    /// Installs a restored recovery copy: unsaved, with the copy kept until it is saved.
    fn open_restored(
        &mut self,
        copy: RecoveryCopy,
        loaded: Loaded,
        lock: Option<Result<SessionLock, LockError>>,
    ) {
        self.install(loaded.session, copy.of_file.clone());
        let Some(open) = &mut self.open else { return };
        open.saved_generation = u64::MAX;
        open.recovery = RecoveryState::new(copy.path.clone());
        open.recovery.exists = true;
        match lock {
            Some(Ok(lock)) => open.lock = Some(lock),
            Some(Err(LockError::Held(owner))) => {
                open.read_only = Some(format!("its file is open in another {}", owner.describe()));
            }
            Some(Err(LockError::Io(_))) | None => {}
        }
        self.notices.info(format!(
            "Restored \"{}\" as it was at {}. Save to keep it.",
            copy.title,
            copy.written.format("%H:%M:%S")
        ));
        if !loaded.warnings.is_empty() {
            self.notices.error(format!(
                "The recovery copy was repaired while opening:\n{}",
                loaded.warnings.join("\n")
            ));
        }
    }

    pub(super) fn install(&mut self, session: Session, path: Option<PathBuf>) {
        self.close_open();
        let token = self.next_token;
        self.next_token += 1;
        let copy_id = format!(
            "{}-{}-{token}",
            chrono::Local::now().format("%Y%m%d-%H%M%S"),
            std::process::id()
        );
        let recovery_path =
            recovery::recovery_path(&self.config.library_dir, &session.title, &copy_id);
        let mut canvas = CanvasState::new(session.view);
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
            lab: Default::default(),
            read_only: None,
            lock: None,
            recovery: RecoveryState::new(recovery_path),
            saves_automatically: self.settings.save_automatically,
            last_auto_save_secs: f64::NEG_INFINITY,
        });
    }

    pub(super) fn handle_job(&mut self, result: JobResult) {
        match result {
            JobResult::Library(entries) => {
                self.library.set_entries(entries);
            }
            JobResult::Loaded { path, result, lock } => match *result {
                Ok(loaded) => match lock {
                    Some(Err(LockError::Held(owner))) => {
                        self.safety = Some(SafetyPrompt::Locked {
                            path,
                            owner,
                            loaded: Box::new(loaded),
                        });
                    }
                    Some(Err(LockError::Io(e))) => {
                        let why = format!("its folder cannot be written ({e})");
                        self.open_loaded(loaded, path, None, Some(why));
                    }
                    Some(Ok(lock)) => self.open_loaded(loaded, path, Some(lock), None),
                    None => self.open_loaded(loaded, path, None, None),
                },
                Err(e) => {
                    self.dialog = Some(Dialog::Message {
                        title: format!("Can't open {}", e.file_name()),
                        body: format!("{}\n\nThe file has not been changed.", e),
                    });
                }
            },
            JobResult::Recovery(copies) => {
                if !copies.is_empty() {
                    self.safety = Some(SafetyPrompt::Recover {
                        copies,
                        confirm_discard: None,
                    });
                }
            }
            JobResult::Restored { copy, result, lock } => match *result {
                Ok(loaded) => self.open_restored(copy, loaded, lock),
                Err(e) => {
                    self.dialog = Some(Dialog::Message {
                        title: format!("Can't restore {}", copy.title),
                        body: format!(
                            "{e}\n\nThe recovery copy has not been changed; it is in {}.",
                            copy.path.display()
                        ),
                    });
                }
            },
            JobResult::RecoveryWritten {
                token,
                generation,
                removed,
                result,
            } => {
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
                    PickPurpose::Import => self.pending.push(Command::ImportPath(path)),
                }
            }
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
            JobResult::Exported { path, result } => match result {
                Ok(()) => self.notices.info(format!("Exported to {}", path.display())),
                Err(e) => self.notices.error(format!(
                    "Could not write {}: {e}. Nothing was changed.",
                    path.display()
                )),
            },
        }
    }

    pub(super) fn handle_saved(&mut self, report: SaveReport) {
        let then = self.after_save.take();
        let Some(open) = self.open.as_mut().filter(|o| o.token == report.token) else {
            return;
        };
        open.saving = false;
        match report.result {
            Ok(()) => {
                open.saved_generation = report.generation;
                if !report.automatic {
                    self.notices
                        .info(format!("Saved to {}", report.path.display()));
                }
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
}

impl GoldthreadApp {
    /// Where an export of the open session goes: next to its file, or in the library under
    /// the name it would be saved with when it has no file yet.
    pub fn export_path(&self, format: crate::export::Format) -> Option<PathBuf> {
        let open = self.open.as_ref()?;
        let session_path = open.path.clone().unwrap_or_else(|| {
            self.config.library_dir.join(format!(
                "{}.ron",
                storage::file_stem_for(&open.session.title)
            ))
        });
        Some(crate::cli::default_export_path(&session_path, format))
    }

    /// Writes the export next to the session file, asking first when a file is in the way.
    pub(super) fn export(
        &mut self,
        ctx: &egui::Context,
        format: crate::export::Format,
        replace: bool,
    ) {
        let Some(path) = self.export_path(format) else {
            return;
        };
        if path.exists() && !replace {
            self.dialog = Some(Dialog::ConfirmExport { path, format });
            return;
        }
        self.export_to(ctx, path, format);
    }

    /// Writes the export to `path` (atomically: the old file or the new, never half), on a
    /// background thread; a notice says when it is written or why it could not be.
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

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
