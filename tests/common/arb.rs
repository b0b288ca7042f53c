//! Random sessions for the property tests, built through the same edits the app makes, so each
//! one is a state a real workshop can reach: notes, participants, an agenda with phases, themes
//! (coloured, some collapsed, holding notes), a vote with rounds and ballots (some confirmed),
//! and a vision with dated outcomes and actions.

#![allow(dead_code, reason = "each test file uses a different part")]

use chrono::NaiveDate;
use goldthread::model::lab::{
    Action, ActionId, ActionStatus, Outcome, OutcomeId, Owner, Phase, ReportDetails,
};
use goldthread::model::{
    LabEdit, Level, Participant, ParticipantId, PhaseId, RoundSettings, RoundState, ThemeColour,
    ThemeEdit, ThemeId, View, VoteEdit, VoteMode, VoteOn, Voter,
};
use goldthread::{CanvasPos, Edit, Note, NoteColour, NoteId, Session};
use proptest::prelude::*;

/// A note colour.
pub fn colour() -> impl Strategy<Value = NoteColour> {
    (0..NoteColour::ALL.len()).prop_map(|i| NoteColour::ALL[i])
}

/// A theme colour.
pub fn theme_colour() -> impl Strategy<Value = ThemeColour> {
    (0..ThemeColour::ALL.len()).prop_map(|i| ThemeColour::ALL[i])
}

/// A canvas coordinate, far out or at the usual places. Far, but not so far apart that a
/// theme's notes would span more than `MAX_THEME_SPAN` (4,000,000): a file like that is damage,
/// and loading it repairs it (a property of its own in `tests/proptests.rs`).
pub fn coordinate() -> impl Strategy<Value = f32> {
    prop_oneof![-4.0e5f32..4.0e5, Just(0.0), Just(-0.5), Just(1234.5678)]
}

/// A participant's level, or none.
pub fn level() -> impl Strategy<Value = Option<Level>> {
    prop_oneof![
        Just(None),
        Just(Some(Level::FrontLine)),
        Just(Some(Level::Manager)),
        Just(Some(Level::Executive)),
        Just(Some(Level::Partner)),
        Just(Some(Level::Customer)),
        ".{0,12}".prop_map(|s| Some(Level::Custom(s))),
    ]
}

/// Any text a person could type or paste, including line breaks, quotes and emoji.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        "[a-z \"\\\\\n\t\r{}()\\[\\]/#é🎉]{0,40}",
        Just(String::new()),
    ]
}

/// A day between 1990 and about 2100.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..40_000).prop_map(|days| {
        NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or_default() + chrono::Duration::days(days)
    })
}

/// A day, or none.
pub fn maybe_date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![Just(None), date().prop_map(Some)]
}

/// The `i`th of `ids` (wrapping), or `missing` when there are none or now and then (one in
/// seven), so edits naming things that do not exist are tried too.
pub fn pick<T: Copy>(ids: &[T], i: usize, missing: T) -> T {
    if ids.is_empty() || i.is_multiple_of(7) {
        return missing;
    }
    ids[i % ids.len()]
}

/// The `i`th of `ids` (wrapping), never a missing one; `None` when there are none.
pub fn pick_existing<T: Copy>(ids: &[T], i: usize) -> Option<T> {
    (!ids.is_empty()).then(|| ids[i % ids.len()])
}

/// Ids that are never used in a generated session.
pub const MISSING: u64 = u64::MAX - 1;

/// A vote mode.
pub fn mode(i: usize) -> VoteMode {
    VoteMode::ALL[i % VoteMode::ALL.len()]
}

/// What one theme of a generated session is: name, colour, collapsed, and its notes (picks).
type ThemePlan = (String, ThemeColour, bool, Vec<usize>);
/// One dot: voter pick (0 is the room), option pick, how many.
type DotPlan = (usize, usize, u32);
/// An action: description, owner pick (and a name), due date, theme and outcome picks.
type ActionPlan = (String, usize, String, Option<NaiveDate>, usize, usize);

fn apply(session: &mut Session, edit: Edit) {
    let _ = edit.apply(session);
}

