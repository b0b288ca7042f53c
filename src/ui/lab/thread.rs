//! The Thread screen: the golden thread read from vision to outcomes to themes (with their
//! votes) to actions, with its breaks flagged, and whose voice is heard in each theme and phase.

use crate::ui::frame::FrameCx;
use egui::RichText;

use super::widgets::{card_ui, plural, section_ui, warning_ui};
use crate::model::lab::coverage::{Voices, phase_coverage, theme_coverage};
use crate::model::lab::dates::long;
use crate::model::lab::golden_thread::{Break, breaks, ranked_themes, top_themes};
use chrono::NaiveDate;

use crate::model::ThemeId;
use crate::model::lab::progress::outcome_progress;
use crate::model::lab::{Action, ActionStatus, OutcomeId, OutcomeProgress, Owner};
use crate::ui::style::{self, Palette};

/// Draws the Thread screen.
pub fn thread_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, today: NaiveDate) {
    let session = cx.session;
    let palette = cx.palette;
    let dots = session.voting.dots_by_option();
    let found = breaks(session, &dots);
    breaks_summary_ui(ui, cx, &found);

    let mut knots = Vec::new();
    knots.push(ui.cursor().top() + 34.0);
    vision_ui(ui, cx);
    knots.push(ui.cursor().top() + 34.0);
    outcomes_ui(ui, cx, today);
    knots.push(ui.cursor().top() + 34.0);
    themes_ui(ui, cx, &dots, today);
    golden_line(ui, &knots, found.is_empty(), palette);
    coverage_ui(ui, cx);
}

/// The vision, as written on "Vision & outcomes".
fn vision_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>) {
    let session = cx.session;
    let palette = cx.palette;
    let vision = session.lab.vision.trim();
    section_ui(ui, "Vision", "", palette);
    card_ui(ui, palette, |ui| {
        if vision.is_empty() {
            ui.label(
                RichText::new("No vision yet: write it on “Vision & outcomes”.")
                    .color(palette.text_muted),
            );
        } else {
            let text = RichText::new(vision).size(style::text::SECTION);
            ui.add(egui::Label::new(text).wrap());
        }
    });
}

/// Each outcome, by when, its progress, and the actions that serve it (flagged when none do).
fn outcomes_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, today: NaiveDate) {
    let session = cx.session;
    let palette = cx.palette;
    let lab = &session.lab;
    section_ui(ui, "Outcomes, and the actions that serve them", "", palette);
    if lab.outcomes.is_empty() {
        card_ui(ui, palette, |ui| {
            ui.label(RichText::new("No outcomes yet.").color(palette.text_muted));
        });
    }
    for outcome in &lab.outcomes {
        card_ui(ui, palette, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(&outcome.text)
                        .strong()
                        .size(style::text::EMPHASIS),
                );
                let when = outcome
                    .by_when
                    .map_or_else(|| "no date yet".to_owned(), |d| format!("by {}", long(d)));
                ui.label(RichText::new(when).color(palette.accent).strong());
                outcome_progress_ui(ui, cx, outcome.id, today);
            });
            let serving: Vec<&Action> = lab
                .actions
                .iter()
                .filter(|a| a.outcome == Some(outcome.id))
                .collect();
            for action in &serving {
                action_line_ui(ui, cx, action, today);
            }
            if serving.is_empty() {
                warning_ui(ui, "No action serves this outcome.", palette);
            }
        });
        ui.add_space(style::gap::SMALL);
    }
}

