//! Protects the example session that ships in `sessions/`: it is generated from the council
//! builder through the app's own edits (run the ignored test with GOLDTHREAD_EXAMPLE_OUT set to
//! regenerate it), and the shipped file shows a new user a whole, finished innovation lab.

#[path = "common/council.rs"]
mod council;
#[path = "common/review.rs"]
mod review;

use std::path::{Path, PathBuf};

use council::*;
use goldthread::export::markdown;
use goldthread::model::lab::golden_thread::{Break, breaks};
use goldthread::model::{RoundState, Session, VoteMode, VoteOption};
use goldthread::storage::{load_file, to_ron};

fn shipped_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/example-council-digital-strategy.ron")
}

fn review_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/example-council-3-month-review.ron")
}

fn shipped() -> Session {
    load_shipped(&shipped_path())
}

fn shipped_review() -> Session {
    load_shipped(&review_path())
}

fn load_shipped(path: &Path) -> Session {
    let loaded = load_file(path).expect("the shipped example loads");
    assert!(
        loaded.warnings.is_empty(),
        "the example loads without warnings: {:?}",
        loaded.warnings
    );
    assert_eq!(
        loaded.migrated_from, None,
        "the example is in the current format"
    );
    loaded.session
}

/// Writes the example lab and its 3-month review beside it. Run with
/// `GOLDTHREAD_EXAMPLE_OUT=sessions/example-council-digital-strategy.ron cargo test --test example -- --ignored`.
#[test]
#[ignore = "writes the shipped examples when GOLDTHREAD_EXAMPLE_OUT is set"]
fn write_the_example_session() {
    let Ok(out) = std::env::var("GOLDTHREAD_EXAMPLE_OUT") else {
        eprintln!("GOLDTHREAD_EXAMPLE_OUT is not set: nothing written");
        return;
    };
    let out = PathBuf::from(out);
    std::fs::write(&out, to_ron(&example_session())).unwrap();
    let review = out.with_file_name("example-council-3-month-review.ron");
    std::fs::write(review, to_ron(&review::review_session())).unwrap();
}

#[test]
fn the_shipped_example_is_what_the_builder_makes() {
    let built = example_session();
    let file = shipped();
    assert_eq!(
        file.title, built.title,
        "regenerate the example (see above)"
    );
    assert_eq!(file.notes.len(), built.notes.len());
    assert_eq!(file.voting.rounds, built.voting.rounds);
    assert_eq!(file.lab, built.lab);
    assert_eq!(file.themes, built.themes, "the same layout and colours");
    assert_eq!(file.id, built.id, "the id the review links to");
    let review = review::review_session();
    let file = shipped_review();
    assert_eq!(
        file.title, review.title,
        "regenerate the examples (see above)"
    );
    assert_eq!(file.lab, review.lab);
    assert_eq!(file.previous, review.previous);
    assert_eq!(file.notes.len(), review.notes.len());
}

#[test]
fn the_example_has_a_title_forty_notes_and_every_phase() {
    let s = shipped();
    assert!(s.title.starts_with("Example:"), "{}", s.title);
    assert!(s.notes.len() >= 40, "{} notes", s.notes.len());
    assert_eq!(
        s.lab.phases.len(),
        10,
        "six phases, then four maturity questions"
    );
    for phase in s.lab.phases.iter().filter(|p| p.kind.scoring().is_none()) {
        let n = s.notes.iter().filter(|n| n.phase == Some(phase.id)).count();
        assert!(n > 0, "phase {:?} has no notes", phase.name);
    }
    assert!(!s.lab.vision.is_empty());
    assert!(s.lab.outcomes.len() >= 2);
    assert!(s.lab.outcomes.iter().all(|o| o.by_when.is_some()));
    assert_eq!(s.participants.len(), 8);
    assert!(s.participants.iter().all(|p| p.level.is_some()));
    let authored = s.notes.iter().filter(|n| n.author.is_some()).count();
    let anonymous = s.notes.len() - authored;
    assert!(
        authored > 30 && anonymous >= 3,
        "{authored} authored, {anonymous} anonymous"
    );
}

#[test]
fn the_example_themes_have_members_and_tidy_frames_that_never_overlap() {
    let s = shipped();
    let names: Vec<&str> = s.themes.iter().map(|t| t.name.as_str()).collect();
    for name in [
        "Data",
        "Culture",
        "Infrastructure",
        "Online services",
        INCLUSION_NAME,
    ] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
    let frames = s.theme_frames();
    for f in &frames {
        assert!(f.count >= 4, "{:?} has {} notes", f.id, f.count);
        assert!(!f.collapsed);
        for other in frames.iter().filter(|o| o.id != f.id) {
            assert!(
                !f.rect.intersects(&other.rect),
                "{:?} overlaps {:?}",
                f.id,
                other.id
            );
        }
    }
    for note in &s.notes {
        let r = note.rect();
        for f in &frames {
            let inside = f.rect.contains(r.min) && f.rect.contains(r.max.offset(-1.0, -1.0));
            if note.theme == Some(f.id) {
                assert!(inside, "note {:?} sits outside its frame", note.id);
            } else {
                assert!(
                    !f.rect.intersects(&r),
                    "note {:?} lies on another frame",
                    note.id
                );
            }
        }
    }
    for (i, a) in s.notes.iter().enumerate() {
        for b in &s.notes[i + 1..] {
            assert!(
                !a.rect().intersects(&b.rect()),
                "{:?} covers {:?}",
                a.id,
                b.id
            );
        }
    }
    let board = frames
        .iter()
        .map(|f| f.rect)
        .fold(s.bounds().unwrap(), |a, b| a.union(b));
    assert!(
        board.contains(s.view.center),
        "the saved view looks at the board"
    );
}

