//! Backups: before a session file is replaced, its previous version is kept, the last
//! [`KEEP_BACKUPS`] of them, in `backups/<file name>/` beside the file, each named with the
//! time it was replaced (`<file name> 2026-11-23 09-41-07.512.ron`), so a person can find the
//! right one and open it like any session file.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::write_atomic;

/// How many previous versions of each session file are kept.
pub const KEEP_BACKUPS: usize = 5;

/// The folder, beside the session files, that holds the backups.
pub const BACKUP_FOLDER: &str = "backups";

/// The folder holding the backups of the session file at `path`:
/// `<folder of path>/backups/<file name without .ron>/`.
pub fn backup_dir_for(path: &Path) -> PathBuf {
    let dir = path.parent().unwrap_or(Path::new("."));
    let stem = path.file_stem().map_or_else(
        || "session".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    dir.join(BACKUP_FOLDER).join(stem)
}

/// The backups of the session file at `path`, newest first.
pub fn list_backups(path: &Path) -> Vec<PathBuf> {
    let mut found = super::ron_files_in(&backup_dir_for(path));
    // The names hold the time with a fixed width, so name order is time order.
    found.sort();
    found.reverse();
    found
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
        let young = std::fs::metadata(newest)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| SystemTime::now().duration_since(t).ok())
            .is_some_and(|elapsed| elapsed < age);
        if young {
            return Ok(None);
        }
    }
    let bytes = std::fs::read(path)?;
    if let Some(newest) = existing.first()
        && std::fs::read(newest).is_ok_and(|b| b == bytes)
    {
        return Ok(None);
    }
    let dir = backup_dir_for(path);
    std::fs::create_dir_all(&dir)?;
    let stem = path.file_stem().map_or_else(
        || "session".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    let mut when = chrono::Local::now();
    let target = loop {
        let name = format!("{stem} {}.ron", when.format("%Y-%m-%d %H-%M-%S%.3f"));
        let candidate = dir.join(name);
        if !candidate.exists() {
            break candidate;
        }
        when += chrono::Duration::milliseconds(1);
    };
    write_atomic(&target, &bytes)?;
    for old in list_backups(path).into_iter().skip(KEEP_BACKUPS) {
        // Best effort: a backup that cannot be removed is only a little clutter.
        let _ = std::fs::remove_file(old);
    }
    Ok(Some(target))
}
