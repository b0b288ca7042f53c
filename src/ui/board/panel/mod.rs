//! The themes panel beside the canvas: every theme with its number key, colour and count,
//! reorderable, with rename, collapse, tidy, merge, split and delete; and below it the theme
//! suggestions. Like the canvas it never changes the session: it pushes edits.

mod duplicates;
mod list;
mod suggestions;

use crate::ui::frame::FrameCx;
use egui::{Align2, RichText};

pub use duplicates::stack;
pub use suggestions::{SuggestionCard, Suggestions};

use super::BoardState;
use crate::model::{Session, ThemeId};
use crate::ui::style::{self, Palette};

/// A merge being set up: which theme goes into which, and the name the result gets.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    /// The theme that goes away.
    pub from: ThemeId,
    /// The theme that stays and receives its notes.
    pub into: ThemeId,
    /// The name of the merged theme.
    pub name: String,
    /// Put the cursor in the name box at the next frame.
    pub focus_pending: bool,
}

/// UI state of the themes panel.
#[derive(Debug, Default)]
pub struct ThemesPanel {
    /// Shown or hidden by the user; `None` shows it once the session has a theme.
    open: Option<bool>,
    /// A merge waiting for its name.
    pub merge: Option<Merge>,
    /// Theme suggestions.
    pub suggestions: Suggestions,
    /// The height of one row of the theme list, once drawn (for skipping rows out of sight).
    row_height: f32,
}

impl ThemesPanel {
    /// True when the panel is showing for this session.
    pub fn is_open(&self, session: &Session) -> bool {
        self.open.unwrap_or(!session.themes.is_empty())
    }

    /// Shows the panel.
    pub fn show(&mut self) {
        self.open = Some(true);
    }

    /// Asks for theme suggestions at the next frame (and shows the panel).
    pub fn request_suggestions(&mut self) {
        self.open = Some(true);
        self.suggestions.requested = true;
        self.suggestions.scroll_pending = true;
    }
}

/// Draws the themes panel at the right of `ui` when it is open.
pub fn panel_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, state: &mut BoardState) {
    let session = cx.session;
    let palette = cx.palette;
    state.themes_panel.suggestions.poll(ui.ctx(), cx);
    if !state.themes_panel.is_open(session) {
        return;
    }
    egui::Panel::right("goldthread.themes")
        .exact_size(style::THEMES_PANEL_WIDTH)
        .resizable(false)
        .frame(
            egui::Frame::NONE
                .fill(palette.surface)
                .stroke(egui::Stroke::new(1.0, palette.border))
                .inner_margin(egui::Margin::symmetric(14, 12)),
        )
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("goldthread.themes.scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new("Themes").font(style::strong_font(style::text::SECTION)),
                        );
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            if ui
                                .button("Hide")
                                .on_hover_text("Hide the themes panel")
                                .clicked()
                            {
                                state.themes_panel.open = Some(false);
                                state.focus_requested = true;
                            }
                        });
                    });
                    list::list_ui(ui, cx, state);
                    ui.add_space(style::gap::LARGE);
                    ui.separator();
                    suggestions::suggestions_ui(ui, cx, state);
                    // Near-duplicates come with a result, below it.
                    let s = &mut state.themes_panel.suggestions;
                    if s.has_result {
                        duplicates::duplicates_ui(ui, cx, s);
                    }
                });
        });
}

/// The button at the top right of the canvas that brings the hidden panel back.
pub fn panel_toggle_ui(
    ui: &egui::Ui,
    cx: &mut FrameCx<'_>,
    state: &mut BoardState,
    screen: egui::Rect,
) {
    let session = cx.session;
    let palette = cx.palette;
    if state.themes_panel.is_open(session) {
        return;
    }
    egui::Area::new(egui::Id::unique("goldthread.themes.toggle"))
        .order(egui::Order::Foreground)
        .pivot(Align2::RIGHT_TOP)
        .fixed_pos(egui::pos2(screen.max.x - 12.0, screen.min.y + 12.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style())
                .fill(palette.surface)
                .stroke(egui::Stroke::new(1.5, palette.border))
                .inner_margin(egui::Margin::symmetric(8, 6))
                .show(ui, |ui| {
                    let text = match session.themes.len() {
                        0 => "Themes".to_owned(),
                        n => format!("Themes ({n})"),
                    };
                    if ui
                        .button(text)
                        .on_hover_text("Show the theme list and suggestions (Ctrl+T suggests)")
                        .clicked()
                    {
                        state.themes_panel.show();
                    }
                });
        });
}

/// "1 note", "3 notes".
pub fn notes_count(n: usize) -> String {
    if n == 1 {
        "1 note".to_owned()
    } else {
        format!("{n} notes")
    }
}

/// The frame of a card in the panel: a theme's row, a suggestion.
pub fn card_frame(palette: &Palette) -> egui::Frame {
    egui::Frame::NONE
        .fill(palette.surface_raised)
        .stroke(egui::Stroke::new(1.0, palette.border))
        .corner_radius(style::ROUNDING)
        .inner_margin(egui::Margin::symmetric(10, 8))
}

/// Gives a button its own accessible name (its text is shared with other rows: "Accept",
/// "Reject"), so screen readers and tests can tell them apart.
pub fn name_button(response: &egui::Response, name: String) {
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
}
