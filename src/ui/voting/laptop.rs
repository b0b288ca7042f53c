//! Pass the laptop: each participant in turn sees a clean screen with only their own dots,
//! places them, confirms, and the screen clears for the next person.

use egui::{Key, RichText};

use super::{VotingState, dots, place_dots_ui, pressed};
use crate::model::{Edit, ParticipantId, VoteEdit, VoteRound, Voter};
use crate::ui::frame::FrameCx;
use crate::ui::style::{self, Palette};
use crate::ui::widgets::primary_button;

/// Draws the handover screen, or the ballot of the person holding the laptop.
pub fn laptop_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    round: &VoteRound,
    state: &mut VotingState,
) {
    if let Some(p) = state.voter
        && (round.is_done(p) || !round.settings.participants.contains(&p))
    {
        state.voter = None;
    }
    match state.voter {
        Some(p) => ballot_ui(ui, cx, round, p, state),
        None => handover_ui(ui, cx, round, state),
    }
}

/// Who votes next: every name, those still to vote as big buttons. Shows no dots at all.
fn handover_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    round: &VoteRound,
    state: &mut VotingState,
) {
    let (session, palette) = (cx.session, cx.palette);
    let people: Vec<_> = round
        .settings
        .participants
        .iter()
        .filter_map(|id| session.participant(*id))
        .collect();
    let waiting: Vec<ParticipantId> = people
        .iter()
        .filter(|p| !round.is_done(p.id))
        .map(|p| p.id)
        .collect();
    let voted = people.len() - waiting.len();
    let big = |text: &str| RichText::new(text).font(style::strong_font(style::text::DISPLAY));
    if waiting.is_empty() {
        ui.label(big("Everyone has voted."));
        ui.label(
            RichText::new("When the room is ready, the facilitator reveals the results (Enter, then Reveal now).")
                .size(style::text::SUBHEADING)
                .color(palette.text_muted),
        );
    } else {
        ui.label(big("Pass the laptop to the next person."));
        let next = session
            .participant(waiting[0])
            .map_or(String::new(), |p| p.name.clone());
        ui.label(
            RichText::new(format!(
                "Who is voting now? Choose your name, or press Enter for {next}."
            ))
            .size(style::text::SUBHEADING)
            .color(palette.text_muted),
        );
    }
    ui.label(
        RichText::new(format!("{voted} of {} have voted", people.len()))
            .size(style::text::BODY)
            .color(palette.text_muted),
    );
    ui.add_space(style::gap::LARGE);
    names_ui(ui, cx, round, &people, state);
    if !round.settings.secret {
        super::results::live_totals_ui(ui, cx, round);
    }
    if pressed(ui, Key::Enter) {
        if let Some(next) = waiting.first() {
            state.voter = Some(*next);
            state.message = None;
            state.confirm_reveal = false;
        } else {
            // Everyone has voted: still the facilitator confirms before the totals show.
            state.confirm_reveal = true;
        }
    }
    let turnout = Turnout {
        voted,
        people: people.len(),
    };
    facilitator_ui(ui, cx, round, turnout, state);
}

/// Every name as a big button: one still to vote starts their ballot; one done says so, and
/// its right-click menu reopens the ballot.
fn names_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    round: &VoteRound,
    people: &[&crate::model::Participant],
    state: &mut VotingState,
) {
    let palette = cx.palette;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing = egui::vec2(12.0, 12.0);
        for p in people {
            let done = round.is_done(p.id);
            let text = if done {
                RichText::new(format!("✓ {}", p.name))
                    .size(style::text::HEADING)
                    .color(palette.text_muted)
            } else {
                RichText::new(&p.name).size(style::text::HEADING).strong()
            };
            let button = egui::Button::new(text).min_size(egui::vec2(180.0, 56.0));
            let response = ui.add(button);
            if response.clicked() {
                if done {
                    state.info(format!(
                        "{} has voted. Right-click the name to reopen their ballot.",
                        p.name
                    ));
                } else {
                    state.voter = Some(p.id);
                    state.message = None;
                    state.confirm_reveal = false;
                }
            }
            if done {
                response.context_menu(|ui| {
                    if ui.button(format!("Reopen {}'s ballot", p.name)).clicked() {
                        cx.out.edits.push(Edit::Vote(VoteEdit::SetDone {
                            round: round.id,
                            participant: p.id,
                            done: false,
                        }));
                        state.info(format!("{}'s ballot is open again.", p.name));
                        ui.close();
                    }
                });
            }
        }
    });
}

/// How many of the people in the round have voted.
#[derive(Clone, Copy)]
struct Turnout {
    voted: usize,
    people: usize,
}

/// The facilitator's controls under the handover screen, folded away so a voter handing the
/// laptop on cannot reveal the totals with one click: Reveal asks to confirm, saying how many
/// have voted ("2 of 8 have voted. Reveal now?").
fn facilitator_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    round: &VoteRound,
    turnout: Turnout,
    state: &mut VotingState,
) {
    let (session, palette) = (cx.session, cx.palette);
    ui.add_space(style::gap::WIDE);
    if state.confirm_reveal {
        confirm_reveal_ui(ui, cx, round.id, turnout, state);
        return;
    }
    egui::CollapsingHeader::new(
        RichText::new("Facilitator")
            .size(style::text::BODY)
            .color(palette.text_muted),
    )
    .id_salt(("facilitator", round.id))
    .show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui.button("Reveal results…").clicked() {
                state.confirm_reveal = true;
            }
            if ui.button("New vote…").clicked() {
                state.draft = Some(super::Draft::new(session));
                state.message = None;
            }
        });
    });
}

