//! `cargo bench --bench room`: 100 simulated phones on loopback, each posting 20 notes and one
//! ballot at once, against the real room server. Prints throughput, round-trip percentiles and
//! notes lost (must be 0). Then the same 100 phones post their notes into the real app (the room
//! opened with its action, the Board showing, a headless egui context at 1920x1080 running
//! `GoldthreadApp::ui` and tessellating, as the window would) and it prints the UI frame time
//! while the notes land, p50 and p95 (target: p95 at most 8 ms), and notes lost on the canvas.

use std::net::{IpAddr, Ipv4Addr};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use goldthread::room::{Room, RoomConfig, RoomEvent, RoomLimits, RoomOption, RoomView, RoomVote};
use serde_json::{Value, json};

#[path = "room/app_frames.rs"]
mod app_frames;
use app_frames::app_frames_while_notes_land;

const PHONES: usize = 100;
const NOTES_EACH: usize = 20;

/// The view the bench publishes: a question and an open vote of three options.
fn view() -> RoomView {
    let option = |id: u64, label: &str| RoomOption {
        id,
        label: label.into(),
        notes: vec!["a note".into()],
    };
    RoomView {
        phase_key: "ideas".into(),
        question: "What would make the front desk easier?".into(),
        vote: Some(RoomVote {
            id: 1,
            question: "Which theme first?".into(),
            options: vec![option(1, "Queues"), option(2, "Signs"), option(3, "Hours")],
            budget: 3,
            per_option_cap: 2,
        }),
        ..RoomView::default()
    }
}

/// One phone: joins, waits for everyone, then posts its notes and ballot; answers each round
/// trip and how many requests failed.
fn phone(
    base: String,
    token: String,
    n: usize,
    start: Arc<Barrier>,
    ballot: bool,
) -> (Vec<Duration>, usize) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into();
    let join = agent
        .post(format!("{base}/api/join"))
        .send_json(json!({ "token": token, "name": format!("Phone {n}") }));
    let Ok(mut join) = join else {
        return (Vec::new(), NOTES_EACH + 2);
    };
    let reply: Value = join.body_mut().read_json().unwrap_or(Value::Null);
    let bearer = format!("Bearer {}", reply["token"].as_str().unwrap_or(""));
    start.wait();
    let mut times = Vec::with_capacity(NOTES_EACH + 1);
    let mut failed = 0;
    let mut send = |path: &str, body: Value| {
        let started = Instant::now();
        let answer = agent
            .post(format!("{base}{path}"))
            .header("Authorization", &bearer)
            .send_json(body);
        times.push(started.elapsed());
        match answer {
            Ok(r) if r.status().is_success() => {}
            _ => failed += 1,
        }
    };
    for i in 0..NOTES_EACH {
        send(
            "/api/notes",
            json!({ "client_id": format!("{n}-{i}"), "text": format!("Idea {i} from phone {n}") }),
        );
    }
    if ballot {
        send(
            "/api/ballot",
            json!({ "vote": 1, "dots": [{ "option": 1 + (n as u64 % 3), "dots": 2 }] }),
        );
    }
    (times, failed)
}

/// The phones' threads; each answers its round trips and how many requests failed.
type Phones = Vec<std::thread::JoinHandle<(Vec<Duration>, usize)>>;

/// Starts [`PHONES`] phones on the room at `base`, joining with the token in `join_url`
/// (`ballot`: each casts one ballot after its notes), and returns once all have joined.
fn spawn_phones(base: &str, join_url: &str, ballot: bool) -> Phones {
    let token = join_url
        .split_once("#join=")
        .map(|(_, t)| t.to_owned())
        .unwrap_or_default();
    let start = Arc::new(Barrier::new(PHONES + 1));
    let threads = (0..PHONES)
        .map(|n| {
            let (base, token, start) = (base.to_owned(), token.clone(), Arc::clone(&start));
            std::thread::spawn(move || phone(base, token, n, start, ballot))
        })
        .collect();
    start.wait();
    threads
}

/// The `p`th percentile of sorted `times`, in milliseconds.
fn percentile(times: &[Duration], p: f64) -> f64 {
    let index = ((times.len() as f64 - 1.0) * p).round() as usize;
    times.get(index).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

fn main() {
    let config = RoomConfig {
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port: Some(0),
        limits: limits_for_phones(),
    };
    let Ok(room) = Room::open(config, view(), || {}) else {
        eprintln!("the room could not open on loopback");
        return;
    };
    let threads = spawn_phones(&room.page_url(), &room.join_url(), true);
    let started = Instant::now();
    let mut times = Vec::new();
    let mut failed = 0;
    for thread in threads {
        let Ok((t, f)) = thread.join() else {
            failed += NOTES_EACH + 1;
            continue;
        };
        times.extend(t);
        failed += f;
    }
    let wall = started.elapsed();
    std::thread::sleep(Duration::from_millis(200));
    let events = room.poll();
    let notes = events
        .iter()
        .filter(|e| matches!(e, RoomEvent::NoteAdded { .. }))
        .count();
    let ballots = events
        .iter()
        .filter(|e| matches!(e, RoomEvent::BallotCast { .. }))
        .count();
    room.close();
    times.sort();
    let requests = times.len();
    println!(
        "Room: {PHONES} phones on loopback, {NOTES_EACH} notes and 1 ballot each, all at once\n"
    );
    println!("| measure | value |");
    println!("| --- | --- |");
    println!("| requests | {requests} in {:.2} s |", wall.as_secs_f64());
    println!(
        "| throughput | {:.0} requests/s |",
        requests as f64 / wall.as_secs_f64()
    );
    println!("| round trip p50 | {:.1} ms |", percentile(&times, 0.50));
    println!("| round trip p95 | {:.1} ms |", percentile(&times, 0.95));
    println!("| round trip p99 | {:.1} ms |", percentile(&times, 0.99));
    println!("| requests refused or failed | {failed} |");
    println!(
        "| notes received by the app | {notes} of {} |",
        PHONES * NOTES_EACH
    );
    println!(
        "| notes lost | {} |",
        (PHONES * NOTES_EACH).saturating_sub(notes)
    );
    println!("| ballots received | {ballots} of {PHONES} |");
    println!();
    app_frames_while_notes_land(limits_for_phones());
}

/// The caps of the bench's rooms: the defaults, with joins per address raised (every simulated
/// phone shares 127.0.0.1).
fn limits_for_phones() -> RoomLimits {
    RoomLimits {
        joins_per_window: PHONES * 2,
        ..RoomLimits::default()
    }
}
