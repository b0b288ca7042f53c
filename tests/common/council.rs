//! A realistic council session for tests (and for the lead to build the shipped example from):
//! Northfield Borough Council's digital strategy lab, made from the innovation-lab template,
//! with eight participants, a vision, two dated outcomes, 40 notes across three phases, five
//! themes and three actions with owners and dates.
//!
//! Include it with `#[path = "common/council.rs"] mod council;`.

#![allow(dead_code, reason = "each test file uses a different part")]

use chrono::NaiveDate;
use goldthread::model::lab::{Action, ActionId, Outcome, OutcomeId, Owner, Phase, PhaseKind};
use goldthread::model::score::{ScoreMode, Scoring};
use goldthread::model::theme::{THEME_COLUMNS, grid_slots};
use goldthread::model::{
    CanvasPos, Edit, LabEdit, Level, Note, NoteColour, NoteId, Participant, ParticipantId, PhaseId,
    Session, Theme, ThemeId, VoteOption,
};
use goldthread::model::{
    CanvasRect, NOTE_GAP, RoundSettings, RoundState, ThemeColour, ThemeEdit, VoteEdit, VoteOn,
    Voter,
};
use goldthread::storage::built_in_templates;

/// A date in a test.
pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The themes: Data, Culture and Infrastructure from the template, then two the room added.
pub const DATA: ThemeId = ThemeId(1);
/// The Culture theme.
pub const CULTURE: ThemeId = ThemeId(2);
/// The Infrastructure theme.
pub const INFRASTRUCTURE: ThemeId = ThemeId(3);
/// The Online services theme.
pub const ONLINE: ThemeId = ThemeId(4);
/// The Skills theme.
pub const SKILLS: ThemeId = ThemeId(5);

/// The phases of the innovation-lab template, by id.
pub const VISION_PHASE: PhaseId = PhaseId(1);
/// Constraints and challenges.
pub const CONSTRAINTS: PhaseId = PhaseId(2);
/// Ideas.
pub const IDEAS: PhaseId = PhaseId(3);

fn person(id: u64, name: &str, area: &str, level: Level) -> Participant {
    Participant {
        id: ParticipantId(id),
        name: name.to_owned(),
        service_area: area.to_owned(),
        level: Some(level),
    }
}

/// The participants.
pub fn participants() -> Vec<Participant> {
    vec![
        person(1, "Asha Patel", "Housing", Level::FrontLine),
        person(2, "Tom Reid", "Housing", Level::Manager),
        person(3, "Priya Shah", "Adult Social Care", Level::FrontLine),
        person(4, "Gareth Jones", "ICT", Level::Manager),
        person(5, "Helen Brooks", "Corporate Leadership", Level::Executive),
        person(6, "Sam Okafor", "Customer Services", Level::FrontLine),
        person(
            7,
            "Linda Marsh",
            "Voluntary Action Northfield",
            Level::Partner,
        ),
        person(8, "Joe Bell", "", Level::Customer),
    ]
}

