//! Protects the room in the running app (issue 14): opened from the command palette on a real
//! loopback server, phones (a real HTTP client) join and post notes that land on the canvas in
//! the From-phones area with their author and go away with Ctrl+Z; held notes wait for Approve,
//! Reject or Approve all; Remove ends a phone's access and a locked capture refuses notes; a
//! vote open to phones counts a phone's ballot, shows how many ballots are in and no total, and
//! hands phones the ranking after the reveal; closing the session, opening another and
//! quitting close the room; a room that cannot open says why.

mod common;

use std::net::{IpAddr, Ipv4Addr, TcpListener, TcpStream};
use std::time::{Duration, Instant};

use common::{TempDir, app_with_new_session, press, press_with, type_text};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goldthread::room::{RoomConfig, RoomLimits, candidate_addresses};
use goldthread::ui::{Action, GoldthreadApp};
use serde_json::{Value, json};

type App = Harness<'static, GoldthreadApp>;

/// Rooms on this computer only, any free port, joins per address raised (test phones share
/// 127.0.0.1).
fn loopback() -> RoomConfig {
    RoomConfig {
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port: Some(0),
        limits: RoomLimits {
            joins_per_window: 1000,
            ..RoomLimits::default()
        },
    }
}

/// A new session with the room opened on loopback from the command palette.
fn app_with_room(name: &str) -> (TempDir, App) {
    let (dir, mut h) = app_with_new_session(name);
    h.state_mut().set_room_config(loopback());
    palette(&mut h, "open the room");
    press(&mut h, Key::Enter);
    assert!(
        h.state().room().is_some(),
        "the palette's \"Open the room to phones\" opens it: {:?}",
        h.state().notices().all()
    );
    (dir, h)
}

/// Opens the command palette and types `query`.
fn palette(h: &mut App, query: &str) {
    press_with(h, Modifiers::COMMAND, Key::K);
    type_text(h, query);
}

/// Runs frames until `done` holds (the room's thread answers within moments).
fn until(h: &mut App, what: &str, mut done: impl FnMut(&App) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        h.run();
        if done(h) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out waiting for {what}");
}

