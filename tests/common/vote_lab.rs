//! A saved session ready to vote on, shared by the voting UI tests: a theme per name (ids from
//! 1), each holding one note "<theme> idea", and named people (ids from 1), opened on the Vote tab.

#![allow(dead_code, reason = "each test file uses a different part")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goldthread::model::{Participant, ParticipantId, Theme, ThemeId};
use goldthread::ui::GoldthreadApp;
use goldthread::{CanvasPos, Edit, Note, NoteColour, NoteId, Session};

use crate::common::{TempDir, app_with, press, settle, temp_dir, today};

/// The session titled `title` with `themes` and `people`.
pub fn vote_session(title: &str, themes: &[&str], people: &[&str]) -> Session {
    let mut s = Session::new(title, today());
    for (i, t) in themes.iter().enumerate() {
        let id = i as u64 + 1;
        s.themes.push(Theme::new(ThemeId(id), *t));
        let mut note = Note::new(
            NoteId(id),
            format!("{t} idea"),
            NoteColour::Yellow,
            CanvasPos::new(0.0, id as f32 * 200.0),
        );
        note.theme = Some(ThemeId(id));
        s.notes.push(note);
    }
    let people = people
        .iter()
        .enumerate()
        .map(|(i, n)| (i, Participant::new(ParticipantId(i as u64 + 1), *n)))
        .collect();
    Edit::InsertParticipants(people).apply(&mut s);
    s
}

/// A library (named after the test) holding that session saved as `file`, and the app with it
/// open on the Vote screen.
pub fn vote_lab(
    test: &str,
    file: &str,
    session: &Session,
) -> (TempDir, Harness<'static, GoldthreadApp>) {
    let dir = temp_dir(test);
    let path = dir.join(file);
    goldthread::storage::save_file(&path, session).unwrap();
    let mut h = app_with(&dir, Some(path));
    settle(&mut h);
    h.get_by_label("Vote").click();
    h.run();
    h.run();
    (dir, h)
}

/// Scrolls `label` into view (the setup form is taller than a laptop screen) and clicks it.
pub fn click(h: &mut Harness<'static, GoldthreadApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
    h.run();
}

/// Presses `key` and lets the app answer it.
pub fn key(h: &mut Harness<'static, GoldthreadApp>, key: egui::Key) {
    press(h, key);
    h.run();
}
