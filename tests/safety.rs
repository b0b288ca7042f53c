//! Protects the "never lose a session" promises at the storage level: migrations from every
//! older format (one fixture per version), newer files never written, backups (last 5, each
//! opens), recovery copies (what they record, with drafts, which are offered until superseded),
//! changes made outside the app (never overwritten, always backed up), one-writer locks (live,
//! stale, foreign, reused pid, unconfirmed), failed saves that leave the old file intact, and hostile files that are
//! refused or repaired without changing a byte.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::{TempDir, today};
use goldthread::model::ThemeId;
use goldthread::storage::lock::{self, LockError, LockOwner};
use goldthread::storage::recovery::{
    Drafts, discard_recovery, list_recovery, pending_recovery, read_recovery,
    read_recovery_with_drafts, recovery_path, remove_superseded, write_recovery,
    write_recovery_with_drafts,
};
use goldthread::storage::{
    CURRENT_FORMAT_VERSION, EntryStatus, KEEP_BACKUPS, LoadError, SaveOutcome, describe_io,
    from_bytes, keep_backup, list_backups, load_file, load_stamped, save_checked, save_file,
    scan_library, to_ron,
};
use goldthread::{CanvasPos, Note, NoteColour, NoteId, Session};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

fn session_with(title: &str, notes: usize) -> Session {
    let mut session = Session::new(title, today());
    let notes = (0..notes)
        .map(|i| {
            Note::new(
                NoteId(i as u64 + 1),
                format!("Note {i}"),
                NoteColour::ALL[i % 6],
                CanvasPos::new(i as f32 * 10.0, 0.0),
            )
        })
        .collect();
    let _ = goldthread::Edit::add_notes(&session, notes).apply(&mut session);
    session
}

// ---------------------------------------------------------------- format versions

