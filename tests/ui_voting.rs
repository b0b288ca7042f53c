//! Protects dot voting as a facilitator runs it on one laptop: setting up a vote, passing the
//! laptop (no one sees anyone else's dots), scribe entry, tallying the room, the reveal, a
//! runoff on a tie, bad input answered with a clear message, and a vote that survives saving
//! and reopening from the library.

mod common;
#[path = "common/vote_lab.rs"]
mod vote_lab;

use common::*;
use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goldthread::model::{
    Participant, ParticipantId, RoundState, ThemeId, VoteMode, VoteOption, Voter,
};
use goldthread::ui::GoldthreadApp;
use goldthread::{CanvasPos, Edit, Note, NoteColour, NoteId, Session};
use vote_lab::{click, key, vote_lab, vote_session};

type App = Harness<'static, GoldthreadApp>;

const THEMES: [&str; 8] = [
    "Open data",
    "Digital skills",
    "One front door",
    "Cyber security",
    "Paperless",
    "Joined-up care",
    "Smart streets",
    "Tech hubs",
];
const PEOPLE: [&str; 6] = ["Ana", "Ben", "Chloe", "Dev", "Esi", "Finn"];

/// A library holding one saved session with eight themes (a note in each) and six people,
/// and the app with that session open on the Vote screen.
fn app_on_vote_screen(name: &str) -> (TempDir, App) {
    vote_lab(
        name,
        "strategy-lab.ron",
        &vote_session("Strategy lab", &THEMES, &PEOPLE),
    )
}

fn open_vote_tab(h: &mut App) {
    h.get_by_label("Vote").click();
    h.run();
    h.run();
}

fn session(h: &App) -> &Session {
    &open_session(h).session
}

fn theme(i: u64) -> VoteOption {
    VoteOption::Theme(ThemeId(i))
}

/// Chooses a way of voting in the setup form and starts the vote.
fn start_vote(h: &mut App, mode: &str) {
    click(h, mode);
    click(h, "Start the vote");
    let round = session(h).voting.current().expect("the vote started");
    assert_eq!(round.state, RoundState::Open);
}

/// Passes the laptop to the next person (Enter), presses their options' number keys, and
/// confirms with Enter.
fn next_person_votes(h: &mut App, keys: &[Key]) {
    key(h, Key::Enter);
    for k in keys {
        key(h, *k);
    }
    key(h, Key::Enter);
}

/// Reveals a pass-the-laptop vote as the facilitator does: opens the folded Facilitator
/// controls, asks to reveal, and confirms where the screen says how many have voted.
fn reveal_laptop_vote(h: &mut App, voted: &str) {
    click(h, "Facilitator");
    click(h, "Reveal results…");
    h.get_by_label(&format!("{voted} have voted. Reveal now?"));
    click(h, "Reveal now");
}

#[test]
fn passing_the_laptop_the_next_voter_sees_none_of_the_last_voter_s_dots() {
    let (_dir, mut h) = app_on_vote_screen("laptop");
    start_vote(&mut h, "Pass the laptop");

    // Ana takes the laptop (Enter picks the first person still to vote).
    key(&mut h, Key::Enter);
    h.get_by_label("Ana, place your dots");
    click(&mut h, "Add a dot to Open data");
    key(&mut h, Key::Num3);
    h.get_by_label("Open data: 1 of your dots");
    h.get_by_label("One front door: 1 of your dots");
    h.get_by_label("1 dot left of 3");
    let round = session(&h).voting.current().unwrap();
    assert_eq!(round.used(session(&h), Voter::Person(ParticipantId(1))), 2);
    click(&mut h, "Done: hide my dots");
    assert!(
        session(&h)
            .voting
            .current()
            .unwrap()
            .is_done(ParticipantId(1))
    );

    // The handover screen shows no dots at all.
    h.get_by_label("Pass the laptop to the next person.");
    assert!(h.query_by_label_contains("of your dots").is_none());
    assert!(h.query_by_label_contains("dots counted").is_none());

    // Ben's screen is clean: every option shows none of his dots, and nothing of Ana's.
    click(&mut h, "Ben");
    h.get_by_label("Ben, place your dots");
    h.get_by_label("3 dots left of 3");
    for t in THEMES {
        h.get_by_label(&format!("{t}: 0 of your dots"));
    }
    assert!(h.query_by_label_contains("1 of your dots").is_none());
    // Ben pressing Ctrl+Z cannot reach into Ana's confirmed ballot.
    let boxed = session(&h).voting.clone();
    for _ in 0..3 {
        press_with(&mut h, Modifiers::COMMAND, Key::Z);
    }
    assert_eq!(session(&h).voting, boxed);
    // Ana's name cannot be chosen again, until the facilitator reopens her ballot.
    click(&mut h, "Back to the names");
    click(&mut h, "✓ Ana");
    assert!(h.query_by_label("Ana, place your dots").is_none());
    h.get_by_label("Ana has voted. Right-click the name to reopen their ballot.");
    h.get_by_label("✓ Ana").click_secondary();
    h.run();
    click(&mut h, "Reopen Ana's ballot");
    assert!(
        !session(&h)
            .voting
            .current()
            .unwrap()
            .is_done(ParticipantId(1))
    );
    click(&mut h, "Ana");
    h.get_by_label("Open data: 1 of your dots");
}

