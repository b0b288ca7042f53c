//! Changes made outside Goldthread: another program (`goldthread import-notes` without the
//! lock, `sed -i`, a sync client) may write a session file while it is open. The app keeps a
//! [`DiskStamp`] of the file as it loaded or last saved it, and every save first compares the
//! file with it: a file that changed is kept as a backup and is not overwritten until the user
//! says so ([`save_checked`]).

use std::hash::Hasher as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::{FileError, LoadError, keep_backup, list_backups, save_file_with};
use crate::model::Session;

/// What a session file on disk was: its size, its modification time and a hash of its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    /// The size in bytes.
    pub len: u64,
    /// When it was last written, where the file system says.
    pub modified: Option<SystemTime>,
    /// A hash of every byte (kept in memory only, never written).
    pub hash: u64,
}

impl DiskStamp {
    /// The stamp of `bytes`, read from a file last written at `modified`.
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        Self {
            len: bytes.len() as u64,
            modified,
            hash: hash_of(bytes),
        }
    }

    /// The stamp of the file at `path` now; `None` when there is no file.
    pub fn read(path: &Path) -> std::io::Result<Option<Self>> {
        let modified = match std::fs::metadata(path) {
            Ok(meta) => meta.modified().ok(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let bytes = super::read_capped(path)?;
        Ok(Some(Self::of_bytes(&bytes, modified)))
    }
}

fn hash_of(bytes: &[u8]) -> u64 {
    // SipHash with fixed keys: the same bytes give the same hash within one run, which is all
    // a comparison with what this run loaded needs.
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

/// True when the file at `path` is no longer what `expected` describes. Cheap when size and
/// time agree; otherwise the bytes decide (a `touch` is not a change). A file that is gone, or
/// cannot be read, has nothing in it to lose and does not count.
pub fn changed_on_disk(path: &Path, expected: &DiskStamp) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if meta.len() == expected.len
        && expected.modified.is_some()
        && meta.modified().ok() == expected.modified
    {
        return false;
    }
    match DiskStamp::read(path) {
        Ok(Some(now)) => now.hash != expected.hash || now.len != expected.len,
        _ => false,
    }
}

/// What a checked save did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveOutcome {
    /// The session was written; the file is now this.
    Saved(DiskStamp),
    /// The file had been changed by another program since it was loaded or last saved. It was
    /// not overwritten; its version is kept as the backup named here.
    ChangedOutside {
        /// The backup holding the other program's version.
        backup: Option<PathBuf>,
        /// The file as found.
        found: Option<DiskStamp>,
    },
}

/// Saves like [`save_file_with`], but first compares the file with `expected` (what was loaded
/// or last saved): when another program changed it, a backup of its version is always kept
/// (whatever `backup_min_age` says) and nothing is written. `None` writes without comparing
/// (a new file, or the user chose to keep their version).
pub fn save_checked(
    path: &Path,
    session: &Session,
    backup_min_age: Option<Duration>,
    expected: Option<&DiskStamp>,
) -> Result<SaveOutcome, FileError> {
    if let Some(expected) = expected
        && changed_on_disk(path, expected)
    {
        let kept = keep_backup(path, None).map_err(|e| {
            FileError::new(
                path,
                LoadError::NotSaved(format!(
                    "it was changed by another program and could not be backed up ({})",
                    super::describe_io(&e)
                )),
            )
        })?;
        // Nothing new is kept when the newest backup already holds these bytes.
        let backup = kept.or_else(|| list_backups(path).into_iter().next());
        let found = DiskStamp::read(path).ok().flatten();
        return Ok(SaveOutcome::ChangedOutside { backup, found });
    }
    save_file_with(path, session, backup_min_age)?;
    let stamp = DiskStamp::read(path)
        .ok()
        .flatten()
        .unwrap_or(DiskStamp::of_bytes(&[], None));
    Ok(SaveOutcome::Saved(stamp))
}

/// Reads a session file like [`super::load_file`], with the stamp of the bytes it parsed: when
/// the file changes while it is read, it is read again, so a change made a moment later is
/// never mistaken for what was loaded.
pub fn load_stamped(path: &Path) -> Result<(super::Loaded, DiskStamp), FileError> {
    let io = |e: std::io::Error| FileError::new(path, LoadError::Io(e.to_string()));
    let mut tries = 0;
    loop {
        let before = std::fs::metadata(path).map_err(io)?;
        let loaded = super::load_file(path)?;
        let Some(stamp) = DiskStamp::read(path).map_err(io)? else {
            return Err(io(std::io::ErrorKind::NotFound.into()));
        };
        tries += 1;
        let steady = stamp.len == before.len() && stamp.modified == before.modified().ok();
        if steady || tries >= 3 {
            return Ok((loaded, stamp));
        }
    }
}
