//! Protects the canvas as a facilitator uses it: capturing notes at typing speed, selecting,
//! dragging, editing, recolouring, deleting and undoing, all through real input events; a
//! dialog taking Enter without the board behind it taking keys too; and a session opened in a
//! window where its saved view would show only part of the board zooming to fit.

mod common;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use goldthread::model::{CanvasRect, NoteColour};
use goldthread::ui::GoldthreadApp;

type H = egui_kittest::Harness<'static, GoldthreadApp>;

#[test]
fn capture_three_notes_with_enter_lays_them_out_without_overlap() {
    let (_dir, mut h) = app_with_new_session("capture-three");
    capture_notes(
        &mut h,
        &[
            "Open data portal",
            "Digital skills for staff",
            "Shared booking system",
        ],
    );
    assert_eq!(
        note_texts(&h),
        [
            "Open data portal",
            "Digital skills for staff",
            "Shared booking system"
        ]
    );
    let notes = &open_session(&h).session.notes;
    for (i, a) in notes.iter().enumerate() {
        for b in &notes[i + 1..] {
            assert!(
                !a.rect().intersects(&b.rect()),
                "{:?} overlaps {:?}",
                a.text,
                b.text
            );
        }
    }
    // A new session starts filling from the top-left cell, not a row down.
    assert_eq!(notes[0].pos, goldthread::CanvasPos::new(0.0, 0.0));
    // Reading order: the second note is to the right of the first, on the same row.
    assert_eq!(notes[0].pos.y, notes[1].pos.y);
    assert!(notes[1].pos.x > notes[0].pos.x);
    assert!(
        open_session(&h).canvas.capture.is_none(),
        "Esc closes the box"
    );
}

#[test]
fn typing_on_the_canvas_opens_the_capture_box_with_that_text() {
    let (_dir, mut h) = app_with_new_session("type-to-capture");
    type_text(&mut h, "W");
    type_text(&mut h, "ifi everywhere");
    press(&mut h, Key::Enter);
    assert_eq!(note_texts(&h), ["Wifi everywhere"]);
}

#[test]
fn empty_or_blank_text_adds_nothing_and_says_why() {
    let (_dir, mut h) = app_with_new_session("empty-capture");
    h.key_press(Key::N);
    type_text(&mut h, "n");
    press(&mut h, Key::Enter);
    type_text(&mut h, "   ");
    press(&mut h, Key::Enter);
    assert!(note_texts(&h).is_empty());
    assert!(
        h.state()
            .notices()
            .all()
            .iter()
            .any(|n| n.text.contains("empty notes are not added")),
        "the user is told why nothing was added"
    );
    assert!(!open_session(&h).history.can_undo());
}

#[test]
fn shift_enter_inserts_a_line_break() {
    let (_dir, mut h) = app_with_new_session("shift-enter");
    h.key_press(Key::N);
    type_text(&mut h, "n");
    type_text(&mut h, "Line one");
    press_with(&mut h, Modifiers::SHIFT, Key::Enter);
    type_text(&mut h, "Line two");
    press(&mut h, Key::Enter);
    assert_eq!(note_texts(&h), ["Line one\nLine two"]);
}

#[test]
fn long_emoji_accented_and_right_to_left_notes_all_work() {
    let (_dir, mut h) = app_with_new_session("unicode");
    let long = "Digital inclusion ".repeat(560); // ~10,000 characters
    let texts = [
        "Café façade naïve résumé Ŵales",
        "Rocket launch 🚀 and ideas 💡",
        "שלום עולם",
        "مرحبا بالعالم",
        long.trim(),
    ];
    capture_notes(&mut h, &texts);
    assert_eq!(
        note_texts(&h),
        texts.iter().map(|t| t.to_string()).collect::<Vec<_>>()
    );
    // Zoom to fit so every note is drawn; kittest fails the run if any glyph has no font.
    press(&mut h, Key::Home);
    h.run();
}

