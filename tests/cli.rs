//! Protects the command line: every form `cli::parse` accepts or refuses, `cli::check`, and the
//! real `goldthread check` binary (exit status, output, and that it never changes the file).

mod common;

use common::TempDir;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use chrono::NaiveDate;
use goldthread::cli::{self, Command};
use goldthread::storage::{save_file, to_ron};
use goldthread::{CanvasPos, Note, NoteColour, NoteId, Session};

fn parse(args: &[&str]) -> Result<Command, String> {
    cli::parse(args.iter().map(|s| (*s).to_owned()))
}

fn gui(sessions: Option<&str>, file: Option<&str>) -> Command {
    Command::Gui {
        sessions: sessions.map(PathBuf::from),
        file: file.map(PathBuf::from),
    }
}

fn session(title: &str, notes: u64) -> Session {
    let mut session = Session::new(title, NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
    for i in 1..=notes {
        session.notes.push(Note::new(
            NoteId(i),
            format!("note {i}"),
            NoteColour::Green,
            CanvasPos::new(i as f32 * 300.0, 0.0),
        ));
    }
    session
}

/// Writes a file whose `title` has the wrong type, returning its path, bytes, and the line of
/// the mistake.
fn write_bad_file(dir: &TempDir, name: &str) -> (PathBuf, Vec<u8>, usize) {
    let text = to_ron(&session("Bad", 2)).replacen("title: \"Bad\"", "title: 42", 1);
    let line = text.lines().position(|l| l.contains("title: 42")).unwrap() + 1;
    assert!(line > 1);
    let path = dir.join(name);
    std::fs::write(&path, &text).unwrap();
    (path, text.into_bytes(), line)
}

// ---------------------------------------------------------------- parse

#[test]
fn no_arguments_start_the_app() {
    assert_eq!(parse(&[]), Ok(gui(None, None)));
}

#[test]
fn a_file_argument_opens_it() {
    assert_eq!(parse(&["retro.ron"]), Ok(gui(None, Some("retro.ron"))));
    assert_eq!(
        parse(&["folder with spaces/ré tro.ron"]),
        Ok(gui(None, Some("folder with spaces/ré tro.ron")))
    );
}

#[test]
fn sessions_folder_and_file_in_either_order() {
    assert_eq!(
        parse(&["--sessions", "lib", "retro.ron"]),
        Ok(gui(Some("lib"), Some("retro.ron")))
    );
    assert_eq!(
        parse(&["retro.ron", "--sessions", "lib"]),
        Ok(gui(Some("lib"), Some("retro.ron")))
    );
    assert_eq!(parse(&["--sessions", "lib"]), Ok(gui(Some("lib"), None)));
}

#[test]
fn check_takes_one_file() {
    assert_eq!(
        parse(&["check", "retro.ron"]),
        Ok(Command::Check(PathBuf::from("retro.ron")))
    );
    let err = parse(&["check"]).unwrap_err();
    assert!(err.contains("check needs a file"), "{err}");
    let err = parse(&["check", "a.ron", "b.ron"]).unwrap_err();
    assert!(err.contains("b.ron"), "{err}");
}

#[test]
fn check_is_a_command_only_as_the_first_word() {
    // After --sessions, "check" is an ordinary file name.
    assert_eq!(
        parse(&["--sessions", "lib", "check"]),
        Ok(gui(Some("lib"), Some("check")))
    );
}

#[test]
fn help_and_version() {
    for args in [&["--help"][..], &["-h"], &["retro.ron", "--help"]] {
        assert_eq!(parse(args), Ok(Command::Help), "{args:?}");
    }
    for args in [&["--version"][..], &["-V"]] {
        assert_eq!(parse(args), Ok(Command::Version), "{args:?}");
    }
}

#[test]
fn mistakes_are_reported() {
    let err = parse(&["--frobnicate"]).unwrap_err();
    assert!(err.contains("unknown option '--frobnicate'"), "{err}");
    let err = parse(&["retro.ron", "-x"]).unwrap_err();
    assert!(err.contains("'-x'"), "{err}");
    let err = parse(&["--sessions"]).unwrap_err();
    assert!(err.contains("--sessions needs a folder"), "{err}");
    let err = parse(&["a.ron", "b.ron"]).unwrap_err();
    assert!(err.contains("only one file"), "{err}");
    assert!(err.contains("b.ron"), "{err}");
}

// ---------------------------------------------------------------- check

#[test]
fn check_reports_a_good_file_with_its_note_count() {
    let dir = TempDir::new("check_reports_a_good_file");
    for (notes, count) in [(3, "3 notes"), (1, "1 note"), (0, "0 notes")] {
        let path = dir.join(format!("good-{notes}.ron"));
        save_file(&path, &session("Team \"retro\"", notes)).unwrap();
        let (message, ok) = cli::check(&path);
        assert!(ok, "{message}");
        assert!(message.starts_with("ok"), "{message}");
        assert!(message.ends_with(count), "{message}");
        assert!(message.contains(&format!("good-{notes}.ron")), "{message}");
        assert!(message.contains("Team \"retro\""), "{message}");
        assert!(message.contains("2026-11-22"), "{message}");
        assert!(!message.contains("warning"), "{message}");
    }
}

#[test]
fn check_reports_repairs_as_warnings_of_a_good_file() {
    let dir = TempDir::new("check_reports_repairs_as_warnings");
    let mut damaged = session("Damaged", 2);
    damaged.notes[1].id = NoteId(1);
    let path = dir.join("damaged.ron");
    save_file(&path, &damaged).unwrap();
    let (message, ok) = cli::check(&path);
    assert!(ok, "{message}");
    assert!(message.contains("2 notes"), "{message}");
    assert!(message.contains("\nwarning: "), "{message}");
}

#[test]
fn check_reports_a_bad_file_with_name_line_and_column() {
    let dir = TempDir::new("check_reports_a_bad_file");
    let (path, bytes, line) = write_bad_file(&dir, "broken-title.ron");
    let (message, ok) = cli::check(&path);
    assert!(!ok, "{message}");
    assert!(message.starts_with("error"), "{message}");
    assert!(message.contains("broken-title.ron"), "{message}");
    assert!(
        message.contains(&format!("line {line}, column ")),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), bytes);

    let (message, ok) = cli::check(&dir.join("missing.ron"));
    assert!(!ok);
    assert!(message.contains("missing.ron"), "{message}");
}

