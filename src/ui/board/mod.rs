//! The Board: the canvas and the themes panel side by side, with the state both share
//! ([`BoardState`]: selection, the theme being named, the pending question, themes to reveal,
//! the frames cache) underneath. Neither child imports the other's drawing: the panel asks for
//! Board actions by queueing them, and the canvas applies every Board action (from its keys,
//! the selection bar, the panel, a menu or the command palette) in one place,
//! [`canvas::actions::apply`].

pub mod canvas;
pub mod panel;

use crate::ui::frame::FrameCx;
use std::collections::BTreeSet;

use egui::Rect;

use crate::model::{NoteId, PhaseId, Session, View};
use crate::ui::action::Action;

/// The Board's state, shared by the canvas and the themes panel: camera, selection, gestures,
/// text boxes, the theme being named, the question pending, themes to reveal and the frames.
#[derive(Debug, Default)]
pub struct BoardState {
    /// The camera.
    pub view: View,
    /// The selected notes.
    pub selection: BTreeSet<NoteId>,
    /// The pointer gesture in progress.
    pub gesture: canvas::Gesture,
    /// The capture box, when open.
    pub capture: Option<canvas::Capture>,
    /// The note being edited in place, if any.
    pub editor: Option<canvas::NoteEditor>,
    /// Zoom to fit at the next frame (when the canvas size is known).
    pub fit_requested: bool,
    /// The last zoom to fit and the canvas area it fitted: while the view stays as fitted, a
    /// change of that area (the themes panel shown or hidden, the window resized) fits again,
    /// so no frame ends up under a panel.
    pub fitted: Option<(View, Rect)>,
    /// At the next frame, zoom to fit if the view shows fewer than half of the notes: a
    /// reopened session whose saved view, on this window's size, would show only a corner of
    /// the board (e.g. saved on a larger screen).
    pub fit_if_mostly_hidden: bool,
    /// Put the canvas origin near the top-left corner at the next frame (new sessions).
    pub anchor_origin_requested: bool,
    /// Give the canvas keyboard focus at the next frame.
    pub focus_requested: bool,
    /// Where the canvas was drawn last frame.
    pub last_screen: Option<Rect>,
    /// Theme frames, computed once per change.
    pub themes: canvas::themes::ThemeCache,
    /// The theme being renamed in place, if any.
    pub theme_rename: Option<canvas::themes::ThemeRename>,
    /// The theme list and suggestions panel.
    pub themes_panel: panel::ThemesPanel,
    /// Show only the notes captured in this phase (`None`: all notes).
    pub phase_filter: Option<PhaseId>,
    /// A deletion of something with vote dots, waiting for the facilitator's yes.
    pub confirm_delete: Option<canvas::confirm::ConfirmDelete>,
    /// Themes just made (e.g. accepted suggestions) to bring into view at the next frame, once
    /// their frames are known.
    pub reveal_themes: Vec<crate::model::ThemeId>,
    /// Focus mode (F10): no themes panel and no hint line, only the board.
    pub focus_mode: bool,
    /// The notes drawn last frame whose text did not all fit on their cards (the whole of it
    /// shows on hover): empty when the wall reads in full.
    pub cut_notes: Vec<NoteId>,
    /// Board actions asked for by a menu, a button or the command palette, applied with the
    /// Board's keys in one place ([`canvas::actions::apply`]) when the canvas next draws.
    pub queued_actions: Vec<Action>,
}

impl BoardState {
    /// A canvas looking at `view`, with nothing selected.
    pub fn new(view: View) -> Self {
        Self {
            view,
            focus_requested: true,
            ..Default::default()
        }
    }

    /// Drops selected ids that no longer exist (after undo, delete, ...).
    pub fn prune(&mut self, session: &Session) {
        // Every change to the session comes through here, so the frames are recomputed once.
        self.themes.invalidate();
        if self.selection.is_empty() {
            return;
        }
        let ids: std::collections::HashSet<NoteId> = session.notes.iter().map(|n| n.id).collect();
        self.selection.retain(|id| ids.contains(id));
        if let Some(editor) = &self.editor
            && !ids.contains(&editor.id)
        {
            self.editor = None;
        }
    }
}

/// Lays out the Board: the themes panel at the right (unless in focus mode), the canvas in the
/// rest, and the panel's show / hide toggle over the canvas.
pub fn board_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, state: &mut BoardState) {
    let session = cx.session;
    canvas::refresh(session, state);
    // Asked for last frame, so their frames exist now (the panel may ask again below).
    let reveal = std::mem::take(&mut state.reveal_themes);
    if !state.focus_mode {
        panel::panel_ui(ui, cx, state);
    }
    let screen = canvas::canvas_ui(ui, cx, state, &reveal);
    if !state.focus_mode {
        panel::panel_toggle_ui(ui, cx, state, screen);
    }
}
