//! What the audience window shows, as plain data: an [`AudienceScene`] is built from the session
//! by [`super::make::build`], which copies only what the room may see. The audience window draws the scene
//! and never the session, so nothing private (who voted how, running totals before the reveal,
//! who wrote a note, progress notes, the report's details, the participant list) can reach it
//! by accident: the scene has no field for it.

use std::sync::Arc;
use std::time::Instant;

use crate::model::lab::Timer;
use crate::model::{CanvasRect, Note, NoteColour, ThemeColour, View};
use crate::ui::invite::RoomInvite;
use crate::ui::style::Theme;

pub use crate::ui::screen::Show;

/// The countdown as the audience sees it. The audience window has its own clock, so the timer is
/// anchored to an [`Instant`] when the scene is made.
#[derive(Clone, Debug)]
pub struct Countdown {
    /// The phase's timer.
    pub timer: Timer,
    /// The console's clock (egui seconds) when the scene was made.
    pub console_secs: f64,
    /// The moment the scene was made.
    pub anchor: Instant,
    /// While frozen: the time shown, which no longer moves.
    pub still_secs: Option<f64>,
}

impl PartialEq for Countdown {
    fn eq(&self, other: &Self) -> bool {
        self.timer == other.timer && self.still_secs == other.still_secs
    }
}

impl Countdown {
    /// The countdown of `timer`, whose clock reads `console_secs` now.
    pub fn new(timer: Timer, console_secs: f64) -> Self {
        Self {
            timer,
            console_secs,
            anchor: Instant::now(),
            still_secs: None,
        }
    }

    /// The timer's clock now (or when frozen, then).
    pub fn now_secs(&self) -> f64 {
        self.still_secs
            .unwrap_or_else(|| self.console_secs + self.anchor.elapsed().as_secs_f64())
    }

    /// The same countdown stopped at the time it shows now.
    pub fn stilled(&self) -> Self {
        Self {
            still_secs: Some(self.now_secs()),
            ..self.clone()
        }
    }

    /// Seconds until the shown time changes, while it runs.
    pub fn next_tick_secs(&self) -> Option<f64> {
        (self.timer.is_running() && self.still_secs.is_none())
            .then(|| self.timer.secs_to_next_tick(self.now_secs()))
    }
}

/// Everything the audience window draws.
#[derive(Clone, Debug, PartialEq)]
pub struct AudienceScene {
    /// The current phase's name, if the agenda has one.
    pub phase: Option<String>,
    /// The current phase's question.
    pub question: String,
    /// The phase's countdown, once started or set.
    pub countdown: Option<Countdown>,
    /// The main part of the screen.
    pub content: Content,
    /// The screen is blanked (black).
    pub blank: bool,
    /// The colours to draw in.
    pub theme: Theme,
    /// The room's invitation, when phones are invited.
    pub invite: Option<RoomInvite>,
}

impl Default for AudienceScene {
    fn default() -> Self {
        Self {
            phase: None,
            question: String::new(),
            countdown: None,
            content: Content::Message("Goldthread".to_owned()),
            blank: false,
            theme: Theme::Projector,
            invite: None,
        }
    }
}

/// The main part of the audience screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    /// One line in the middle, e.g. "The vote starts in a moment".
    Message(String),
    /// The Board.
    Board(BoardShot),
    /// One theme's notes, full size.
    Spotlight(Spotlight),
    /// The vote.
    Vote(VoteShot),
    /// Vision, outcomes and actions.
    Thread(ThreadShot),
    /// The actions.
    Actions(Vec<ActionLine>),
    /// The room's QR code and join code (or a line saying phones are not invited).
    Room,
}

/// The Board as the audience sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardShot {
    /// The notes and theme frames, shared between scenes until the session changes.
    pub picture: Arc<BoardPicture>,
    /// Follow the facilitator's view (`Some`), or fit the whole board (`None`).
    pub follow: Option<FollowView>,
}

/// The facilitator's view of the Board, and the size of the area it was seen in, so the audience
/// screen shows the same part of the canvas at its own size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FollowView {
    /// The camera.
    pub view: View,
    /// The console canvas's size, in points.
    pub area: egui::Vec2,
}

/// The notes and theme frames of the Board at one history generation: authors left out, notes
/// inside collapsed themes left out.
#[derive(Debug, Default)]
pub struct BoardPicture {
    /// The history generation it was made at.
    pub generation: u64,
    /// The visible notes, author removed.
    pub notes: Vec<Note>,
    /// The theme frames.
    pub frames: Vec<FrameShot>,
    /// The area covering everything.
    pub bounds: Option<CanvasRect>,
}

impl PartialEq for BoardPicture {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
    }
}

/// One theme's frame on the audience Board.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameShot {
    /// The theme's name.
    pub name: String,
    /// Its colour.
    pub colour: ThemeColour,
    /// Its frame, or its card when collapsed.
    pub rect: CanvasRect,
    /// Collapsed to a card.
    pub collapsed: bool,
    /// How many notes it holds.
    pub count: usize,
}

/// One theme's notes, full size.
#[derive(Clone, Debug, PartialEq)]
pub struct Spotlight {
    /// The theme's name.
    pub name: String,
    /// Its colour.
    pub colour: ThemeColour,
    /// Its notes' text and colour.
    pub notes: Vec<(String, NoteColour)>,
}

/// The vote as the audience sees it: never a total before the reveal.
#[derive(Clone, Debug, PartialEq)]
pub enum VoteShot {
    /// Dots are being placed: the question and how many ballots are in, nothing else.
    Open {
        /// The round's question.
        question: String,
        /// Ballots handed in so far (`None` while the facilitator counts the room).
        ballots_in: Option<u32>,
        /// How many people vote.
        voters: u32,
    },
    /// The results are revealed: the ranking with bars.
    Revealed {
        /// The round's question.
        question: String,
        /// The options, best first.
        rows: Vec<RankLine>,
    },
}

/// One option of a revealed ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct RankLine {
    /// Its place, from 1.
    pub rank: usize,
    /// Shares its place.
    pub tied: bool,
    /// The option's name.
    pub name: String,
    /// Its dots.
    pub dots: u32,
}

/// The golden thread for the room.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreadShot {
    /// The vision.
    pub vision: String,
    /// The outcomes, with their dates.
    pub outcomes: Vec<String>,
    /// The actions.
    pub actions: Vec<ActionLine>,
}

/// One action as the room reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionLine {
    /// What will be done.
    pub description: String,
    /// Who, by when and for which theme, e.g. "Sam · by 12 Mar · Repairs online".
    pub detail: String,
}
