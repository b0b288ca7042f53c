//! Protects crash recovery and one-writer safety as the user meets them: the recovery copy
//! follows edits within a second without touching the file, the start-up offer restores or
//! (after a second click) discards each copy, a file open elsewhere opens read-only and Save
//! never writes it, failed saves keep the work and the old file, and "save automatically"
//! writes the file itself.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{
    app, app_with, app_with_new_session, capture_notes, note_texts, open_session, press_with,
    settle, temp_dir,
};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goldthread::storage::lock::{self, LockOwner};
use goldthread::storage::recovery::{list_recovery, read_recovery, recovery_path, write_recovery};
use goldthread::storage::{list_backups, load_file, save_file};
use goldthread::ui::recovery_ui::SafetyPrompt;
use goldthread::ui::{Command, Dialog, GoldthreadApp};
use goldthread::{CanvasPos, Note, NoteColour, NoteId, Session};

/// Runs frames (1/60 s of app time each) until `done` holds; fails after `secs` of app time.
fn run_until(
    h: &mut Harness<'static, GoldthreadApp>,
    secs: f64,
    what: &str,
    done: impl Fn(&Harness<'static, GoldthreadApp>) -> bool,
) {
    let steps = (secs * 60.0) as usize;
    for _ in 0..steps {
        if done(h) {
            return;
        }
        h.step();
        std::thread::sleep(Duration::from_millis(2));
    }
    settle(h);
    assert!(done(h), "{what}: not within {secs} s");
}

fn copies(dir: &Path) -> Vec<PathBuf> {
    list_recovery(dir).into_iter().map(|c| c.path).collect()
}

fn saved_session(dir: &Path, name: &str, title: &str, notes: &[&str]) -> PathBuf {
    let mut session = Session::new(title, common::today());
    let notes = notes
        .iter()
        .enumerate()
        .map(|(i, t)| {
            Note::new(
                NoteId(i as u64 + 1),
                *t,
                NoteColour::Yellow,
                CanvasPos::new(i as f32 * 260.0, 0.0),
            )
        })
        .collect();
    let _ = goldthread::Edit::add_notes(&session, notes).apply(&mut session);
    let path = dir.join(name);
    save_file(&path, &session).unwrap();
    path
}

fn has_notice(h: &Harness<'static, GoldthreadApp>, error: bool, text: &str) -> bool {
    h.state()
        .notices()
        .all()
        .iter()
        .any(|n| n.is_error == error && n.text.contains(text))
}

#[test]
fn edits_reach_the_recovery_copy_within_a_second_and_saving_removes_it() {
    let (dir, mut h) = app_with_new_session("recovery-follows");
    capture_notes(&mut h, &["First idea"]);
    run_until(&mut h, 1.2, "first copy", |_| {
        copies(&dir).len() == 1
            && read_recovery(&copies(&dir)[0]).is_ok_and(|(_, l)| l.session.notes.len() == 1)
    });
    let copy = copies(&dir).remove(0);
    let (info, loaded) = read_recovery(&copy).unwrap();
    assert_eq!(info.of_file, None, "a new session has no file yet");
    assert_eq!(loaded.session.notes[0].text, "First idea");
    assert!(
        !dir.join("innovation-lab-2026-11-22.ron").exists(),
        "autosave never writes the session file"
    );

    // Keep typing: each later edit reaches the copy within a second of app time.
    for text in ["Second idea", "Third idea"] {
        capture_notes(&mut h, &[text]);
        run_until(&mut h, 1.2, text, |_| {
            read_recovery(&copy).is_ok_and(|(_, l)| l.session.notes.iter().any(|n| n.text == text))
        });
    }

    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(!open_session(&h).is_dirty());
    run_until(&mut h, 1.0, "copy removed after saving", |_| {
        copies(&dir).is_empty()
    });
    assert!(
        !dir.join("recovery").exists(),
        "an empty recovery folder is tidied"
    );
}

#[test]
fn the_start_offers_a_copy_and_restore_brings_back_the_work_unsaved() {
    let dir = temp_dir("recovery-restore");
    let file = saved_session(&dir, "council.ron", "Council lab", &["Saved idea"]);
    let saved_bytes = std::fs::read(&file).unwrap();
    let mut newer = load_file(&file).unwrap().session;
    let extra = Note::new(
        newer.next_note_id(),
        "Typed just before the power cut",
        NoteColour::Pink,
        CanvasPos::new(0.0, 300.0),
    );
    let _ = goldthread::Edit::add_notes(&newer, vec![extra]).apply(&mut newer);
    std::thread::sleep(Duration::from_millis(20));
    let copy = recovery_path(&dir, "Council lab", "crashed");
    write_recovery(&copy, Some(&file), &newer).unwrap();

    let mut h = app(&dir);
    let Some(SafetyPrompt::Recover {
        copies: offered, ..
    }) = h.state().safety_prompt()
    else {
        panic!("the start offers the recovery copy");
    };
    assert_eq!(offered.len(), 1);
    h.get_by_label_contains("changes not yet saved in council.ron");
    h.get_by_label_contains("2 notes");
    h.get_by_label("Restore Council lab").click();
    h.run();
    settle(&mut h);
    assert!(h.state().safety_prompt().is_none());
    assert_eq!(
        note_texts(&h),
        ["Saved idea", "Typed just before the power cut"]
    );
    let open = open_session(&h);
    assert!(
        open.is_dirty(),
        "restored work is unsaved until the user saves"
    );
    assert_eq!(open.path.as_deref(), Some(file.as_path()));
    assert!(open.read_only.is_none());
    assert_eq!(
        std::fs::read(&file).unwrap(),
        saved_bytes,
        "nothing written yet"
    );
    assert!(copy.exists(), "the copy stays until the work is saved");

    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert_eq!(load_file(&file).unwrap().session.notes.len(), 2);
    assert_eq!(
        std::fs::read(&list_backups(&file)[0]).unwrap(),
        saved_bytes,
        "the replaced version is kept as a backup"
    );
    run_until(&mut h, 1.0, "copy removed", |_| !copy.exists());
}

#[test]
fn discard_needs_a_second_click_and_decide_later_keeps_everything() {
    let dir = temp_dir("recovery-discard");
    let first = recovery_path(&dir, "Lost draft", "a");
    write_recovery(&first, None, &Session::new("Lost draft", common::today())).unwrap();
    let second = recovery_path(&dir, "Other draft", "b");
    write_recovery(&second, None, &Session::new("Other draft", common::today())).unwrap();

    let mut h = app(&dir);
    h.get_by_label("Discard: Lost draft").click();
    h.run();
    assert!(first.exists(), "one click does not delete");
    h.get_by_label("Click again to delete this copy: Lost draft")
        .click();
    h.run();
    assert!(!first.exists(), "the second click deletes");
    let Some(SafetyPrompt::Recover { copies, .. }) = h.state().safety_prompt() else {
        panic!("the other copy is still offered");
    };
    assert_eq!(copies.len(), 1);
    h.get_by_label("Decide later").click();
    h.run();
    assert!(h.state().safety_prompt().is_none());
    assert!(second.exists(), "decide later deletes nothing");
    assert!(h.state().open.is_none());

    // The next start offers it again.
    drop(h);
    let h = app(&dir);
    assert!(matches!(
        h.state().safety_prompt(),
        Some(SafetyPrompt::Recover { copies, .. }) if copies.len() == 1
    ));
}

/// A process that is running for sure, killed on drop.
struct LiveProcess(std::process::Child);

impl Drop for LiveProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_file_open_in_another_goldthread_opens_read_only_and_save_never_writes_it() {
    let dir = temp_dir("lock-read-only");
    let file = saved_session(&dir, "shared.ron", "Shared lab", &["Theirs"]);
    let bytes = std::fs::read(&file).unwrap();
    let other = LiveProcess(
        std::process::Command::new("sleep")
            .arg("60")
            .spawn()
            .unwrap(),
    );
    let owner = LockOwner {
        pid: other.0.id(),
        host: lock::host_name(),
        started: "2026-11-23 09:00:00".to_owned(),
        nonce: 1,
        os_lock: false,
    };
    let lock_file = lock::lock_path_for(&file);
    std::fs::write(&lock_file, ron::to_string(&owner).unwrap()).unwrap();

    let mut h = app_with(&dir, Some(file.clone()));
    assert!(matches!(
        h.state().safety_prompt(),
        Some(SafetyPrompt::Locked { .. })
    ));
    assert!(h.state().open.is_none(), "nothing opens without a choice");
    h.get_by_label_contains(&format!("process {}", other.0.id()));
    h.get_by_label("Open read-only");
    // Enter takes the safe choice, even with the library behind the prompt.
    common::press(&mut h, Key::Enter);
    let open = open_session(&h);
    assert!(open.read_only.is_some());
    h.get_by_label("read-only");
    h.get_by_label("Save as…");

    capture_notes(&mut h, &["Mine"]);
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        bytes,
        "the other's file is untouched"
    );
    assert!(
        matches!(h.state().dialog(), Some(Dialog::PathPrompt { .. })),
        "Save offers Save as… instead"
    );
    assert!(has_notice(&h, true, "read-only"));
    assert_eq!(
        lock::lock_owner(&file).map(|o| o.pid),
        Some(other.0.id()),
        "the other's lock is left alone"
    );

    // Save as a new file: that one is ours and writable.
    let copy = dir.join("my-copy.ron");
    h.state_mut().run(Command::SaveAsPath(copy.clone()));
    h.run();
    settle(&mut h);
    assert!(open_session(&h).read_only.is_none());
    assert_eq!(load_file(&copy).unwrap().session.notes.len(), 2);
    assert_eq!(std::fs::read(&file).unwrap(), bytes);
}

