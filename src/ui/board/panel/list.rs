//! The theme list: one row per theme, in number-key order, with its colour, name and count,
//! up and down buttons, collapse, and a menu for rename, colour, tidy, split, merge and delete.

use crate::ui::frame::FrameCx;
use egui::{RichText, Sense, Stroke, Vec2};

use super::{Merge, notes_count};
use crate::model::{Edit, NoteId, Session, Theme, ThemeColour, ThemeEdit, ThemeId};
use crate::ui::action::Action;
use crate::ui::board::canvas::themes::ThemeRename;
use crate::ui::board::canvas::{BoardState, transform};
use crate::ui::style::{self};
use crate::ui::widgets::primary_button;

/// What a row asked for, done after the list is drawn.
enum RowAction {
    Edit(ThemeEdit),
    Show(ThemeId),
    Rename(ThemeId),
    Merge(ThemeId, ThemeId),
    Split(ThemeId),
    Delete(ThemeId),
}

/// Draws the list of themes and the buttons to make one.
pub fn list_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, state: &mut BoardState) {
    let session = cx.session;
    let palette = cx.palette;
    let selected = state.selection.len();
    let new_label = if selected == 0 {
        "New theme".to_owned()
    } else {
        format!("New theme from {}", notes_count(selected))
    };
    if primary_button(ui, &new_label, palette)
        .on_hover_text(format!(
            "{}: a theme from the selected notes, or an empty one",
            Action::MakeTheme.keys_text(ui.ctx())
        ))
        .clicked()
    {
        // The same action as the key and the selection bar's button, applied by the canvas.
        state.queued_actions.push(Action::MakeTheme);
    }
    if session.themes.is_empty() {
        ui.label(
            RichText::new(
                "No themes yet. Select notes and press Ctrl+G, or ask for suggestions below.",
            )
            .color(palette.text_muted),
        );
        return;
    }
    ui.label(
        RichText::new("With notes selected, 1–9 sends them to a theme, 0 takes them out.")
            .small()
            .color(palette.text_muted),
    );
    merge_ui(ui, cx, state);
    let mut actions = Vec::new();
    let count_of = |id: ThemeId| state.themes.frame(id).map_or(0, |f| f.count);
    // Rows scrolled out of sight only take their space: a session with a hundred themes costs
    // no more per frame than one with ten.
    let row_height = state.themes_panel.row_height;
    let mut measured = 0.0_f32;
    for (index, theme) in session.themes.iter().enumerate() {
        let width = ui.available_width();
        if row_height > 0.0 {
            let probe = egui::Rect::from_min_size(ui.cursor().min, Vec2::new(width, row_height));
            if !ui.is_rect_visible(probe) {
                let gap = ui.spacing().item_spacing.y;
                ui.allocate_space(Vec2::new(width, (row_height - gap).max(0.0)));
                continue;
            }
        }
        let top = ui.cursor().min.y;
        theme_row_ui(
            ui,
            cx,
            theme,
            index,
            count_of(theme.id),
            &state.selection,
            &mut actions,
        );
        measured = measured.max(ui.cursor().min.y - top);
    }
    if measured > 0.0 {
        state.themes_panel.row_height = measured;
    }
    if !actions.is_empty() {
        // Keys go back to the canvas (digits, Ctrl+G) after a click in the list.
        state.focus_requested = true;
    }
    apply_rows(cx, state, actions);
}

