//! Protects follow-ups in the model and the files: what a follow-up carries and what it leaves
//! out, its title, scores compared with last time, a status change undone, the series grouping
//! of the library (by id, surviving renames and moves), a version 2 file's actions reading as
//! not started, and a follow-up that still opens when the previous file is newer or broken.

mod common;
#[path = "common/council.rs"]
mod council;

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use council::*;
use goldthread::model::followup::{follow_up, follow_up_title};
use goldthread::model::lab::{ActionId, ActionStatus, PhaseKind};
use goldthread::model::{Edit, LabEdit, Session};
use goldthread::storage::series::{SeriesInfo, group_series, series_name};
use goldthread::storage::{EntryStatus, LibraryEntry, load_file, save_file, scan_library};

fn lab() -> Session {
    example_session()
}

#[test]
fn a_follow_up_carries_the_vision_people_themes_and_open_actions() {
    let mut previous = lab();
    // One action done and one dropped before the follow-up: neither is carried.
    for (id, status) in [(1, ActionStatus::Done), (3, ActionStatus::Dropped)] {
        let a = previous
            .lab
            .action(ActionId(id))
            .unwrap()
            .with_status(status, date(2027, 1, 5));
        Edit::Lab(LabEdit::UpdateAction(a)).apply(&mut previous);
    }
    let today = date(2027, 2, 22);
    let s = follow_up(&previous, "lab.ron", "Review".to_owned(), today);
    assert_eq!(s.date, today);
    assert_eq!(s.lab.vision, previous.lab.vision);
    assert_eq!(s.lab.outcomes, previous.lab.outcomes);
    assert_eq!(s.participants, previous.participants);
    // Themes as named starter themes with their colours, and no notes.
    let names = |s: &Session| {
        s.themes
            .iter()
            .map(|t| (t.name.clone(), t.colour))
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&s), names(&previous));
    assert!(s.notes.is_empty(), "notes are not carried");
    assert!(s.voting.rounds.is_empty(), "votes are not carried");
    // Only the open action, with its owner, date, theme and history, marked as carried.
    assert_eq!(s.lab.actions.len(), 1);
    let carried = &s.lab.actions[0];
    let before = previous.lab.action(ActionId(2)).unwrap();
    assert_eq!(carried.id, before.id);
    assert_eq!(carried.owner, before.owner);
    assert_eq!(carried.due, before.due);
    assert_eq!(carried.history, before.history);
    assert!(carried.carried);
    let theme = |s: &Session, id| {
        s.themes
            .iter()
            .find(|t| Some(t.id) == id)
            .map(|t| t.name.clone())
    };
    assert_eq!(theme(&s, carried.theme), theme(&previous, before.theme));
    // The agenda: Review first, then the previous phases with scores cleared.
    assert_eq!(s.lab.phases[0].kind, PhaseKind::Review);
    assert_eq!(s.lab.current_phase, Some(s.lab.phases[0].id));
    assert_eq!(s.lab.phases.len(), previous.lab.phases.len() + 1);
    for phase in &s.lab.phases[1..] {
        if let Some(scoring) = phase.kind.scoring() {
            assert_eq!(scoring.distribution().total(), 0, "{}", phase.name);
            assert!(!scoring.revealed);
        }
    }
    // The link keeps what "since last time" needs.
    let link = s.previous.as_ref().unwrap();
    assert_eq!(link.id, previous.id);
    assert_eq!(link.file, "lab.ron");
    assert_eq!(link.started, previous.date);
    assert_eq!(link.scores.len(), 4);
    assert_eq!(
        link.achievements,
        ["Publish a shared data standard for resident records"]
    );
    let mut s = s;
    assert!(s.lab.repair().is_empty(), "ids are sound");
}

#[test]
fn a_follow_up_of_a_follow_up_keeps_the_series_start_and_does_not_review_twice() {
    let first = lab();
    let title = follow_up_title(&first, date(2027, 2, 22));
    assert_eq!(title, format!("{EXAMPLE_TITLE}: 3-month review"));
    assert_eq!(
        follow_up_title(&first, date(2027, 2, 21)),
        format!("{EXAMPLE_TITLE}: 2-month review")
    );
    assert_eq!(
        follow_up_title(&first, date(2026, 12, 1)),
        format!("{EXAMPLE_TITLE}: follow-up")
    );
    let second = follow_up(&first, "", title, date(2027, 2, 22));
    let third_title = follow_up_title(&second, date(2027, 5, 22));
    assert_eq!(third_title, format!("{EXAMPLE_TITLE}: 6-month review"));
    let third = follow_up(&second, "", third_title, date(2027, 5, 22));
    assert_eq!(third.previous.as_ref().unwrap().started, first.date);
    let reviews = third
        .lab
        .phases
        .iter()
        .filter(|p| p.kind == PhaseKind::Review)
        .count();
    assert_eq!(reviews, 1);
}

