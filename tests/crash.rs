//! Protects against losing work in a crash, and against two writers, with real processes: the
//! real `goldthread` binary, driven headless by a script through its real autosave path, is
//! killed with SIGKILL in the middle of a workshop; its recovery copy must hold every note
//! added more than 2 seconds before the kill and the text being typed, the session file must
//! be untouched, and the next start must offer the copy back, even from another library.
//! While the app has a file open, `goldthread import-notes` refuses to write it, and a
//! Goldthread in another PID namespace (as Flatpak and Snap run it) is not mistaken for gone.
#![cfg(unix)]

mod common;

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::temp_dir;
use goldthread::storage::lock::{self, LockError};
use goldthread::storage::recovery::{list_recovery, read_recovery, read_recovery_with_drafts};
use goldthread::storage::{load_file, save_file};
use goldthread::{CanvasPos, Note, NoteColour, NoteId, Session};

/// The most a crash may lose.
const MAX_LOSS: Duration = Duration::from_secs(2);

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

    let mut child = common::start_scripted(&dir, Some(&file), &script_path);
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
    let output = common::start_scripted(&dir, None, &script_path)
        .wait_with_output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(
        stdout.contains(&format!("offered Council lab notes {}", texts.len())),
        "the restart offers the copy:\n{stdout}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), saved_bytes);
    assert!(load_file(&file).is_ok());
}

/// Waits for the line `step N …` of a child's output (and the moment it arrived).
fn wait_for_step(rx: &mpsc::Receiver<(Instant, String)>, n: usize) -> Instant {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let Ok((at, line)) = rx.recv_timeout(Duration::from_secs(30)) else {
            break;
        };
        if line.starts_with(&format!("step {n} ")) {
            return at;
        }
    }
    panic!("the script never reached step {n}");
}

#[test]
fn sigkill_while_typing_keeps_the_draft() {
    let dir = temp_dir("crash-draft");
    let file = dir.join("drafts.ron");
    save_file(&file, &Session::new("Draft lab", common::today())).unwrap();
    let saved_bytes = std::fs::read(&file).unwrap();
    let script =
        "key N\ntext n\nnote First idea\ntext Half-typed thought about parking\nwait 60000\n";
    let script_path = dir.join("script.txt");
    std::fs::write(&script_path, script).unwrap();
    let mut child = common::start_scripted(&dir, Some(&file), &script_path);
    let rx = lines_of(&mut child);
    let typed_at = wait_for_step(&rx, 3);
    std::thread::sleep(MAX_LOSS.saturating_sub(typed_at.elapsed()));
    child.kill().expect("SIGKILL");
    let _ = child.wait();

    assert_eq!(std::fs::read(&file).unwrap(), saved_bytes);
    let copies = list_recovery(&dir);
    assert_eq!(copies.len(), 1, "{copies:#?}");
    assert_eq!(copies[0].drafts, 1);
    let (_, loaded, drafts) = read_recovery_with_drafts(&copies[0].path).unwrap();
    assert_eq!(loaded.session.notes.len(), 1);
    assert_eq!(
        drafts.capture.as_deref(),
        Some("Half-typed thought about parking"),
        "the text being typed is in the copy"
    );
}

/// Starts `goldthread` with no `--sessions`, in `cwd`, with `data` as the user's data folder.
fn start_in(cwd: &Path, data: &Path, file: Option<&Path>, script: &Path) -> Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_goldthread"));
    command
        .current_dir(cwd)
        .env("GOLDTHREAD_SCRIPT", script)
        .env("XDG_DATA_HOME", data)
        .env("HOME", data)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    if let Some(file) = file {
        command.arg(file);
    }
    command.spawn().expect("the goldthread binary starts")
}

#[test]
fn a_copy_left_in_a_terminal_starts_library_is_offered_at_a_desktop_start() {
    let dir = temp_dir("crash-other-library");
    let project = dir.join("project");
    let elsewhere = dir.join("elsewhere");
    let data = dir.join("data");
    for d in [&project.join("sessions"), &elsewhere, &data] {
        std::fs::create_dir_all(d).unwrap();
    }
    let file = project.join("sessions").join("terminal.ron");
    save_file(&file, &Session::new("Terminal lab", common::today())).unwrap();
    // Started from a terminal in the project: the library is ./sessions.
    let script = dir.join("script.txt");
    std::fs::write(&script, "key N\ntext n\nnote Lost idea\nwait 60000\n").unwrap();
    let mut child = start_in(&project, &data, Some(&file), &script);
    let rx = lines_of(&mut child);
    let added_at = wait_for_step(&rx, 2);
    std::thread::sleep(MAX_LOSS.saturating_sub(added_at.elapsed()));
    child.kill().expect("SIGKILL");
    let _ = child.wait();
    assert_eq!(list_recovery(&project.join("sessions")).len(), 1);

    // Started from the desktop: no ./sessions, so the library is the data folder's.
    let restart = dir.join("restart.txt");
    std::fs::write(&restart, "wait 800\nreport\nquit\n").unwrap();
    let output = start_in(&elsewhere, &data, None, &restart)
        .wait_with_output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(
        stdout.contains("offered Terminal lab notes 1"),
        "the desktop start offers the terminal start's copy:\n{stdout}"
    );
}

