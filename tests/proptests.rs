//! Property tests for "never lose a session": any session survives save and load unchanged;
//! any sequence of edits (every `Edit` variant on this branch) undone in full gives back the
//! original; and no mutation of a valid file makes the loader panic, while whatever it does
//! load saves and loads again cleanly.

mod common;

use chrono::NaiveDate;
use goldthread::History;
use goldthread::model::{LabEdit, Level, Participant, ParticipantId, ThemeEdit, View, VoteEdit};
use goldthread::storage::{from_bytes, from_ron, load_file, save_file, to_ron};
use goldthread::{CanvasPos, Edit, Note, NoteColour, NoteId, Session};
use proptest::prelude::*;
use proptest::strategy::ValueTree as _;

fn colour() -> impl Strategy<Value = NoteColour> {
    (0..NoteColour::ALL.len()).prop_map(|i| NoteColour::ALL[i])
}

fn coordinate() -> impl Strategy<Value = f32> {
    prop_oneof![-1.0e6f32..1.0e6, Just(0.0), Just(-0.5), Just(1234.5678)]
}

fn level() -> impl Strategy<Value = Option<Level>> {
    prop_oneof![
        Just(None),
        Just(Some(Level::FrontLine)),
        Just(Some(Level::Executive)),
        Just(Some(Level::Customer)),
        ".{0,12}".prop_map(|s| Some(Level::Custom(s))),
    ]
}

/// Any text a person could type or paste, including line breaks, quotes and emoji.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        "[a-z \"\\\\\n\t\r{}()\\[\\]/#é🎉]{0,40}",
        Just(String::new()),
    ]
}

prop_compose! {
    fn any_session()(
        title in text(),
        days in 0i64..40_000,
        cx in coordinate(), cy in coordinate(), zoom in 0.01f32..100.0,
        notes in prop::collection::vec((text(), colour(), coordinate(), coordinate(), 1u64..5), 0..25),
        people in prop::collection::vec((text(), text(), level()), 0..5),
        authored in any::<bool>(),
    ) -> Session {
        let date = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Duration::days(days);
        let mut session = Session::new(title, date);
        session.view = View { center: CanvasPos::new(cx, cy), zoom };
        let people: Vec<(usize, Participant)> = people
            .into_iter()
            .enumerate()
            .map(|(i, (name, area, level))| {
                let mut p = Participant::new(ParticipantId(i as u64 + 1), name);
                p.service_area = area;
                p.level = level;
                (i, p)
            })
            .collect();
        let count = people.len() as u64;
        let _ = Edit::InsertParticipants(people).apply(&mut session);
        let mut id = 0;
        let notes = notes
            .into_iter()
            .map(|(text, colour, x, y, gap)| {
                id += gap;
                let mut note = Note::new(NoteId(id), text, colour, CanvasPos::new(x, y));
                if authored && count > 0 {
                    note.author = Some(ParticipantId(id % count + 1));
                }
                note
            })
            .collect();
        let _ = Edit::add_notes(&session, notes).apply(&mut session);
        session
    }
}

/// One step of a random editing session, turned into an [`Edit`] against the session as it is.
#[derive(Clone, Debug)]
enum Step {
    Add(String, NoteColour, f32, f32),
    Remove(usize),
    Text(usize, String),
    Colour(usize, NoteColour),
    Move(usize, f32, f32),
    Title(String),
    AddPerson(String),
    RemovePerson(usize),
    UpdatePerson(usize, String, String),
    Theme,
    Vote,
    Lab,
    Batch(Vec<Step>),
}

fn simple_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (text(), colour(), coordinate(), coordinate())
            .prop_map(|(t, c, x, y)| Step::Add(t, c, x, y)),
        any::<usize>().prop_map(Step::Remove),
        (any::<usize>(), text()).prop_map(|(i, t)| Step::Text(i, t)),
        (any::<usize>(), colour()).prop_map(|(i, c)| Step::Colour(i, c)),
        (any::<usize>(), coordinate(), coordinate()).prop_map(|(i, x, y)| Step::Move(i, x, y)),
        text().prop_map(Step::Title),
        text().prop_map(Step::AddPerson),
        any::<usize>().prop_map(Step::RemovePerson),
        (any::<usize>(), text(), text()).prop_map(|(i, n, a)| Step::UpdatePerson(i, n, a)),
        Just(Step::Theme),
        Just(Step::Vote),
        Just(Step::Lab),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => simple_step(),
        1 => prop::collection::vec(simple_step(), 0..4).prop_map(Step::Batch),
    ]
}

fn pick_note(session: &Session, i: usize) -> NoteId {
    // Sometimes a note that does not exist: edits must skip it, and undo too.
    if session.notes.is_empty() || i.is_multiple_of(7) {
        return NoteId(u64::MAX - 1);
    }
    session.notes[i % session.notes.len()].id
}

