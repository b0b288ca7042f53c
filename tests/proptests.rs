//! Property tests for "never lose a session": any session (notes, participants, themes, votes,
//! agenda, vision, outcomes and actions) survives save and load unchanged; any sequence of edits,
//! covering every variant of `Edit`, `ThemeEdit`, `VoteEdit` and `LabEdit`, undone in full gives
//! back the original; and no mutation of a valid file makes the loader panic, while whatever it
//! does load saves and loads again cleanly.

#[path = "common/arb.rs"]
mod arb;
mod common;

use std::collections::BTreeSet;

use arb::{MISSING, any_session, coordinate, pick, pick_existing, text};
use goldthread::History;
use goldthread::model::lab::{ActionId, Outcome, OutcomeId, Phase, ReportDetails};
use goldthread::model::{
    LabEdit, Participant, ParticipantId, PhaseId, RoundId, RoundSettings, RoundState, Theme,
    ThemeColour, ThemeEdit, ThemeId, VoteEdit, VoteOn, VoteOption, VoteRound, Voter, Voting,
};
use goldthread::storage::{from_bytes, from_ron, load_file, save_file, to_ron};
use goldthread::{CanvasPos, Edit, Note, NoteColour, NoteId, Session};
use proptest::prelude::*;
use proptest::strategy::ValueTree as _;

/// Random material for one step: the step resolves it against the session as it is then, so
/// picks name existing things most of the time and missing ones now and then (see [`pick`]).
#[derive(Clone, Debug)]
struct Dice {
    a: usize,
    b: usize,
    c: usize,
    picks: Vec<usize>,
    text: String,
    x: f32,
    y: f32,
    flag: bool,
}

fn dice() -> impl Strategy<Value = Dice> {
    (
        any::<usize>(),
        any::<usize>(),
        any::<usize>(),
        prop::collection::vec(any::<usize>(), 0..5),
        text(),
        coordinate(),
        coordinate(),
        any::<bool>(),
    )
        .prop_map(|(a, b, c, picks, text, x, y, flag)| Dice {
            a,
            b,
            c,
            picks,
            text,
            x,
            y,
            flag,
        })
}

/// What a theme step does: a raw variant, or one of the constructors the app uses.
#[derive(Clone, Copy, Debug)]
enum ThemeOp {
    Insert,
    Remove,
    Rename,
    Recolour,
    SetCollapsed,
    MoveAnchors,
    SetMembership,
    Reorder,
    Create,
    Assign,
    DropNotes,
    MoveTheme,
    Tidy,
    Merge,
    Split,
    Delete,
    Accept,
}

const THEME_OPS: [ThemeOp; 17] = [
    ThemeOp::Insert,
    ThemeOp::Remove,
    ThemeOp::Rename,
    ThemeOp::Recolour,
    ThemeOp::SetCollapsed,
    ThemeOp::MoveAnchors,
    ThemeOp::SetMembership,
    ThemeOp::Reorder,
    ThemeOp::Create,
    ThemeOp::Assign,
    ThemeOp::DropNotes,
    ThemeOp::MoveTheme,
    ThemeOp::Tidy,
    ThemeOp::Merge,
    ThemeOp::Split,
    ThemeOp::Delete,
    ThemeOp::Accept,
];

/// What a vote step does.
#[derive(Clone, Copy, Debug)]
enum VoteOp {
    Start,
    AddRound,
    InsertRound,
    RemoveRound,
    PlaceDot,
    SetDots,
    SetDone,
    SetState,
    SetSettings,
    SetCounting,
    Runoff,
    PhoneBallot,
}

const VOTE_OPS: [VoteOp; 12] = [
    VoteOp::Start,
    VoteOp::AddRound,
    VoteOp::InsertRound,
    VoteOp::RemoveRound,
    VoteOp::PlaceDot,
    VoteOp::SetDots,
    VoteOp::SetDone,
    VoteOp::SetState,
    VoteOp::SetSettings,
    VoteOp::SetCounting,
    VoteOp::Runoff,
    VoteOp::PhoneBallot,
];

/// What a lab step does.
#[derive(Clone, Copy, Debug)]
enum LabOp {
    SetVision,
    SetReportDetails,
    SetCurrentPhase,
    InsertPhases,
    RemovePhases,
    UpdatePhase,
    InsertOutcomes,
    RemoveOutcomes,
    UpdateOutcome,
    InsertActions,
    RemoveActions,
    UpdateAction,
    SetNoteAuthors,
}

const LAB_OPS: [LabOp; 13] = [
    LabOp::SetVision,
    LabOp::SetReportDetails,
    LabOp::SetCurrentPhase,
    LabOp::InsertPhases,
    LabOp::RemovePhases,
    LabOp::UpdatePhase,
    LabOp::InsertOutcomes,
    LabOp::RemoveOutcomes,
    LabOp::UpdateOutcome,
    LabOp::InsertActions,
    LabOp::RemoveActions,
    LabOp::UpdateAction,
    LabOp::SetNoteAuthors,
];

/// One step of a random editing session, turned into an [`Edit`] against the session as it is.
#[derive(Clone, Debug)]
enum Step {
    Add(String, NoteColour, f32, f32),
    Remove(usize),
    Text(usize, String),
    Colours(Vec<(usize, NoteColour)>),
    Move(Vec<(usize, f32, f32)>),
    Title(String),
    AddPerson(String),
    RemovePerson(usize),
    UpdatePerson(usize, String, String),
    Theme(ThemeOp, Dice),
    Vote(VoteOp, Dice),
    Lab(LabOp, Dice),
    /// Sub-edits of one kind in one `ThemeEdit::Batch` / `VoteEdit::Batch` / `LabEdit::Batch`.
    SubBatch(Vec<Step>),
    Batch(Vec<Step>),
}

fn simple_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (text(), arb::colour(), coordinate(), coordinate())
            .prop_map(|(t, c, x, y)| Step::Add(t, c, x, y)),
        any::<usize>().prop_map(Step::Remove),
        (any::<usize>(), text()).prop_map(|(i, t)| Step::Text(i, t)),
        prop::collection::vec((any::<usize>(), arb::colour()), 0..3).prop_map(Step::Colours),
        prop::collection::vec((any::<usize>(), coordinate(), coordinate()), 0..3)
            .prop_map(Step::Move),
        text().prop_map(Step::Title),
        text().prop_map(Step::AddPerson),
        any::<usize>().prop_map(Step::RemovePerson),
        (any::<usize>(), text(), text()).prop_map(|(i, n, a)| Step::UpdatePerson(i, n, a)),
    ]
}