#[test]
fn the_budget_and_the_per_option_limit_answer_with_a_clear_message() {
    let (_dir, mut h) = app_on_vote_screen("budget");
    start_vote(&mut h, "Pass the laptop");
    key(&mut h, Key::Enter);
    click(&mut h, "Add a dot to Open data");
    click(&mut h, "Add a dot to Open data");
    h.get_by_label("At most 1 dot per option in this vote.");
    for t in ["Digital skills", "Paperless", "Tech hubs"] {
        click(&mut h, &format!("Add a dot to {t}"));
    }
    h.get_by_label("All 3 dots are placed. Take one back to move it.");
    let round = session(&h).voting.current().unwrap();
    let ana = Voter::Person(ParticipantId(1));
    assert_eq!(round.used(session(&h), ana), 3, "no dot beyond the budget");
    assert_eq!(round.dots(ana, theme(8)), 0);
    // Shift+1 takes a dot back; undo puts it back.
    h.key_press_modifiers(Modifiers::SHIFT, Key::Num1);
    h.run();
    assert_eq!(session(&h).voting.current().unwrap().dots(ana, theme(1)), 0);
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(session(&h).voting.current().unwrap().dots(ana, theme(1)), 1);
}

#[test]
fn scribe_entry_from_the_keyboard() {
    let (_dir, mut h) = app_on_vote_screen("scribe");
    start_vote(&mut h, "Scribe");
    assert_eq!(
        session(&h).voting.current().unwrap().settings.mode,
        VoteMode::Scribe
    );
    // Ana is first: her option-2 dot by number key.
    key(&mut h, Key::Num2);
    // Enter moves to the next person: Ben's dot on option 5.
    key(&mut h, Key::Enter);
    key(&mut h, Key::Num5);
    // The quick-entry line: "Chloe 4 1", then a line naming no one.
    click(&mut h, "Quick entry");
    type_text(&mut h, "chl 4 1");
    key(&mut h, Key::Enter);
    click(&mut h, "Quick entry");
    type_text(&mut h, "Zoe 1 1");
    key(&mut h, Key::Enter);
    h.get_by_label("No one in this vote is called \"zoe\".");

    let round = session(&h).voting.current().unwrap();
    let dots = |p: u64, o: u64| round.dots(Voter::Person(ParticipantId(p)), theme(o));
    assert_eq!(dots(1, 2), 1);
    assert_eq!(dots(2, 5), 1);
    assert_eq!(dots(3, 4), 1);
    assert_eq!(
        round.totals().values().sum::<u32>(),
        3,
        "the bad line changed nothing"
    );
}

