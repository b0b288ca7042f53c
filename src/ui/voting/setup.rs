//! The setup form of a new vote: the question, what is voted on, who votes (names added one per
//! Enter and kept in the session), dots per person with the suggestion and its reason, the most
//! dots per option, how the room votes, whether phones may vote too, and secret or open.

use std::collections::BTreeSet;

use egui::{Key, RichText};

use super::VotingState;
use crate::model::vote::{Counted, check_participant_name, suggested_budget};
use crate::model::{Edit, Participant, ParticipantId, RoundSettings, Session, VoteMode, VoteOn};
use crate::ui::frame::FrameCx;
use crate::ui::style::{self, Palette};
use crate::ui::widgets::primary_button;

/// The setup form as typed so far.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The question.
    pub question: String,
    /// Themes or notes.
    pub vote_on: VoteOn,
    /// Dots per person, as typed.
    pub dots: String,
    /// The facilitator typed their own number of dots (so it no longer follows the suggestion).
    pub dots_touched: bool,
    /// The most dots per option, as typed.
    pub max_per_option: String,
    /// How the room votes.
    pub mode: VoteMode,
    /// Totals hidden until the reveal.
    pub secret: bool,
    /// Who voted how is never shown.
    pub anonymous: bool,
    /// Phones in the room may cast ballots too.
    pub phones: bool,
    /// People in the room (tally the room), as typed.
    pub room_size: String,
    /// Tally the room: paper dots or raised hands (a show of hands).
    pub counted: Counted,
    /// Participants of the session left out of this vote.
    pub excluded: BTreeSet<ParticipantId>,
    /// The name being typed.
    pub new_name: String,
    /// Why the last name was not added.
    pub name_error: Option<String>,
}

impl Draft {
    /// A fresh form for `session`: themes when it has themes, the suggested budget, one dot
    /// per option, passing the laptop, secret and anonymous; the last vote's way of voting.
    pub fn new(session: &Session) -> Self {
        let vote_on = VoteOn::default_for(session);
        let last = session.voting.current().map(|r| &r.settings);
        Self {
            question: String::new(),
            vote_on,
            dots: suggested_budget(vote_on.options(session).len())
                .dots
                .to_string(),
            dots_touched: false,
            max_per_option: "1".to_owned(),
            mode: last.map_or(VoteMode::default(), |s| s.mode),
            secret: last.is_none_or(|s| s.secret),
            anonymous: last.is_none_or(|s| s.anonymous),
            phones: last.is_some_and(|s| s.phones),
            room_size: String::new(),
            counted: Counted::Dots,
            excluded: BTreeSet::new(),
            new_name: String::new(),
            name_error: None,
        }
    }

    /// The settings this form describes, or what is wrong with it, as a sentence.
    pub fn settings(&self, session: &Session) -> Result<RoundSettings, String> {
        let whole = |text: &str, what: &str| {
            text.trim().parse::<u32>().map_err(|_| {
                format!(
                    "Type {what} as a whole number, e.g. 3 (not \"{}\").",
                    text.trim()
                )
            })
        };
        let participants = session
            .participants
            .iter()
            .map(|p| p.id)
            .filter(|id| !self.excluded.contains(id))
            .collect();
        let mut settings = RoundSettings::new(self.vote_on.options(session), participants);
        settings.question = self.question.trim().to_owned();
        settings.dots_per_person = whole(&self.dots, "the dots per person")?;
        settings.max_per_option = whole(&self.max_per_option, "the most dots per option")?;
        settings.mode = self.mode;
        settings.secret = self.secret;
        settings.anonymous = self.anonymous;
        settings.phones = self.phones;
        if self.mode == VoteMode::Tally {
            settings.counted = self.counted;
        }
        if self.mode == VoteMode::Tally && !self.room_size.trim().is_empty() {
            settings.room_size = whole(&self.room_size, "the number of people in the room")?;
        }
        settings.validate(session).map_err(|e| e.to_string())?;
        Ok(settings)
    }
}

