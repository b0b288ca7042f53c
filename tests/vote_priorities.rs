//! Protects the vote that sets the theme priorities: by default the first dot vote on themes,
//! chosen by the facilitator as one undo step, never replaced by a later show of hands or a poll
//! on notes, settled by its runoffs, named in one line wherever votes show, and ties marked even
//! at zero.

mod common;
#[path = "common/vote_lab.rs"]
mod vote_lab;

use goldthread::model::vote::Counted;
use goldthread::model::{
    ParticipantId, RoundId, RoundSettings, RoundState, ThemeId, VoteEdit, VoteMode, VoteOn,
    VoteOption, Voter,
};
use goldthread::{Edit, History, NoteId, Session};
use vote_lab::vote_session;

/// A session with four themes (ids 1..=4, a note in each) and eight participants (ids 1..=8).
fn session() -> Session {
    let themes = ["Theme 1", "Theme 2", "Theme 3", "Theme 4"];
    let people = ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"];
    vote_session("Priorities", &themes, &people)
}

fn theme(i: u64) -> VoteOption {
    VoteOption::Theme(ThemeId(i))
}

/// Starts a round with `settings`, sets the dots given (voter, option, count), reveals it.
fn held(
    s: &mut Session,
    h: &mut History,
    settings: RoundSettings,
    dots: &[(Voter, VoteOption, u32)],
) -> RoundId {
    let start = s.voting.start(s, settings).expect("valid settings");
    h.apply(s, Edit::Vote(start));
    let id = s.voting.current().unwrap().id;
    reveal_with(s, h, id, dots);
    id
}

fn reveal_with(s: &mut Session, h: &mut History, id: RoundId, dots: &[(Voter, VoteOption, u32)]) {
    for (voter, option, count) in dots {
        let round = s.voting.round(id).unwrap();
        let set = round
            .set_dots(s, *voter, *option, *count)
            .unwrap_or_else(|e| panic!("refused: {e}"));
        h.apply(s, Edit::Vote(set));
    }
    let reveal = VoteEdit::SetState {
        round: id,
        state: RoundState::Revealed,
    };
    h.apply(s, Edit::Vote(reveal));
}

fn dot_vote(s: &Session, question: &str) -> RoundSettings {
    let people = s.participants.iter().map(|p| p.id).collect();
    let mut settings = RoundSettings::new(VoteOn::Themes.options(s), people);
    settings.question = question.to_owned();
    settings
}

fn show_of_hands(s: &Session) -> RoundSettings {
    let mut settings = dot_vote(s, "Which quick win first?");
    settings.mode = VoteMode::Tally;
    settings.counted = Counted::Hands;
    settings.dots_per_person = 1;
    settings
}

fn p(i: u64) -> Voter {
    Voter::Person(ParticipantId(i))
}

/// The main vote: theme 2 first (3 dots), theme 1 second (2), themes 3 and 4 none.
fn main_vote(s: &mut Session, h: &mut History) -> RoundId {
    let settings = dot_vote(s, "Which themes should we act on first?");
    let dots = [
        (p(1), theme(2), 1),
        (p(2), theme(2), 1),
        (p(3), theme(2), 1),
        (p(1), theme(1), 1),
        (p(2), theme(1), 1),
    ];
    held(s, h, settings, &dots)
}

#[test]
fn a_later_show_of_hands_or_poll_on_notes_never_replaces_the_main_vote() {
    let mut s = session();
    let mut h = History::default();
    let main = main_vote(&mut s, &mut h);
    let before = s.voting.dots_by_option();
    assert_eq!(before[0], (theme(2), 3));

    // A show of hands that puts theme 4 first, then a poll on the notes.
    let hands = show_of_hands(&s);
    held(&mut s, &mut h, hands, &[(Voter::Room, theme(4), 7)]);
    let people = s.participants.iter().map(|p| p.id).collect();
    let poll = RoundSettings::new(VoteOn::Notes.options(&s), people);
    held(
        &mut s,
        &mut h,
        poll,
        &[(p(1), VoteOption::Note(NoteId(3)), 1)],
    );

    assert_eq!(s.voting.counting_round().map(|r| r.id), Some(main));
    assert_eq!(
        s.voting.dots_by_option(),
        before,
        "the priorities are unchanged"
    );
    let priorities = s.voting.priorities(&s).expect("a vote counts");
    assert_eq!(priorities.round, main);
    assert_eq!(priorities.rows[0].option, theme(2));
    assert_eq!(
        s.voting.dots_by_note(),
        [(VoteOption::Note(NoteId(3)), 1)],
        "the poll's dots stay on the notes"
    );
}

