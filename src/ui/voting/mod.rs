//! The voting screen: set up a dot vote, vote in one room on one laptop, reveal the results.
//!
//! The screen follows the latest round of [`crate::model::Voting`]: with no round (or when the
//! facilitator asks for a new vote) it shows the setup form; while a round is open it shows the
//! way the room votes (tally the room, pass the laptop, or scribe); once revealed or closed it
//! shows the ranked results. Every change is an [`Edit::Vote`], so every dot is undoable.

mod laptop;
mod option_row;
mod priorities;
mod results;
mod room;
mod scribe;
mod setup;

use std::collections::{BTreeSet, HashMap};

use egui::{Key, RichText};

pub use setup::Draft;

use super::frame::FrameCx;
use super::style::{self, Palette};
use crate::model::vote::{VoteError, VoteMode, VoteRound};
use crate::model::{Edit, ParticipantId, RoundState, Session, ThemeId, VoteEdit, VoteOption};

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
    /// Tally the room: hide the counts being entered (they show by default: a show of hands is
    /// not secret).
    pub hide_tally: bool,
    /// Pass the laptop: the facilitator asked to reveal, and the screen asks to confirm.
    pub confirm_reveal: bool,
    /// The option the arrow keys have reached (its index), for options beyond the number keys.
    pub cursor: Option<usize>,
    /// The themes whose notes are open under their option.
    pub expanded: BTreeSet<VoteOption>,
    /// Results: how many options the "Runoff on the top N" button keeps.
    pub runoff_top: usize,
    /// The last message: an error explains a refused action.
    pub message: Option<Message>,
    /// Show the screen from its top on the next frame (the tab was just entered).
    pub scroll_to_top: bool,
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
pub fn voting_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, state: &mut VotingState) {
    let session = cx.session;
    let current = session.voting.current();
    if current.is_none() && state.draft.is_none() {
        state.draft = Some(Draft::new(session));
    }
    // The tab opens at its top: the question and what to do now, not where it was left.
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt("goldthread.vote.scroll")
        .auto_shrink([false, false]);
    if std::mem::take(&mut state.scroll_to_top) {
        scroll = scroll.vertical_scroll_offset(0.0);
    }
    egui::Frame::NONE
        .inner_margin(egui::Margin::symmetric(24, 16))
        .show(ui, |ui| {
            scroll.show(ui, |ui| {
                column_ui(ui, |ui| {
                    if state.draft.is_some() {
                        setup::setup_ui(ui, cx, state);
                        return;
                    }
                    let Some(round) = current else { return };
                    header_ui(ui, cx, round);
                    message_ui(ui, state, cx.palette);
                    match round.state {
                        RoundState::Open => match round.settings.mode {
                            VoteMode::Tally => {
                                room::room_ui(ui, cx, round, state);
                            }
                            VoteMode::PassTheLaptop => {
                                laptop::laptop_ui(ui, cx, round, state);
                            }
                            VoteMode::Scribe => {
                                scribe::scribe_ui(ui, cx, round, state);
                            }
                        },
                        RoundState::Revealed | RoundState::Closed => {
                            results::results_ui(ui, cx, round, state);
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
fn header_ui(ui: &mut egui::Ui, cx: &FrameCx<'_>, round: &VoteRound) {
    let (session, palette) = (cx.session, cx.palette);
    let s = &round.settings;
    let on = if s.is_on_themes() { "themes" } else { "notes" };
    let question = if s.question.trim().is_empty() {
        format!("{} on the {on}", s.method_name())
    } else {
        s.question.trim().to_owned()
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
    if s.is_show_of_hands() {
        parts.push("show of hands".to_owned());
    }
    parts.push(format!(
        "{} each, at most {} per option",
        s.count_words(s.dots_per_person),
        s.max_per_option
    ));
    parts.push(if s.secret { "secret" } else { "open" }.to_owned());
    if s.phones {
        parts.push("phones may vote".to_owned());
    }
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
            .size(style::text::LABEL),
    );
    if s.phones && round.state == RoundState::Open {
        // How many ballots are in is safe to show at any time; the totals wait for the reveal.
        let text = crate::ui::room::ballots_in_text(round);
        ui.label(RichText::new(text).size(style::text::LEAD).strong());
    }
    ui.add_space(style::gap::MEDIUM);
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
            ui.label(RichText::new(&m.text).color(text).size(style::text::LEAD));
        });
    ui.add_space(style::gap::NORMAL);
}

/// The buttons under an open round: reveal, and start again.
fn open_round_actions_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    round: &VoteRound,
    state: &mut VotingState,
) {
    let (session, palette) = (cx.session, cx.palette);
    ui.add_space(style::gap::LARGE);
    ui.horizontal(|ui| {
        if super::widgets::primary_button(ui, "Reveal results", palette).clicked() {
            cx.out.edits.push(Edit::Vote(VoteEdit::SetState {
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

/// The options of `round` with + and − (and number keys, or ↑/↓ then + / −) placing or taking
/// back `voter`'s dots, a refused dot explained, and each theme's notes a click away. `whose`
/// labels the dots ("of your dots"); `show` false hides them.
fn place_dots_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    round: &VoteRound,
    voter: crate::model::Voter,
    whose: &str,
    show: bool,
    state: &mut VotingState,
) {
    let session = cx.session;
    let lookup = crate::model::vote::OptionLookup::new(session);
    let options = lookup.existing(&round.settings.options);
    let (mut change, moved) = option_keys(ui, options.len(), state);
    let notes = ThemeNotes::new(session, &state.expanded);
    let cursor = state.cursor;
    let row = |i: usize| {
        let option = options[i];
        option_row::OptionRow {
            name: lookup.name(option),
            dots: show.then(|| round.dots(voter, option)),
            places: round.limit(voter),
            selected: cursor == Some(i),
            scroll_to: moved && cursor == Some(i),
            note_count: notes.count(option),
            notes: notes.texts(option),
        }
    };
    match option_row::option_rows_ui(ui, options.len(), whose, cx.palette, row) {
        Some((i, option_row::RowClick::Dot(delta))) => change = Some((i, delta)),
        Some((i, option_row::RowClick::Notes)) => {
            let option = options[i];
            if !state.expanded.remove(&option) {
                state.expanded.insert(option);
            }
        }
        None => {}
    }
    if let Some((i, delta)) = change
        && let Some(option) = options.get(i)
    {
        state.push(
            round.place_dot(session, voter, *option, delta),
            &mut cx.out.edits,
        );
    }
}

/// The keys that place dots: a number key places a dot on that option (Shift takes one back)
/// and moves the cursor there; ↑/↓ move the cursor to any option, however many there are, and
/// plus or minus (or → / ←) place or take back a dot on it. Returns the option and the change
/// asked for, and whether the cursor moved.
fn option_keys(
    ui: &egui::Ui,
    count: usize,
    state: &mut VotingState,
) -> (Option<(usize, i32)>, bool) {
    let mut change = None;
    let mut moved = false;
    for (i, take_back) in digit_keys(ui) {
        if i < count {
            change = Some((i, if take_back { -1 } else { 1 }));
            state.cursor = Some(i);
        }
    }
    if count == 0 {
        return (change, moved);
    }
    let last = count - 1;
    if pressed(ui, Key::ArrowDown) {
        state.cursor = Some(state.cursor.map_or(0, |c| (c + 1).min(last)));
        moved = true;
    }
    if pressed(ui, Key::ArrowUp) {
        state.cursor = Some(state.cursor.map_or(0, |c| c.saturating_sub(1)));
        moved = true;
    }
    let Some(at) = state.cursor.filter(|c| *c <= last) else {
        return (change, moved);
    };
    if [Key::Plus, Key::Equals, Key::ArrowRight]
        .into_iter()
        .any(|k| pressed(ui, k))
    {
        change = Some((at, 1));
    }
    if [Key::Minus, Key::ArrowLeft]
        .into_iter()
        .any(|k| pressed(ui, k))
    {
        change = Some((at, -1));
    }
    (change, moved)
}

/// How many notes each theme holds and the texts of the themes opened on the ballot, from one
/// pass over the notes.
struct ThemeNotes {
    counts: HashMap<ThemeId, usize>,
    texts: HashMap<ThemeId, Vec<String>>,
}

impl ThemeNotes {
    fn new(session: &Session, expanded: &BTreeSet<VoteOption>) -> Self {
        let mut counts = HashMap::new();
        let mut texts: HashMap<ThemeId, Vec<String>> = HashMap::new();
        for note in &session.notes {
            let Some(theme) = note.theme else { continue };
            *counts.entry(theme).or_insert(0) += 1;
            if expanded.contains(&VoteOption::Theme(theme)) {
                texts.entry(theme).or_default().push(note.title(200));
            }
        }
        Self { counts, texts }
    }

    fn count(&self, option: VoteOption) -> usize {
        match option {
            VoteOption::Theme(id) => self.counts.get(&id).copied().unwrap_or(0),
            VoteOption::Note(_) => 0,
        }
    }

    fn texts(&self, option: VoteOption) -> Option<Vec<String>> {
        match option {
            VoteOption::Theme(id) => self.texts.get(&id).cloned(),
            VoteOption::Note(_) => None,
        }
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

/// The line that names the vote the themes are ranked by, for the screens that rank them
/// (Actions, the golden thread): "Dot vote: Which themes should we act on first? 8 people, 3
/// dots each, runoff on a tie." or that no vote on the themes has been revealed yet.
pub fn priorities_caption(session: &Session) -> String {
    match session.voting.counting_round() {
        Some(round) => format!("{}.", session.voting.describe(round.id)),
        None => "No vote on the themes has been revealed yet.".to_owned(),
    }
}
