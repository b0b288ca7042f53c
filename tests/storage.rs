//! Protects session files: every field survives a save and load, saves are atomic, every kind
//! of bad file is reported (file name, what, where) and never changed, and the library lists
//! and names files safely.

mod common;

use common::TempDir;

use std::path::Path;
use std::time::{Duration, SystemTime};

use chrono::NaiveDate;
use goldthread::model::View;
use goldthread::storage::{
    CURRENT_FORMAT_VERSION, EntryStatus, FileError, LoadError, MAX_FILE_BYTES, file_stem_for,
    filter_entries, from_ron, load_file, save_file, scan_library, to_ron, unique_path,
    write_atomic,
};
use goldthread::{CanvasPos, Edit, Note, NoteColour, NoteId, Session};

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 2, 28).unwrap()
}

/// A session with every field set to something other than its default, and text that is
/// hard to write and read back.
fn full_session() -> Session {
    let mut session = Session::new("Vision \"2030\"\nline two 🎉 \\ end", date());
    session.view = View {
        center: CanvasPos::new(-1234.75, 98765.5),
        zoom: 0.35,
    };
    let long: String = "Lorem ipsum dolor sit amet, "
        .chars()
        .cycle()
        .take(10_000)
        .collect();
    let texts = [
        "Multi-line\nnote\n\nwith a blank line\r\nand CRLF\tand a tab".to_owned(),
        long,
        "Crème brûlée, naïve façade, Ærøskøbing, Straße".to_owned(),
        "فكرة جديدة للعمل معاً".to_owned(),
        "רעיון חדש לסדנה".to_owned(),
        "Quotes \" ' and backslash \\ and braces ({[ ]}) // not a comment".to_owned(),
        "Emoji 🎉🚀💡 👩‍👩‍👧 🇫🇷 and control \u{1b} \u{0} chars".to_owned(),
    ];
    let positions = [
        CanvasPos::new(-1234.5, -0.125),
        CanvasPos::new(0.1, 0.2),
        CanvasPos::new(std::f32::consts::PI, -std::f32::consts::E),
        CanvasPos::new(-99_999.99, 12_345.678),
        CanvasPos::new(1.0e-3, -1.0e6),
        CanvasPos::new(0.0, 0.0),
        CanvasPos::new(-0.5, 7_654_321.0),
    ];
    let notes: Vec<Note> = texts
        .into_iter()
        .zip(positions)
        .enumerate()
        .map(|(i, (text, pos))| {
            Note::new(
                NoteId(i as u64 * 3 + 2),
                text,
                NoteColour::ALL[i % NoteColour::ALL.len()],
                pos,
            )
        })
        .collect();
    let _ = Edit::add_notes(&session, notes).apply(&mut session);
    // Remove the last note so the id counter is ahead of every id in use.
    let last = session.notes.last().unwrap().id;
    let _ = Edit::RemoveNotes(vec![last]).apply(&mut session);
    session
}

#[test]
fn full_session_really_sets_every_field() {
    let session = full_session();
    assert_ne!(session.view, View::default());
    for colour in NoteColour::ALL {
        assert!(
            session.notes.iter().any(|n| n.colour == colour),
            "{colour:?}"
        );
    }
    assert!(
        session
            .notes
            .iter()
            .any(|n| n.text.chars().count() == 10_000)
    );
    let max_id = session.notes.iter().map(|n| n.id.0).max().unwrap();
    assert!(session.next_note_id().0 > max_id + 1);
}

// ---------------------------------------------------------------- the format

#[test]
fn ron_round_trip_keeps_every_field() {
    let session = full_session();
    let text = to_ron(&session);
    let loaded = from_ron(&text).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.session, session);
    assert_eq!(loaded.session.next_note_id(), session.next_note_id());
    assert_eq!(to_ron(&loaded.session), text, "saving is deterministic");
}

#[test]
fn ron_text_is_versioned_and_pretty() {
    let text = to_ron(&full_session());
    assert!(text.contains("format_version: 3"), "{text}");
    assert_eq!(CURRENT_FORMAT_VERSION, 3);
    assert!(text.lines().count() > 20, "not pretty-printed:\n{text}");
    assert!(text.contains("\n    session: ("), "{text}");
    assert!(text.contains("colour: Purple"), "{text}");
    assert!(!text.contains('\0'), "a NUL in a note must be escaped");
    let text = to_ron(&Session::new("Empty", date()));
    let loaded = from_ron(&text).unwrap();
    assert_eq!(loaded.session, Session::new("Empty", date()));
    assert!(loaded.warnings.is_empty());
}

