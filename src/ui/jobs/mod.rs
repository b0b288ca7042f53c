//! Slow or blocking work off the UI thread: saving, loading, scanning the library, native file
//! dialogs. Each job runs on a named thread and sends its result back over a channel, then asks
//! egui for a repaint so the result is handled at once. What they send back is in `messages`;
//! the jobs beside the session file (imports, exports, the example) are in `extras`.

mod extras;
mod messages;

pub use messages::{JobResult, LibraryEvent, Listing, PickPurpose, SaveReport};

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use crate::model::Session;
use crate::storage::lock;
use crate::storage::recovery::Drafts;
use crate::storage::recovery::{self, RecoveryCopy};
use crate::storage::{self, DiskStamp, FileError, SaveOutcome};

/// With "save automatically", a backup of the file is kept at most this often.
pub const AUTO_SAVE_BACKUP_SECS: u64 = 5 * 60;

/// A dialog that returns nothing sooner than this never really opened.
const NO_DIALOG_SECS: std::time::Duration = std::time::Duration::from_millis(250);

/// The background work in flight.
#[derive(Debug)]
pub struct Jobs {
    tx: Sender<JobResult>,
    rx: Receiver<JobResult>,
    running: usize,
    /// Recovery copies of closed sessions. Held while a copy is written, so a write still
    /// running when its session closes either finishes before the copy is deleted or is
    /// skipped: a discarded session never leaves a copy behind.
    discarded: Arc<Mutex<HashSet<PathBuf>>>,
    /// The library scan running, if any.
    library: Option<LibraryScan>,
}

/// A library scan in flight.
#[derive(Debug)]
struct LibraryScan {
    rx: Receiver<LibraryEvent>,
    /// Set to stop the scan after the file it is reading.
    cancel: Arc<AtomicBool>,
}

impl Default for Jobs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self {
            tx,
            rx,
            running: 0,
            discarded: Arc::default(),
            library: None,
        }
    }
}

