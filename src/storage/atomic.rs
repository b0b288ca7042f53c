//! Saving without ever leaving a half-written file behind, and without changing what the file
//! is: its permissions stay, and a file that is a symbolic link (say into a synced folder) is
//! written through the link, which stays a link.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Writes `bytes` to `path` so that the file is either the old version or the new one, never a
/// mix: write a temporary file in the same folder, flush and sync it, rename it over the target,
/// then sync the folder so the rename itself survives a power cut. An existing file keeps its
/// permissions; when `path` is a symbolic link, the file it points to is replaced and the link
/// kept. Anything that is not a regular file (a folder, a pipe, a device) is never replaced.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, bytes, None)
}

/// [`write_atomic`], giving a new file the permissions `like` (a backup of a private session
/// stays private); an existing file keeps its own.
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    like: Option<std::fs::Permissions>,
) -> std::io::Result<()> {
    let target = resolve_links(path)?;
    let path = target.as_path();
    let existing = match std::fs::metadata(path) {
        Ok(meta) => {
            if let Some(what) = super::not_a_file(&meta) {
                return Err(std::io::Error::other(format!(
                    "{what}, so it was not replaced"
                )));
            }
            Some(meta.permissions())
        }
        Err(_) => None,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::other("the path has no file name"))?;
    // One temporary file per save, so two saves of one file (say autosave and Ctrl+S on two
    // threads) never write into, or rename, each other's temporary file.
    static SAVES: AtomicU64 = AtomicU64::new(0);
    let tmp = dir.join(format!(
        ".{}.{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id(),
        SAVES.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        if let Some(permissions) = existing.or(like) {
            file.set_permissions(permissions)?;
        }
        file.write_all(bytes)?;
        file.flush()?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, path)?;
        sync_dir(dir);
        Ok(())
    })();
    if result.is_err() {
        // Leave nothing behind; the target is untouched.
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Where writing `path` really goes: `path` itself, or, when it is a symbolic link, the file
/// at the end of the chain of links (which need not exist yet). A loop of links is an error.
fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..40 {
        let Ok(meta) = std::fs::symlink_metadata(&current) else {
            return Ok(current);
        };
        if !meta.file_type().is_symlink() {
            return Ok(current);
        }
        let link = std::fs::read_link(&current)?;
        current = match current.parent() {
            Some(dir) if link.is_relative() => dir.join(link),
            _ => link,
        };
    }
    Err(std::io::Error::other(
        "it is a symbolic link that leads round in a circle",
    ))
}

#[cfg(unix)]
fn sync_dir(dir: &Path) {
    // Best effort: some file systems refuse to sync a directory, and the data is already safe.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {}
