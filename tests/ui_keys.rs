//! Protects the keyboard and the way around the app, as a facilitator uses them: Esc closes the
//! capture box wherever its focus is, "@name" sets a sticky writer, Tab from an action never
//! lands on Remove and removing says how to undo, combo boxes answer the arrow keys and Enter,
//! Alt+1…5 reach every tab, a phase opens its screen, a tab opens at its top, action rows fit a
//! laptop in columns, focus mode (F10), toasts clear of the timer.

mod common;
#[path = "common/council.rs"]
mod council;

use common::*;
use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goldthread::model::ParticipantId;
use goldthread::model::lab::Owner;
use goldthread::storage::save_file;
use goldthread::ui::{GoldthreadApp, Screen};

type H = Harness<'static, GoldthreadApp>;

/// The council's session (eight participants, four actions) open from a file.
fn council_app(name: &str) -> (TempDir, H) {
    let dir = temp_dir(name);
    let path = dir.join("northfield.ron");
    save_file(&path, &council::council_session()).unwrap();
    let mut h = app_with(&dir, Some(path));
    settle(&mut h);
    (dir, h)
}

fn screen(h: &H) -> Screen {
    open_session(h).screen
}

fn alt(h: &mut H, digit: Key) {
    press_with(h, Modifiers::ALT, digit);
}

fn tab(h: &mut H, label: &str) {
    h.get_by_role_and_label(Role::Tab, label).click();
    h.run();
}

#[test]
fn esc_closes_the_capture_box_from_written_by() {
    let (_dir, mut h) = council_app("esc-written-by");
    h.key_press(Key::N);
    type_text(&mut h, "n");
    type_text(&mut h, "Half an idea");
    press(&mut h, Key::Tab); // To "Written by".
    assert!(
        h.get_by_label("Written by").is_focused(),
        "Tab reached Written by"
    );
    press(&mut h, Key::Escape);
    assert!(
        open_session(&h).canvas.capture.is_none(),
        "Esc closes the box from Written by"
    );
    h.key_press(Key::N);
    type_text(&mut h, "n");
    assert_eq!(
        open_session(&h)
            .canvas
            .capture
            .as_ref()
            .map(|c| c.text.as_str()),
        Some(""),
        "the next N opens a fresh box instead of typing into the old draft"
    );
}

#[test]
fn at_name_sets_a_sticky_writer_without_leaving_the_text_box() {
    let (_dir, mut h) = council_app("at-name");
    let before = open_session(&h).session.notes.len();
    h.key_press(Key::N);
    type_text(&mut h, "n");
    type_text(&mut h, "@gar");
    h.get_by_label_contains("Enter: written by Gareth Jones");
    press(&mut h, Key::Enter);
    let capture = open_session(&h).canvas.capture.clone().expect("still open");
    assert_eq!(capture.author, Some(ParticipantId(4)));
    assert_eq!(capture.text, "", "the mention is not a note");
    assert_eq!(open_session(&h).session.notes.len(), before);
    type_text(&mut h, "Fix the wifi in the depot");
    press(&mut h, Key::Enter);
    // An idea with a mention at its end: the note, by that person.
    type_text(&mut h, "Shared calendars @asha");
    press(&mut h, Key::Enter);
    press(&mut h, Key::Escape);
    let notes = &open_session(&h).session.notes;
    let by = |text: &str| notes.iter().find(|n| n.text == text).map(|n| n.author);
    assert_eq!(
        by("Fix the wifi in the depot"),
        Some(Some(ParticipantId(4)))
    );
    assert_eq!(by("Shared calendars"), Some(Some(ParticipantId(1))));
    // Sticky: the next capture box starts with the last writer.
    h.key_press(Key::N);
    type_text(&mut h, "n");
    let capture = open_session(&h).canvas.capture.clone().expect("open");
    assert_eq!(capture.author, Some(ParticipantId(1)));
    // "@anon" goes back to anonymous; an e-mail address is just text.
    type_text(&mut h, "Ask help@northfield.gov.uk @anon");
    press(&mut h, Key::Enter);
    let notes = &open_session(&h).session.notes;
    let note = notes.last().unwrap();
    assert_eq!(note.text, "Ask help@northfield.gov.uk");
    assert_eq!(note.author, None);
}