#[test]
fn tally_the_room_shows_the_counts_unless_hidden_and_every_dot_undoes() {
    let (_dir, mut h) = app_on_vote_screen("tally");
    start_vote(&mut h, "Tally the room");
    assert!(session(&h).voting.current().unwrap().settings.secret);
    key(&mut h, Key::Num1);
    key(&mut h, Key::Num1);
    click(&mut h, "Add a dot to Digital skills");
    // The facilitator sees the counts as they enter them, even for a secret vote.
    h.get_by_label("Open data: 2 dots counted");
    h.get_by_label("3 of 18 dots entered for 6 people");
    click(&mut h, "Hide the counts on screen");
    h.get_by_label("Open data: dots hidden");
    click(&mut h, "Hide the counts on screen");
    h.get_by_label("Open data: 2 dots counted");
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    h.get_by_label("Open data: 2 dots counted");
    h.get_by_label("Digital skills: 0 dots counted");
}

#[test]
fn a_secret_vote_for_six_on_eight_themes_revealed_run_off_saved_and_reopened() {
    let (dir, mut h) = app_on_vote_screen("done-when");
    type_text(&mut h, "");
    click(&mut h, "Question");
    type_text(&mut h, "Which themes first?");
    start_vote(&mut h, "Pass the laptop");
    assert!(session(&h).voting.current().unwrap().settings.secret);

    // Three people put a dot on Open data, three on Digital skills: a tie at the top.
    for _ in 0..3 {
        next_person_votes(&mut h, &[Key::Num1, Key::Num5]);
    }
    for _ in 0..3 {
        next_person_votes(&mut h, &[Key::Num2, Key::Num6]);
    }
    h.get_by_label("Everyone has voted.");
    // Enter once everyone has voted asks the facilitator to confirm; it does not reveal.
    key(&mut h, Key::Enter);
    h.get_by_label("6 of 6 have voted. Reveal now?");
    assert_eq!(
        session(&h).voting.current().unwrap().state,
        RoundState::Open
    );
    click(&mut h, "Reveal now");
    let first = session(&h).voting.current().unwrap().clone();
    assert_eq!(first.state, RoundState::Revealed);
    h.get_by_label("Which themes first?");
    h.get_by_label("1. Open data: 3 dots, tied");
    h.get_by_label("1. Digital skills: 3 dots, tied");
    h.get_by_label("1. Paperless: 3 dots, tied");
    assert!(
        h.query_by_label("Who voted how").is_none(),
        "a secret, anonymous vote never shows names"
    );

    // Runoff on the tie: a new round on the tied themes; the first round is kept, closed.
    click(&mut h, "Runoff on the tie");
    let voting = &session(&h).voting;
    assert_eq!(voting.rounds.len(), 2);
    assert_eq!(voting.rounds[0].state, RoundState::Closed);
    assert_eq!(voting.rounds[0].ballots, first.ballots);
    let runoff = voting.current().unwrap();
    assert_eq!(runoff.state, RoundState::Open);
    assert_eq!(runoff.settings.options.len(), 4);
    assert_eq!(runoff.runoff_of, Some(first.id));
    h.get_by_label("Pass the laptop to the next person.");

    // Two people vote in the runoff, then the facilitator saves and closes the app.
    next_person_votes(&mut h, &[Key::Num1]);
    next_person_votes(&mut h, &[Key::Num2]);
    let before = session(&h).voting.clone();
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(!open_session(&h).is_dirty());
    drop(h);

    // Reopen from the library: the whole vote is there and the runoff continues.
    let mut h = app(&dir);
    h.get_by_role_and_label(Role::Button, "Strategy lab")
        .click();
    settle(&mut h);
    assert_eq!(session(&h).voting, before);
    open_vote_tab(&mut h);
    h.get_by_label("2 of 6 have voted");
    next_person_votes(&mut h, &[Key::Num1]);
    let round = session(&h).voting.current().unwrap();
    assert_eq!(round.ballots.iter().filter(|b| b.done).count(), 3);
    reveal_laptop_vote(&mut h, "3 of 6");
    h.get_by_label("1. Open data: 2 dots");
    click(&mut h, "Close vote");
    assert_eq!(
        session(&h).voting.current().unwrap().state,
        RoundState::Closed
    );

    // Closing locks the result: deleting the winning theme afterwards (asked first, as it has
    // dots) leaves it in the ranking, named as it was.
    h.get_by_label("Board").click();
    h.run();
    h.run();
    h.get_by_label("More for Open data").click();
    h.run();
    h.run();
    h.get_by_label("Delete theme (notes stay)").click();
    h.run();
    h.run();
    h.get_by_role_and_label(Role::Button, "Delete").click();
    h.run();
    h.run();
    assert!(session(&h).theme(ThemeId(1)).is_none(), "the theme is gone");
    open_vote_tab(&mut h);
    h.get_by_label("1. Open data (deleted): 2 dots");
}

