//! The app's side of the room (issue 14): opening and closing it, taking phones' events in at
//! the start of a frame, publishing what phones see at its end when that changed, and the
//! room's screen and badge. The room belongs to one opening of a session: closing the session,
//! opening another one and quitting close it.

use std::net::IpAddr;

use super::GoldthreadApp;
use crate::model::Edit;
use crate::room::{NetworkAddress, RoomConfig, candidate_addresses, classify};
use crate::ui::action::Action;
use crate::ui::invite::RoomInvite;
use crate::ui::room::{self, RoomRequest, RoomState};
use crate::ui::style::Palette;

/// What the app remembers about the room while it runs.
#[derive(Debug, Default)]
pub(super) struct RoomPrefs {
    /// The address the facilitator chose last, used again the next time the room opens.
    address: Option<IpAddr>,
    /// A fixed address, port and caps (tests and the script mode); `None` uses the laptop's
    /// addresses and the default port and caps.
    config: Option<RoomConfig>,
}

impl GoldthreadApp {
    /// The open room's invitation (QR code, address, join code), for a screen that shows it.
    pub fn room_invite(&self) -> Option<RoomInvite> {
        self.room.as_ref().and_then(|r| r.invite().cloned())
    }

    /// The open room, if any.
    pub fn room(&self) -> Option<&RoomState> {
        self.room.as_ref()
    }

    /// Opens rooms on `config`'s address, port and caps instead of the laptop's addresses.
    pub fn set_room_config(&mut self, config: RoomConfig) {
        self.room_prefs.config = Some(config);
    }

    /// Runs the room's actions; false for every other action.
    pub(super) fn room_act(&mut self, ctx: &egui::Context, action: Action) -> bool {
        match action {
            Action::OpenRoom => self.open_room(ctx, None),
            Action::ShowRoom => match &mut self.room {
                Some(room) => room.shown = !room.shown,
                None => self
                    .notices
                    .info("The room is not open. Open the room to phones first."),
            },
            Action::CloseRoom => self.close_room(true),
            _ => return false,
        }
        true
    }

    /// Opens the room for the open session on `ip` (else the address chosen before, else the
    /// best of the laptop's addresses) and shows its screen; says clearly why when it cannot.
    fn open_room(&mut self, ctx: &egui::Context, ip: Option<IpAddr>) {
        let Some(open) = &self.open else {
            self.notices
                .info("Open a session first: the room adds notes and votes to it.");
            return;
        };
        if let Some(room) = &mut self.room {
            room.shown = true;
            return;
        }
        // `getifaddrs`: one system call, well under a millisecond.
        let mut addresses = candidate_addresses();
        let remembered = self
            .room_prefs
            .address
            .filter(|a| addresses.iter().any(|n| n.ip == *a));
        let config = match &self.room_prefs.config {
            Some(fixed) => RoomConfig {
                bind: ip.or(remembered).unwrap_or(fixed.bind),
                ..fixed.clone()
            },
            None => {
                let best = addresses.first().map(|a| a.ip);
                let Some(bind) = ip.or(remembered).or(best) else {
                    self.notices.error(
                        "The room cannot open: this laptop has no network address. Join a \
                         wifi network or turn on the laptop's hotspot, then try again.",
                    );
                    return;
                };
                RoomConfig::new(bind)
            }
        };
        if !addresses.iter().any(|a| a.ip == config.bind) {
            addresses.insert(
                0,
                NetworkAddress {
                    interface: "chosen".to_owned(),
                    kind: classify("chosen", config.bind.is_loopback()),
                    ip: config.bind,
                },
            );
        }
        let waker = {
            let ctx = ctx.clone();
            move || ctx.request_repaint()
        };
        match RoomState::open(config, &open.session, open.token, addresses, waker) {
            Ok(room) => {
                self.room_prefs.address = Some(room.ip());
                self.notices.info(format!(
                    "The room is open at {}. Phones join with the QR code or the join code.",
                    room.page_url()
                ));
                self.room = Some(room);
            }
            Err(why) => self.notices.error(format!("The room cannot open. {why}")),
        }
        room::set_open(ctx, self.room.is_some());
    }

    /// Closes the room, if open; `say` tells the user (and what happened to waiting notes).
    pub(super) fn close_room(&mut self, say: bool) {
        let Some(room) = self.room.take() else {
            if say {
                self.notices.info("The room is not open.");
            }
            return;
        };
        let waiting = room.bridge.held().len();
        room.close();
        if waiting > 0 {
            self.notices.info(format!(
                "The room is closed. {waiting} notes that were waiting for approval were not added."
            ));
        } else if say {
            self.notices
                .info("The room is closed: phones can no longer join or send anything.");
        }
    }

    /// Start of a frame: closes a room whose session is gone, then takes in what phones did,
    /// each arrival one undo step through the session's history.
    pub(super) fn room_begin_frame(&mut self, ctx: &egui::Context) {
        let token = self.open.as_ref().map(|o| o.token);
        if self.room.as_ref().is_some_and(|r| Some(r.token) != token) {
            self.close_room(false);
        }
        room::set_open(ctx, self.room.is_some());
        let (Some(room), Some(open)) = (&mut self.room, &mut self.open) else {
            return;
        };
        let arrived = room.take_events(&mut open.session, &mut open.history);
        if arrived.any {
            open.canvas.prune(&open.session);
        }
        if arrived.more {
            // Events wait: take the next share in the next frame (stops once they are in).
            ctx.request_repaint();
        }
        for why in arrived.refused {
            self.notices.error(why);
        }
    }

    /// End of a frame, after its edits: publishes what phones see if it can have changed.
    pub(super) fn room_end_frame(&mut self) {
        if let (Some(room), Some(open)) = (&mut self.room, &self.open) {
            room.publish_if_changed(&open.session, open.history.generation());
        }
    }

    /// The room's screen instead of the session's, when it is showing; false when it is not.
    pub(super) fn room_screen_ui(
        &mut self,
        ui: &mut egui::Ui,
        palette: &Palette,
        edits: &mut Vec<Edit>,
    ) -> bool {
        let (Some(room), Some(open)) = (&mut self.room, &self.open) else {
            return false;
        };
        if !room.shown {
            return false;
        }
        let requests = room::room_screen_ui(ui, room, &open.session, palette, edits);
        for request in requests {
            match request {
                RoomRequest::Hide => {
                    if let Some(room) = &mut self.room {
                        room.shown = false;
                    }
                }
                RoomRequest::Close => self.close_room(true),
                RoomRequest::UseAddress(ip) => {
                    self.room_prefs.address = Some(ip);
                    self.close_room(false);
                    self.open_room(ui.ctx(), Some(ip));
                }
            }
        }
        true
    }

    /// The badge in the corner while the room is open and its screen hidden.
    pub(super) fn room_chip_ui(&mut self, ctx: &egui::Context, palette: &Palette) {
        let Some(room) = &mut self.room else { return };
        if !room.shown && room::room_chip_ui(ctx, room, palette) {
            room.shown = true;
        }
    }
}
