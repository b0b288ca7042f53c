//! A scored question: everyone gives a score from 1 to 5. By tally (the facilitator counts
//! hands or cards: 1–5 adds one, Shift+1–5 takes one back) or by passing the laptop (each
//! person presses 1–5 in turn on a screen that then clears; nobody sees a score until the
//! reveal). The distribution and median show for the room, beside last time's in a follow-up.

use crate::ui::frame::FrameCx;
use egui::{Key, Modifiers, RichText};

use super::LabState;
use super::score_chart::score_chart_ui;
use super::widgets::{card_ui, plural};
use crate::model::lab::{Phase, PhaseKind};
use crate::model::score::{SCALE, ScoreMode, Scoring};
use crate::model::{Edit, LabEdit, ParticipantId};
use crate::ui::shortcuts::DIGIT_KEYS;
use crate::ui::style::{self};

/// Who is scoring on the laptop now.
#[derive(Debug, Default)]
pub struct ScoreState {
    /// The person holding the laptop; `None` while it is being passed on.
    pub scorer: Option<ParticipantId>,
}

/// The edit that gives `phase` this scoring.
fn set(phase: &Phase, scoring: Scoring) -> Edit {
    Edit::Lab(LabEdit::UpdatePhase(Phase {
        kind: PhaseKind::Score(scoring),
        ..phase.clone()
    }))
}

/// The score key pressed this frame (1–5, with or without Shift), unless a text box has the
/// keyboard.
fn score_key(ui: &egui::Ui) -> Option<(u8, bool)> {
    if ui.ctx().text_edit_focused() {
        return None;
    }
    ui.input_mut(|i| {
        for score in 1..=SCALE as u8 {
            let key = DIGIT_KEYS[usize::from(score)];
            if i.consume_key(Modifiers::SHIFT, key) {
                return Some((score, true));
            }
            if i.consume_key(Modifiers::NONE, key) {
                return Some((score, false));
            }
        }
        None
    })
}

/// Draws the scoring of `phase`.
pub fn scores_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    phase: &Phase,
    scoring: &Scoring,
    state: &mut LabState,
) {
    let session = cx.session;
    let palette = cx.palette;
    ui.horizontal(|ui| {
        ui.label(RichText::new("How the room scores").color(palette.text_muted));
        for (mode, label) in [
            (ScoreMode::Tally, "Tally the room"),
            (ScoreMode::PassTheLaptop, "Pass the laptop"),
        ] {
            let selected = scoring.mode == mode;
            if ui.selectable_label(selected, label).clicked() && !selected {
                cx.out.edits.push(set(
                    phase,
                    Scoring {
                        mode,
                        ..scoring.clone()
                    },
                ));
                state.scores.scorer = None;
            }
        }
    });
    ui.add_space(style::gap::NORMAL);
    // What the room reads comes first: the chart (a tally is open; a laptop round only once
    // revealed, and never while someone is scoring), then the controls.
    let shown = match scoring.mode {
        ScoreMode::Tally => true,
        ScoreMode::PassTheLaptop => scoring.revealed && state.scores.scorer.is_none(),
    };
    if shown {
        let change = session.score_change(phase.id);
        card_ui(ui, palette, |ui| {
            score_chart_ui(ui, scoring, change.as_ref(), palette);
        });
        ui.add_space(style::gap::LARGE);
    }
    match scoring.mode {
        ScoreMode::Tally => tally_ui(ui, phase, scoring, cx),
        ScoreMode::PassTheLaptop => laptop_ui(ui, cx, phase, scoring, state),
    }
}

/// One row per score with − and + buttons; 1–5 counts one, Shift+1–5 takes one back.
fn tally_ui(ui: &mut egui::Ui, phase: &Phase, scoring: &Scoring, cx: &mut FrameCx<'_>) {
    let palette = cx.palette;
    if let Some((score, back)) = score_key(ui) {
        cx.out.edits.push(set(
            phase,
            scoring.with_tally(score, if back { -1 } else { 1 }),
        ));
    }
    card_ui(ui, palette, |ui| {
        ui.label(
            RichText::new(
                "Count the hands for each score: 1–5 adds one, Shift+1–5 takes one back.",
            )
            .color(palette.text_muted),
        );
        for score in 1..=SCALE as u8 {
            ui.horizontal(|ui| {
                let label = scoring.label(score);
                ui.label(
                    RichText::new(format!("{score}  {label}"))
                        .size(style::BIG_BUTTON_FONT_SIZE)
                        .strong(),
                );
                let minus = ui.button(RichText::new(" − ").size(style::BIG_BUTTON_FONT_SIZE));
                let name = format!("One fewer for {score}");
                minus.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                if minus.clicked() {
                    cx.out.edits.push(set(phase, scoring.with_tally(score, -1)));
                }
                ui.label(
                    RichText::new(scoring.tally[usize::from(score) - 1].to_string())
                        .size(style::BIG_BUTTON_FONT_SIZE),
                );
                let plus = ui.button(RichText::new(" + ").size(style::BIG_BUTTON_FONT_SIZE));
                let name = format!("One more for {score}");
                plus.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                if plus.clicked() {
                    cx.out.edits.push(set(phase, scoring.with_tally(score, 1)));
                }
            });
        }
    });
}