/// Scrolls to the widget labelled `label`, clicks it and lets the app answer.
fn click(h: &mut App, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

/// The open session's notes' texts.
fn texts(h: &App) -> Vec<String> {
    common::note_texts(h)
}

/// A phone in the room, talking HTTP to it like the phone page does.
struct Phone {
    base: String,
    token: String,
}

/// A status and a JSON body (`Null` when it is not JSON).
fn call(method: &str, url: &str, token: Option<&str>, body: Option<&Value>) -> (u16, Value) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into();
    let auth = token.map(|t| format!("Bearer {t}"));
    let result = match (method, body) {
        ("GET", _) => {
            let mut req = agent.get(url);
            if let Some(a) = &auth {
                req = req.header("Authorization", a);
            }
            req.call()
        }
        (_, body) => {
            let mut req = agent.post(url);
            if let Some(a) = &auth {
                req = req.header("Authorization", a);
            }
            req.send_json(body.cloned().unwrap_or(Value::Null))
        }
    };
    let mut response = result.expect("the room answers");
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

impl Phone {
    /// Joins the app's open room as `name` with the token in its QR code.
    fn join(h: &App, name: &str) -> Self {
        let invite = h
            .state()
            .room_invite()
            .expect("the room shows its invitation");
        let Some((_, token)) = invite.url.split_once("#join=") else {
            panic!("the QR address carries the join token: {}", invite.url);
        };
        let body = json!({ "token": token, "name": name });
        let url = format!("{}/api/join", invite.page_url);
        let (status, reply) = call("POST", &url, None, Some(&body));
        assert_eq!(status, 201, "join answered {reply}");
        Self {
            base: invite.page_url,
            token: reply["token"].as_str().expect("a phone token").to_owned(),
        }
    }

    /// Posts a note; answers the status.
    fn note(&self, client_id: &str, text: &str) -> u16 {
        let body = json!({ "client_id": client_id, "text": text });
        let url = format!("{}/api/notes", self.base);
        call("POST", &url, Some(&self.token), Some(&body)).0
    }

    /// What the phone sees now.
    fn state(&self) -> Value {
        let url = format!("{}/api/state", self.base);
        let (status, state) = call("GET", &url, Some(&self.token), None);
        assert_eq!(status, 200, "state answered {state}");
        state
    }
}

#[test]
fn a_phone_note_lands_in_from_phones_with_its_author_and_ctrl_z_takes_it_out() {
    let (_dir, mut h) = app_with_room("room-note");
    until(&mut h, "the self-test", |h| {
        h.query_by_label_contains("Self-test: this address answers")
            .is_some()
    });
    h.get_by_label_contains("Code ");
    let asha = Phone::join(&h, "Asha");
    assert_eq!(asha.note("a1", "Open the front desk earlier"), 201);
    until(&mut h, "the note", |h| texts(h).len() == 1);
    let open = common::open_session(&h);
    let note = &open.session.notes[0];
    assert_eq!(note.text, "Open the front desk earlier");
    let author = open.session.participants.iter().find(|p| p.name == "Asha");
    assert!(
        author.is_some_and(|a| note.author == Some(a.id)),
        "the note carries its author: {:?}",
        open.session.participants
    );
    let area = h
        .state()
        .room()
        .and_then(|r| r.bridge.from_phones_area())
        .expect("the note opened the From phones area");
    assert!(area.contains(note.pos), "{:?} in {area:?}", note.pos);
    h.get_by_label_contains("Phones in the room: 1");
    // What phones see is published when it changes, not every frame.
    let published = h.state().room().map(|r| r.publishes());
    for _ in 0..5 {
        h.run();
    }
    assert_eq!(h.state().room().map(|r| r.publishes()), published);

    h.get_by_label("Back to the session").click();
    h.run();
    assert!(h.state().room().is_some_and(|r| !r.shown));
    h.get_by_label_contains("Room open · 1 phone");
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(texts(&h).is_empty(), "Ctrl+Z takes the phone's note out");
    assert!(
        h.state().room().map(|r| r.publishes()) > published,
        "the undo is published to phones"
    );
    h.get_by_label("Show the room").click();
    h.run();
    assert!(h.state().room().is_some_and(|r| r.shown));
}

#[test]
fn held_notes_wait_for_approve_reject_and_approve_all() {
    let (_dir, mut h) = app_with_room("room-hold");
    click(&mut h, "Hold them for approval");
    let ben = Phone::join(&h, "Ben");
    for (i, text) in ["Queue numbers", "Rude sign", "Quiet corner"]
        .iter()
        .enumerate()
    {
        assert_eq!(ben.note(&format!("b{i}"), text), 201);
    }
    until(&mut h, "three held notes", |h| {
        h.state().room().is_some_and(|r| r.bridge.held().len() == 3)
    });
    assert!(texts(&h).is_empty(), "held notes are not in the session");
    h.get_by_label_contains("Waiting for approval: 3");

    h.get_all_by_label("Approve")
        .next()
        .expect("an Approve")
        .click();
    h.run();
    assert_eq!(texts(&h), ["Queue numbers"]);
    h.get_all_by_label("Reject")
        .next()
        .expect("a Reject")
        .click();
    h.run();
    assert_eq!(texts(&h), ["Queue numbers"], "a rejected note never lands");
    assert_eq!(ben.note("b3", "Open at eight"), 201);
    until(&mut h, "two held notes", |h| {
        h.state().room().is_some_and(|r| r.bridge.held().len() == 2)
    });
    h.get_by_label("Approve all").click();
    h.run();
    assert_eq!(
        texts(&h),
        ["Queue numbers", "Quiet corner", "Open at eight"]
    );
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(texts(&h), ["Queue numbers"], "Approve all is one undo step");
}

#[test]
fn a_removed_phone_is_refused_at_once_and_a_locked_capture_refuses_notes() {
    let (_dir, mut h) = app_with_room("room-remove");
    let asha = Phone::join(&h, "Asha");
    let ben = Phone::join(&h, "Ben");
    until(&mut h, "two phones listed", |h| {
        h.query_by_label_contains("Phones in the room: 2").is_some()
    });
    h.get_all_by_label("Remove")
        .next()
        .expect("a Remove")
        .click();
    h.run();
    let refused = asha.note("a1", "Still here?");
    assert!(
        (400..500).contains(&refused),
        "a removed phone's next request is refused, not {refused}"
    );
    assert_eq!(ben.note("b1", "Book online"), 201);
    until(&mut h, "Ben's note", |h| texts(h).len() == 1);

    h.get_by_label("Lock capture: phones can no longer add, edit or delete notes")
        .click();
    h.run();
    let locked = ben.note("b2", "One more");
    assert!(
        (400..500).contains(&locked),
        "a locked capture refuses a note, not {locked}"
    );
    assert_eq!(ben.state()["capture_locked"], json!(true));
    h.get_by_label("Lock capture: phones can no longer add, edit or delete notes")
        .click();
    h.run();
    assert_eq!(ben.note("b3", "Unlocked again"), 201);
    until(&mut h, "the note after unlocking", |h| texts(h).len() == 2);
    assert_eq!(texts(&h), ["Book online", "Unlocked again"]);
}

#[test]
fn phones_may_vote_count_without_a_total_and_get_the_ranking_after_the_reveal() {
    let (_dir, mut h) = app_with_room("room-vote");
    let asha = Phone::join(&h, "Asha");
    for (i, text) in ["Shorter queues", "Book online"].iter().enumerate() {
        assert_eq!(asha.note(&format!("a{i}"), text), 201);
    }
    until(&mut h, "two notes", |h| texts(h).len() == 2);
    h.get_by_label("Back to the session").click();
    h.run();
    h.state_mut()
        .run(Action::ShowScreen(goldthread::ui::Screen::Vote));
    h.run();
    click(&mut h, "Phones may vote");
    click(&mut h, "Start the vote");
    let round = common::open_session(&h)
        .session
        .voting
        .current()
        .expect("the vote started")
        .clone();
    assert!(round.settings.phones, "the tick opens the vote to phones");

    let state = asha.state();
    let vote = &state["vote"];
    assert!(state["ranking"].is_null(), "no ranking before the reveal");
    let option = vote["options"][0]["id"].as_u64().expect("an option id");
    let ballot = json!({ "vote": vote["id"], "dots": [{ "option": option, "dots": 1 }] });
    let url = format!("{}/api/ballot", asha.base);
    let (status, reply) = call("POST", &url, Some(&asha.token), Some(&ballot));
    assert_eq!(status, 201, "{reply}");
    until(&mut h, "the ballot", |h| {
        common::open_session(h)
            .session
            .voting
            .current()
            .is_some_and(|r| r.phone_ballots_in() == 1)
    });
    h.get_by_label("Ballots in: 1 (1 from phones)");
    assert!(
        asha.state()["ranking"].is_null(),
        "phones see no total before the reveal"
    );
    let mut before = asha.state();
    before["vote"]["my_ballot"] = Value::Null;
    let before = before.to_string();
    assert!(
        !before.contains("\"dots\""),
        "no dots but its own reach a phone: {before}"
    );

    // The phone's ballot counts at the laptop too: everyone has voted. A reveal asks first.
    h.get_by_label("Everyone has voted.");
    press(&mut h, Key::Enter);
    click(&mut h, "Reveal now");
    let ranking = asha.state()["ranking"].clone();
    let open = common::open_session(&h);
    let round = open.session.voting.current().expect("the round");
    let tally = round.tally(&open.session);
    let rows = ranking["rows"]
        .as_array()
        .expect("the ranking reached the phone");
    assert_eq!(rows.len(), tally.rows.len());
    assert_eq!(rows[0]["dots"], json!(tally.rows[0].dots));
    assert_eq!(rows[0]["dots"], json!(1), "the phone's dot counts");
}

/// True while something listens on `url`'s address.
fn listens(url: &str) -> bool {
    let addr = url.trim_start_matches("http://");
    TcpStream::connect(addr).is_ok()
}

#[test]
fn closing_the_session_opening_another_and_quitting_close_the_room() {
    let (_dir, mut h) = app_with_room("room-close");
    let url = h.state().room_invite().expect("an invitation").page_url;
    assert!(listens(&url));
    h.state_mut().run(Action::ShowLibrary);
    h.run();
    assert!(h.state().open.is_none() && h.state().room().is_none());
    assert!(!listens(&url), "closing the session closes the room");

    common::new_session(&mut h);
    palette(&mut h, "open the room");
    press(&mut h, Key::Enter);
    let url = h.state().room_invite().expect("open again").page_url;
    common::new_session(&mut h);
    assert!(h.state().room().is_none(), "another session has no room");
    assert!(!listens(&url), "opening another session closes the room");

    palette(&mut h, "open the room");
    press(&mut h, Key::Enter);
    let url = h.state().room_invite().expect("open again").page_url;
    palette(&mut h, "close the room");
    press(&mut h, Key::Enter);
    assert!(!listens(&url), "Close the room closes it");
    palette(&mut h, "open the room");
    press(&mut h, Key::Enter);
    let url = h.state().room_invite().expect("open again").page_url;
    h.state_mut().run(Action::Quit);
    h.run();
    assert!(!listens(&url), "quitting closes the room");
}

/// The messages showing in the corner.
fn said(h: &App) -> Vec<String> {
    h.state()
        .notices()
        .all()
        .iter()
        .map(|n| n.text.clone())
        .collect()
}

#[test]
fn the_room_is_off_until_opened_and_says_why_it_cannot_open() {
    let (_dir, mut h) = app_with_new_session("room-bad");
    assert!(h.state().room().is_none(), "nothing listens by default");
    palette(&mut h, "close the room");
    h.get_by_label("No action has that name here.");
    press(&mut h, Key::Escape);

    let taken = TcpListener::bind("127.0.0.1:0").expect("a port to take");
    let port = taken.local_addr().expect("its address").port();
    h.state_mut().set_room_config(RoomConfig {
        port: Some(port),
        ..loopback()
    });
    palette(&mut h, "open the room");
    press(&mut h, Key::Enter);
    assert!(h.state().room().is_none());
    let shown = said(&h);
    assert!(
        shown
            .iter()
            .any(|t| t.contains("could not listen on") && t.contains(&port.to_string())),
        "{shown:?}"
    );

    h.state_mut().set_room_config(RoomConfig {
        bind: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
        ..loopback()
    });
    h.state_mut().run(Action::OpenRoom);
    h.run();
    assert!(h.state().room().is_none());
    let shown = said(&h);
    assert!(
        shown
            .iter()
            .any(|t| t.contains("Choose one of the laptop's network addresses")),
        "{shown:?}"
    );
}

#[test]
fn the_address_chosen_is_used_again_while_the_app_runs() {
    let Some(other) = candidate_addresses()
        .into_iter()
        .find(|a| !a.ip.is_loopback())
    else {
        eprintln!("skipped: this machine has no network address but loopback to choose");
        return;
    };
    let (_dir, mut h) = app_with_room("room-address");
    let ip = |h: &App| h.state().room().map(|r| r.ip());
    assert!(ip(&h).is_some_and(|ip| ip.is_loopback()));
    click(&mut h, "Network address");
    click(&mut h, &other.describe());
    assert_eq!(
        ip(&h),
        Some(other.ip),
        "the room reopened on the chosen address"
    );
    let url = h.state().room_invite().expect("an invitation").page_url;
    assert!(url.contains(&other.ip.to_string()), "{url}");
    palette(&mut h, "close the room");
    press(&mut h, Key::Enter);
    palette(&mut h, "open the room");
    press(&mut h, Key::Enter);
    assert_eq!(ip(&h), Some(other.ip), "the choice is remembered");
}

#[test]
fn the_audience_window_shows_the_open_rooms_invitation_and_loses_it_when_the_room_closes() {
    let (_dir, mut h) = app_with_room("room-audience");
    assert!(
        h.state().room().unwrap().shown,
        "opening shows the room's screen"
    );
    press(&mut h, Key::F5);
    h.run();
    // Following the console, which shows the room's screen: the room sees how to join.
    assert!(matches!(
        h.state().audience().expect("presenting").content,
        goldthread::ui::audience::scene::Content::Room
    ));
    h.state_mut()
        .run(Action::ShowOnScreen(goldthread::ui::audience::Show::Room));
    h.run();
    h.run();
    let code = h.state().room_invite().expect("an invitation").code;
    let shown = h.state().audience().expect("presenting");
    assert!(matches!(
        shown.content,
        goldthread::ui::audience::scene::Content::Room
    ));
    let Some(invite) = shown.invite else {
        panic!("the audience has no invitation while the room is open")
    };
    assert_eq!(invite.code, code);
    h.state_mut().run(Action::CloseRoom);
    h.run();
    h.run();
    assert!(h.state().room().is_none());
    assert!(
        h.state()
            .audience()
            .expect("still presenting")
            .invite
            .is_none(),
        "a closed room's code stays on the projector"
    );
}
