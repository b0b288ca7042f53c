//! The session file format: pretty-printed RON with a `format_version` at the top.
//!
//! ```ron
//! (
//!     format_version: 1,
//!     session: (
//!         title: "Innovation lab 2026-11-22",
//!         date: "2026-11-22",
//!         notes: [ ... ],
//!     ),
//! )
//! ```

use serde::{Deserialize, Serialize};

use super::LoadError;
use crate::model::Session;

/// The format version this build writes, and the newest it reads.
pub const CURRENT_FORMAT_VERSION: u32 = 1;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// The deepest nesting the parser accepts; a session needs about six levels.
const MAX_NESTING: usize = 64;

/// The whole file, borrowing the session for writing.
#[derive(Serialize)]
struct FileOut<'a> {
    format_version: u32,
    session: &'a Session,
}

/// The whole file, owning the session after reading.
/// Named for people: ron puts the struct name in its error messages.
#[derive(Deserialize)]
#[serde(rename = "GoldthreadSessionFile")]
struct FileIn {
    #[allow(dead_code, reason = "checked by reading VersionOnly first")]
    format_version: u32,
    session: Session,
}

/// Only the version, read first so that a newer file is reported as newer, not as malformed.
#[derive(Deserialize)]
#[serde(rename = "GoldthreadSessionFile")]
struct VersionOnly {
    /// Zero when the field is missing: no real file has version 0.
    #[serde(default)]
    format_version: u32,
}

/// A session read from a file, with a sentence for each thing that had to be repaired.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The session.
    pub session: Session,
    /// What was repaired while loading (empty for a healthy file).
    pub warnings: Vec<String>,
}

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(MAX_NESTING)
}

/// The session as the text of a session file.
pub fn to_ron(session: &Session) -> String {
    let file = FileOut {
        format_version: CURRENT_FORMAT_VERSION,
        session,
    };
    let pretty = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .separate_tuple_members(false)
        .struct_names(false);
    // A session holds only strings, numbers, dates and plain structs: this cannot fail.
    options()
        .to_string_pretty(&file, pretty)
        .unwrap_or_else(|e| unreachable!("a session always serialises: {e}"))
}

/// Parses the text of a session file.
pub fn from_ron(text: &str) -> Result<Loaded, LoadError> {
    // Some editors (Windows Notepad) start UTF-8 files with an invisible byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    if text.contains('\0') {
        return Err(LoadError::NotText);
    }
    let probe: VersionOnly = options().from_str(text).map_err(syntax)?;
    let version = probe.format_version;
    if version == 0 {
        return Err(LoadError::NotASession);
    }
    if version > CURRENT_FORMAT_VERSION {
        return Err(LoadError::NewerVersion {
            found: version,
            supported: CURRENT_FORMAT_VERSION,
        });
    }
    let file: FileIn = options().from_str(text).map_err(syntax)?;
    let mut session = file.session;
    let warnings = session.repair();
    Ok(Loaded { session, warnings })
}

fn syntax(e: ron::error::SpannedError) -> LoadError {
    LoadError::Syntax {
        line: e.span.start.line,
        col: e.span.start.col,
        message: e.code.to_string(),
    }
}
