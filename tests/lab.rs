//! Protects the innovation-lab rules: templates (including broken user templates), phase
//! navigation, the countdown timer with an injected clock, typed dates, the golden thread's
//! breaks, coverage of voices, and that every lab edit undoes and saves.

mod common;
#[path = "common/council.rs"]
mod council;

use common::temp_dir;
use council::*;
use goldthread::History;
use goldthread::model::lab::coverage::{phase_coverage, theme_coverage, who_took_part};
use goldthread::model::lab::dates::{DateError, parse_date};
use goldthread::model::lab::golden_thread::{Break, breaks, ranked_themes, top_themes};
use goldthread::model::lab::{Action, ActionId, Outcome, OutcomeId, Owner, Phase, Timer};
use goldthread::model::{Edit, LabEdit, NoteId, ParticipantId, PhaseId, Session, VoteOption};
use goldthread::storage::{
    Template, TemplateSource, built_in_templates, from_ron, load_templates, to_ron,
};

// ---------------------------------------------------------------- templates

#[test]
fn four_templates_ship_in_order_and_all_parse() {
    let names: Vec<String> = built_in_templates().into_iter().map(|t| t.name).collect();
    assert_eq!(
        names,
        [
            "Digital strategy innovation lab",
            "Retrospective",
            "Digital maturity check",
            "Blank"
        ]
    );
}

#[test]
fn innovation_lab_template_has_six_phases_and_starter_themes() {
    let t = &built_in_templates()[0];
    let phases: Vec<&str> = t.phases.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        phases,
        [
            "Vision and outcomes",
            "Constraints and challenges",
            "Ideas",
            "Themes",
            "Vote",
            "Actions"
        ]
    );
    let s = t.session("Lab", date(2026, 11, 22));
    let themes: Vec<&str> = s.themes.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(themes, ["Data", "Culture", "Infrastructure"]);
    // Side by side in their own colours, not stacked on one another in one colour.
    let frames = s.theme_frames();
    for (i, a) in frames.iter().enumerate() {
        for b in &frames[i + 1..] {
            assert!(!a.rect.intersects(&b.rect), "{a:?} overlaps {b:?}");
        }
    }
    let colours: std::collections::HashSet<_> = s.themes.iter().map(|t| t.colour).collect();
    assert_eq!(colours.len(), 3);
    assert_eq!(s.lab.phases.len(), 6);
    assert_eq!(
        s.lab.current_phase,
        Some(s.lab.phases[0].id),
        "starts at the first phase"
    );
    assert_eq!(s.lab.phases[0].timebox_secs, 20 * 60);
    assert!(s.notes.is_empty());
}

#[test]
fn retrospective_phases() {
    let t = &built_in_templates()[1];
    let phases: Vec<&str> = t.phases.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        phases,
        [
            "What went well",
            "What could be better",
            "Ideas",
            "Themes",
            "Vote",
            "Actions"
        ]
    );
    assert!(t.starter_themes.is_empty());
}

#[test]
fn maturity_check_asks_the_four_questions_verbatim() {
    let t = &built_in_templates()[2];
    let prompts: Vec<&str> = t.phases.iter().map(|p| p.prompt.as_str()).collect();
    assert_eq!(
        prompts[..4],
        [
            "Are digital ambitions well understood and taken account of?",
            "Are customers, staff and partners using digital to communicate, collaborate and share?",
            "Are information, resources and platforms shared across services and partners?",
            "Is there a forum for the digital agenda to be taken forward?",
        ]
    );
    let rest: Vec<&str> = t.phases[4..].iter().map(|p| p.name.as_str()).collect();
    assert_eq!(rest, ["Themes", "Vote", "Actions"]);
}

#[test]
fn blank_template_makes_an_empty_session() {
    let t = &built_in_templates()[3];
    assert!(t.is_blank());
    let s = t.session("Empty", date(2026, 11, 22));
    assert_eq!(s, Session::new("Empty", date(2026, 11, 22)));
}