/// The notes: (phase, theme, author, text).
pub const NOTES: [(PhaseId, Option<ThemeId>, Option<u64>, &str); 40] = [
    (
        VISION_PHASE,
        None,
        Some(5),
        "Residents choose digital because it is easier, not because they must",
    ),
    (
        VISION_PHASE,
        Some(DATA),
        Some(4),
        "One view of the resident across services",
    ),
    (
        VISION_PHASE,
        Some(CULTURE),
        Some(1),
        "Staff trusted to try new things",
    ),
    (
        VISION_PHASE,
        None,
        Some(7),
        "Partners treated as part of the same team",
    ),
    (
        CONSTRAINTS,
        Some(INFRASTRUCTURE),
        Some(1),
        "Wifi drops in the housing offices",
    ),
    (
        CONSTRAINTS,
        Some(INFRASTRUCTURE),
        Some(4),
        "Twelve line-of-business systems that don't talk",
    ),
    (
        CONSTRAINTS,
        Some(DATA),
        Some(3),
        "We re-key the same address five times",
    ),
    (
        CONSTRAINTS,
        Some(DATA),
        Some(2),
        "Nobody owns the data quality",
    ),
    (
        CONSTRAINTS,
        Some(CULTURE),
        Some(6),
        "Fear of getting it wrong in public",
    ),
    (
        CONSTRAINTS,
        Some(CULTURE),
        Some(1),
        "Projects are \"owned\" by ICT, not services",
    ),
    (
        CONSTRAINTS,
        Some(SKILLS),
        Some(3),
        "Carers use paper because the tablet app is slow",
    ),
    (
        CONSTRAINTS,
        Some(SKILLS),
        None,
        "Training is a PDF nobody reads",
    ),
    (
        CONSTRAINTS,
        Some(ONLINE),
        Some(8),
        "The repairs form times out on my phone",
    ),
    (
        CONSTRAINTS,
        None,
        Some(5),
        "Budget is fixed until April 2027",
    ),
    (
        IDEAS,
        Some(DATA),
        Some(4),
        "Shared data standard for resident records",
    ),
    (
        IDEAS,
        Some(DATA),
        Some(2),
        "Data owner named in every service",
    ),
    (
        IDEAS,
        Some(DATA),
        Some(7),
        "Share referral data with the voluntary sector, with consent",
    ),
    (
        IDEAS,
        Some(DATA),
        None,
        "Dashboard of open cases per resident",
    ),
    (
        IDEAS,
        Some(ONLINE),
        Some(6),
        "Report a repair online with a photo",
    ),
    (
        IDEAS,
        Some(ONLINE),
        Some(8),
        "Track my repair like a parcel",
    ),
    (
        IDEAS,
        Some(ONLINE),
        Some(2),
        "Pilot online repairs on three estates",
    ),
    (
        IDEAS,
        Some(ONLINE),
        Some(6),
        "Webchat, staffed by the contact centre",
    ),
    (
        IDEAS,
        Some(ONLINE),
        None,
        "Book a bulky waste collection, pay, done",
    ),
    (
        IDEAS,
        Some(CULTURE),
        Some(5),
        "Leaders go first: share one failure a month",
    ),
    (
        IDEAS,
        Some(CULTURE),
        Some(1),
        "Innovation hour every Friday",
    ),
    (
        IDEAS,
        Some(CULTURE),
        Some(3),
        "Show-and-tell of small wins, across services",
    ),
    (
        IDEAS,
        Some(SKILLS),
        Some(6),
        "Digital skills drop-ins for front-line staff",
    ),
    (
        IDEAS,
        Some(SKILLS),
        Some(3),
        "Buddy scheme: confident staff help colleagues",
    ),
    (
        IDEAS,
        Some(SKILLS),
        Some(7),
        "Digital champions in community centres",
    ),
    (
        IDEAS,
        Some(SKILLS),
        Some(8),
        "Help for residents who have never used email",
    ),
    (
        IDEAS,
        Some(INFRASTRUCTURE),
        Some(4),
        "Replace the housing system by 2028",
    ),
    (
        IDEAS,
        Some(INFRASTRUCTURE),
        Some(4),
        "Guest wifi in every council building",
    ),
    (
        IDEAS,
        Some(INFRASTRUCTURE),
        Some(1),
        "Laptops, not desktops, for mobile staff",
    ),
    (
        IDEAS,
        Some(INFRASTRUCTURE),
        None,
        "Single sign-on for all staff systems",
    ),
    (
        IDEAS,
        Some(INFRASTRUCTURE),
        Some(2),
        "APIs before new procurement",
    ),
    (IDEAS, None, Some(8), "Ask residents what they want first"),
    (IDEAS, None, Some(6), "Text reminders for appointments"),
    (
        IDEAS,
        None,
        None,
        "Paper forms still available, for those who need them",
    ),
    (
        IDEAS,
        Some(ONLINE),
        Some(3),
        "One login for every council service",
    ),
    (
        IDEAS,
        Some(DATA),
        Some(5),
        "Publish performance data monthly, in plain English",
    ),
];

/// The vision statement.
pub const VISION: &str = "Residents and staff reach council services easily online, with data \
shared safely across services, so that most contacts are resolved first time.";

/// The two outcomes.
pub fn outcomes() -> Vec<Outcome> {
    vec![
        Outcome::new(
            OutcomeId(1),
            "Every resident can report a housing repair online",
            Some(date(2027, 3, 31)),
        ),
        Outcome::new(
            OutcomeId(2),
            "Staff in every service see a resident's open cases in one place",
            Some(date(2027, 9, 30)),
        ),
    ]
}

