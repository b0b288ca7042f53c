//! The session as plain data, and every change that can be made to it.
//!
//! Nothing here knows about egui or files: the workshop's rules are testable with plain
//! `#[test]`s and usable from headless commands.

mod edit;
mod geometry;
pub mod layout;
mod note;
mod session;

pub use edit::Edit;
pub use geometry::{CanvasPos, CanvasRect, NOTE_GAP, NOTE_HEIGHT, NOTE_WIDTH};
pub use note::{Note, NoteColour, NoteId};
pub use session::{Session, View};
