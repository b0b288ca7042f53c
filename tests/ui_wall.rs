//! Protects the wall as the room reads it on a projector: at Home a 40-note, six-theme wall
//! shows every note's whole text; a note's text never gets cut as you zoom in when it was whole
//! further out; theme names stay readable at every zoom; and zoom to fit keeps every frame clear
//! of the themes panel when the panel is shown or hidden; no text on a note is ever drawn below
//! the legible size (a narrow card is a plain card); and the note editor types at the size the
//! note is drawn at.

mod common;
#[path = "common/council.rs"]
mod council;

use common::*;
use egui::Key;
use egui_kittest::kittest::Queryable as _;
use goldthread::model::{CanvasRect, Edit, NoteId, ThemeEdit};
use goldthread::ui::GoldthreadApp;
use goldthread::ui::board::canvas::{paint, themes, transform};
use goldthread::ui::style;

type H = egui_kittest::Harness<'static, GoldthreadApp>;

/// The shipped example as it stands at the Themes phase with a sixth theme: the 40 notes of the
/// first phases (the five written at the end are left out), three of the notes in no theme put
/// into "Residents and partners" with Ctrl+G as a facilitator would (the new frame goes to the
/// right of everything, so six frames stand in one long row).
fn forty_notes_six_themes(dir: &TempDir) -> std::path::PathBuf {
    let mut session = council::example_session();
    let later: Vec<NoteId> = session
        .notes
        .iter()
        .filter(|n| council::LATER_NOTES.iter().any(|(_, _, t)| *t == n.text))
        .map(|n| n.id)
        .collect();
    assert_eq!(later.len(), 5, "the example's closing notes are found");
    Edit::RemoveNotes(later).apply(&mut session);
    let loose: Vec<NoteId> = session
        .notes
        .iter()
        .filter(|n| n.theme.is_none())
        .take(3)
        .map(|n| n.id)
        .collect();
    let (_, edit) = ThemeEdit::create(&session, Some("Residents and partners".to_owned()), &loose);
    Edit::Theme(edit).apply(&mut session);
    assert_eq!(session.notes.len(), 40);
    assert_eq!(session.themes.len(), 6);
    let path = dir.join("forty.ron");
    goldthread::storage::save_file(&path, &session).unwrap();
    path
}

/// The canvas area and every expanded frame on screen, as drawn last frame.
fn frames_on_screen(h: &H) -> (egui::Rect, Vec<egui::Rect>) {
    let open = open_session(h);
    let camera = transform::Camera {
        screen: open.canvas.last_screen.expect("the board was drawn"),
        view: open.canvas.view,
    };
    let frames = open
        .canvas
        .themes
        .frames()
        .iter()
        .map(|f| camera.screen_rect(f.rect))
        .collect();
    (camera.screen, frames)
}

#[test]
fn at_home_a_forty_note_six_theme_wall_shows_every_note_whole_at_1920x1080() {
    let dir = temp_dir("wall-home");
    let path = forty_notes_six_themes(&dir);
    let mut h = app_sized(&dir, Some(path), egui::vec2(1920.0, 1080.0));
    settle(&mut h);
    press(&mut h, Key::Home);
    h.run();
    let open = open_session(&h);
    let zoom = open.canvas.view.zoom;
    assert!(zoom < 0.5, "the wall is zoomed out to fit ({zoom})");
    assert!(
        open.canvas.cut_notes.is_empty(),
        "every note reads in full at Home; cut: {:?}",
        open.canvas
            .cut_notes
            .iter()
            .filter_map(|id| open.session.note(*id))
            .map(|n| n.text.as_str())
            .collect::<Vec<_>>()
    );
    // Guard: every note was drawn with its text (not as a bare card) and reported itself.
    let texts: Vec<String> = open.session.notes.iter().map(|n| n.text.clone()).collect();
    for text in &texts {
        h.get_by_label(text);
    }
    let (screen, frames) = frames_on_screen(&h);
    for frame in frames {
        assert!(
            screen.contains_rect(frame),
            "{frame:?} is inside {screen:?}"
        );
    }
}