/// The three actions, linked to the themes and outcomes.
pub fn actions() -> Vec<Action> {
    vec![
        Action {
            id: ActionId(1),
            description: "Publish a shared data standard for resident records".to_owned(),
            owner: Some(Owner::Participant(ParticipantId(4))),
            due: Some(date(2027, 2, 26)),
            theme: Some(DATA),
            outcome: Some(OutcomeId(2)),
            ..Action::new(ActionId(0), "")
        },
        Action {
            id: ActionId(2),
            description: "Launch the online repairs pilot on three estates".to_owned(),
            owner: Some(Owner::Participant(ParticipantId(2))),
            due: Some(date(2027, 3, 15)),
            theme: Some(ONLINE),
            outcome: Some(OutcomeId(1)),
            ..Action::new(ActionId(0), "")
        },
        Action {
            id: ActionId(3),
            description: "Run digital skills drop-ins for front-line staff".to_owned(),
            owner: Some(Owner::Named("Learning and Development team".to_owned())),
            due: Some(date(2027, 6, 30)),
            theme: Some(SKILLS),
            outcome: Some(OutcomeId(2)),
            ..Action::new(ActionId(0), "")
        },
    ]
}

/// The closed vote's tally: dots per theme, as `Voting::dots_by_option` reports it.
pub fn votes() -> Vec<(VoteOption, u32)> {
    vec![
        (VoteOption::Theme(DATA), 9),
        (VoteOption::Theme(CULTURE), 5),
        (VoteOption::Theme(INFRASTRUCTURE), 2),
        (VoteOption::Theme(ONLINE), 7),
        (VoteOption::Theme(SKILLS), 4),
    ]
}

/// The whole session, built through the same edits the app makes.
pub fn council_session() -> Session {
    let template = built_in_templates()
        .into_iter()
        .find(|t| t.name == "Digital strategy innovation lab")
        .expect("the innovation-lab template ships");
    let mut session = template.session("Northfield digital strategy lab", date(2026, 11, 22));
    session.themes.push(Theme::new(ONLINE, "Online services"));
    session.themes.push(Theme::new(SKILLS, "Skills"));
    let people: Vec<(usize, Participant)> = participants().into_iter().enumerate().collect();
    Edit::InsertParticipants(people).apply(&mut session);
    let colours = [NoteColour::Yellow, NoteColour::Blue, NoteColour::Green];
    let notes: Vec<Note> = NOTES
        .iter()
        .enumerate()
        .map(|(i, (phase, theme, author, text))| {
            let mut note = Note::new(
                NoteId(i as u64 + 1),
                *text,
                colours[(phase.0 as usize - 1) % 3],
                CanvasPos::new((i % 8) as f32 * 264.0, (i / 8) as f32 * 194.0),
            );
            note.phase = Some(*phase);
            note.theme = *theme;
            note.author = author.map(ParticipantId);
            note
        })
        .collect();
    Edit::add_notes(&session, notes).apply(&mut session);
    let mut lab = vec![LabEdit::SetVision(VISION.to_owned())];
    lab.extend(
        outcomes()
            .into_iter()
            .enumerate()
            .map(|(i, o)| LabEdit::InsertOutcomes(vec![(i, o)])),
    );
    lab.extend(
        actions()
            .into_iter()
            .enumerate()
            .map(|(i, a)| LabEdit::InsertActions(vec![(i, a)])),
    );
    lab.push(LabEdit::SetCurrentPhase(Some(PhaseId(6))));
    Edit::Lab(LabEdit::Batch(lab)).apply(&mut session);
    // As loading does: the theme counter moves past the two themes pushed above.
    session.repair();
    session
}

/// The Themes, Vote and Actions phases of the template.
pub const THEMES_PHASE: PhaseId = PhaseId(4);
/// The Vote phase.
pub const VOTE_PHASE: PhaseId = PhaseId(5);
/// The Actions phase.
pub const ACTIONS_PHASE: PhaseId = PhaseId(6);

/// The shipped example's title.
pub const EXAMPLE_TITLE: &str = "Example: Northfield council digital strategy lab";

/// The shipped example's name for the Skills theme, once the room saw it was about inclusion.
pub const INCLUSION_NAME: &str = "Skills and digital inclusion";

/// Notes the room added in the later phases (phase, author, text), so every phase has notes.
pub const LATER_NOTES: [(PhaseId, Option<u64>, &str); 5] = [
    (
        THEMES_PHASE,
        Some(7),
        "Skills and digital inclusion are one theme: same people, same barriers",
    ),
    (
        THEMES_PHASE,
        None,
        "Customers are in every theme, not a theme of their own",
    ),
    (
        VOTE_PHASE,
        Some(5),
        "Data won because it unblocks the repairs and cases outcomes",
    ),
    (
        ACTIONS_PHASE,
        Some(5),
        "Culture has no owner yet: take it to the leadership team on 8 December",
    ),
    (
        ACTIONS_PHASE,
        Some(4),
        "Check when the housing system contract ends before the repairs pilot",
    ),
];

