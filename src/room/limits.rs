//! The room's caps and timeouts, and the refusal every request over a cap gets.

use std::time::Duration;

/// Caps on what phones may do. [`Default`] is what the app uses; tests and the bench raise the
/// joins-per-address cap because all their simulated phones share one loopback address.
#[derive(Clone, Debug, PartialEq)]
pub struct RoomLimits {
    /// Largest request body in bytes (4 KB).
    pub max_body_bytes: usize,
    /// Longest note in characters, after cleaning (500).
    pub max_note_chars: usize,
    /// Longest name in characters (40).
    pub max_name_chars: usize,
    /// Phones in the room at once (200).
    pub max_phones: usize,
    /// Notes one phone may add per minute (20).
    pub notes_per_minute: usize,
    /// Join attempts from one network address per [`RoomLimits::join_window`] (3).
    pub joins_per_window: usize,
    /// The window of the joins-per-address cap (5 s).
    pub join_window: Duration,
    /// Open connections at once (256); one more gets a 503 and is closed.
    pub max_connections: usize,
    /// Time to send the request headers (5 s).
    pub header_timeout: Duration,
    /// Time to send a request body (5 s).
    pub body_timeout: Duration,
    /// Longest life of one connection (30 s); a slow reader or writer is cut off then, after the
    /// request in flight is answered.
    pub connection_lifetime: Duration,
    /// Total size of a request's headers in bytes (8 KB); larger gets a 431.
    pub max_header_bytes: usize,
}

impl Default for RoomLimits {
    fn default() -> Self {
        Self {
            max_body_bytes: 4 * 1024,
            max_note_chars: 500,
            max_name_chars: 40,
            max_phones: 200,
            notes_per_minute: 20,
            joins_per_window: 3,
            join_window: Duration::from_secs(5),
            max_connections: 256,
            header_timeout: Duration::from_secs(5),
            body_timeout: Duration::from_secs(5),
            connection_lifetime: Duration::from_secs(30),
            max_header_bytes: 8 * 1024,
        }
    }
}

/// A request the room will not carry out: an HTTP status, a stable machine code and a sentence
/// for the person holding the phone. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The HTTP status (4xx or 503).
    pub status: u16,
    /// A short code the page can act on ("ballot_already_in").
    pub code: &'static str,
    /// What went wrong, in plain words.
    pub message: String,
}

impl Refusal {
    /// A refusal with `status`, `code` and `message`.
    pub fn new(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
        }
    }
}
