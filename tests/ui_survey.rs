//! Protects the survey import preview: importing a Google Forms CSV shows its columns with the
//! answers column chosen (never the timestamp), the facilitator can choose another column and
//! an author, the notes arrive with their authors as one undo step, and Cancel changes nothing.
//! Also "Copy report" and the Word export from the File menu.

mod common;

use std::path::Path;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goldthread::ui::{Dialog, GoldthreadApp, PickPurpose};

const FORMS: &str = "Timestamp,What is one thing that would help residents?,Your name\n\
2024/03/01 10:15:00 GMT,One front door for every council service,Asha\n\
2024/03/01 10:16:00 GMT,,Tom\n\
2024/03/01 10:17:12 GMT,Text reminders before bin day,Tom\n";

/// Chooses File → Import notes…, types `path` into the path prompt and presses Enter.
fn import_via_menu(h: &mut Harness<'static, GoldthreadApp>, path: &Path) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Import notes").click();
    h.run();
    assert!(matches!(
        h.state().dialog(),
        Some(Dialog::PathPrompt {
            purpose: PickPurpose::Import,
            ..
        })
    ));
    type_text(h, &path.display().to_string());
    press(h, Key::Enter);
    settle(h);
}

#[test]
fn the_preview_chooses_the_answers_and_imports_them_with_authors_in_one_undo() {
    let (dir, mut h) = app_with_new_session("survey-preview");
    let file = dir.join("responses.csv");
    std::fs::write(&file, FORMS).unwrap();
    import_via_menu(&mut h, &file);

    h.get_by_label("Import answers from responses.csv");
    h.get_by_label_contains("UTF-8 · comma-separated · 3 rows");
    h.get_by_label("2 notes, 1 blank answer skipped, 2 new participants");
    assert!(note_texts(&h).is_empty(), "nothing is added before Import");
    h.get_by_label("Import 2 notes").click();
    settle(&mut h);

    assert_eq!(
        note_texts(&h),
        [
            "One front door for every council service",
            "Text reminders before bin day"
        ]
    );
    let s = &open_session(&h).session;
    let authors: Vec<String> = s
        .notes
        .iter()
        .map(|n| {
            n.author
                .and_then(|a| s.participant(a))
                .map(|p| p.name.clone())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(authors, ["Asha", "Tom"]);
    let notice = h.state().notices().all().last().unwrap().text.clone();
    assert!(
        notice.starts_with("Imported 2 notes, 1 blank answer skipped"),
        "{notice}"
    );

    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert!(
        note_texts(&h).is_empty(),
        "one undo takes the whole import back"
    );
    assert!(open_session(&h).session.participants.is_empty());
}

#[test]
fn another_column_can_be_chosen_and_cancel_changes_nothing() {
    let (dir, mut h) = app_with_new_session("survey-choose");
    let file = dir.join("responses.csv");
    std::fs::write(&file, FORMS).unwrap();
    import_via_menu(&mut h, &file);
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert!(note_texts(&h).is_empty());
    assert!(
        h.query_by_label("Import 2 notes").is_none(),
        "the preview closed"
    );

    import_via_menu(&mut h, &file);
    h.get_by_label("Author from Your name").click(); // Turn the automatic author off.
    h.run();
    h.get_by_label("Notes from Your name").click();
    h.run();
    h.get_by_label("Import 3 notes").click();
    settle(&mut h);
    assert_eq!(note_texts(&h), ["Asha", "Tom", "Tom"]);
    assert!(open_session(&h).session.participants.is_empty());
}

#[test]
fn a_bad_survey_file_says_where_and_changes_nothing() {
    let (dir, mut h) = app_with_new_session("survey-bad");
    let file = dir.join("open.csv");
    std::fs::write(&file, "Name,Idea\nAnn,\"never closed\n").unwrap();
    import_via_menu(&mut h, &file);
    let notice = h.state().notices().all().last().unwrap().clone();
    assert!(notice.is_error);
    assert!(
        notice.text.contains("open.csv at row 2, column 2"),
        "{}",
        notice.text
    );
    assert!(note_texts(&h).is_empty());
}

#[test]
fn the_file_menu_copies_the_report_and_exports_word() {
    let (_dir, mut h) = app_with_new_session("survey-menu");
    capture_notes(&mut h, &["Open data"]);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Copy report").click();
    settle(&mut h);
    let copied = h
        .state()
        .last_copied()
        .expect("the report was made")
        .to_owned();
    assert!(
        copied.contains("Purpose:") && copied.contains("Next steps and next review"),
        "{copied}"
    );

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export report as Word (.docx)…").click();
    settle(&mut h);
    // Export asks where (a typed path here, where there is no native dialog): Enter takes
    // the offered place.
    assert!(
        matches!(
            h.state().dialog(),
            Some(goldthread::ui::Dialog::PathPrompt { .. })
        ),
        "Export asks where to write"
    );
    press(&mut h, egui::Key::Enter);
    settle(&mut h);
    let path = h
        .state()
        .export_path(goldthread::export::Format::Docx)
        .unwrap();
    for _ in 0..50 {
        if path.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        settle(&mut h);
    }
    let bytes = std::fs::read(&path).expect("the .docx was written");
    assert!(bytes.starts_with(b"PK"), "a zip (Office Open XML) file");
}

#[test]
fn a_json_canvas_file_opens_as_notes_and_themes_and_lists_the_rest() {
    let (dir, mut h) = app_with_new_session("survey-canvas");
    let file = dir.join("wall.canvas");
    std::fs::write(
        &file,
        r#"{"nodes":[
{"id":"g","type":"group","x":0,"y":0,"width":600,"height":400,"label":"Data"},
{"id":"a","type":"text","text":"One view of the resident","x":20,"y":80,"width":240,"height":170,"color":"5"},
{"id":"b","type":"text","text":"Outside any group","x":900,"y":80,"width":240,"height":170},
{"id":"f","type":"file","file":"minutes.pdf","x":900,"y":400,"width":200,"height":100}],
"edges":[{"id":"e","fromNode":"a","toNode":"b"}]}"#,
    )
    .unwrap();
    import_via_menu(&mut h, &file);
    assert_eq!(
        note_texts(&h),
        ["One view of the resident", "Outside any group"]
    );
    let s = &open_session(&h).session;
    assert_eq!(s.themes.len(), 1);
    assert_eq!(s.theme(s.notes[0].theme.unwrap()).unwrap().name, "Data");
    assert_eq!(s.notes[1].theme, None);
    let notice = h.state().notices().all().last().unwrap().text.clone();
    assert!(
        notice.contains("file node “minutes.pdf”") && notice.contains("1 connecting line"),
        "{notice}"
    );
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert!(note_texts(&h).is_empty() && open_session(&h).session.themes.is_empty());
}
