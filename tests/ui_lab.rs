//! Protects the innovation lab as a facilitator runs it, through real clicks and keys: a new
//! session from a template, moving through the phases (buttons, Page Down / Page Up, chips,
//! undo), the countdown, notes recording their phase and the phase filter, vision, outcomes and
//! participants on the Plan screen (bad dates kept with a message), who wrote a note (chosen
//! when capturing, or set and cleared later from the selection bar), creating an action from a
//! theme, and exporting the report from the File menu without overwriting.

mod common;
#[path = "common/council.rs"]
mod council;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goldthread::model::lab::Owner;
use goldthread::model::{Level, PhaseId};
use goldthread::storage::save_file;
use goldthread::ui::{Action, Command, Dialog, GoldthreadApp};

type H = Harness<'static, GoldthreadApp>;

/// Ctrl+N, choose the template by clicking it, Enter.
fn new_from_template(h: &mut H, name: &str) {
    press_with(h, Modifiers::COMMAND, Key::N);
    h.get_by_label(&format!("Template: {name}")).click();
    h.run();
    press(h, Key::Enter);
    settle(h);
}

fn lab_app(name: &str) -> (TempDir, H) {
    let dir = temp_dir(name);
    let mut h = app(&dir);
    new_from_template(&mut h, "Digital strategy innovation lab");
    (dir, h)
}

fn current_phase(h: &H) -> Option<PhaseId> {
    open_session(h).session.lab.current_phase
}

fn phase_named(h: &H, name: &str) -> PhaseId {
    let lab = &open_session(h).session.lab;
    lab.phases.iter().find(|p| p.name == name).expect(name).id
}

fn click_tab(h: &mut H, label: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::Tab, label)
        .click();
    h.run();
}

/// Scrolls the widget into view, as a user would, then clicks it.
fn click(h: &mut H, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

#[test]
fn new_session_from_the_innovation_lab_template() {
    let (_dir, h) = lab_app("from-template");
    let s = &open_session(&h).session;
    assert_eq!(s.title, "Innovation lab 2026-11-22");
    let phases: Vec<&str> = s.lab.phases.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(phases.len(), 6);
    assert_eq!(phases[0], "Vision and outcomes");
    let themes: Vec<&str> = s.themes.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(themes, ["Data", "Culture", "Infrastructure"]);
    assert_eq!(s.lab.current_phase, Some(s.lab.phases[0].id));
    // The prompt is on screen for the room.
    h.get_by_label("Prompt: Where do we want to be, and what will be true by when?");
}

#[test]
fn the_blank_template_is_one_click_away() {
    let (_dir, h) = app_with_new_session("blank-default");
    let s = &open_session(&h).session;
    assert!(s.lab.phases.is_empty());
    assert!(s.themes.is_empty());
    assert!(
        h.query_by_label("Next phase").is_none(),
        "no agenda bar without phases"
    );
}

#[test]
fn moving_through_the_phases_with_buttons_keys_and_chips() {
    let (_dir, mut h) = lab_app("phases");
    let ids: Vec<PhaseId> = open_session(&h)
        .session
        .lab
        .phases
        .iter()
        .map(|p| p.id)
        .collect();
    h.get_by_label("Next phase").click();
    h.run();
    assert_eq!(current_phase(&h), Some(ids[1]));
    h.get_by_label("Prompt: What gets in the way today?");
    press(&mut h, Key::PageDown);
    assert_eq!(
        current_phase(&h),
        Some(ids[2]),
        "Page Down, as a clicker sends"
    );
    press(&mut h, Key::PageUp);
    assert_eq!(current_phase(&h), Some(ids[1]), "Page Up goes back");
    h.get_by_label("Phase 6: Actions").click();
    h.run();
    assert_eq!(current_phase(&h), Some(ids[5]));
    press(&mut h, Key::PageDown);
    assert_eq!(
        current_phase(&h),
        Some(ids[5]),
        "nothing after the last phase"
    );
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        current_phase(&h),
        Some(ids[1]),
        "changing phase is undoable"
    );
    h.get_by_label("Previous phase").click();
    h.run();
    assert_eq!(current_phase(&h), Some(ids[0]));
}

