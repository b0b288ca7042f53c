//! The room over loopback with a real HTTP client: joining, notes, voting, the secret before the
//! reveal, removed phones and reopened rooms. Each refusal changes nothing.

mod room_support;

use std::time::Duration;

use goldthread::room::{PhoneId, RankedOption, RoomEvent, RoomRanking, RoomView};
use room_support::{events, get, join, join_token, note, open, send, view, vote};
use serde_json::json;

#[test]
fn joining_by_qr_token_or_typed_code_with_name_area_and_level() {
    let room = open();
    let body = json!({ "token": join_token(&room), "name": "Asha", "area": "Housing", "level": "Manager" });
    let (status, reply) = send(&room, "POST", "/api/join", None, &body);
    assert_eq!(status, 201, "{reply}");
    assert_eq!(reply["name"], "Asha");
    assert_eq!(reply["token"].as_str().map(str::len), Some(32));

    let code = room.join_code().to_lowercase().replace('-', " ");
    let (status, reply) = send(&room, "POST", "/api/join", None, &json!({ "code": code }));
    assert_eq!(status, 201, "a typed code in any case joins: {reply}");
    assert_eq!(reply["name"], "Anonymous 1");

    let joined = events(&room);
    assert_eq!(
        joined[0],
        RoomEvent::PhoneJoined {
            phone: PhoneId(1),
            name: "Asha".into(),
            anonymous: false,
            area: Some("Housing".into()),
            level: Some("Manager".into()),
        }
    );
    assert!(
        matches!(&joined[1], RoomEvent::PhoneJoined { anonymous: true, name, .. } if name == "Anonymous 1")
    );
    let names: Vec<String> = room.phones().into_iter().map(|p| p.name).collect();
    assert_eq!(names, vec!["Asha", "Anonymous 1"]);
}

#[test]
fn welcome_lists_the_sessions_areas_and_levels_only_with_the_right_code() {
    let room = open();
    let (status, reply) = send(
        &room,
        "POST",
        "/api/welcome",
        None,
        &json!({ "token": join_token(&room) }),
    );
    assert_eq!(status, 200);
    assert_eq!(reply["areas"], json!(["Housing", "Libraries"]));
    assert_eq!(reply["levels"], json!(["Front line", "Manager"]));
    let (status, reply) = send(
        &room,
        "POST",
        "/api/welcome",
        None,
        &json!({ "code": "WRONG-CODE" }),
    );
    assert_eq!(status, 403);
    assert_eq!(reply["code"], "wrong_code");
    assert!(reply.get("areas").is_none());
}

#[test]
fn wrong_code_unlisted_area_and_long_name_are_refused_and_join_nobody() {
    let room = open();
    let bad = [
        (json!({ "token": "0".repeat(32) }), 403, "wrong_code"),
        (json!({}), 403, "wrong_code"),
        (
            json!({ "token": join_token(&room), "area": "Finance" }),
            422,
            "not_in_list",
        ),
        (
            json!({ "token": join_token(&room), "level": "CEO" }),
            422,
            "not_in_list",
        ),
        (
            json!({ "token": join_token(&room), "name": "x".repeat(41) }),
            422,
            "name_too_long",
        ),
    ];
    for (body, status, code) in bad {
        let (got, reply) = send(&room, "POST", "/api/join", None, &body);
        assert_eq!(
            (got, reply["code"].as_str()),
            (status, Some(code)),
            "{body}"
        );
        assert!(reply["error"].as_str().is_some_and(|e| !e.is_empty()));
    }
    assert!(room.phones().is_empty());
    assert!(events(&room).is_empty());
}

