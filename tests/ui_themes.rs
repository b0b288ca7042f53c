//! Protects themes as a facilitator uses them, through real input: keyboard grouping (Tab,
//! Ctrl+G, naming in place, 1–9 and 0), dropping notes into and out of frames, collapse and
//! expand, rename, merge, split and delete from the theme list, suggestions accepted and undone
//! by one Ctrl+Z and brought into view, near-duplicates stacked, and themes saved.

mod common;
#[path = "common/themes.rs"]
mod themes;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use goldthread::grouping::{self, Group};
use goldthread::model::{CanvasRect, ThemeEdit};
use themes::*;

/// Ctrl+G, then the name typed into the in-place box, then Enter.
fn group_and_name(h: &mut H, name: &str) {
    press_with(h, Modifiers::COMMAND, Key::G);
    h.run();
    assert!(
        open_session(h).canvas.theme_rename.is_some(),
        "Ctrl+G opens the name box on the new theme"
    );
    press_with(h, Modifiers::COMMAND, Key::A);
    type_text(h, name);
    press(h, Key::Enter);
}

#[test]
fn sorting_notes_into_themes_with_only_the_keyboard() {
    let (_dir, mut h) = app_with_new_session("keyboard-grouping");
    capture_notes(
        &mut h,
        &[
            "Open data",
            "Staff skills",
            "Data sharing",
            "Training",
            "Wifi",
        ],
    );
    press(&mut h, Key::Tab);
    assert_eq!(
        open_session(&h).canvas.selection,
        [note_id(&h, "Open data")].into()
    );
    group_and_name(&mut h, "Data");
    assert_eq!(theme_names(&h), ["Data"]);
    assert_eq!(theme_of(&h, "Open data").as_deref(), Some("Data"));
    // The selection moved on to the next note in no theme.
    assert_eq!(
        open_session(&h).canvas.selection,
        [note_id(&h, "Staff skills")].into()
    );
    group_and_name(&mut h, "People");
    assert_eq!(theme_names(&h), ["Data", "People"]);
    assert_eq!(
        open_session(&h).canvas.selection,
        [note_id(&h, "Data sharing")].into()
    );
    press(&mut h, Key::Num1);
    assert_eq!(theme_of(&h, "Data sharing").as_deref(), Some("Data"));
    assert_eq!(
        open_session(&h).canvas.selection,
        [note_id(&h, "Training")].into()
    );
    press(&mut h, Key::Num2);
    assert_eq!(theme_of(&h, "Training").as_deref(), Some("People"));
    // The digits went to grouping, not into a new note.
    assert!(open_session(&h).canvas.capture.is_none());
    assert_eq!(session(&h).notes.len(), 5);

    // 0 takes a note out of its theme.
    let training = note_id(&h, "Training");
    h.state_mut().open.as_mut().unwrap().canvas.selection = [training].into();
    h.run();
    press(&mut h, Key::Num0);
    assert_eq!(theme_of(&h, "Training"), None);
    // Ctrl+Z puts it back, in one step.
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(theme_of(&h, "Training").as_deref(), Some("People"));
}

#[test]
fn a_digit_without_that_theme_says_so_and_changes_nothing() {
    let (_dir, mut h) = app_with_new_session("missing-theme-key");
    capture_notes(&mut h, &["Alone"]);
    press(&mut h, Key::Tab);
    let generation = open_session(&h).history.generation();
    press(&mut h, Key::Num4);
    assert!(session(&h).themes.is_empty());
    assert_eq!(note_texts(&h), ["Alone"], "no note lost, none added");
    assert!(
        h.state()
            .notices()
            .all()
            .iter()
            .any(|n| n.text.contains("There is no theme 4")),
        "the user is told why nothing happened"
    );
    assert_eq!(open_session(&h).history.generation(), generation);
}

#[test]
fn an_empty_theme_name_keeps_the_old_name_and_says_why() {
    let (_dir, mut h) = app_with_new_session("empty-theme-name");
    capture_notes(&mut h, &["Something"]);
    press(&mut h, Key::Tab);
    press_with(&mut h, Modifiers::COMMAND, Key::G);
    h.run();
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    press(&mut h, Key::Backspace);
    press(&mut h, Key::Enter);
    assert_eq!(theme_names(&h), ["Theme 1"]);
    assert!(
        h.state()
            .notices()
            .all()
            .iter()
            .any(|n| n.text.contains("A theme needs a name")),
    );
}

