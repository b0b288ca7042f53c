//! Protects where themes and voting meet, through real input: a revealed vote's dots show on
//! theme frames and collapsed cards (reported to screen readers), and deleting a theme or notes
//! that have dots asks first (Delete or Enter deletes, Keep or Esc keeps), deletes as one
//! undoable step, and gives the dots back; deleting what has no dots does not ask. While it
//! asks, Ctrl+Z, Ctrl+Shift+Z and the board's keys change nothing, and it reads in body-sized text.

mod common;

use common::*;
use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goldthread::model::vote::Counted;
use goldthread::model::{
    Participant, ParticipantId, RoundSettings, RoundState, ThemeId, VoteEdit, VoteMode, VoteOption,
    VoteRound, Voter,
};
use goldthread::ui::GoldthreadApp;
use goldthread::{CanvasPos, Edit, Note, NoteColour, NoteId, Session};

type App = Harness<'static, GoldthreadApp>;

const THEMES: [&str; 3] = ["Data", "Skills", "Doors"];
const QUESTION: &str = "Which themes first?";

fn session(h: &App) -> &Session {
    &open_session(h).session
}

fn theme(i: u64) -> VoteOption {
    VoteOption::Theme(ThemeId(i))
}

fn note(i: u64) -> VoteOption {
    VoteOption::Note(NoteId(i))
}

/// A vote in tally-the-room mode on `options` with `dots` counted per option, in `state`.
fn add_vote(
    s: &mut Session,
    options: Vec<VoteOption>,
    dots: &[(VoteOption, u32)],
    state: RoundState,
) {
    add_round(s, options, dots, state, Counted::Dots);
    assert_eq!(s.voting.rounds.len(), 1, "the vote is set up");
}

/// Adds a tally-the-room round counting `counted` (dots or hands) with the room's `dots`.
fn add_round(
    s: &mut Session,
    options: Vec<VoteOption>,
    dots: &[(VoteOption, u32)],
    state: RoundState,
    counted: Counted,
) {
    let mut settings = RoundSettings::new(options, vec![ParticipantId(1), ParticipantId(2)]);
    settings.question = QUESTION.to_owned();
    settings.mode = VoteMode::Tally;
    settings.counted = counted;
    settings.dots_per_person = 5;
    settings.max_per_option = 5;
    settings.room_size = 10;
    let round = s.voting.next_round_id();
    let mut edits = vec![VoteEdit::AddRound(VoteRound::new(round, settings))];
    for (option, count) in dots {
        edits.push(VoteEdit::SetDots {
            round,
            voter: Voter::Room,
            option: *option,
            count: *count,
        });
    }
    if state != RoundState::Open {
        edits.push(VoteEdit::SetState { round, state });
    }
    for edit in edits {
        Edit::Vote(edit).apply(s);
    }
}

fn open(name: &str, s: &Session) -> (TempDir, App) {
    let dir = temp_dir(name);
    let path = dir.join("dots-lab.ron");
    goldthread::storage::save_file(&path, s).unwrap();
    let mut h = app_with(&dir, Some(path));
    settle(&mut h);
    press(&mut h, Key::Home); // Everything in view.
    assert!(
        !h.state().notices().all().iter().any(|n| n.is_error),
        "{:?}",
        h.state().notices().all()
    );
    (dir, h)
}

/// Three themes (Data, Skills, Doors), each holding one note, laid out as the app lays them
/// out, and two people.
fn themed_session() -> Session {
    let mut s = Session::new("Dots lab", today());
    for (i, t) in THEMES.iter().enumerate() {
        let id = i as u64 + 1;
        s.notes.push(Note::new(
            NoteId(id),
            format!("{t} idea"),
            NoteColour::Yellow,
            CanvasPos::new(id as f32 * 260.0, 0.0),
        ));
        let (theme, edit) =
            goldthread::model::ThemeEdit::create(&s, Some((*t).to_owned()), &[NoteId(id)]);
        assert_eq!(theme, ThemeId(id));
        Edit::Theme(edit).apply(&mut s);
    }
    let people = ["Ana", "Ben"]
        .iter()
        .enumerate()
        .map(|(i, n)| (i, Participant::new(ParticipantId(i as u64 + 1), *n)))
        .collect();
    Edit::InsertParticipants(people).apply(&mut s);
    s
}

/// The themed session with a vote on themes: Data 7 dots, Skills 2, Doors none.
fn themes_voted(name: &str, state: RoundState) -> (TempDir, App) {
    let mut s = themed_session();
    let options = vec![theme(1), theme(2), theme(3)];
    add_vote(&mut s, options, &[(theme(1), 7), (theme(2), 2)], state);
    open(name, &s)
}