#[test]
fn tab_from_a_description_never_lands_on_remove_and_removing_says_how_to_undo() {
    let (_dir, mut h) = council_app("tab-remove");
    alt(&mut h, Key::Num4);
    assert_eq!(screen(&h), Screen::Actions);
    let count = open_session(&h).session.lab.actions.len();
    h.get_by_label("Action 1").click();
    h.run();
    press(&mut h, Key::Tab);
    assert!(
        !h.get_by_label("Remove action 1").is_focused(),
        "Tab went to Remove"
    );
    press(&mut h, Key::Enter);
    press(&mut h, Key::Space);
    press(&mut h, Key::Enter);
    assert_eq!(
        open_session(&h).session.lab.actions.len(),
        count,
        "no key press after Tab removed the action"
    );
    h.get_by_label("Remove action 1").scroll_to_me();
    h.run();
    h.get_by_label("Remove action 1").click();
    h.run();
    assert_eq!(open_session(&h).session.lab.actions.len(), count - 1);
    assert!(
        h.state()
            .notices()
            .all()
            .iter()
            .any(|n| n.text.starts_with("Removed") && n.text.contains("Ctrl+Z brings it back")),
        "a visible message says how to undo"
    );
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(open_session(&h).session.lab.actions.len(), count);
}

#[test]
fn combo_boxes_answer_the_arrow_keys_and_enter_and_show_every_entry() {
    let (_dir, mut h) = council_app("combo-keys");
    alt(&mut h, Key::Num4);
    let owner = |h: &H| open_session(h).session.lab.actions[0].owner.clone();
    assert_eq!(owner(&h), Some(Owner::Participant(ParticipantId(4))));
    h.get_by_label("Action 1").click();
    h.run();
    press(&mut h, Key::Tab);
    assert!(h.get_by_label("Owner of action 1").is_focused());
    // ↓ on the closed box picks the next person at once, as a native list box does.
    press(&mut h, Key::ArrowDown);
    assert_eq!(owner(&h), Some(Owner::Participant(ParticipantId(5))));
    press(&mut h, Key::ArrowUp);
    assert_eq!(owner(&h), Some(Owner::Participant(ParticipantId(4))));
    // Enter opens the list, which shows every entry down to "Someone else…".
    press(&mut h, Key::Enter);
    h.get_by_label("Someone else…");
    h.get_by_label("Nobody yet");
    for _ in 0..10 {
        press(&mut h, Key::ArrowDown);
    }
    press(&mut h, Key::Enter);
    assert_eq!(owner(&h), Some(Owner::Named(String::new())));
    // The name field takes the keyboard.
    type_text(&mut h, "Digital team");
    press(&mut h, Key::Enter);
    assert_eq!(owner(&h), Some(Owner::Named("Digital team".to_owned())));
}

#[test]
fn every_tab_has_a_key_that_starts_no_note() {
    let (_dir, mut h) = council_app("tab-keys");
    for (digit, want) in [
        (Key::Num1, Screen::Plan),
        (Key::Num3, Screen::Vote),
        (Key::Num4, Screen::Actions),
        (Key::Num5, Screen::Thread),
        (Key::Num2, Screen::Board),
    ] {
        // Some systems also send the digit as text with Alt, in the same frame.
        h.input_mut().events.extend([
            Event::Key {
                key: digit,
                pressed: true,
                modifiers: Modifiers::ALT,
                repeat: false,
                physical_key: None,
            },
            Event::Text(digit.symbol_or_name().to_owned()),
        ]);
        h.run();
        h.run();
        assert_eq!(screen(&h), want);
    }
    assert!(
        open_session(&h).canvas.capture.is_none(),
        "Alt+2 on the Board started a note"
    );
}

