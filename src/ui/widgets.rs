//! Small custom widgets shared by several screens.

use egui::{Response, Sense, Stroke, StrokeKind, Vec2};

use crate::model::NoteColour;
use crate::ui::style::{self, Palette};

/// A round colour swatch that reports itself as a button named after its colour.
pub fn swatch(
    ui: &mut egui::Ui,
    colour: NoteColour,
    selected: bool,
    palette: &Palette,
) -> Response {
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(30.0), Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, selected, colour.name())
    });
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        let r = rect.shrink(3.0);
        painter.rect_filled(r, 15.0, style::note_fill(colour));
        painter.rect_stroke(
            r,
            15.0,
            Stroke::new(1.0, style::NOTE_EDGE),
            StrokeKind::Inside,
        );
        if selected {
            painter.rect_stroke(
                rect,
                15.0,
                Stroke::new(2.5, palette.selection),
                StrokeKind::Inside,
            );
        } else if response.hovered() {
            painter.rect_stroke(
                rect,
                15.0,
                Stroke::new(1.5, palette.accent),
                StrokeKind::Inside,
            );
        }
    }
    response
}

/// The main action button of a screen: gold, with text that reads on it.
pub fn primary_button(ui: &mut egui::Ui, text: &str, palette: &Palette) -> Response {
    ui.add(
        egui::Button::new(egui::RichText::new(text).color(palette.on_accent).strong())
            .fill(palette.accent)
            .min_size(egui::vec2(0.0, 38.0)),
    )
}

/// A file's name for a message, e.g. "council.ron" (the whole path when it has no name).
pub fn file_name_of(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