#[test]
fn an_open_vote_that_is_not_anonymous_shows_who_voted_how() {
    let (_dir, mut h) = app_on_vote_screen("names");
    click(&mut h, "Anonymous (never show who voted how)");
    start_vote(&mut h, "Pass the laptop");
    next_person_votes(&mut h, &[Key::Num4]);
    reveal_laptop_vote(&mut h, "1 of 6");
    h.get_by_label("Who voted how");
    h.get_by_label("Cyber security ●");
}

#[test]
fn participants_are_added_one_per_enter_and_a_blank_or_repeated_name_is_refused() {
    let (_dir, mut h) = app_on_vote_screen("names-entry");
    click(&mut h, "Who votes");
    key(&mut h, Key::Enter);
    h.get_by_label("A participant needs a name: type it first.");
    assert_eq!(session(&h).participants.len(), 6, "nothing added");
    click(&mut h, "Who votes");
    type_text(&mut h, "Gita");
    key(&mut h, Key::Enter);
    // The box keeps focus: the next name goes straight in.
    type_text(&mut h, " ana ");
    key(&mut h, Key::Enter);
    h.get_by_label_contains("ana is already on the list");
    let names: Vec<&str> = session(&h)
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Ana", "Ben", "Chloe", "Dev", "Esi", "Finn", "Gita"]);
    // Leaving someone out of this vote keeps them in the session.
    click(&mut h, "✓ Finn");
    click(&mut h, "Start the vote");
    let round = session(&h).voting.current().unwrap();
    assert_eq!(round.settings.participants.len(), 6);
    assert!(!round.settings.participants.contains(&ParticipantId(6)));
}

#[test]
fn a_budget_of_zero_or_a_limit_above_the_budget_stops_the_start_with_a_reason() {
    let (_dir, mut h) = app_on_vote_screen("bad-budget");
    h.get_by_label(
        "Suggested: 3 for 8 options: about one dot per four options, at least 3, at most 10.",
    );
    click(&mut h, "Dots per person");
    key(&mut h, Key::Backspace);
    type_text(&mut h, "0");
    h.get_by_label("Each person needs at least 1 dot.");
    click(&mut h, "Start the vote");
    assert!(session(&h).voting.rounds.is_empty(), "no vote with 0 dots");

    click(&mut h, "Dots per person");
    key(&mut h, Key::Backspace);
    type_text(&mut h, "3");
    click(&mut h, "Most dots on one option");
    key(&mut h, Key::Backspace);
    type_text(&mut h, "5");
    h.get_by_label_contains("At most 5 dots per option is more than the 3 dots each person has");
    click(&mut h, "Start the vote");
    assert!(session(&h).voting.rounds.is_empty());

    click(&mut h, "Most dots on one option");
    key(&mut h, Key::Backspace);
    type_text(&mut h, "2");
    click(&mut h, "Start the vote");
    assert_eq!(
        session(&h)
            .voting
            .current()
            .unwrap()
            .settings
            .max_per_option,
        2
    );
}

#[test]
fn voting_on_an_empty_session_says_what_to_do_first() {
    let (_dir, mut h) = app_with_new_session("empty");
    open_vote_tab(&mut h);
    h.get_by_label("There is nothing to vote on yet: add notes (or themes) on the Board first.");
    assert!(h.query_by_label("Start the vote").is_none());
    assert!(session(&h).voting.rounds.is_empty());
}