#[test]
fn every_format_version_has_a_fixture_that_opens() {
    let fixtures: Vec<String> = std::fs::read_dir(fixture(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for version in goldthread::storage::OLDEST_FORMAT_VERSION..CURRENT_FORMAT_VERSION {
        let prefix = format!("v{version}-");
        let mine: Vec<&String> = fixtures.iter().filter(|f| f.starts_with(&prefix)).collect();
        assert!(!mine.is_empty(), "no fixture for format {version}");
        for name in mine {
            let path = fixture(name);
            let before = std::fs::read(&path).unwrap();
            let loaded = load_file(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(loaded.migrated_from, Some(version), "{name}");
            assert!(loaded.warnings.is_empty(), "{name}: {:?}", loaded.warnings);
            assert_eq!(std::fs::read(&path).unwrap(), before, "{name} unchanged");
        }
    }
}

#[test]
fn version_1_example_migrates_to_the_current_version_keeping_every_note() {
    let path = fixture("v1-example-council.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("format_version: 1"));
    let loaded = load_file(&path).unwrap();
    let session = &loaded.session;
    assert_eq!(session.title, "Example: council digital strategy lab");
    let note_count = text.matches("            (\n                id: ").count();
    assert_eq!(session.notes.len(), note_count);
    assert!(session.notes.len() > 10);
    assert!(session.themes.is_empty() && session.participants.is_empty());
    // The migrated session writes as the current version and reads back identical.
    let written = to_ron(session);
    assert!(written.contains(&format!("format_version: {CURRENT_FORMAT_VERSION}")));
    let again = from_bytes(written.as_bytes()).unwrap();
    assert_eq!(again.migrated_from, None);
    assert_eq!(&again.session, session);
}

#[test]
fn version_1_minimal_fixture_keeps_ids_colours_and_counter() {
    let loaded = load_file(&fixture("v1-minimal.ron")).unwrap();
    let s = &loaded.session;
    assert_eq!(s.title, "Version 1 minimal");
    assert_eq!(
        s.notes.iter().map(|n| n.id).collect::<Vec<_>>(),
        [NoteId(3), NoteId(9)]
    );
    assert_eq!(s.notes[0].colour, NoteColour::Green);
    assert_eq!(s.notes[1].colour, NoteColour::Yellow);
    assert_eq!(s.next_note_id(), NoteId(10));
    assert_eq!(s.next_participant_id().0, 1);
}

#[test]
fn a_version_1_file_naming_themes_is_cleaned_with_a_warning() {
    let text = r#"(format_version: 1, session: (title: "Hand edited", date: "2026-01-02",
        notes: [(id: 1, text: "x", pos: (x: 0, y: 0), theme: Some(4))]))"#;
    let loaded = from_bytes(text.as_bytes()).unwrap();
    assert_eq!(loaded.session.notes[0].theme, None);
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    assert!(
        loaded.warnings[0].contains("format 1"),
        "{:?}",
        loaded.warnings
    );
}

#[test]
fn saving_a_migrated_file_upgrades_it_and_backs_up_the_old_version() {
    let dir = TempDir::new("safety-migrate-save");
    let path = dir.join("old.ron");
    std::fs::copy(fixture("v1-minimal.ron"), &path).unwrap();
    let v1 = std::fs::read(&path).unwrap();
    let loaded = load_file(&path).unwrap();
    save_file(&path, &loaded.session).unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains(&format!("format_version: {CURRENT_FORMAT_VERSION}"))
    );
    let backups = list_backups(&path);
    assert_eq!(backups.len(), 1);
    assert_eq!(
        std::fs::read(&backups[0]).unwrap(),
        v1,
        "the v1 file is kept"
    );
}

#[test]
fn a_newer_file_is_refused_and_never_overwritten() {
    let dir = TempDir::new("safety-newer");
    let path = dir.join("future.ron");
    let text = to_ron(&session_with("Future", 2)).replacen(
        &format!("format_version: {CURRENT_FORMAT_VERSION}"),
        "format_version: 9",
        1,
    );
    std::fs::write(&path, &text).unwrap();
    let err = load_file(&path).unwrap_err();
    assert_eq!(
        err.kind,
        LoadError::NewerVersion {
            found: 9,
            supported: CURRENT_FORMAT_VERSION
        }
    );
    let err = save_file(&path, &session_with("Mine", 1)).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("future.ron"), "{message}");
    assert!(
        message.contains('9') && message.contains(&CURRENT_FORMAT_VERSION.to_string()),
        "{message}"
    );
    assert!(message.contains("never overwritten"), "{message}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    assert!(list_backups(&path).is_empty());
}

// ---------------------------------------------------------------- backups

#[test]
fn every_save_keeps_the_previous_version_and_only_the_last_five() {
    let dir = TempDir::new("safety-backups");
    let path = dir.join("lab.ron");
    let mut versions = Vec::new();
    for i in 0..9 {
        let session = session_with(&format!("Lab v{i}"), i + 1);
        save_file(&path, &session).unwrap();
        versions.push(to_ron(&session));
    }
    let backups = list_backups(&path);
    assert_eq!(backups.len(), KEEP_BACKUPS);
    // Newest first: the version before the current one, then older.
    for (backup, expected) in backups.iter().zip(versions.iter().rev().skip(1)) {
        assert_eq!(&std::fs::read_to_string(backup).unwrap(), expected);
        let loaded = load_file(backup).unwrap();
        assert!(loaded.session.title.starts_with("Lab v"));
        let name = backup.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with("lab 20") && name.ends_with(".ron"),
            "a person can tell which file and when: {name}"
        );
    }
    assert_eq!(
        backups[0].parent().unwrap(),
        dir.join("backups").join("lab")
    );
    // The library lists session files only, not backups.
    let listed: Vec<String> = scan_library(&dir).iter().map(|e| e.file_name()).collect();
    assert_eq!(listed, ["lab.ron"]);
}

#[test]
fn saving_the_same_bytes_twice_keeps_one_backup() {
    let dir = TempDir::new("safety-backup-dedupe");
    let path = dir.join("same.ron");
    let session = session_with("Same", 1);
    for _ in 0..4 {
        save_file(&path, &session).unwrap();
    }
    assert_eq!(list_backups(&path).len(), 1);
}

