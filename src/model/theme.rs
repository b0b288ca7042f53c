//! Themes: named, coloured frames on the canvas that hold notes (affinity groups).
//!
//! Membership lives on the note ([`super::Note::theme`]); a theme's order in
//! [`super::Session::themes`] is its order in the theme list and its number key (1–9).

use serde::{Deserialize, Serialize};

/// A theme's stable identity. Never reused within a session, never a vector index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ThemeId(pub u64);

/// One theme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// Stable identity.
    pub id: ThemeId,
    /// Its name as the room agreed it, e.g. "Data".
    pub name: String,
}

impl Theme {
    /// A theme with this name.
    pub fn new(id: ThemeId, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
        }
    }
}
