//! The Actions screen: create actions from the themes (most votes first), and the actions
//! board with owner, due date, theme and outcome, sortable by due date, owner or theme.

use egui::RichText;

use super::LabState;
use super::fields::{DateChange, Field, FieldLook, date_field_ui, text_field_ui};
use super::widgets::{card_ui, plural, section_ui};
use crate::model::lab::golden_thread::{ranked_themes, top_themes};
use crate::model::lab::{Action, Owner};
use crate::model::{Edit, LabEdit, Session, ThemeId};
use crate::ui::style::Palette;

/// How the actions board is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ActionSort {
    /// The order they were added.
    #[default]
    Added,
    /// Soonest due first; undated last.
    DueDate,
    /// By owner's name; unowned last.
    Owner,
    /// By theme, in theme list order; no theme last.
    Theme,
}

impl ActionSort {
    const ALL: [Self; 4] = [Self::Added, Self::DueDate, Self::Owner, Self::Theme];

    fn label(self) -> &'static str {
        match self {
            Self::Added => "Order added",
            Self::DueDate => "Due date",
            Self::Owner => "Owner",
            Self::Theme => "Theme",
        }
    }
}

/// The actions in the board's order.
pub fn sorted_actions(session: &Session, sort: ActionSort) -> Vec<&Action> {
    let mut actions: Vec<&Action> = session.lab.actions.iter().collect();
    let theme_pos = |id: Option<ThemeId>| {
        id.and_then(|id| session.themes.iter().position(|t| t.id == id))
            .unwrap_or(usize::MAX)
    };
    match sort {
        ActionSort::Added => {}
        ActionSort::DueDate => actions.sort_by_key(|a| (a.due.is_none(), a.due)),
        ActionSort::Owner => actions.sort_by_cached_key(|a| {
            let name = a
                .real_owner()
                .map(|o| o.name(&session.participants).to_lowercase());
            (name.is_none(), name)
        }),
        ActionSort::Theme => actions.sort_by_key(|a| theme_pos(a.theme)),
    }
    actions
}

/// Draws the Actions screen.
pub fn actions_ui(
    ui: &mut egui::Ui,
    session: &Session,
    state: &mut LabState,
    palette: &Palette,
    edits: &mut Vec<Edit>,
) {
    from_themes_ui(ui, session, state, palette, edits);
    board_ui(ui, session, state, palette, edits);
}

fn from_themes_ui(
    ui: &mut egui::Ui,
    session: &Session,
    state: &mut LabState,
    palette: &Palette,
    edits: &mut Vec<Edit>,
) {
    let ranked_by = crate::ui::voting::priorities_caption(session);
    section_ui(
        ui,
        "Turn themes into actions",
        &format!("{ranked_by} Most votes first; every top theme needs at least one action."),
        palette,
    );
    let dots = session.voting.dots_by_option();
    let top: Vec<ThemeId> = top_themes(session, &dots)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let voted = dots.iter().any(|(_, n)| *n > 0);
    card_ui(ui, palette, |ui| {
        if session.themes.is_empty() {
            ui.label(
                RichText::new(
                    "No themes yet: group the notes on the Board first, or add actions below.",
                )
                .color(palette.text_muted),
            );
        }
        ui.horizontal_wrapped(|ui| {
            for (theme, n) in ranked_themes(session, &dots) {
                let count = session
                    .lab
                    .actions
                    .iter()
                    .filter(|a| a.theme == Some(theme.id))
                    .count();
                let needs = top.contains(&theme.id) && count == 0;
                let text = if voted {
                    format!(
                        "+ {}  ·  {}  ·  {}",
                        theme.name,
                        plural(n as usize, "vote", "votes"),
                        plural(count, "action", "actions")
                    )
                } else {
                    format!(
                        "+ {}  ·  {}",
                        theme.name,
                        plural(count, "action", "actions")
                    )
                };
                let rich = if needs {
                    RichText::new(text).strong().color(palette.danger)
                } else {
                    RichText::new(text)
                };
                let button = ui.add(egui::Button::new(rich)).on_hover_text(if needs {
                    "A top theme with no action yet: click to create one"
                } else {
                    "Create an action for this theme"
                });
                let name = format!("Create action from {}", theme.name);
                button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                if button.clicked() {
                    let id = session.lab.next_action_id();
                    let mut action = Action::new(id, "");
                    action.theme = Some(theme.id);
                    edits.push(Edit::Lab(LabEdit::add_action(session, action)));
                    state.drafts.focus = Some(Field::ActionDescription(id));
                }
            }
        });
    });
}