#[test]
fn click_selects_and_shift_click_adds() {
    let (_dir, mut h) = app_with_new_session("select");
    capture_notes(&mut h, &["Alpha", "Beta", "Gamma"]);
    h.get_by_label("Alpha").click();
    h.run();
    h.get_by_label("Gamma").click_modifiers(Modifiers::SHIFT);
    h.run();
    let open = open_session(&h);
    let ids: Vec<_> = open.session.notes.iter().map(|n| n.id).collect();
    assert_eq!(open.canvas.selection, [ids[0], ids[2]].into());
}

#[test]
fn dragging_a_note_moves_it_in_one_undoable_step() {
    let (_dir, mut h) = app_with_new_session("drag");
    capture_notes(&mut h, &["Move me", "Stay"]);
    let before = open_session(&h).session.notes[0].pos;
    let start = h.get_by_label("Move me").rect().center();
    drag_by(&mut h, start, egui::vec2(150.0, 80.0));
    let open = open_session(&h);
    let after = open.session.notes[0].pos;
    let zoom = open.canvas.view.zoom;
    assert!(
        (after.x - before.x - 150.0 / zoom).abs() < 1.0,
        "moved {after:?} from {before:?}"
    );
    assert!((after.y - before.y - 80.0 / zoom).abs() < 1.0);
    assert_eq!(open.session.notes[1].text, "Stay");

    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        open_session(&h).session.notes[0].pos,
        before,
        "one Ctrl+Z undoes the whole drag"
    );
    press_with(&mut h, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    assert_eq!(
        open_session(&h).session.notes[0].pos,
        after,
        "Ctrl+Shift+Z redoes it"
    );
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    press_with(&mut h, Modifiers::COMMAND, Key::Y);
    assert_eq!(
        open_session(&h).session.notes[0].pos,
        after,
        "Ctrl+Y redoes too"
    );
}

#[test]
fn dragging_a_selection_moves_every_selected_note() {
    let (_dir, mut h) = app_with_new_session("drag-selection");
    capture_notes(&mut h, &["One", "Two", "Three"]);
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    let before: Vec<_> = h
        .state()
        .open
        .as_ref()
        .unwrap()
        .session
        .notes
        .iter()
        .map(|n| n.pos)
        .collect();
    let start = h.get_by_label("Two").rect().center();
    drag_by(&mut h, start, egui::vec2(0.0, 100.0));
    let open = open_session(&h);
    for (note, old) in open.session.notes.iter().zip(before) {
        assert!(
            (note.pos.y - old.y - 100.0 / open.canvas.view.zoom).abs() < 1.0,
            "{} did not move",
            note.text
        );
    }
}

#[test]
fn selection_box_selects_the_notes_it_touches() {
    let (_dir, mut h) = app_with_new_session("select-box");
    capture_notes(&mut h, &["In one", "In two", "Out"]);
    let a = h.get_by_label("In one").rect();
    let b = h.get_by_label("In two").rect();
    // From empty canvas just above-left of the first note to the middle of the second.
    let start = a.left_top() - egui::vec2(10.0, 10.0);
    h.drag_at(start);
    h.run();
    h.hover_at(start + egui::vec2(40.0, 40.0));
    h.run();
    h.drop_at(b.center());
    h.run();
    let open = open_session(&h);
    let ids: Vec<_> = open.session.notes.iter().map(|n| n.id).collect();
    assert_eq!(open.canvas.selection, [ids[0], ids[1]].into());
}

#[test]
fn delete_removes_and_undo_brings_the_note_back_exactly() {
    let (_dir, mut h) = app_with_new_session("delete");
    capture_notes(&mut h, &["Keep", "Delete me", "Keep too"]);
    let original = open_session(&h).session.clone();
    h.get_by_label("Delete me").click();
    h.run();
    press(&mut h, Key::Delete);
    assert_eq!(note_texts(&h), ["Keep", "Keep too"]);
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        open_session(&h).session,
        original,
        "text, colour, position and order come back"
    );
}

