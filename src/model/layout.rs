//! Where new notes go: a tidy grid that never overlaps existing notes or theme frames.

use std::collections::HashSet;

use super::{CanvasPos, CanvasRect, NOTE_GAP, NOTE_HEIGHT, NOTE_WIDTH, Note, Session};

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

/// [`free_slots`] that also keeps clear of `obstacles`, such as theme frames: a note captured
/// onto a frame would look as if it belonged to that theme.
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
            .chain(obstacles.iter().copied()),
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
