//! Protects the app from small hostile files: each one is refused or repaired within a time
//! (or memory) bound, and none of them keeps the library from listing every other session.
//! Every file here is generated; each case has a time assertion that today's code would miss.

mod common;

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use common::{TempDir, today};
use goldthread::import::{MAX_IMPORT_NOTES, read_notes};
use goldthread::storage::{
    EntryStatus, MAX_LISTED_TITLE_CHARS, from_ron, load_file, load_templates, save_file,
    scan_library, scan_library_each,
};
use goldthread::{CanvasPos, Note, NoteColour, NoteId, Session};

/// Runs `work` on a thread and fails the test if it takes longer than `limit` (a hang fails
/// instead of hanging the test run).
fn within<T: Send + 'static>(
    limit: Duration,
    what: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    let started = Instant::now();
    std::thread::spawn(move || {
        let _ = tx.send(work());
    });
    match rx.recv_timeout(limit) {
        Ok(value) => value,
        Err(_) => panic!(
            "{what} took longer than {limit:?} (still running after {:?})",
            started.elapsed()
        ),
    }
}

fn session_text(notes: usize, themes: &str, note_extra: impl Fn(usize) -> String) -> String {
    let mut text = String::from(
        "(format_version: 2, session: (title: \"Hostile\", date: \"2026-11-22\", notes: [",
    );
    for i in 0..notes {
        text.push_str(&format!(
            "(id: 1, text: \"n{i}\", pos: (x: 0.0, y: 0.0){}),",
            note_extra(i)
        ));
    }
    text.push_str("], themes: [");
    text.push_str(themes);
    text.push_str("]))");
    text
}

#[test]
fn eighty_thousand_duplicate_themes_are_repaired_in_linear_time() {
    // Built in memory: parsing is slow in a debug build whatever the repair does (the library
    // test below reads such a file from disk).
    let mut session = Session::new("Hostile", today());
    for i in 0..80_000 {
        session.themes.push(goldthread::model::Theme::new(
            goldthread::model::ThemeId(7),
            format!("T{i}"),
        ));
    }
    let (session, warnings, took) =
        within(Duration::from_secs(30), "repairing 80k themes", move || {
            let mut session = session;
            let started = Instant::now();
            let warnings = session.repair();
            (session, warnings, started.elapsed())
        });
    // The quadratic repair took 12 s for this in a release build.
    assert!(took < Duration::from_secs(3), "took {took:?}");
    let ids: std::collections::HashSet<u64> = session.themes.iter().map(|t| t.id.0).collect();
    assert_eq!(ids.len(), 80_000, "every theme has its own id");
    assert!(warnings.len() <= 25, "{}", warnings.len());
    assert_eq!(warnings[0], "79,999 duplicate theme ids were renumbered.");
}

#[test]
fn a_hundred_thousand_duplicate_note_ids_give_a_summary_not_a_flood() {
    // Built in memory: parsing 100k notes is slow in a debug build whatever the repair does.
    let mut session = Session::new("Hostile", today());
    for i in 0..100_000 {
        session.notes.push(Note::new(
            NoteId(1),
            format!("n{i}"),
            NoteColour::Yellow,
            CanvasPos::default(),
        ));
    }
    let (session, warnings, took) =
        within(Duration::from_secs(30), "repairing 100k notes", move || {
            let mut session = session;
            let started = Instant::now();
            let warnings = session.repair();
            (session, warnings, started.elapsed())
        });
    assert!(took < Duration::from_secs(5), "took {took:?}");
    assert_eq!(warnings[0], "99,999 duplicate note ids were renumbered.");
    assert!(warnings.len() <= 25, "{:?}", warnings.len());
    let total: usize = warnings.iter().map(String::len).sum();
    assert!(total < 4_000, "the warnings stay small: {total} bytes");
    assert_eq!(session.notes.len(), 100_000, "no note is lost");
    let ids: std::collections::HashSet<u64> = session.notes.iter().map(|n| n.id.0).collect();
    assert_eq!(ids.len(), 100_000, "every note has its own id");
}