#[test]
fn page_down_in_a_text_box_does_not_change_phase() {
    let (_dir, mut h) = lab_app("phases-typing");
    let first = current_phase(&h);
    click_tab(&mut h, "Board");
    h.key_press(Key::N);
    type_text(&mut h, "n");
    press(&mut h, Key::PageDown);
    assert_eq!(current_phase(&h), first);
}

#[test]
fn countdown_starts_pauses_extends_and_resets_without_sleeping() {
    let (_dir, mut h) = lab_app("timer");
    h.get_by_label("Timebox 20:00");
    h.get_by_label("Start timer").click();
    // Frames advance egui's clock by 1/60 s each: three seconds of frames, no real waiting.
    h.run_steps(181);
    h.get_by_label("Time left 19:57");
    h.get_by_label("Pause timer").click();
    h.run();
    h.run_steps(300);
    h.get_by_label("Paused 19:57");
    h.get_by_label("+1 min").click();
    h.run();
    h.get_by_label("Paused 20:57");
    h.get_by_label("Reset timer").click();
    h.run();
    h.get_by_label("Timebox 20:00");
    // A running timer asks for a frame once a second, not every frame: run() still settles.
    h.get_by_label("Start timer").click();
    h.run();
    assert!(open_session(&h).lab.timer.is_running());
}

#[test]
fn time_up_is_shown_and_overtime_counts() {
    let dir = temp_dir("overtime");
    let path = dir.join("short.ron");
    let mut session = council::council_session();
    session.lab.phases[5].timebox_secs = 60;
    save_file(&path, &session).unwrap();
    let mut h = app_with(&dir, Some(path));
    settle(&mut h);
    h.get_by_label("Timebox 1:00");
    h.get_by_label("Start timer").click();
    h.run_steps(60 * 61 + 30);
    h.get_by_label("Time's up, over by 0:01");
    h.get_by_label("+1 min").click();
    h.run();
    assert!(
        h.query_by_label_contains("Time's up").is_none(),
        "a minute more ends the alarm"
    );
}

#[test]
fn new_notes_record_the_phase_and_the_board_can_show_one_phase() {
    let (_dir, mut h) = lab_app("note-phase");
    click_tab(&mut h, "Board");
    capture_notes(&mut h, &["A vision note"]);
    press(&mut h, Key::PageDown);
    press(&mut h, Key::PageDown);
    capture_notes(&mut h, &["An idea"]);
    let vision = phase_named(&h, "Vision and outcomes");
    let ideas = phase_named(&h, "Ideas");
    let notes = &open_session(&h).session.notes;
    assert_eq!(notes[0].phase, Some(vision));
    assert_eq!(notes[1].phase, Some(ideas));

    click(&mut h, "Notes shown on the board");
    click(&mut h, "This phase's notes (follows the room)");
    assert_eq!(open_session(&h).canvas.phase_filter, Some(ideas));
    assert!(h.query_by_label("An idea").is_some());
    assert!(
        h.query_by_label("A vision note").is_none(),
        "other phases are hidden"
    );
    press(&mut h, Key::PageUp);
    h.run();
    assert_eq!(
        open_session(&h).canvas.phase_filter,
        current_phase(&h),
        "follows the room"
    );
    // One particular phase, whichever phase the room is in.
    click(&mut h, "Notes shown on the board");
    click(&mut h, "1. Vision and outcomes");
    press(&mut h, Key::PageDown);
    assert_eq!(
        open_session(&h).canvas.phase_filter,
        Some(vision),
        "stays on that phase"
    );
    assert!(h.query_by_label("A vision note").is_some());
    assert!(h.query_by_label("An idea").is_none());
    click(&mut h, "Notes shown on the board");
    click(&mut h, "All notes");
    assert_eq!(open_session(&h).canvas.phase_filter, None);
    assert!(h.query_by_label("A vision note").is_some());
    assert!(h.query_by_label("An idea").is_some());
}

