//! The vote, the golden thread and the actions on the audience screen, in type read from the
//! back of the room.

use egui::{RichText, Sense, Vec2, WidgetInfo};

use super::scene::{ActionLine, RankLine, ThreadShot, VoteShot};
use crate::ui::style::{self, Palette, audience as size};

/// A centred column at most [`size::COLUMN_WIDTH`] wide, for lists.
fn column_ui(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) {
    let area = ui.available_rect_before_wrap();
    let width = area.width().min(size::COLUMN_WIDTH) - 2.0 * size::MARGIN;
    let rect = egui::Rect::from_center_size(
        egui::pos2(area.center().x, area.center().y),
        egui::vec2(width.max(100.0), area.height()),
    );
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
    add(&mut child);
}

/// A heading on the audience screen.
fn heading_ui(ui: &mut egui::Ui, text: &str, palette: &Palette) {
    ui.add(
        egui::Label::new(
            RichText::new(text)
                .font(style::strong_font(size::HEADING_SIZE))
                .color(palette.text),
        )
        .wrap(),
    );
    ui.add_space(style::gap::BLOCK);
}

/// The vote: while open, its question and the ballots in (never a total); once revealed, the
/// ranking with bars.
pub fn vote_ui(ui: &mut egui::Ui, vote: &VoteShot, palette: &Palette) {
    column_ui(ui, |ui| match vote {
        VoteShot::Open {
            question,
            ballots_in,
            voters,
        } => {
            // The question and the count sit together in the middle of the screen.
            ui.add_space(ui.available_height() * size::OPEN_VOTE_TOP_SHARE);
            ui.vertical_centered(|ui| {
                heading_ui(ui, question, palette);
                let (big, caption) = match ballots_in {
                    Some(n) => (format!("{n} of {voters}"), "ballots in"),
                    None => ("…".to_owned(), "The room is being counted"),
                };
                ui.label(
                    RichText::new(big)
                        .font(style::strong_font(size::BALLOTS_SIZE))
                        .color(palette.accent),
                );
                ui.label(
                    RichText::new(caption)
                        .font(style::strong_font(size::LINE_SIZE))
                        .color(palette.text_muted),
                );
            });
        }
        VoteShot::Revealed { question, rows } => {
            heading_ui(ui, question, palette);
            let max = rows.iter().map(|r| r.dots).max().unwrap_or(0).max(1);
            for row in rows {
                rank_row_ui(ui, row, max, palette);
            }
        }
    });
}

/// One option of the ranking: place, name, bar and dots.
fn rank_row_ui(ui: &mut egui::Ui, row: &RankLine, max: u32, palette: &Palette) {
    let width = ui.available_width();
    let height = size::BAR_HEIGHT + style::gap::WIDE;
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    let place = if row.tied {
        format!("={}", row.rank)
    } else {
        row.rank.to_string()
    };
    response.widget_info(|| {
        WidgetInfo::labeled(
            egui::Role::Label,
            true,
            format!("{place}. {}: {} dots", row.name, row.dots),
        )
    });
    let painter = ui.painter();
    let font = style::strong_font(size::LINE_SIZE);
    let y = rect.center().y;
    painter.text(
        egui::pos2(rect.min.x, y),
        egui::Align2::LEFT_CENTER,
        place,
        font.clone(),
        palette.text_muted,
    );
    let name_x = rect.min.x + 70.0;
    let mut job =
        egui::text::LayoutJob::simple_singleline(row.name.clone(), font.clone(), palette.text);
    job.wrap.max_width = size::BAR_NAME_WIDTH;
    job.wrap.max_rows = 1;
    job.wrap.overflow_character = Some('…');
    let galley = painter.layout_job(job);
    painter.galley(
        egui::pos2(name_x, y - galley.size().y / 2.0),
        galley,
        palette.text,
    );
    let bar_x = name_x + size::BAR_NAME_WIDTH + style::gap::WIDE;
    let bar_max = (rect.max.x - 120.0 - bar_x).max(10.0);
    let bar = egui::Rect::from_min_size(
        egui::pos2(bar_x, y - size::BAR_HEIGHT / 2.0),
        Vec2::new(
            (bar_max * row.dots as f32 / max as f32).max(3.0),
            size::BAR_HEIGHT,
        ),
    );
    let fill = if row.rank == 1 && row.dots > 0 {
        palette.accent
    } else {
        palette.accent.gamma_multiply(0.45)
    };
    painter.rect_filled(bar, style::ROUNDING, fill);
    painter.text(
        egui::pos2(bar.max.x + style::gap::LARGE, y),
        egui::Align2::LEFT_CENTER,
        row.dots.to_string(),
        font,
        palette.text,
    );
}

/// The golden thread: vision, then outcomes, then actions.
pub fn thread_ui(ui: &mut egui::Ui, thread: &ThreadShot, palette: &Palette) {
    column_ui(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            if !thread.vision.trim().is_empty() {
                heading_ui(ui, &thread.vision, palette);
            }
            section_ui(ui, "Outcomes", palette);
            for outcome in &thread.outcomes {
                line_ui(ui, outcome, None, palette);
            }
            ui.add_space(style::gap::BLOCK);
            section_ui(ui, "Actions", palette);
            for action in &thread.actions {
                line_ui(ui, &action.description, Some(&action.detail), palette);
            }
        });
    });
}

/// The actions, each with who, by when and for which theme.
pub fn actions_ui(ui: &mut egui::Ui, actions: &[ActionLine], palette: &Palette) {
    column_ui(ui, |ui| {
        heading_ui(ui, "Actions", palette);
        if actions.is_empty() {
            line_ui(ui, "No actions yet", None, palette);
        }
        egui::ScrollArea::vertical().show(ui, |ui| {
            for action in actions {
                line_ui(ui, &action.description, Some(&action.detail), palette);
            }
        });
    });
}

/// A section's name in the accent colour.
fn section_ui(ui: &mut egui::Ui, text: &str, palette: &Palette) {
    ui.label(
        RichText::new(text)
            .font(style::strong_font(size::PHASE_SIZE))
            .color(palette.accent),
    );
    ui.add_space(style::gap::SMALL);
}

/// One line of a list, with its detail in smaller, muted type.
fn line_ui(ui: &mut egui::Ui, text: &str, detail: Option<&str>, palette: &Palette) {
    ui.add(
        egui::Label::new(
            RichText::new(format!("•  {text}"))
                .font(style::strong_font(size::LINE_SIZE))
                .color(palette.text),
        )
        .wrap(),
    );
    if let Some(detail) = detail.filter(|d| !d.is_empty()) {
        ui.label(
            RichText::new(format!("    {detail}"))
                .font(style::font(style::text::SECTION))
                .color(palette.text_muted),
        );
    }
    ui.add_space(style::gap::LARGE);
}