#[test]
fn a_theme_spread_ten_million_units_apart_is_gathered_and_adding_a_note_stays_cheap() {
    // The 380-byte file from the red-team pass: one theme, two notes at +-10,000,000.
    let text = "(format_version: 2, session: (title: \"Far\", date: \"2026-11-22\", notes: [\
        (id: 1, text: \"a\", pos: (x: -10000000.0, y: -10000000.0), theme: Some(1)),\
        (id: 2, text: \"b\", pos: (x: 10000000.0, y: 10000000.0), theme: Some(1))],\
        themes: [(id: 1, name: \"Far\")]))";
    let loaded = from_ron(text).unwrap();
    assert!(
        loaded.warnings.iter().any(|w| w.contains("gathered")),
        "{:?}",
        loaded.warnings
    );
    let frame = loaded.session.theme_frames()[0].frame;
    assert!(
        frame.width() < 10_000.0 && frame.height() < 10_000.0,
        "{frame:?}"
    );
    // Even a frame as large as the plausible canvas costs little to place a note beside.
    let mut session = loaded.session;
    session.themes[0].pos = CanvasPos::new(-9_000_000.0, -9_000_000.0);
    session.notes[1].pos = CanvasPos::new(9_000_000.0, 9_000_000.0);
    let (slots, took) = within(Duration::from_secs(10), "placing a note", move || {
        let started = Instant::now();
        let area = goldthread::model::CanvasRect::from_min_max(
            CanvasPos::new(0.0, 0.0),
            CanvasPos::new(1600.0, 900.0),
        );
        (session.free_note_slots(area, 1), started.elapsed())
    });
    assert_eq!(slots.len(), 1);
    assert!(took < Duration::from_secs(2), "took {took:?}");
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo");
}

#[cfg(unix)]
#[test]
fn a_pipe_in_the_recovery_folder_or_as_a_lock_file_never_hangs_the_start() {
    use goldthread::storage::{lock, recovery};
    let dir = TempDir::new("hostile-recovery-fifo");
    let library = dir.join("library");
    let folder = recovery::recovery_dir(&library);
    std::fs::create_dir_all(&folder).unwrap();
    mkfifo(&folder.join("stuck.20260101-000000-1-1.ron"));
    let session = library.join("council.ron");
    save_file(&session, &Session::new("Council", today())).unwrap();
    mkfifo(&lock::lock_path_for(&session));
    let (copies, owner) = within(
        Duration::from_secs(5),
        "listing recovery copies",
        move || {
            (
                recovery::pending_recovery(&library).len(),
                lock::lock_owner(&session).is_some(),
            )
        },
    );
    assert_eq!(copies, 0, "a pipe is not a recovery copy");
    assert!(!owner, "a pipe names no lock holder");
}

#[cfg(unix)]
#[test]
fn pipes_and_devices_are_refused_without_being_read() {
    let dir = TempDir::new("hostile-fifo");
    let fifo = dir.join("pipe.ron");
    mkfifo(&fifo);
    let (pipe, zero) = within(Duration::from_secs(5), "opening a pipe", move || {
        (
            load_file(&fifo).unwrap_err().to_string(),
            load_file(Path::new("/dev/zero")).unwrap_err().to_string(),
        )
    });
    assert!(
        pipe.contains("it is a pipe or socket, not a file"),
        "{pipe}"
    );
    assert!(zero.contains("it is a device, not a file"), "{zero}");
    let notes = dir.join("notes.txt");
    mkfifo(&notes);
    let err = within(Duration::from_secs(5), "importing a pipe", move || {
        read_notes(&notes).unwrap_err().to_string()
    });
    assert!(err.contains("pipe"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_library_holding_hostile_files_lists_every_other_session_within_a_second() {
    let dir = TempDir::new("hostile-library");
    save_file(&dir.join("a-good.ron"), &Session::new("Good one", today())).unwrap();
    save_file(&dir.join("z-good.ron"), &Session::new("Good two", today())).unwrap();
    mkfifo(&dir.join("pipe.ron"));
    let mut long = Session::new("x".repeat(10_000_000), today());
    long.notes.push(Note::new(
        NoteId(1),
        "n",
        NoteColour::Yellow,
        CanvasPos::default(),
    ));
    save_file(&dir.join("long-title.ron"), &long).unwrap();
    let mut themes = String::new();
    for i in 0..20_000 {
        themes.push_str(&format!("(id: 7, name: \"T{i}\"),"));
    }
    std::fs::write(
        dir.join("themes.ron"),
        session_text(1, &themes, |_| String::new()),
    )
    .unwrap();
    // Every other session arrives within a second, whatever the slow files do.
    let path = dir.to_path_buf();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        scan_library_each(&path, &AtomicBool::new(false), |entry| {
            tx.send(entry.title()).is_ok()
        });
    });
    let deadline = Instant::now() + Duration::from_secs(1);
    let mut seen = Vec::new();
    while seen.len() < 2 {
        let left = deadline.saturating_duration_since(Instant::now());
        let Ok(title) = rx.recv_timeout(left) else {
            panic!("only {seen:?} listed within a second");
        };
        seen.push(title);
    }
    seen.sort();
    assert_eq!(seen, ["Good one", "Good two"]);
    // The whole listing completes, the pipe is not listed, and the title is cut short.
    let entries = within(Duration::from_secs(90), "the full listing", {
        let path = dir.to_path_buf();
        move || scan_library(&path)
    });
    assert_eq!(
        entries.len(),
        4,
        "{:?}",
        entries.iter().map(|e| e.file_name()).collect::<Vec<_>>()
    );
    let long = entries
        .iter()
        .find(|e| e.file_name() == "long-title.ron")
        .unwrap();
    let EntryStatus::Ok { title, .. } = &long.status else {
        panic!("{:?}", long.status);
    };
    assert!(title.chars().count() <= MAX_LISTED_TITLE_CHARS);
}

/// A library folder holding `n` healthy sessions titled "Session 0", "Session 1", ...
fn library_of(name: &str, n: usize) -> TempDir {
    let dir = TempDir::new(name);
    for i in 0..n {
        let session = Session::new(format!("Session {i}"), today());
        save_file(&dir.join(format!("s{i}.ron")), &session).unwrap();
    }
    dir
}

#[test]
fn a_cancelled_scan_stops_after_the_file_it_is_reading() {
    let dir = library_of("hostile-cancel", 5);
    let cancel = AtomicBool::new(false);
    let mut seen = 0;
    scan_library_each(&dir, &cancel, |_| {
        seen += 1;
        cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        true
    });
    assert_eq!(seen, 1);
}

#[test]
fn a_huge_template_is_skipped_without_being_read() {
    let dir = TempDir::new("hostile-template");
    let folder = dir.join("templates");
    std::fs::create_dir_all(&folder).unwrap();
    // 1.5 GB, sparse: reading it would take seconds and 1.5 GB of memory.
    let file = std::fs::File::create(folder.join("huge.ron")).unwrap();
    file.set_len(1_500_000_000).unwrap();
    let path = dir.to_path_buf();
    let (found, took) = within(Duration::from_secs(5), "listing templates", move || {
        let started = Instant::now();
        (load_templates(&path), started.elapsed())
    });
    assert!(took < Duration::from_millis(500), "took {took:?}");
    assert_eq!(
        found.problems,
        ["Template huge.ron was skipped: it is too large to be a template."]
    );
}

#[test]
fn a_million_lines_are_refused_quickly_by_import_and_suggest() {
    let dir = TempDir::new("hostile-million");
    let lines = dir.join("million.txt");
    let text: String = (0..1_000_000).map(|i| format!("idea {i}\n")).collect();
    std::fs::write(&lines, text).unwrap();
    let session = dir.join("s.ron");
    save_file(&session, &Session::new("S", today())).unwrap();
    let before = std::fs::read(&session).unwrap();
    let bin = env!("CARGO_BIN_EXE_goldthread");
    for args in [
        vec![
            "import-notes",
            session.to_str().unwrap(),
            lines.to_str().unwrap(),
        ],
        vec!["suggest-themes", lines.to_str().unwrap()],
    ] {
        let started = Instant::now();
        let out = std::process::Command::new(bin)
            .args(&args)
            .output()
            .unwrap();
        let took = started.elapsed();
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("at most {} can be imported at once", "20,000")),
            "{err}"
        );
        assert!(took < Duration::from_secs(20), "{args:?} took {took:?}");
    }
    assert_eq!(MAX_IMPORT_NOTES, 20_000);
    assert_eq!(
        std::fs::read(&session).unwrap(),
        before,
        "the session is untouched"
    );
}