#[test]
fn automatic_saves_keep_at_most_one_backup_per_interval() {
    let dir = TempDir::new("safety-backup-interval");
    let path = dir.join("auto.ron");
    std::fs::write(&path, "one").unwrap();
    assert!(keep_backup(&path, None).unwrap().is_some());
    std::fs::write(&path, "two").unwrap();
    let minute = Some(Duration::from_secs(60));
    assert!(keep_backup(&path, minute).unwrap().is_none(), "too soon");
    assert!(
        keep_backup(&path, None).unwrap().is_some(),
        "a manual save always keeps one"
    );
    assert!(
        keep_backup(&dir.join("missing.ron"), None)
            .unwrap()
            .is_none()
    );
}

// ---------------------------------------------------------------- failed saves

#[test]
fn a_save_that_cannot_back_up_first_writes_nothing() {
    let dir = TempDir::new("safety-backup-blocked");
    let path = dir.join("blocked.ron");
    save_file(&path, &session_with("Old", 1)).unwrap();
    let old = std::fs::read(&path).unwrap();
    // A file where the backups folder should be.
    std::fs::write(dir.join("backups"), "in the way").unwrap();
    let err = save_file(&path, &session_with("New", 2)).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("blocked.ron"), "{message}");
    assert!(message.contains("backed up"), "{message}");
    assert_eq!(std::fs::read(&path).unwrap(), old, "the old file is intact");
}

#[test]
fn a_target_replaced_by_a_folder_is_not_touched() {
    let dir = TempDir::new("safety-target-folder");
    let path = dir.join("gone.ron");
    save_file(&path, &session_with("Before", 1)).unwrap();
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();
    std::fs::write(path.join("keep.txt"), "keep").unwrap();
    let err = save_file(&path, &session_with("After", 1)).unwrap_err();
    assert!(err.to_string().contains("folder"), "{err}");
    assert_eq!(
        std::fs::read_to_string(path.join("keep.txt")).unwrap(),
        "keep"
    );
}

#[test]
fn a_path_under_a_file_fails_with_a_plain_reason() {
    let dir = TempDir::new("safety-under-file");
    let file = dir.join("plain.txt");
    std::fs::write(&file, "not a folder").unwrap();
    let err = save_file(&file.join("s.ron"), &session_with("X", 1)).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("could not be saved"), "{message}");
    assert!(message.contains("not a folder"), "{message}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "not a folder");
}

#[test]
fn a_file_deleted_under_us_is_written_again() {
    let dir = TempDir::new("safety-deleted");
    let path = dir.join("deleted.ron");
    save_file(&path, &session_with("One", 1)).unwrap();
    std::fs::remove_file(&path).unwrap();
    save_file(&path, &session_with("Two", 2)).unwrap();
    assert_eq!(load_file(&path).unwrap().session.title, "Two");
}

#[test]
fn io_errors_are_described_in_plain_words() {
    use std::io::{Error, ErrorKind};
    // A full disk and a read-only folder cannot be made here (tests run as root, which ignores
    // permissions, and without mounting a tiny file system): check their wording instead.
    let full = describe_io(&Error::from(ErrorKind::StorageFull));
    assert!(full.starts_with("the disk is full"), "{full}");
    let read_only = describe_io(&Error::from(ErrorKind::ReadOnlyFilesystem));
    assert!(read_only.contains("read-only"), "{read_only}");
    let denied = describe_io(&Error::from(ErrorKind::PermissionDenied));
    assert!(denied.contains("not allowed"), "{denied}");
    let gone = describe_io(&Error::from(ErrorKind::NotFound));
    assert!(gone.contains("does not exist"), "{gone}");
}

// ---------------------------------------------------------------- recovery copies