/// "2 of 8 have voted. Reveal now?" with Reveal now and Not yet (Esc).
fn confirm_reveal_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    round: crate::model::RoundId,
    Turnout { voted, people }: Turnout,
    state: &mut VotingState,
) {
    let palette = cx.palette;
    let mut reveal = false;
    let mut cancel = pressed(ui, Key::Escape);
    let frame = egui::Frame::NONE
        .fill(palette.surface_raised)
        .stroke(egui::Stroke::new(2.0, palette.accent))
        .corner_radius(style::ROUNDING)
        .inner_margin(egui::Margin::symmetric(18, 14))
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!("{voted} of {people} have voted. Reveal now?"))
                    .font(style::strong_font(style::text::SECTION)),
            );
            let waiting = people.saturating_sub(voted);
            let who = if waiting == 1 {
                "1 person has".to_owned()
            } else {
                format!("{waiting} people have")
            };
            let warning = if waiting == 0 {
                "Everyone in the room will see the totals.".to_owned()
            } else {
                format!("{who} not voted yet. Everyone in the room will see the totals.")
            };
            ui.label(
                RichText::new(warning)
                    .size(style::text::BODY)
                    .color(palette.text_muted),
            );
            ui.add_space(style::gap::NORMAL);
            ui.horizontal(|ui| {
                reveal = primary_button(ui, "Reveal now", palette).clicked();
                cancel |= ui.button("Not yet").clicked();
            });
        });
    // Below the names on a small screen: bring the question into view.
    frame.response.scroll_to_me(None);
    if reveal {
        cx.out.edits.push(Edit::Vote(VoteEdit::SetState {
            round,
            state: crate::model::RoundState::Revealed,
        }));
        state.voter = None;
        state.message = None;
        state.confirm_reveal = false;
    } else if cancel {
        state.confirm_reveal = false;
    }
}

/// One person's ballot: only their own dots.
fn ballot_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    round: &VoteRound,
    person: ParticipantId,
    state: &mut VotingState,
) {
    let (session, palette) = (cx.session, cx.palette);
    let voter = Voter::Person(person);
    let name = session
        .participant(person)
        .map_or(String::new(), |p| p.name.clone());
    let budget = round.budget(voter);
    let used = round.used(session, voter);
    let left = budget.saturating_sub(used);
    ui.label(
        RichText::new(format!("{name}, place your dots"))
            .font(style::strong_font(style::text::DISPLAY))
            .color(palette.accent),
    );
    ui.horizontal(|ui| {
        budget_dots_ui(ui, left, budget, palette);
        ui.label(
            RichText::new(format!("{} left of {}", dots(left), budget))
                .size(style::text::HEADING)
                .strong(),
        );
    });
    ui.label(
        RichText::new(
            "Click + or press an option's number to place a dot; − or Shift+number takes it back. \
             ↑/↓ reach any option, then + or −. Enter when done.",
        )
        .size(style::text::SMALL)
        .color(palette.text_muted),
    );
    ui.add_space(style::gap::NORMAL);
    place_dots_ui(ui, cx, round, voter, "of your dots", true, state);
    ui.add_space(style::gap::LARGE);
    let mut done = false;
    ui.horizontal(|ui| {
        done = primary_button(ui, "Done: hide my dots", palette).clicked();
        if ui.button("Back to the names").clicked() {
            state.voter = None;
            state.message = None;
            state.expanded.clear();
            state.cursor = None;
        }
    });
    if done || pressed(ui, Key::Enter) {
        cx.out.edits.push(Edit::Vote(VoteEdit::SetDone {
            round: round.id,
            participant: person,
            done: true,
        }));
        state.voter = None;
        state.expanded.clear();
        state.cursor = None;
        state.info(format!(
            "Thank you, {name}. Your dots are hidden; pass the laptop on."
        ));
    }
}

/// The dots still to place as stickers, with the placed ones as empty rings.
fn budget_dots_ui(ui: &mut egui::Ui, left: u32, budget: u32, palette: &Palette) {
    let shown = budget.min(12);
    let d = style::VOTE_DOT_SIZE;
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(shown as f32 * (d + 6.0), d + 4.0),
        egui::Sense::hover(),
    );
    if !ui.is_rect_visible(rect) {
        return;
    }
    for i in 0..shown {
        let c = egui::pos2(rect.min.x + d / 2.0 + i as f32 * (d + 6.0), rect.center().y);
        if i < left {
            ui.painter().circle_filled(c, d / 2.0, style::VOTE_DOT);
        } else {
            ui.painter()
                .circle_stroke(c, d / 2.0 - 1.0, egui::Stroke::new(1.5, palette.border));
        }
    }
}