fn theme_step() -> impl Strategy<Value = Step> {
    (prop::sample::select(THEME_OPS.to_vec()), dice()).prop_map(|(op, d)| Step::Theme(op, d))
}

fn vote_step() -> impl Strategy<Value = Step> {
    (prop::sample::select(VOTE_OPS.to_vec()), dice()).prop_map(|(op, d)| Step::Vote(op, d))
}

fn lab_step() -> impl Strategy<Value = Step> {
    (prop::sample::select(LAB_OPS.to_vec()), dice()).prop_map(|(op, d)| Step::Lab(op, d))
}

fn one_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        2 => simple_step(),
        3 => theme_step(),
        3 => vote_step(),
        2 => lab_step(),
        1 => prop_oneof![
            prop::collection::vec(theme_step(), 0..4),
            prop::collection::vec(vote_step(), 0..4),
            prop::collection::vec(lab_step(), 0..4),
        ]
        .prop_map(Step::SubBatch),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => one_step(),
        1 => prop::collection::vec(one_step(), 0..4).prop_map(Step::Batch),
    ]
}

fn note_ids(s: &Session) -> Vec<NoteId> {
    s.notes.iter().map(|n| n.id).collect()
}

fn theme_ids(s: &Session) -> Vec<ThemeId> {
    s.themes.iter().map(|t| t.id).collect()
}

fn person_ids(s: &Session) -> Vec<ParticipantId> {
    s.participants.iter().map(|p| p.id).collect()
}

fn round_ids(s: &Session) -> Vec<RoundId> {
    s.voting.rounds.iter().map(|r| r.id).collect()
}

fn pick_note(s: &Session, i: usize) -> NoteId {
    pick(&note_ids(s), i, NoteId(MISSING))
}

fn pick_theme(s: &Session, i: usize) -> ThemeId {
    pick(&theme_ids(s), i, ThemeId(MISSING))
}

fn pick_person(s: &Session, i: usize) -> ParticipantId {
    pick(&person_ids(s), i, ParticipantId(MISSING))
}

fn pick_round(s: &Session, i: usize) -> RoundId {
    pick(&round_ids(s), i, RoundId(MISSING))
}

fn pick_phase(s: &Session, i: usize) -> PhaseId {
    let ids: Vec<PhaseId> = s.lab.phases.iter().map(|p| p.id).collect();
    pick(&ids, i, PhaseId(MISSING))
}

fn pick_outcome(s: &Session, i: usize) -> OutcomeId {
    let ids: Vec<OutcomeId> = s.lab.outcomes.iter().map(|o| o.id).collect();
    pick(&ids, i, OutcomeId(MISSING))
}

fn pick_action(s: &Session, i: usize) -> ActionId {
    let ids: Vec<ActionId> = s.lab.actions.iter().map(|a| a.id).collect();
    pick(&ids, i, ActionId(MISSING))
}

/// A theme pick that is sometimes "no theme".
fn pick_maybe_theme(s: &Session, i: usize) -> Option<ThemeId> {
    (!i.is_multiple_of(4)).then(|| pick_theme(s, i / 4))
}

fn theme_colour(i: usize) -> ThemeColour {
    ThemeColour::nth(i)
}

fn round_state(i: usize) -> RoundState {
    [RoundState::Open, RoundState::Revealed, RoundState::Closed][i % 3]
}

fn date(i: usize) -> Option<chrono::NaiveDate> {
    let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 1)?;
    (!i.is_multiple_of(4)).then(|| start + chrono::Duration::days((i % 5000) as i64))
}

fn to_theme_edit(s: &Session, op: ThemeOp, d: Dice) -> ThemeEdit {
    let notes: Vec<NoteId> = d.picks.iter().map(|i| pick_note(s, *i)).collect();
    let themes: Vec<ThemeId> = d.picks.iter().map(|i| pick_theme(s, *i)).collect();
    let name = (!d.flag).then(|| d.text.clone());
    match op {
        ThemeOp::Insert => {
            // A new theme, or now and then one whose id is taken (it must be skipped).
            let id = taken_or(&theme_ids(s), d.b, s.next_theme_id(), d.c);
            let mut theme = Theme::new(id, d.text);
            theme.colour = theme_colour(d.b);
            theme.collapsed = d.flag;
            theme.pos = CanvasPos::new(d.x, d.y);
            ThemeEdit::Insert(vec![(d.a % (s.themes.len() + 2), theme)])
        }
        ThemeOp::Remove => ThemeEdit::Remove(themes),
        ThemeOp::Rename => ThemeEdit::Rename {
            id: pick_theme(s, d.a),
            name: d.text,
        },
        ThemeOp::Recolour => ThemeEdit::Recolour {
            id: pick_theme(s, d.a),
            colour: theme_colour(d.b),
        },
        ThemeOp::SetCollapsed => ThemeEdit::SetCollapsed {
            id: pick_theme(s, d.a),
            collapsed: d.flag,
        },
        ThemeOp::MoveAnchors => ThemeEdit::MoveAnchors(
            themes
                .iter()
                .enumerate()
                .map(|(i, t)| (*t, CanvasPos::new(d.x + i as f32, d.y)))
                .collect(),
        ),
        // Several changes may name one note: the last one wins, and undo must still restore.
        ThemeOp::SetMembership => ThemeEdit::SetMembership(
            d.picks
                .iter()
                .map(|i| {
                    let pos = CanvasPos::new(d.x + *i as f32 % 100.0, d.y);
                    (pick_note(s, *i), pick_maybe_theme(s, i / 3), pos)
                })
                .collect(),
        ),
        ThemeOp::Reorder => ThemeEdit::Reorder {
            id: pick_theme(s, d.a),
            index: d.b % (s.themes.len() + 2),
        },
        ThemeOp::Create => ThemeEdit::create(s, name, &notes).1,
        ThemeOp::Split => ThemeEdit::split(s, &notes, name).1,
        ThemeOp::Assign => ThemeEdit::assign(s, &notes, pick_maybe_theme(s, d.a)),
        ThemeOp::DropNotes => {
            let frames: Vec<_> = s.theme_frames().iter().map(|f| (f.id, f.rect)).collect();
            let moves: Vec<_> = notes
                .iter()
                .map(|n| {
                    // Half the drops land in a frame, half anywhere.
                    let at = frames
                        .get(d.a % (frames.len() + 1))
                        .filter(|_| d.flag)
                        .map_or(CanvasPos::new(d.x, d.y), |(_, r)| r.min.offset(30.0, 90.0));
                    (*n, at)
                })
                .collect();
            ThemeEdit::drop_notes(s, &moves, &frames)
        }
        ThemeOp::MoveTheme => ThemeEdit::move_theme(s, pick_theme(s, d.a), d.x, d.y),
        ThemeOp::Tidy => ThemeEdit::tidy(s, pick_theme(s, d.a)),
        ThemeOp::Merge => ThemeEdit::merge(s, pick_theme(s, d.a), &themes, d.text),
        ThemeOp::Delete => ThemeEdit::delete(s, &themes),
        ThemeOp::Accept => {
            let groups: Vec<(String, Vec<NoteId>)> = notes
                .chunks(2)
                .map(|c| (d.text.clone(), c.to_vec()))
                .collect();
            ThemeEdit::accept(s, &groups)
        }
    }
}

