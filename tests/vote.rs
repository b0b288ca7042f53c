//! Protects the dot-voting rules: the suggested budget, budgets and per-option limits, the
//! tally's order and ties, runoffs, undo of every dot, deleted options giving their dots back,
//! bad settings refused with a clear message, and votes surviving a save and a damaged file.

use chrono::NaiveDate;
use goldthread::model::vote::{check_participant_name, suggested_budget};
use goldthread::model::{
    Participant, ParticipantId, RoundId, RoundSettings, RoundState, Theme, ThemeId, VoteEdit,
    VoteError, VoteMode, VoteOn, VoteOption, Voter,
};
use goldthread::{CanvasPos, Edit, History, Note, NoteColour, NoteId, Session};

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

const PEOPLE: [&str; 6] = ["Ana", "Ben", "Chloe", "Dev", "Esi", "Finn"];

/// A session with `themes` themes (ids 1..) and six named participants (ids 1..=6).
fn session(themes: u64) -> Session {
    let mut s = Session::new("Vote", date());
    for i in 1..=themes {
        s.themes.push(Theme::new(ThemeId(i), format!("Theme {i}")));
    }
    let people = PEOPLE
        .iter()
        .enumerate()
        .map(|(i, n)| (i, Participant::new(ParticipantId(i as u64 + 1), *n)))
        .collect();
    Edit::InsertParticipants(people).apply(&mut s);
    s
}

fn theme(i: u64) -> VoteOption {
    VoteOption::Theme(ThemeId(i))
}

fn person(i: u64) -> Voter {
    Voter::Person(ParticipantId(i))
}

fn everyone(s: &Session) -> Vec<ParticipantId> {
    s.participants.iter().map(|p| p.id).collect()
}

/// Starts a vote on every theme with `dots` dots per person and `max` per option.
fn start(s: &mut Session, h: &mut History, dots: u32, max: u32) -> RoundId {
    let mut settings = RoundSettings::new(VoteOn::Themes.options(s), everyone(s));
    settings.dots_per_person = dots;
    settings.max_per_option = max;
    let edit = s.voting.start(s, settings).expect("valid settings");
    h.apply(s, Edit::Vote(edit));
    s.voting.current().expect("a round").id
}

/// Places one dot, which must be allowed.
fn dot(s: &mut Session, h: &mut History, round: RoundId, voter: Voter, option: VoteOption) {
    let edit = s
        .voting
        .round(round)
        .unwrap()
        .place_dot(s, voter, option, 1)
        .unwrap_or_else(|e| panic!("dot refused: {e}"));
    h.apply(s, Edit::Vote(edit));
}

fn try_dot(s: &Session, round: RoundId, voter: Voter, option: VoteOption) -> Result<(), VoteError> {
    s.voting
        .round(round)
        .unwrap()
        .place_dot(s, voter, option, 1)
        .map(|_| ())
}

#[test]
fn suggested_budget_is_about_one_dot_per_four_options_between_3_and_10() {
    let cases = [
        (0, 3),
        (1, 3),
        (8, 3),
        (13, 3),
        (14, 4),
        (16, 4),
        (20, 5),
        (30, 8),
        (40, 10),
        (400, 10),
    ];
    for (options, dots) in cases {
        assert_eq!(suggested_budget(options).dots, dots, "{options} options");
    }
    let s = suggested_budget(20);
    assert_eq!(
        s.reason,
        "5 for 20 options: about one dot per four options, at least 3, at most 10."
    );
    // New settings take the suggestion.
    let settings = RoundSettings::new((1..=20).map(theme).collect(), Vec::new());
    assert_eq!(settings.dots_per_person, 5);
    assert_eq!(settings.max_per_option, 1);
}

