//! Voting dots on the canvas: once a vote is revealed, each note (and theme) voted on shows a
//! red dot sticker with its count at its top-right corner.

use std::collections::HashMap;

use egui::{Painter, Rect, Stroke};

use crate::model::{NoteId, Session, ThemeId, VoteOption};
use crate::ui::style;
use std::collections::BTreeSet;

/// The dots of the latest revealed or closed vote, looked up by note and theme.
#[derive(Debug, Default)]
pub struct VoteDots {
    notes: HashMap<NoteId, u32>,
    themes: HashMap<ThemeId, u32>,
}

impl VoteDots {
    /// The dots to draw for `session` (none while a vote is secret and unrevealed).
    pub fn new(session: &Session) -> Self {
        let mut dots = Self::default();
        for (option, n) in session.voting.dots_by_option() {
            match option {
                VoteOption::Note(id) => dots.notes.insert(id, n),
                VoteOption::Theme(id) => dots.themes.insert(id, n),
            };
        }
        dots
    }

    /// The dots on a note.
    pub fn on_note(&self, id: NoteId) -> u32 {
        self.notes.get(&id).copied().unwrap_or(0)
    }

    /// The dots on a theme.
    pub fn on_theme(&self, id: ThemeId) -> u32 {
        self.themes.get(&id).copied().unwrap_or(0)
    }

    /// Paints the note's dots, if it has any, on its screen rectangle `rect`.
    pub fn paint_note(&self, painter: &Painter, id: NoteId, rect: Rect, zoom: f32) {
        paint_badge(painter, rect, self.on_note(id), zoom);
    }
}

/// Paints a dot sticker with `count` at the top-right corner of `rect` (a note or a theme frame
/// on screen). Nothing for zero dots.
pub fn paint_badge(painter: &Painter, rect: Rect, count: u32, zoom: f32) {
    if count == 0 {
        return;
    }
    let d = (style::VOTE_CANVAS_DOT_SIZE * zoom).clamp(10.0, 56.0);
    // On the corner, half off the card, so it covers as little text as possible.
    let center = egui::pos2(rect.max.x - d * 0.1, rect.min.y + d * 0.1);
    painter.circle(
        center,
        d / 2.0,
        style::VOTE_DOT,
        Stroke::new((d / 14.0).max(1.0), style::VOTE_DOT_TEXT),
    );
    if d >= 16.0 {
        painter.text(
            center,
            egui::Align2::CENTER_CENTER,
            count.to_string(),
            egui::FontId::new((d * 0.55).round(), style::strong_family()),
            style::VOTE_DOT_TEXT,
        );
    }
}

/// How many voting dots (in every round) are on these notes: deleting them gives the dots back.
pub fn dots_on_notes(session: &Session, notes: &BTreeSet<NoteId>) -> u32 {
    if session.voting.rounds.is_empty() {
        return 0;
    }
    notes
        .iter()
        .map(|id| session.voting.dots_on(VoteOption::Note(*id)))
        .sum()
}

/// The words added to a deletion message when the deleted options had dots, e.g.
/// "; their 2 dots were given back to the voters".
pub fn given_back(dots: u32) -> String {
    match dots {
        0 => String::new(),
        1 => "; its vote dot was given back to the voter".to_owned(),
        n => format!("; their {n} vote dots were given back to the voters"),
    }
}
