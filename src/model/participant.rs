//! The people in the room: who they are, which service they come from and their level.

use serde::{Deserialize, Serialize};

/// A participant's stable identity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ParticipantId(pub u64);

/// How senior a participant is, or which side of the service they stand on.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    /// Front-line staff.
    FrontLine,
    /// A manager.
    Manager,
    /// An executive or senior leader.
    Executive,
    /// A partner organisation.
    Partner,
    /// A customer or resident.
    Customer,
    /// Any other level, named by the facilitator.
    Custom(String),
}

/// One participant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// Stable identity.
    pub id: ParticipantId,
    /// Their name as the room knows them.
    pub name: String,
    /// The service area they work in, e.g. "Housing"; empty when not given.
    #[serde(default)]
    pub service_area: String,
    /// Their level, when given.
    #[serde(default)]
    pub level: Option<Level>,
}

impl Participant {
    /// A participant with only a name.
    pub fn new(id: ParticipantId, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            service_area: String::new(),
            level: None,
        }
    }
}