/// Settings for a new round as the setup form makes them, from the dice.
fn settings(s: &Session, d: &Dice) -> RoundSettings {
    let on = if d.flag {
        VoteOn::default_for(s)
    } else {
        VoteOn::Notes
    };
    let mut settings = RoundSettings::new(on.options(s), person_ids(s));
    settings.question = d.text.clone();
    settings.dots_per_person = (d.b % 6) as u32 + 1;
    settings.max_per_option = ((d.c % 3) as u32 + 1).min(settings.dots_per_person);
    settings.mode = arb::mode(d.a);
    settings.room_size = (d.c % 4) as u32 * 5;
    settings
}

/// A voter of `round`, the room, or someone not in the round (or not in the session).
fn pick_voter(s: &Session, round: Option<&VoteRound>, i: usize) -> Voter {
    match (i % 6, round) {
        (0, _) => Voter::Room,
        (1, _) => Voter::Person(pick_person(s, i / 6)),
        (_, Some(r)) => Voter::Person(pick(
            &r.settings.participants,
            i / 6,
            ParticipantId(MISSING),
        )),
        (_, None) => Voter::Person(ParticipantId(MISSING)),
    }
}

/// An option of `round`, or any theme or note (existing or not).
fn pick_option(s: &Session, round: Option<&VoteRound>, i: usize) -> VoteOption {
    match (i % 5, round) {
        (0, _) => VoteOption::Theme(pick_theme(s, i / 5)),
        (1, _) => VoteOption::Note(pick_note(s, i / 5)),
        (_, Some(r)) => pick(
            &r.settings.options,
            i / 5,
            VoteOption::Note(NoteId(MISSING)),
        ),
        (_, None) => VoteOption::Theme(ThemeId(MISSING)),
    }
}

fn to_vote_edit(s: &Session, op: VoteOp, d: Dice) -> VoteEdit {
    let nothing = VoteEdit::Batch(Vec::new());
    let id = pick_round(s, d.a);
    let round = s.voting.round(id);
    match op {
        VoteOp::Start => s.voting.start(s, settings(s, &d)).unwrap_or(nothing),
        // A fresh, empty round (as `start` and `runoff` make), or one whose id is taken.
        VoteOp::AddRound | VoteOp::InsertRound => {
            let id = taken_or(&round_ids(s), d.a, s.voting.next_round_id(), d.c);
            let mut new = VoteRound::new(id, settings(s, &d));
            new.state = round_state(d.b);
            new.runoff_of = round.map(|r| r.id).filter(|_| d.flag);
            match op {
                VoteOp::AddRound => VoteEdit::AddRound(new),
                _ => VoteEdit::InsertRound {
                    index: d.b % (s.voting.rounds.len() + 2),
                    round: new,
                    after: None,
                    before: None,
                },
            }
        }
        VoteOp::RemoveRound => VoteEdit::RemoveRound(id),
        VoteOp::PlaceDot => {
            let Some(r) = round else { return nothing };
            let voter = pick_voter(s, round, d.b);
            let option = pick_option(s, round, d.c);
            let delta = if d.flag { 1 } else { -1 };
            r.place_dot(s, voter, option, delta).unwrap_or(nothing)
        }
        // Unchecked: any count for anyone on anything, as a damaged or older file may hold.
        VoteOp::SetDots => VoteEdit::SetDots {
            round: id,
            voter: pick_voter(s, round, d.b),
            option: pick_option(s, round, d.c),
            count: (d.x.abs() as u32) % 4,
        },
        VoteOp::SetDone => VoteEdit::SetDone {
            round: id,
            participant: match pick_voter(s, round, d.b) {
                Voter::Person(p) => p,
                Voter::Room => pick_person(s, d.c),
            },
            done: d.flag,
        },
        VoteOp::SetState => VoteEdit::SetState {
            round: id,
            state: round_state(d.b),
        },
        VoteOp::SetSettings => {
            let mut changed = round.map_or_else(|| settings(s, &d), |r| r.settings.clone());
            changed.question = d.text;
            changed.secret = d.flag;
            changed.phones = d.b.is_multiple_of(3);
            changed.anonymous = !d.flag || d.b.is_multiple_of(2);
            changed.dots_per_person = (d.c % 6) as u32 + 1;
            VoteEdit::SetSettings {
                round: id,
                settings: Box::new(changed),
            }
        }
        // Any round, or one that does not exist, or the default.
        VoteOp::SetCounting => VoteEdit::SetCounting(d.flag.then_some(id)),
        VoteOp::Runoff => {
            let top = (!d.flag).then_some(d.b % 4);
            s.voting.runoff(s, id, top).unwrap_or(nothing)
        }
        // Unchecked: a phone ballot for anyone on anything, in any round.
        VoteOp::PhoneBallot => VoteEdit::CastPhoneBallot {
            round: id,
            ballot: goldthread::model::vote::Ballot {
                participant: pick_person(s, d.b),
                dots: [(pick_option(s, round, d.c), (d.x.abs() as u32) % 4)].into(),
                done: true,
                phone: true,
            },
        },
    }
}

