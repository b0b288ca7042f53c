//! Text and date fields that edit the session without changing it while typing: what is typed
//! is a draft in [`Drafts`]; when the field loses focus (or Enter is pressed) the draft becomes
//! one undoable edit. A date that does not read stays as typed, with a message under it.

use std::collections::HashMap;

use chrono::NaiveDate;
use egui::{Id, Key, RichText};

use crate::model::lab::dates::{DateError, long, parse_date};
use crate::model::lab::{ActionId, OutcomeId};
use crate::model::{ParticipantId, PhaseId};
use crate::ui::style::Palette;

/// Which field of the lab screens a draft belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The vision statement.
    Vision,
    /// An outcome's text.
    OutcomeText(OutcomeId),
    /// An outcome's "by when" date.
    OutcomeDate(OutcomeId),
    /// A participant's name.
    ParticipantName(ParticipantId),
    /// A participant's service area.
    ParticipantArea(ParticipantId),
    /// A participant's custom level.
    ParticipantLevel(ParticipantId),
    /// A phase's name.
    PhaseName(PhaseId),
    /// A phase's prompt question.
    PhasePrompt(PhaseId),
    /// A phase's timebox in minutes.
    PhaseMinutes(PhaseId),
    /// An action's description.
    ActionDescription(ActionId),
    /// An action's owner typed as a name.
    ActionOwner(ActionId),
    /// An action's due date.
    ActionDue(ActionId),
    /// An action's progress note.
    ActionProgress(ActionId),
    /// The progress note typed in the review walk.
    ReviewNote(ActionId),
    /// The report's purpose line.
    ReportPurpose,
    /// Who facilitated (for the report).
    ReportFacilitator,
    /// When the actions are next reviewed (for the report).
    ReportNextReview,
}

impl Field {
    /// The text box's egui id.
    pub fn id(self) -> Id {
        Id::unique(("goldthread.lab.field", self))
    }
}

/// Drafts being typed, messages for drafts that do not read, and a field to focus next frame.
#[derive(Debug, Default)]
pub struct Drafts {
    texts: HashMap<Field, String>,
    errors: HashMap<Field, DateError>,
    /// Focus this field at the next frame (e.g. a new action's description).
    pub focus: Option<Field>,
}

impl Drafts {
    /// The message for a field whose draft does not read, if any.
    pub fn error(&self, field: Field) -> Option<&DateError> {
        self.errors.get(&field)
    }

    /// True when something typed in `field` has not been saved to the session yet.
    pub fn has_draft(&self, field: Field) -> bool {
        self.texts.contains_key(&field)
    }

    /// Every draft being typed, in no particular order (for the recovery copy).
    pub fn texts(&self) -> impl Iterator<Item = (Field, &str)> {
        self.texts.iter().map(|(f, t)| (*f, t.as_str()))
    }

    /// Puts back a draft from a recovery copy, shown in its field as typed.
    pub fn restore(&mut self, field: Field, text: String) {
        self.texts.insert(field, text);
    }
}

/// How a text field looks.
#[derive(Clone, Copy, Debug)]
pub struct FieldLook<'a> {
    /// The accessible name (and what a screen reader says).
    pub label: &'a str,
    /// Shown in grey when empty.
    pub hint: &'a str,
    /// Width in points; `f32::INFINITY` fills the row.
    pub width: f32,
    /// Several lines (Enter still commits; Shift+Enter starts a new line).
    pub multiline: bool,
    /// Font size in points, or the body size when `None`.
    pub size: Option<f32>,
}

impl<'a> FieldLook<'a> {
    /// A one-line field with this name and hint.
    pub fn line(label: &'a str, hint: &'a str, width: f32) -> Self {
        Self {
            label,
            hint,
            width,
            multiline: false,
            size: None,
        }
    }
}

