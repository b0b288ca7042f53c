//! Protects user actions as values: the command palette (Ctrl+K) finds an action by name and
//! runs it exactly as its key would, "Make theme" behaves the same from the palette, the key,
//! the selection bar and the themes panel, and the keyboard sheet (F1) lists exactly the keys
//! of the shortcut registry for the screen.

mod common;
#[path = "common/themes.rs"]
mod themes;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use goldthread::ui::{Action, Dialog, Screen};
use themes::*;

/// A new session with three notes, the first two selected.
fn two_selected(name: &str) -> (TempDir, H) {
    let (dir, mut h) = app_with_new_session(name);
    capture_notes(&mut h, &["Open data", "Data sharing", "Wifi"]);
    press(&mut h, Key::Tab);
    let first = note_id(&h, "Open data");
    let second = note_id(&h, "Data sharing");
    h.state_mut().open.as_mut().expect("open").canvas.selection = [first, second].into();
    h.run();
    (dir, h)
}

#[test]
fn ctrl_k_then_make_th_then_enter_makes_a_theme_of_the_selection() {
    let (_dir, mut h) = two_selected("palette-make-theme");
    // Typed at once, as a fast typist does: the letters before the search box has the
    // keyboard are kept.
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.step();
    h.event(egui::Event::Text("ma".into()));
    h.step();
    h.run();
    assert!(
        matches!(h.state().dialog(), Some(Dialog::Palette { .. })),
        "Ctrl+K opens the palette"
    );
    type_text(&mut h, "ke th");
    assert!(
        open_session(&h).canvas.capture.is_none(),
        "typing in the palette starts no note"
    );
    // The match is shown with its keys from the registry.
    let Some(Dialog::Palette { query, .. }) = h.state().dialog() else {
        panic!("the palette stays open while typing");
    };
    assert_eq!(query, "make th");
    assert!(
        h.query_all_by_label_contains("Make theme").count() >= 2,
        "under it and in it"
    );
    assert!(
        h.query_all_by_label_contains("Ctrl+G").count() >= 1,
        "with its keys"
    );
    press(&mut h, Key::Enter);
    h.run();
    assert!(
        h.state().dialog().is_none(),
        "running an action closes the palette"
    );
    assert_eq!(session(&h).themes.len(), 1, "one theme made");
    assert_eq!(
        theme_of(&h, "Open data").as_deref(),
        Some(&*theme_names(&h)[0])
    );
    assert_eq!(
        theme_of(&h, "Data sharing").as_deref(),
        Some(&*theme_names(&h)[0])
    );
    assert_eq!(theme_of(&h, "Wifi"), None);
    // As after Ctrl+G: the name box is open on the new theme, and the name is one undo step.
    assert!(open_session(&h).canvas.theme_rename.is_some());
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "Data");
    press(&mut h, Key::Enter);
    assert_eq!(theme_names(&h), ["Data"]);
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(
        session(&h).themes.is_empty(),
        "one Ctrl+Z takes theme and name back"
    );
}

#[test]
fn make_theme_is_one_behaviour_from_key_selection_bar_and_panel() {
    // Each path makes a theme of the two selected notes, opens the name box with the panel
    // showing, and after the name moves the selection on to the next note in no theme.
    for path in ["key", "selection bar", "panel"] {
        let (_dir, mut h) = two_selected(&format!("make-theme-{}", path.replace(' ', "-")));
        match path {
            "key" => press_with(&mut h, Modifiers::COMMAND, Key::G),
            "selection bar" => {
                h.get_by_label("Make theme").click();
                h.run();
            }
            _ => {
                h.state_mut()
                    .open
                    .as_mut()
                    .expect("open")
                    .canvas
                    .themes_panel
                    .show();
                h.run();
                h.get_by_label_contains("New theme from").click();
                h.run();
            }
        }
        h.run();
        assert_eq!(session(&h).themes.len(), 1, "{path}: one theme");
        let id = session(&h).themes[0].id;
        assert_eq!(
            session(&h).theme_members(id).count(),
            2,
            "{path}: of the two selected"
        );
        let canvas = &open_session(&h).canvas;
        assert!(canvas.theme_rename.is_some(), "{path}: naming in place");
        assert!(
            canvas.themes_panel.is_open(session(&h)),
            "{path}: panel shows"
        );
        press(&mut h, Key::Enter);
        assert_eq!(
            open_session(&h).canvas.selection,
            [note_id(&h, "Wifi")].into(),
            "{path}: the next note in no theme is selected"
        );
    }
}

#[test]
fn f1_lists_exactly_the_registrys_keys_for_the_screen() {
    let (_dir, mut h) = app_with_new_session("sheet-from-registry");
    press(&mut h, Key::F1);
    let sections = goldthread::ui::help::sheet(&h.ctx, Some(Screen::Board));
    let mut rows = 0;
    for (heading, lines) in &sections {
        assert!(
            h.query_all_by_label(heading).count() >= 1,
            "{heading} shown"
        );
        for (keys, what) in lines {
            assert!(h.query_all_by_label(keys).count() >= 1, "{keys} shown");
            assert!(h.query_all_by_label(what).count() >= 1, "{what} shown");
            rows += 1;
        }
    }
    // Every Board and app-wide action with keys has its keys on the sheet (a run such as
    // Ctrl+1 … Ctrl+6 by its first key); nothing else is.
    for action in Action::all() {
        let keys = action.sheet_row().shortcuts();
        if keys.is_empty() || !action.applies(Some(Screen::Board)) {
            continue;
        }
        let text = h.ctx.format_shortcut(&keys[0]);
        assert!(
            sections
                .iter()
                .flat_map(|(_, l)| l)
                .any(|(k, _)| k.contains(&text)),
            "{action:?} ({text}) is on the sheet"
        );
    }
    let hints = goldthread::ui::shortcuts::hints(Some(Screen::Board)).len();
    let action_rows: std::collections::BTreeSet<String> = Action::all()
        .into_iter()
        .filter(|a| a.applies(Some(Screen::Board)) && !a.shortcuts().is_empty())
        .map(|a| format!("{:?}", a.sheet_row()))
        .collect();
    assert_eq!(
        rows,
        action_rows.len() + hints,
        "one row per action (or run) and hint"
    );
    // A Vote action with no Board meaning is not offered: the vote's keys are not on it.
    assert!(
        h.query_by_label("Place a dot on / take one from that option")
            .is_none()
    );
}