#[test]
fn choosing_the_vote_that_counts_is_one_undo_step_and_notes_can_never_count() {
    let mut s = session();
    let mut h = History::default();
    let main = main_vote(&mut s, &mut h);
    let hands = show_of_hands(&s);
    let show = held(&mut s, &mut h, hands, &[(Voter::Room, theme(4), 7)]);
    let candidates: Vec<RoundId> = s
        .voting
        .counting_candidates()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(candidates, [main, show]);

    h.apply(&mut s, Edit::Vote(VoteEdit::SetCounting(Some(show))));
    assert_eq!(s.voting.counting_round().map(|r| r.id), Some(show));
    assert_eq!(s.voting.dots_by_option()[0], (theme(4), 7));
    h.undo(&mut s);
    assert_eq!(s.voting.counting_round().map(|r| r.id), Some(main));
    h.redo(&mut s);
    assert_eq!(s.voting.counting_round().map(|r| r.id), Some(show));

    // A vote on notes cannot be chosen: the priorities fall back to the default.
    let people = s.participants.iter().map(|p| p.id).collect();
    let poll = RoundSettings::new(VoteOn::Notes.options(&s), people);
    let notes = held(&mut s, &mut h, poll, &[]);
    h.apply(&mut s, Edit::Vote(VoteEdit::SetCounting(Some(notes))));
    assert_eq!(s.voting.counting_round().map(|r| r.id), Some(main));
}

#[test]
fn with_only_a_show_of_hands_it_counts_until_a_dot_vote_is_revealed() {
    let mut s = session();
    let mut h = History::default();
    let hands = show_of_hands(&s);
    let show = held(&mut s, &mut h, hands, &[(Voter::Room, theme(3), 5)]);
    assert_eq!(s.voting.counting_round().map(|r| r.id), Some(show));
    let main = main_vote(&mut s, &mut h);
    assert_eq!(s.voting.counting_round().map(|r| r.id), Some(main));
}

#[test]
fn an_open_vote_never_counts_so_its_secret_totals_never_show() {
    let mut s = session();
    let mut h = History::default();
    let settings = dot_vote(&s, "");
    let start = s.voting.start(&s, settings).unwrap();
    h.apply(&mut s, Edit::Vote(start));
    let id = s.voting.current().unwrap().id;
    let set = s
        .voting
        .round(id)
        .unwrap()
        .set_dots(&s, p(1), theme(1), 1)
        .unwrap();
    h.apply(&mut s, Edit::Vote(set));
    assert!(s.voting.priorities(&s).is_none());
    assert!(s.voting.dots_by_option().is_empty());
}

