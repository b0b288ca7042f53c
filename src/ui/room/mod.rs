//! The room in the app (issue 14): the open [`Room`] of one session, its [`RoomBridge`], what
//! the facilitator chose for phones, and the screen that shows the invitation and the controls.
//!
//! Phones' events are taken in at the start of a frame, each an ordinary edit through the
//! session's history (undo, autosave and the recovery copy cover them); what phones see is
//! published again only when it can have changed (a new history generation or a new choice),
//! never every frame. The room's server wakes the UI with `request_repaint` when a phone does
//! something, so an idle app stays idle.

mod chip;
mod screen;

use std::collections::VecDeque;
use std::net::IpAddr;
use std::time::{Duration, Instant};

use crate::History;
use crate::model::{RoundId, RoundState, Session};
use crate::room::{
    Arrivals, NetworkAddress, PhoneInfo, Room, RoomBridge, RoomChoices, RoomConfig, RoomEvent,
    RoomView, SelfTest, phone_vote_round, room_view,
};
use crate::ui::invite::RoomInvite;

pub use chip::room_chip_ui;
pub use screen::{RoomRequest, room_screen_ui};

/// Where the app keeps "the room is open" for the menus and the command palette this frame.
fn open_flag() -> egui::Id {
    egui::Id::unique("goldthread.room.open")
}

/// True when the app said, this frame, that a room is open (see [`set_open`]).
pub fn is_open(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(open_flag()).unwrap_or(false))
}

/// Tells the menus and the command palette whether a room is open.
pub fn set_open(ctx: &egui::Context, open: bool) {
    ctx.data_mut(|d| d.insert_temp(open_flag(), open));
}

/// The most of a frame spent turning phones' events into edits; the rest wait for the next
/// frame, so the UI keeps its frame time while a hundred phones post at once.
const EVENTS_BUDGET: Duration = Duration::from_millis(3);

/// What [`RoomState::take_events`] took in this frame.
#[derive(Debug, Default)]
pub struct Arrived {
    /// Something arrived (the session may have changed).
    pub any: bool,
    /// Events wait for the next frame.
    pub more: bool,
    /// Why some could not be counted, as sentences for the facilitator.
    pub refused: Vec<String>,
}

/// "Ballots in: 5 (3 from phones)": how many ballots `round` holds, never a total, so it may
/// show before the reveal.
pub fn ballots_in_text(round: &crate::model::VoteRound) -> String {
    format!(
        "Ballots in: {} ({} from phones)",
        round.ballots_in(),
        round.phone_ballots_in()
    )
}

/// What was last published, to publish again only when it changes.
#[derive(Clone, Debug, PartialEq)]
struct Published {
    generation: u64,
    choices: RoomChoices,
    phone_vote_closed: Option<RoundId>,
}

/// The open room of one opened session, and the facilitator's choices for it.
pub struct RoomState {
    room: Room,
    /// Phone events into edits, and the notes held for approval.
    pub bridge: RoomBridge,
    /// Capture locked, and the vote shown.
    pub choices: RoomChoices,
    /// The opening of the session this room belongs to ([`crate::ui::OpenSession::token`]).
    pub token: u64,
    /// The invitation (QR code, address, code), or why it cannot be drawn.
    invite: Result<RoomInvite, String>,
    /// The self-test of the address, once started.
    self_test: SelfTest,
    /// The room's screen is showing (instead of the session's screen).
    pub shown: bool,
    /// The addresses the facilitator can choose between.
    pub addresses: Vec<NetworkAddress>,
    /// A vote phones may no longer vote in (the facilitator closed voting on phones).
    pub phone_vote_closed: Option<RoundId>,
    published: Option<Published>,
    /// The phones as last listed (refreshed when phones do something).
    phones: Vec<PhoneInfo>,
    /// Events taken from the room and not yet turned into edits.
    backlog: VecDeque<RoomEvent>,
    /// How many times what phones see was published.
    publishes: u64,
}

impl std::fmt::Debug for RoomState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RoomState")
            .field("room", &self.room)
            .field("shown", &self.shown)
            .finish_non_exhaustive()
    }
}