#[test]
fn a_budget_is_enforced_with_a_clear_message() {
    let mut s = session(8);
    let mut h = History::default();
    let r = start(&mut s, &mut h, 3, 1);
    for i in 1..=3 {
        dot(&mut s, &mut h, r, person(1), theme(i));
    }
    let err = try_dot(&s, r, person(1), theme(4)).unwrap_err();
    assert_eq!(err, VoteError::BudgetSpent { budget: 3 });
    assert_eq!(
        err.to_string(),
        "All 3 dots are placed. Take one back to move it."
    );
    // Another person's budget is their own.
    dot(&mut s, &mut h, r, person(2), theme(4));
    // Taking one back frees it to move.
    let back = s
        .voting
        .round(r)
        .unwrap()
        .place_dot(&s, person(1), theme(1), -1)
        .unwrap();
    h.apply(&mut s, Edit::Vote(back));
    dot(&mut s, &mut h, r, person(1), theme(4));
    assert_eq!(s.voting.round(r).unwrap().used(&s, person(1)), 3);
}

#[test]
fn the_per_option_limit_is_enforced_and_can_be_raised_up_to_the_budget() {
    let mut s = session(8);
    let mut h = History::default();
    let r = start(&mut s, &mut h, 5, 2);
    dot(&mut s, &mut h, r, person(1), theme(1));
    dot(&mut s, &mut h, r, person(1), theme(1));
    let err = try_dot(&s, r, person(1), theme(1)).unwrap_err();
    assert_eq!(err, VoteError::OptionLimit { limit: 2 });
    assert_eq!(err.to_string(), "At most 2 dots per option in this vote.");
    assert_eq!(
        s.voting
            .round(r)
            .unwrap()
            .place_dot(&s, person(1), theme(2), -1),
        Err(VoteError::NoDotToRemove)
    );
}

#[test]
fn bad_settings_are_refused_with_a_clear_message() {
    let s = session(8);
    let ok = RoundSettings::new(VoteOn::Themes.options(&s), everyone(&s));
    assert_eq!(ok.validate(&s), Ok(()));

    let mut zero = ok.clone();
    zero.dots_per_person = 0;
    assert_eq!(zero.validate(&s), Err(VoteError::ZeroBudget));
    assert_eq!(
        VoteError::ZeroBudget.to_string(),
        "Each person needs at least 1 dot."
    );

    let mut above = ok.clone();
    above.max_per_option = 4;
    let err = above.validate(&s).unwrap_err();
    assert_eq!(
        err,
        VoteError::LimitAboveBudget {
            limit: 4,
            budget: 3
        }
    );
    assert!(
        err.to_string()
            .contains("more than the 3 dots each person has")
    );

    let mut nobody = ok.clone();
    nobody.participants.clear();
    assert_eq!(nobody.validate(&s), Err(VoteError::NoVoters));
    // Tally the room works with a head count instead of names.
    nobody.mode = VoteMode::Tally;
    assert_eq!(nobody.validate(&s), Err(VoteError::NoVoters));
    nobody.room_size = 12;
    assert_eq!(nobody.validate(&s), Ok(()));
}

#[test]
fn voting_on_an_empty_session_is_refused() {
    let s = session(0);
    let options = VoteOn::default_for(&s).options(&s);
    assert!(options.is_empty());
    let settings = RoundSettings::new(options, everyone(&s));
    let err = s.voting.start(&s, settings).unwrap_err();
    assert_eq!(err, VoteError::NothingToVoteOn);
    assert!(err.to_string().contains("nothing to vote on"));
    assert!(s.voting.rounds.is_empty());
}

#[test]
fn votes_are_on_themes_when_there_are_themes_else_on_notes() {
    let mut s = session(0);
    s.notes.push(Note::new(
        NoteId(1),
        "Open data",
        NoteColour::Yellow,
        CanvasPos::default(),
    ));
    assert_eq!(VoteOn::default_for(&s), VoteOn::Notes);
    assert_eq!(
        VoteOn::default_for(&s).options(&s),
        [VoteOption::Note(NoteId(1))]
    );
    s.themes.push(Theme::new(ThemeId(1), "Data"));
    assert_eq!(VoteOn::default_for(&s), VoteOn::Themes);
}