#[test]
fn plan_screen_records_vision_outcomes_and_participants() {
    let (_dir, mut h) = lab_app("plan");
    click_tab(&mut h, "Vision & outcomes");
    click(&mut h, "Vision statement");
    type_text(&mut h, "Services online for everyone");
    press(&mut h, Key::Enter);
    assert_eq!(
        open_session(&h).session.lab.vision,
        "Services online for everyone"
    );

    h.get_by_label("+ Add outcome").click();
    h.run();
    type_text(&mut h, "Repairs reported online");
    press(&mut h, Key::Enter);
    h.get_by_label("Outcome 1 by when").click();
    h.run();
    type_text(&mut h, "March 2027");
    press(&mut h, Key::Enter);
    let outcome = open_session(&h).session.lab.outcomes[0].clone();
    assert_eq!(outcome.text, "Repairs reported online");
    assert_eq!(
        outcome.by_when,
        Some(council::date(2027, 3, 31)),
        "end of the month"
    );

    click(&mut h, "+ Add participant");
    type_text(&mut h, "Asha Patel");
    press(&mut h, Key::Enter);
    click(&mut h, "Service area of Asha Patel");
    type_text(&mut h, "Housing");
    press(&mut h, Key::Enter);
    let person = open_session(&h).session.participants[0].clone();
    assert_eq!(person.name, "Asha Patel");
    assert_eq!(person.service_area, "Housing");
    // The level combo box: open it, choose Manager.
    click(&mut h, "Level of Asha Patel");
    click(&mut h, "Manager");
    assert_eq!(
        open_session(&h).session.participants[0].level,
        Some(Level::Manager)
    );
}

#[test]
fn a_bad_date_keeps_what_was_typed_says_why_and_changes_nothing() {
    let (_dir, mut h) = lab_app("bad-date");
    click_tab(&mut h, "Vision & outcomes");
    h.get_by_label("+ Add outcome").click();
    h.run();
    type_text(&mut h, "Paperless");
    press(&mut h, Key::Enter);
    h.get_by_label("Outcome 1 by when").click();
    h.run();
    type_text(&mut h, "31 February 2027");
    press(&mut h, Key::Enter);
    assert_eq!(open_session(&h).session.lab.outcomes[0].by_when, None);
    h.get_by_label("There is no such day: February 2027 has 28 days.");
    // The ambiguous one offers both readings; clicking one sets it.
    h.get_by_label("Outcome 1 by when").click();
    h.run();
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "03/04/2027");
    press(&mut h, Key::Enter);
    assert_eq!(open_session(&h).session.lab.outcomes[0].by_when, None);
    h.get_by_label(
        "Is that 3 April 2027 or 4 March 2027? Type the month as a word, e.g. 3 April 2027.",
    );
    h.get_by_label("3 April 2027").click();
    h.run();
    assert_eq!(
        open_session(&h).session.lab.outcomes[0].by_when,
        Some(council::date(2027, 4, 3))
    );
    assert!(
        h.query_by_label("3 April 2027").is_none() || h.query_by_label("4 March 2027").is_none()
    );
}

#[test]
fn creating_an_action_from_a_theme() {
    let (_dir, mut h) = lab_app("action-from-theme");
    click_tab(&mut h, "Actions");
    h.get_by_label("Create action from Data").click();
    h.run();
    type_text(&mut h, "Publish a data standard");
    press(&mut h, Key::Enter);
    let data = open_session(&h).session.themes[0].id;
    let action = open_session(&h).session.lab.actions[0].clone();
    assert_eq!(action.description, "Publish a data standard");
    assert_eq!(action.theme, Some(data));

    click(&mut h, "Action 1 due date");
    type_text(&mut h, "28/02/2027");
    press(&mut h, Key::Enter);
    assert_eq!(
        open_session(&h).session.lab.actions[0].due,
        Some(council::date(2027, 2, 28))
    );
    // Owner: someone not in the room, typed as a name.
    click(&mut h, "Owner of action 1");
    click(&mut h, "Someone else…");
    type_text(&mut h, "Head of ICT");
    press(&mut h, Key::Enter);
    assert_eq!(
        open_session(&h).session.lab.actions[0].owner,
        Some(Owner::Named("Head of ICT".to_owned()))
    );
    // Each step was one undo.
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(open_session(&h).session.lab.actions[0].owner, None);
}