/// Three notes in no theme (Open data, Skills, Front door), and a revealed vote on notes:
/// Open data 3 dots, Skills 1, Front door none.
fn notes_voted(name: &str) -> (TempDir, App) {
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
    let options = vec![note(1), note(2), note(3)];
    add_vote(
        &mut s,
        options,
        &[(note(1), 3), (note(2), 1)],
        RoundState::Revealed,
    );
    open(name, &s)
}

fn click(h: &mut App, label: &str) {
    h.get_by_label(label).click();
    h.run();
    h.run();
}

fn delete_from_list(h: &mut App, theme: &str) {
    click(h, &format!("More for {theme}"));
    click(h, "Delete theme (notes stay)");
}

fn select_note(h: &mut App, text: &str) {
    h.get_by_role_and_label(Role::Button, text).click();
    h.run();
}

fn asking(h: &App) -> bool {
    open_session(h).canvas.confirm_delete.is_some()
}

#[test]
fn a_revealed_vote_shows_its_dots_on_theme_frames_and_collapsed_cards() {
    let (_dir, mut h) = themes_voted("frames", RoundState::Revealed);
    let data = h.get_by_label("Data: 7 dots").rect();
    h.get_by_label("Skills: 2 dots");
    assert!(
        h.query_by_label_contains("Doors:").is_none(),
        "a theme with no dots shows no count"
    );

    // The count sits on the frame's top edge, clear of the name, the note count and the toggle.
    let title = h.get_by_label("Theme Data, 1 note").rect();
    assert!(data.max.y <= title.min.y + 16.0, "{data:?} over {title:?}");
    assert!(data.max.x <= title.max.x && data.min.x >= title.min.x);
    let toggle = h.get_by_label("Collapse the Data frame").rect();
    assert!(
        !data.intersects(toggle),
        "{data:?} covers the toggle {toggle:?}"
    );
    assert!(data.height() >= 24.0, "readable on a projector: {data:?}");

    // Zoomed far out, the count stays as large and is still reported.
    for _ in 0..8 {
        type_text(&mut h, "-");
    }
    assert!(session(&h).voting.current().is_some());
    let far = h.get_by_label("Data: 7 dots").rect();
    assert!(far.height() >= 24.0, "still readable zoomed out: {far:?}");

    // Collapsed, the card shows the count too.
    press(&mut h, Key::Home);
    click(&mut h, "Collapse the Data frame");
    assert!(session(&h).theme(ThemeId(1)).unwrap().collapsed);
    let card = h.get_by_label("Data: 7 dots").rect();
    let expand = h.get_by_label("Expand the Data frame").rect();
    assert!(!card.intersects(expand));
}

#[test]
fn a_secret_vote_shows_no_dots_until_the_reveal() {
    let (_dir, mut h) = themes_voted("secret", RoundState::Open);
    assert!(h.query_by_label_contains(": 7 dots").is_none());
    assert!(h.query_by_label_contains(": 2 dots").is_none());
    let round = session(&h).voting.current().unwrap().id;
    let open = h.state_mut().open.as_mut().unwrap();
    let reveal = VoteEdit::SetState {
        round,
        state: RoundState::Revealed,
    };
    open.history.apply(&mut open.session, Edit::Vote(reveal));
    open.canvas.prune(&open.session);
    h.run();
    h.get_by_label("Data: 7 dots");
}

#[test]
fn deleting_a_theme_with_dots_asks_first_and_esc_keeps_it() {
    let (_dir, mut h) = themes_voted("keep", RoundState::Revealed);
    let before = session(&h).clone();
    delete_from_list(&mut h, "Data");
    assert!(asking(&h));
    h.get_by_label("Delete the theme “Data”?");
    h.get_by_label(
        "“Data” has 7 dots in the vote “Which themes first?”. Delete it and give the dots back \
         to the voters? Its notes stay on the board. Ctrl+Z brings it back with its dots.",
    );
    assert_eq!(session(&h), &before, "nothing changes while it asks");

    // The canvas takes no keys meanwhile: Delete and Enter answer the question, not the board.
    press(&mut h, Key::Escape);
    assert!(!asking(&h));
    assert_eq!(session(&h), &before, "Esc keeps the theme and its dots");
    assert!(h.query_by_label("Delete the theme “Data”?").is_none());
    h.get_by_label("Data: 7 dots");

    // Keep does the same.
    delete_from_list(&mut h, "Data");
    click(&mut h, "Keep");
    assert!(!asking(&h));
    assert_eq!(session(&h), &before);
}

