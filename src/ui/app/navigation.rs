//! Finding your way: the open session's screens (tabs, Alt+1 … Alt+5, the screen each phase is
//! about), focus mode (F10), and the Help menu's keyboard sheet, example lab and files.

use super::modals::Modal;
use super::{GoldthreadApp, OpenSession};
use crate::ui::action::Action;
use crate::ui::board::{self, canvas};
use crate::ui::dialogs::Dialog;
use crate::ui::frame::{FrameCx, Outbox};
use crate::ui::screen::{self, Screen};
use crate::ui::style::Palette;
use crate::ui::{help, lab, voting};

/// Shows `screen`, from its top.
pub fn open_screen(open: &mut OpenSession, screen: Screen) {
    if open.screen != screen {
        open.screen = screen;
        open.lab.scroll_to_top = true;
        open.voting.scroll_to_top = true;
    }
}

/// The screen a session opens on: the one its current phase is about (a new lab from a
/// template opens on its first phase), else the Board.
pub fn first_screen(session: &crate::model::Session) -> Screen {
    session
        .lab
        .current()
        .map_or(Screen::Board, Screen::for_agenda_phase)
}

/// The template the New session dialog starts on: the digital strategy lab, else Blank.
pub fn default_template(templates: &[crate::storage::Template]) -> usize {
    templates
        .iter()
        .position(|t| t.name.starts_with("Digital strategy"))
        .or_else(|| {
            templates
                .iter()
                .position(crate::storage::Template::is_blank)
        })
        .unwrap_or(0)
}

/// Draws the open session: tabs, agenda bar and the current screen, into `out`.
pub fn session_ui(
    ui: &mut egui::Ui,
    open: &mut OpenSession,
    focus: bool,
    palette: &Palette,
    out: &mut Outbox,
) {
    if !focus && let Some(screen) = screen::tabs_ui(ui, open.screen, palette) {
        open_screen(open, screen);
    }
    open.canvas.focus_mode = focus;
    let filter = (open.screen == Screen::Board).then_some(&mut open.canvas.phase_filter);
    let mut cx = FrameCx {
        session: &open.session,
        palette,
        out,
    };
    let moved = lab::agenda_bar_ui(ui, &mut cx, &mut open.lab, filter, focus);
    // Moving to a phase opens the screen that phase is about.
    if let Some(phase) = moved.and_then(|id| open.session.lab.phase(id)) {
        let screen = Screen::for_agenda_phase(phase);
        open_screen(open, screen);
    }
    out.notices.append(&mut open.lab.notices);
    let mut cx = FrameCx {
        session: &open.session,
        palette,
        out,
    };
    match open.screen {
        // A review or scored phase shows its own view instead of the canvas.
        Screen::Board if lab::phase_view_ui(ui, &mut cx, &mut open.lab) => {}
        Screen::Board => {
            canvas::escape_closes(ui.ctx(), &mut open.canvas);
            board::board_ui(ui, &mut cx, &mut open.canvas);
        }
        Screen::Vote => voting::voting_ui(ui, &mut cx, &mut open.voting),
        screen => lab::lab_ui(ui, screen, &mut cx, &mut open.lab),
    }
}

impl GoldthreadApp {
    /// Runs the actions of screens, phases, focus mode and the Help menu.
    pub(super) fn run_help(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::ShowScreen(screen) => {
                if let Some(open) = &mut self.open {
                    open_screen(open, screen);
                }
            }
            Action::NextPhase | Action::PreviousPhase => {
                if let Some(open) = &mut self.open {
                    open.lab.go_phase = Some(action == Action::NextPhase);
                    ctx.request_repaint();
                }
            }
            Action::ShowKeys => {
                self.modal.open(Modal::Dialog(Dialog::Keys {
                    screen: self.open.as_ref().map(|o| o.screen),
                }));
            }
            Action::CommandPalette => {
                self.modal.open(Modal::Dialog(Dialog::Palette {
                    screen: self.open.as_ref().map(|o| o.screen),
                    query: String::new(),
                    chosen: 0,
                }));
            }
            Action::ToggleFocusMode => self.toggle_focus_mode(),
            Action::OpenExample => self.jobs.copy_example(ctx, self.config.library_dir.clone()),
            Action::ShowFiles => {
                self.modal.open(Modal::Dialog(Dialog::Message {
                    title: "Where your files are".to_owned(),
                    body: help::files_text(&self.config.library_dir),
                }));
            }
            _ => {}
        }
    }

    /// Where the corner messages keep clear of: on the Board, the themes panel at the right and
    /// the capture box at the bottom. Returns (from the right, from the bottom) in points.
    pub(super) fn notice_margins(&self) -> (f32, f32) {
        let margin = crate::ui::style::NOTICE_MARGIN;
        let Some(open) = self.open.as_ref().filter(|o| o.screen == Screen::Board) else {
            return (margin, margin);
        };
        let panel = open.canvas.themes_panel.is_open(&open.session) && !self.focus_mode;
        let right = if panel {
            crate::ui::style::THEMES_PANEL_WIDTH + margin
        } else {
            margin
        };
        let bottom = if open.canvas.capture.is_some() {
            crate::ui::style::NOTICE_CAPTURE_CLEARANCE
        } else {
            margin
        };
        (right, bottom)
    }

    /// Turns focus mode on or off.
    fn toggle_focus_mode(&mut self) {
        self.focus_mode = !self.focus_mode;
        if self.focus_mode {
            self.notices.info(
                "Focus mode: only the prompt, the timer and the board. F10 brings the rest back.",
            );
        }
    }
}
