//! Voting dots on the canvas: once a vote is revealed, each note (and theme) voted on shows a
//! red dot sticker with its count at its top-right corner; a show of hands is counted in hands.

use std::collections::HashMap;

use egui::{Painter, Rect, Stroke};

use crate::model::{NoteId, Session, ThemeId, VoteOption};
use crate::ui::style;
use std::collections::BTreeSet;

/// The dots to show on the Board, looked up by note and theme: on themes, the vote that sets the
/// priorities (see [`crate::model::Voting::counting_round`]); on notes, the latest revealed or
/// closed vote on notes. A later vote of another kind never replaces the themes' dots.
#[derive(Debug, Default)]
pub struct VoteDots {
    notes: HashMap<NoteId, u32>,
    themes: HashMap<ThemeId, u32>,
    /// The themes' vote is a show of hands: its counts are hands, not dots.
    hands: bool,
    /// The line naming the themes' vote, for the hover text.
    source: String,
}

impl VoteDots {
    /// The dots to draw for `session` (none while a vote is secret and unrevealed).
    pub fn new(session: &Session) -> Self {
        let voting = &session.voting;
        let mut dots = Self::default();
        if let Some(round) = voting.counting_round() {
            dots.hands = round.settings.is_show_of_hands();
            dots.source = voting.describe(round.id);
            for (option, n) in voting.dots_by_option() {
                if let VoteOption::Theme(id) = option {
                    dots.themes.insert(id, n);
                }
            }
        }
        for (option, n) in voting.dots_by_note() {
            if let VoteOption::Note(id) = option {
                dots.notes.insert(id, n);
            }
        }
        dots
    }

    /// A theme's count in the words of its vote: "7 dots", or "7 hands" for a show of hands.
    pub fn words(&self, count: u32) -> String {
        if self.hands {
            match count {
                1 => "1 hand".to_owned(),
                n => format!("{n} hands"),
            }
        } else {
            dots_words(count)
        }
    }

    /// The line naming the vote the themes' counts come from ("Dot vote: … 8 people, 3 dots
    /// each"), empty when there is none.
    pub fn source(&self) -> &str {
        &self.source
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
            style::strong_font((d * 0.55).round()),
            style::VOTE_DOT_TEXT,
        );
    }
}

/// How wide a theme's dot count reading `text` (e.g. "7 dots", or "7" on a narrow frame) is on
/// screen, in points.
pub fn theme_badge_width(painter: &Painter, text: &str, zoom: f32) -> f32 {
    let (galley, size) = theme_badge_text(painter, text, zoom);
    galley.size().x + size * 1.6
}

/// Where a theme's dot count goes on screen: a pill on the top edge of its frame (or collapsed
/// card), its right end at `right`, mostly above the edge: at most `inside` points of it reach
/// into the frame, so it covers neither the name nor the count of notes.
pub fn theme_badge_rect(
    painter: &Painter,
    frame: Rect,
    text: &str,
    zoom: f32,
    right: f32,
    inside: f32,
) -> Rect {
    let (_, size) = theme_badge_text(painter, text, zoom);
    let height = (size * 1.55).round();
    let width = theme_badge_width(painter, text, zoom);
    let inside = inside.clamp(0.0, height * 0.35);
    Rect::from_min_max(
        egui::pos2(right - width, frame.min.y + inside - height),
        egui::pos2(right, frame.min.y + inside),
    )
}

/// Paints a theme's dot count, e.g. "● 7 dots", as a red pill at `rect` (from
/// [`theme_badge_rect`]): large enough to read on a projector at any zoom.
pub fn paint_theme_badge(painter: &Painter, rect: Rect, text: &str, zoom: f32) {
    let (galley, size) = theme_badge_text(painter, text, zoom);
    painter.rect(
        rect,
        egui::CornerRadius::same((rect.height() / 2.0).min(127.0) as u8),
        style::VOTE_DOT,
        Stroke::new((size / 10.0).max(1.5), style::VOTE_DOT_TEXT),
        egui::StrokeKind::Inside,
    );
    let dot = egui::pos2(rect.min.x + size * 0.7, rect.center().y);
    painter.circle_filled(dot, size * 0.22, style::VOTE_DOT_TEXT);
    let text_pos = egui::pos2(
        rect.max.x - size * 0.55 - galley.size().x,
        rect.center().y - galley.size().y / 2.0,
    );
    painter.galley(text_pos, galley, style::VOTE_DOT_TEXT);
}

/// The laid-out words of a theme's dot count and the font size used.
fn theme_badge_text(
    painter: &Painter,
    text: &str,
    zoom: f32,
) -> (std::sync::Arc<egui::Galley>, f32) {
    // Whole-point sizes, so zooming re-uses the laid-out text.
    let size = (style::VOTE_THEME_BADGE_SIZE * zoom)
        .clamp(style::VOTE_THEME_BADGE_MIN, style::VOTE_THEME_BADGE_MAX)
        .round();
    let galley = painter.layout_no_wrap(
        text.to_owned(),
        style::strong_font(size),
        style::VOTE_DOT_TEXT,
    );
    (galley, size)
}

/// "1 dot", "7 dots".
pub fn dots_words(count: u32) -> String {
    match count {
        1 => "1 dot".to_owned(),
        n => format!("{n} dots"),
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
