//! Unit tests of the bridge: each room event's edit, approval, placement and the view's secret.

use super::*;
use crate::history::History;
use crate::model::lab::Phase;
use crate::model::{
    CanvasPos, Edit, LabEdit, Level, Note, NoteColour, NoteId, Participant, ParticipantId, PhaseId,
    RoundSettings, RoundState, Session, ThemeEdit, VoteEdit, VoteOption,
};

fn session() -> Session {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    let mut s = Session::new("Lab", date);
    for (i, x) in [0.0, 300.0, 600.0].into_iter().enumerate() {
        let id = NoteId(i as u64 + 1);
        let note = Note::new(id, "Wall", NoteColour::Blue, CanvasPos::new(x, 100.0));
        Edit::add_notes(&s, vec![note]).apply(&mut s);
    }
    let phase = Phase::new(PhaseId(1), "Ideas", "What would help?", 600);
    LabEdit::add_phase(&s, phase).apply(&mut s);
    LabEdit::SetCurrentPhase(Some(PhaseId(1))).apply(&mut s);
    s
}

fn joined(phone: u32, name: &str, area: Option<&str>, level: Option<&str>) -> RoomEvent {
    RoomEvent::PhoneJoined {
        phone: PhoneId(phone),
        name: name.into(),
        anonymous: name.starts_with("Anonymous"),
        area: area.map(str::to_owned),
        level: level.map(str::to_owned),
    }
}

fn added(phone: u32, note: u64, text: &str) -> RoomEvent {
    RoomEvent::NoteAdded {
        phone: PhoneId(phone),
        note: RoomNoteId(note),
        text: text.into(),
        phase: "phase-1".into(),
    }
}

/// Feeds `events` through a bridge into `s`, asserting nothing was refused.
fn feed(bridge: &mut RoomBridge, s: &mut Session, h: &mut History, events: Vec<RoomEvent>) {
    let refused = bridge.take_events(events, s, h);
    assert!(refused.is_empty(), "{refused:?}");
}

fn texts(s: &Session) -> Vec<&str> {
    s.notes.iter().map(|n| n.text.as_str()).collect()
}

#[test]
fn a_named_phone_becomes_a_participant_with_its_area_and_level_and_a_known_name_is_reused() {
    let mut s = session();
    let ann = Participant::new(ParticipantId(1), "Ann");
    Edit::InsertParticipants(vec![(0, ann)]).apply(&mut s);
    let (mut bridge, mut h) = (RoomBridge::new(Arrivals::Show), History::default());
    let events = vec![
        joined(1, "Asha", Some("Housing"), Some("Manager")),
        joined(2, "ann", Some("Libraries"), Some("Front line")),
        joined(3, "Anonymous 1", Some("Housing"), None),
    ];
    feed(&mut bridge, &mut s, &mut h, events);
    let names: Vec<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Ann", "Asha"],
        "an anonymous phone that said nothing is no one yet"
    );
    let asha = &s.participants[1];
    assert_eq!(asha.service_area, "Housing");
    assert_eq!(asha.level, Some(Level::Manager));
    let ann = &s.participants[0];
    assert_eq!(
        (ann.service_area.as_str(), &ann.level),
        ("Libraries", &Some(Level::FrontLine))
    );
}

#[test]
fn an_anonymous_phones_first_note_makes_it_a_participant_in_the_same_undo_step() {
    let mut s = session();
    let (mut bridge, mut h) = (RoomBridge::new(Arrivals::Show), History::default());
    feed(
        &mut bridge,
        &mut s,
        &mut h,
        vec![joined(1, "Anonymous 1", Some("Housing"), None)],
    );
    assert!(!h.can_undo());
    feed(&mut bridge, &mut s, &mut h, vec![added(1, 7, "Late buses")]);
    let Some(note) = s.notes.last() else {
        panic!("the note is in")
    };
    let Some(author) = note.author.and_then(|a| s.participant(a)) else {
        panic!("the note has an author")
    };
    assert_eq!(
        (author.name.as_str(), author.service_area.as_str()),
        ("Anonymous 1", "Housing")
    );
    assert_eq!(note.phase, Some(PhaseId(1)));
    assert!(h.undo(&mut s));
    assert_eq!(
        (s.notes.len(), s.participants.len()),
        (3, 0),
        "one step undoes both"
    );
    assert!(!h.can_undo());
}

