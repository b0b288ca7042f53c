//! Follow-up sessions: "start, build, maintain". A follow-up is a new session linked to the one
//! before it. It carries the vision and outcomes, the participants, the themes (as named
//! starter themes with their colours) and every action that is still open, with its owner, due
//! date and history; it starts with a Review phase that walks through those actions, then runs
//! the previous agenda again with its scored questions cleared to be scored anew. What the
//! previous session scored and which themes it had are kept in the link, so "since last time"
//! can be told even when the previous file is gone.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::lab::{Phase, PhaseKind};
use super::score::{Distribution, ScoreChange};
use super::{PhaseId, Session, ThemeEdit, ThemeId};

/// The session a follow-up follows, as it was when the follow-up was made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviousSession {
    /// The previous session's id (see [`Session::id`]): how it is found again after a rename
    /// or a move.
    pub id: String,
    /// Its title then.
    pub title: String,
    /// Its workshop date.
    pub date: NaiveDate,
    /// The date of the first session of the series (the previous one's, unless it was itself
    /// a follow-up).
    #[serde(default = "unknown_date")]
    pub started: NaiveDate,
    /// Where its file was when the follow-up was made (empty when it had none).
    #[serde(default)]
    pub file: String,
    /// Each scored question's distribution then.
    #[serde(default)]
    pub scores: Vec<PreviousScore>,
    /// The names of its themes.
    #[serde(default)]
    pub themes: Vec<String>,
    /// The actions already done then, as achievements.
    #[serde(default)]
    pub achievements: Vec<String>,
}

fn unknown_date() -> NaiveDate {
    NaiveDate::default()
}

/// One scored question of the previous session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviousScore {
    /// The question (the phase's prompt, or its name when it has none).
    pub question: String,
    /// How many gave each score.
    pub counts: Distribution,
}

/// The question a phase asks, for matching scores across sessions.
pub fn question_of(phase: &Phase) -> &str {
    let prompt = phase.prompt.trim();
    if prompt.is_empty() {
        phase.name.trim()
    } else {
        prompt
    }
}