/// Mostly `fresh`; now and then (by `dice`) an id already taken, which an insert must skip.
fn taken_or<T: Copy>(ids: &[T], i: usize, fresh: T, dice: usize) -> T {
    match pick_existing(ids, i) {
        Some(id) if dice.is_multiple_of(5) => id,
        _ => fresh,
    }
}

fn to_lab_edit(s: &Session, op: LabOp, d: Dice) -> LabEdit {
    let lab = &s.lab;
    // Inserts at the end (as the app does) or anywhere, with a fresh id or now and then a taken one.
    let at = |len: usize| if d.flag { len } else { d.b % (len + 2) };
    match op {
        LabOp::SetVision => LabEdit::SetVision(d.text),
        LabOp::SetReportDetails => LabEdit::SetReportDetails(ReportDetails {
            purpose: d.text.clone(),
            facilitator: if d.flag { d.text } else { String::new() },
            next_review: (!d.c.is_multiple_of(3))
                .then(|| s.date + chrono::Days::new((d.c % 400) as u64)),
        }),
        LabOp::SetCurrentPhase => {
            LabEdit::SetCurrentPhase((!d.a.is_multiple_of(4)).then(|| pick_phase(s, d.a / 4)))
        }
        LabOp::InsertPhases => {
            let ids: Vec<PhaseId> = lab.phases.iter().map(|p| p.id).collect();
            let id = taken_or(&ids, d.a, lab.next_phase_id(), d.c);
            let phase = Phase::new(id, d.text.clone(), d.text, (d.c % 7200) as u32);
            if d.flag {
                LabEdit::add_phase(s, phase)
            } else {
                LabEdit::InsertPhases(vec![(at(lab.phases.len()), phase)])
            }
        }
        LabOp::RemovePhases => {
            LabEdit::RemovePhases(d.picks.iter().map(|i| pick_phase(s, *i)).collect())
        }
        LabOp::UpdatePhase => LabEdit::UpdatePhase(Phase::new(
            pick_phase(s, d.a),
            d.text,
            format!("{}?", d.b),
            (d.c % 7200) as u32,
        )),
        LabOp::InsertOutcomes => {
            let ids: Vec<OutcomeId> = lab.outcomes.iter().map(|o| o.id).collect();
            let id = taken_or(&ids, d.a, lab.next_outcome_id(), d.c);
            let outcome = Outcome::new(id, d.text, date(d.c));
            if d.flag {
                LabEdit::add_outcome(s, outcome)
            } else {
                LabEdit::InsertOutcomes(vec![(at(lab.outcomes.len()), outcome)])
            }
        }
        LabOp::RemoveOutcomes => {
            LabEdit::RemoveOutcomes(d.picks.iter().map(|i| pick_outcome(s, *i)).collect())
        }
        LabOp::UpdateOutcome => {
            LabEdit::UpdateOutcome(Outcome::new(pick_outcome(s, d.a), d.text, date(d.b)))
        }
        LabOp::InsertActions => {
            let ids: Vec<ActionId> = lab.actions.iter().map(|a| a.id).collect();
            let id = taken_or(&ids, d.a, lab.next_action_id(), d.c);
            let action = arb::action(s, id, (d.text.clone(), d.b, d.text, date(d.c), d.a, d.c));
            if d.flag {
                LabEdit::add_action(s, action)
            } else {
                LabEdit::InsertActions(vec![(at(lab.actions.len()), action)])
            }
        }
        LabOp::RemoveActions => {
            LabEdit::RemoveActions(d.picks.iter().map(|i| pick_action(s, *i)).collect())
        }
        LabOp::UpdateAction => {
            let action = (d.text.clone(), d.b, d.text, date(d.c), d.c, d.b);
            LabEdit::UpdateAction(arb::action(s, pick_action(s, d.a), action))
        }
        // Several changes may name one note: the last one wins, and undo must still restore.
        LabOp::SetNoteAuthors => LabEdit::SetNoteAuthors(
            d.picks
                .iter()
                .map(|i| {
                    let author = (!i.is_multiple_of(3)).then(|| pick_person(s, i / 3));
                    (pick_note(s, *i), author)
                })
                .collect(),
        ),
    }
}

/// Turns each step into an edit against the session as the steps before it leave it (as the
/// app builds a batch) and returns the edits.
fn to_edits(session: &Session, steps: Vec<Step>) -> Vec<Edit> {
    let mut scratch = session.clone();
    steps
        .into_iter()
        .map(|s| {
            let edit = to_edit(&scratch, s);
            let _ = edit.clone().apply(&mut scratch);
            edit
        })
        .collect()
}

fn to_edit(session: &Session, step: Step) -> Edit {
    match step {
        Step::Add(text, colour, x, y) => Edit::add_notes(
            session,
            vec![Note::new(
                session.next_note_id(),
                text,
                colour,
                CanvasPos::new(x, y),
            )],
        ),
        Step::Remove(i) => Edit::RemoveNotes(vec![pick_note(session, i)]),
        Step::Text(i, text) => Edit::SetText {
            id: pick_note(session, i),
            text,
        },
        Step::Colours(changes) => Edit::SetColours(
            changes
                .into_iter()
                .map(|(i, c)| (pick_note(session, i), c))
                .collect(),
        ),
        Step::Move(moves) => Edit::MoveNotes(
            moves
                .into_iter()
                .map(|(i, x, y)| (pick_note(session, i), CanvasPos::new(x, y)))
                .collect(),
        ),
        Step::Title(title) => Edit::SetTitle(title),
        Step::AddPerson(name) => Edit::InsertParticipants(vec![(
            session.participants.len(),
            Participant::new(session.next_participant_id(), name),
        )]),
        Step::RemovePerson(i) => Edit::RemoveParticipants(vec![pick_person(session, i)]),
        Step::UpdatePerson(i, name, area) => {
            let mut p = Participant::new(pick_person(session, i), name);
            p.service_area = area;
            Edit::UpdateParticipant(p)
        }
        Step::Theme(op, d) => Edit::Theme(to_theme_edit(session, op, d)),
        Step::Vote(op, d) => Edit::Vote(to_vote_edit(session, op, d)),
        Step::Lab(op, d) => Edit::Lab(to_lab_edit(session, op, d)),
        Step::SubBatch(steps) => {
            // Only steps of the first step's kind, so the batch is one sub-edit batch.
            let edits = to_edits(session, steps);
            let themes: Vec<ThemeEdit> = edits
                .iter()
                .filter_map(|e| match e {
                    Edit::Theme(t) => Some(t.clone()),
                    _ => None,
                })
                .collect();
            let votes: Vec<VoteEdit> = edits
                .iter()
                .filter_map(|e| match e {
                    Edit::Vote(v) => Some(v.clone()),
                    _ => None,
                })
                .collect();
            let labs: Vec<LabEdit> = edits
                .into_iter()
                .filter_map(|e| match e {
                    Edit::Lab(l) => Some(l),
                    _ => None,
                })
                .collect();
            Edit::Batch(vec![
                Edit::Theme(ThemeEdit::Batch(themes)),
                Edit::Vote(VoteEdit::Batch(votes)),
                Edit::Lab(LabEdit::Batch(labs)),
            ])
        }
        Step::Batch(steps) => Edit::Batch(to_edits(session, steps)),
    }
}

