//! Themes: named, coloured frames on the canvas that hold notes (affinity groups).
//!
//! Membership lives on the note ([`super::Note::theme`]); a theme's order in
//! [`super::Session::themes`] is its order in the theme list and its number key (1–9).
//!
//! A theme's frame starts at its anchor ([`Theme::pos`]) and grows to fit its notes: it is the
//! union of a minimum-sized area at the anchor and its members' bounds plus a margin and a
//! header for the name. Collapsed, a theme is a compact card at its anchor.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{CanvasPos, CanvasRect, NOTE_GAP, NOTE_HEIGHT, NOTE_WIDTH, Note, NoteId, Session};

/// Space between a frame's edge and its notes, in canvas units.
pub const THEME_PADDING: f32 = 24.0;
/// Height of a frame's header (its name) above its notes, including the top margin.
pub const THEME_HEADER: f32 = 72.0;
/// Columns of notes a new theme's grid has.
pub const THEME_COLUMNS: usize = 2;
/// Size of a collapsed theme's card, in canvas units.
pub const COLLAPSED_SIZE: (f32, f32) = (340.0, 130.0);

const CELL_W: f32 = NOTE_WIDTH + NOTE_GAP;
const CELL_H: f32 = NOTE_HEIGHT + NOTE_GAP;

/// A theme's stable identity. Never reused within a session, never a vector index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ThemeId(pub u64);

/// The colours a theme's frame can have. Their on-screen shades live in `ui::style`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ThemeColour {
    /// The gold of the golden thread.
    #[default]
    Gold,
    /// Teal.
    Teal,
    /// Blue.
    Blue,
    /// Violet.
    Violet,
    /// Rose.
    Rose,
    /// Green.
    Green,
    /// Orange.
    Orange,
    /// Slate grey.
    Slate,
}

impl ThemeColour {
    /// Every colour, in the order new themes take them.
    pub const ALL: [Self; 8] = [
        Self::Gold,
        Self::Teal,
        Self::Blue,
        Self::Violet,
        Self::Rose,
        Self::Green,
        Self::Orange,
        Self::Slate,
    ];

    /// The colour's name as a person says it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Gold => "Gold",
            Self::Teal => "Teal",
            Self::Blue => "Blue",
            Self::Violet => "Violet",
            Self::Rose => "Rose",
            Self::Green => "Green",
            Self::Orange => "Orange",
            Self::Slate => "Slate",
        }
    }

    /// The colour the `n`th theme (counting from 0) gets by default.
    pub fn nth(n: usize) -> Self {
        Self::ALL[n % Self::ALL.len()]
    }
}

/// One theme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// Stable identity.
    pub id: ThemeId,
    /// Its name as the room agreed it, e.g. "Data".
    pub name: String,
    /// The colour of its frame.
    #[serde(default)]
    pub colour: ThemeColour,
    /// Shown as a compact card with its name and note count, its notes hidden.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub collapsed: bool,
    /// The top-left corner of its frame (and of its card when collapsed), in canvas units.
    #[serde(default)]
    pub pos: CanvasPos,
}

impl Theme {
    /// A theme with this name at the canvas origin.
    pub fn new(id: ThemeId, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            colour: ThemeColour::default(),
            collapsed: false,
            pos: CanvasPos::default(),
        }
    }

    /// The smallest frame the theme has: room for a row of [`THEME_COLUMNS`] notes.
    pub fn min_frame(&self) -> CanvasRect {
        let w = THEME_COLUMNS as f32 * CELL_W - NOTE_GAP + 2.0 * THEME_PADDING;
        let h = THEME_HEADER + NOTE_HEIGHT + THEME_PADDING;
        CanvasRect::from_min_max(self.pos, self.pos.offset(w, h))
    }

    /// The card the theme shows while collapsed.
    pub fn collapsed_card(&self) -> CanvasRect {
        CanvasRect::from_min_max(
            self.pos,
            self.pos.offset(COLLAPSED_SIZE.0, COLLAPSED_SIZE.1),
        )
    }

    /// Where its first note goes: inside the frame, below the header.
    pub fn content_origin(&self) -> CanvasPos {
        self.pos.offset(THEME_PADDING, THEME_HEADER)
    }
}

/// A theme's frame and how many notes it holds, computed from the session in one pass.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ThemeFrame {
    /// The theme.
    pub id: ThemeId,
    /// The area it covers on the canvas: its card when collapsed, else its frame.
    pub rect: CanvasRect,
    /// Its expanded frame (even while collapsed).
    pub frame: CanvasRect,
    /// How many notes belong to it.
    pub count: usize,
    /// Whether it is collapsed.
    pub collapsed: bool,
}

/// The frame around notes with bounds `members`: a margin on each side and a header on top.
pub fn frame_around(members: CanvasRect) -> CanvasRect {
    CanvasRect::from_min_max(
        members.min.offset(-THEME_PADDING, -THEME_HEADER),
        members.max.offset(THEME_PADDING, THEME_PADDING),
    )
}

impl Session {
    /// The theme with this id.
    pub fn theme(&self, id: ThemeId) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    /// Where the theme with this id is in `themes` (its list order).
    pub fn theme_index(&self, id: ThemeId) -> Option<usize> {
        self.themes.iter().position(|t| t.id == id)
    }

    /// The id the next theme will get. Several themes made at once take consecutive ids.
    pub fn next_theme_id(&self) -> ThemeId {
        ThemeId(self.next_theme_id.max(1))
    }

