//! Protects a session file another program changed while it is open in the app (a command-line
//! import that ignored the lock, `sed -i`, a sync client): before every save, manual or
//! automatic, the app notices, keeps the other version as a backup (even when the newest backup
//! is minutes old), overwrites nothing, and lets the user keep theirs, see both, or reload.

mod common;
#[path = "common/saving.rs"]
mod saving;

use common::{app_with, capture_notes, note_texts, open_session, press_with, settle, temp_dir};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use goldthread::storage::{list_backups, load_file, save_file, scan_library};
use goldthread::ui::Action;
use goldthread::ui::recovery_ui::SafetyPrompt;
use goldthread::{CanvasPos, Note, NoteColour};
use saving::{has_notice, run_until, saved_session};

type Harness = egui_kittest::Harness<'static, goldthread::ui::GoldthreadApp>;

fn texts_in(path: &std::path::Path) -> Vec<String> {
    load_file(path)
        .unwrap()
        .session
        .notes
        .into_iter()
        .map(|n| n.text)
        .collect()
}

/// What `goldthread import-notes` did on today's main while the app had the file open: read
/// the file, add a note, save it (with a backup of the app's version).
fn import_behind_the_apps_back(file: &std::path::Path, text: &str) {
    let mut theirs = load_file(file).unwrap().session;
    let note = Note::new(
        theirs.next_note_id(),
        text,
        NoteColour::Green,
        CanvasPos::new(0.0, 600.0),
    );
    let _ = goldthread::Edit::add_notes(&theirs, vec![note]).apply(&mut theirs);
    save_file(file, &theirs).unwrap();
}

fn changed_outside(h: &Harness) -> bool {
    matches!(
        h.state().safety_prompt(),
        Some(SafetyPrompt::ChangedOutside { .. })
    )
}

fn any_backup_has(file: &std::path::Path, text: &str) -> bool {
    list_backups(file)
        .iter()
        .any(|b| load_file(b).is_ok_and(|l| l.session.notes.iter().any(|n| n.text == text)))
}

#[test]
fn an_automatic_save_never_overwrites_a_survey_imported_meanwhile() {
    let dir = temp_dir("outside-auto");
    let file = saved_session(&dir, "x.ron", "Survey lab", &["One"]);
    let mut h = app_with(&dir, Some(file.clone()));
    h.state_mut().run(Action::ToggleSaveAutomatically);
    h.run();
    capture_notes(&mut h, &["Two"]);
    run_until(&mut h, 4.0, "the first automatic save", |h| {
        !open_session(h).is_dirty()
    });
    // The survey arrives from the command line, within 5 minutes of the last backup.
    import_behind_the_apps_back(&file, "From the survey");
    capture_notes(&mut h, &["Three"]);
    run_until(&mut h, 5.0, "the question", changed_outside);
    assert_eq!(
        texts_in(&file),
        ["One", "Two", "From the survey"],
        "not overwritten"
    );
    assert!(any_backup_has(&file, "From the survey"), "kept as a backup");
    assert!(has_notice(&h, true, "changed by another program"));
    h.get_by_label_contains("was changed by another program");
    // Automatic saves wait for the answer.
    for _ in 0..240 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    settle(&mut h);
    assert_eq!(texts_in(&file), ["One", "Two", "From the survey"]);

    h.get_by_label("Keep mine").click();
    h.run();
    settle(&mut h);
    assert_eq!(texts_in(&file), ["One", "Two", "Three"]);
    assert!(!open_session(&h).is_dirty());
    assert!(
        any_backup_has(&file, "From the survey"),
        "the other version stays as a backup"
    );
}

#[test]
fn see_both_keeps_each_version_in_its_own_file() {
    let dir = temp_dir("outside-both");
    let file = saved_session(&dir, "x.ron", "Both lab", &["One"]);
    let mut h = app_with(&dir, Some(file.clone()));
    capture_notes(&mut h, &["Mine"]);
    // An editor changes the file (like `sed -i`).
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("\"One\"", "\"One, edited\"")).unwrap();
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(changed_outside(&h));
    assert_eq!(texts_in(&file), ["One, edited"]);
    h.get_by_label("See both").click();
    h.run();
    settle(&mut h);
    assert_eq!(texts_in(&file), ["One, edited"], "theirs stays in the file");
    let mine = dir.join("both-lab-your-version.ron");
    assert_eq!(texts_in(&mine), ["One", "Mine"]);
    assert_eq!(open_session(&h).path.as_deref(), Some(mine.as_path()));
    assert!(!open_session(&h).is_dirty());
    assert_eq!(scan_library(&dir).len(), 2, "both are in the library");
}

#[test]
fn reload_theirs_drops_mine_only_after_a_second_click() {
    let dir = temp_dir("outside-reload");
    let file = saved_session(&dir, "x.ron", "Reload lab", &["One"]);
    let mut h = app_with(&dir, Some(file.clone()));
    capture_notes(&mut h, &["Mine"]);
    import_behind_the_apps_back(&file, "Theirs");
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(changed_outside(&h));
    h.get_by_label("Reload theirs").click();
    h.run();
    assert_eq!(note_texts(&h), ["One", "Mine"], "one click drops nothing");
    h.get_by_label("Click again to drop your changes").click();
    h.run();
    settle(&mut h);
    assert_eq!(note_texts(&h), ["One", "Theirs"]);
    assert!(!open_session(&h).is_dirty());
    assert_eq!(texts_in(&file), ["One", "Theirs"]);
}

#[test]
fn decide_later_asks_again_at_the_next_save() {
    let dir = temp_dir("outside-later");
    let file = saved_session(&dir, "x.ron", "Later lab", &["One"]);
    let mut h = app_with(&dir, Some(file.clone()));
    capture_notes(&mut h, &["Mine"]);
    import_behind_the_apps_back(&file, "Theirs");
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    common::press(&mut h, Key::Escape);
    assert!(h.state().safety_prompt().is_none());
    assert!(open_session(&h).is_dirty());
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(changed_outside(&h), "asked again");
    assert_eq!(texts_in(&file), ["One", "Theirs"]);
}

#[test]
fn a_file_touched_but_not_changed_saves_without_asking() {
    let dir = temp_dir("outside-touch");
    let file = saved_session(&dir, "x.ron", "Touch lab", &["One"]);
    let mut h = app_with(&dir, Some(file.clone()));
    capture_notes(&mut h, &["Two"]);
    // A sync client rewrites the same bytes.
    let bytes = std::fs::read(&file).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&file, bytes).unwrap();
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(h.state().safety_prompt().is_none());
    assert_eq!(texts_in(&file), ["One", "Two"]);
}