// The exhaustiveness guard. These matches name every variant of every edit enum, with no
// wildcard arm: adding a variant to `Edit`, `ThemeEdit`, `VoteEdit` or `LabEdit` stops this file
// from compiling until someone adds an arm here, and the arm's name must then also be added to
// `ALL_VARIANTS`, which `every_edit_variant_is_generated` checks the generators really produce.
// So a new kind of edit cannot escape the undo property by being forgotten.

fn edit_variant(edit: &Edit, out: &mut BTreeSet<&'static str>) {
    let name = match edit {
        Edit::InsertNotes(_) => "Edit::InsertNotes",
        Edit::RemoveNotes(_) => "Edit::RemoveNotes",
        Edit::SetText { .. } => "Edit::SetText",
        Edit::SetColours(_) => "Edit::SetColours",
        Edit::MoveNotes(_) => "Edit::MoveNotes",
        Edit::SetTitle(_) => "Edit::SetTitle",
        Edit::InsertParticipants(_) => "Edit::InsertParticipants",
        Edit::RemoveParticipants(_) => "Edit::RemoveParticipants",
        Edit::UpdateParticipant(_) => "Edit::UpdateParticipant",
        Edit::Theme(e) => {
            theme_variant(e, out);
            "Edit::Theme"
        }
        Edit::Vote(e) => {
            vote_variant(e, out);
            "Edit::Vote"
        }
        Edit::Lab(e) => {
            lab_variant(e, out);
            "Edit::Lab"
        }
        Edit::Batch(edits) => {
            edits.iter().for_each(|e| edit_variant(e, out));
            "Edit::Batch"
        }
    };
    out.insert(name);
}

fn theme_variant(edit: &ThemeEdit, out: &mut BTreeSet<&'static str>) {
    let name = match edit {
        ThemeEdit::Insert(_) => "ThemeEdit::Insert",
        ThemeEdit::Remove(_) => "ThemeEdit::Remove",
        ThemeEdit::Rename { .. } => "ThemeEdit::Rename",
        ThemeEdit::Recolour { .. } => "ThemeEdit::Recolour",
        ThemeEdit::SetCollapsed { .. } => "ThemeEdit::SetCollapsed",
        ThemeEdit::MoveAnchors(_) => "ThemeEdit::MoveAnchors",
        ThemeEdit::SetMembership(_) => "ThemeEdit::SetMembership",
        ThemeEdit::Reorder { .. } => "ThemeEdit::Reorder",
        ThemeEdit::Batch(edits) => {
            edits.iter().for_each(|e| theme_variant(e, out));
            "ThemeEdit::Batch"
        }
    };
    out.insert(name);
}

fn vote_variant(edit: &VoteEdit, out: &mut BTreeSet<&'static str>) {
    let name = match edit {
        VoteEdit::AddRound(_) => "VoteEdit::AddRound",
        VoteEdit::InsertRound { .. } => "VoteEdit::InsertRound",
        VoteEdit::RemoveRound(_) => "VoteEdit::RemoveRound",
        VoteEdit::SetDots { .. } => "VoteEdit::SetDots",
        VoteEdit::SetDone { .. } => "VoteEdit::SetDone",
        VoteEdit::SetState { .. } => "VoteEdit::SetState",
        VoteEdit::SetSettings { .. } => "VoteEdit::SetSettings",
        VoteEdit::SetCounting(_) => "VoteEdit::SetCounting",
        VoteEdit::CastPhoneBallot { .. } => "VoteEdit::CastPhoneBallot",
        VoteEdit::Batch(edits) => {
            edits.iter().for_each(|e| vote_variant(e, out));
            "VoteEdit::Batch"
        }
    };
    out.insert(name);
}

fn lab_variant(edit: &LabEdit, out: &mut BTreeSet<&'static str>) {
    let name = match edit {
        LabEdit::SetVision(_) => "LabEdit::SetVision",
        LabEdit::SetReportDetails(_) => "LabEdit::SetReportDetails",
        LabEdit::SetCurrentPhase(_) => "LabEdit::SetCurrentPhase",
        LabEdit::InsertPhases(_) => "LabEdit::InsertPhases",
        LabEdit::RemovePhases(_) => "LabEdit::RemovePhases",
        LabEdit::UpdatePhase(_) => "LabEdit::UpdatePhase",
        LabEdit::InsertOutcomes(_) => "LabEdit::InsertOutcomes",
        LabEdit::RemoveOutcomes(_) => "LabEdit::RemoveOutcomes",
        LabEdit::UpdateOutcome(_) => "LabEdit::UpdateOutcome",
        LabEdit::InsertActions(_) => "LabEdit::InsertActions",
        LabEdit::RemoveActions(_) => "LabEdit::RemoveActions",
        LabEdit::UpdateAction(_) => "LabEdit::UpdateAction",
        LabEdit::SetNoteAuthors(_) => "LabEdit::SetNoteAuthors",
        LabEdit::Batch(edits) => {
            edits.iter().for_each(|e| lab_variant(e, out));
            "LabEdit::Batch"
        }
    };
    out.insert(name);
}

