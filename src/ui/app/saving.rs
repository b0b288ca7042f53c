//! Saving the open session: by hand and automatically, never over a change another program
//! made to the file (the user chooses what to keep), and the recovery copy kept up to date
//! with the session and the text being typed.

use super::modals::Modal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::GoldthreadApp;
use crate::storage::lock::{self, LockError};
use crate::storage::recovery::Drafts;
use crate::storage::{self, SaveOutcome};
use crate::ui::command::Command;
use crate::ui::jobs::{PickPurpose, SaveReport};
use crate::ui::recovery_ui::{OutsideChoice, SafetyPrompt};

/// A recovery copy is written at most this often while changes keep coming, and at once after
/// a pause: so it never lags the last edit by more than this plus the time to write it.
pub const RECOVERY_INTERVAL_SECS: f64 = 1.0;

/// With "save automatically", the file is written at most this often.
pub const AUTO_SAVE_INTERVAL_SECS: f64 = 3.0;

impl GoldthreadApp {
    /// Starts saving the open session; `then` runs once the save has succeeded.
    pub(super) fn save_then(&mut self, ctx: &egui::Context, then: Option<Command>) {
        if let Some(open) = &mut self.open {
            // Saving by hand asks again about a change made outside, if there still is one.
            open.changed_outside = false;
        }
        self.start_save(ctx, then, false);
    }

