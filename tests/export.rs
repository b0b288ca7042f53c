//! Protects what leaves the room: the Markdown report and the CSV of notes for a realistic
//! council session, checked against expected content, and `goldthread export`, which writes
//! next to the session file and never replaces a file without --force.

mod common;
#[path = "common/council.rs"]
mod council;

use std::process::Command as Process;

use common::temp_dir;
use council::*;
use goldthread::cli::{self, Command, ExportArgs, ExportFormat};
use goldthread::export::{csv_with_votes, markdown};
use goldthread::model::vote::Counted;
use goldthread::model::{
    Edit, NoteId, ParticipantId, RoundId, RoundSettings, RoundState, Session, ThemeId, VoteEdit,
    VoteMode, VoteOn, VoteOption, Voter,
};
use goldthread::storage::save_file;

const EXPECTED_REPORT: &str = include_str!("expected/council-report.md");

/// The room's ballots (participant, themes they put a dot on): Data and Online services tie
/// for first on 7, Culture has 5, Skills and Infrastructure tie on 2; Joe used two of his three.
const BALLOTS: [(u64, &[ThemeId]); 8] = [
    (1, &[DATA, ONLINE, CULTURE]),
    (2, &[DATA, ONLINE, CULTURE]),
    (3, &[DATA, ONLINE, CULTURE]),
    (4, &[DATA, ONLINE, CULTURE]),
    (5, &[DATA, ONLINE, CULTURE]),
    (6, &[DATA, ONLINE, SKILLS]),
    (7, &[DATA, ONLINE, INFRASTRUCTURE]),
    (8, &[SKILLS, INFRASTRUCTURE]),
];

/// Places each person's dots in round `id` through the app's edits, each handing on after,
/// then reveals the round.
fn vote_and_reveal(s: &mut Session, id: RoundId, ballots: &[(u64, Vec<VoteOption>)]) {
    for (person, options) in ballots {
        let voter = Voter::Person(ParticipantId(*person));
        for option in options {
            let round = s.voting.round(id).unwrap();
            let dot = round
                .place_dot(s, voter, *option, 1)
                .expect("a dot within budget");
            Edit::Vote(dot).apply(s);
        }
        let done = VoteEdit::SetDone {
            round: id,
            participant: ParticipantId(*person),
            done: true,
        };
        Edit::Vote(done).apply(s);
    }
    let reveal = VoteEdit::SetState {
        round: id,
        state: RoundState::Revealed,
    };
    Edit::Vote(reveal).apply(s);
}

/// Starts a vote with `settings` and returns its id.
fn start(s: &mut Session, settings: RoundSettings) -> RoundId {
    let start = s.voting.start(s, settings).expect("valid settings");
    Edit::Vote(start).apply(s);
    s.voting.current().unwrap().id
}

/// The council session after its main vote: the dot vote on the themes, a tie for first
/// place, and a runoff on the tie that Data wins 5 to 3; both rounds closed.
fn voted_council() -> Session {
    let mut s = council_session();
    let people = s.participants.iter().map(|p| p.id).collect();
    let mut settings = RoundSettings::new(VoteOn::Themes.options(&s), people);
    settings.question = VOTE_QUESTION.to_owned();
    let main = start(&mut s, settings);
    let ballots: Vec<(u64, Vec<VoteOption>)> = BALLOTS
        .iter()
        .map(|(p, t)| (*p, t.iter().map(|t| VoteOption::Theme(*t)).collect()))
        .collect();
    vote_and_reveal(&mut s, main, &ballots);
    let runoff = s
        .voting
        .runoff(&s, main, None)
        .expect("first place is tied");
    Edit::Vote(runoff).apply(&mut s);
    let runoff = s.voting.current().unwrap().id;
    let ballots: Vec<(u64, Vec<VoteOption>)> = (1..=8)
        .map(|p| {
            (
                p,
                vec![VoteOption::Theme(if p <= 5 { DATA } else { ONLINE })],
            )
        })
        .collect();
    vote_and_reveal(&mut s, runoff, &ballots);
    let close = s.voting.close(&s, runoff);
    Edit::Vote(close).apply(&mut s);
    s
}

