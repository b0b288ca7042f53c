//! Recovery copies: while a session has changes, or text is being typed, a copy of it is
//! written every second or so into `recovery/` inside the library, never over the user's file.
//! Each copy records which file and title it belongs to, when it was written, and the text
//! being typed (the drafts). After a crash, every copy is offered back until the user restores
//! or discards it, whatever happened to its file since; only a copy whose file provably holds
//! the same session, with no drafts, is superseded. A copy is looked for in every library
//! Goldthread may start with ([`places`]).

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
    drafts: &'a Drafts,
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
    #[serde(default)]
    drafts: Drafts,
}

/// Text being typed when the copy was written, not yet part of the session: kept in the
/// recovery copy only, never in the session file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drafts {
    /// The capture box's text.
    #[serde(default)]
    pub capture: Option<String>,
    /// A note being edited in place (F2): its id and the text so far.
    #[serde(default)]
    pub note_edit: Option<(u64, String)>,
    /// Lab fields being typed in (the vision, an outcome, an action...), sorted.
    #[serde(default)]
    pub fields: Vec<FieldDraft>,
}

impl Drafts {
    /// True when nothing is being typed.
    pub fn is_empty(&self) -> bool {
        self.capture.is_none() && self.note_edit.is_none() && self.fields.is_empty()
    }

    /// How many drafts there are.
    pub fn count(&self) -> usize {
        usize::from(self.capture.is_some())
            + usize::from(self.note_edit.is_some())
            + self.fields.len()
    }
}

/// Text typed in one lab field.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FieldDraft {
    /// Which kind of field, e.g. "Vision" or "OutcomeText".
    pub field: String,
    /// The id of the outcome, action, phase or participant it belongs to (0 for the vision).
    #[serde(default)]
    pub id: u64,
    /// The text as typed.
    pub text: String,
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
    /// How many drafts (text being typed) it holds.
    pub drafts: usize,
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
    write_recovery_with_drafts(path, of_file, session, &Drafts::default())
}

/// Writes a recovery copy of `session` and the text being typed in it.
pub fn write_recovery_with_drafts(
    path: &Path,
    of_file: Option<&Path>,
    session: &Session,
    drafts: &Drafts,
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
        drafts,
    });
    write_atomic(path, text.as_bytes()).map_err(fail)
}

/// Reads a recovery copy: what it is, and the session it holds (migrated and repaired like a
/// session file).
pub fn read_recovery(path: &Path) -> Result<(RecoveryCopy, Loaded), FileError> {
    read_recovery_with_drafts(path).map(|(info, loaded, _)| (info, loaded))
}

/// Reads a recovery copy with the drafts it holds.
pub fn read_recovery_with_drafts(path: &Path) -> Result<(RecoveryCopy, Loaded, Drafts), FileError> {
    let fail = |kind| FileError::new(path, kind);
    // Only a regular file, never more than a session can be: a pipe or a device left in the
    // recovery folder must not hang the start-up offer.
    let bytes = super::read_regular(path, MAX_FILE_BYTES).map_err(|e| fail(e.into()))?;
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
        drafts: copy.drafts.count(),
    };
    Ok((info, loaded, copy.drafts))
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

/// The recovery copies in `library` waiting for the user's decision: every readable copy
/// except those provably superseded ([`is_superseded`]), newest first.
pub fn pending_recovery(library: &Path) -> Vec<RecoveryCopy> {
    list_recovery(library)
        .into_iter()
        .filter(|c| !is_superseded(c))
        .collect()
}

/// True when a copy holds nothing its file does not: no drafts, and the file opens and holds
/// exactly the copy's session. A missing or unreadable file, or a copy of a session never
/// saved, is never superseded.
pub fn is_superseded(copy: &RecoveryCopy) -> bool {
    if copy.drafts > 0 {
        return false;
    }
    let Some(file) = &copy.of_file else {
        return false;
    };
    let Ok(on_disk) = super::load_file(file) else {
        return false;
    };
    read_recovery(&copy.path).is_ok_and(|(_, kept)| kept.session == on_disk.session)
}

/// The pending copies of every place copies may be for `library` ([`places`]), newest first.
pub fn pending_everywhere(library: &Path) -> Vec<RecoveryCopy> {
    let mut copies: Vec<RecoveryCopy> = places(library)
        .iter()
        .flat_map(|place| pending_recovery(place))
        .collect();
    copies.sort_by(|a, b| b.written.cmp(&a.written).then_with(|| a.path.cmp(&b.path)));
    copies
}

/// Deletes the copies, in every place for `library`, that are provably superseded (see
/// [`is_superseded`]): their work is in their file. Returns how many were deleted. Nothing
/// else is ever deleted without the user's choice.
pub fn remove_superseded(library: &Path) -> usize {
    let mut removed = 0;
    for place in places(library) {
        for copy in list_recovery(&place) {
            if is_superseded(&copy) && discard_recovery(&copy.path).is_ok() {
                removed += 1;
            }
        }
        // Only succeeds when empty.
        let _ = std::fs::remove_dir(recovery_dir(&place));
    }
    removed
}

/// The pending copies of the session file `file`, in every place.
pub fn pending_for_file(library: &Path, file: &Path) -> Vec<RecoveryCopy> {
    let file = std::path::absolute(file).unwrap_or_else(|_| file.to_owned());
    pending_everywhere(library)
        .into_iter()
        .filter(|c| c.of_file.as_deref() == Some(file.as_path()))
        .collect()
}

/// The libraries whose recovery copies are offered when Goldthread starts with `library`.
/// A start from a terminal uses `./sessions` when it exists, a start from the desktop the
/// user's data folder: when `library` is one of those defaults, both are looked in, and every
/// `./sessions` folder a start has used (remembered in the data folder). A library chosen
/// with `--sessions` is looked in alone.
pub fn places(library: &Path) -> Vec<PathBuf> {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_owned());
    let here = abs(library);
    let mut found = vec![library.to_owned()];
    let Some(data) = super::library::user_library_dir() else {
        return found;
    };
    let local = abs(Path::new("sessions"));
    let is_default = here == abs(&data) || (here == local && local.is_dir());
    if !is_default {
        return found;
    }
    let remembered = remembered_places(&data);
    if here == local && !remembered.contains(&local) {
        let mut all = remembered.clone();
        all.push(local.clone());
        // Best effort: only a start from another folder misses it.
        let _ = std::fs::create_dir_all(&data).and_then(|()| {
            std::fs::write(
                data.join(PLACES_FILE),
                ron::to_string(&all).unwrap_or_default(),
            )
        });
    }
    for place in std::iter::once(data).chain(remembered) {
        if abs(&place) != here && place.is_dir() && !found.contains(&place) {
            found.push(place);
        }
    }
    found
}

/// The file in the data folder's library listing the `./sessions` folders used.
const PLACES_FILE: &str = ".recovery-places.ron";

fn remembered_places(data: &Path) -> Vec<PathBuf> {
    // A small list: anything larger than this is not ours.
    super::read_regular(&data.join(PLACES_FILE), 1_000_000)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|t| ron::from_str(&t).ok())
        .unwrap_or_default()
}

/// Deletes a recovery copy (the user discarded it, or its work is saved). A copy already gone
/// is not an error.
pub fn discard_recovery(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