/// Draws the setup form.
pub fn setup_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, state: &mut VotingState) {
    let (session, palette) = (cx.session, cx.palette);
    let has_round = session.voting.current().is_some();
    let Some(draft) = &mut state.draft else {
        return;
    };
    ui.label(RichText::new("New dot vote").font(style::hero_font()));
    ui.add_space(style::gap::NORMAL);
    if session.notes.is_empty() && session.themes.is_empty() {
        problem_ui(
            ui,
            &crate::model::VoteError::NothingToVoteOn.to_string(),
            palette,
        );
        return;
    }
    egui::Grid::new("vote-setup")
        .num_columns(2)
        .spacing(egui::vec2(24.0, 12.0))
        .show(ui, |ui| {
            what_rows_ui(ui, cx, draft);
            people_ui(ui, cx, draft);
            dots_rows_ui(ui, cx, draft);
            how_rows_ui(ui, draft, palette);
        });
    ui.add_space(style::gap::LARGE);
    let checked = draft.settings(session);
    if let Err(problem) = &checked {
        problem_ui(ui, problem, palette);
    }
    let mut cancel = false;
    let mut start = false;
    ui.horizontal(|ui| {
        start = primary_button(ui, "Start the vote", palette).clicked();
        cancel = has_round && ui.button("Cancel").clicked();
    });
    if start {
        start_vote(session, state, checked, &mut cx.out.edits);
    }
    if cancel {
        state.draft = None;
        state.message = None;
    }
}

/// Starts the vote the form describes, or says why not.
fn start_vote(
    session: &Session,
    state: &mut VotingState,
    checked: Result<RoundSettings, String>,
    edits: &mut Vec<Edit>,
) {
    match checked.and_then(|settings| {
        session
            .voting
            .start(session, settings)
            .map_err(|e| e.to_string())
    }) {
        Ok(edit) => {
            edits.push(Edit::Vote(edit));
            state.draft = None;
            state.voter = None;
            state.scribe_voter = None;
            state.message = None;
        }
        Err(problem) => state.error(problem),
    }
}

/// A row's label, in the form's left column.
fn row_label(ui: &mut egui::Ui, text: &str) -> egui::Response {
    ui.label(RichText::new(text).size(style::text::LEAD).strong())
}

/// The question and what is voted on.
fn what_rows_ui(ui: &mut egui::Ui, cx: &FrameCx<'_>, draft: &mut Draft) {
    let session = cx.session;
    let l = row_label(ui, "Question");
    ui.add(
        egui::TextEdit::singleline(&mut draft.question)
            .hint_text("Which themes should we act on first?")
            .font(style::font(style::text::SUBHEADING))
            .desired_width(620.0),
    )
    .labelled_by(l.id);
    ui.end_row();

    row_label(ui, "Vote on");
    ui.horizontal(|ui| {
        for (on, what, n) in [
            (VoteOn::Themes, "Themes", session.themes.len()),
            (VoteOn::Notes, "Notes", session.notes.len()),
        ] {
            let text = format!("{what} ({n})");
            let r = ui.add_enabled(n > 0, egui::RadioButton::new(draft.vote_on == on, text));
            if r.clicked() {
                draft.vote_on = on;
            }
        }
    });
    ui.end_row();
}

/// Dots per person (with the suggestion and its reason) and the most dots on one option.
fn dots_rows_ui(ui: &mut egui::Ui, cx: &FrameCx<'_>, draft: &mut Draft) {
    let (session, palette) = (cx.session, cx.palette);
    let options = draft.vote_on.options(session).len();
    let suggestion = suggested_budget(options);
    if !draft.dots_touched {
        draft.dots = suggestion.dots.to_string();
    }
    let l = row_label(ui, "Dots per person");
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            let r = ui.add(number_edit(&mut draft.dots)).labelled_by(l.id);
            if r.changed() {
                draft.dots_touched = true;
            }
            if draft.dots.trim() != suggestion.dots.to_string()
                && ui.button(format!("Use {}", suggestion.dots)).clicked()
            {
                draft.dots = suggestion.dots.to_string();
                draft.dots_touched = false;
            }
        });
        ui.label(
            RichText::new(format!("Suggested: {}", suggestion.reason)).color(palette.text_muted),
        );
    });
    ui.end_row();

    let l = row_label(ui, "Most dots on one option");
    ui.horizontal(|ui| {
        ui.add(number_edit(&mut draft.max_per_option))
            .labelled_by(l.id);
        ui.label(
            RichText::new("1 means one dot per option per person; up to the dots per person.")
                .color(palette.text_muted),
        );
    });
    ui.end_row();
}

