//! What can go wrong reading a session file, phrased for the person who has to fix it.

use std::fmt;
use std::path::{Path, PathBuf};

/// Why a session file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The operating system refused (missing file, no permission, a folder, ...).
    Io(String),
    /// The file holds no text at all.
    Empty,
    /// The file is not UTF-8 text (a binary file, an image, ...).
    NotText,
    /// The file is larger than any real session could be.
    TooLarge {
        /// Its size.
        bytes: u64,
    },
    /// The RON does not parse, or has the wrong shape, at this line and column (1-based).
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What the parser expected or found.
        message: String,
    },
    /// The file parses but has no `format_version`, so it is not a Goldthread session.
    NotASession,
    /// Writing the file failed; the old file, if any, is unchanged.
    NotSaved(String),
    /// The file was written by a newer Goldthread.
    NewerVersion {
        /// The version in the file.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io(e) => write!(f, "could not be read: {e}"),
            Self::Empty => write!(f, "is empty"),
            Self::NotText => write!(f, "is not a text file (is it a session file?)"),
            Self::TooLarge { bytes } => write!(
                f,
                "is {}, larger than the {} a session file can be",
                super::format::megabytes(*bytes),
                super::format::megabytes(super::MAX_FILE_BYTES)
            ),
            Self::Syntax { line, col, message } => {
                write!(f, "line {line}, column {col}: {message}")
            }
            Self::NotSaved(e) => write!(f, "could not be saved: {e}"),
            Self::NotASession => {
                write!(f, "is not a Goldthread session (it has no format_version)")
            }
            Self::NewerVersion { found, supported } => write!(
                f,
                "was saved by a newer Goldthread (file format {found}; this version reads up to {supported}). \
                 Update Goldthread to open it; the file has not been changed"
            ),
        }
    }
}

/// A [`LoadError`] together with the file it happened to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    pub kind: LoadError,
}

impl FileError {
    /// Ties `kind` to `path`.
    pub fn new(path: &Path, kind: LoadError) -> Self {
        Self {
            path: path.to_owned(),
            kind,
        }
    }

    /// The file's name, for messages.
    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.file_name(), self.kind)
    }
}

impl std::error::Error for FileError {}
