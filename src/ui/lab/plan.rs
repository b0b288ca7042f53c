//! The Plan screen: the vision, the outcomes with their dates, who is taking part, the
//! agenda's phases, and the report's details (purpose, facilitator, next review).

use crate::ui::frame::FrameCx;
use egui::RichText;

use super::LabState;
use super::fields::{DateChange, Field, FieldLook, date_field_ui, text_field_ui};
use super::widgets::{card_ui, section_ui};
use crate::model::lab::coverage::level_label;
use crate::model::lab::{Outcome, Phase};
use crate::model::{Edit, LabEdit, Level, Participant};

/// Draws the Plan screen.
pub fn plan_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, state: &mut LabState) {
    let session = cx.session;
    let palette = cx.palette;
    section_ui(
        ui,
        "Vision",
        "Where do we want to be? One or two sentences the whole room agrees with.",
        palette,
    );
    let look = FieldLook {
        label: "Vision statement",
        hint: "e.g. Residents reach council services easily online…",
        width: f32::INFINITY,
        multiline: true,
        size: Some(24.0),
    };
    if let Some(text) = text_field_ui(
        ui,
        &mut state.drafts,
        Field::Vision,
        &session.lab.vision,
        look,
    ) {
        cx.out
            .edits
            .push(Edit::Lab(LabEdit::SetVision(text.trim().to_owned())));
    }
    outcomes_ui(ui, cx, state);
    participants_ui(ui, cx, state);
    agenda_ui(ui, cx, state);
    super::report_details::report_details_ui(ui, cx, state);
}

fn outcomes_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, state: &mut LabState) {
    let session = cx.session;
    let palette = cx.palette;
    section_ui(
        ui,
        "Outcomes",
        "What will be true, and by when? Type dates as 31 March 2027, 31/03/2027 or March 2027.",
        palette,
    );
    let lab = &session.lab;
    card_ui(ui, palette, |ui| {
        if lab.outcomes.is_empty() {
            ui.label(RichText::new("No outcomes yet.").color(palette.text_muted));
        }
        let width = ui.available_width();
        for (i, outcome) in lab.outcomes.iter().enumerate() {
            ui.horizontal_top(|ui| {
                ui.add_sized(
                    [22.0, 30.0],
                    egui::Label::new(RichText::new(format!("{}.", i + 1)).strong()),
                );
                let text_label = format!("Outcome {}", i + 1);
                let look = FieldLook::line(
                    &text_label,
                    "What will be true?",
                    (width - 470.0).max(200.0),
                );
                if let Some(text) = text_field_ui(
                    ui,
                    &mut state.drafts,
                    Field::OutcomeText(outcome.id),
                    &outcome.text,
                    look,
                ) {
                    cx.out.edits.push(Edit::Lab(LabEdit::UpdateOutcome(Outcome {
                        text: text.trim().to_owned(),
                        ..outcome.clone()
                    })));
                }
                ui.label("by");
                let date_label = format!("Outcome {} by when", i + 1);
                if let Some(change) = date_field_ui(
                    ui,
                    &mut state.drafts,
                    Field::OutcomeDate(outcome.id),
                    outcome.by_when,
                    session.date,
                    &date_label,
                    200.0,
                    palette,
                ) {
                    let by_when = match change {
                        DateChange::Set(d) => Some(d),
                        DateChange::Clear => None,
                    };
                    cx.out.edits.push(Edit::Lab(LabEdit::UpdateOutcome(Outcome {
                        by_when,
                        ..outcome.clone()
                    })));
                }
                if ui
                    .button("Remove")
                    .on_hover_text("Remove this outcome (Ctrl+Z brings it back)")
                    .clicked()
                {
                    cx.out
                        .edits
                        .push(Edit::Lab(LabEdit::RemoveOutcomes(vec![outcome.id])));
                }
            });
        }
        ui.add_space(crate::ui::style::gap::TINY);
        if ui.button("+ Add outcome").clicked() {
            let id = lab.next_outcome_id();
            cx.out.edits.push(Edit::Lab(LabEdit::add_outcome(
                session,
                Outcome::new(id, "", None),
            )));
            state.drafts.focus = Some(Field::OutcomeText(id));
        }
    });
}