#[test]
fn anonymous_numbers_from_an_earlier_opening_do_not_merge_people() {
    let mut s = session();
    let earlier = Participant::new(ParticipantId(1), "Anonymous 1");
    Edit::InsertParticipants(vec![(0, earlier)]).apply(&mut s);
    let (mut bridge, mut h) = (RoomBridge::new(Arrivals::Show), History::default());
    let events = vec![joined(1, "Anonymous 1", None, None), added(1, 1, "Hi")];
    feed(&mut bridge, &mut s, &mut h, events);
    assert_eq!(s.participants.len(), 2);
    assert_ne!(s.notes[3].author, Some(ParticipantId(1)));
}

#[test]
fn notes_from_phones_stack_in_reading_order_right_of_the_wall_without_overlap() {
    let mut s = session();
    let wall = s.bounds();
    let (mut bridge, mut h) = (RoomBridge::new(Arrivals::Show), History::default());
    let mut events = vec![joined(1, "Asha", None, None)];
    events.extend((0..6).map(|i| added(1, i, &format!("Idea {i}"))));
    feed(&mut bridge, &mut s, &mut h, events);
    let (Some(wall), Some(area)) = (wall, bridge.from_phones_area()) else {
        panic!("a wall and a From-phones area")
    };
    let phone_notes = &s.notes[3..];
    assert_eq!(phone_notes.len(), 6);
    for (i, n) in phone_notes.iter().enumerate() {
        assert!(n.pos.x > wall.max.x, "right of the wall: {:?}", n.pos);
        assert!(area.contains(n.pos));
        assert_eq!(n.author, Some(ParticipantId(1)));
        for other in s.notes.iter().filter(|o| o.id != n.id) {
            assert!(
                !n.rect().intersects(&other.rect()),
                "{i} overlaps {:?}",
                other.id
            );
        }
    }
    let order: Vec<(f32, f32)> = phone_notes.iter().map(|n| (n.pos.y, n.pos.x)).collect();
    let mut sorted = order.clone();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    assert_eq!(
        order, sorted,
        "reading order: rows top to bottom, left to right"
    );
    assert!(phone_notes[0].pos.y <= phone_notes[5].pos.y);
    for _ in 0..6 {
        assert!(h.undo(&mut s), "one undo step per arrival");
    }
    assert_eq!(s.notes.len(), 3);
}

#[test]
fn a_phone_edits_and_deletes_only_its_own_notes() {
    let mut s = session();
    let (mut bridge, mut h) = (RoomBridge::new(Arrivals::Show), History::default());
    let events = vec![
        joined(1, "Asha", None, None),
        joined(2, "Ben", None, None),
        added(1, 10, "Mine"),
    ];
    feed(&mut bridge, &mut s, &mut h, events);
    let theirs = RoomEvent::NoteEdited {
        phone: PhoneId(2),
        note: RoomNoteId(10),
        text: "Hijacked".into(),
    };
    assert_eq!(bridge.edit_for(&s, theirs), Ok(None));
    let stolen = RoomEvent::NoteDeleted {
        phone: PhoneId(2),
        note: RoomNoteId(10),
    };
    assert_eq!(bridge.edit_for(&s, stolen), Ok(None));
    let events = vec![RoomEvent::NoteEdited {
        phone: PhoneId(1),
        note: RoomNoteId(10),
        text: "Mine, better".into(),
    }];
    feed(&mut bridge, &mut s, &mut h, events);
    assert_eq!(texts(&s)[3], "Mine, better");
    let events = vec![RoomEvent::NoteDeleted {
        phone: PhoneId(1),
        note: RoomNoteId(10),
    }];
    feed(&mut bridge, &mut s, &mut h, events);
    assert_eq!(s.notes.len(), 3);
    assert!(h.undo(&mut s), "the delete is undoable");
    assert_eq!(texts(&s)[3], "Mine, better");
}

