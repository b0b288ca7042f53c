//! The steps a user takes on themes ([`ThemeEdit::create`], [`ThemeEdit::merge`],
//! [`ThemeEdit::accept`], ...): each combines the primitive [`ThemeEdit`] variants into one
//! undoable step, and decides where the notes and frames go.

use std::collections::HashSet;

use super::theme::{THEME_COLUMNS, THEME_PADDING, frame_around, grid_slots};
use super::{
    CanvasPos, CanvasRect, Note, NoteId, Session, Theme, ThemeColour, ThemeEdit, ThemeId,
    default_theme_name,
};

/// Accepted suggestions are laid out this many to a row, so a dozen themes make a block that
/// fits a wide screen rather than a strip too thin to read.
pub const ACCEPTED_PER_ROW: usize = 4;
/// The space between rows of accepted themes: room for the name tab drawn above each frame.
const ROW_GAP: f32 = 4.0 * super::NOTE_GAP;

impl ThemeEdit {
    /// Makes a new theme holding `notes` (none for an empty theme) and returns its id with the
    /// edit. Notes that already sit together, with no other note or frame in the way, keep
    /// their places and the frame is drawn around them; otherwise the theme goes to free canvas
    /// to the right of everything and the notes are laid out in its grid.
    pub fn create(session: &Session, name: Option<String>, notes: &[NoteId]) -> (ThemeId, Self) {
        let id = session.next_theme_id();
        let name = name.unwrap_or_else(|| default_theme_name(session));
        let mut theme = Theme::new(id, name);
        theme.colour = ThemeColour::nth(session.themes.len());
        let members = existing(session, notes);
        // The frame as it would be drawn: around the notes, and at least its minimum size.
        let in_place = members
            .iter()
            .map(|n| n.rect())
            .reduce(CanvasRect::union)
            .map(frame_around)
            .map(|frame| {
                let mut at = theme.clone();
                at.pos = frame.min;
                (frame.min, frame.union(at.min_frame()))
            })
            .filter(|(_, frame)| area_is_clear(session, *frame, notes))
            .map(|(anchor, _)| anchor);
        let membership = match in_place {
            Some(anchor) => {
                theme.pos = anchor;
                members
                    .iter()
                    .map(|n| (n.id, Some(id), n.pos))
                    .collect::<Vec<_>>()
            }
            None => {
                theme.pos = session.free_theme_anchor(notes);
                let slots =
                    grid_slots(theme.content_origin(), THEME_COLUMNS, members.len(), |_| {
                        false
                    });
                reading_order(members)
                    .into_iter()
                    .zip(slots)
                    .map(|(n, pos)| (n.id, Some(id), pos))
                    .collect()
            }
        };
        let index = session.themes.len();
        let edit = Self::Batch(vec![
            Self::Insert(vec![(index, theme)]),
            Self::SetMembership(membership),
        ]);
        (id, edit)
    }

    /// Sends notes to a theme (they move into free places in its grid), or out of every theme
    /// with `None` (they move to free canvas beside their frame, so no frame looks as if it
    /// still holds them). Notes already where they are sent stay put.
    pub fn assign(session: &Session, notes: &[NoteId], theme: Option<ThemeId>) -> Self {
        let moving: Vec<&Note> = existing(session, notes)
            .into_iter()
            .filter(|n| n.theme != theme)
            .collect();
        if moving.is_empty() {
            return Self::Batch(Vec::new());
        }
        let moving = reading_order(moving);
        let slots = match theme {
            Some(t) => {
                if session.theme(t).is_none() {
                    return Self::Batch(Vec::new());
                }
                session.theme_slots(t, moving.len())
            }
            None => free_slots_outside_frames(session, &moving),
        };
        let ids: Vec<NoteId> = moving.iter().map(|n| n.id).collect();
        let mut changes: Vec<_> = moving
            .into_iter()
            .zip(slots)
            .map(|(n, pos)| (n.id, theme, pos))
            .collect();
        if let Some(frame) = theme.and_then(|t| session.theme_frame(t)) {
            // The frame grows to hold them: notes in no theme in its way step aside.
            let grown = changes.iter().fold(frame.frame, |f, (_, _, p)| {
                f.union(frame_around(CanvasRect::note_at(*p)))
            });
            let room = session.make_room(grown, &ids);
            changes.extend(room.into_iter().map(|(id, pos)| (id, None, pos)));
        }
        Self::SetMembership(changes)
    }

