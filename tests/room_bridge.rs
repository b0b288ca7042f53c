//! The room and the bridge together, as the app will drive them: a real room on loopback, two
//! phones joining with a real HTTP client, notes and ballots posted, `Room::poll` fed to a
//! `RoomBridge` whose edits go through `History`, and `room_view` published back to the phones.

mod room_support;

use std::time::{Duration, Instant};

use goldthread::history::History;
use goldthread::model::lab::Phase;
use goldthread::model::{
    CanvasPos, Edit, LabEdit, Note, NoteColour, NoteId, PhaseId, RoundSettings, RoundState,
    Session, ThemeEdit, VoteEdit, VoteMode, VoteOption,
};
use goldthread::room::{
    Arrivals, Room, RoomBridge, RoomChoices, RoomConfig, RoomEvent, RoomLimits, option_id,
    room_view,
};
use room_support::{get, join, note, send};
use serde_json::json;

/// A session with a current phase, three notes on the wall in two themes, and a vote open to
/// phones alongside the room's tally.
fn session() -> Session {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    let mut s = Session::new("Front desk lab", date);
    for (i, text) in ["Shorter queues", "Book online", "Clearer signs"]
        .iter()
        .enumerate()
    {
        let pos = CanvasPos::new(i as f32 * 300.0, 0.0);
        let note = Note::new(NoteId(i as u64 + 1), *text, NoteColour::Yellow, pos);
        Edit::add_notes(&s, vec![note]).apply(&mut s);
    }
    let phase = Phase::new(
        PhaseId(4),
        "Ideas",
        "What would make the front desk easier?",
        600,
    );
    LabEdit::add_phase(&s, phase).apply(&mut s);
    LabEdit::SetCurrentPhase(Some(PhaseId(4))).apply(&mut s);
    for name in ["Queues", "Signs"] {
        let (_, edit) = ThemeEdit::create(&s, Some(name.to_owned()), &[]);
        Edit::Theme(edit).apply(&mut s);
    }
    let options = s.themes.iter().map(|t| VoteOption::Theme(t.id)).collect();
    let mut settings = RoundSettings::new(options, Vec::new());
    settings.question = "Which theme first?".into();
    settings.mode = VoteMode::Tally;
    settings.room_size = 12;
    settings.dots_per_person = 3;
    settings.max_per_option = 2;
    settings.phones = true;
    let Ok(start) = s.voting.start(&s, settings) else {
        panic!("the vote starts");
    };
    Edit::Vote(start).apply(&mut s);
    s
}

/// A room on loopback showing `view` of `s`, with joins per address raised (test phones share
/// 127.0.0.1).
fn open(s: &Session) -> Room {
    let config = RoomConfig {
        bind: std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
        port: Some(0),
        limits: RoomLimits {
            joins_per_window: 1000,
            ..RoomLimits::default()
        },
    };
    let view = room_view(s, &RoomChoices::default());
    Room::open(config, view, || {}).expect("the room opens on loopback")
}

