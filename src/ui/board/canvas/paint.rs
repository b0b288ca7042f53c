//! Drawing the canvas: background, notes at two levels of detail (the text as large as it
//! fits on the card, never below a size legible on a projector), the selection box.

use egui::text::LayoutJob;
use egui::{CornerRadius, Galley, Painter, Rect, Stroke, StrokeKind, Vec2, vec2};

use super::transform::Camera;
use crate::model::Note;
use crate::ui::style::{self, Palette};

/// The longest text laid out on a card; a card shows far fewer characters than this.
const MAX_LAID_OUT_CHARS: usize = 600;

/// Paints the canvas background and its dot grid.
pub fn background(painter: &Painter, camera: &Camera, palette: &Palette) {
    painter.rect_filled(camera.screen, CornerRadius::ZERO, palette.canvas);
    let spacing = style::GRID_SPACING * camera.view.zoom;
    if spacing < 14.0 {
        return; // Too dense to help; skip rather than draw thousands of dots.
    }
    let visible = camera.visible_canvas();
    let first_x = (visible.min.x / style::GRID_SPACING).ceil() * style::GRID_SPACING;
    let first_y = (visible.min.y / style::GRID_SPACING).ceil() * style::GRID_SPACING;
    let origin = camera.screen_from_canvas(crate::model::CanvasPos::new(first_x, first_y));
    let dot = (1.6 * camera.view.zoom).clamp(1.0, 2.5);
    // One mesh of small squares: thousands of dots at 0.3 are one shape, not thousands of
    // rounded rectangles to tessellate every frame.
    let mut mesh = egui::Mesh::default();
    let mut y = origin.y;
    while y < camera.screen.max.y {
        let mut x = origin.x;
        while x < camera.screen.max.x {
            mesh.add_colored_rect(
                Rect::from_center_size(egui::pos2(x, y), Vec2::splat(dot * 2.0)),
                palette.canvas_dots,
            );
            x += spacing;
        }
        y += spacing;
    }
    painter.add(egui::Shape::mesh(mesh));
}

/// How much of a note is drawn, from the size its text would have on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// A coloured card only: any text would be below [`style::NOTE_MIN_LEGIBLE_SIZE`].
    Card,
    /// The card and its text, as large as it fits, never below the legible size.
    Full,
}

impl Detail {
    /// The detail for a note `width` points wide on screen: its text, when the card can hold
    /// a line of a few words at the legible size; else a plain card (never illegible text).
    pub fn for_width(width: f32) -> Self {
        if width < style::NOTE_MIN_TEXT_WIDTH {
            Self::Card
        } else {
            Self::Full
        }
    }

    /// The largest text size drawn on a note `width` points wide at `zoom`, or `None` when it
    /// shows no text. Whatever it is, it is at least [`style::NOTE_MIN_LEGIBLE_SIZE`].
    pub fn text_size(width: f32, zoom: f32) -> Option<f32> {
        match Self::for_width(width) {
            Self::Card => None,
            Self::Full => Some(text_size_cap(zoom)),
        }
    }
}

/// Paints one note whose screen rectangle is `rect`. Returns true when not all of its text fits
/// on the card (so the full text is offered on hover).
pub fn note(
    painter: &Painter,
    note: &Note,
    rect: Rect,
    zoom: f32,
    selected: bool,
    palette: &Palette,
) -> bool {
    let detail = Detail::for_width(rect.width());
    let fill = style::note_fill(note.colour);
    let radius = CornerRadius::same((style::NOTE_ROUNDING * zoom).clamp(0.0, 12.0) as u8);
    if detail == Detail::Card {
        painter.rect_filled(rect, radius, fill);
        if selected {
            painter.rect_stroke(
                rect,
                radius,
                Stroke::new(2.0, palette.selection),
                StrokeKind::Outside,
            );
        }
        return true;
    }
    painter.rect_filled(
        rect.translate(vec2(0.0, 3.0 * zoom.min(1.5))),
        radius,
        palette.shadow,
    );
    painter.rect(
        rect,
        radius,
        fill,
        Stroke::new(1.0, style::NOTE_EDGE),
        StrokeKind::Inside,
    );
    let pad = style::NOTE_PADDING * zoom;
    let inner = rect.shrink(pad);
    let text: String = if note.text.len() > MAX_LAID_OUT_CHARS {
        note.text.chars().take(MAX_LAID_OUT_CHARS).collect()
    } else {
        note.text.clone()
    };
    let (galley, cut) = fitted_text(painter, text, inner, zoom);
    painter
        .with_clip_rect(rect.intersect(painter.clip_rect()))
        .galley(inner.min, galley, style::NOTE_TEXT);
    let cut = cut || note.text.len() > MAX_LAID_OUT_CHARS;
    if selected {
        painter.rect_stroke(
            rect.expand(2.0),
            radius,
            Stroke::new(style::SELECTION_WIDTH, palette.selection),
            StrokeKind::Outside,
        );
    }
    cut
}

