//! Editing a note's text in place, on the note itself.

use crate::ui::frame::FrameCx;
use egui::{FontId, Id, Key, KeyboardShortcut, Modifiers, TextEdit};

use super::transform::Camera;
use super::{BoardState, KEEP_ESCAPE};
use crate::model::{Edit, Note, NoteId};
use crate::ui::style;

/// The in-place editor's text box id.
pub fn editor_text_id() -> Id {
    Id::unique("goldthread.editor.text")
}

/// A note being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteEditor {
    /// The note.
    pub id: NoteId,
    /// The text as edited so far.
    pub text: String,
    /// Focus the text box (and bring the note close enough to read) at the next frame.
    pub focus_pending: bool,
}

impl NoteEditor {
    /// Starts editing `note`.
    pub fn new(note: &Note) -> Self {
        Self {
            id: note.id,
            text: note.text.clone(),
            focus_pending: true,
        }
    }
}

/// Shows the editor over its note. Enter or clicking away keeps the change; Esc drops it.
pub fn editor_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    state: &mut BoardState,
    camera: &mut Camera,
) {
    let session = cx.session;
    let Some(editor) = &mut state.editor else {
        return;
    };
    let Some(note) = session.note(editor.id) else {
        state.editor = None;
        return;
    };
    if editor.focus_pending && ui.input(|i| i.pointer.any_pressed() || i.pointer.any_released()) {
        // The press that opened the editor (a double-click) would count as a click outside the
        // brand-new text box and take its focus away; show it from the next frame on.
        ui.ctx().request_repaint();
        return;
    }
    let id = editor_text_id();
    let focused = ui.memory(|m| m.has_focus(id));
    let mut commit = focused
        && ui.input_mut(|i| !i.modifiers.shift && i.consume_key(Modifiers::NONE, Key::Enter));
    let cancel = focused && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));

    if editor.focus_pending && camera.view.zoom < 0.75 {
        // Too small to read while typing: bring the note close first.
        camera.view = crate::model::View {
            center: note.rect().center(),
            zoom: 1.0,
        };
    }
    let rect = camera.screen_rect(note.rect());
    let zoom = camera.view.zoom;
    ui.painter()
        .rect_filled(rect.expand(3.0), 6.0, style::note_fill(note.colour));
    ui.painter().rect_stroke(
        rect.expand(3.0),
        6.0,
        egui::Stroke::new(3.0, style::NOTE_TEXT),
        egui::StrokeKind::Outside,
    );
    let inner = rect.shrink(style::NOTE_PADDING * zoom);
    let font = editor_font(ui.painter(), &editor.text, inner, zoom);
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(inner));
    let response = egui::ScrollArea::vertical()
        .id_salt("goldthread.editor.scroll")
        .max_height(inner.height())
        .show(&mut child, |ui| {
            ui.add(
                TextEdit::multiline(&mut editor.text)
                    .id(id)
                    .frame(egui::Frame::NONE)
                    .margin(egui::Margin::ZERO)
                    .desired_width(inner.width())
                    .min_size(inner.size())
                    .font(font)
                    .text_color(style::NOTE_TEXT)
                    .return_key(KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter))
                    .event_filter(KEEP_ESCAPE),
            )
        })
        .inner;
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Edit note"));
    if editor.focus_pending {
        response.request_focus();
        editor.focus_pending = false;
    } else if response.lost_focus() && !cancel {
        commit = true;
    }

    if cancel {
        state.editor = None;
        state.focus_requested = true;
    } else if commit {
        let text = editor.text.trim().to_owned();
        if text.is_empty() {
            cx.notice(
                "A note can't be empty, so its text was kept. Press Delete to remove it."
                    .to_owned(),
            );
        } else if text != note.text {
            cx.out.edits.push(Edit::SetText { id: note.id, text });
        }
        state.editor = None;
        state.focus_requested = true;
    }
}

/// The font the editor types in: the size the note's text is drawn at on the wall now (as
/// large as the whole text fits on the card, see [`super::paint::fitted_text`]), so editing
/// shows the note as the room sees it, and the text shrinks to fit as it grows.
pub fn editor_font(painter: &egui::Painter, text: &str, inner: egui::Rect, zoom: f32) -> FontId {
    let (galley, _) = super::paint::fitted_text(painter, text.to_owned(), inner, zoom);
    galley
        .job
        .sections
        .first()
        .map_or_else(|| style::note_font(zoom), |s| s.format.font_id.clone())
}
