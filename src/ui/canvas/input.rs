//! Canvas keyboard and pointer handling. Produces edits and camera moves; never touches the session.

use egui::{Event, Key, Modifiers, PointerButton, Response};

use super::transform::{self, Camera, ZOOM_STEP};
use super::{CanvasRequest, CanvasState, Capture, Gesture, NoteEditor, note_at};
use crate::model::{CanvasPos, CanvasRect, Edit, NoteColour, NoteId, Session, ThemeEdit, ThemeId};
use crate::ui::shortcuts::DIGIT_KEYS;

/// How far one arrow key press moves the selected notes, in canvas units.
const NUDGE: f32 = 24.0;
/// How far one arrow key press pans an empty selection, in screen points.
const PAN_STEP: f32 = 80.0;

/// True when the canvas should take keys: it has focus, or nothing does.
fn canvas_has_keyboard(ui: &egui::Ui, response: &Response) -> bool {
    response.has_focus() || ui.memory(|m| m.focused().is_none())
}

/// Keys that act on the canvas.
pub fn keyboard(
    ui: &egui::Ui,
    response: &Response,
    session: &Session,
    state: &mut CanvasState,
    camera: &mut Camera,
    edits: &mut Vec<Edit>,
    requests: &mut Vec<CanvasRequest>,
) {
    if state.editor.is_some() || state.theme_rename.is_some() || !canvas_has_keyboard(ui, response)
    {
        return;
    }
    // Keep Tab, arrows and Escape on the canvas instead of moving focus to other widgets.
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            response.id,
            egui::EventFilter {
                tab: true,
                horizontal_arrows: true,
                vertical_arrows: true,
                escape: true,
            },
        );
    });

    if let Some(colour) = colour_key(ui) {
        recolour(state, colour, edits);
    }
    if ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::A)) {
        state.selection = session
            .notes
            .iter()
            .filter(|n| !state.themes.is_hidden(n))
            .map(|n| n.id)
            .collect();
    }
    let grouped = theme_keys(ui, session, state, camera, edits, requests);
    if let Some(rename) = &mut state.theme_rename {
        // Ctrl+G opened the name box: letters typed in the same frame are its name.
        rename.typed.push_str(&typed_text(ui));
        return;
    }

    let pressed = |key| ui.input_mut(|i| i.consume_key(Modifiers::NONE, key));
    if (pressed(Key::Delete) || pressed(Key::Backspace)) && !state.selection.is_empty() {
        // Asks first when a selected note has dots in a vote.
        super::confirm::delete_selection(session, state, edits, requests);
    }
    if (pressed(Key::F2) || pressed(Key::Enter))
        && let Some(id) = state.selection.iter().next().copied()
        && let Some(note) = session.note(id)
    {
        state.editor = Some(NoteEditor::new(note));
        return;
    }
    if pressed(Key::Escape) {
        state.selection.clear();
    }
    if pressed(Key::Home) {
        camera.view = transform::fit(super::content_bounds(session, &state.themes), camera.screen);
    }
    let shift_tab = ui.input_mut(|i| i.consume_key(Modifiers::SHIFT, Key::Tab));
    if shift_tab || pressed(Key::Tab) {
        cycle_selection(session, state, camera, !shift_tab);
    }
    arrows(ui, session, state, camera, edits);

    // Typing: N opens the capture box; any other printable text opens it with that text.
    // Plus, minus and equals zoom instead.
    let events = ui.input(|i| i.events.clone());
    for event in events {
        let Event::Text(text) = event else { continue };
        if grouped && text.chars().all(|c| c.is_ascii_digit()) {
            continue; // The digit sent notes to a theme.
        }
        match text.as_str() {
            "+" | "=" => zoom_centre(camera, ZOOM_STEP),
            "-" | "_" => zoom_centre(camera, 1.0 / ZOOM_STEP),
            "n" | "N" if state.capture.is_none() => {
                state.capture = Some(Capture::new(String::new()))
            }
            t if t.trim().is_empty() => {}
            t => match &mut state.capture {
                Some(capture) => {
                    capture.text.push_str(t);
                    capture.focus_pending = true;
                }
                None => state.capture = Some(Capture::new(t.to_owned())),
            },
        }
    }
}

/// The colour whose key (Ctrl+1 … Ctrl+6, in palette order) was pressed, consuming it.
pub fn colour_key(ui: &egui::Ui) -> Option<NoteColour> {
    DIGIT_KEYS[1..]
        .iter()
        .copied()
        .zip(NoteColour::ALL)
        .find(|(key, _)| ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, *key)))
        .map(|(_, colour)| colour)
}

fn zoom_centre(camera: &mut Camera, factor: f32) {
    camera.view = transform::zoom_about(camera, factor, camera.screen.center());
}

