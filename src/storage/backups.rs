//! Backups: before a session file is replaced, its previous version is kept, the last
//! [`KEEP_BACKUPS`] of them, in `backups/<file name>/` beside the file, each named with the
//! time it was replaced, in UTC, and a sequence number
//! (`<file name> 2026-11-23 09-41-07.512 UTC #12.ron`), so a person can find the right one and
//! open it like any session file.
//!
//! What is newest is decided by the sequence number, never by the clock: after the clock goes
//! back (the end of summer time, travel west, a corrected clock) a new backup is still the
//! newest and the oldest one is pruned. Backups named by older versions of Goldthread (local
//! time, no number) count as older than every numbered one and are pruned first, oldest name
//! first.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::write_atomic_with;

/// How many previous versions of each session file are kept.
pub const KEEP_BACKUPS: usize = 5;

/// The folder, beside the session files, that holds the backups.
pub const BACKUP_FOLDER: &str = "backups";

/// The folder holding the backups of the session file at `path`:
/// `<folder of path>/backups/<file name without .ron>/`.
pub fn backup_dir_for(path: &Path) -> PathBuf {
    let dir = path.parent().unwrap_or(Path::new("."));
    dir.join(BACKUP_FOLDER).join(stem_of(path))
}

fn stem_of(path: &Path) -> String {
    path.file_stem().map_or_else(
        || "session".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// The sequence number in a backup's name (`... #12.ron`), or 0 for a name without one (a
/// backup from an older Goldthread, named by local time only).
pub fn backup_sequence(path: &Path) -> u64 {
    path.file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.rsplit_once(" #"))
        .and_then(|(_, n)| n.parse().ok())
        .unwrap_or(0)
}

/// The backups of the session file at `path`, newest first: by sequence number, then (for
/// old names without one) by name.
pub fn list_backups(path: &Path) -> Vec<PathBuf> {
    let mut found: Vec<(u64, PathBuf)> = super::ron_files_in(&backup_dir_for(path))
        .into_iter()
        .map(|p| (backup_sequence(&p), p))
        .collect();
    found.sort();
    found.reverse();
    found.into_iter().map(|(_, p)| p).collect()
}

/// Keeps the current contents of `path` as a backup before it is replaced, then deletes all
/// but the newest [`KEEP_BACKUPS`]. Nothing is kept when there is no file yet, when the newest
/// backup already holds the same bytes, or when `min_age` is given and the newest backup is
/// younger than that (automatic saves keep one backup per few minutes rather than one per
/// second). Returns the backup written, if any.
pub fn keep_backup(path: &Path, min_age: Option<Duration>) -> std::io::Result<Option<PathBuf>> {
    if !path.is_file() {
        return Ok(None);
    }
    let existing = list_backups(path);
    if let (Some(age), Some(newest)) = (min_age, existing.first()) {
        // A newest backup "from the future" (the clock went back) is not young: keep one.
        let young = std::fs::metadata(newest)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| SystemTime::now().duration_since(t).ok())
            .is_some_and(|elapsed| elapsed < age);
        if young {
            return Ok(None);
        }
    }
    let bytes = super::read_capped(path)?;
    if let Some(newest) = existing.first()
        && super::read_capped(newest).is_ok_and(|b| b == bytes)
    {
        return Ok(None);
    }
    let dir = backup_dir_for(path);
    std::fs::create_dir_all(&dir)?;
    let stem = stem_of(path);
    let mut sequence = existing
        .iter()
        .map(|p| backup_sequence(p))
        .max()
        .unwrap_or(0);
    let when = chrono::Utc::now().format("%Y-%m-%d %H-%M-%S%.3f");
    let target = loop {
        let Some(next) = sequence.checked_add(1) else {
            return Err(std::io::Error::other(
                "the backup folder holds damaged names",
            ));
        };
        sequence = next;
        let candidate = dir.join(format!("{stem} {when} UTC #{sequence}.ron"));
        if !candidate.exists() {
            break candidate;
        }
    };
    // A backup of a private session is as private as the session.
    let permissions = std::fs::metadata(path).ok().map(|m| m.permissions());
    write_atomic_with(&target, &bytes, permissions)?;
    for old in list_backups(path).into_iter().skip(KEEP_BACKUPS) {
        // Best effort: a backup that cannot be removed is only a little clutter.
        let _ = std::fs::remove_file(old);
    }
    Ok(Some(target))
}
