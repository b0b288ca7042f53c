//! Repairing themes after loading a damaged file: duplicate ids renumbered, impossible anchors
//! moved, links to missing themes dropped, and notes spread impossibly far gathered back.

use std::collections::HashMap;

use super::repair_log::RepairKind;
use super::theme::{MAX_THEME_SPAN, THEME_COLUMNS, grid_slots};
use super::{CanvasPos, NOTE_HEIGHT, NOTE_WIDTH, Session, ThemeId};

impl Session {
    /// Checks themes after loading: duplicate theme ids get fresh ones, impossible anchors move
    /// to the origin, notes that point at a missing theme lose the link, and a theme whose
    /// frame spreads further than [`MAX_THEME_SPAN`] has its notes gathered into a grid at its
    /// anchor (only damage spreads a theme that far, and the frame would be too large to place
    /// notes around). Linear in the number of themes and notes; a summary and a few examples
    /// when there are many repairs of one kind.
    pub(crate) fn repair_themes(&mut self) -> Vec<String> {
        let max = self.themes.iter().map(|t| t.id.0).max().unwrap_or(0);
        self.next_theme_id = self.next_theme_id.max(max.saturating_add(1));
        let mut seen = std::collections::HashSet::new();
        let (mut renumbered, mut moved) = (RepairKind::default(), RepairKind::default());
        for theme in &mut self.themes {
            if !seen.insert(theme.id) {
                let fresh = ThemeId(self.next_theme_id.max(1));
                self.next_theme_id = fresh.0.saturating_add(1);
                let (old, name) = (theme.id.0, &theme.name);
                renumbered.add(|| {
                    format!(
                        "Two themes shared id {old}; the second (\"{}\") was given id {}.",
                        short(name),
                        fresh.0
                    )
                });
                theme.id = fresh;
                seen.insert(fresh);
            }
            if !theme.pos.is_plausible() {
                let name = &theme.name;
                moved.add(|| {
                    format!(
                        "Theme \"{}\" had an impossible position and was moved to the top left.",
                        short(name)
                    )
                });
                theme.pos = CanvasPos::default();
            }
        }
        let mut warnings =
            renumbered.sentences(|n| format!("{n} duplicate theme ids were renumbered."));
        warnings.extend(moved.sentences(|n| {
            format!("{n} themes had impossible positions and were moved to the top left.")
        }));
        let mut lost = 0;
        for note in &mut self.notes {
            if let Some(t) = note.theme
                && !seen.contains(&t)
            {
                note.theme = None;
                lost += 1;
            }
        }
        if lost > 0 {
            warnings.push(format!(
                "{} note{} pointed at a theme that does not exist and {} no longer in a theme.",
                super::repair_log::thousands(lost),
                if lost == 1 { "" } else { "s" },
                if lost == 1 { "is" } else { "are" },
            ));
        }
        warnings.extend(self.gather_spread_themes());
        warnings
    }

    /// Gathers the notes of every theme whose frame is wider or taller than
    /// [`MAX_THEME_SPAN`] into a grid at the theme's anchor, in their drawing order.
    fn gather_spread_themes(&mut self) -> Vec<String> {
        let spread: HashMap<ThemeId, usize> = self
            .theme_frames()
            .iter()
            .filter(|f| f.frame.width() > MAX_THEME_SPAN || f.frame.height() > MAX_THEME_SPAN)
            .map(|f| (f.id, f.count))
            .collect();
        if spread.is_empty() {
            return Vec::new();
        }
        let mut gathered = RepairKind::default();
        let mut slots: HashMap<ThemeId, std::vec::IntoIter<CanvasPos>> = HashMap::new();
        for theme in self
            .themes
            .iter_mut()
            .filter(|t| spread.contains_key(&t.id))
        {
            let count = spread[&theme.id];
            let cols = ((count as f64).sqrt().ceil() as usize).max(THEME_COLUMNS);
            let mut grid = grid_slots(theme.content_origin(), cols, count, |_| false);
            if grid
                .iter()
                .any(|p| !p.offset(NOTE_WIDTH, NOTE_HEIGHT).is_plausible())
            {
                // Too near the edge of the canvas for its grid: start again at the origin.
                theme.pos = CanvasPos::default();
                grid = grid_slots(theme.content_origin(), cols, count, |_| false);
            }
            slots.insert(theme.id, grid.into_iter());
            let name = &theme.name;
            gathered.add(|| {
                format!(
                    "Theme \"{}\" had notes spread impossibly far apart; they were gathered into its frame.",
                    short(name)
                )
            });
        }
        for note in &mut self.notes {
            if let Some(pos) = note
                .theme
                .and_then(|t| slots.get_mut(&t))
                .and_then(Iterator::next)
            {
                note.pos = pos;
            }
        }
        gathered.sentences(|n| {
            format!("{n} themes had notes spread impossibly far apart; they were gathered.")
        })
    }
}

/// A name cut short for a message: a damaged file's 10 MB name must not become a 10 MB line.
fn short(name: &str) -> String {
    const MAX: usize = 60;
    if name.chars().count() <= MAX {
        return name.to_owned();
    }
    let mut s: String = name.chars().take(MAX - 1).collect();
    s.push('…');
    s
}