/// Does what the rows asked for, after the list is drawn.
fn apply_rows(cx: &mut FrameCx<'_>, state: &mut BoardState, actions: Vec<RowAction>) {
    let session = cx.session;
    for action in actions {
        match action {
            RowAction::Edit(edit) => cx.out.edits.push(Edit::Theme(edit)),
            RowAction::Show(id) => {
                state.selection = session.theme_members(id).map(|n| n.id).collect();
                if let (Some(frame), Some(screen)) = (state.themes.frame(id), state.last_screen) {
                    let camera = transform::Camera {
                        screen,
                        view: state.view,
                    };
                    state.view = transform::reveal(&camera, frame.rect);
                }
                state.focus_requested = true;
            }
            RowAction::Rename(id) => {
                if let Some(theme) = session.theme(id) {
                    state.theme_rename = Some(ThemeRename::new(id, theme.name.clone(), None));
                }
            }
            RowAction::Merge(from, into) => {
                if let Some(target) = session.theme(into) {
                    state.themes_panel.merge = Some(Merge {
                        from,
                        into,
                        name: target.name.clone(),
                        focus_pending: true,
                    });
                }
            }
            RowAction::Split(id) => {
                let notes: Vec<NoteId> = session
                    .theme_members(id)
                    .filter(|n| state.selection.contains(&n.id))
                    .map(|n| n.id)
                    .collect();
                let (new_id, edit) = ThemeEdit::split(session, &notes, None);
                let step = cx.out.edits.open_step(Edit::Theme(edit));
                state.theme_rename = Some(ThemeRename::new_theme(
                    new_id,
                    crate::model::default_theme_name(session),
                    None,
                    step,
                ));
            }
            RowAction::Delete(id) => {
                // Asks first when the theme has dots in a vote.
                crate::ui::board::canvas::confirm::delete_theme(cx, state, id);
            }
        }
    }
}

/// The box that asks for the merged theme's name.
fn merge_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, state: &mut BoardState) {
    let session = cx.session;
    let palette = cx.palette;
    let Some(merge) = &mut state.themes_panel.merge else {
        return;
    };
    let (Some(from), Some(into)) = (session.theme(merge.from), session.theme(merge.into)) else {
        state.themes_panel.merge = None;
        return;
    };
    let mut done = false;
    let mut merge_now = None;
    egui::Frame::group(ui.style())
        .fill(palette.surface_raised)
        .stroke(Stroke::new(2.0, palette.accent))
        .show(ui, |ui| {
            ui.label(format!(
                "Merge \"{}\" into \"{}\", named:",
                from.name, into.name
            ));
            let response = ui.add(
                egui::TextEdit::singleline(&mut merge.name)
                    .desired_width(f32::INFINITY)
                    .hint_text("Name of the merged theme"),
            );
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Name of the merged theme")
            });
            if std::mem::take(&mut merge.focus_pending) {
                response.request_focus();
            }
            ui.horizontal(|ui| {
                let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if primary_button(ui, "Merge", palette).clicked() || enter {
                    merge_now = Some((from.id, into.id, merge.name.clone()));
                    done = true;
                }
                if ui.button("Cancel").clicked() {
                    done = true;
                }
            });
        });
    if done {
        state.themes_panel.merge = None;
        state.focus_requested = true;
    }
    if let Some((from, into, name)) = merge_now {
        // Asks first when the theme merged away has dots in a vote.
        crate::ui::board::canvas::confirm::merge_themes(cx, state, from, into, name);
    }
}

