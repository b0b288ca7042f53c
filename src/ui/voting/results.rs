//! The revealed results, for the projector: options ranked by dots with bars and counts in big
//! type, ties marked, who voted how when the vote was not anonymous; then runoff or close.

use egui::{RichText, Sense, Stroke, Vec2, WidgetInfo};

use super::{Draft, VotingState, dots};
use crate::model::vote::{OptionLookup, Tally, TallyRow};
use crate::model::{Edit, RoundState, VoteEdit, VoteRound, Voter};
use crate::ui::frame::FrameCx;
use crate::ui::style::{self, Palette};
use crate::ui::widgets::primary_button;

/// Draws the results of a revealed or closed round and what can follow.
pub fn results_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    round: &VoteRound,
    state: &mut VotingState,
) {
    let (session, palette) = (cx.session, cx.palette);
    let tally = round.tally(session);
    let voters = round.ballots.iter().filter(|b| !b.dots.is_empty()).count();
    let from = if round.settings.mode == crate::model::VoteMode::Tally {
        format!("{} people", round.settings.voters())
    } else {
        format!("{voters} of {} people", round.settings.participants.len())
    };
    ui.label(
        RichText::new(format!(
            "{} from {from}",
            round.settings.count_words(tally.total_dots)
        ))
        .size(style::text::SUBHEADING)
        .color(palette.text_muted),
    );
    ui.add_space(style::gap::NORMAL);
    ranking_ui(ui, cx, round, &tally, true);
    let top_tie = tally.tied_for_first();
    if !top_tie.is_empty() {
        ui.add_space(style::gap::SMALL);
        let lookup = OptionLookup::new(session);
        let names: Vec<String> = top_tie
            .iter()
            .map(|o| round.option_name(&lookup, *o))
            .collect();
        ui.label(
            RichText::new(format!(
                "First place is a tie between {}. A runoff can settle it.",
                names.join(" and ")
            ))
            .size(style::text::SUBHEADING)
            .color(palette.selection),
        );
    }
    if !round.settings.anonymous {
        who_voted_how_ui(ui, cx, round);
    }
    super::priorities::priorities_ui(ui, cx, round);
    ui.add_space(style::gap::WIDE);
    actions_ui(ui, cx, round, &tally, state);
    earlier_rounds_ui(ui, cx, round);
}

/// The ranked bars. `big` is the projector size; earlier rounds use a compact one.
fn ranking_ui(ui: &mut egui::Ui, cx: &FrameCx<'_>, round: &VoteRound, tally: &Tally, big: bool) {
    let (session, palette) = (cx.session, cx.palette);
    let max = tally.max_dots().max(1);
    let lookup = OptionLookup::new(session);
    for row in &tally.rows {
        let name = round.option_name(&lookup, row.option);
        let count = round.settings.count_words(row.dots);
        result_row_ui(ui, name, &count, row, max, palette, big);
    }
}

