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
mod phase_view;
mod plan;
mod progress;
mod report_details;
mod review;
mod score_chart;
mod scores;
mod templates;
mod thread;
mod widgets;

pub use actions::ActionSort;
pub use agenda_bar::agenda_bar_ui;
pub use author::{author_picker_ui, selection_author_ui};
pub use phase_view::phase_view_ui;
pub use templates::template_picker_ui;

use crate::ui::frame::FrameCx;
use chrono::NaiveDate;

use super::screen::Screen;
use crate::model::PhaseId;
use crate::model::lab::Timer;

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
    /// Today, for overdue flags and the date of progress updates (set from the app's
    /// configuration, so tests can choose it).
    pub today: NaiveDate,
    /// Where the review walk is.
    pub review: review::ReviewState,
    /// Who is scoring on the laptop.
    pub scores: scores::ScoreState,
    /// The review or scored phase whose notes board is showing instead of its own view.
    pub board_in_phase: Option<PhaseId>,
    /// Messages for the room (e.g. "Removed … Ctrl+Z brings it back"), shown by the app.
    pub notices: Vec<String>,
    /// Show the next lab screen drawn from its top (set when a tab is opened).
    pub scroll_to_top: bool,
    /// The next or previous phase asked for (Page Down / Page Up, the palette): `Some(true)`
    /// for the next one. The agenda bar moves there when it next draws.
    pub go_phase: Option<bool>,
}

impl LabState {
    /// A fresh state with `today` as today's date.
    pub fn on(today: NaiveDate) -> Self {
        Self {
            today,
            ..Self::default()
        }
    }
}

impl Default for LabState {
    fn default() -> Self {
        Self {
            drafts: fields::Drafts::default(),
            timer: Timer::new(0),
            timer_phase: None,
            action_sort: ActionSort::default(),
            filter_follows: false,
            today: chrono::Local::now().date_naive(),
            review: review::ReviewState::default(),
            scores: scores::ScoreState::default(),
            board_in_phase: None,
            notices: Vec::new(),
            scroll_to_top: true,
            go_phase: None,
        }
    }
}

/// Draws one of the lab screens (`Plan`, `Actions` or `Thread`).
pub fn lab_ui(ui: &mut egui::Ui, screen: Screen, cx: &mut FrameCx<'_>, state: &mut LabState) {
    // A tab opens at its top, where its most important part is (e.g. the golden thread's breaks).
    let to_top = std::mem::take(&mut state.scroll_to_top);
    widgets::centred_column_ui(
        ui,
        ("goldthread.lab.scroll", screen.label()),
        to_top,
        |ui| {
            ui.add_space(crate::ui::style::gap::WIDE);
            match screen {
                Screen::Plan => plan::plan_ui(ui, cx, state),
                Screen::Actions => actions::actions_ui(ui, cx, state),
                Screen::Thread => thread::thread_ui(ui, cx, state.today),
                Screen::Board | Screen::Vote => {}
            }
            ui.add_space(crate::ui::style::gap::HUGE);
        },
    );
}