/// The themes ranked by votes, each with its notes, votes and actions (a top theme with no
/// action flagged).
fn themes_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    dots: &[(crate::model::vote::VoteOption, u32)],
    today: NaiveDate,
) {
    let session = cx.session;
    let palette = cx.palette;
    let voted = dots.iter().any(|(_, n)| *n > 0);
    section_ui(
        ui,
        if voted {
            "Themes by votes, and their actions"
        } else {
            "Themes and their actions (no vote yet)"
        },
        &crate::ui::voting::priorities_caption(session),
        palette,
    );
    // One pass over the notes, not one per theme: the screen is redrawn while it is open.
    let mut notes_per_theme: std::collections::HashMap<ThemeId, usize> =
        std::collections::HashMap::new();
    for note in &session.notes {
        if let Some(theme) = note.theme {
            *notes_per_theme.entry(theme).or_insert(0) += 1;
        }
    }
    let top: Vec<ThemeId> = top_themes(session, dots)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    card_ui(ui, palette, |ui| {
        if session.themes.is_empty() {
            ui.label(RichText::new("No themes yet.").color(palette.text_muted));
        }
        for (theme, n) in ranked_themes(session, dots) {
            let notes = notes_per_theme.get(&theme.id).copied().unwrap_or(0);
            let is_top = top.contains(&theme.id);
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(&theme.name)
                        .strong()
                        .size(style::text::SUBHEADING),
                );
                let votes = if voted {
                    format!("{} · ", plural(n as usize, "vote", "votes"))
                } else {
                    String::new()
                };
                let notes = plural(notes, "note", "notes");
                let top = if is_top { " · top theme" } else { "" };
                ui.label(RichText::new(format!("{votes}{notes}{top}")).color(palette.text_muted));
            });
            let linked: Vec<&Action> = (session.lab.actions.iter())
                .filter(|a| a.theme == Some(theme.id))
                .collect();
            for action in &linked {
                action_line_ui(ui, cx, action, today);
            }
            if linked.is_empty() && is_top {
                warning_ui(ui, "A top theme with no action.", palette);
            }
            ui.add_space(style::gap::SMALL);
        }
    });
}

/// The golden thread itself, in the margin: a gold line through a knot at each heading from the
/// vision to the themes; dashed in the danger colour while the thread has breaks.
fn golden_line(ui: &egui::Ui, knots: &[f32], whole: bool, palette: &Palette) {
    let (Some(&top), Some(&last)) = (knots.first(), knots.last()) else {
        return;
    };
    let x = ui.min_rect().left() - 22.0;
    let bottom = ui.cursor().top().max(last);
    let painter = ui.painter();
    let (colour, width) = if whole {
        (palette.accent, 4.0)
    } else {
        (palette.danger, 3.0)
    };
    let stroke = egui::Stroke::new(width, colour);
    let points = [egui::pos2(x, top), egui::pos2(x, bottom)];
    if whole {
        painter.line_segment(points, stroke);
    } else {
        painter.extend(egui::Shape::dashed_line(&points, stroke, 10.0, 6.0));
    }
    for y in knots {
        painter.circle_filled(egui::pos2(x, *y), 7.0, colour);
    }
}

fn breaks_summary_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, found: &[Break]) {
    let session = cx.session;
    let palette = cx.palette;
    card_ui(ui, palette, |ui| {
        if found.is_empty() {
            ui.label(
                RichText::new("The golden thread is unbroken")
                    .size(style::text::TITLE)
                    .strong()
                    .color(palette.accent),
            );
            ui.label(
                RichText::new(
                    "Every outcome has an action, every top theme has an action, and every action has an owner, serves an outcome, and is due by the outcome's date.",
                )
                .color(palette.text_muted),
            );
            return;
        }
        ui.label(
            RichText::new(format!(
                "{} in the golden thread",
                plural(found.len(), "break", "breaks")
            ))
            .size(style::text::TITLE)
            .strong()
            .color(palette.danger),
        );
        for gap in found {
            warning_ui(ui, &gap.describe(session), palette);
        }
    });
}

fn action_line_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, action: &Action, today: NaiveDate) {
    let session = cx.session;
    let palette = cx.palette;
    let owner = action.real_owner().filter(|o| match o {
        Owner::Participant(id) => session.participant(*id).is_some(),
        Owner::Named(_) => true,
    });
    let who = owner.map_or_else(|| "no owner".to_owned(), |o| o.name(&session.participants));
    let when = action.due.map_or_else(|| "no date".to_owned(), long);
    let what = if action.description.trim().is_empty() {
        "(no description yet)"
    } else {
        action.description.as_str()
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("→").color(palette.accent).strong());
        ui.label(what);
        let missing = owner.is_none() || action.due.is_none();
        ui.label(RichText::new(format!("{who}, {when}")).color(if missing {
            palette.danger
        } else {
            palette.text_muted
        }));
        ui.label(
            RichText::new(action.status.label())
                .strong()
                .color(style::status_colour(palette, action.status)),
        );
        if action.is_overdue(today) {
            ui.label(RichText::new("overdue").strong().color(palette.danger));
        }
    });
}

/// How well the outcome is served by its actions: served, partly served, not started or at
/// risk, as a coloured badge.
fn outcome_progress_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    outcome: OutcomeId,
    today: NaiveDate,
) {
    let session = cx.session;
    let palette = cx.palette;
    let progress = outcome_progress(&session.lab, outcome, today);
    let fill = match progress {
        OutcomeProgress::Served => style::status_colour(palette, ActionStatus::Done),
        OutcomeProgress::PartlyServed => palette.selection,
        OutcomeProgress::NotStarted => palette.text_muted,
        OutcomeProgress::AtRisk => palette.danger,
    };
    ui.label(
        RichText::new(format!(" {} ", progress.label()))
            .strong()
            .color(palette.on_accent)
            .background_color(fill),
    );
}

