//! The shipped example's 3-month review (`sessions/example-council-3-month-review.ron`), made
//! as a follow-up of the example lab through the app's own edits: the three actions reviewed
//! (done, in progress and overdue, blocked), the four maturity questions scored again by the
//! six people in the room, a few notes on what is in the way now, a new theme, and a new
//! action for the theme the lab left without one.
//!
//! Include it after the council builder:
//! `#[path = "common/council.rs"] mod council;` then `#[path = "common/review.rs"] mod review;`.

#![allow(dead_code, reason = "each test file uses a different part")]

use chrono::NaiveDate;
use goldthread::model::followup::{follow_up, follow_up_title, fresh_id};
use goldthread::model::lab::{Action, ActionId, ActionStatus, OutcomeId, Owner};
use goldthread::model::theme::{THEME_COLUMNS, grid_slots};
use goldthread::model::{
    CanvasPos, CanvasRect, Edit, LabEdit, Note, NoteColour, NoteId, ParticipantId, PhaseId,
    Session, ThemeEdit, ThemeId,
};

use crate::council::{
    CULTURE, DATA, INFRASTRUCTURE, ONLINE, SKILLS, date, example_session, lay_out, score_maturity,
};

/// The file name of the shipped lab the review follows up.
pub const LAB_FILE: &str = "example-council-digital-strategy.ron";

/// The day of the review: a little under four months after the lab.
pub fn review_date() -> NaiveDate {
    date(2027, 3, 16)
}

/// How the room reviewed each carried action: (action, status, progress note).
pub const REVIEWED: [(ActionId, ActionStatus, &str); 3] = [
    (
        ActionId(1),
        ActionStatus::Done,
        "Agreed by the data board on 10 February",
    ),
    (
        ActionId(2),
        ActionStatus::InProgress,
        "Two of the three estates are live",
    ),
    (
        ActionId(3),
        ActionStatus::Blocked,
        "No trainer until the new budget in April",
    ),
];

/// The maturity scores at the review, from the six people in the room. Medians 3, 2, 2 and 3:
/// up 1, no change, up 0.5 and up 2 on the lab's 2, 2, 1.5 and 1.
pub const REVIEW_SCORES: [(u64, [u8; 4]); 6] = [
    (1, [3, 2, 2, 3]),
    (2, [3, 3, 2, 4]),
    (3, [2, 2, 1, 3]),
    (4, [4, 3, 2, 4]),
    (5, [3, 2, 2, 3]),
    (6, [3, 2, 1, 2]),
];

/// The theme the review adds.
pub const LEADERSHIP: &str = "Leadership";

/// Notes written at the review: (theme, or the new theme when `None`; author; text).
pub const REVIEW_NOTES: [(Option<ThemeId>, u64, &str); 7] = [
    (
        Some(DATA),
        4,
        "The data standard needs a named owner in each service",
    ),
    (
        Some(DATA),
        3,
        "Adult social care records still use the old address format",
    ),
    (
        Some(ONLINE),
        2,
        "Repairs reported online doubled on the two pilot estates",
    ),
    (
        Some(ONLINE),
        6,
        "Residents on the third estate asked for the pilot too",
    ),
    (
        Some(INFRASTRUCTURE),
        1,
        "The wifi in the housing offices is fixed",
    ),
    (
        None,
        5,
        "The digital board now meets monthly and has a chair",
    ),
    (
        None,
        7,
        "Partners want a short digital update after each board",
    ),
];

/// The action the review adds for Culture, the top theme the lab left without one.
pub fn culture_action(id: ActionId) -> Action {
    Action {
        owner: Some(Owner::Participant(ParticipantId(5))),
        due: Some(date(2027, 4, 30)),
        theme: Some(CULTURE),
        outcome: Some(OutcomeId(2)),
        ..Action::new(
            id,
            "Take the culture theme to the leadership team and name a sponsor",
        )
    }
}

/// The shipped 3-month review.
pub fn review_session() -> Session {
    let lab = example_session();
    let today = review_date();
    let mut session = follow_up(&lab, LAB_FILE, follow_up_title(&lab, today), today);
    // A fixed id, so the shipped pair is the same each time it is written.
    session.id = fresh_id(20_270_316);
    for (id, status, note) in REVIEWED {
        let action = session.lab.action(id).expect("carried over").clone();
        let reviewed = action.with_status(status, today).with_progress(note, today);
        Edit::Lab(LabEdit::UpdateAction(reviewed)).apply(&mut session);
    }
    score_maturity(&mut session, &REVIEW_SCORES);
    write_notes(&mut session);
    // The themes raised again first (as the themes panel's ↓ would move the others down), laid
    // out side by side as in the lab, and the view on the themes that have notes.
    for quiet in [CULTURE, SKILLS] {
        let last = session.themes.len() - 1;
        Edit::Theme(ThemeEdit::Reorder {
            id: quiet,
            index: last,
        })
        .apply(&mut session);
    }
    lay_out(&mut session);
    let raised = session
        .theme_frames()
        .into_iter()
        .filter(|f| f.count > 0)
        .map(|f| f.frame)
        .reduce(CanvasRect::union);
    if let Some(raised) = raised {
        session.view.center = raised.center();
    }
    let action = culture_action(session.lab.next_action_id());
    Edit::Lab(LabEdit::add_action(&session, action)).apply(&mut session);
    let actions = session
        .lab
        .phases
        .iter()
        .find(|p| p.name == "Actions")
        .map(|p| p.id);
    Edit::Lab(LabEdit::SetCurrentPhase(actions)).apply(&mut session);
    session
}

/// The review's notes, in the "Constraints and challenges" phase, sorted into the carried
/// themes and one new theme, as the Board's capture box and number keys would.
fn write_notes(session: &mut Session) {
    let phase = session
        .lab
        .phases
        .iter()
        .find(|p| p.name.starts_with("Constraints"))
        .map(|p| p.id)
        .unwrap_or(PhaseId(3));
    let first = session.next_note_id().0;
    let notes: Vec<Note> = REVIEW_NOTES
        .iter()
        .enumerate()
        .map(|(i, (_, author, text))| {
            let mut note = Note::new(
                NoteId(first + i as u64),
                *text,
                NoteColour::Yellow,
                CanvasPos::new(i as f32 * 264.0, 1400.0),
            );
            note.phase = Some(phase);
            note.author = Some(ParticipantId(*author));
            note
        })
        .collect();
    Edit::add_notes(session, notes).apply(session);
    for theme in [DATA, ONLINE, INFRASTRUCTURE] {
        let ids: Vec<NoteId> = REVIEW_NOTES
            .iter()
            .enumerate()
            .filter(|(_, (t, _, _))| *t == Some(theme))
            .map(|(i, _)| NoteId(first + i as u64))
            .collect();
        let origin = session.theme(theme).expect("carried").content_origin();
        let slots = grid_slots(origin, THEME_COLUMNS, ids.len(), |_| false);
        let membership = ids
            .into_iter()
            .zip(slots)
            .map(|(n, pos)| (n, Some(theme), pos))
            .collect();
        Edit::Theme(ThemeEdit::SetMembership(membership)).apply(session);
        Edit::Theme(ThemeEdit::tidy(session, theme)).apply(session);
    }
    let new: Vec<NoteId> = REVIEW_NOTES
        .iter()
        .enumerate()
        .filter(|(_, (t, _, _))| t.is_none())
        .map(|(i, _)| NoteId(first + i as u64))
        .collect();
    let (_, edit) = ThemeEdit::create(session, Some(LEADERSHIP.to_owned()), &new);
    edit.apply(session);
}
