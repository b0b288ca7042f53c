//! Sticky notes: identity, text, colour and place on the canvas.

use serde::{Deserialize, Serialize};

use super::{CanvasPos, CanvasRect, ParticipantId, PhaseId, ThemeId};

/// A note's stable identity. Never reused within a session, never a vector index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NoteId(pub u64);

/// The six sticky-note colours. Their on-screen shades live in `ui::style`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NoteColour {
    /// The classic sticky note.
    #[default]
    Yellow,
    /// Orange.
    Orange,
    /// Pink.
    Pink,
    /// Purple.
    Purple,
    /// Blue.
    Blue,
    /// Green.
    Green,
}

impl NoteColour {
    /// Every colour, in palette order (the order of the Ctrl+1..6 keys).
    pub const ALL: [Self; 6] = [
        Self::Yellow,
        Self::Orange,
        Self::Pink,
        Self::Purple,
        Self::Blue,
        Self::Green,
    ];

    /// The colour's name as a person says it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Yellow => "Yellow",
            Self::Orange => "Orange",
            Self::Pink => "Pink",
            Self::Purple => "Purple",
            Self::Blue => "Blue",
            Self::Green => "Green",
        }
    }
}

/// One sticky note.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// Stable identity.
    pub id: NoteId,
    /// What was written on it; may hold line breaks.
    pub text: String,
    /// Its colour.
    #[serde(default)]
    pub colour: NoteColour,
    /// Top-left corner on the canvas.
    pub pos: CanvasPos,
    /// The theme it belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<ThemeId>,
    /// The agenda phase it was captured in, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<PhaseId>,
    /// Who wrote it; `None` for an anonymous note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<ParticipantId>,
}

impl Note {
    /// A note with the given text and colour at `pos`.
    pub fn new(id: NoteId, text: impl Into<String>, colour: NoteColour, pos: CanvasPos) -> Self {
        Self {
            id,
            text: text.into(),
            colour,
            pos,
            theme: None,
            phase: None,
            author: None,
        }
    }

    /// The area the note covers on the canvas.
    pub fn rect(&self) -> CanvasRect {
        CanvasRect::note_at(self.pos)
    }

    /// The first line of the text, shortened to at most `max_chars` characters with an ellipsis.
    pub fn title(&self, max_chars: usize) -> String {
        let first = self
            .text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        let first = first.trim();
        if first.chars().count() <= max_chars {
            first.to_owned()
        } else if max_chars == 0 {
            String::new()
        } else {
            let mut s: String = first.chars().take(max_chars.saturating_sub(1)).collect();
            s.push('…');
            s
        }
    }
}