/// "Housing 2, ICT 2", or a dash when nobody in that kind of group is known.
fn counts_text(counts: &std::collections::BTreeMap<String, usize>) -> String {
    if counts.is_empty() {
        return "–".to_owned();
    }
    counts
        .iter()
        .map(|(name, n)| format!("{name}\u{a0}{n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Column widths of the coverage table: name, notes, service areas, levels.
const COVERAGE_COLUMNS: [f32; 4] = [230.0, 130.0, 390.0, 300.0];

/// One cell of the coverage table: wrapped text in a fixed width.
fn cell_ui(ui: &mut egui::Ui, width: f32, text: RichText) {
    ui.allocate_ui_with_layout(
        egui::vec2(width, 0.0),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            ui.set_width(width);
            ui.add(egui::Label::new(text).wrap());
        },
    );
}

/// One row: the group's name (with a warning under it when only one group spoke), its notes,
/// and who wrote them.
fn coverage_row_ui(ui: &mut egui::Ui, name: &str, extra: &str, voices: &Voices, palette: &Palette) {
    let [name_w, notes_w, areas_w, levels_w] = COVERAGE_COLUMNS;
    ui.horizontal_top(|ui| {
        ui.allocate_ui_with_layout(
            egui::vec2(name_w, 0.0),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_width(name_w);
                ui.add(egui::Label::new(RichText::new(name).strong()).wrap());
                if let Some(flag) = voices.one_group() {
                    warning_ui(ui, &flag, palette);
                }
            },
        );
        let notes = voices.attributed + voices.anonymous;
        let mut notes_text = plural(notes, "note", "notes");
        if voices.anonymous > 0 {
            notes_text.push_str(&format!(" ({} anonymous)", voices.anonymous));
        }
        if !extra.is_empty() {
            notes_text.push_str(&format!("\n{extra}"));
        }
        cell_ui(
            ui,
            notes_w,
            RichText::new(notes_text).color(palette.text_muted),
        );
        cell_ui(ui, areas_w, RichText::new(counts_text(&voices.areas)));
        cell_ui(ui, levels_w, RichText::new(counts_text(&voices.levels)));
    });
    ui.separator();
}

fn coverage_header_ui(ui: &mut egui::Ui, first: &str, palette: &Palette) {
    let [name_w, notes_w, areas_w, levels_w] = COVERAGE_COLUMNS;
    ui.horizontal(|ui| {
        for (text, width) in [
            (first, name_w),
            ("Notes", notes_w),
            ("Service areas", areas_w),
            ("Levels", levels_w),
        ] {
            cell_ui(
                ui,
                width,
                RichText::new(text).small().color(palette.text_muted),
            );
        }
    });
}

fn coverage_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>) {
    let session = cx.session;
    let palette = cx.palette;
    section_ui(
        ui,
        "Whose voice is heard",
        "Which service areas and levels wrote the notes of each theme and phase. Dots are anonymous, so they are counted per theme.",
        palette,
    );
    let dots = session.voting.dots_by_option();
    let voted = dots.iter().any(|(_, n)| *n > 0);
    card_ui(ui, palette, |ui| {
        if session.themes.is_empty() && session.lab.phases.is_empty() {
            ui.label(RichText::new("No themes or phases yet.").color(palette.text_muted));
        }
        if !session.themes.is_empty() {
            coverage_header_ui(ui, "Theme", palette);
        }
        for cov in theme_coverage(session, &dots) {
            let Some(theme) = session.themes.iter().find(|t| t.id == cov.theme) else {
                continue;
            };
            let votes = if voted {
                plural(cov.dots as usize, "vote", "votes")
            } else {
                String::new()
            };
            coverage_row_ui(ui, &theme.name, &votes, &cov.voices, palette);
        }
        if !session.lab.phases.is_empty() {
            ui.add_space(style::gap::MEDIUM);
            coverage_header_ui(ui, "Phase", palette);
        }
        for cov in phase_coverage(session) {
            let Some(phase) = session.lab.phase(cov.phase) else {
                continue;
            };
            coverage_row_ui(ui, &phase.name, "", &cov.voices, palette);
        }
    });
}
