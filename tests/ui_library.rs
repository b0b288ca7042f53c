//! Protects the session's life cycle through the UI: create, save, reopen from the library,
//! unsaved-changes prompts, broken files, window title and remembered settings.

mod common;

use common::*;
use egui::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use goldthread::ui::{Action, Command, Dialog};

#[test]
fn type_three_notes_drag_undo_save_and_reopen_from_the_library() {
    let (dir, mut h) = app_with_new_session("round-trip");
    capture_notes(&mut h, &["Open data", "Digital skills", "One front door"]);

    // Drag one, then undo the drag.
    let start = h.get_by_label("Digital skills").rect().center();
    let placed = open_session(&h).session.clone();
    drag_by(&mut h, start, egui::vec2(0.0, 180.0));
    assert_ne!(
        open_session(&h).session.notes[1].pos,
        placed.notes[1].pos,
        "the drag happened"
    );
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(open_session(&h).session.notes, placed.notes);

    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    let saved = dir.join("innovation-lab-2026-11-22.ron");
    assert!(
        saved.is_file(),
        "Ctrl+S saves into the library, named from the title"
    );
    assert!(!open_session(&h).is_dirty());
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(text.contains("format_version: 3"));

    // Quit and start again: the library lists the session; clicking it reopens it.
    drop(h);
    let mut h = app(&dir);
    assert!(h.state().open.is_none(), "the app starts on the library");
    h.get_by_role_and_label(Role::Button, "Innovation lab 2026-11-22")
        .click();
    settle(&mut h);
    let open = open_session(&h);
    assert_eq!(open.session.title, "Innovation lab 2026-11-22");
    assert_eq!(open.session.notes, placed.notes, "every note where it was");
    assert_eq!(open.path.as_deref(), Some(saved.as_path()));
}

#[test]
fn the_view_is_saved_and_restored() {
    let (dir, mut h) = app_with_new_session("view");
    capture_notes(&mut h, &["Somewhere"]);
    type_text(&mut h, "-");
    type_text(&mut h, "-");
    let view = open_session(&h).canvas.view;
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    drop(h);
    let mut h = app(&dir);
    press(&mut h, Key::Enter); // Opens the highlighted (newest) session.
    settle(&mut h);
    assert_eq!(open_session(&h).canvas.view, view);
}

#[test]
fn library_lists_newest_first_and_filters_by_title() {
    let dir = temp_dir("listing");
    for (i, title) in ["Older lab", "Newer lab", "Retro"].into_iter().enumerate() {
        let mut s = goldthread::Session::new(title, today());
        s.notes.push(goldthread::Note::new(
            goldthread::NoteId(1),
            "x",
            Default::default(),
            Default::default(),
        ));
        let path = dir.join(format!("{i}.ron"));
        goldthread::storage::save_file(&path, &s).unwrap();
        let t =
            std::time::SystemTime::now() - std::time::Duration::from_secs(1000 - i as u64 * 100);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(t)
            .unwrap();
    }
    let mut h = app(&dir);
    let titles: Vec<String> = h
        .state()
        .library()
        .entries
        .iter()
        .map(|e| e.title())
        .collect();
    assert_eq!(titles, ["Retro", "Newer lab", "Older lab"]);
    h.get_by_label("Filter sessions").click();
    h.run();
    type_text(&mut h, "LAB");
    assert!(
        h.query_by_role_and_label(Role::Button, "Retro").is_none(),
        "filtered out"
    );
    assert!(
        h.query_by_role_and_label(Role::Button, "Newer lab")
            .is_some()
    );
    press(&mut h, Key::Enter);
    settle(&mut h);
    assert_eq!(
        open_session(&h).session.title,
        "Newer lab",
        "Enter opens the first match"
    );
}

