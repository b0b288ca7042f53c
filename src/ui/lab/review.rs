//! The Review phase of a follow-up: the actions carried over from last time, one at a time,
//! large enough for the room. One key each: D done, P in progress, B blocked, X drop, S (or →)
//! skip, ← back, N to write a progress note. Done actions stay, shown as achievements.

use crate::ui::frame::FrameCx;
use egui::{Key, Modifiers, RichText};

use super::LabState;
use super::fields::{Field, FieldLook, text_field_ui};
use super::progress::overdue_badge_ui;
use super::widgets::{card_ui, plural};
use crate::model::lab::dates::long;
use crate::model::lab::progress::grouped_by_status;
use crate::model::lab::{Action, ActionStatus};
use crate::model::{Edit, LabEdit, Session};
use crate::ui::style::{self, Palette};

/// Where the review walk is.
#[derive(Debug, Default)]
pub struct ReviewState {
    /// The carried action showing (its place among the carried actions); past the last one,
    /// the summary shows.
    pub index: usize,
}

/// What one key of the walk does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Give the action this status and go to the next one.
    Set(ActionStatus),
    /// Leave it as it is and go to the next one.
    Skip,
    /// Go back one.
    Back,
    /// Write a progress note.
    Note,
}

/// The keys of the walk, with their button labels.
const KEYS: [(Key, Step, &str); 5] = [
    (Key::D, Step::Set(ActionStatus::Done), "Done"),
    (Key::P, Step::Set(ActionStatus::InProgress), "In progress"),
    (Key::B, Step::Set(ActionStatus::Blocked), "Blocked"),
    (Key::X, Step::Set(ActionStatus::Dropped), "Drop"),
    (Key::S, Step::Skip, "Skip"),
];

/// The actions carried over from the previous session, in list order.
pub fn carried(session: &Session) -> Vec<&Action> {
    session.lab.actions.iter().filter(|a| a.carried).collect()
}

/// Draws the review walk.
pub fn review_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, state: &mut LabState) {
    let session = cx.session;
    let palette = cx.palette;
    let actions = carried(session);
    if actions.is_empty() {
        card_ui(ui, palette, |ui| {
            ui.label(
                RichText::new("No actions were carried over from last time.")
                    .size(style::REVIEW_DETAIL_SIZE)
                    .color(palette.text_muted),
            );
        });
        return;
    }
    let index = state.review.index.min(actions.len());
    let mut step = keys(ui);
    match actions.get(index) {
        Some(action) => {
            if let Some(clicked) = action_card_ui(ui, cx, action, index, actions.len(), state) {
                step = Some(clicked);
            }
            if let Some(note) = note_ui(ui, action, state) {
                cx.out.edits.push(Edit::Lab(LabEdit::UpdateAction(
                    action.with_progress(&note, state.today),
                )));
            }
            match step {
                Some(Step::Set(status)) => {
                    cx.out.edits.push(Edit::Lab(LabEdit::UpdateAction(
                        action.with_status(status, state.today),
                    )));
                    state.review.index = index + 1;
                }
                Some(Step::Skip) => state.review.index = index + 1,
                Some(Step::Back) => state.review.index = index.saturating_sub(1),
                Some(Step::Note) => state.drafts.focus = Some(Field::ReviewNote(action.id)),
                None => {}
            }
        }
        None => {
            summary_ui(ui, &actions, palette);
            if ui.button("← Back to the last action").clicked() || step == Some(Step::Back) {
                state.review.index = actions.len().saturating_sub(1);
            }
        }
    }
}

/// The step asked for by a key this frame, unless a text box has the keyboard.
fn keys(ui: &egui::Ui) -> Option<Step> {
    if ui.ctx().text_edit_focused() {
        return None;
    }
    ui.input_mut(|i| {
        for (key, step, _) in KEYS {
            if i.consume_key(Modifiers::NONE, key) {
                return Some(step);
            }
        }
        if i.consume_key(Modifiers::NONE, Key::ArrowRight) {
            return Some(Step::Skip);
        }
        if i.consume_key(Modifiers::NONE, Key::ArrowLeft) {
            return Some(Step::Back);
        }
        i.consume_key(Modifiers::NONE, Key::N).then_some(Step::Note)
    })
}