#[test]
fn colour_keys_recolour_the_selection_and_undo() {
    let (_dir, mut h) = app_with_new_session("colour");
    capture_notes(&mut h, &["Paint me"]);
    h.get_by_label("Paint me").click();
    h.run();
    press_with(&mut h, Modifiers::COMMAND, Key::Num3);
    assert_eq!(open_session(&h).session.notes[0].colour, NoteColour::Pink);
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(open_session(&h).session.notes[0].colour, NoteColour::Yellow);
}

#[test]
fn capture_box_palette_sets_the_colour_of_new_notes() {
    let (_dir, mut h) = app_with_new_session("capture-colour");
    h.key_press(Key::N);
    type_text(&mut h, "n");
    h.get_by_label("Green").click();
    h.run();
    type_text(&mut h, "A green idea");
    press(&mut h, Key::Enter);
    assert_eq!(open_session(&h).session.notes[0].colour, NoteColour::Green);
}

#[test]
fn f2_edits_text_in_place_and_escape_cancels() {
    let (_dir, mut h) = app_with_new_session("edit");
    capture_notes(&mut h, &["Typo hre"]);
    h.get_by_label("Typo hre").click();
    h.run();
    press(&mut h, Key::F2);
    h.run();
    // Select all and replace.
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "Typo here");
    press(&mut h, Key::Enter);
    assert_eq!(note_texts(&h), ["Typo here"]);

    h.get_by_label("Typo here").click();
    h.run();
    press(&mut h, Key::F2);
    type_text(&mut h, " and more");
    press(&mut h, Key::Escape);
    assert_eq!(note_texts(&h), ["Typo here"], "Esc drops the change");

    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(note_texts(&h), ["Typo hre"], "the edit is one undo step");
}

#[test]
fn double_click_edits_a_note() {
    let (_dir, mut h) = app_with_new_session("double-click");
    capture_notes(&mut h, &["Double"]);
    let center = h.get_by_label("Double").rect().center();
    h.get_by_label("Double").click();
    h.run();
    h.hover_at(center);
    h.get_by_label("Double").click();
    h.run();
    assert!(
        open_session(&h).canvas.editor.is_some(),
        "double-click opens the editor"
    );
}

#[test]
fn tab_cycles_the_selection_through_notes_in_reading_order() {
    let (_dir, mut h) = app_with_new_session("tab");
    capture_notes(&mut h, &["First", "Second", "Third"]);
    let ids: Vec<_> = h
        .state()
        .open
        .as_ref()
        .unwrap()
        .session
        .notes
        .iter()
        .map(|n| n.id)
        .collect();
    let selected = |h: &egui_kittest::Harness<'static, goldthread::ui::GoldthreadApp>| {
        h.state()
            .open
            .as_ref()
            .unwrap()
            .canvas
            .selection
            .iter()
            .copied()
            .collect::<Vec<_>>()
    };
    press(&mut h, Key::Tab);
    assert_eq!(selected(&h), [ids[0]]);
    press(&mut h, Key::Tab);
    assert_eq!(selected(&h), [ids[1]]);
    press_with(&mut h, Modifiers::SHIFT, Key::Tab);
    assert_eq!(selected(&h), [ids[0]]);
    press_with(&mut h, Modifiers::SHIFT, Key::Tab);
    assert_eq!(selected(&h), [ids[2]], "wraps around");
}

#[test]
fn arrow_keys_nudge_selected_notes() {
    let (_dir, mut h) = app_with_new_session("arrows");
    capture_notes(&mut h, &["Nudge"]);
    press(&mut h, Key::Tab);
    let before = open_session(&h).session.notes[0].pos;
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowDown);
    let after = open_session(&h).session.notes[0].pos;
    assert_eq!((after.x - before.x, after.y - before.y), (24.0, 24.0));
    press_with(&mut h, Modifiers::SHIFT, Key::ArrowDown);
    let further = open_session(&h).session.notes[0].pos;
    assert_eq!(further.y - after.y, 120.0, "Shift moves five times as far");
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        open_session(&h).session.notes[0].pos,
        after,
        "each press is one undo step"
    );
}

