//! The session as plain data, and every change that can be made to it.
//!
//! Nothing here knows about egui or files: the workshop's rules are testable with plain
//! `#[test]`s and usable from headless commands.

mod edit;
pub mod followup;
mod geometry;
pub mod lab;
mod lab_edit;
pub mod layout;
mod note;
mod participant;
pub mod repair_log;
pub mod score;
mod session;
pub mod theme;
mod theme_edit;
mod theme_repair;
mod theme_steps;
pub mod vote;
mod vote_edit;

pub use edit::Edit;
pub use geometry::{CanvasPos, CanvasRect, NOTE_GAP, NOTE_HEIGHT, NOTE_WIDTH};
pub use lab::{Lab, PhaseId};
pub use lab_edit::LabEdit;
pub use note::{Note, NoteColour, NoteId};
pub use participant::{Level, Participant, ParticipantId};
pub use session::{Session, View};
pub use theme::{Theme, ThemeColour, ThemeFrame, ThemeId};
pub use theme_edit::{ThemeEdit, default_theme_name};
pub use vote::{RoundId, RoundSettings, RoundState, VoteError, VoteMode, VoteOn, VoteRound, Voter};
pub use vote::{VoteOption, Voting};
pub use vote_edit::VoteEdit;