#[test]
fn dropping_a_note_in_a_frame_joins_and_dragging_it_out_leaves() {
    let (_dir, mut h) = app_with_new_session("drop-in-out");
    capture_notes(&mut h, &["Anchor", "Mover", "Other"]);
    make_theme(&mut h, "Target", &["Anchor"]);
    press(&mut h, Key::Home);
    let header = h.get_by_label("Theme Target, 1 note").rect();
    let note = h.get_by_label("Mover").rect();
    let zoom = open_session(&h).canvas.view.zoom;
    // The empty half of the frame: right of the anchor note, below the header.
    let frame = session(&h)
        .theme_frame(session(&h).themes[0].id)
        .unwrap()
        .frame;
    let target = egui::pos2(
        header.max.x - frame.width() * zoom * 0.25,
        header.max.y + frame.height() * zoom * 0.3,
    );
    let before = session(&h).note(note_id(&h, "Mover")).unwrap().pos;
    drag_by(&mut h, note.center(), target - note.center());
    let after = session(&h).note(note_id(&h, "Mover")).unwrap().pos;
    assert_ne!(before, after, "the drag really moved the note");
    assert_eq!(theme_of(&h, "Mover").as_deref(), Some("Target"));
    assert!(
        open_session(&h).history.can_undo(),
        "the drop is an undoable step"
    );

    // Dragging it well away from the frame takes it out.
    press(&mut h, Key::Home);
    let note = h.get_by_label("Mover").rect();
    let header = h.get_by_label("Theme Target, 2 notes").rect();
    let away = egui::pos2(note.center().x, header.min.y - 10.0) - note.center()
        + egui::vec2(0.0, -note.height());
    let before = session(&h).note(note_id(&h, "Mover")).unwrap().pos;
    drag_by(&mut h, note.center(), away);
    assert_ne!(
        before,
        session(&h).note(note_id(&h, "Mover")).unwrap().pos,
        "the second drag really moved the note"
    );
    assert_eq!(theme_of(&h, "Mover"), None);

    // One Ctrl+Z puts it back in the theme, where it was.
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(theme_of(&h, "Mover").as_deref(), Some("Target"));
    assert_eq!(session(&h).note(note_id(&h, "Mover")).unwrap().pos, before);
}

#[test]
fn dragging_a_frame_header_moves_the_theme_with_its_notes() {
    let (_dir, mut h) = app_with_new_session("move-theme");
    capture_notes(&mut h, &["Inside", "Outside"]);
    let id = make_theme(&mut h, "Move me", &["Inside"]);
    press(&mut h, Key::Home);
    let inside = session(&h).note(note_id(&h, "Inside")).unwrap().pos;
    let outside = session(&h).note(note_id(&h, "Outside")).unwrap().pos;
    let anchor = session(&h).theme(id).unwrap().pos;
    let header = h.get_by_label("Theme Move me, 1 note").rect();
    drag_by(&mut h, header.center(), egui::vec2(0.0, 120.0));
    let moved = session(&h).theme(id).unwrap().pos;
    assert!(moved.y > anchor.y + 10.0, "the drag really moved the theme");
    let dy = moved.y - anchor.y;
    let now = session(&h).note(note_id(&h, "Inside")).unwrap().pos;
    assert!(
        (now.y - inside.y - dy).abs() < 0.01,
        "its note moved with it"
    );
    assert_eq!(
        session(&h).note(note_id(&h, "Outside")).unwrap().pos,
        outside
    );
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(session(&h).theme(id).unwrap().pos, anchor);
    assert_eq!(session(&h).note(note_id(&h, "Inside")).unwrap().pos, inside);
}

