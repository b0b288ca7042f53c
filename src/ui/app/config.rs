//! How the app was started, what it remembers between runs, and the session being worked on.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::History;
use crate::model::Session;
use crate::ui::canvas::CanvasState;
use crate::ui::lab::LabState;
use crate::ui::screen::Screen;
use crate::ui::style::Theme;
use crate::ui::voting::VotingState;

/// How the app was started.
#[derive(Clone, Debug)]
pub struct AppConfig {
    /// The session library folder.
    pub library_dir: PathBuf,
    /// A session file to open at start.
    pub open_file: Option<PathBuf>,
    /// Whether native file dialogs can be used (else the app asks for a path).
    pub native_dialogs: bool,
    /// Today's date, for new sessions' default titles.
    pub today: NaiveDate,
}

/// What is remembered between runs.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Settings {
    /// The theme.
    pub theme: Theme,
    /// The size of all text and controls (egui's zoom factor), 1.0 = 100%.
    pub text_scale: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: Theme::Projector,
            text_scale: 1.0,
        }
    }
}

/// The session being worked on.
#[derive(Debug)]
pub struct OpenSession {
    /// The session itself.
    pub session: Session,
    /// Its undo history.
    pub history: History,
    /// The file it is saved in, once it has one.
    pub path: Option<PathBuf>,
    /// The history generation last written to `path`.
    pub saved_generation: u64,
    /// Camera, selection and gestures.
    pub canvas: CanvasState,
    /// Identifies this opening of the session, so a late save result is not applied to another.
    pub token: u64,
    /// A save of this session is running.
    pub saving: bool,
    /// Which screen is showing.
    pub screen: Screen,
    /// The voting screen's state.
    pub voting: VotingState,
    /// The lab screens' state.
    pub lab: LabState,
}

impl OpenSession {
    /// True when there are changes not yet written to the file.
    pub fn is_dirty(&self) -> bool {
        self.history.generation() != self.saved_generation
    }

    /// The session as it should be saved: with the current camera.
    pub fn snapshot(&self) -> Session {
        let mut s = self.session.clone();
        s.view = self.canvas.view;
        s
    }
}
