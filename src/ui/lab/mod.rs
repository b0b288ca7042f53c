//! The innovation-lab screens around the canvas: the agenda bar with its timer, vision and
//! outcomes with participants and the agenda (Plan), the actions board (Actions), and the
//! golden thread with whose voice is heard (Thread).
//!
//! Like the canvas, these screens read `&Session` and push [`Edit`]s; typing goes into drafts
//! (see [`fields`]) that become one undoable edit when the field is left.

mod action_row;
mod actions;
mod agenda_bar;
mod author;
mod calendar;
mod choice;
pub mod fields;
mod plan;
mod templates;
mod thread;
mod widgets;

pub use actions::ActionSort;
pub use agenda_bar::agenda_bar_ui;
pub use author::{author_picker_ui, selection_author_ui};
pub use templates::template_picker_ui;

use super::command::Command;
use super::screen::Screen;
use super::style::{self, Palette};
use crate::model::lab::Timer;
use crate::model::{Edit, PhaseId, Session};

/// UI state of the lab screens that is not part of the session.
#[derive(Debug)]
pub struct LabState {
    /// Text being typed into the lab screens' fields.
    pub drafts: fields::Drafts,
    /// The countdown of the current phase. Not saved: a reopened session starts a fresh timer.
    pub timer: Timer,
    /// The phase the timer belongs to.
    pub timer_phase: Option<PhaseId>,
    /// How the actions board is sorted.
    pub action_sort: ActionSort,
    /// The Board shows the current phase's notes and follows the room to the next phase.
    pub filter_follows: bool,
    /// Messages for the room (e.g. "Removed … Ctrl+Z brings it back"), shown by the app.
    pub notices: Vec<String>,
    /// Show the next lab screen drawn from its top (set when a tab is opened).
    pub scroll_to_top: bool,
}

impl Default for LabState {
    fn default() -> Self {
        Self {
            drafts: fields::Drafts::default(),
            timer: Timer::new(0),
            timer_phase: None,
            action_sort: ActionSort::default(),
            filter_follows: false,
            notices: Vec::new(),
            scroll_to_top: true,
        }
    }
}

/// Draws one of the lab screens (`Plan`, `Actions` or `Thread`).
pub fn lab_ui(
    ui: &mut egui::Ui,
    screen: Screen,
    session: &Session,
    state: &mut LabState,
    palette: &Palette,
    edits: &mut Vec<Edit>,
    commands: &mut Vec<Command>,
) {
    let _ = commands;
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt(("goldthread.lab.scroll", screen.label()))
        .auto_shrink([false, false]);
    // A tab opens at its top, where its most important part is (e.g. the golden thread's breaks).
    if std::mem::take(&mut state.scroll_to_top) {
        scroll = scroll.vertical_scroll_offset(0.0);
    }
    scroll.show(ui, |ui| {
        // A centred column: readable line lengths on a wide projector, full width on a laptop.
        let width = (ui.available_width() - 48.0).min(style::LAB_MAX_WIDTH);
        let margin = ((ui.available_width() - width) / 2.0).max(0.0);
        ui.horizontal(|ui| {
            ui.add_space(margin);
            ui.vertical(|ui| {
                ui.set_width(width);
                ui.add_space(16.0);
                match screen {
                    Screen::Plan => plan::plan_ui(ui, session, state, palette, edits),
                    Screen::Actions => actions::actions_ui(ui, session, state, palette, edits),
                    Screen::Thread => thread::thread_ui(ui, session, palette),
                    Screen::Board | Screen::Vote => {}
                }
                ui.add_space(32.0);
            });
        });
    });
}