#[test]
fn zoom_keys_and_home_change_the_view() {
    let (_dir, mut h) = app_with_new_session("zoom");
    capture_notes(
        &mut h,
        &["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"],
    );
    let zoom = |h: &egui_kittest::Harness<'static, goldthread::ui::GoldthreadApp>| {
        open_session(h).canvas.view.zoom
    };
    let z0 = zoom(&h);
    type_text(&mut h, "-");
    assert!(zoom(&h) < z0);
    type_text(&mut h, "+");
    type_text(&mut h, "+");
    assert!(zoom(&h) > z0);
    press(&mut h, Key::Home);
    // Every note is visible after zoom to fit.
    let open = open_session(&h);
    let screen = open.canvas.last_screen.unwrap();
    let camera = goldthread::ui::board::canvas::transform::Camera {
        screen,
        view: open.canvas.view,
    };
    let visible = camera.visible_canvas();
    let all = open.session.bounds().unwrap();
    assert!(
        visible.min.x <= all.min.x
            && visible.max.x >= all.max.x
            && visible.min.y <= all.min.y
            && visible.max.y >= all.max.y
    );
    let _: CanvasRect = all;
}

#[test]
fn twenty_notes_by_keyboard_alone_never_overlap_and_stay_in_view() {
    let (_dir, mut h) = app_with_new_session("twenty");
    let texts: Vec<String> = (1..=20).map(|i| format!("Idea number {i}")).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    capture_notes(&mut h, &refs);
    assert_eq!(note_texts(&h), texts);
    let open = open_session(&h);
    let notes = &open.session.notes;
    for (i, a) in notes.iter().enumerate() {
        for b in &notes[i + 1..] {
            assert!(!a.rect().intersects(&b.rect()));
        }
    }
    let camera = goldthread::ui::board::canvas::transform::Camera {
        screen: open.canvas.last_screen.unwrap(),
        view: open.canvas.view,
    };
    let last = notes.last().unwrap().rect();
    let visible = camera.visible_canvas();
    assert!(
        visible.min.y <= last.min.y && last.max.y <= visible.max.y,
        "the newest note is in view"
    );
}

#[test]
fn the_selection_bar_recolours_and_deletes_with_the_mouse() {
    let (_dir, mut h) = app_with_new_session("selection-bar");
    capture_notes(&mut h, &["First", "Second"]);
    h.get_by_label("First").click();
    h.run();
    h.get_by_label("Second").click_modifiers(Modifiers::SHIFT);
    h.run();
    h.get_by_label("Blue").click();
    h.run();
    let colours: Vec<_> = h
        .state()
        .open
        .as_ref()
        .unwrap()
        .session
        .notes
        .iter()
        .map(|n| n.colour)
        .collect();
    assert_eq!(colours, [NoteColour::Blue, NoteColour::Blue]);
    h.get_by_label("Delete").click();
    h.run();
    assert!(note_texts(&h).is_empty());
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(note_texts(&h), ["First", "Second"]);
}

#[test]
fn wheel_and_middle_drag_pan_the_canvas_without_moving_notes() {
    let (_dir, mut h) = app_with_new_session("pan");
    capture_notes(&mut h, &["Fixed"]);
    let notes_before = open_session(&h).session.notes.clone();
    let view = |h: &egui_kittest::Harness<'static, goldthread::ui::GoldthreadApp>| {
        open_session(h).canvas.view.center
    };
    let v0 = view(&h);
    h.hover_at(egui::pos2(700.0, 500.0));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -120.0),
        phase: egui::TouchPhase::Move,
        modifiers: Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    });
    for _ in 0..30 {
        h.step(); // Scrolling is smoothed over several frames.
    }
    let v1 = view(&h);
    assert!(v1.y > v0.y + 50.0, "wheel down pans down: {v0:?} -> {v1:?}");

    let start = egui::pos2(900.0, 600.0);
    let middle = |pressed, pos| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Middle,
        pressed,
        modifiers: Modifiers::NONE,
    };
    h.event(middle(true, start));
    h.run();
    for i in 1..=5 {
        h.hover_at(start + egui::vec2(-20.0 * i as f32, 0.0));
        h.run();
    }
    h.event(middle(false, start + egui::vec2(-100.0, 0.0)));
    h.run();
    let v2 = view(&h);
    assert!(
        v2.x > v1.x + 50.0,
        "dragging left moves the view right: {v1:?} -> {v2:?}"
    );
    assert_eq!(
        open_session(&h).session.notes,
        notes_before,
        "panning moves no note"
    );
}