fn board_ui(
    ui: &mut egui::Ui,
    session: &Session,
    state: &mut LabState,
    palette: &Palette,
    edits: &mut Vec<Edit>,
) {
    section_ui(
        ui,
        "Actions",
        "What will be done, by whom, by when.",
        palette,
    );
    ui.horizontal(|ui| {
        ui.label("Sort by");
        for sort in ActionSort::ALL {
            let selected = state.action_sort == sort;
            let response = ui.selectable_label(selected, sort.label());
            let name = format!("Sort by {}", sort.label().to_lowercase());
            response.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name)
            });
            if response.clicked() {
                state.action_sort = sort;
            }
        }
    });
    ui.add_space(6.0);
    let actions = sorted_actions(session, state.action_sort);
    card_ui(ui, palette, |ui| {
        if actions.is_empty() {
            ui.label(RichText::new("No actions yet.").color(palette.text_muted));
        }
        let width = ui.available_width();
        for (row, action) in actions.into_iter().enumerate() {
            if row > 0 {
                ui.separator();
            }
            action_row_ui(ui, session, action, row + 1, width, state, palette, edits);
        }
        ui.add_space(4.0);
        if ui.button("+ Add action").clicked() {
            let id = session.lab.next_action_id();
            edits.push(Edit::Lab(LabEdit::add_action(session, Action::new(id, ""))));
            state.drafts.focus = Some(Field::ActionDescription(id));
        }
    });
}

