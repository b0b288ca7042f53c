//! Protects the rules of themes: create, assign, drop in and out, move, tidy, merge, split,
//! delete, reorder, accept suggestions, each undone exactly by its inverse; frames that grow to
//! fit; repair of damaged theme data; and themes surviving save and load.

use chrono::NaiveDate;
use goldthread::model::theme::{THEME_HEADER, THEME_PADDING};
use goldthread::model::{Theme, ThemeColour, ThemeEdit, ThemeId};
use goldthread::storage;
use goldthread::{CanvasPos, Edit, History, Note, NoteColour, NoteId, Session};

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// `n` notes with ids 1..=n on a 5-wide grid, like captured notes.
fn session_with_notes(n: u64) -> Session {
    let mut session = Session::new("Workshop", date());
    let notes = (1..=n)
        .map(|i| {
            let (col, row) = ((i - 1) % 5, (i - 1) / 5);
            Note::new(
                NoteId(i),
                format!("Idea {i}"),
                NoteColour::Yellow,
                CanvasPos::new(col as f32 * 264.0, row as f32 * 194.0),
            )
        })
        .collect();
    Edit::add_notes(&session, notes).apply(&mut session);
    session
}

/// What a user sees of a session: its notes and themes. (The id counters only ever grow, so
/// ids are never reused after an undo.)
fn visible(session: &Session) -> (Vec<Note>, Vec<Theme>) {
    (session.notes.clone(), session.themes.clone())
}

/// Applies `edit` through a history, checks it changed something, undoes it and checks the
/// session is back exactly, redoes it and checks it matches the edited state.
fn round_trip(session: &mut Session, edit: ThemeEdit) {
    let before = visible(session);
    let mut history = History::default();
    history.apply(session, Edit::Theme(edit));
    let after = visible(session);
    assert_ne!(before, after, "the edit must change something");
    assert!(history.undo(session));
    assert_eq!(
        visible(session),
        before,
        "one undo restores the session exactly"
    );
    assert!(history.redo(session));
    assert_eq!(visible(session), after, "redo gives the same result");
}

fn theme_of(session: &Session, id: u64) -> Option<ThemeId> {
    session.note(NoteId(id)).unwrap().theme
}

fn make_theme(session: &mut Session, name: &str, notes: &[u64]) -> ThemeId {
    let ids: Vec<NoteId> = notes.iter().map(|i| NoteId(*i)).collect();
    let (id, edit) = ThemeEdit::create(session, Some(name.to_owned()), &ids);
    Edit::Theme(edit).apply(session);
    id
}

#[test]
fn create_from_scattered_selection_lays_notes_out_in_a_new_frame() {
    let mut s = session_with_notes(10);
    let (id, edit) = ThemeEdit::create(&s, Some("Data".into()), &[NoteId(1), NoteId(7)]);
    round_trip(&mut s, edit);
    let theme = s.theme(id).unwrap();
    assert_eq!(theme.name, "Data");
    assert_eq!(theme_of(&s, 1), Some(id));
    assert_eq!(theme_of(&s, 7), Some(id));
    assert_eq!(theme_of(&s, 2), None);
    // The frame holds its notes and no other note.
    let frame = s.theme_frame(id).unwrap();
    assert_eq!(frame.count, 2);
    for note in &s.notes {
        let inside = frame.rect.intersects(&note.rect());
        assert_eq!(inside, note.theme == Some(id), "{} misplaced", note.text);
    }
}

#[test]
fn create_around_notes_that_already_sit_together_keeps_them_in_place() {
    let mut s = Session::new("W", date());
    let notes = vec![
        Note::new(NoteId(1), "a", NoteColour::Yellow, CanvasPos::new(0.0, 0.0)),
        Note::new(
            NoteId(2),
            "b",
            NoteColour::Yellow,
            CanvasPos::new(264.0, 0.0),
        ),
        Note::new(
            NoteId(3),
            "far",
            NoteColour::Yellow,
            CanvasPos::new(3000.0, 0.0),
        ),
    ];
    Edit::add_notes(&s, notes).apply(&mut s);
    let id = make_theme(&mut s, "Near", &[1, 2]);
    assert_eq!(s.note(NoteId(1)).unwrap().pos, CanvasPos::new(0.0, 0.0));
    assert_eq!(s.note(NoteId(2)).unwrap().pos, CanvasPos::new(264.0, 0.0));
    let theme = s.theme(id).unwrap();
    assert_eq!(theme.pos, CanvasPos::new(-THEME_PADDING, -THEME_HEADER));
}