impl Jobs {
    /// Runs `work` on a thread called `name`; its result arrives through [`Jobs::poll`].
    pub fn spawn(
        &mut self,
        ctx: &egui::Context,
        name: &str,
        work: impl FnOnce() -> JobResult + Send + 'static,
    ) {
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("goldthread-{name}"))
            .spawn(move || {
                let _ = tx.send(work());
                ctx.request_repaint();
            });
        if spawned.is_ok() {
            self.running += 1;
        }
    }

    /// The results that have arrived since the last call.
    pub fn poll(&mut self) -> Vec<JobResult> {
        let results: Vec<JobResult> = self.rx.try_iter().collect();
        self.running = self.running.saturating_sub(results.len());
        results
    }

    /// True when no job is running.
    pub fn is_idle(&self) -> bool {
        self.running == 0 && self.library.is_none()
    }

    /// Lists the library folder on its own thread, one file at a time; each entry arrives
    /// through [`Jobs::poll_library`] as soon as it is read. A scan still running is cancelled
    /// first: a new Refresh never runs two scans side by side. False when no thread could be
    /// started (then nothing will arrive).
    pub fn scan_library(&mut self, ctx: &egui::Context, dir: PathBuf) -> bool {
        if let Some(old) = self.library.take() {
            old.cancel.store(true, Ordering::Relaxed);
        }
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("goldthread-library".to_owned())
            .spawn(move || {
                let found = storage::scan_library_each(&dir, &stop, |entry| {
                    ctx.request_repaint();
                    tx.send(LibraryEvent::Entry(Box::new(entry))).is_ok()
                });
                let _ = tx.send(LibraryEvent::Done { found });
                ctx.request_repaint();
            });
        if spawned.is_ok() {
            self.library = Some(LibraryScan { rx, cancel });
        }
        self.library.is_some()
    }

    /// What the running library scan has found since the last call; the last event of a scan
    /// is [`LibraryEvent::Done`].
    pub fn poll_library(&mut self) -> Vec<LibraryEvent> {
        let Some(scan) = &self.library else {
            return Vec::new();
        };
        let events: Vec<LibraryEvent> = scan.rx.try_iter().collect();
        if events
            .iter()
            .any(|e| matches!(e, LibraryEvent::Done { .. }))
        {
            self.library = None;
        }
        events
    }

    /// Reads a session file, takes its lock, and finds its recovery copies in the places
    /// `library` implies.
    pub fn load(&mut self, ctx: &egui::Context, path: PathBuf, library: PathBuf) {
        self.spawn(ctx, "load", move || {
            let (result, stamp) = match storage::load_stamped(&path) {
                Ok((loaded, stamp)) => (Ok(loaded), Some(stamp)),
                Err(e) => (Err(e), None),
            };
            let result = Box::new(result);
            let lock = result.is_ok().then(|| lock::acquire(&path));
            let copies = if matches!(lock, Some(Ok(_))) {
                recovery::pending_for_file(&library, &path)
            } else {
                Vec::new()
            };
            JobResult::Loaded {
                path,
                result,
                lock,
                stamp,
                copies,
            }
        });
    }

    /// Writes a copy of a session, unless the file is no longer `expected` (another program
    /// changed it): then it is backed up and left alone. Automatic saves keep at most one
    /// backup per [`AUTO_SAVE_BACKUP_SECS`]. With `create_folder` (a session's first save into
    /// the library, or Save as…) a missing folder is made; otherwise a folder that has gone is
    /// reported, never silently made again.
    #[allow(
        clippy::too_many_arguments,
        reason = "one save's facts, passed through"
    )]
    pub fn save(
        &mut self,
        ctx: &egui::Context,
        token: u64,
        generation: u64,
        path: PathBuf,
        session: Session,
        automatic: bool,
        expected: Option<DiskStamp>,
        create_folder: bool,
    ) {
        self.spawn(ctx, "save", move || {
            let min_age = automatic.then(|| std::time::Duration::from_secs(AUTO_SAVE_BACKUP_SECS));
            let result = prepare_folder(&path, create_folder)
                .and_then(|()| storage::save_checked(&path, &session, min_age, expected.as_ref()));
            let size_warning = result
                .as_ref()
                .ok()
                .filter(|outcome| matches!(outcome, SaveOutcome::Saved(_)))
                .and_then(|_| std::fs::metadata(&path).ok())
                .and_then(|m| storage::size_warning(m.len()));
            JobResult::Saved(SaveReport {
                token,
                generation,
                path,
                automatic,
                result,
                size_warning,
            })
        });
    }

    /// Lists the recovery copies waiting for a decision in every place copies may be (see
    /// [`recovery::places`]): all of them, or those of the file just opened.
    pub fn list_recovery(&mut self, ctx: &egui::Context, library: PathBuf, listing: Listing) {
        self.spawn(ctx, "recovery-list", move || {
            if listing == Listing::Start {
                recovery::remove_superseded(&library);
            }
            JobResult::Recovery {
                copies: recovery::pending_everywhere(&library),
                listing,
            }
        });
    }

    /// Reads a recovery copy to restore it, taking the lock on its file.
    pub fn restore(&mut self, ctx: &egui::Context, copy: RecoveryCopy) {
        self.spawn(ctx, "recovery-read", move || {
            let (result, drafts) = match recovery::read_recovery_with_drafts(&copy.path) {
                Ok((_, loaded, drafts)) => (Ok(loaded), drafts),
                Err(e) => (Err(e), Drafts::default()),
            };
            let result = Box::new(result);
            let lock = match (&*result, &copy.of_file) {
                (Ok(_), Some(file)) => Some(lock::acquire(file)),
                _ => None,
            };
            let stamp = copy
                .of_file
                .as_deref()
                .and_then(|f| DiskStamp::read(f).ok().flatten());
            JobResult::Restored {
                copy,
                result,
                lock,
                stamp,
                drafts,
            }
        });
    }

    /// Writes the recovery copy of an open session with the text being typed in it, or
    /// removes it when `session` is `None`.
    #[allow(clippy::too_many_arguments, reason = "one copy's facts")]
    pub fn write_recovery(
        &mut self,
        ctx: &egui::Context,
        token: u64,
        generation: u64,
        path: PathBuf,
        of_file: Option<PathBuf>,
        session: Option<Session>,
        drafts: Drafts,
    ) {
        let discarded = Arc::clone(&self.discarded);
        self.spawn(ctx, "recovery-write", move || {
            let removed = session.is_none();
            let discarded = discarded.lock().unwrap_or_else(|e| e.into_inner());
            let result = match session {
                Some(_) if discarded.contains(&path) => Ok(()),
                Some(session) => recovery::write_recovery_with_drafts(
                    &path,
                    of_file.as_deref(),
                    &session,
                    &drafts,
                ),
                None => remove_copy(&path),
            };
            drop(discarded);
            JobResult::RecoveryWritten {
                token,
                generation,
                removed,
                drafts,
                result,
            }
        });
    }

    /// Deletes the recovery copy of a session being closed, waiting for a write of it that is
    /// still running, and makes sure no later write brings it back.
    pub fn discard_copy(&mut self, path: &std::path::Path) -> Result<(), FileError> {
        let mut discarded = self.discarded.lock().unwrap_or_else(|e| e.into_inner());
        discarded.insert(path.to_owned());
        remove_copy(path)
    }

    /// Opens a native file dialog on its own thread (rfd blocks the thread it runs on).
    pub fn pick(
        &mut self,
        ctx: &egui::Context,
        purpose: PickPurpose,
        dir: PathBuf,
        file_name: String,
    ) {
        self.spawn(ctx, "file-dialog", move || {
            let started = std::time::Instant::now();
            let dialog = rfd::FileDialog::new().set_directory(&dir);
            let dialog = match purpose {
                PickPurpose::Import => dialog
                    .add_filter(
                        "Notes, survey exports, JSON Canvas",
                        &["txt", "csv", "tsv", "xlsx", "ods", "xls", "md", "canvas"],
                    )
                    .add_filter("Any file", &["*"]),
                PickPurpose::Open | PickPurpose::SaveAs => {
                    dialog.add_filter("Goldthread session", &["ron"])
                }
                PickPurpose::Export(format) => {
                    let (name, extension) = format.filter();
                    dialog.add_filter(name, &[extension])
                }
            };
            let path = match purpose {
                PickPurpose::Open => dialog.set_title("Open a session").pick_file(),
                PickPurpose::SaveAs => dialog
                    .set_title("Save session as")
                    .set_file_name(file_name)
                    .save_file(),
                PickPurpose::Import => dialog.set_title("Import notes").pick_file(),
                PickPurpose::Export(_) => dialog
                    .set_title("Export")
                    .set_file_name(file_name)
                    .save_file(),
            };
            let unavailable = path.is_none() && started.elapsed() < NO_DIALOG_SECS;
            JobResult::Picked {
                purpose,
                path,
                unavailable,
            }
        });
    }
}

