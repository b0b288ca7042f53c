//! Slow or blocking work off the UI thread: saving, loading, scanning the library, native file
//! dialogs. Each job runs on a named thread and sends its result back over a channel, then asks
//! egui for a repaint so the result is handled at once.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use crate::model::Session;
use crate::storage::lock::{self, LockError, SessionLock};
use crate::storage::recovery::{self, RecoveryCopy};
use crate::storage::{self, FileError, LibraryEntry, Loaded};

/// What a file dialog was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickPurpose {
    /// Choosing a session file to open.
    Open,
    /// Choosing where to save a copy of the session.
    SaveAs,
    /// Choosing a text or CSV file of notes to import into the open session.
    Import,
}

/// A finished job.
#[derive(Debug)]
pub enum JobResult {
    /// The library folder was listed.
    Library(Vec<LibraryEntry>),
    /// A session file was read.
    Loaded {
        /// The file.
        path: PathBuf,
        /// The session, or why it could not be read.
        result: Box<Result<Loaded, FileError>>,
        /// The one-writer lock, taken once the file had been read.
        lock: Option<Result<SessionLock, LockError>>,
    },
    /// The recovery folder was listed at start: the copies newer than their files.
    Recovery(Vec<RecoveryCopy>),
    /// A recovery copy was read to restore it.
    Restored {
        /// The copy.
        copy: RecoveryCopy,
        /// Its session, or why it could not be read.
        result: Box<Result<Loaded, FileError>>,
        /// The lock on the file it belongs to, when it has one.
        lock: Option<Result<SessionLock, LockError>>,
    },
    /// A recovery copy was written or removed.
    RecoveryWritten {
        /// Which open session it was for.
        token: u64,
        /// The session's change counter when the copy was taken.
        generation: u64,
        /// True when the copy was removed rather than written.
        removed: bool,
        /// `Err` holds a message for the user.
        result: Result<(), FileError>,
    },
    /// A session was written.
    Saved(SaveReport),
    /// A native file dialog closed.
    Picked {
        /// Why it was opened.
        purpose: PickPurpose,
        /// The chosen file, or `None` when cancelled.
        path: Option<PathBuf>,
        /// The dialog came back empty faster than a person can cancel: there is no working
        /// native dialog (e.g. no desktop portal), so the app should ask for a path instead.
        unavailable: bool,
    },
    /// A notes file was read for "Import notes…".
    NotesRead {
        /// Which open session it is for (sessions are numbered as they are opened).
        token: u64,
        /// The file.
        path: PathBuf,
        /// The notes, or why there are none.
        result: Result<Vec<crate::import::ImportedLine>, crate::import::ImportError>,
    },
    /// A survey table (CSV, TSV, .xlsx, .ods) was read for "Import notes…".
    SurveyRead {
        /// Which open session it is for.
        token: u64,
        /// The file.
        path: PathBuf,
        /// The table with the automatic choice of columns, or why it could not be read.
        result: Result<
            Box<(crate::survey::Table, crate::survey::Selection)>,
            crate::import::ImportError,
        >,
    },
    /// A JSON Canvas file was read for "Import notes…".
    CanvasRead {
        /// Which open session it is for.
        token: u64,
        /// The file.
        path: PathBuf,
        /// What it holds, or why it could not be read.
        result: Result<crate::export::canvas_json::CanvasImport, String>,
    },
    /// A report or CSV export was written.
    Exported {
        /// The file written.
        path: PathBuf,
        /// `Err` holds why it could not be written, for the user.
        result: Result<(), String>,
    },
}

/// The outcome of one save.
#[derive(Debug)]
pub struct SaveReport {
    /// Which open session was saved (sessions are numbered as they are opened).
    pub token: u64,
    /// The session's change counter when the copy was taken.
    pub generation: u64,
    /// The file written.
    pub path: PathBuf,
    /// An automatic save ("save automatically" is on): success is not announced.
    pub automatic: bool,
    /// `Err` holds a message for the user.
    pub result: Result<(), FileError>,
}

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
}

