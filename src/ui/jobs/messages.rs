//! What the background jobs send back: a job's result, and what a library scan reports.

use std::path::PathBuf;

use crate::storage::lock::{LockError, SessionLock};
use crate::storage::recovery::{Drafts, RecoveryCopy};
use crate::storage::{DiskStamp, FileError, LibraryEntry, Loaded, SaveOutcome};

/// What a file dialog was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickPurpose {
    /// Choosing a session file to open.
    Open,
    /// Choosing where to save a copy of the session.
    SaveAs,
    /// Choosing a text or CSV file of notes to import into the open session.
    Import,
    /// Choosing where to write a report or CSV export.
    Export(crate::export::Format),
}

/// A finished job.
#[derive(Debug)]
pub enum JobResult {
    /// A session file was read.
    Loaded {
        /// The file.
        path: PathBuf,
        /// The session, or why it could not be read.
        result: Box<Result<Loaded, FileError>>,
        /// The one-writer lock, taken once the file had been read.
        lock: Option<Result<SessionLock, LockError>>,
        /// The file as read, to tell a change by another program before saving over it.
        stamp: Option<DiskStamp>,
        /// Its recovery copies waiting for the user's decision (when the lock was taken).
        copies: Vec<RecoveryCopy>,
    },
    /// The recovery folders were listed: the copies still waiting for the user's decision.
    Recovery {
        /// The copies, newest first.
        copies: Vec<RecoveryCopy>,
        /// Why they were listed.
        listing: Listing,
    },
    /// The previous session of a follow-up was looked for: its file, or why it was not found.
    PreviousFound(Result<PathBuf, String>),
    /// A session file was read to follow it up.
    FollowUpRead {
        /// The file.
        path: PathBuf,
        /// The session, or why it could not be read.
        result: Box<Result<Loaded, FileError>>,
    },
    /// A recovery copy was read to restore it.
    Restored {
        /// The copy.
        copy: RecoveryCopy,
        /// Its session, or why it could not be read.
        result: Box<Result<Loaded, FileError>>,
        /// The lock on the file it belongs to, when it has one.
        lock: Option<Result<SessionLock, LockError>>,
        /// That file as found when the copy was restored.
        stamp: Option<DiskStamp>,
        /// The text that was being typed, to put back.
        drafts: Drafts,
    },
    /// A recovery copy was written or removed.
    RecoveryWritten {
        /// Which open session it was for.
        token: u64,
        /// The session's change counter when the copy was taken.
        generation: u64,
        /// True when the copy was removed rather than written.
        removed: bool,
        /// The drafts the copy holds.
        drafts: Drafts,
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
    /// The user's session templates were read for "New session".
    Templates(crate::storage::Templates),
    /// The bundled example was copied into the library (or was already there).
    ExampleReady(Result<PathBuf, String>),
    /// The file manager was asked to show a folder.
    FolderShown {
        /// The folder.
        dir: PathBuf,
        /// `Err` holds why it could not be shown, for the user.
        result: Result<(), String>,
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

/// Why the recovery copies were listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Listing {
    /// At start: offer them all, and mark their sessions in the library.
    Start,
    /// The library was shown again: mark their sessions, without asking.
    Library,
    /// A session file was just opened: offer its copies, if any.
    OpenedFile,
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
    /// What was done (`ChangedOutside`: nothing was written), or a message for the user.
    pub result: Result<SaveOutcome, FileError>,
    /// The file written is close to the largest session file Goldthread can open.
    pub size_warning: Option<String>,
}

/// What a library scan reports.
#[derive(Debug)]
pub enum LibraryEvent {
    /// One file was read.
    Entry(Box<LibraryEntry>),
    /// The scan is over; `found` is false when the folder is not there.
    Done {
        /// The folder exists.
        found: bool,
    },
}