/// Recolours the selection.
fn recolour(state: &mut CanvasState, colour: NoteColour, edits: &mut Vec<Edit>) {
    if state.selection.is_empty() {
        return;
    }
    edits.push(Edit::SetColours(
        state.selection.iter().map(|id| (*id, colour)).collect(),
    ));
}

/// Arrow keys nudge the selected notes (Shift: further), or pan when nothing is selected.
fn arrows(
    ui: &egui::Ui,
    session: &Session,
    state: &CanvasState,
    camera: &mut Camera,
    edits: &mut Vec<Edit>,
) {
    let mut dx = 0.0;
    let mut dy = 0.0;
    let mut step = 1.0;
    for (key, x, y) in [
        (Key::ArrowLeft, -1.0, 0.0),
        (Key::ArrowRight, 1.0, 0.0),
        (Key::ArrowUp, 0.0, -1.0),
        (Key::ArrowDown, 0.0, 1.0),
    ] {
        // Shift first: egui's consume_key ignores an extra Shift, so the plain check would
        // swallow Shift+arrow.
        for mods in [Modifiers::SHIFT, Modifiers::NONE] {
            if ui.input_mut(|i| i.consume_key(mods, key)) {
                dx += x;
                dy += y;
                if mods.shift {
                    step = 5.0;
                }
            }
        }
    }
    if dx == 0.0 && dy == 0.0 {
        return;
    }
    if state.selection.is_empty() {
        let (cx, cy) = camera.canvas_delta(egui::vec2(dx * PAN_STEP, dy * PAN_STEP));
        camera.view.center = camera.view.center.offset(cx, cy);
    } else {
        let (dx, dy) = (dx * NUDGE * step, dy * NUDGE * step);
        edits.push(moved(session, state.selection.iter().copied(), dx, dy));
    }
}

/// The edit that moves `ids` by `(dx, dy)` canvas units from where they are now.
fn moved(session: &Session, ids: impl Iterator<Item = NoteId>, dx: f32, dy: f32) -> Edit {
    let wanted: std::collections::HashSet<NoteId> = ids.collect();
    Edit::MoveNotes(
        session
            .notes
            .iter()
            .filter(|n| wanted.contains(&n.id))
            .map(|n| (n.id, n.pos.offset(dx, dy)))
            .collect(),
    )
}

