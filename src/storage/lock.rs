//! One writer per session file. A lock file beside the session (`.<file name>.lock`) carries an
//! operating-system lock (`flock` on Unix, `LockFileEx` on Windows, through `std::fs::File`'s
//! own locking, so no extra dependency) held for as long as the session is open. The operating
//! system drops it when the process ends, however it ends, and honours it across PID
//! namespaces (Flatpak, Snap, containers). The file also holds the process id, host name and
//! start time of the holder, so the user is told who has the file open.
//!
//! A lock file whose operating-system lock is free was left by a Goldthread that is gone and
//! is taken over. A lock file written by an older Goldthread (which took no operating-system
//! lock) or by another computer (where the operating-system lock may not reach) cannot be
//! confirmed either way: the user may open the file anyway after confirming.

use std::io::{Seek as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};

use serde::{Deserialize, Serialize};

/// Who holds a lock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockOwner {
    /// The process id (as its own PID namespace sees it).
    pub pid: u32,
    /// The computer's name.
    pub host: String,
    /// When the lock was taken (local time, for people).
    pub started: String,
    /// Tells two locks of one process apart.
    #[serde(default)]
    pub nonce: u64,
    /// The holder also holds the operating-system lock on the lock file, so the lock file is
    /// stale exactly when that lock is free. `false` in lock files of older Goldthreads.
    #[serde(default)]
    pub os_lock: bool,
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
            os_lock: true,
        }
    }

    /// A holder whose lock file could not be read (it is being written this instant).
    fn unknown() -> Self {
        Self {
            pid: 0,
            host: String::new(),
            started: String::new(),
            nonce: 0,
            os_lock: true,
        }
    }

    /// True, for a lock file of an older Goldthread, when the holding process is certainly
    /// gone: it ran on this computer and no process has its id any more.
    pub fn is_stale(&self) -> bool {
        self.host == host_name() && !process_is_running(self.pid)
    }

    /// True when this process wrote the lock file.
    fn is_this_process(&self) -> bool {
        self.pid == std::process::id() && self.host == host_name()
    }

    /// A sentence naming the holder, e.g. "Goldthread (process 4121 on lab-laptop, since 09:12)".
    pub fn describe(&self) -> String {
        if self.host.is_empty() {
            return "Goldthread (its details could not be read)".to_owned();
        }
        format!(
            "Goldthread (process {} on {}, since {})",
            self.pid, self.host, self.started
        )
    }
}

/// Why a lock could not be taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockError {
    /// Another running Goldthread has the file open: the operating system says so.
    Held(LockOwner),
    /// A lock file names a holder that cannot be confirmed: an older Goldthread whose process
    /// id is in use (perhaps by an unrelated program), or a Goldthread on another computer.
    /// The file may be opened anyway once the user confirms ([`acquire_anyway`]).
    Unconfirmed(LockOwner),
    /// The lock file could not be written (e.g. a read-only folder).
    Io(String),
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Held(owner) => write!(f, "it is open in another {}", owner.describe()),
            Self::Unconfirmed(owner) => write!(
                f,
                "its lock file says it is open in another {}, which cannot be confirmed",
                owner.describe()
            ),
            Self::Io(e) => write!(f, "its lock file could not be written: {e}"),
        }
    }
}

/// The lock on one session file, held while the session is open. Dropping the last lock of
/// this process on the file removes the lock file and frees the operating-system lock.
#[derive(Debug)]
pub struct SessionLock {
    /// The session file this lock is for.
    pub file: PathBuf,
    held: Arc<Held>,
}

impl SessionLock {
    /// The lock file.
    pub fn lock_path(&self) -> &Path {
        &self.held.lock_path
    }
}

/// The lock file, open and locked; shared by every [`SessionLock`] of this process on it.
#[derive(Debug)]
struct Held {
    lock_path: PathBuf,
    owner: LockOwner,
    /// `None` where the file system has no locks (the lock file alone guards the file).
    #[allow(
        dead_code,
        reason = "held open for its lock; closing it frees the lock"
    )]
    file: Option<std::fs::File>,
}

impl Drop for Held {
    fn drop(&mut self) {
        if read_owner(&self.lock_path).as_ref() == Some(&self.owner) {
            let _ = std::fs::remove_file(&self.lock_path);
        }
        // Dropping `file` then frees the operating-system lock.
    }
}

/// The locks this process holds, by lock file, so that opening a file this process already
/// has open (the library, then a restore) shares the lock rather than blocking on itself.
static HELD: Mutex<Vec<(PathBuf, Weak<Held>)>> = Mutex::new(Vec::new());