/// A library holding a session with three notes, no themes and two people, open on the Vote
/// screen.
fn app_with_notes_only(name: &str) -> (TempDir, App) {
    let dir = temp_dir(name);
    let mut s = Session::new("Notes lab", today());
    for (i, t) in ["Open data", "Skills", "Front door"].iter().enumerate() {
        let id = i as u64 + 1;
        s.notes.push(Note::new(
            NoteId(id),
            *t,
            NoteColour::Yellow,
            CanvasPos::new(id as f32 * 260.0, 0.0),
        ));
    }
    let people = ["Ana", "Ben"]
        .iter()
        .enumerate()
        .map(|(i, n)| (i, Participant::new(ParticipantId(i as u64 + 1), *n)))
        .collect();
    Edit::InsertParticipants(people).apply(&mut s);
    let path = dir.join("notes-lab.ron");
    goldthread::storage::save_file(&path, &s).unwrap();
    let mut h = app_with(&dir, Some(path));
    settle(&mut h);
    open_vote_tab(&mut h);
    (dir, h)
}

#[test]
fn deleting_a_note_with_dots_gives_them_back_and_undo_restores_them() {
    let (_dir, mut h) = app_with_notes_only("delete-option");
    h.get_by_label("Notes (3)");
    start_vote(&mut h, "Pass the laptop");
    next_person_votes(&mut h, &[Key::Num1, Key::Num2]);
    let ana = Voter::Person(ParticipantId(1));
    let used = |h: &App| session(h).voting.current().unwrap().used(session(h), ana);
    assert_eq!(used(&h), 2);

    // On the Board, delete the note with Ana's first dot.
    click(&mut h, "Board");
    h.get_by_role_and_label(Role::Button, "Open data").click();
    h.run();
    key(&mut h, Key::Delete);
    assert!(session(&h).note(NoteId(1)).is_some(), "it asks first");
    h.get_by_label_contains("Delete it and give the dot");
    key(&mut h, Key::Enter);
    assert!(session(&h).note(NoteId(1)).is_none(), "the note is deleted");
    assert!(
        h.state()
            .notices()
            .all()
            .iter()
            .any(|n| n.text.contains("its vote dot was given back to the voter")),
        "{:?}",
        h.state().notices().all()
    );
    assert_eq!(used(&h), 1, "Ana may place that dot again");
    let round = session(&h).voting.current().unwrap();
    assert_eq!(
        round.dots(ana, VoteOption::Note(NoteId(1))),
        1,
        "the ballot keeps it"
    );
    assert_eq!(
        round.tally(session(&h)).rows.len(),
        2,
        "the tally ignores it"
    );

    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(session(&h).note(NoteId(1)).is_some());
    assert_eq!(used(&h), 2, "undo brings the note and its dot back");
}

#[test]
fn revealed_dots_are_drawn_on_the_notes_voted_on() {
    let (_dir, mut h) = app_with_notes_only("canvas-dots");
    start_vote(&mut h, "Pass the laptop");
    next_person_votes(&mut h, &[Key::Num3]);
    next_person_votes(&mut h, &[Key::Num3, Key::Num1]);
    let dots = |h: &App| goldthread::ui::board::canvas::dots::VoteDots::new(session(h));
    assert_eq!(dots(&h).on_note(NoteId(3)), 0, "nothing shows while secret");
    reveal_laptop_vote(&mut h, "2 of 2");
    assert_eq!(dots(&h).on_note(NoteId(3)), 2);
    assert_eq!(dots(&h).on_note(NoteId(1)), 1);
    assert_eq!(dots(&h).on_note(NoteId(2)), 0);
}

#[test]
fn an_open_vote_shows_totals_while_people_vote() {
    let (_dir, mut h) = app_on_vote_screen("open-vote");
    click(
        &mut h,
        "Secret until the reveal (totals hidden while voting)",
    );
    start_vote(&mut h, "Pass the laptop");
    assert!(!session(&h).voting.current().unwrap().settings.secret);
    next_person_votes(&mut h, &[Key::Num2]);
    h.get_by_label("Totals so far (open vote)");
    h.get_by_label("1. Digital skills: 1 dot");
}
