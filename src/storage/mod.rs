//! Session files on disk: the versioned RON format and its migrations, atomic saves with
//! backups, the session library, recovery copies and one-writer locks.

mod atomic;
pub mod backups;
mod error;
mod format;
mod library;
pub mod lock;
pub mod migrate;
pub mod recovery;
pub mod series;

pub use atomic::write_atomic;
pub use backups::{KEEP_BACKUPS, keep_backup, list_backups};
pub use error::{FileError, LoadError};
pub use format::{Loaded, MAX_FILE_BYTES, from_ron, to_ron};
pub use library::{
    EntryStatus, LibraryEntry, default_library_dir, file_stem_for, filter_entries, scan_library,
    unique_path,
};
pub use migrate::{CURRENT_FORMAT_VERSION, OLDEST_FORMAT_VERSION};

use std::path::Path;
use std::time::Duration;

use crate::model::Session;

/// Reads and parses a session file. The file is only read, never changed.
pub fn load_file(path: &Path) -> Result<Loaded, FileError> {
    let fail = |kind| FileError::new(path, kind);
    let meta = std::fs::metadata(path).map_err(|e| fail(LoadError::Io(e.to_string())))?;
    if meta.is_dir() {
        return Err(fail(LoadError::Io("it is a folder, not a file".to_owned())));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(LoadError::TooLarge { bytes: meta.len() }));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(LoadError::Io(e.to_string())))?;
    from_bytes(&bytes).map_err(fail)
}

/// Parses the bytes of a session file: the loader behind [`load_file`], for any input at all
/// (the fuzz target and property tests feed it damaged files).
pub fn from_bytes(bytes: &[u8]) -> Result<Loaded, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| LoadError::NotText)?;
    from_ron(text)
}

/// Writes `session` to `path` safely: the previous version is kept as a backup, then the new
/// one is written atomically (temporary file, sync, rename, sync the folder).
pub fn save_file(path: &Path, session: &Session) -> Result<(), FileError> {
    save_file_with(path, session, None)
}

/// Like [`save_file`]; with `backup_min_age`, a backup is only kept when the newest one is at
/// least that old (for automatic saves). A file written by a newer Goldthread is never
/// replaced, and nothing is written when the previous version cannot be backed up.
pub fn save_file_with(
    path: &Path,
    session: &Session,
    backup_min_age: Option<Duration>,
) -> Result<(), FileError> {
    let fail = |e: std::io::Error| FileError::new(path, LoadError::NotSaved(describe_io(&e)));
    if path.is_dir() {
        return Err(FileError::new(
            path,
            LoadError::NotSaved("a folder with that name is in the way".to_owned()),
        ));
    }
    if let Ok(text) = std::fs::read_to_string(path)
        && let Ok(found) = format::format_version_of(&text)
        && found > CURRENT_FORMAT_VERSION
    {
        return Err(FileError::new(
            path,
            LoadError::NotSaved(format!(
                "it was written by a newer Goldthread (file format {found}; this version writes \
                 {CURRENT_FORMAT_VERSION}) and is never overwritten; use Save as… to keep your work"
            )),
        ));
    }
    keep_backup(path, backup_min_age).map_err(|e| {
        FileError::new(
            path,
            LoadError::NotSaved(format!(
                "the previous version could not be backed up first ({})",
                describe_io(&e)
            )),
        )
    })?;
    let text = to_ron(session);
    write_atomic(path, text.as_bytes()).map_err(fail)
}

/// An I/O error in words for the person who has to do something about it.
pub fn describe_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let plain = match e.kind() {
        K::StorageFull | K::QuotaExceeded => "the disk is full",
        K::PermissionDenied | K::ReadOnlyFilesystem => {
            "the folder is read-only, or you are not allowed to write there"
        }
        K::NotFound => "the folder does not exist (was it removed, or a USB stick taken out?)",
        K::NotADirectory => "part of the path is a file, not a folder",
        K::IsADirectory | K::DirectoryNotEmpty => "a folder with that name is in the way",
        _ => return e.to_string(),
    };
    format!("{plain} ({e})")
}

/// The session files in `dir` (`.ron` in any case, not hidden), in no particular order; none
/// when the folder cannot be read. The library, backups and recovery copies all list this way.
pub(crate) fn ron_files_in(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    read.filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("ron")))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect()
}

mod templates;
pub use templates::{
    TEMPLATES_FOLDER, Template, TemplatePhase, TemplateSource, Templates, built_in_templates,
    load_templates,
};