    /// Makes sure the next theme id is past `used`.
    pub(crate) fn bump_next_theme_id(&mut self, used: ThemeId) {
        self.next_theme_id = self.next_theme_id.max(used.0.saturating_add(1));
    }

    /// The notes of a theme, in drawing order.
    pub fn theme_members(&self, id: ThemeId) -> impl Iterator<Item = &Note> {
        self.notes.iter().filter(move |n| n.theme == Some(id))
    }

    /// Every theme's frame and note count, in list order. One pass over the notes, so call it
    /// once per change rather than per frame.
    pub fn theme_frames(&self) -> Vec<ThemeFrame> {
        let index: HashMap<ThemeId, usize> = self
            .themes
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id, i))
            .collect();
        let mut bounds: Vec<(Option<CanvasRect>, usize)> = vec![(None, 0); self.themes.len()];
        for note in &self.notes {
            let Some(i) = note.theme.and_then(|t| index.get(&t).copied()) else {
                continue;
            };
            let slot = &mut bounds[i];
            slot.0 = Some(match slot.0 {
                Some(b) => b.union(note.rect()),
                None => note.rect(),
            });
            slot.1 += 1;
        }
        self.themes
            .iter()
            .zip(bounds)
            .map(|(theme, (members, count))| {
                let mut frame = theme.min_frame();
                if let Some(m) = members {
                    frame = frame.union(frame_around(m));
                }
                ThemeFrame {
                    id: theme.id,
                    rect: if theme.collapsed {
                        theme.collapsed_card()
                    } else {
                        frame
                    },
                    frame,
                    count,
                    collapsed: theme.collapsed,
                }
            })
            .collect()
    }

    /// The frame of one theme (see [`Session::theme_frames`]).
    pub fn theme_frame(&self, id: ThemeId) -> Option<ThemeFrame> {
        let theme = self.theme(id)?;
        let mut frame = theme.min_frame();
        let mut count = 0;
        for note in self.theme_members(id) {
            frame = frame.union(frame_around(note.rect()));
            count += 1;
        }
        Some(ThemeFrame {
            id,
            rect: if theme.collapsed {
                theme.collapsed_card()
            } else {
                frame
            },
            frame,
            count,
            collapsed: theme.collapsed,
        })
    }

    /// `count` free places for notes inside a theme's grid, in reading order, that no member
    /// covers. The grid is as wide as the frame (at least [`THEME_COLUMNS`] notes).
    pub fn theme_slots(&self, id: ThemeId, count: usize) -> Vec<CanvasPos> {
        let Some(theme) = self.theme(id) else {
            return Vec::new();
        };
        let Some(frame) = self.theme_frame(id) else {
            return Vec::new();
        };
        let cols = columns_for(frame.frame.width());
        let members: Vec<CanvasRect> = self.theme_members(id).map(Note::rect).collect();
        grid_slots(theme.content_origin(), cols, count, |cell| {
            members.iter().any(|m| m.intersects(&cell))
        })
    }

    /// A free anchor for a new theme whose frame is `size` (width, height): to the right of
    /// every note and frame, level with the top of the existing themes (or of the notes),
    /// leaving out notes in `ignore` (they are about to move into it).
    pub fn free_theme_anchor(&self, ignore: &[NoteId]) -> CanvasPos {
        let ignore: std::collections::HashSet<NoteId> = ignore.iter().copied().collect();
        let mut right = None::<f32>;
        let mut top_notes = None::<f32>;
        for note in self.notes.iter().filter(|n| !ignore.contains(&n.id)) {
            let r = note.rect();
            if !r.min.is_plausible() {
                continue;
            }
            right = Some(right.map_or(r.max.x, |x| x.max(r.max.x)));
            top_notes = Some(top_notes.map_or(r.min.y, |y| y.min(r.min.y)));
        }
        let mut top_themes = None::<f32>;
        for frame in self.theme_frames() {
            right = Some(right.map_or(frame.rect.max.x, |x| x.max(frame.rect.max.x)));
            top_themes = Some(top_themes.map_or(frame.rect.min.y, |y| y.min(frame.rect.min.y)));
        }
        let x = right.map_or(0.0, |x| x + 3.0 * NOTE_GAP);
        let y = top_themes.or(top_notes).unwrap_or(0.0);
        CanvasPos::new(x, y)
    }
}

/// A theme frame wider or taller than this, in canvas units (about 15,000 notes side by side,
/// twice the width of the area the app itself places notes in), only comes from a damaged
/// file: loading gathers its notes back together.
pub const MAX_THEME_SPAN: f32 = 4.0e6;

/// How many note columns fit in a frame `width` canvas units wide (at least [`THEME_COLUMNS`]).
pub fn columns_for(width: f32) -> usize {
    let inner = width - 2.0 * THEME_PADDING + NOTE_GAP;
    ((inner / CELL_W).floor() as usize).max(THEME_COLUMNS)
}

/// The first `count` cells of a grid at `origin` with `cols` columns, in reading order, skipping
/// cells for which `taken` is true.
pub fn grid_slots(
    origin: CanvasPos,
    cols: usize,
    count: usize,
    taken: impl Fn(CanvasRect) -> bool,
) -> Vec<CanvasPos> {
    let cols = cols.max(1);
    let mut out = Vec::with_capacity(count);
    let mut i = 0usize;
    while out.len() < count {
        let (row, col) = (i / cols, i % cols);
        let pos = origin.offset(col as f32 * CELL_W, row as f32 * CELL_H);
        if !taken(CanvasRect::note_at(pos)) {
            out.push(pos);
        }
        i += 1;
    }
    out
}
