//! One HTTP request in, one response out: the Host and Origin checks, the header and body caps,
//! then the page's files and the JSON API. Every refusal is JSON `{"error", "code"}`.

use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard, mpsc};
use std::time::Instant;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{self, HeaderMap, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::limits::{Refusal, RoomLimits};
use super::state::Shared;
use super::view::{RoomEvent, RoomNoteId};

/// The phone page, its script and its style, built into the binary.
const INDEX_HTML: &str = include_str!("../../assets/phone/index.html");
const PHONE_JS: &str = include_str!("../../assets/phone/phone.js");
const PHONE_CSS: &str = include_str!("../../assets/phone/phone.css");

/// The Content-Security-Policy on every response: only this server's own script and style, no
/// inline script, no frames, no forms posting elsewhere.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
     connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// What every request handler shares.
pub(crate) struct Ctx {
    /// The room's memory.
    pub shared: Arc<Mutex<Shared>>,
    /// Events for the UI thread.
    pub events: mpsc::Sender<RoomEvent>,
    /// Wakes the UI thread (the app's `request_repaint`).
    pub waker: Arc<dyn Fn() + Send + Sync>,
    /// Host header values accepted: the room's address:port and localhost forms.
    pub hosts: Vec<String>,
    /// The caps in force.
    pub limits: RoomLimits,
}

impl Ctx {
    /// The room's memory, even if a handler panicked while holding it.
    fn lock(&self) -> MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Hands an event to the UI thread and wakes it.
    fn send(&self, event: RoomEvent) {
        if self.events.send(event).is_ok() {
            (self.waker)();
        }
    }
}

/// The response type of every handler.
pub(crate) type Reply = Response<Full<Bytes>>;

/// A response with the room's security headers.
pub(crate) fn respond(status: u16, content_type: &'static str, body: impl Into<Bytes>) -> Reply {
    let mut response = Response::new(Full::new(body.into()));
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    let fixed = [
        (header::CONTENT_TYPE, content_type),
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CACHE_CONTROL, "no-store"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

/// A JSON response.
fn json_reply(status: u16, value: &Value) -> Reply {
    respond(status, "application/json; charset=utf-8", value.to_string())
}

/// The JSON response for a refusal.
pub(crate) fn refuse(r: &Refusal) -> Reply {
    json_reply(r.status, &json!({ "error": r.message, "code": r.code }))
}

/// Answers one request.
pub(crate) async fn handle(req: Request<Incoming>, ip: IpAddr, ctx: Arc<Ctx>) -> Reply {
    if let Err(r) = check_headers(req.headers(), req.method(), &ctx) {
        return refuse(&r);
    }
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let token = bearer(req.headers());
    let reply = match (&method, path.as_str()) {
        (&Method::GET, "/" | "/index.html") => {
            Ok(respond(200, "text/html; charset=utf-8", INDEX_HTML))
        }
        (&Method::GET, "/phone.js") => Ok(respond(200, "text/javascript; charset=utf-8", PHONE_JS)),
        (&Method::GET, "/phone.css") => Ok(respond(200, "text/css; charset=utf-8", PHONE_CSS)),
        (&Method::GET, "/api/state") => {
            let shared = ctx.lock();
            shared
                .phone_for(token.as_deref())
                .and_then(|phone| shared.state_for(phone))
                .map(|v| json_reply(200, &v))
        }
        _ => api(req, method, &path, ip, token, &ctx).await,
    };
    reply.unwrap_or_else(|r| refuse(&r))
}

/// The API calls that change something.
async fn api(
    req: Request<Incoming>,
    method: Method,
    path: &str,
    ip: IpAddr,
    token: Option<String>,
    ctx: &Ctx,
) -> Result<Reply, Refusal> {
    let note_id = path
        .strip_prefix("/api/notes/")
        .and_then(|n| n.parse::<u64>().ok())
        .map(RoomNoteId);
    match (&method, path, note_id) {
        (&Method::POST, "/api/welcome", _) => {
            let body = read_json(req, ctx).await?;
            let value = ctx.lock().welcome(ip, &body, Instant::now())?;
            Ok(json_reply(200, &value))
        }
        (&Method::POST, "/api/join", _) => {
            let body = read_json(req, ctx).await?;
            let (value, event) = ctx.lock().join(ip, &body, Instant::now())?;
            ctx.send(event);
            Ok(json_reply(201, &value))
        }
        (&Method::POST, "/api/notes", _) => {
            let body = read_json(req, ctx).await?;
            let (value, event) = {
                let mut shared = ctx.lock();
                let phone = shared.phone_for(token.as_deref())?;
                shared.add_note(phone, &body, Instant::now())?
            };
            let status = if event.is_some() { 201 } else { 200 };
            if let Some(event) = event {
                ctx.send(event);
            }
            Ok(json_reply(status, &value))
        }
        (&Method::PUT, _, Some(note)) => {
            let body = read_json(req, ctx).await?;
            let (value, event) = {
                let mut shared = ctx.lock();
                let phone = shared.phone_for(token.as_deref())?;
                shared.edit_note(phone, note, &body)?
            };
            ctx.send(event);
            Ok(json_reply(200, &value))
        }
        (&Method::DELETE, _, Some(note)) => {
            let (value, event) = {
                let mut shared = ctx.lock();
                let phone = shared.phone_for(token.as_deref())?;
                shared.delete_note(phone, note)?
            };
            ctx.send(event);
            Ok(json_reply(200, &value))
        }
        (&Method::POST, "/api/ballot", _) => {
            let body = read_json(req, ctx).await?;
            let (value, event) = {
                let mut shared = ctx.lock();
                let phone = shared.phone_for(token.as_deref())?;
                shared.cast_ballot(phone, &body)?
            };
            ctx.send(event);
            Ok(json_reply(201, &value))
        }
        (&Method::POST, "/api/leave", _) => {
            let event = {
                let mut shared = ctx.lock();
                let phone = shared.phone_for(token.as_deref())?;
                shared.leave(phone)
            };
            ctx.send(event);
            Ok(json_reply(200, &json!({ "ok": true })))
        }
        _ if known_path(path) => Err(Refusal::new(
            405,
            "wrong_method",
            "That is not allowed here.",
        )),
        _ => Err(Refusal::new(
            404,
            "not_found",
            "There is nothing at this address.",
        )),
    }
}

/// Is `path` one the room serves (with some other method)?
fn known_path(path: &str) -> bool {
    matches!(
        path,
        "/" | "/index.html"
            | "/phone.js"
            | "/phone.css"
            | "/api/state"
            | "/api/welcome"
            | "/api/join"
            | "/api/notes"
            | "/api/ballot"
            | "/api/leave"
    ) || path.starts_with("/api/notes/")
}

/// The phone token from `Authorization: Bearer ..`.
fn bearer(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    value.strip_prefix("Bearer ").map(|t| t.trim().to_owned())
}

/// The checks every request passes before anything else: header size, Host, and for anything
/// but GET and HEAD, Origin, Fetch metadata and a JSON content type.
fn check_headers(headers: &HeaderMap, method: &Method, ctx: &Ctx) -> Result<(), Refusal> {
    let size: usize = headers
        .iter()
        .map(|(n, v)| n.as_str().len() + v.len() + 4)
        .sum();
    if size > ctx.limits.max_header_bytes {
        return Err(Refusal::new(
            431,
            "headers_too_large",
            "The request's headers are too large.",
        ));
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !ctx.hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
        return Err(Refusal::new(
            421,
            "wrong_host",
            "This server only answers at the room's own address.",
        ));
    }
    if matches!(*method, Method::GET | Method::HEAD) {
        return Ok(());
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or("");
        let same = ctx
            .hosts
            .iter()
            .any(|h| origin.eq_ignore_ascii_case(&format!("http://{h}")));
        if !same {
            return Err(cross_site());
        }
    }
    let site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if site.is_some_and(|s| s != "same-origin" && s != "none") {
        return Err(cross_site());
    }
    let json_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/json"));
    if *method != Method::DELETE && !json_type {
        return Err(Refusal::new(415, "not_json", "The room takes JSON only."));
    }
    Ok(())
}

/// The refusal for a request another site's page made.
fn cross_site() -> Refusal {
    Refusal::new(
        403,
        "wrong_origin",
        "Requests from other sites are refused.",
    )
}

/// Reads the body (at most the body cap, within the body timeout) and parses it as JSON.
async fn read_json<T: DeserializeOwned>(req: Request<Incoming>, ctx: &Ctx) -> Result<T, Refusal> {
    let max = ctx.limits.max_body_bytes;
    let too_large = || {
        Refusal::new(
            413,
            "body_too_large",
            format!("The request is larger than {max} bytes."),
        )
    };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > max) {
        return Err(too_large());
    }
    let limited = Limited::new(req.into_body(), max);
    let collected = tokio::time::timeout(ctx.limits.body_timeout, limited.collect()).await;
    let Ok(collected) = collected else {
        return Err(Refusal::new(
            408,
            "body_timeout",
            "The request took too long to arrive.",
        ));
    };
    let body = match collected {
        Ok(body) => body,
        Err(e)
            if e.downcast_ref::<http_body_util::LengthLimitError>()
                .is_some() =>
        {
            return Err(too_large());
        }
        Err(_) => {
            return Err(Refusal::new(
                400,
                "body_cut_off",
                "The request arrived cut off. Try again.",
            ));
        }
    };
    serde_json::from_slice(&body.to_bytes()).map_err(|e| {
        Refusal::new(
            400,
            "bad_json",
            format!("The request is not valid JSON for this call: {e}."),
        )
    })
}
