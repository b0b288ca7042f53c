//! Where new notes go: a tidy grid that never overlaps existing notes and keeps clear of theme
//! frames; and notes in no theme moved out of the way of a frame that grows over them.

use std::collections::HashSet;

use super::{CanvasPos, CanvasRect, NOTE_GAP, NOTE_HEIGHT, NOTE_WIDTH, Note, NoteId, Session};

/// The space kept between a note in no theme and any frame, in canvas units: a note touching a
/// frame's border would look as if it belonged to that theme.
pub const FRAME_CLEARANCE: f32 = NOTE_GAP;

const CELL_W: f32 = NOTE_WIDTH + NOTE_GAP;
const CELL_H: f32 = NOTE_HEIGHT + NOTE_GAP;

/// Finds `count` free grid cells for new notes, in reading order, starting at the top-left of
/// `area` (usually the visible part of the canvas). Rows continue below `area` when it is full.
///
/// Cells sit on one global grid, so notes placed from different views still line up, and a
/// cell is free only when no existing note touches it.
pub fn free_slots(notes: &[Note], area: CanvasRect, count: usize) -> Vec<CanvasPos> {
    free_slots_avoiding(notes, &[], area, count)
}

/// [`free_slots`] that also keeps [`FRAME_CLEARANCE`] clear of `obstacles`, such as theme
/// frames: a note captured onto or against a frame would look as if it belonged to that theme.
pub fn free_slots_avoiding(
    notes: &[Note],
    obstacles: &[CanvasRect],
    area: CanvasRect,
    count: usize,
) -> Vec<CanvasPos> {
    let (occupied, large) = occupied_cells(
        notes
            .iter()
            .map(Note::rect)
            .chain(obstacles.iter().map(|r| expand(*r, FRAME_CLEARANCE))),
    );
    let is_free = |col: i64, row: i64| {
        let cell = CanvasRect::note_at(CanvasPos::new(col as f32 * CELL_W, row as f32 * CELL_H));
        !occupied.contains(&(col, row)) && !large.iter().any(|r| r.intersects(&cell))
    };
    let first_col = (area.min.x / CELL_W).ceil() as i64;
    let first_row = (area.min.y / CELL_H).ceil() as i64;
    // At least one column, even when the view is narrower than a note.
    let cols = (((area.max.x - NOTE_WIDTH) / CELL_W).floor() as i64 - first_col + 1).max(1);
    let mut slots = Vec::with_capacity(count);
    let mut row = first_row;
    // Each note blocks at most a few cells, so this ends within notes.len() + count rows.
    while slots.len() < count {
        for col in first_col..first_col + cols {
            if slots.len() == count {
                break;
            }
            if is_free(col, row) {
                slots.push(CanvasPos::new(col as f32 * CELL_W, row as f32 * CELL_H));
            }
        }
        row += 1;
    }
    slots
}

/// `r` grown by `by` on every side.
pub fn expand(r: CanvasRect, by: f32) -> CanvasRect {
    CanvasRect::from_min_max(r.min.offset(-by, -by), r.max.offset(by, by))
}

/// A rectangle covering more grid cells than this is kept as a rectangle rather than as cells,
/// so a huge frame costs one comparison per cell looked at, never gigabytes of cells.
const MAX_CELLS_PER_RECT: i64 = 256;

/// Every grid cell that one of `rects` (notes, frames) overlaps, and the large rectangles
/// (over [`MAX_CELLS_PER_RECT`] cells) themselves.
fn occupied_cells(
    rects: impl Iterator<Item = CanvasRect>,
) -> (HashSet<(i64, i64)>, Vec<CanvasRect>) {
    let mut cells = HashSet::new();
    let mut large = Vec::new();
    for r in rects {
        if !r.min.is_finite() || !r.max.is_finite() {
            continue;
        }
        // A cell's note area is [col*CELL_W, col*CELL_W + NOTE_WIDTH); the gap is not part of it.
        let col_lo = ((r.min.x - NOTE_WIDTH) / CELL_W).floor() as i64;
        let col_hi = (r.max.x / CELL_W).ceil() as i64;
        let row_lo = ((r.min.y - NOTE_HEIGHT) / CELL_H).floor() as i64;
        let row_hi = (r.max.y / CELL_H).ceil() as i64;
        let area = (col_hi - col_lo + 1).saturating_mul(row_hi - row_lo + 1);
        if area > MAX_CELLS_PER_RECT {
            large.push(r);
            continue;
        }
        for col in col_lo..=col_hi {
            for row in row_lo..=row_hi {
                let cell =
                    CanvasRect::note_at(CanvasPos::new(col as f32 * CELL_W, row as f32 * CELL_H));
                if cell.intersects(&r) {
                    cells.insert((col, row));
                }
            }
        }
    }
    (cells, large)
}

impl Session {
    /// Free places for `count` new notes, from the top-left of `area`: clear of every note and
    /// of every theme's frame (or collapsed card), so a new note is never mistaken for a member.
    pub fn free_note_slots(&self, area: CanvasRect, count: usize) -> Vec<CanvasPos> {
        let frames: Vec<CanvasRect> = self.theme_frames().iter().map(|f| f.rect).collect();
        free_slots_avoiding(&self.notes, &frames, area, count)
    }
}

impl Session {
    /// New places for the notes in no theme (other than `moving`) that a theme frame growing to
    /// `frame` would cover or touch: on the note grid below it, clear of every note and frame.
    /// Empty when nothing is in the way.
    pub fn make_room(&self, frame: CanvasRect, moving: &[NoteId]) -> Vec<(NoteId, CanvasPos)> {
        let zone = expand(frame, FRAME_CLEARANCE);
        let in_way: Vec<&Note> = self
            .notes
            .iter()
            .filter(|n| n.theme.is_none() && !moving.contains(&n.id))
            .filter(|n| n.rect().intersects(&zone))
            .collect();
        if in_way.is_empty() {
            return Vec::new();
        }
        let mut frames: Vec<CanvasRect> = self.theme_frames().iter().map(|f| f.rect).collect();
        frames.push(frame);
        let start = CanvasPos::new(frame.min.x, frame.max.y + FRAME_CLEARANCE);
        let area = CanvasRect::from_min_max(start, start.offset(4.0 * CELL_W, 1.0e6));
        let slots = free_slots_avoiding(&self.notes, &frames, area, in_way.len());
        in_way.into_iter().map(|n| n.id).zip(slots).collect()
    }
}