/// How the room votes (with what a tally counts and how many people), phones, and secrecy.
fn how_rows_ui(ui: &mut egui::Ui, draft: &mut Draft, palette: &Palette) {
    row_label(ui, "How the room votes");
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            for mode in VoteMode::ALL {
                if ui.radio(draft.mode == mode, mode.label()).clicked() {
                    draft.mode = mode;
                }
                ui.add_space(style::gap::LARGE);
            }
        });
        ui.label(RichText::new(draft.mode.explanation()).color(palette.text_muted));
    });
    ui.end_row();

    if draft.mode == VoteMode::Tally {
        tally_rows_ui(ui, draft, palette);
    }

    row_label(ui, "Phones");
    ui.vertical(|ui| {
        ui.checkbox(&mut draft.phones, "Phones may vote");
        ui.label(
            RichText::new(
                "Each phone in the room casts one ballot, beside the way of voting above; \
                 the room shows how many ballots are in, never a total, until the reveal.",
            )
            .color(palette.text_muted),
        );
    });
    ui.end_row();

    row_label(ui, "Secrecy");
    ui.vertical(|ui| {
        ui.checkbox(
            &mut draft.secret,
            "Secret until the reveal (totals hidden while voting)",
        );
        ui.checkbox(&mut draft.anonymous, "Anonymous (never show who voted how)");
    });
    ui.end_row();
}

/// Tally the room: paper dots or raised hands, and how many people are in the room.
fn tally_rows_ui(ui: &mut egui::Ui, draft: &mut Draft, palette: &Palette) {
    row_label(ui, "What you count");
    ui.horizontal(|ui| {
        for (counted, text) in [
            (Counted::Dots, "Paper dots"),
            (Counted::Hands, "Raised hands (a show of hands)"),
        ] {
            if ui.radio(draft.counted == counted, text).clicked() {
                draft.counted = counted;
            }
            ui.add_space(style::gap::LARGE);
        }
    });
    ui.end_row();

    let l = row_label(ui, "People in the room");
    ui.horizontal(|ui| {
        ui.add(number_edit(&mut draft.room_size)).labelled_by(l.id);
        ui.label(
            RichText::new("Leave empty to use the number of people on the list.")
                .color(palette.text_muted),
        );
    });
    ui.end_row();
}

/// The people row: everyone in the session as a chip (click to leave out of this vote) and a
/// box that adds a name per Enter.
fn people_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, draft: &mut Draft) {
    let (session, palette) = (cx.session, cx.palette);
    let l = row_label(ui, "Who votes");
    ui.vertical(|ui| {
        if !session.participants.is_empty() {
            ui.horizontal_wrapped(|ui| {
                for p in &session.participants {
                    let included = !draft.excluded.contains(&p.id);
                    let text = if included {
                        RichText::new(format!("✓ {}", p.name)).size(style::text::BODY)
                    } else {
                        RichText::new(&p.name)
                            .size(style::text::BODY)
                            .color(palette.text_muted)
                    };
                    let r = ui
                        .add(egui::Button::selectable(included, text))
                        .on_hover_text("Click to leave out of this vote, or bring back");
                    if r.clicked() && !draft.excluded.remove(&p.id) {
                        draft.excluded.insert(p.id);
                    }
                }
            });
            let n =
                session.participants.len() - draft.excluded.len().min(session.participants.len());
            ui.label(
                RichText::new(format!(
                    "{n} voting. Click a name to leave them out of this vote."
                ))
                .color(palette.text_muted),
            );
        }
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut draft.new_name)
                    .hint_text("Type a name and press Enter")
                    .font(style::font(style::text::LEAD))
                    .desired_width(360.0),
            )
            .labelled_by(l.id);
        if r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            match check_participant_name(&draft.new_name, &session.participants) {
                Ok(name) => {
                    // One name per Enter; the next id is free until this edit is applied.
                    let person = Participant::new(session.next_participant_id(), name);
                    cx.out.edits.push(Edit::InsertParticipants(vec![(
                        session.participants.len(),
                        person,
                    )]));
                    draft.new_name.clear();
                    draft.name_error = None;
                }
                Err(e) => draft.name_error = Some(e.to_string()),
            }
            r.request_focus();
        }
        if let Some(e) = &draft.name_error {
            ui.label(
                RichText::new(e)
                    .color(palette.danger)
                    .size(style::text::BODY),
            );
        }
    });
    ui.end_row();
}

/// A short box for a whole number.
fn number_edit(text: &mut String) -> egui::TextEdit<'_> {
    egui::TextEdit::singleline(text)
        .font(style::font(style::text::SUBHEADING))
        .desired_width(64.0)
}

/// A problem that stops the vote from starting, in the danger colour.
fn problem_ui(ui: &mut egui::Ui, text: &str, palette: &Palette) {
    egui::Frame::NONE
        .fill(palette.danger_fill)
        .corner_radius(style::ROUNDING)
        .inner_margin(egui::Margin::symmetric(14, 10))
        .show(ui, |ui| {
            ui.label(
                RichText::new(text)
                    .color(palette.danger)
                    .size(style::text::LEAD),
            );
        });
    ui.add_space(style::gap::NORMAL);
}
