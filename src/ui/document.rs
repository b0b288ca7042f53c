//! The document a window has open ([`OpenSession`]: the session, its history, file and the
//! screens' state), how the app was started and what it remembers between runs. It sits below
//! the app and the screens: the top bar and dialogs read it without reaching into the app.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::History;
use crate::history::Changes;
use crate::model::Session;
use crate::storage::DiskStamp;
use crate::storage::lock::SessionLock;
use crate::storage::recovery::Drafts;
use crate::ui::board::canvas::BoardState;
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
    /// Write the session file itself a few seconds after each change, not only the recovery
    /// copy.
    #[serde(default)]
    pub save_automatically: bool,
    /// The screen the audience window goes full screen on: 0 for the first, 1 for the second
    /// (winit's order of the monitors).
    #[serde(default = "default_audience_screen")]
    pub audience_screen: usize,
    /// The audience Board follows the facilitator's view (else it fits the whole board).
    #[serde(default = "default_true")]
    pub audience_follows_view: bool,
}

/// The audience goes to the second screen unless told otherwise.
fn default_audience_screen() -> usize {
    1
}

fn default_true() -> bool {
    true
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: Theme::Projector,
            text_scale: 1.0,
            save_automatically: false,
            audience_screen: default_audience_screen(),
            audience_follows_view: true,
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
    pub canvas: BoardState,
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
    /// Why the session is read-only (another Goldthread has its file open, or the folder
    /// cannot be written); `None` when Save may write the file. Save as… is always offered.
    pub read_only: Option<String>,
    /// The one-writer lock on `path`, held while the session is open.
    pub lock: Option<SessionLock>,
    /// The recovery copy of this session.
    pub recovery: RecoveryState,
    /// "Save automatically" is on (mirrored from the settings for the top bar).
    pub saves_automatically: bool,
    /// When the last automatic save started (egui time, seconds).
    pub last_auto_save_secs: f64,
    /// The file as this session last read or wrote it, to tell a change made by another
    /// program before saving over it.
    pub disk: Option<(PathBuf, DiskStamp)>,
    /// Another program changed the file and the user has not yet chosen what to keep:
    /// automatic saves wait; Save asks again.
    pub changed_outside: bool,
}

/// Where the recovery copy of an open session is, and how up to date it is.
#[derive(Debug)]
pub struct RecoveryState {
    /// The recovery file.
    pub path: PathBuf,
    /// The history generation the copy on disk holds.
    pub generation: u64,
    /// A copy is on disk.
    pub exists: bool,
    /// A write or removal is running.
    pub busy: bool,
    /// When the last write started (egui time, seconds).
    pub last_write_secs: f64,
    /// The last write failed (the user has been told once).
    pub failed: bool,
    /// The drafts the copy on disk holds.
    pub drafts: Drafts,
}

impl RecoveryState {
    /// No copy yet, to be written at `path`.
    pub fn new(path: PathBuf) -> Self {
        Self {
            path,
            generation: 0,
            exists: false,
            busy: false,
            last_write_secs: f64::NEG_INFINITY,
            failed: false,
            drafts: Drafts::default(),
        }
    }
}

impl OpenSession {
    /// Applies the frame's edits through the history, the one door into the session (each edit
    /// in the undo step it asked for: see [`Changes`]).
    pub fn apply(&mut self, edits: Changes) {
        if edits.is_empty() {
            return;
        }
        self.history.apply_changes(&mut self.session, edits);
        // Only after a change: pruning walks every note.
        self.canvas.prune(&self.session);
    }

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