#[test]
fn participant_names_must_be_given_and_tell_people_apart() {
    let s = session(0);
    assert_eq!(
        check_participant_name("   ", &s.participants),
        Err(VoteError::UnnamedParticipant)
    );
    assert_eq!(
        VoteError::UnnamedParticipant.to_string(),
        "A participant needs a name: type it first."
    );
    let err = check_participant_name(" ana ", &s.participants).unwrap_err();
    assert!(err.to_string().starts_with("ana is already on the list"));
    assert_eq!(
        check_participant_name("  Gita ", &s.participants),
        Ok("Gita".to_owned())
    );
}

#[test]
fn the_tally_is_ranked_with_ties_marked_and_the_same_every_time() {
    let mut s = session(5);
    let mut h = History::default();
    let r = start(&mut s, &mut h, 3, 1);
    // Theme 4: 3 dots; themes 2 and 5: 2 each; theme 1: 1; theme 3: none.
    for (p, options) in [(1, [4, 2, 5]), (2, [4, 2, 5]), (3, [4, 1, 3])] {
        for o in options {
            dot(&mut s, &mut h, r, person(p), theme(o));
        }
    }
    let back = s
        .voting
        .round(r)
        .unwrap()
        .place_dot(&s, person(3), theme(3), -1)
        .unwrap();
    h.apply(&mut s, Edit::Vote(back));
    let tally = s.voting.round(r).unwrap().tally(&s);
    let rows: Vec<(VoteOption, u32, usize, bool)> = tally
        .rows
        .iter()
        .map(|r| (r.option, r.dots, r.rank, r.tied))
        .collect();
    assert_eq!(
        rows,
        [
            (theme(4), 3, 1, false),
            (theme(2), 2, 2, true),
            (theme(5), 2, 2, true),
            (theme(1), 1, 4, false),
            (theme(3), 0, 5, false),
        ]
    );
    assert_eq!(tally.total_dots, 8);
    assert!(tally.tied_for_first().is_empty());
    assert_eq!(
        tally.top(2),
        [theme(4), theme(2), theme(5)],
        "a tie is never cut"
    );
    assert_eq!(tally, s.voting.round(r).unwrap().tally(&s), "deterministic");
}

#[test]
fn dots_by_option_shows_nothing_until_the_reveal() {
    let mut s = session(3);
    let mut h = History::default();
    let r = start(&mut s, &mut h, 3, 1);
    dot(&mut s, &mut h, r, person(1), theme(2));
    assert!(s.voting.dots_by_option().is_empty(), "secret until reveal");
    h.apply(
        &mut s,
        Edit::Vote(VoteEdit::SetState {
            round: r,
            state: RoundState::Revealed,
        }),
    );
    assert_eq!(
        s.voting.dots_by_option(),
        [(theme(2), 1), (theme(1), 0), (theme(3), 0)],
        "every theme of the vote, best first"
    );
    assert_eq!(s.voting.dots_on(theme(2)), 1);
}

#[test]
fn every_dot_is_undoable_until_the_vote_is_closed() {
    let mut s = session(4);
    let mut h = History::default();
    let r = start(&mut s, &mut h, 3, 1);
    let before = s.clone();
    dot(&mut s, &mut h, r, person(1), theme(1));
    dot(&mut s, &mut h, r, person(2), theme(1));
    assert!(h.undo(&mut s));
    assert!(h.undo(&mut s));
    assert_eq!(
        s, before,
        "undo takes both dots back and leaves no empty ballot"
    );
    assert!(h.redo(&mut s));
    assert_eq!(s.voting.round(r).unwrap().dots(person(1), theme(1)), 1);

    h.apply(
        &mut s,
        Edit::Vote(VoteEdit::SetState {
            round: r,
            state: RoundState::Closed,
        }),
    );
    assert_eq!(try_dot(&s, r, person(3), theme(1)), Err(VoteError::Closed));
    // An edit that slips through is ignored: the closed result cannot change.
    let locked = s.clone();
    let forced = VoteEdit::SetDots {
        round: r,
        voter: person(1),
        option: theme(1),
        count: 0,
    };
    h.apply(&mut s, Edit::Vote(forced));
    assert_eq!(s, locked);
}

