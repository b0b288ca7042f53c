//! Protects the model's rules: every edit undoes exactly, undo/redo history, unique note ids,
//! repair of damaged sessions, and note titles. (Where new notes go: tests/layout.rs.)

use chrono::NaiveDate;
use goldthread::model::View;
use goldthread::{CanvasPos, Edit, History, Note, NoteColour, NoteId, Session};

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// A session holding `n` notes with ids 1..=n, each with its own text, colour and position.
fn session_with_notes(n: u64) -> Session {
    let mut session = Session::new("Workshop", date());
    let notes = (1..=n)
        .map(|i| {
            Note::new(
                NoteId(i),
                format!("Idea {i}\nsecond line"),
                NoteColour::ALL[i as usize % NoteColour::ALL.len()],
                CanvasPos::new(i as f32 * 31.5, -(i as f32) * 7.25),
            )
        })
        .collect();
    let inverse = Edit::add_notes(&session, notes).apply(&mut session);
    assert!(!inverse.is_empty(), "setup must really add the notes");
    assert_eq!(session.notes.len(), n as usize);
    session
}

fn ids(session: &Session) -> Vec<u64> {
    session.notes.iter().map(|n| n.id.0).collect()
}

/// Applies `edit`, checks it changed something, applies its inverse and checks the session is
/// back exactly; then redoes and checks the session matches the edited state exactly.
fn assert_round_trip(mut session: Session, edit: Edit) {
    let before = session.clone();
    let inverse = edit.apply(&mut session);
    let after = session.clone();
    assert_ne!(after, before, "the edit must change the session");
    let redo = inverse.apply(&mut session);
    assert_eq!(
        session, before,
        "the inverse must restore the session exactly"
    );
    let _ = redo.apply(&mut session);
    assert_eq!(
        session, after,
        "redo must recreate the edited session exactly"
    );
}

// ---------------------------------------------------------------- inverses, one per variant

#[test]
fn insert_notes_inverse_restores_session() {
    // The id counter is already past id 3 (it was used and removed), so the session compares
    // exactly equal after the undo.
    let mut session = session_with_notes(5);
    let _ = Edit::RemoveNotes(vec![NoteId(3)]).apply(&mut session);
    let note = Note::new(
        NoteId(3),
        "Back again",
        NoteColour::Green,
        CanvasPos::new(-12.5, 99.0),
    );
    let edit = Edit::add_notes(&session, vec![note.clone()]);
    assert_eq!(edit, Edit::InsertNotes(vec![(4, note.clone())]));
    let mut edited = session.clone();
    let _ = edit.clone().apply(&mut edited);
    assert_eq!(edited.notes.last(), Some(&note), "added notes go on top");
    assert_round_trip(session, edit);
}

#[test]
fn insert_notes_undo_removes_fresh_notes_but_never_reuses_their_ids() {
    let mut session = session_with_notes(2);
    let before = session.clone();
    let first = session.next_note_id();
    let notes = vec![
        Note::new(first, "one", NoteColour::Blue, CanvasPos::new(1.0, 2.0)),
        Note::new(
            NoteId(first.0 + 1),
            "two",
            NoteColour::Pink,
            CanvasPos::new(3.0, 4.0),
        ),
    ];
    let inverse = Edit::add_notes(&session, notes).apply(&mut session);
    assert_eq!(ids(&session), vec![1, 2, first.0, first.0 + 1]);
    let _ = inverse.apply(&mut session);
    assert_eq!(session.notes, before.notes);
    assert_eq!(session.title, before.title);
    assert_eq!(session.date, before.date);
    assert_eq!(session.view, before.view);
    // The id counter only moves forward, so an undone note's id is never handed out again.
    assert_eq!(session.next_note_id(), NoteId(first.0 + 2));
}