impl Default for Jobs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self {
            tx,
            rx,
            running: 0,
            discarded: Arc::default(),
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
        self.running == 0
    }

    /// Lists the library folder.
    pub fn scan_library(&mut self, ctx: &egui::Context, dir: PathBuf) {
        self.spawn(ctx, "library", move || {
            JobResult::Library(storage::scan_library(&dir))
        });
    }

    /// Reads a session file.
    pub fn load(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.spawn(ctx, "load", move || {
            let result = Box::new(storage::load_file(&path));
            let lock = result.is_ok().then(|| lock::acquire(&path));
            JobResult::Loaded { path, result, lock }
        });
    }

    /// Writes a copy of a session, creating the folder when needed. Automatic saves keep at
    /// most one backup per [`AUTO_SAVE_BACKUP_SECS`].
    pub fn save(
        &mut self,
        ctx: &egui::Context,
        token: u64,
        generation: u64,
        path: PathBuf,
        session: Session,
        automatic: bool,
    ) {
        self.spawn(ctx, "save", move || {
            let min_age = automatic.then(|| std::time::Duration::from_secs(AUTO_SAVE_BACKUP_SECS));
            let result = match path.parent() {
                Some(dir) if !dir.as_os_str().is_empty() && !dir.exists() => {
                    std::fs::create_dir_all(dir)
                        .map_err(|e| FileError::new(&path, storage::LoadError::Io(e.to_string())))
                }
                _ => Ok(()),
            }
            .and_then(|()| storage::save_file_with(&path, &session, min_age));
            JobResult::Saved(SaveReport {
                token,
                generation,
                path,
                automatic,
                result,
            })
        });
    }

    /// Lists the recovery copies newer than their files.
    pub fn list_recovery(&mut self, ctx: &egui::Context, library: PathBuf) {
        self.spawn(ctx, "recovery-list", move || {
            JobResult::Recovery(recovery::pending_recovery(&library))
        });
    }

    /// Reads a recovery copy to restore it, taking the lock on its file.
    pub fn restore(&mut self, ctx: &egui::Context, copy: RecoveryCopy) {
        self.spawn(ctx, "recovery-read", move || {
            let result = Box::new(recovery::read_recovery(&copy.path).map(|(_, loaded)| loaded));
            let lock = match (&*result, &copy.of_file) {
                (Ok(_), Some(file)) => Some(lock::acquire(file)),
                _ => None,
            };
            JobResult::Restored { copy, result, lock }
        });
    }

    /// Writes the recovery copy of an open session, or removes it when `session` is `None`.
    pub fn write_recovery(
        &mut self,
        ctx: &egui::Context,
        token: u64,
        generation: u64,
        path: PathBuf,
        of_file: Option<PathBuf>,
        session: Option<Session>,
    ) {
        let discarded = Arc::clone(&self.discarded);
        self.spawn(ctx, "recovery-write", move || {
            let removed = session.is_none();
            let discarded = discarded.lock().unwrap_or_else(|e| e.into_inner());
            let result = match session {
                Some(_) if discarded.contains(&path) => Ok(()),
                Some(session) => recovery::write_recovery(&path, of_file.as_deref(), &session),
                None => remove_copy(&path),
            };
            drop(discarded);
            JobResult::RecoveryWritten {
                token,
                generation,
                removed,
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
            };
            let path = match purpose {
                PickPurpose::Open => dialog.set_title("Open a session").pick_file(),
                PickPurpose::SaveAs => dialog
                    .set_title("Save session as")
                    .set_file_name(file_name)
                    .save_file(),
                PickPurpose::Import => dialog.set_title("Import notes").pick_file(),
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

impl Jobs {
    /// Reads the notes in a text or CSV file for the open session numbered `token`.
    pub fn read_notes(&mut self, ctx: &egui::Context, token: u64, path: PathBuf) {
        self.spawn(ctx, "import-notes", move || JobResult::NotesRead {
            token,
            result: crate::import::read_notes(&path),
            path,
        });
    }

    /// Makes an export with `render` and writes it to `path` atomically, off the UI thread:
    /// pictures take a moment to draw, and the file is synced to disk, which can take a while
    /// on a slow or network drive. Nothing is written when `render` fails.
    pub fn write_rendered(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        render: impl FnOnce() -> Result<Vec<u8>, String> + Send + 'static,
    ) {
        self.spawn(ctx, "export", move || {
            let bytes = match render() {
                Ok(bytes) => bytes,
                Err(e) => {
                    return JobResult::Exported {
                        path,
                        result: Err(e),
                    };
                }
            };
            if let Some(dir) = path.parent()
                && !dir.as_os_str().is_empty()
            {
                let _ = std::fs::create_dir_all(dir);
            }
            let result = crate::storage::write_atomic(&path, &bytes)
                .map_err(|e| crate::storage::describe_io(&e));
            JobResult::Exported { path, result }
        });
    }
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