#[test]
fn a_broken_user_template_is_reported_and_skipped_and_the_others_still_load() {
    let dir = temp_dir("templates-broken");
    let folder = dir.join("templates");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("a-good.ron"),
        r#"(name: "Budget lab", phases: [(name: "Pressures", prompt: "Where is the money going?", minutes: 15)])"#,
    )
    .unwrap();
    std::fs::write(
        folder.join("b-broken.ron"),
        "(name: \"Half\", phases: [(name: ",
    )
    .unwrap();
    std::fs::write(
        folder.join("c-zero.ron"),
        r#"(name: "Zero", phases: [(name: "Nothing", minutes: 0)])"#,
    )
    .unwrap();
    std::fs::write(folder.join("d-binary.ron"), [0xff, 0xfe, 0x00, 0x80]).unwrap();
    std::fs::write(folder.join("notes.txt"), "not a template").unwrap();

    let loaded = load_templates(&dir);
    let names: Vec<&str> = loaded.templates.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Digital strategy innovation lab",
            "Retrospective",
            "Digital maturity check",
            "Blank",
            "Budget lab"
        ]
    );
    assert_eq!(
        loaded.templates[4].source,
        TemplateSource::User(folder.join("a-good.ron"))
    );
    assert_eq!(loaded.problems.len(), 3, "{:?}", loaded.problems);
    assert!(loaded.problems[0].starts_with("Template b-broken.ron was skipped: line 1, column"));
    assert!(loaded.problems[1].contains("c-zero.ron") && loaded.problems[1].contains("0 minutes"));
    assert!(
        loaded.problems[2].contains("d-binary.ron")
            && loaded.problems[2].contains("not a text file")
    );
    // The broken files are only read, never changed.
    assert_eq!(
        std::fs::read_to_string(folder.join("b-broken.ron")).unwrap(),
        "(name: \"Half\", phases: [(name: "
    );
}

#[test]
fn no_templates_folder_means_just_the_built_in_ones() {
    let dir = temp_dir("templates-none");
    let loaded = load_templates(&dir);
    assert_eq!(loaded.templates.len(), 4);
    assert!(loaded.problems.is_empty());
}