#[test]
fn a_runoff_settles_the_order_of_the_tied_themes() {
    let mut s = session();
    let mut h = History::default();
    let settings = dot_vote(&s, "Which themes should we act on first?");
    // Themes 1 and 3 tie for first on 2; theme 2 has 1; theme 4 none.
    let dots = [
        (p(1), theme(1), 1),
        (p(2), theme(1), 1),
        (p(3), theme(3), 1),
        (p(4), theme(3), 1),
        (p(5), theme(2), 1),
    ];
    let main = held(&mut s, &mut h, settings, &dots);
    let runoff = s.voting.runoff(&s, main, None).unwrap();
    h.apply(&mut s, Edit::Vote(runoff));
    let second = s.voting.current().unwrap().id;
    // While the runoff is open its totals are secret: the tie stands.
    let open = s.voting.priorities(&s).unwrap();
    assert!(open.rows[0].tied && open.rows[1].tied);
    assert!(open.runoffs.is_empty());

    reveal_with(
        &mut s,
        &mut h,
        second,
        &[
            (p(1), theme(3), 1),
            (p(2), theme(3), 1),
            (p(3), theme(1), 1),
        ],
    );
    let priorities = s.voting.priorities(&s).unwrap();
    assert_eq!(
        priorities.round, main,
        "the runoff belongs to the main vote"
    );
    assert_eq!(priorities.runoffs, [second]);
    let rows: Vec<(VoteOption, u32, Option<u32>, usize, bool)> = priorities
        .rows
        .iter()
        .map(|r| (r.option, r.dots, r.runoff, r.rank, r.tied))
        .collect();
    assert_eq!(
        rows,
        [
            (theme(3), 2, Some(2), 1, false),
            (theme(1), 2, Some(1), 2, false),
            (theme(2), 1, None, 3, false),
            (theme(4), 0, None, 4, false),
        ]
    );
    let order: Vec<VoteOption> = s.voting.dots_by_option().iter().map(|(o, _)| *o).collect();
    assert_eq!(order, [theme(3), theme(1), theme(2), theme(4)]);
    assert_eq!(
        priorities.description,
        "Dot vote: Which themes should we act on first? 8 people, 3 dots each, runoff on a tie"
    );
}

#[test]
fn the_description_names_the_method_the_question_the_people_and_the_dots() {
    let mut s = session();
    let mut h = History::default();
    let main = main_vote(&mut s, &mut h);
    assert_eq!(
        s.voting.describe(main),
        "Dot vote: Which themes should we act on first? 8 people, 3 dots each"
    );
    let mut hands = show_of_hands(&s);
    hands.question = "Quick win".to_owned();
    hands.room_size = 20;
    let show = held(&mut s, &mut h, hands, &[]);
    assert_eq!(
        s.voting.describe(show),
        "Show of hands: Quick win. 20 people, up to 1 vote each"
    );
    let top = s.voting.runoff(&s, main, Some(2)).unwrap();
    h.apply(&mut s, Edit::Vote(top));
    assert_eq!(
        s.voting.describe(main),
        "Dot vote: Which themes should we act on first? 8 people, 3 dots each, runoff on the top 2 (under way)"
    );
    let untitled = dot_vote(&s, "");
    let id = held(&mut s, &mut h, untitled, &[]);
    assert_eq!(
        s.voting.describe(id),
        "Dot vote on the themes: 8 people, 3 dots each"
    );
}

#[test]
fn ties_are_ties_even_at_zero() {
    let mut s = session();
    let mut h = History::default();
    let main = main_vote(&mut s, &mut h);
    let tally = s.voting.round(main).unwrap().tally(&s);
    let zero: Vec<(VoteOption, usize, bool)> = tally
        .rows
        .iter()
        .filter(|r| r.dots == 0)
        .map(|r| (r.option, r.rank, r.tied))
        .collect();
    assert_eq!(zero, [(theme(3), 3, true), (theme(4), 3, true)]);
    assert!(tally.tied_for_first().is_empty());
    let priorities = s.voting.priorities(&s).unwrap();
    assert!(priorities.rows[2].tied && priorities.rows[3].tied);
    assert_eq!(priorities.rows[3].rank, 3);
}

#[test]
fn the_choice_survives_saving_and_an_older_file_without_it_opens() {
    let mut s = session();
    let mut h = History::default();
    main_vote(&mut s, &mut h);
    let hands = show_of_hands(&s);
    let show = held(&mut s, &mut h, hands, &[(Voter::Room, theme(4), 7)]);
    h.apply(&mut s, Edit::Vote(VoteEdit::SetCounting(Some(show))));
    let text = goldthread::storage::to_ron(&s);
    assert!(text.contains("counted: Hands"), "the show of hands is kept");
    let back = goldthread::storage::from_ron(&text).expect("the file reads back");
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    assert_eq!(
        back.session.voting.counting_round().map(|r| r.id),
        Some(show)
    );

    let older = text.replace(&format!("counting: Some({}),", show.0), "");
    assert_ne!(older, text, "the field was written");
    let old = goldthread::storage::from_ron(&older).expect("an older file opens");
    assert_eq!(old.session.voting.counting, None);
}