#[test]
fn an_empty_theme_has_a_frame_to_drop_notes_into_and_a_default_name() {
    let mut s = session_with_notes(3);
    let (id, edit) = ThemeEdit::create(&s, None, &[]);
    round_trip(&mut s, edit);
    assert_eq!(s.theme(id).unwrap().name, "Theme 1");
    let frame = s.theme_frame(id).unwrap();
    assert_eq!(frame.count, 0);
    assert!(frame.rect.width() > 400.0 && frame.rect.height() > 200.0);
    for note in &s.notes {
        assert!(
            !frame.rect.intersects(&note.rect()),
            "new frame is on free canvas"
        );
    }
    let (second, _) = ThemeEdit::create(&s, None, &[]);
    assert_ne!(second, id, "ids are never reused");
}

#[test]
fn themes_take_colours_in_turn() {
    let mut s = session_with_notes(3);
    let a = make_theme(&mut s, "A", &[]);
    let b = make_theme(&mut s, "B", &[]);
    assert_eq!(s.theme(a).unwrap().colour, ThemeColour::ALL[0]);
    assert_eq!(s.theme(b).unwrap().colour, ThemeColour::ALL[1]);
}

#[test]
fn assign_sends_notes_into_free_places_in_the_theme_and_zero_takes_them_out() {
    let mut s = session_with_notes(10);
    let id = make_theme(&mut s, "Data", &[1]);
    let edit = ThemeEdit::assign(&s, &[NoteId(4), NoteId(9)], Some(id));
    round_trip(&mut s, edit);
    let frame = s.theme_frame(id).unwrap();
    assert_eq!(frame.count, 3);
    let members: Vec<&Note> = s.theme_members(id).collect();
    for (i, a) in members.iter().enumerate() {
        assert!(frame.frame.intersects(&a.rect()));
        for b in &members[i + 1..] {
            assert!(!a.rect().intersects(&b.rect()), "members never overlap");
        }
    }
    // Assigning a note to the theme it is in changes nothing.
    assert!(ThemeEdit::assign(&s, &[NoteId(4)], Some(id)).is_empty());

    let out = ThemeEdit::assign(&s, &[NoteId(4)], None);
    round_trip(&mut s, out);
    assert_eq!(theme_of(&s, 4), None);
    let frame = s.theme_frame(id).unwrap();
    assert!(
        !frame.rect.intersects(&s.note(NoteId(4)).unwrap().rect()),
        "a note taken out does not sit inside the frame"
    );
    for note in s.notes.iter().filter(|n| n.id != NoteId(4)) {
        assert!(!note.rect().intersects(&s.note(NoteId(4)).unwrap().rect()));
    }
}

#[test]
fn assign_to_a_missing_theme_changes_nothing() {
    let s = session_with_notes(3);
    assert!(ThemeEdit::assign(&s, &[NoteId(1)], Some(ThemeId(99))).is_empty());
}

#[test]
fn the_frame_grows_to_fit_its_notes() {
    let mut s = session_with_notes(12);
    let id = make_theme(&mut s, "Data", &[1]);
    let small = s.theme_frame(id).unwrap().frame;
    let notes: Vec<NoteId> = (2..=9).map(NoteId).collect();
    Edit::Theme(ThemeEdit::assign(&s, &notes, Some(id))).apply(&mut s);
    let big = s.theme_frame(id).unwrap().frame;
    assert!(big.height() > small.height());
    for note in s.theme_members(id) {
        let r = note.rect();
        assert!(big.min.x <= r.min.x && big.max.x >= r.max.x);
        assert!(big.min.y <= r.min.y && big.max.y >= r.max.y);
    }
}

