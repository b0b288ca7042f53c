//! The canvas: sticky notes drawn at any zoom, selected, moved, edited in place and captured.
//!
//! The canvas reads `&Session` and never changes it: what the user does becomes [`Edit`](crate::model::Edit)s pushed
//! onto the frame's list, applied by the app at the end of the frame. Camera, selection and
//! gestures in progress are UI state and live in [`BoardState`].

pub mod actions;
mod capture;
pub mod confirm;
pub mod dots;
mod editor;
mod input;
pub mod paint;
pub mod reading;
mod selection_bar;
pub mod themes;
pub mod transform;

use crate::ui::frame::FrameCx;
use egui::{Id, Rect, Sense};

pub use capture::{Capture, escape_closes};
pub use editor::NoteEditor;
use transform::Camera;

use crate::model::{CanvasPos, NoteId, PhaseId, Session, View};

pub use super::BoardState;

/// The canvas widget's id, stable so focus survives between frames.
pub fn canvas_id() -> Id {
    Id::unique("goldthread.canvas")
}

/// The id of the widget that reports note `id` to screen readers and tests.
pub fn note_widget_id(id: NoteId) -> Id {
    Id::unique(("goldthread.note", id))
}

/// The event filter for the canvas's text boxes: Escape reaches our code (to close the box)
/// instead of egui silently dropping focus first.
pub const KEEP_ESCAPE: egui::EventFilter = egui::EventFilter {
    tab: false,
    horizontal_arrows: true,
    vertical_arrows: true,
    escape: true,
};

/// A pointer gesture in progress.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Gesture {
    /// Nothing is being dragged.
    #[default]
    None,
    /// Notes are being moved; `dx, dy` is the offset so far, in canvas units.
    Move {
        /// The notes being moved.
        ids: Vec<NoteId>,
        /// Horizontal offset so far.
        dx: f32,
        /// Vertical offset so far.
        dy: f32,
    },
    /// A selection box from `start` to `end` (canvas points).
    SelectBox {
        /// Where the drag began.
        start: CanvasPos,
        /// Where the pointer is now.
        end: CanvasPos,
        /// Shift was held: add to the selection rather than replace it.
        additive: bool,
    },
    /// The view is being panned.
    Pan,
    /// A theme (with its notes) is being moved by its header; `dx, dy` so far, canvas units.
    MoveTheme {
        /// The theme.
        id: crate::model::ThemeId,
        /// Horizontal offset so far.
        dx: f32,
        /// Vertical offset so far.
        dy: f32,
    },
}

/// The text typed this frame.
pub fn typed_text(ui: &egui::Ui) -> String {
    ui.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    })
}

/// Brings the theme frames up to date with the session; notes just hidden in a collapsed
/// theme leave the selection. Runs before the Board is drawn.
pub fn refresh(session: &Session, state: &mut BoardState) {
    if state.themes.refresh(session) && !state.selection.is_empty() {
        // Notes just hidden in a collapsed theme leave the selection (once per change).
        let cache = &state.themes;
        let hidden: std::collections::HashSet<NoteId> = session
            .notes
            .iter()
            .filter(|n| cache.is_hidden(n))
            .map(|n| n.id)
            .collect();
        state.selection.retain(|id| !hidden.contains(id));
    }
}

