//! While the room is open and its screen hidden: a small badge at the right end of the screen
//! tabs saying so, with the phones joined and the notes waiting, and a button that shows the
//! room again.

use egui::RichText;

use super::RoomState;
use crate::ui::style::{self, Palette};

/// Draws the badge; true when "Show the room" was clicked.
pub fn room_chip_ui(ctx: &egui::Context, room: &RoomState, palette: &Palette) -> bool {
    let mut show = false;
    let phones = room.phones().len();
    let waiting = room.bridge.held().len();
    let mut text = format!(
        "Room open · {phones} {}",
        if phones == 1 { "phone" } else { "phones" }
    );
    if waiting > 0 {
        text.push_str(&format!(" · {waiting} waiting"));
    }
    egui::Area::new(egui::Id::unique("goldthread.room.chip"))
        .anchor(
            egui::Align2::RIGHT_TOP,
            egui::vec2(
                -style::NOTICE_MARGIN,
                style::TOP_BAR_HEIGHT + style::gap::TINY,
            ),
        )
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            egui::Frame::NONE
                .fill(palette.surface)
                .stroke(egui::Stroke::new(1.0, palette.border))
                .corner_radius(style::ROUNDING)
                .inner_margin(egui::Margin::symmetric(10, 2))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        let colour = if waiting > 0 {
                            palette.accent
                        } else {
                            palette.text
                        };
                        ui.label(RichText::new(text).color(colour).size(style::text::BODY));
                        show = ui.button("Show the room").clicked();
                    });
                });
        });
    show
}