#[test]
fn remove_notes_inverse_restores_text_colour_position_and_drawing_order() {
    let session = session_with_notes(6);
    for removed in [
        vec![NoteId(1)],
        vec![NoteId(3)],
        vec![NoteId(6)],
        vec![NoteId(5), NoteId(2)],
        vec![NoteId(1), NoteId(4), NoteId(6)],
        vec![
            NoteId(1),
            NoteId(2),
            NoteId(3),
            NoteId(4),
            NoteId(5),
            NoteId(6),
        ],
    ] {
        let mut edited = session.clone();
        let inverse = Edit::RemoveNotes(removed.clone()).apply(&mut edited);
        for id in &removed {
            assert!(edited.note(*id).is_none(), "note {id:?} must be removed");
        }
        assert_eq!(edited.notes.len(), 6 - removed.len());
        let _ = inverse.apply(&mut edited);
        for id in &removed {
            let original = session.note(*id).unwrap();
            let restored = edited.note(*id).unwrap();
            assert_eq!(restored.text, original.text);
            assert_eq!(restored.colour, original.colour);
            assert_eq!(restored.pos, original.pos);
            assert_eq!(edited.note_index(*id), session.note_index(*id));
        }
        assert_eq!(edited, session);
        assert_round_trip(session.clone(), Edit::RemoveNotes(removed));
    }
}

#[test]
fn set_text_inverse_restores_session() {
    let session = session_with_notes(3);
    assert_round_trip(
        session.clone(),
        Edit::SetText {
            id: NoteId(2),
            text: "Rewritten\nwith 🎉 and عربى".to_owned(),
        },
    );
    assert_round_trip(
        session,
        Edit::SetText {
            id: NoteId(3),
            text: String::new(),
        },
    );
}

#[test]
fn set_colours_inverse_restores_session() {
    let session = session_with_notes(4);
    let changes: Vec<(NoteId, NoteColour)> = session
        .notes
        .iter()
        .map(|n| {
            let next = NoteColour::ALL.iter().position(|c| *c == n.colour).unwrap();
            (n.id, NoteColour::ALL[(next + 1) % NoteColour::ALL.len()])
        })
        .collect();
    assert_round_trip(session, Edit::SetColours(changes));
}

#[test]
fn move_notes_inverse_restores_session() {
    let session = session_with_notes(4);
    assert_round_trip(
        session,
        Edit::MoveNotes(vec![
            (NoteId(1), CanvasPos::new(-500.25, 1000.5)),
            (NoteId(4), CanvasPos::new(0.0, 0.0)),
        ]),
    );
}

#[test]
fn set_title_inverse_restores_session() {
    let session = session_with_notes(1);
    assert_round_trip(session, Edit::SetTitle("Retro \"Q3\"\n🎉".to_owned()));
}

#[test]
fn batch_inverse_restores_session_even_when_steps_depend_on_each_other() {
    let session = session_with_notes(5);
    let fresh = Note::new(
        session.next_note_id(),
        "new",
        NoteColour::Purple,
        CanvasPos::new(7.0, 8.0),
    );
    let batch = Edit::Batch(vec![
        Edit::SetText {
            id: NoteId(2),
            text: "changed before removal".to_owned(),
        },
        Edit::RemoveNotes(vec![NoteId(1)]),
        Edit::RemoveNotes(vec![NoteId(4)]),
        Edit::MoveNotes(vec![(NoteId(3), CanvasPos::new(1.5, 2.5))]),
        Edit::SetColours(vec![(NoteId(5), NoteColour::Orange)]),
        Edit::RemoveNotes(vec![NoteId(2)]),
        Edit::SetTitle("Batch".to_owned()),
        Edit::Batch(vec![Edit::InsertNotes(vec![(0, fresh)])]),
    ]);
    // Insert a note first so that the id counter is already past the fresh note, making the
    // whole-session comparison exact.
    let mut base = session.clone();
    let _ = Edit::add_notes(
        &base,
        vec![Note::new(
            NoteId(base.next_note_id().0 + 1),
            "placeholder",
            NoteColour::Yellow,
            CanvasPos::default(),
        )],
    )
    .apply(&mut base);
    let mut edited = base.clone();
    let _ = batch.clone().apply(&mut edited);
    assert_eq!(edited.title, "Batch");
    assert_eq!(edited.notes[0].text, "new");
    assert!(edited.note(NoteId(1)).is_none() && edited.note(NoteId(2)).is_none());
    assert_round_trip(base, batch);
}

// ---------------------------------------------------------------- edits on missing notes

