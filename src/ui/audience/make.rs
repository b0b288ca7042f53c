//! Making an [`AudienceScene`] from the session: [`build`] copies only what the room may see
//! (see [`super::scene`]), and reuses the Board's picture while the session is unchanged.

use std::sync::Arc;

use super::scene::{
    ActionLine, AudienceScene, BoardPicture, BoardShot, Content, Countdown, FollowView, FrameShot,
    RankLine, Show, Spotlight, ThreadShot, VoteShot,
};
use crate::model::lab::Timer;
use crate::model::vote::OptionLookup;
use crate::model::{CanvasRect, Note, RoundState, Session, ThemeId, VoteMode};
use crate::ui::invite::RoomInvite;
use crate::ui::style::Theme;

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