prop_compose! {
    fn basics()(
        title in text(),
        day in date(),
        cx in coordinate(), cy in coordinate(), zoom in 0.01f32..100.0,
        notes in prop::collection::vec((text(), colour(), coordinate(), coordinate(), 1u64..5), 0..25),
        people in prop::collection::vec((text(), text(), level()), 0..5),
        authors in prop::collection::vec(any::<usize>(), 0..25),
        phases in prop::collection::vec((text(), text(), 0u32..7200), 0..4),
        phase_of in prop::collection::vec(any::<usize>(), 0..25),
        current in any::<usize>(),
    ) -> Session {
        let mut session = Session::new(title, day);
        session.view = View { center: CanvasPos::new(cx, cy), zoom };
        let people = people
            .into_iter()
            .enumerate()
            .map(|(i, (name, area, level))| {
                let mut p = Participant::new(ParticipantId(i as u64 + 1), name);
                p.service_area = area;
                p.level = level;
                (i, p)
            })
            .collect();
        apply(&mut session, Edit::InsertParticipants(people));
        for (name, prompt, secs) in phases {
            let phase = Phase::new(session.lab.next_phase_id(), name, prompt, secs);
            let edit = LabEdit::add_phase(&session, phase);
            apply(&mut session, Edit::Lab(edit));
        }
        let phase_ids: Vec<PhaseId> = session.lab.phases.iter().map(|p| p.id).collect();
        if !current.is_multiple_of(3) {
            let id = pick_existing(&phase_ids, current);
            apply(&mut session, Edit::Lab(LabEdit::SetCurrentPhase(id)));
        }
        let person_ids: Vec<ParticipantId> = session.participants.iter().map(|p| p.id).collect();
        let mut id = 0;
        let notes = notes
            .into_iter()
            .enumerate()
            .map(|(i, (text, colour, x, y, gap))| {
                id += gap;
                let mut note = Note::new(NoteId(id), text, colour, CanvasPos::new(x, y));
                note.phase = phase_of.get(i).and_then(|p| pick_existing(&phase_ids, *p));
                note
            })
            .collect();
        let edit = Edit::add_notes(&session, notes);
        apply(&mut session, edit);
        let authored = session
            .notes
            .iter()
            .zip(authors)
            .map(|(n, a)| (n.id, pick_existing(&person_ids, a).filter(|_| !a.is_multiple_of(4))))
            .collect();
        apply(&mut session, Edit::Lab(LabEdit::SetNoteAuthors(authored)));
        session
    }
}

prop_compose! {
    /// A session with everything a workshop makes: notes, participants, phases, themes, votes
    /// and the vision with its outcomes and actions.
    pub fn any_session()(
        base in basics(),
        themes in prop::collection::vec(
            (text(), theme_colour(), any::<bool>(), prop::collection::vec(any::<usize>(), 0..6)),
            0..5,
        ),
        vote in prop::option::of((
            text(), any::<usize>(), 1u32..6, 1u32..3, any::<bool>(), any::<bool>(), 0u32..30,
        )),
        dots in prop::collection::vec((any::<usize>(), any::<usize>(), 1u32..3), 0..12),
        confirmed in prop::collection::vec(any::<usize>(), 0..3),
        state in 0usize..4,
        vision in text(),
        report in (text(), text(), maybe_date()),
        outcomes in prop::collection::vec((text(), maybe_date()), 0..4),
        actions in prop::collection::vec(
            (text(), any::<usize>(), text(), maybe_date(), any::<usize>(), any::<usize>()),
            0..5,
        ),
    ) -> Session {
        let mut session = base;
        add_themes(&mut session, themes);
        if let Some(vote) = vote {
            add_vote(&mut session, vote, &dots, &confirmed, state);
        }
        apply(&mut session, Edit::Lab(LabEdit::SetVision(vision)));
        let (purpose, facilitator, next_review) = report;
        let details = ReportDetails { purpose, facilitator, next_review };
        apply(&mut session, Edit::Lab(LabEdit::SetReportDetails(details)));
        for (text, by_when) in outcomes {
            let outcome = Outcome::new(session.lab.next_outcome_id(), text, by_when);
            let edit = LabEdit::add_outcome(&session, outcome);
            apply(&mut session, Edit::Lab(edit));
        }
        for plan in actions {
            let action = action(&session, session.lab.next_action_id(), plan);
            let edit = LabEdit::add_action(&session, action);
            apply(&mut session, Edit::Lab(edit));
        }
        session
    }
}