#[test]
fn suggest_themes_refuses_more_notes_than_it_groups_in_seconds() {
    let dir = TempDir::new("hostile-suggest-cap");
    let lines = dir.join("many.txt");
    let text: String = (0..10_500).map(|i| format!("idea {i}\n")).collect();
    std::fs::write(&lines, text).unwrap();
    let started = Instant::now();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_goldthread"))
        .args(["suggest-themes", lines.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("holds 10,500 notes; suggest-themes groups at most 10,000 at once"),
        "{err}"
    );
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(goldthread::cli::MAX_SUGGEST_NOTES, 10_000);
}

#[test]
fn a_deeply_nested_file_gets_a_message_for_people_not_programmers() {
    let text = format!(
        "(format_version: 2, session: (title: \"t\", date: \"2026-11-22\", notes: {}{}))",
        "[".repeat(200),
        "]".repeat(200)
    );
    let err = from_ron(&text).unwrap_err().to_string();
    assert!(!err.contains("ron::") && !err.contains("serde"), "{err}");
    assert!(err.contains("nested far more deeply"), "{err}");
}

#[cfg(unix)]
#[test]
fn the_app_lists_a_library_holding_a_pipe_and_refreshes_without_piling_up_scans() {
    let dir = library_of("hostile-app-library", 3);
    mkfifo(&dir.join("pipe.ron"));
    let mut h = common::app(&dir);
    common::settle(&mut h);
    assert_eq!(h.state().library().entries.len(), 3);
    // Refresh pressed again and again: each cancels the last, and the list is never doubled.
    for _ in 0..5 {
        h.state_mut().run(goldthread::ui::Action::RefreshLibrary);
        h.run();
    }
    common::settle(&mut h);
    let library = &h.state().library().entries;
    let mut titles: Vec<String> = library.iter().map(|e| e.title()).collect();
    titles.sort();
    assert_eq!(titles, ["Session 0", "Session 1", "Session 2"]);
    assert!(!h.state().library().scanning);
}