#[test]
fn a_broken_file_is_listed_with_its_reason_and_opening_it_changes_nothing() {
    let dir = temp_dir("broken");
    let broken = dir.join("broken.ron");
    let bytes = b"(format_version: 1, session: (title: 42))".to_vec();
    std::fs::write(&broken, &bytes).unwrap();
    let mut h = app(&dir);
    h.get_by_label_contains("broken.ron line 1").hover();
    h.get_by_role_and_label(Role::Button, "broken.ron").click();
    settle(&mut h);
    assert!(h.state().open.is_none(), "nothing opens");
    match h.state().dialog() {
        Some(Dialog::Message { title, body }) => {
            assert!(title.contains("broken.ron"));
            assert!(body.contains("line 1, column"), "says where: {body}");
            assert!(body.contains("not been changed"));
        }
        other => panic!("expected a message, got {other:?}"),
    }
    assert_eq!(
        std::fs::read(&broken).unwrap(),
        bytes,
        "the file is untouched"
    );
}

#[test]
fn a_newer_file_is_refused_naming_both_versions() {
    let dir = temp_dir("newer");
    let path = dir.join("future.ron");
    std::fs::write(
        &path,
        "(format_version: 7, session: (title: \"From the future\"))",
    )
    .unwrap();
    let mut h = app_with(&dir, Some(path.clone()));
    settle(&mut h);
    assert!(h.state().open.is_none());
    let Some(Dialog::Message { body, .. }) = h.state().dialog() else {
        panic!("expected a message");
    };
    let current = goldthread::storage::CURRENT_FORMAT_VERSION.to_string();
    assert!(body.contains('7') && body.contains(&current), "{body}");
}

#[test]
fn new_session_asks_before_discarding_unsaved_changes() {
    let (dir, mut h) = app_with_new_session("unsaved");
    capture_notes(&mut h, &["Precious idea"]);
    assert!(
        h.state().window_title().contains("unsaved"),
        "the title marks unsaved work"
    );

    press_with(&mut h, Modifiers::COMMAND, Key::N);
    assert!(matches!(h.state().dialog(), Some(Dialog::Unsaved { .. })));
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(note_texts(&h), ["Precious idea"], "cancel keeps everything");

    press_with(&mut h, Modifiers::COMMAND, Key::N);
    // The dialog's Save button, on top of the one in the top bar.
    h.get_all_by_role_and_label(Role::Button, "Save")
        .last()
        .unwrap()
        .click();
    settle(&mut h);
    assert!(
        dir.join("innovation-lab-2026-11-22.ron").is_file(),
        "saved first"
    );
    assert!(
        matches!(h.state().dialog(), Some(Dialog::NewSession { .. })),
        "then asks for the new title"
    );
    type_text(&mut h, "Second workshop");
    press(&mut h, Key::Enter);
    assert_eq!(open_session(&h).session.title, "Second workshop");
    assert!(note_texts(&h).is_empty());
}

#[test]
fn dont_save_discards_and_quit_asks_first() {
    let (dir, mut h) = app_with_new_session("quit");
    capture_notes(&mut h, &["Throwaway"]);
    h.state_mut().run(Action::Quit);
    h.run();
    assert!(matches!(
        h.state().dialog(),
        Some(Dialog::Unsaved {
            then: Command::Action(Action::Quit),
            ..
        })
    ));
    h.get_by_label("Don't save").click();
    h.run();
    assert!(h.state().dialog().is_none());
    assert!(
        std::fs::read_dir(&dir).unwrap().next().is_none(),
        "nothing was written"
    );
}

#[test]
fn saving_twice_keeps_one_file_and_clashing_titles_get_their_own() {
    let (dir, mut h) = app_with_new_session("naming");
    capture_notes(&mut h, &["One"]);
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    capture_notes(&mut h, &["Two"]);
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    // A second session with the same title must not overwrite the first.
    h.state_mut()
        .run(Command::CreateSession("Innovation lab 2026-11-22".into()));
    h.run();
    capture_notes(&mut h, &["Other"]);
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    // Session files only: backups, recovery copies and lock files live beside them.
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron") && !n.starts_with('.'))
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "innovation-lab-2026-11-22-2.ron",
            "innovation-lab-2026-11-22.ron"
        ]
    );
    let first = goldthread::storage::load_file(&dir.join("innovation-lab-2026-11-22.ron")).unwrap();
    assert_eq!(first.session.notes.len(), 2);
}