/// Tab moves the selection to the next note in reading order (top to bottom, left to right).
fn cycle_selection(session: &Session, state: &mut CanvasState, camera: &mut Camera, forward: bool) {
    if session.notes.is_empty() {
        return;
    }
    let mut order: Vec<(f32, f32, NoteId)> = session
        .notes
        .iter()
        .filter(|n| !state.themes.is_hidden(n))
        .map(|n| (n.pos.y, n.pos.x, n.id))
        .collect();
    if order.is_empty() {
        return;
    }
    order.sort_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then(a.1.total_cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    let current = state.selection.iter().next().copied();
    let at = current.and_then(|id| order.iter().position(|o| o.2 == id));
    let next = match (at, forward) {
        (None, true) => 0,
        (None, false) => order.len() - 1,
        (Some(i), true) => (i + 1) % order.len(),
        (Some(i), false) => (i + order.len() - 1) % order.len(),
    };
    let id = order[next].2;
    state.selection = [id].into();
    if let Some(note) = session.note(id) {
        camera.view = transform::reveal(camera, note.rect());
    }
}

/// Clicks, drags, scrolling and pinching on the canvas.
pub fn pointer(
    ui: &egui::Ui,
    response: &Response,
    session: &Session,
    state: &mut CanvasState,
    camera: &mut Camera,
    edits: &mut Vec<Edit>,
) {
    let shift = ui.input(|i| i.modifiers.shift);
    let filter = state.phase_filter;
    let hit = |cache: &super::themes::ThemeCache, pos: Option<egui::Pos2>| {
        pos.and_then(|p| note_at(session, cache, filter, camera.canvas_from_screen(p)))
    };

    if response.double_clicked() {
        match hit(&state.themes, response.interact_pointer_pos()) {
            Some(id) => {
                if let Some(note) = session.note(id) {
                    state.selection = [id].into();
                    state.editor = Some(NoteEditor::new(note));
                }
            }
            None => {
                if state.capture.is_none() {
                    state.capture = Some(Capture::new(String::new()));
                }
            }
        }
    } else if response.clicked_by(PointerButton::Primary) {
        // Only real pointer clicks: egui also "clicks" a focused widget when Space or Enter is
        // pressed, and Space (pan) or Enter (edit) must not clear the selection.
        match hit(&state.themes, response.interact_pointer_pos()) {
            Some(id) if shift => toggle(&mut state.selection, id),
            Some(id) => state.selection = [id].into(),
            None if !shift => state.selection.clear(),
            None => {}
        }
    }

    if response.drag_started() {
        let origin = ui
            .input(|i| i.pointer.press_origin())
            .or(response.interact_pointer_pos());
        let space = ui.input(|i| i.key_down(Key::Space));
        state.gesture = if response.dragged_by(PointerButton::Middle)
            || response.dragged_by(PointerButton::Secondary)
            || space
        {
            Gesture::Pan
        } else if let Some(id) = hit(&state.themes, origin) {
            if shift {
                state.selection.insert(id);
            } else if !state.selection.contains(&id) {
                state.selection = [id].into();
            }
            Gesture::Move {
                ids: state.selection.iter().copied().collect(),
                dx: 0.0,
                dy: 0.0,
            }
        } else if let Some(id) =
            origin.and_then(|p| state.themes.handle_at(camera.canvas_from_screen(p)))
        {
            Gesture::MoveTheme {
                id,
                dx: 0.0,
                dy: 0.0,
            }
        } else {
            let start = camera.canvas_from_screen(origin.unwrap_or_default());
            Gesture::SelectBox {
                start,
                end: start,
                additive: shift,
            }
        };
    }

    if response.dragged() {
        let delta = response.drag_delta();
        let (cx, cy) = camera.canvas_delta(delta);
        match &mut state.gesture {
            Gesture::Pan => camera.view.center = camera.view.center.offset(-cx, -cy),
            Gesture::Move { dx, dy, .. } | Gesture::MoveTheme { dx, dy, .. } => {
                *dx += cx;
                *dy += cy;
            }
            Gesture::SelectBox { end, .. } => {
                if let Some(p) = response.interact_pointer_pos() {
                    *end = camera.canvas_from_screen(p);
                }
            }
            Gesture::None => {}
        }
    }

    if response.drag_stopped() {
        if let Gesture::SelectBox { end, .. } = &mut state.gesture
            && let Some(p) = ui.input(|i| i.pointer.latest_pos())
        {
            *end = camera.canvas_from_screen(p);
        }
        match std::mem::take(&mut state.gesture) {
            Gesture::Move { ids, dx, dy } if dx != 0.0 || dy != 0.0 => {
                let pointer = ui
                    .input(|i| i.pointer.latest_pos())
                    .map(|p| camera.canvas_from_screen(p));
                edits.push(dropped(session, state, ids, dx, dy, pointer));
            }
            Gesture::MoveTheme { id, dx, dy } if dx != 0.0 || dy != 0.0 => {
                edits.push(Edit::Theme(ThemeEdit::move_theme(session, id, dx, dy)));
            }
            Gesture::SelectBox {
                start,
                end,
                additive,
            } => {
                let area = CanvasRect::from_min_max(
                    CanvasPos::new(start.x.min(end.x), start.y.min(end.y)),
                    CanvasPos::new(start.x.max(end.x), start.y.max(end.y)),
                );
                if !additive {
                    state.selection.clear();
                }
                state.selection.extend(
                    session
                        .notes
                        .iter()
                        .filter(|n| n.rect().intersects(&area) && !state.themes.is_hidden(n))
                        .map(|n| n.id),
                );
            }
            _ => {}
        }
    }

    // Wheel pans; Ctrl+wheel and pinch zoom about the pointer.
    if ui.rect_contains_pointer(camera.screen) {
        let (scroll, zoom, pointer) = ui.input(|i| {
            (
                i.smooth_scroll_delta(),
                i.zoom_delta(),
                i.pointer.hover_pos(),
            )
        });
        if zoom != 1.0 {
            let anchor = pointer.unwrap_or(camera.screen.center());
            camera.view = transform::zoom_about(camera, zoom, anchor);
        } else if scroll != egui::Vec2::ZERO {
            let (cx, cy) = camera.canvas_delta(scroll);
            camera.view.center = camera.view.center.offset(-cx, -cy);
        }
    }
}

/// Adds `id` to the selection, or removes it when it is already there (Shift+click).
fn toggle(selection: &mut std::collections::BTreeSet<NoteId>, id: NoteId) {
    if !selection.remove(&id) {
        selection.insert(id);
    }
}

/// The edit for notes dropped after a drag by `(dx, dy)`: a plain move, or, when there are
/// themes, a move that also makes each note a member of the frame it lands in (or of none).
/// Dropped on a collapsed theme's card (`pointer` is where the drag ended), they join that
/// theme and take free places inside it.
fn dropped(
    session: &Session,
    state: &CanvasState,
    ids: Vec<NoteId>,
    dx: f32,
    dy: f32,
    pointer: Option<CanvasPos>,
) -> Edit {
    if session.themes.is_empty() {
        return moved(session, ids.into_iter(), dx, dy);
    }
    if let Some(theme) = pointer.and_then(|p| state.themes.card_at(p)) {
        return Edit::Theme(ThemeEdit::assign(session, &ids, Some(theme)));
    }
    let wanted: std::collections::HashSet<NoteId> = ids.into_iter().collect();
    let moves: Vec<(NoteId, CanvasPos)> = session
        .notes
        .iter()
        .filter(|n| wanted.contains(&n.id))
        .map(|n| (n.id, n.pos.offset(dx, dy)))
        .collect();
    Edit::Theme(ThemeEdit::drop_notes(
        session,
        &moves,
        &state.themes.drop_targets(),
    ))
}

/// The number keys of keyboard grouping: with notes selected, 1–9 send them to the 1st–9th
/// theme and 0 takes them out of their theme; Ctrl+G makes a theme from them (or an empty one)
/// and names it in place; Ctrl+T asks for theme suggestions. Returns true when a digit was used.
fn theme_keys(
    ui: &egui::Ui,
    session: &Session,
    state: &mut CanvasState,
    camera: &mut Camera,
    edits: &mut Vec<Edit>,
    requests: &mut Vec<CanvasRequest>,
) -> bool {
    if ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::T)) {
        state.themes_panel.request_suggestions();
    }
    if ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::G)) {
        let notes: Vec<NoteId> = state.selection.iter().copied().collect();
        let (id, edit) = ThemeEdit::create(session, None, &notes);
        let name = crate::model::default_theme_name(session);
        edits.push(Edit::Theme(edit));
        state.theme_rename = Some(super::themes::ThemeRename::new_theme(
            id,
            name,
            selection_key(session, state),
        ));
        state.themes_panel.show();
        return false;
    }
    if state.selection.is_empty() {
        return false;
    }
    let Some(digit) = DIGIT_KEYS
        .iter()
        .position(|key| ui.input_mut(|i| i.consume_key(Modifiers::NONE, *key)))
    else {
        return false;
    };
    let target: Option<ThemeId> = if digit == 0 {
        None
    } else {
        let Some(theme) = session.themes.get(digit - 1) else {
            requests.push(CanvasRequest::Info(format!(
                "There is no theme {digit} yet. Ctrl+G makes a theme from the selected notes."
            )));
            return true;
        };
        Some(theme.id)
    };
    let notes: Vec<NoteId> = state.selection.iter().copied().collect();
    let edit = ThemeEdit::assign(session, &notes, target);
    if edit.is_empty() {
        return true;
    }
    edits.push(Edit::Theme(edit));
    let from = selection_key(session, state);
    select_next_unthemed(session, state, camera, from, &notes);
    true
}