/// Polls the room until `count` events are in (the server hands them over within moments).
fn poll(room: &Room, count: usize) -> Vec<RoomEvent> {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut got = Vec::new();
    while got.len() < count && Instant::now() < deadline {
        got.extend(room.poll());
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(got.len(), count, "events: {got:?}");
    got
}

/// The app's frame: drain the room, apply each arrival through history, publish the view.
fn frame(room: &Room, bridge: &mut RoomBridge, s: &mut Session, h: &mut History, count: usize) {
    let refused = bridge.take_events(poll(room, count), s, h);
    assert!(refused.is_empty(), "{refused:?}");
    room.publish(room_view(s, &RoomChoices::default()));
}

#[test]
fn notes_and_ballots_from_two_phones_reach_the_session_as_undoable_edits() {
    let mut s = session();
    let room = open(&s);
    let (mut bridge, mut h) = (RoomBridge::new(Arrivals::Show), History::default());
    let (_, asha) = join(&room, "Asha");
    let body = json!({ "token": room_support::join_token(&room) });
    let (status, anon) = send(&room, "POST", "/api/join", None, &body);
    assert_eq!(status, 201);
    let anon = anon["token"].as_str().unwrap_or_default().to_owned();
    frame(&room, &mut bridge, &mut s, &mut h, 2);
    assert_eq!(
        s.participants.len(),
        1,
        "only the named phone is someone yet"
    );

    assert_eq!(note(&room, &asha, "a1", "Open earlier").0, 201);
    assert_eq!(note(&room, &asha, "a2", "A queue number").0, 201);
    assert_eq!(note(&room, &anon, "b1", "Quiet corner").0, 201);
    frame(&room, &mut bridge, &mut s, &mut h, 3);
    let wall_right = 2.0 * 300.0 + goldthread::model::NOTE_WIDTH;
    let phone_notes: Vec<&Note> = s.notes.iter().skip(3).collect();
    let texts: Vec<&str> = phone_notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, ["Open earlier", "A queue number", "Quiet corner"]);
    for n in &phone_notes {
        assert_eq!(n.phase, Some(PhaseId(4)));
        assert!(n.pos.x > wall_right, "in the From-phones area: {:?}", n.pos);
        let author = n
            .author
            .and_then(|a| s.participant(a))
            .map(|p| p.name.clone());
        assert!(author.is_some(), "{} has an author", n.text);
    }
    let names: Vec<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Asha", "Anonymous 1"]);

    assert!(h.undo(&mut s), "each arrival is one undo step");
    assert_eq!((s.notes.len(), s.participants.len()), (5, 1));
    assert!(h.redo(&mut s));
    assert_eq!(s.notes.len(), 6);

    let round = s.voting.rounds[0].id;
    let queues = option_id(VoteOption::Theme(s.themes[0].id));
    let signs = option_id(VoteOption::Theme(s.themes[1].id));
    let ballot = json!({ "vote": round.0, "dots": [{ "option": queues, "dots": 2 }] });
    assert_eq!(
        send(&room, "POST", "/api/ballot", Some(&asha), &ballot).0,
        201
    );
    let twice = send(&room, "POST", "/api/ballot", Some(&asha), &ballot).0;
    assert_eq!(twice, 409, "the room refuses a second ballot");
    let other = json!({ "vote": round.0, "dots": [{ "option": signs, "dots": 1 }] });
    assert_eq!(
        send(&room, "POST", "/api/ballot", Some(&anon), &other).0,
        201
    );
    frame(&room, &mut bridge, &mut s, &mut h, 2);
    let r = &s.voting.rounds[0];
    assert_eq!((r.ballots_in(), r.phone_ballots_in()), (2, 2));
    assert_eq!(
        r.totals().values().sum::<u32>(),
        3,
        "each ballot counted once"
    );

    let (_, seen) = get(&room, "GET", "/api/state", Some(&anon));
    assert_eq!(
        seen["ranking"],
        serde_json::Value::Null,
        "no ranking before the reveal"
    );
    assert!(
        !seen.to_string().contains("\"dots\":2"),
        "no one else's dots: {seen}"
    );

    h.apply(
        &mut s,
        Edit::Vote(VoteEdit::SetState {
            round,
            state: RoundState::Revealed,
        }),
    );
    room.publish(room_view(&s, &RoomChoices::default()));
    let (_, seen) = get(&room, "GET", "/api/state", Some(&anon));
    let lookup = goldthread::model::vote::OptionLookup::new(&s);
    let expected: Vec<serde_json::Value> = s.voting.rounds[0]
        .tally(&s)
        .rows
        .iter()
        .map(|row| json!({ "label": lookup.name(row.option), "dots": row.dots }))
        .collect();
    assert_eq!(seen["ranking"]["rows"], json!(expected), "{seen}");
    assert_eq!(seen["ranking"]["rows"][0]["label"], "Queues");
}

#[test]
fn held_notes_stay_out_of_the_session_until_the_facilitator_approves_them() {
    let mut s = session();
    let room = open(&s);
    let (mut bridge, mut h) = (RoomBridge::new(Arrivals::Hold), History::default());
    let (_, ben) = join(&room, "Ben");
    for (i, text) in ["Coffee", "Late buses", "Nothing to do with it"]
        .iter()
        .enumerate()
    {
        assert_eq!(note(&room, &ben, &format!("c{i}"), text).0, 201);
    }
    frame(&room, &mut bridge, &mut s, &mut h, 4);
    assert_eq!(
        s.notes.len(),
        3,
        "held notes are not in the session (nor its recovery copy)"
    );
    assert_eq!(bridge.held().len(), 3);
    let generation = h.generation();

    let rejected = bridge.held()[2].id;
    assert!(bridge.reject(rejected));
    let first = bridge.held()[0].id;
    let Some(edit) = bridge.approve(&s, first) else {
        panic!("the first note is held");
    };
    h.apply(&mut s, edit);
    assert_eq!(s.notes.len(), 4);
    assert!(
        h.generation() > generation,
        "autosave sees an approved note"
    );
    let Some(rest) = bridge.approve_all(&s) else {
        panic!("one note is still held");
    };
    h.apply(&mut s, rest);
    let texts: Vec<&str> = s.notes.iter().skip(3).map(|n| n.text.as_str()).collect();
    assert_eq!(texts, ["Coffee", "Late buses"]);
    assert!(bridge.held().is_empty());

    let id = bridge.note_id(first).unwrap_or(NoteId(0));
    let path = format!("/api/notes/{}", first.0);
    let body = json!({ "text": "Better coffee" });
    assert_eq!(send(&room, "PUT", &path, Some(&ben), &body).0, 200);
    frame(&room, &mut bridge, &mut s, &mut h, 1);
    assert_eq!(s.note(id).map(|n| n.text.as_str()), Some("Better coffee"));
}
