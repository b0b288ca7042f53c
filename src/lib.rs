//! Goldthread: an offline, local-first workshop facilitation app for innovation labs.
//!
//! A facilitator runs the workshop from one laptop on a projector: sticky notes on a canvas,
//! saved as human-readable RON session files in a session library folder.
//!
//! Dependencies point one way: [`ui`] uses [`storage`] and [`history`], which use [`model`].
//! Nothing under [`model`] knows about egui or files.
//!
//! - [`model`]: the session as plain data and every [`model::Edit`] that changes it.
//! - [`history`]: undo and redo of edits.
//! - [`storage`]: the versioned file format, atomic saves and the session library.
//! - [`ui`]: the egui app: library screen, canvas, capture box, dialogs, style.
//! - [`grouping`]: offline theme suggestions from note text.
//! - [`cli`]: command-line parsing and the headless commands.
//! - [`export`]: the Markdown report and the CSV of notes, as pure functions of a session.
//! - [`import`]: notes from a text or CSV file, and the edit that adds them to a session.
//! - [`palette`]: the note and theme colours and sizes shared by the app and the pictures.
//! - [`room`]: the web server phones join over the room's network (notes and ballots in).
//! - [`survey`]: survey exports (CSV, TSV, .xlsx, .ods): columns chosen, answers as notes.
//!
//! A short tour of one frame of the app ([`ui::GoldthreadApp::ui`]):
//!
//! 1. Every user intent is an [`ui::Action`] (label, tooltip, where it applies); its keys are
//!    in the one registry, [`ui::shortcuts`], from which the menus, the keyboard sheet (F1)
//!    and the command palette (Ctrl+K) are generated.
//! 2. The screens read the open [`Session`] and draw it: each widget function gets a
//!    [`ui::frame::FrameCx`] (the session read-only, the palette, and the frame's outbox).
//!    What the user does is collected in the outbox as values: [`Edit`]s for the session,
//!    [`ui::Command`]s for the app (an action, or a follow-up carrying data such as "save to
//!    this path") and notices. The Board ([`ui::board`]) applies its own actions in one place
//!    and pushes edits like everyone else.
//! 3. At the end of the frame the app applies the edits through
//!    [`History::apply_changes`] (one door into the session: undo, "unsaved", autosave and
//!    recovery follow from it; an edit may join an undo step by its [`history::StepToken`])
//!    and runs the commands.
//! 4. Other sources enter by the same door. A phone's note or ballot ([`room`]) becomes an
//!    [`Edit`] applied through [`History`] like a key press, so undo, autosave and recovery
//!    cover it. The audience window on the projector ([`ui::audience`]) never sees the session:
//!    it draws an [`ui::audience::AudienceScene`] made from it with only what the room may see.

pub mod cli;
pub mod export;
pub mod grouping;
pub mod history;
pub mod import;
pub mod model;
pub mod palette;
pub mod room;
pub mod storage;
pub mod survey;
pub mod ui;

pub use history::History;
pub use model::{CanvasPos, Edit, Note, NoteColour, NoteId, Session};
