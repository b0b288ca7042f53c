//! Protects the headless theme commands through the real binary: `suggest-themes` (text and
//! JSON, line numbers, CSV input, bad files) and `import-notes` (notes added without overlap,
//! broken or newer session files refused and left unchanged), plus their argument parsing.

mod common;

use common::{TempDir, today};

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use chrono::NaiveDate;
use goldthread::cli::{self, Command};
use goldthread::grouping::Params;
use goldthread::import::{ImportedLine, import_edit};
use goldthread::storage::{CURRENT_FORMAT_VERSION, list_backups, load_file, save_file, to_ron};
use goldthread::{CanvasPos, Note, NoteColour, NoteId, Session};
use serde_json::Value;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/themes-small.txt"
);

fn run(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Process::new(env!("CARGO_BIN_EXE_goldthread"))
        .args(args)
        .output()
        .unwrap()
}

fn run_str(args: &[&str]) -> std::process::Output {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
    run(&args)
}

/// Runs `goldthread import-notes SESSION NOTES`.
fn import_notes(session: &Path, notes: &Path) -> std::process::Output {
    run(&[
        "import-notes".as_ref(),
        session.as_os_str(),
        notes.as_os_str(),
    ])
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs `suggest-themes --json` and parses the output.
fn themes_json(path: &Path, extra: &[&str]) -> Vec<Value> {
    let mut args: Vec<&std::ffi::OsStr> = vec!["suggest-themes".as_ref(), path.as_os_str()];
    args.push("--json".as_ref());
    args.extend(extra.iter().map(|a| a.as_ref() as &std::ffi::OsStr));
    let out = run(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let Value::Array(themes) = serde_json::from_str(&stdout(&out)).unwrap() else {
        panic!("not a JSON array: {}", stdout(&out));
    };
    themes
}

/// The line numbers of a theme's notes.
fn lines_of(theme: &Value) -> Vec<u64> {
    theme["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["line"].as_u64().unwrap())
        .collect()
}

// ---------------------------------------------------------------- suggest-themes

#[test]
fn fixture_json_has_the_three_themes_and_the_stray() {
    let themes = themes_json(Path::new(FIXTURE), &[]);
    assert_eq!(themes.len(), 4, "{themes:?}");
    // Line 6 of the fixture is blank, so notes after it are one line further down.
    assert_eq!(lines_of(&themes[0]), [1, 4, 8, 12, 15]);
    assert_eq!(lines_of(&themes[1]), [2, 5, 9, 13, 16]);
    assert_eq!(lines_of(&themes[2]), [3, 7, 10, 14]);
    assert_eq!(themes[0]["name"], "Data");
    assert_eq!(themes[0]["notes"][0]["text"], "Share data between teams");
    let keywords = themes[1]["keywords"].as_array().unwrap();
    assert!(keywords.contains(&Value::from("training")), "{keywords:?}");
    // The stray comes last, under a theme named null with no keywords.
    assert_eq!(themes[3]["name"], Value::Null);
    assert_eq!(themes[3]["keywords"], Value::Array(Vec::new()));
    assert_eq!(lines_of(&themes[3]), [11]);
    assert_eq!(
        themes[3]["notes"][0]["text"],
        "The coffee machine is broken"
    );
    for theme in &themes {
        let keys: Vec<&String> = theme.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 3, "only name, keywords and notes: {keys:?}");
    }
}

#[test]
fn fixture_text_lists_names_keywords_lines_and_not_grouped() {
    let out = run_str(&["suggest-themes", FIXTURE]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("3 themes suggested for 15 notes; 1 not grouped."),
        "{text}"
    );
    assert!(
        text.contains("\nData (5 notes)\n  why: about data (sharing)\n"),
        "{text}"
    );
    assert!(text.contains("   1  Share data between teams\n"), "{text}");
    assert!(
        text.contains("\nNot grouped (1 note)\n  11  The coffee machine is broken\n"),
        "{text}"
    );
}

#[test]
fn fewer_and_more_change_the_grouping_and_bad_values_are_refused() {
    let path = Path::new(FIXTURE);
    let count = |extra: &[&str]| themes_json(path, extra).len();
    assert!(count(&["--granularity", "-5"]) <= count(&[]));
    assert!(count(&["--more"]) >= 1 && count(&["--fewer"]) >= 1);
    for bad in [
        &["--granularity", "9"][..],
        &["--granularity", "x"],
        &["--granularity"],
    ] {
        let mut args = vec!["suggest-themes", FIXTURE];
        args.extend(bad);
        let out = run_str(&args);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(
            stderr(&out).contains("--granularity needs a whole number"),
            "{}",
            stderr(&out)
        );
    }
    let out = run_str(&["suggest-themes", FIXTURE, "--fewer", "--more"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("only one of"), "{}", stderr(&out));
}

#[test]
fn csv_input_uses_the_text_column_and_reports_record_start_lines() {
    let dir = TempDir::new("csv_input_uses_the_text_column");
    let path = dir.join("survey.csv");
    std::fs::write(
        &path,
        "id,text\n1,Share data between teams\n2,\"Data sharing agreements\ntake months\"\n3,The coffee machine is broken\n4,A single platform for sharing data\n",
    )
    .unwrap();
    let themes = themes_json(&path, &[]);
    assert_eq!(themes.len(), 2, "{themes:?}");
    assert_eq!(lines_of(&themes[0]), [2, 3, 6]);
    assert_eq!(
        themes[0]["notes"][1]["text"],
        "Data sharing agreements\ntake months"
    );
    assert_eq!(themes[1]["name"], Value::Null);
    assert_eq!(lines_of(&themes[1]), [5]);
}

#[test]
fn one_note_is_listed_as_not_grouped() {
    let dir = TempDir::new("one_note_is_listed_as_not_grouped");
    let path = dir.join("one.txt");
    std::fs::write(&path, "\n\n  Only idea  \n").unwrap();
    let themes = themes_json(&path, &[]);
    assert_eq!(themes.len(), 1);
    assert_eq!(themes[0]["name"], Value::Null);
    assert_eq!(themes[0]["notes"][0]["line"], 3);
    assert_eq!(themes[0]["notes"][0]["text"], "Only idea");
}

#[test]
fn empty_binary_and_missing_files_are_clear_errors() {
    let dir = TempDir::new("empty_binary_and_missing_files");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "\n   \n").unwrap();
    let binary = dir.join("photo.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let header_only = dir.join("header.csv");
    std::fs::write(&header_only, "text\n").unwrap();
    for (path, expected) in [
        (empty, "empty.txt has no notes"),
        (binary, "photo.txt is not a text file"),
        (header_only, "header.csv has no notes"),
        (dir.join("missing.txt"), "missing.txt could not be read"),
    ] {
        let out = run(&["suggest-themes".as_ref(), path.as_os_str()]);
        assert_eq!(out.status.code(), Some(1), "{path:?}");
        assert!(stdout(&out).is_empty());
        assert!(stderr(&out).contains(expected), "{}", stderr(&out));
    }
    let out = run_str(&["suggest-themes"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("suggest-themes needs a file"));
}

#[test]
fn ten_thousand_identical_lines_are_one_theme() {
    let dir = TempDir::new("ten_thousand_identical_lines");
    let path = dir.join("same.txt");
    std::fs::write(&path, "Better data sharing\n".repeat(10_000)).unwrap();
    let themes = themes_json(&path, &[]);
    assert_eq!(themes.len(), 1);
    assert_eq!(themes[0]["notes"].as_array().unwrap().len(), 10_000);
    assert_eq!(themes[0]["notes"][9_999]["line"], 10_000);
}

// ---------------------------------------------------------------- parse

fn parse(args: &[&str]) -> Result<Command, String> {
    cli::parse(args.iter().map(|s| (*s).to_owned()))
}

#[test]
fn theme_commands_parse() {
    assert_eq!(
        parse(&["suggest-themes", "notes.txt"]),
        Ok(Command::SuggestThemes {
            file: PathBuf::from("notes.txt"),
            json: false,
            params: Params::default(),
            column: None,
        })
    );
    assert_eq!(
        parse(&["suggest-themes", "--json", "--granularity", "-3", "a.csv"]),
        Ok(Command::SuggestThemes {
            file: PathBuf::from("a.csv"),
            json: true,
            params: Params {
                granularity: -3,
                vocabulary: true
            },
            column: None,
        })
    );
    assert!(matches!(
        parse(&["suggest-themes", "a.txt", "--words-only"]),
        Ok(Command::SuggestThemes {
            params: Params {
                vocabulary: false,
                granularity: 0
            },
            ..
        })
    ));
    assert!(matches!(
        parse(&["suggest-themes", "a.txt", "--more"]),
        Ok(Command::SuggestThemes {
            params: Params { granularity: 2, .. },
            ..
        })
    ));
    assert!(matches!(
        parse(&["suggest-themes", "a.txt", "--fewer"]),
        Ok(Command::SuggestThemes {
            params: Params {
                granularity: -2,
                ..
            },
            ..
        })
    ));
    assert_eq!(
        parse(&["import-notes", "s.ron", "n.txt"]),
        Ok(Command::ImportNotes {
            session: PathBuf::from("s.ron"),
            file: PathBuf::from("n.txt"),
            column: None,
            author: None,
        })
    );
    assert!(
        parse(&["import-notes", "s.ron"])
            .unwrap_err()
            .contains("SESSION.ron FILE")
    );
    assert!(
        parse(&["import-notes", "a", "b", "c"])
            .unwrap_err()
            .contains("'c'")
    );
    assert!(
        parse(&["suggest-themes", "a", "b"])
            .unwrap_err()
            .contains("'b'")
    );
    assert!(
        parse(&["suggest-themes", "a", "--x"])
            .unwrap_err()
            .contains("'--x'")
    );
}

// ---------------------------------------------------------------- import-notes

fn session_with_notes(n: u64) -> Session {
    let mut session = Session::new("Survey day", NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    for i in 0..n {
        let note = Note::new(
            session.next_note_id(),
            format!("existing {i}"),
            NoteColour::Blue,
            CanvasPos::new(100.0 + i as f32 * 130.0, 100.0),
        );
        goldthread::Edit::add_notes(&session, vec![note]).apply(&mut session);
    }
    session
}

fn assert_no_overlaps(session: &Session) {
    for (i, a) in session.notes.iter().enumerate() {
        for b in &session.notes[i + 1..] {
            let (ra, rb) = (a.rect(), b.rect());
            // Existing notes may overlap each other; new ones never overlap anything.
            if a.text.starts_with("existing") && b.text.starts_with("existing") {
                continue;
            }
            assert!(!ra.intersects(&rb), "{a:?} overlaps {b:?}");
        }
    }
}

#[test]
fn import_notes_adds_every_line_without_overlap() {
    let dir = TempDir::new("import_notes_adds_every_line");
    let session_path = dir.join("survey.ron");
    save_file(&session_path, &session_with_notes(3)).unwrap();
    let notes_path = dir.join("answers.txt");
    let answers: Vec<String> = (1..=40).map(|i| format!("Answer number {i}")).collect();
    std::fs::write(&notes_path, answers.join("\n\n")).unwrap();
    let out = import_notes(&session_path, &notes_path);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Added 40 notes from "),
        "{}",
        stdout(&out)
    );
    let session = load_file(&session_path).unwrap().session;
    assert_eq!(session.notes.len(), 43);
    let texts: Vec<&str> = session.notes[3..].iter().map(|n| n.text.as_str()).collect();
    assert_eq!(
        texts,
        answers.iter().map(String::as_str).collect::<Vec<_>>()
    );
    let ids: BTreeSet<NoteId> = session.notes.iter().map(|n| n.id).collect();
    assert_eq!(ids.len(), 43, "ids are unique");
    assert_no_overlaps(&session);
    assert_eq!(
        dir.names(),
        ["answers.txt", "backups", "survey.ron"],
        "no temporary files left, and the old version kept as a backup"
    );
    let backups = list_backups(&session_path);
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(load_file(&backups[0]).unwrap().session.notes.len(), 3);
}

#[test]
fn import_notes_from_csv_keeps_multi_line_answers() {
    let dir = TempDir::new("import_notes_from_csv");
    let session_path = dir.join("s.ron");
    save_file(&session_path, &session_with_notes(0)).unwrap();
    let notes_path = dir.join("survey.CSV");
    std::fs::write(&notes_path, "Answer\n\"Two\nlines\"\nOne line\n").unwrap();
    let out = import_notes(&session_path, &notes_path);
    assert!(out.status.success(), "{}", stderr(&out));
    let session = load_file(&session_path).unwrap().session;
    let texts: Vec<&str> = session.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, ["Two\nlines", "One line"]);
}

#[test]
fn import_notes_refuses_broken_and_newer_sessions_and_leaves_them_alone() {
    let dir = TempDir::new("import_notes_refuses_broken");
    let notes_path = dir.join("answers.txt");
    std::fs::write(&notes_path, "One\nTwo\n").unwrap();
    let broken = dir.join("broken.ron");
    let broken_text =
        to_ron(&session_with_notes(1)).replacen("title: \"Survey day\"", "title: 42", 1);
    std::fs::write(&broken, &broken_text).unwrap();
    let newer = dir.join("newer.ron");
    let newer_text = to_ron(&session_with_notes(1)).replacen(
        &format!("format_version: {CURRENT_FORMAT_VERSION}"),
        "format_version: 9",
        1,
    );
    std::fs::write(&newer, &newer_text).unwrap();
    for (path, text, expected) in [
        (&broken, &broken_text, "broken.ron line "),
        (&newer, &newer_text, "newer Goldthread"),
    ] {
        let out = run(&[
            "import-notes".as_ref(),
            path.as_os_str(),
            notes_path.as_os_str(),
        ]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains(expected), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("Nothing was imported."),
            "{}",
            stderr(&out)
        );
        assert_eq!(&std::fs::read_to_string(path).unwrap(), text);
    }
    let out = run(&[
        "import-notes".as_ref(),
        dir.join("missing.ron").as_os_str(),
        notes_path.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !dir.join("missing.ron").exists(),
        "no session file is created"
    );
}

#[test]
fn import_notes_with_a_bad_notes_file_leaves_the_session_alone() {
    let dir = TempDir::new("import_notes_with_a_bad_notes_file");
    let session_path = dir.join("s.ron");
    save_file(&session_path, &session_with_notes(2)).unwrap();
    let before = std::fs::read(&session_path).unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = run(&[
        "import-notes".as_ref(),
        session_path.as_os_str(),
        empty.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("empty.txt has no notes"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&session_path).unwrap(), before);
}

#[test]
fn import_edit_is_one_undoable_step() {
    let mut session = session_with_notes(2);
    let before = session.clone();
    let lines: Vec<ImportedLine> = (1..=5)
        .map(|line| ImportedLine {
            line,
            text: format!("idea {line}"),
        })
        .collect();
    let undo = import_edit(&session, &lines).apply(&mut session);
    assert_eq!(session.notes.len(), 7);
    assert_no_overlaps(&session);
    undo.apply(&mut session);
    assert_eq!(session.notes, before.notes);
}

// ---------------------------------------------------------------- imports say what they did

#[test]
fn an_unbalanced_quote_that_would_fold_rows_into_one_note_is_refused_with_its_place() {
    let dir = TempDir::new("import_unbalanced_quote");
    let session_path = dir.join("s.ron");
    save_file(&session_path, &Session::new("S", today())).unwrap();
    let before = std::fs::read(&session_path).unwrap();
    let notes_path = dir.join("survey.csv");
    let mut csv = String::from("text\nFirst answer\n\"Broken answer, no closing quote\n");
    for i in 0..1_000 {
        csv.push_str(&format!("answer {i}\n"));
    }
    std::fs::write(&notes_path, csv).unwrap();
    let out = import_notes(&session_path, &notes_path);
    assert!(!out.status.success(), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("survey.csv at row 3, column 1")
            && err.contains("closing quote is missing")
            && err.contains("Nothing was imported"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&session_path).unwrap(),
        before,
        "nothing lost"
    );
}

#[test]
fn the_count_printed_is_the_count_added_even_with_ids_near_the_maximum() {
    let dir = TempDir::new("import_ids_near_max");
    let session_path = dir.join("s.ron");
    let mut session = Session::new("S", today());
    session.notes.push(Note::new(
        NoteId(u64::MAX - 1),
        "near the top",
        NoteColour::Yellow,
        CanvasPos::default(),
    ));
    save_file(&session_path, &session).unwrap();
    let notes_path = dir.join("three.txt");
    std::fs::write(&notes_path, "one\ntwo\nthree\n").unwrap();
    let out = import_notes(&session_path, &notes_path);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Added 3 notes from "),
        "{}",
        stdout(&out)
    );
    let session = load_file(&session_path).unwrap().session;
    assert_eq!(session.notes.len(), 4, "every note really was added");
    let ids: BTreeSet<NoteId> = session.notes.iter().map(|n| n.id).collect();
    assert_eq!(ids.len(), 4, "with ids of their own");
}

#[test]
fn utf16_and_windows_1252_csvs_are_read_and_text_files_name_the_encoding_problem() {
    let dir = TempDir::new("import_encodings");
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "text\nCafé idea\n".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    let latin = b"text\nfirst\nCaf\xe9 for staff\n".to_vec();
    // A survey export (CSV) is decoded: Excel's "Unicode text" and older Excel's Windows-1252.
    for (name, bytes, answer) in [
        ("excel-unicode.csv", &utf16, "Café idea"),
        ("excel-old.csv", &latin, "Café for staff"),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = run(&["suggest-themes".as_ref(), path.as_os_str()]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stdout(&out).contains(answer), "{}", stdout(&out));
    }
    // A plain text file in another encoding is named, with how to fix it.
    for (name, bytes, expected) in [
        ("unicode.txt", &utf16, "it looks like UTF-16"),
        ("old.txt", &latin, "it looks like Windows-1252 or Latin-1"),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = run(&["suggest-themes".as_ref(), path.as_os_str()]);
        assert!(!out.status.success());
        let err = stderr(&out);
        assert!(
            err.contains("is not UTF-8 text") && err.contains(expected),
            "{err}"
        );
        assert!(err.contains("CSV UTF-8"), "says how to fix it: {err}");
    }
    let out = run(&["suggest-themes".as_ref(), dir.join("old.txt").as_os_str()]);
    assert!(stderr(&out).contains("line 3"), "{}", stderr(&out));
}
