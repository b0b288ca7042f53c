//! The app side of the safety prompts: opening a file someone else may hold, restoring or
//! discarding recovery copies (offered until the user decides), and the choice about a file
//! another program changed.

use super::modals::Modal;
use std::path::PathBuf;

use super::GoldthreadApp;
use super::saving::display_name;
use crate::storage::lock::{self, LockError, SessionLock};
use crate::storage::recovery::{Drafts, RecoveryCopy};
use crate::storage::{DiskStamp, Loaded};
use crate::ui::document::RecoveryState;
use crate::ui::jobs::{self, Listing};
use crate::ui::recovery_ui::{SafetyChoice, SafetyPrompt};

impl GoldthreadApp {
    /// Takes a session file just read, with its lock: opens it, or asks first when someone
    /// else holds it. `copies` are its recovery copies, offered once it is open.
    pub(super) fn loaded(
        &mut self,
        loaded: Loaded,
        path: PathBuf,
        lock: Option<Result<SessionLock, LockError>>,
        stamp: Option<DiskStamp>,
        copies: Vec<RecoveryCopy>,
    ) {
        let (owner, confirmed) = match lock {
            Some(Err(LockError::Held(owner))) => (owner, true),
            Some(Err(LockError::Unconfirmed(owner))) => (owner, false),
            Some(Err(LockError::Io(e))) => {
                let why = format!("its folder cannot be written ({e})");
                self.open_loaded(loaded, path, None, Some(why));
                self.remember_disk(stamp);
                return;
            }
            Some(Ok(lock)) => {
                self.open_loaded(loaded, path, Some(lock), None);
                self.remember_disk(stamp);
                self.recovery_listed(copies, Listing::OpenedFile);
                return;
            }
            None => {
                self.open_loaded(loaded, path, None, None);
                self.remember_disk(stamp);
                return;
            }
        };
        self.modal.open(Modal::Safety(SafetyPrompt::Locked {
            path,
            owner,
            confirmed,
            confirm_anyway: false,
            stamp,
            loaded: Box::new(loaded),
        }));
    }

    /// Remembers the open session's file as just read, to tell a later change by another
    /// program.
    fn remember_disk(&mut self, stamp: Option<DiskStamp>) {
        if let Some(open) = &mut self.open
            && let (Some(stamp), Some(file)) = (stamp, open.path.clone())
        {
            open.disk = Some((file, stamp));
        }
    }

    /// Takes a listing of recovery copies: marks their sessions in the library and, at start
    /// or when their file was just opened, offers them.
    pub(super) fn recovery_listed(&mut self, copies: Vec<RecoveryCopy>, listing: Listing) {
        if listing != Listing::OpenedFile {
            self.library.set_recovery(&copies);
        }
        if listing != Listing::Library
            && !copies.is_empty()
            && self.modal.safety().is_none()
            && self.open_session_is_unchanged()
        {
            self.modal.open(Modal::Safety(SafetyPrompt::Recover {
                copies,
                confirm_discard: None,
            }));
        }
    }

    /// True when no session is open, or the open one has nothing a restore would replace.
    fn open_session_is_unchanged(&self) -> bool {
        self.open.as_ref().is_none_or(|o| !o.has_unsaved_work())
    }

    /// Installs a restored recovery copy: unsaved, with its drafts back where they were typed,
    /// and the copy kept until the work is saved.
    pub(super) fn open_restored(
        &mut self,
        copy: RecoveryCopy,
        loaded: Loaded,
        lock: Option<Result<SessionLock, LockError>>,
        stamp: Option<DiskStamp>,
        drafts: Drafts,
    ) {
        self.install(loaded.session, copy.of_file.clone());
        let Some(open) = &mut self.open else { return };
        open.saved_generation = u64::MAX;
        open.recovery = RecoveryState::new(copy.path.clone());
        open.recovery.exists = true;
        open.restore_drafts(drafts);
        if let (Some(file), Some(stamp)) = (&copy.of_file, stamp) {
            open.disk = Some((file.clone(), stamp));
        }
        match lock {
            Some(Ok(lock)) => open.lock = Some(lock),
            Some(Err(LockError::Held(owner) | LockError::Unconfirmed(owner))) => {
                open.read_only = Some(format!("its file is open in another {}", owner.describe()));
            }
            Some(Err(LockError::Io(_))) | None => {}
        }
        self.library.forget_recovery(&copy.path);
        let typed = if copy.drafts > 0 {
            " The text you were typing is back where you typed it."
        } else {
            ""
        };
        self.notices.info(format!(
            "Restored \"{}\" as it was at {}. Save to keep it.{typed}",
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

    /// Shows a safety prompt's choice taking effect.
    pub(super) fn safety_choice(&mut self, ctx: &egui::Context, choice: SafetyChoice) {
        let prompt = self.modal.take_safety();
        match choice {
            SafetyChoice::Restore(copy) => self.jobs.restore(ctx, copy),
            SafetyChoice::Discard(copy) => {
                match jobs::remove_copy(&copy.path) {
                    Ok(()) => self
                        .notices
                        .info(format!("Discarded the recovery copy of {}.", copy.title)),
                    Err(e) => self.notices.error(format!("Could not discard it: {e}")),
                }
                self.library.forget_recovery(&copy.path);
                if let Some(SafetyPrompt::Recover { mut copies, .. }) = prompt {
                    copies.retain(|c| c.path != copy.path);
                    if !copies.is_empty() {
                        self.modal.open(Modal::Safety(SafetyPrompt::Recover {
                            copies,
                            confirm_discard: None,
                        }));
                    }
                }
            }
            SafetyChoice::Later | SafetyChoice::Cancel => {}
            SafetyChoice::OpenReadOnly | SafetyChoice::OpenAnyway => {
                let Some(SafetyPrompt::Locked {
                    path,
                    owner,
                    stamp,
                    loaded,
                    ..
                }) = prompt
                else {
                    return;
                };
                if choice == SafetyChoice::OpenAnyway {
                    self.open_anyway(*loaded, path, stamp);
                } else {
                    let why = format!("it is open in another {}", owner.describe());
                    self.open_loaded(*loaded, path, None, Some(why));
                    self.remember_disk(stamp);
                }
            }
            SafetyChoice::Outside(outside) => {
                if let Some(SafetyPrompt::ChangedOutside { path, found, .. }) = prompt {
                    self.outside_choice(ctx, path, found, outside);
                }
            }
        }
    }

    /// Opens a file whose lock names a holder that could not be confirmed, taking the lock over
    /// (the user confirmed). A holder that turns out to be live still blocks.
    fn open_anyway(&mut self, loaded: Loaded, path: PathBuf, stamp: Option<DiskStamp>) {
        match lock::acquire_anyway(&path) {
            Ok(lock) => {
                self.notices.info(format!(
                    "Opened {} anyway: its lock has been taken over.",
                    display_name(&path)
                ));
                self.loaded(loaded, path, Some(Ok(lock)), stamp, Vec::new());
            }
            Err(e) => self.loaded(loaded, path, Some(Err(e)), stamp, Vec::new()),
        }
    }
}
