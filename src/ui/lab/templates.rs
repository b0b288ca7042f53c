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
    if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowDown)) {
        *chosen = (*chosen + 1).min(templates.len() - 1);
    }
    if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowUp)) {
        *chosen = chosen.saturating_sub(1);
    }
    ui.label("Template");
    egui::ScrollArea::vertical()
        .max_height(330.0)
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
                    .inner_margin(egui::Margin::symmetric(12, 8));
                let response = frame
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(RichText::new(&template.name).strong());
                        if !template.description.is_empty() {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(&template.description).color(palette.text_muted),
                                )
                                .wrap(),
                            );
                        }
                        let mut facts = vec![plural(template.phases.len(), "phase", "phases")];
                        if !template.starter_themes.is_empty() {
                            facts.push(format!("themes {}", template.starter_themes.join(", ")));
                        }
                        if let TemplateSource::User(path) = &template.source {
                            let name = path
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default();
                            facts.push(format!("your template ({name})"));
                        }
                        ui.label(
                            RichText::new(facts.join(" · "))
                                .small()
                                .color(palette.text_muted),
                        );
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
                ui.add_space(4.0);
            }
        });
}