#[test]
fn text_never_gets_cut_or_smaller_as_you_zoom_in() {
    let ctx = egui::Context::default();
    ctx.set_fonts(style::fonts());
    let text = "Residents choose digital because it is easier, not because they must";
    let mut checked = 0;
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        let painter = ui.painter().clone();
        let mut last: Option<(f32, bool)> = None;
        for step in 0..=40 {
            let zoom = 0.3 + step as f32 * 0.05;
            let inner = egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(
                    (goldthread::model::NOTE_WIDTH - 2.0 * style::NOTE_PADDING) * zoom,
                    (goldthread::model::NOTE_HEIGHT - 2.0 * style::NOTE_PADDING) * zoom,
                ),
            );
            let (galley, cut) = paint::fitted_text(&painter, text.to_owned(), inner, zoom);
            let size = galley.job.sections[0].format.font_id.size;
            assert!(size >= style::NOTE_MIN_LEGIBLE_SIZE, "{size} at {zoom}");
            if let Some((before, was_cut)) = last {
                assert!(
                    size >= before,
                    "text shrank from {before} to {size} at {zoom}"
                );
                assert!(was_cut || !cut, "whole text got cut zooming in to {zoom}");
            }
            last = Some((size, cut));
            checked += 1;
        }
        // At the zoom of a six-theme wall at Home the whole text fits; it is cut only further out.
        let (_, cut) = paint::fitted_text(
            &painter,
            text.to_owned(),
            egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(84.0, 56.0)),
            0.39,
        );
        assert!(!cut, "the longest note of the example reads whole at Home");
    });
    output.textures_delta.clear();
    assert_eq!(checked, 41);
}

#[test]
fn theme_names_are_readable_at_every_zoom() {
    let mut zoom = transform::MIN_ZOOM;
    while zoom <= transform::MAX_ZOOM {
        let (size, _) = themes::title_size(zoom);
        assert!(size >= style::THEME_MIN_TITLE_SIZE, "{size} at zoom {zoom}");
        zoom *= transform::ZOOM_STEP;
    }
}

#[test]
fn zoom_to_fit_keeps_every_frame_clear_of_the_themes_panel() {
    let dir = temp_dir("wall-panel");
    let path = forty_notes_six_themes(&dir);
    let mut h = app_sized(&dir, Some(path), egui::vec2(1280.0, 800.0));
    settle(&mut h);
    h.get_by_label("Hide").click();
    h.run();
    press(&mut h, Key::Home);
    h.run();
    let (wide, _) = frames_on_screen(&h);
    h.get_by_label("Themes (6)").click();
    h.run();
    h.run();
    let (screen, frames) = frames_on_screen(&h);
    assert!(
        screen.width() < wide.width() - 100.0,
        "the panel took room from the board"
    );
    let mut all = CanvasRect::from_min_max(Default::default(), Default::default());
    for (i, frame) in frames.iter().enumerate() {
        assert!(
            screen.contains_rect(*frame),
            "frame {i} at {frame:?} sits under the panel (board {screen:?})"
        );
        all.max.x = all.max.x.max(frame.max.x);
    }
    assert!(all.max.x > screen.center().x, "the frames span the board");
}

/// The sizes of every piece of text painted in `shapes`.
fn text_sizes(shapes: &[egui::epaint::ClippedShape]) -> Vec<f32> {
    let mut sizes = Vec::new();
    for clipped in shapes {
        if let egui::Shape::Text(text) = &clipped.shape {
            sizes.extend(
                text.galley
                    .job
                    .sections
                    .iter()
                    .map(|s| s.format.font_id.size),
            );
        }
    }
    sizes
}

