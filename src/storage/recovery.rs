//! Recovery copies: while a session has changes, a copy of it is written every second or so
//! into `recovery/` inside the library, never over the user's file. Each copy records which
//! file and title it belongs to and when it was written. After a crash, the copies that are
//! newer than their file are offered back at the next start; only the user deletes them.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};
use serde::{Deserialize, Serialize};

use super::format::{finish, parse_versioned, to_pretty};
use super::{
    CURRENT_FORMAT_VERSION, FileError, LoadError, Loaded, MAX_FILE_BYTES, file_stem_for,
    write_atomic,
};
use crate::model::Session;

/// The folder inside the library that holds recovery copies.
pub const RECOVERY_FOLDER: &str = "recovery";

/// A recovery copy as written.
#[derive(Serialize)]
#[serde(rename = "GoldthreadRecoveryCopy")]
struct CopyOut<'a> {
    format_version: u32,
    of_file: Option<&'a Path>,
    title: &'a str,
    written: DateTime<Local>,
    session: &'a Session,
}

/// A recovery copy as read.
#[derive(Deserialize)]
#[serde(rename = "GoldthreadRecoveryCopy")]
struct CopyIn {
    #[allow(dead_code, reason = "checked by reading the version first")]
    format_version: u32,
    #[serde(default)]
    of_file: Option<PathBuf>,
    #[serde(default)]
    title: String,
    written: DateTime<Local>,
    session: Session,
}

/// What a recovery copy is, without its session.
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveryCopy {
    /// The recovery file itself.
    pub path: PathBuf,
    /// The session file it is a copy of; `None` for a session never saved.
    pub of_file: Option<PathBuf>,
    /// The session's title when the copy was written.
    pub title: String,
    /// When the copy was written.
    pub written: DateTime<Local>,
    /// How many notes it holds.
    pub notes: usize,
}

impl RecoveryCopy {
    /// True when the copy holds work its file does not: the file is missing, or was last
    /// written before the copy.
    pub fn is_newer_than_its_file(&self) -> bool {
        let Some(file) = &self.of_file else {
            return true;
        };
        let Ok(modified) = std::fs::metadata(file).and_then(|m| m.modified()) else {
            return true;
        };
        DateTime::<Local>::from(modified) < self.written
    }
}

/// The recovery folder of a library.
pub fn recovery_dir(library: &Path) -> PathBuf {
    library.join(RECOVERY_FOLDER)
}

/// A new recovery file name for one opening of a session: named from the title so a person can
/// tell the copies apart, plus `id` so two sessions never share one.
pub fn recovery_path(library: &Path, title: &str, id: &str) -> PathBuf {
    recovery_dir(library).join(format!("{}.{id}.ron", file_stem_for(title)))
}

/// Writes a recovery copy of `session` (atomically, creating the folder when needed).
pub fn write_recovery(
    path: &Path,
    of_file: Option<&Path>,
    session: &Session,
) -> Result<(), FileError> {
    let fail =
        |e: std::io::Error| FileError::new(path, LoadError::NotSaved(super::describe_io(&e)));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    // Absolute, so the copy still names its file whatever folder Goldthread starts in.
    let of_file = of_file.map(|f| std::path::absolute(f).unwrap_or_else(|_| f.to_owned()));
    let text = to_pretty(&CopyOut {
        format_version: CURRENT_FORMAT_VERSION,
        of_file: of_file.as_deref(),
        title: &session.title,
        written: Local::now(),
        session,
    });
    write_atomic(path, text.as_bytes()).map_err(fail)
}

/// Reads a recovery copy: what it is, and the session it holds (migrated and repaired like a
/// session file).
pub fn read_recovery(path: &Path) -> Result<(RecoveryCopy, Loaded), FileError> {
    let fail = |kind| FileError::new(path, kind);
    let meta = std::fs::metadata(path).map_err(|e| fail(LoadError::Io(e.to_string())))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(LoadError::TooLarge { bytes: meta.len() }));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(LoadError::Io(e.to_string())))?;
    let text = String::from_utf8(bytes).map_err(|_| fail(LoadError::NotText))?;
    let (copy, version): (CopyIn, u32) = parse_versioned(&text).map_err(fail)?;
    let loaded = finish(copy.session, version);
    let title = if copy.title.is_empty() {
        loaded.session.title.clone()
    } else {
        copy.title
    };
    let info = RecoveryCopy {
        path: path.to_owned(),
        of_file: copy.of_file,
        title,
        written: copy.written,
        notes: loaded.session.notes.len(),
    };
    Ok((info, loaded))
}

/// Every readable recovery copy in the library, newest first. Copies that cannot be read are
/// left alone and not listed.
pub fn list_recovery(library: &Path) -> Vec<RecoveryCopy> {
    let mut copies: Vec<RecoveryCopy> = super::ron_files_in(&recovery_dir(library))
        .into_iter()
        .filter_map(|p| read_recovery(&p).ok().map(|(info, _)| info))
        .collect();
    copies.sort_by(|a, b| b.written.cmp(&a.written).then_with(|| a.path.cmp(&b.path)));
    copies
}

/// The recovery copies to offer at start: those newer than their file.
pub fn pending_recovery(library: &Path) -> Vec<RecoveryCopy> {
    list_recovery(library)
        .into_iter()
        .filter(RecoveryCopy::is_newer_than_its_file)
        .collect()
}

/// Deletes a recovery copy (the user discarded it, or its work is saved). A copy already gone
/// is not an error.
pub fn discard_recovery(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