#[test]
fn save_as_without_a_native_dialog_asks_for_a_path() {
    let (dir, mut h) = app_with_new_session("save-as");
    capture_notes(&mut h, &["Copy me"]);
    press_with(&mut h, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    assert!(matches!(
        h.state().dialog(),
        Some(Dialog::PathPrompt {
            explain_no_native: true,
            ..
        })
    ));
    let target = dir.join("elsewhere").join("copy");
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, &target.display().to_string());
    press(&mut h, Key::Enter);
    settle(&mut h);
    let written = dir.join("elsewhere").join("copy.ron");
    assert!(written.is_file(), "saved with .ron added, folder created");
    assert_eq!(
        goldthread::storage::load_file(&written)
            .unwrap()
            .session
            .notes[0]
            .text,
        "Copy me"
    );
}

#[test]
fn a_failed_save_keeps_the_work_and_says_why() {
    let (dir, mut h) = app_with_new_session("failed-save");
    capture_notes(&mut h, &["Do not lose me"]);
    // A folder where the file should go makes the save fail.
    std::fs::create_dir_all(dir.join("innovation-lab-2026-11-22.ron")).unwrap();
    h.state_mut().open.as_mut().unwrap().path = Some(dir.join("innovation-lab-2026-11-22.ron"));
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    let open = open_session(&h);
    assert!(open.is_dirty(), "still marked unsaved");
    assert_eq!(open.session.notes[0].text, "Do not lose me");
    assert!(
        h.state()
            .notices()
            .all()
            .iter()
            .any(|n| n.is_error && n.text.contains("Could not save"))
    );
}

#[test]
fn rename_the_session_from_the_title_and_undo() {
    let (_dir, mut h) = app_with_new_session("rename");
    h.get_by_role_and_label(Role::Button, "Innovation lab 2026-11-22")
        .click();
    h.run();
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "Council digital strategy lab");
    press(&mut h, Key::Enter);
    h.run();
    assert_eq!(
        open_session(&h).session.title,
        "Council digital strategy lab"
    );
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(open_session(&h).session.title, "Innovation lab 2026-11-22");
}

#[test]
fn text_size_keys_change_the_remembered_scale() {
    let dir = temp_dir("text-size");
    let mut h = app(&dir);
    press_with(&mut h, Modifiers::COMMAND, Key::Equals);
    h.run();
    assert!(
        h.state().settings().text_scale > 1.05,
        "Ctrl+= makes everything larger"
    );
    press_with(&mut h, Modifiers::COMMAND, Key::Num0);
    h.run();
    assert!(
        (h.state().settings().text_scale - 1.0).abs() < 1e-3,
        "Ctrl+0 resets"
    );
}

#[test]
fn the_dark_theme_is_one_switch_away() {
    let dir = temp_dir("theme");
    let mut h = app(&dir);
    assert_eq!(
        h.state().settings().theme,
        goldthread::ui::style::Theme::Projector
    );
    press_with(&mut h, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::D);
    assert_eq!(
        h.state().settings().theme,
        goldthread::ui::style::Theme::Dark
    );
    assert!(h.ctx.global_style().visuals.dark_mode);
}

#[test]
fn a_file_named_on_the_command_line_opens_straight_away() {
    let dir = temp_dir("open-direct");
    let path = dir.join("direct.ron");
    let mut s = goldthread::Session::new("Opened directly", today());
    s.notes.push(goldthread::Note::new(
        goldthread::NoteId(7),
        "Hello",
        Default::default(),
        Default::default(),
    ));
    goldthread::storage::save_file(&path, &s).unwrap();
    let h = app_with(&dir, Some(path.clone()));
    let open = h.state().open.as_ref().expect("opened at start");
    assert_eq!(open.session.title, "Opened directly");
    assert_eq!(open.path.as_deref(), Some(path.as_path()));
    assert!(!open.is_dirty());
}

