//! Small pieces shared by the lab screens: section headings and cards.

use egui::RichText;

use crate::ui::style::{self, Palette};

/// A section heading with an optional line of explanation under it.
pub fn section_ui(ui: &mut egui::Ui, title: &str, explain: &str, palette: &Palette) {
    ui.add_space(style::gap::SECTION);
    ui.label(
        RichText::new(title)
            .font(style::strong_font(style::SECTION_FONT_SIZE))
            .color(palette.text),
    );
    if !explain.is_empty() {
        ui.label(RichText::new(explain).color(palette.text_muted));
    }
    ui.add_space(style::gap::SMALL);
}

/// A raised card around `add`.
pub fn card_ui<R>(ui: &mut egui::Ui, palette: &Palette, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    egui::Frame::NONE
        .fill(palette.surface)
        .stroke(egui::Stroke::new(1.0, palette.border))
        .corner_radius(style::ROUNDING)
        .inner_margin(egui::Margin::same(14))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add(ui)
        })
        .inner
}

/// A short warning line in the danger colour, e.g. a break in the golden thread.
pub fn warning_ui(ui: &mut egui::Ui, text: &str, palette: &Palette) {
    ui.add(egui::Label::new(RichText::new(format!("⚠ {text}")).color(palette.danger)).wrap());
}

/// "1 note", "2 notes".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A scrolling, centred column: readable line lengths on a wide projector, full width on a
/// laptop. `salt` tells the scroll positions of different screens apart; with `to_top` the
/// column is shown from its top (a tab just opened shows its most important part).
pub fn centred_column_ui(
    ui: &mut egui::Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    to_top: bool,
    add: impl FnOnce(&mut egui::Ui),
) {
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt(salt)
        .auto_shrink([false, false]);
    if to_top {
        scroll = scroll.vertical_scroll_offset(0.0);
    }
    scroll.show(ui, |ui| {
        let width = (ui.available_width() - 48.0).min(style::LAB_MAX_WIDTH);
        let margin = ((ui.available_width() - width) / 2.0).max(0.0);
        ui.horizontal(|ui| {
            ui.add_space(margin);
            ui.vertical(|ui| {
                ui.set_width(width);
                add(ui);
            });
        });
    });
}
