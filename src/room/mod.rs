//! The room: participants join from their phones over the room's own network (issue 14).
//!
//! A small HTTP server on its own named thread (`goldthread-room`, a current-thread tokio
//! runtime, never a pool) serves the phone page (`assets/phone/`, built into the binary) and a
//! JSON API. The UI thread talks to it through a narrow handle:
//!
//! - [`Room::open`] starts the server on the chosen address with a fresh random join token
//!   (128 bits, in memory only) and a short join code; [`Room::join_url`] is the address for the
//!   QR code ([`QrMatrix::encode`]) and [`Room::join_code`] the code to type.
//! - [`Room::publish`] hands the server a [`RoomView`]: what phones may see (the question,
//!   whether capture is locked, the session's areas and levels, the vote open to phones, and
//!   after the reveal the ranking). The server never holds the session or any total.
//! - [`Room::poll`] drains the [`RoomEvent`]s phones caused (joins, notes added, edited and
//!   deleted, ballots, leaving). The `waker` given to [`Room::open`] (the app's
//!   `ctx.request_repaint()`) is called after each one, so an idle app stays idle.
//! - [`Room::phones`] lists joined phones, [`Room::remove_phone`] ends a phone's access at once,
//!   [`Room::self_test`] checks the address answers (on a background thread), and
//!   [`Room::close`] (or dropping the room) stops the server.
//! - [`candidate_addresses`] lists the laptop's addresses, named by kind (wifi, ethernet,
//!   hotspot), for the facilitator to choose from.
//!
//! [`RoomBridge`] turns each event into an ordinary edit through the one door (undo, autosave
//! and recovery cover it) and holds notes awaiting approval; [`room_view`] builds the
//! [`RoomView`] from the session. The app calls both; its on-screen wiring lives in the UI.

mod bridge;
mod bridge_draft;
#[cfg(test)]
mod bridge_tests;
mod bridge_view;
mod limits;
mod network;
mod phone_actions;
mod qr;
mod routes;
mod self_test;
mod server;
mod state;
pub mod text;
mod token;
mod view;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::{Arc, Mutex, MutexGuard, mpsc};
use std::thread::JoinHandle;

pub use bridge::{Arrivals, BridgeError, HeldNote, RoomBridge};
pub use bridge_view::{
    RoomChoices, level_from_label, option_from_id, option_id, phase_from_key, phase_key,
    phone_vote_round, room_view,
};
pub use limits::{Refusal, RoomLimits};
pub use network::{NetworkAddress, NetworkKind, candidate_addresses, classify, rank};
pub use qr::QrMatrix;
pub use routes::CSP;
pub use self_test::SelfTest;
pub use view::{
    PhoneId, PhoneInfo, RankedOption, RoomEvent, RoomNoteId, RoomOption, RoomRanking, RoomView,
    RoomVote,
};

/// The port tried first when none is given; the next nine follow, then any free port.
pub const DEFAULT_PORT: u16 = 8765;

/// Where and how to open the room.
#[derive(Clone, Debug)]
pub struct RoomConfig {
    /// The address to listen on (one of [`candidate_addresses`]); only this address answers.
    pub bind: IpAddr,
    /// The port: `None` tries [`DEFAULT_PORT`] and the nine after it, then any free port;
    /// `Some(0)` takes any free port; `Some(p)` exactly `p`.
    pub port: Option<u16>,
    /// The caps in force.
    pub limits: RoomLimits,
}

impl RoomConfig {
    /// The room on `bind` with the default port choice and caps.
    pub fn new(bind: IpAddr) -> Self {
        Self {
            bind,
            port: None,
            limits: RoomLimits::default(),
        }
    }
}

/// Why the room could not open.
#[derive(Debug)]
pub enum RoomError {
    /// Nothing could listen on the address (taken port, address gone).
    Bind(SocketAddr, std::io::Error),
    /// The address was "any address" (0.0.0.0 or ::): the room listens on one chosen address,
    /// so that the join address and the Host check name it.
    Unspecified,
    /// The system gave no randomness for the join token.
    Random(String),
    /// The server thread could not start.
    Thread(std::io::Error),
}

impl std::fmt::Display for RoomError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Bind(addr, e) => write!(
                f,
                "The room could not listen on {addr}: {e}. Choose another address or port."
            ),
            Self::Unspecified => write!(
                f,
                "Choose one of the laptop's network addresses for the room."
            ),
            Self::Random(e) => write!(f, "The room could not make a join code: {e}."),
            Self::Thread(e) => write!(f, "The room's server could not start: {e}."),
        }
    }
}

impl std::error::Error for RoomError {}