#[test]
fn the_example_vote_is_closed_secret_and_ranks_data_first() {
    let s = shipped();
    assert_eq!(s.voting.rounds.len(), 1);
    let round = &s.voting.rounds[0];
    assert_eq!(round.state, RoundState::Closed);
    assert_eq!(round.settings.mode, VoteMode::PassTheLaptop);
    assert!(round.settings.secret && round.settings.anonymous);
    assert_eq!(round.settings.question, VOTE_QUESTION);
    assert_eq!(round.ballots.len(), 8);
    for ballot in &round.ballots {
        assert!(ballot.done, "every ballot was handed on");
        assert_eq!(
            ballot.dots.values().sum::<u32>(),
            round.settings.dots_per_person
        );
    }
    let tally = round.tally(&s);
    assert_eq!(tally.total_dots, 24);
    let ranking: Vec<(String, u32)> = tally
        .rows
        .iter()
        .take(3)
        .map(|r| (r.option.name(&s), r.dots))
        .collect();
    assert_eq!(
        ranking,
        [
            ("Data".to_owned(), 7),
            ("Online services".to_owned(), 6),
            ("Culture".to_owned(), 5)
        ]
    );
    assert!(tally.tied_for_first().is_empty());
}

#[test]
fn the_example_actions_serve_the_top_themes_and_every_outcome_with_one_gap() {
    let s = shipped();
    assert!(s.lab.actions.len() >= 3);
    for a in &s.lab.actions {
        assert!(a.owner.is_some() && a.due.is_some(), "{}", a.description);
        assert!(
            a.theme.is_some() && a.outcome.is_some(),
            "{}",
            a.description
        );
    }
    for top in [DATA, ONLINE] {
        assert!(s.lab.actions.iter().any(|a| a.theme == Some(top)));
    }
    for o in &s.lab.outcomes {
        assert!(s.lab.actions.iter().any(|a| a.outcome == Some(o.id)));
    }
    // The one realistic break: Culture was voted third and nobody owns it yet.
    assert_eq!(
        breaks(&s, &s.voting.dots_by_option()),
        [Break::TopThemeWithoutAction {
            theme: CULTURE,
            dots: 5
        }]
    );
    assert!(
        s.voting
            .dots_by_option()
            .contains(&(VoteOption::Theme(DATA), 7))
    );
}

#[test]
fn the_example_report_has_every_section() {
    let report = markdown(&shipped());
    for section in [
        "# Example: Northfield council digital strategy lab",
        "## Who took part",
        "## Vision",
        "## Outcomes",
        "### 1. Data (7 votes)",
        "### 2. Online services (6 votes)",
        "## Actions",
        "| Launch the online repairs pilot on three estates | Tom Reid | 15 March 2027 |",
        "## Gaps in the golden thread",
        "Culture",
        "## Notes not in any theme",
    ] {
        assert!(report.contains(section), "missing {section:?} in\n{report}");
    }
}

#[test]
fn the_shipped_review_follows_up_the_shipped_lab_with_its_three_actions_reviewed() {
    let lab = shipped();
    let review = shipped_review();
    let link = review.previous.as_ref().expect("the review is a follow-up");
    assert_eq!(link.id, lab.id, "linked by id");
    assert_eq!(link.file, review::LAB_FILE);
    assert!(review.title.ends_with("3-month review"), "{}", review.title);
    let carried: Vec<_> = review.lab.actions.iter().filter(|a| a.carried).collect();
    assert_eq!(carried.len(), 3);
    for (id, status, note) in review::REVIEWED {
        let action = review.lab.action(id).unwrap();
        assert_eq!((action.status, action.progress.as_str()), (status, note));
        assert_eq!(action.updated, Some(review::review_date()));
    }
    let scored = review
        .lab
        .phases
        .iter()
        .filter(|p| review.score_change(p.id).is_some())
        .count();
    assert_eq!(scored, 4, "the four maturity questions, scored again");
}

#[test]
fn the_review_report_says_what_changed_since_last_time() {
    let report = markdown(&shipped_review());
    let since = report
        .split("## Since last time")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a Since last time section");
    let expected = "

This session follows up “Example: Northfield council digital strategy lab”, held on 22 November 2026.

### Actions

- Done (1):
  - Publish a shared data standard for resident records (Gareth Jones): Agreed by the data board on 10 February
- In progress (1):
  - Launch the online repairs pilot on three estates (Tom Reid): Two of the three estates are live
- Blocked (1):
  - Run digital skills drop-ins for front-line staff (Learning and Development team): No trainer until the new budget in April
- New (1):
  - Take the culture theme to the leadership team and name a sponsor (Helen Brooks)

### Overdue on 16 March 2027

- “Launch the online repairs pilot on three estates” was due on 15 March 2027 and is in progress (owned by Tom Reid).

### Scores

| Question | Last time | This time | Change |
|---|---|---|---|
| Are digital ambitions well understood and taken account of? | median 2 | median 3 | up 1 (median 2 → 3) |
| Are customers, staff and partners using digital to communicate, collaborate and share? | median 2 | median 2 | no change (median 2) |
| Are information, resources and platforms shared across services and partners? | median 1.5 | median 2 | up 0.5 (median 1.5 → 2) |
| Is there a forum for the digital agenda to be taken forward? | median 1 | median 3 | up 2 (median 1 → 3) |

### Themes

- New: Leadership.
- Carried over and raised again: Data, Infrastructure, Online services.
- No longer raised: Culture, Skills and digital inclusion.
";
    assert_eq!(since, expected, "in\n{report}");
    // The lab itself has scores but nothing to compare with.
    let lab_report = markdown(&shipped());
    assert!(lab_report.contains("## Scores"));
    assert!(!lab_report.contains("## Since last time"));
}