#[test]
fn older_files_without_optional_fields_open_with_defaults() {
    let text = r#"(
    format_version: 1,
    session: (
        title: "Minimal",
        date: "2026-01-02",
    ),
)"#;
    let loaded = from_ron(text).unwrap();
    assert!(loaded.warnings.is_empty());
    // Migrating to format 3 gives the session the id its title and date make.
    let mut expected = Session::new("Minimal", NaiveDate::from_ymd_opt(2026, 1, 2).unwrap());
    expected.ensure_id();
    assert_eq!(loaded.session, expected);

    let text = r#"(format_version: 1, session: (title: "x", date: "2026-01-02",
        notes: [(id: 5, text: "no colour", pos: (x: 1.5, y: -2))]))"#;
    let loaded = from_ron(text).unwrap();
    assert_eq!(loaded.session.notes[0].colour, NoteColour::Yellow);
    assert_eq!(loaded.session.notes[0].pos, CanvasPos::new(1.5, -2.0));
    assert_eq!(loaded.session.next_note_id(), NoteId(6));
}

#[test]
fn byte_order_mark_is_accepted() {
    let session = full_session();
    let text = format!("\u{feff}{}", to_ron(&session));
    assert_eq!(from_ron(&text).unwrap().session, session);
}

// ---------------------------------------------------------------- saving

#[test]
fn save_then_load_round_trip() {
    let dir = TempDir::new("save_then_load_round_trip");
    let path = dir.join("workshop.ron");
    let session = full_session();
    save_file(&path, &session).unwrap();
    let loaded = load_file(&path).unwrap();
    assert_eq!(loaded.session, session);
    assert!(loaded.warnings.is_empty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), to_ron(&session));
    assert_eq!(dir.names(), vec!["workshop.ron"], "no temporary files left");
}

#[test]
fn saving_over_an_existing_file_replaces_it() {
    let dir = TempDir::new("saving_over_an_existing_file_replaces_it");
    let path = dir.join("s.ron");
    let first = full_session();
    save_file(&path, &first).unwrap();
    let mut second = Session::new("Second", date());
    second.notes.push(Note::new(
        NoteId(1),
        "short",
        NoteColour::Green,
        CanvasPos::default(),
    ));
    save_file(&path, &second).unwrap();
    let loaded = load_file(&path).unwrap().session;
    assert_eq!(loaded.title, "Second");
    assert_eq!(loaded.notes, second.notes);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), to_ron(&second));
    assert_eq!(
        dir.names(),
        vec!["backups", "s.ron"],
        "the first version is kept as a backup"
    );
}

#[test]
fn saving_into_a_missing_folder_or_over_a_folder_fails_cleanly() {
    let dir = TempDir::new("saving_into_a_missing_folder_fails_cleanly");
    let missing = dir.join("no-such-folder").join("s.ron");
    let err = save_file(&missing, &full_session()).unwrap_err();
    assert!(matches!(err.kind, LoadError::NotSaved(_)), "{err:?}");
    assert!(err.to_string().contains("could not be saved"), "{err}");
    assert!(err.to_string().contains("s.ron"), "{err}");
    assert!(dir.names().is_empty());

    std::fs::create_dir(dir.join("folder.ron")).unwrap();
    std::fs::write(dir.join("folder.ron").join("inside.txt"), "keep").unwrap();
    let err = save_file(&dir.join("folder.ron"), &full_session()).unwrap_err();
    assert!(err.to_string().contains("folder.ron"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.join("folder.ron").join("inside.txt")).unwrap(),
        "keep"
    );
    assert_eq!(dir.names(), vec!["folder.ron"]);
}

