//! Protects against losing work in a crash: the real `goldthread` binary, driven headless by a
//! script through its real autosave path, is killed with SIGKILL in the middle of a workshop;
//! its recovery copy must hold every note added more than 2 seconds before the kill, the
//! session file must be untouched, and the next start must offer the copy back.
#![cfg(unix)]

mod common;

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::temp_dir;
use goldthread::storage::recovery::{list_recovery, read_recovery};
use goldthread::storage::{load_file, save_file};
use goldthread::{CanvasPos, Note, NoteColour, NoteId, Session};

/// The most a crash may lose.
const MAX_LOSS: Duration = Duration::from_secs(2);

fn start(library: &Path, file: Option<&Path>, script: &Path) -> Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_goldthread"));
    command
        .env("GOLDTHREAD_SCRIPT", script)
        .arg("--sessions")
        .arg(library)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    if let Some(file) = file {
        command.arg(file);
    }
    command.spawn().expect("the goldthread binary starts")
}

/// Reads the child's output lines as they arrive, each with the moment it arrived.
fn lines_of(child: &mut Child) -> mpsc::Receiver<(Instant, String)> {
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().expect("stdout is piped");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send((Instant::now(), line)).is_err() {
                break;
            }
        }
    });
    rx
}

/// The note count in a "step N notes M" line.
fn notes_in(line: &str) -> Option<usize> {
    let (_, count) = line.rsplit_once(" notes ")?;
    line.starts_with("step ").then(|| count.parse().ok())?
}

#[test]
fn sigkill_mid_workshop_loses_at_most_the_last_two_seconds() {
    let dir = temp_dir("crash-sigkill");
    let file = dir.join("council-lab.ron");
    let mut session = Session::new("Council lab", common::today());
    session.notes.push(Note::new(
        NoteId(1),
        "Already saved before the crash",
        NoteColour::Blue,
        CanvasPos::new(0.0, 0.0),
    ));
    save_file(&file, &session).unwrap();
    let saved_bytes = std::fs::read(&file).unwrap();

    // Open the capture box, then add a note every ~130 ms for far longer than the test runs.
    let mut script = String::from("key N\ntext n\n");
    for i in 1..=200 {
        script.push_str(&format!("note Idea {i}\nwait 100\n"));
    }
    let script_path = dir.join("script.txt");
    std::fs::write(&script_path, script).unwrap();

    let mut child = start(&dir, Some(&file), &script_path);
    let rx = lines_of(&mut child);
    let mut seen: Vec<(Instant, usize)> = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    // Work for a while: until 25 notes have been added and at least 3 s of steady typing.
    let mut first_note = None;
    while Instant::now() < deadline {
        let Ok((at, line)) = rx.recv_timeout(Duration::from_secs(30)) else {
            break;
        };
        let Some(notes) = notes_in(&line) else {
            continue;
        };
        seen.push((at, notes));
        if notes > 1 {
            first_note.get_or_insert(at);
        }
        if notes >= 26 && first_note.is_some_and(|t| at.duration_since(t) > Duration::from_secs(3))
        {
            break;
        }
    }
    child.kill().expect("SIGKILL"); // std sends SIGKILL on Unix: no clean-up runs.
    let killed_at = Instant::now();
    let _ = child.wait();
    // Lines already on their way count as done before the kill.
    while let Ok((at, line)) = rx.recv_timeout(Duration::from_millis(200)) {
        if let Some(notes) = notes_in(&line)
            && at <= killed_at
        {
            seen.push((at, notes));
        }
    }
    let added = seen.iter().map(|(_, n)| *n).max().unwrap_or(0);
    assert!(added >= 26, "the script added too few notes: {added}");
    let must_keep = seen
        .iter()
        .filter(|(at, _)| killed_at.duration_since(*at) >= MAX_LOSS)
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    assert!(must_keep > 1, "the test did not run long enough");

    assert_eq!(
        std::fs::read(&file).unwrap(),
        saved_bytes,
        "the session file is never written by autosave"
    );
    let copies = list_recovery(&dir);
    assert_eq!(copies.len(), 1, "{copies:#?}");
    let copy = &copies[0];
    assert_eq!(copy.title, "Council lab");
    assert_eq!(
        copy.of_file.as_deref().map(|p| p.file_name()),
        Some(file.file_name())
    );
    let (_, loaded) = read_recovery(&copy.path).unwrap();
    let texts: Vec<&str> = loaded
        .session
        .notes
        .iter()
        .map(|n| n.text.as_str())
        .collect();
    assert!(
        texts.len() >= must_keep,
        "the recovery copy holds {} notes; {must_keep} were added more than 2 s before the kill \
         (of {added})",
        texts.len()
    );
    assert_eq!(texts[0], "Already saved before the crash");
    for (i, text) in texts.iter().enumerate().take(must_keep).skip(1) {
        assert_eq!(*text, format!("Idea {i}"), "note {i} in order");
    }
    eprintln!(
        "crash test: {added} notes added, {} in the recovery copy, {must_keep} required",
        texts.len()
    );

    // The stale lock of the killed process does not block the next start, which offers the copy.
    let script_path = dir.join("restart.txt");
    std::fs::write(&script_path, "wait 500\nreport\nquit\n").unwrap();
    let output = start(&dir, None, &script_path).wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(
        stdout.contains(&format!("offered Council lab notes {}", texts.len())),
        "the restart offers the copy:\n{stdout}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), saved_bytes);
    assert!(load_file(&file).is_ok());
}
