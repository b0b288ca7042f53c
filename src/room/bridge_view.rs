//! Session → [`RoomView`]: what phones may see, built from the session and the facilitator's
//! choices by one pure function, so the secret of a vote is kept in one testable place. Totals
//! reach the view only as the ranking of a round that is revealed or closed.

use std::collections::{BTreeSet, HashMap};

use super::{RankedOption, RoomOption, RoomRanking, RoomView, RoomVote};
use crate::model::lab::coverage::level_label;
use crate::model::vote::OptionLookup;
use crate::model::{
    Level, NoteId, PhaseId, RoundId, RoundState, Session, ThemeId, VoteOption, VoteRound,
};

/// What the facilitator chose for the room, beside what the session holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RoomChoices {
    /// Phones can no longer add, edit or delete notes.
    pub capture_locked: bool,
    /// The vote shown to phones; `None` shows the latest round open to phones.
    pub vote: Option<RoundId>,
}

/// What phones may see of `session`: the current phase's key, name and question, whether capture
/// is locked, the areas and levels to join with, the vote open to phones while it is open, and
/// its ranking once it is revealed or closed. Never a total before the reveal.
pub fn room_view(session: &Session, choices: &RoomChoices) -> RoomView {
    let phase = session.lab.current();
    let round = phone_vote_round(session, choices);
    let (vote, ranking) = match round {
        Some(r) if r.state == RoundState::Open => (Some(room_vote(session, r)), None),
        Some(r) => (None, Some(room_ranking(session, r))),
        None => (None, None),
    };
    RoomView {
        phase_key: phase_key(phase.map(|p| p.id)),
        phase_name: phase.map(|p| p.name.clone()).unwrap_or_default(),
        question: phase.map(|p| p.prompt.clone()).unwrap_or_default(),
        capture_locked: choices.capture_locked,
        areas: areas(session),
        levels: levels(session),
        vote,
        ranking,
    }
}

/// The vote phones are shown: the one `choices` names, else the latest round open to phones
/// (open, revealed or closed); `None` when no round is open to phones.
pub fn phone_vote_round<'s>(session: &'s Session, choices: &RoomChoices) -> Option<&'s VoteRound> {
    choices
        .vote
        .and_then(|id| session.voting.round(id))
        .or_else(|| {
            session
                .voting
                .rounds
                .iter()
                .rev()
                .find(|r| r.settings.phones)
        })
        .filter(|r| r.settings.phones)
}

/// The key [`RoomView::phase_key`] carries for a phase ("phase-3"; empty for none).
pub fn phase_key(phase: Option<PhaseId>) -> String {
    phase.map_or_else(String::new, |p| format!("phase-{}", p.0))
}

/// The phase a [`phase_key`] names, when it is still in the agenda.
pub fn phase_from_key(session: &Session, key: &str) -> Option<PhaseId> {
    let id = PhaseId(key.strip_prefix("phase-")?.parse().ok()?);
    session.lab.phase(id).map(|p| p.id)
}

/// The id phones use for a vote option: themes even, notes odd, so both fit one number.
pub fn option_id(option: VoteOption) -> u64 {
    match option {
        VoteOption::Theme(ThemeId(id)) => id.saturating_mul(2),
        VoteOption::Note(NoteId(id)) => id.saturating_mul(2).saturating_add(1),
    }
}

/// The option an [`option_id`] stands for.
pub fn option_from_id(id: u64) -> VoteOption {
    if id.is_multiple_of(2) {
        VoteOption::Theme(ThemeId(id / 2))
    } else {
        VoteOption::Note(NoteId(id / 2))
    }
}

/// The levels every session offers, in the order phones list them.
const STANDARD_LEVELS: [Level; 5] = [
    Level::FrontLine,
    Level::Manager,
    Level::Executive,
    Level::Partner,
    Level::Customer,
];

/// The service areas participants gave, sorted, each once.
fn areas(session: &Session) -> Vec<String> {
    let set: BTreeSet<String> = session
        .participants
        .iter()
        .map(|p| p.service_area.trim())
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect();
    set.into_iter().collect()
}

/// The standard levels in order, then the session's own named levels, sorted.
fn levels(session: &Session) -> Vec<String> {
    let custom: BTreeSet<String> = session
        .participants
        .iter()
        .filter_map(|p| match &p.level {
            Some(Level::Custom(name)) if !name.trim().is_empty() => Some(name.trim().to_owned()),
            _ => None,
        })
        .collect();
    STANDARD_LEVELS
        .iter()
        .map(level_label)
        .chain(custom)
        .collect()
}

/// The level a phone chose from [`RoomView::levels`]: a standard one by its label, else named.
pub fn level_from_label(label: &str) -> Option<Level> {
    let label = label.trim();
    if label.is_empty() {
        return None;
    }
    Some(
        STANDARD_LEVELS
            .into_iter()
            .find(|l| level_label(l).eq_ignore_ascii_case(label))
            .unwrap_or_else(|| Level::Custom(label.to_owned())),
    )
}

/// The open round as phones see it: options with their notes, budget and cap, no dots.
fn room_vote(session: &Session, round: &VoteRound) -> RoomVote {
    let lookup = OptionLookup::new(session);
    let mut members: HashMap<ThemeId, Vec<String>> = HashMap::new();
    for note in &session.notes {
        if let Some(theme) = note.theme {
            members.entry(theme).or_default().push(note.text.clone());
        }
    }
    let options = lookup
        .existing(&round.settings.options)
        .into_iter()
        .map(|o| RoomOption {
            id: option_id(o),
            label: lookup.name(o),
            notes: match o {
                VoteOption::Theme(t) => members.remove(&t).unwrap_or_default(),
                VoteOption::Note(n) => session
                    .note(n)
                    .map(|n| n.text.clone())
                    .into_iter()
                    .collect(),
            },
        })
        .collect();
    RoomVote {
        id: round.id.0,
        question: vote_question(round),
        options,
        budget: round.settings.dots_per_person,
        per_option_cap: round.settings.max_per_option,
    }
}

/// The round's question, or a plain instruction when it has none.
fn vote_question(round: &VoteRound) -> String {
    let q = round.settings.question.trim();
    if q.is_empty() {
        "Place your dots on what matters most.".to_owned()
    } else {
        q.to_owned()
    }
}

/// A revealed round's ranking, in the tally's order (the projector's order).
fn room_ranking(session: &Session, round: &VoteRound) -> RoomRanking {
    let lookup = OptionLookup::new(session);
    let rows = round
        .tally(session)
        .rows
        .into_iter()
        .map(|row| RankedOption {
            label: round.option_name(&lookup, row.option),
            dots: row.dots,
        })
        .collect();
    RoomRanking {
        question: vote_question(round),
        rows,
    }
}
