//! Protects phone notes from a crash (issue 14): the real `goldthread` binary, driven headless
//! by a script, opens the room; three phones (a real HTTP client) post notes through it; the app
//! is killed with SIGKILL mid-way, and its recovery copy must hold every note the room accepted
//! more than 2 seconds before the kill.
#![cfg(unix)]

mod common;

use std::io::{BufRead as _, BufReader};
use std::time::{Duration, Instant};

use common::temp_dir;
use goldthread::Session;
use goldthread::storage::recovery::{list_recovery, read_recovery};
use goldthread::storage::save_file;
use serde_json::{Value, json};

/// The most a crash may lose.
const MAX_LOSS: Duration = Duration::from_secs(2);

/// How long the phones keep posting before the kill.
const POSTING: Duration = Duration::from_millis(5500);

/// A ureq agent that hands back refusals instead of erroring.
fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into()
}

/// Posts `body` to `url`, with a phone's token; answers the status and JSON.
fn post(url: &str, token: Option<&str>, body: &Value) -> (u16, Value) {
    let agent = agent();
    let mut req = agent.post(url);
    if let Some(t) = token {
        req = req.header("Authorization", &format!("Bearer {t}"));
    }
    let mut response = req.send_json(body).expect("the room answers");
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[test]
fn sigkill_with_the_room_open_keeps_every_phone_note_accepted_two_seconds_before() {
    let dir = temp_dir("crash-room");
    let file = dir.join("room-lab.ron");
    save_file(&file, &Session::new("Room lab", common::today())).unwrap();
    let script = dir.join("script.txt");
    std::fs::write(&script, "room\nwait 120000\n").unwrap();
    let mut child = common::start_scripted(&dir, Some(&file), &script);
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut lines = BufReader::new(stdout).lines();
    let room = lines
        .by_ref()
        .map_while(Result::ok)
        .find(|l| l.starts_with("room "));
    let Some(room) = room else {
        let _ = child.kill();
        panic!("the script never opened the room");
    };
    let parts: Vec<&str> = room.split_whitespace().collect();
    let (base, code) = (parts[1].to_owned(), parts[2].to_owned());
    assert_ne!(base, "closed", "the room opened: {room}");

    // Three phones (the default caps: 3 joins per address in 5 s, 20 notes a minute each).
    let phones: Vec<String> = (1..=3)
        .map(|i| {
            let body = json!({ "code": code, "name": format!("Phone {i}") });
            let (status, reply) = post(&format!("{base}/api/join"), None, &body);
            assert_eq!(status, 201, "{reply}");
            reply["token"].as_str().expect("a token").to_owned()
        })
        .collect();
    let started = Instant::now();
    let mut accepted: Vec<(Instant, String)> = Vec::new();
    let mut n = 0;
    while started.elapsed() < POSTING {
        n += 1;
        let text = format!("Phone idea {n}");
        let body = json!({ "client_id": format!("c{n}"), "text": text });
        let token = &phones[n % phones.len()];
        let (status, reply) = post(&format!("{base}/api/notes"), Some(token), &body);
        assert_eq!(status, 201, "note {n}: {reply}");
        accepted.push((Instant::now(), text));
        std::thread::sleep(Duration::from_millis(100));
    }
    child.kill().expect("SIGKILL"); // std sends SIGKILL on Unix: no clean-up runs.
    let killed_at = Instant::now();
    let _ = child.wait();

    let must_keep: Vec<&str> = accepted
        .iter()
        .filter(|(at, _)| killed_at.duration_since(*at) >= MAX_LOSS)
        .map(|(_, t)| t.as_str())
        .collect();
    assert!(must_keep.len() >= 20, "too few notes: {}", must_keep.len());
    let copies = list_recovery(&dir);
    assert_eq!(copies.len(), 1, "{copies:#?}");
    let (_, loaded) = read_recovery(&copies[0].path).unwrap();
    let texts: Vec<&str> = loaded
        .session
        .notes
        .iter()
        .map(|n| n.text.as_str())
        .collect();
    for text in &must_keep {
        assert!(
            texts.contains(text),
            "{text} was accepted more than 2 s before the kill but is not in the recovery copy \
             ({} of {} notes there)",
            texts.len(),
            accepted.len()
        );
    }
    let authors = loaded.session.participants.len();
    assert_eq!(authors, 3, "each phone's author is in the copy too");
    eprintln!(
        "room crash test: {} notes accepted, {} in the recovery copy, {} required",
        accepted.len(),
        texts.len(),
        must_keep.len()
    );
}