#[test]
fn markdown_report_of_the_council_session_reads_as_expected() {
    let report = markdown(&voted_council());
    if std::env::var_os("GOLDTHREAD_BLESS").is_some() {
        std::fs::write("tests/expected/council-report.md", &report).unwrap();
    }
    assert_eq!(report, EXPECTED_REPORT);
}

#[test]
fn markdown_report_has_every_section_in_order() {
    let report = markdown(&voted_council());
    let headings: Vec<&str> = report.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            "# Northfield digital strategy lab",
            "## Who took part",
            "## Vision",
            "## Outcomes",
            "## Challenges raised",
            "## Ideas proposed",
            "## Themes, ranked by votes",
            "### 1. Data (7 votes; 5 in the runoff)",
            "### 2. Online services (7 votes; 3 in the runoff)",
            "### 3. Culture (5 votes)",
            "### =4. Infrastructure (2 votes)",
            "### =4. Skills (2 votes)",
            "## Actions",
            "## Gaps in the golden thread",
            "## Notes not in any theme",
            "## Next steps and next review",
        ]
    );
    assert!(report.contains("Workshop held on 22 November 2026."));
    assert!(
        report.contains("1. Every resident can report a housing repair online (by 31 March 2027)")
    );
    assert!(report.contains(
        "| Launch the online repairs pilot on three estates | Tom Reid | 15 March 2027 | Online services | Every resident can report a housing repair online |"
    ));
    assert!(report.contains("- The theme “Culture” got 5 votes but has no action."));
    assert!(report.contains("- Paper forms still available, for those who need them"));
}

/// The section of `report` from `from` up to the next line starting with `## `.
fn section<'r>(report: &'r str, from: &str) -> &'r str {
    let start = report.find(from).expect("the section is there");
    let rest = &report[start + from.len()..];
    let end = rest.find("\n## ").map_or(rest.len(), |i| i + 1);
    &report[start..start + from.len() + end]
}

#[test]
fn the_report_ranks_by_the_main_dot_vote_whatever_votes_follow() {
    let mut s = voted_council();
    // A show of hands on a quick win, counted in the room: Culture wins it by far.
    let people: Vec<ParticipantId> = s.participants.iter().map(|p| p.id).collect();
    let mut hands = RoundSettings::new(VoteOn::Themes.options(&s), people.clone());
    hands.question = "Which quick win first?".to_owned();
    hands.mode = VoteMode::Tally;
    hands.counted = Counted::Hands;
    hands.dots_per_person = 1;
    let show = start(&mut s, hands);
    for (theme, n) in [(CULTURE, 6), (SKILLS, 2)] {
        let round = s.voting.round(show).unwrap();
        let set = round
            .set_dots(&s, Voter::Room, VoteOption::Theme(theme), n)
            .expect("within the room's hands");
        Edit::Vote(set).apply(&mut s);
    }
    let reveal = VoteEdit::SetState {
        round: show,
        state: RoundState::Revealed,
    };
    Edit::Vote(reveal).apply(&mut s);
    // Then a quick poll on the notes.
    let on_notes = RoundSettings::new(VoteOn::Notes.options(&s), people);
    let poll = start(&mut s, on_notes);
    let ballots = vec![(1, vec![VoteOption::Note(NoteId(1))])];
    vote_and_reveal(&mut s, poll, &ballots);

    let report = markdown(&s);
    let ranked = section(&report, "## Themes, ranked by votes");
    assert_eq!(
        ranked,
        section(EXPECTED_REPORT, "## Themes, ranked by votes")
    );
    assert!(ranked.contains(
        "Dot vote: Which themes should we act on first? 8 people, 3 dots each, runoff on a tie."
    ));
    let others = section(&report, "## Other votes");
    assert!(
        others.contains("- Show of hands: Which quick win first? 8 people, up to 1 vote each. Results: Culture (6 hands), Skills (2 hands)."),
        "{others}"
    );
    assert!(
        others.contains("- Dot vote on the notes: 8 people, 10 dots each."),
        "{others}"
    );
    assert_eq!(
        section(&report, "## Gaps in the golden thread"),
        section(EXPECTED_REPORT, "## Gaps in the golden thread"),
        "the top themes still come from the main vote"
    );
}