#[test]
fn dropping_inside_a_frame_joins_and_outside_leaves_in_one_step() {
    let mut s = session_with_notes(6);
    let id = make_theme(&mut s, "Data", &[1]);
    let frame = s.theme_frame(id).unwrap().frame;
    let frames = [(id, frame)];
    // Note 2 dropped with its centre inside the frame.
    let inside = CanvasPos::new(frame.min.x + 300.0, frame.min.y + 80.0);
    let edit = ThemeEdit::drop_notes(&s, &[(NoteId(2), inside)], &frames);
    round_trip(&mut s, edit);
    assert_eq!(theme_of(&s, 2), Some(id));
    assert_eq!(s.note(NoteId(2)).unwrap().pos, inside);
    // Note 1 dragged far away leaves.
    let outside = CanvasPos::new(frame.max.x + 500.0, frame.min.y);
    let edit = ThemeEdit::drop_notes(&s, &[(NoteId(1), outside)], &frames);
    round_trip(&mut s, edit);
    assert_eq!(theme_of(&s, 1), None);
    assert_eq!(s.note(NoteId(1)).unwrap().pos, outside);
}

#[test]
fn moving_a_theme_moves_its_notes_and_nothing_else() {
    let mut s = session_with_notes(6);
    let id = make_theme(&mut s, "Data", &[2, 3]);
    let before: Vec<(NoteId, CanvasPos)> = s.notes.iter().map(|n| (n.id, n.pos)).collect();
    let anchor = s.theme(id).unwrap().pos;
    let edit = ThemeEdit::move_theme(&s, id, 100.0, -50.0);
    round_trip(&mut s, edit);
    assert_eq!(s.theme(id).unwrap().pos, anchor.offset(100.0, -50.0));
    for (nid, pos) in before {
        let now = s.note(nid).unwrap().pos;
        if s.note(nid).unwrap().theme == Some(id) {
            assert_eq!(now, pos.offset(100.0, -50.0));
        } else {
            assert_eq!(now, pos);
        }
    }
}

#[test]
fn tidy_lays_members_out_on_a_grid_without_overlap() {
    let mut s = session_with_notes(6);
    let id = make_theme(&mut s, "Data", &[1]);
    let frame = s.theme_frame(id).unwrap().frame;
    let messy = [
        (
            NoteId(2),
            CanvasPos::new(frame.min.x + 40.0, frame.min.y + 90.0),
        ),
        (
            NoteId(3),
            CanvasPos::new(frame.min.x + 60.0, frame.min.y + 130.0),
        ),
    ];
    Edit::Theme(ThemeEdit::drop_notes(&s, &messy, &[(id, frame)])).apply(&mut s);
    assert_eq!(s.theme_frame(id).unwrap().count, 3);
    let edit = ThemeEdit::tidy(&s, id);
    round_trip(&mut s, edit);
    let members: Vec<&Note> = s.theme_members(id).collect();
    for (i, a) in members.iter().enumerate() {
        for b in &members[i + 1..] {
            assert!(!a.rect().intersects(&b.rect()));
        }
    }
    let origin = s.theme(id).unwrap().content_origin();
    assert!(
        members.iter().any(|n| n.pos == origin),
        "grid starts at the frame's corner"
    );
}

#[test]
fn merge_keeps_every_note_takes_the_chosen_name_and_undoes_in_one_step() {
    let mut s = session_with_notes(10);
    let a = make_theme(&mut s, "Data", &[1, 2]);
    let b = make_theme(&mut s, "Sharing", &[3, 4, 5]);
    let edit = ThemeEdit::merge(&s, a, &[b], "Data sharing".into());
    round_trip(&mut s, edit);
    assert_eq!(s.themes.len(), 1);
    assert_eq!(s.theme(a).unwrap().name, "Data sharing");
    assert_eq!(s.notes.len(), 10, "no note lost");
    assert_eq!(s.theme_frame(a).unwrap().count, 5);
    assert!(s.notes.iter().all(|n| n.theme != Some(b)));
}

#[test]
fn split_moves_part_of_a_theme_to_a_new_theme() {
    let mut s = session_with_notes(10);
    let a = make_theme(&mut s, "Everything", &[1, 2, 3, 4]);
    let (b, edit) = ThemeEdit::split(&s, &[NoteId(3), NoteId(4)], Some("Skills".into()));
    round_trip(&mut s, edit);
    assert_eq!(s.theme_frame(a).unwrap().count, 2);
    assert_eq!(s.theme_frame(b).unwrap().count, 2);
    assert_eq!(s.theme(b).unwrap().name, "Skills");
    let fa = s.theme_frame(a).unwrap().rect;
    let fb = s.theme_frame(b).unwrap().rect;
    assert!(
        !fa.intersects(&fb),
        "the new theme does not sit on the old one"
    );
}

