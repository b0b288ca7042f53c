//! Protects a secret ballot passed round the room and the choice of the vote that counts: the
//! handover screen has no one-click Reveal (the facilitator confirms, told how many have voted),
//! a voter can open a theme's notes, options beyond nine are reached by keyboard, and the
//! facilitator chooses on the Vote tab which vote sets the priorities (one undo step), which the
//! Actions tab then names.

mod common;
#[path = "common/vote_lab.rs"]
mod vote_lab;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goldthread::Session;
use goldthread::model::{ParticipantId, RoundState, ThemeId, VoteOption, Voter};
use goldthread::ui::GoldthreadApp;
use vote_lab::{click, key, vote_lab, vote_session};

type App = Harness<'static, GoldthreadApp>;

const PEOPLE: [&str; 4] = ["Ana", "Ben", "Chloe", "Dev"];

/// A saved session with `themes` themes ("Theme 1"…, a note "Theme N idea" in each) and four
/// people, open on the Vote screen.
fn app_on_vote_screen(name: &str, themes: u64) -> (TempDir, App) {
    let names: Vec<String> = (1..=themes).map(|i| format!("Theme {i}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    vote_lab(
        name,
        "secret-lab.ron",
        &vote_session("Secret lab", &names, &PEOPLE),
    )
}

fn session(h: &App) -> &Session {
    &open_session(h).session
}

fn state(h: &App) -> RoundState {
    session(h).voting.current().unwrap().state
}

fn start_vote(h: &mut App, mode: &str) {
    click(h, mode);
    click(h, "Start the vote");
    assert_eq!(state(h), RoundState::Open);
}

#[test]
fn the_handover_screen_has_no_one_click_reveal() {
    let (_dir, mut h) = app_on_vote_screen("handover", 4);
    start_vote(&mut h, "Pass the laptop");
    // Ana votes and hands on.
    key(&mut h, Key::Enter);
    key(&mut h, Key::Num1);
    key(&mut h, Key::Enter);
    h.get_by_label("Pass the laptop to the next person.");
    assert!(
        h.query_by_label("Reveal results").is_none()
            && h.query_by_label("Reveal results…").is_none(),
        "no Reveal button in reach of the next voter"
    );

    // The facilitator's controls are folded away; Reveal asks first, saying how many voted.
    click(&mut h, "Facilitator");
    click(&mut h, "Reveal results…");
    h.get_by_label("1 of 4 have voted. Reveal now?");
    assert_eq!(state(&h), RoundState::Open, "asking is not revealing");
    click(&mut h, "Not yet");
    assert!(h.query_by_label("1 of 4 have voted. Reveal now?").is_none());
    assert_eq!(state(&h), RoundState::Open);

    // Esc also says not yet.
    click(&mut h, "Reveal results…");
    key(&mut h, Key::Escape);
    assert!(h.query_by_label_contains("Reveal now?").is_none());
    assert_eq!(state(&h), RoundState::Open);

    click(&mut h, "Reveal results…");
    click(&mut h, "Reveal now");
    assert_eq!(state(&h), RoundState::Revealed);
    h.get_by_label("1. Theme 1: 1 dot");
    // Tied ranks are ties, even at zero.
    h.get_by_label("2. Theme 2: 0 dots, tied");
}

#[test]
fn a_voter_can_open_a_theme_s_notes_on_the_ballot() {
    let (_dir, mut h) = app_on_vote_screen("ballot-notes", 4);
    start_vote(&mut h, "Pass the laptop");
    key(&mut h, Key::Enter);
    h.get_by_label("Ana, place your dots");
    assert!(h.query_by_label("• Theme 2 idea").is_none());
    click(&mut h, "Show the notes of Theme 2");
    h.get_by_label("• Theme 2 idea");
    assert!(
        h.query_by_label("• Theme 1 idea").is_none(),
        "only that theme opens"
    );
    click(&mut h, "Hide the notes of Theme 2");
    assert!(h.query_by_label("• Theme 2 idea").is_none());

    // What one voter opened is closed again for the next.
    click(&mut h, "Show the notes of Theme 3");
    key(&mut h, Key::Enter);
    key(&mut h, Key::Enter);
    h.get_by_label("Ben, place your dots");
    assert!(h.query_by_label("• Theme 3 idea").is_none());
}

#[test]
fn options_beyond_nine_are_reached_by_keyboard() {
    let (_dir, mut h) = app_on_vote_screen("beyond-nine", 12);
    start_vote(&mut h, "Pass the laptop");
    key(&mut h, Key::Enter);
    // ↓ goes to option 1 first, then on: eleven presses reach option 11.
    for _ in 0..11 {
        key(&mut h, Key::ArrowDown);
    }
    key(&mut h, Key::Plus);
    let ana = Voter::Person(ParticipantId(1));
    let dots = |h: &App, t: u64| {
        session(h)
            .voting
            .current()
            .unwrap()
            .dots(ana, VoteOption::Theme(ThemeId(t)))
    };
    assert_eq!(dots(&h, 11), 1);
    h.get_by_label("Theme 11: 1 of your dots");
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::ArrowDown); // Stops at the last option.
    key(&mut h, Key::Plus);
    assert_eq!(dots(&h, 12), 1);
    key(&mut h, Key::Minus);
    assert_eq!(dots(&h, 12), 0, "minus takes it back");
    key(&mut h, Key::ArrowUp);
    key(&mut h, Key::Plus);
    assert_eq!(
        dots(&h, 11),
        1,
        "one dot per option at most, refused with a message"
    );
    h.get_by_label_contains("at most 1");
}

#[test]
fn the_facilitator_chooses_the_vote_that_sets_the_priorities() {
    let (_dir, mut h) = app_on_vote_screen("counting", 3);
    start_vote(&mut h, "Pass the laptop");
    for _ in 0..4 {
        key(&mut h, Key::Enter);
        key(&mut h, Key::Num1);
        key(&mut h, Key::Enter);
    }
    key(&mut h, Key::Enter);
    click(&mut h, "Reveal now");
    let main = session(&h).voting.current().unwrap().id;
    let main_line = "Vote 1 · Dot vote on the themes: 4 people, 3 dots each";
    h.get_by_label("The vote that sets the theme priorities");
    h.get_by_label(main_line);

    // Then a show of hands that puts Theme 3 first.
    click(&mut h, "New vote…");
    click(&mut h, "Tally the room");
    click(&mut h, "Raised hands (a show of hands)");
    click(&mut h, "Start the vote");
    for _ in 0..3 {
        key(&mut h, Key::Num3);
    }
    h.get_by_label("Theme 3: 3 hands counted");
    click(&mut h, "Reveal results");
    h.get_by_label("1. Theme 3: 3 hands");
    assert_eq!(
        session(&h).voting.counting_round().map(|r| r.id),
        Some(main),
        "the main dot vote still counts"
    );

    let hands_line = "Vote 2 · Show of hands on the themes: 4 people, up to 3 votes each";
    click(&mut h, hands_line);
    let show = session(&h).voting.current().unwrap().id;
    assert_eq!(session(&h).voting.counting, Some(show));
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(session(&h).voting.counting, None, "one undo step");
    assert_eq!(
        session(&h).voting.counting_round().map(|r| r.id),
        Some(main)
    );

    // The Actions tab and the golden thread say which vote their ranking comes from.
    click(&mut h, "Actions");
    h.get_by_label_contains("Dot vote on the themes: 4 people, 3 dots each.");
    click(&mut h, "Golden thread");
    h.get_by_label("Dot vote on the themes: 4 people, 3 dots each.");
}
