//! Helpers for the tests of saving and recovery: saved session files, frames run until
//! something holds, and the notices shown.
//! Include it with `#[path = "common/saving.rs"] mod saving;` next to `mod common;`.

#![allow(dead_code, reason = "each test file uses a different part")]

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui_kittest::Harness;
use goldthread::storage::recovery::list_recovery;
use goldthread::storage::save_file;
use goldthread::ui::GoldthreadApp;
use goldthread::{CanvasPos, Note, NoteColour, NoteId, Session};

/// Runs frames (1/60 s of app time each) until `done` holds; fails after `secs` of app time.
pub fn run_until(
    h: &mut Harness<'static, GoldthreadApp>,
    secs: f64,
    what: &str,
    done: impl Fn(&Harness<'static, GoldthreadApp>) -> bool,
) {
    let steps = (secs * 60.0) as usize;
    for _ in 0..steps {
        if done(h) {
            return;
        }
        h.step();
        std::thread::sleep(Duration::from_millis(2));
    }
    crate::common::settle(h);
    assert!(done(h), "{what}: not within {secs} s");
}

/// The recovery copies in the library `dir`.
pub fn copies(dir: &Path) -> Vec<PathBuf> {
    list_recovery(dir).into_iter().map(|c| c.path).collect()
}

/// A session file `name` in `dir` titled `title`, holding `notes`.
pub fn saved_session(dir: &Path, name: &str, title: &str, notes: &[&str]) -> PathBuf {
    let mut session = Session::new(title, crate::common::today());
    let notes = notes
        .iter()
        .enumerate()
        .map(|(i, t)| {
            Note::new(
                NoteId(i as u64 + 1),
                *t,
                NoteColour::Yellow,
                CanvasPos::new(i as f32 * 260.0, 0.0),
            )
        })
        .collect();
    let _ = goldthread::Edit::add_notes(&session, notes).apply(&mut session);
    let path = dir.join(name);
    save_file(&path, &session).unwrap();
    path
}

/// True when a notice (an error when `error`) containing `text` is showing.
pub fn has_notice(h: &Harness<'static, GoldthreadApp>, error: bool, text: &str) -> bool {
    h.state()
        .notices()
        .all()
        .iter()
        .any(|n| n.is_error == error && n.text.contains(text))
}
