//! One row of the actions board: the description across the top, then owner, due date, theme
//! and outcome in columns that line up from row to row and fit a laptop screen. Remove comes
//! last in the keyboard order, so Tab from the description never lands on it.

use crate::ui::frame::FrameCx;
use egui::RichText;

use super::LabState;
use super::choice::choice_ui;
use super::fields::{DateChange, Field, FieldLook, date_field_ui, text_field_ui};
use crate::model::lab::{Action, Owner};
use crate::model::{Edit, LabEdit};
use crate::ui::style::{self, Palette};

/// The board's columns below the description, in order.
const COLUMNS: [&str; 4] = ["Who", "By when", "Theme", "Outcome"];

/// Draws one action: `number` counts from 1 in the board's order; `width` is the row's width.
pub fn action_row_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    action: &Action,
    number: usize,
    width: f32,
    state: &mut LabState,
) {
    let update = |edits: &mut Vec<Edit>, changed: Action| {
        if &changed != action {
            edits.push(Edit::Lab(LabEdit::UpdateAction(changed)));
        }
    };
    let gap = ui.spacing().item_spacing.x;
    let remove_width = style::ACTION_REMOVE_WIDTH;
    // The description first; Remove's place is kept beside it and filled last.
    let (top, remove_rect) = ui
        .horizontal_top(|ui| {
            let label = format!("Action {number}");
            let text = text_field_ui(
                ui,
                &mut state.drafts,
                Field::ActionDescription(action.id),
                &action.description,
                FieldLook::line(&label, "What will be done?", width - remove_width - gap),
            );
            let (rect, _) = ui.allocate_exact_size(
                egui::vec2(remove_width, ui.spacing().interact_size.y),
                egui::Sense::hover(),
            );
            (text, rect)
        })
        .inner;
    if let Some(text) = top {
        update(
            &mut cx.out.edits,
            Action {
                description: text.trim().to_owned(),
                ..action.clone()
            },
        );
    }
    if let Some(changed) = columns_ui(ui, cx, action, number, width, state) {
        update(&mut cx.out.edits, changed);
    }
    super::progress::action_status_ui(ui, action, number, state, cx);
    remove_ui(ui, action, number, remove_rect, state, &mut cx.out.edits);
}

/// Owner, due date, theme and outcome, in columns: two a line on a narrow window, four on a
/// laptop or a projector. Returns the action as changed in one of them, if any.
fn columns_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    action: &Action,
    number: usize,
    width: f32,
    state: &mut LabState,
) -> Option<Action> {
    let palette = cx.palette;
    let gap = ui.spacing().item_spacing.x;
    let per_line = if width >= style::ACTION_FOUR_COLUMNS_MIN {
        4
    } else {
        2
    };
    let column = (width - gap * (per_line - 1) as f32) / per_line as f32;
    let mut changed: Option<Action> = None;
    for line in COLUMNS.chunks(per_line) {
        ui.horizontal_top(|ui| {
            for caption in line {
                ui.allocate_ui_with_layout(
                    egui::vec2(column, 0.0),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_width(column);
                        ui.label(RichText::new(*caption).color(palette.text_muted));
                        let cell = match *caption {
                            "Who" => owner_ui(ui, cx, action, number, column, state),
                            "By when" => due_ui(ui, cx, action, number, column, state),
                            "Theme" => theme_ui(ui, cx, action, number, column),
                            _ => outcome_ui(ui, cx, action, number, column),
                        };
                        if cell.is_some() {
                            changed = cell;
                        }
                    },
                );
            }
        });
    }
    changed
}

/// Remove, in the space kept beside the description: a child placed there is drawn last (last
/// in the Tab order) without moving the row's cursor back up.
fn remove_ui(
    ui: &mut egui::Ui,
    action: &Action,
    number: usize,
    remove_rect: egui::Rect,
    state: &mut LabState,
    edits: &mut Vec<Edit>,
) {
    let mut slot = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(remove_rect)
            .layout(egui::Layout::right_to_left(egui::Align::Center)),
    );
    let remove = slot
        .add(egui::Button::new("Remove"))
        .on_hover_text("Remove this action (Ctrl+Z brings it back)");
    let name = format!("Remove action {number}");
    remove.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    if remove.clicked() {
        edits.push(Edit::Lab(LabEdit::RemoveActions(vec![action.id])));
        let what = if action.description.trim().is_empty() {
            format!("action {number}")
        } else {
            format!("“{}”", short(action.description.trim(), 60))
        };
        state
            .notices
            .push(format!("Removed {what}. Ctrl+Z brings it back."));
    }
}