#[test]
fn moving_to_a_phase_opens_the_screen_it_is_about() {
    let dir = temp_dir("phase-screens");
    let mut h = app(&dir);
    press_with(&mut h, Modifiers::COMMAND, Key::N);
    press(&mut h, Key::Enter); // The digital strategy lab is the default template.
    settle(&mut h);
    assert_eq!(
        screen(&h),
        Screen::Plan,
        "a new lab opens on its first phase, vision and outcomes"
    );
    h.get_by_label("Next phase").click();
    h.run();
    assert_eq!(screen(&h), Screen::Board, "constraints are notes");
    h.get_by_label("Phase 5: Vote").click();
    h.run();
    assert_eq!(screen(&h), Screen::Vote);
    press(&mut h, Key::PageDown);
    assert_eq!(screen(&h), Screen::Actions);
}

#[test]
fn a_tab_opens_at_its_top_with_the_breaks_in_view() {
    let (_dir, mut h) = council_app("tab-top");
    alt(&mut h, Key::Num5);
    h.run();
    let summary = |h: &H| {
        h.query_by_label("The golden thread is unbroken")
            .or_else(|| h.query_by_label_contains("in the golden thread"))
            .expect("the thread's summary")
            .rect()
    };
    let at_top = summary(&h);
    assert!(
        at_top.bottom() <= 800.0,
        "the breaks are in view: {at_top:?}"
    );
    h.get_by_label("Whose voice is heard").scroll_to_me();
    h.run();
    h.run();
    assert!(
        summary(&h).top() < at_top.top() - 100.0,
        "the screen scrolled down: {:?}",
        summary(&h)
    );
    alt(&mut h, Key::Num2);
    alt(&mut h, Key::Num5);
    h.run();
    let rect = summary(&h);
    assert!(
        (rect.top() - at_top.top()).abs() < 1.0,
        "the tab opens at its top, with the breaks in view: {rect:?}"
    );
}

#[test]
fn action_rows_fit_a_laptop_in_columns_and_a_date_message_moves_nothing_beside_it() {
    let (_dir, mut h) = council_app("rows-fit");
    alt(&mut h, Key::Num4);
    // Action 3's owner is "someone else", whose name field sits in the Who column.
    let outcome = |h: &H, n: usize| h.get_by_label(&format!("Outcome of action {n}")).rect();
    for n in 1..=3 {
        assert!(
            outcome(&h, n).right() <= 1280.0,
            "Outcome of action {n} runs off the right edge: {:?}",
            outcome(&h, n)
        );
        assert_eq!(
            outcome(&h, n).left(),
            outcome(&h, 1).left(),
            "columns line up"
        );
        if n > 1 {
            let description = h.get_by_label(&format!("Action {n}")).rect();
            assert!(
                description.top() > outcome(&h, n - 1).bottom(),
                "row {n} overlaps the row above: {description:?}"
            );
        }
    }
    h.get_by_label("Action 1 due date").scroll_to_me();
    h.run();
    let theme_before = h.get_by_label("Theme of action 1").rect();
    h.get_by_label("Action 1 due date").focus();
    h.run();
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "31 February 2027");
    press(&mut h, Key::Enter);
    let message = h.get_by_label_contains("There is no such day").rect();
    assert!(
        message.height() >= 20.0,
        "a date problem is at body size or larger: {message:?}"
    );
    assert_eq!(
        h.get_by_label("Theme of action 1").rect(),
        theme_before,
        "the message under the date moved the box beside it"
    );
}