/// An open room. Dropping it closes the server.
pub struct Room {
    shared: Arc<Mutex<state::Shared>>,
    events: mpsc::Receiver<RoomEvent>,
    waker: Arc<dyn Fn() + Send + Sync>,
    addr: SocketAddr,
    stop: tokio::sync::watch::Sender<bool>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Room {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Room")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Room {
    /// Opens the room: binds the address, makes new secrets and starts the server thread.
    pub fn open(
        config: RoomConfig,
        view: RoomView,
        waker: impl Fn() + Send + Sync + 'static,
    ) -> Result<Room, RoomError> {
        if config.bind.is_unspecified() {
            return Err(RoomError::Unspecified);
        }
        let listener = bind(config.bind, config.port)?;
        let addr = listener
            .local_addr()
            .map_err(|e| RoomError::Bind(SocketAddr::new(config.bind, 0), e))?;
        listener
            .set_nonblocking(true)
            .map_err(|e| RoomError::Bind(addr, e))?;
        let shared = state::Shared::new(view, config.limits.clone())
            .map_err(|e| RoomError::Random(e.to_string()))?;
        let shared = Arc::new(Mutex::new(shared));
        let (tx, events) = mpsc::channel();
        let waker: Arc<dyn Fn() + Send + Sync> = Arc::new(waker);
        let ctx = Arc::new(routes::Ctx {
            shared: Arc::clone(&shared),
            events: tx,
            waker: Arc::clone(&waker),
            hosts: allowed_hosts(addr),
            limits: config.limits,
        });
        let (stop, stop_rx) = tokio::sync::watch::channel(false);
        let thread = std::thread::Builder::new()
            .name("goldthread-room".into())
            .spawn(move || {
                // A failure here can only be the runtime not starting; the self-test reports it.
                let _ = server::run(listener, ctx, stop_rx);
            })
            .map_err(RoomError::Thread)?;
        Ok(Room {
            shared,
            events,
            waker,
            addr,
            stop,
            thread: Some(thread),
        })
    }

    /// The room's memory, even if the server thread panicked while holding it.
    fn lock(&self) -> MutexGuard<'_, state::Shared> {
        self.shared.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The address and port the room listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The address for the QR code: the page with the join token after `#`, so the token is
    /// never sent in a request line (and so never lands in any server or proxy log).
    pub fn join_url(&self) -> String {
        format!(
            "http://{}/#join={}",
            host_of(self.addr),
            self.lock().join_token.expose()
        )
    }

    /// The page's address without the token, for people who type it ("http://192.168.1.20:8765").
    pub fn page_url(&self) -> String {
        format!("http://{}", host_of(self.addr))
    }

    /// The short code people type when they cannot scan ("K7PM-4QXR").
    pub fn join_code(&self) -> String {
        self.lock().join_code.expose().to_owned()
    }

    /// Replaces what phones see; they pick it up on their next poll (within two seconds).
    pub fn publish(&self, view: RoomView) {
        self.lock().view = view;
    }

    /// Everything phones did since the last call, oldest first. Never blocks.
    pub fn poll(&self) -> Vec<RoomEvent> {
        self.events.try_iter().collect()
    }

    /// The joined phones, by id.
    pub fn phones(&self) -> Vec<PhoneInfo> {
        self.lock().phone_list()
    }

    /// Removes a phone: its token stops working with its next request. False when it was not in
    /// the room.
    pub fn remove_phone(&self, id: PhoneId) -> bool {
        self.lock().remove(id)
    }

    /// Fetches the phone page over the room's own address on a background thread; the waker is
    /// called when the answer is in.
    pub fn self_test(&self) -> SelfTest {
        SelfTest::start(self.addr, Arc::clone(&self.waker))
    }

    /// Stops the server and waits for its thread (a moment: open connections are dropped).
    pub fn close(mut self) {
        self.shut_down();
    }

    /// Stops the server thread once.
    fn shut_down(&mut self) {
        let _ = self.stop.send(true);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Room {
    fn drop(&mut self) {
        self.shut_down();
    }
}

/// Binds `ip` on the configured port, or the first free of the default ones, or any.
fn bind(ip: IpAddr, port: Option<u16>) -> Result<TcpListener, RoomError> {
    let ports: Vec<u16> = match port {
        Some(p) => vec![p],
        None => (DEFAULT_PORT..DEFAULT_PORT + 10).chain([0]).collect(),
    };
    let mut last = None;
    for p in ports {
        let addr = SocketAddr::new(ip, p);
        match TcpListener::bind(addr) {
            Ok(listener) => return Ok(listener),
            Err(e) => last = Some(RoomError::Bind(addr, e)),
        }
    }
    Err(last.unwrap_or_else(|| {
        RoomError::Bind(SocketAddr::new(ip, 0), std::io::ErrorKind::AddrInUse.into())
    }))
}

/// `ip:port`, with brackets for IPv6.
fn host_of(addr: SocketAddr) -> String {
    match addr.ip() {
        IpAddr::V4(v4) => format!("{v4}:{}", addr.port()),
        IpAddr::V6(v6) => format!("[{v6}]:{}", addr.port()),
    }
}

/// The Host header values the room answers to: its own address, and localhost forms for the
/// facilitator's own browser. Anything else (a rebinding DNS name) is refused.
fn allowed_hosts(addr: SocketAddr) -> Vec<String> {
    let port = addr.port();
    let mut hosts = vec![
        host_of(addr),
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ];
    hosts.dedup();
    hosts
}