#[test]
fn before_a_vote_the_report_says_so_and_keeps_the_room_order() {
    let report = markdown(&council_session());
    assert!(report.contains(
        "## Themes\n\nNo vote was held, so the themes are in the order the room agreed them."
    ));
    assert!(report.contains("### Data\n"));
    assert!(report.contains("## Gaps in the golden thread\n\nNone."));
}

#[test]
fn an_empty_session_still_makes_a_readable_report() {
    let report = markdown(&Session::new("Empty lab", date(2026, 11, 22)));
    assert_eq!(
        report,
        "# Empty lab\n\nWorkshop held on 22 November 2026.\n\n\
Purpose: to agree the challenges, ideas, priorities and actions of this workshop.\n\n## Who took part\n\nNo participants were recorded.\n\n\
## Vision\n\nNo vision was recorded.\n\n## Outcomes\n\nNo outcomes were recorded.\n\n## Themes\n\n\
No themes were agreed.\n\n## Actions\n\nNo actions were agreed.\n\n## Gaps in the golden thread\n\n\
None. Every outcome has an action, every top theme has an action, and every action has an owner and a date that fits its outcome.\n\n\
## Notes not in any theme\n\nNone: every note is in a theme.\n\n\
## Next steps and next review\n\nNo actions were agreed yet.\n\nNext review: to be agreed.\n\n\
Version: report made by Goldthread 0.1.0 from the session of 22 November 2026.\n"
    );
}

#[test]
fn table_cells_escape_pipes_and_line_breaks() {
    let mut s = council_session();
    s.lab.actions[0].description = "Fix A | B\nthen C".to_owned();
    let report = markdown(&s);
    assert!(
        report.contains("| Fix A \\| B then C | Gareth Jones |"),
        "{report}"
    );
}

#[test]
fn csv_has_one_row_per_note_with_proper_quoting() {
    let mut s = council_session();
    s.notes[0].text = "Line one\nline \"two\", with a comma".to_owned();
    let dots = vec![
        (VoteOption::Note(NoteId(1)), 3),
        (VoteOption::Theme(DATA), 9),
    ];
    let csv = csv_with_votes(&s, &dots);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["text", "theme", "phase", "author", "colour", "votes"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 40);
    assert_eq!(
        rows[0],
        vec![
            "Line one\nline \"two\", with a comma",
            "",
            "Vision and outcomes",
            "Helen Brooks",
            "Yellow",
            "3"
        ]
    );
    assert_eq!(
        rows[14],
        vec![
            "Shared data standard for resident records",
            "Data",
            "Ideas",
            "Gareth Jones",
            "Green",
            "0"
        ]
    );
    assert_eq!(rows[11].get(3), Some(""), "an anonymous note has no author");
    assert!(csv.starts_with("text,theme,phase,author,colour,votes\r\n"));
    assert!(csv.contains("\"Line one\nline \"\"two\"\", with a comma\""));
}

fn export(args: &[&str]) -> Result<Command, String> {
    cli::parse(args.iter().map(|s| (*s).to_owned()))
}

#[test]
fn export_arguments_parse_and_mistakes_are_explained() {
    assert_eq!(
        export(&["export", "lab.ron"]),
        Ok(Command::Export(ExportArgs {
            session: "lab.ron".into(),
            format: ExportFormat::Markdown,
            output: None,
            force: false,
            options: Default::default(),
        }))
    );
    assert_eq!(
        export(&[
            "export", "lab.ron", "--format", "csv", "-o", "out.csv", "--force"
        ]),
        Ok(Command::Export(ExportArgs {
            session: "lab.ron".into(),
            format: ExportFormat::Csv,
            output: Some("out.csv".into()),
            force: true,
            options: Default::default(),
        }))
    );
    assert_eq!(
        export(&["export"]),
        Err("export needs a session file: goldthread export FILE.ron".to_owned())
    );
    assert_eq!(
        export(&["export", "lab.ron", "--format", "pdf"]),
        Err(format!("unknown format 'pdf': use {}", ExportFormat::NAMES))
    );
    assert_eq!(
        export(&["export", "lab.ron", "-o"]),
        Err("-o needs a file: -o REPORT.md".to_owned())
    );
}