/// The lock file of the session file at `path`: `.<file name>.lock` in the same folder.
pub fn lock_path_for(path: &Path) -> PathBuf {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(
        || "session".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    dir.join(format!(".{name}.lock"))
}

/// Who the lock file of `path` names now, if anyone (live or not).
pub fn lock_owner(path: &Path) -> Option<LockOwner> {
    read_owner(&lock_path_for(path))
}

fn read_owner(lock_path: &Path) -> Option<LockOwner> {
    // A lock file is a few lines; a pipe or a huge file put in its place is not read.
    let bytes = super::read_regular(lock_path, 64 * 1024).ok()?;
    ron::from_str(std::str::from_utf8(&bytes).ok()?).ok()
}

/// Takes the lock on the session file at `path`. A lock whose holder is gone is taken over;
/// a live holder gives [`LockError::Held`], one that cannot be confirmed
/// [`LockError::Unconfirmed`].
pub fn acquire(path: &Path) -> Result<SessionLock, LockError> {
    take(path, false)
}

/// Takes the lock on `path` even when its lock file names a holder that cannot be confirmed
/// (the user confirmed "Open anyway"). A holder the operating system confirms still blocks.
pub fn acquire_anyway(path: &Path) -> Result<SessionLock, LockError> {
    take(path, true)
}

fn take(path: &Path, anyway: bool) -> Result<SessionLock, LockError> {
    let lock_path = lock_path_for(path);
    let key = std::path::absolute(&lock_path).unwrap_or_else(|_| lock_path.clone());
    for _ in 0..20 {
        if let Some(held) = held_here(&key) {
            return Ok(SessionLock {
                file: path.to_owned(),
                held,
            });
        }
        match try_take(&lock_path, anyway)? {
            Some(held) => {
                let held = Arc::new(held);
                let mut all = HELD.lock().unwrap_or_else(|e| e.into_inner());
                all.retain(|(_, w)| w.strong_count() > 0);
                all.push((key, Arc::downgrade(&held)));
                return Ok(SessionLock {
                    file: path.to_owned(),
                    held,
                });
            }
            // Raced with another taker, or with this process letting go: look again.
            None => std::thread::sleep(std::time::Duration::from_millis(10)),
        }
    }
    Err(LockError::Io(
        "another program keeps changing the lock file".to_owned(),
    ))
}

fn held_here(key: &Path) -> Option<Arc<Held>> {
    let all = HELD.lock().unwrap_or_else(|e| e.into_inner());
    all.iter()
        .filter(|(k, _)| k == key)
        .find_map(|(_, w)| w.upgrade())
}

/// One attempt: `Ok(None)` means "try again".
fn try_take(lock_path: &Path, anyway: bool) -> Result<Option<Held>, LockError> {
    let io = |e: std::io::Error| LockError::Io(e.to_string());
    let file = std::fs::File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(lock_path)
        .map_err(io)?;
    let os_locked = match file.try_lock() {
        Ok(()) => true,
        Err(std::fs::TryLockError::WouldBlock) => {
            let owner = read_owner(lock_path);
            return match owner {
                // This process letting go of it on another thread: a moment later it is free.
                Some(o) if o.is_this_process() => Ok(None),
                Some(o) => Err(LockError::Held(o)),
                None => Err(LockError::Held(LockOwner::unknown())),
            };
        }
        // A file system without locks: the lock file's contents are all there is.
        Err(std::fs::TryLockError::Error(_)) => false,
    };
    if !still_at(&file, lock_path) {
        // The previous holder removed the file after we opened it: ours is a dead copy.
        return Ok(None);
    }
    if !anyway
        && let Some(previous) = read_owner(lock_path)
        && !previous.is_this_process()
        && !is_left_behind(&previous, os_locked)
    {
        return Err(LockError::Unconfirmed(previous));
    }
    let owner = LockOwner {
        os_lock: os_locked,
        ..LockOwner::me()
    };
    let text = ron::to_string(&owner).map_err(|e| LockError::Io(e.to_string()))?;
    let mut file = file;
    file.set_len(0)
        .and_then(|()| file.rewind())
        .and_then(|()| file.write_all(text.as_bytes()))
        .and_then(|()| file.sync_all())
        .map_err(io)?;
    Ok(Some(Held {
        lock_path: lock_path.to_owned(),
        owner,
        file: os_locked.then_some(file),
    }))
}

/// True when a lock file whose operating-system lock is free (`os_locked`: we now hold it)
/// was certainly left behind by a Goldthread that is gone.
fn is_left_behind(previous: &LockOwner, os_locked: bool) -> bool {
    let here = previous.host == host_name();
    if os_locked && previous.os_lock && here {
        // It held the operating-system lock, and that lock is free: its process ended, even
        // if another process has its id now.
        return true;
    }
    // An older Goldthread, or no locks on this file system: judged by the process id.
    here && !process_is_running(previous.pid)
}

/// True when `lock_path` still names the file `file` has open (it was not removed and made
/// again between opening and locking).
#[cfg(unix)]
fn still_at(file: &std::fs::File, lock_path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (file.metadata(), std::fs::metadata(lock_path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_at(_file: &std::fs::File, lock_path: &Path) -> bool {
    lock_path.exists()
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