#[test]
fn collapse_shows_a_card_with_the_count_and_expand_brings_the_notes_back() {
    let (_dir, mut h) = app_with_new_session("collapse");
    capture_notes(&mut h, &["Hidden one", "Hidden two", "Stays"]);
    let id = make_theme(&mut h, "Fold", &["Hidden one", "Hidden two"]);
    press(&mut h, Key::Home);
    assert!(h.query_by_label("Hidden one").is_some());
    h.get_by_label("Collapse the Fold frame").click();
    h.run();
    assert!(session(&h).theme(id).unwrap().collapsed);
    assert!(h.query_by_label("Hidden one").is_none(), "notes are hidden");
    assert!(
        h.query_by_label("Theme Fold, 2 notes").is_some(),
        "the card shows the count"
    );
    assert!(h.query_by_label("Stays").is_some());
    // Select-all leaves hidden notes alone.
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    assert_eq!(
        open_session(&h).canvas.selection,
        [note_id(&h, "Stays")].into()
    );
    press(&mut h, Key::Escape);
    h.get_by_label("Expand the Fold frame").click();
    h.run();
    assert!(!session(&h).theme(id).unwrap().collapsed);
    assert!(h.query_by_label("Hidden one").is_some());
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(
        session(&h).theme(id).unwrap().collapsed,
        "Ctrl+Z collapses again"
    );
}

#[test]
fn double_clicking_a_frame_header_renames_the_theme_in_place() {
    let (_dir, mut h) = app_with_new_session("rename-in-place");
    capture_notes(&mut h, &["A note"]);
    let id = make_theme(&mut h, "Old name", &["A note"]);
    press(&mut h, Key::Home);
    let header = h.get_by_label("Theme Old name, 1 note").rect();
    h.get_by_label("Theme Old name, 1 note").click();
    h.run();
    h.hover_at(header.center());
    h.get_by_label("Theme Old name, 1 note").click();
    h.run();
    h.run();
    assert!(open_session(&h).canvas.theme_rename.is_some());
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "Culture");
    press(&mut h, Key::Enter);
    assert_eq!(session(&h).theme(id).unwrap().name, "Culture");
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(session(&h).theme(id).unwrap().name, "Old name");
}

#[test]
fn merge_from_the_list_keeps_every_note_and_one_undo_splits_them_again() {
    let (_dir, mut h) = app_with_new_session("merge");
    capture_notes(&mut h, &["d1", "d2", "s1"]);
    let data = make_theme(&mut h, "Data", &["d1", "d2"]);
    make_theme(&mut h, "Sharing", &["s1"]);
    h.get_by_label("More for Sharing").click();
    h.run();
    h.get_by_label("Merge into").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Data")
        .click();
    h.run();
    let name = h.get_by_label("Name of the merged theme");
    name.focus();
    h.run();
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "Data sharing");
    h.get_by_label("Merge").click();
    h.run();
    assert_eq!(theme_names(&h), ["Data sharing"]);
    assert_eq!(session(&h).themes[0].id, data);
    for text in ["d1", "d2", "s1"] {
        assert_eq!(theme_of(&h, text).as_deref(), Some("Data sharing"));
    }
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(theme_names(&h), ["Data", "Sharing"]);
    assert_eq!(theme_of(&h, "s1").as_deref(), Some("Sharing"));
}