impl RoomState {
    /// Opens a room for `session` (its opening `token`) with `config`; `waker` is called when a
    /// phone does something. Binding a socket and starting a thread take well under a
    /// millisecond, so this runs on the UI thread; the self-test runs on its own thread.
    pub fn open(
        config: RoomConfig,
        session: &Session,
        token: u64,
        addresses: Vec<NetworkAddress>,
        waker: impl Fn() + Send + Sync + 'static,
    ) -> Result<Self, String> {
        let choices = RoomChoices::default();
        let room =
            Room::open(config, room_view(session, &choices), waker).map_err(|e| e.to_string())?;
        let invite = RoomInvite::new(room.join_url(), room.page_url(), room.join_code());
        let self_test = room.self_test();
        Ok(Self {
            room,
            bridge: RoomBridge::new(Arrivals::Show),
            choices,
            token,
            invite,
            self_test,
            shown: true,
            addresses,
            phone_vote_closed: None,
            published: None,
            phones: Vec::new(),
            backlog: VecDeque::new(),
            publishes: 0,
        })
    }

    /// The invitation, when its QR code could be made.
    pub fn invite(&self) -> Option<&RoomInvite> {
        self.invite.as_ref().ok()
    }

    /// The address the room listens on.
    pub fn ip(&self) -> IpAddr {
        self.room.addr().ip()
    }

    /// The room's page address ("http://192.168.1.20:8765").
    pub fn page_url(&self) -> String {
        self.room.page_url()
    }

    /// The joined phones, as last listed.
    pub fn phones(&self) -> &[PhoneInfo] {
        &self.phones
    }

    /// The self-test's answer: `None` while it runs, then the time the page took or why not.
    pub fn self_test(&mut self) -> Option<Result<std::time::Duration, String>> {
        self.self_test.result().cloned()
    }

    /// Checks the address again.
    pub fn retest(&mut self) {
        self.self_test = self.room.self_test();
    }

    /// Ends a phone's access at once.
    pub fn remove_phone(&mut self, phone: crate::room::PhoneId) {
        self.room.remove_phone(phone);
        self.phones = self.room.phones();
    }

    /// Takes in what phones did since the last frame: each arrival one undo step through
    /// `history`, for at most `EVENTS_BUDGET` of this frame; the rest wait for the next
    /// frames (a burst from a hundred phones never stalls one frame). Returns what arrived.
    pub fn take_events(&mut self, session: &mut Session, history: &mut History) -> Arrived {
        self.backlog.extend(self.room.poll());
        let mut arrived = Arrived::default();
        if self.backlog.is_empty() {
            return arrived;
        }
        let started = Instant::now();
        while let Some(event) = self.backlog.pop_front() {
            arrived.any = true;
            match self.bridge.edit_for(session, event) {
                Ok(Some(edit)) => history.apply(session, edit),
                Ok(None) => {}
                Err(why) => arrived.refused.push(why.to_string()),
            }
            if started.elapsed() >= EVENTS_BUDGET {
                break;
            }
        }
        arrived.more = !self.backlog.is_empty();
        self.phones = self.room.phones();
        arrived
    }

    /// What phones may see now: [`room_view`], without the vote the facilitator closed.
    pub fn view(&self, session: &Session) -> RoomView {
        let mut view = room_view(session, &self.choices);
        if let Some(vote) = &view.vote
            && self.phone_vote_closed == Some(RoundId(vote.id))
        {
            view.vote = None;
        }
        view
    }

    /// Publishes what phones see when the session (its history `generation`) or the
    /// facilitator's choices changed since the last time; does nothing otherwise.
    pub fn publish_if_changed(&mut self, session: &Session, generation: u64) -> bool {
        let now = Published {
            generation,
            choices: self.choices.clone(),
            phone_vote_closed: self.phone_vote_closed,
        };
        if self.published.as_ref() == Some(&now) {
            return false;
        }
        self.room.publish(self.view(session));
        self.published = Some(now);
        self.publishes += 1;
        true
    }

    /// How many times what phones see was published since the room opened.
    pub fn publishes(&self) -> u64 {
        self.publishes
    }

    /// The round phones vote in now, if any: the vote shown to phones, while it is open.
    pub fn phone_round<'s>(&self, session: &'s Session) -> Option<&'s crate::model::VoteRound> {
        phone_vote_round(session, &self.choices).filter(|r| r.state == RoundState::Open)
    }

    /// Stops the server.
    pub fn close(self) {
        self.room.close();
    }
}
