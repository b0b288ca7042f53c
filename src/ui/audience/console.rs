//! The console's card while presenting: a small live preview of what the audience sees, and
//! its controls (blank, freeze, what to show, follow or fit, which screen, stop). Every control
//! is an [`Action`] from the registry, so its key and its tooltip are the registry's.

use egui::emath::TSTransform;
use egui::{Id, RichText};

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

/// The panel at the console's right edge: the preview, then the controls.
pub fn console_ui(
    ui: &mut egui::Ui,
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
    egui::Panel::right("goldthread.audience.console")
        .exact_size(size::PREVIEW_WIDTH + 2.0 * style::gap::LARGE)
        .resizable(false)
        .frame(
            egui::Frame::NONE
                .fill(palette.surface)
                .stroke(egui::Stroke::new(1.0, palette.border))
                .inner_margin(style::gap::LARGE),
        )
        .show(ui, |ui| {
            let status = if state.blank {
                "Audience screen: blank"
            } else if state.frozen {
                "Audience screen: frozen"
            } else {
                "Audience screen: live"
            };
            ui.label(
                RichText::new(status)
                    .font(style::strong_font(style::text::LABEL))
                    .color(palette.text),
            );
            ui.add_space(style::gap::SMALL);
            let (rect, _) = ui.allocate_exact_size(preview_size, egui::Sense::hover());
            ui.painter()
                .rect_stroke(rect, 2.0, (1.0, palette.border), egui::StrokeKind::Outside);
            preview_at = Some(rect);
            ui.add_space(style::gap::NORMAL);
            controls_ui(ui, state, commands);
        });
    let Some(rect) = preview_at else { return };
    preview_ui(ui.ctx(), scene, rect);
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
    let toggle = |ui: &mut egui::Ui, on: bool, text: &str, action: Action| {
        let response = ui
            .selectable_label(on, text)
            .on_hover_text(action.hover_text(ui.ctx()));
        response.clicked().then_some(action)
    };
    let mut chosen = Vec::new();
    ui.set_max_width(size::PREVIEW_WIDTH);
    ui.horizontal_wrapped(|ui| {
        chosen.extend(toggle(ui, state.blank, "Blank (B)", Action::BlankAudience));
        chosen.extend(toggle(
            ui,
            state.frozen,
            "Freeze (F7)",
            Action::FreezeAudience,
        ));
        chosen.extend(toggle(ui, false, "Stop (F5)", Action::Present));
    });
    ui.add_space(style::gap::SMALL);
    egui::ComboBox::from_label("on screen")
        .width(size::CONSOLE_COMBO_WIDTH)
        .selected_text(state.show.label())
        .show_ui(ui, |ui| {
            for show in Show::ALL {
                let action = Action::ShowOnScreen(show);
                chosen.extend(toggle(ui, state.show == show, show.label(), action));
            }
        });
    egui::ComboBox::from_label("for the audience")
        .width(size::CONSOLE_COMBO_WIDTH)
        .selected_text(format!("Screen {}", state.screen + 1))
        .show_ui(ui, |ui| {
            for n in 1..=3u8 {
                let on = state.screen + 1 == usize::from(n);
                let text = format!("Screen {n}");
                chosen.extend(toggle(ui, on, &text, Action::AudienceScreen(n)));
            }
        });
    chosen.extend(toggle(
        ui,
        state.follows_view,
        "Board follows my view",
        Action::ToggleAudienceFollow,
    ));
    commands.extend(chosen.into_iter().map(Command::Action));
}
