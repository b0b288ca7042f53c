//! The agenda: phases with a prompt question and a timebox; a phase may also be the review of
//! carried actions or a scored question.

use serde::{Deserialize, Serialize};

use super::PhaseId;
use crate::model::score::Scoring;

/// One phase of the agenda, e.g. "Ideas" with its prompt question and timebox.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Phase {
    /// Stable identity; notes captured in this phase carry it.
    pub id: PhaseId,
    /// Its short name, e.g. "Constraints and challenges".
    pub name: String,
    /// The question put to the room, shown large on the projector.
    #[serde(default)]
    pub prompt: String,
    /// How long the phase is planned to take, in seconds.
    #[serde(default = "default_timebox_secs")]
    pub timebox_secs: u32,
    /// What the room does in it: write notes (the default), review the carried actions, or
    /// score a question.
    #[serde(default, skip_serializing_if = "PhaseKind::is_notes")]
    pub kind: PhaseKind,
}

/// What the room does in a phase.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum PhaseKind {
    /// Write notes on the Board.
    #[default]
    Notes,
    /// Walk through the actions carried over from the previous session, one at a time.
    Review,
    /// Give the phase's question a score from 1 to 5, with the scores given so far.
    Score(Scoring),
}

impl PhaseKind {
    /// True for an ordinary notes phase.
    pub fn is_notes(&self) -> bool {
        matches!(self, Self::Notes)
    }

    /// The scoring, for a scored question.
    pub fn scoring(&self) -> Option<&Scoring> {
        match self {
            Self::Score(s) => Some(s),
            Self::Notes | Self::Review => None,
        }
    }
}

/// Ten minutes: the timebox of a phase that does not say.
pub fn default_timebox_secs() -> u32 {
    10 * 60
}

impl Phase {
    /// A phase with a name, prompt and timebox.
    pub fn new(
        id: PhaseId,
        name: impl Into<String>,
        prompt: impl Into<String>,
        timebox_secs: u32,
    ) -> Self {
        Self {
            id,
            name: name.into(),
            prompt: prompt.into(),
            timebox_secs,
            kind: PhaseKind::Notes,
        }
    }
}