#[test]
fn held_notes_wait_outside_the_session_until_approved_or_rejected() {
    let mut s = session();
    let (mut bridge, mut h) = (RoomBridge::new(Arrivals::Hold), History::default());
    let events = vec![
        joined(1, "Anonymous 1", None, None),
        added(1, 1, "First"),
        added(1, 2, "Second"),
        added(1, 3, "Third"),
        RoomEvent::NoteEdited {
            phone: PhoneId(1),
            note: RoomNoteId(2),
            text: "Second, edited".into(),
        },
    ];
    feed(&mut bridge, &mut s, &mut h, events);
    assert_eq!(
        (s.notes.len(), s.participants.len()),
        (3, 0),
        "nothing held is in"
    );
    assert!(!h.can_undo());
    assert_eq!(bridge.held().len(), 3);
    assert!(bridge.reject(RoomNoteId(3)));
    assert!(
        !bridge.reject(RoomNoteId(3)),
        "rejecting twice finds nothing"
    );
    let Some(one) = bridge.approve(&s, RoomNoteId(2)) else {
        panic!("note 2 is held")
    };
    h.apply(&mut s, one);
    assert_eq!(texts(&s)[3..], ["Second, edited"]);
    let Some(rest) = bridge.approve_all(&s) else {
        panic!("note 1 is held")
    };
    h.apply(&mut s, rest);
    assert_eq!(texts(&s)[3..], ["Second, edited", "First"]);
    assert!(bridge.held().is_empty());
    assert_eq!(s.participants.len(), 1, "one anonymous author for both");
    assert_eq!(s.notes[3].author, s.notes[4].author);
    assert!(h.undo(&mut s) && h.undo(&mut s) && !h.can_undo());
}

/// A session with two themes, a participant who voted at the laptop, and a round open to phones.
fn voting_session() -> (Session, crate::model::RoundId) {
    let mut s = session();
    for name in ["Queues", "Signs"] {
        let (_, edit) = ThemeEdit::create(&s, Some(name.to_owned()), &[]);
        Edit::Theme(edit).apply(&mut s);
    }
    s.notes[0].theme = Some(s.themes[0].id);
    let options = s.themes.iter().map(|t| VoteOption::Theme(t.id)).collect();
    let mut settings = RoundSettings::new(options, Vec::new());
    settings.mode = crate::model::VoteMode::Tally;
    settings.room_size = 10;
    settings.dots_per_person = 3;
    settings.max_per_option = 2;
    settings.phones = true;
    let id = s.voting.next_round_id();
    let Ok(start) = s.voting.start(&s, settings) else {
        panic!("the vote starts")
    };
    Edit::Vote(start).apply(&mut s);
    (s, id)
}

fn ballot(phone: u32, vote: u64, dots: Vec<(u64, u32)>) -> RoomEvent {
    RoomEvent::BallotCast {
        phone: PhoneId(phone),
        vote,
        dots,
    }
}

#[test]
fn a_phone_ballot_counts_once_and_a_second_one_is_refused_with_a_message() {
    let (mut s, round) = voting_session();
    let (mut bridge, mut h) = (RoomBridge::new(Arrivals::Show), History::default());
    let queues = option_id(VoteOption::Theme(s.themes[0].id));
    let events = vec![
        joined(1, "Anonymous 1", None, None),
        ballot(1, round.0, vec![(queues, 2)]),
    ];
    feed(&mut bridge, &mut s, &mut h, events);
    let Some(r) = s.voting.round(round) else {
        panic!("round")
    };
    assert_eq!((r.ballots_in(), r.totals().values().sum::<u32>()), (1, 2));
    let again = bridge.take_events(vec![ballot(1, round.0, vec![(queues, 1)])], &mut s, &mut h);
    assert_eq!(again.len(), 1);
    assert!(again[0].to_string().contains("already in"), "{}", again[0]);
    let missing = bridge.take_events(vec![ballot(1, 99, vec![(queues, 1)])], &mut s, &mut h);
    assert_eq!(
        missing,
        [BridgeError::Ballot(crate::model::VoteError::NoSuchRound)]
    );
    let Some(r) = s.voting.round(round) else {
        panic!("round")
    };
    assert_eq!((r.ballots_in(), r.totals().values().sum::<u32>()), (1, 2));
}

