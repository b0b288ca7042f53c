//! Protects "start, build, maintain" in the real app: following up a session from the library
//! (right-click and Ctrl+Shift+N), the Review walk by keyboard with undo, scoring a maturity
//! question by passing the laptop (secret until the reveal, then last time beside this time),
//! an action's status on the Actions tab, and the two sessions grouped as a series in the
//! library after saving.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use goldthread::model::lab::{ActionId, ActionStatus};
use goldthread::model::score::ScoreMode;
use goldthread::ui::{Dialog, GoldthreadApp};

type H = Harness<'static, GoldthreadApp>;

/// A library holding a copy of the shipped example lab.
fn library_with_example(name: &str) -> (TempDir, PathBuf) {
    let dir = temp_dir(name);
    let file = dir.join("example-council-digital-strategy.ron");
    let shipped =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/example-council-digital-strategy.ron");
    std::fs::copy(shipped, &file).unwrap();
    (dir, file)
}

fn click(h: &mut H, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

fn status(h: &H, id: u64) -> ActionStatus {
    open_session(h)
        .session
        .lab
        .action(ActionId(id))
        .expect("the action is there")
        .status
}

/// Opens the app on the library and follows up the example with Ctrl+Shift+N.
fn follow_up_example(name: &str) -> (TempDir, H) {
    let (dir, _) = library_with_example(name);
    let mut h = app(&dir);
    h.get_by_role_and_label(
        Role::Button,
        "Example: Northfield council digital strategy lab",
    );
    press_with(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    settle(&mut h);
    (dir, h)
}

#[test]
fn follow_up_from_the_library_by_right_click_opens_on_the_review() {
    let (dir, _) = library_with_example("ui-followup-menu");
    let mut h = app(&dir);
    h.get_by_role_and_label(
        Role::Button,
        "Example: Northfield council digital strategy lab",
    )
    .click_secondary();
    h.run();
    click(&mut h, "Follow up…");
    settle(&mut h);
    let open = open_session(&h);
    assert_eq!(
        open.session.title,
        "Example: Northfield council digital strategy lab: follow-up"
    );
    assert!(open.path.is_none(), "a new, unsaved session");
    let previous = open.session.previous.as_ref().expect("linked");
    assert_eq!(
        previous.title,
        "Example: Northfield council digital strategy lab"
    );
    assert_eq!(open.session.lab.actions.len(), 3);
    assert_eq!(open.session.lab.current().unwrap().name, "Review");
    // The Review view is showing, not the canvas.
    h.get_by_label("Publish a shared data standard for resident records");
    h.get_by_label("Action 1 of 3");
}

#[test]
fn the_review_walk_goes_by_keyboard_and_each_key_is_one_undo_step() {
    let (_dir, mut h) = follow_up_example("ui-followup-review");
    assert!(open_session(&h).session.previous.is_some());
    press(&mut h, Key::D);
    h.get_by_label("Action 2 of 3");
    // A note for the second action: N, type, Enter; then P.
    press(&mut h, Key::N);
    type_text(&mut h, "Two of the three estates are live");
    press(&mut h, Key::Enter);
    press(&mut h, Key::P);
    h.get_by_label("Action 3 of 3");
    press(&mut h, Key::B);
    h.get_by_label("Review done");
    h.get_by_label("Achievements (1 action)");
    assert_eq!(status(&h, 1), ActionStatus::Done);
    assert_eq!(status(&h, 2), ActionStatus::InProgress);
    assert_eq!(status(&h, 3), ActionStatus::Blocked);
    let second = open_session(&h)
        .session
        .lab
        .action(ActionId(2))
        .unwrap()
        .clone();
    assert_eq!(second.progress, "Two of the three estates are live");
    assert_eq!(second.updated, Some(today()));
    // Done actions stay, as achievements.
    assert_eq!(open_session(&h).session.lab.actions.len(), 3);

    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        status(&h, 3),
        ActionStatus::NotStarted,
        "one Ctrl+Z, one step"
    );
    assert_eq!(status(&h, 2), ActionStatus::InProgress);
    // Back and skip: ← returns to the last action, S moves on without a change.
    press(&mut h, Key::ArrowLeft);
    h.get_by_label("Action 3 of 3");
    press(&mut h, Key::S);
    h.get_by_label("Review done");
    assert_eq!(status(&h, 3), ActionStatus::NotStarted);
}

#[test]
fn a_maturity_question_is_scored_by_passing_the_laptop_and_compared_with_last_time() {
    let (_dir, mut h) = follow_up_example("ui-followup-scores");
    let question = open_session(&h)
        .session
        .lab
        .phases
        .iter()
        .position(|p| p.name == "Maturity: Ambitions")
        .expect("the maturity questions are carried");
    click(
        &mut h,
        &format!("Phase {}: Maturity: Ambitions", question + 1),
    );
    click(&mut h, "Pass the laptop");
    let phase = |h: &H| {
        open_session(h).session.lab.phases[question]
            .kind
            .scoring()
            .cloned()
            .expect("scored")
    };
    assert_eq!(phase(&h).mode, ScoreMode::PassTheLaptop);
    assert_eq!(
        phase(&h).distribution().total(),
        0,
        "cleared for a new score"
    );
    // Six people in turn: Enter for the next person, a digit for the score.
    for score in [
        Key::Num3,
        Key::Num3,
        Key::Num2,
        Key::Num4,
        Key::Num3,
        Key::Num3,
    ] {
        press(&mut h, Key::Enter);
        assert!(
            h.query_by_label_contains("your score").is_some(),
            "a private screen for each person"
        );
        assert!(
            h.query_by_label_contains("Scores Not started").is_none(),
            "nobody sees a score before the reveal"
        );
        press(&mut h, score);
    }
    assert_eq!(phase(&h).distribution().0, [0, 1, 4, 1, 0]);
    assert!(!phase(&h).revealed);
    click(&mut h, "Reveal the scores");
    assert!(phase(&h).revealed);
    // The chart in words: this time's counts and median, then last time's.
    h.get_by_label(
        "Scores Not started: 0, Emerging: 1, Developing: 4, Established: 1, Embedded: 0 · median 3 · \
         last time Not started: 1, Emerging: 5, Developing: 1, Established: 1, Embedded: 0",
    );
    h.get_by_label("Since last time: ▲ up 1 (median 2 → 3)");
}

#[test]
fn an_action_status_is_set_on_the_actions_tab_and_undone() {
    let (_dir, mut h) = follow_up_example("ui-followup-status");
    click(&mut h, "Actions");
    h.get_by_label("Status of action 1").scroll_to_me();
    h.run();
    click(&mut h, "Status of action 1");
    click(&mut h, "Blocked");
    assert_eq!(status(&h, 1), ActionStatus::Blocked);
    assert_eq!(
        open_session(&h).session.lab.actions[0].history.len(),
        1,
        "the change is kept in the history"
    );
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(status(&h, 1), ActionStatus::NotStarted);
}

#[test]
fn a_saved_follow_up_is_grouped_with_its_lab_as_one_series() {
    let (dir, mut h) = follow_up_example("ui-followup-series");
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(!open_session(&h).is_dirty());
    let saved = dir.join("example-northfield-council-digital-strategy-lab-follow-up.ron");
    assert!(saved.is_file(), "{:?}", dir.names());
    h.state_mut().run(goldthread::ui::Action::ShowLibrary);
    h.run();
    settle(&mut h);
    h.get_by_label("Series: Example: Northfield council digital strategy lab → follow-up");
    assert_eq!(
        h.query_all_by_label("3 open actions").count(),
        2,
        "both sessions show their open actions"
    );
}

#[test]
fn open_it_finds_the_previous_session_or_says_why_not_and_loses_nothing() {
    let (dir, mut h) = follow_up_example("ui-followup-previous");
    let lab = dir.join("example-council-digital-strategy.ron");
    // Renamed in the library: still found, by its id, and opened.
    let renamed = dir.join("northfield-lab-2026.ron");
    std::fs::rename(&lab, &renamed).unwrap();
    press(&mut h, Key::D);
    let before = open_session(&h).session.clone();
    click(&mut h, "Open it");
    settle(&mut h);
    // The follow-up has unsaved changes: the usual question comes first.
    assert!(
        matches!(h.state().dialog(), Some(Dialog::Unsaved { .. })),
        "{:?}",
        h.state().dialog()
    );
    press(&mut h, Key::Escape);
    settle(&mut h);
    assert_eq!(
        open_session(&h).session,
        before,
        "cancelled: nothing changed"
    );

    // Gone: a clear message, and the follow-up keeps everything.
    std::fs::remove_file(&renamed).unwrap();
    click(&mut h, "Open it");
    settle(&mut h);
    let Some(Dialog::Message { title, body }) = h.state().dialog() else {
        panic!("expected a message, got {:?}", h.state().dialog());
    };
    assert_eq!(title, "Can't find the previous session");
    assert!(
        body.contains("Example: Northfield council digital strategy lab"),
        "{body}"
    );
    assert!(body.contains("Nothing is lost"), "{body}");
    assert_eq!(open_session(&h).session, before);
}

#[test]
fn a_follow_up_shows_as_unsaved_before_its_first_save() {
    let (_dir, mut h) = follow_up_example("ui-followup-unsaved");
    let open = open_session(&h);
    assert!(open.path.is_none(), "the follow-up exists only in memory");
    // No edit has been made yet, but its carried actions are in no file: it counts as unsaved.
    assert!(
        open.is_dirty(),
        "a new follow-up is unsaved before any edit"
    );
    // The top bar and the window title both say so.
    h.get_by_label("● unsaved");
    assert!(h.query_by_label("saved").is_none(), "never shown as saved");
    assert!(
        h.state().window_title().contains("(unsaved)"),
        "the window title marks it: {}",
        h.state().window_title()
    );
    // Starting something else asks first, rather than dropping the carried actions.
    press_with(&mut h, Modifiers::COMMAND, Key::N);
    assert!(
        matches!(h.state().dialog(), Some(Dialog::Unsaved { .. })),
        "closing a never-saved follow-up asks: {:?}",
        h.state().dialog()
    );
}