/// Makes sure the folder of `path` is there before a save: made when `create` is true,
/// otherwise reported as gone (the old file, if any, is then out of reach too).
fn prepare_folder(path: &std::path::Path, create: bool) -> Result<(), FileError> {
    let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) else {
        return Ok(());
    };
    if dir.is_dir() {
        return Ok(());
    }
    if !create {
        return Err(FileError::new(
            path,
            storage::LoadError::NotSaved(format!(
                "its folder {} is not there (was it removed, renamed, or a USB stick taken \
                 out?); it was not made, so nothing was written",
                dir.display()
            )),
        ));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| FileError::new(path, storage::LoadError::NotSaved(storage::describe_io(&e))))
}

/// Removes a recovery copy, and the recovery folder when that leaves it empty.
pub fn remove_copy(path: &std::path::Path) -> Result<(), FileError> {
    recovery::discard_recovery(path).map_err(|e| {
        FileError::new(path, storage::LoadError::NotSaved(storage::describe_io(&e)))
    })?;
    if let Some(dir) = path.parent() {
        // Only succeeds when empty: other sessions' copies stay.
        let _ = std::fs::remove_dir(dir);
    }
    Ok(())
}

/// Whether a native file dialog can be shown here. On Linux, rfd talks to the desktop portal
/// over D-Bus; without a session bus there is no dialog, and the app asks for a path instead.
pub fn native_dialogs_available() -> bool {
    if std::env::var_os("GOLDTHREAD_NO_NATIVE_DIALOGS").is_some() {
        return false;
    }
    if cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "openbsd"
    )) {
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
            || std::env::var_os("XDG_RUNTIME_DIR")
                .is_some_and(|d| std::path::Path::new(&d).join("bus").exists())
    } else {
        true
    }
}