/// Each participant's secret ballot (participant, themes they put one dot on): three dots each
/// for five themes, as the suggested budget says.
pub const BALLOTS: [(u64, [ThemeId; 3]); 8] = [
    (1, [ONLINE, INFRASTRUCTURE, CULTURE]),
    (2, [DATA, ONLINE, INFRASTRUCTURE]),
    (3, [DATA, SKILLS, CULTURE]),
    (4, [DATA, INFRASTRUCTURE, ONLINE]),
    (5, [DATA, CULTURE, ONLINE]),
    (6, [ONLINE, CULTURE, DATA]),
    (7, [DATA, SKILLS, CULTURE]),
    (8, [ONLINE, SKILLS, DATA]),
];

/// The question the example's vote asked.
pub const VOTE_QUESTION: &str = "Which themes should we act on first?";

/// The shipped example session (`sessions/example-council-digital-strategy.ron`): the council
/// session plus notes in the last three phases, the Skills theme renamed, every theme laid out
/// side by side and tidied, the leftover notes in a row below, and a closed, secret, anonymous
/// pass-the-laptop vote with every participant's ballot, all made through the app's edits.
pub fn example_session() -> Session {
    let mut session = council_session();
    Edit::SetTitle(EXAMPLE_TITLE.to_owned()).apply(&mut session);
    Edit::Theme(ThemeEdit::Rename {
        id: SKILLS,
        name: INCLUSION_NAME.to_owned(),
    })
    .apply(&mut session);
    // The two themes the room added get their own colours, as the theme list gives them.
    for (i, id) in [ONLINE, SKILLS].into_iter().enumerate() {
        let colour = ThemeColour::nth(3 + i);
        Edit::Theme(ThemeEdit::Recolour { id, colour }).apply(&mut session);
    }
    let first = session.next_note_id().0;
    let later: Vec<Note> = LATER_NOTES
        .iter()
        .enumerate()
        .map(|(i, (phase, author, text))| {
            let mut note = Note::new(
                NoteId(first + i as u64),
                *text,
                NoteColour::Pink,
                CanvasPos::new(0.0, 0.0),
            );
            note.phase = Some(*phase);
            note.author = author.map(ParticipantId);
            note
        })
        .collect();
    Edit::add_notes(&session, later).apply(&mut session);

    lay_out(&mut session);
    vote(&mut session);
    add_maturity_check(&mut session);
    score_maturity(&mut session, &FIRST_SCORES);
    session.ensure_id();
    session
}

/// The baseline maturity scores each participant gave by passing the laptop at the end of the
/// lab: (participant, their scores for the four questions). Medians 2, 2, 1.5 and 1.
pub const FIRST_SCORES: [(u64, [u8; 4]); 8] = [
    (1, [2, 2, 1, 1]),
    (2, [2, 3, 2, 1]),
    (3, [1, 2, 1, 1]),
    (4, [3, 3, 2, 2]),
    (5, [2, 2, 1, 1]),
    (6, [2, 1, 1, 1]),
    (7, [4, 1, 3, 2]),
    (8, [2, 3, 2, 3]),
];

/// Adds the four scored questions of the Digital maturity check template at the end of the
/// agenda, as the Vision & outcomes tab's "+ Add phase" would, one undo step each.
fn add_maturity_check(session: &mut Session) {
    let template = built_in_templates()
        .into_iter()
        .find(|t| t.name == "Digital maturity check")
        .expect("the maturity template ships");
    let questions = template.session("", session.date).lab.phases;
    for question in questions.into_iter().filter(|p| p.kind.scoring().is_some()) {
        let phase = Phase {
            id: session.lab.next_phase_id(),
            name: format!("Maturity: {}", question.name),
            ..question
        };
        Edit::Lab(LabEdit::add_phase(session, phase)).apply(session);
    }
}

