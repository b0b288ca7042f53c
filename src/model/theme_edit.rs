//! Changes to themes and membership, each applied and undone as one step.
//!
//! The variants are the primitive changes; the constructors ([`ThemeEdit::create`],
//! [`ThemeEdit::merge`], ..., in `theme_steps.rs`) combine them into the one step a user takes.

use std::collections::{HashMap, HashSet};

use super::{CanvasPos, NoteId, Session, Theme, ThemeColour, ThemeId};

/// One change to the session's themes. [`ThemeEdit::apply`] returns the edit that undoes it.
#[derive(Clone, Debug, PartialEq)]
pub enum ThemeEdit {
    /// Puts themes into the list at the given indices (ascending).
    Insert(Vec<(usize, Theme)>),
    /// Removes themes. Their notes keep pointing at them unless a [`ThemeEdit::SetMembership`]
    /// in the same step says otherwise.
    Remove(Vec<ThemeId>),
    /// Renames a theme.
    Rename {
        /// The theme.
        id: ThemeId,
        /// Its new name.
        name: String,
    },
    /// Gives a theme another colour.
    Recolour {
        /// The theme.
        id: ThemeId,
        /// Its new colour.
        colour: ThemeColour,
    },
    /// Collapses a theme to a card, or expands it again.
    SetCollapsed {
        /// The theme.
        id: ThemeId,
        /// True to collapse.
        collapsed: bool,
    },
    /// Moves themes' anchors (the top-left of their frames).
    MoveAnchors(Vec<(ThemeId, CanvasPos)>),
    /// Sets which theme notes belong to and where they are, together: dropping a note into a
    /// frame is one step.
    SetMembership(Vec<(NoteId, Option<ThemeId>, CanvasPos)>),
    /// Moves a theme to another place in the list (and so to another number key).
    Reorder {
        /// The theme.
        id: ThemeId,
        /// Its new index in the list.
        index: usize,
    },
    /// Several changes done and undone as one step.
    Batch(Vec<ThemeEdit>),
}

/// The name a new theme gets when none is given: "Theme 3".
pub fn default_theme_name(session: &Session) -> String {
    let mut n = session.themes.len() + 1;
    loop {
        let name = format!("Theme {n}");
        if session.themes.iter().all(|t| t.name != name) {
            return name;
        }
        n += 1;
    }
}

impl ThemeEdit {
    /// True when applying this edit changes nothing.
    pub fn is_empty(&self) -> bool {
        match self {
            Self::Insert(v) => v.is_empty(),
            Self::Remove(v) => v.is_empty(),
            Self::MoveAnchors(v) => v.is_empty(),
            Self::SetMembership(v) => v.is_empty(),
            Self::Batch(v) => v.iter().all(Self::is_empty),
            Self::Rename { .. }
            | Self::Recolour { .. }
            | Self::SetCollapsed { .. }
            | Self::Reorder { .. } => false,
        }
    }

    /// The themes this edit adds, in the order it adds them (e.g. the themes of accepted
    /// suggestions, which the canvas then brings into view).
    pub fn inserted(&self) -> Vec<ThemeId> {
        match self {
            Self::Insert(themes) => themes.iter().map(|(_, t)| t.id).collect(),
            Self::Batch(edits) => edits.iter().flat_map(Self::inserted).collect(),
            _ => Vec::new(),
        }
    }

    /// Performs the edit and returns the edit that undoes it. Parts naming themes or notes that
    /// do not exist are skipped; the inverse only undoes what really happened.
    pub fn apply(self, session: &mut Session) -> Self {
        match self {
            Self::Insert(mut themes) => {
                themes.sort_by_key(|(i, _)| *i);
                let mut ids = Vec::with_capacity(themes.len());
                for (index, theme) in themes {
                    if session.theme(theme.id).is_some() {
                        continue; // Never two themes with one id.
                    }
                    session.bump_next_theme_id(theme.id);
                    ids.push(theme.id);
                    let index = index.min(session.themes.len());
                    session.themes.insert(index, theme);
                }
                Self::Remove(ids)
            }
            Self::Remove(ids) => {
                let mut removed = Vec::new();
                let mut index = 0;
                session.themes.retain(|t| {
                    let keep = !ids.contains(&t.id);
                    if !keep {
                        removed.push((index, t.clone()));
                    }
                    index += 1;
                    keep
                });
                Self::Insert(removed)
            }
            Self::Rename { id, name } => {
                let Some(i) = session.theme_index(id) else {
                    return Self::Batch(Vec::new());
                };
                let old = std::mem::replace(&mut session.themes[i].name, name);
                Self::Rename { id, name: old }
            }
            Self::Recolour { id, colour } => {
                let Some(i) = session.theme_index(id) else {
                    return Self::Batch(Vec::new());
                };
                let old = std::mem::replace(&mut session.themes[i].colour, colour);
                Self::Recolour { id, colour: old }
            }
            Self::SetCollapsed { id, collapsed } => {
                let Some(i) = session.theme_index(id) else {
                    return Self::Batch(Vec::new());
                };
                let old = std::mem::replace(&mut session.themes[i].collapsed, collapsed);
                Self::SetCollapsed { id, collapsed: old }
            }
            Self::MoveAnchors(moves) => Self::MoveAnchors(
                moves
                    .into_iter()
                    .filter(|(_, pos)| pos.is_finite())
                    .filter_map(|(id, pos)| {
                        let i = session.theme_index(id)?;
                        Some((id, std::mem::replace(&mut session.themes[i].pos, pos)))
                    })
                    .collect::<Vec<_>>()
                    // Undone in reverse order, so an id named twice gets its first value back.
                    .into_iter()
                    .rev()
                    .collect(),
            ),
            Self::SetMembership(changes) => {
                let index: HashMap<NoteId, usize> = session
                    .notes
                    .iter()
                    .enumerate()
                    .map(|(i, n)| (n.id, i))
                    .collect();
                let themes: HashSet<ThemeId> = session.themes.iter().map(|t| t.id).collect();
                // A removed theme (its id was issued) is allowed: undo puts notes back into a
                // theme removed with `Remove` alone, which left them pointing at it.
                let issued = session.next_theme_id;
                let mut inverse = Vec::with_capacity(changes.len());
                for (id, theme, pos) in changes {
                    let Some(&i) = index.get(&id) else { continue };
                    let unknown = |t: ThemeId| !themes.contains(&t) && t.0 >= issued;
                    if !pos.is_finite() || theme.is_some_and(unknown) {
                        continue;
                    }
                    let note = &mut session.notes[i];
                    inverse.push((id, note.theme, note.pos));
                    note.theme = theme;
                    note.pos = pos;
                }
                // Undone in reverse order, so a note named twice gets its first place back.
                inverse.reverse();
                Self::SetMembership(inverse)
            }
            Self::Reorder { id, index } => {
                let Some(from) = session.theme_index(id) else {
                    return Self::Batch(Vec::new());
                };
                let theme = session.themes.remove(from);
                let to = index.min(session.themes.len());
                session.themes.insert(to, theme);
                Self::Reorder { id, index: from }
            }
            Self::Batch(edits) => {
                let mut inverses: Vec<Self> = edits.into_iter().map(|e| e.apply(session)).collect();
                inverses.reverse();
                Self::Batch(inverses)
            }
        }
    }
}
