//! The screens of an open session and the tab strip that switches between them.

use egui::RichText;

use super::style::Palette;

/// Which screen of the open session is showing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    /// The sticky-note canvas with its themes.
    #[default]
    Board,
    /// Dot voting.
    Vote,
    /// Vision, outcomes and participants.
    Plan,
    /// The actions board.
    Actions,
    /// The golden thread from vision to actions, and whose voice is heard.
    Thread,
}

impl Screen {
    /// Every screen, in tab order.
    pub const ALL: [Self; 5] = [
        Self::Plan,
        Self::Board,
        Self::Vote,
        Self::Actions,
        Self::Thread,
    ];

    /// The tab's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Board => "Board",
            Self::Vote => "Vote",
            Self::Plan => "Vision & outcomes",
            Self::Actions => "Actions",
            Self::Thread => "Golden thread",
        }
    }
}

/// The row of screen tabs. Returns the screen chosen this frame, if the user clicked one.
pub fn tabs_ui(ui: &mut egui::Ui, current: Screen, palette: &Palette) -> Option<Screen> {
    let mut chosen = None;
    ui.horizontal(|ui| {
        for screen in Screen::ALL {
            let text = RichText::new(screen.label());
            let text = if screen == current {
                text.strong().color(palette.accent)
            } else {
                text
            };
            if ui.selectable_label(screen == current, text).clicked() && screen != current {
                chosen = Some(screen);
            }
        }
    });
    chosen
}