#[test]
fn a_confirmed_ballot_cannot_change_even_by_undo_until_it_is_reopened() {
    let mut s = session(4);
    let mut h = History::default();
    let r = start(&mut s, &mut h, 3, 1);
    dot(&mut s, &mut h, r, person(1), theme(1));
    let done = |done| {
        Edit::Vote(VoteEdit::SetDone {
            round: r,
            participant: ParticipantId(1),
            done,
        })
    };
    h.apply(&mut s, done(true));
    assert_eq!(
        try_dot(&s, r, person(1), theme(2)),
        Err(VoteError::BallotDone)
    );
    // The next person presses Ctrl+Z twice: Ana's ballot stays in the box with its dot.
    let boxed = s.clone();
    assert!(h.undo(&mut s));
    assert!(h.undo(&mut s));
    assert_eq!(s.voting, boxed.voting);
    // Undo of the vote's start does not throw the ballot away either.
    assert!(h.undo(&mut s));
    assert_eq!(s.voting, boxed.voting);
    // The facilitator can reopen it explicitly; that is undoable.
    h.apply(&mut s, done(false));
    assert_eq!(try_dot(&s, r, person(1), theme(2)), Ok(()));
    assert!(h.undo(&mut s));
    assert!(s.voting.round(r).unwrap().is_done(ParticipantId(1)));
}

#[test]
fn deleting_an_option_gives_its_dots_back_and_undo_restores_them() {
    let mut s = session(4);
    let mut h = History::default();
    let r = start(&mut s, &mut h, 3, 1);
    for o in [1, 2, 3] {
        dot(&mut s, &mut h, r, person(1), theme(o));
    }
    assert_eq!(
        s.voting.dots_on(theme(2)),
        1,
        "ask before deleting: it has a dot"
    );
    let kept = s.themes.remove(1); // The themes screen deletes theme 2 after asking.
    let round = s.voting.round(r).unwrap();
    assert_eq!(
        round.used(&s, person(1)),
        2,
        "the dot came back to the voter"
    );
    assert!(
        round
            .tally(&s)
            .rows
            .iter()
            .all(|row| row.option != theme(2))
    );
    assert_eq!(
        round.place_dot(&s, person(1), theme(2), 1),
        Err(VoteError::UnknownOption(theme(2)))
    );
    dot(&mut s, &mut h, r, person(1), theme(4));
    // The ballot still holds the old dot, so bringing the theme back restores it.
    s.themes.insert(1, kept);
    assert_eq!(s.voting.round(r).unwrap().dots(person(1), theme(2)), 1);
}

#[test]
fn a_closed_result_keeps_an_option_deleted_after_closing_with_its_name() {
    let mut s = session(3);
    let mut h = History::default();
    let r = start(&mut s, &mut h, 3, 2);
    dot(&mut s, &mut h, r, person(1), theme(2));
    dot(&mut s, &mut h, r, person(1), theme(2));
    dot(&mut s, &mut h, r, person(2), theme(1));
    s.themes[1].name = "Data".to_owned(); // Renamed while the room votes.
    let close = s.voting.close(&s, r);
    h.apply(&mut s, Edit::Vote(close));
    assert_eq!(s.voting.round(r).unwrap().state, RoundState::Closed);
    let before = s.voting.round(r).unwrap().tally(&s);
    s.themes.remove(1); // Theme 2, the winner, is deleted after the vote closed.
    let round = s.voting.round(r).unwrap();
    assert_eq!(round.tally(&s), before, "closing locks the result");
    let lookup = goldthread::model::vote::OptionLookup::new(&s);
    // Named as it was when the vote closed.
    assert_eq!(round.option_name(&lookup, theme(2)), "Data (deleted)");
    assert_eq!(round.option_name(&lookup, theme(1)), "Theme 1");
    // The names survive a save and a load.
    let text = goldthread::storage::to_ron(&s);
    let loaded = goldthread::storage::from_ron(&text).unwrap().session;
    let round = loaded.voting.round(r).unwrap();
    assert_eq!(round.tally(&loaded), before);
    assert_eq!(
        round.option_name(
            &goldthread::model::vote::OptionLookup::new(&loaded),
            theme(2)
        ),
        "Data (deleted)"
    );
    // Undoing the close reopens the vote with the names as they were before it.
    assert!(h.undo(&mut s));
    assert_eq!(s.voting.round(r).unwrap().state, RoundState::Open);
    assert_eq!(
        s.voting.round(r).unwrap().settings.names[&theme(2)],
        "Theme 2"
    );
}

