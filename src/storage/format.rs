//! The session file format: pretty-printed RON with a `format_version` at the top.
//!
//! ```ron
//! (
//!     format_version: 3,
//!     session: (
//!         title: "Innovation lab 2026-11-22",
//!         date: "2026-11-22",
//!         notes: [ ... ],
//!     ),
//! )
//! ```

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::LoadError;
use super::migrate::{CURRENT_FORMAT_VERSION, migrate};
use crate::model::Session;

/// The largest session file Goldthread reads, and so the largest it writes: a save that would
/// be larger is refused before anything is written, so the app never writes a file it cannot
/// open again. Larger files are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 100_000_000;

/// A session whose file is larger than this is close to [`MAX_FILE_BYTES`]: opening or saving
/// it says so while there is still room.
pub const SIZE_WARNING_BYTES: u64 = 80_000_000;

/// A size in whole megabytes (millions of bytes), as every size message says it.
pub(crate) fn megabytes(bytes: u64) -> String {
    format!("{} MB", bytes.div_ceil(1_000_000))
}

/// The sentence warning that a session which saves as `bytes` bytes is close to (or over) the
/// largest file Goldthread can open; `None` when there is plenty of room.
pub fn size_warning(bytes: u64) -> Option<String> {
    let (size, limit) = (megabytes(bytes), megabytes(MAX_FILE_BYTES));
    if bytes > MAX_FILE_BYTES {
        return Some(format!(
            "This session would save as a {size} file, more than the {limit} a session file can \
             be, so saving it is refused until it is smaller. Delete notes you no longer need, \
             or split the session."
        ));
    }
    (bytes > SIZE_WARNING_BYTES).then(|| {
        format!(
            "This session saves as a {size} file, close to the {limit} a session file can be; \
             saving is refused beyond that. Delete notes you no longer need, or split the session."
        )
    })
}

/// At most this many sentences say what loading repaired (each kind of repair is already
/// summarised; this bounds the total).
const MAX_WARNINGS: usize = 100;

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
    /// The file's format version when it is older than the current one (it was migrated;
    /// the next save writes the current version and keeps the old file as a backup).
    pub migrated_from: Option<u32>,
}

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(MAX_NESTING)
}

/// The session as the text of a session file.
pub fn to_ron(session: &Session) -> String {
    to_pretty(&FileOut {
        format_version: CURRENT_FORMAT_VERSION,
        session,
    })
}

/// Parses the text of a session file.
pub fn from_ron(text: &str) -> Result<Loaded, LoadError> {
    let (file, version): (FileIn, u32) = parse_versioned(text)?;
    Ok(finish(file.session, version))
}

/// Brings a session read from a file of `version` up to date and repairs what is damaged.
pub(crate) fn finish(mut session: Session, version: u32) -> Loaded {
    let mut warnings = migrate(&mut session, version);
    warnings.extend(session.repair());
    if warnings.len() > MAX_WARNINGS {
        let more = warnings.len() - MAX_WARNINGS;
        warnings.truncate(MAX_WARNINGS);
        warnings.push(format!(
            "…and {} more repairs.",
            crate::model::repair_log::thousands(more)
        ));
    }
    Loaded {
        session,
        warnings,
        migrated_from: (version < CURRENT_FORMAT_VERSION).then_some(version),
    }
}

/// Reads the `format_version` of a file's text without reading the rest of its shape.
pub(crate) fn format_version_of(text: &str) -> Result<u32, LoadError> {
    // Some editors (Windows Notepad) start UTF-8 files with an invisible byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    if text.contains('\0') {
        return Err(LoadError::NotText);
    }
    let probe: VersionOnly = options().from_str(text).map_err(syntax)?;
    Ok(probe.format_version)
}

/// Parses any versioned Goldthread file (a session file or a recovery copy): checks the
/// version first, so a newer file is reported as newer rather than as malformed.
pub(crate) fn parse_versioned<T: DeserializeOwned>(text: &str) -> Result<(T, u32), LoadError> {
    let version = format_version_of(text)?;
    if version == 0 {
        return Err(LoadError::NotASession);
    }
    if version > CURRENT_FORMAT_VERSION {
        return Err(LoadError::NewerVersion {
            found: version,
            supported: CURRENT_FORMAT_VERSION,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let file: T = options().from_str(text).map_err(syntax)?;
    Ok((file, version))
}

/// Pretty RON as every Goldthread file is written.
pub(crate) fn to_pretty<T: Serialize>(value: &T) -> String {
    let pretty = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .separate_tuple_members(false)
        .struct_names(false);
    // Goldthread files hold only strings, numbers, dates and plain structs: this cannot fail.
    options()
        .to_string_pretty(value, pretty)
        .unwrap_or_else(|e| unreachable!("a Goldthread file always serialises: {e}"))
}

fn syntax(e: ron::error::SpannedError) -> LoadError {
    LoadError::Syntax {
        line: e.span.start.line,
        col: e.span.start.col,
        message: plain_message(&e.code),
    }
}

/// The parser's complaint in words for the person with the file: what is wrong with the file,
/// never advice for the programmer (ron's own text for some errors names its options), and
/// never longer than a line or two.
fn plain_message(code: &ron::Error) -> String {
    use ron::Error as E;
    let plain = match code {
        E::ExceededRecursionLimit => {
            "brackets are nested far more deeply than in any session file (is it damaged?)"
        }
        E::Eof => "the file ends too soon (was it cut off while being copied?)",
        E::TrailingCharacters => "there is more text after the end of the session",
        E::UnclosedBlockComment => "a comment (/* … */) is never closed",
        E::UnclosedLineComment
        | E::ExpectedRawValue
        | E::SuggestRawIdentifier(_)
        | E::NoSuchExtension(_)
        | E::ExpectedAttribute
        | E::ExpectedAttributeEnd => "something here is not part of a session file",
        E::Utf8Error(_) => "the text here is not UTF-8",
        other => {
            let text = other.to_string();
            const MAX: usize = 300;
            return match text.char_indices().nth(MAX) {
                None => text,
                Some((end, _)) => format!("{}…", &text[..end]),
            };
        }
    };
    plain.to_owned()
}
