//! Outcomes (what will be true, by when) and actions (who does what, by when, for which theme
//! and outcome).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::progress::{ActionStatus, ActionUpdate};
use crate::model::{Participant, ParticipantId, ThemeId};

/// An outcome's stable identity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OutcomeId(pub u64);

/// An action's stable identity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ActionId(pub u64);

/// One outcome of the strategy, e.g. "Every resident can report a repair online".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// Stable identity.
    pub id: OutcomeId,
    /// What will be true.
    pub text: String,
    /// The date it should be true by, when agreed.
    #[serde(default)]
    pub by_when: Option<NaiveDate>,
}

impl Outcome {
    /// An outcome with text and an optional date.
    pub fn new(id: OutcomeId, text: impl Into<String>, by_when: Option<NaiveDate>) -> Self {
        Self {
            id,
            text: text.into(),
            by_when,
        }
    }
}

/// Who owns an action: someone in the room, or a name (a team, someone absent).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Owner {
    /// A participant of the session.
    Participant(ParticipantId),
    /// A name typed in, e.g. "Head of ICT".
    Named(String),
}

impl Owner {
    /// The owner's name as people read it. A participant who was removed reads as
    /// "(removed participant)".
    pub fn name(&self, participants: &[Participant]) -> String {
        match self {
            Self::Participant(id) => participants
                .iter()
                .find(|p| p.id == *id)
                .map_or_else(|| "(removed participant)".to_owned(), |p| p.name.clone()),
            Self::Named(name) => name.clone(),
        }
    }

    /// True when there is no real owner: an empty name.
    pub fn is_blank(&self) -> bool {
        matches!(self, Self::Named(n) if n.trim().is_empty())
    }
}

/// One action: what will be done, by whom, by when, and which theme and outcome it serves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// Stable identity.
    pub id: ActionId,
    /// What will be done.
    pub description: String,
    /// Who will do it.
    #[serde(default)]
    pub owner: Option<Owner>,
    /// When it is due.
    #[serde(default)]
    pub due: Option<NaiveDate>,
    /// The theme it came from.
    #[serde(default)]
    pub theme: Option<ThemeId>,
    /// The outcome it serves.
    #[serde(default)]
    pub outcome: Option<OutcomeId>,
    /// Where it has got to.
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: ActionStatus,
    /// A short note on its progress, e.g. "Two of three estates live".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub progress: String,
    /// When its status or progress note last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<NaiveDate>,
    /// Every change of status or progress, oldest first, across follow-up sessions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<ActionUpdate>,
    /// Carried over from the previous session by "Follow up…".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub carried: bool,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

impl Action {
    /// An action with only a description.
    pub fn new(id: ActionId, description: impl Into<String>) -> Self {
        Self {
            id,
            description: description.into(),
            owner: None,
            due: None,
            theme: None,
            outcome: None,
            status: ActionStatus::default(),
            progress: String::new(),
            updated: None,
            history: Vec::new(),
            carried: false,
        }
    }

    /// The owner, unless missing or blank.
    pub fn real_owner(&self) -> Option<&Owner> {
        self.owner.as_ref().filter(|o| !o.is_blank())
    }
}