/// The levels offered, in order, with "Other" for a custom one.
const LEVELS: [Level; 5] = [
    Level::FrontLine,
    Level::Manager,
    Level::Executive,
    Level::Partner,
    Level::Customer,
];

fn participants_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, state: &mut LabState) {
    let session = cx.session;
    let palette = cx.palette;
    section_ui(
        ui,
        "Who is taking part",
        "Names, service areas and levels show whose voice is heard in each theme.",
        palette,
    );
    card_ui(ui, palette, |ui| {
        if session.participants.is_empty() {
            ui.label(RichText::new("Nobody added yet.").color(palette.text_muted));
        } else {
            ui.horizontal(|ui| {
                let header = |text: &str| RichText::new(text).small().color(palette.text_muted);
                for (text, width) in [("Name", 240.0), ("Service area", 260.0), ("Level", 150.0)] {
                    ui.allocate_ui_with_layout(
                        egui::vec2(width, 18.0),
                        egui::Layout::left_to_right(egui::Align::Center),
                        |ui| {
                            ui.set_width(width);
                            ui.label(header(text));
                        },
                    );
                }
            });
        }
        for person in &session.participants {
            ui.horizontal(|ui| {
                let name_label = format!("Name of participant {}", person.id.0);
                if let Some(name) = text_field_ui(
                    ui,
                    &mut state.drafts,
                    Field::ParticipantName(person.id),
                    &person.name,
                    FieldLook::line(&name_label, "Name", 240.0),
                ) {
                    cx.out.edits.push(Edit::UpdateParticipant(Participant {
                        name: name.trim().to_owned(),
                        ..person.clone()
                    }));
                }
                let area_label = format!("Service area of {}", person.name);
                if let Some(area) = text_field_ui(
                    ui,
                    &mut state.drafts,
                    Field::ParticipantArea(person.id),
                    &person.service_area,
                    FieldLook::line(&area_label, "Service area, e.g. Housing", 260.0),
                ) {
                    cx.out.edits.push(Edit::UpdateParticipant(Participant {
                        service_area: area.trim().to_owned(),
                        ..person.clone()
                    }));
                }
                level_ui(ui, person, state, cx);
                if ui
                    .button("Remove")
                    .on_hover_text("Remove this participant (their notes become anonymous)")
                    .clicked()
                {
                    cx.out.edits.push(Edit::RemoveParticipants(vec![person.id]));
                }
            });
        }
        ui.add_space(crate::ui::style::gap::TINY);
        if ui.button("+ Add participant").clicked() {
            let id = session.next_participant_id();
            cx.out.edits.push(Edit::InsertParticipants(vec![(
                session.participants.len(),
                Participant::new(id, ""),
            )]));
            state.drafts.focus = Some(Field::ParticipantName(id));
        }
    });
}

fn level_ui(ui: &mut egui::Ui, person: &Participant, state: &mut LabState, cx: &mut FrameCx<'_>) {
    let palette = cx.palette;
    let mut entries = vec!["Not given".to_owned()];
    entries.extend(LEVELS.iter().map(level_label));
    entries.push("Other…".to_owned());
    let other = entries.len() - 1;
    let selected = match &person.level {
        None => Some(0),
        Some(Level::Custom(_)) => Some(other),
        Some(level) => LEVELS.iter().position(|l| l == level).map(|i| i + 1),
    };
    let name = format!("Level of {}", person.name);
    let id = ("goldthread.level", person.id);
    let mut chosen: Option<Option<Level>> =
        match super::choice::choice_ui(ui, id, &name, &entries, selected, 150.0, palette) {
            Some(0) => Some(None),
            Some(i) if i == other => {
                state.drafts.focus = Some(Field::ParticipantLevel(person.id));
                Some(Some(Level::Custom(String::new())))
            }
            Some(i) => LEVELS.get(i - 1).cloned().map(Some),
            None => None,
        };
    if let Some(Level::Custom(name)) = &person.level {
        let label = format!("Custom level of {}", person.name);
        if let Some(text) = text_field_ui(
            ui,
            &mut state.drafts,
            Field::ParticipantLevel(person.id),
            name,
            FieldLook::line(&label, "e.g. Councillor", 150.0),
        ) {
            chosen = Some(Some(Level::Custom(text.trim().to_owned())));
        }
    }
    if let Some(level) = chosen
        && level != person.level
    {
        cx.out.edits.push(Edit::UpdateParticipant(Participant {
            level,
            ..person.clone()
        }));
    }
}