#[test]
fn delete_leaves_notes_where_they_were() {
    let mut s = session_with_notes(6);
    let a = make_theme(&mut s, "Data", &[1, 2]);
    let before: Vec<CanvasPos> = s.notes.iter().map(|n| n.pos).collect();
    let edit = ThemeEdit::delete(&s, &[a]);
    round_trip(&mut s, edit);
    assert!(s.themes.is_empty());
    assert_eq!(s.notes.len(), 6);
    assert!(s.notes.iter().all(|n| n.theme.is_none()));
    let after: Vec<CanvasPos> = s.notes.iter().map(|n| n.pos).collect();
    assert_eq!(before, after);
}

#[test]
fn rename_recolour_collapse_and_reorder_undo() {
    let mut s = session_with_notes(3);
    let a = make_theme(&mut s, "A", &[1]);
    let b = make_theme(&mut s, "B", &[2]);
    let c = make_theme(&mut s, "C", &[3]);
    round_trip(
        &mut s,
        ThemeEdit::Rename {
            id: a,
            name: "Alpha".into(),
        },
    );
    round_trip(
        &mut s,
        ThemeEdit::Recolour {
            id: a,
            colour: ThemeColour::Rose,
        },
    );
    round_trip(
        &mut s,
        ThemeEdit::SetCollapsed {
            id: b,
            collapsed: true,
        },
    );
    assert!(s.theme(b).unwrap().collapsed);
    let frame = s.theme_frame(b).unwrap();
    assert_eq!(frame.count, 1, "a collapsed theme still counts its notes");
    assert_eq!(frame.rect, s.theme(b).unwrap().collapsed_card());
    round_trip(&mut s, ThemeEdit::Reorder { id: c, index: 0 });
    let order: Vec<ThemeId> = s.themes.iter().map(|t| t.id).collect();
    assert_eq!(order, [c, a, b]);
}

#[test]
fn accepting_suggestions_makes_every_theme_in_one_step() {
    let mut s = session_with_notes(10);
    let groups = vec![
        ("Data".to_owned(), vec![NoteId(1), NoteId(2), NoteId(3)]),
        ("Skills".to_owned(), vec![NoteId(4), NoteId(5)]),
        ("Gone".to_owned(), vec![NoteId(99)]),
    ];
    let edit = ThemeEdit::accept(&s, &groups);
    round_trip(&mut s, edit);
    let names: Vec<&str> = s.themes.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        ["Data", "Skills"],
        "a group with no notes left is skipped"
    );
    let frames = s.theme_frames();
    assert_eq!(frames[0].count, 3);
    assert_eq!(frames[1].count, 2);
    assert!(!frames[0].rect.intersects(&frames[1].rect));
    // Every untouched note is outside every frame.
    for note in s.notes.iter().filter(|n| n.theme.is_none()) {
        assert!(frames.iter().all(|f| !f.rect.intersects(&note.rect())));
    }
}

#[test]
fn many_accepted_suggestions_wrap_into_rows_without_overlapping() {
    let mut s = session_with_notes(24);
    let groups: Vec<(String, Vec<NoteId>)> = (0..9u64)
        .map(|g| {
            let size = if g % 2 == 0 { 4 } else { 2 };
            let first = g * 2 + 1;
            let notes = (first..first + size).map(NoteId).collect();
            (format!("Theme {g}"), notes)
        })
        .collect();
    let edit = ThemeEdit::accept(&s, &groups);
    round_trip(&mut s, edit);
    let frames = s.theme_frames();
    assert!(frames.len() >= 5, "{}", frames.len());
    for (i, a) in frames.iter().enumerate() {
        for b in &frames[i + 1..] {
            assert!(!a.rect.intersects(&b.rect), "{a:?} overlaps {b:?}");
        }
    }
    // The fifth theme starts a new row below the first, at the same left edge.
    let (first, fifth) = (frames[0].rect, frames[4].rect);
    assert_eq!(fifth.min.x, first.min.x);
    assert!(fifth.min.y > first.max.y);
    let row_one = frames[..4].iter().map(|f| f.rect.min.y);
    assert!(row_one.into_iter().all(|y| y == first.min.y));
}

