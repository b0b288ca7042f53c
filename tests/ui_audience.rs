//! Protects the audience window's content (presenting on a second screen): what each mode
//! shows, that no vote total reaches the room before the reveal, that nothing private ever does,
//! a blank screen and a frozen timer. The app's side (F5, B, F7, the console) is in
//! `ui_present.rs`.

#[path = "common/audience_lab.rs"]
mod audience_lab;
mod common;

use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use goldthread::model::lab::Timer;
use goldthread::model::{RoundState, ThemeId};
use goldthread::ui::audience::make;
use goldthread::ui::audience::make::SceneInputs;
use goldthread::ui::audience::scene::{Content, FollowView, VoteShot};
use goldthread::ui::audience::{AudienceScene, Show, audience_ui};
use goldthread::ui::invite::RoomInvite;
use goldthread::ui::style;
use goldthread::{CanvasPos, Session};

use audience_lab::{PRIVATE, lab};

/// The scene `show` makes for `session`.
fn scene_of(session: &Session, show: Show) -> AudienceScene {
    let inputs = SceneInputs {
        show,
        generation: 1,
        follow: None,
        spotlight: None,
        timer: None,
        theme: style::Theme::Projector,
        invite: None,
    };
    make::build(session, inputs, &mut None)
}

/// The audience screen drawing `scene` at projector size, with the app's fonts.
fn screen(scene: AudienceScene) -> Harness<'static, AudienceScene> {
    let mut fonts_set = false;
    let mut h = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(
            move |ui, scene: &mut AudienceScene| {
                // The app's fonts (its "strong" family) are in use from the next frame on.
                if !fonts_set {
                    ui.ctx().set_fonts(style::fonts());
                    fonts_set = true;
                    return;
                }
                audience_ui(ui, scene);
            },
            scene,
        );
    h.run();
    h.run();
    h
}