/// Every variant the matches above name. Keep in step with them.
const ALL_VARIANTS: [&str; 46] = [
    "Edit::InsertNotes",
    "Edit::RemoveNotes",
    "Edit::SetText",
    "Edit::SetColours",
    "Edit::MoveNotes",
    "Edit::SetTitle",
    "Edit::InsertParticipants",
    "Edit::RemoveParticipants",
    "Edit::UpdateParticipant",
    "Edit::Theme",
    "Edit::Vote",
    "Edit::Lab",
    "Edit::Batch",
    "ThemeEdit::Insert",
    "ThemeEdit::Remove",
    "ThemeEdit::Rename",
    "ThemeEdit::Recolour",
    "ThemeEdit::SetCollapsed",
    "ThemeEdit::MoveAnchors",
    "ThemeEdit::SetMembership",
    "ThemeEdit::Reorder",
    "ThemeEdit::Batch",
    "VoteEdit::AddRound",
    "VoteEdit::InsertRound",
    "VoteEdit::RemoveRound",
    "VoteEdit::SetDots",
    "VoteEdit::SetDone",
    "VoteEdit::SetState",
    "VoteEdit::SetSettings",
    "VoteEdit::SetCounting",
    "VoteEdit::CastPhoneBallot",
    "VoteEdit::Batch",
    "LabEdit::SetVision",
    "LabEdit::SetReportDetails",
    "LabEdit::SetCurrentPhase",
    "LabEdit::InsertPhases",
    "LabEdit::RemovePhases",
    "LabEdit::UpdatePhase",
    "LabEdit::InsertOutcomes",
    "LabEdit::RemoveOutcomes",
    "LabEdit::UpdateOutcome",
    "LabEdit::InsertActions",
    "LabEdit::RemoveActions",
    "LabEdit::UpdateAction",
    "LabEdit::SetNoteAuthors",
    "LabEdit::Batch",
];

/// Everything a user sees of a session but the votes. Id counters only move forward (ids are
/// never reused), so they are not part of "the same session".
fn content(s: &Session) -> impl PartialEq + std::fmt::Debug + '_ {
    (
        &s.title,
        s.date,
        s.view,
        &s.notes,
        &s.themes,
        &s.participants,
        (
            &s.lab.phases,
            s.lab.current_phase,
            &s.lab.vision,
            &s.lab.outcomes,
            &s.lab.actions,
            &s.lab.report,
        ),
    )
}

/// Ballots (round, participant) that are confirmed in `s`.
fn confirmed(s: &Session) -> BTreeSet<(RoundId, ParticipantId)> {
    s.voting
        .rounds
        .iter()
        .flat_map(|r| {
            r.ballots
                .iter()
                .filter(|b| b.done)
                .map(|b| (r.id, b.participant))
        })
        .collect()
}

/// Applies `edit` to `scratch` one part at a time and adds to `handed_in` every ballot that a
/// part confirms (a batch may confirm and reopen a ballot, which no state between steps shows).
fn watch(edit: &Edit, scratch: &mut Session, handed_in: &mut BTreeSet<(RoundId, ParticipantId)>) {
    match edit {
        Edit::Batch(parts) => parts.iter().for_each(|e| watch(e, scratch, handed_in)),
        Edit::Vote(VoteEdit::Batch(parts)) => {
            for part in parts {
                watch(&Edit::Vote(part.clone()), scratch, handed_in);
            }
        }
        _ => {
            let was = confirmed(scratch);
            let _ = edit.clone().apply(scratch);
            handed_in.extend(confirmed(scratch).difference(&was).copied());
        }
    }
}

/// The votes without the ballots in `handed_in`, and without the rounds not in `keep`.
fn votes_without(
    voting: &Voting,
    handed_in: &BTreeSet<(RoundId, ParticipantId)>,
    keep: &[RoundId],
) -> Vec<VoteRound> {
    voting
        .rounds
        .iter()
        .filter(|r| keep.contains(&r.id))
        .map(|r| {
            let mut r = r.clone();
            r.ballots
                .retain(|b| !handed_in.contains(&(r.id, b.participant)));
            r
        })
        .collect()
}