#[test]
fn a_runoff_on_a_tie_is_a_new_round_and_keeps_the_first() {
    let mut s = session(8);
    let mut h = History::default();
    let r = start(&mut s, &mut h, 3, 1);
    for p in 1..=6 {
        dot(
            &mut s,
            &mut h,
            r,
            person(p),
            theme(if p % 2 == 0 { 3 } else { 6 }),
        );
    }
    // Runoffs come after the reveal.
    assert_eq!(s.voting.runoff(&s, r, None), Err(VoteError::RevealFirst));
    h.apply(
        &mut s,
        Edit::Vote(VoteEdit::SetState {
            round: r,
            state: RoundState::Revealed,
        }),
    );
    let first = s.voting.round(r).unwrap().clone();
    assert_eq!(first.tally(&s).tied_for_first(), [theme(3), theme(6)]);
    let runoff = s.voting.runoff(&s, r, None).unwrap();
    h.apply(&mut s, Edit::Vote(runoff));
    assert_eq!(s.voting.rounds.len(), 2, "earlier rounds are kept");
    assert_eq!(s.voting.rounds[0].state, RoundState::Closed);
    assert_eq!(s.voting.rounds[0].ballots, first.ballots);
    let second = s.voting.current().unwrap();
    assert_eq!(second.settings.options, [theme(3), theme(6)]);
    assert_eq!(second.state, RoundState::Open);
    assert!(second.ballots.is_empty(), "a fresh budget");
    assert_eq!(
        second.settings.dots_per_person, 1,
        "two options: one dot each, a real choice"
    );
    assert_eq!(second.settings.participants, first.settings.participants);
    // One undo takes the whole runoff back.
    assert!(h.undo(&mut s));
    assert_eq!(s.voting.rounds.len(), 1);
    assert_eq!(s.voting.rounds[0].state, RoundState::Revealed);
}

#[test]
fn a_runoff_needs_a_tie_or_a_real_shortlist() {
    let mut s = session(4);
    let mut h = History::default();
    let r = start(&mut s, &mut h, 3, 1);
    dot(&mut s, &mut h, r, person(1), theme(1));
    dot(&mut s, &mut h, r, person(1), theme(2));
    dot(&mut s, &mut h, r, person(2), theme(1));
    h.apply(
        &mut s,
        Edit::Vote(VoteEdit::SetState {
            round: r,
            state: RoundState::Revealed,
        }),
    );
    assert_eq!(s.voting.runoff(&s, r, None), Err(VoteError::NoTieAtTop));
    assert_eq!(
        s.voting.runoff(&s, r, Some(1)),
        Err(VoteError::RunoffNeedsTwo)
    );
    let edit = s.voting.runoff(&s, r, Some(2)).unwrap();
    h.apply(&mut s, Edit::Vote(edit));
    assert_eq!(
        s.voting.current().unwrap().settings.options,
        [theme(1), theme(2)]
    );
}