#[test]
fn edits_naming_missing_notes_change_nothing_and_are_not_recorded() {
    let session = session_with_notes(3);
    let missing = NoteId(42);
    let duplicate = Note::new(NoteId(2), "dup", NoteColour::Blue, CanvasPos::new(1.0, 1.0));
    let edits = vec![
        Edit::RemoveNotes(vec![missing]),
        Edit::SetText {
            id: missing,
            text: "x".to_owned(),
        },
        Edit::SetColours(vec![(missing, NoteColour::Green)]),
        Edit::MoveNotes(vec![(missing, CanvasPos::new(5.0, 5.0))]),
        Edit::MoveNotes(vec![(NoteId(1), CanvasPos::new(f32::NAN, 5.0))]),
        Edit::MoveNotes(vec![(NoteId(1), CanvasPos::new(0.0, f32::INFINITY))]),
        Edit::InsertNotes(vec![(0, duplicate)]),
        Edit::Batch(vec![
            Edit::RemoveNotes(vec![missing]),
            Edit::SetText {
                id: missing,
                text: "y".to_owned(),
            },
        ]),
        Edit::Batch(Vec::new()),
    ];
    for edit in edits {
        let mut edited = session.clone();
        let inverse = edit.clone().apply(&mut edited);
        assert_eq!(edited, session, "{edit:?} must change nothing");
        assert!(
            inverse.is_empty(),
            "{edit:?} gave non-empty inverse {inverse:?}"
        );

        let mut history = History::default();
        let mut edited = session.clone();
        history.apply(&mut edited, edit.clone());
        assert_eq!(edited, session);
        assert!(!history.can_undo(), "{edit:?} must not be recorded");
        assert_eq!(
            history.generation(),
            0,
            "{edit:?} must not count as a change"
        );
    }
}

#[test]
fn edits_naming_some_missing_notes_only_undo_what_happened() {
    let session = session_with_notes(2);
    let mut edited = session.clone();
    let inverse = Edit::SetColours(vec![
        (NoteId(99), NoteColour::Blue),
        (NoteId(2), NoteColour::Green),
    ])
    .apply(&mut edited);
    assert_eq!(edited.note(NoteId(2)).unwrap().colour, NoteColour::Green);
    assert_eq!(
        inverse,
        Edit::SetColours(vec![(NoteId(2), session.note(NoteId(2)).unwrap().colour)])
    );
    let _ = inverse.apply(&mut edited);
    assert_eq!(edited, session);
}

// ---------------------------------------------------------------- history

fn set_text(id: u64, text: &str) -> Edit {
    Edit::SetText {
        id: NoteId(id),
        text: text.to_owned(),
    }
}

#[test]
fn history_undo_and_redo_walk_back_and_forth_through_states() {
    let mut session = session_with_notes(2);
    let mut history = History::default();
    assert!(!history.can_undo() && !history.can_redo());
    let mut states = vec![session.clone()];
    let edits = [
        set_text(1, "a"),
        Edit::MoveNotes(vec![(NoteId(2), CanvasPos::new(9.0, 9.0))]),
        Edit::RemoveNotes(vec![NoteId(1)]),
        Edit::SetTitle("t".to_owned()),
    ];
    for edit in edits {
        history.apply(&mut session, edit);
        assert_ne!(&session, states.last().unwrap());
        states.push(session.clone());
    }
    for expected in states.iter().rev().skip(1) {
        assert!(history.undo(&mut session));
        assert_eq!(&session, expected);
    }
    assert!(!history.can_undo());
    assert!(!history.undo(&mut session), "nothing left to undo");
    assert_eq!(session, states[0]);
    for expected in states.iter().skip(1) {
        assert!(history.redo(&mut session));
        assert_eq!(&session, expected);
    }
    assert!(!history.can_redo());
    assert!(!history.redo(&mut session), "nothing left to redo");
    assert_eq!(&session, states.last().unwrap());
}

