//! Helpers shared by the integration tests: temporary library folders and a driven app.

#![allow(dead_code, reason = "each test file uses a different part")]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use goldthread::ui::{AppConfig, GoldthreadApp, Settings};

/// A fresh, empty folder for one test, removed again when the test ends.
pub struct TempDir(pub PathBuf);

impl TempDir {
    /// A folder named after the test and this process.
    pub fn new(test: &str) -> Self {
        let path =
            std::env::temp_dir().join(format!("goldthread-test-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Self(path)
    }

    /// The names of everything in the folder, sorted.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl std::ops::Deref for TempDir {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for TempDir {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A fresh, empty folder for one test (see [`TempDir`]).
pub fn temp_dir(name: &str) -> TempDir {
    TempDir::new(name)
}

/// The workshop date every test uses.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// The app on a library folder, at laptop size, with no native dialogs, after its first frames.
pub fn app(library: &Path) -> Harness<'static, GoldthreadApp> {
    app_with(library, None)
}

/// Like [`app`], opening `file` at start.
pub fn app_with(library: &Path, file: Option<PathBuf>) -> Harness<'static, GoldthreadApp> {
    app_sized(library, file, egui::vec2(1280.0, 800.0))
}

/// Like [`app_with`], in a window of `size` points (e.g. 1920x1080 for a projector).
pub fn app_sized(
    library: &Path,
    file: Option<PathBuf>,
    size: egui::Vec2,
) -> Harness<'static, GoldthreadApp> {
    let config = AppConfig {
        library_dir: library.to_owned(),
        open_file: file,
        native_dialogs: false,
        today: today(),
    };
    let mut app = GoldthreadApp::new(config, Settings::default());
    // Exports are offered in the test's folder, never the real Documents folder.
    app.set_export_dir(library.to_owned());
    let mut harness = Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(240)
        .build_ui_state(|ui, app: &mut GoldthreadApp| app.ui(ui), app);
    settle(&mut harness);
    harness
}

/// Runs frames until every background job (save, load, listing) has finished.
pub fn settle(harness: &mut Harness<'static, GoldthreadApp>) {
    for _ in 0..500 {
        harness.run();
        if harness.state().is_idle() {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("background jobs did not finish");
}

/// Types text as the keyboard would deliver it.
pub fn type_text(harness: &mut Harness<'static, GoldthreadApp>, text: &str) {
    harness.event(Event::Text(text.to_owned()));
    harness.run();
}

/// Presses one key.
pub fn press(harness: &mut Harness<'static, GoldthreadApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// Presses a key with modifiers (e.g. Ctrl+S).
pub fn press_with(harness: &mut Harness<'static, GoldthreadApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Starts a new, blank session with the default title from the library: Ctrl+N, the Blank
/// template (the dialog starts on the digital strategy lab), Enter.
pub fn new_session(harness: &mut Harness<'static, GoldthreadApp>) {
    use egui_kittest::kittest::Queryable as _;
    press_with(harness, Modifiers::COMMAND, Key::N);
    harness.get_by_label("Template: Blank").click();
    harness.run();
    press(harness, Key::Enter);
    settle(harness);
    assert!(
        harness.state().open.is_some(),
        "Ctrl+N then Enter should open a new session"
    );
}

/// Captures notes by pressing N, typing each and pressing Enter, then closes the box with Esc.
pub fn capture_notes(harness: &mut Harness<'static, GoldthreadApp>, texts: &[&str]) {
    harness.key_press(Key::N);
    type_text(harness, "n");
    for text in texts {
        type_text(harness, text);
        press(harness, Key::Enter);
    }
    press(harness, Key::Escape);
}

/// The texts of the open session's notes, in drawing order.
pub fn note_texts(harness: &Harness<'static, GoldthreadApp>) -> Vec<String> {
    harness
        .state()
        .open
        .as_ref()
        .map(|o| o.session.notes.iter().map(|n| n.text.clone()).collect())
        .unwrap_or_default()
}

/// The open session's state; panics when no session is open.
pub fn open_session<'h>(
    harness: &'h Harness<'static, GoldthreadApp>,
) -> &'h goldthread::ui::OpenSession {
    harness.state().open.as_ref().expect("a session is open")
}

/// Drags with the primary button from `start` by `delta`, in several pointer moves as a hand
/// would, then drops.
pub fn drag_by(
    harness: &mut Harness<'static, GoldthreadApp>,
    start: egui::Pos2,
    delta: egui::Vec2,
) {
    const STEPS: usize = 8;
    harness.drag_at(start);
    harness.run();
    for i in 1..=STEPS {
        harness.hover_at(start + delta * (i as f32 / STEPS as f32));
        harness.run();
    }
    harness.drop_at(start + delta);
    harness.run();
}

/// A fresh library folder and the app with a new, empty session open in it.
pub fn app_with_new_session(name: &str) -> (TempDir, Harness<'static, GoldthreadApp>) {
    let dir = temp_dir(name);
    let mut harness = app(&dir);
    new_session(&mut harness);
    (dir, harness)
}

/// Starts the real `goldthread` binary in its headless script mode on `library` (and `file`),
/// its output piped for the test to read.
pub fn start_scripted(library: &Path, file: Option<&Path>, script: &Path) -> std::process::Child {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_goldthread"));
    command
        .env("GOLDTHREAD_SCRIPT", script)
        .arg("--sessions")
        .arg(library)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit());
    if let Some(file) = file {
        command.arg(file);
    }
    command.spawn().expect("the goldthread binary starts")
}
