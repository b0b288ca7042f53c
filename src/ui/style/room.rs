//! The sizes of the room's screen: the invitation beside the facilitator's controls.

/// Space around the room's screen, in points.
pub const SCREEN_MARGIN: i8 = 24;
/// The share of the room's screen the invitation takes (the QR code, address and code).
pub const INVITE_SHARE: f32 = 0.5;
/// The narrowest the room's controls column gets, in points.
pub const CONTROLS_MIN_WIDTH: f32 = 520.0;
/// The height the invitation's text takes under and over the QR code, in points.
pub const INVITE_TEXT_HEIGHT: f32 = 260.0;
/// How many notes waiting for approval the room's screen lists (the oldest first).
pub const HELD_SHOWN: usize = 5;
/// The smallest QR code the room's screen draws, in points (a camera still reads it).
pub const QR_MIN_SIDE: f32 = 240.0;
