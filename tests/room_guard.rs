//! The room's defences, each over a real socket: Host and Origin checks, no CORS, the CSP, every
//! cap and timeout answering a clear status with a JSON message and changing nothing, and text
//! from phones kept as text.

mod room_support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use goldthread::room::{CSP, RoomEvent, RoomLimits};
use room_support::{
    events, get, host, join, join_token, note, open, open_with, raw, raw_json, raw_status, send,
    try_join,
};
use serde_json::json;

/// A raw request with `host` and extra header lines.
fn request(method: &str, path: &str, host: &str, extra: &str, body: &str) -> Vec<u8> {
    format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

#[test]
fn a_foreign_host_header_is_refused_on_every_request() {
    let room = open();
    for (method, path) in [("GET", "/"), ("GET", "/api/state"), ("POST", "/api/join")] {
        let answer = raw(
            room.addr(),
            &request(
                method,
                path,
                "evil.example:8765",
                "Content-Type: application/json\r\n",
                "{}",
            ),
        );
        assert_eq!(raw_status(&answer), 421, "{method} {path}: {answer}");
        assert_eq!(raw_json(&answer)["code"], "wrong_host");
    }
    let missing = raw(room.addr(), b"GET / HTTP/1.0\r\n\r\n");
    assert_eq!(raw_status(&missing), 421, "no Host at all is refused too");
    let port = room.addr().port();
    let ok = raw(
        room.addr(),
        &request("GET", "/", &format!("localhost:{port}"), "", ""),
    );
    assert_eq!(
        raw_status(&ok),
        200,
        "localhost is the facilitator's own browser"
    );
}

#[test]
fn a_cross_site_post_is_refused_and_joins_nobody() {
    let room = open();
    let body = json!({ "token": join_token(&room) }).to_string();
    let json_type = "Content-Type: application/json\r\n";
    let cases = [
        format!("{json_type}Origin: http://evil.example\r\n"),
        format!("{json_type}Origin: null\r\n"),
        format!("{json_type}Sec-Fetch-Site: cross-site\r\n"),
        "Content-Type: text/plain\r\n".to_owned(),
    ];
    for extra in cases {
        let answer = raw(
            room.addr(),
            &request("POST", "/api/join", &host(&room), &extra, &body),
        );
        let status = raw_status(&answer);
        assert!(status == 403 || status == 415, "{extra}: {answer}");
        assert!(raw_json(&answer)["error"].as_str().is_some(), "{answer}");
    }
    assert!(room.phones().is_empty());
    let own = format!(
        "{json_type}Origin: http://{}\r\nSec-Fetch-Site: same-origin\r\n",
        host(&room)
    );
    let answer = raw(
        room.addr(),
        &request("POST", "/api/join", &host(&room), &own, &body),
    );
    assert_eq!(
        raw_status(&answer),
        201,
        "the page's own origin joins: {answer}"
    );
}

#[test]
fn no_cors_headers_and_a_strict_csp_on_every_answer() {
    let room = open();
    let origin = "Origin: http://evil.example\r\nAccess-Control-Request-Method: POST\r\n";
    let preflight = raw(
        room.addr(),
        &request("OPTIONS", "/api/notes", &host(&room), origin, ""),
    );
    assert!(raw_status(&preflight) >= 400, "{preflight}");
    for path in ["/", "/phone.js", "/phone.css", "/api/state", "/nowhere"] {
        let answer = raw(
            room.addr(),
            &request(
                "GET",
                path,
                &host(&room),
                "Origin: http://evil.example\r\n",
                "",
            ),
        );
        let lower = answer.to_ascii_lowercase();
        assert!(
            !lower.contains("access-control-"),
            "{path} has CORS headers: {answer}"
        );
        assert!(
            answer.contains(&format!("content-security-policy: {CSP}")),
            "{path}: {answer}"
        );
        assert!(lower.contains("x-content-type-options: nosniff"));
    }
    assert!(CSP.contains("script-src 'self'") && !CSP.contains("unsafe-inline"));
}

#[test]
fn the_page_has_no_inline_script_no_outside_request_and_never_uses_inner_html() {
    let html = include_str!("../assets/phone/index.html");
    let js = include_str!("../assets/phone/phone.js");
    let css = include_str!("../assets/phone/phone.css");
    assert_eq!(
        html.matches("<script").count(),
        html.matches("<script src=\"/phone.js\"").count()
    );
    for attr in [" onclick=", " onload=", " onsubmit=", " style="] {
        assert!(!html.contains(attr), "inline {attr} in the page");
    }
    for text in [html, js, css] {
        assert!(
            !text.contains("http://") && !text.contains("https://"),
            "an outside address in the page"
        );
        assert!(
            !text.contains("@import") && !text.contains("url("),
            "an outside style resource"
        );
    }
    assert!(
        !js.contains("innerHTML")
            && !js.contains("outerHTML")
            && !js.contains("insertAdjacentHTML")
    );
    assert!(!js.contains("eval(") && !js.contains("document.write"));
    assert!(html.contains("<label for=\"name\">") && html.contains("<label for=\"note-text\">"));
}

#[test]
fn script_bidi_and_zero_width_text_is_kept_as_plain_text() {
    let room = open();
    let (_, token) = join(&room, "<b>Mal</b>\u{202E}lory");
    let (status, _) = note(
        &room,
        &token,
        "x1",
        "<script>alert(1)</script>\u{200B} \u{2066}ok\u{2069}",
    );
    assert_eq!(status, 201);
    let got = events(&room);
    assert!(matches!(&got[0], RoomEvent::PhoneJoined { name, .. } if name == "<b>Mal</b>lory"));
    assert!(
        matches!(&got[1], RoomEvent::NoteAdded { text, .. } if text == "<script>alert(1)</script> ok")
    );
    let answer = raw(
        room.addr(),
        &request(
            "GET",
            "/api/state",
            &host(&room),
            &format!("Authorization: Bearer {token}\r\n"),
            "",
        ),
    );
    assert!(
        answer
            .to_ascii_lowercase()
            .contains("content-type: application/json"),
        "{answer}"
    );
    assert_eq!(
        raw_json(&answer)["me"]["notes"][0]["text"],
        "<script>alert(1)</script> ok"
    );
}

#[test]
fn an_oversized_body_malformed_json_and_a_long_note_change_nothing() {
    let room = open();
    let (_, token) = join(&room, "Asha");
    let auth = format!("Authorization: Bearer {token}\r\nContent-Type: application/json\r\n");
    let big = json!({ "client_id": "b1", "text": "x".repeat(5000) }).to_string();
    let answer = raw(
        room.addr(),
        &request("POST", "/api/notes", &host(&room), &auth, &big),
    );
    assert_eq!(raw_status(&answer), 413, "{answer}");
    assert_eq!(raw_json(&answer)["code"], "body_too_large");

    for body in [
        "{\"client_id\": \"m1\", \"text\": ",
        "[1,2]",
        "{\"text\": 5}",
    ] {
        let answer = raw(
            room.addr(),
            &request("POST", "/api/notes", &host(&room), &auth, body),
        );
        assert_eq!(raw_status(&answer), 400, "{body}: {answer}");
        assert_eq!(raw_json(&answer)["code"], "bad_json");
    }
    let (status, reply) = note(&room, &token, "l1", &"y".repeat(501));
    assert_eq!(
        (status, reply["code"].as_str()),
        (422, Some("note_too_long"))
    );
    assert!(reply["error"].as_str().is_some_and(|e| e.contains("500")));
    let (status, _) = note(&room, &token, "l2", &"y".repeat(500));
    assert_eq!(status, 201, "exactly 500 characters fit");
    let (status, _) = note(&room, &token, "e1", " \u{200B}\u{202E} ");
    assert_eq!(status, 422, "a note of invisible characters is empty");
    let added = events(&room)
        .into_iter()
        .filter(|e| matches!(e, RoomEvent::NoteAdded { .. }))
        .count();
    assert_eq!(added, 1);
}

#[test]
fn long_headers_are_refused_with_a_message() {
    let room = open();
    let long = format!("X-Padding: {}\r\n", "a".repeat(10_000));
    let answer = raw(room.addr(), &request("GET", "/", &host(&room), &long, ""));
    assert_eq!(raw_status(&answer), 431, "{answer}");
    assert_eq!(raw_json(&answer)["code"], "headers_too_large");
    let huge = format!("X-Padding: {}\r\n", "a".repeat(40_000));
    let answer = raw(room.addr(), &request("GET", "/", &host(&room), &huge, ""));
    assert_eq!(
        raw_status(&answer),
        431,
        "past hyper's buffer it still answers 431: {answer}"
    );
}

#[test]
fn wrong_or_missing_phone_tokens_are_refused() {
    let room = open();
    for token in [None, Some("0123456789abcdef0123456789abcdef"), Some("")] {
        let (status, reply) = note(&room, token.unwrap_or(""), "t1", "Hello");
        assert_eq!(status, 401, "{token:?}");
        assert!(reply["code"] == "not_joined" || reply["code"] == "unknown_phone");
        if token.is_none() {
            let (status, _) = get(&room, "GET", "/api/state", None);
            assert_eq!(status, 401);
        }
    }
    assert!(events(&room).is_empty());
}

#[test]
fn the_room_holds_at_most_200_phones() {
    let room = open();
    for i in 0..200 {
        join(&room, &format!("P{i}"));
    }
    let (status, reply) = try_join(&room);
    assert_eq!(
        (status, reply["code"].as_str()),
        (503, Some("room_full")),
        "{reply}"
    );
    assert_eq!(room.phones().len(), 200);
}

#[test]
fn twenty_notes_a_minute_per_phone() {
    let room = open();
    let (_, token) = join(&room, "Asha");
    let (_, other) = join(&room, "Ben");
    for i in 0..20 {
        assert_eq!(
            note(&room, &token, &format!("n{i}"), "idea").0,
            201,
            "note {i}"
        );
    }
    let (status, reply) = note(&room, &token, "n20", "one too many");
    assert_eq!(
        (status, reply["code"].as_str()),
        (429, Some("too_many_notes"))
    );
    assert_eq!(
        note(&room, &token, "n3", "idea").0,
        200,
        "a retry of an accepted note still answers"
    );
    assert_eq!(
        note(&room, &other, "b1", "idea").0,
        201,
        "the cap is per phone"
    );
    assert_eq!(room.phones()[0].notes, 20);
}

#[test]
fn three_join_tries_per_address_in_five_seconds() {
    let room = open_with(RoomLimits::default());
    let wrong = json!({ "code": "AAAA-AAAA" });
    assert_eq!(send(&room, "POST", "/api/welcome", None, &wrong).0, 403);
    join(&room, "One");
    join(&room, "Two");
    let (status, reply) = try_join(&room);
    assert_eq!(
        (status, reply["code"].as_str()),
        (429, Some("too_many_joins")),
        "a wrong code counts as a try"
    );
    assert_eq!(room.phones().len(), 2);
}

#[test]
fn past_the_connection_cap_a_clear_503() {
    let room = open_with(RoomLimits {
        max_connections: 2,
        joins_per_window: 1000,
        ..RoomLimits::default()
    });
    let held: Vec<TcpStream> = (0..2)
        .map(|_| TcpStream::connect(room.addr()).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(100));
    let answer = raw(room.addr(), &request("GET", "/", &host(&room), "", ""));
    assert_eq!(raw_status(&answer), 503, "{answer}");
    assert_eq!(raw_json(&answer)["code"], "too_many_connections");
    drop(held);
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(
        get(&room, "GET", "/", None).0,
        200,
        "slots come back when connections close"
    );
}

#[test]
fn slow_headers_and_slow_bodies_are_cut_off() {
    let limits = RoomLimits {
        header_timeout: Duration::from_millis(500),
        body_timeout: Duration::from_millis(500),
        joins_per_window: 1000,
        ..RoomLimits::default()
    };
    let room = open_with(limits);
    let mut slow = TcpStream::connect(room.addr()).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: ").unwrap();
    let started = Instant::now();
    let mut buf = Vec::new();
    let _ = slow.read_to_end(&mut buf);
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "the header timeout closed the connection"
    );

    let partial = format!(
        "POST /api/join HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"to",
        host(&room)
    );
    let answer = raw(room.addr(), partial.as_bytes());
    assert_eq!(raw_status(&answer), 408, "{answer}");
    assert!(room.phones().is_empty());
}
