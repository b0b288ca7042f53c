//! Reading order on the canvas (top to bottom, then left to right): Tab's next note, and the
//! keyboard sorting flow's "next note in no theme".

use super::BoardState;
use super::transform::{self, Camera};
use crate::model::{Note, NoteId, Session};

/// Where a note is in reading order: top to bottom, then left to right, then by id.
pub type ReadingKey = (f32, f32, NoteId);

/// A note's place in reading order.
fn reading_key(note: &Note) -> ReadingKey {
    (note.pos.y, note.pos.x, note.id)
}

/// Compares two places in reading order.
fn reading_order(a: &ReadingKey, b: &ReadingKey) -> std::cmp::Ordering {
    a.0.total_cmp(&b.0)
        .then(a.1.total_cmp(&b.1))
        .then(a.2.cmp(&b.2))
}

/// The reading-order place of the first selected note, if any.
pub fn selection_key(session: &Session, state: &BoardState) -> Option<ReadingKey> {
    state
        .selection
        .iter()
        .filter_map(|id| session.note(*id))
        .map(reading_key)
        .min_by(reading_order)
}

/// Selects the next visible note that is in no theme, in reading order after `from` (where the
/// notes just sorted were), and brings it into view: the keyboard sorting flow is "look, press
/// a digit". `leaving` are notes that are about to move into a theme.
pub fn select_next_unthemed(
    session: &Session,
    state: &mut BoardState,
    camera: &mut Camera,
    from: Option<ReadingKey>,
    leaving: &[NoteId],
) {
    let leaving: std::collections::HashSet<NoteId> = leaving.iter().copied().collect();
    let mut candidates: Vec<ReadingKey> = session
        .notes
        .iter()
        .filter(|n| n.theme.is_none() && !leaving.contains(&n.id) && !state.themes.is_hidden(n))
        .map(reading_key)
        .collect();
    candidates.sort_by(reading_order);
    let after = from.and_then(|c| candidates.iter().find(|o| **o > c).copied());
    let Some(next) = after.or_else(|| candidates.first().copied()) else {
        state.selection.clear();
        return;
    };
    state.selection = [next.2].into();
    if let Some(note) = session.note(next.2) {
        camera.view = transform::reveal(camera, note.rect());
    }
}

/// Tab moves the selection to the next note in reading order (top to bottom, left to right).
pub fn cycle_selection(
    session: &Session,
    state: &mut BoardState,
    camera: &mut Camera,
    forward: bool,
) {
    if session.notes.is_empty() {
        return;
    }
    let mut order: Vec<ReadingKey> = session
        .notes
        .iter()
        .filter(|n| !state.themes.is_hidden(n))
        .map(reading_key)
        .collect();
    if order.is_empty() {
        return;
    }
    order.sort_by(reading_order);
    let current = state.selection.iter().next().copied();
    let at = current.and_then(|id| order.iter().position(|o| o.2 == id));
    let next = match (at, forward) {
        (None, true) => 0,
        (None, false) => order.len() - 1,
        (Some(i), true) => (i + 1) % order.len(),
        (Some(i), false) => (i + order.len() - 1) % order.len(),
    };
    let id = order[next].2;
    state.selection = [id].into();
    if let Some(note) = session.note(id) {
        camera.view = transform::reveal(camera, note.rect());
    }
}
