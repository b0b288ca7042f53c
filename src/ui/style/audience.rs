//! Sizes of the audience window (the second screen): type read from the back of a room.

use egui::Color32;

/// The phase's question at the top of the audience screen.
pub const QUESTION_SIZE: f32 = 44.0;
/// The countdown on the audience screen.
pub const TIMER_SIZE: f32 = 64.0;
/// The name of the phase, above its question.
pub const PHASE_SIZE: f32 = 24.0;
/// A line of a list on the audience screen (outcomes, actions, a spotlight's notes).
pub const LINE_SIZE: f32 = 30.0;
/// The ballots counted so far during a vote.
pub const BALLOTS_SIZE: f32 = 96.0;
/// A heading on the audience screen.
pub const HEADING_SIZE: f32 = 36.0;
/// The margin around everything on the audience screen, in points.
pub const MARGIN: f32 = 40.0;
/// The widest a list runs on the audience screen, in points.
pub const COLUMN_WIDTH: f32 = 1500.0;
/// A note card in a theme spotlight, in points.
pub const SPOTLIGHT_NOTE: egui::Vec2 = egui::vec2(300.0, 200.0);
/// The gap between a spotlight's cards, in points.
pub const SPOTLIGHT_GAP: f32 = 24.0;
/// The height of one bar of the ranking, in points.
pub const BAR_HEIGHT: f32 = 56.0;
/// The width of the ranking's names, in points.
pub const BAR_NAME_WIDTH: f32 = 520.0;
/// The blanked audience screen: black, as PowerPoint's B.
pub const BLANK: Color32 = Color32::BLACK;
/// The width of the console's preview of the audience screen, in points.
pub const PREVIEW_WIDTH: f32 = 272.0;
/// The size the audience screen is laid out at before the preview scales it down, in points.
pub const PREVIEW_SOURCE: egui::Vec2 = egui::vec2(1920.0, 1080.0);
/// The audience window's size when it cannot go full screen, in points.
pub const WINDOW_SIZE: egui::Vec2 = egui::vec2(1280.0, 720.0);
/// The width of the console's choices (what to show, which screen), in points.
pub const CONSOLE_COMBO_WIDTH: f32 = 124.0;
/// The share of the free height left above an open vote's question and ballot count.
pub const OPEN_VOTE_TOP_SHARE: f32 = 0.22;
