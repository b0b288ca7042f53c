//! What a widget function reads and writes during one frame ([`FrameCx`]): the open session
//! (read-only), the colours, and the [`Outbox`] that collects what the frame asks for. The app
//! empties the outbox at the end of the frame, edits through the session's history: the one
//! door.

use crate::history::Changes;
use crate::model::Session;
use crate::ui::command::Command;
use crate::ui::style::Palette;

/// What a frame asks of the app, collected while the screens draw and handled at its end.
#[derive(Debug, Default)]
pub struct Outbox {
    /// Changes to the session, each an undo step unless it joins one.
    pub edits: Changes,
    /// Commands to run (open, save, export, switch screen, a user action).
    pub commands: Vec<Command>,
    /// Short messages for the corner of the window.
    pub notices: Vec<String>,
}

impl Outbox {
    /// An empty outbox whose edits go into the history that handed out `edits`.
    pub fn new(edits: Changes) -> Self {
        Self {
            edits,
            ..Self::default()
        }
    }
}

/// The per-frame context of a widget function: the session to draw, the style to draw it in,
/// and the outbox for what the user did. Sizes come from the type and spacing scales in
/// [`crate::ui::style`] (`style::text`, `style::gap`).
pub struct FrameCx<'a> {
    /// The open session, read-only: widgets change it only through [`Outbox::edits`].
    pub session: &'a Session,
    /// The colours of the theme in use.
    pub palette: &'a Palette,
    /// What this frame asks for.
    pub out: &'a mut Outbox,
}

impl FrameCx<'_> {
    /// Shows a short message in the corner at the end of the frame.
    pub fn notice(&mut self, text: impl Into<String>) {
        self.out.notices.push(text.into());
    }
}