#[test]
fn history_joins_an_edit_to_the_last_step_only_if_nothing_changed_since() {
    let mut session = session_with_notes(2);
    let mut history = History::default();
    let start = session.clone();
    history.apply(&mut session, set_text(1, "made"));
    let Some(made_in) = history.last_step() else {
        panic!("the step was recorded")
    };
    history.apply_in(&mut session, set_text(2, "named"), made_in);
    assert_eq!(session.note(NoteId(2)).unwrap().text, "named");
    let both = session.clone();
    assert!(history.undo(&mut session), "one step undoes both");
    assert_eq!(session, start);
    assert!(!history.can_undo());
    assert!(history.redo(&mut session), "and one step redoes both");
    assert_eq!(session, both);

    // Something else happened in between: the edit is a step of its own.
    history.apply(&mut session, set_text(1, "again"));
    let Some(stale) = history.last_step() else {
        panic!("the step was recorded")
    };
    history.apply(&mut session, Edit::SetTitle("other".to_owned()));
    let before_join = session.clone();
    history.apply_in(&mut session, set_text(2, "late"), stale);
    assert!(history.undo(&mut session));
    assert_eq!(session, before_join, "only the late edit was undone");

    // With nothing to join, it is an ordinary step.
    let mut fresh = session_with_notes(1);
    let mut empty = History::default();
    let never_applied = empty.changes().open_step(set_text(1, "never"));
    empty.apply_in(&mut fresh, set_text(1, "first"), never_applied);
    assert!(empty.undo(&mut fresh));
    assert_eq!(fresh, session_with_notes(1));
}

#[test]
fn history_new_edit_clears_redo() {
    let mut session = session_with_notes(1);
    let mut history = History::default();
    history.apply(&mut session, set_text(1, "a"));
    history.apply(&mut session, set_text(1, "b"));
    assert!(history.undo(&mut session));
    assert!(history.can_redo());
    history.apply(&mut session, set_text(1, "c"));
    assert!(!history.can_redo());
    assert!(!history.redo(&mut session));
    assert_eq!(session.notes[0].text, "c");
    assert!(history.undo(&mut session));
    assert_eq!(session.notes[0].text, "a");
}

#[test]
fn history_ignored_edit_keeps_redo() {
    let mut session = session_with_notes(1);
    let mut history = History::default();
    history.apply(&mut session, set_text(1, "a"));
    assert!(history.undo(&mut session));
    history.apply(&mut session, set_text(77, "nothing"));
    assert!(
        history.can_redo(),
        "an edit that changed nothing must not clear redo"
    );
}

#[test]
fn history_generation_changes_on_every_apply_undo_and_redo() {
    let mut session = session_with_notes(1);
    let mut history = History::default();
    let mut seen = vec![history.generation()];
    let mut step = |history: &History, changed: bool| {
        let now = history.generation();
        if changed {
            assert!(
                !seen.contains(&now),
                "generation {now} was seen before: {seen:?}"
            );
        } else {
            assert_eq!(Some(&now), seen.last());
        }
        seen.push(now);
    };
    history.apply(&mut session, set_text(1, "a"));
    step(&history, true);
    history.apply(&mut session, set_text(1, "b"));
    step(&history, true);
    assert!(history.undo(&mut session));
    step(&history, true);
    assert!(history.redo(&mut session));
    step(&history, true);
    assert!(history.undo(&mut session));
    step(&history, true);
    assert!(history.undo(&mut session));
    step(&history, true);
    assert!(!history.undo(&mut session));
    step(&history, false);
    history.apply(&mut session, set_text(5, "missing"));
    step(&history, false);
    assert!(history.redo(&mut session));
    step(&history, true);
}

#[test]
fn history_keeps_a_thousand_steps() {
    let mut session = session_with_notes(1);
    let original = session.clone();
    let mut history = History::default();
    for i in 0..1005 {
        history.apply(&mut session, set_text(1, &i.to_string()));
    }
    let mut undone = 0;
    while history.undo(&mut session) {
        undone += 1;
    }
    assert_eq!(undone, 1000);
    assert_eq!(
        session.notes[0].text, "4",
        "the oldest steps are dropped first"
    );
    assert_ne!(session, original);
}

// ---------------------------------------------------------------- ids

