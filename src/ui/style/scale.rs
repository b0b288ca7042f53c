//! The type scale and the spacing scale: the named sizes every screen uses, and the only
//! functions outside the palette that make a font.
#![allow(clippy::disallowed_methods)]

use egui::FontId;

/// The type scale, in points: every text size outside the note cards, the theme frames and the
/// vote's big numbers (which have their own constants above) is one of these.
pub mod text {
    /// Fine print beside a control.
    pub const TINY: f32 = 14.0;
    /// A caption under a figure or a field.
    pub const CAPTION: f32 = 15.0;
    /// Small print: hints and secondary lines.
    pub const SMALL: f32 = 16.0;
    /// A label beside a control.
    pub const LABEL: f32 = 17.0;
    /// Running text.
    pub const BODY: f32 = 18.0;
    /// Text that leads a block, a little larger than the body.
    pub const LEAD: f32 = 19.0;
    /// A heading under a heading.
    pub const SUBHEADING: f32 = 20.0;
    /// A line that must stand out in a list (keys on the keyboard sheet).
    pub const EMPHASIS: f32 = 21.0;
    /// A panel's or a dialog's heading.
    pub const HEADING: f32 = 22.0;
    /// A section of a screen.
    pub const SECTION: f32 = 24.0;
    /// A screen's title.
    pub const TITLE: f32 = 26.0;
    /// A large title, read from the back of the room.
    pub const TITLE_LARGE: f32 = 28.0;
    /// Display text: a prompt or a result for the room.
    pub const DISPLAY: f32 = 30.0;
    /// The largest text: one number or word for the whole room.
    pub const HERO: f32 = 40.0;
}

/// The spacing scale, in points: every gap left between widgets (`ui.add_space`).
pub mod gap {
    /// Between a label and what it labels.
    pub const TINY: f32 = 4.0;
    /// Between lines of one block.
    pub const SMALL: f32 = 6.0;
    /// Between two controls.
    pub const NORMAL: f32 = 8.0;
    /// Between a block and its buttons.
    pub const MEDIUM: f32 = 10.0;
    /// Between blocks.
    pub const LARGE: f32 = 12.0;
    /// Between blocks that need air.
    pub const ROOMY: f32 = 14.0;
    /// Between groups of blocks.
    pub const WIDE: f32 = 16.0;
    /// Before a new section.
    pub const SECTION: f32 = 18.0;
    /// Between sections.
    pub const BLOCK: f32 = 20.0;
    /// A large pause in a screen.
    pub const BIG: f32 = 28.0;
    /// Around a screen's main message.
    pub const HUGE: f32 = 32.0;
    /// The largest gap, above an empty screen's message.
    pub const GIANT: f32 = 40.0;
}

/// The regular (proportional) font at `size` points, e.g. `style::font(style::text::BODY)`.
pub fn font(size: f32) -> FontId {
    FontId::proportional(size)
}

/// The strong (bold) font at `size` points.
pub fn strong_font(size: f32) -> FontId {
    FontId::new(size, super::strong_family())
}

/// A font of `family` at `size` points.
pub fn font_in(size: f32, family: egui::FontFamily) -> FontId {
    FontId::new(size, family)
}
