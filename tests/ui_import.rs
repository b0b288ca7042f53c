//! Protects "Import notes…" in the File menu, driven through the typed-path fallback: a text
//! file and a CSV file (after its column preview) add their notes to the open session where the canvas is looking, a bad
//! file says why and changes nothing, and one Ctrl+Z takes the whole import back.

mod common;
#[path = "common/council.rs"]
mod council;

use std::path::Path;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goldthread::import::{ImportedLine, import_edit_in};
use goldthread::model::{CanvasPos, CanvasRect};
use goldthread::ui::{Dialog, GoldthreadApp, PickPurpose};

/// Chooses File → Import notes…, types `path` into the path prompt and presses Enter.
fn import_via_menu(h: &mut Harness<'static, GoldthreadApp>, path: &Path) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Import notes").click();
    h.run();
    assert!(
        matches!(
            h.state().dialog(),
            Some(Dialog::PathPrompt {
                purpose: PickPurpose::Import,
                ..
            })
        ),
        "without a native dialog the app asks for the file's path"
    );
    type_text(h, &path.display().to_string());
    press(h, Key::Enter);
    settle(h);
    assert!(h.state().dialog().is_none());
}

fn last_notice(h: &Harness<'static, GoldthreadApp>) -> (String, bool) {
    let notice = h.state().notices().all().last().expect("a notice").clone();
    (notice.text, notice.is_error)
}

#[test]
fn a_text_file_adds_one_note_per_line_beside_the_existing_notes() {
    let (dir, mut h) = app_with_new_session("import-text");
    capture_notes(&mut h, &["Already here"]);
    let file = dir.join("survey.txt");
    std::fs::write(&file, "Open data\n\n  Digital skills  \nOne front door\n").unwrap();

    import_via_menu(&mut h, &file);

    assert_eq!(
        note_texts(&h),
        [
            "Already here",
            "Open data",
            "Digital skills",
            "One front door"
        ]
    );
    let notes = &open_session(&h).session.notes;
    for (i, a) in notes.iter().enumerate() {
        for b in &notes[i + 1..] {
            assert!(
                !a.rect().intersects(&b.rect()),
                "{} covers {}",
                a.text,
                b.text
            );
        }
    }
    // Placed where the canvas is looking: the room sees them at once.
    for text in ["Open data", "Digital skills", "One front door"] {
        h.get_by_label(text);
    }
    let (text, is_error) = last_notice(&h);
    assert!(!is_error);
    assert_eq!(
        text,
        "Imported 3 notes from survey.txt. Ctrl+Z removes them all."
    );
    assert!(
        open_session(&h).is_dirty(),
        "the import is a change to save"
    );
}

#[test]
fn a_csv_file_adds_the_text_column() {
    let (dir, mut h) = app_with_new_session("import-csv");
    let file = dir.join("responses.csv");
    std::fs::write(
        &file,
        "name,text,service\nAsha,\"Wifi drops, often\",Housing\nTom,Nobody owns the data,Housing\n,,\n",
    )
    .unwrap();

    import_via_menu(&mut h, &file);
    // A table first shows its columns, the answers column chosen; nothing is added yet.
    assert!(note_texts(&h).is_empty());
    h.get_by_label("Import 2 notes").click();
    settle(&mut h);

    assert_eq!(
        note_texts(&h),
        ["Wifi drops, often", "Nobody owns the data"]
    );
    let people = &open_session(&h).session.participants;
    assert_eq!(people.len(), 2, "the name column gives the authors");
    assert!(people.iter().all(|p| p.service_area == "Housing"));
    assert_eq!(
        last_notice(&h).0,
        "Imported 2 notes, 1 blank answer skipped, 2 new participants from responses.csv. Ctrl+Z removes the whole import."
    );
}

