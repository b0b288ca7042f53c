//! A lab session for the audience window's tests: two themes of notes, a phase with a question,
//! outcomes, an action with a private progress note, a report with a facilitator, and a vote
//! whose ballots hold dots; and the private things planted in it.

#![allow(dead_code, reason = "each test file uses a different part")]

use goldthread::model::lab::Phase;
use goldthread::model::lab::strategy::{Action as LabAction, ActionId, Outcome, OutcomeId, Owner};
use goldthread::model::vote::Ballot;
use goldthread::model::{
    Participant, ParticipantId, PhaseId, RoundId, RoundSettings, RoundState, Theme, ThemeId,
    VoteOption, VoteRound,
};
use goldthread::{CanvasPos, Note, NoteColour, NoteId, Session};

use crate::common::today;

/// Things the room must never see, planted in the session by [`lab`].
pub const PRIVATE: [&str; 4] = [
    "Jo Facilitator",        // the report's facilitator
    "Secret purpose line",   // the report's purpose
    "Only half done, quiet", // an action's progress note
    "Housing services",      // a participant's service area
];

/// A lab with two themes of notes, a phase with a question, outcomes, actions with a private
/// progress note, a report with a facilitator, and a vote whose ballots hold dots.
pub fn lab(state: RoundState) -> Session {
    let mut s = Session::new("Digital lab", today());
    for (i, name) in ["Repairs online", "Faster answers"].iter().enumerate() {
        let id = ThemeId(i as u64 + 1);
        s.themes.push(Theme::new(id, *name));
        for j in 0..3u64 {
            let nid = NoteId(i as u64 * 10 + j + 1);
            let mut note = Note::new(
                nid,
                format!("{name} note {j}"),
                NoteColour::Yellow,
                CanvasPos::new(j as f32 * 260.0, i as f32 * 400.0),
            );
            note.theme = Some(id);
            note.author = Some(ParticipantId(1));
            s.notes.push(note);
        }
    }
    let mut ann = Participant::new(ParticipantId(1), "Ann");
    ann.service_area = "Housing services".to_owned();
    s.participants.push(ann);
    s.participants
        .push(Participant::new(ParticipantId(2), "Bo"));
    s.participants
        .push(Participant::new(ParticipantId(3), "Cy"));
    s.lab.phases.push(Phase::new(
        PhaseId(1),
        "Ideas",
        "How might residents report a repair?",
        600,
    ));
    s.lab.current_phase = Some(PhaseId(1));
    s.lab.vision = "Every resident served online first".to_owned();
    s.lab
        .outcomes
        .push(Outcome::new(OutcomeId(1), "Repairs reported online", None));
    let mut action = LabAction::new(ActionId(1), "Launch the repairs form");
    action.owner = Some(Owner::Named("Sam".to_owned()));
    action.progress = "Only half done, quiet".to_owned();
    s.lab.actions.push(action);
    s.lab.report.facilitator = "Jo Facilitator".to_owned();
    s.lab.report.purpose = "Secret purpose line".to_owned();
    let options = vec![VoteOption::Theme(ThemeId(1)), VoteOption::Theme(ThemeId(2))];
    let mut settings = RoundSettings::new(
        options,
        vec![ParticipantId(1), ParticipantId(2), ParticipantId(3)],
    );
    settings.question = "Which theme first?".to_owned();
    let mut round = VoteRound::new(RoundId(1), settings);
    round.state = state;
    for (p, theme, n) in [(1, 1, 3), (2, 1, 4), (3, 2, 2)] {
        round.ballots.push(Ballot {
            participant: ParticipantId(p),
            dots: [(VoteOption::Theme(ThemeId(theme)), n)]
                .into_iter()
                .collect(),
            done: p != 3,
            phone: false,
        });
    }
    s.voting.rounds.push(round);
    s
}