/// Scores every scored question by passing the laptop: each person in `scores` presses their
/// score for each question in turn, then the facilitator reveals the scores and the room goes
/// back to the phase it was in.
pub fn score_maturity(session: &mut Session, scores: &[(u64, [u8; 4])]) {
    let was = session.lab.current_phase;
    let questions: Vec<PhaseId> = session
        .lab
        .phases
        .iter()
        .filter(|p| p.kind.scoring().is_some())
        .map(|p| p.id)
        .collect();
    for (q, id) in questions.into_iter().enumerate() {
        Edit::Lab(LabEdit::SetCurrentPhase(Some(id))).apply(session);
        let update = |session: &mut Session, change: &dyn Fn(&Scoring) -> Scoring| {
            let phase = session.lab.phase(id).expect("the phase exists").clone();
            let scoring = phase.kind.scoring().expect("a scored phase");
            let kind = PhaseKind::Score(change(scoring));
            Edit::Lab(LabEdit::UpdatePhase(Phase { kind, ..phase })).apply(session);
        };
        update(session, &|s| Scoring {
            mode: ScoreMode::PassTheLaptop,
            ..s.clone()
        });
        for (person, given) in scores {
            update(session, &|s| {
                s.with_person(ParticipantId(*person), Some(given[q]))
            });
        }
        update(session, &|s| Scoring {
            revealed: true,
            ..s.clone()
        });
    }
    Edit::Lab(LabEdit::SetCurrentPhase(was)).apply(session);
}

/// Lays every theme out side by side (tidied through [`ThemeEdit::tidy`]), with the notes in
/// no theme in two rows below, and points the saved view at the whole board.
pub fn lay_out(session: &mut Session) {
    let mut x = 0.0;
    let ids: Vec<ThemeId> = session.themes.iter().map(|t| t.id).collect();
    for id in ids {
        let anchor = CanvasPos::new(x, 0.0);
        Edit::Theme(ThemeEdit::MoveAnchors(vec![(id, anchor)])).apply(session);
        let origin = session
            .theme(id)
            .expect("the theme exists")
            .content_origin();
        let members: Vec<NoteId> = session.theme_members(id).map(|n| n.id).collect();
        let slots = grid_slots(origin, THEME_COLUMNS, members.len(), |_| false);
        let membership = members
            .into_iter()
            .zip(slots)
            .map(|(n, pos)| (n, Some(id), pos))
            .collect();
        Edit::Theme(ThemeEdit::SetMembership(membership)).apply(session);
        Edit::Theme(ThemeEdit::tidy(session, id)).apply(session);
        let frame = session.theme_frame(id).expect("the theme exists").frame;
        x = frame.max.x + 3.0 * NOTE_GAP;
    }
    let bottom = session
        .theme_frames()
        .iter()
        .map(|f| f.frame.max.y)
        .fold(0.0, f32::max);
    let mut loose: Vec<&Note> = session.notes.iter().filter(|n| n.theme.is_none()).collect();
    loose.sort_by_key(|n| (n.phase, n.id));
    let loose: Vec<NoteId> = loose.iter().map(|n| n.id).collect();
    let per_row = loose.len().div_ceil(2);
    let origin = CanvasPos::new(0.0, bottom + 3.0 * NOTE_GAP);
    let slots = grid_slots(origin, per_row, loose.len(), |_| false);
    Edit::MoveNotes(loose.into_iter().zip(slots).collect()).apply(session);
    let Some(bounds) = session
        .theme_frames()
        .iter()
        .map(|f| f.frame)
        .chain(session.bounds())
        .reduce(CanvasRect::union)
    else {
        return;
    };
    session.view.center = bounds.center();
    session.view.zoom = 0.5;
}

/// Runs the vote as the room did: the facilitator starts a secret, anonymous pass-the-laptop
/// vote on the themes, each participant places their dots and hands on, then the facilitator
/// reveals and closes it.
fn vote(session: &mut Session) {
    let options = VoteOn::Themes.options(session);
    let people = session.participants.iter().map(|p| p.id).collect();
    let mut settings = RoundSettings::new(options, people);
    settings.question = VOTE_QUESTION.to_owned();
    let start = session
        .voting
        .start(session, settings)
        .expect("the example's vote settings are valid");
    Edit::Vote(start).apply(session);
    let round = session.voting.current().expect("the vote was started").id;
    for (person, themes) in BALLOTS {
        let voter = Voter::Person(ParticipantId(person));
        for theme in themes {
            let current = session.voting.round(round).expect("the round exists");
            let dot = current
                .place_dot(session, voter, VoteOption::Theme(theme), 1)
                .expect("each ballot keeps to the budget and the limit");
            Edit::Vote(dot).apply(session);
        }
        Edit::Vote(VoteEdit::SetDone {
            round,
            participant: ParticipantId(person),
            done: true,
        })
        .apply(session);
    }
    Edit::Vote(VoteEdit::SetState {
        round,
        state: RoundState::Revealed,
    })
    .apply(session);
    // As the app's "Close vote" does: the names are recorded with the close.
    let close = session.voting.close(session, round);
    Edit::Vote(close).apply(session);
}