#[test]
fn ctrl_g_on_part_of_a_theme_splits_it_and_one_undo_joins_them_again() {
    let (_dir, mut h) = app_with_new_session("split");
    capture_notes(&mut h, &["a", "b", "c"]);
    make_theme(&mut h, "All", &["a", "b", "c"]);
    let c = note_id(&h, "c");
    h.state_mut().open.as_mut().unwrap().canvas.selection = [c].into();
    h.run();
    group_and_name(&mut h, "Part");
    assert_eq!(theme_names(&h), ["All", "Part"]);
    assert_eq!(theme_of(&h, "c").as_deref(), Some("Part"));
    assert_eq!(theme_of(&h, "a").as_deref(), Some("All"));
    // The split and the name given to the new theme are one step.
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(theme_names(&h), ["All"]);
    assert_eq!(theme_of(&h, "c").as_deref(), Some("All"));
    press_with(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(
        theme_names(&h),
        ["All", "Part"],
        "redo brings back the named theme"
    );
}

#[test]
fn making_a_theme_and_naming_it_is_one_undo_step() {
    let (_dir, mut h) = app_with_new_session("one-step");
    capture_notes(&mut h, &["wifi", "laptops"]);
    let before = session(&h).clone();
    let wifi = note_id(&h, "wifi");
    h.state_mut().open.as_mut().unwrap().canvas.selection = [wifi].into();
    h.run();
    group_and_name(&mut h, "Infrastructure");
    h.run();
    assert_eq!(theme_names(&h), ["Infrastructure"]);
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(session(&h).themes.is_empty(), "not left as \"Theme 1\"");
    assert_eq!(theme_of(&h, "wifi"), None);
    assert_eq!(session(&h).notes, before.notes);
    // Renaming an existing theme later is a step of its own.
    press_with(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    h.get_by_label("More for Infrastructure").click();
    h.run();
    h.get_by_label("Rename").click();
    h.run();
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "Kit");
    press(&mut h, Key::Enter);
    h.run();
    assert_eq!(theme_names(&h), ["Kit"]);
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(theme_names(&h), ["Infrastructure"]);
}

#[test]
fn deleting_a_theme_from_the_list_leaves_its_notes_and_undo_restores_it() {
    let (_dir, mut h) = app_with_new_session("delete");
    capture_notes(&mut h, &["keep me"]);
    make_theme(&mut h, "Doomed", &["keep me"]);
    let pos = session(&h).note(note_id(&h, "keep me")).unwrap().pos;
    h.get_by_label("More for Doomed").click();
    h.run();
    h.get_by_label("Delete theme (notes stay)").click();
    h.run();
    assert!(session(&h).themes.is_empty());
    assert_eq!(note_texts(&h), ["keep me"]);
    assert_eq!(session(&h).note(note_id(&h, "keep me")).unwrap().pos, pos);
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(theme_names(&h), ["Doomed"]);
    assert_eq!(theme_of(&h, "keep me").as_deref(), Some("Doomed"));
}

#[test]
fn reordering_in_the_list_changes_the_number_keys() {
    let (_dir, mut h) = app_with_new_session("reorder");
    capture_notes(&mut h, &["x"]);
    make_theme(&mut h, "First", &[]);
    make_theme(&mut h, "Second", &[]);
    h.get_by_label("Move Second up").click();
    h.run();
    assert_eq!(theme_names(&h), ["Second", "First"]);
    let x = note_id(&h, "x");
    h.state_mut().open.as_mut().unwrap().canvas.selection = [x].into();
    h.run();
    press(&mut h, Key::Num1);
    assert_eq!(theme_of(&h, "x").as_deref(), Some("Second"));
}

/// Shows suggestions as if the engine had proposed `groups` (indices into the notes in no theme).
fn inject(h: &mut H, groups: Vec<Group>, duplicates: Vec<Vec<usize>>) {
    let result = grouping::Suggestions {
        groups,
        ungrouped: Vec::new(),
        duplicates,
        notice: None,
    };
    inject_results(h, Vec::new(), result);
}

fn group(name: &str, keywords: &[&str], members: &[usize]) -> Group {
    Group {
        name: name.to_owned(),
        keywords: keywords.iter().map(|k| (*k).to_owned()).collect(),
        why: format!("they share {}", keywords.join(", ")),
        members: members.to_vec(),
    }
}

#[test]
fn accepting_a_renamed_suggestion_makes_the_theme_and_one_undo_removes_it() {
    let (_dir, mut h) = app_with_new_session("accept");
    capture_notes(
        &mut h,
        &["Open data portal", "Share data", "Staff training", "Lunch"],
    );
    inject(
        &mut h,
        vec![
            group("data · share", &["data", "share"], &[0, 1]),
            group("training", &["training"], &[2]),
        ],
        vec![],
    );
    assert!(
        h.query_by_label_contains("Why: they share data, share")
            .is_some()
    );
    let name = h.get_by_label("Name of suggestion 1");
    name.focus();
    h.run();
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "Data");
    h.get_by_label("Accept suggestion 1").click();
    h.run();
    h.run();
    assert_eq!(theme_names(&h), ["Data"]);
    assert_eq!(theme_of(&h, "Open data portal").as_deref(), Some("Data"));
    assert!(
        h.query_by_label_contains("Why: they share data, share")
            .is_none(),
        "the accepted card is gone from the list"
    );
    assert_eq!(
        h.get_by_label("Name of suggestion 1").value().as_deref(),
        Some("training"),
        "the next card moves up"
    );
    assert_eq!(theme_of(&h, "Share data").as_deref(), Some("Data"));
    assert_eq!(
        theme_of(&h, "Lunch"),
        None,
        "notes that fit nowhere are left alone"
    );
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(
        session(&h).themes.is_empty(),
        "one Ctrl+Z removes the accepted theme"
    );
    assert_eq!(theme_of(&h, "Open data portal"), None);
    assert_eq!(session(&h).notes.len(), 4);
    // The card comes back as it was accepted, new name and all, to accept again or reject.
    h.run();
    assert_eq!(
        h.get_by_label("Name of suggestion 1").value().as_deref(),
        Some("Data")
    );
    h.get_by_label("Accept suggestion 1");
    h.query_by_label_contains("Why: they share data, share")
        .expect("the explanation is back");
    // Redo makes the theme again and hides the card again.
    press_with(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(theme_names(&h), ["Data"]);
    assert_eq!(
        h.get_by_label("Name of suggestion 1").value().as_deref(),
        Some("training")
    );
}

/// The part of the canvas in view, as drawn last frame (canvas units), and its screen rect.
fn in_view(h: &H) -> (CanvasRect, egui::Rect) {
    let canvas = &open_session(h).canvas;
    let screen = canvas.last_screen.expect("the board was drawn");
    let camera = goldthread::ui::board::canvas::transform::Camera {
        screen,
        view: canvas.view,
    };
    (camera.visible_canvas(), screen)
}

/// Asserts that the frame of the theme named `name` is wholly in view, and drawn there.
fn assert_frame_in_view(h: &H, name: &str) {
    let s = session(h);
    let theme = s.themes.iter().find(|t| t.name == name).expect(name);
    let frame = open_session(h).canvas.themes.frame(theme.id).unwrap().rect;
    let (visible, screen) = in_view(h);
    assert!(
        visible.contains(frame.min) && visible.contains(frame.max),
        "{name}'s frame {frame:?} is not wholly in view {visible:?}"
    );
    let count = s.notes.iter().filter(|n| n.theme == Some(theme.id)).count();
    let title = h
        .get_by_label(&format!("Theme {name}, {count} notes"))
        .rect();
    assert!(screen.intersects(title), "{title:?} outside {screen:?}");
}

/// Zooms in on the middle of the board with the + key until the free canvas where new themes
/// go is out of view (checked, so the test cannot pass by luck).
fn look_closely(h: &mut H) {
    for _ in 0..8 {
        let anchor = session(h).free_theme_anchor(&[]);
        if !in_view(h).0.contains(anchor) {
            break;
        }
        type_text(h, "+");
    }
    let anchor = session(h).free_theme_anchor(&[]);
    let (visible, _) = in_view(h);
    assert!(
        !visible.contains(anchor),
        "where new themes go, {anchor:?}, should start out of view {visible:?}"
    );
}

#[test]
fn accepted_suggestions_are_brought_into_view() {
    let (_dir, mut h) = app_with_new_session("accept-in-view");
    capture_notes(
        &mut h,
        &[
            "Open data portal",
            "Share data",
            "Staff training",
            "Training budget",
            "Fix the wifi",
            "Wifi in every room",
        ],
    );
    inject(
        &mut h,
        vec![
            group("Data", &["data"], &[0, 1]),
            group("Training", &["training"], &[2, 3]),
            group("Wifi", &["wifi"], &[4, 5]),
        ],
        vec![],
    );
    look_closely(&mut h);
    let zoom = open_session(&h).canvas.view.zoom;
    h.get_by_label("Accept suggestion 1").click();
    h.run();
    assert_eq!(theme_names(&h), ["Data"]);
    assert_frame_in_view(&h, "Data");
    assert_eq!(
        open_session(&h).canvas.view.zoom,
        zoom,
        "one frame fits at this zoom: the board only pans"
    );

    // Accept all: every new frame in view, zooming out as far as it takes.
    look_closely(&mut h);
    let zoom = open_session(&h).canvas.view.zoom;
    h.get_by_label("Accept all").scroll_to_me();
    h.run();
    h.get_by_label("Accept all").click();
    h.run();
    assert_eq!(theme_names(&h), ["Data", "Training", "Wifi"]);
    assert!(
        open_session(&h).canvas.view.zoom < zoom,
        "two frames side by side need a wider view"
    );
    assert_frame_in_view(&h, "Training");
    assert_frame_in_view(&h, "Wifi");
}

#[test]
fn reject_drops_a_suggestion_and_accept_all_is_one_step() {
    let (_dir, mut h) = app_with_new_session("accept-all");
    capture_notes(&mut h, &["a1", "a2", "b1", "b2", "c1"]);
    inject(
        &mut h,
        vec![
            group("A", &["a"], &[0, 1]),
            group("B", &["b"], &[2, 3]),
            group("C", &["c"], &[4]),
        ],
        vec![],
    );
    h.get_by_label("Reject suggestion 3").scroll_to_me();
    h.run();
    h.get_by_label("Reject suggestion 3").click();
    h.run();
    h.get_by_label("Accept all").scroll_to_me();
    h.run();
    h.get_by_label("Accept all").click();
    h.run();
    assert_eq!(theme_names(&h), ["A", "B"]);
    assert_eq!(theme_of(&h, "c1"), None);
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(session(&h).themes.is_empty(), "accept all is one step");
}

#[test]
fn near_duplicates_are_stacked_in_one_step() {
    let (_dir, mut h) = app_with_new_session("stack");
    capture_notes(&mut h, &["Free wifi", "Free wifi!", "Other"]);
    inject(&mut h, vec![], vec![vec![0, 1]]);
    let first = session(&h).notes[0].pos;
    let second = session(&h).notes[1].pos;
    h.get_by_label("Stack near-duplicates 1").click();
    h.run();
    let now = session(&h).notes[1].pos;
    assert_ne!(now, second);
    assert!((now.x - first.x).abs() < 40.0 && (now.y - first.y).abs() < 40.0);
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(session(&h).notes[1].pos, second);
}

#[test]
fn ctrl_t_computes_suggestions_on_a_background_thread() {
    let (_dir, mut h) = app_with_new_session("suggest-thread");
    capture_notes(&mut h, &["Open data", "Data portal", "Skills"]);
    press_with(&mut h, Modifiers::COMMAND, Key::T);
    for _ in 0..200 {
        h.run();
        if !open_session(&h).canvas.themes_panel.suggestions.running() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let suggestions = &open_session(&h).canvas.themes_panel.suggestions;
    assert!(!suggestions.running(), "the computation finished");
    assert!(suggestions.has_result, "its result reached the panel");
    assert_eq!(session(&h).notes.len(), 3, "asking changes nothing");
    assert!(session(&h).themes.is_empty());
}

#[test]
fn suggesting_with_every_note_in_a_theme_says_so() {
    let (_dir, mut h) = app_with_new_session("suggest-nothing");
    capture_notes(&mut h, &["only"]);
    make_theme(&mut h, "T", &["only"]);
    press_with(&mut h, Modifiers::COMMAND, Key::T);
    h.run();
    assert!(
        h.state()
            .notices()
            .all()
            .iter()
            .any(|n| n.text.contains("already in a theme")),
    );
    assert!(!open_session(&h).canvas.themes_panel.suggestions.running());
}

#[test]
fn themes_are_saved_with_the_session() {
    let (dir, mut h) = app_with_new_session("save-themes");
    capture_notes(&mut h, &["d", "s"]);
    let a = make_theme(&mut h, "Data", &["d"]);
    make_theme(&mut h, "Skills", &["s"]);
    apply(
        &mut h,
        ThemeEdit::Recolour {
            id: a,
            colour: goldthread::model::ThemeColour::Rose,
        },
    );
    apply(
        &mut h,
        ThemeEdit::SetCollapsed {
            id: a,
            collapsed: true,
        },
    );
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    let path = open_session(&h).path.clone().expect("saved to a file");
    assert!(path.starts_with(&*dir));
    let loaded = goldthread::storage::load_file(&path).unwrap();
    assert_eq!(loaded.session.themes, session(&h).themes);
    assert_eq!(loaded.session.notes, session(&h).notes);

    // And the app opens it again with the card collapsed.
    let mut h2 = app_with(&dir, Some(path));
    assert_eq!(theme_names(&h2), ["Data", "Skills"]);
    h2.run();
    assert!(h2.query_by_label("Theme Data, 1 note").is_some());
    assert!(
        h2.query_by_label("d").is_none(),
        "a collapsed theme's notes stay hidden"
    );
}

#[test]
fn a_name_typed_in_the_same_frame_as_ctrl_g_is_not_lost() {
    let (_dir, mut h) = app_with_new_session("fast-typist");
    capture_notes(&mut h, &["Quick"]);
    press(&mut h, Key::Tab);
    // A fast typist on a slow frame: the key and the letters arrive together.
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.event(egui::Event::Text("Kit".to_owned()));
    h.run();
    press(&mut h, Key::Enter);
    assert_eq!(theme_names(&h), ["Kit"]);
    assert!(
        open_session(&h).canvas.capture.is_none(),
        "no capture box opened"
    );
    assert_eq!(note_texts(&h), ["Quick"]);
}

#[test]
fn a_note_dropped_on_a_collapsed_card_joins_that_theme() {
    let (_dir, mut h) = app_with_new_session("drop-on-card");
    capture_notes(&mut h, &["Member", "Newcomer"]);
    let id = make_theme(&mut h, "Folded", &["Member"]);
    apply(
        &mut h,
        ThemeEdit::SetCollapsed {
            id,
            collapsed: true,
        },
    );
    press(&mut h, Key::Home);
    let card = h.get_by_label("Theme Folded, 1 note").rect();
    let note = h.get_by_label("Newcomer").rect();
    drag_by(&mut h, note.center(), card.center() - note.center());
    assert_eq!(theme_of(&h, "Newcomer").as_deref(), Some("Folded"));
    assert!(
        h.query_by_label("Newcomer").is_none(),
        "it is hidden in the card now"
    );
    assert!(h.query_by_label("Theme Folded, 2 notes").is_some());
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(theme_of(&h, "Newcomer"), None);
}

#[test]
fn forty_notes_go_into_five_themes_with_about_one_key_each() {
    let (_dir, mut h) = app_with_new_session("forty-notes");
    let texts: Vec<String> = (0..40).map(|i| format!("Idea number {i}")).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    capture_notes(&mut h, &refs);
    assert_eq!(session(&h).notes.len(), 40);
    let names = ["Data", "Skills", "Kit", "Culture", "Money"];
    let mut keys = 1;
    press(&mut h, Key::Tab);
    for i in 0..40 {
        let selected = open_session(&h).canvas.selection.clone();
        assert_eq!(
            selected.len(),
            1,
            "note {i}: the next note is selected for us"
        );
        if i < names.len() {
            group_and_name(&mut h, names[i]);
            keys += 3; // Ctrl+G, the name, Enter.
        } else {
            let digit = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5][i % 5];
            press(&mut h, digit);
            keys += 1;
        }
    }
    assert_eq!(theme_names(&h), names);
    for frame in session(&h).theme_frames() {
        assert_eq!(frame.count, 8, "each theme got its eight notes");
    }
    assert!(session(&h).notes.iter().all(|n| n.theme.is_some()));
    assert!(keys <= 51, "{keys} keys for forty notes");
    let frames = session(&h).theme_frames();
    for (i, a) in frames.iter().enumerate() {
        for b in &frames[i + 1..] {
            assert!(!a.rect.intersects(&b.rect), "theme frames never overlap");
        }
    }
    // No two notes overlap after all that moving.
    let notes = &session(&h).notes;
    for (i, a) in notes.iter().enumerate() {
        for b in &notes[i + 1..] {
            assert!(
                !a.rect().intersects(&b.rect()),
                "{} overlaps {}",
                a.text,
                b.text
            );
        }
    }
}

#[test]
fn merging_with_a_blank_name_keeps_the_old_name_and_says_so() {
    let (_dir, mut h) = app_with_new_session("merge-blank");
    capture_notes(&mut h, &["p", "q"]);
    make_theme(&mut h, "Keep", &["p"]);
    make_theme(&mut h, "Go", &["q"]);
    h.get_by_label("More for Go").click();
    h.run();
    h.get_by_label("Merge into").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Keep")
        .click();
    h.run();
    h.get_by_label("Name of the merged theme").focus();
    h.run();
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    press(&mut h, Key::Backspace);
    h.get_by_label("Merge").click();
    h.run();
    assert_eq!(theme_names(&h), ["Keep"]);
    assert_eq!(theme_of(&h, "q").as_deref(), Some("Keep"), "no note lost");
    assert!(
        h.state()
            .notices()
            .all()
            .iter()
            .any(|n| n.text.contains("keeps \"Keep\"")),
    );
}
