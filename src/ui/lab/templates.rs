//! The template list in the New session dialog.

use egui::{Key, Modifiers, RichText};

use super::widgets::plural;
use crate::storage::{Template, TemplateSource};
use crate::ui::style::Palette;

/// Lists the templates to choose from; ↑ / ↓ move the choice.
pub fn template_picker_ui(
    ui: &mut egui::Ui,
    templates: &[Template],
    chosen: &mut usize,
    palette: &Palette,
) {
    if templates.is_empty() {
        return;
    }
    let before = *chosen;
    if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowDown)) {
        *chosen = (*chosen + 1).min(templates.len() - 1);
    }
    if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowUp)) {
        *chosen = chosen.saturating_sub(1);
    }
    let moved = *chosen != before;
    ui.label("Template (↑ / ↓ to choose)");
    egui::ScrollArea::vertical()
        .max_height(400.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (i, template) in templates.iter().enumerate() {
                let selected = *chosen == i;
                let frame = egui::Frame::NONE
                    .fill(if selected {
                        palette.selection_fill
                    } else {
                        palette.surface_raised
                    })
                    .stroke(egui::Stroke::new(
                        if selected { 2.0 } else { 1.0 },
                        if selected {
                            palette.selection
                        } else {
                            palette.border
                        },
                    ))
                    .corner_radius(8)
                    .inner_margin(egui::Margin::symmetric(12, 6));
                let response = frame
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        let mut facts = vec![if template.phases.is_empty() {
                            "no agenda".to_owned()
                        } else {
                            plural(template.phases.len(), "phase", "phases")
                        }];
                        if let TemplateSource::User(path) = &template.source {
                            let name = path
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default();
                            facts.push(format!("yours: {name}"));
                        }
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(&template.name).strong());
                            ui.label(
                                RichText::new(facts.join(" · "))
                                    .small()
                                    .color(palette.text_muted),
                            );
                        });
                        if !template.description.is_empty() {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(&template.description)
                                        .small()
                                        .color(palette.text_muted),
                                )
                                .wrap(),
                            );
                        }
                    })
                    .response
                    .interact(egui::Sense::click());
                response.widget_info(|| {
                    egui::WidgetInfo::selected(
                        egui::Role::RadioButton,
                        true,
                        selected,
                        format!("Template: {}", template.name),
                    )
                });
                if response.clicked() {
                    *chosen = i;
                }
                if selected && moved {
                    response.scroll_to_me(None);
                }
                ui.add_space(crate::ui::style::gap::TINY);
            }
        });
}
