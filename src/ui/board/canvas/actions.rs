//! The Board's actions, applied in one place whether they came from a key, the selection bar,
//! the themes panel, a menu or the command palette: "Make theme" is one behaviour everywhere.

use super::transform::{self, Camera};
use super::{BoardState, NoteEditor};
use crate::history::Changes;
use crate::model::{Edit, NoteColour, NoteId, ThemeEdit, ThemeId};
use crate::ui::action::Action;
use crate::ui::frame::FrameCx;

/// Applies one Board action to the canvas state, pushing the edits it makes. Returns true when
/// a theme number key was used (so its digit does not also start a note).
pub fn apply(
    action: Action,
    cx: &mut FrameCx<'_>,
    state: &mut BoardState,
    camera: &mut Camera,
) -> bool {
    let session = cx.session;
    match action {
        Action::SelectAll => {
            state.selection = session
                .notes
                .iter()
                .filter(|n| !state.themes.is_hidden(n))
                .map(|n| n.id)
                .collect();
        }
        Action::ClearSelection => state.selection.clear(),
        Action::NextNote | Action::PreviousNote => {
            super::reading::cycle_selection(session, state, camera, action == Action::NextNote);
        }
        Action::EditNote => {
            if let Some(note) = state.selection.first().and_then(|id| session.note(*id)) {
                state.editor = Some(NoteEditor::new(note));
            }
        }
        // Asks first when a selected note has dots in a vote.
        Action::DeleteNotes if !state.selection.is_empty() => {
            super::confirm::delete_selection(cx, state);
        }
        Action::Colour(colour) => recolour(state, colour, &mut cx.out.edits),
        Action::ToTheme(n) => return to_theme(cx, state, camera, Some(n)),
        Action::OutOfTheme => return to_theme(cx, state, camera, None),
        Action::MakeTheme => make_theme(cx, state),
        Action::SuggestThemes => state.themes_panel.request_suggestions(),
        Action::ZoomToFit => {
            camera.view =
                transform::fit(super::content_bounds(session, &state.themes), camera.screen);
        }
        _ => {}
    }
    false
}

/// Makes a theme of the selected notes (or an empty one), shows the panel and names the theme
/// in place; after the name, the next note in no theme is selected (the sorting flow).
fn make_theme(cx: &mut FrameCx<'_>, state: &mut BoardState) {
    let session = cx.session;
    let notes: Vec<NoteId> = state.selection.iter().copied().collect();
    let (id, edit) = ThemeEdit::create(session, None, &notes);
    let name = crate::model::default_theme_name(session);
    let step = cx.out.edits.open_step(Edit::Theme(edit));
    let advance = super::reading::selection_key(session, state);
    state.theme_rename = Some(super::themes::ThemeRename::new_theme(
        id, name, advance, step,
    ));
    state.themes_panel.show();
}

/// Recolours the selection.
fn recolour(state: &BoardState, colour: NoteColour, edits: &mut Changes) {
    if state.selection.is_empty() {
        return;
    }
    edits.push(Edit::SetColours(
        state.selection.iter().map(|id| (*id, colour)).collect(),
    ));
}

/// Sends the selected notes to theme `n` (1 … 9; `None`: out of their theme), then selects
/// the next note in no theme: "look, press a digit". Returns true (the digit was used).
fn to_theme(
    cx: &mut FrameCx<'_>,
    state: &mut BoardState,
    camera: &mut Camera,
    n: Option<u8>,
) -> bool {
    let session = cx.session;
    if state.selection.is_empty() {
        return false;
    }
    let target: Option<ThemeId> = match n {
        None => None,
        Some(n) => {
            let Some(theme) = session.themes.get(usize::from(n).saturating_sub(1)) else {
                cx.notice(format!(
                    "There is no theme {n} yet. Ctrl+G makes a theme from the selected notes."
                ));
                return true;
            };
            Some(theme.id)
        }
    };
    let notes: Vec<NoteId> = state.selection.iter().copied().collect();
    let edit = ThemeEdit::assign(session, &notes, target);
    if edit.is_empty() {
        return true;
    }
    cx.out.edits.push(Edit::Theme(edit));
    let from = super::reading::selection_key(session, state);
    super::reading::select_next_unthemed(session, state, camera, from, &notes);
    true
}