#[allow(
    clippy::too_many_arguments,
    reason = "one row of the board, drawn in one place"
)]
fn action_row_ui(
    ui: &mut egui::Ui,
    session: &Session,
    action: &Action,
    number: usize,
    width: f32,
    state: &mut LabState,
    palette: &Palette,
    edits: &mut Vec<Edit>,
) {
    let update = |edits: &mut Vec<Edit>, changed: Action| {
        if &changed != action {
            edits.push(Edit::Lab(LabEdit::UpdateAction(changed)));
        }
    };
    ui.horizontal_top(|ui| {
        let label = format!("Action {number}");
        if let Some(text) = text_field_ui(
            ui,
            &mut state.drafts,
            Field::ActionDescription(action.id),
            &action.description,
            FieldLook::line(&label, "What will be done?", (width - 140.0).max(240.0)),
        ) {
            update(
                edits,
                Action {
                    description: text.trim().to_owned(),
                    ..action.clone()
                },
            );
        }
        if ui
            .button("Remove")
            .on_hover_text("Remove this action (Ctrl+Z brings it back)")
            .clicked()
        {
            edits.push(Edit::Lab(LabEdit::RemoveActions(vec![action.id])));
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Who").color(palette.text_muted));
        owner_ui(ui, session, action, number, state, edits);
        ui.label(RichText::new("By").color(palette.text_muted));
        let due_label = format!("Action {number} due date");
        if let Some(change) = date_field_ui(
            ui,
            &mut state.drafts,
            Field::ActionDue(action.id),
            action.due,
            session.date,
            &due_label,
            190.0,
            palette,
        ) {
            let due = match change {
                DateChange::Set(d) => Some(d),
                DateChange::Clear => None,
            };
            update(
                edits,
                Action {
                    due,
                    ..action.clone()
                },
            );
        }
        ui.horizontal(|ui| {
            ui.label(RichText::new("Theme").color(palette.text_muted));
            let theme_name = action
                .theme
                .and_then(|id| session.themes.iter().find(|t| t.id == id))
                .map_or("None", |t| t.name.as_str());
            let theme_combo = egui::ComboBox::from_id_salt(("goldthread.action.theme", action.id))
                .selected_text(theme_name)
                .width(160.0)
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(action.theme.is_none(), "None")
                        .clicked()
                    {
                        update(
                            edits,
                            Action {
                                theme: None,
                                ..action.clone()
                            },
                        );
                    }
                    for theme in &session.themes {
                        if ui
                            .selectable_label(action.theme == Some(theme.id), &theme.name)
                            .clicked()
                        {
                            update(
                                edits,
                                Action {
                                    theme: Some(theme.id),
                                    ..action.clone()
                                },
                            );
                        }
                    }
                });
            let name = format!("Theme of action {number}");
            theme_combo
                .response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
        });
        ui.horizontal(|ui| {
            ui.label(RichText::new("Outcome").color(palette.text_muted));
            let outcome_name = action
                .outcome
                .and_then(|id| session.lab.outcome(id))
                .map_or_else(|| "None".to_owned(), |o| short(&o.text, 28));
            let outcome_combo =
                egui::ComboBox::from_id_salt(("goldthread.action.outcome", action.id))
                    .selected_text(outcome_name)
                    .width(200.0)
                    .show_ui(ui, |ui| {
                        if ui
                            .selectable_label(action.outcome.is_none(), "None")
                            .clicked()
                        {
                            update(
                                edits,
                                Action {
                                    outcome: None,
                                    ..action.clone()
                                },
                            );
                        }
                        for outcome in &session.lab.outcomes {
                            if ui
                                .selectable_label(
                                    action.outcome == Some(outcome.id),
                                    short(&outcome.text, 48),
                                )
                                .clicked()
                            {
                                update(
                                    edits,
                                    Action {
                                        outcome: Some(outcome.id),
                                        ..action.clone()
                                    },
                                );
                            }
                        }
                    });
            let name = format!("Outcome of action {number}");
            outcome_combo
                .response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
        });
    });
    super::progress::action_status_ui(ui, action, number, state, palette, edits);
}

fn owner_ui(
    ui: &mut egui::Ui,
    session: &Session,
    action: &Action,
    number: usize,
    state: &mut LabState,
    edits: &mut Vec<Edit>,
) {
    let mut changed: Option<Option<Owner>> = None;
    let shown = match &action.owner {
        None => "Nobody yet".to_owned(),
        Some(Owner::Named(_)) => "Someone else".to_owned(),
        Some(owner) => owner.name(&session.participants),
    };
    let combo = egui::ComboBox::from_id_salt(("goldthread.action.owner", action.id))
        .selected_text(shown)
        .width(170.0)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(action.owner.is_none(), "Nobody yet")
                .clicked()
            {
                changed = Some(None);
            }
            for person in &session.participants {
                let owner = Owner::Participant(person.id);
                if ui
                    .selectable_label(action.owner.as_ref() == Some(&owner), &person.name)
                    .clicked()
                {
                    changed = Some(Some(owner));
                }
            }
            let named = matches!(action.owner, Some(Owner::Named(_)));
            if ui.selectable_label(named, "Someone else…").clicked() && !named {
                changed = Some(Some(Owner::Named(String::new())));
                state.drafts.focus = Some(Field::ActionOwner(action.id));
            }
        });
    let name = format!("Owner of action {number}");
    combo
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
    if let Some(Owner::Named(name)) = &action.owner {
        let label = format!("Action {number} owner");
        if let Some(text) = text_field_ui(
            ui,
            &mut state.drafts,
            Field::ActionOwner(action.id),
            name,
            FieldLook::line(&label, "Name or team", 170.0),
        ) {
            changed = Some(Some(Owner::Named(text.trim().to_owned())));
        }
    }
    if let Some(owner) = changed
        && owner != action.owner
    {
        edits.push(Edit::Lab(LabEdit::UpdateAction(Action {
            owner,
            ..action.clone()
        })));
    }
}

/// The text shortened to `max` characters with an ellipsis.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}
