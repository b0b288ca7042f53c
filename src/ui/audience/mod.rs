//! The audience window: what the room sees on the projector while the facilitator keeps the
//! controls on the laptop. It draws an [`AudienceScene`] (plain data the console makes from the
//! session, see [`scene`]) and nothing else: no menus, no editing chrome, no private notes.

mod board;
pub mod console;
mod lists;
pub mod make;
pub mod scene;

use egui::{Align2, RichText, Sense, WidgetInfo};

pub use scene::{AudienceScene, Content, Show};

use crate::ui::style::{self, Palette, audience as size};

/// Draws `scene` into all of `ui`: the phase's question and countdown along the top, then the
/// content; a blanked scene is only black.
pub fn audience_ui(ui: &mut egui::Ui, scene: &AudienceScene) {
    let palette = scene.theme.palette();
    let screen = ui.max_rect();
    if scene.blank {
        ui.painter().rect_filled(screen, 0.0, size::BLANK);
        let response = ui.allocate_rect(screen, Sense::hover());
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, "Blank screen"));
        return;
    }
    ui.painter().rect_filled(screen, 0.0, palette.canvas);
    let inner = screen.shrink(size::MARGIN);
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(inner));
    let header_bottom = header_ui(&mut child, scene, &palette);
    let body = egui::Rect::from_min_max(egui::pos2(screen.min.x, header_bottom), screen.max);
    let mut body_ui = ui.new_child(egui::UiBuilder::new().max_rect(body));
    content_ui(&mut body_ui, scene, &palette);
    if let Some(countdown) = &scene.countdown
        && let Some(secs) = countdown.next_tick_secs()
    {
        // Once a second while the timer runs; never otherwise.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs_f64(secs));
    }
}

/// The phase's name and question, and the countdown at the right. Returns the header's bottom.
fn header_ui(ui: &mut egui::Ui, scene: &AudienceScene, palette: &Palette) -> f32 {
    let top = ui.max_rect().min.y;
    let timer_width = if scene.countdown.is_some() {
        countdown_ui(ui, scene, palette)
    } else {
        0.0
    };
    if scene.question.trim().is_empty() && scene.phase.is_none() {
        let timer_height = if timer_width > 0.0 { 110.0 } else { 0.0 };
        return top + timer_height;
    }
    let width = (ui.max_rect().width() - timer_width - size::MARGIN).max(100.0);
    ui.allocate_ui_with_layout(
        egui::vec2(width, 0.0),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            if let Some(phase) = &scene.phase {
                ui.label(
                    RichText::new(phase)
                        .font(style::strong_font(size::PHASE_SIZE))
                        .color(palette.accent),
                );
            }
            if !scene.question.trim().is_empty() {
                ui.add(
                    egui::Label::new(
                        RichText::new(&scene.question)
                            .font(style::strong_font(size::QUESTION_SIZE))
                            .color(palette.text),
                    )
                    .wrap(),
                );
            }
        },
    );
    ui.min_rect().max.y.max(top + 110.0) + style::gap::BLOCK
}

/// The countdown in the top-right corner, red once time is up. Returns its width.
fn countdown_ui(ui: &mut egui::Ui, scene: &AudienceScene, palette: &Palette) -> f32 {
    let Some(countdown) = &scene.countdown else {
        return 0.0;
    };
    let now = countdown.now_secs();
    let over = countdown.timer.is_overtime(now);
    let text = countdown.timer.display(now);
    let (fill, colour) = if over {
        let flash = (countdown.timer.elapsed_secs(now) as i64) % 2 == 0;
        (
            style::time_up_fill(palette, flash && countdown.timer.is_running()),
            style::time_up_text(palette),
        )
    } else {
        (palette.surface_raised, palette.text)
    };
    let painter = ui.painter();
    let galley = painter.layout_no_wrap(text.clone(), style::strong_font(size::TIMER_SIZE), colour);
    let pad = egui::vec2(24.0, 8.0);
    let area = ui.max_rect();
    let rect = egui::Align2::RIGHT_TOP.align_size_within_rect(galley.size() + 2.0 * pad, area);
    painter.rect_filled(rect, style::ROUNDING, fill);
    painter.galley(rect.min + pad, galley, colour);
    if over {
        painter.text(
            egui::pos2(rect.center().x, rect.max.y + 4.0),
            Align2::CENTER_TOP,
            "Time's up",
            style::strong_font(size::PHASE_SIZE),
            palette.danger,
        );
    }
    let label = if over {
        format!("Time's up {text}")
    } else {
        format!("Time left {text}")
    };
    let response = ui.interact(rect, ui.scope_id().with("audience-timer"), Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, label.clone()));
    rect.width() + size::MARGIN
}

/// The main part of the screen.
fn content_ui(ui: &mut egui::Ui, scene: &AudienceScene, palette: &Palette) {
    match &scene.content {
        Content::Message(text) => message_ui(ui, text, palette),
        Content::Board(shot) => board::board_ui(ui, shot, palette),
        Content::Spotlight(spot) => board::spotlight_ui(ui, spot, palette),
        Content::Vote(vote) => lists::vote_ui(ui, vote, palette),
        Content::Thread(thread) => lists::thread_ui(ui, thread, palette),
        Content::Actions(actions) => lists::actions_ui(ui, actions, palette),
        Content::Room => match &scene.invite {
            Some(invite) => {
                let side = (ui.available_height() - 260.0).clamp(160.0, 720.0);
                ui.add_space(style::gap::LARGE);
                crate::ui::invite::invite_ui(ui, invite, side, palette);
            }
            None => message_ui(ui, "Phones are not invited", palette),
        },
    }
}

/// One line in the middle of the screen.
fn message_ui(ui: &mut egui::Ui, text: &str, palette: &Palette) {
    ui.centered_and_justified(|ui| {
        ui.label(
            RichText::new(text)
                .font(style::strong_font(size::HEADING_SIZE))
                .color(palette.text_muted),
        );
    });
}