#[test]
fn a_recovery_copy_records_its_file_title_and_time() {
    let dir = TempDir::new("safety-recovery");
    let file = dir.join("lab.ron");
    let session = session_with("Recovery lab", 3);
    let copy_path = recovery_path(&dir, &session.title, "1");
    assert_eq!(copy_path.parent().unwrap(), dir.join("recovery"));
    let before = chrono::Local::now();
    write_recovery(&copy_path, Some(&file), &session).unwrap();
    let (info, loaded) = read_recovery(&copy_path).unwrap();
    assert_eq!(loaded.session, session);
    assert_eq!(info.title, "Recovery lab");
    assert_eq!(info.of_file.as_deref(), Some(file.as_path()));
    assert_eq!(info.notes, 3);
    assert!(info.written >= before && info.written <= chrono::Local::now());
    let text = std::fs::read_to_string(&copy_path).unwrap();
    assert!(
        text.contains("of_file: Some("),
        "readable by a person:\n{text}"
    );
}

#[test]
fn only_copies_newer_than_their_file_are_offered() {
    let dir = TempDir::new("safety-recovery-pending");
    // A file saved after its copy: not offered.
    let saved = dir.join("saved.ron");
    let old_copy = recovery_path(&dir, "Saved", "a");
    write_recovery(&old_copy, Some(&saved), &session_with("Saved", 1)).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    save_file(&saved, &session_with("Saved", 1)).unwrap();
    // A copy newer than its file: offered.
    let newer = dir.join("newer.ron");
    save_file(&newer, &session_with("Newer", 1)).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    let newer_copy = recovery_path(&dir, "Newer", "b");
    write_recovery(&newer_copy, Some(&newer), &session_with("Newer", 2)).unwrap();
    // A session never saved, and one whose file is gone: offered.
    let unsaved_copy = recovery_path(&dir, "Unsaved", "c");
    write_recovery(&unsaved_copy, None, &session_with("Unsaved", 4)).unwrap();
    let missing_copy = recovery_path(&dir, "Missing", "d");
    write_recovery(
        &missing_copy,
        Some(&dir.join("missing.ron")),
        &session_with("Missing", 1),
    )
    .unwrap();
    // A damaged copy is neither offered nor deleted.
    let damaged = dir.join("recovery").join("damaged.e.ron");
    std::fs::write(&damaged, "(format_version: 2, sess").unwrap();

    assert_eq!(list_recovery(&dir).len(), 4);
    let mut offered: Vec<String> = pending_recovery(&dir)
        .into_iter()
        .map(|c| c.title)
        .collect();
    offered.sort();
    assert_eq!(offered, ["Missing", "Newer", "Unsaved"]);
    assert!(damaged.exists() && old_copy.exists());

    discard_recovery(&unsaved_copy).unwrap();
    discard_recovery(&unsaved_copy).unwrap();
    assert_eq!(pending_recovery(&dir).len(), 2);
}

#[test]
fn a_copy_stays_offered_until_its_file_really_holds_its_work() {
    let dir = TempDir::new("safety-recovery-superseded");
    let file = dir.join("lab.ron");
    save_file(&file, &session_with("Lab", 1)).unwrap();
    let copy = recovery_path(&dir, "Lab", "a");
    write_recovery(&copy, Some(&file), &session_with("Lab", 2)).unwrap();
    // The file is saved again, later, without the copy's work ("Decide later", then Ctrl+S):
    // the copy is still offered. Today's main compared times and hid it.
    std::thread::sleep(Duration::from_millis(20));
    save_file(&file, &session_with("Lab", 1)).unwrap();
    assert_eq!(pending_recovery(&dir).len(), 1);
    // Once the file holds exactly the copy's session, the copy is superseded.
    save_file(&file, &session_with("Lab", 2)).unwrap();
    assert!(pending_recovery(&dir).is_empty());
    assert!(copy.exists(), "listing never deletes");
    let kept = recovery_path(&dir, "Other", "b");
    write_recovery(&kept, None, &session_with("Other", 1)).unwrap();
    assert_eq!(remove_superseded(&dir), 1);
    assert!(!copy.exists(), "a superseded copy is tidied at start");
    assert!(
        kept.exists(),
        "a copy of a session never saved is never superseded"
    );
    discard_recovery(&kept).unwrap();
    // Unless the copy also holds text being typed.
    let drafts = Drafts {
        capture: Some("Half a thought".to_owned()),
        ..Drafts::default()
    };
    write_recovery_with_drafts(&copy, Some(&file), &session_with("Lab", 2), &drafts).unwrap();
    let pending = pending_recovery(&dir);
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].drafts, 1);
    let (_, _, back) = read_recovery_with_drafts(&copy).unwrap();
    assert_eq!(back, drafts);
    // Drafts live in the copy only, never in the session file.
    assert!(
        !std::fs::read_to_string(&file)
            .unwrap()
            .contains("Half a thought")
    );
}

