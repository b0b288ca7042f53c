//! Protects theme suggestions where the facilitator is: Ctrl+T brings them into view however
//! long the theme list is; notes that belong to an existing theme are offered to it (accept is
//! one undo step); a suggestion never makes a second theme with an existing name; and the count
//! of notes left alone stays true after notes are sorted by hand.

mod common;
#[path = "common/themes.rs"]
mod themes;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use goldthread::grouping::{self, Group, existing::Fit};
use themes::*;

/// Ctrl+T, then frames until the background computation has reported back.
fn suggest(h: &mut H) {
    press_with(h, Modifiers::COMMAND, Key::T);
    for _ in 0..300 {
        h.run();
        let s = &open_session(h).canvas.themes_panel.suggestions;
        if !s.running() && s.has_result {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the suggestions did not arrive");
}

#[test]
fn ctrl_t_brings_the_suggestions_into_view_below_a_long_theme_list() {
    let (_dir, mut h) = app_with_new_session("suggest-scroll");
    let themed: Vec<String> = (1..=9).map(|i| format!("Topic {i}")).collect();
    let mut texts: Vec<&str> = themed.iter().map(String::as_str).collect();
    texts.extend([
        "Slow laptops",
        "Laptops crash",
        "Wifi drops",
        "Open data portal",
    ]);
    capture_notes(&mut h, &texts);
    for t in &themed {
        make_theme(&mut h, t, &[t.as_str()]);
    }
    let window = h.ctx.content_rect();
    // Guard: with nine themes listed, the suggestions start below the window.
    assert!(
        h.get_by_label("Suggestions").rect().min.y > window.max.y,
        "the theme list pushes the suggestions out of sight"
    );
    suggest(&mut h);
    let heading = h.get_by_label("Suggestions").rect();
    assert!(
        window.contains_rect(heading),
        "{heading:?} is in the window {window:?}"
    );
    let accept = h.get_by_label("Accept suggestion 1").rect();
    assert!(accept.min.y < window.max.y, "the first card shows too");
}

#[test]
fn the_engine_offers_notes_to_an_existing_theme_and_accept_is_one_undo_step() {
    let (_dir, mut h) = app_with_new_session("suggest-existing");
    capture_notes(
        &mut h,
        &[
            "Wifi drops in the housing offices",
            "Replace the old servers",
            "Laptops take ten minutes to boot",
            "Guest wifi in the libraries",
            "The cake at lunch was lovely",
        ],
    );
    make_theme(
        &mut h,
        "Infrastructure",
        &[
            "Wifi drops in the housing offices",
            "Replace the old servers",
        ],
    );
    suggest(&mut h);
    let card = "2 notes probably belong to Infrastructure";
    assert!(h.query_by_label(card).is_some(), "a card offers them");
    assert!(h.query_by_label_contains("they mention").is_some());
    let themes_before = session(&h).themes.len();
    h.get_by_label("Accept suggestion 1").click();
    h.run();
    h.run();
    assert_eq!(session(&h).themes.len(), themes_before, "no new theme");
    for text in [
        "Laptops take ten minutes to boot",
        "Guest wifi in the libraries",
    ] {
        assert_eq!(theme_of(&h, text).as_deref(), Some("Infrastructure"));
    }
    assert!(h.query_by_label(card).is_none(), "the card is done");
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(theme_of(&h, "Guest wifi in the libraries"), None);
    assert!(
        h.query_by_label(card).is_some(),
        "undo brings the card back"
    );
}

/// Shows suggestions as if the engine had proposed them; indices are into the notes in no theme.
fn inject(h: &mut H, fits: Vec<Fit>, groups: Vec<Group>, ungrouped: Vec<usize>) {
    let result = grouping::Suggestions {
        groups,
        ungrouped,
        duplicates: Vec::new(),
        notice: None,
    };
    inject_results(h, fits, result);
}

#[test]
fn a_suggestion_named_like_an_existing_theme_adds_to_it_instead_of_a_second_one() {
    let (_dir, mut h) = app_with_new_session("suggest-same-name");
    capture_notes(&mut h, &["Old data", "Open data", "Data portal"]);
    make_theme(&mut h, "Data", &["Old data"]);
    let group = Group {
        name: "Portal".to_owned(),
        keywords: vec!["data".to_owned()],
        why: "they share data".to_owned(),
        members: vec![0, 1],
    };
    inject(&mut h, Vec::new(), vec![group], Vec::new());
    // The facilitator renames the new group to the existing theme's name, in other case.
    let name = h.get_by_label("Name of suggestion 1");
    name.click();
    h.run();
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "data");
    h.get_by_label("Accept suggestion 1").click();
    h.run();
    h.run();
    let names: Vec<&str> = session(&h).themes.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Data"], "never a second theme called Data");
    assert_eq!(theme_of(&h, "Open data").as_deref(), Some("Data"));
    assert_eq!(theme_of(&h, "Data portal").as_deref(), Some("Data"));
}

#[test]
fn the_count_of_notes_left_alone_stays_true_after_sorting_by_hand() {
    let (_dir, mut h) = app_with_new_session("suggest-left-alone");
    capture_notes(&mut h, &["alpha", "beta", "gamma", "delta"]);
    let fit = Fit {
        theme: 0,
        members: vec![0],
        reasons: vec!["alpha".to_owned()],
        by_meaning: 0,
    };
    make_theme(&mut h, "Greek", &[]);
    inject(&mut h, vec![fit], Vec::new(), vec![1, 2, 3]);
    assert!(
        h.query_by_label("3 notes fit no group and are left alone.")
            .is_some()
    );
    assert!(
        h.query_by_label("1 note probably belongs to Greek")
            .is_some(),
        "a card into the existing theme"
    );
    // Two of the three are sorted by hand (digit 1 sends them to Greek).
    let picked = [note_id(&h, "beta"), note_id(&h, "gamma")];
    h.state_mut().open.as_mut().unwrap().canvas.selection = picked.into();
    h.run();
    press(&mut h, Key::Num1);
    h.run();
    assert_eq!(theme_of(&h, "beta").as_deref(), Some("Greek"));
    assert!(
        h.query_by_label("1 note fits no group and is left alone.")
            .is_some(),
        "the count follows the wall"
    );
    let delta = session(&h)
        .notes
        .iter()
        .find(|n| n.text == "delta")
        .unwrap()
        .id;
    h.state_mut().open.as_mut().unwrap().canvas.selection = [delta].into();
    h.run();
    press(&mut h, Key::Num1);
    h.run();
    assert!(
        h.query_by_label_contains("left alone").is_none(),
        "none are left alone once all are sorted"
    );
}
