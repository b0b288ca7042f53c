//! Protects where new notes go: free grid cells in reading order, inside the visible area
//! first, never overlapping an existing note, whatever the notes' positions; and notes in no
//! theme keeping clear of every frame's border, even when a frame grows over them.

use goldthread::model::layout::free_slots;
use goldthread::model::{CanvasRect, NOTE_GAP, NOTE_HEIGHT, NOTE_WIDTH};
use goldthread::{CanvasPos, Note, NoteColour, NoteId};

const CELL_W: f32 = NOTE_WIDTH + NOTE_GAP;
const CELL_H: f32 = NOTE_HEIGHT + NOTE_GAP;

// ---------------------------------------------------------------- layout

/// A small deterministic random number generator (xorshift), so tests need no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `lo..hi`, with a fractional part.
    fn range(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (self.next() % 1_000_000) as f32 / 1_000_000.0 * (hi - lo)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn note_at(id: u64, x: f32, y: f32) -> Note {
    Note::new(NoteId(id), "n", NoteColour::Yellow, CanvasPos::new(x, y))
}

fn area(x0: f32, y0: f32, x1: f32, y1: f32) -> CanvasRect {
    CanvasRect::from_min_max(CanvasPos::new(x0, y0), CanvasPos::new(x1, y1))
}

fn inside(rect: CanvasRect, area: CanvasRect) -> bool {
    rect.min.x >= area.min.x
        && rect.min.y >= area.min.y
        && rect.max.x <= area.max.x
        && rect.max.y <= area.max.y
}

/// Checks what must hold for any notes and area.
fn check_slots(notes: &[Note], area: CanvasRect, count: usize, slots: &[CanvasPos]) {
    let context = || format!("area {area:?}, count {count}, {} notes", notes.len());
    assert_eq!(slots.len(), count, "{}", context());
    for (i, slot) in slots.iter().enumerate() {
        let rect = CanvasRect::note_at(*slot);
        for note in notes {
            assert!(
                !rect.intersects(&note.rect()),
                "slot {slot:?} overlaps note at {:?}; {}",
                note.pos,
                context()
            );
        }
        for other in &slots[..i] {
            assert!(
                !rect.intersects(&CanvasRect::note_at(*other)),
                "slots {slot:?} and {other:?} overlap; {}",
                context()
            );
        }
        // On the global grid, and never above or left of the area.
        assert_eq!((slot.x / CELL_W).fract(), 0.0, "{slot:?} off grid");
        assert_eq!((slot.y / CELL_H).fract(), 0.0, "{slot:?} off grid");
        assert!(
            slot.x >= area.min.x && slot.y >= area.min.y,
            "{slot:?}; {}",
            context()
        );
    }
    // Reading order: row by row, left to right.
    for pair in slots.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        assert!(
            a.y < b.y || (a.y == b.y && a.x < b.x),
            "{a:?} then {b:?} is not reading order; {}",
            context()
        );
    }
    // Slots inside the area come before the ones below it.
    let first_outside = slots
        .iter()
        .position(|s| !inside(CanvasRect::note_at(*s), area))
        .unwrap_or(slots.len());
    assert!(
        slots[first_outside..]
            .iter()
            .all(|s| !inside(CanvasRect::note_at(*s), area)),
        "a slot inside the area came after one outside it; {}",
        context()
    );
}

/// The first `count` free grid cells in reading order, found by brute force from the rule:
/// columns whose cell fits horizontally in the area (or, when none fits, the first grid column
/// at or right of its left edge), rows from the first at or below its top edge.
fn expected_slots(notes: &[Note], area: CanvasRect, count: usize) -> Vec<CanvasPos> {
    let first_col = (area.min.x / CELL_W).ceil() as i64;
    let mut cols: Vec<i64> = (first_col..)
        .take_while(|c| *c as f32 * CELL_W + NOTE_WIDTH <= area.max.x)
        .collect();
    if cols.is_empty() {
        cols.push(first_col);
    }
    let mut slots = Vec::new();
    let mut row = (area.min.y / CELL_H).ceil() as i64;
    while slots.len() < count {
        for col in &cols {
            let pos = CanvasPos::new(*col as f32 * CELL_W, row as f32 * CELL_H);
            let free = notes
                .iter()
                .all(|n| !CanvasRect::note_at(pos).intersects(&n.rect()));
            if free && slots.len() < count {
                slots.push(pos);
            }
        }
        row += 1;
    }
    slots
}

#[test]
fn free_slots_in_an_empty_area_fill_it_in_reading_order_then_continue_below() {
    // Room for exactly three columns and two rows.
    let view = area(0.0, 0.0, 2.0 * CELL_W + NOTE_WIDTH, CELL_H + NOTE_HEIGHT);
    let slots = free_slots(&[], view, 8);
    let grid = |c: f32, r: f32| CanvasPos::new(c * CELL_W, r * CELL_H);
    assert_eq!(
        slots,
        vec![
            grid(0.0, 0.0),
            grid(1.0, 0.0),
            grid(2.0, 0.0),
            grid(0.0, 1.0),
            grid(1.0, 1.0),
            grid(2.0, 1.0),
            grid(0.0, 2.0),
            grid(1.0, 2.0),
        ]
    );
    check_slots(&[], view, 8, &slots);
}