#[test]
fn accepting_skips_notes_already_in_a_theme() {
    let mut s = session_with_notes(4);
    let a = make_theme(&mut s, "Mine", &[1]);
    let edit = ThemeEdit::accept(&s, &[("New".into(), vec![NoteId(1), NoteId(2)])]);
    Edit::Theme(edit).apply(&mut s);
    assert_eq!(theme_of(&s, 1), Some(a));
    assert_ne!(theme_of(&s, 2), None);
}

#[test]
fn repair_unlinks_notes_from_missing_themes_and_renumbers_duplicates() {
    let mut s = session_with_notes(3);
    s.themes.push(Theme::new(ThemeId(1), "One"));
    s.themes.push(Theme::new(ThemeId(1), "Copy"));
    let mut far = Theme::new(ThemeId(5), "Far");
    far.pos = CanvasPos::new(f32::NAN, 0.0);
    s.themes.push(far);
    s.notes[0].theme = Some(ThemeId(1));
    s.notes[1].theme = Some(ThemeId(42));
    let warnings = s.repair();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("Two themes shared id 1")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("1 note pointed at a theme")),
        "{warnings:?}"
    );
    assert!(
        warnings.iter().any(|w| w.contains("impossible position")),
        "{warnings:?}"
    );
    assert_eq!(
        s.notes[0].theme,
        Some(ThemeId(1)),
        "the first theme keeps its notes"
    );
    assert_eq!(s.notes[1].theme, None);
    let mut ids: Vec<u64> = s.themes.iter().map(|t| t.id.0).collect();
    ids.dedup();
    assert_eq!(ids.len(), 3);
    assert!(s.next_theme_id().0 > 5);
    assert_eq!(s.notes.len(), 3, "no note lost");
}

#[test]
fn themes_membership_colours_collapse_and_order_survive_save_and_load() {
    let mut s = session_with_notes(6);
    let a = make_theme(&mut s, "Data", &[1, 2]);
    let b = make_theme(&mut s, "Skills", &[3]);
    Edit::Theme(ThemeEdit::Recolour {
        id: a,
        colour: ThemeColour::Teal,
    })
    .apply(&mut s);
    Edit::Theme(ThemeEdit::SetCollapsed {
        id: b,
        collapsed: true,
    })
    .apply(&mut s);
    Edit::Theme(ThemeEdit::Reorder { id: b, index: 0 }).apply(&mut s);
    let text = storage::to_ron(&s);
    let loaded = storage::from_ron(&text).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.session, s);
}

#[test]
fn an_old_file_without_themes_still_opens() {
    let text = r#"(
    format_version: 1,
    session: (
        title: "Old lab",
        date: "2025-03-01",
        notes: [
            (id: 1, text: "Open data portal", colour: Yellow, pos: (x: 0.0, y: 0.0)),
        ],
        next_note_id: 2,
    ),
)"#;
    let loaded = storage::from_ron(text).unwrap();
    assert!(loaded.session.themes.is_empty());
    assert_eq!(loaded.session.notes[0].theme, None);
    assert_eq!(loaded.session.notes.len(), 1);
}

#[test]
fn a_theme_written_by_hand_with_only_id_and_name_opens_with_defaults() {
    let text = r#"(
    format_version: 2,
    session: (
        title: "Hand made",
        date: "2025-03-01",
        notes: [(id: 1, text: "a", pos: (x: 0.0, y: 0.0), theme: Some(3))],
        themes: [(id: 3, name: "Data")],
    ),
)"#;
    let loaded = storage::from_ron(text).unwrap();
    let theme = &loaded.session.themes[0];
    assert_eq!(theme.colour, ThemeColour::Gold);
    assert!(!theme.collapsed);
    assert_eq!(loaded.session.notes[0].theme, Some(ThemeId(3)));
    assert!(loaded.session.next_theme_id().0 >= 4);
}

#[test]
fn frames_of_ten_thousand_notes_are_computed_in_one_pass() {
    let mut s = session_with_notes(10_000);
    for t in 0..20u64 {
        let notes: Vec<u64> = (t * 10 + 1..=t * 10 + 10).collect();
        make_theme(&mut s, &format!("T{t}"), &notes);
    }
    let start = std::time::Instant::now();
    let frames = s.theme_frames();
    let took = start.elapsed();
    assert_eq!(frames.len(), 20);
    assert!(frames.iter().all(|f| f.count == 10));
    assert!(took.as_millis() < 200, "took {took:?}");
}