#[test]
fn focus_mode_leaves_the_prompt_the_timer_and_the_board() {
    let dir = temp_dir("focus-mode");
    let mut h = app(&dir);
    press_with(&mut h, Modifiers::COMMAND, Key::N);
    press(&mut h, Key::Enter);
    settle(&mut h);
    h.get_by_label("Next phase").click();
    h.run();
    assert!(h.query_by_label("Hide").is_some(), "the themes panel shows");
    press(&mut h, Key::F10);
    h.run();
    assert!(h.state().focus_mode());
    assert!(h.query_all_by_role(Role::Tab).next().is_none(), "no tabs");
    assert!(
        h.query_by_label("Next phase").is_none(),
        "no agenda controls"
    );
    assert!(h.query_by_label("Phase 1: Vision and outcomes").is_none());
    assert!(h.query_by_label("Hide").is_none(), "no side panel");
    h.get_by_label("Prompt: What gets in the way today?");
    h.get_by_label("Start timer");
    h.get_by_label_contains("Canvas with");
    press(&mut h, Key::F10);
    h.run();
    assert!(!h.state().focus_mode());
    h.get_by_label("Next phase");
    h.get_by_role_and_label(Role::Tab, "Board");
}

#[test]
fn a_message_in_the_corner_never_covers_the_timer_or_the_agenda() {
    let dir = temp_dir("toast-timer");
    let mut h = app(&dir);
    press_with(&mut h, Modifiers::COMMAND, Key::N);
    press(&mut h, Key::Enter);
    settle(&mut h);
    tab(&mut h, "Board");
    press_with(&mut h, Modifiers::COMMAND, Key::Z); // "Nothing to undo."
    let toast = h.get_by_label("Nothing to undo.").rect();
    let timer = h
        .get_by_label("Timebox")
        .rect()
        .union(h.get_by_label("Reset timer").rect());
    let next = h.get_by_label("Next phase").rect();
    let prompt = h.get_by_label_contains("Prompt:").rect();
    for (what, rect) in [("timer", timer), ("agenda", next), ("prompt", prompt)] {
        assert!(
            !toast.intersects(rect),
            "the message covers the {what}: {toast:?} over {rect:?}"
        );
    }
}

/// Scrolls the screen showing now to its lowest text.
fn scroll_to_bottom(h: &mut H) {
    h.query_all_by_role(Role::Label)
        .max_by(|a, b| a.rect().bottom().total_cmp(&b.rect().bottom()))
        .expect("the screen shows some text")
        .scroll_to_me();
    h.run();
    h.run();
}

#[test]
fn every_tab_opens_at_its_top_however_far_it_was_scrolled() {
    let dir = temp_dir("tab-top-every");
    let file = dir.join("example.ron");
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions/example-council-digital-strategy.ron");
    std::fs::copy(shipped, &file).unwrap();
    let mut h = app_with(&dir, Some(file));
    settle(&mut h);
    // Each tab, its key and the first thing on it.
    let tabs = [
        (Key::Num1, "Vision"),
        (Key::Num3, "Which themes should we act on first?"),
        (Key::Num4, "Turn themes into actions"),
    ];
    for (key, top) in tabs {
        alt(&mut h, key);
        h.run();
        let at_top = h.get_by_label(top).rect();
        assert!(
            at_top.top() < 400.0,
            "{top}: at the top at first: {at_top:?}"
        );
        scroll_to_bottom(&mut h);
        let scrolled = h.query_by_label(top).map(|n| n.rect().top());
        assert!(
            scrolled.is_none_or(|y| y < at_top.top() - 100.0),
            "{top}: the screen scrolled down ({scrolled:?})"
        );
        // Away to the Board and back: the tab is at its top again.
        alt(&mut h, Key::Num2);
        alt(&mut h, key);
        h.run();
        let rect = h.get_by_label(top).rect();
        assert!(
            (rect.top() - at_top.top()).abs() < 1.0,
            "{top}: the tab opens at its top: {rect:?}, was {at_top:?}"
        );
    }
}