#[test]
fn free_slots_skip_occupied_cells() {
    let view = area(0.0, 0.0, 3.0 * CELL_W, 2.0 * CELL_H);
    // One note exactly on the first cell, one straddling the second and third cells of row 2.
    let notes = [
        note_at(1, 0.0, 0.0),
        note_at(2, CELL_W + 100.0, CELL_H + 50.0),
    ];
    let slots = free_slots(&notes, view, 4);
    assert_eq!(
        slots,
        vec![
            CanvasPos::new(CELL_W, 0.0),
            CanvasPos::new(2.0 * CELL_W, 0.0),
            CanvasPos::new(0.0, CELL_H),
            CanvasPos::new(0.0, 2.0 * CELL_H),
        ]
    );
    check_slots(&notes, view, 4, &slots);
}

#[test]
fn free_slots_may_touch_but_not_overlap_a_note_in_the_gap() {
    // A note sitting in the gap right of cell 0 touches neither cell 0 nor cell 1's area.
    let notes = [note_at(1, NOTE_WIDTH, 0.0)];
    let view = area(0.0, 0.0, CELL_W + NOTE_WIDTH, NOTE_HEIGHT);
    let slots = free_slots(&notes, view, 2);
    assert_eq!(slots[0], CanvasPos::new(0.0, 0.0));
    check_slots(&notes, view, 2, &slots);
}

#[test]
fn free_slots_never_overlap_notes_at_arbitrary_positions() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..400 {
        let x0 = rng.range(-3000.0, 3000.0);
        let y0 = rng.range(-3000.0, 3000.0);
        let width = if round % 5 == 0 {
            rng.range(1.0, NOTE_WIDTH)
        } else {
            rng.range(1.0, 2500.0)
        };
        let height = rng.range(1.0, 1500.0);
        let view = area(x0, y0, x0 + width, y0 + height);
        let notes: Vec<Note> = (0..rng.below(60))
            .map(|i| {
                note_at(
                    i,
                    rng.range(x0 - 300.0, x0 + width + 100.0),
                    rng.range(y0 - 300.0, y0 + height + 600.0),
                )
            })
            .collect();
        let count = rng.below(40) as usize;
        let slots = free_slots(&notes, view, count);
        check_slots(&notes, view, count, &slots);
        assert_eq!(slots, expected_slots(&notes, view, count), "round {round}");
    }
}

#[test]
fn free_slots_placed_one_after_another_never_overlap() {
    let mut rng = Rng(42);
    let view = area(-130.0, 55.0, 1400.0, 900.0);
    let mut notes: Vec<Note> = (0..15)
        .map(|i| note_at(i, rng.range(-200.0, 1400.0), rng.range(0.0, 900.0)))
        .collect();
    for id in 100..160 {
        let slot = free_slots(&notes, view, 1)[0];
        check_slots(&notes, view, 1, &[slot]);
        notes.push(note_at(id, slot.x, slot.y));
    }
    let batch = free_slots(&notes, view, 25);
    check_slots(&notes, view, 25, &batch);
}

#[test]
fn free_slots_return_exactly_count() {
    let notes = [note_at(1, 10.0, 10.0)];
    let view = area(0.0, 0.0, 1000.0, 600.0);
    for count in [0, 1, 2, 7, 50, 500] {
        let slots = free_slots(&notes, view, count);
        assert_eq!(slots.len(), count);
        check_slots(&notes, view, count, &slots);
    }
}

#[test]
fn free_slots_in_an_area_narrower_than_a_note_use_one_column() {
    let view = area(5.0, 5.0, 100.0, 2000.0);
    let notes = [note_at(1, CELL_W, CELL_H)];
    let slots = free_slots(&notes, view, 6);
    check_slots(&notes, view, 6, &slots);
    assert!(slots.iter().all(|s| s.x == slots[0].x), "{slots:?}");
    assert_eq!(slots[0], CanvasPos::new(CELL_W, CELL_H * 2.0));
}

#[test]
fn free_slots_ignore_notes_with_impossible_positions() {
    let notes = [note_at(1, f32::NAN, 0.0), note_at(2, 0.0, f32::INFINITY)];
    let view = area(0.0, 0.0, 600.0, 400.0);
    let slots = free_slots(&notes, view, 3);
    assert_eq!(slots.len(), 3);
    assert_eq!(slots[0], CanvasPos::new(0.0, 0.0));
}

