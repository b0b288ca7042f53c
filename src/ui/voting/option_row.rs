//! One option on the voting screen: its key number, its name, the dots placed, and the + and −
//! buttons that place and take back a dot.

use egui::{RichText, Sense, Stroke, Vec2, WidgetInfo};

use crate::ui::style::{self, Palette};

/// What one row shows.
#[derive(Default)]
pub struct OptionRow {
    /// The option's name.
    pub name: String,
    /// The dots to draw, or `None` to hide them (a secret tally).
    pub dots: Option<u32>,
    /// How many dot places to draw (the per-option limit), when small enough to draw.
    pub places: u32,
    /// The row the arrow keys have reached (drawn with the accent border).
    pub selected: bool,
    /// The keys moved to this row this frame: scroll it into view.
    pub scroll_to: bool,
    /// How many notes the option (a theme) holds; 0 offers no "notes" button.
    pub note_count: usize,
    /// The theme's notes, when the voter opened them.
    pub notes: Option<Vec<String>>,
}

/// What was clicked in a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowClick {
    /// + (1) or − (-1).
    Dot(i32),
    /// The button that shows or hides the theme's notes.
    Notes,
}

/// From this many options on, rows off screen are skipped (they only take their space).
const LAZY_ROWS_FROM: usize = 60;

/// Draws a row per option, `row(i)` describing the i-th. A long list (a vote on thousands of
/// notes) lays out only the rows on screen, so it stays fast; a usual list draws every row so
/// screen readers (and tests) see every option.
/// `dots_label` says whose dots they are, e.g. "of your dots". Returns the index of the option
/// clicked and what was clicked in it.
pub fn option_rows_ui(
    ui: &mut egui::Ui,
    count: usize,
    dots_label: &str,
    palette: &Palette,
    mut row: impl FnMut(usize) -> OptionRow,
) -> Option<(usize, RowClick)> {
    let mut clicked = None;
    let mut height: Option<f32> = None;
    for i in 0..count {
        if let Some(h) = height.filter(|_| count >= LAZY_ROWS_FROM) {
            let rect =
                egui::Rect::from_min_size(ui.cursor().min, Vec2::new(ui.available_width(), h));
            if !ui.is_rect_visible(rect) {
                ui.allocate_space(Vec2::new(ui.available_width(), h));
                continue;
            }
        }
        let top = ui.cursor().min.y;
        let key = (i < 9).then_some(i + 1);
        let click = ui
            .push_id(("vote-option", i), |ui| {
                option_row_ui(ui, key, &row(i), dots_label, palette)
            })
            .inner;
        height.get_or_insert(ui.cursor().min.y - top - ui.spacing().item_spacing.y);
        if let Some(click) = click {
            clicked = Some((i, click));
        }
    }
    clicked
}

/// Draws the row; returns what was clicked in it.
fn option_row_ui(
    ui: &mut egui::Ui,
    key: Option<usize>,
    row: &OptionRow,
    dots_label: &str,
    palette: &Palette,
) -> Option<RowClick> {
    let mut clicked = None;
    let stroke = if row.selected {
        Stroke::new(3.0, palette.accent)
    } else {
        Stroke::new(1.0, palette.border)
    };
    let frame = egui::Frame::NONE
        .fill(palette.surface)
        .stroke(stroke)
        .corner_radius(style::ROUNDING)
        .inner_margin(egui::Margin::symmetric(14, 8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let key = key.map_or_else(|| " ".to_owned(), |k| k.to_string());
                ui.add_sized(
                    Vec2::new(30.0, style::VOTE_BUTTON_SIZE),
                    egui::Label::new(
                        RichText::new(key)
                            .color(palette.text_muted)
                            .font(style::strong_font(style::text::SUBHEADING)),
                    ),
                );
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if round_button(ui, "+", &format!("Add a dot to {}", row.name), palette)
                        .clicked()
                    {
                        clicked = Some(RowClick::Dot(1));
                    }
                    dots_ui(ui, row, dots_label, palette);
                    if round_button(ui, "−", &format!("Take a dot from {}", row.name), palette)
                        .clicked()
                    {
                        clicked = Some(RowClick::Dot(-1));
                    }
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        // The name, cut short if it must be, then the button for its notes.
                        let room = if row.note_count > 0 {
                            style::VOTE_NOTES_BUTTON_WIDTH
                        } else {
                            0.0
                        };
                        ui.scope(|ui| {
                            ui.set_max_width((ui.available_width() - room).max(40.0));
                            ui.add(
                                egui::Label::new(
                                    RichText::new(&row.name).size(style::VOTE_OPTION_FONT_SIZE),
                                )
                                .truncate(),
                            );
                        });
                        if notes_button_ui(ui, row, palette) {
                            clicked = Some(RowClick::Notes);
                        }
                    });
                });
            });
            if let Some(notes) = &row.notes {
                notes_ui(ui, notes, palette);
            }
        });
    if row.scroll_to {
        frame.response.scroll_to_me(None);
    }
    ui.add_space(style::gap::TINY);
    clicked
}

