//! Positions and rectangles in canvas coordinates (independent of screen and zoom).

use serde::{Deserialize, Serialize};

/// The width of every sticky note, in canvas units.
pub const NOTE_WIDTH: f32 = 240.0;
/// The height of every sticky note, in canvas units.
pub const NOTE_HEIGHT: f32 = 170.0;
/// The space kept between notes laid out on the grid, in canvas units.
pub const NOTE_GAP: f32 = 24.0;

/// A point on the canvas. Canvas units are screen points at zoom 1.0.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CanvasPos {
    /// Distance to the right of the canvas origin.
    pub x: f32,
    /// Distance below the canvas origin.
    pub y: f32,
}

impl CanvasPos {
    /// A point at `(x, y)`.
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }

    /// This point moved by `(dx, dy)`.
    pub fn offset(self, dx: f32, dy: f32) -> Self {
        Self::new(self.x + dx, self.y + dy)
    }

    /// True when both coordinates are ordinary finite numbers.
    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }

    /// True when the point is finite and within ten million units of the origin: any canvas a
    /// workshop could fill. Anything further comes from a damaged file.
    pub fn is_plausible(self) -> bool {
        const FAR: f32 = 1.0e7;
        self.is_finite() && self.x.abs() <= FAR && self.y.abs() <= FAR
    }
}

/// An axis-aligned rectangle on the canvas, `min` inclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CanvasRect {
    /// The top-left corner.
    pub min: CanvasPos,
    /// The bottom-right corner.
    pub max: CanvasPos,
}

impl CanvasRect {
    /// The rectangle from `min` to `max`.
    pub const fn from_min_max(min: CanvasPos, max: CanvasPos) -> Self {
        Self { min, max }
    }

    /// The rectangle a note with top-left corner `pos` covers.
    pub fn note_at(pos: CanvasPos) -> Self {
        Self::from_min_max(pos, pos.offset(NOTE_WIDTH, NOTE_HEIGHT))
    }

    /// The smallest rectangle that holds both `self` and `other`.
    pub fn union(self, other: Self) -> Self {
        Self::from_min_max(
            CanvasPos::new(self.min.x.min(other.min.x), self.min.y.min(other.min.y)),
            CanvasPos::new(self.max.x.max(other.max.x), self.max.y.max(other.max.y)),
        )
    }

    /// Width of the rectangle.
    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    /// Height of the rectangle.
    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }

    /// The centre point.
    pub fn center(&self) -> CanvasPos {
        CanvasPos::new(
            (self.min.x + self.max.x) / 2.0,
            (self.min.y + self.max.y) / 2.0,
        )
    }

    /// True when the two rectangles share some area (touching edges do not count).
    pub fn intersects(&self, other: &Self) -> bool {
        self.min.x < other.max.x
            && other.min.x < self.max.x
            && self.min.y < other.max.y
            && other.min.y < self.max.y
    }

    /// True when `p` lies inside the rectangle.
    pub fn contains(&self, p: CanvasPos) -> bool {
        self.min.x <= p.x && p.x < self.max.x && self.min.y <= p.y && p.y < self.max.y
    }
}
