//! One writer per session file: a lock file beside the session (`.<file name>.lock`) holds the
//! process id, host name and start time of the Goldthread that has it open. A lock whose
//! process is no longer running on this host is stale (left by a crash) and does not block.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

/// Who holds a lock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockOwner {
    /// The process id.
    pub pid: u32,
    /// The computer's name.
    pub host: String,
    /// When the lock was taken (local time, for people).
    pub started: String,
    /// Tells two locks of one process apart.
    #[serde(default)]
    pub nonce: u64,
}

impl LockOwner {
    fn me() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        Self {
            pid: std::process::id(),
            host: host_name(),
            started: chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string(),
            nonce: nanos ^ NEXT.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// True when the holding process is certainly gone: it ran on this computer and is no
    /// longer running. A lock from another computer (a shared folder) is never called stale.
    pub fn is_stale(&self) -> bool {
        self.host == host_name() && !process_is_running(self.pid)
    }

    /// True when this process took the lock.
    fn is_this_process(&self) -> bool {
        self.pid == std::process::id() && self.host == host_name()
    }

    /// A sentence naming the holder, e.g. "Goldthread (process 4121 on lab-laptop, since 09:12)".
    pub fn describe(&self) -> String {
        format!(
            "Goldthread (process {} on {}, since {})",
            self.pid, self.host, self.started
        )
    }
}

/// Why a lock could not be taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockError {
    /// Another running Goldthread has the file open.
    Held(LockOwner),
    /// The lock file could not be written (e.g. a read-only folder).
    Io(String),
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Held(owner) => write!(f, "it is open in another {}", owner.describe()),
            Self::Io(e) => write!(f, "its lock file could not be written: {e}"),
        }
    }
}

/// The lock on one session file, held while the session is open; dropping it removes the
/// lock file (only if it is still this lock's).
#[derive(Debug)]
pub struct SessionLock {
    /// The session file this lock is for.
    pub file: PathBuf,
    lock_path: PathBuf,
    owner: LockOwner,
}

impl SessionLock {
    /// The lock file.
    pub fn lock_path(&self) -> &Path {
        &self.lock_path
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        if read_owner(&self.lock_path).as_ref() == Some(&self.owner) {
            let _ = std::fs::remove_file(&self.lock_path);
        }
    }
}

/// The lock file of the session file at `path`: `.<file name>.lock` in the same folder.
pub fn lock_path_for(path: &Path) -> PathBuf {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(
        || "session".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    dir.join(format!(".{name}.lock"))
}

/// Who holds the lock on `path` now, if anyone (stale or not).
pub fn lock_owner(path: &Path) -> Option<LockOwner> {
    read_owner(&lock_path_for(path))
}

fn read_owner(lock_path: &Path) -> Option<LockOwner> {
    let text = std::fs::read_to_string(lock_path).ok()?;
    ron::from_str(&text).ok()
}

/// Takes the lock on the session file at `path`. A stale lock, one this process took before,
/// or an unreadable lock file (a crash while writing it) is replaced.
pub fn acquire(path: &Path) -> Result<SessionLock, LockError> {
    let lock_path = lock_path_for(path);
    let owner = LockOwner::me();
    let text = ron::to_string(&owner).map_err(|e| LockError::Io(e.to_string()))?;
    for _ in 0..3 {
        match std::fs::File::options()
            .write(true)
            .create_new(true)
            .open(&lock_path)
        {
            Ok(mut file) => {
                file.write_all(text.as_bytes())
                    .and_then(|()| file.sync_all())
                    .map_err(|e| LockError::Io(e.to_string()))?;
                return Ok(SessionLock {
                    file: path.to_owned(),
                    lock_path,
                    owner,
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                match read_owner(&lock_path) {
                    Some(holder) if !holder.is_stale() && !holder.is_this_process() => {
                        return Err(LockError::Held(holder));
                    }
                    _ => {
                        let _ = std::fs::remove_file(&lock_path);
                    }
                }
            }
            Err(e) => return Err(LockError::Io(e.to_string())),
        }
    }
    Err(LockError::Io(
        "another program keeps creating the lock file".to_owned(),
    ))
}

/// This computer's name.
pub fn host_name() -> String {
    let from_file = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .ok()
        .map(|s| s.trim().to_owned());
    from_file
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "this computer".to_owned())
}

/// True when a process with this id is running on this computer. When that cannot be told,
/// the answer is "running", so a lock is never broken on a guess.
pub fn process_is_running(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        return Path::new("/proc").join(pid.to_string()).exists();
    }
    if cfg!(unix) {
        return std::process::Command::new("kill")
            .args(["-0", &pid.to_string()])
            .stderr(std::process::Stdio::null())
            .status()
            .map_or(true, |s| s.success());
    }
    if cfg!(windows) {
        return std::process::Command::new("tasklist")
            .args(["/FI", &format!("PID eq {pid}"), "/NH"])
            .output()
            .map_or(true, |o| {
                String::from_utf8_lossy(&o.stdout).contains(&pid.to_string())
            });
    }
    true
}