/// Draws the canvas into all of `ui`'s remaining space and handles its input; `reveal` are
/// themes to bring into view. Returns where it was drawn.
pub fn canvas_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    state: &mut BoardState,
    reveal: &[crate::model::ThemeId],
) -> Rect {
    let session = cx.session;
    let palette = cx.palette;
    let screen = ui.available_rect_before_wrap();
    let response = ui.interact(screen, canvas_id(), Sense::click_and_drag());
    ui.advance_cursor_after_rect(screen);
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Canvas,
            true,
            format!("Canvas with {} notes", session.notes.len()),
        )
    });
    state.last_screen = Some(screen);
    if let Some(phase) = state.phase_filter
        && !state.selection.is_empty()
    {
        // Hidden notes are never selected, so nothing hidden is moved or deleted.
        let shown: std::collections::HashSet<NoteId> = session
            .notes
            .iter()
            .filter(|n| n.phase == Some(phase))
            .map(|n| n.id)
            .collect();
        state.selection.retain(|id| shown.contains(id));
    }
    place_camera(session, state, screen, reveal);
    if state.focus_requested {
        response.request_focus();
        state.focus_requested = false;
    }
    if response.clicked() || response.drag_started() {
        response.request_focus();
    }

    let mut camera = Camera {
        screen,
        view: state.view,
    };
    // While the canvas asks before deleting, its keys and clicks belong to the question, which
    // the app draws on top (from the frame after it was asked, so the key or click that asked
    // isn't taken as the answer).
    let asking = state.confirm_delete.is_some();
    if !asking {
        input::keyboard(ui, &response, cx, state, &mut camera);
        input::pointer(ui, &response, cx, state, &mut camera);
    }
    state.view = camera.view;

    let painter = ui.painter_at(screen);
    paint::background(&painter, &camera, palette);
    themes::frames_ui(ui, &painter, cx, state, &camera);
    let mut cut_notes = std::mem::take(&mut state.cut_notes);
    cut_notes.clear();
    draw_notes(ui, &painter, cx, state, &camera, &mut cut_notes);
    state.cut_notes = cut_notes;
    if let Gesture::SelectBox { start, end, .. } = state.gesture {
        let r = Rect::from_two_pos(
            camera.screen_from_canvas(start),
            camera.screen_from_canvas(end),
        );
        paint::selection_box(&painter, r, palette);
    }
    if session.notes.is_empty() && state.capture.is_none() {
        paint::empty_hint(&painter, screen, palette);
    }

    if state.capture.is_none() && !session.notes.is_empty() && !state.focus_mode {
        paint::shortcut_hint(&painter, screen, palette);
    }
    selection_bar::selection_bar_ui(ui, cx, state, screen);
    if !asking && state.confirm_delete.is_some() {
        ui.ctx().request_repaint(); // Show the question now, not at the next mouse move.
    }
    editor::editor_ui(ui, cx, state, &mut camera);
    themes::rename_ui(ui, cx, state, &mut camera);
    capture::capture_ui(ui, cx, state, &mut camera);
    state.view = camera.view;
    screen
}

/// Where the camera looks this frame: a new session's origin at the top-left, zoom to fit when
/// asked (or when the fitted area changed size), and themes just made brought into view.
fn place_camera(
    session: &Session,
    state: &mut BoardState,
    screen: Rect,
    reveal: &[crate::model::ThemeId],
) {
    if state.anchor_origin_requested {
        // A new session's first notes start at the top-left, not a row down.
        let margin = 48.0;
        state.view = View {
            center: CanvasPos::new(
                screen.width() / 2.0 - margin,
                screen.height() / 2.0 - margin,
            ),
            zoom: 1.0,
        };
        state.anchor_origin_requested = false;
    }
    if std::mem::take(&mut state.fit_if_mostly_hidden) {
        let camera = Camera {
            screen,
            view: state.view,
        };
        state.fit_requested |= mostly_hidden(session, &state.themes, &camera);
    }
    if let Some((view, area)) = state.fitted
        && view == state.view
        && area.size() != screen.size()
    {
        state.fit_requested = true;
    }
    if state.fit_requested {
        state.view = transform::fit(content_bounds(session, &state.themes), screen);
        state.fit_requested = false;
        state.fitted = Some((state.view, screen));
    }
    let revealed = reveal
        .iter()
        .filter_map(|id| state.themes.frame(*id))
        .map(|f| f.rect)
        .reduce(crate::model::CanvasRect::union);
    if let Some(target) = revealed {
        let camera = Camera {
            screen,
            view: state.view,
        };
        state.view = transform::bring_into_view(&camera, target);
    }
}