    /// Notes dropped at new places after a drag: each note whose centre lands inside a theme's
    /// frame joins that theme, one dropped outside every frame leaves its theme. `frames` are
    /// the frames as drawn while dragging (topmost last). Moving and membership are one step.
    pub fn drop_notes(
        session: &Session,
        moves: &[(NoteId, CanvasPos)],
        frames: &[(ThemeId, CanvasRect)],
    ) -> Self {
        let mut changes = Vec::with_capacity(moves.len());
        for (id, pos) in moves {
            if session.note(*id).is_none() {
                continue;
            }
            let centre = CanvasRect::note_at(*pos).center();
            let target = frames
                .iter()
                .rev()
                .find(|(_, r)| r.contains(centre))
                .map(|(t, _)| *t);
            changes.push((*id, target, *pos));
        }
        Self::SetMembership(changes)
    }

    /// Moves a theme and every note in it by `(dx, dy)`.
    pub fn move_theme(session: &Session, id: ThemeId, dx: f32, dy: f32) -> Self {
        let Some(theme) = session.theme(id) else {
            return Self::Batch(Vec::new());
        };
        Self::Batch(vec![
            Self::MoveAnchors(vec![(id, theme.pos.offset(dx, dy))]),
            Self::SetMembership(
                session
                    .theme_members(id)
                    .map(|n| (n.id, Some(id), n.pos.offset(dx, dy)))
                    .collect(),
            ),
        ])
    }

    /// Lays a theme's notes out in a neat grid inside its frame, in reading order, as wide as
    /// the frame is now, and moves the frame's anchor to its top-left.
    pub fn tidy(session: &Session, id: ThemeId) -> Self {
        let (Some(theme), Some(frame)) = (session.theme(id), session.theme_frame(id)) else {
            return Self::Batch(Vec::new());
        };
        let members = reading_order(session.theme_members(id).collect());
        let mut anchor = theme.clone();
        anchor.pos = frame.frame.min;
        let cols = super::theme::columns_for(frame.frame.width());
        let slots = grid_slots(anchor.content_origin(), cols, members.len(), |_| false);
        Self::Batch(vec![
            Self::MoveAnchors(vec![(id, anchor.pos)]),
            Self::SetMembership(
                members
                    .into_iter()
                    .zip(slots)
                    .map(|(n, pos)| (n.id, Some(id), pos))
                    .collect(),
            ),
        ])
    }

    /// Merges the themes `from` into `into`: their notes join it (laid out in its grid), they
    /// are removed, and `into` takes the chosen `name`.
    pub fn merge(session: &Session, into: ThemeId, from: &[ThemeId], name: String) -> Self {
        if session.theme(into).is_none() {
            return Self::Batch(Vec::new());
        }
        let from: Vec<ThemeId> = from
            .iter()
            .copied()
            .filter(|t| *t != into && session.theme(*t).is_some())
            .collect();
        let notes: Vec<NoteId> = session
            .notes
            .iter()
            .filter(|n| n.theme.is_some_and(|t| from.contains(&t)))
            .map(|n| n.id)
            .collect();
        let mut parts = vec![Self::assign(session, &notes, Some(into))];
        if session.theme(into).is_some_and(|t| t.name != name) && !name.trim().is_empty() {
            parts.push(Self::Rename {
                id: into,
                name: name.trim().to_owned(),
            });
        }
        parts.push(Self::Remove(from));
        Self::Batch(parts)
    }

    /// Moves some of a theme's notes into a new theme named `name` (see [`ThemeEdit::create`]).
    pub fn split(session: &Session, notes: &[NoteId], name: Option<String>) -> (ThemeId, Self) {
        Self::create(session, name, notes)
    }

    /// Deletes themes; their notes stay on the canvas where they were, in no theme.
    pub fn delete(session: &Session, ids: &[ThemeId]) -> Self {
        let membership = session
            .notes
            .iter()
            .filter(|n| n.theme.is_some_and(|t| ids.contains(&t)))
            .map(|n| (n.id, None, n.pos))
            .collect();
        Self::Batch(vec![
            Self::SetMembership(membership),
            Self::Remove(ids.to_vec()),
        ])
    }