#[test]
fn template_without_a_name_is_refused() {
    let err = Template::from_ron(r#"(name: "  ", phases: [])"#).unwrap_err();
    assert_eq!(err, "the template has no name");
}

// ---------------------------------------------------------------- phases

fn lab_session() -> Session {
    built_in_templates()[0].session("Lab", date(2026, 11, 22))
}

#[test]
fn next_and_previous_walk_the_agenda_and_stop_at_the_ends() {
    let mut s = lab_session();
    let ids: Vec<PhaseId> = s.lab.phases.iter().map(|p| p.id).collect();
    assert_eq!(s.lab.previous_phase(), None, "no phase before the first");
    let mut history = History::default();
    for expected in &ids[1..] {
        let next = s.lab.next_phase().expect("a next phase");
        history.apply(&mut s, Edit::Lab(LabEdit::SetCurrentPhase(Some(next))));
        assert_eq!(s.lab.current_phase, Some(*expected));
    }
    assert_eq!(s.lab.next_phase(), None, "no phase after the last");
    assert_eq!(s.lab.previous_phase(), Some(ids[4]));
    assert!(history.undo(&mut s));
    assert_eq!(
        s.lab.current_phase,
        Some(ids[4]),
        "moving phase is undoable"
    );
}

#[test]
fn with_no_current_phase_next_starts_at_the_first() {
    let mut s = lab_session();
    s.lab.current_phase = None;
    assert_eq!(s.lab.next_phase(), Some(s.lab.phases[0].id));
    assert_eq!(s.lab.previous_phase(), None);
}

// ---------------------------------------------------------------- timer

#[test]
fn timer_counts_down_pauses_and_resumes() {
    let mut t = Timer::new(300);
    assert_eq!(t.display(0.0), "5:00");
    assert!(t.is_untouched());
    t.start(10.0);
    assert!(t.is_running());
    assert_eq!(t.remaining_secs(10.0), 300);
    assert_eq!(
        t.display(10.5),
        "5:00",
        "rounds up: a started second still shows"
    );
    assert_eq!(t.display(71.0), "3:59");
    t.pause(70.0);
    assert!(!t.is_running());
    assert_eq!(t.display(1000.0), "4:00", "paused time does not count");
    t.start(2000.0);
    assert_eq!(t.display(2030.0), "3:30");
    t.start(2031.0);
    assert_eq!(t.display(2040.0), "3:20", "starting twice does not restart");
}

#[test]
fn timer_goes_into_overtime_and_keeps_counting() {
    let mut t = Timer::new(60);
    t.start(0.0);
    assert!(!t.is_overtime(59.5));
    assert_eq!(t.display(59.5), "0:01");
    assert!(t.is_overtime(60.0));
    assert_eq!(t.display(60.0), "+0:00");
    assert_eq!(t.display(150.2), "+1:30");
    assert_eq!(t.remaining_secs(150.2), -90);
    assert_eq!(t.display(3600.0 + 60.0), "+1:00:00");
}

#[test]
fn plus_one_minute_and_reset() {
    let mut t = Timer::new(60);
    t.start(0.0);
    assert!(t.is_overtime(90.0));
    t.add_minute();
    assert!(
        !t.is_overtime(90.0),
        "a minute more brings the room back from overtime"
    );
    assert_eq!(t.display(90.0), "0:30");
    t.reset(60);
    assert!(t.is_untouched());
    assert_eq!(t.display(500.0), "1:00");
}

#[test]
fn timer_ticks_once_a_second() {
    let mut t = Timer::new(60);
    t.start(0.0);
    assert!((t.secs_to_next_tick(0.25) - 0.75).abs() < 1e-9);
    assert!((t.secs_to_next_tick(1.0) - 1.0).abs() < 1e-9);
    assert!(t.secs_to_next_tick(100.4) > 0.0);
}

// ---------------------------------------------------------------- dates

#[test]
fn dates_in_the_forms_people_type() {
    let end_march = date(2027, 3, 31);
    for text in [
        "2027-03-31",
        "31 March 2027",
        "31 march 2027",
        "31st March 2027",
        "March 31, 2027",
        "31 Mar 2027",
        "31/03/2027",
        "31-03-2027",
        "31.03.2027",
        " 31/3/2027 ",
        "March 2027",
        "Mar 2027",
        "03/2027",
        "2027-03",
        "03/31/2027",
    ] {
        assert_eq!(parse_date(text), Ok(end_march), "{text:?}");
    }
    assert_eq!(
        parse_date("February 2028"),
        Ok(date(2028, 2, 29)),
        "leap year"
    );
    assert_eq!(parse_date("December 2027"), Ok(date(2027, 12, 31)));
    assert_eq!(
        parse_date("4/4/2027"),
        Ok(date(2027, 4, 4)),
        "same either way"
    );
    assert_eq!(parse_date("1 Sept 2027"), Ok(date(2027, 9, 1)));
}

#[test]
fn ambiguous_dates_are_flagged_with_both_readings() {
    let err = parse_date("03/04/2027").unwrap_err();
    assert_eq!(
        err,
        DateError::Ambiguous {
            day_first: date(2027, 4, 3),
            month_first: date(2027, 3, 4),
        }
    );
    assert_eq!(
        err.to_string(),
        "Is that 3 April 2027 or 4 March 2027? Type the month as a word, e.g. 3 April 2027."
    );
}

#[test]
fn invalid_dates_say_what_is_wrong() {
    let cases = [
        ("", "Type a date, e.g. 31 March 2027."),
        (
            "31 February 2027",
            "There is no such day: February 2027 has 28 days.",
        ),
        (
            "31/04/2027",
            "There is no such day: April 2027 has 30 days.",
        ),
        ("2027-13-01", "There is no such day: there is no month 13."),
        ("31/00/2027", "There is no such day: there is no month 0."),
        (
            "40/13/2027",
            "There is no such day: neither 40 nor 13 is a month.",
        ),
        ("31/03/27", "Write the year in full, e.g. 31/03/2027."),
        ("31 March 27", "Write the year in full, e.g. 31/03/2027."),
        (
            "31 March",
            "Add the month and year, e.g. 31 March 2027 (or March 2027 for the end of the month).",
        ),
        (
            "next Tuesday",
            "That is not a date we can read. Try 31 March 2027, 31/03/2027, 2027-03-31 or March 2027.",
        ),
        (
            "March April 2027",
            "That is not a date we can read. Try 31 March 2027, 31/03/2027, 2027-03-31 or March 2027.",
        ),
    ];
    for (text, message) in cases {
        let err = parse_date(text).expect_err(text);
        assert_eq!(err.to_string(), message, "{text:?}");
    }
}

// ---------------------------------------------------------------- golden thread

#[test]
fn council_session_has_one_gap_a_top_theme_without_action() {
    let s = council_session();
    let top: Vec<_> = top_themes(&s, &votes());
    assert_eq!(top, [(DATA, 9), (ONLINE, 7), (CULTURE, 5)]);
    let found = breaks(&s, &votes());
    assert_eq!(
        found,
        [Break::TopThemeWithoutAction {
            theme: CULTURE,
            dots: 5
        }]
    );
    assert_eq!(
        found[0].describe(&s),
        "The theme “Culture” got 5 votes but has no action."
    );
}

#[test]
fn before_any_vote_there_are_no_top_themes() {
    let s = council_session();
    assert!(top_themes(&s, &[]).is_empty());
    assert!(breaks(&s, &[]).is_empty());
    let order: Vec<&str> = ranked_themes(&s, &[])
        .iter()
        .map(|(t, _)| t.name.as_str())
        .collect();
    assert_eq!(
        order,
        [
            "Data",
            "Culture",
            "Infrastructure",
            "Online services",
            "Skills"
        ]
    );
}

#[test]
fn ties_at_the_cut_are_all_top_themes() {
    let s = council_session();
    let dots = vec![
        (VoteOption::Theme(DATA), 4),
        (VoteOption::Theme(CULTURE), 3),
        (VoteOption::Theme(INFRASTRUCTURE), 2),
        (VoteOption::Theme(ONLINE), 2),
        (VoteOption::Note(NoteId(1)), 10),
    ];
    let top: Vec<_> = top_themes(&s, &dots).into_iter().map(|(t, _)| t).collect();
    assert_eq!(top, [DATA, CULTURE, INFRASTRUCTURE, ONLINE]);
}

#[test]
fn every_kind_of_break_is_found() {
    let mut s = council_session();
    let edits = vec![
        // No owner, no date.
        LabEdit::UpdateAction(Action {
            owner: None,
            due: None,
            ..actions()[0].clone()
        }),
        // A blank typed owner counts as none; due after its outcome (31 March 2027).
        LabEdit::UpdateAction(Action {
            owner: Some(Owner::Named("  ".to_owned())),
            due: Some(date(2027, 4, 1)),
            ..actions()[1].clone()
        }),
        // An outcome nothing serves.
        LabEdit::InsertOutcomes(vec![(
            2,
            Outcome::new(OutcomeId(3), "Paperless by 2030", None),
        )]),
    ];
    Edit::Lab(LabEdit::Batch(edits)).apply(&mut s);
    let found = breaks(&s, &votes());
    assert_eq!(
        found,
        [
            Break::OutcomeWithoutAction(OutcomeId(3)),
            Break::TopThemeWithoutAction {
                theme: CULTURE,
                dots: 5
            },
            Break::ActionWithoutOwner(ActionId(1)),
            Break::ActionWithoutDate(ActionId(1)),
            Break::ActionWithoutOwner(ActionId(2)),
            Break::ActionAfterOutcome {
                action: ActionId(2),
                outcome: OutcomeId(1),
                due: date(2027, 4, 1),
                by_when: date(2027, 3, 31),
            },
        ]
    );
    let text: Vec<String> = found.iter().map(|b| b.describe(&s)).collect();
    assert_eq!(text[0], "No action serves the outcome “Paperless by 2030”.");
    assert_eq!(
        text[2],
        "“Publish a shared data standard for resident records” has no owner."
    );
    assert_eq!(
        text[5],
        "“Launch the online repairs pilot on three estates” is due 1 April 2027, after its outcome “Every resident can report a housing repair online” should be true (31 March 2027)."
    );
}

#[test]
fn an_action_owned_by_a_removed_participant_has_no_owner() {
    let mut s = council_session();
    let mut history = History::default();
    history.apply(&mut s, Edit::RemoveParticipants(vec![ParticipantId(4)]));
    assert!(breaks(&s, &[]).contains(&Break::ActionWithoutOwner(ActionId(1))));
    assert!(history.undo(&mut s));
    assert!(breaks(&s, &[]).is_empty(), "undo gives the owner back");
}

// ---------------------------------------------------------------- coverage

#[test]
fn coverage_counts_areas_and_levels_per_theme() {
    let s = council_session();
    let cov = theme_coverage(&s, &votes());
    let data = cov.iter().find(|c| c.theme == DATA).unwrap();
    assert_eq!(data.dots, 9);
    assert_eq!(data.voices.attributed, 7);
    assert_eq!(data.voices.anonymous, 1);
    let areas: Vec<(&str, usize)> = data
        .voices
        .areas
        .iter()
        .map(|(a, n)| (a.as_str(), *n))
        .collect();
    assert_eq!(
        areas,
        [
            ("Adult Social Care", 1),
            ("Corporate Leadership", 1),
            ("Housing", 2),
            ("ICT", 2),
            ("Voluntary Action Northfield", 1)
        ]
    );
    assert_eq!(data.voices.one_group(), None);
}

#[test]
fn a_theme_only_one_service_area_spoke_to_is_flagged() {
    let mut s = council_session();
    // Infrastructure: notes by ICT (Gareth) and Housing (Asha, Tom). Make them all ICT's.
    let changes: Vec<(NoteId, Option<ParticipantId>)> = s
        .notes
        .iter()
        .filter(|n| n.theme == Some(INFRASTRUCTURE))
        .map(|n| (n.id, Some(ParticipantId(4))))
        .collect();
    let mut history = History::default();
    history.apply(&mut s, Edit::Lab(LabEdit::SetNoteAuthors(changes)));
    let cov = theme_coverage(&s, &[]);
    let infra = cov.iter().find(|c| c.theme == INFRASTRUCTURE).unwrap();
    assert_eq!(
        infra.voices.one_group().as_deref(),
        Some("Only ICT spoke to this.")
    );
    assert!(history.undo(&mut s));
    let cov = theme_coverage(&s, &[]);
    let infra = cov.iter().find(|c| c.theme == INFRASTRUCTURE).unwrap();
    assert_eq!(
        infra.voices.one_group(),
        None,
        "undo gives the authors back"
    );
}

#[test]
fn one_level_across_areas_is_flagged_and_anonymous_notes_are_not_a_group() {
    let mut s = council_session();
    // Skills' authors: Priya (front line), Sam (front line), Linda (partner), Joe (customer).
    let keep_front_line: Vec<NoteId> = s
        .notes
        .iter()
        .filter(|n| n.theme == Some(SKILLS) && matches!(n.author, Some(ParticipantId(7 | 8))))
        .map(|n| n.id)
        .collect();
    Edit::Lab(LabEdit::SetNoteAuthors(
        keep_front_line.iter().map(|id| (*id, None)).collect(),
    ))
    .apply(&mut s);
    let cov = theme_coverage(&s, &[]);
    let skills = cov.iter().find(|c| c.theme == SKILLS).unwrap();
    assert_eq!(
        skills.voices.one_group().as_deref(),
        Some("Only Front line participants spoke to this.")
    );
    assert_eq!(skills.voices.anonymous, 3);
}

#[test]
fn phase_coverage_and_who_took_part() {
    let s = council_session();
    let phases = phase_coverage(&s);
    assert_eq!(phases.len(), 6);
    assert_eq!(phases[0].voices.attributed, 4);
    assert_eq!(phases[3].voices.attributed, 0, "no notes in Themes");
    assert_eq!(
        phases[3].voices.one_group(),
        None,
        "nobody spoke: not flagged as one group"
    );
    let (areas, levels) = who_took_part(&s);
    assert_eq!(areas.first().unwrap().0, "Adult Social Care");
    assert_eq!(
        areas.last().unwrap(),
        &(
            "No service area given".to_owned(),
            vec!["Joe Bell".to_owned()]
        )
    );
    assert_eq!(
        levels,
        [
            ("Customer".to_owned(), 1),
            ("Executive".to_owned(), 1),
            ("Front line".to_owned(), 3),
            ("Manager".to_owned(), 2),
            ("Partner".to_owned(), 1)
        ]
    );
}

// ---------------------------------------------------------------- edits and saving

/// What a person can see of a session: everything but the id counters, which only move forward
/// (so an id is never reused after undo).
fn visible(s: &Session) -> String {
    format!(
        "{:?}{:?}{:?}{:?}{:?}{:?}{:?}",
        s.notes,
        s.lab.phases,
        s.lab.current_phase,
        s.lab.vision,
        s.lab.outcomes,
        s.lab.actions,
        s.themes
    )
}

#[test]
fn every_lab_edit_undoes_and_redoes() {
    let original = council_session();
    let mut s = original.clone();
    let mut history = History::default();
    let edits = vec![
        LabEdit::SetVision("A new vision".to_owned()),
        LabEdit::SetCurrentPhase(Some(PhaseId(2))),
        LabEdit::add_phase(
            &s,
            Phase::new(s.lab.next_phase_id(), "Wrap-up", "What did we learn?", 300),
        ),
        LabEdit::RemovePhases(vec![PhaseId(4)]),
        LabEdit::UpdatePhase(Phase::new(PhaseId(1), "Vision", "Where are we going?", 600)),
        LabEdit::add_outcome(&s, Outcome::new(s.lab.next_outcome_id(), "Paperless", None)),
        LabEdit::RemoveOutcomes(vec![OutcomeId(1)]),
        LabEdit::UpdateOutcome(Outcome::new(
            OutcomeId(2),
            "Changed",
            Some(date(2028, 1, 31)),
        )),
        LabEdit::add_action(&s, Action::new(s.lab.next_action_id(), "New action")),
        LabEdit::RemoveActions(vec![ActionId(2)]),
        LabEdit::UpdateAction(Action::new(ActionId(3), "Renamed")),
        LabEdit::SetNoteAuthors(vec![(NoteId(1), None)]),
    ];
    for edit in edits {
        let before = s.clone();
        history.apply(&mut s, Edit::Lab(edit.clone()));
        assert!(
            visible(&s) != visible(&before),
            "{edit:?} changed something"
        );
        let after = s.clone();
        assert!(history.undo(&mut s));
        assert!(visible(&s) == visible(&before), "undo of {edit:?}");
        assert!(history.redo(&mut s));
        assert!(visible(&s) == visible(&after), "redo of {edit:?}");
    }
    while history.undo(&mut s) {}
    assert!(visible(&s) == visible(&original));
}

#[test]
fn new_ids_never_reuse_a_removed_one() {
    let mut s = council_session();
    let id = s.lab.next_action_id();
    Edit::Lab(LabEdit::add_action(&s, Action::new(id, "Temporary"))).apply(&mut s);
    Edit::Lab(LabEdit::RemoveActions(vec![id])).apply(&mut s);
    assert!(s.lab.next_action_id().0 > id.0);
}

#[test]
fn edits_naming_missing_things_change_nothing() {
    let mut s = council_session();
    let before = s.clone();
    let mut history = History::default();
    history.apply(
        &mut s,
        Edit::Lab(LabEdit::UpdateAction(Action::new(ActionId(99), "x"))),
    );
    history.apply(
        &mut s,
        Edit::Lab(LabEdit::RemoveOutcomes(vec![OutcomeId(99)])),
    );
    history.apply(
        &mut s,
        Edit::Lab(LabEdit::InsertActions(vec![(0, actions()[0].clone())])),
    );
    assert_eq!(s, before);
    assert!(!history.can_undo(), "nothing happened, so nothing to undo");
}

#[test]
fn the_whole_lab_survives_save_and_load() {
    let s = council_session();
    let text = to_ron(&s);
    let loaded = from_ron(&text).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.session, s);
    assert!(
        text.contains("by_when: Some(\"2027-03-31\")"),
        "dates are stored as dates"
    );
}