fn result_row_ui(
    ui: &mut egui::Ui,
    name: String,
    count: &str,
    row: &TallyRow,
    max: u32,
    palette: &Palette,
    big: bool,
) {
    let scale = if big { 1.0 } else { 0.6 };
    let height = (style::VOTE_BAR_HEIGHT + 16.0) * scale;
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    response.widget_info(|| {
        let tie = if row.tied { ", tied" } else { "" };
        WidgetInfo::labeled(
            egui::Role::Label,
            true,
            format!("{}. {name}: {count}{tie}", row.rank),
        )
    });
    if !ui.is_rect_visible(rect) {
        return;
    }
    let painter = ui.painter();
    let strong = |size: f32| style::strong_font(size * scale);
    let y = rect.center().y;
    let rank = if row.tied {
        format!("={}", row.rank)
    } else {
        row.rank.to_string()
    };
    painter.text(
        egui::pos2(rect.min.x + 4.0, y),
        egui::Align2::LEFT_CENTER,
        rank,
        strong(30.0),
        palette.text_muted,
    );
    let name_x = rect.min.x + 60.0 * scale;
    let name_width = (width * 0.34).min(380.0);
    let galley = name_galley(
        painter,
        name,
        strong(style::VOTE_OPTION_FONT_SIZE + 2.0),
        palette,
        name_width,
    );
    painter.galley(
        egui::pos2(name_x, y - galley.size().y / 2.0),
        galley,
        palette.text,
    );
    let bar_x = name_x + name_width + 16.0;
    let count_width = 150.0 * scale;
    let bar_max = (rect.max.x - count_width - bar_x).max(10.0);
    let bar_width = bar_max * row.dots as f32 / max as f32;
    let bar = egui::Rect::from_min_size(
        egui::pos2(bar_x, y - style::VOTE_BAR_HEIGHT * scale / 2.0),
        Vec2::new(bar_width.max(3.0), style::VOTE_BAR_HEIGHT * scale),
    );
    let fill = if row.rank == 1 && row.dots > 0 {
        palette.accent
    } else {
        palette.accent.gamma_multiply(0.45)
    };
    painter.rect_filled(bar, style::ROUNDING, fill);
    let count_pos = egui::pos2(bar.max.x + 12.0, y);
    let count = painter.text(
        count_pos,
        egui::Align2::LEFT_CENTER,
        row.dots.to_string(),
        strong(style::VOTE_COUNT_FONT_SIZE),
        palette.text,
    );
    if row.tied {
        tie_badge(
            painter,
            egui::pos2(count.max.x + 10.0, y),
            strong(16.0),
            palette,
        );
    }
}

/// An option's name on one line at most `width` wide, cut with "…" when it is longer.
fn name_galley(
    painter: &egui::Painter,
    name: String,
    font: egui::FontId,
    palette: &Palette,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let galley = painter.layout(name.clone(), font.clone(), palette.text, width);
    if galley.rows.len() <= 1 {
        return galley;
    }
    let mut job = egui::text::LayoutJob::simple_singleline(name, font, palette.text);
    job.wrap.max_width = width;
    job.wrap.max_rows = 1;
    job.wrap.overflow_character = Some('…');
    painter.layout_job(job)
}

/// The outlined "TIE" badge, its left edge at `left`, centred on `left.y`.
fn tie_badge(painter: &egui::Painter, left: egui::Pos2, font: egui::FontId, palette: &Palette) {
    let badge = painter.layout_no_wrap("TIE".to_owned(), font, palette.selection);
    let r = egui::Rect::from_min_size(
        egui::pos2(left.x, left.y - badge.size().y / 2.0 - 4.0),
        badge.size() + Vec2::new(16.0, 8.0),
    );
    painter.rect_stroke(
        r,
        style::ROUNDING,
        Stroke::new(2.0, palette.selection),
        egui::StrokeKind::Inside,
    );
    painter.galley(r.min + Vec2::new(8.0, 4.0), badge, palette.selection);
}

/// The totals so far, compact, for an open (not secret) vote while it runs.
pub fn live_totals_ui(ui: &mut egui::Ui, cx: &FrameCx<'_>, round: &VoteRound) {
    let (session, palette) = (cx.session, cx.palette);
    ui.add_space(style::gap::LARGE);
    ui.label(
        RichText::new("Totals so far (open vote)")
            .size(style::text::BODY)
            .color(palette.text_muted),
    );
    ranking_ui(ui, cx, round, &round.tally(session), false);
}

/// Each voter's dots, by name (only for votes that are not anonymous).
fn who_voted_how_ui(ui: &mut egui::Ui, cx: &FrameCx<'_>, round: &VoteRound) {
    let (session, palette) = (cx.session, cx.palette);
    ui.add_space(style::gap::LARGE);
    ui.label(
        RichText::new("Who voted how")
            .size(style::text::HEADING)
            .strong(),
    );
    let lookup = OptionLookup::new(session);
    for id in &round.settings.participants {
        let Some(person) = session.participant(*id) else {
            continue;
        };
        let placed: Vec<String> = round
            .settings
            .options
            .iter()
            .filter(|o| lookup.exists(**o))
            .filter_map(|o| {
                let n = round.dots(Voter::Person(*id), *o);
                (n > 0).then(|| format!("{} {}", lookup.name(*o), "●".repeat(n as usize)))
            })
            .collect();
        let text = if placed.is_empty() {
            "no dots".to_owned()
        } else {
            placed.join(",  ")
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&person.name).size(style::text::LEAD).strong());
            ui.label(
                RichText::new(text)
                    .size(style::text::LEAD)
                    .color(palette.text_muted),
            );
        });
    }
}