// ---------------------------------------------------------------- outside changes

#[test]
fn a_save_never_overwrites_a_change_made_outside_and_always_backs_it_up() {
    let dir = TempDir::new("safety-outside");
    let file = dir.join("x.ron");
    save_file(&file, &session_with("Mine", 1)).unwrap();
    let (loaded, stamp) = load_stamped(&file).unwrap();
    // A backup younger than the automatic-save minimum exists already.
    keep_backup(&file, None).unwrap();
    // Another program writes the file.
    std::fs::write(&file, to_ron(&session_with("Theirs", 3))).unwrap();
    let theirs = std::fs::read(&file).unwrap();
    let outcome = save_checked(
        &file,
        &loaded.session,
        Some(Duration::from_secs(300)),
        Some(&stamp),
    )
    .unwrap();
    let SaveOutcome::ChangedOutside { backup, found } = outcome else {
        panic!("the change must be noticed: {outcome:?}");
    };
    assert_eq!(std::fs::read(&file).unwrap(), theirs, "nothing written");
    assert_eq!(
        std::fs::read(backup.unwrap()).unwrap(),
        theirs,
        "their version is backed up whatever the backup age"
    );
    // Keeping mine: saved over the version found, which stays as the backup.
    let SaveOutcome::Saved(after) =
        save_checked(&file, &loaded.session, None, found.as_ref()).unwrap()
    else {
        panic!("saved over the version the user saw");
    };
    assert_eq!(load_file(&file).unwrap().session.title, "Mine");
    assert!(
        list_backups(&file)
            .iter()
            .any(|b| std::fs::read(b).unwrap() == theirs)
    );
    // The next save compares with what was just written: no question.
    assert!(matches!(
        save_checked(&file, &loaded.session, None, Some(&after)).unwrap(),
        SaveOutcome::Saved(_)
    ));
}

#[test]
fn touching_a_file_is_not_a_change() {
    let dir = TempDir::new("safety-outside-touch");
    let file = dir.join("x.ron");
    save_file(&file, &session_with("Mine", 1)).unwrap();
    let (_, stamp) = load_stamped(&file).unwrap();
    let bytes = std::fs::read(&file).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&file, &bytes).unwrap();
    assert!(!goldthread::storage::outside::changed_on_disk(
        &file, &stamp
    ));
    std::fs::write(&file, [&bytes[..], b" "].concat()).unwrap();
    assert!(goldthread::storage::outside::changed_on_disk(&file, &stamp));
}

// ---------------------------------------------------------------- locks

/// A process that is running for sure (a child sleeping), killed on drop.
struct LiveProcess(std::process::Child);

impl LiveProcess {
    fn start() -> Self {
        Self(
            std::process::Command::new("sleep")
                .arg("60")
                .spawn()
                .expect("sleep starts"),
        )
    }
}

impl Drop for LiveProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A lock file as an older Goldthread writes it: no operating-system lock behind it.
fn write_lock(file: &Path, pid: u32, host: &str) {
    write_owner(file, pid, host, false);
}

fn write_owner(file: &Path, pid: u32, host: &str, os_lock: bool) {
    let owner = LockOwner {
        pid,
        host: host.to_owned(),
        started: "2026-11-23 09:00:00".to_owned(),
        nonce: 7,
        os_lock,
    };
    std::fs::write(lock::lock_path_for(file), ron::to_string(&owner).unwrap()).unwrap();
}