/// A note's text laid out in `inner` (its card less padding, on screen) as large as the whole
/// of it fits: its zoomed size (at least [`style::NOTE_FIT_MAX_SIZE`] when zoomed out), else the
/// largest whole-point size that fits, down to [`style::NOTE_MIN_LEGIBLE_SIZE`]. Only when even
/// that size is too large is the text cut with "…"; then returns true.
pub fn fitted_text(
    painter: &Painter,
    text: String,
    inner: Rect,
    zoom: f32,
) -> (std::sync::Arc<Galley>, bool) {
    let largest = text_size_cap(zoom);
    let smallest = style::NOTE_MIN_LEGIBLE_SIZE;
    let layout = |size: f32, max_rows: Option<usize>| {
        let font = style::strong_font(size);
        let mut job = LayoutJob::simple(text.clone(), font, style::NOTE_TEXT, inner.width());
        job.wrap.break_anywhere = false;
        if let Some(rows) = max_rows {
            job.wrap.max_rows = rows;
            job.wrap.overflow_character = Some('…');
        }
        painter.layout_job(job)
    };
    // The size chosen for this text in this box at this zoom is remembered between frames, so a
    // frame lays out (or looks up) each note once instead of once per size the search tries.
    let key = {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (&text, inner.width().to_bits(), inner.height().to_bits()).hash(&mut hasher);
        largest.to_bits().hash(&mut hasher);
        hasher.finish()
    };
    let ctx = painter.ctx();
    if let Some(fit) = ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<FitMemo>(egui::Id::NULL)
            .get(key)
    }) {
        return match fit {
            Fit::Whole(size) => (layout(size, None), false),
            Fit::Cut(rows) => (layout(smallest, Some(rows)), true),
        };
    }
    let (galley, fit) = search_fit(&layout, inner, largest, smallest, painter);
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<FitMemo>(egui::Id::NULL)
            .put(key, fit)
    });
    (galley, matches!(fit, Fit::Cut(_)))
}

/// How a note's text fitted its box: whole at a size, or cut to a number of rows at the floor.
#[derive(Clone, Copy, Debug)]
enum Fit {
    Whole(f32),
    Cut(usize),
}

/// The sizes notes' texts fitted at, by text, box and zoom; cleared when it grows past
/// [`FitMemo::MAX`] entries, so zooming about all day never grows it without bound.
#[derive(Clone, Default)]
struct FitMemo(std::collections::HashMap<u64, Fit>);

impl FitMemo {
    /// More entries than a few zoom steps of the largest wall need.
    const MAX: usize = 50_000;

    fn get(&self, key: u64) -> Option<Fit> {
        self.0.get(&key).copied()
    }

    fn put(&mut self, key: u64, fit: Fit) {
        if self.0.len() >= Self::MAX {
            self.0.clear();
        }
        self.0.insert(key, fit);
    }
}

