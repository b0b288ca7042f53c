//! A real phone browser in the room: Debian's chromium, driven through chromedriver (WebDriver
//! over HTTP) at a 390x844 phone viewport, joins through the QR address, adds three notes with
//! Enter, votes, and sees the ranking; the test asserts on the events the app receives.
//! Skipped, saying why, only where chromium or chromedriver is not installed (.ci/run installs
//! both).

mod room_support;

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use goldthread::room::{PhoneId, RankedOption, RoomEvent, RoomRanking, RoomView};
use room_support::{agent, open, view, vote};
use serde_json::{Value, json};

/// WebDriver's key for an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A chromedriver we started and one browser session in it; both end on drop.
struct Browser {
    driver: Child,
    base: String,
    agent: ureq::Agent,
}

impl Browser {
    /// Starts chromedriver on a free port and a headless chromium at a phone's viewport.
    fn start(chromedriver: &Path, chromium: &Path) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let mut browser = Browser {
            driver,
            base: format!("http://127.0.0.1:{port}"),
            agent: agent(),
        };
        browser.wait_until("chromedriver is ready", || {
            let ready = browser
                .agent
                .get(&format!("{}/status", browser.base))
                .call();
            ready
                .ok()
                .and_then(|mut r| r.body_mut().read_json::<Value>().ok())
                .is_some_and(|v| v["value"]["ready"] == true)
        });
        let capabilities = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium.to_string_lossy(),
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--no-first-run", "--window-size=390,844"],
                "mobileEmulation": { "deviceMetrics": { "width": 390, "height": 844, "pixelRatio": 3.0 } }
            }
        }}});
        let session = browser.call("POST", "/session", Some(capabilities));
        let id = session["sessionId"]
            .as_str()
            .expect("a WebDriver session")
            .to_owned();
        browser.base = format!("{}/session/{id}", browser.base);
        browser
    }

    /// One WebDriver command; answers its `value`.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.base);
        let response = match (method, body) {
            ("GET", _) => self.agent.get(&url).call(),
            ("DELETE", _) => self.agent.delete(&url).call(),
            (_, body) => self
                .agent
                .post(&url)
                .send_json(body.unwrap_or_else(|| json!({}))),
        };
        let mut response = response.unwrap_or_else(|e| panic!("WebDriver {method} {path}: {e}"));
        let status = response.status().as_u16();
        let value: Value = response.body_mut().read_json().unwrap_or(Value::Null);
        assert!(
            status < 300,
            "WebDriver {method} {path} answered {status}: {value}"
        );
        value.get("value").cloned().unwrap_or(value)
    }

    /// Runs `script` in the page and answers what it returns.
    fn script(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    /// The element matching the CSS `selector`.
    fn find(&self, selector: &str) -> String {
        let found = self.call(
            "POST",
            "/element",
            Some(json!({ "using": "css selector", "value": selector })),
        );
        found[ELEMENT].as_str().expect("an element").to_owned()
    }

    /// Clicks the element matching `selector`.
    fn click(&self, selector: &str) {
        let id = self.find(selector);
        self.call("POST", &format!("/element/{id}/click"), None);
    }

    /// Types `text` into the element matching `selector` (`\u{E007}` is Enter).
    fn type_into(&self, selector: &str, text: &str) {
        let id = self.find(selector);
        self.call(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({ "text": text })),
        );
    }

    /// Is the element with `id` shown (not hidden, with a size)?
    fn shown(&self, id: &str) -> bool {
        let script = format!(
            "const e = document.getElementById('{id}'); return !!e && !e.hidden && e.offsetHeight > 0;"
        );
        self.script(&script) == true
    }

    /// Waits up to ten seconds for `ready`.
    fn wait_until(&self, what: &str, mut ready: impl FnMut() -> bool) {
        let started = Instant::now();
        while !ready() {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "timed out waiting until {what}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The text of the element with `id`.
    fn text(&self, id: &str) -> String {
        let script = format!("return document.getElementById('{id}').textContent;");
        self.script(&script).as_str().unwrap_or("").to_owned()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if self.base.contains("/session/") {
            let _ = self.agent.delete(&self.base).call();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// The first of `names` found on PATH or in /usr/bin and /usr/lib/chromium.
fn find_program(names: &[&str]) -> Option<std::path::PathBuf> {
    let path = std::env::var("PATH").unwrap_or_default();
    let dirs = path
        .split(':')
        .map(Path::new)
        .chain([Path::new("/usr/bin"), Path::new("/usr/lib/chromium")]);
    let dirs: Vec<&Path> = dirs.collect();
    names
        .iter()
        .flat_map(|n| dirs.iter().map(move |d| d.join(n)))
        .find(|p| p.is_file())
}

#[test]
fn a_phone_browser_joins_adds_three_notes_and_votes() {
    let (Some(driver), Some(chromium)) = (
        find_program(&["chromedriver"]),
        find_program(&["chromium", "chromium-browser"]),
    ) else {
        eprintln!(
            "SKIPPED: chromium and chromedriver are not installed (Debian: chromium chromium-driver; .ci/run installs them)"
        );
        return;
    };
    let room = open();
    let browser = Browser::start(&driver, &chromium);
    browser.call("POST", "/url", Some(json!({ "url": room.join_url() })));
    browser.wait_until("the join form shows", || browser.shown("join-me"));
    let widths =
        browser.script("return [window.innerWidth, document.documentElement.scrollWidth];");
    assert_eq!(widths[0], 390, "a phone's viewport");
    assert!(
        widths[1].as_u64().is_some_and(|w| w <= 390),
        "nothing wider than the phone: {widths}"
    );

    browser.type_into("#name", "Asha");
    browser.click("#area option[value='Housing']");
    browser.click("#join-button");
    browser.wait_until("the note box shows", || browser.shown("capture"));
    assert_eq!(
        browser.text("question"),
        "What would make the front desk easier?"
    );
    let notes = [
        "Shorter queues",
        "Clearer <b>signs</b>",
        "Open on Saturdays",
    ];
    for (i, text) in notes.iter().enumerate() {
        browser.type_into("#note-text", &format!("{text}\u{E007}"));
        let count = (i + 1).to_string();
        browser.wait_until("the note is confirmed", || {
            browser.text("my-count") == count
        });
    }
    assert!(browser.text("status").contains("Note sent"));

    room.publish(RoomView {
        vote: Some(vote(7)),
        ..view()
    });
    browser.wait_until("the vote shows", || browser.shown("vote"));
    browser.click("#options li:nth-child(1) button[aria-label='Add a dot to Queues']");
    browser.click("#options li:nth-child(1) button[aria-label='Add a dot to Queues']");
    browser.click("#options li:nth-child(2) button[aria-label='Add a dot to Signs']");
    browser.click("#options li:nth-child(1) summary");
    let theme_notes =
        browser.script("return document.querySelector('#options li .theme-notes').innerText;");
    assert!(
        theme_notes
            .as_str()
            .is_some_and(|t| t.contains("Book online")),
        "{theme_notes}"
    );
    assert!(browser.text("vote-budget").starts_with("2 of 5 dots left"));
    save_screenshot(&browser);
    browser.click("#confirm-vote");
    browser.wait_until("the ballot is confirmed", || browser.shown("vote-done"));

    let events = room.poll();
    let phone = PhoneId(1);
    assert_eq!(
        events[0],
        RoomEvent::PhoneJoined {
            phone,
            name: "Asha".into(),
            anonymous: false,
            area: Some("Housing".into()),
            level: None
        }
    );
    let texts: Vec<&str> = events
        .iter()
        .filter_map(|e| match e {
            RoomEvent::NoteAdded { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(texts, notes);
    assert_eq!(
        events.last(),
        Some(&RoomEvent::BallotCast {
            phone,
            vote: 7,
            dots: vec![(11, 2), (12, 1)]
        })
    );

    let ranking = RoomRanking {
        question: "Which theme first?".into(),
        rows: vec![
            RankedOption {
                label: "Queues".into(),
                dots: 2,
            },
            RankedOption {
                label: "Signs".into(),
                dots: 1,
            },
        ],
    };
    room.publish(RoomView {
        ranking: Some(ranking),
        ..view()
    });
    browser.wait_until("the ranking shows", || browser.shown("ranking"));
    assert_eq!(browser.text("ranking-list"), "Queues: 2 dotsSigns: 1 dot");
    let escaped = browser.script("return document.querySelectorAll('#my-notes b').length;");
    assert_eq!(
        escaped, 0,
        "a note's markup is shown as text, never as elements"
    );
}

/// Saves the phone page as a PNG where `GOLDTHREAD_ROOM_SCREENSHOT` says (for the README).
fn save_screenshot(browser: &Browser) {
    let Ok(path) = std::env::var("GOLDTHREAD_ROOM_SCREENSHOT") else {
        return;
    };
    browser.script("window.scrollTo(0, 0);");
    let encoded = browser.call("GET", "/screenshot", None);
    let Some(encoded) = encoded.as_str() else {
        return;
    };
    std::fs::write(path, decode_base64(encoded)).expect("write the screenshot");
}

/// Standard base64 to bytes (WebDriver screenshots).
fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let sextets: Vec<u8> = text.bytes().filter_map(value).collect();
    sextets
        .chunks(4)
        .flat_map(|c| {
            let n = c.iter().fold(0u32, |acc, s| (acc << 6) | u32::from(*s)) << (6 * (4 - c.len()));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes.into_iter().take(c.len().saturating_sub(1))
        })
        .collect()
}