#[test]
fn each_question_is_compared_with_last_time() {
    let first = lab();
    let mut s = follow_up(&first, "", "Review".to_owned(), date(2027, 2, 22));
    score_maturity(&mut s, &[(1, [3, 2, 2, 3]), (2, [3, 3, 2, 4])]);
    let changes: Vec<String> = s
        .lab
        .phases
        .iter()
        .filter_map(|p| s.score_change(p.id))
        .map(|c| c.describe())
        .collect();
    assert_eq!(
        changes,
        [
            "up 1 (median 2 → 3)",
            "up 0.5 (median 2 → 2.5)",
            "up 0.5 (median 1.5 → 2)",
            "up 2.5 (median 1 → 3.5)"
        ]
    );
    // A question asked for the first time has nothing to compare with.
    assert!(first.score_change(first.lab.phases[6].id).is_none());
}

#[test]
fn a_status_change_is_one_edit_that_undoes() {
    let mut s = lab();
    let before = s.clone();
    let action = s
        .lab
        .action(ActionId(2))
        .unwrap()
        .with_status(ActionStatus::Blocked, date(2027, 1, 1));
    let undo = Edit::Lab(LabEdit::UpdateAction(action)).apply(&mut s);
    assert_eq!(
        s.lab.action(ActionId(2)).unwrap().status,
        ActionStatus::Blocked
    );
    undo.apply(&mut s);
    assert_eq!(s, before);
}

fn entry(
    name: &str,
    title: &str,
    day: u32,
    id: &str,
    previous: Option<&str>,
    age: u64,
) -> LibraryEntry {
    LibraryEntry {
        path: PathBuf::from(name),
        modified: Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000 - age)),
        status: EntryStatus::Ok {
            title: title.to_owned(),
            date: date(2027, 1, day),
            notes: 0,
        },
        series: Some(SeriesInfo {
            id: id.to_owned(),
            previous: previous.map(str::to_owned),
            open_actions: 2,
        }),
    }
}

#[test]
fn the_library_groups_a_series_first_session_first_whatever_the_file_names() {
    // Newest first, as the library lists them: a renamed 6-month review, another session, the
    // 3-month review and the lab.
    let entries = [
        entry(
            "renamed.ron",
            "Northfield lab: 6-month review",
            30,
            "c",
            Some("b"),
            1,
        ),
        entry("other.ron", "Budget lab", 20, "x", None, 2),
        entry(
            "moved/b.ron",
            "Northfield lab: 3-month review",
            10,
            "b",
            Some("a"),
            3,
        ),
        entry("a.ron", "Northfield lab", 1, "a", None, 4),
        entry("orphan.ron", "Orphan review", 5, "o", Some("gone"), 5),
    ];
    let refs: Vec<&LibraryEntry> = entries.iter().collect();
    let groups = group_series(&refs);
    let titles: Vec<Vec<String>> = groups
        .iter()
        .map(|g| g.iter().map(|e| e.title()).collect())
        .collect();
    assert_eq!(
        titles,
        [
            vec![
                "Northfield lab",
                "Northfield lab: 3-month review",
                "Northfield lab: 6-month review"
            ],
            vec!["Budget lab"],
            vec!["Orphan review"],
        ]
    );
    assert_eq!(
        series_name(&groups[0]),
        "Northfield lab → 3-month review → 6-month review"
    );
}

#[test]
fn a_loop_of_links_does_not_hang_the_library() {
    let entries = [
        entry("a.ron", "A", 1, "a", Some("b"), 1),
        entry("b.ron", "B", 2, "b", Some("a"), 2),
    ];
    let refs: Vec<&LibraryEntry> = entries.iter().collect();
    let groups = group_series(&refs);
    assert_eq!(groups.iter().map(Vec::len).sum::<usize>(), 2);
}