/// The owner: nobody, a participant, or someone else typed by name (in a field under the box).
fn owner_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    action: &Action,
    number: usize,
    width: f32,
    state: &mut LabState,
) -> Option<Action> {
    let session = cx.session;
    let palette = cx.palette;
    let mut entries = vec!["Nobody yet".to_owned()];
    entries.extend(session.participants.iter().map(|p| p.name.clone()));
    entries.push("Someone else…".to_owned());
    let someone_else = entries.len() - 1;
    let selected = match &action.owner {
        None => Some(0),
        Some(Owner::Named(_)) => Some(someone_else),
        Some(Owner::Participant(id)) => session
            .participants
            .iter()
            .position(|p| p.id == *id)
            .map(|i| i + 1),
    };
    let label = format!("Owner of action {number}");
    let id = ("goldthread.action.owner", action.id);
    let mut owner = match choice_ui(ui, id, &label, &entries, selected, width, palette) {
        Some(0) => Some(None),
        Some(i) if i == someone_else => {
            state.drafts.focus = Some(Field::ActionOwner(action.id));
            Some(Some(Owner::Named(String::new())))
        }
        Some(i) => session
            .participants
            .get(i - 1)
            .map(|p| Some(Owner::Participant(p.id))),
        None => None,
    };
    if let Some(Owner::Named(name)) = &action.owner {
        let label = format!("Action {number} owner");
        if let Some(text) = text_field_ui(
            ui,
            &mut state.drafts,
            Field::ActionOwner(action.id),
            name,
            FieldLook::line(&label, "Name or team", width),
        ) {
            owner = Some(Some(Owner::Named(text.trim().to_owned())));
        }
    }
    let owner = owner.filter(|o| *o != action.owner)?;
    Some(Action {
        owner,
        ..action.clone()
    })
}

/// The due date, typed or picked; a date that does not read keeps its message under the field.
fn due_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    action: &Action,
    number: usize,
    width: f32,
    state: &mut LabState,
) -> Option<Action> {
    let session = cx.session;
    let palette = cx.palette;
    let label = format!("Action {number} due date");
    let field_width = width - style::CALENDAR_BUTTON_ROOM;
    let change = date_field_ui(
        ui,
        &mut state.drafts,
        Field::ActionDue(action.id),
        action.due,
        session.date,
        &label,
        field_width,
        palette,
    )?;
    let due = match change {
        DateChange::Set(d) => Some(d),
        DateChange::Clear => None,
    };
    Some(Action {
        due,
        ..action.clone()
    })
}

/// The theme the action comes from, if any.
fn theme_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    action: &Action,
    number: usize,
    width: f32,
) -> Option<Action> {
    let session = cx.session;
    let palette = cx.palette;
    let themes = &session.themes;
    let position = match action.theme {
        None => Some(None),
        Some(id) => themes.iter().position(|t| t.id == id).map(Some),
    };
    let names = themes.iter().map(|t| t.name.clone());
    let label = format!("Theme of action {number}");
    let id = ("goldthread.action.theme", action.id);
    let i = none_or_one_ui(ui, id, &label, names, position, width, palette)?;
    Some(Action {
        theme: i.and_then(|i| themes.get(i)).map(|t| t.id),
        ..action.clone()
    })
}

/// The outcome the action serves, if any.
fn outcome_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    action: &Action,
    number: usize,
    width: f32,
) -> Option<Action> {
    let session = cx.session;
    let palette = cx.palette;
    let outcomes = &session.lab.outcomes;
    let position = match action.outcome {
        None => Some(None),
        Some(id) => outcomes.iter().position(|o| o.id == id).map(Some),
    };
    let names = outcomes.iter().map(|o| short(&o.text, 48));
    let label = format!("Outcome of action {number}");
    let id = ("goldthread.action.outcome", action.id);
    let i = none_or_one_ui(ui, id, &label, names, position, width, palette)?;
    Some(Action {
        outcome: i.and_then(|i| outcomes.get(i)).map(|o| o.id),
        ..action.clone()
    })
}

/// A list box of "None" and `names`, showing `position` (`Some(None)`: none; `None`: a link to
/// something no longer there). Returns the choice made: `Some(None)` for "None".
fn none_or_one_ui(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt + Copy,
    label: &str,
    names: impl Iterator<Item = String>,
    position: Option<Option<usize>>,
    width: f32,
    palette: &Palette,
) -> Option<Option<usize>> {
    let entries: Vec<String> = std::iter::once("None".to_owned()).chain(names).collect();
    let selected = position.map(|p| p.map_or(0, |i| i + 1));
    let chosen = choice_ui(ui, id_salt, label, &entries, selected, width, palette)?;
    Some(chosen.checked_sub(1))
}

/// The text shortened to `max` characters with an ellipsis.
pub fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}