#[test]
fn concurrent_saves_of_one_file_all_succeed() {
    let dir = TempDir::new("concurrent_saves_of_one_file_all_succeed");
    let path = dir.join("s.ron");
    let contents: Vec<Vec<u8>> = (0..4u8).map(|i| vec![b'a' + i; 500_000]).collect();
    for round in 0..10 {
        let threads: Vec<_> = contents
            .iter()
            .cloned()
            .map(|bytes| {
                let path = path.clone();
                std::thread::spawn(move || write_atomic(&path, &bytes))
            })
            .collect();
        for thread in threads {
            let result = thread.join().unwrap();
            assert!(result.is_ok(), "round {round}: {result:?}");
        }
        let written = std::fs::read(&path).unwrap();
        assert!(contents.contains(&written), "round {round}: a mix of saves");
        assert_eq!(dir.names(), vec!["s.ron"]);
    }
}

// ---------------------------------------------------------------- bad files

/// Writes `bytes` as `name`, loads it, and checks that loading failed, that the message names
/// the file, and that the file is unchanged.
fn load_bad(dir: &TempDir, name: &str, bytes: &[u8]) -> FileError {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let err = load_file(&path).unwrap_err();
    assert!(
        err.to_string().contains(name),
        "message must name the file: {err}"
    );
    assert_eq!(err.path, path);
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "the file was changed");
    err
}

/// Checks a syntax error and that its message says where.
fn assert_syntax(err: &FileError) -> (usize, usize) {
    let LoadError::Syntax { line, col, .. } = err.kind else {
        panic!("expected a syntax error, got {err:?}");
    };
    assert!(line >= 1 && col >= 1, "{err:?}");
    assert!(
        err.to_string()
            .contains(&format!("line {line}, column {col}")),
        "{err}"
    );
    (line, col)
}

/// The 1-based number of the first line containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn empty_file_is_reported() {
    let dir = TempDir::new("empty_file_is_reported");
    let err = load_bad(&dir, "empty.ron", b"");
    assert_eq!(err.kind, LoadError::Empty);
    assert!(err.to_string().contains("empty"), "{err}");
}

#[test]
fn whitespace_only_file_is_reported_as_empty() {
    let dir = TempDir::new("whitespace_only_file_is_reported_as_empty");
    let err = load_bad(&dir, "blank.ron", b"  \n\t\r\n   \n");
    assert_eq!(err.kind, LoadError::Empty);
}

#[test]
fn binary_file_is_reported_as_not_text() {
    let dir = TempDir::new("binary_file_is_reported_as_not_text");
    let png = [
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0xc3, 0x28, 0x00, 0x80,
    ];
    let err = load_bad(&dir, "picture.ron", &png);
    assert_eq!(err.kind, LoadError::NotText);
    assert!(err.to_string().contains("not a text file"), "{err}");
}

#[test]
fn file_with_nul_bytes_is_reported_as_not_text() {
    let dir = TempDir::new("file_with_nul_bytes_is_reported_as_not_text");
    let mut bytes = to_ron(&full_session()).into_bytes();
    bytes.splice(40..40, [0, 0, 0, 0]);
    let err = load_bad(&dir, "nul.ron", &bytes);
    assert_eq!(err.kind, LoadError::NotText);
    let err = load_bad(&dir, "zeros.ron", &[0; 64]);
    assert_eq!(err.kind, LoadError::NotText);
}