proptest! {
    // Cheap per case (about 2 ms), so many cases: this is where undo bugs show up.
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn any_edits_undone_in_full_give_back_the_original(
        original in any_session(),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        let mut session = original.clone();
        let mut history = History::default();
        let before = confirmed(&original);
        let mut handed_in = BTreeSet::new();
        for step in steps {
            let edit = to_edit(&session, step);
            watch(&edit, &mut session.clone(), &mut handed_in);
            history.apply(&mut session, edit);
        }
        while history.undo(&mut session) {}
        prop_assert!(!history.can_undo());
        prop_assert_eq!(content(&session), content(&original));
        // The one thing undo keeps by design: a ballot confirmed (handed on) during the edits
        // stays in the box as it was handed in, so the next person's Ctrl+Z cannot touch it,
        // and so does its round. Everything else of the votes is as it was, and every ballot
        // that was confirmed is confirmed still.
        let now = confirmed(&session);
        prop_assert!(before.is_subset(&now), "{:?} {:?}", before, now);
        prop_assert!(handed_in.is_subset(&now), "{:?} {:?}", handed_in, now);
        let kept = round_ids(&original);
        for round in votes_without(&session.voting, &handed_in, &round_ids(&session)) {
            prop_assert!(kept.contains(&round.id) || !round.has_votes(), "{:?}", round);
        }
        prop_assert_eq!(
            votes_without(&session.voting, &handed_in, &kept),
            votes_without(&original.voting, &handed_in, &kept)
        );
        if handed_in.is_empty() {
            prop_assert_eq!(&session.voting.rounds, &original.voting.rounds);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_session_survives_save_and_load(session in any_session()) {
        let text = to_ron(&session);
        let loaded = from_ron(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        prop_assert_eq!(&loaded.session, &session);
        prop_assert_eq!(to_ron(&loaded.session), text);
    }

    #[test]
    fn mutated_files_never_panic_the_loader(
        session in any_session(),
        mutations in prop::collection::vec((any::<usize>(), any::<u8>(), 0u8..4), 1..8),
    ) {
        let mut bytes = to_ron(&session).into_bytes();
        for (at, byte, kind) in mutations {
            if bytes.is_empty() {
                break;
            }
            let i = at % bytes.len();
            match kind {
                0 => bytes[i] = byte,
                1 => { bytes.remove(i); }
                2 => bytes.insert(i, byte),
                _ => bytes.truncate(i),
            }
        }
        // Either a clear refusal or a session that saves and loads again without repairs.
        if let Ok(loaded) = from_bytes(&bytes) {
            prop_assert!(loaded.warnings.len() <= 101, "{}", loaded.warnings.len());
            let again = from_ron(&to_ron(&loaded.session))
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(again.warnings.is_empty(), "{:?}", again.warnings);
            prop_assert_eq!(again.session, loaded.session);
        }
    }
}

/// A session as a damaged file may hold it: ids from a tiny range (so many repeat), positions
/// anywhere up to the edge of the plausible canvas, and notes in themes that may not exist.
fn damaged_session() -> impl Strategy<Value = Session> {
    let far = prop_oneof![
        coordinate(),
        -1.0e7f32..1.0e7,
        Just(1.0e7f32),
        Just(-1.0e7f32),
        Just(f32::NAN)
    ];
    let note = (0u64..6, far.clone(), far.clone(), prop::option::of(0u64..4));
    let theme = (0u64..4, far.clone(), far);
    (
        prop::collection::vec(note, 0..40),
        prop::collection::vec(theme, 0..8),
    )
        .prop_map(|(notes, themes)| {
            let mut session = Session::new("Damaged", common::today());
            for (i, (id, x, y, theme)) in notes.into_iter().enumerate() {
                let mut note = Note::new(
                    NoteId(id),
                    format!("n{i}"),
                    NoteColour::Yellow,
                    CanvasPos::new(x, y),
                );
                note.theme = theme.map(ThemeId);
                session.notes.push(note);
            }
            for (id, x, y) in themes {
                let mut theme = goldthread::model::Theme::new(ThemeId(id), "T");
                theme.pos = CanvasPos::new(x, y);
                session.themes.push(theme);
            }
            session
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The bounds a damaged file must come back within: unique ids, every position and theme
    /// frame on the plausible canvas (so placing a note costs little), a bounded number of
    /// warnings, and nothing left to repair the second time.
    #[test]
    fn damaged_sessions_are_repaired_within_the_bounds(session in damaged_session()) {
        let mut session = session;
        let notes = session.notes.len();
        let warnings = session.repair();
        prop_assert!(warnings.len() <= 2 * 27 + 8, "{}", warnings.len());
        prop_assert_eq!(session.notes.len(), notes, "no note is lost");
        let ids: BTreeSet<NoteId> = session.notes.iter().map(|n| n.id).collect();
        prop_assert_eq!(ids.len(), notes);
        for frame in session.theme_frames() {
            prop_assert!(
                frame.frame.width() <= goldthread::model::theme::MAX_THEME_SPAN
                    && frame.frame.height() <= goldthread::model::theme::MAX_THEME_SPAN,
                "{:?}", frame
            );
        }
        prop_assert!(session.notes.iter().all(|n| n.pos.is_plausible()));
        let area = goldthread::model::CanvasRect::from_min_max(
            CanvasPos::new(0.0, 0.0),
            CanvasPos::new(1600.0, 900.0),
        );
        prop_assert_eq!(session.free_note_slots(area, 3).len(), 3);
        let again = session.repair();
        prop_assert!(again.is_empty(), "{:?}", again);
    }
}

#[test]
fn a_saved_session_file_round_trips_through_the_disk() {
    // The property above uses text; once through the real file functions too.
    let dir = common::temp_dir("proptest-disk");
    let path = dir.join("s.ron");
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for _ in 0..20 {
        let session = any_session().new_tree(&mut runner).unwrap().current();
        save_file(&path, &session).unwrap();
        assert_eq!(load_file(&path).unwrap().session, session);
    }
    assert_eq!(goldthread::storage::list_backups(&path).len(), 5);
}

#[test]
fn every_edit_variant_is_generated() {
    // The undo property only proves something for the edits it makes: check that the steps
    // produce every variant of every edit enum (see the exhaustiveness guard above).
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut seen = BTreeSet::new();
    for _ in 0..60 {
        let mut session = any_session().new_tree(&mut runner).unwrap().current();
        let steps = prop::collection::vec(step(), 30)
            .new_tree(&mut runner)
            .unwrap()
            .current();
        for edit in to_edits(&session.clone(), steps) {
            edit_variant(&edit, &mut seen);
            let _ = edit.apply(&mut session);
        }
    }
    let missing: Vec<_> = ALL_VARIANTS.iter().filter(|v| !seen.contains(*v)).collect();
    assert!(missing.is_empty(), "never generated: {missing:?}");
    assert_eq!(seen.len(), ALL_VARIANTS.len(), "{seen:?}");
}

#[test]
fn undoing_a_batch_that_confirms_a_ballot_never_reopens_it() {
    // Found by the undo property: "reopen" of a ballot that was not confirmed changed nothing
    // but returned an inverse that reopens; undoing a batch of "reopen, then confirm" ran that
    // inverse last and reopened the confirmed ballot, which the next person could then change.
    let mut session = Session::new("Vote", chrono::NaiveDate::default());
    let ada = Participant::new(ParticipantId(1), "Ada");
    let _ = Edit::InsertParticipants(vec![(0, ada)]).apply(&mut session);
    let note = Note::new(
        NoteId(1),
        "Idea",
        NoteColour::Yellow,
        CanvasPos::new(0.0, 0.0),
    );
    let _ = Edit::add_notes(&session, vec![note]).apply(&mut session);
    let settings = RoundSettings::new(vec![VoteOption::Note(NoteId(1))], vec![ParticipantId(1)]);
    let Ok(start) = session.voting.start(&session, settings) else {
        panic!("the vote should start");
    };
    let mut history = History::default();
    history.apply(&mut session, Edit::Vote(start));
    let round = session.voting.rounds[0].id;
    let done = |done| VoteEdit::SetDone {
        round,
        participant: ParticipantId(1),
        done,
    };
    let batch = VoteEdit::Batch(vec![done(false), done(true)]);
    history.apply(&mut session, Edit::Vote(batch));
    assert!(session.voting.rounds[0].is_done(ParticipantId(1)));
    while history.undo(&mut session) {}
    assert!(session.voting.rounds[0].is_done(ParticipantId(1)));
    // And a reopen that changes nothing is not an undo step of its own.
    let before = history.can_undo();
    history.apply(&mut session, Edit::Vote(done(true)));
    assert_eq!(history.can_undo(), before);
}

#[test]
fn undoing_a_change_that_names_one_thing_twice_restores_its_first_value() {
    // Found by the undo property: edits holding a list of changes undid them in the order they
    // were made, so a note or theme named twice in one list got its middle value back.
    let mut session = Session::new("Twice", chrono::NaiveDate::default());
    let note = Note::new(
        NoteId(1),
        "Idea",
        NoteColour::Yellow,
        CanvasPos::new(0.0, 0.0),
    );
    let _ = Edit::add_notes(&session, vec![note]).apply(&mut session);
    let person = Participant::new(ParticipantId(1), "Ada");
    let _ = Edit::InsertParticipants(vec![(0, person)]).apply(&mut session);
    let (theme, create) = ThemeEdit::create(&session, Some("Data".into()), &[]);
    let _ = Edit::Theme(create).apply(&mut session);
    let original = session.clone();
    let (a, b) = (CanvasPos::new(10.0, 20.0), CanvasPos::new(30.0, 40.0));
    let n = NoteId(1);
    let edits = [
        Edit::SetColours(vec![(n, NoteColour::Pink), (n, NoteColour::Blue)]),
        Edit::MoveNotes(vec![(n, a), (n, b)]),
        Edit::Theme(ThemeEdit::MoveAnchors(vec![(theme, a), (theme, b)])),
        Edit::Theme(ThemeEdit::SetMembership(vec![
            (n, Some(theme), a),
            (n, None, b),
        ])),
        Edit::Lab(LabEdit::SetNoteAuthors(vec![
            (n, Some(ParticipantId(1))),
            (n, Some(ParticipantId(1))),
        ])),
    ];
    for edit in edits {
        let mut history = History::default();
        history.apply(&mut session, edit.clone());
        assert_ne!(session, original, "{edit:?} changed nothing");
        history.undo(&mut session);
        assert_eq!(session, original, "{edit:?}");
    }
}

#[test]
fn undo_puts_notes_back_into_a_theme_that_was_removed_on_its_own() {
    // Found by the undo property: `ThemeEdit::Remove` alone leaves the notes pointing at the
    // removed theme (as documented), but the inverse of a later move into another theme was
    // refused because that theme no longer existed, so undo left the notes in the new theme.
    let mut session = Session::new("Removed", chrono::NaiveDate::default());
    let note = Note::new(
        NoteId(1),
        "Idea",
        NoteColour::Yellow,
        CanvasPos::new(0.0, 0.0),
    );
    let _ = Edit::add_notes(&session, vec![note]).apply(&mut session);
    let (old, create) = ThemeEdit::create(&session, Some("Old".into()), &[NoteId(1)]);
    let _ = Edit::Theme(create).apply(&mut session);
    let original = session.clone();
    let mut history = History::default();
    history.apply(&mut session, Edit::Theme(ThemeEdit::Remove(vec![old])));
    let (new, split) = ThemeEdit::split(&session, &[NoteId(1)], Some("New".into()));
    history.apply(&mut session, Edit::Theme(split));
    assert_eq!(session.notes[0].theme, Some(new));
    while history.undo(&mut session) {}
    assert_eq!(session.notes, original.notes);
    assert_eq!(session.themes, original.themes);
    // A theme id never issued in this session is still refused.
    let never = ThemeId(999);
    let edit = ThemeEdit::SetMembership(vec![(NoteId(1), Some(never), CanvasPos::new(0.0, 0.0))]);
    let _ = Edit::Theme(edit).apply(&mut session);
    assert_eq!(session.notes[0].theme, Some(old));
}

#[test]
fn generated_sessions_hold_every_kind_of_data() {
    // The save and load property is only as good as its sessions: check that they often have
    // every part a workshop makes, not just notes.
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut seen = BTreeSet::new();
    for _ in 0..100 {
        let s = any_session().new_tree(&mut runner).unwrap().current();
        let rounds = &s.voting.rounds;
        let checks = [
            ("notes in themes", s.notes.iter().any(|n| n.theme.is_some())),
            ("collapsed theme", s.themes.iter().any(|t| t.collapsed)),
            (
                "recoloured theme",
                s.themes
                    .iter()
                    .enumerate()
                    .any(|(i, t)| t.colour != ThemeColour::nth(i)),
            ),
            ("authored note", s.notes.iter().any(|n| n.author.is_some())),
            ("note in a phase", s.notes.iter().any(|n| n.phase.is_some())),
            ("participant", !s.participants.is_empty()),
            (
                "ballot with dots",
                rounds
                    .iter()
                    .any(|r| r.ballots.iter().any(|b| !b.dots.is_empty())),
            ),
            (
                "confirmed ballot",
                rounds.iter().any(|r| r.ballots.iter().any(|b| b.done)),
            ),
            ("room tally", rounds.iter().any(|r| !r.room.is_empty())),
            (
                "closed round",
                rounds.iter().any(|r| r.state == RoundState::Closed),
            ),
            ("runoff", rounds.iter().any(|r| r.runoff_of.is_some())),
            ("current phase", s.lab.current_phase.is_some()),
            ("vision", !s.lab.vision.is_empty()),
            (
                "dated outcome",
                s.lab.outcomes.iter().any(|o| o.by_when.is_some()),
            ),
            (
                "owned, dated, linked action",
                s.lab.actions.iter().any(|a| {
                    a.owner.is_some() && a.due.is_some() && a.theme.is_some() && a.outcome.is_some()
                }),
            ),
        ];
        seen.extend(checks.iter().filter(|(_, ok)| *ok).map(|(name, _)| *name));
    }
    assert_eq!(seen.len(), 15, "only {seen:?}");
}
