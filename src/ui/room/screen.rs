//! The room's screen, for the projector and the facilitator at once: the invitation large on
//! the left (QR code, address, join code), and on the right the address, the self-test, the
//! show-or-hold switch, the capture lock, the vote on phones, the phones with Remove and the
//! notes waiting for approval.

use std::net::IpAddr;

use egui::RichText;

use super::RoomState;
use crate::model::{Edit, Session};
use crate::room::Arrivals;
use crate::ui::invite::invite_ui;
use crate::ui::style::{self, Palette};
use crate::ui::widgets::primary_button;

/// What the room's screen asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum RoomRequest {
    /// Go back to the session's screen (the room stays open).
    Hide,
    /// Close the room.
    Close,
    /// Open the room again on this address.
    UseAddress(IpAddr),
}

/// Draws the room's screen; approvals go into `edits`, everything that is not the room's own
/// business comes back as requests.
pub fn room_screen_ui(
    ui: &mut egui::Ui,
    room: &mut RoomState,
    session: &Session,
    palette: &Palette,
    edits: &mut Vec<Edit>,
) -> Vec<RoomRequest> {
    let mut requests = Vec::new();
    let size = ui.available_size();
    let margin = style::room::SCREEN_MARGIN;
    let controls =
        (size.x * (1.0 - style::room::INVITE_SHARE)).max(style::room::CONTROLS_MIN_WIDTH);
    egui::Panel::right("goldthread.room.controls")
        .exact_size(controls)
        .resizable(false)
        .frame(
            egui::Frame::NONE
                .fill(palette.surface)
                .inner_margin(egui::Margin::same(margin)),
        )
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("goldthread.room.controls")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    controls_ui(ui, room, session, palette, edits, &mut requests);
                });
        });
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE.inner_margin(egui::Margin::same(margin)))
        .show(ui, |ui| match room.invite.as_ref() {
            Ok(invite) => {
                let free = ui.available_size();
                let side = (free.y - style::room::INVITE_TEXT_HEIGHT)
                    .min(free.x)
                    .max(style::room::QR_MIN_SIDE);
                invite_ui(ui, invite, side, palette);
            }
            Err(why) => {
                ui.label(
                    RichText::new(why)
                        .color(palette.danger)
                        .size(style::text::LEAD),
                );
            }
        });
    requests
}

/// The right-hand column, top to bottom.
fn controls_ui(
    ui: &mut egui::Ui,
    room: &mut RoomState,
    session: &Session,
    palette: &Palette,
    edits: &mut Vec<Edit>,
    requests: &mut Vec<RoomRequest>,
) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("The room is open").font(style::strong_font(style::text::TITLE)));
        ui.add_space(style::gap::WIDE);
        if primary_button(ui, "Back to the session", palette).clicked() {
            requests.push(RoomRequest::Hide);
        }
        if ui.button("Close the room").clicked() {
            requests.push(RoomRequest::Close);
        }
    });
    ui.add_space(style::gap::LARGE);
    address_ui(ui, room, palette, requests);
    section_ui(ui, "Notes from phones");
    let mut arrivals = room.bridge.arrivals();
    ui.horizontal(|ui| {
        ui.radio_value(&mut arrivals, Arrivals::Show, "Show them as they arrive");
        ui.radio_value(&mut arrivals, Arrivals::Hold, "Hold them for approval");
    });
    if arrivals != room.bridge.arrivals() {
        room.bridge.set_arrivals(arrivals);
    }
    ui.checkbox(
        &mut room.choices.capture_locked,
        "Lock capture: phones can no longer add, edit or delete notes",
    );
    held_ui(ui, room, session, palette, edits);
    section_ui(ui, "Voting on phones");
    vote_ui(ui, room, session, palette);
    phones_ui(ui, room, palette);
}

/// A section's heading in the controls column.
fn section_ui(ui: &mut egui::Ui, text: &str) {
    ui.add_space(style::gap::SECTION);
    ui.label(RichText::new(text).font(style::strong_font(style::text::SECTION)));
    ui.add_space(style::gap::SMALL);
}

/// The address the room listens on (a choice when the laptop has several) and the self-test.
fn address_ui(
    ui: &mut egui::Ui,
    room: &mut RoomState,
    palette: &Palette,
    requests: &mut Vec<RoomRequest>,
) {
    let current = room.ip();
    let describe = |ip: IpAddr| {
        room.addresses
            .iter()
            .find(|a| a.ip == ip)
            .map_or_else(|| ip.to_string(), |a| a.describe())
    };
    let waiting = !room.bridge.held().is_empty();
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new("Network address").size(style::text::LEAD));
        if room.addresses.len() > 1 {
            ui.add_enabled_ui(!waiting, |ui| {
                egui::ComboBox::from_id_salt("goldthread.room.address")
                    .selected_text(describe(current))
                    .show_ui(ui, |ui| {
                        for a in &room.addresses {
                            if ui.selectable_label(a.ip == current, a.describe()).clicked()
                                && a.ip != current
                            {
                                requests.push(RoomRequest::UseAddress(a.ip));
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id)
                    .on_disabled_hover_text("Approve or reject the waiting notes first.");
            });
        } else {
            ui.label(RichText::new(describe(current)).size(style::text::LEAD));
        }
    });
    let (text, colour) = match room.self_test() {
        None => (
            "Checking that phones can reach this address…".to_owned(),
            palette.text_muted,
        ),
        Some(Ok(took)) => (
            format!(
                "Self-test: this address answers ({} ms).",
                took.as_millis().max(1)
            ),
            palette.text,
        ),
        Some(Err(why)) => (format!("Self-test: no answer. {why}"), palette.danger),
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(text).color(colour).size(style::text::BODY));
        if ui.small_button("Test again").clicked() {
            room.retest();
        }
    });
}