/// A text field showing `current`; returns the new text when the user finished changing it.
pub fn text_field_ui(
    ui: &mut egui::Ui,
    drafts: &mut Drafts,
    field: Field,
    current: &str,
    look: FieldLook<'_>,
) -> Option<String> {
    let mut text = drafts
        .texts
        .get(&field)
        .cloned()
        .unwrap_or_else(|| current.to_owned());
    let mut edit = if look.multiline {
        egui::TextEdit::multiline(&mut text)
            .desired_rows(2)
            .return_key(egui::KeyboardShortcut::new(
                egui::Modifiers::SHIFT,
                Key::Enter,
            ))
    } else {
        egui::TextEdit::singleline(&mut text)
    }
    .id(field.id())
    .hint_text(look.hint)
    .desired_width(look.width);
    if let Some(size) = look.size {
        edit = edit.font(crate::ui::style::font(size));
    }
    let response = ui.add(edit);
    let label = look.label.to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label));
    if drafts.focus == Some(field) {
        response.request_focus();
        drafts.focus = None;
    }
    if response.changed() {
        drafts.texts.insert(field, text.clone());
    }
    let enter =
        response.has_focus() && ui.input(|i| i.key_pressed(Key::Enter) && !i.modifiers.shift);
    if look.multiline && enter {
        response.surrender_focus();
    }
    if response.lost_focus() || (look.multiline && enter) {
        drafts.texts.remove(&field);
        if text != current {
            return Some(text);
        }
    }
    None
}

/// What a date field asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateChange {
    /// Set this date.
    Set(NaiveDate),
    /// Clear the date.
    Clear,
}

impl DateChange {
    /// The date the field now holds (`None` once cleared).
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Self::Set(d) => Some(d),
            Self::Clear => None,
        }
    }
}

/// A date field showing `current` as "31 March 2027"; returns a change when the user typed a
/// date that reads (or emptied the field). Text that does not read stays in the field with a
/// message under it; for an ambiguous date, the two readings are offered as buttons.
#[allow(
    clippy::too_many_arguments,
    reason = "a field's value, look and context"
)]
pub fn date_field_ui(
    ui: &mut egui::Ui,
    drafts: &mut Drafts,
    field: Field,
    current: Option<NaiveDate>,
    around: NaiveDate,
    label: &str,
    width: f32,
    palette: &Palette,
) -> Option<DateChange> {
    let shown = current.map(long).unwrap_or_default();
    let mut change = None;
    ui.vertical(|ui| {
        let look = FieldLook::line(label, "e.g. 31 March 2027", width);
        let mut typed = None;
        ui.horizontal(|ui| {
            typed = text_field_ui(ui, drafts, field, &shown, look);
            let id = field.id().with("calendar");
            if let Some(day) =
                super::calendar::calendar_button_ui(ui, id, current, around, label, palette)
            {
                drafts.texts.remove(&field);
                drafts.errors.remove(&field);
                if Some(day) != current {
                    change = Some(DateChange::Set(day));
                }
            }
        });
        if let Some(text) = typed {
            match parse_date(&text) {
                Err(DateError::Empty) => {
                    drafts.errors.remove(&field);
                    change = current.map(|_| DateChange::Clear);
                }
                Ok(date) => {
                    drafts.errors.remove(&field);
                    if Some(date) != current {
                        change = Some(DateChange::Set(date));
                    }
                }
                Err(e) => {
                    // Keep what was typed so nothing is lost, and say what is wrong.
                    drafts.texts.insert(field, text);
                    drafts.errors.insert(field, e);
                }
            }
        } else if !drafts.has_draft(field) && !ui.memory(|m| m.has_focus(field.id())) {
            drafts.errors.remove(&field);
        }
        if let Some(error) = drafts.errors.get(&field).cloned() {
            ui.add(
                // Body size: a date problem matters to the room.
                egui::Label::new(RichText::new(error.to_string()).color(palette.danger)).wrap(),
            );
            if let DateError::Ambiguous {
                day_first,
                month_first,
            } = error
            {
                ui.horizontal(|ui| {
                    for date in [day_first, month_first] {
                        if ui.button(long(date)).clicked() {
                            drafts.errors.remove(&field);
                            drafts.texts.remove(&field);
                            change = Some(DateChange::Set(date));
                        }
                    }
                });
            }
        }
    });
    change
}