#[test]
fn text_that_is_not_ron_is_a_syntax_error_on_line_one() {
    let dir = TempDir::new("text_that_is_not_ron_is_a_syntax_error");
    let err = load_bad(&dir, "list.ron", b"Shopping list:\n- eggs\n- milk\n");
    let (line, _) = assert_syntax(&err);
    assert_eq!(line, 1);
    let err = load_bad(&dir, "json.ron", br#"{"title": "x", "notes": []}"#);
    assert_syntax(&err);
}

#[test]
fn truncated_file_is_a_syntax_error_near_the_cut() {
    let dir = TempDir::new("truncated_file_is_a_syntax_error_near_the_cut");
    let mut session = Session::new("Plain ASCII title", date());
    for i in 0..6 {
        session.notes.push(Note::new(
            NoteId(i + 1),
            format!("note {i}"),
            NoteColour::Blue,
            CanvasPos::new(i as f32, 0.0),
        ));
    }
    let text = to_ron(&session);
    let half = &text[..text.len() / 2];
    let err = load_bad(&dir, "cut.ron", half.as_bytes());
    let (line, _) = assert_syntax(&err);
    let half_lines = half.lines().count();
    assert!(
        line + 1 >= half_lines && line <= half_lines + 1,
        "error at line {line}, file cut at line {half_lines}"
    );
}

#[test]
fn wrong_types_are_syntax_errors_on_the_right_line() {
    let dir = TempDir::new("wrong_types_are_syntax_errors_on_the_right_line");
    let text = to_ron(&full_session());

    let bad = text.replacen("title: \"", "title: 42, old_title: \"", 1);
    let err = load_bad(&dir, "title.ron", bad.as_bytes());
    let (line, _) = assert_syntax(&err);
    assert_eq!(line, line_of(&bad, "title: 42"));
    assert!(line > 1);

    let bad = text.replacen("id: 5,", "id: \"five\",", 1);
    assert_ne!(bad, text);
    let err = load_bad(&dir, "id.ron", bad.as_bytes());
    let (line, _) = assert_syntax(&err);
    assert_eq!(line, line_of(&bad, "id: \"five\""));

    let bad = text.replacen("colour: Pink", "colour: Magenta", 1);
    assert_ne!(bad, text);
    let err = load_bad(&dir, "colour.ron", bad.as_bytes());
    let (line, _) = assert_syntax(&err);
    assert_eq!(line, line_of(&bad, "Magenta"));
}

#[test]
fn ron_of_another_shape_is_not_a_session() {
    let dir = TempDir::new("ron_of_another_shape_is_not_a_session");
    let err = load_bad(
        &dir,
        "config.ron",
        b"(\n    name: \"Shopping\",\n    items: [\"eggs\", \"milk\"],\n)\n",
    );
    assert_eq!(err.kind, LoadError::NotASession);
    assert!(
        err.to_string().contains("not a Goldthread session"),
        "{err}"
    );
}

#[test]
fn newer_format_version_is_refused_naming_both_versions() {
    let dir = TempDir::new("newer_format_version_is_refused");
    let text = to_ron(&full_session()).replacen("format_version: 3", "format_version: 99", 1);
    // A newer file may hold things this version does not know; it must still say "newer".
    let text = text.replacen("colour: Pink", "colour: Teal", 1);
    let err = load_bad(&dir, "future.ron", text.as_bytes());
    assert_eq!(
        err.kind,
        LoadError::NewerVersion {
            found: 99,
            supported: CURRENT_FORMAT_VERSION
        }
    );
    let message = err.to_string();
    assert!(message.contains("99"), "{message}");
    assert!(
        message.contains(&format!("up to {CURRENT_FORMAT_VERSION}")),
        "{message}"
    );
}

#[test]
fn folder_instead_of_file_is_reported() {
    let dir = TempDir::new("folder_instead_of_file_is_reported");
    let path = dir.join("sessions.ron");
    std::fs::create_dir(&path).unwrap();
    let err = load_file(&path).unwrap_err();
    assert!(matches!(err.kind, LoadError::Io(_)), "{err:?}");
    assert!(err.to_string().contains("sessions.ron"), "{err}");
    assert!(err.to_string().contains("folder"), "{err}");
    assert!(path.is_dir());
}

#[test]
fn missing_file_is_reported() {
    let dir = TempDir::new("missing_file_is_reported");
    let path = dir.join("gone.ron");
    let err = load_file(&path).unwrap_err();
    assert!(matches!(err.kind, LoadError::Io(_)), "{err:?}");
    assert!(err.to_string().contains("gone.ron"), "{err}");
    assert!(!path.exists(), "loading must not create the file");
}

#[test]
fn huge_file_is_refused_before_reading() {
    let dir = TempDir::new("huge_file_is_refused_before_reading");
    let path = dir.join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    drop(file);
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let err = load_file(&path).unwrap_err();
    assert_eq!(
        err.kind,
        LoadError::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        }
    );
    assert!(err.to_string().contains("huge.ron"), "{err}");
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!(meta.len(), MAX_FILE_BYTES + 1);
    assert_eq!(meta.modified().unwrap(), modified);
}

