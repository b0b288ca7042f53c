//! Protects presenting from the app: F5 makes the audience scene, B blanks it without starting a
//! note, F7 freezes it while the console moves on, "Show on screen" sends what is asked, the
//! console's preview and Blank button, and the screen and follow-or-fit being remembered.

#[path = "common/audience_lab.rs"]
mod audience_lab;
mod common;

use egui_kittest::kittest::Queryable as _;
use goldthread::model::RoundState;
use goldthread::ui::audience::Show;
use goldthread::ui::audience::scene::{Content, VoteShot};

use audience_lab::lab;
use common::{app_with, press, settle, temp_dir};

type Harness = egui_kittest::Harness<'static, goldthread::ui::GoldthreadApp>;

/// The app on a lab whose vote is open, saved in a fresh library named `name`. With
/// `own_window`, the audience is a window of its own, as in the app, not drawn over the console.
fn open_lab(name: &str, own_window: bool) -> Harness {
    let dir = temp_dir(name);
    let path = dir.join("lab.ron");
    goldthread::storage::save_file(&path, &lab(RoundState::Open)).unwrap();
    let mut h = app_with(&dir, Some(path));
    if own_window {
        h.ctx.set_embed_viewports(false);
    }
    settle(&mut h);
    h
}

#[test]
fn present_opens_the_audience_b_blanks_it_and_freeze_keeps_its_picture() {
    let mut h = open_lab("audience-present", false);
    assert!(h.state().audience().is_none());
    press(&mut h, egui::Key::F5);
    h.run();
    let Some(shown) = h.state().audience() else {
        panic!("F5 did not open the audience window")
    };
    assert!(
        matches!(shown.content, Content::Board(_)),
        "{:?}",
        shown.content
    );
    assert!(!shown.blank);
    // B blanks and brings it back; it does not start a note.
    let notes = h.state().open.as_ref().unwrap().session.notes.len();
    press(&mut h, egui::Key::B);
    assert!(h.state().audience().unwrap().blank, "B did not blank");
    press(&mut h, egui::Key::B);
    assert!(
        !h.state().audience().unwrap().blank,
        "B did not bring it back"
    );
    let open = h.state().open.as_ref().unwrap();
    assert_eq!(open.session.notes.len(), notes);
    assert!(open.canvas.capture.is_none(), "B started a note");
    // Frozen, the audience keeps the Board while the console goes to the vote.
    press(&mut h, egui::Key::F7);
    common::press_with(&mut h, egui::Modifiers::ALT, egui::Key::Num3);
    h.run();
    assert_eq!(
        h.state().open.as_ref().unwrap().screen,
        goldthread::ui::Screen::Vote
    );
    assert!(matches!(
        h.state().audience().unwrap().content,
        Content::Board(_)
    ));
    press(&mut h, egui::Key::F7);
    h.run();
    assert!(
        matches!(
            h.state().audience().unwrap().content,
            Content::Vote(VoteShot::Open { .. })
        ),
        "unfrozen, the audience follows the console to the vote"
    );
    // "Show on screen" sends the actions, whatever the console shows.
    h.state_mut()
        .run(goldthread::ui::Action::ShowOnScreen(Show::Actions));
    h.run();
    h.run();
    assert!(matches!(
        h.state().audience().unwrap().content,
        Content::Actions(_)
    ));
    press(&mut h, egui::Key::F5);
    assert!(h.state().audience().is_none(), "F5 again stops presenting");
}

#[test]
fn the_screen_and_follow_or_fit_are_remembered_and_old_settings_still_read() {
    // Settings saved before presenting existed read with the defaults: the second screen,
    // following the view.
    let old: goldthread::ui::Settings =
        ron::from_str("(theme: Projector, text_scale: 1.0, save_automatically: true)").unwrap();
    assert_eq!(old.audience_screen, 1);
    assert!(old.audience_follows_view);
    assert!(old.save_automatically);
    let mut h = open_lab("audience-remembered", true);
    press(&mut h, egui::Key::F5);
    h.get_by_label("Board follows my view").click();
    h.run();
    h.run();
    h.state_mut().run(goldthread::ui::Action::AudienceScreen(3));
    h.run();
    let settings = h.state().settings().clone();
    assert_eq!(settings.audience_screen, 2);
    assert!(!settings.audience_follows_view);
    // Fitted, the audience board no longer follows the console's camera.
    let Some(Content::Board(shot)) = h.state().audience().map(|s| s.content) else {
        panic!("not the board")
    };
    assert!(shot.follow.is_none());
    // The console's preview shows the audience screen; its Blank button blanks it.
    assert!(
        h.query_all_by_label("Board with 6 notes").count() >= 1,
        "no preview"
    );
    h.get_by_label("Blank (B)").click();
    h.run();
    h.run();
    assert!(h.state().audience().unwrap().blank);
    assert!(
        h.query_by_label("Board with 6 notes").is_none(),
        "the preview still shows it"
    );
    h.get_by_label("Audience screen: blank");
    let text = ron::to_string(&settings).unwrap();
    let back: goldthread::ui::Settings = ron::from_str(&text).unwrap();
    assert_eq!(back, settings);
}

/// Scrolls `label` into view and clicks it, as the facilitator would.
fn click(h: &mut Harness, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
    h.run();
}

#[test]
fn the_room_sees_the_ballots_in_while_the_console_votes_then_the_ranking_after_the_reveal() {
    let mut h = open_lab("present-vote", true);
    press(&mut h, egui::Key::F5);
    common::press_with(&mut h, egui::Modifiers::ALT, egui::Key::Num3);
    h.run();
    let Some(Content::Vote(VoteShot::Open {
        ballots_in, voters, ..
    })) = h.state().audience().map(|s| s.content)
    else {
        panic!("the audience does not show the open vote")
    };
    assert_eq!((ballots_in, voters), (Some(2), 3));
    // The console shows who has voted; the audience never a total.
    let data = format!("{:?}", h.state().audience());
    assert!(!data.contains("Repairs online"), "{data}");
    click(&mut h, "Facilitator");
    click(&mut h, "Reveal results…");
    click(&mut h, "Reveal now");
    let Some(Content::Vote(VoteShot::Revealed { rows, .. })) =
        h.state().audience().map(|s| s.content)
    else {
        panic!("the audience does not show the ranking after the reveal")
    };
    let ranking: Vec<(String, u32)> = rows.into_iter().map(|r| (r.name, r.dots)).collect();
    assert_eq!(
        ranking,
        vec![
            ("Repairs online".to_owned(), 7),
            ("Faster answers".to_owned(), 2)
        ]
    );
    // The console's preview shows the same ranking.
    assert!(h.query_all_by_label("1. Repairs online: 7 dots").count() >= 1);
}