#[test]
fn an_older_file_without_lab_fields_still_opens() {
    let text = r#"(
        format_version: 1,
        session: (
            title: "Old",
            date: "2026-01-05",
            notes: [(id: 1, text: "Hi", colour: Yellow, pos: (x: 0.0, y: 0.0))],
            next_note_id: 2,
        ),
    )"#;
    let loaded = from_ron(text).unwrap();
    assert!(loaded.session.lab.phases.is_empty());
    assert_eq!(loaded.session.lab.vision, "");
    assert_eq!(loaded.session.notes[0].phase, None);
}

#[test]
fn a_lab_with_only_some_fields_opens_with_the_rest_defaulted() {
    let text = r#"(
        format_version: 2,
        session: (
            title: "Partial",
            date: "2026-01-05",
            lab: (vision: "Only a vision", phases: [(id: 7, name: "Ideas")]),
        ),
    )"#;
    let loaded = from_ron(text).unwrap();
    assert_eq!(loaded.session.lab.vision, "Only a vision");
    assert_eq!(
        loaded.session.lab.phases[0].timebox_secs, 600,
        "default timebox"
    );
    assert_eq!(loaded.session.lab.next_phase_id(), PhaseId(8));
}

#[test]
fn duplicate_lab_ids_in_a_hand_edited_file_are_repaired_with_a_message() {
    let text = r#"(
        format_version: 2,
        session: (
            title: "Edited by hand",
            date: "2026-01-05",
            lab: (
                phases: [(id: 1, name: "Ideas"), (id: 1, name: "Themes")],
                outcomes: [(id: 2, text: "A"), (id: 2, text: "B")],
                actions: [(id: 5, description: "X"), (id: 5, description: "Y")],
            ),
        ),
    )"#;
    let loaded = from_ron(text).unwrap();
    let lab = &loaded.session.lab;
    assert_eq!(lab.phases[1].id, PhaseId(2));
    assert_eq!(lab.outcomes[1].id, OutcomeId(3));
    assert_eq!(lab.actions[1].id, ActionId(6));
    assert_eq!(
        loaded.warnings,
        [
            "Two phases shared id 1; “Themes” was given id 2.",
            "Two outcomes shared id 2; “B” was given id 3.",
            "Two actions shared id 5; “Y” was given id 6."
        ]
    );
    assert_eq!(lab.next_action_id(), ActionId(7));
}

#[test]
fn the_golden_thread_flags_an_action_that_serves_no_outcome() {
    let mut s = council_session();
    let first = s.lab.actions[0].clone();
    Edit::Lab(LabEdit::UpdateAction(Action {
        outcome: None,
        ..first.clone()
    }))
    .apply(&mut s);
    let found = breaks(&s, &s.voting.dots_by_option());
    assert!(
        found.contains(&Break::ActionWithoutOutcome(first.id)),
        "{found:?}"
    );
    let text: Vec<String> = found.iter().map(|b| b.describe(&s)).collect();
    assert!(
        text.contains(&format!("“{}” serves no outcome.", first.description)),
        "{text:?}"
    );
    // An outcome that was removed serves nothing either.
    let mut s = council_session();
    let served = s.lab.actions[1]
        .outcome
        .expect("the council's actions serve outcomes");
    Edit::Lab(LabEdit::RemoveOutcomes(vec![served])).apply(&mut s);
    let found = breaks(&s, &s.voting.dots_by_option());
    assert!(
        found.contains(&Break::ActionWithoutOutcome(s.lab.actions[1].id)),
        "{found:?}"
    );
}
