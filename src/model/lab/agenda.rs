//! The agenda: phases with a prompt question and a timebox.

use serde::{Deserialize, Serialize};

use super::PhaseId;

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
        }
    }
}