#[test]
fn golden_thread_screen_flags_the_breaks() {
    let dir = temp_dir("thread-screen");
    let path = dir.join("northfield.ron");
    let mut session = council::council_session();
    session.lab.actions[0].owner = None;
    save_file(&path, &session).unwrap();
    let mut h = app_with(&dir, Some(path));
    settle(&mut h);
    click_tab(&mut h, "Golden thread");
    h.get_by_label("1 break in the golden thread");
    h.get_by_label("⚠ “Publish a shared data standard for resident records” has no owner.");
    h.get_by_label("Housing\u{a0}3, ICT\u{a0}3");
}

#[test]
fn export_asks_where_offers_show_in_folder_and_never_overwrites_without_asking() {
    let dir = temp_dir("export-menu");
    let path = dir.join("northfield.ron");
    save_file(&path, &council::council_session()).unwrap();
    let mut h = app_with(&dir, Some(path));
    settle(&mut h);
    let exports = dir.join("Documents");
    h.state_mut().set_export_dir(exports.clone());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Export report…").click();
    h.run();
    // Without a native dialog, a typed path, starting in the export folder (Documents).
    let offered = match h.state().dialog() {
        Some(Dialog::PathPrompt { text, .. }) => text.clone(),
        other => panic!("Export should ask where, got {other:?}"),
    };
    assert_eq!(offered, exports.join("northfield.md").display().to_string());
    press(&mut h, Key::Enter);
    settle(&mut h); // The file is written on a background thread.
    let report = exports.join("northfield.md");
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(text.starts_with("# Northfield digital strategy lab\n"));
    let notice = h
        .state()
        .notices()
        .all()
        .iter()
        .find(|n| n.text.starts_with("Exported to"))
        .cloned()
        .expect("a notice says where");
    assert_eq!(
        notice.action.map(|(_, c)| c),
        Some(Command::ShowInFolder(report.clone())),
        "it offers Show in folder"
    );
    h.get_by_label("Show in folder");

    std::fs::write(&report, "edited by hand").unwrap();
    h.state_mut()
        .run(Action::Export(goldthread::export::Format::Markdown));
    h.run();
    press(&mut h, Key::Enter);
    assert!(matches!(
        h.state().dialog(),
        Some(Dialog::ConfirmExport { .. })
    ));
    h.get_by_label("Keep it").click();
    h.run();
    assert!(h.state().dialog().is_none());
    assert_eq!(
        std::fs::read_to_string(&report).unwrap(),
        "edited by hand",
        "kept"
    );

    h.state_mut()
        .run(Action::Export(goldthread::export::Format::Markdown));
    h.run();
    press(&mut h, Key::Enter);
    h.get_by_label("Replace").click();
    h.run();
    settle(&mut h);
    assert_eq!(std::fs::read_to_string(&report).unwrap(), text);
}

#[test]
fn a_broken_user_template_is_reported_and_the_rest_are_offered() {
    let dir = temp_dir("template-broken-ui");
    std::fs::create_dir_all(dir.join("templates")).unwrap();
    std::fs::write(dir.join("templates").join("oops.ron"), "(name: ").unwrap();
    let mut h = app(&dir);
    press_with(&mut h, Modifiers::COMMAND, Key::N);
    // The user's templates are read off the UI thread.
    settle(&mut h);
    assert!(
        h.state()
            .notices()
            .all()
            .iter()
            .any(|n| n.is_error && n.text.starts_with("Template oops.ron was skipped: line 1")),
        "the broken template is named"
    );
    h.get_by_label("Template: Retrospective").click();
    h.run();
    press(&mut h, Key::Enter);
    settle(&mut h);
    assert_eq!(
        open_session(&h).session.lab.phases[0].name,
        "What went well"
    );
}

