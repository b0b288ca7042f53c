//! The Board on the audience screen (following the facilitator's view or fitted on its own) and
//! the spotlight on one theme. Notes are painted by the canvas's own painter, read-only: no
//! selection, no dots (a dot on a note would tell a total before the reveal), no hints.

use egui::{Align2, CornerRadius, Rect, RichText, Sense, Stroke, StrokeKind, WidgetInfo};

use super::scene::{BoardShot, FrameShot, Spotlight};
use crate::model::{Note, NoteId};
use crate::ui::board::canvas::paint;
use crate::ui::board::canvas::transform::{self, Camera};
use crate::ui::style::{self, Palette, audience as size};

/// Draws the Board into the rest of `ui`.
pub fn board_ui(ui: &mut egui::Ui, shot: &BoardShot, palette: &Palette) {
    let screen = ui.available_rect_before_wrap();
    let response = ui.allocate_rect(screen, Sense::hover());
    let picture = &shot.picture;
    response.widget_info(|| {
        WidgetInfo::labeled(
            egui::Role::Canvas,
            true,
            format!("Board with {} notes", picture.notes.len()),
        )
    });
    let view = match shot.follow {
        Some(follow) => {
            // The same part of the canvas as on the console, at the audience screen's size.
            let scale = (screen.width() / follow.area.x.max(1.0))
                .min(screen.height() / follow.area.y.max(1.0));
            let mut view = follow.view;
            view.zoom = (view.zoom * scale).clamp(transform::MIN_ZOOM, transform::MAX_ZOOM);
            view
        }
        None => transform::fit(picture.bounds, screen),
    };
    let camera = Camera { screen, view };
    let painter = ui.painter_at(screen);
    paint::background(&painter, &camera, palette);
    for frame in &picture.frames {
        frame_ui(&painter, frame, &camera);
    }
    let visible = camera.visible_canvas();
    for note in &picture.notes {
        if !visible.intersects(&note.rect()) {
            continue;
        }
        let rect = camera.screen_rect(note.rect());
        paint::note(&painter, note, rect, view.zoom, false, palette);
        if rect.width() >= style::NOTE_MIN_HOVER_WIDTH {
            let id = ui.scope_id().with(("audience-note", note.id));
            let note_response = ui.interact(rect.intersect(screen), id, Sense::hover());
            note_response.widget_info(|| {
                let label: String = note.text.chars().take(200).collect();
                WidgetInfo::labeled(egui::Role::Button, true, label)
            });
        }
    }
}

/// One theme's frame (or its card, when collapsed) with its name.
fn frame_ui(painter: &egui::Painter, frame: &FrameShot, camera: &Camera) {
    let rect = camera.screen_rect(frame.rect);
    if !painter.clip_rect().intersects(rect) {
        return;
    }
    let zoom = camera.view.zoom;
    let radius = CornerRadius::same((style::THEME_ROUNDING * zoom).clamp(2.0, 14.0) as u8);
    let fill = if frame.collapsed {
        style::theme_card_fill(frame.colour)
    } else {
        style::theme_fill(frame.colour)
    };
    painter.rect(
        rect,
        radius,
        fill,
        Stroke::new(style::THEME_FRAME_WIDTH, style::theme_stroke(frame.colour)),
        StrokeKind::Inside,
    );
    let (title, above) = crate::ui::board::canvas::themes::title_size(zoom);
    let name = if frame.collapsed {
        format!("{} ({})", frame.name, frame.count)
    } else {
        frame.name.clone()
    };
    let (pos, align) = if above {
        (rect.left_top() - egui::vec2(0.0, 4.0), Align2::LEFT_BOTTOM)
    } else {
        (
            rect.left_top() + egui::vec2(12.0 * zoom, 8.0 * zoom),
            Align2::LEFT_TOP,
        )
    };
    painter.text(
        pos,
        align,
        name,
        style::strong_font(title),
        style::theme_stroke(frame.colour),
    );
}

/// One theme's notes at full size, in rows under its name.
pub fn spotlight_ui(ui: &mut egui::Ui, spot: &Spotlight, palette: &Palette) {
    let inner = ui
        .available_rect_before_wrap()
        .shrink2(egui::vec2(size::MARGIN, 0.0));
    let mut ui = ui.new_child(egui::UiBuilder::new().max_rect(inner));
    ui.label(
        RichText::new(&spot.name)
            .font(style::strong_font(size::HEADING_SIZE))
            .color(style::theme_stroke(spot.colour)),
    );
    ui.add_space(style::gap::LARGE);
    let area = ui.available_rect_before_wrap();
    ui.allocate_rect(area, Sense::hover());
    let card = size::SPOTLIGHT_NOTE;
    let columns = (((area.width() + size::SPOTLIGHT_GAP) / (card.x + size::SPOTLIGHT_GAP)).floor()
        as usize)
        .max(1);
    let painter = ui.painter_at(area);
    for (i, (text, colour)) in spot.notes.iter().enumerate() {
        let (row, col) = (i / columns, i % columns);
        let min = area.min
            + egui::vec2(
                col as f32 * (card.x + size::SPOTLIGHT_GAP),
                row as f32 * (card.y + size::SPOTLIGHT_GAP),
            );
        let rect = Rect::from_min_size(min, card);
        if !area.intersects(rect) {
            break; // More notes than the screen holds: the rest stay off screen.
        }
        let note = Note::new(
            NoteId(i as u64),
            text.clone(),
            *colour,
            crate::model::CanvasPos::new(0.0, 0.0),
        );
        paint::note(&painter, &note, rect, 1.0, false, palette);
        let response = ui.interact(rect, ui.scope_id().with(("spotlight", i)), Sense::hover());
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, text.clone()));
    }
    if spot.notes.is_empty() {
        ui.label(
            RichText::new("No notes in this theme yet")
                .font(style::strong_font(size::LINE_SIZE))
                .color(palette.text_muted),
        );
    }
}