#[test]
fn a_stale_lock_does_not_block_opening() {
    let dir = temp_dir("lock-stale");
    let file = saved_session(&dir, "left.ron", "Left open", &["Idea"]);
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let pid = gone.id();
    gone.wait().unwrap();
    let owner = LockOwner {
        pid,
        host: lock::host_name(),
        started: "2026-11-23 08:00:00".to_owned(),
        nonce: 1,
        os_lock: false,
    };
    std::fs::write(lock::lock_path_for(&file), ron::to_string(&owner).unwrap()).unwrap();
    let h = app_with(&dir, Some(file.clone()));
    assert!(h.state().safety_prompt().is_none());
    let open = open_session(&h);
    assert!(open.read_only.is_none());
    assert_eq!(
        lock::lock_owner(&file).map(|o| o.pid),
        Some(std::process::id()),
        "the lock is now ours"
    );
    drop(h);
    assert!(
        !lock::lock_path_for(&file).exists(),
        "released when the app closes"
    );
}

#[test]
fn a_save_over_a_folder_fails_clearly_keeping_the_work_and_the_old_file() {
    let dir = temp_dir("failed-save-folder");
    let file = saved_session(&dir, "target.ron", "Target", &["Old"]);
    let mut h = app_with(&dir, Some(file.clone()));
    capture_notes(&mut h, &["New"]);
    // Someone replaces the file with a folder while the session is open.
    std::fs::remove_file(&file).unwrap();
    std::fs::create_dir(&file).unwrap();
    std::fs::write(file.join("inside.txt"), "keep").unwrap();
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(open_session(&h).is_dirty(), "still marked unsaved");
    assert_eq!(note_texts(&h), ["Old", "New"]);
    assert!(has_notice(&h, true, "could not be saved"));
    assert_eq!(
        std::fs::read_to_string(file.join("inside.txt")).unwrap(),
        "keep"
    );
}

#[test]
fn save_automatically_writes_the_file_without_announcing_it() {
    let dir = temp_dir("save-automatically");
    let file = saved_session(&dir, "auto.ron", "Auto", &["One"]);
    let mut h = app_with(&dir, Some(file.clone()));
    h.state_mut().run(Command::ToggleSaveAutomatically);
    h.run();
    assert!(h.state().settings().save_automatically);
    capture_notes(&mut h, &["Two"]);
    run_until(&mut h, 4.0, "the file is saved automatically", |h| {
        !open_session(h).is_dirty()
    });
    assert_eq!(load_file(&file).unwrap().session.notes.len(), 2);
    assert!(
        !has_notice(&h, false, "Saved to"),
        "no message per automatic save"
    );
    assert_eq!(list_backups(&file).len(), 1, "the first version is kept");
}