/// One theme's row.
fn theme_row_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    theme: &Theme,
    index: usize,
    count: usize,
    selection: &std::collections::BTreeSet<NoteId>,
    actions: &mut Vec<RowAction>,
) {
    let session = cx.session;
    let palette = cx.palette;
    let colour = style::theme_stroke(theme.colour);
    super::card_frame(palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            // The number key, in the theme's colour.
            let (rect, _) = ui.allocate_exact_size(Vec2::splat(28.0), Sense::hover());
            ui.painter().circle_filled(rect.center(), 14.0, colour);
            if index < 9 {
                ui.painter().text(
                    rect.center(),
                    egui::Align2::CENTER_CENTER,
                    (index + 1).to_string(),
                    style::strong_font(style::text::SMALL),
                    style::THEME_ON_COLOUR,
                );
            }
            let mut count_text = notes_count(count);
            if theme.collapsed {
                count_text.push_str(" · collapsed");
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new(count_text).color(palette.text_muted));
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    let name = ui
                        .add(
                            egui::Label::new(
                                RichText::new(&theme.name).strong().size(style::text::LEAD),
                            )
                            .sense(Sense::click())
                            .truncate(),
                        )
                        .on_hover_text("Click: select its notes. Double-click: rename.");
                    if name.clicked() {
                        actions.push(RowAction::Show(theme.id));
                    }
                    if name.double_clicked() {
                        actions.push(RowAction::Rename(theme.id));
                    }
                });
            });
        });
        ui.horizontal(|ui| {
            let last = session.themes.len() - 1;
            if small_button(ui, "↑", &format!("Move {} up", theme.name), index > 0) {
                actions.push(RowAction::Edit(ThemeEdit::Reorder {
                    id: theme.id,
                    index: index - 1,
                }));
            }
            if small_button(ui, "↓", &format!("Move {} down", theme.name), index < last) {
                actions.push(RowAction::Edit(ThemeEdit::Reorder {
                    id: theme.id,
                    index: index + 1,
                }));
            }
            let verb = if theme.collapsed {
                "Expand"
            } else {
                "Collapse"
            };
            if small_button(ui, verb, &format!("{verb} {}", theme.name), true) {
                actions.push(RowAction::Edit(ThemeEdit::SetCollapsed {
                    id: theme.id,
                    collapsed: !theme.collapsed,
                }));
            }
            more_menu_ui(ui, session, theme, count, selection, actions);
        });
    });
    ui.add_space(style::gap::TINY);
}

/// A small button whose accessible name says what it does to which theme. True when clicked.
fn small_button(ui: &mut egui::Ui, text: &str, label: &str, enabled: bool) -> bool {
    let response = ui
        .add_enabled(enabled, egui::Button::new(text).small())
        .on_hover_text(label);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, label));
    response.clicked()
}

/// The "More" menu of a row.
fn more_menu_ui(
    ui: &mut egui::Ui,
    session: &Session,
    theme: &Theme,
    count: usize,
    selection: &std::collections::BTreeSet<NoteId>,
    actions: &mut Vec<RowAction>,
) {
    let response = ui.menu_button("More", |ui| {
        if ui.button("Rename").clicked() {
            actions.push(RowAction::Rename(theme.id));
        }
        ui.menu_button("Colour", |ui| {
            for colour in ThemeColour::ALL {
                let text = RichText::new(format!("● {}", colour.name()))
                    .color(style::theme_stroke(colour));
                if ui.selectable_label(theme.colour == colour, text).clicked() {
                    actions.push(RowAction::Edit(ThemeEdit::Recolour {
                        id: theme.id,
                        colour,
                    }));
                }
            }
        });
        if ui
            .add_enabled(count > 0, egui::Button::new("Tidy notes into a grid"))
            .clicked()
        {
            actions.push(RowAction::Edit(ThemeEdit::tidy(session, theme.id)));
        }
        let selected_here = session
            .theme_members(theme.id)
            .filter(|n| selection.contains(&n.id))
            .count();
        if ui
            .add_enabled(
                selected_here > 0,
                egui::Button::new(format!(
                    "Split the {} selected into a new theme",
                    notes_count(selected_here)
                )),
            )
            .on_disabled_hover_text("Select some of its notes first")
            .clicked()
        {
            actions.push(RowAction::Split(theme.id));
        }
        if session.themes.len() > 1 {
            ui.menu_button("Merge into", |ui| {
                for other in session.themes.iter().filter(|t| t.id != theme.id) {
                    if ui.button(&other.name).clicked() {
                        actions.push(RowAction::Merge(theme.id, other.id));
                    }
                }
            });
        }
        ui.separator();
        if ui.button("Delete theme (notes stay)").clicked() {
            actions.push(RowAction::Delete(theme.id));
        }
    });
    let label = format!("More for {}", theme.name);
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
}
