//! The Actions screen: create actions from the themes (most votes first), and the actions
//! board with owner, due date, theme and outcome, sortable by due date, owner or theme.

use crate::ui::frame::FrameCx;
use egui::RichText;

use super::LabState;
use super::action_row::action_row_ui;
use super::fields::Field;
use super::widgets::{card_ui, plural, section_ui};
use crate::model::lab::Action;
use crate::model::lab::golden_thread::{ranked_themes, top_themes};
use crate::model::{Edit, LabEdit, Session, ThemeId};

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
pub fn actions_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, state: &mut LabState) {
    from_themes_ui(ui, cx, state);
    board_ui(ui, cx, state);
}

fn from_themes_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, state: &mut LabState) {
    let session = cx.session;
    let palette = cx.palette;
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
                    cx.out
                        .edits
                        .push(Edit::Lab(LabEdit::add_action(session, action)));
                    state.drafts.focus = Some(Field::ActionDescription(id));
                }
            }
        });
    });
}

fn board_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, state: &mut LabState) {
    let session = cx.session;
    let palette = cx.palette;
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
    ui.add_space(crate::ui::style::gap::SMALL);
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
            action_row_ui(ui, cx, action, row + 1, width, state);
        }
        ui.add_space(crate::ui::style::gap::TINY);
        if ui.button("+ Add action").clicked() {
            let id = session.lab.next_action_id();
            cx.out
                .edits
                .push(Edit::Lab(LabEdit::add_action(session, Action::new(id, ""))));
            state.drafts.focus = Some(Field::ActionDescription(id));
        }
    });
}