/// Passing the laptop: who still has to score, then one person's private scoring screen.
fn laptop_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    phase: &Phase,
    scoring: &Scoring,
    state: &mut LabState,
) {
    let session = cx.session;
    let palette = cx.palette;
    if let Some(person) = state.scores.scorer {
        ballot_ui(ui, cx, phase, scoring, person, state);
        return;
    }
    let waiting: Vec<ParticipantId> = session
        .participants
        .iter()
        .map(|p| p.id)
        .filter(|id| scoring.score_of(*id).is_none())
        .collect();
    card_ui(ui, palette, |ui| {
        if session.participants.is_empty() {
            ui.label(
                RichText::new(
                    "Nobody to pass the laptop to: add participants on “Vision & outcomes”, or tally the room.",
                )
                .color(palette.danger),
            );
            return;
        }
        let done = session.participants.len() - waiting.len();
        ui.label(
            RichText::new(format!(
                "Pass the laptop: {done} of {} scored. Click your name (Enter: the next person).",
                plural(session.participants.len(), "person", "people")
            ))
            .size(style::REVIEW_DETAIL_SIZE),
        );
        ui.add_space(style::gap::NORMAL);
        ui.horizontal_wrapped(|ui| {
            for person in &session.participants {
                let scored = scoring.score_of(person.id).is_some();
                let text = if scored {
                    format!("✓ {}", person.name)
                } else {
                    person.name.clone()
                };
                let button = ui.add_enabled(
                    !scored,
                    egui::Button::new(RichText::new(text).size(style::BIG_BUTTON_FONT_SIZE)),
                );
                if button.clicked() {
                    state.scores.scorer = Some(person.id);
                }
            }
        });
        ui.add_space(style::gap::NORMAL);
        let enter = !ui.ctx().text_edit_focused()
            && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
        if let Some(next) = waiting.first() {
            if enter {
                state.scores.scorer = Some(*next);
            }
        } else if !scoring.revealed {
            ui.label(RichText::new("Everyone has scored. Enter reveals the scores.").strong());
        }
        let reveal_text = if scoring.revealed {
            "Hide the scores"
        } else {
            "Reveal the scores"
        };
        let reveal = ui.button(RichText::new(reveal_text).size(style::BIG_BUTTON_FONT_SIZE));
        if reveal.clicked() || (enter && waiting.is_empty() && !scoring.revealed) {
            cx.out.edits.push(set(
                phase,
                Scoring {
                    revealed: !scoring.revealed,
                    ..scoring.clone()
                },
            ));
        }
    });
}

/// One person's private screen: five big buttons, or keys 1–5. The screen clears for the
/// next person as soon as a score is given; Esc hands back without scoring.
fn ballot_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    phase: &Phase,
    scoring: &Scoring,
    person: ParticipantId,
    state: &mut LabState,
) {
    let session = cx.session;
    let palette = cx.palette;
    let name = session
        .participant(person)
        .map_or_else(|| "Someone".to_owned(), |p| p.name.clone());
    let mut chosen = score_key(ui).filter(|(_, back)| !back).map(|(s, _)| s);
    let cancel = ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
    card_ui(ui, palette, |ui| {
        ui.label(
            RichText::new(format!("{name}, your score"))
                .size(style::REVIEW_TITLE_SIZE)
                .strong(),
        );
        ui.label(
            RichText::new("Press 1 to 5 or click one. Nobody sees it until the reveal.")
                .color(palette.text_muted),
        );
        ui.add_space(style::gap::MEDIUM);
        ui.horizontal_wrapped(|ui| {
            for score in 1..=SCALE as u8 {
                let text = format!("{score}\n{}", scoring.label(score));
                let button = ui.add(
                    egui::Button::new(RichText::new(text).size(style::BIG_BUTTON_FONT_SIZE))
                        .min_size(style::BIG_BUTTON_SIZE),
                );
                let label = format!("Score {score}");
                button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                if button.clicked() {
                    chosen = Some(score);
                }
            }
        });
    });
    if let Some(score) = chosen {
        cx.out
            .edits
            .push(set(phase, scoring.with_person(person, Some(score))));
        state.scores.scorer = None;
    } else if cancel {
        state.scores.scorer = None;
    }
}