/// The notes waiting for approval, each with Approve and Reject, and Approve all.
fn held_ui(
    ui: &mut egui::Ui,
    room: &mut RoomState,
    session: &Session,
    palette: &Palette,
    edits: &mut Vec<Edit>,
) {
    let total = room.bridge.held().len();
    // The oldest few, so the phones and the vote stay in sight; Approve all takes every one.
    let held: Vec<_> = room.bridge.held()[..total.min(style::room::HELD_SHOWN)].to_vec();
    if held.is_empty() {
        if room.bridge.arrivals() == Arrivals::Hold {
            muted_ui(ui, "No notes are waiting.", palette);
        }
        return;
    }
    ui.add_space(style::gap::NORMAL);
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("Waiting for approval: {total}")).strong());
        if primary_button(ui, "Approve all", palette).clicked()
            && let Some(edit) = room.bridge.approve_all(session)
        {
            edits.push(edit);
        }
    });
    let more = total - held.len();
    for note in held {
        egui::Frame::NONE
            .fill(palette.surface_raised)
            .corner_radius(style::ROUNDING)
            .inner_margin(egui::Margin::symmetric(12, 8))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.add(egui::Label::new(RichText::new(&note.text).size(style::text::LEAD)).wrap());
                ui.horizontal(|ui| {
                    muted_ui(ui, &format!("from {}", note.author), palette);
                    if ui.button("Approve").clicked()
                        && let Some(edit) = room.bridge.approve(session, note.id)
                    {
                        edits.push(edit);
                    }
                    if ui.button("Reject").clicked() {
                        room.bridge.reject(note.id);
                    }
                });
            });
        ui.add_space(style::gap::TINY);
    }
    if more > 0 {
        muted_ui(
            ui,
            &format!("… and {more} more after these (Approve all lets every one in)."),
            palette,
        );
    }
}

/// The vote open to phones: its ballots in (never a total), and closing voting on phones.
fn vote_ui(ui: &mut egui::Ui, room: &mut RoomState, session: &Session, palette: &Palette) {
    let Some(round) = room.phone_round(session) else {
        muted_ui(
            ui,
            "No vote is open to phones. Tick “Phones may vote” when you start a vote; \
             after the reveal, phones show the ranking.",
            palette,
        );
        return;
    };
    ui.label(RichText::new(super::ballots_in_text(round)).size(style::text::LEAD));
    if room.phone_vote_closed == Some(round.id) {
        muted_ui(ui, "Voting on phones is closed.", palette);
        if ui.button("Reopen voting on phones").clicked() {
            room.phone_vote_closed = None;
        }
    } else if ui.button("Close voting on phones").clicked() {
        room.phone_vote_closed = Some(round.id);
    }
}

/// The joined phones, each with Remove.
fn phones_ui(ui: &mut egui::Ui, room: &mut RoomState, palette: &Palette) {
    section_ui(ui, &format!("Phones in the room: {}", room.phones().len()));
    if room.phones().is_empty() {
        muted_ui(ui, "Nobody has joined yet.", palette);
        return;
    }
    let mut remove = None;
    for phone in room.phones() {
        ui.horizontal(|ui| {
            ui.label(RichText::new(&phone.name).size(style::text::LEAD).strong());
            let mut about: Vec<String> = [&phone.area, &phone.level]
                .into_iter()
                .flatten()
                .cloned()
                .collect();
            about.push(match phone.notes {
                1 => "1 note".to_owned(),
                n => format!("{n} notes"),
            });
            if phone.voted {
                about.push("voted".to_owned());
            }
            muted_ui(ui, &about.join(" · "), palette);
            if ui
                .button("Remove")
                .on_hover_text("End this phone's access at once")
                .clicked()
            {
                remove = Some(phone.id);
            }
        });
    }
    if let Some(phone) = remove {
        room.remove_phone(phone);
    }
}

/// A line of secondary text.
fn muted_ui(ui: &mut egui::Ui, text: &str, palette: &Palette) {
    ui.add(
        egui::Label::new(
            RichText::new(text)
                .color(palette.text_muted)
                .size(style::text::BODY),
        )
        .wrap(),
    );
}