/// The action in large type, with its owner, date, status and history, and the key buttons.
/// Returns the step of a clicked button.
fn action_card_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    action: &Action,
    index: usize,
    count: usize,
    state: &LabState,
) -> Option<Step> {
    let session = cx.session;
    let palette = cx.palette;
    let mut clicked = None;
    card_ui(ui, palette, |ui| {
        ui.label(
            RichText::new(format!("Action {} of {count}", index + 1))
                .size(style::REVIEW_DETAIL_SIZE)
                .color(palette.text_muted),
        );
        ui.add(
            egui::Label::new(
                RichText::new(&action.description)
                    .size(style::REVIEW_TITLE_SIZE)
                    .strong()
                    .color(palette.text),
            )
            .wrap(),
        );
        ui.add_space(style::gap::NORMAL);
        ui.horizontal_wrapped(|ui| {
            let detail = |t: String| RichText::new(t).size(style::REVIEW_DETAIL_SIZE);
            let owner = action.real_owner().map_or_else(
                || "nobody yet".to_owned(),
                |o| o.name(&session.participants),
            );
            ui.label(detail(format!("Owner: {owner}")).color(palette.text));
            let due = action
                .due
                .map_or_else(|| "no due date".to_owned(), |d| format!("due {}", long(d)));
            ui.label(detail(format!("·  {due}")).color(palette.text_muted));
            ui.label(
                detail(format!("·  {}", action.status.label()))
                    .strong()
                    .color(style::status_colour(palette, action.status)),
            );
            if action.is_overdue(state.today) {
                overdue_badge_ui(ui, palette);
            }
        });
        for entry in action.history.iter().rev().take(3) {
            let note = if entry.note.is_empty() {
                String::new()
            } else {
                format!(": {}", entry.note)
            };
            ui.label(
                RichText::new(format!(
                    "{} · {}{note}",
                    long(entry.date),
                    entry.status.label()
                ))
                .color(palette.text_muted),
            );
        }
        ui.add_space(style::gap::LARGE);
        ui.horizontal_wrapped(|ui| {
            for (key, step, label) in KEYS {
                let text = RichText::new(format!("{}   {label}", key.name()))
                    .size(style::BIG_BUTTON_FONT_SIZE)
                    .strong();
                let button = ui.add(egui::Button::new(text).min_size(style::BIG_BUTTON_SIZE));
                button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
                if button.clicked() {
                    clicked = Some(step);
                }
            }
            let back = ui.add_enabled(
                index > 0,
                egui::Button::new(RichText::new("←  Back").size(style::BIG_BUTTON_FONT_SIZE))
                    .min_size(style::BIG_BUTTON_SIZE),
            );
            if back.clicked() {
                clicked = Some(Step::Back);
            }
        });
    });
    clicked
}

/// The progress note field under the card: N focuses it, Enter keeps the note.
fn note_ui(ui: &mut egui::Ui, action: &Action, state: &mut LabState) -> Option<String> {
    ui.add_space(style::gap::MEDIUM);
    text_field_ui(
        ui,
        &mut state.drafts,
        Field::ReviewNote(action.id),
        &action.progress,
        FieldLook {
            size: Some(style::BIG_BUTTON_FONT_SIZE),
            ..FieldLook::line(
                "Progress note",
                "N: add a progress note, Enter to keep it",
                f32::INFINITY,
            )
        },
    )
    .filter(|note| note.trim() != action.progress)
}

/// The end of the walk: what was achieved, what is under way, what is stuck.
fn summary_ui(ui: &mut egui::Ui, actions: &[&Action], palette: &Palette) {
    card_ui(ui, palette, |ui| {
        ui.label(
            RichText::new("Review done")
                .size(style::REVIEW_TITLE_SIZE)
                .strong()
                .color(palette.accent),
        );
        for (status, these) in grouped_by_status(actions) {
            let heading = match status {
                ActionStatus::Done => "Achievements",
                other => other.label(),
            };
            ui.add_space(style::gap::NORMAL);
            ui.label(
                RichText::new(format!(
                    "{heading} ({})",
                    plural(these.len(), "action", "actions")
                ))
                .size(style::REVIEW_DETAIL_SIZE)
                .strong()
                .color(style::status_colour(palette, status)),
            );
            for action in these {
                let mark = if status == ActionStatus::Done {
                    "✓ "
                } else {
                    "• "
                };
                ui.label(
                    RichText::new(format!("{mark}{}", action.description))
                        .size(style::REVIEW_DETAIL_SIZE),
                );
            }
        }
        ui.add_space(style::gap::NORMAL);
        ui.label(RichText::new("Page Down moves on to the next phase.").color(palette.text_muted));
    });
}
