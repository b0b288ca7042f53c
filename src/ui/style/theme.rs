//! The colours and sizes of themes: a theme's frame on the canvas, its collapsed card and its
//! name, and the theme list beside the board.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use egui::Color32;

use super::color32;
use crate::palette;

/// The strong shade of a theme colour: frame outline, title and badges.
pub fn theme_stroke(colour: crate::model::ThemeColour) -> Color32 {
    color32(palette::theme_stroke(colour))
}

/// The wash inside a theme's frame: its colour, faint enough for notes to stand out.
pub fn theme_fill(colour: crate::model::ThemeColour) -> Color32 {
    theme_stroke(colour).gamma_multiply(0.16)
}

/// The fill of a collapsed theme's card and of the header band of a frame.
pub fn theme_card_fill(colour: crate::model::ThemeColour) -> Color32 {
    theme_stroke(colour).gamma_multiply(0.9)
}

/// Text on a theme's card or header band.
pub const THEME_ON_COLOUR: Color32 = Color32::WHITE;
/// Size of a theme's name on its frame, in canvas units (points at zoom 1.0).
pub const THEME_TITLE_SIZE: f32 = palette::THEME_TITLE_SIZE;
/// Below this on-screen size (points) a theme's name moves from its header to above its frame.
pub const THEME_MIN_TITLE_SIZE: f32 = 15.0;
/// Thickness of a theme frame's outline, in points.
pub const THEME_FRAME_WIDTH: f32 = 2.5;
/// Thickness of a frame's outline while notes are dragged over it (the drop target).
pub const THEME_DROP_WIDTH: f32 = 6.0;
/// Corner rounding of theme frames, in canvas units.
pub const THEME_ROUNDING: f32 = 14.0;
/// Width of the theme list panel, in points.
pub const THEMES_PANEL_WIDTH: f32 = 380.0;