    /// Starts saving the open session to its file (a new one in the library the first time).
    /// A read-only session is not written: Save as… is offered instead.
    pub(super) fn start_save(
        &mut self,
        ctx: &egui::Context,
        then: Option<Command>,
        automatic: bool,
    ) {
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
                Err(LockError::Held(owner) | LockError::Unconfirmed(owner)) => {
                    open.read_only = Some(format!("it is open in another {}", owner.describe()));
                    self.notices.error(format!(
                        "{COULD_NOT_SAVE} {} is open in another {}. Use Save as… to choose another file.",
                        display_name(&path),
                        owner.describe()
                    ));
                    return;
                }
                // The save itself reports why the folder cannot be written.
                Err(LockError::Io(_)) => open.lock = None,
            }
        }
        // Compare with the file as this session knew it; a file it never read is new.
        let expected = open
            .disk
            .as_ref()
            .filter(|(known, _)| *known == path)
            .map(|(_, stamp)| *stamp);
        // A session's first save may make the library folder, and Save as… the folder typed
        // for it; a later save never recreates a folder that has gone (a removed USB stick).
        let save_as = self
            .save_as_from
            .as_ref()
            .is_some_and(|(token, ..)| *token == open.token);
        let first_save = open.path.is_none() || save_as;
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
            expected,
            first_save,
        );
    }

    /// Takes a finished save: the file is now what was written, or another program had
    /// changed it and the user is asked what to keep.
    pub(super) fn handle_saved(&mut self, report: SaveReport) {
        let then = self.after_save.take();
        let Some(open) = self.open.as_mut().filter(|o| o.token == report.token) else {
            return;
        };
        open.saving = false;
        let save_as_from = self
            .save_as_from
            .take_if(|(token, ..)| *token == report.token);
        match report.result {
            Ok(SaveOutcome::Saved(stamp)) => {
                open.saved_generation = report.generation;
                open.disk = Some((report.path.clone(), stamp));
                open.changed_outside = false;
                // Earlier failures are over: their notices would only mislead now.
                self.notices.clear_errors_starting_with(COULD_NOT_SAVE);
                self.notices.clear_errors_starting_with(DID_NOT_SAVE);
                if let Some(warning) = report.size_warning {
                    self.notices.error(warning);
                }
                if !report.automatic {
                    self.notices
                        .info(format!("Saved to {}", report.path.display()));
                }
                if let Some(command) = then {
                    // Runs through the usual check, so edits made while saving are asked about.
                    self.pending.push(command);
                }
            }
            Ok(SaveOutcome::ChangedOutside { backup, found }) => {
                open.changed_outside = true;
                let kept = backup.as_deref().map_or_else(String::new, |b| {
                    let b = crate::ui::outside_ui::beside(&report.path, b);
                    format!(" Its version is kept as a backup: {}.", b.display())
                });
                self.notices.error(format!(
                    "{DID_NOT_SAVE} {} was changed by another program since you opened it.{kept}",
                    display_name(&report.path)
                ));
                self.modal.open(Modal::Safety(SafetyPrompt::ChangedOutside {
                    path: report.path,
                    backup,
                    found,
                    confirm_reload: false,
                }));
            }
            Err(e) => {
                if let Some((_, path, read_only)) = save_as_from
                    && open.path.as_ref() == Some(&report.path)
                {
                    // "Save as" failed: the session still belongs to the file it came from.
                    if let Some(old) = &path
                        && open.lock.as_ref().is_none_or(|l| &l.file != old)
                    {
                        open.lock = lock::acquire(old).ok();
                    }
                    open.path = path;
                    open.read_only = read_only;
                }
                self.notices.error(format!(
                    "{COULD_NOT_SAVE} {e}. Your work is still here, unsaved; try Save as… to choose another place."
                ));
            }
        }
    }

    /// Carries out the user's choice about a file another program changed.
    pub(super) fn outside_choice(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        found: Option<storage::DiskStamp>,
        choice: OutsideChoice,
    ) {
        let Some(open) = self
            .open
            .as_mut()
            .filter(|o| o.path.as_ref() == Some(&path))
        else {
            return;
        };
        match choice {
            OutsideChoice::KeepMine => {
                // Saved over the version found (already kept as a backup); a further change
                // made meanwhile is still noticed.
                open.disk = found.map(|stamp| (path, stamp));
                self.save_then(ctx, None);
            }
            OutsideChoice::ReloadTheirs => {
                open.changed_outside = false;
                // The user chose to drop their changes: no second question.
                self.close_open();
                self.run_now(ctx, Command::OpenPath(path));
            }
            OutsideChoice::SeeBoth => {
                let dir = path.parent().unwrap_or(Path::new("."));
                let title = format!("{} (your version)", open.session.title);
                let mine = storage::unique_path(dir, &title, None);
                self.notices.info(format!(
                    "Your version is saved as {}; the other program's version stays in {}. \
                     Both are in the library.",
                    display_name(&mine),
                    display_name(&path)
                ));
                open.path = Some(mine);
                open.changed_outside = false;
                self.save_then(ctx, None);
            }
            OutsideChoice::Later => {}
        }
    }

    /// Keeps the recovery copy of the open session up to date, with the text being typed (and,
    /// with "save automatically", the file itself). Runs at the end of every frame; it writes
    /// off the UI thread and asks for one repaint when the next write is due, never a loop.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let auto = self.settings.save_automatically;
        let Some(open) = &mut self.open else { return };
        open.saves_automatically = auto;
        let generation = open.history.generation();
        let dirty = open.is_dirty();
        // Drafts are collected only while there are some, or the copy still holds some.
        let drafts = if open.has_drafts() || !open.recovery.drafts.is_empty() {
            open.drafts()
        } else {
            Drafts::default()
        };
        let recovery = &mut open.recovery;
        if recovery.busy {
            // The running write reports back and asks for a repaint.
        } else if !dirty && drafts.is_empty() {
            // Everything is in the file: the copy is no longer needed.
            if recovery.exists {
                recovery.busy = true;
                let path = recovery.path.clone();
                self.jobs
                    .write_recovery(ctx, open.token, generation, path, None, None, drafts);
            }
        } else if recovery.generation != generation || !recovery.exists || recovery.drafts != drafts
        {
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
                    drafts,
                );
            } else {
                ctx.request_repaint_after(Duration::from_secs_f64(due - now));
            }
        }
        if auto
            && open.path.is_some()
            && open.read_only.is_none()
            && !open.changed_outside
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
}

pub(super) use crate::ui::recovery_ui::file_name_of as display_name;

/// How every notice about a failed save starts, so a later successful save can clear them.
const COULD_NOT_SAVE: &str = "Could not save:";

/// How a notice about a save that was held back (the file changed outside) starts.
const DID_NOT_SAVE: &str = "Did not save:";
