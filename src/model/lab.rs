//! The innovation-lab method around the canvas: agenda and phases, vision and outcomes, actions.

use serde::{Deserialize, Serialize};

/// A phase's stable identity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PhaseId(pub u64);

/// The agenda, vision, outcomes and actions of a session.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Lab {}