#[test]
fn space_and_drag_pans_instead_of_selecting() {
    let (_dir, mut h) = app_with_new_session("space-pan");
    capture_notes(&mut h, &["Stays put"]);
    let before = open_session(&h).canvas.view.center;
    let notes = open_session(&h).session.notes.clone();
    // Space held over a note: dragging pans the view rather than moving the note.
    let start = h.get_by_label("Stays put").rect().center();
    h.key_down(Key::Space);
    drag_by(&mut h, start, egui::vec2(0.0, 120.0));
    h.key_up(Key::Space);
    h.run();
    let after = open_session(&h).canvas.view.center;
    assert!(
        (before.y - after.y - 120.0).abs() < 1.0,
        "{before:?} -> {after:?}"
    );
    assert_eq!(open_session(&h).session.notes, notes, "no note moved");
    assert!(
        open_session(&h).canvas.capture.is_none(),
        "the space typed nothing"
    );
}

#[test]
fn space_and_enter_on_the_canvas_keep_the_selection() {
    let (_dir, mut h) = app_with_new_session("space-keeps-selection");
    capture_notes(&mut h, &["Chosen"]);
    h.get_by_label("Chosen").click();
    h.run();
    assert_eq!(open_session(&h).canvas.selection.len(), 1);
    press(&mut h, Key::Space);
    assert_eq!(
        open_session(&h).canvas.selection.len(),
        1,
        "Space is for panning, not a click"
    );
    press(&mut h, Key::Enter);
    assert!(
        open_session(&h).canvas.editor.is_some(),
        "Enter edits the selected note"
    );
}

#[test]
fn hovering_a_note_too_long_for_its_card_shows_all_of_it() {
    let (_dir, mut h) = app_with_new_session("long-tooltip");
    let long = format!(
        "{} and that is the whole story",
        "We need better broadband in rural wards ".repeat(12)
    );
    capture_notes(&mut h, &[long.as_str(), "Short"]);
    assert!(
        h.query_by_label_contains("whole story").is_none(),
        "the card cannot show the ending"
    );
    h.get_by_label_contains("We need better broadband").hover();
    h.run_steps(90); // Tooltips appear after a short delay.
    h.get_by_label_contains("whole story"); // Panics when the tooltip is missing.
    h.get_by_label("Short").hover();
    h.run_steps(90);
    assert!(
        h.query_by_label_contains("whole story").is_none(),
        "only for the note under the pointer"
    );
}

#[test]
fn a_dialog_takes_enter_and_the_canvas_behind_it_takes_no_keys() {
    let (dir, mut h) = app_with_new_session("dialog-keys");
    capture_notes(&mut h, &["Alpha", "Beta"]);
    h.get_by_label("Alpha").click();
    h.run();
    assert_eq!(open_session(&h).canvas.selection.len(), 1);
    // An export whose file is already there asks before replacing it.
    let report = h
        .state()
        .export_path(goldthread::export::Format::Markdown)
        .unwrap();
    std::fs::write(&report, "old report").unwrap();
    h.state_mut().run(goldthread::ui::Command::ExportPath {
        path: report.clone(),
        format: goldthread::export::Format::Markdown,
    });
    h.run();
    h.run();
    assert!(matches!(
        h.state().dialog(),
        Some(goldthread::ui::Dialog::ConfirmExport { .. })
    ));
    let before = open_session(&h).session.clone();

    // Keys for the board do nothing while the dialog asks.
    press(&mut h, Key::Delete);
    assert_eq!(open_session(&h).session, before, "Delete went through");
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(open_session(&h).session, before, "Ctrl+Z went through");
    press_with(&mut h, Modifiers::COMMAND, Key::Num4);
    type_text(&mut h, "x");
    assert_eq!(open_session(&h).session, before);
    assert!(open_session(&h).canvas.capture.is_none());
    assert!(h.state().dialog().is_some());

    // Enter answers the dialog (Keep it) and does not also start editing the selected note.
    press(&mut h, Key::Enter);
    h.run();
    assert!(h.state().dialog().is_none(), "Enter answered the dialog");
    assert!(
        open_session(&h).canvas.editor.is_none(),
        "Enter was not also taken by the canvas"
    );
    assert_eq!(std::fs::read_to_string(&report).unwrap(), "old report");
    assert_eq!(open_session(&h).session, before);
    drop(dir);
}