#[test]
fn confirming_deletes_the_theme_gives_the_dots_back_and_one_undo_brings_both_back() {
    let (_dir, mut h) = themes_voted("confirm", RoundState::Revealed);
    let ballots = session(&h).voting.clone();
    delete_from_list(&mut h, "Data");
    click(&mut h, "Delete");
    assert!(!asking(&h));
    assert!(session(&h).theme(ThemeId(1)).is_none(), "the theme is gone");
    assert_eq!(session(&h).notes.len(), 3, "its note stays");
    assert_eq!(session(&h).voting, ballots, "the dots are kept for undo");
    let round = session(&h).voting.current().unwrap();
    let tally = round.tally(session(&h));
    assert_eq!(tally.rows.len(), 2, "the tally no longer counts it");
    assert!(h.query_by_label_contains("Data:").is_none());
    assert!(
        h.state().notices().all().iter().any(|n| n
            .text
            .contains("its vote dots were given back to the voters")),
        "{:?}",
        h.state().notices().all()
    );

    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(session(&h).theme(ThemeId(1)).is_some(), "one undo");
    assert_eq!(session(&h).note(NoteId(1)).unwrap().theme, Some(ThemeId(1)));
    h.get_by_label("Data: 7 dots");
}

#[test]
fn enter_confirms_and_a_theme_without_dots_is_deleted_without_asking() {
    let (_dir, mut h) = themes_voted("enter", RoundState::Closed);
    delete_from_list(&mut h, "Doors");
    assert!(!asking(&h), "no dots, no question");
    assert!(session(&h).theme(ThemeId(3)).is_none());

    delete_from_list(&mut h, "Skills");
    h.get_by_label_contains("“Skills” has 2 dots");
    press(&mut h, Key::Enter);
    h.run();
    assert!(session(&h).theme(ThemeId(2)).is_none());
    assert!(!asking(&h));
}

#[test]
fn merging_away_a_theme_with_dots_asks_first() {
    let (_dir, mut h) = themes_voted("merge", RoundState::Revealed);
    click(&mut h, "More for Data");
    click(&mut h, "Merge into");
    h.get_by_role_and_label(Role::Button, "Skills").click();
    h.run();
    click(&mut h, "Merge");
    assert!(asking(&h));
    h.get_by_label("Merge “Data” into “Skills”?");
    h.get_by_label_contains("its dots go back to the voters");
    assert_eq!(session(&h).themes.len(), 3);
    press(&mut h, Key::Escape);
    assert_eq!(session(&h).themes.len(), 3, "Esc keeps both");
    assert!(!asking(&h));
}

#[test]
fn the_question_keeps_a_secret_vote_s_count_secret() {
    let (_dir, mut h) = themes_voted("secret-ask", RoundState::Open);
    delete_from_list(&mut h, "Data");
    let text = h
        .get_by_label_contains("“Data” has dots in the secret vote")
        .value()
        .unwrap_or_default();
    assert!(!text.contains('7'), "{text}");
    press(&mut h, Key::Escape);
    assert!(session(&h).theme(ThemeId(1)).is_some());
}

#[test]
fn the_delete_key_asks_before_deleting_a_note_with_dots_and_not_otherwise() {
    let (_dir, mut h) = notes_voted("notes-key");

    // No dots: deleted at once.
    select_note(&mut h, "Front door");
    press(&mut h, Key::Delete);
    assert!(!asking(&h));
    assert!(session(&h).note(NoteId(3)).is_none());

    // Dots: asked first; Esc keeps it, selected.
    select_note(&mut h, "Open data");
    press(&mut h, Key::Delete);
    assert!(asking(&h));
    h.get_by_label(
        "“Open data” has 3 dots in the vote “Which themes first?”. Delete it and give the dots \
         back to the voters? Ctrl+Z brings it back with the dots.",
    );
    // Keys go to the question, not the canvas: typing does not open the capture box.
    type_text(&mut h, "x");
    assert!(open_session(&h).canvas.capture.is_none());
    press(&mut h, Key::Escape);
    assert!(!asking(&h));
    assert!(session(&h).note(NoteId(1)).is_some());
    assert!(open_session(&h).canvas.selection.contains(&NoteId(1)));

    // Again, and Enter deletes; one Ctrl+Z brings the note and its dots back.
    press(&mut h, Key::Delete);
    h.run();
    press(&mut h, Key::Enter);
    h.run();
    assert!(session(&h).note(NoteId(1)).is_none());
    let round = session(&h).voting.current().unwrap();
    assert_eq!(round.tally(session(&h)).rows.len(), 1, "only Skills counts");
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(session(&h).note(NoteId(1)).is_some());
    let round = session(&h).voting.current().unwrap();
    assert_eq!(round.tally(session(&h)).rows.len(), 2);
}

#[test]
fn the_selection_bar_s_delete_asks_too() {
    let (_dir, mut h) = notes_voted("notes-bar");
    select_note(&mut h, "Open data");
    h.get_by_role_and_label(Role::Button, "Skills")
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    assert_eq!(open_session(&h).canvas.selection.len(), 2);
    click(&mut h, "Delete");
    assert!(asking(&h));
    h.get_by_label("Delete 2 notes?");
    h.get_by_label_contains("The 2 notes have 4 dots");
    click(&mut h, "Delete");
    assert!(!asking(&h));
    assert_eq!(note_texts(&h), ["Front door"]);
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(note_texts(&h).len(), 3, "one undo brings both back");
}