    /// Accepts suggested themes, each a name and its notes: every theme is made in free canvas,
    /// `ACCEPTED_PER_ROW` to a row, with its notes laid out inside, all in one step. Notes
    /// already in a theme or no longer there are left alone; a suggestion left with no notes is
    /// skipped.
    pub fn accept(session: &Session, groups: &[(String, Vec<NoteId>)]) -> Self {
        let mut themes = Vec::new();
        let mut membership = Vec::new();
        let start = session.free_theme_anchor(&[]);
        let mut anchor = start;
        let mut row_bottom = start.y;
        let mut in_row = 0;
        let mut next = session.next_theme_id().0;
        let mut taken = HashSet::new();
        for (name, notes) in groups {
            let members: Vec<&Note> = existing(session, notes)
                .into_iter()
                .filter(|n| n.theme.is_none() && taken.insert(n.id))
                .collect();
            if members.is_empty() {
                continue;
            }
            let id = ThemeId(next);
            next += 1;
            let mut theme = Theme::new(id, name.trim());
            if theme.name.is_empty() {
                theme.name = format!("Theme {}", session.themes.len() + themes.len() + 1);
            }
            theme.colour = ThemeColour::nth(session.themes.len() + themes.len());
            theme.pos = anchor;
            let slots = grid_slots(theme.content_origin(), THEME_COLUMNS, members.len(), |_| {
                false
            });
            let width = theme.min_frame().width();
            let last = slots.iter().fold(theme.content_origin(), |a, p| {
                CanvasPos::new(a.x.max(p.x), a.y.max(p.y))
            });
            let bottom = last.y + super::geometry::NOTE_HEIGHT + THEME_PADDING;
            membership.extend(
                reading_order(members)
                    .into_iter()
                    .zip(slots)
                    .map(|(n, pos)| (n.id, Some(id), pos)),
            );
            themes.push((session.themes.len() + themes.len(), theme));
            row_bottom = row_bottom.max(bottom);
            in_row += 1;
            anchor = if in_row == ACCEPTED_PER_ROW {
                in_row = 0;
                CanvasPos::new(start.x, row_bottom + ROW_GAP)
            } else {
                anchor.offset(width + 2.0 * super::NOTE_GAP, 0.0)
            };
        }
        Self::Batch(vec![Self::Insert(themes), Self::SetMembership(membership)])
    }
}

/// The notes among `ids` that exist, in drawing order.
fn existing<'s>(session: &'s Session, ids: &[NoteId]) -> Vec<&'s Note> {
    let wanted: HashSet<NoteId> = ids.iter().copied().collect();
    session
        .notes
        .iter()
        .filter(|n| wanted.contains(&n.id))
        .collect()
}

/// Notes sorted top to bottom, then left to right.
fn reading_order(mut notes: Vec<&Note>) -> Vec<&Note> {
    notes.sort_by(|a, b| {
        a.pos
            .y
            .total_cmp(&b.pos.y)
            .then(a.pos.x.total_cmp(&b.pos.x))
            .then(a.id.cmp(&b.id))
    });
    notes
}

/// True when no note outside `own` and no theme frame overlaps `area`.
fn area_is_clear(session: &Session, area: CanvasRect, own: &[NoteId]) -> bool {
    let own: HashSet<NoteId> = own.iter().copied().collect();
    let notes_clear = session
        .notes
        .iter()
        .filter(|n| !own.contains(&n.id))
        .all(|n| !n.rect().intersects(&area));
    notes_clear
        && session
            .theme_frames()
            .iter()
            .all(|f| !f.rect.intersects(&area))
}

/// Free places for `notes` leaving their themes: on the global note grid, starting beside the
/// first note's frame, touching no note and no frame.
fn free_slots_outside_frames(session: &Session, notes: &[&Note]) -> Vec<CanvasPos> {
    let frames: Vec<CanvasRect> = session.theme_frames().iter().map(|f| f.rect).collect();
    let start = notes
        .first()
        .and_then(|n| n.theme)
        .and_then(|t| session.theme_frame(t))
        .map_or_else(
            || notes.first().map_or(CanvasPos::default(), |n| n.pos),
            |f| CanvasPos::new(f.rect.min.x, f.rect.max.y + super::NOTE_GAP),
        );
    // The notes leaving still cover their old cells, but those are inside a frame anyway.
    let mut want = notes.len();
    loop {
        let area = CanvasRect::from_min_max(
            start,
            start.offset(4.0 * (super::NOTE_WIDTH + super::NOTE_GAP), 1.0e6),
        );
        let slots: Vec<CanvasPos> = super::layout::free_slots(&session.notes, area, want)
            .into_iter()
            .filter(|p| {
                let r = CanvasRect::note_at(*p);
                frames.iter().all(|f| !f.intersects(&r))
            })
            .collect();
        if slots.len() >= notes.len() || want > notes.len() + 10_000 {
            return slots;
        }
        want *= 2;
    }
}