#[test]
fn inserting_an_existing_id_is_refused() {
    let mut session = session_with_notes(3);
    let before = session.clone();
    let clash = Note::new(
        NoteId(2),
        "impostor",
        NoteColour::Blue,
        CanvasPos::new(1.0, 1.0),
    );
    let fresh = Note::new(
        NoteId(10),
        "fresh",
        NoteColour::Blue,
        CanvasPos::new(1.0, 1.0),
    );
    let inverse = Edit::add_notes(&session, vec![clash, fresh.clone()]).apply(&mut session);
    assert_eq!(ids(&session), vec![1, 2, 3, 10]);
    assert_eq!(session.note(NoteId(2)), before.note(NoteId(2)));
    assert_eq!(inverse, Edit::RemoveNotes(vec![NoteId(10)]));

    // Two new notes sharing one id in the same edit: only the first goes in.
    let twin_a = Note::new(NoteId(20), "a", NoteColour::Blue, CanvasPos::default());
    let twin_b = Note::new(NoteId(20), "b", NoteColour::Pink, CanvasPos::default());
    let _ = Edit::add_notes(&session, vec![twin_a, twin_b]).apply(&mut session);
    assert_eq!(ids(&session), vec![1, 2, 3, 10, 20]);
    assert_eq!(session.note(NoteId(20)).unwrap().text, "a");

    let mut history = History::default();
    let same = session.clone();
    history.apply(
        &mut session,
        Edit::add_notes(
            &same,
            vec![Note::new(
                NoteId(1),
                "x",
                NoteColour::Blue,
                CanvasPos::default(),
            )],
        ),
    );
    assert_eq!(session, same);
    assert!(!history.can_undo());
}

#[test]
fn next_note_id_moves_past_inserted_ids() {
    let mut session = Session::new("s", date());
    assert_eq!(session.next_note_id(), NoteId(1));
    let note = |id| Note::new(NoteId(id), "n", NoteColour::Yellow, CanvasPos::default());
    let _ = Edit::add_notes(&session, vec![note(1)]).apply(&mut session);
    assert_eq!(session.next_note_id(), NoteId(2));
    let _ = Edit::add_notes(&session, vec![note(40), note(7)]).apply(&mut session);
    assert_eq!(session.next_note_id(), NoteId(41));
    let _ = Edit::add_notes(&session, vec![note(12)]).apply(&mut session);
    assert_eq!(
        session.next_note_id(),
        NoteId(41),
        "lower ids do not move it back"
    );
    let next = session.next_note_id();
    let _ = Edit::add_notes(&session, vec![note(next.0)]).apply(&mut session);
    assert!(session.note(next).is_some());
    assert_eq!(session.next_note_id(), NoteId(next.0 + 1));
    // Removing notes never lets an id be handed out again.
    let _ = Edit::RemoveNotes(vec![NoteId(40), next]).apply(&mut session);
    assert_eq!(session.next_note_id(), NoteId(next.0 + 1));
}

// ---------------------------------------------------------------- repair

#[test]
fn repair_gives_duplicate_ids_fresh_ids() {
    let mut session = session_with_notes(3);
    session.notes[2].id = NoteId(1);
    session.notes.push(Note::new(
        NoteId(1),
        "third",
        NoteColour::Blue,
        CanvasPos::default(),
    ));
    let texts: Vec<String> = session.notes.iter().map(|n| n.text.clone()).collect();
    let warnings = session.repair();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings.iter().all(|w| w.contains("id 1")), "{warnings:?}");
    let mut unique = ids(&session);
    assert_eq!(unique[0], 1, "the first holder keeps its id");
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 4, "ids must be unique: {:?}", ids(&session));
    let after: Vec<String> = session.notes.iter().map(|n| n.text.clone()).collect();
    assert_eq!(after, texts, "repair keeps every note and its order");
    let max = *unique.last().unwrap();
    assert!(session.next_note_id().0 > max);
    assert!(
        session.repair().is_empty(),
        "a repaired session needs no more repair"
    );
}

#[test]
fn repair_handles_duplicate_ids_at_the_top_of_the_id_range() {
    let mut session = Session::new("s", date());
    for text in ["a", "b", "c"] {
        session.notes.push(Note::new(
            NoteId(u64::MAX),
            text,
            NoteColour::Yellow,
            CanvasPos::default(),
        ));
    }
    let warnings = session.repair();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    let mut unique = ids(&session);
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 3, "ids must be unique: {:?}", ids(&session));
}

#[test]
fn repair_moves_impossible_positions_with_a_warning() {
    let mut session = session_with_notes(5);
    session.notes[0].pos = CanvasPos::new(f32::NAN, 10.0);
    session.notes[1].pos = CanvasPos::new(1.0e30, 10.0);
    session.notes[2].pos = CanvasPos::new(5.0, f32::NEG_INFINITY);
    session.notes[3].pos = CanvasPos::new(-2.0e8, 3.0);
    let good = session.notes[4].clone();
    let warnings = session.repair();
    assert_eq!(warnings.len(), 4, "{warnings:?}");
    for (i, warning) in warnings.iter().enumerate() {
        assert!(warning.contains(&format!("Note {}", i + 1)), "{warning}");
    }
    for note in &session.notes[..4] {
        assert!(note.pos.is_finite());
        assert!(note.pos.x.abs() < 1.0e7 && note.pos.y.abs() < 1.0e7);
    }
    assert_eq!(session.notes[4], good, "healthy notes are left alone");
}