#[test]
fn undo_redo_and_canvas_keys_change_nothing_while_the_question_is_open() {
    let (_dir, mut h) = notes_voted("keys-under-question");
    // Something to undo, so a Ctrl+Z that got through would show.
    select_note(&mut h, "Front door");
    press_with(&mut h, Modifiers::COMMAND, Key::Num2);
    assert_eq!(
        session(&h).note(NoteId(3)).unwrap().colour,
        NoteColour::Orange
    );
    select_note(&mut h, "Open data");
    press(&mut h, Key::Delete);
    assert!(asking(&h));
    let before = session(&h).clone();

    let shift = Modifiers::COMMAND.plus(Modifiers::SHIFT);
    for (modifiers, key) in [
        (Modifiers::COMMAND, Key::Z),
        (shift, Key::Z),
        (Modifiers::COMMAND, Key::Y),
        (Modifiers::COMMAND, Key::Num3),
        (Modifiers::COMMAND, Key::G),
        (Modifiers::COMMAND, Key::A),
        (Modifiers::NONE, Key::ArrowRight),
        (Modifiers::NONE, Key::Num1),
        (Modifiers::NONE, Key::F2),
        (Modifiers::NONE, Key::Delete),
        (Modifiers::NONE, Key::Home),
    ] {
        press_with(&mut h, modifiers, key);
        h.run();
        assert_eq!(
            session(&h),
            &before,
            "{modifiers:?}+{key:?} changed the session under the question"
        );
        assert!(asking(&h), "{modifiers:?}+{key:?} closed the question");
        let canvas = &open_session(&h).canvas;
        assert!(canvas.editor.is_none() && canvas.theme_rename.is_none());
    }
    assert!(
        !h.state()
            .notices()
            .all()
            .iter()
            .any(|n| n.text.contains("Nothing to")),
        "undo was not even tried"
    );

    // Once answered, the keys work again: Ctrl+Z undoes the recolour, not the question.
    press(&mut h, Key::Escape);
    assert!(!asking(&h));
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        session(&h).note(NoteId(3)).unwrap().colour,
        NoteColour::Yellow
    );
}

#[test]
fn the_question_is_in_the_body_text_size_of_every_dialog() {
    let (_dir, mut h) = themes_voted("question-size", RoundState::Revealed);
    delete_from_list(&mut h, "Data");
    let body = h.get_by_label_contains("“Data” has 7 dots").rect();
    let font = h.ctx.global_style().text_styles[&egui::TextStyle::Body].clone();
    assert_eq!(font.size, 18.0, "the app's readable body size");
    let row = h.ctx.fonts_mut(|f| f.row_height(&font));
    let rows = body.height() / row;
    assert!(
        (rows - rows.round()).abs() < 0.05 && (1.0..=5.0).contains(&rows.round()),
        "the question is {} points high: not whole rows of {row}-point body text",
        body.height()
    );
    press(&mut h, Key::Escape);
}

#[test]
fn a_show_of_hands_is_counted_in_hands_on_the_board() {
    let mut s = themed_session();
    let options = vec![theme(1), theme(2), theme(3)];
    add_round(
        &mut s,
        options,
        &[(theme(1), 7), (theme(2), 1)],
        RoundState::Revealed,
        Counted::Hands,
    );
    let (_dir, h) = open("hands", &s);
    h.get_by_label("Data: 7 hands");
    h.get_by_label("Skills: 1 hand");
    assert!(
        h.query_by_label_contains("Data: 7 dot").is_none(),
        "no dots in a show of hands"
    );
}

#[test]
fn later_votes_never_replace_the_main_vote_s_dots_on_the_themes() {
    let mut s = themed_session();
    let themes = vec![theme(1), theme(2), theme(3)];
    add_round(
        &mut s,
        themes.clone(),
        &[(theme(1), 7), (theme(2), 2)],
        RoundState::Closed,
        Counted::Dots,
    );
    // A show of hands afterwards puts Doors first; the themes keep the main vote's dots.
    add_round(
        &mut s,
        themes,
        &[(theme(3), 9)],
        RoundState::Revealed,
        Counted::Hands,
    );
    let (_dir, h) = open("main-vote", &s);
    h.get_by_label("Data: 7 dots");
    h.get_by_label("Skills: 2 dots");
    assert!(
        h.query_by_label_contains("Doors:").is_none(),
        "the show of hands does not count"
    );
    let dots = goldthread::ui::board::canvas::dots::VoteDots::new(session(&h));
    assert_eq!(
        dots.source(),
        "Dot vote: Which themes first? 10 people, 5 dots each",
        "the Board names the vote its dots come from"
    );
}