#[test]
fn notes_arrive_once_even_when_retried_and_can_be_edited_and_deleted() {
    let room = open();
    let (phone, token) = join(&room, "Asha");
    let (status, first) = note(&room, &token, "c1", "Shorter queues");
    assert_eq!(status, 201);
    let (status, again) = note(&room, &token, "c1", "Shorter queues");
    assert_eq!(status, 200, "a retry of the same note is not a second note");
    assert_eq!(first["id"], again["id"]);
    let id = first["id"].as_u64().unwrap();

    let (status, _) = send(
        &room,
        "PUT",
        &format!("/api/notes/{id}"),
        Some(&token),
        &json!({ "text": "Much shorter queues" }),
    );
    assert_eq!(status, 200);
    let (_, second) = note(&room, &token, "c2", "Signs");
    let (status, state) = get(&room, "GET", "/api/state", Some(&token));
    assert_eq!(status, 200);
    assert_eq!(state["me"]["notes"].as_array().map(Vec::len), Some(2));
    assert_eq!(state["question"], "What would make the front desk easier?");
    let (status, _) = get(
        &room,
        "DELETE",
        &format!("/api/notes/{}", second["id"]),
        Some(&token),
    );
    assert_eq!(status, 200);

    let note_id = goldthread::room::RoomNoteId(id);
    let got = events(&room);
    assert_eq!(got.len(), 5, "join, add, edit, add, delete: {got:?}");
    assert_eq!(
        got[1],
        RoomEvent::NoteAdded {
            phone,
            note: note_id,
            text: "Shorter queues".into(),
            phase: "ideas".into()
        }
    );
    assert_eq!(
        got[2],
        RoomEvent::NoteEdited {
            phone,
            note: note_id,
            text: "Much shorter queues".into()
        }
    );
    assert!(matches!(got[4], RoomEvent::NoteDeleted { .. }));
    assert_eq!(room.phones()[0].notes, 1);
}

#[test]
fn a_phone_cannot_touch_another_phones_note_nor_change_notes_once_capture_is_locked() {
    let room = open();
    let (_, asha) = join(&room, "Asha");
    let (_, ben) = join(&room, "Ben");
    let (_, added) = note(&room, &asha, "a1", "Mine");
    let path = format!("/api/notes/{}", added["id"]);
    let (status, reply) = send(
        &room,
        "PUT",
        &path,
        Some(&ben),
        &json!({ "text": "Hijacked" }),
    );
    assert_eq!(
        (status, reply["code"].as_str()),
        (404, Some("no_such_note"))
    );
    let (status, _) = get(&room, "DELETE", &path, Some(&ben));
    assert_eq!(status, 404);

    room.publish(RoomView {
        capture_locked: true,
        ..view()
    });
    let (status, reply) = note(&room, &asha, "a2", "Late");
    assert_eq!(
        (status, reply["code"].as_str()),
        (423, Some("capture_locked"))
    );
    let (status, _) = send(
        &room,
        "PUT",
        &path,
        Some(&asha),
        &json!({ "text": "Changed" }),
    );
    assert_eq!(status, 423);
    let (status, _) = get(&room, "DELETE", &path, Some(&asha));
    assert_eq!(status, 423);
    let (_, state) = get(&room, "GET", "/api/state", Some(&asha));
    assert_eq!(state["capture_locked"], true);
    assert_eq!(state["me"]["notes"][0]["text"], "Mine", "nothing changed");
    let after_join: Vec<RoomEvent> = events(&room).into_iter().skip(3).collect();
    assert!(
        after_join.is_empty(),
        "no edit reached the app: {after_join:?}"
    );
}

