//! What the audience window shows, as plain data: an [`AudienceScene`] is built from the session
//! by [`build`], which copies only what the room may see. The audience window draws the scene
//! and never the session, so nothing private (who voted how, running totals before the reveal,
//! who wrote a note, progress notes, the report's details, the participant list) can reach it
//! by accident: the scene has no field for it.

use std::sync::Arc;
use std::time::Instant;

use crate::model::lab::Timer;
use crate::model::vote::OptionLookup;
use crate::model::{
    CanvasRect, Note, NoteColour, RoundState, Session, ThemeColour, ThemeId, View, VoteMode,
};
use crate::ui::invite::RoomInvite;
use crate::ui::style::Theme;

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

/// What [`build`] needs besides the session.
#[derive(Clone, Debug)]
pub struct SceneInputs {
    /// What to show (already resolved: never [`Show::Follow`]).
    pub show: Show,
    /// The session's history generation (the Board picture is remade when it changes).
    pub generation: u64,
    /// The facilitator's view, when the audience follows it.
    pub follow: Option<FollowView>,
    /// The theme of the spotlight.
    pub spotlight: Option<ThemeId>,
    /// The phase's timer and the console's clock now.
    pub timer: Option<(Timer, f64)>,
    /// The colours.
    pub theme: Theme,
    /// The room's invitation, when phones are invited.
    pub invite: Option<RoomInvite>,
}

/// The scene for `session`; `picture` is the last Board picture, reused while the session is
/// unchanged (no copy of 10,000 notes per frame).
pub fn build(
    session: &Session,
    inputs: SceneInputs,
    picture: &mut Option<Arc<BoardPicture>>,
) -> AudienceScene {
    let phase = session.lab.current();
    let content = match inputs.show {
        Show::Follow | Show::Board => Content::Board(BoardShot {
            picture: board_picture(session, inputs.generation, picture),
            follow: inputs.follow,
        }),
        Show::Theme => spotlight(session, inputs.spotlight),
        Show::Vote => vote(session),
        Show::Thread => Content::Thread(ThreadShot {
            vision: session.lab.vision.clone(),
            outcomes: outcomes(session),
            actions: actions(session),
        }),
        Show::Actions => Content::Actions(actions(session)),
        Show::Room => Content::Room,
    };
    AudienceScene {
        phase: phase.map(|p| p.name.clone()),
        question: phase.map(|p| p.prompt.clone()).unwrap_or_default(),
        countdown: inputs
            .timer
            .filter(|(t, _)| t.duration_secs > 0.0 || !t.is_untouched())
            .map(|(t, now)| Countdown::new(t, now)),
        content,
        blank: false,
        theme: inputs.theme,
        invite: inputs.invite,
    }
}

/// The Board's picture at `generation`: the last one when still current, else made anew.
fn board_picture(
    session: &Session,
    generation: u64,
    last: &mut Option<Arc<BoardPicture>>,
) -> Arc<BoardPicture> {
    if let Some(picture) = last
        && picture.generation == generation
    {
        return picture.clone();
    }
    let frames = session.theme_frames();
    let collapsed: std::collections::HashSet<ThemeId> = frames
        .iter()
        .filter(|f| f.collapsed)
        .map(|f| f.id)
        .collect();
    let notes: Vec<Note> = session
        .notes
        .iter()
        .filter(|n| n.theme.is_none_or(|t| !collapsed.contains(&t)))
        .map(|n| Note {
            author: None,
            ..n.clone()
        })
        .collect();
    let shots = frames
        .iter()
        .filter_map(|f| {
            let theme = session.theme(f.id)?;
            Some(FrameShot {
                name: theme.name.clone(),
                colour: theme.colour,
                rect: f.rect,
                collapsed: f.collapsed,
                count: f.count,
            })
        })
        .collect::<Vec<_>>();
    let bounds = shots
        .iter()
        .map(|f| f.rect)
        .chain(session.bounds())
        .reduce(CanvasRect::union);
    let made = Arc::new(BoardPicture {
        generation,
        notes,
        frames: shots,
        bounds,
    });
    *last = Some(made.clone());
    made
}

/// The spotlight on `theme` (the first theme when none is chosen).
fn spotlight(session: &Session, theme: Option<ThemeId>) -> Content {
    let chosen = theme
        .and_then(|id| session.theme(id))
        .or(session.themes.first());
    let Some(theme) = chosen else {
        return Content::Message("No themes yet".to_owned());
    };
    Content::Spotlight(Spotlight {
        name: theme.name.clone(),
        colour: theme.colour,
        notes: session
            .theme_members(theme.id)
            .map(|n| (n.text.clone(), n.colour))
            .collect(),
    })
}

/// The latest round as the room may see it: while open, only its question and the ballots in.
/// The totals are read only once the round is revealed.
fn vote(session: &Session) -> Content {
    let Some(round) = session.voting.current() else {
        return Content::Message("The vote starts in a moment".to_owned());
    };
    let question = round.settings.question.clone();
    if round.state == RoundState::Open {
        let ballots_in = (round.settings.mode != VoteMode::Tally).then(|| {
            let done = round.ballots.iter().filter(|b| b.done).count();
            u32::try_from(done).unwrap_or(u32::MAX)
        });
        return Content::Vote(VoteShot::Open {
            question,
            ballots_in,
            voters: round.settings.voters(),
        });
    }
    let tally = round.tally(session);
    let lookup = OptionLookup::new(session);
    let rows = tally
        .rows
        .iter()
        .map(|row| RankLine {
            rank: row.rank,
            tied: row.tied,
            name: round.option_name(&lookup, row.option),
            dots: row.dots,
        })
        .collect();
    Content::Vote(VoteShot::Revealed { question, rows })
}

/// The outcomes, each with its date.
fn outcomes(session: &Session) -> Vec<String> {
    session
        .lab
        .outcomes
        .iter()
        .map(|o| match o.by_when {
            Some(date) => format!("{} (by {})", o.text, date.format("%-d %b %Y")),
            None => o.text.clone(),
        })
        .collect()
}

/// The actions: what, who, by when and for which theme; never their progress notes.
fn actions(session: &Session) -> Vec<ActionLine> {
    session
        .lab
        .actions
        .iter()
        .map(|a| {
            let mut detail = Vec::new();
            if let Some(owner) = a.real_owner() {
                detail.push(owner.name(&session.participants));
            }
            if let Some(due) = a.due {
                detail.push(format!("by {}", due.format("%-d %b %Y")));
            }
            if let Some(theme) = a.theme.and_then(|t| session.theme(t)) {
                detail.push(theme.name.clone());
            }
            ActionLine {
                description: a.description.clone(),
                detail: detail.join("  ·  "),
            }
        })
        .collect()
}