#[test]
fn damaged_but_readable_files_load_with_repairs() {
    let dir = TempDir::new("damaged_but_readable_files_load_with_repairs");
    let path = dir.join("damaged.ron");
    let text = r#"(
    format_version: 1,
    session: (
        title: "Hand edited",
        date: "2026-03-04",
        view: (center: (x: 0, y: 0), zoom: 0),
        notes: [
            (id: 7, text: "first", colour: Blue, pos: (x: 10, y: 20)),
            (id: 7, text: "copy", colour: Pink, pos: (x: NaN, y: 20)),
            (id: 8, text: "far", pos: (x: 1e30, y: -inf)),
        ],
        next_note_id: 2,
    ),
)"#;
    std::fs::write(&path, text).unwrap();
    let loaded = load_file(&path).unwrap();
    assert_eq!(loaded.warnings.len(), 4, "{:#?}", loaded.warnings);
    let session = &loaded.session;
    let ids: Vec<u64> = session.notes.iter().map(|n| n.id.0).collect();
    assert_eq!(ids[0], 7);
    assert_eq!(ids[2], 8);
    assert!(ids[1] != 7 && ids[1] != 8, "{ids:?}");
    assert_eq!(session.notes[1].text, "copy");
    assert!(session.notes.iter().all(|n| n.pos.is_finite()));
    assert_eq!(session.notes[0].pos, CanvasPos::new(10.0, 20.0));
    assert_eq!(session.view, View::default());
    assert!(session.next_note_id().0 > *ids.iter().max().unwrap());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "repairs are not written back on load"
    );
}

// ---------------------------------------------------------------- the library