fn actions_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    round: &VoteRound,
    tally: &Tally,
    state: &mut VotingState,
) {
    let (session, palette) = (cx.session, cx.palette);
    let is_latest = session.voting.current().map(|r| r.id) == Some(round.id);
    if !is_latest {
        return;
    }
    if state.runoff_top < 2 {
        state.runoff_top = 2;
    }
    let mut runoff = None;
    ui.horizontal_wrapped(|ui| {
        match round.state {
            RoundState::Revealed => {
                if primary_button(ui, "Close vote", palette).clicked() {
                    cx.out
                        .edits
                        .push(Edit::Vote(session.voting.close(session, round.id)));
                    state.info("The vote is closed; its results are kept in the session.");
                }
                if ui.button("Back to voting").clicked() {
                    cx.out.edits.push(Edit::Vote(VoteEdit::SetState {
                        round: round.id,
                        state: RoundState::Open,
                    }));
                    state.message = None;
                }
            }
            RoundState::Closed => {
                ui.label(
                    RichText::new("Closed: the results are locked.")
                        .size(style::text::BODY)
                        .color(palette.text_muted),
                );
            }
            RoundState::Open => {}
        }
        if !tally.tied_for_first().is_empty() && ui.button("Runoff on the tie").clicked() {
            runoff = Some(None);
        }
        if ui.button("Runoff on the top").clicked() {
            runoff = Some(Some(state.runoff_top));
        }
        let count = ui.add(
            egui::DragValue::new(&mut state.runoff_top)
                .range(2..=tally.rows.len().max(2))
                .speed(0.05),
        );
        let unit = ui.label("options");
        count.labelled_by(unit.id);
        if ui.button("New vote…").clicked() {
            state.draft = Some(Draft::new(session));
            state.message = None;
        }
    });
    if let Some(top) = runoff {
        let result = session.voting.runoff(session, round.id, top);
        if let Ok(crate::model::VoteEdit::Batch(parts)) = &result
            && let Some(crate::model::VoteEdit::AddRound(new)) = parts.last()
        {
            let names: Vec<String> = new
                .settings
                .options
                .iter()
                .map(|o| o.name(session))
                .collect();
            state.voter = None;
            state.scribe_voter = None;
            state.info(format!(
                "Runoff started on {} with {} each.",
                names.join(", "),
                dots(new.settings.dots_per_person)
            ));
        }
        state.push(result, &mut cx.out.edits);
    }
}

/// The results of earlier rounds, compact, newest first.
fn earlier_rounds_ui(ui: &mut egui::Ui, cx: &FrameCx<'_>, round: &VoteRound) {
    let (session, palette) = (cx.session, cx.palette);
    let earlier: Vec<(usize, &VoteRound)> = session
        .voting
        .rounds
        .iter()
        .enumerate()
        .filter(|(_, r)| r.id != round.id && r.state != RoundState::Open)
        .collect();
    if earlier.is_empty() {
        return;
    }
    ui.add_space(style::gap::BLOCK);
    let counting = session.voting.counting_round().map(|r| r.id);
    for (i, r) in earlier.into_iter().rev() {
        let counts = if counting == Some(r.id) {
            " · sets the priorities"
        } else {
            ""
        };
        let line = session.voting.describe(r.id);
        egui::CollapsingHeader::new(
            RichText::new(format!("Vote {} · {line}{counts}", i + 1))
                .size(style::text::BODY)
                .color(palette.text_muted),
        )
        .id_salt(("earlier-round", r.id))
        .show(ui, |ui| {
            ranking_ui(ui, cx, r, &r.tally(session), false);
        });
    }
}
