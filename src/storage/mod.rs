//! Session files on disk: the versioned RON format, atomic saves, and the session library.

mod atomic;
mod error;
mod format;
mod library;

pub use atomic::write_atomic;
pub use error::{FileError, LoadError};
pub use format::{CURRENT_FORMAT_VERSION, Loaded, MAX_FILE_BYTES, from_ron, to_ron};
pub use library::{
    EntryStatus, LibraryEntry, default_library_dir, file_stem_for, filter_entries, scan_library,
    unique_path,
};

use std::path::Path;

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
    let text = String::from_utf8(bytes).map_err(|_| fail(LoadError::NotText))?;
    from_ron(&text).map_err(fail)
}

/// Writes `session` to `path` atomically (temporary file, sync, rename).
pub fn save_file(path: &Path, session: &Session) -> Result<(), FileError> {
    let text = to_ron(session);
    write_atomic(path, text.as_bytes())
        .map_err(|e| FileError::new(path, LoadError::Io(e.to_string())))
}

mod templates;
pub use templates::{
    TEMPLATES_FOLDER, Template, TemplatePhase, TemplateSource, Templates, built_in_templates,
    load_templates,
};