#[test]
fn a_bad_file_says_why_and_changes_nothing() {
    let (dir, mut h) = app_with_new_session("import-bad");
    capture_notes(&mut h, &["Keep me"]);
    let before = open_session(&h).session.clone();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "\n  \n\n").unwrap();
    let binary = dir.join("survey.xlsx");
    std::fs::write(&binary, [0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x9c]).unwrap();
    let missing = dir.join("not-there.txt");
    let folder = dir.join("a-folder");
    std::fs::create_dir_all(&folder).unwrap();

    for (file, says) in [
        (&empty, "empty.txt has no notes"),
        (&binary, "survey.xlsx could not be read as a spreadsheet"),
        (&missing, "not-there.txt could not be read"),
        (&folder, "a-folder could not be read"),
    ] {
        import_via_menu(&mut h, file);
        let (text, is_error) = last_notice(&h);
        assert!(is_error, "{text}");
        assert!(
            text.starts_with(&format!("Nothing imported: {says}")),
            "{text}"
        );
        assert!(text.ends_with("The session is unchanged."), "{text}");
        assert_eq!(open_session(&h).session, before, "{says}: nothing changed");
    }
}

#[test]
fn one_undo_removes_the_whole_import_and_redo_brings_it_back() {
    let (dir, mut h) = app_with_new_session("import-undo");
    capture_notes(&mut h, &["Mine"]);
    let before = open_session(&h).session.clone();
    let file = dir.join("ideas.txt");
    let lines: Vec<String> = (1..=25).map(|i| format!("Idea {i}")).collect();
    std::fs::write(&file, lines.join("\n")).unwrap();
    import_via_menu(&mut h, &file);
    let imported = open_session(&h).session.clone();
    assert_eq!(imported.notes.len(), 26);

    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(open_session(&h).session.notes, before.notes);
    press_with(&mut h, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    assert_eq!(open_session(&h).session.notes, imported.notes);
}

#[test]
fn importing_with_no_session_open_says_to_open_one() {
    let dir = temp_dir("import-none");
    let file = dir.join("notes.txt");
    std::fs::write(&file, "An idea\n").unwrap();
    let mut h = app(&dir);
    h.state_mut()
        .run(goldthread::ui::Command::ImportPath(file.clone()));
    h.run();
    assert!(h.state().open.is_none());
    let (text, is_error) = last_notice(&h);
    assert!(is_error);
    assert!(text.starts_with("Open a session first"), "{text}");
}

#[test]
fn imported_notes_keep_clear_of_theme_frames_and_notes() {
    let mut session = council::example_session();
    let before = session.notes.len();
    let lines: Vec<ImportedLine> = (1..=30)
        .map(|i| ImportedLine {
            line: i,
            text: format!("Survey answer {i}"),
        })
        .collect();
    // The whole board is in view: the notes must find the gaps between and below the frames.
    let area = CanvasRect::from_min_max(CanvasPos::new(0.0, 0.0), CanvasPos::new(3000.0, 1500.0));
    import_edit_in(&session, &lines, area).apply(&mut session);
    assert_eq!(session.notes.len(), before + 30);
    let frames = session.theme_frames();
    for note in &session.notes[before..] {
        assert_eq!(note.theme, None);
        for f in &frames {
            assert!(
                !f.rect.intersects(&note.rect()),
                "{} lies on a frame",
                note.text
            );
        }
        for other in session.notes.iter().filter(|o| o.id != note.id) {
            assert!(
                !other.rect().intersects(&note.rect()),
                "{} covers {}",
                note.text,
                other.text
            );
        }
    }
}

#[test]
fn an_unbalanced_csv_quote_is_refused_with_its_place_and_nothing_is_added() {
    let (dir, mut h) = app_with_new_session("import-unbalanced");
    let file = dir.join("survey.csv");
    let mut csv = String::from("text\nFirst answer\n\"Broken answer\n");
    for i in 0..500 {
        csv.push_str(&format!("answer {i}\n"));
    }
    std::fs::write(&file, csv).unwrap();

    import_via_menu(&mut h, &file);

    assert!(note_texts(&h).is_empty(), "nothing half-imported");
    let (text, is_error) = last_notice(&h);
    assert!(is_error, "the message stays until dismissed");
    assert!(
        text.contains("survey.csv at row 3, column 1") && text.contains("closing quote"),
        "{text}"
    );
    // The message's Dismiss button is on screen and works.
    h.get_by_label("Dismiss").click();
    h.run();
    assert!(!h.state().notices().all().iter().any(|n| n.is_error));
}