fn set_mtime(path: &Path, time: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

fn named(title: &str, notes: usize) -> Session {
    let mut session = Session::new(title, date());
    for i in 0..notes {
        session.notes.push(Note::new(
            NoteId(i as u64 + 1),
            "n",
            NoteColour::Yellow,
            CanvasPos::new(i as f32 * 300.0, 0.0),
        ));
    }
    session
}

#[test]
fn library_lists_newest_first_with_broken_files_and_ignores_others() {
    let dir = TempDir::new("library_lists_newest_first");
    let now = SystemTime::now();
    let hours_ago = |h: u64| now - Duration::from_secs(h * 3600);
    let files = [
        ("b-oldest.ron", Some(named("Oldest", 1)), hours_ago(5)),
        ("a-newest.ron", Some(named("Newest", 3)), hours_ago(1)),
        ("c-broken.ron", None, hours_ago(2)),
        ("d-middle.ron", Some(named("Middle", 0)), hours_ago(3)),
    ];
    for (name, session, _) in &files {
        let path = dir.join(name);
        match session {
            Some(s) => save_file(&path, s).unwrap(),
            None => std::fs::write(&path, "(format_version: 1, session: (title: 42))").unwrap(),
        }
    }
    for (name, _, time) in &files {
        set_mtime(&dir.join(name), *time);
    }
    // Things that are not session files.
    std::fs::write(dir.join("notes.txt"), "hello").unwrap();
    std::fs::write(dir.join("README"), "hello").unwrap();
    save_file(&dir.join(".hidden.ron"), &named("Hidden", 1)).unwrap();
    std::fs::write(dir.join(".a-newest.ron.123.0.tmp"), "half").unwrap();
    std::fs::create_dir(dir.join("folder.ron")).unwrap();

    let entries = scan_library(&dir.0);
    let names: Vec<String> = entries.iter().map(|e| e.file_name()).collect();
    assert_eq!(
        names,
        vec![
            "a-newest.ron",
            "c-broken.ron",
            "d-middle.ron",
            "b-oldest.ron"
        ]
    );
    assert_eq!(
        entries[0].status,
        EntryStatus::Ok {
            title: "Newest".to_owned(),
            date: date(),
            notes: 3
        }
    );
    assert_eq!(entries[0].title(), "Newest");
    assert_eq!(entries[0].modified, Some(hours_ago(1)));
    let EntryStatus::Broken { reason } = &entries[1].status else {
        panic!("expected a broken entry: {:?}", entries[1]);
    };
    assert!(reason.contains("c-broken.ron"), "{reason}");
    assert!(reason.contains("line 1"), "{reason}");
    assert_eq!(entries[1].title(), "c-broken.ron");
    assert!(matches!(
        entries[2].status,
        EntryStatus::Ok { notes: 0, .. }
    ));
}

#[test]
fn library_orders_files_saved_one_after_another() {
    let dir = TempDir::new("library_orders_files_saved_one_after_another");
    for title in ["First", "Second", "Third"] {
        save_file(&dir.join(format!("{title}.ron")), &named(title, 0)).unwrap();
        std::thread::sleep(Duration::from_millis(20));
    }
    let titles: Vec<String> = scan_library(&dir.0).iter().map(|e| e.title()).collect();
    assert_eq!(titles, vec!["Third", "Second", "First"]);
}

#[test]
fn library_ties_are_ordered_by_file_name() {
    let dir = TempDir::new("library_ties_are_ordered_by_file_name");
    let time = SystemTime::now() - Duration::from_secs(60);
    for name in ["c.ron", "a.ron", "b.ron"] {
        save_file(&dir.join(name), &named(name, 0)).unwrap();
        set_mtime(&dir.join(name), time);
    }
    let names: Vec<String> = scan_library(&dir.0).iter().map(|e| e.file_name()).collect();
    assert_eq!(names, vec!["a.ron", "b.ron", "c.ron"]);
}

#[test]
fn missing_library_folder_is_empty() {
    let dir = TempDir::new("missing_library_folder_is_empty");
    assert!(scan_library(&dir.join("not-there")).is_empty());
    assert!(scan_library(&dir.0).is_empty());
    assert!(
        !dir.join("not-there").exists(),
        "scanning must not create it"
    );
}

#[test]
fn filter_is_case_insensitive_and_empty_keeps_all() {
    let dir = TempDir::new("filter_is_case_insensitive");
    save_file(&dir.join("retro.ron"), &named("Team Retro Q3", 0)).unwrap();
    save_file(&dir.join("vision.ron"), &named("Vision Workshop", 0)).unwrap();
    save_file(&dir.join("cafe.ron"), &named("Café Ideen", 0)).unwrap();
    std::fs::write(dir.join("Broken-Retro.ron"), "not ron").unwrap();
    let entries = scan_library(&dir.0);
    assert_eq!(entries.len(), 4);
    let titles = |query: &str| -> Vec<String> {
        let mut t: Vec<String> = filter_entries(&entries, query)
            .iter()
            .map(|e| e.title())
            .collect();
        t.sort();
        t
    };
    assert_eq!(titles("").len(), 4);
    assert_eq!(titles("   ").len(), 4);
    assert_eq!(titles("RETRO"), vec!["Broken-Retro.ron", "Team Retro Q3"]);
    assert_eq!(titles("workSHOP"), vec!["Vision Workshop"]);
    assert_eq!(titles("CAFÉ"), vec!["Café Ideen"]);
    assert_eq!(titles("vision.ron"), vec!["Vision Workshop"]);
    assert!(titles("nothing like this").is_empty());
}

// ---------------------------------------------------------------- file names

const FORBIDDEN: &str = "/\\:*?\"<>|";
const RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

fn assert_safe_stem(title: &str) -> String {
    let stem = file_stem_for(title);
    assert!(!stem.is_empty(), "{title:?}");
    assert!(stem.chars().count() <= 60, "{title:?} -> {stem:?}");
    assert!(
        !stem
            .chars()
            .any(|c| FORBIDDEN.contains(c) || c.is_whitespace() || c.is_control()),
        "{title:?} -> {stem:?}"
    );
    assert!(!stem.starts_with(['-', '.']), "{title:?} -> {stem:?}");
    assert!(!stem.ends_with(['-', '.']), "{title:?} -> {stem:?}");
    assert!(!stem.contains("--"), "{title:?} -> {stem:?}");
    assert!(
        !RESERVED.contains(&stem.to_lowercase().as_str()),
        "{title:?} -> {stem:?}"
    );
    stem
}

#[test]
fn file_stems_turn_spaces_and_punctuation_into_dashes() {
    assert_eq!(file_stem_for("Innovation Lab 2026"), "innovation-lab-2026");
    assert_eq!(file_stem_for("  Team   retro  "), "team-retro");
    assert_eq!(
        file_stem_for("Q1/Q2 review: what's next?"),
        "q1-q2-review-whats-next"
    );
    assert_eq!(file_stem_for("R&D, sales + ops"), "r-d-sales-ops");
    assert_eq!(file_stem_for("a\\b|c*d\"e<f>g:h?i"), "a-b-c-d-e-f-g-h-i");
    assert_eq!(file_stem_for("tabs\tand\nnewlines"), "tabs-and-newlines");
}

#[test]
fn file_stems_never_hold_forbidden_characters() {
    let titles = [
        "/\\:*?\"<>|",
        "../../etc/passwd",
        "C:\\Users\\me\\session",
        "Vision \"2030\" <draft>",
        "..",
        ".hidden",
        "trailing dot.",
        "a\0b\u{1b}c",
        "what?! * | yes",
        "- dashes - everywhere -",
    ];
    for title in titles {
        let stem = assert_safe_stem(title);
        assert_ne!(stem, "..");
    }
    assert_eq!(file_stem_for("../../etc/passwd"), "etc-passwd");
}

#[test]
fn file_stems_keep_unicode_letters() {
    assert_eq!(file_stem_for("Café Ideen"), "café-ideen");
    assert_eq!(file_stem_for("Идеи и планы"), "идеи-и-планы");
    assert_eq!(file_stem_for("ورشة عمل"), "ورشة-عمل");
    assert_eq!(file_stem_for("רעיון חדש"), "רעיון-חדש");
    assert_eq!(file_stem_for("創新ワークショップ"), "創新ワークショップ");
    for title in [
        "Café Ideen",
        "Идеи и планы",
        "ورشة عمل",
        "創新ワークショップ",
    ] {
        assert_safe_stem(title);
    }
}

#[test]
fn file_stems_avoid_reserved_device_names() {
    for title in ["CON", "nul", "Aux", "com1", "LPT9", "prn.", " nul "] {
        let stem = assert_safe_stem(title);
        assert!(
            stem.starts_with(&title.trim().trim_matches('.').to_lowercase()),
            "{title:?} -> {stem:?} should still say what it was"
        );
    }
    assert_eq!(file_stem_for("console"), "console");
}

#[test]
fn file_stems_of_empty_or_punctuation_titles_are_session() {
    for title in [
        "",
        "   ",
        "!!!",
        "---",
        "/\\:*?\"<>|",
        "🎉🎉",
        "...",
        "\n\t",
    ] {
        assert_eq!(file_stem_for(title), "session", "{title:?}");
    }
}

#[test]
fn file_stems_are_capped_at_sixty_characters() {
    let long = "word ".repeat(100);
    let stem = assert_safe_stem(&long);
    assert!(stem.chars().count() <= 60);
    assert!(stem.chars().count() >= 55, "{stem}");
    let long = "é".repeat(200);
    assert_eq!(file_stem_for(&long).chars().count(), 60);
    // Cut right after a separator: no trailing dash.
    let title = format!("{} tail", "a".repeat(59));
    assert_eq!(file_stem_for(&title), "a".repeat(59));
}

#[test]
fn unique_path_numbers_clashes_and_reuses_current() {
    let dir = TempDir::new("unique_path_numbers_clashes");
    let title = "Team Retro";
    let first = unique_path(&dir.0, title, None);
    assert_eq!(first, dir.join("team-retro.ron"));
    std::fs::write(&first, "x").unwrap();
    let second = unique_path(&dir.0, title, None);
    assert_eq!(second, dir.join("team-retro-2.ron"));
    std::fs::write(&second, "x").unwrap();
    assert_eq!(
        unique_path(&dir.0, title, None),
        dir.join("team-retro-3.ron")
    );
    assert_eq!(unique_path(&dir.0, title, Some(&first)), first);
    assert_eq!(unique_path(&dir.0, title, Some(&second)), second);
    let other = dir.join("something-else.ron");
    assert_eq!(
        unique_path(&dir.0, title, Some(&other)),
        dir.join("team-retro-3.ron")
    );
    assert_eq!(
        unique_path(&dir.0, "Brand new", Some(&first)),
        dir.join("brand-new.ron")
    );
}

#[test]
fn error_messages_do_not_leak_internal_type_names() {
    let dir = TempDir::new("no_internal_names");
    for (name, text) in [
        ("list.ron", "[1, 2, 3]"),
        ("no-session.ron", "(format_version: 1)"),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let message = load_file(&path).unwrap_err().to_string();
        assert!(
            !message.contains("VersionOnly") && !message.contains("FileIn"),
            "{message}"
        );
        assert!(message.contains(name), "{message}");
    }
}

#[test]
fn the_library_lists_files_with_an_upper_case_extension() {
    let dir = TempDir::new("upper_case_extension");
    save_file(
        &dir.join("SHOUTY.RON"),
        &Session::new("Shouty", NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()),
    )
    .unwrap();
    let entries = scan_library(&dir);
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].title(), "Shouty");
}