#[test]
fn export_writes_next_to_the_session_and_refuses_to_overwrite_without_force() {
    let dir = temp_dir("export-cli");
    let session = dir.join("northfield.ron");
    save_file(&session, &council_session()).unwrap();
    let args = ExportArgs {
        session: session.clone(),
        format: ExportFormat::Markdown,
        output: None,
        force: false,
        options: Default::default(),
    };
    let out = dir.join("northfield.md");
    assert_eq!(cli::export(&args), Ok(format!("wrote {}", out.display())));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        markdown(&council_session())
    );

    std::fs::write(&out, "my edits").unwrap();
    let err = cli::export(&args).unwrap_err();
    assert_eq!(
        err,
        format!(
            "error: {} already exists and was not changed. Add --force to replace it, or choose another file with -o",
            out.display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "my edits",
        "nothing lost"
    );

    let forced = ExportArgs {
        force: true,
        options: Default::default(),
        ..args.clone()
    };
    assert!(cli::export(&forced).is_ok());
    assert_ne!(std::fs::read_to_string(&out).unwrap(), "my edits");

    let csv_args = ExportArgs {
        format: ExportFormat::Csv,
        ..args.clone()
    };
    assert!(cli::export(&csv_args).is_ok());
    assert!(dir.join("northfield.csv").exists());
}

#[test]
fn export_never_writes_over_the_session_itself_even_with_force() {
    let dir = temp_dir("export-self");
    let session = dir.join("lab.ron");
    save_file(&session, &council_session()).unwrap();
    let before = std::fs::read(&session).unwrap();
    let args = ExportArgs {
        session: session.clone(),
        format: ExportFormat::Markdown,
        output: Some(session.clone()),
        force: true,
        options: Default::default(),
    };
    let err = cli::export(&args).unwrap_err();
    assert!(err.contains("is the session file itself"), "{err}");
    assert_eq!(std::fs::read(&session).unwrap(), before);
}

#[test]
fn export_of_a_broken_file_says_why_and_writes_nothing() {
    let dir = temp_dir("export-broken");
    let session = dir.join("broken.ron");
    std::fs::write(&session, "(format_version: 1, session: (title: ").unwrap();
    let args = ExportArgs {
        session,
        format: ExportFormat::Markdown,
        output: None,
        force: false,
        options: Default::default(),
    };
    let err = cli::export(&args).unwrap_err();
    assert!(err.starts_with("error: broken.ron line 1, column"), "{err}");
    assert_eq!(dir.names(), ["broken.ron"]);
}

#[test]
fn the_real_binary_exports_and_exits_with_failure_when_refusing() {
    let dir = temp_dir("export-binary");
    let session = dir.join("lab.ron");
    save_file(&session, &council_session()).unwrap();
    let run = |extra: &[&str]| {
        Process::new(env!("CARGO_BIN_EXE_goldthread"))
            .arg("export")
            .arg(&session)
            .args(extra)
            .output()
            .unwrap()
    };
    let first = run(&["--format", "csv"]);
    assert!(first.status.success());
    assert!(String::from_utf8_lossy(&first.stdout).starts_with("wrote "));
    let again = run(&["--format", "csv"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists and was not changed"));
    assert_eq!(dir.names(), ["lab.csv", "lab.ron"]);
}

/// Writes the council session to the file named by `GOLDTHREAD_EXAMPLE_OUT`, for looking at the
/// app and as the start of the shipped example: `GOLDTHREAD_EXAMPLE_OUT=/tmp/x.ron cargo test
/// --test export -- --ignored write_council_example`.
#[test]
#[ignore = "a tool, not a check: writes a file"]
fn write_council_example() {
    let Some(out) = std::env::var_os("GOLDTHREAD_EXAMPLE_OUT") else {
        panic!("set GOLDTHREAD_EXAMPLE_OUT to the file to write");
    };
    save_file(std::path::Path::new(&out), &council_session()).unwrap();
}