/// Every text the screen reports (labels, buttons, the board's notes).
fn texts(h: &Harness<'static, AudienceScene>) -> Vec<String> {
    [Role::Label, Role::Button, Role::Canvas]
        .into_iter()
        .flat_map(|role| {
            h.query_all_by_role(role)
                .filter_map(|n| {
                    let node = n.accesskit_node();
                    // A label's text is its value; other widgets' is their label.
                    node.value().or_else(|| node.label())
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The texts on screen that tell a vote's totals: an option with its dots, or a dot count.
fn leaked_totals(h: &Harness<'static, AudienceScene>) -> Vec<String> {
    texts(h)
        .into_iter()
        .filter(|t| {
            t.contains("Repairs online")
                || t.contains("Faster answers")
                || t.contains(" dots")
                || t.contains('7')
        })
        .collect()
}

#[test]
fn an_open_vote_shows_its_question_and_ballots_in_and_never_a_total() {
    let session = lab(RoundState::Open);
    let scene = scene_of(&session, Show::Vote);
    assert!(
        matches!(
            &scene.content,
            Content::Vote(VoteShot::Open {
                ballots_in: Some(2),
                voters: 3,
                ..
            })
        ),
        "{:?}",
        scene.content
    );
    // Not even in the data the audience window holds.
    let data = format!("{scene:?}");
    assert!(
        !data.contains("Repairs online") && !data.contains("dots"),
        "{data}"
    );
    let h = screen(scene);
    h.get_by_label("Which theme first?");
    h.get_by_label("2 of 3");
    h.get_by_label("ballots in");
    let leaked = leaked_totals(&h);
    assert!(
        leaked.is_empty(),
        "totals on the audience screen: {leaked:?}"
    );
}

#[test]
fn the_total_check_finds_totals_when_they_are_shown() {
    // The same check on the revealed ranking finds the totals: it can fail.
    let h = screen(scene_of(&lab(RoundState::Revealed), Show::Vote));
    let leaked = leaked_totals(&h);
    assert!(leaked.iter().any(|t| t.contains("7 dots")), "{leaked:?}");
}

#[test]
fn after_the_reveal_the_ranking_shows_with_its_bars() {
    for state in [RoundState::Revealed, RoundState::Closed] {
        let h = screen(scene_of(&lab(state), Show::Vote));
        h.get_by_label("Which theme first?");
        h.get_by_label("1. Repairs online: 7 dots");
        h.get_by_label("2. Faster answers: 2 dots");
    }
}

#[test]
fn the_board_shows_its_notes_fitted_or_following_the_facilitators_view() {
    let session = lab(RoundState::Open);
    let h = screen(scene_of(&session, Show::Board));
    h.get_by_label("Board with 6 notes");
    h.get_by_label("How might residents report a repair?");
    for note in ["Repairs online note 0", "Faster answers note 2"] {
        h.get_by_label(note);
    }
    // Following a view far from every note: none is drawn.
    let mut scene = scene_of(&session, Show::Board);
    let Content::Board(shot) = &mut scene.content else {
        panic!("not the board: {:?}", scene.content)
    };
    shot.follow = Some(FollowView {
        view: goldthread::model::View {
            center: CanvasPos::new(50_000.0, 50_000.0),
            zoom: 1.0,
        },
        area: egui::vec2(1280.0, 700.0),
    });
    let h = screen(scene);
    assert!(h.query_by_label("Repairs online note 0").is_none());
}

#[test]
fn the_board_picture_is_made_once_per_session_change() {
    let session = lab(RoundState::Open);
    let inputs = |generation| SceneInputs {
        show: Show::Board,
        generation,
        follow: None,
        spotlight: None,
        timer: None,
        theme: style::Theme::Projector,
        invite: None,
    };
    let mut last = None;
    let first = make::build(&session, inputs(4), &mut last);
    let again = make::build(&session, inputs(4), &mut last);
    let (Content::Board(a), Content::Board(b)) = (&first.content, &again.content) else {
        panic!("not the board")
    };
    assert!(Arc::ptr_eq(&a.picture, &b.picture), "copied again");
    let changed = make::build(&session, inputs(5), &mut last);
    let Content::Board(c) = &changed.content else {
        panic!("not the board")
    };
    assert!(
        !Arc::ptr_eq(&a.picture, &c.picture),
        "not remade after a change"
    );
    assert!(
        c.picture.notes.iter().all(|n| n.author.is_none()),
        "authors copied"
    );
}

#[test]
fn a_theme_spotlight_shows_only_that_themes_notes() {
    let session = lab(RoundState::Open);
    let mut inputs = SceneInputs {
        show: Show::Theme,
        generation: 1,
        follow: None,
        spotlight: Some(ThemeId(2)),
        timer: None,
        theme: style::Theme::Projector,
        invite: None,
    };
    let h = screen(make::build(&session, inputs.clone(), &mut None));
    h.get_by_label("Faster answers");
    for j in 0..3 {
        h.get_by_label(&format!("Faster answers note {j}"));
    }
    assert!(h.query_by_label("Repairs online note 0").is_none());
    inputs.spotlight = None;
    let h = screen(make::build(&session, inputs, &mut None));
    h.get_by_label("Repairs online note 1");
}

#[test]
fn the_thread_and_the_actions_show_without_their_private_details() {
    let h = screen(scene_of(&lab(RoundState::Open), Show::Thread));
    h.get_by_label("Every resident served online first");
    h.get_by_label("•  Repairs reported online");
    h.get_by_label("•  Launch the repairs form");
    let h = screen(scene_of(&lab(RoundState::Open), Show::Actions));
    h.get_by_label("•  Launch the repairs form");
    h.get_by_label("    Sam");
}

#[test]
fn nothing_private_appears_in_any_mode() {
    for state in [RoundState::Open, RoundState::Revealed] {
        let session = lab(state);
        for show in Show::ALL {
            let scene = scene_of(&session, show);
            let data = format!("{scene:?}");
            let h = screen(scene);
            let shown = texts(&h);
            assert!(!shown.is_empty(), "{show:?} shows nothing");
            for private in PRIVATE {
                assert!(!data.contains(private), "{show:?} holds {private}");
                assert!(
                    !shown.iter().any(|t| t.contains(private)),
                    "{show:?} shows {private}: {shown:?}"
                );
            }
            // Who voted how: no participant's name at all.
            for name in ["Ann", "Bo", "Cy"] {
                assert!(!shown.iter().any(|t| t == name), "{show:?} names {name}");
            }
        }
    }
}

#[test]
fn the_join_code_shows_when_phones_are_invited() {
    let session = lab(RoundState::Open);
    let mut scene = scene_of(&session, Show::Room);
    let h = screen(scene.clone());
    h.get_by_label("Phones are not invited");
    scene.invite = Some(
        RoomInvite::new(
            "http://192.168.1.20:8765/#join=0123456789abcdef".to_owned(),
            "http://192.168.1.20:8765".to_owned(),
            "K7QM-2XPA".to_owned(),
        )
        .unwrap(),
    );
    let h = screen(scene);
    h.get_by_label("Join on your phone");
    h.get_by_label("Code  K7QM-2XPA");
    h.get_by_label("http://192.168.1.20:8765");
}

#[test]
fn the_countdown_shows_time_left_then_times_up() {
    let session = lab(RoundState::Open);
    let mut timer = Timer::new(60);
    timer.start(0.0);
    let mut inputs = SceneInputs {
        show: Show::Board,
        generation: 1,
        follow: None,
        spotlight: None,
        timer: Some((timer, 15.2)),
        theme: style::Theme::Projector,
        invite: None,
    };
    let h = screen(make::build(&session, inputs.clone(), &mut None));
    h.get_by_label_contains("Time left 0:4");
    inputs.timer = Some((timer, 65.5));
    let h = screen(make::build(&session, inputs, &mut None));
    h.get_by_label_contains("Time's up +0:0");
}

#[test]
fn a_frozen_countdown_stops_on_the_time_it_showed_and_asks_for_no_repaint() {
    let mut timer = Timer::new(60);
    timer.start(0.0);
    let live = goldthread::ui::audience::scene::Countdown::new(timer, 20.0);
    assert!(
        live.next_tick_secs().is_some(),
        "a running timer ticks once a second"
    );
    let still = live.stilled();
    assert!(
        still.next_tick_secs().is_none(),
        "a frozen picture never repaints"
    );
    assert_eq!(still.timer.display(still.now_secs()), "0:40");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(
        still.timer.display(still.now_secs()),
        "0:40",
        "it moved while frozen"
    );
    assert_ne!(
        live.timer.display(live.now_secs()),
        "0:40",
        "the live one moves on"
    );
    // A paused timer does not tick either: no repaint loop when nothing moves.
    let paused = goldthread::ui::audience::scene::Countdown::new(Timer::new(60), 0.0);
    assert!(paused.next_tick_secs().is_none());
}

#[test]
fn a_blank_screen_shows_nothing_at_all() {
    let mut scene = scene_of(&lab(RoundState::Revealed), Show::Vote);
    scene.blank = true;
    let h = screen(scene);
    assert_eq!(texts(&h), vec!["Blank screen".to_owned()]);
}