/// How many of the open session's notes (outside collapsed themes) are wholly inside the
/// canvas area as drawn last frame, out of how many.
fn notes_in_view(h: &H) -> (usize, usize) {
    let open = open_session(h);
    let camera = goldthread::ui::board::canvas::transform::Camera {
        screen: open.canvas.last_screen.expect("the board was drawn"),
        view: open.canvas.view,
    };
    let visible = camera.visible_canvas();
    let shown: Vec<_> = open
        .session
        .notes
        .iter()
        .filter(|n| !open.canvas.themes.is_hidden(n))
        .collect();
    let in_view = shown.iter().filter(|n| wholly_inside(&visible, n)).count();
    (in_view, shown.len())
}

fn wholly_inside(area: &CanvasRect, note: &goldthread::Note) -> bool {
    let rect = note.rect();
    area.contains(rect.min) && area.contains(rect.max)
}

/// The shipped example sessions, copied into a fresh library.
fn shipped_sessions(dir: &TempDir) -> Vec<std::path::PathBuf> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/sessions")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            let copy = dir.join(path.file_name().unwrap());
            std::fs::copy(&path, &copy).unwrap();
            paths.push(copy);
        }
    }
    paths.sort();
    assert!(!paths.is_empty(), "the checkout ships an example session");
    paths
}

#[test]
fn a_shipped_session_opened_at_1280x800_shows_all_its_notes() {
    let dir = temp_dir("example-fit");
    for path in shipped_sessions(&dir) {
        let saved_view = goldthread::storage::load_file(&path).unwrap().session.view;
        let mut h = app_with(&dir, Some(path.clone()));
        settle(&mut h);
        let (in_view, shown) = notes_in_view(&h);
        assert!(shown > 0, "{path:?} has notes");
        assert_eq!(in_view, shown, "{path:?}: every note is in view");
        // Guard: the saved view alone would have shown only part of the board here.
        let open = open_session(&h);
        assert_ne!(open.canvas.view, saved_view, "{path:?} was zoomed to fit");
        let camera = goldthread::ui::board::canvas::transform::Camera {
            screen: open.canvas.last_screen.unwrap(),
            view: saved_view,
        };
        let visible = camera.visible_canvas();
        let saved_in_view = open
            .session
            .notes
            .iter()
            .filter(|n| !open.canvas.themes.is_hidden(n))
            .filter(|n| wholly_inside(&visible, n))
            .count();
        assert!(
            saved_in_view * 2 < shown,
            "{path:?}: the saved view shows {saved_in_view} of {shown} notes at 1280x800"
        );
        drop(h);
    }
}

#[test]
fn a_saved_view_that_shows_most_notes_is_kept_on_open() {
    let dir = temp_dir("keep-view");
    for path in shipped_sessions(&dir) {
        let saved_view = goldthread::storage::load_file(&path).unwrap().session.view;
        let mut h = app_sized(&dir, Some(path.clone()), egui::vec2(1920.0, 1080.0));
        settle(&mut h);
        let (in_view, shown) = notes_in_view(&h);
        assert!(in_view * 2 >= shown, "{path:?}: {in_view} of {shown}");
        assert_eq!(
            open_session(&h).canvas.view,
            saved_view,
            "{path:?}: the view it was saved with is kept"
        );
        drop(h);
    }
}