#[test]
fn a_note_can_carry_its_author_or_stay_anonymous() {
    let dir = temp_dir("note-author");
    let path = dir.join("northfield.ron");
    save_file(&path, &council::council_session()).unwrap();
    let mut h = app_with(&dir, Some(path));
    settle(&mut h);
    capture_notes(&mut h, &["Nobody's idea"]);
    h.key_press(Key::N);
    type_text(&mut h, "n");
    click(&mut h, "Written by");
    click(&mut h, "Asha Patel (Housing)");
    type_text(&mut h, "Asha's idea");
    press(&mut h, Key::Enter);
    let notes = &open_session(&h).session.notes;
    let last = &notes[notes.len() - 1];
    assert_eq!(last.text, "Asha's idea");
    assert_eq!(last.author, Some(goldthread::model::ParticipantId(1)));
    assert_eq!(
        notes[notes.len() - 2].author,
        None,
        "anonymous unless chosen"
    );
    assert_eq!(last.phase, Some(PhaseId(6)), "and the phase the room is in");
}

#[test]
fn the_author_of_notes_on_the_board_can_be_set_and_cleared_from_the_selection_bar() {
    let dir = temp_dir("set-author");
    let path = dir.join("northfield.ron");
    save_file(&path, &council::council_session()).unwrap();
    let mut h = app_with(&dir, Some(path.clone()));
    settle(&mut h);
    capture_notes(&mut h, &["Written anonymously", "Also anonymous"]);
    let author_of = |h: &H, text: &str| {
        open_session(h)
            .session
            .notes
            .iter()
            .find(|n| n.text == text)
            .expect(text)
            .author
    };
    let asha = Some(goldthread::model::ParticipantId(1));
    let tom = Some(goldthread::model::ParticipantId(2));

    // One note: choose its author afterwards.
    h.get_by_role_and_label(egui::Role::Button, "Written anonymously")
        .click();
    h.run();
    click(&mut h, "Author of the selected note");
    click(&mut h, "Asha Patel (Housing)");
    assert_eq!(author_of(&h, "Written anonymously"), asha);
    assert_eq!(author_of(&h, "Also anonymous"), None);
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(author_of(&h, "Written anonymously"), None, "one undo step");
    press_with(&mut h, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    assert_eq!(author_of(&h, "Written anonymously"), asha);

    // Two notes with different authors: the bar says so, and one choice sets both.
    h.get_by_role_and_label(egui::Role::Button, "Also anonymous")
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    assert_eq!(open_session(&h).canvas.selection.len(), 2);
    let picker = |h: &H| {
        h.get_by_label("Author of the selected notes")
            .value()
            .unwrap_or_default()
    };
    assert_eq!(picker(&h), "Several authors");
    click(&mut h, "Author of the selected notes");
    click(&mut h, "Tom Reid (Housing)");
    assert_eq!(author_of(&h, "Written anonymously"), tom);
    assert_eq!(author_of(&h, "Also anonymous"), tom);
    assert_eq!(picker(&h), "By Tom Reid");

    // Clearing makes them anonymous again, in one step that Ctrl+Z undoes.
    click(&mut h, "Author of the selected notes");
    click(&mut h, "Anonymous");
    assert_eq!(author_of(&h, "Written anonymously"), None);
    assert_eq!(author_of(&h, "Also anonymous"), None);
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(author_of(&h, "Written anonymously"), tom);
    assert_eq!(author_of(&h, "Also anonymous"), tom);

    // It is saved with the session.
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    let saved = goldthread::storage::load_file(&path).unwrap().session;
    let by_text = |text: &str| saved.notes.iter().find(|n| n.text == text).unwrap().author;
    assert_eq!(by_text("Written anonymously"), tom);
    assert_eq!(by_text("Also anonymous"), tom);
}

#[test]
fn without_participants_the_selection_bar_offers_no_author() {
    let (_dir, mut h) = app_with_new_session("no-author-picker");
    capture_notes(&mut h, &["Just an idea"]);
    h.get_by_role_and_label(egui::Role::Button, "Just an idea")
        .click();
    h.run();
    h.get_by_label("Make theme");
    assert!(
        h.query_by_label("Author of the selected note").is_none(),
        "nobody to choose from"
    );
}

/// Fills in action `number` (1-based, board in order added): description is already typed.
fn finish_action(h: &mut H, number: usize, owner: &str, due: &str, outcome: &str) {
    click(h, &format!("Owner of action {number}"));
    click(h, "Someone else…");
    type_text(h, owner);
    press(h, Key::Enter);
    click(h, &format!("Action {number} due date"));
    type_text(h, due);
    press(h, Key::Enter);
    click(h, &format!("Outcome of action {number}"));
    click(h, outcome);
}

/// The "done when", as a new user would do it: from the template, run all six phases
/// with the timer, record a vision and two dated outcomes, end with three actions linked to the
/// themes, export a report, save.
#[test]
fn a_whole_lab_from_template_to_report() {
    let (dir, mut h) = lab_app("whole-lab");
    // Phase 1: vision and outcomes.
    h.get_by_label("Start timer").click();
    h.run();
    click_tab(&mut h, "Vision & outcomes");
    click(&mut h, "Vision statement");
    type_text(&mut h, "Every resident served well online");
    press(&mut h, Key::Enter);
    for (i, (text, date)) in [
        ("Repairs online", "31 March 2027"),
        ("One view of cases", "30/09/2027"),
    ]
    .into_iter()
    .enumerate()
    {
        click(&mut h, "+ Add outcome");
        type_text(&mut h, text);
        press(&mut h, Key::Enter);
        click(&mut h, &format!("Outcome {} by when", i + 1));
        type_text(&mut h, date);
        press(&mut h, Key::Enter);
    }
    // Phases 2 and 3 on the Board, capturing notes; then Themes, Vote and Actions.
    click_tab(&mut h, "Board");
    h.get_by_label("Next phase").click();
    h.run();
    capture_notes(&mut h, &["Systems don't talk"]);
    press(&mut h, Key::PageDown);
    capture_notes(&mut h, &["Shared data standard", "Innovation hour"]);
    for _ in 0..3 {
        h.get_by_label("Next phase").click();
        h.run();
    }
    assert_eq!(
        current_phase(&h),
        Some(phase_named(&h, "Actions")),
        "all six phases run"
    );

    click_tab(&mut h, "Actions");
    let plan = [
        (
            "Data",
            "Publish a data standard",
            "Head of ICT",
            "28/02/2027",
            "One view of cases",
        ),
        (
            "Culture",
            "Start an innovation hour",
            "Chief Executive",
            "January 2027",
            "One view of cases",
        ),
        (
            "Infrastructure",
            "Fix office wifi",
            "ICT team",
            "15 March 2027",
            "Repairs online",
        ),
    ];
    for (i, (theme, what, who, due, outcome)) in plan.into_iter().enumerate() {
        click(&mut h, &format!("Create action from {theme}"));
        type_text(&mut h, what);
        press(&mut h, Key::Enter);
        finish_action(&mut h, i + 1, who, due, outcome);
    }
    let s = &open_session(&h).session;
    assert_eq!(s.lab.actions.len(), 3);
    for (action, theme) in s.lab.actions.iter().zip(&s.themes) {
        assert_eq!(action.theme, Some(theme.id));
        assert!(action.real_owner().is_some() && action.due.is_some() && action.outcome.is_some());
    }

    click_tab(&mut h, "Golden thread");
    h.get_by_label("The golden thread is unbroken");

    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Export report…").click();
    h.run();
    press(&mut h, Key::Enter); // The place offered: the export folder.
    settle(&mut h); // The file is written on a background thread.
    let report = std::fs::read_to_string(dir.join("innovation-lab-2026-11-22.md")).unwrap();
    assert!(report.contains("> Every resident served well online"));
    assert!(report.contains("1. Repairs online (by 31 March 2027)"));
    assert!(report.contains("2. One view of cases (by 30 September 2027)"));
    assert!(report.contains(
        "| Start an innovation hour | Chief Executive | 31 January 2027 | Culture | One view of cases |"
    ));
    assert!(report.contains("## Gaps in the golden thread\n\nNone."));

    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    let saved = goldthread::storage::load_file(&dir.join("innovation-lab-2026-11-22.ron")).unwrap();
    assert_eq!(
        saved.session.lab,
        open_session(&h).session.lab,
        "all of it is in the file"
    );
    assert_eq!(saved.session.notes[1].phase, Some(phase_named(&h, "Ideas")));
}

#[test]
fn a_date_can_be_picked_from_a_calendar() {
    let (_dir, mut h) = lab_app("calendar");
    click_tab(&mut h, "Vision & outcomes");
    click(&mut h, "+ Add outcome");
    type_text(&mut h, "Paperless");
    press(&mut h, Key::Enter);
    // Opens on the workshop's month, November 2026; four months on is March 2027.
    click(&mut h, "Pick date for Outcome 1 by when");
    h.get_by_label("November 2026");
    for _ in 0..4 {
        h.get_by_label("Next month").click();
        h.run();
    }
    h.get_by_label("31 March 2027").click();
    h.run();
    assert_eq!(
        open_session(&h).session.lab.outcomes[0].by_when,
        Some(council::date(2027, 3, 31))
    );
    assert!(
        h.query_by_label("Next month").is_none(),
        "the calendar closes"
    );
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        open_session(&h).session.lab.outcomes[0].by_when,
        None,
        "one undo step"
    );
}