#[test]
fn a_ballot_counts_once_within_budget_and_cap_for_the_open_vote_only() {
    let room = open();
    room.publish(RoomView {
        vote: Some(vote(7)),
        ..view()
    });
    let (phone, token) = join(&room, "Asha");
    let ballot = |vote: u64, dots: serde_json::Value| json!({ "vote": vote, "dots": dots });
    let refusals = [
        (
            ballot(
                7,
                json!([{ "option": 11, "dots": 3 }, { "option": 12, "dots": 3 }]),
            ),
            422,
            "over_budget",
        ),
        (
            ballot(7, json!([{ "option": 11, "dots": 4 }])),
            422,
            "over_option_cap",
        ),
        (
            ballot(7, json!([{ "option": 99, "dots": 1 }])),
            422,
            "unknown_option",
        ),
        (
            ballot(
                7,
                json!([{ "option": 11, "dots": 1 }, { "option": 11, "dots": 1 }]),
            ),
            422,
            "option_twice",
        ),
        (ballot(7, json!([])), 422, "empty_ballot"),
        (
            ballot(6, json!([{ "option": 11, "dots": 1 }])),
            409,
            "vote_closed",
        ),
    ];
    for (body, status, code) in refusals {
        let (got, reply) = send(&room, "POST", "/api/ballot", Some(&token), &body);
        assert_eq!(
            (got, reply["code"].as_str()),
            (status, Some(code)),
            "{body}"
        );
    }
    let good = ballot(
        7,
        json!([{ "option": 11, "dots": 3 }, { "option": 13, "dots": 2 }, { "option": 12, "dots": 0 }]),
    );
    let (status, _) = send(&room, "POST", "/api/ballot", Some(&token), &good);
    assert_eq!(status, 201);
    let (status, reply) = send(&room, "POST", "/api/ballot", Some(&token), &good);
    assert_eq!(
        (status, reply["code"].as_str()),
        (409, Some("ballot_already_in")),
        "a replay is refused"
    );
    let other = ballot(7, json!([{ "option": 12, "dots": 1 }]));
    let (status, _) = send(&room, "POST", "/api/ballot", Some(&token), &other);
    assert_eq!(status, 409, "a second, different ballot is refused too");

    let ballots: Vec<RoomEvent> = events(&room)
        .into_iter()
        .filter(|e| matches!(e, RoomEvent::BallotCast { .. }))
        .collect();
    assert_eq!(
        ballots,
        vec![RoomEvent::BallotCast {
            phone,
            vote: 7,
            dots: vec![(11, 3), (13, 2)]
        }]
    );
    assert!(room.phones()[0].voted);
}

#[test]
fn no_phone_sees_totals_or_others_dots_before_the_reveal_and_all_see_the_ranking_after() {
    let room = open();
    room.publish(RoomView {
        vote: Some(vote(7)),
        ..view()
    });
    let (_, asha) = join(&room, "Asha");
    let (_, ben) = join(&room, "Ben");
    let body =
        json!({ "vote": 7, "dots": [{ "option": 12, "dots": 3 }, { "option": 13, "dots": 2 }] });
    assert_eq!(
        send(&room, "POST", "/api/ballot", Some(&asha), &body).0,
        201
    );

    let (_, seen) = get(&room, "GET", "/api/state", Some(&ben));
    assert_eq!(seen["ranking"], serde_json::Value::Null);
    assert_eq!(
        seen["vote"]["my_ballot"],
        serde_json::Value::Null,
        "Ben sees only his own (empty) ballot"
    );
    let text = seen.to_string();
    for leak in ["\"dots\":3", "\"dots\":2", "total", "Asha"] {
        assert!(!text.contains(leak), "Ben's view leaks {leak}: {text}");
    }
    let (_, mine) = get(&room, "GET", "/api/state", Some(&asha));
    assert_eq!(
        mine["vote"]["my_ballot"],
        json!([{ "option": 12, "dots": 3 }, { "option": 13, "dots": 2 }])
    );

    let ranking = RoomRanking {
        question: "Which theme first?".into(),
        rows: vec![
            RankedOption {
                label: "Signs".into(),
                dots: 3,
            },
            RankedOption {
                label: "Hours".into(),
                dots: 2,
            },
        ],
    };
    room.publish(RoomView {
        ranking: Some(ranking),
        ..view()
    });
    for token in [&asha, &ben] {
        let (_, after) = get(&room, "GET", "/api/state", Some(token));
        assert_eq!(
            after["ranking"]["rows"],
            json!([{ "label": "Signs", "dots": 3 }, { "label": "Hours", "dots": 2 }])
        );
    }
}