/// The agenda: each phase with its name, prompt and timebox, and "+ Add phase".
fn agenda_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, state: &mut LabState) {
    let session = cx.session;
    let palette = cx.palette;
    section_ui(
        ui,
        "Agenda",
        "The phases of the session, each with the question put to the room and a timebox in minutes.",
        palette,
    );
    let lab = &session.lab;
    card_ui(ui, palette, |ui| {
        if lab.phases.is_empty() {
            ui.label(
                RichText::new("No agenda: add phases to get the agenda bar and its timer.")
                    .color(palette.text_muted),
            );
        }
        let width = ui.available_width();
        for (i, phase) in lab.phases.iter().enumerate() {
            ui.horizontal_top(|ui| phase_row_ui(ui, cx, i, phase, width, state));
        }
        ui.add_space(crate::ui::style::gap::TINY);
        if ui.button("+ Add phase").clicked() {
            let id = lab.next_phase_id();
            let name = format!("Phase {}", lab.phases.len() + 1);
            let mut batch = vec![LabEdit::add_phase(session, Phase::new(id, name, "", 600))];
            if lab.current_phase.is_none() {
                batch.push(LabEdit::SetCurrentPhase(Some(id)));
            }
            cx.out.edits.push(Edit::Lab(LabEdit::Batch(batch)));
            state.drafts.focus = Some(Field::PhaseName(id));
        }
    });
}

/// One phase of the agenda: its number, name, prompt, minutes and Remove.
fn phase_row_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    i: usize,
    phase: &Phase,
    width: f32,
    state: &mut LabState,
) {
    let session = cx.session;
    let lab = &session.lab;
    ui.add_sized(
        [22.0, 30.0],
        egui::Label::new(RichText::new(format!("{}.", i + 1)).strong()),
    );
    let name_label = format!("Name of phase {}", i + 1);
    if let Some(name) = text_field_ui(
        ui,
        &mut state.drafts,
        Field::PhaseName(phase.id),
        &phase.name,
        FieldLook::line(&name_label, "Phase name", 220.0),
    ) && !name.trim().is_empty()
    {
        cx.out.edits.push(Edit::Lab(LabEdit::UpdatePhase(Phase {
            name: name.trim().to_owned(),
            ..phase.clone()
        })));
    }
    let prompt_label = format!("Prompt of phase {}", i + 1);
    if let Some(prompt) = text_field_ui(
        ui,
        &mut state.drafts,
        Field::PhasePrompt(phase.id),
        &phase.prompt,
        FieldLook::line(
            &prompt_label,
            "The question for the room",
            (width - 520.0).max(200.0),
        ),
    ) {
        cx.out.edits.push(Edit::Lab(LabEdit::UpdatePhase(Phase {
            prompt: prompt.trim().to_owned(),
            ..phase.clone()
        })));
    }
    let minutes_label = format!("Minutes for phase {}", i + 1);
    let minutes = (phase.timebox_secs / 60).to_string();
    if let Some(text) = text_field_ui(
        ui,
        &mut state.drafts,
        Field::PhaseMinutes(phase.id),
        &minutes,
        FieldLook::line(&minutes_label, "min", 48.0),
    ) {
        // Anything but 1 to 1440 whole minutes snaps back to the old value.
        if let Ok(m) = text.trim().parse::<u32>()
            && (1..=1440).contains(&m)
        {
            cx.out.edits.push(Edit::Lab(LabEdit::UpdatePhase(Phase {
                timebox_secs: m * 60,
                ..phase.clone()
            })));
        }
    }
    ui.label("min");
    if ui.button("Remove").clicked() {
        let mut batch = vec![LabEdit::RemovePhases(vec![phase.id])];
        if lab.current_phase == Some(phase.id) {
            let neighbour = lab.next_phase().or_else(|| lab.previous_phase());
            batch.insert(0, LabEdit::SetCurrentPhase(neighbour));
        }
        cx.out.edits.push(Edit::Lab(LabEdit::Batch(batch)));
    }
}
