//! Helpers shared by the room's tests: a room on loopback, a real HTTP client (ureq) that
//! returns every status instead of failing on 4xx, and a raw socket for malformed requests.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream};
use std::time::Duration;

use goldthread::room::{
    PhoneId, Room, RoomConfig, RoomEvent, RoomLimits, RoomOption, RoomView, RoomVote,
};
use serde_json::{Value, json};

/// A view with a question, two areas, two levels and no vote.
pub fn view() -> RoomView {
    RoomView {
        phase_key: "ideas".into(),
        phase_name: "Ideas".into(),
        question: "What would make the front desk easier?".into(),
        capture_locked: false,
        areas: vec!["Housing".into(), "Libraries".into()],
        levels: vec!["Front line".into(), "Manager".into()],
        vote: None,
        ranking: None,
    }
}

/// A vote with three options, a budget of 5 dots and at most 3 on one option.
pub fn vote(id: u64) -> RoomVote {
    let option = |id: u64, label: &str, notes: &[&str]| RoomOption {
        id,
        label: label.into(),
        notes: notes.iter().map(|n| (*n).to_owned()).collect(),
    };
    RoomVote {
        id,
        question: "Which theme first?".into(),
        options: vec![
            option(11, "Queues", &["Shorter queues", "Book online"]),
            option(12, "Signs", &["Clearer signs"]),
            option(13, "Hours", &[]),
        ],
        budget: 5,
        per_option_cap: 3,
    }
}

/// A room on loopback (any free port) with `limits`.
pub fn open_with(limits: RoomLimits) -> Room {
    let config = RoomConfig {
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port: Some(0),
        limits,
    };
    Room::open(config, view(), || {}).expect("the room opens on loopback")
}

/// A room on loopback with the default caps, except joins per address raised (every test phone
/// shares 127.0.0.1), unless `default_joins`.
pub fn open() -> Room {
    open_with(RoomLimits {
        joins_per_window: 1000,
        ..RoomLimits::default()
    })
}

/// A ureq agent that hands back 4xx and 5xx answers instead of erroring.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into()
}

/// An answer: status and JSON body (`Null` when the body is not JSON).
pub type Answer = (u16, Value);

/// Reads status and JSON from a ureq response.
fn answer(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let mut response = result.expect("the room answers");
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_string().unwrap_or_default();
    (status, serde_json::from_str(&body).unwrap_or(Value::Null))
}

/// `POST` or `PUT` JSON to `path` with an optional phone token.
pub fn send(room: &Room, method: &str, path: &str, token: Option<&str>, body: &Value) -> Answer {
    let url = format!("{}{path}", room.page_url());
    let agent = agent();
    let builder = match method {
        "PUT" => agent.put(&url),
        _ => agent.post(&url),
    };
    let builder = match token {
        Some(t) => builder.header("Authorization", &format!("Bearer {t}")),
        None => builder,
    };
    answer(builder.send_json(body))
}

/// `GET` (or `DELETE`) `path` with an optional phone token.
pub fn get(room: &Room, method: &str, path: &str, token: Option<&str>) -> Answer {
    let url = format!("{}{path}", room.page_url());
    let agent = agent();
    let builder = match method {
        "DELETE" => agent.delete(&url),
        _ => agent.get(&url),
    };
    let builder = match token {
        Some(t) => builder.header("Authorization", &format!("Bearer {t}")),
        None => builder,
    };
    answer(builder.call())
}

/// The join token in the room's QR address.
pub fn join_token(room: &Room) -> String {
    let url = room.join_url();
    let Some((_, token)) = url.split_once("#join=") else {
        panic!("the join address carries the token after #join=: {url}");
    };
    token.to_owned()
}

/// Joins as `name` with the QR token; answers the phone id and its token.
pub fn join(room: &Room, name: &str) -> (PhoneId, String) {
    let body = json!({ "token": join_token(room), "name": name });
    let (status, reply) = send(room, "POST", "/api/join", None, &body);
    assert_eq!(status, 201, "join answered {reply}");
    let id = PhoneId(reply["phone"].as_u64().expect("a phone id") as u32);
    (
        id,
        reply["token"].as_str().expect("a phone token").to_owned(),
    )
}

/// Tries to join with the QR token and nothing else; answers the status and body.
pub fn try_join(room: &Room) -> Answer {
    let body = json!({ "token": join_token(room) });
    send(room, "POST", "/api/join", None, &body)
}

/// Posts a note; answers the status and body.
pub fn note(room: &Room, token: &str, client_id: &str, text: &str) -> Answer {
    send(
        room,
        "POST",
        "/api/notes",
        Some(token),
        &json!({ "client_id": client_id, "text": text }),
    )
}

/// The events so far, waiting a moment for the server to hand them over.
pub fn events(room: &Room) -> Vec<RoomEvent> {
    std::thread::sleep(Duration::from_millis(50));
    room.poll()
}

/// Sends `request` as raw bytes and reads the whole answer (the room closes or times out).
pub fn raw(addr: SocketAddr, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect to the room");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("read timeout");
    stream.write_all(request).expect("send the request");
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    // Read until the answer is complete (Connection: close) or the room stops talking.
    while let Ok(n) = stream.read(&mut buf) {
        if n == 0 {
            break;
        }
        answer.extend_from_slice(&buf[..n]);
        if complete(&answer) {
            break;
        }
    }
    String::from_utf8_lossy(&answer).into_owned()
}

/// Has `answer` got its headers and all of its Content-Length body?
fn complete(answer: &[u8]) -> bool {
    let text = String::from_utf8_lossy(answer);
    let Some((head, body)) = text.split_once("\r\n\r\n") else {
        return false;
    };
    let length = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().to_owned())
        })
        .and_then(|v| v.parse::<usize>().ok());
    length.is_some_and(|n| body.len() >= n)
}

/// The status code of a raw answer (0 when there was none).
pub fn raw_status(answer: &str) -> u16 {
    answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// The JSON body of a raw answer.
pub fn raw_json(answer: &str) -> Value {
    let body = answer.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
    serde_json::from_str(body).unwrap_or(Value::Null)
}

/// The Host value for the room.
pub fn host(room: &Room) -> String {
    room.addr().to_string()
}
