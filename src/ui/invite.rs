//! The room's invitation as the projector shows it: a large QR code of the join address, the
//! address and the short join code in type readable from the back of the room. One widget, used
//! by the console's room screen and by the audience window alike.

use egui::{Rect, RichText, Sense, Vec2};

use crate::room::QrMatrix;

use super::style::{self, Palette};

/// Light modules kept around a QR code so a camera can find its edge.
const QUIET_ZONE: usize = 4;

/// What a phone needs to join the open room.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoomInvite {
    /// The address the QR code holds (with the join token after `#`).
    pub url: String,
    /// The address to type by hand, without the token.
    pub page_url: String,
    /// The short code a participant types on the page after the address.
    pub code: String,
    /// The QR code of `url`.
    pub qr: QrMatrix,
}

impl RoomInvite {
    /// The invitation for `url`, or why it cannot be drawn (an address too long for a QR code).
    pub fn new(url: String, page_url: String, code: String) -> Result<Self, String> {
        let qr = QrMatrix::encode(&url)?;
        Ok(Self {
            url,
            page_url,
            code,
            qr,
        })
    }
}

/// Paints `qr` as a square `side` points wide, dark on white whatever the theme (a camera reads
/// dark modules on light), quiet zone included. Returns the square's rectangle.
pub fn qr_ui(ui: &mut egui::Ui, qr: &QrMatrix, side: f32) -> Rect {
    let (rect, _) = ui.allocate_exact_size(Vec2::splat(side), Sense::hover());
    if !ui.is_rect_visible(rect) {
        return rect;
    }
    let modules = qr.width() + 2 * QUIET_ZONE;
    // Whole pixels per module keep the edges crisp for a camera.
    let ppp = ui.ctx().pixels_per_point();
    let module_px = ((side * ppp) / modules as f32).floor().max(1.0);
    let module = module_px / ppp;
    let drawn = module * modules as f32;
    let origin = rect.center() - Vec2::splat(drawn / 2.0);
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, style::QR_LIGHT);
    let mut mesh = egui::Mesh::default();
    for y in 0..qr.width() {
        for x in 0..qr.width() {
            if qr.is_dark(x, y) {
                let min =
                    origin + Vec2::new((x + QUIET_ZONE) as f32, (y + QUIET_ZONE) as f32) * module;
                mesh.add_colored_rect(
                    Rect::from_min_size(min, Vec2::splat(module)),
                    style::QR_DARK,
                );
            }
        }
    }
    painter.add(mesh);
    rect
}

/// The whole invitation, centred: "Join on your phone", the QR code as large as `max_side`
/// allows, then the address and the join code in display type.
pub fn invite_ui(ui: &mut egui::Ui, invite: &RoomInvite, max_side: f32, palette: &Palette) {
    ui.vertical_centered(|ui| {
        ui.label(
            RichText::new("Join on your phone")
                .font(style::strong_font(style::text::TITLE_LARGE))
                .color(palette.text),
        );
        ui.add_space(style::gap::LARGE);
        qr_ui(ui, &invite.qr, max_side);
        ui.add_space(style::gap::LARGE);
        ui.label(
            RichText::new(&invite.page_url)
                .font(style::strong_font(style::text::DISPLAY))
                .color(palette.text),
        );
        ui.add_space(style::gap::SMALL);
        ui.label(
            RichText::new(format!("Code  {}", invite.code))
                .font(style::strong_font(style::text::HERO))
                .color(palette.accent),
        );
        ui.label(
            RichText::new("Same wifi as this laptop · no app, no account")
                .font(style::font(style::text::BODY))
                .color(palette.text_muted),
        );
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invite_holds_the_qr_of_its_address() {
        let url = "http://192.168.1.20:8765/#join=0123456789abcdef0123456789abcdef".to_string();
        let invite = RoomInvite::new(
            url.clone(),
            "http://192.168.1.20:8765".into(),
            "K7QM-2XPA".into(),
        )
        .unwrap();
        assert_eq!(invite.qr, QrMatrix::encode(&url).unwrap());
    }

    #[test]
    fn an_address_too_long_for_any_qr_code_is_refused_with_a_reason() {
        let err = RoomInvite::new("x".repeat(5000), String::new(), String::new()).unwrap_err();
        assert!(err.contains("QR code"), "{err}");
    }
}