fn add_themes(session: &mut Session, themes: Vec<ThemePlan>) {
    for (name, colour, collapsed, notes) in themes {
        let ids: Vec<NoteId> = session.notes.iter().map(|n| n.id).collect();
        let notes: Vec<NoteId> = notes
            .iter()
            .filter_map(|i| pick_existing(&ids, *i))
            .collect();
        let name = (!name.trim().is_empty()).then_some(name);
        let (id, edit) = ThemeEdit::create(session, name, &notes);
        apply(session, Edit::Theme(edit));
        apply(session, Edit::Theme(ThemeEdit::Recolour { id, colour }));
        apply(
            session,
            Edit::Theme(ThemeEdit::SetCollapsed { id, collapsed }),
        );
    }
}

fn add_vote(
    session: &mut Session,
    (question, how, dots, max, secret, anonymous, room): (String, usize, u32, u32, bool, bool, u32),
    plan: &[DotPlan],
    confirmed: &[usize],
    state: usize,
) {
    let on = if how % 2 == 0 {
        VoteOn::default_for(session)
    } else {
        VoteOn::Notes
    };
    let mut settings = RoundSettings::new(
        on.options(session),
        session.participants.iter().map(|p| p.id).collect(),
    );
    settings.question = question;
    settings.dots_per_person = dots;
    settings.max_per_option = max.min(dots);
    settings.mode = mode(how / 2);
    settings.secret = secret;
    settings.anonymous = anonymous;
    settings.room_size = room;
    let Ok(edit) = session.voting.start(session, settings) else {
        return; // Nothing to vote on, or nobody to vote.
    };
    apply(session, Edit::Vote(edit));
    let Some(round) = session.voting.current().cloned() else {
        return;
    };
    for (voter, option, delta) in plan {
        let Some(round) = session.voting.round(round.id) else {
            return;
        };
        let voter = match pick_existing(&round.settings.participants, *voter) {
            Some(p) if !voter.is_multiple_of(5) => Voter::Person(p),
            _ => Voter::Room,
        };
        let Some(option) = pick_existing(&round.settings.options, *option) else {
            return;
        };
        if let Ok(edit) = round.place_dot(session, voter, option, *delta as i32) {
            apply(session, Edit::Vote(edit));
        }
    }
    for p in confirmed {
        if let Some(participant) = pick_existing(&round.settings.participants, *p) {
            let done = VoteEdit::SetDone {
                round: round.id,
                participant,
                done: true,
            };
            apply(session, Edit::Vote(done));
        }
    }
    let state = [
        RoundState::Open,
        RoundState::Revealed,
        RoundState::Closed,
        RoundState::Revealed,
    ][state % 4];
    apply(
        session,
        Edit::Vote(VoteEdit::SetState {
            round: round.id,
            state,
        }),
    );
    if state == RoundState::Revealed
        && let Ok(edit) = session.voting.runoff(session, round.id, Some(2))
    {
        apply(session, Edit::Vote(edit));
    }
}

/// An action as the Actions tab makes it: an owner from the room or a typed name, a date, and
/// links to a theme and an outcome (sometimes ones that no longer exist).
pub fn action(
    session: &Session,
    id: ActionId,
    (description, owner, name, due, theme, outcome): ActionPlan,
) -> Action {
    let people: Vec<ParticipantId> = session.participants.iter().map(|p| p.id).collect();
    let themes: Vec<ThemeId> = session.themes.iter().map(|t| t.id).collect();
    let outcomes: Vec<OutcomeId> = session.lab.outcomes.iter().map(|o| o.id).collect();
    let mut action = Action::new(id, description);
    action.owner = match owner % 3 {
        0 => None,
        1 => pick_existing(&people, owner).map(Owner::Participant),
        _ => Some(Owner::Named(name.clone())),
    };
    action.due = due;
    action.theme = (!theme.is_multiple_of(3)).then(|| pick(&themes, theme, ThemeId(MISSING)));
    action.outcome =
        (!outcome.is_multiple_of(3)).then(|| pick(&outcomes, outcome, OutcomeId(MISSING)));
    // Progress as the Actions tab and the review walk record it.
    let status = ActionStatus::ALL[(owner / 3) % ActionStatus::ALL.len()];
    if let Some(day) = due.filter(|_| owner % 7 < 4) {
        action = action.with_progress(&name, day).with_status(status, day);
        action.carried = owner % 2 == 0;
    }
    action
}

/// Material for an action, for [`action`].
pub fn action_plan() -> impl Strategy<Value = ActionPlan> {
    (
        text(),
        any::<usize>(),
        text(),
        maybe_date(),
        any::<usize>(),
        any::<usize>(),
    )
}