#[test]
fn open_file_without_a_native_dialog_takes_a_typed_path() {
    let dir = temp_dir("open-prompt");
    let elsewhere = temp_dir("open-prompt-elsewhere");
    let path = elsewhere.join("shared.ron");
    goldthread::storage::save_file(
        &path,
        &goldthread::Session::new("From a USB stick", today()),
    )
    .unwrap();
    let mut h = app(&dir);

    // A path that does not exist: a clear message, nothing opened.
    press_with(&mut h, Modifiers::COMMAND, Key::O);
    assert!(matches!(
        h.state().dialog(),
        Some(Dialog::PathPrompt { .. })
    ));
    type_text(&mut h, &elsewhere.join("missing.ron").display().to_string());
    press(&mut h, Key::Enter);
    settle(&mut h);
    let Some(Dialog::Message { title, body }) = h.state().dialog() else {
        panic!("expected a message, got {:?}", h.state().dialog());
    };
    assert!(
        title.contains("missing.ron") && body.contains("could not be read"),
        "{title}: {body}"
    );
    assert!(h.state().open.is_none());
    h.get_by_label("OK").click();
    h.run();

    press_with(&mut h, Modifiers::COMMAND, Key::O);
    type_text(&mut h, &path.display().to_string());
    press(&mut h, Key::Enter);
    settle(&mut h);
    assert_eq!(open_session(&h).session.title, "From a USB stick");
}

#[test]
fn closing_the_window_with_unsaved_work_asks_first() {
    let (_dir, mut h) = app_with_new_session("close-window");
    capture_notes(&mut h, &["Not saved yet"]);
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    assert!(
        matches!(
            h.state().dialog(),
            Some(Dialog::Unsaved {
                then: Command::Action(Action::Quit),
                ..
            })
        ),
        "the close was held back to ask: {:?}",
        h.state().dialog()
    );
    assert_eq!(note_texts(&h), ["Not saved yet"]);
}

#[test]
fn theme_and_text_size_are_remembered_between_runs() {
    /// eframe's storage, in memory.
    #[derive(Default)]
    struct Memory(std::collections::HashMap<String, String>);
    impl eframe::Storage for Memory {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }
    let dir = temp_dir("settings");
    let mut h = app(&dir);
    press_with(&mut h, Modifiers::COMMAND, Key::Equals);
    press_with(&mut h, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::D);
    h.run();
    let mut storage = Memory::default();
    eframe::App::save(h.state_mut(), &mut storage);
    let restored: goldthread::ui::Settings =
        eframe::get_value(&storage, goldthread::ui::SETTINGS_KEY).expect("settings were stored");
    assert_eq!(restored.theme, goldthread::ui::style::Theme::Dark);
    assert!(restored.text_scale > 1.05);
}

#[test]
fn opening_another_file_over_unsaved_work_asks_exactly_once() {
    let dir = temp_dir("open-over-unsaved");
    let other = dir.join("other.ron");
    goldthread::storage::save_file(&other, &goldthread::Session::new("Other workshop", today()))
        .unwrap();
    let mut h = app(&dir);
    new_session(&mut h);
    capture_notes(&mut h, &["Unsaved thought"]);
    press_with(&mut h, Modifiers::COMMAND, Key::O);
    assert!(
        matches!(h.state().dialog(), Some(Dialog::PathPrompt { .. })),
        "choose the file first"
    );
    type_text(&mut h, &other.display().to_string());
    press(&mut h, Key::Enter);
    assert!(
        matches!(h.state().dialog(), Some(Dialog::Unsaved { .. })),
        "then one question"
    );
    h.get_by_label("Don't save").click();
    settle(&mut h);
    assert!(
        h.state().dialog().is_none(),
        "no second question: {:?}",
        h.state().dialog()
    );
    assert_eq!(open_session(&h).session.title, "Other workshop");
}