#[test]
fn the_actions_board_sorts_by_due_date_owner_and_theme() {
    let dir = temp_dir("sort-actions");
    let path = dir.join("northfield.ron");
    let mut session = council::council_session();
    session.lab.actions[0].due = Some(council::date(2027, 12, 1));
    session.lab.actions[2].theme = Some(council::CULTURE);
    save_file(&path, &session).unwrap();
    let mut h = app_with(&dir, Some(path));
    settle(&mut h);
    click_tab(&mut h, "Actions");
    let rows = |h: &H| -> Vec<String> {
        (1..=3)
            .map(|i| {
                h.get_by_label(&format!("Action {i}"))
                    .value()
                    .unwrap_or_default()
            })
            .collect()
    };
    let [standard, pilot, drop_ins] = [
        "Publish a shared data standard for resident records",
        "Launch the online repairs pilot on three estates",
        "Run digital skills drop-ins for front-line staff",
    ];
    assert_eq!(rows(&h), [standard, pilot, drop_ins], "order added");
    click(&mut h, "Sort by due date");
    assert_eq!(rows(&h), [pilot, drop_ins, standard], "soonest first");
    click(&mut h, "Sort by owner");
    // Gareth Jones, Learning and Development team, Tom Reid.
    assert_eq!(rows(&h), [standard, drop_ins, pilot], "by owner's name");
    click(&mut h, "Sort by theme");
    // Data, Culture, Online services in theme list order.
    assert_eq!(rows(&h), [standard, drop_ins, pilot], "by theme");
    click(&mut h, "Sort by order added");
    assert_eq!(rows(&h), [standard, pilot, drop_ins]);
}