/// Draws every visible note, moving ones last (on top), and reports detailed ones to
/// screen readers and tests; notes whose text is cut on their cards go into `cut_notes`.
fn draw_notes(
    ui: &egui::Ui,
    painter: &egui::Painter,
    cx: &mut FrameCx<'_>,
    state: &BoardState,
    camera: &Camera,
    cut_notes: &mut Vec<NoteId>,
) {
    let session = cx.session;
    let palette = cx.palette;
    let (moving, dx, dy): (&[NoteId], f32, f32) = match &state.gesture {
        Gesture::Move { ids, dx, dy } => (ids, *dx, *dy),
        _ => (&[], 0.0, 0.0),
    };
    let (moving_theme, tdx, tdy) = match state.gesture {
        Gesture::MoveTheme { id, dx, dy } => (Some(id), dx, dy),
        _ => (None, 0.0, 0.0),
    };
    let boxed = match state.gesture {
        Gesture::SelectBox { start, end, .. } => Some(crate::model::CanvasRect::from_min_max(
            CanvasPos::new(start.x.min(end.x), start.y.min(end.y)),
            CanvasPos::new(start.x.max(end.x), start.y.max(end.y)),
        )),
        _ => None,
    };
    let editing = state
        .editor
        .as_ref()
        .filter(|e| !e.focus_pending)
        .map(|e| e.id);
    let clip = camera.screen;
    let vote_dots = state.themes.dots();
    let mut draw = |note: &crate::model::Note, offset: (f32, f32)| {
        let offset = if moving_theme.is_some() && note.theme == moving_theme {
            (tdx, tdy)
        } else {
            offset
        };
        if state
            .phase_filter
            .is_some_and(|phase| note.phase != Some(phase))
        {
            return;
        }
        let rect = camera.screen_rect(crate::model::CanvasRect::note_at(
            note.pos.offset(offset.0, offset.1),
        ));
        if !clip.intersects(rect) || state.themes.is_hidden(note) {
            return; // Off screen, or inside a collapsed theme.
        }
        let selected =
            state.selection.contains(&note.id) || boxed.is_some_and(|b| b.intersects(&note.rect()));
        let cut = Some(note.id) != editing
            && paint::note(painter, note, rect, camera.view.zoom, selected, palette);
        vote_dots.paint_note(painter, note.id, rect, camera.view.zoom);
        if cut {
            cut_notes.push(note.id);
        }
        if rect.width() >= crate::ui::style::NOTE_MIN_HOVER_WIDTH {
            let response = ui.interact(
                rect.intersect(clip),
                note_widget_id(note.id),
                Sense::hover(),
            );
            response.widget_info(|| {
                let label: String = note.text.chars().take(200).collect();
                egui::WidgetInfo::selected(egui::Role::Button, true, selected, label)
            });
            if cut && state.gesture == Gesture::None {
                // The card shows only part of the text: the whole of it on hover.
                response.on_hover_ui(|ui| {
                    ui.set_max_width(480.0);
                    let text: String = note.text.chars().take(3000).collect();
                    ui.add(egui::Label::new(text).wrap());
                });
            }
        }
    };
    if moving.is_empty() {
        for note in &session.notes {
            draw(note, (0.0, 0.0));
        }
    } else {
        let moving_set: std::collections::HashSet<NoteId> = moving.iter().copied().collect();
        for note in session.notes.iter().filter(|n| !moving_set.contains(&n.id)) {
            draw(note, (0.0, 0.0));
        }
        for note in session.notes.iter().filter(|n| moving_set.contains(&n.id)) {
            draw(note, (dx, dy));
        }
    }
}

/// The topmost visible note under a canvas point: notes in collapsed themes are hidden, and
/// when the canvas shows one `phase`, so are notes of other phases.
pub fn note_at(
    session: &Session,
    cache: &themes::ThemeCache,
    phase: Option<PhaseId>,
    p: CanvasPos,
) -> Option<NoteId> {
    session
        .notes
        .iter()
        .rev()
        .filter(|n| phase.is_none_or(|phase| n.phase == Some(phase)))
        .find(|n| n.rect().contains(p) && !cache.is_hidden(n))
        .map(|n| n.id)
}

/// True when fewer than half of the notes that can be seen (not inside a collapsed theme) are
/// in view; a note counts as in view when all of it is on screen.
fn mostly_hidden(session: &Session, cache: &themes::ThemeCache, camera: &Camera) -> bool {
    let visible = camera.visible_canvas();
    let (shown, in_view) = session.notes.iter().filter(|n| !cache.is_hidden(n)).fold(
        (0usize, 0usize),
        |(shown, in_view), n| {
            let rect = n.rect();
            let seen = visible.contains(rect.min) && visible.contains(rect.max);
            (shown + 1, in_view + usize::from(seen))
        },
    );
    in_view * 2 < shown
}

/// The area covering every note and every theme frame (an empty theme too), if any.
pub fn content_bounds(
    session: &Session,
    cache: &themes::ThemeCache,
) -> Option<crate::model::CanvasRect> {
    let frames = cache.frames().iter().map(|f| f.rect);
    match session.bounds() {
        Some(notes) => Some(frames.fold(notes, crate::model::CanvasRect::union)),
        None => frames.reduce(crate::model::CanvasRect::union),
    }
}