/// Where a note is in reading order: top to bottom, then left to right, then by id.
pub type ReadingKey = (f32, f32, NoteId);

/// The reading-order place of the first selected note, if any.
pub fn selection_key(session: &Session, state: &CanvasState) -> Option<ReadingKey> {
    state
        .selection
        .iter()
        .filter_map(|id| session.note(*id))
        .map(|n| (n.pos.y, n.pos.x, n.id))
        .min_by(|a, b| {
            a.0.total_cmp(&b.0)
                .then(a.1.total_cmp(&b.1))
                .then(a.2.cmp(&b.2))
        })
}

/// Selects the next visible note that is in no theme, in reading order after `from` (where the
/// notes just sorted were), and brings it into view: the keyboard sorting flow is "look, press
/// a digit". `leaving` are notes that are about to move into a theme.
pub fn select_next_unthemed(
    session: &Session,
    state: &mut CanvasState,
    camera: &mut Camera,
    from: Option<ReadingKey>,
    leaving: &[NoteId],
) {
    let leaving: std::collections::HashSet<NoteId> = leaving.iter().copied().collect();
    let mut candidates: Vec<ReadingKey> = session
        .notes
        .iter()
        .filter(|n| n.theme.is_none() && !leaving.contains(&n.id) && !state.themes.is_hidden(n))
        .map(|n| (n.pos.y, n.pos.x, n.id))
        .collect();
    candidates.sort_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then(a.1.total_cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    let after = from.and_then(|c| candidates.iter().find(|o| **o > c).copied());
    let Some(next) = after.or_else(|| candidates.first().copied()) else {
        state.selection.clear();
        return;
    };
    state.selection = [next.2].into();
    if let Some(note) = session.note(next.2) {
        camera.view = transform::reveal(camera, note.rect());
    }
}

/// The text typed this frame.
pub fn typed_text(ui: &egui::Ui) -> String {
    ui.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    })
}
