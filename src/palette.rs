//! The colours and sizes of sticky notes and theme frames, shared by the app ([`crate::ui::style`]
//! turns them into egui colours) and the pictures ([`crate::export`] writes them into SVG), so
//! an exported board looks like the wall and the export needs nothing from the UI.

use crate::model::{NoteColour, ThemeColour};

/// An opaque colour as red, green and blue (sRGB, 0 to 255).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// The colour as `#rrggbb`, as SVG and HTML write it.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The fill of a sticky note: soft, warm paper colours that stay readable on a projector.
pub const fn note_fill(colour: NoteColour) -> Rgb {
    match colour {
        NoteColour::Yellow => Rgb(0xFF, 0xE7, 0x7A),
        NoteColour::Orange => Rgb(0xFF, 0xC2, 0x8A),
        NoteColour::Pink => Rgb(0xFF, 0xB5, 0xD0),
        NoteColour::Purple => Rgb(0xD9, 0xC6, 0xFF),
        NoteColour::Blue => Rgb(0xA8, 0xD5, 0xFF),
        NoteColour::Green => Rgb(0xB9, 0xEC, 0xA8),
    }
}

/// Text on a sticky note: near-black on every note colour.
pub const NOTE_TEXT: Rgb = Rgb(0x17, 0x18, 0x1C);
/// Note text size in canvas units (points at zoom 1.0): readable from the back of a room.
pub const NOTE_FONT_SIZE: f32 = 23.0;
/// Padding inside a note, in canvas units.
pub const NOTE_PADDING: f32 = 14.0;
/// Corner rounding of notes, in canvas units.
pub const NOTE_ROUNDING: f32 = 6.0;

/// The frame and title colour of a theme: deep enough for white text on its card.
pub const fn theme_stroke(colour: ThemeColour) -> Rgb {
    match colour {
        ThemeColour::Gold => Rgb(0xB0, 0x7A, 0x00),
        ThemeColour::Teal => Rgb(0x00, 0x7C, 0x7A),
        ThemeColour::Blue => Rgb(0x1F, 0x5F, 0xBF),
        ThemeColour::Violet => Rgb(0x6B, 0x45, 0xB8),
        ThemeColour::Rose => Rgb(0xB8, 0x32, 0x6A),
        ThemeColour::Green => Rgb(0x2E, 0x7D, 0x32),
        ThemeColour::Orange => Rgb(0xC2, 0x55, 0x0B),
        ThemeColour::Slate => Rgb(0x4A, 0x55, 0x68),
    }
}

/// A theme's title size on the board, in canvas units.
pub const THEME_TITLE_SIZE: f32 = 30.0;