// ---------------------------------------------------------------- the binary

fn run(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Process::new(env!("CARGO_BIN_EXE_goldthread"))
        .args(args)
        .output()
        .unwrap()
}

fn run_check(path: &Path) -> std::process::Output {
    run(&["check".as_ref(), path.as_os_str()])
}

#[test]
fn binary_check_succeeds_on_a_good_file() {
    let dir = TempDir::new("binary_check_succeeds");
    let path = dir.join("good.ron");
    save_file(&path, &session("Vision day", 4)).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let out = run_check(&path);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?}\n{stdout}\n{stderr}", out.status);
    assert!(stdout.starts_with("ok"), "{stdout}");
    assert!(stdout.contains("good.ron"), "{stdout}");
    assert!(stdout.contains("\"Vision day\""), "{stdout}");
    assert!(stdout.contains("4 notes"), "{stdout}");
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn binary_check_fails_on_a_bad_file_and_leaves_it_alone() {
    let dir = TempDir::new("binary_check_fails");
    let (path, bytes, line) = write_bad_file(&dir, "bad-title.ron");
    let out = run_check(&path);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{:?}", out.status);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("bad-title.ron"), "{stderr}");
    assert!(
        stderr.contains(&format!("line {line}, column ")),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "check changed the file"
    );
    assert_eq!(
        std::fs::read_dir(&dir.0).unwrap().count(),
        1,
        "check created files"
    );
}

#[test]
fn binary_check_fails_on_a_newer_file() {
    let dir = TempDir::new("binary_check_fails_on_a_newer_file");
    let path = dir.join("future.ron");
    let text = to_ron(&session("Future", 1)).replacen("format_version: 3", "format_version: 7", 1);
    std::fs::write(&path, &text).unwrap();
    let out = run_check(&path);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("future.ron") && stderr.contains("7"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn binary_prints_version_and_help_and_refuses_unknown_flags() {
    let out = run(&["--version".as_ref()]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("goldthread {}", env!("CARGO_PKG_VERSION"))
    );

    let out = run(&["--help".as_ref()]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        cli::USAGE.trim()
    );

    let out = run(&["--frobnicate".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unknown option '--frobnicate'"), "{stderr}");
    assert!(stderr.contains("Usage:"), "{stderr}");
    assert!(out.stdout.is_empty());

    let out = run(&["check".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
}