#[test]
fn an_export_that_cannot_be_written_says_why_and_loses_nothing() {
    let dir = temp_dir("export-fails");
    let path = dir.join("northfield.ron");
    save_file(&path, &council::council_session()).unwrap();
    let before = std::fs::read(&path).unwrap();
    // A folder is in the way of the report.
    std::fs::create_dir_all(dir.join("northfield.md")).unwrap();
    let mut h = app_with(&dir, Some(path.clone()));
    settle(&mut h);
    h.state_mut()
        .run(Action::Export(goldthread::export::Format::Markdown));
    h.run();
    press(&mut h, Key::Enter); // The path offered.
    h.get_by_label("Replace").click();
    h.run();
    settle(&mut h);
    let error = h
        .state()
        .notices()
        .all()
        .iter()
        .find(|n| n.is_error)
        .map(|n| n.text.clone())
        .expect("an error notice");
    assert!(error.contains("Could not write"), "{error}");
    assert!(error.contains("northfield.md"), "{error}");
    assert!(
        dir.join("northfield.md").is_dir(),
        "the folder is untouched"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the session file is untouched"
    );
    assert!(
        h.state()
            .open
            .as_ref()
            .is_some_and(|o| o.session.notes.len() == 40),
        "the open session is untouched"
    );
}