#[test]
fn a_removed_phone_is_refused_at_once_and_a_left_phone_is_reported() {
    let room = open();
    let (asha_id, asha) = join(&room, "Asha");
    let (ben_id, ben) = join(&room, "Ben");
    assert!(room.remove_phone(asha_id));
    assert!(!room.remove_phone(asha_id), "removing twice says so");
    let (status, reply) = note(&room, &asha, "a1", "Still here?");
    assert_eq!((status, reply["code"].as_str()), (403, Some("removed")));
    let (status, _) = get(&room, "GET", "/api/state", Some(&asha));
    assert_eq!(status, 403);

    let (status, _) = send(&room, "POST", "/api/leave", Some(&ben), &json!({}));
    assert_eq!(status, 200);
    assert_eq!(get(&room, "GET", "/api/state", Some(&ben)).0, 401);
    let got = events(&room);
    assert_eq!(got.last(), Some(&RoomEvent::PhoneLeft { phone: ben_id }));
    assert!(!got.iter().any(|e| matches!(e, RoomEvent::NoteAdded { .. })));
    assert!(room.phones().is_empty());
}

#[test]
fn tokens_from_an_earlier_opening_do_not_work_and_each_opening_has_new_secrets() {
    let first = open();
    let (_, old_phone) = join(&first, "Asha");
    let old_join = join_token(&first);
    let old_code = first.join_code();
    let addr = first.addr();
    first.close();
    assert!(
        std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(1)).is_err(),
        "closed means not listening"
    );

    let second = open();
    assert_ne!(join_token(&second), old_join);
    assert_ne!(second.join_code(), old_code);
    let (status, reply) = get(&second, "GET", "/api/state", Some(&old_phone));
    assert_eq!(
        (status, reply["code"].as_str()),
        (401, Some("unknown_phone"))
    );
    let (status, _) = send(
        &second,
        "POST",
        "/api/join",
        None,
        &json!({ "token": old_join }),
    );
    assert_eq!(status, 403);
    assert!(events(&second).is_empty());
}

#[test]
fn the_self_test_fetches_the_page_over_the_rooms_address_and_wakes_the_ui() {
    let woken = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = std::sync::Arc::clone(&woken);
    let config = goldthread::room::RoomConfig {
        port: Some(0),
        ..goldthread::room::RoomConfig::new(std::net::Ipv4Addr::LOCALHOST.into())
    };
    let room = goldthread::room::Room::open(config, view(), move || {
        counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    })
    .unwrap();
    let mut test = room.self_test();
    let result = test.wait(Duration::from_secs(10)).cloned();
    assert!(
        matches!(result, Some(Ok(_))),
        "the address answers: {result:?}"
    );
    // The self-test's thread sends the result, then wakes the UI: give it a moment.
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while woken.load(std::sync::atomic::Ordering::SeqCst) == 0
        && std::time::Instant::now() < deadline
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(woken.load(std::sync::atomic::Ordering::SeqCst) >= 1);

    let addr = room.addr();
    room.close();
    let mut late = goldthread::room::SelfTest::start(addr, std::sync::Arc::new(|| {}));
    let result = late.wait(Duration::from_secs(10)).cloned();
    assert!(
        matches!(&result, Some(Err(e)) if e.contains("does not answer")),
        "{result:?}"
    );
}

#[test]
fn the_room_listens_on_one_chosen_address_never_on_all() {
    let config = goldthread::room::RoomConfig::new(std::net::Ipv4Addr::UNSPECIFIED.into());
    let refused = goldthread::room::Room::open(config, view(), || {});
    let Err(error) = refused else {
        panic!("0.0.0.0 must be refused");
    };
    assert!(
        error
            .to_string()
            .contains("Choose one of the laptop's network addresses")
    );
}

#[test]
fn the_join_address_keeps_the_token_out_of_the_request_line() {
    let room = open();
    let url = room.join_url();
    assert!(
        url.starts_with(&format!("http://{}/#join=", room.addr())),
        "{url}"
    );
    assert_eq!(room.page_url(), format!("http://{}", room.addr()));
    let code = room.join_code();
    assert_eq!(code.len(), 9);
    assert!(
        !format!("{room:?}").contains(&join_token(&room)),
        "Debug never shows the token"
    );
}
