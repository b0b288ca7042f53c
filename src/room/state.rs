//! The room's memory while it is open: the published view, the joined phones and their tokens,
//! their notes and ballots, and the rate limits. Pure logic with no sockets, so every rule is a
//! plain function the HTTP layer calls under one lock.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::net::IpAddr;
use std::time::Instant;

use serde::Deserialize;
use serde_json::{Value, json};

use super::limits::{Refusal, RoomLimits};
use super::text::clean_line;
use super::token::Secret;
use super::view::{PhoneId, PhoneInfo, RoomEvent, RoomNoteId, RoomView};

/// The body of `POST /api/welcome` and `POST /api/join`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct JoinRequest {
    /// The join token from the QR address.
    #[serde(default)]
    pub token: Option<String>,
    /// The short join code typed by a person.
    #[serde(default)]
    pub code: Option<String>,
    /// An optional name.
    #[serde(default)]
    pub name: Option<String>,
    /// An optional service area from the session's list.
    #[serde(default)]
    pub area: Option<String>,
    /// An optional level from the session's list.
    #[serde(default)]
    pub level: Option<String>,
}

/// One joined phone.
#[derive(Debug)]
pub(crate) struct Phone {
    /// Name or "Anonymous N".
    pub name: String,
    /// Service area, if chosen.
    pub area: Option<String>,
    /// Level, if chosen.
    pub level: Option<String>,
    /// Its notes now, by room id.
    pub notes: BTreeMap<RoomNoteId, String>,
    /// The page's own id for each note it sent, so a retried post is not a second note.
    pub client_ids: HashMap<String, RoomNoteId>,
    /// When its recent notes arrived (for the per-minute cap).
    pub recent: VecDeque<Instant>,
    /// Its ballot in each vote it took part in.
    pub ballots: BTreeMap<u64, Vec<(u64, u32)>>,
}

/// Everything the server remembers, behind one mutex shared with the [`super::Room`] handle.
#[derive(Debug)]
pub(crate) struct Shared {
    /// What phones may see.
    pub view: RoomView,
    /// The caps in force.
    pub limits: RoomLimits,
    /// The token in the QR address.
    pub join_token: Secret,
    /// The short code for typing.
    pub join_code: Secret,
    /// Joined phones.
    pub phones: BTreeMap<PhoneId, Phone>,
    /// Phone token to phone.
    tokens: HashMap<Secret, PhoneId>,
    /// Tokens of phones the facilitator removed (so they hear why).
    removed: HashSet<Secret>,
    next_phone: u32,
    pub next_note: u64,
    anonymous: u32,
    joins: HashMap<IpAddr, VecDeque<Instant>>,
}

impl Shared {
    /// A fresh room with new secrets.
    pub fn new(view: RoomView, limits: RoomLimits) -> Result<Self, getrandom::Error> {
        Ok(Self {
            view,
            limits,
            join_token: Secret::random_token()?,
            join_code: Secret::random_code()?,
            phones: BTreeMap::new(),
            tokens: HashMap::new(),
            removed: HashSet::new(),
            next_phone: 1,
            next_note: 1,
            anonymous: 0,
            joins: HashMap::new(),
        })
    }

    /// Refuses when `ip` has used up its join attempts in the current window; else records one
    /// attempt when `record`.
    fn join_rate(&mut self, ip: IpAddr, now: Instant, record: bool) -> Result<(), Refusal> {
        let window = self.limits.join_window;
        let recent = self.joins.entry(ip).or_default();
        while recent
            .front()
            .is_some_and(|t| now.duration_since(*t) >= window)
        {
            recent.pop_front();
        }
        if recent.len() >= self.limits.joins_per_window {
            return Err(Refusal::new(
                429,
                "too_many_joins",
                format!(
                    "Too many tries to join from this device. Wait {} seconds and try again.",
                    window.as_secs()
                ),
            ));
        }
        if record {
            recent.push_back(now);
        }
        Ok(())
    }

    /// Checks the join token or code in `req`; a wrong one counts against `ip`'s join attempts.
    pub fn welcome(
        &mut self,
        ip: IpAddr,
        req: &JoinRequest,
        now: Instant,
    ) -> Result<Value, Refusal> {
        self.join_rate(ip, now, false)?;
        if !self.secret_ok(req) {
            self.join_rate(ip, now, true)?;
            return Err(wrong_code());
        }
        Ok(
            json!({ "areas": self.view.areas, "levels": self.view.levels, "question": self.view.question }),
        )
    }

    /// Is the join token or code in `req` right?
    fn secret_ok(&self, req: &JoinRequest) -> bool {
        let token_ok = req
            .token
            .as_deref()
            .is_some_and(|t| self.join_token.matches(t));
        let code_ok = req
            .code
            .as_deref()
            .is_some_and(|c| self.join_code.matches_code(c));
        token_ok || code_ok
    }