#[test]
fn save_as_onto_another_file_asks_before_replacing_it() {
    let dir = temp_dir("save-as-replace");
    let precious = dir.join("precious.ron");
    goldthread::storage::save_file(&precious, &goldthread::Session::new("Precious", today()))
        .unwrap();
    let before = std::fs::read(&precious).unwrap();
    let mut h = app(&dir);
    new_session(&mut h);
    capture_notes(&mut h, &["New work"]);
    let save_as = |h: &mut egui_kittest::Harness<'static, goldthread::ui::GoldthreadApp>| {
        press_with(h, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
        press_with(h, Modifiers::COMMAND, Key::A);
        type_text(h, &precious.display().to_string());
        press(h, Key::Enter);
    };
    save_as(&mut h);
    assert!(matches!(
        h.state().dialog(),
        Some(Dialog::ConfirmReplace { .. })
    ));
    press(&mut h, Key::Enter); // Enter keeps the file.
    settle(&mut h);
    assert_eq!(std::fs::read(&precious).unwrap(), before, "not replaced");
    assert!(open_session(&h).is_dirty());

    save_as(&mut h);
    h.get_by_label("Replace").click();
    settle(&mut h);
    assert_eq!(
        goldthread::storage::load_file(&precious)
            .unwrap()
            .session
            .notes[0]
            .text,
        "New work"
    );
}

#[test]
fn refresh_finds_files_added_while_the_library_is_showing() {
    let dir = temp_dir("refresh");
    let mut h = app(&dir);
    assert!(h.state().library().entries.is_empty());
    goldthread::storage::save_file(
        &dir.join("usb.ron"),
        &goldthread::Session::new("From a USB stick", today()),
    )
    .unwrap();
    press(&mut h, Key::F5);
    settle(&mut h);
    assert_eq!(h.state().library().entries.len(), 1);
    h.get_by_role_and_label(Role::Button, "From a USB stick")
        .click();
    settle(&mut h);
    assert_eq!(open_session(&h).session.title, "From a USB stick");
}

#[test]
fn a_session_whose_saved_view_shows_no_notes_opens_zoomed_to_fit() {
    let dir = temp_dir("fit-on-open");
    let mut s = goldthread::Session::new("Looked away", today());
    s.notes.push(goldthread::Note::new(
        goldthread::NoteId(1),
        "Here",
        Default::default(),
        goldthread::CanvasPos::new(5000.0, 5000.0),
    ));
    s.view = goldthread::model::View {
        center: goldthread::CanvasPos::new(0.0, 0.0),
        zoom: 1.0,
    };
    let path = dir.join("away.ron");
    goldthread::storage::save_file(&path, &s).unwrap();
    let h = app_with(&dir, Some(path));
    assert!(
        h.query_by_label("Here").is_some(),
        "the note is on screen after opening"
    );
}

#[test]
fn an_empty_library_offers_the_example_lab_bundled_in_the_app() {
    let dir = temp_dir("example-lab");
    let mut h = app(&dir);
    h.get_by_label("Open the example lab").click();
    h.run();
    settle(&mut h);
    settle(&mut h);
    let copied = dir.join(goldthread::ui::help::EXAMPLE_FILE_NAME);
    assert!(copied.is_file(), "copied into the library");
    let open = open_session(&h);
    assert!(
        open.session.notes.len() > 10,
        "the example has a wall of notes"
    );
    assert_eq!(open.path.as_deref(), Some(copied.as_path()));
    // Asked again, it opens the copy that is there, changed or not, and never overwrites it.
    std::fs::write(&copied, "edited").unwrap_or(());
    let before = std::fs::read(&copied).unwrap();
    h.state_mut().run(goldthread::ui::Action::OpenExample);
    h.run();
    settle(&mut h);
    assert_eq!(std::fs::read(&copied).unwrap(), before, "never overwritten");
}