/// The lock owner's process id once `child` has the file open.
fn wait_for_lock(file: &Path, what: &str) -> u32 {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Some(owner) = lock::lock_owner(file) {
            return owner.pid;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("{what} never took the lock");
}

fn import_notes(file: &Path, notes: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_goldthread"))
        .arg("import-notes")
        .arg(file)
        .arg(notes)
        .output()
        .unwrap()
}

#[test]
fn import_notes_refuses_a_file_open_in_the_app_and_the_survey_is_never_lost() {
    let dir = temp_dir("crash-cli-lock");
    let file = dir.join("x.ron");
    save_file(&file, &Session::new("Survey lab", common::today())).unwrap();
    let survey = dir.join("survey.txt");
    std::fs::write(&survey, "More buses at night\n").unwrap();
    let script = dir.join("script.txt");
    std::fs::write(&script, "wait 60000\n").unwrap();
    let mut app = common::start_scripted(&dir, Some(&file), &script);
    assert_eq!(wait_for_lock(&file, "the app"), app.id());
    let bytes = std::fs::read(&file).unwrap();

    let output = import_notes(&file, &survey);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains(&format!("is open in Goldthread (process {}", app.id())),
        "names who holds it:\n{stderr}"
    );
    assert!(stderr.contains("Nothing was imported"), "{stderr}");
    assert_eq!(std::fs::read(&file).unwrap(), bytes, "not written");

    // Once the app is gone (even killed), the import goes ahead.
    app.kill().unwrap();
    let _ = app.wait();
    let output = import_notes(&file, &survey);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(load_file(&file).unwrap().session.notes.len(), 1);
}

/// True when this machine can make PID namespaces; prints why the test is skipped when not.
fn can_unshare() -> bool {
    let ok = Command::new("unshare")
        .args(["-p", "-f", "--mount-proc", "--kill-child", "true"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!(
            "skipped: `unshare -p -f --mount-proc` is not available here (needs root or user namespaces)"
        );
    }
    ok
}

/// `goldthread` (with `args`) in a PID namespace of its own.
fn in_namespace(script: &Path) -> Command {
    let mut command = Command::new("unshare");
    command
        .args(["-p", "-f", "--mount-proc", "--kill-child"])
        .arg(env!("CARGO_BIN_EXE_goldthread"))
        .env("GOLDTHREAD_SCRIPT", script);
    command
}

#[test]
fn a_goldthread_in_another_pid_namespace_is_never_taken_for_gone() {
    if !can_unshare() {
        return;
    }
    let dir = temp_dir("crash-pid-namespace");
    let file = dir.join("shared.ron");
    save_file(&file, &Session::new("Shared lab", common::today())).unwrap();

    // Inside the namespace, it holds the file: here, its process id means nothing (or another
    // process), yet the lock holds.
    let script = dir.join("hold.txt");
    std::fs::write(&script, "wait 60000\n").unwrap();
    let mut holder = in_namespace(&script)
        .arg("--sessions")
        .arg(&*dir)
        .arg(&file)
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let pid = wait_for_lock(&file, "the namespaced app");
    assert_ne!(pid, holder.id(), "its process id is the namespace's own");
    assert!(matches!(lock::acquire(&file), Err(LockError::Held(_))));
    assert!(matches!(
        lock::acquire_anyway(&file),
        Err(LockError::Held(_))
    ));
    holder.kill().unwrap();
    let _ = holder.wait();
    // Gone for real: its lock is free.
    let mut freed = false;
    for _ in 0..100 {
        if lock::acquire(&file).is_ok() {
            freed = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(freed, "a killed holder's lock does not block");

    // The other way round: this process holds it, and a Goldthread started in a namespace
    // (where this process id does not exist) does not take it over.
    let held = lock::acquire(&file).unwrap();
    let bytes = std::fs::read(&file).unwrap();
    let script = dir.join("open.txt");
    std::fs::write(&script, "wait 800\nreport\nquit\n").unwrap();
    let output = in_namespace(&script)
        .arg("--sessions")
        .arg(&*dir)
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        !stdout.contains("open Shared lab"),
        "it asks first rather than opening for writing:\n{stdout}"
    );
    let survey = dir.join("survey.txt");
    std::fs::write(&survey, "An idea\n").unwrap();
    let output = Command::new("unshare")
        .args(["-p", "-f", "--mount-proc", "--kill-child"])
        .arg(env!("CARGO_BIN_EXE_goldthread"))
        .arg("import-notes")
        .arg(&file)
        .arg(&survey)
        .output()
        .unwrap();
    assert!(!output.status.success(), "{output:?}");
    assert_eq!(std::fs::read(&file).unwrap(), bytes);
    assert_eq!(lock::lock_owner(&file).unwrap().pid, std::process::id());
    drop(held);
}