/// Finds the largest size at which the whole text fits (see [`fitted_text`]).
fn search_fit(
    layout: &dyn Fn(f32, Option<usize>) -> std::sync::Arc<Galley>,
    inner: Rect,
    largest: f32,
    smallest: f32,
    painter: &Painter,
) -> (std::sync::Arc<Galley>, Fit) {
    let fits = |g: &Galley| g.size().y <= inner.height() + 0.5;
    let first = layout(largest, None);
    if fits(&first) {
        return (first, Fit::Whole(largest));
    }
    // The largest whole-point size that fits, by bisection: each size tried is cached by egui,
    // so the next frame costs a few lookups, not layouts.
    let (mut lo, mut hi) = (smallest.ceil() as i32, largest.ceil() as i32 - 1);
    let mut best = None;
    while lo <= hi {
        let mid = (lo + hi) / 2;
        let galley = layout(mid as f32, None);
        if fits(&galley) {
            best = Some((galley, Fit::Whole(mid as f32)));
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    if let Some(found) = best {
        return found;
    }
    let font = style::strong_font(smallest);
    let row_height = painter.ctx().fonts_mut(|f| f.row_height(&font));
    let rows = ((inner.height() / row_height).floor() as usize).max(1);
    (layout(smallest, Some(rows)), Fit::Cut(rows))
}

/// The largest note text size tried at `zoom`, in points: the zoomed size, or more when zoomed
/// out (see [`style::NOTE_FIT_MAX_SIZE`]).
pub fn text_size_cap(zoom: f32) -> f32 {
    style::note_font(zoom)
        .size
        .max(style::NOTE_FIT_MAX_SIZE)
        .max(style::NOTE_MIN_LEGIBLE_SIZE)
}

/// Paints the rubber-band selection box.
pub fn selection_box(painter: &Painter, rect: Rect, palette: &Palette) {
    painter.rect(
        rect,
        CornerRadius::same(2),
        palette.selection_fill,
        Stroke::new(1.5, palette.selection),
        StrokeKind::Inside,
    );
}

/// The hint shown on an empty canvas.
pub fn empty_hint(painter: &Painter, screen: Rect, palette: &Palette) {
    let c = screen.center();
    painter.text(
        c - vec2(0.0, 22.0),
        egui::Align2::CENTER_CENTER,
        "Press N, or just start typing, to add a note",
        style::hero_font(),
        palette.text_muted,
    );
    painter.text(
        c + vec2(0.0, 26.0),
        egui::Align2::CENTER_CENTER,
        "Enter adds it and keeps the box open for the next one",
        style::font(style::text::SUBHEADING),
        palette.text_muted,
    );
}

/// The line of key hints along the bottom of the canvas, on a band of the canvas colour so
/// that notes passing under it never show through the words.
pub fn shortcut_hint(painter: &Painter, screen: Rect, palette: &Palette) {
    let galley = painter.layout_no_wrap(
        "N new note  ·  F2 edit  ·  Delete remove  ·  Ctrl+1–6 colour  ·  Tab next note  ·  Home fit  ·  +/− zoom  ·  Ctrl+Z undo".to_owned(),
        style::font(style::text::CAPTION),
        palette.text_muted,
    );
    let text_min = egui::pos2(screen.min.x + 16.0, screen.max.y - 12.0 - galley.size().y);
    let band = Rect::from_min_size(text_min, galley.size()).expand2(vec2(10.0, 5.0));
    painter.rect_filled(band, 6.0, palette.canvas);
    painter.galley(text_min, galley, palette.text_muted);
}

#[cfg(test)]
mod tests {
    use super::{Fit, FitMemo};

    #[test]
    fn the_fit_memo_remembers_sizes_and_forgets_them_all_past_its_cap() {
        let mut memo = FitMemo::default();
        memo.put(7, Fit::Whole(12.0));
        assert!(matches!(memo.get(7), Some(Fit::Whole(size)) if size == 12.0));
        assert!(memo.get(8).is_none());
        for key in 1..FitMemo::MAX as u64 {
            memo.put(1_000 + key, Fit::Cut(3));
        }
        // Full at the cap: the next entry starts a fresh memo, so it never grows past it.
        assert_eq!(memo.0.len(), FitMemo::MAX);
        assert!(memo.get(7).is_some());
        memo.put(1, Fit::Whole(9.0));
        assert_eq!(memo.0.len(), 1);
        assert!(memo.get(7).is_none());
        assert!(matches!(memo.get(1), Some(Fit::Whole(size)) if size == 9.0));
    }
}
