//! The voting screen: set up a dot vote, vote in one room on one laptop, reveal the results.
//!
//! The screen follows the latest round of [`crate::model::Voting`]: with no round (or when the
//! facilitator asks for a new vote) it shows the setup form; while a round is open it shows the
//! way the room votes (tally the room, pass the laptop, or scribe); once revealed or closed it
//! shows the ranked results. Every change is an [`Edit::Vote`], so every dot is undoable.

mod laptop;
mod option_row;
mod results;
mod room;
mod scribe;
mod setup;

use egui::{Key, RichText};

pub use setup::Draft;

use super::command::Command;
use super::style::{self, Palette};
use crate::model::vote::{VoteError, VoteMode, VoteRound};
use crate::model::{Edit, ParticipantId, RoundState, Session, VoteEdit};

/// UI state of the voting screen that is not part of the session.
#[derive(Debug, Default)]
pub struct VotingState {
    /// The setup form, while it shows.
    pub draft: Option<Draft>,
    /// Pass the laptop: whose ballot is on screen (`None`: the handover screen).
    pub voter: Option<ParticipantId>,
    /// Scribe: whose dots are being entered.
    pub scribe_voter: Option<ParticipantId>,
    /// Scribe: the quick-entry line ("Ana 3 2").
    pub scribe_line: String,
    /// Tally the room: show the totals of a secret vote on the facilitator's screen.
    pub show_totals: bool,
    /// Results: how many options the "Runoff on the top N" button keeps.
    pub runoff_top: usize,
    /// The last message: an error explains a refused action.
    pub message: Option<Message>,
}

/// A message under the question: why an action was refused, or what just happened.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// The sentence shown.
    pub text: String,
    /// Errors are drawn in the danger colour.
    pub is_error: bool,
}

impl VotingState {
    /// Shows `text` as an error.
    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: true,
        });
    }

    /// Shows `text` as information.
    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: false,
        });
    }

    /// Pushes the edit a rule allowed, or shows why it was refused.
    fn push(&mut self, result: Result<VoteEdit, VoteError>, edits: &mut Vec<Edit>) {
        match result {
            Ok(edit) => {
                if self.message.as_ref().is_some_and(|m| m.is_error) {
                    self.message = None;
                }
                edits.push(Edit::Vote(edit));
            }
            Err(e) => self.error(e.to_string()),
        }
    }
}

/// Draws the voting screen.
pub fn voting_ui(
    ui: &mut egui::Ui,
    session: &Session,
    state: &mut VotingState,
    palette: &Palette,
    edits: &mut Vec<Edit>,
    commands: &mut Vec<Command>,
) {
    let _ = commands;
    let current = session.voting.current();
    if current.is_none() && state.draft.is_none() {
        state.draft = Some(Draft::new(session));
    }
    egui::Frame::NONE
        .inner_margin(egui::Margin::symmetric(24, 16))
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    column_ui(ui, |ui| {
                        if state.draft.is_some() {
                            setup::setup_ui(ui, session, state, palette, edits);
                            return;
                        }
                        let Some(round) = current else { return };
                        header_ui(ui, session, round, palette);
                        message_ui(ui, state, palette);
                        match round.state {
                            RoundState::Open => match round.settings.mode {
                                VoteMode::Tally => {
                                    room::room_ui(ui, session, round, state, palette, edits);
                                }
                                VoteMode::PassTheLaptop => {
                                    laptop::laptop_ui(ui, session, round, state, palette, edits);
                                }
                                VoteMode::Scribe => {
                                    scribe::scribe_ui(ui, session, round, state, palette, edits);
                                }
                            },
                            RoundState::Revealed | RoundState::Closed => {
                                results::results_ui(ui, session, round, state, palette, edits);
                            }
                        }
                    });
                });
        });
}

/// A centred column no wider than the style allows.
fn column_ui(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) {
    let width = ui.available_width().min(style::VOTE_COLUMN_WIDTH);
    let margin = ((ui.available_width() - width) / 2.0).max(0.0);
    ui.horizontal_top(|ui| {
        ui.add_space(margin);
        ui.vertical(|ui| {
            ui.set_width(width);
            add(ui);
        });
    });
}

