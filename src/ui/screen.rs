//! The screens of an open session and the tab strip that switches between them.

use super::style::{self, Palette};

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

    /// The key that shows this screen: "Alt+1" for the first tab.
    pub fn key_label(self) -> String {
        let n = Self::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1;
        format!("Alt+{n}")
    }

    /// The screen a phase of the agenda is about, from its name: vision and outcomes on the
    /// Plan screen, voting on Vote, actions on Actions, and everything else on the Board.
    pub fn for_phase(name: &str) -> Self {
        let name = name.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
        if has(&["vision", "outcome", "ambition"]) {
            Self::Plan
        } else if has(&["vote", "voting", "priorit", "dot"]) {
            Self::Vote
        } else if has(&["action", "next step", "commit"]) {
            Self::Actions
        } else {
            Self::Board
        }
    }

    /// The screen a phase of the agenda is about: a review or a scored question is shown on
    /// the Board (its own view lives there, whatever its name says, e.g. "Maturity:
    /// Ambitions"); any other phase by its name ([`Screen::for_phase`]).
    pub fn for_agenda_phase(phase: &crate::model::lab::Phase) -> Self {
        if phase.kind.is_notes() {
            Self::for_phase(&phase.name)
        } else {
            Self::Board
        }
    }
}

/// The row of screen tabs across the top of the open session. Returns the screen chosen this
/// frame, if the user clicked one.
pub fn tabs_ui(ui: &mut egui::Ui, current: Screen, palette: &Palette) -> Option<Screen> {
    let mut chosen = None;
    let (strip, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), style::TAB_STRIP_HEIGHT),
        egui::Sense::hover(),
    );
    let painter = ui.painter();
    painter.rect_filled(strip, 0.0, palette.surface);
    painter.hline(
        strip.x_range(),
        strip.bottom() - 0.5,
        egui::Stroke::new(1.0, palette.border),
    );
    let mut x = strip.left() + style::TAB_PADDING;
    for screen in Screen::ALL {
        let selected = screen == current;
        let font = style::font_in(
            style::TAB_FONT_SIZE,
            if selected {
                style::strong_family()
            } else {
                egui::FontFamily::Proportional
            },
        );
        let colour = if selected {
            palette.text
        } else {
            palette.text_muted
        };
        let galley = ui
            .painter()
            .layout_no_wrap(screen.label().to_owned(), font, colour);
        // The tab's key, small and quiet beside its name, so every tab says how to reach it.
        let key = ui.painter().layout_no_wrap(
            screen.key_label(),
            style::font(style::TAB_KEY_FONT_SIZE),
            palette.text_muted,
        );
        let label_width = galley.size().x + style::TAB_KEY_GAP + key.size().x;
        let rect = egui::Rect::from_min_size(
            egui::pos2(x, strip.top()),
            egui::vec2(label_width + 2.0 * style::TAB_PADDING, strip.height()),
        );
        x = rect.right();
        let response = ui.interact(
            rect,
            egui::Id::unique(("goldthread.tab", screen.label())),
            egui::Sense::click(),
        );
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Tab, true, selected, screen.label())
        });
        let painter = ui.painter();
        if response.hovered() && !selected {
            painter.rect_filled(rect.shrink(4.0), 6.0, palette.surface_raised);
        }
        if response.has_focus() {
            painter.rect_stroke(
                rect.shrink(4.0),
                6.0,
                egui::Stroke::new(2.0, palette.selection),
                egui::StrokeKind::Inside,
            );
        }
        let text_pos = egui::pos2(
            rect.center().x - label_width / 2.0,
            rect.center().y - galley.size().y / 2.0,
        );
        let key_pos = egui::pos2(
            text_pos.x + galley.size().x + style::TAB_KEY_GAP,
            text_pos.y + galley.size().y - key.size().y - 1.0,
        );
        painter.galley(text_pos, galley, colour);
        painter.galley(key_pos, key, palette.text_muted);
        if selected {
            let bar = egui::Rect::from_min_max(
                egui::pos2(rect.left() + 8.0, rect.bottom() - style::TAB_UNDERLINE),
                egui::pos2(rect.right() - 8.0, rect.bottom()),
            );
            painter.rect_filled(bar, 2.0, palette.accent);
        }
        let response =
            response.on_hover_text(format!("{} ({})", screen.label(), screen.key_label()));
        if response.clicked() && !selected {
            chosen = Some(screen);
        }
    }
    chosen
}

/// What the facilitator sends to the audience screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Show {
    /// Whatever the console shows: the Board, the vote, the actions, the thread.
    #[default]
    Follow,
    /// The Board.
    Board,
    /// One theme's notes, full size.
    Theme,
    /// The vote: its question and ballots in, the ranking once revealed.
    Vote,
    /// The golden thread: vision, outcomes and actions.
    Thread,
    /// The actions.
    Actions,
    /// The room's QR code and join code.
    Room,
}

impl Show {
    /// Every choice, in the console's order.
    pub const ALL: [Self; 7] = [
        Self::Follow,
        Self::Board,
        Self::Theme,
        Self::Vote,
        Self::Thread,
        Self::Actions,
        Self::Room,
    ];

    /// The choice's name on the console.
    pub fn label(self) -> &'static str {
        match self {
            Self::Follow => "Same as console",
            Self::Board => "Board",
            Self::Theme => "One theme",
            Self::Vote => "Vote result",
            Self::Thread => "Golden thread",
            Self::Actions => "Actions",
            Self::Room => "Join code",
        }
    }
}