/// The button that opens or closes a theme's notes ("▸ 6 notes"); true when clicked.
fn notes_button_ui(ui: &mut egui::Ui, row: &OptionRow, palette: &Palette) -> bool {
    if row.note_count == 0 {
        return false;
    }
    let (arrow, verb) = if row.notes.is_some() {
        ("▾", "Hide")
    } else {
        ("▸", "Show")
    };
    let count = row.note_count;
    let text = format!(
        "{arrow} {count} {}",
        if count == 1 { "note" } else { "notes" }
    );
    let label = format!("{verb} the notes of {}", row.name);
    let response = ui
        .add(egui::Button::new(
            RichText::new(text)
                .size(style::text::LABEL)
                .color(palette.text_muted),
        ))
        .on_hover_text(&label);
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
    response.clicked()
}

/// A theme's notes under its row, so voters need not remember the wall.
fn notes_ui(ui: &mut egui::Ui, notes: &[String], palette: &Palette) {
    ui.add_space(style::gap::TINY);
    ui.indent("theme-notes", |ui| {
        for note in notes {
            ui.add(
                egui::Label::new(
                    RichText::new(format!("• {note}"))
                        .size(style::VOTE_NOTE_FONT_SIZE)
                        .color(palette.text),
                )
                .wrap(),
            );
        }
    });
}

/// A round + or − button that names what it does for screen readers and tests.
pub fn round_button(
    ui: &mut egui::Ui,
    text: &str,
    label: &str,
    palette: &Palette,
) -> egui::Response {
    let (rect, response) =
        ui.allocate_exact_size(Vec2::splat(style::VOTE_BUTTON_SIZE), Sense::click());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, label));
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        let fill = if response.hovered() {
            palette.surface_raised
        } else {
            palette.surface
        };
        let stroke = if response.hovered() {
            Stroke::new(2.0, palette.accent)
        } else {
            Stroke::new(1.5, palette.border)
        };
        painter.circle(rect.center(), rect.width() / 2.0 - 2.0, fill, stroke);
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            text,
            style::strong_font(style::text::TITLE),
            palette.text,
        );
    }
    response.on_hover_text(label)
}

/// The dots placed, as filled circles among the empty places (or a number when many).
fn dots_ui(ui: &mut egui::Ui, row: &OptionRow, dots_label: &str, palette: &Palette) {
    let d = style::VOTE_DOT_SIZE;
    let places = row.places.clamp(1, 10);
    let shown = row.dots.unwrap_or(0);
    let many = row.dots.is_none() || shown > places || row.places > 10;
    let width = if many {
        96.0
    } else {
        places as f32 * (d + 4.0)
    };
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, d + 8.0), Sense::hover());
    response.widget_info(|| {
        let text = match row.dots {
            Some(n) => format!("{}: {n} {dots_label}", row.name),
            None => format!("{}: dots hidden", row.name),
        };
        WidgetInfo::labeled(egui::Role::Label, true, text)
    });
    if !ui.is_rect_visible(rect) {
        return;
    }
    let painter = ui.painter();
    if many {
        let text = row
            .dots
            .map_or_else(|| "hidden".to_owned(), |n| n.to_string());
        let colour = if row.dots.is_some() {
            palette.text
        } else {
            palette.text_muted
        };
        if row.dots.is_some() {
            painter.circle_filled(
                egui::pos2(rect.min.x + d / 2.0, rect.center().y),
                d / 2.0,
                style::VOTE_DOT,
            );
        }
        let text_x = if row.dots.is_some() { d + 8.0 } else { 6.0 };
        painter.text(
            egui::pos2(rect.min.x + text_x, rect.center().y),
            egui::Align2::LEFT_CENTER,
            text,
            style::strong_font(style::text::HEADING),
            colour,
        );
        return;
    }
    // Right-to-left layout: fill from the left so dots read like stickers in a row.
    for i in 0..places {
        let c = egui::pos2(rect.min.x + d / 2.0 + i as f32 * (d + 4.0), rect.center().y);
        if i < shown {
            painter.circle_filled(c, d / 2.0, style::VOTE_DOT);
        } else {
            painter.circle_stroke(c, d / 2.0 - 1.0, Stroke::new(1.5, palette.border));
        }
    }
}