/// The question, big, and a line on how this round works.
fn header_ui(ui: &mut egui::Ui, session: &Session, round: &VoteRound, palette: &Palette) {
    let s = &round.settings;
    let question = if s.question.trim().is_empty() {
        match s.options.first() {
            Some(crate::model::VoteOption::Note(_)) => "Dot vote on the notes",
            _ => "Dot vote on the themes",
        }
    } else {
        s.question.trim()
    };
    ui.add(egui::Label::new(RichText::new(question).font(style::hero_font())).wrap());
    let number = session
        .voting
        .rounds
        .iter()
        .position(|r| r.id == round.id)
        .map_or(1, |i| i + 1);
    let mut parts = vec![format!("Vote {number}")];
    if round.runoff_of.is_some() {
        parts.push("runoff".to_owned());
    }
    parts.push(round.settings.mode.label().to_owned());
    parts.push(format!(
        "{} {} each, at most {} per option",
        s.dots_per_person,
        if s.dots_per_person == 1 {
            "dot"
        } else {
            "dots"
        },
        s.max_per_option
    ));
    parts.push(if s.secret { "secret" } else { "open" }.to_owned());
    if !s.anonymous {
        parts.push("names shown".to_owned());
    }
    parts.push(
        match round.state {
            RoundState::Open => "voting",
            RoundState::Revealed => "revealed",
            RoundState::Closed => "closed",
        }
        .to_owned(),
    );
    ui.label(
        RichText::new(parts.join("  ·  "))
            .color(palette.text_muted)
            .size(17.0),
    );
    ui.add_space(10.0);
}

/// The last message, if any.
fn message_ui(ui: &mut egui::Ui, state: &VotingState, palette: &Palette) {
    let Some(m) = &state.message else { return };
    let (fill, text) = if m.is_error {
        (palette.danger_fill, palette.danger)
    } else {
        (palette.surface_raised, palette.text)
    };
    egui::Frame::NONE
        .fill(fill)
        .corner_radius(style::ROUNDING)
        .inner_margin(egui::Margin::symmetric(14, 10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(&m.text).color(text).size(19.0));
        });
    ui.add_space(8.0);
}

/// The buttons under an open round: reveal, and start again.
fn open_round_actions_ui(
    ui: &mut egui::Ui,
    round: &VoteRound,
    state: &mut VotingState,
    session: &Session,
    palette: &Palette,
    edits: &mut Vec<Edit>,
) {
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if super::widgets::primary_button(ui, "Reveal results", palette).clicked() {
            edits.push(Edit::Vote(VoteEdit::SetState {
                round: round.id,
                state: RoundState::Revealed,
            }));
            state.voter = None;
            state.message = None;
        }
        if ui.button("New vote…").clicked() {
            state.draft = Some(Draft::new(session));
            state.message = None;
        }
    });
}

/// The options of `round` with + and − (and number keys) placing or taking back `voter`'s dots,
/// a refused dot explained. `whose` labels the dots ("of your dots"); `show` false hides them.
#[allow(clippy::too_many_arguments)] // One screen's worth of context, passed straight through.
fn place_dots_ui(
    ui: &mut egui::Ui,
    session: &Session,
    round: &VoteRound,
    voter: crate::model::Voter,
    whose: &str,
    show: bool,
    state: &mut VotingState,
    palette: &Palette,
    edits: &mut Vec<Edit>,
) {
    let lookup = crate::model::vote::OptionLookup::new(session);
    let options = lookup.existing(&round.settings.options);
    let mut change = None;
    let row = |i: usize| option_row::OptionRow {
        name: lookup.name(options[i]),
        dots: show.then(|| round.dots(voter, options[i])),
        places: round.limit(voter),
    };
    if let Some((i, delta)) = option_row::option_rows_ui(ui, options.len(), whose, palette, row) {
        change = Some((options[i], delta));
    }
    for (i, take_back) in digit_keys(ui) {
        if let Some(option) = options.get(i) {
            change = Some((*option, if take_back { -1 } else { 1 }));
        }
    }
    if let Some((option, delta)) = change {
        state.push(round.place_dot(session, voter, option, delta), edits);
    }
}

/// Number keys 1–9 pressed this frame (not while typing): the option's index from 0, and
/// whether Shift was held (take a dot back). Reads the physical key too, so Shift+1 works on
/// layouts where it types "!".
fn digit_keys(ui: &egui::Ui) -> Vec<(usize, bool)> {
    if ui.ctx().text_edit_focused() {
        return Vec::new();
    }
    ui.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Key {
                    key,
                    physical_key,
                    pressed: true,
                    modifiers,
                    ..
                } if !modifiers.command && !modifiers.alt => {
                    let n = digit(*key).or_else(|| physical_key.and_then(digit))?;
                    Some((n, modifiers.shift))
                }
                _ => None,
            })
            .collect()
    })
}

/// The option index of number key 1–9 (0 for 1).
fn digit(key: Key) -> Option<usize> {
    crate::ui::shortcuts::DIGIT_KEYS[1..]
        .iter()
        .position(|k| *k == key)
}

/// True when `key` was pressed this frame without modifiers and no text box has focus.
fn pressed(ui: &egui::Ui, key: Key) -> bool {
    !ui.ctx().text_edit_focused() && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key))
}

/// "1 dot", "2 dots".
fn dots(n: u32) -> String {
    format!("{n} {}", if n == 1 { "dot" } else { "dots" })
}