#[test]
fn a_lock_is_taken_held_and_released() {
    let dir = TempDir::new("safety-lock");
    let file = dir.join("s.ron");
    let held = lock::acquire(&file).unwrap();
    assert!(held.lock_path().exists());
    assert_eq!(held.lock_path(), dir.join(".s.ron.lock"));
    let owner = lock::lock_owner(&file).unwrap();
    assert_eq!(owner.pid, std::process::id());
    assert_eq!(owner.host, lock::host_name());
    drop(held);
    assert!(!dir.join(".s.ron.lock").exists(), "released on close");
    assert!(scan_library(&dir).is_empty(), "lock files are not sessions");
}

/// A process holding the operating-system lock on `path`'s lock file, as a running Goldthread
/// does (`flock(1)`), or `None` (with the reason printed) where `flock` is not installed.
fn hold_os_lock(path: &Path) -> Option<LiveProcess> {
    let child = std::process::Command::new("flock")
        .arg(lock::lock_path_for(path))
        .args(["sleep", "60"])
        .spawn();
    let Ok(child) = child else {
        eprintln!("skipped: the flock command is not installed");
        return None;
    };
    // Wait until the lock is really held.
    for _ in 0..200 {
        if let Ok(probe) = std::fs::File::open(lock::lock_path_for(path))
            && matches!(probe.try_lock(), Err(std::fs::TryLockError::WouldBlock))
        {
            return Some(LiveProcess(child));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("flock never took the lock");
}

#[test]
fn a_lock_held_by_a_running_goldthread_blocks() {
    let dir = TempDir::new("safety-lock-live");
    let file = dir.join("s.ron");
    write_owner(&file, 4121, &lock::host_name(), true);
    let Some(_holder) = hold_os_lock(&file) else {
        return;
    };
    let Err(LockError::Held(owner)) = lock::acquire(&file) else {
        panic!("a live lock must block");
    };
    assert_eq!(owner.pid, 4121);
    let message = LockError::Held(owner).to_string();
    assert!(message.contains("4121"), "{message}");
    assert!(message.contains(&lock::host_name()), "{message}");
    assert!(
        matches!(lock::acquire_anyway(&file), Err(LockError::Held(_))),
        "a confirmed holder blocks even Open anyway"
    );
    // The lock is left alone.
    assert_eq!(lock::lock_owner(&file).unwrap().pid, 4121);
}

#[test]
fn a_crashed_goldthreads_lock_whose_pid_is_reused_is_taken_over() {
    let dir = TempDir::new("safety-lock-reused");
    let file = dir.join("s.ron");
    // A Goldthread that took the operating-system lock crashed; its process id now belongs to
    // an unrelated running program. Today's main treated such a lock as live for ever.
    let unrelated = LiveProcess::start();
    write_owner(&file, unrelated.0.id(), &lock::host_name(), true);
    let lock = lock::acquire(&file).expect("a crashed holder's lock does not block");
    assert_eq!(lock::lock_owner(&file).unwrap().pid, std::process::id());
    drop(lock);
    assert!(!lock::lock_path_for(&file).exists());
}

#[test]
fn a_lock_that_cannot_be_confirmed_opens_only_when_the_user_insists() {
    let dir = TempDir::new("safety-lock-unconfirmed");
    let file = dir.join("s.ron");
    // An older Goldthread's lock (no operating-system lock) naming a running process: maybe
    // that Goldthread, maybe a reused process id.
    let other = LiveProcess::start();
    write_lock(&file, other.0.id(), &lock::host_name());
    let Err(LockError::Unconfirmed(owner)) = lock::acquire(&file) else {
        panic!("a lock that cannot be confirmed is neither taken nor called live");
    };
    assert_eq!(owner.pid, other.0.id());
    assert!(
        LockError::Unconfirmed(owner)
            .to_string()
            .contains("cannot be confirmed")
    );
    assert_eq!(lock::lock_owner(&file).unwrap().pid, other.0.id());
    let lock = lock::acquire_anyway(&file).expect("Open anyway takes it over");
    let now = lock::lock_owner(&file).unwrap();
    assert_eq!(now.pid, std::process::id());
    assert!(now.os_lock);
    drop(lock);
}

#[test]
fn a_lock_left_by_a_crashed_goldthread_is_stale() {
    let dir = TempDir::new("safety-lock-stale");
    let file = dir.join("s.ron");
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let pid = gone.id();
    gone.wait().unwrap();
    write_lock(&file, pid, &lock::host_name());
    assert!(lock::lock_owner(&file).unwrap().is_stale());
    let lock = lock::acquire(&file).expect("a stale lock does not block");
    assert_eq!(lock::lock_owner(&file).unwrap().pid, std::process::id());
    drop(lock);
    // A half-written lock file (a crash while writing it) is stale too.
    std::fs::write(lock::lock_path_for(&file), "(pid: 12").unwrap();
    assert!(lock::acquire(&file).is_ok());
}

#[test]
fn a_lock_from_another_computer_is_never_called_stale() {
    let dir = TempDir::new("safety-lock-foreign");
    let file = dir.join("s.ron");
    write_lock(&file, 1, "another-laptop");
    assert!(matches!(
        lock::acquire(&file),
        Err(LockError::Unconfirmed(_))
    ));
    assert_eq!(lock::lock_owner(&file).unwrap().host, "another-laptop");
}

#[test]
fn an_old_lock_does_not_remove_a_newer_one() {
    let dir = TempDir::new("safety-lock-replaced");
    let file = dir.join("s.ron");
    let first = lock::acquire(&file).unwrap();
    // This process opens the file again (e.g. from the library): the lock is taken over.
    let second = lock::acquire(&file).unwrap();
    drop(first);
    assert!(lock::lock_path_for(&file).exists(), "the newer lock stays");
    drop(second);
    assert!(!lock::lock_path_for(&file).exists());
}

// ---------------------------------------------------------------- hostile files

/// Every kind of hostile file, each with its expected outcome.
fn hostile_files() -> Vec<(&'static str, Vec<u8>)> {
    let valid = to_ron(&session_with("Valid", 3));
    let deep = format!(
        "(format_version: 2, session: (title: \"x\", date: \"2026-01-01\", notes: {}{}))",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    vec![
        ("empty.ron", Vec::new()),
        ("truncated.ron", valid.as_bytes()[..valid.len() / 2].to_vec()),
        ("binary.ron", (0..=255u8).cycle().take(4000).collect()),
        ("not-ron.ron", b"<html><body>Not a session</body></html>".to_vec()),
        (
            "other-shape.ron",
            b"(name: \"Shopping\", items: [\"eggs\"])".to_vec(),
        ),
        ("deep.ron", deep.into_bytes()),
        (
            "bad-date.ron",
            b"(format_version: 2, session: (title: \"x\", date: \"2026-02-30\"))".to_vec(),
        ),
        (
            "duplicate-ids.ron",
            b"(format_version: 2, session: (title: \"Dup\", date: \"2026-01-01\", notes: [
                (id: 1, text: \"a\", pos: (x: 0, y: 0)), (id: 1, text: \"b\", pos: (x: 9, y: 9))]))"
                .to_vec(),
        ),
        (
            "absurd-coordinates.ron",
            b"(format_version: 2, session: (title: \"Far\", date: \"2026-01-01\", notes: [
                (id: 1, text: \"a\", pos: (x: NaN, y: 0)), (id: 2, text: \"b\", pos: (x: 1e30, y: -inf))],
                view: (center: (x: inf, y: 0), zoom: 1e30)))"
                .to_vec(),
        ),
        (
            "missing-theme.ron",
            b"(format_version: 2, session: (title: \"Themes\", date: \"2026-01-01\", notes: [
                (id: 1, text: \"a\", pos: (x: 0, y: 0), theme: Some(99))]))"
                .to_vec(),
        ),
    ]
}

#[test]
fn hostile_files_are_refused_with_a_reason_or_repaired_and_never_changed() {
    let dir = TempDir::new("safety-hostile");
    let mut stamps = Vec::new();
    for (name, bytes) in hostile_files() {
        let path = dir.join(name);
        std::fs::write(&path, &bytes).unwrap();
        stamps.push((path, bytes));
    }
    // One huge file, sparse so it costs no disk.
    let huge = dir.join("huge.ron");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(goldthread::storage::MAX_FILE_BYTES + 1)
        .unwrap();
    let old = SystemTime::now() - Duration::from_secs(3600);
    for (path, _) in &stamps {
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(old)
            .unwrap();
    }

    let started = std::time::Instant::now();
    let entries = scan_library(&dir);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "listing hostile files must not hang"
    );
    assert_eq!(entries.len(), stamps.len() + 1);
    for entry in &entries {
        let name = entry.file_name();
        match (&entry.status, name.as_str()) {
            (EntryStatus::Ok { .. }, "duplicate-ids.ron" | "absurd-coordinates.ron") => {
                let loaded = load_file(&entry.path).unwrap();
                assert!(!loaded.warnings.is_empty(), "{name}: repairs are listed");
                assert!(loaded.session.notes.iter().all(|n| n.pos.is_plausible()));
                let mut ids: Vec<NoteId> = loaded.session.notes.iter().map(|n| n.id).collect();
                ids.dedup();
                assert_eq!(ids.len(), loaded.session.notes.len(), "{name}");
            }
            (EntryStatus::Ok { .. }, "missing-theme.ron") => {
                // Repaired by the themes stream's Session::repair once merged; until then it
                // opens, names the theme it had, and nothing panics.
                let loaded = load_file(&entry.path).unwrap();
                let theme = loaded.session.notes[0].theme;
                assert!(theme.is_none() || theme == Some(ThemeId(99)), "{theme:?}");
            }
            (EntryStatus::Broken { reason }, _) => {
                assert!(reason.contains(&name), "{name}: {reason}");
                let err = load_file(&entry.path).unwrap_err();
                if let LoadError::Syntax { line, col, .. } = err.kind {
                    assert!(line >= 1 && col >= 1, "{name}");
                    assert!(reason.contains("line "), "{name}: {reason}");
                }
            }
            (status, _) => panic!("{name}: unexpected {status:?}"),
        }
    }
    let broken: Vec<String> = entries
        .iter()
        .filter(|e| matches!(e.status, EntryStatus::Broken { .. }))
        .map(|e| e.file_name())
        .collect();
    for name in [
        "empty.ron",
        "truncated.ron",
        "binary.ron",
        "not-ron.ron",
        "other-shape.ron",
        "deep.ron",
        "bad-date.ron",
        "huge.ron",
    ] {
        assert!(
            broken.contains(&name.to_owned()),
            "{name} is listed as broken"
        );
    }
    for (path, bytes) in &stamps {
        assert_eq!(&std::fs::read(path).unwrap(), bytes, "{}", path.display());
        let modified = std::fs::metadata(path).unwrap().modified().unwrap();
        assert_eq!(modified, old, "{} untouched", path.display());
    }
    let date_reason = entries
        .iter()
        .find(|e| e.file_name() == "bad-date.ron")
        .map(|e| format!("{:?}", e.status))
        .unwrap();
    assert!(date_reason.contains("line 1"), "{date_reason}");
}

#[test]
fn a_recovery_copy_opens_like_a_session_file_by_hand() {
    let dir = TempDir::new("safety-recovery-by-hand");
    let session = session_with("By hand", 2);
    let copy = recovery_path(&dir, &session.title, "x");
    write_recovery(&copy, Some(&dir.join("by-hand.ron")), &session).unwrap();
    let loaded = load_file(&copy).unwrap();
    assert_eq!(loaded.session, session);
    assert!(loaded.warnings.is_empty());
}
