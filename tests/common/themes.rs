//! Helpers for the theme and suggestion UI tests: reading the open session's themes and setting
//! themes up through the history, as the app would.
//!
//! Include it with `#[path = "common/themes.rs"] mod themes;` after `mod common;`.

#![allow(dead_code, reason = "each test file uses a different part")]

use goldthread::grouping::{self, existing::Fit};
use goldthread::model::{Edit, NoteId, Session, ThemeEdit, ThemeId};

use super::open_session;

/// The app under test.
pub type H = egui_kittest::Harness<'static, goldthread::ui::GoldthreadApp>;

/// The open session.
pub fn session(h: &H) -> &Session {
    &open_session(h).session
}

/// The themes' names, in list order.
pub fn theme_names(h: &H) -> Vec<String> {
    session(h).themes.iter().map(|t| t.name.clone()).collect()
}

/// The id of the note with this text; panics when there is none.
pub fn note_id(h: &H, text: &str) -> NoteId {
    session(h)
        .notes
        .iter()
        .find(|n| n.text == text)
        .map(|n| n.id)
        .unwrap_or_else(|| panic!("no note {text:?}"))
}

/// The name of the theme the note with this text is in.
pub fn theme_of(h: &H, text: &str) -> Option<String> {
    let s = session(h);
    let id = note_id(h, text);
    s.note(id)
        .and_then(|n| n.theme)
        .and_then(|t| s.theme(t))
        .map(|t| t.name.clone())
}

/// Applies an edit as the app would (through the history), for setting a test up.
pub fn apply(h: &mut H, edit: ThemeEdit) {
    let open = h.state_mut().open.as_mut().unwrap();
    open.history.apply(&mut open.session, Edit::Theme(edit));
    open.canvas.prune(&open.session);
    h.run();
}

/// Makes a theme named `name` holding the notes with these texts, as a set-up step.
pub fn make_theme(h: &mut H, name: &str, texts: &[&str]) -> ThemeId {
    let ids: Vec<NoteId> = texts.iter().map(|t| note_id(h, t)).collect();
    let (id, edit) = ThemeEdit::create(session(h), Some(name.to_owned()), &ids);
    apply(h, edit);
    id
}

/// Shows suggestions as if the engine had proposed them: `fits` into the session's themes (by
/// list index), then `result`'s groups; note indices are into the notes in no theme.
pub fn inject_results(h: &mut H, fits: Vec<Fit>, result: grouping::Suggestions) {
    let open = h.state_mut().open.as_mut().unwrap();
    let ids: Vec<NoteId> = open
        .session
        .notes
        .iter()
        .filter(|n| n.theme.is_none())
        .map(|n| n.id)
        .collect();
    let themes: Vec<(ThemeId, String)> = open
        .session
        .themes
        .iter()
        .map(|t| (t.id, t.name.clone()))
        .collect();
    open.canvas.themes_panel.show();
    open.canvas
        .themes_panel
        .suggestions
        .set_results(&ids, &themes, fits, result);
    h.run();
}