    /// Joins a phone: checks the rate, the secret, the phone cap and the chosen lists, then
    /// answers its id, name and token.
    pub fn join(
        &mut self,
        ip: IpAddr,
        req: &JoinRequest,
        now: Instant,
    ) -> Result<(Value, RoomEvent), Refusal> {
        self.join_rate(ip, now, true)?;
        if !self.secret_ok(req) {
            return Err(wrong_code());
        }
        if self.phones.len() >= self.limits.max_phones {
            return Err(Refusal::new(
                503,
                "room_full",
                format!(
                    "The room is full ({} phones). Ask the facilitator.",
                    self.limits.max_phones
                ),
            ));
        }
        let area = self.chosen(req.area.as_deref(), true)?;
        let level = self.chosen(req.level.as_deref(), false)?;
        let typed = clean_line(req.name.as_deref().unwrap_or(""));
        if typed.chars().count() > self.limits.max_name_chars {
            return Err(Refusal::new(
                422,
                "name_too_long",
                format!(
                    "A name may have at most {} characters.",
                    self.limits.max_name_chars
                ),
            ));
        }
        let Ok(token) = Secret::random_token() else {
            return Err(Refusal::new(
                503,
                "no_randomness",
                "The room could not make a pass. Try again.",
            ));
        };
        let anonymous = typed.is_empty();
        let name = if anonymous {
            self.anonymous += 1;
            format!("Anonymous {}", self.anonymous)
        } else {
            typed
        };
        let id = PhoneId(self.next_phone);
        self.next_phone += 1;
        let phone = Phone {
            name: name.clone(),
            area: area.clone(),
            level: level.clone(),
            notes: BTreeMap::new(),
            client_ids: HashMap::new(),
            recent: VecDeque::new(),
            ballots: BTreeMap::new(),
        };
        self.phones.insert(id, phone);
        let reply = json!({ "phone": id, "name": name, "token": token.expose() });
        self.tokens.insert(token, id);
        let event = RoomEvent::PhoneJoined {
            phone: id,
            name,
            anonymous,
            area,
            level,
        };
        Ok((reply, event))
    }

    /// A choice from the session's areas (or levels): empty is none, anything not listed is refused.
    fn chosen(&self, typed: Option<&str>, area: bool) -> Result<Option<String>, Refusal> {
        let typed = clean_line(typed.unwrap_or(""));
        if typed.is_empty() {
            return Ok(None);
        }
        let list = if area {
            &self.view.areas
        } else {
            &self.view.levels
        };
        if list.contains(&typed) {
            return Ok(Some(typed));
        }
        let what = if area { "service area" } else { "level" };
        Err(Refusal::new(
            422,
            "not_in_list",
            format!("Choose a {what} from the list."),
        ))
    }

    /// The phone a request's bearer token belongs to.
    pub fn phone_for(&self, token: Option<&str>) -> Result<PhoneId, Refusal> {
        let Some(token) = token else {
            return Err(Refusal::new(401, "not_joined", "Join the room first."));
        };
        let secret = Secret::from_text(token);
        if let Some(id) = self.tokens.get(&secret) {
            return Ok(*id);
        }
        if self.removed.contains(&secret) {
            return Err(Refusal::new(
                403,
                "removed",
                "The facilitator removed this phone from the room.",
            ));
        }
        Err(Refusal::new(
            401,
            "unknown_phone",
            "This phone's pass is not valid: the room was closed or opened again. Scan the code again.",
        ))
    }

    /// Removes a phone: its token stops working at once. False when it was not in the room.
    pub fn remove(&mut self, id: PhoneId) -> bool {
        if self.phones.remove(&id).is_none() {
            return false;
        }
        let tokens: Vec<Secret> = self
            .tokens
            .iter()
            .filter(|(_, p)| **p == id)
            .map(|(t, _)| t.clone())
            .collect();
        for token in tokens {
            self.tokens.remove(&token);
            self.removed.insert(token);
        }
        true
    }

    /// A phone leaves by itself: like [`Shared::remove`], but a later request just hears
    /// "not joined".
    pub fn leave(&mut self, id: PhoneId) -> RoomEvent {
        self.phones.remove(&id);
        self.tokens.retain(|_, p| *p != id);
        RoomEvent::PhoneLeft { phone: id }
    }

    /// The console's list of phones, by id.
    pub fn phone_list(&self) -> Vec<PhoneInfo> {
        let open_vote = self.view.vote.as_ref().map(|v| v.id);
        self.phones
            .iter()
            .map(|(id, p)| PhoneInfo {
                id: *id,
                name: p.name.clone(),
                area: p.area.clone(),
                level: p.level.clone(),
                notes: p.notes.len(),
                voted: open_vote.is_some_and(|v| p.ballots.contains_key(&v)),
            })
            .collect()
    }
}

/// The refusal for a wrong join token or code.
fn wrong_code() -> Refusal {
    Refusal::new(
        403,
        "wrong_code",
        "That room code is not right, or the room was opened again. Check the code on the screen.",
    )
}
