//! Naming a theme in place: the box over its header, Enter keeps the name, Esc drops it. A
//! theme just made joins its name to the undo step that made it.

use crate::ui::frame::FrameCx;
use egui::{Rect, vec2};

use super::rename_text_id;
use crate::history::StepToken;
use crate::model::theme::THEME_HEADER;
use crate::model::{Edit, Session, ThemeEdit, ThemeFrame, ThemeId};
use crate::ui::board::canvas::transform::{self, Camera};
use crate::ui::board::canvas::{BoardState, KEEP_ESCAPE, reading, typed_text};
use crate::ui::style;

/// A theme being renamed in place, on its frame.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeRename {
    /// The theme (it may be created at the end of this frame).
    pub id: ThemeId,
    /// The name as typed so far.
    pub text: String,
    /// Focus the box and select its text at the next frame it can be shown.
    pub focus_pending: bool,
    /// After Enter or Esc, select the next note in no theme after this place in reading order
    /// (the keyboard sorting flow); `None` to leave the selection alone.
    pub advance: Option<reading::ReadingKey>,
    /// Text typed before the box had focus (fast typists, slow frames): it becomes the name.
    pub typed: String,
    /// The undo step that made the theme, when it was made just now: the name joins that step
    /// if nothing else changed since, so making and naming are undone together.
    pub made_in: Option<StepToken>,
}

impl ThemeRename {
    /// Starts renaming theme `id`, whose name is `text` now.
    pub fn new(id: ThemeId, text: String, advance: Option<reading::ReadingKey>) -> Self {
        Self {
            id,
            text,
            focus_pending: true,
            advance,
            typed: String::new(),
            made_in: None,
        }
    }

    /// Starts naming theme `id`, made this frame in undo step `made_in`: the name and the new
    /// theme are one undo step.
    pub fn new_theme(
        id: ThemeId,
        text: String,
        advance: Option<reading::ReadingKey>,
        made_in: StepToken,
    ) -> Self {
        Self {
            made_in: Some(made_in),
            ..Self::new(id, text, advance)
        }
    }
}

/// Shows the in-place rename box over the theme's header. Enter keeps the name, Esc drops it.
pub fn rename_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    state: &mut BoardState,
    camera: &mut Camera,
) {
    let session = cx.session;
    let Some(rename) = &mut state.theme_rename else {
        return;
    };
    let Some(theme) = session.theme(rename.id) else {
        if !rename.focus_pending {
            state.theme_rename = None;
        }
        return; // Made by this frame's edits: shown from the next frame.
    };
    let Some(frame) = session.theme_frame(rename.id) else {
        return;
    };
    let id = rename_text_id();
    if rename.focus_pending && ui.input(|i| i.pointer.any_pressed() || i.pointer.any_released()) {
        // The double-click that opened the box would take its focus away again: show it from
        // the next frame on.
        ui.ctx().request_repaint();
        return;
    }
    if rename.focus_pending {
        camera.view = transform::reveal(camera, frame.rect);
        if camera.view.zoom < 0.5 {
            camera.view = crate::model::View {
                center: frame.rect.center(),
                zoom: 0.8,
            };
        }
    }
    let focused = ui.memory(|m| m.has_focus(id));
    let commit =
        focused && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter));
    let cancel =
        focused && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    let response = name_box_ui(ui, rename, camera, &frame);
    if rename.focus_pending {
        take_focus(ui, rename, &response);
        return;
    }
    let commit = commit || (response.lost_focus() && !cancel);
    if cancel {
        finish(session, state, camera);
    } else if commit {
        let name = rename.text.trim().to_owned();
        if name.is_empty() {
            cx.notice(format!(
                "A theme needs a name, so it stays \"{}\".",
                theme.name
            ));
        } else if name != theme.name {
            let edit = Edit::Theme(ThemeEdit::Rename { id: theme.id, name });
            match rename.made_in {
                Some(step) => cx.out.edits.join_step(edit, step),
                None => cx.out.edits.push(edit),
            }
        }
        finish(session, state, camera);
    }
}

/// The text box over the frame's header, sized to it at the camera's zoom.
fn name_box_ui(
    ui: &mut egui::Ui,
    rename: &mut ThemeRename,
    camera: &Camera,
    frame: &ThemeFrame,
) -> egui::Response {
    let zoom = camera.view.zoom;
    let screen = camera.screen_rect(frame.rect);
    let height = if frame.collapsed {
        (70.0 * zoom).max(30.0)
    } else {
        (THEME_HEADER * zoom).max(30.0)
    };
    let rect = Rect::from_min_size(
        screen.min + vec2(8.0, 6.0),
        vec2((screen.width() - 70.0).max(180.0), height - 12.0),
    );
    let size = (style::THEME_TITLE_SIZE * zoom).clamp(14.0, 40.0).round();
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
    let response = child.add(
        egui::TextEdit::singleline(&mut rename.text)
            .id(rename_text_id())
            .font(style::strong_font(size))
            .desired_width(rect.width())
            .hint_text("Theme name")
            .event_filter(KEEP_ESCAPE),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Theme name"));
    response
}

/// The box's first frame: it takes the focus with its text selected, and letters typed before
/// it had focus replace the suggested name.
fn take_focus(ui: &egui::Ui, rename: &mut ThemeRename, response: &egui::Response) {
    let id = rename_text_id();
    response.request_focus();
    rename.typed.push_str(&typed_text(ui));
    let typed = std::mem::take(&mut rename.typed);
    let pre_typed = !typed.trim().is_empty();
    if pre_typed {
        rename.text = typed;
    }
    if let Some(mut text_state) = egui::TextEdit::load_state(ui.ctx(), id) {
        let end = rename.text.chars().count();
        let start = if pre_typed { end } else { 0 };
        let all = egui::text::CCursorRange::two(
            egui::text::CCursor::new(start),
            egui::text::CCursor::new(end),
        );
        text_state.cursor.set_char_range(Some(all));
        text_state.store(ui.ctx(), id);
    }
    rename.focus_pending = false;
    ui.ctx().request_repaint();
}

/// Closes the box (kept or dropped) and, in the sorting flow, selects the next note in no
/// theme.
fn finish(session: &Session, state: &mut BoardState, camera: &mut Camera) {
    let advance = state.theme_rename.take().and_then(|r| r.advance);
    state.focus_requested = true;
    if advance.is_some() {
        reading::select_next_unthemed(session, state, camera, advance, &[]);
    }
}