#[test]
fn new_notes_never_land_on_a_theme_frame_or_collapsed_card() {
    use goldthread::model::ThemeEdit;
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut session = goldthread::Session::new("Frames", date);
    // Three empty themes side by side at the top left, where new notes would go first,
    // and one collapsed.
    for name in ["Data", "Culture", "Infrastructure"] {
        let (_, edit) = ThemeEdit::create(&session, Some(name.to_owned()), &[]);
        edit.apply(&mut session);
    }
    session.themes[2].collapsed = true;
    let frames: Vec<CanvasRect> = session.theme_frames().iter().map(|f| f.rect).collect();
    assert_eq!(frames.len(), 3);
    let view = area(0.0, 0.0, 1600.0, 900.0);
    let slots = session.free_note_slots(view, 30);
    assert_eq!(slots.len(), 30);
    for slot in &slots {
        let rect = CanvasRect::note_at(*slot);
        for frame in &frames {
            assert!(!rect.intersects(frame), "{rect:?} lands on {frame:?}");
        }
    }
    // The plain grid would have used the frames' cells: the guard above really bites.
    let plain = free_slots(&session.notes, view, 1)[0];
    assert!(
        frames
            .iter()
            .any(|f| f.intersects(&CanvasRect::note_at(plain)))
    );
}

/// The gap between two rectangles that do not overlap (0 when they touch or overlap).
fn gap(a: &CanvasRect, b: &CanvasRect) -> f32 {
    let dx = (b.min.x - a.max.x).max(a.min.x - b.max.x).max(0.0);
    let dy = (b.min.y - a.max.y).max(a.min.y - b.max.y).max(0.0);
    dx.max(dy)
}

/// True when the rectangles overlap or lie closer than the clearance kept around frames.
fn touches(a: &CanvasRect, b: &CanvasRect) -> bool {
    a.intersects(b) || gap(a, b) < goldthread::model::layout::FRAME_CLEARANCE
}

#[test]
fn new_notes_keep_clear_of_every_frame_border() {
    use goldthread::model::ThemeEdit;
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut session = goldthread::Session::new("Borders", date);
    // Frames at awkward places, a few units from where grid cells are.
    for (i, name) in ["Data", "Culture", "Infrastructure"]
        .into_iter()
        .enumerate()
    {
        let (id, edit) = ThemeEdit::create(&session, Some(name.to_owned()), &[]);
        edit.apply(&mut session);
        let pos = CanvasPos::new(300.0 + 700.0 * i as f32, 10.0 + 90.0 * i as f32);
        ThemeEdit::MoveAnchors(vec![(id, pos)]).apply(&mut session);
    }
    let frames: Vec<CanvasRect> = session.theme_frames().iter().map(|f| f.rect).collect();
    let slots = session.free_note_slots(area(0.0, 0.0, 2400.0, 1200.0), 40);
    for slot in &slots {
        let rect = CanvasRect::note_at(*slot);
        for frame in &frames {
            assert!(!touches(&rect, frame), "{rect:?} touches {frame:?}");
        }
    }
}

#[test]
fn a_frame_growing_over_notes_in_no_theme_moves_them_clear_in_the_same_step() {
    use goldthread::model::{Edit, ThemeEdit};
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut session = goldthread::Session::new("Growing", date);
    // A theme of two notes at the top, two loose notes just below its frame, and four more
    // loose notes further right.
    let mut notes: Vec<Note> = (0..2)
        .map(|i| note_at(i + 1, i as f32 * CELL_W, 0.0))
        .collect();
    notes.extend((0..2).map(|i| note_at(20 + i, i as f32 * CELL_W, 2.0 * CELL_H)));
    notes.extend((0..4).map(|i| note_at(10 + i, (4 + i) as f32 * CELL_W, 2.0 * CELL_H)));
    Edit::InsertNotes(notes.into_iter().enumerate().collect()).apply(&mut session);
    let (theme, edit) =
        ThemeEdit::create(&session, Some("Data".to_owned()), &[NoteId(1), NoteId(2)]);
    edit.apply(&mut session);
    let before = session.clone();
    // Four more notes sent to the theme (as digit 1 would): its frame grows two rows down.
    let sorted = [NoteId(10), NoteId(11), NoteId(12), NoteId(13)];
    let undo = Edit::Theme(ThemeEdit::assign(&session, &sorted, Some(theme))).apply(&mut session);
    let frame = session.theme_frame(theme).unwrap().rect;
    let loose: Vec<&Note> = session.notes.iter().filter(|n| n.theme.is_none()).collect();
    assert_eq!(loose.len(), 2);
    // Guard: the loose notes were in the grown frame's way.
    assert!(
        before
            .notes
            .iter()
            .filter(|n| n.id == NoteId(20) || n.id == NoteId(21))
            .any(|n| touches(&n.rect(), &frame))
    );
    for note in &loose {
        assert!(
            !touches(&note.rect(), &frame),
            "{:?} touches {frame:?}",
            note.text
        );
        for other in session.notes.iter().filter(|o| o.id != note.id) {
            assert!(!note.rect().intersects(&other.rect()), "notes overlap");
        }
    }
    undo.apply(&mut session);
    assert_eq!(session, before, "one undo puts everything back");
}
