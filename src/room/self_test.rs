//! "Does the address answer?": fetches the phone page over the room's chosen address from a
//! background thread, the way a phone would, and reports back without blocking a frame.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long the self-test waits to connect, and then for the answer.
const SELF_TEST_TIMEOUT: Duration = Duration::from_secs(3);

/// A self-test under way; ask [`SelfTest::result`] each frame until it has one.
#[derive(Debug)]
pub struct SelfTest {
    rx: mpsc::Receiver<Result<Duration, String>>,
    result: Option<Result<Duration, String>>,
}

impl SelfTest {
    /// Starts fetching `http://addr/` on a named thread; `waker` is called when the answer is in.
    pub fn start(addr: SocketAddr, waker: std::sync::Arc<dyn Fn() + Send + Sync>) -> Self {
        let host = super::host_of(addr);
        let (tx, rx) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("goldthread-room-selftest".into())
            .spawn(move || {
                let _ = tx.send(fetch(addr, &host));
                waker();
            });
        let result = spawned
            .err()
            .map(|e| Err(format!("The self-test could not start: {e}")));
        Self { rx, result }
    }

    /// `None` while waiting; then how long the page took to arrive, or what went wrong.
    pub fn result(&mut self) -> Option<&Result<Duration, String>> {
        if self.result.is_none() {
            self.result = self.rx.try_recv().ok();
        }
        self.result.as_ref()
    }

    /// Waits at most `timeout` for the result (for tests and command-line use, never the UI).
    pub fn wait(&mut self, timeout: Duration) -> Option<&Result<Duration, String>> {
        if self.result.is_none() {
            self.result = self.rx.recv_timeout(timeout).ok();
        }
        self.result.as_ref()
    }
}

/// Fetches the page once and checks that it is the room's phone page.
fn fetch(addr: SocketAddr, host: &str) -> Result<Duration, String> {
    let started = Instant::now();
    let unreachable = |e: std::io::Error| format!("{addr} does not answer: {e}");
    let mut stream = TcpStream::connect_timeout(&addr, SELF_TEST_TIMEOUT).map_err(unreachable)?;
    stream
        .set_read_timeout(Some(SELF_TEST_TIMEOUT))
        .map_err(unreachable)?;
    stream
        .set_write_timeout(Some(SELF_TEST_TIMEOUT))
        .map_err(unreachable)?;
    let request = format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).map_err(unreachable)?;
    let mut answer = Vec::new();
    stream
        .take(256 * 1024)
        .read_to_end(&mut answer)
        .map_err(unreachable)?;
    let text = String::from_utf8_lossy(&answer);
    if !text.starts_with("HTTP/1.1 200") {
        let first = text.lines().next().unwrap_or("nothing");
        return Err(format!(
            "{addr} answered, but not with the phone page ({first})."
        ));
    }
    if !text.contains("goldthread-phone") {
        return Err(format!(
            "{addr} answered with some other page: is another program using this port?"
        ));
    }
    Ok(started.elapsed())
}
