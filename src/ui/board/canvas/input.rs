//! Canvas keyboard and pointer handling. Produces edits and camera moves; never touches the session.

use crate::ui::frame::FrameCx;
use egui::{Event, Key, Modifiers, PointerButton, Response};

use super::transform::{self, Camera, ZOOM_STEP};
use super::{BoardState, Capture, Gesture, NoteEditor, note_at};
use crate::model::{CanvasPos, CanvasRect, Edit, NoteColour, NoteId, Session, ThemeEdit};
use crate::ui::action::{Action, Scope};
use crate::ui::screen::Screen;
use crate::ui::shortcuts;

/// How far one arrow key press moves the selected notes, in canvas units.
const NUDGE: f32 = 24.0;
/// How far one arrow key press pans an empty selection, in screen points.
const PAN_STEP: f32 = 80.0;

/// True when the canvas should take keys: it has focus, or nothing does.
fn canvas_has_keyboard(ui: &egui::Ui, response: &Response) -> bool {
    response.has_focus() || ui.memory(|m| m.focused().is_none())
}

/// The Board's keys and queued actions: actions from the registry (and those a menu, button
/// or the palette queued) are applied in [`super::actions::apply`]; then arrows and typing.
pub fn keyboard(
    ui: &egui::Ui,
    response: &Response,
    cx: &mut FrameCx<'_>,
    state: &mut BoardState,
    camera: &mut Camera,
) {
    for action in std::mem::take(&mut state.queued_actions) {
        super::actions::apply(action, cx, state, camera);
    }
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

    // Theme number keys only with notes selected: otherwise a digit starts a note.
    let selected = !state.selection.is_empty();
    let pressed = shortcuts::take(ui.ctx(), Some(Screen::Board), |a| {
        a.scope() == Scope::Board
            && (selected || !matches!(a, Action::ToTheme(_) | Action::OutOfTheme))
    });
    let mut grouped = false;
    for action in pressed {
        grouped |= super::actions::apply(action, cx, state, camera);
        if state.editor.is_some() {
            return;
        }
    }
    if let Some(rename) = &mut state.theme_rename {
        // Ctrl+G opened the name box: letters typed in the same frame are its name.
        rename.typed.push_str(&super::typed_text(ui));
        return;
    }
    arrows(ui, cx, state, camera);

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

/// The colour whose key (the registry's [`Action::Colour`] keys) was pressed, consuming it:
/// the capture box takes them while its text box has the keyboard.
pub fn colour_key(ui: &egui::Ui) -> Option<NoteColour> {
    let taken = shortcuts::take(ui.ctx(), Some(Screen::Board), |a| {
        matches!(a, Action::Colour(_))
    });
    taken.into_iter().find_map(|a| match a {
        Action::Colour(colour) => Some(colour),
        _ => None,
    })
}

fn zoom_centre(camera: &mut Camera, factor: f32) {
    camera.view = transform::zoom_about(camera, factor, camera.screen.center());
}

/// Arrow keys nudge the selected notes (Shift: further), or pan when nothing is selected.
fn arrows(ui: &egui::Ui, cx: &mut FrameCx<'_>, state: &BoardState, camera: &mut Camera) {
    let session = cx.session;
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
        cx.out
            .edits
            .push(moved(session, state.selection.iter().copied(), dx, dy));
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

/// Clicks, drags, scrolling and pinching on the canvas.
pub fn pointer(
    ui: &egui::Ui,
    response: &Response,
    cx: &mut FrameCx<'_>,
    state: &mut BoardState,
    camera: &mut Camera,
) {
    let session = cx.session;
    clicks(ui, response, session, state, camera);
    if response.drag_started() {
        state.gesture = drag_start(ui, response, session, state, camera);
    }
    if response.dragged() {
        drag(response, state, camera);
    }
    if response.drag_stopped() {
        drag_stop(ui, cx, state, camera);
    }
    wheel(ui, camera);
}

/// The note under screen point `pos`, if any (only notes the phase filter shows).
fn note_under(
    session: &Session,
    state: &BoardState,
    camera: &Camera,
    pos: Option<egui::Pos2>,
) -> Option<NoteId> {
    let p = camera.canvas_from_screen(pos?);
    note_at(session, &state.themes, state.phase_filter, p)
}

/// A double click edits the note under it (or opens the capture box on empty canvas); a click
/// selects it (Shift: adds or removes it), or clears the selection on empty canvas.
fn clicks(
    ui: &egui::Ui,
    response: &Response,
    session: &Session,
    state: &mut BoardState,
    camera: &Camera,
) {
    let shift = ui.input(|i| i.modifiers.shift);
    if response.double_clicked() {
        match note_under(session, state, camera, response.interact_pointer_pos()) {
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
        match note_under(session, state, camera, response.interact_pointer_pos()) {
            Some(id) if shift => toggle(&mut state.selection, id),
            Some(id) => state.selection = [id].into(),
            None if !shift => state.selection.clear(),
            None => {}
        }
    }
}

/// The gesture a drag starts: a pan (middle or right button, or Space held), moving the notes
/// under it (selecting it first), moving a theme by its header, or a selection box.
fn drag_start(
    ui: &egui::Ui,
    response: &Response,
    session: &Session,
    state: &mut BoardState,
    camera: &Camera,
) -> Gesture {
    let shift = ui.input(|i| i.modifiers.shift);
    let origin = ui
        .input(|i| i.pointer.press_origin())
        .or(response.interact_pointer_pos());
    let space = ui.input(|i| i.key_down(Key::Space));
    if response.dragged_by(PointerButton::Middle)
        || response.dragged_by(PointerButton::Secondary)
        || space
    {
        return Gesture::Pan;
    }
    if let Some(id) = note_under(session, state, camera, origin) {
        if shift {
            state.selection.insert(id);
        } else if !state.selection.contains(&id) {
            state.selection = [id].into();
        }
        return Gesture::Move {
            ids: state.selection.iter().copied().collect(),
            dx: 0.0,
            dy: 0.0,
        };
    }
    if let Some(id) = origin.and_then(|p| state.themes.handle_at(camera.canvas_from_screen(p))) {
        return Gesture::MoveTheme {
            id,
            dx: 0.0,
            dy: 0.0,
        };
    }
    let start = camera.canvas_from_screen(origin.unwrap_or_default());
    Gesture::SelectBox {
        start,
        end: start,
        additive: shift,
    }
}

/// Follows the pointer while dragging: pans, moves, or stretches the selection box.
fn drag(response: &Response, state: &mut BoardState, camera: &mut Camera) {
    let (cx, cy) = camera.canvas_delta(response.drag_delta());
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

/// Ends the drag: drops the moved notes or theme (one edit), or selects what the box covers.
fn drag_stop(ui: &egui::Ui, cx: &mut FrameCx<'_>, state: &mut BoardState, camera: &Camera) {
    let session = cx.session;
    let latest = ui.input(|i| i.pointer.latest_pos());
    if let Gesture::SelectBox { end, .. } = &mut state.gesture
        && let Some(p) = latest
    {
        *end = camera.canvas_from_screen(p);
    }
    match std::mem::take(&mut state.gesture) {
        Gesture::Move { ids, dx, dy } if dx != 0.0 || dy != 0.0 => {
            let pointer = latest.map(|p| camera.canvas_from_screen(p));
            cx.out
                .edits
                .push(dropped(session, state, ids, dx, dy, pointer));
        }
        Gesture::MoveTheme { id, dx, dy } if dx != 0.0 || dy != 0.0 => {
            cx.out
                .edits
                .push(Edit::Theme(ThemeEdit::move_theme(session, id, dx, dy)));
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

/// Wheel pans; Ctrl+wheel and pinch zoom about the pointer.
fn wheel(ui: &egui::Ui, camera: &mut Camera) {
    if !ui.rect_contains_pointer(camera.screen) {
        return;
    }
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
    state: &BoardState,
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