#[test]
fn f1_and_question_mark_show_the_keys_of_the_screen_from_the_shortcut_registry() {
    let (_dir, mut h) = app_with_new_session("keyboard-sheet");
    press(&mut h, Key::F1);
    assert!(matches!(
        h.state().dialog(),
        Some(Dialog::Keys {
            screen: Some(goldthread::ui::Screen::Board)
        })
    ));
    // Rows from the registry, with their keys as the app reads them.
    h.get_by_label("Keys for Board");
    h.get_by_label("Focus: only the prompt, the timer and the board");
    h.get_by_label("F10");
    h.get_by_label("Alt+4");
    h.get_by_label("Ctrl+S");
    h.get_by_label("Open the capture box and write a note");
    press(&mut h, Key::Escape);
    assert!(h.state().dialog().is_none(), "Esc closes the sheet");
    // "?" opens it too, and does not start a note.
    type_text(&mut h, "?");
    assert!(matches!(h.state().dialog(), Some(Dialog::Keys { .. })));
    assert!(open_session(&h).canvas.capture.is_none());
}

#[test]
fn the_help_menu_holds_the_sheet_the_example_and_where_the_files_are() {
    let dir = temp_dir("help-menu");
    let mut h = app(&dir);
    h.get_by_role_and_label(Role::Button, "Help").click();
    h.run();
    h.run();
    assert_eq!(
        h.get_all_by_label_contains("Open the example lab").count(),
        2,
        "in the Help menu, as well as on the empty library"
    );
    h.get_by_label_contains("Keyboard sheet");
    h.get_by_label_contains("Where your files are").click();
    h.run();
    let Some(Dialog::Message { body, .. }) = h.state().dialog() else {
        panic!("a message says where the files are");
    };
    assert!(body.contains(&dir.display().to_string()), "{body}");
    assert!(body.contains("Recovery copies"), "{body}");
}

#[test]
fn the_new_session_dialog_starts_on_the_digital_strategy_lab() {
    let dir = temp_dir("default-template");
    let mut h = app(&dir);
    press_with(&mut h, Modifiers::COMMAND, Key::N);
    press(&mut h, Key::Enter);
    settle(&mut h);
    let s = &open_session(&h).session;
    assert_eq!(s.lab.phases.len(), 6);
    assert_eq!(s.lab.phases[0].name, "Vision and outcomes");
}

#[test]
fn a_menu_with_one_item_is_folded_and_checkboxes_are_projector_sized_in_gold() {
    let (_dir, mut h) = app_with_new_session("menus-style");
    assert!(h.query_by_label("Saving").is_none(), "no one-item menu");
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Save automatically");
    let style = h.ctx.global_style();
    assert!(
        style.spacing.icon_width >= 24.0,
        "{}",
        style.spacing.icon_width
    );
    let gold = goldthread::ui::style::Theme::Projector.palette().accent;
    assert_eq!(style.visuals.widgets.inactive.fg_stroke.color, gold);
    assert_ne!(
        style.visuals.selection.bg_fill,
        egui::Visuals::light().selection.bg_fill,
        "not egui's light blue"
    );
}

#[test]
fn the_keyboard_sheet_fits_a_laptop_without_scrolling() {
    let (_dir, mut h) = app_with_new_session("keyboard-sheet-fits");
    press(&mut h, Key::F1);
    h.run();
    let sheet = goldthread::ui::help::sheet(&h.ctx, Some(goldthread::ui::Screen::Board));
    let mut rows = 0;
    for (_, section) in &sheet {
        for (keys, what) in section {
            // Some node of that text is on screen, whole (the sheet's own row).
            let shown = h
                .query_all_by_label(what)
                .any(|n| n.rect().bottom() <= 800.0 && n.rect().right() <= 1280.0);
            assert!(shown, "“{keys}: {what}” is on screen without scrolling");
            rows += 1;
        }
    }
    assert!(rows > 20, "the sheet has its rows ({rows})");
}
