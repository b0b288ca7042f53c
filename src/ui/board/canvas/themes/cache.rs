//! Every theme's frame, computed once per change of the session.

use std::collections::HashSet;

use crate::model::theme::THEME_HEADER;
use crate::model::{CanvasPos, CanvasRect, Note, Session, ThemeFrame, ThemeId};

/// Every theme's frame, computed from the session after each change.
#[derive(Debug, Default)]
pub struct ThemeCache {
    valid: bool,
    revision: u64,
    frames: Vec<ThemeFrame>,
    collapsed: HashSet<ThemeId>,
    dots: super::super::dots::VoteDots,
}

impl ThemeCache {
    /// Recomputes the frames if the session changed since the last time. Returns true when it
    /// did.
    pub fn refresh(&mut self, session: &Session) -> bool {
        if self.valid {
            return false;
        }
        self.frames = session.theme_frames();
        self.collapsed = self
            .frames
            .iter()
            .filter(|f| f.collapsed)
            .map(|f| f.id)
            .collect();
        self.dots = super::super::dots::VoteDots::new(session);
        self.valid = true;
        self.revision += 1;
        true
    }

    /// A number that changes whenever the frames were recomputed, i.e. after every change to
    /// the session: lets other panels redo their own per-change work only then.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Marks the frames out of date (the session changed).
    pub fn invalidate(&mut self) {
        self.valid = false;
    }

    /// The frames, in list order.
    pub fn frames(&self) -> &[ThemeFrame] {
        &self.frames
    }

    /// The dots of the latest revealed or closed vote, computed with the frames.
    pub fn dots(&self) -> &super::super::dots::VoteDots {
        &self.dots
    }

    /// The frame of one theme.
    pub fn frame(&self, id: ThemeId) -> Option<&ThemeFrame> {
        self.frames.iter().find(|f| f.id == id)
    }

    /// True when the note is hidden inside a collapsed theme.
    pub fn is_hidden(&self, note: &Note) -> bool {
        !self.collapsed.is_empty() && note.theme.is_some_and(|t| self.collapsed.contains(&t))
    }

    /// The expanded frames, as targets for dropped notes (topmost last).
    pub fn drop_targets(&self) -> Vec<(ThemeId, CanvasRect)> {
        self.frames
            .iter()
            .filter(|f| !f.collapsed)
            .map(|f| (f.id, f.rect))
            .collect()
    }

    /// The expanded frame under a canvas point (topmost).
    pub fn frame_at(&self, p: CanvasPos) -> Option<ThemeId> {
        self.frames
            .iter()
            .rev()
            .find(|f| !f.collapsed && f.rect.contains(p))
            .map(|f| f.id)
    }

    /// The collapsed theme whose card is under a canvas point (topmost).
    pub fn card_at(&self, p: CanvasPos) -> Option<ThemeId> {
        self.frames
            .iter()
            .rev()
            .find(|f| f.collapsed && f.rect.contains(p))
            .map(|f| f.id)
    }

    /// The theme whose header (or collapsed card) is under a canvas point: where a drag
    /// moves the whole theme.
    pub fn handle_at(&self, p: CanvasPos) -> Option<ThemeId> {
        self.frames
            .iter()
            .rev()
            .find(|f| {
                if f.collapsed {
                    f.rect.contains(p)
                } else {
                    let header = CanvasRect::from_min_max(
                        f.rect.min,
                        CanvasPos::new(f.rect.max.x, f.rect.min.y + THEME_HEADER),
                    );
                    header.contains(p)
                }
            })
            .map(|f| f.id)
    }
}
