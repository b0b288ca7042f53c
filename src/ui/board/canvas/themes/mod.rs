//! Theme frames on the canvas: drawn under the notes, with a header showing the name, number
//! key and note count, a collapse toggle, and a compact card while collapsed.
//!
//! Frames are computed once per change ([`ThemeCache`], in `cache`), not per frame: at 10,000
//! notes a scan per theme per frame would cost more than drawing. `frames` draws them and takes
//! clicks, `header` paints a header or a card, `rename` is the in-place name box.

mod cache;
mod frames;
mod header;
mod rename;

use egui::Id;

use crate::model::ThemeId;

pub use cache::ThemeCache;
pub use frames::frames_ui;
pub use header::title_size;
pub use rename::{ThemeRename, rename_ui};

/// The id of the widget that reports a theme's frame header.
pub fn theme_title_id(id: ThemeId) -> Id {
    Id::unique(("goldthread.theme.title", id))
}

/// The id of a theme's collapse/expand toggle.
pub fn theme_toggle_id(id: ThemeId) -> Id {
    Id::unique(("goldthread.theme.toggle", id))
}

/// The id of the widget that reports a theme's dot count after a vote is revealed.
pub fn theme_dots_id(id: ThemeId) -> Id {
    Id::unique(("goldthread.theme.dots", id))
}

/// The id of the in-place rename box.
pub fn rename_text_id() -> Id {
    Id::unique("goldthread.theme.rename")
}
