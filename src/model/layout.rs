//! Where new notes go: a tidy grid that never overlaps existing notes.

use std::collections::HashSet;

use super::{CanvasPos, CanvasRect, NOTE_GAP, NOTE_HEIGHT, NOTE_WIDTH, Note};

const CELL_W: f32 = NOTE_WIDTH + NOTE_GAP;
const CELL_H: f32 = NOTE_HEIGHT + NOTE_GAP;

/// Finds `count` free grid cells for new notes, in reading order, starting at the top-left of
/// `area` (usually the visible part of the canvas). Rows continue below `area` when it is full.
///
/// Cells sit on one global grid, so notes placed from different views still line up, and a
/// cell is free only when no existing note touches it.
pub fn free_slots(notes: &[Note], area: CanvasRect, count: usize) -> Vec<CanvasPos> {
    free_slots_clear_of(notes, &[], area, count)
}

/// Like [`free_slots`], also keeping clear of the areas in `blocked` (e.g. theme frames, so a
/// new note never looks as if it belonged to a theme it is not in).
pub fn free_slots_clear_of(
    notes: &[Note],
    blocked: &[CanvasRect],
    area: CanvasRect,
    count: usize,
) -> Vec<CanvasPos> {
    let occupied = occupied_cells(notes.iter().map(Note::rect));
    let first_col = (area.min.x / CELL_W).ceil() as i64;
    let first_row = (area.min.y / CELL_H).ceil() as i64;
    // At least one column, even when the view is narrower than a note.
    let cols = (((area.max.x - NOTE_WIDTH) / CELL_W).floor() as i64 - first_col + 1).max(1);
    let mut slots = Vec::with_capacity(count);
    let mut row = first_row;
    // Each note blocks at most a few cells, so this ends within notes.len() + count rows past
    // the bottom of the blocked areas.
    while slots.len() < count {
        for col in first_col..first_col + cols {
            if slots.len() == count {
                break;
            }
            // Areas are checked per cell rather than marked: one huge frame stays cheap.
            let cell =
                CanvasRect::note_at(CanvasPos::new(col as f32 * CELL_W, row as f32 * CELL_H));
            if !occupied.contains(&(col, row)) && !blocked.iter().any(|b| b.intersects(&cell)) {
                slots.push(CanvasPos::new(col as f32 * CELL_W, row as f32 * CELL_H));
            }
        }
        row += 1;
    }
    slots
}

/// Every grid cell that some note overlaps.
fn occupied_cells(rects: impl Iterator<Item = CanvasRect>) -> HashSet<(i64, i64)> {
    let mut cells = HashSet::with_capacity(rects.size_hint().0 * 2);
    for r in rects {
        if !r.min.is_finite() {
            continue;
        }
        // A cell's note area is [col*CELL_W, col*CELL_W + NOTE_WIDTH); the gap is not part of it.
        let col_lo = ((r.min.x - NOTE_WIDTH) / CELL_W).floor() as i64;
        let col_hi = (r.max.x / CELL_W).ceil() as i64;
        let row_lo = ((r.min.y - NOTE_HEIGHT) / CELL_H).floor() as i64;
        let row_hi = (r.max.y / CELL_H).ceil() as i64;
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
    cells
}