#[test]
fn repair_resets_a_bad_view() {
    for view in [
        View {
            center: CanvasPos::new(0.0, 0.0),
            zoom: 0.0,
        },
        View {
            center: CanvasPos::new(0.0, 0.0),
            zoom: -1.0,
        },
        View {
            center: CanvasPos::new(0.0, 0.0),
            zoom: f32::NAN,
        },
        View {
            center: CanvasPos::new(0.0, 0.0),
            zoom: 1.0e9,
        },
        View {
            center: CanvasPos::new(f32::NAN, 0.0),
            zoom: 1.0,
        },
    ] {
        let mut session = session_with_notes(1);
        session.view = view;
        let warnings = session.repair();
        assert_eq!(warnings.len(), 1, "{view:?}: {warnings:?}");
        assert!(warnings[0].contains("view"), "{}", warnings[0]);
        assert_eq!(session.view, View::default());
    }
    let mut session = session_with_notes(1);
    session.view = View {
        center: CanvasPos::new(-300.5, 12.0),
        zoom: 0.25,
    };
    let healthy = session.clone();
    assert!(session.repair().is_empty());
    assert_eq!(session, healthy);
}

#[test]
fn repair_resets_a_view_centred_impossibly_far_away() {
    let mut session = Session::new("Far", NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
    session.view = View {
        center: CanvasPos::new(1.0e30, 5.0),
        zoom: 1.0,
    };
    let warnings = session.repair();
    assert_eq!(session.view, View::default());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
}

// ---------------------------------------------------------------- titles

fn titled(text: &str) -> Note {
    Note::new(NoteId(1), text, NoteColour::Yellow, CanvasPos::default())
}

#[test]
fn title_is_the_first_non_blank_line_trimmed() {
    assert_eq!(titled("Hello world").title(40), "Hello world");
    assert_eq!(titled("  first  \nsecond").title(40), "first");
    assert_eq!(titled("\n\n   \n\t x \r\ny").title(40), "x");
    assert_eq!(titled("line\r\nnext").title(40), "line");
}

#[test]
fn title_of_empty_or_blank_text_is_empty() {
    for text in ["", " ", "\n\n", " \t \r\n  \n"] {
        assert_eq!(titled(text).title(10), "", "{text:?}");
    }
}

#[test]
fn title_is_shortened_with_an_ellipsis() {
    let note = titled("Reduce onboarding time for new hires");
    let short = note.title(10);
    assert_eq!(short, "Reduce on…");
    assert_eq!(short.chars().count(), 10);
    assert_eq!(titled("exactly ten").title(11), "exactly ten");
    assert_eq!(titled("exactly ten!").title(11), "exactly te…");
}

#[test]
fn title_never_exceeds_max_chars() {
    let texts = [
        "abc",
        "ab",
        "a",
        "🎉🎉🎉",
        "שלום עולם",
        "مرحبا بالعالم",
        "Ünïcödé",
    ];
    for text in texts {
        for max in 0..12 {
            let title = titled(text).title(max);
            assert!(
                title.chars().count() <= max,
                "{text:?} with max {max} gave {title:?}"
            );
            if text.chars().count() <= max {
                assert_eq!(title, text);
            } else if max > 0 {
                assert!(title.ends_with('…'));
            }
        }
    }
}

#[test]
fn title_cuts_emoji_and_rtl_text_on_character_boundaries() {
    assert_eq!(titled("🎉🚀💡🔥✨").title(3), "🎉🚀…");
    assert_eq!(titled("🎉🚀").title(2), "🎉🚀");
    assert_eq!(titled("שלום עולם ומלואו").title(6), "שלום …");
    assert_eq!(titled("مرحبا بالعالم").title(6), "مرحبا…");
    assert_eq!(titled("   مرحبا   ").title(20), "مرحبا");
    assert_eq!(titled("Café crème brûlée").title(9), "Café crè…");
}