/// FNV-1a: a small, stable hash (the same on every machine and Rust version).
fn fnv(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.iter().chain(&[0xff]) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// A new session id from a seed (the app uses the clock and the process id).
pub fn fresh_id(seed: u128) -> String {
    format!("{:016x}", fnv(&[&seed.to_le_bytes()]))
}

impl Session {
    /// The id a session without one is given: made from its title and date, so reading the
    /// same file twice gives the same id until it is saved with it.
    pub fn derived_id(&self) -> String {
        let date = self.date.to_string();
        format!("{:016x}", fnv(&[self.title.as_bytes(), date.as_bytes()]))
    }

    /// Gives the session an id when it has none (see [`Session::derived_id`]).
    pub fn ensure_id(&mut self) {
        self.id = self.effective_id();
    }

    /// The session's id, or the one [`Session::ensure_id`] would give it.
    pub fn effective_id(&self) -> String {
        if self.id.trim().is_empty() {
            self.derived_id()
        } else {
            self.id.clone()
        }
    }

    /// Last time's and this time's scores of the scored question in `phase`, in a follow-up
    /// whose previous session scored the same question.
    pub fn score_change(&self, phase: PhaseId) -> Option<ScoreChange> {
        let phase = self.lab.phase(phase)?;
        let scoring = phase.kind.scoring()?;
        let previous = self.previous.as_ref()?;
        let question = question_of(phase);
        let before = previous
            .scores
            .iter()
            .find(|s| s.question.eq_ignore_ascii_case(question))?;
        Some(ScoreChange {
            before: before.counts,
            after: scoring.distribution(),
        })
    }
}

/// The title of a follow-up: the series' first title with "3-month review" (the whole months
/// since the series started), or "follow-up" within the first month.
pub fn follow_up_title(previous: &Session, today: NaiveDate) -> String {
    let (root, started) = match &previous.previous {
        Some(link) => (root_title(&previous.title, &link.title), link.started),
        None => (previous.title.trim().to_owned(), previous.date),
    };
    let mut months =
        (today.year() - started.year()) * 12 + today.month() as i32 - started.month() as i32;
    if today.day() < started.day() {
        months -= 1;
    }
    if months >= 1 {
        format!("{root}: {months}-month review")
    } else {
        format!("{root}: follow-up")
    }
}

/// The title of the series' first session, read from a follow-up's title ("X: 3-month
/// review" → "X"), or the previous title when the follow-up was renamed.
fn root_title(title: &str, previous_title: &str) -> String {
    match title.rsplit_once(": ") {
        Some((root, tail)) if tail.ends_with("review") || tail == "follow-up" => root.to_owned(),
        _ => previous_title.trim().to_owned(),
    }
}

/// The name of the review phase a follow-up starts with.
pub const REVIEW_PHASE_NAME: &str = "Review";

/// A follow-up of `previous` held on `today`: see the module documentation for what it
/// carries. `file` is where the previous session's file is (empty when it has none).
pub fn follow_up(previous: &Session, file: &str, title: String, today: NaiveDate) -> Session {
    let mut session = Session::new(title, today);
    session.participants = previous.participants.clone();
    session.lab.vision = previous.lab.vision.clone();
    session.lab.outcomes = previous.lab.outcomes.clone();
    let themes = carry_themes(previous, &mut session);
    session.lab.actions = previous
        .lab
        .actions
        .iter()
        .filter(|a| a.status.is_open())
        .map(|a| {
            let mut carried = a.clone();
            carried.carried = true;
            carried.theme = a.theme.and_then(|t| {
                themes
                    .iter()
                    .find(|(old, _)| *old == t)
                    .map(|(_, new)| *new)
            });
            carried
        })
        .collect();
    let review = Phase {
        kind: PhaseKind::Review,
        ..Phase::new(
            PhaseId(1),
            REVIEW_PHASE_NAME,
            "What has happened to each action since last time?",
            15 * 60,
        )
    };
    session.lab.phases = std::iter::once(review)
        .chain(previous.lab.phases.iter().zip(2..).map(|(p, id)| {
            let kind = match &p.kind {
                PhaseKind::Score(s) => PhaseKind::Score(s.cleared()),
                PhaseKind::Notes | PhaseKind::Review => PhaseKind::Notes,
            };
            Phase {
                id: PhaseId(id),
                kind,
                ..p.clone()
            }
        }))
        // A review of a review does not review twice.
        .filter(|p| p.id == PhaseId(1) || p.name != REVIEW_PHASE_NAME)
        .collect();
    session.lab.current_phase = Some(PhaseId(1));
    session.previous = Some(link_to(previous, file));
    session.repair();
    session
}

/// Makes the previous session's themes as starter themes, each in its own free place and with
/// its colour. Returns (old id, new id) for each.
fn carry_themes(previous: &Session, session: &mut Session) -> Vec<(ThemeId, ThemeId)> {
    let mut map = Vec::new();
    for theme in &previous.themes {
        let (id, edit) = ThemeEdit::create(session, Some(theme.name.clone()), &[]);
        edit.apply(session);
        ThemeEdit::Recolour {
            id,
            colour: theme.colour,
        }
        .apply(session);
        map.push((theme.id, id));
    }
    map
}

/// What a follow-up keeps of the session it follows.
fn link_to(previous: &Session, file: &str) -> PreviousSession {
    PreviousSession {
        id: previous.effective_id(),
        title: previous.title.clone(),
        date: previous.date,
        started: previous
            .previous
            .as_ref()
            .map_or(previous.date, |p| p.started),
        file: file.to_owned(),
        scores: previous
            .lab
            .phases
            .iter()
            .filter_map(|p| {
                let counts = p.kind.scoring()?.distribution();
                (counts.total() > 0).then(|| PreviousScore {
                    question: question_of(p).to_owned(),
                    counts,
                })
            })
            .collect(),
        themes: previous.themes.iter().map(|t| t.name.clone()).collect(),
        achievements: previous
            .lab
            .actions
            .iter()
            .filter(|a| a.status == super::lab::ActionStatus::Done)
            .map(|a| a.description.clone())
            .collect(),
    }
}
