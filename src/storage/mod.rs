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

pub use atomic::{write_atomic, write_atomic_with};
pub use backups::{KEEP_BACKUPS, keep_backup, list_backups};
pub use error::{FileError, LoadError};
pub use format::{Loaded, MAX_FILE_BYTES, SIZE_WARNING_BYTES, from_ron, size_warning, to_ron};
pub use library::{
    EntryStatus, LibraryEntry, MAX_LISTED_TITLE_CHARS, default_library_dir, file_stem_for,
    filter_entries, read_entry, scan_library, scan_library_each, sort_entries, unique_path,
};
pub use migrate::{CURRENT_FORMAT_VERSION, OLDEST_FORMAT_VERSION};

use std::path::Path;
use std::time::Duration;

use crate::model::Session;

/// Reads and parses a session file. The file is only read, never changed. Only a regular file
/// is opened (never a pipe or a device, which could be read for ever), and never more than
/// [`MAX_FILE_BYTES`] of it.
pub fn load_file(path: &Path) -> Result<Loaded, FileError> {
    let fail = |kind| FileError::new(path, kind);
    let bytes = read_regular(path, MAX_FILE_BYTES).map_err(|e| fail(e.into()))?;
    let mut loaded = from_bytes(&bytes).map_err(fail)?;
    // A compact file grows when saved (pretty RON is about twice the size): say so now rather
    // than when a save is refused.
    if bytes.len() as u64 > SIZE_WARNING_BYTES / 4
        && let Some(warning) = size_warning(to_ron(&loaded.session).len() as u64)
    {
        loaded.warnings.push(warning);
    }
    Ok(loaded)
}

/// Why [`read_regular`] read nothing.
#[derive(Debug)]
pub(crate) enum ReadFail {
    /// The operating system refused, or the path is not a regular file; in words.
    Io(String),
    /// The file is larger than the cap.
    TooLarge(u64),
}

impl From<ReadFail> for LoadError {
    fn from(e: ReadFail) -> Self {
        match e {
            ReadFail::Io(e) => Self::Io(e),
            ReadFail::TooLarge(bytes) => Self::TooLarge { bytes },
        }
    }
}

/// What kind of thing `meta` describes when it is not a regular file, in words.
pub(crate) fn not_a_file(meta: &std::fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("it is a folder, not a file");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() || kind.is_socket() {
            return Some("it is a pipe or socket, not a file");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some("it is a device, not a file");
        }
    }
    Some("it is not a regular file")
}

/// Reads the regular file at `path` (following links), at most `cap` bytes: the kind of file is
/// checked before it is opened, and the read stops at the cap whatever its size claimed.
pub(crate) fn read_regular(path: &Path, cap: u64) -> Result<Vec<u8>, ReadFail> {
    use std::io::Read as _;
    let io = |e: std::io::Error| ReadFail::Io(e.to_string());
    let meta = std::fs::metadata(path).map_err(io)?;
    if let Some(what) = not_a_file(&meta) {
        return Err(ReadFail::Io(what.to_owned()));
    }
    if meta.len() > cap {
        return Err(ReadFail::TooLarge(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    // It may have been swapped for something else between the check and the open.
    if let Some(what) = file.metadata().ok().as_ref().and_then(not_a_file) {
        return Err(ReadFail::Io(what.to_owned()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > cap {
        return Err(ReadFail::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// [`read_regular`] capped at [`MAX_FILE_BYTES`], as an I/O error (for backups).
pub(crate) fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    read_regular(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadFail::Io(e) => std::io::Error::other(e),
        ReadFail::TooLarge(bytes) => {
            std::io::Error::other(format!("it is {bytes} bytes, too large to be a session"))
        }
    })
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
/// replaced, nothing is written when the previous version cannot be backed up, and a session
/// too large to open again (more than [`MAX_FILE_BYTES`] once written) is not written at all.
pub fn save_file_with(
    path: &Path,
    session: &Session,
    backup_min_age: Option<Duration>,
) -> Result<(), FileError> {
    let refuse = |why: String| FileError::new(path, LoadError::NotSaved(why));
    if let Ok(meta) = std::fs::metadata(path)
        && let Some(what) = not_a_file(&meta)
    {
        return Err(refuse(format!("{what}, so it was not replaced")));
    }
    if let Ok(bytes) = read_capped(path)
        && let Ok(text) = std::str::from_utf8(&bytes)
        && let Ok(found) = format::format_version_of(text)
        && found > CURRENT_FORMAT_VERSION
    {
        return Err(refuse(format!(
            "it was written by a newer Goldthread (file format {found}; this version writes \
             {CURRENT_FORMAT_VERSION}) and is never overwritten; use Save as… to keep your work"
        )));
    }
    write_text(path, &to_ron(session), backup_min_age, MAX_FILE_BYTES)
}

/// Writes the text of a session file to `path` after the checks of [`save_file_with`]: refused
/// when longer than `max_bytes`, else the old version backed up, then the new one written.
fn write_text(
    path: &Path,
    text: &str,
    backup_min_age: Option<Duration>,
    max_bytes: u64,
) -> Result<(), FileError> {
    let refuse = |why: String| FileError::new(path, LoadError::NotSaved(why));
    if text.len() as u64 > max_bytes {
        return Err(refuse(format!(
            "it would be {}, more than the {} a session file can be, and could not be opened \
             again. Nothing was written; the file on disk is unchanged. Delete notes you no \
             longer need, or split the session, then save again",
            format::megabytes(text.len() as u64),
            format::megabytes(max_bytes)
        )));
    }
    keep_backup(path, backup_min_age).map_err(|e| {
        refuse(format!(
            "the previous version could not be backed up first ({})",
            describe_io(&e)
        ))
    })?;
    write_atomic(path, text.as_bytes())
        .map_err(|e| FileError::new(path, LoadError::NotSaved(describe_io(&e))))
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

pub mod outside;
pub use outside::{DiskStamp, SaveOutcome, load_stamped, save_checked};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_over_the_limit_is_refused_and_writes_nothing() {
        let dir =
            std::env::temp_dir().join(format!("goldthread-unit-limit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.ron");
        std::fs::write(&path, "old").unwrap();
        let err = write_text(&path, &"x".repeat(2_000_001), None, 2_000_000).unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("it would be 3 MB, more than the 2 MB a session file can be")
                && message.contains("Nothing was written"),
            "{message}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        let names: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(names.len(), 1, "no backup, no temporary file");
        write_text(&path, "new", None, 2_000_000).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn sizes_near_and_over_the_limit_are_warned_about() {
        assert_eq!(size_warning(1_000), None);
        let near = size_warning(85_000_000).unwrap();
        assert!(near.contains("85 MB file, close to the 100 MB"), "{near}");
        let over = size_warning(120_000_000).unwrap();
        assert!(over.contains("120 MB file, more than the 100 MB"), "{over}");
    }
}
