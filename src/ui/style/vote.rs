//! The colours and sizes of voting: the red dots, on the voting screen and on the canvas, and
//! the ballot's and the results' sizes.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use egui::Color32;

/// The fill of a voting dot: a sticker red that reads on every note colour and both themes.
pub const VOTE_DOT: Color32 = Color32::from_rgb(0xD2, 0x2F, 0x27);
/// The edge of a voting dot and the text on it.
pub const VOTE_DOT_TEXT: Color32 = Color32::WHITE;
/// Diameter of a dot on the voting screen, in points.
pub const VOTE_DOT_SIZE: f32 = 24.0;
/// Diameter of a dot drawn on a note or theme on the canvas, in canvas units.
pub const VOTE_CANVAS_DOT_SIZE: f32 = 30.0;
/// The font size of a theme's dot count at 1:1 zoom (a pill on the frame's top edge).
pub const VOTE_THEME_BADGE_SIZE: f32 = 22.0;
/// The smallest font size of a theme's dot count, however far out the canvas is zoomed.
pub const VOTE_THEME_BADGE_MIN: f32 = 16.0;
/// The largest font size of a theme's dot count, however far in the canvas is zoomed.
pub const VOTE_THEME_BADGE_MAX: f32 = 32.0;
/// The widest the voting screen's column grows, in points.
pub const VOTE_COLUMN_WIDTH: f32 = 1180.0;
/// The size of option names on the voting screen, in points.
pub const VOTE_OPTION_FONT_SIZE: f32 = 24.0;
/// The size of a theme's notes opened under its option on the ballot, in points.
pub const VOTE_NOTE_FONT_SIZE: f32 = 18.0;
/// The room kept beside an option's name for its "▸ 8 notes" button, in points.
pub const VOTE_NOTES_BUTTON_WIDTH: f32 = 130.0;
/// The size of the dot counts in the revealed results, in points.
pub const VOTE_COUNT_FONT_SIZE: f32 = 40.0;
/// The height of a result bar, in points.
pub const VOTE_BAR_HEIGHT: f32 = 40.0;
/// The size of the + and − buttons that place and take back dots, in points.
pub const VOTE_BUTTON_SIZE: f32 = 44.0;
