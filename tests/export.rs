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
use goldthread::export::{csv_with_votes, markdown, markdown_with_votes};
use goldthread::model::{NoteId, Session, VoteOption};
use goldthread::storage::save_file;

const EXPECTED_REPORT: &str = include_str!("expected/council-report.md");

#[test]
fn markdown_report_of_the_council_session_reads_as_expected() {
    let report = markdown_with_votes(&council_session(), &votes());
    if std::env::var_os("GOLDTHREAD_BLESS").is_some() {
        std::fs::write("tests/expected/council-report.md", &report).unwrap();
    }
    assert_eq!(report, EXPECTED_REPORT);
}

#[test]
fn markdown_report_has_every_section_in_order() {
    let report = markdown_with_votes(&council_session(), &votes());
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
            "### 1. Data (9 votes)",
            "### 2. Online services (7 votes)",
            "### 3. Culture (5 votes)",
            "### 4. Skills (4 votes)",
            "### 5. Infrastructure (2 votes)",
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