#[test]
fn the_view_keeps_the_secret_until_the_reveal_then_shows_the_sessions_ranking() {
    let (mut s, round) = voting_session();
    let choices = RoomChoices::default();
    let before = room_view(&s, &choices);
    assert_eq!(before.phase_key, "phase-1");
    assert_eq!(
        (before.phase_name.as_str(), before.question.as_str()),
        ("Ideas", "What would help?")
    );
    let Some(vote) = &before.vote else {
        panic!("the round open to phones is shown")
    };
    assert_eq!(
        vote.options[0].notes,
        ["Wall"],
        "a theme's notes, on demand"
    );
    assert_eq!((vote.budget, vote.per_option_cap), (3, 2));
    // Ballots in change nothing phones can see while the vote is open: no total leaks.
    let (mut bridge, mut h) = (RoomBridge::new(Arrivals::Show), History::default());
    let signs = option_id(VoteOption::Theme(s.themes[1].id));
    let events = vec![
        joined(1, "Ann", None, None),
        ballot(1, round.0, vec![(signs, 2)]),
    ];
    feed(&mut bridge, &mut s, &mut h, events);
    let tally = VoteEdit::SetDots {
        round,
        voter: crate::model::Voter::Room,
        option: VoteOption::Theme(s.themes[0].id),
        count: 1,
    };
    h.apply(&mut s, Edit::Vote(tally));
    let mut during = room_view(&s, &choices);
    during.areas.clear();
    let mut expected = before.clone();
    expected.areas.clear();
    assert_eq!(during.ranking, None);
    assert_eq!(
        during.vote, expected.vote,
        "the vote shows no dots before the reveal"
    );
    let json = serde_json::to_string(&room_view(&s, &choices)).unwrap_or_default();
    assert!(
        !json.contains("\"dots\""),
        "no dot count in what phones get: {json}"
    );
    assert!(json.contains("\"ranking\":null"), "{json}");

    h.apply(
        &mut s,
        Edit::Vote(VoteEdit::SetState {
            round,
            state: RoundState::Revealed,
        }),
    );
    let after = room_view(&s, &choices);
    assert_eq!(after.vote, None);
    let Some(ranking) = after.ranking else {
        panic!("the ranking after the reveal")
    };
    let Some(r) = s.voting.round(round) else {
        panic!("round")
    };
    let expected: Vec<(String, u32)> = r
        .tally(&s)
        .rows
        .iter()
        .map(|row| (row.option.name(&s), row.dots))
        .collect();
    let got: Vec<(String, u32)> = ranking
        .rows
        .into_iter()
        .map(|r| (r.label, r.dots))
        .collect();
    assert_eq!(got, expected);
    assert_eq!(got[0], ("Signs".to_owned(), 2));
}

#[test]
fn option_ids_and_phase_keys_round_trip_and_levels_map_back() {
    let s = session();
    for option in [
        VoteOption::Theme(crate::model::ThemeId(7)),
        VoteOption::Note(NoteId(7)),
    ] {
        assert_eq!(option_from_id(option_id(option)), option);
    }
    assert_eq!(
        phase_from_key(&s, &phase_key(Some(PhaseId(1)))),
        Some(PhaseId(1))
    );
    assert_eq!(phase_from_key(&s, "phase-9"), None, "a phase since deleted");
    assert_eq!(phase_from_key(&s, "nonsense"), None);
    assert_eq!(level_from_label("front line"), Some(Level::FrontLine));
    assert_eq!(
        level_from_label("Volunteer"),
        Some(Level::Custom("Volunteer".into()))
    );
    assert_eq!(level_from_label(" "), None);
    let view = room_view(
        &s,
        &RoomChoices {
            capture_locked: true,
            vote: None,
        },
    );
    assert!(view.capture_locked && view.vote.is_none() && view.ranking.is_none());
    assert_eq!(
        view.levels[..2],
        ["Front line".to_owned(), "Manager".to_owned()]
    );
}