#[test]
fn the_series_is_found_by_id_after_the_lab_file_is_renamed() {
    let dir = common::temp_dir("followup-rename");
    let first = lab();
    save_file(&dir.join("lab.ron"), &first).unwrap();
    let review = follow_up(
        &first,
        "lab.ron",
        follow_up_title(&first, date(2027, 2, 22)),
        date(2027, 2, 22),
    );
    save_file(&dir.join("review.ron"), &review).unwrap();
    std::fs::rename(dir.join("lab.ron"), dir.join("renamed by hand.ron")).unwrap();
    let entries = scan_library(&dir);
    let refs: Vec<&LibraryEntry> = entries.iter().collect();
    let groups = group_series(&refs);
    assert_eq!(groups.len(), 1, "{groups:?}");
    assert_eq!(groups[0][0].file_name(), "renamed by hand.ron");
    assert_eq!(groups[0][1].series.as_ref().unwrap().open_actions, 3);
}

#[test]
fn a_follow_up_opens_when_its_previous_file_is_newer_broken_or_gone() {
    let dir = common::temp_dir("followup-previous-broken");
    let first = lab();
    let review = follow_up(&first, "lab.ron", "Review".to_owned(), date(2027, 2, 22));
    save_file(&dir.join("review.ron"), &review).unwrap();
    for previous in [
        Some("(format_version: 99, session: ())"),
        Some("not a session at all"),
        None,
    ] {
        match previous {
            Some(text) => std::fs::write(dir.join("lab.ron"), text).unwrap(),
            None => std::fs::remove_file(dir.join("lab.ron")).unwrap(),
        }
        let loaded = load_file(&dir.join("review.ron")).expect("the follow-up opens");
        assert!(loaded.warnings.is_empty());
        assert_eq!(
            loaded.session.previous, review.previous,
            "the link and what it carried"
        );
        assert_eq!(loaded.session.lab.actions.len(), 3);
    }
}

#[test]
fn a_version_2_file_reads_its_actions_as_not_started_and_gets_a_stable_id() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/v2-example-council.ron");
    let a = load_file(&path).unwrap();
    let b = load_file(&path).unwrap();
    assert_eq!(a.migrated_from, Some(2));
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    assert_eq!(a.session.lab.actions.len(), 3);
    for action in &a.session.lab.actions {
        assert_eq!(action.status, ActionStatus::NotStarted);
        assert!(action.history.is_empty() && !action.carried);
    }
    assert!(!a.session.id.is_empty());
    assert_eq!(
        a.session.id, b.session.id,
        "the same id each time it is read"
    );
    assert!(a.session.previous.is_none());
}

#[test]
fn the_previous_session_is_found_by_its_file_or_its_id_and_a_missing_one_is_explained() {
    use goldthread::storage::series::find_previous;
    let dir = common::temp_dir("followup-find-previous");
    let first = lab();
    let lab_path = dir.join("lab.ron");
    save_file(&lab_path, &first).unwrap();
    let review = follow_up(
        &first,
        &lab_path.display().to_string(),
        "Review".to_owned(),
        date(2027, 2, 22),
    );
    let link = review.previous.as_ref().unwrap();
    assert_eq!(find_previous(&dir, link).unwrap(), lab_path);
    // Renamed within the library: found by its id.
    let renamed = dir.join("northfield 2026.ron");
    std::fs::rename(&lab_path, &renamed).unwrap();
    assert_eq!(find_previous(&dir, link).unwrap(), renamed);
    // A different session now at the old path is not taken for it.
    save_file(&lab_path, &Session::new("Another lab", date(2027, 1, 1))).unwrap();
    assert_eq!(find_previous(&dir, link).unwrap(), renamed);
    // Gone: the message names it, says where it looked, and that nothing is lost.
    std::fs::remove_file(&renamed).unwrap();
    std::fs::write(&lab_path, "(format_version: 99, session: ())").unwrap();
    let why = find_previous(&dir, link).unwrap_err();
    for part in [
        EXAMPLE_TITLE,
        "22 November 2026",
        "lab.ron",
        "newer",
        "Nothing is lost",
    ] {
        assert!(why.contains(part), "{part:?} missing from {why}");
    }
    assert_eq!(
        std::fs::read_to_string(&lab_path).unwrap(),
        "(format_version: 99, session: ())",
        "looking never writes"
    );
}