#[test]
fn tally_the_room_allows_the_room_s_dots() {
    let mut s = session(3);
    let mut h = History::default();
    let mut settings = RoundSettings::new(VoteOn::Themes.options(&s), Vec::new());
    settings.mode = VoteMode::Tally;
    settings.room_size = 2;
    let edit = s.voting.start(&s, settings).unwrap();
    h.apply(&mut s, Edit::Vote(edit));
    let r = s.voting.current().unwrap().id;
    dot(&mut s, &mut h, r, Voter::Room, theme(1));
    dot(&mut s, &mut h, r, Voter::Room, theme(1));
    assert_eq!(
        try_dot(&s, r, Voter::Room, theme(1)),
        Err(VoteError::OptionLimit { limit: 2 }),
        "two people, one dot each per option"
    );
    for o in [2, 2, 3, 3] {
        dot(&mut s, &mut h, r, Voter::Room, theme(o));
    }
    assert_eq!(s.voting.round(r).unwrap().used(&s, Voter::Room), 6);
    assert_eq!(
        try_dot(&s, r, Voter::Room, theme(3)),
        Err(VoteError::BudgetSpent { budget: 6 }),
        "two people with three dots each"
    );
}

#[test]
fn a_vote_round_trips_through_the_session_file() {
    let mut s = session(8);
    let mut h = History::default();
    let r = start(&mut s, &mut h, 3, 2);
    dot(&mut s, &mut h, r, person(1), theme(1));
    dot(&mut s, &mut h, r, person(1), theme(1));
    dot(&mut s, &mut h, r, person(2), theme(8));
    h.apply(
        &mut s,
        Edit::Vote(VoteEdit::SetDone {
            round: r,
            participant: ParticipantId(1),
            done: true,
        }),
    );
    let text = goldthread::storage::to_ron(&s);
    let loaded = goldthread::storage::from_ron(&text).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.session.voting, s.voting);
    assert_eq!(loaded.session.voting.next_round_id(), RoundId(2));
}

#[test]
fn a_session_file_without_votes_still_opens() {
    let text = "(format_version: 1, session: (title: \"Old\", date: \"2026-11-22\"))";
    let loaded = goldthread::storage::from_ron(text).unwrap();
    assert!(loaded.session.voting.rounds.is_empty());
}

#[test]
fn deleting_a_voter_or_a_voted_theme_saves_a_file_that_opens_without_warnings() {
    // Both are ordinary edits in the app (the ballots are kept so undo can restore them, and
    // a closed result stays locked); the saved file is not damaged and must not say so.
    let mut s = session(3);
    let mut h = History::default();
    let r = start(&mut s, &mut h, 3, 1);
    dot(&mut s, &mut h, r, person(6), theme(3));
    h.apply(&mut s, Edit::RemoveParticipants(vec![ParticipantId(6)]));
    s.themes.retain(|t| t.id != ThemeId(3));
    let loaded = goldthread::storage::from_ron(&goldthread::storage::to_ron(&s)).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(
        loaded.session.voting, s.voting,
        "the ballot is kept as it was"
    );
}

#[test]
fn a_damaged_vote_is_repaired_and_reported_without_losing_ballots() {
    let mut s = session(3);
    let mut h = History::default();
    let r = start(&mut s, &mut h, 3, 1);
    dot(&mut s, &mut h, r, person(6), theme(1));
    dot(&mut s, &mut h, r, person(6), theme(3));
    s.participants.retain(|p| p.name != "Finn");
    s.themes.retain(|t| t.id != ThemeId(3));
    s.voting.rounds[0].settings.dots_per_person = 0;
    let text = goldthread::storage::to_ron(&s);
    let loaded = goldthread::storage::from_ron(&text).unwrap();
    let w = loaded.warnings.join("\n");
    assert_eq!(w, "Vote 1 had a budget of 0 dots; it is now 1.");
    let ballot = loaded.session.voting.rounds[0]
        .ballot(ParticipantId(6))
        .expect("the ballot is kept");
    assert_eq!(ballot.dots.len(), 2);
}