fn pick_person(session: &Session, i: usize) -> ParticipantId {
    if session.participants.is_empty() || i.is_multiple_of(7) {
        return ParticipantId(u64::MAX - 1);
    }
    session.participants[i % session.participants.len()].id
}

fn to_edit(session: &Session, step: Step) -> Edit {
    match step {
        Step::Add(text, colour, x, y) => Edit::add_notes(
            session,
            vec![Note::new(
                session.next_note_id(),
                text,
                colour,
                CanvasPos::new(x, y),
            )],
        ),
        Step::Remove(i) => Edit::RemoveNotes(vec![pick_note(session, i)]),
        Step::Text(i, text) => Edit::SetText {
            id: pick_note(session, i),
            text,
        },
        Step::Colour(i, colour) => Edit::SetColours(vec![(pick_note(session, i), colour)]),
        Step::Move(i, x, y) => Edit::MoveNotes(vec![(pick_note(session, i), CanvasPos::new(x, y))]),
        Step::Title(title) => Edit::SetTitle(title),
        Step::AddPerson(name) => Edit::InsertParticipants(vec![(
            session.participants.len(),
            Participant::new(session.next_participant_id(), name),
        )]),
        Step::RemovePerson(i) => Edit::RemoveParticipants(vec![pick_person(session, i)]),
        Step::UpdatePerson(i, name, area) => {
            let mut p = Participant::new(pick_person(session, i), name);
            p.service_area = area;
            Edit::UpdateParticipant(p)
        }
        Step::Theme => Edit::Theme(ThemeEdit::Batch(Vec::new())),
        Step::Vote => Edit::Vote(VoteEdit::Batch(Vec::new())),
        Step::Lab => Edit::Lab(LabEdit::Batch(Vec::new())),
        Step::Batch(steps) => {
            // Each step of a batch sees the session as the batch leaves it, as in the app.
            let mut scratch = session.clone();
            let mut edits = Vec::new();
            for s in steps {
                let edit = to_edit(&scratch, s);
                let _ = edit.clone().apply(&mut scratch);
                edits.push(edit);
            }
            Edit::Batch(edits)
        }
    }
}

/// Everything a user sees of a session. Id counters only move forward (ids are never reused),
/// so they are not part of "the same session".
fn content(s: &Session) -> impl PartialEq + std::fmt::Debug + '_ {
    (
        &s.title,
        s.date,
        s.view,
        &s.notes,
        &s.themes,
        &s.participants,
        &s.voting,
        &s.lab,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_session_survives_save_and_load(session in any_session()) {
        let text = to_ron(&session);
        let loaded = from_ron(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        prop_assert_eq!(&loaded.session, &session);
        prop_assert_eq!(to_ron(&loaded.session), text);
    }

    #[test]
    fn any_edits_undone_in_full_give_back_the_original(
        original in any_session(),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        let mut session = original.clone();
        let mut history = History::default();
        let mut applied = 0;
        for step in steps {
            let edit = to_edit(&session, step);
            history.apply(&mut session, edit);
            applied += 1;
        }
        let mut undone = 0;
        while history.undo(&mut session) {
            undone += 1;
        }
        prop_assert!(undone <= applied);
        prop_assert_eq!(content(&session), content(&original));
        prop_assert!(!history.can_undo());
    }

    #[test]
    fn mutated_files_never_panic_the_loader(
        session in any_session(),
        mutations in prop::collection::vec((any::<usize>(), any::<u8>(), 0u8..4), 1..8),
    ) {
        let mut bytes = to_ron(&session).into_bytes();
        for (at, byte, kind) in mutations {
            if bytes.is_empty() {
                break;
            }
            let i = at % bytes.len();
            match kind {
                0 => bytes[i] = byte,
                1 => { bytes.remove(i); }
                2 => bytes.insert(i, byte),
                _ => bytes.truncate(i),
            }
        }
        // Either a clear refusal or a session that saves and loads again without repairs.
        if let Ok(loaded) = from_bytes(&bytes) {
            let again = from_ron(&to_ron(&loaded.session))
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(again.warnings.is_empty(), "{:?}", again.warnings);
            prop_assert_eq!(again.session, loaded.session);
        }
    }
}

#[test]
fn a_saved_session_file_round_trips_through_the_disk() {
    // The property above uses text; once through the real file functions too.
    let dir = common::temp_dir("proptest-disk");
    let path = dir.join("s.ron");
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for _ in 0..20 {
        let session = any_session().new_tree(&mut runner).unwrap().current();
        save_file(&path, &session).unwrap();
        assert_eq!(load_file(&path).unwrap().session, session);
    }
    assert_eq!(goldthread::storage::list_backups(&path).len(), 5);
}