#[test]
fn no_note_text_is_drawn_below_the_legible_size_at_any_width() {
    let ctx = egui::Context::default();
    ctx.set_fonts(style::fonts());
    let palette = style::Theme::Projector.palette();
    let note = goldthread::model::Note::new(
        NoteId(1),
        "Managers are afraid to try new things in case they fail",
        goldthread::model::NoteColour::Yellow,
        goldthread::model::CanvasPos::new(0.0, 0.0),
    );
    let mut cards = 0;
    let mut with_text = 0;
    for width in (20..=300).step_by(2) {
        let width = width as f32;
        let zoom = width / goldthread::model::NOTE_WIDTH;
        let rect = egui::Rect::from_min_size(
            egui::pos2(10.0, 10.0),
            egui::vec2(width, goldthread::model::NOTE_HEIGHT * zoom),
        );
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            paint::note(ui.painter(), &note, rect, zoom, false, &palette);
        });
        output.textures_delta.clear();
        let sizes = text_sizes(&output.shapes);
        for size in &sizes {
            assert!(
                *size >= style::NOTE_MIN_LEGIBLE_SIZE,
                "{size} pt text on a card {width} wide"
            );
        }
        // The level of detail says the same as the painting.
        match paint::Detail::text_size(width, zoom) {
            None => {
                assert!(sizes.is_empty(), "a plain card at {width} draws no text");
                cards += 1;
            }
            Some(size) => {
                assert!(size >= style::NOTE_MIN_LEGIBLE_SIZE, "{size} at {width}");
                assert!(!sizes.is_empty(), "a card {width} wide shows its text");
                with_text += 1;
            }
        }
    }
    assert!(cards > 0 && with_text > 0, "both levels were seen");
    assert_eq!(paint::Detail::for_width(50.0), paint::Detail::Card);
}

#[test]
fn the_note_editor_types_at_the_size_the_note_is_drawn() {
    let (_dir, mut h) = app_with_new_session("wall-editor-size");
    let text = "Residents choose digital because it is easier, not because they must, and the \
                phone line stays open for those who need it";
    capture_notes(&mut h, &[text]);
    let note = h.get_by_label(text).rect();
    let center = note.center();
    h.get_by_label(text).click();
    h.run();
    h.hover_at(center);
    h.get_by_label(text).click();
    h.run();
    h.run();
    assert!(
        open_session(&h).canvas.editor.is_some(),
        "the editor is open"
    );
    let zoom = open_session(&h).canvas.view.zoom;
    let card = h.get_by_label(text).rect();
    let editor = h.get_by_label("Edit note").rect();
    // The whole text fits the card at the note's own size: no scrolling inside the editor.
    let inner_height = card.height() - 2.0 * style::NOTE_PADDING * zoom;
    assert!(
        editor.height() <= inner_height + 1.0,
        "the editor's text ({editor:?}) fits the note ({card:?}) at zoom {zoom}"
    );
}

#[test]
fn a_note_too_long_for_its_card_at_the_legible_size_shows_every_line_that_fits() {
    let ctx = egui::Context::default();
    ctx.set_fonts(style::fonts());
    let text = "One view of the resident across services, so staff stop asking people for the \
                same details again and again, and residents tell us once";
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        let painter = ui.painter().clone();
        // A card of the wall at Home on a 1280x800 laptop (about 68 x 47 points), then taller.
        for height in [39.0, 47.0, 60.0, 75.0] {
            let inner = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(60.0, height));
            let (galley, cut) = paint::fitted_text(&painter, text.to_owned(), inner, 0.28);
            assert!(cut, "too long to fit whole at {height}");
            let size = galley.job.sections[0].format.font_id.size;
            assert_eq!(size, style::NOTE_MIN_LEGIBLE_SIZE, "cut only at the floor");
            let font = style::strong_font(size);
            let row = ui.fonts_mut(|f| f.row_height(&font));
            let fit = (height / row).floor() as usize;
            assert_eq!(galley.rows.len(), fit, "every line that fits in {height}");
            assert!(galley.size().y <= height + 0.5, "and no more");
            let last = galley.rows.last().and_then(|r| r.row.glyphs.last());
            assert_eq!(last.map(|g| g.chr), Some('…'), "the cut is marked");
        }
    });
    output.textures_delta.clear();
}
