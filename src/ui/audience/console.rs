//! The console's card while presenting: a small live preview of what the audience sees, and
//! its controls (blank, freeze, what to show, follow or fit, which screen, stop). Every control
//! is an [`Action`] from the registry, so its key and its tooltip are the registry's.

use egui::emath::TSTransform;
use egui::{Align2, Id, RichText};

use super::{AudienceScene, Show, audience_ui};
use crate::ui::action::Action;
use crate::ui::command::Command;
use crate::ui::style::{self, Palette, audience as size};

/// What the console's controls show as chosen.
#[derive(Clone, Copy, Debug)]
pub struct ConsoleState {
    /// The audience screen is blank.
    pub blank: bool,
    /// The audience screen is frozen.
    pub frozen: bool,
    /// What is sent to the audience.
    pub show: Show,
    /// The audience Board follows the facilitator's view.
    pub follows_view: bool,
    /// The screen the audience window is on (0 = the first).
    pub screen: usize,
}

/// The card in the console's bottom-left corner, above the Board's key hints.
pub fn console_ui(
    ctx: &egui::Context,
    scene: &AudienceScene,
    state: &ConsoleState,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    let preview_size = egui::vec2(
        size::PREVIEW_WIDTH,
        size::PREVIEW_WIDTH * size::PREVIEW_SOURCE.y / size::PREVIEW_SOURCE.x,
    );
    let mut preview_at = None;
    egui::Area::new(Id::unique("goldthread.console"))
        .anchor(Align2::LEFT_BOTTOM, egui::vec2(style::gap::WIDE, -40.0))
        .order(egui::Order::Middle)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style())
                .fill(palette.surface)
                .inner_margin(style::gap::LARGE)
                .show(ui, |ui| {
                    ui.set_width(size::PREVIEW_WIDTH);
                    let status = if state.blank {
                        "Audience: blank"
                    } else if state.frozen {
                        "Audience: frozen"
                    } else {
                        "Audience: live"
                    };
                    ui.label(RichText::new(status).strong().color(palette.text));
                    let (rect, _) = ui.allocate_exact_size(preview_size, egui::Sense::hover());
                    ui.painter().rect_stroke(
                        rect,
                        2.0,
                        (1.0, palette.border),
                        egui::StrokeKind::Outside,
                    );
                    preview_at = Some(rect);
                    controls_ui(ui, state, commands);
                });
        });
    let Some(rect) = preview_at else { return };
    preview_ui(ctx, scene, rect);
}

/// The audience screen drawn at its full size on its own layer, scaled down into `rect`.
fn preview_ui(ctx: &egui::Context, scene: &AudienceScene, rect: egui::Rect) {
    let source = egui::Rect::from_min_size(egui::Pos2::ZERO, size::PREVIEW_SOURCE);
    let area = egui::Area::new(Id::unique("goldthread.console.preview"))
        .fixed_pos(egui::Pos2::ZERO)
        .order(egui::Order::Foreground)
        .constrain(false)
        .interactable(false)
        .show(ctx, |ui| {
            let mut child = ui.new_child(egui::UiBuilder::new().max_rect(source));
            child.set_clip_rect(source);
            audience_ui(&mut child, scene);
        });
    let scale = rect.width() / source.width();
    let transform = TSTransform::new(rect.min.to_vec2(), scale);
    ctx.set_transform_layer(area.response.layer_id, transform);
}

/// Blank, freeze, stop; what to show; follow or fit; which screen.
fn controls_ui(ui: &mut egui::Ui, state: &ConsoleState, commands: &mut Vec<Command>) {
    let mut toggle = |ui: &mut egui::Ui, on: bool, text: &str, action: Action| {
        let response = ui
            .selectable_label(on, text)
            .on_hover_text(action.hover_text(ui.ctx()));
        if response.clicked() {
            commands.push(Command::Action(action));
        }
    };
    ui.horizontal(|ui| {
        toggle(ui, state.blank, "Blank (B)", Action::BlankAudience);
        toggle(ui, state.frozen, "Freeze (F7)", Action::FreezeAudience);
        toggle(ui, false, "Stop (F5)", Action::Present);
    });
    ui.label(RichText::new("Show on screen").small());
    ui.horizontal_wrapped(|ui| {
        for show in Show::ALL {
            toggle(
                ui,
                state.show == show,
                show.label(),
                Action::ShowOnScreen(show),
            );
        }
    });
    ui.horizontal_wrapped(|ui| {
        toggle(
            ui,
            state.follows_view,
            "Follow my view",
            Action::ToggleAudienceFollow,
        );
        for n in 1..=3u8 {
            let chosen = state.screen + 1 == usize::from(n);
            toggle(
                ui,
                chosen,
                &format!("Screen {n}"),
                Action::AudienceScreen(n),
            );
        }
    });
}
