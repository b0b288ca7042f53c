//! A realistic council session for tests (and for the lead to build the shipped example from):
//! Northfield Borough Council's digital strategy lab, made from the innovation-lab template,
//! with eight participants, a vision, two dated outcomes, 40 notes across three phases, five
//! themes and three actions with owners and dates.
//!
//! Include it with `#[path = "common/council.rs"] mod council;`.

#![allow(dead_code, reason = "each test file uses a different part")]

use chrono::NaiveDate;
use goldthread::model::lab::{Action, ActionId, Outcome, OutcomeId, Owner};
use goldthread::model::{
    CanvasPos, Edit, LabEdit, Level, Note, NoteColour, NoteId, Participant, ParticipantId, PhaseId,
    Session, Theme, ThemeId, VoteOption,
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
        },
        Action {
            id: ActionId(2),
            description: "Launch the online repairs pilot on three estates".to_owned(),
            owner: Some(Owner::Participant(ParticipantId(2))),
            due: Some(date(2027, 3, 15)),
            theme: Some(ONLINE),
            outcome: Some(OutcomeId(1)),
        },
        Action {
            id: ActionId(3),
            description: "Run digital skills drop-ins for front-line staff".to_owned(),
            owner: Some(Owner::Named("Learning and Development team".to_owned())),
            due: Some(date(2027, 6, 30)),
            theme: Some(SKILLS),
            outcome: Some(OutcomeId(2)),
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
