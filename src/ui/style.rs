//! Every colour, font and size in one place, so the projector theme and the dark theme are one
//! switch. Nothing outside this file writes a colour literal, except [`crate::palette`]: the
//! note and theme colours that the exported pictures share, which this file re-uses. Nor a
//! font size: clippy.toml forbids constructing colours and fonts anywhere else (this file and
//! its scale alone are allowed to).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use egui::{
    Color32, CornerRadius, FontData, FontDefinitions, FontFamily, FontId, Stroke, TextStyle,
};

use crate::model::NoteColour;
use crate::palette;

/// A colour of the shared palette (note and theme colours, also used by the pictures) as an
/// egui colour.
pub const fn color32(rgb: palette::Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// Which theme is showing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Theme {
    /// Light and high-contrast: projectors wash out dark themes.
    #[default]
    Projector,
    /// Dark, for a laptop screen in a dim room.
    Dark,
}

/// The colours of one theme.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// Behind the notes.
    pub canvas: Color32,
    /// The dots of the canvas grid.
    pub canvas_dots: Color32,
    /// Panels, bars and dialogs.
    pub surface: Color32,
    /// A raised surface: rows, cards, inputs.
    pub surface_raised: Color32,
    /// Lines between areas.
    pub border: Color32,
    /// Main text.
    pub text: Color32,
    /// Secondary text.
    pub text_muted: Color32,
    /// The gold of the golden thread, for emphasis and the main button.
    pub accent: Color32,
    /// Text on top of `accent`.
    pub on_accent: Color32,
    /// Selection outlines and focus rings.
    pub selection: Color32,
    /// The fill of the selection box.
    pub selection_fill: Color32,
    /// Errors and destructive actions.
    pub danger: Color32,
    /// Background of an error message.
    pub danger_fill: Color32,
    /// Shadow under notes.
    pub shadow: Color32,
}

impl Theme {
    /// The palette of this theme.
    pub fn palette(self) -> Palette {
        match self {
            Self::Projector => Palette {
                canvas: Color32::from_rgb(0xF3, 0xF0, 0xE8),
                canvas_dots: Color32::from_rgb(0xD2, 0xCB, 0xBC),
                surface: Color32::from_rgb(0xFF, 0xFF, 0xFF),
                surface_raised: Color32::from_rgb(0xF7, 0xF5, 0xF0),
                border: Color32::from_rgb(0xCF, 0xC8, 0xB9),
                text: Color32::from_rgb(0x17, 0x18, 0x1C),
                text_muted: Color32::from_rgb(0x4D, 0x50, 0x57),
                accent: Color32::from_rgb(0x8C, 0x5A, 0x00),
                on_accent: Color32::WHITE,
                selection: Color32::from_rgb(0x1A, 0x5C, 0xD1),
                selection_fill: Color32::from_rgba_unmultiplied(0x1A, 0x5C, 0xD1, 0x22),
                danger: Color32::from_rgb(0xA8, 0x1F, 0x17),
                danger_fill: Color32::from_rgb(0xFC, 0xE8, 0xE6),
                shadow: Color32::from_black_alpha(40),
            },
            Self::Dark => Palette {
                canvas: Color32::from_rgb(0x1C, 0x1D, 0x22),
                canvas_dots: Color32::from_rgb(0x3A, 0x3C, 0x44),
                surface: Color32::from_rgb(0x26, 0x27, 0x2E),
                surface_raised: Color32::from_rgb(0x31, 0x32, 0x3A),
                border: Color32::from_rgb(0x46, 0x48, 0x52),
                text: Color32::from_rgb(0xF0, 0xF0, 0xF2),
                text_muted: Color32::from_rgb(0xB4, 0xB6, 0xBE),
                accent: Color32::from_rgb(0xF2, 0xB8, 0x4B),
                on_accent: Color32::from_rgb(0x1C, 0x1D, 0x22),
                selection: Color32::from_rgb(0x6C, 0xB2, 0xFF),
                selection_fill: Color32::from_rgba_unmultiplied(0x6C, 0xB2, 0xFF, 0x26),
                danger: Color32::from_rgb(0xFF, 0x8A, 0x80),
                danger_fill: Color32::from_rgb(0x4A, 0x22, 0x22),
                shadow: Color32::from_black_alpha(110),
            },
        }
    }

    /// The other theme.
    pub fn toggled(self) -> Self {
        match self {
            Self::Projector => Self::Dark,
            Self::Dark => Self::Projector,
        }
    }
}

/// The fill of a sticky note. The same in both themes: paper notes are bright in any room.
pub fn note_fill(colour: NoteColour) -> Color32 {
    color32(palette::note_fill(colour))
}

/// Text on a sticky note: near-black on every note colour.
pub const NOTE_TEXT: Color32 = color32(palette::NOTE_TEXT);
/// The edge of a note, a shade darker than its fill.
pub const NOTE_EDGE: Color32 = Color32::from_black_alpha(38);

/// Note text size in canvas units (points at zoom 1.0): readable from the back of a room.
pub const NOTE_FONT_SIZE: f32 = palette::NOTE_FONT_SIZE;
/// Padding inside a note, in canvas units.
pub const NOTE_PADDING: f32 = palette::NOTE_PADDING;
/// Corner rounding of notes, in canvas units.
pub const NOTE_ROUNDING: f32 = palette::NOTE_ROUNDING;
/// Below this on-screen width (points) a note card is not offered to hover or a screen reader
/// (its whole text shows on hover from this width up).
pub const NOTE_MIN_HOVER_WIDTH: f32 = 44.0;
/// Below this on-screen width (points) a note is a plain coloured card with no text: narrower,
/// it could not hold three lines of [`NOTE_MIN_LEGIBLE_SIZE`] text, and nothing on the wall is
/// drawn smaller than that.
pub const NOTE_MIN_TEXT_WIDTH: f32 = 60.0;
/// The smallest note text drawn, in points on screen: 9 px Inter SemiBold. On a 1080p
/// projector throwing a picture 3 m wide its capitals are about 9 mm tall, readable from 4–5 m,
/// the back of a meeting room (and no smaller than the footnotes on a slide). A note's text is
/// laid out as large as the whole of it fits on the card, down to this size; only when it does
/// not fit even at this size is it cut ("…", the whole of it on hover). Whole text at a smaller
/// size beats cut text at a larger one: at Home, a 40-note wall in six themes reads in full.
pub const NOTE_MIN_LEGIBLE_SIZE: f32 = 9.0;
/// Zoomed out, a short note's text may be drawn larger than its zoomed size, up to this size in
/// points, when it still fits on the card: the wall read at Home is as large as it can be.
pub const NOTE_FIT_MAX_SIZE: f32 = 16.0;
/// The thickness of the selection outline, in points.
pub const SELECTION_WIDTH: f32 = 3.5;
/// Distance between canvas grid dots, in canvas units.
pub const GRID_SPACING: f32 = 48.0;

/// Height of the top bar, in points.
pub const TOP_BAR_HEIGHT: f32 = 52.0;
/// The widest the library list grows, in points.
pub const LIBRARY_MAX_WIDTH: f32 = 980.0;
/// Corner rounding of panels, cards and buttons.
pub const ROUNDING: u8 = 8;
/// The side of a checkbox and the diameter of a radio button, in points.
pub const CHECKBOX_SIZE: f32 = 24.0;

/// The QR code's dark modules: black on white in both themes, as a camera expects.
pub const QR_DARK: Color32 = Color32::BLACK;
/// The QR code's light modules and quiet zone.
pub const QR_LIGHT: Color32 = Color32::WHITE;

/// The font family for headings and note text: Inter SemiBold, with fallbacks.
pub fn strong_family() -> FontFamily {
    FontFamily::Name("strong".into())
}

/// The font for note text at a given zoom.
pub fn note_font(zoom: f32) -> FontId {
    // Quantised so zooming does not fill the font atlas with hundreds of nearly equal sizes.
    let size = ((NOTE_FONT_SIZE * zoom) * 2.0).round() / 2.0;
    FontId::new(size.max(4.0), strong_family())
}

/// A large font for titles on the projector.
pub fn hero_font() -> FontId {
    FontId::new(40.0, strong_family())
}

/// Loads the bundled fonts: Inter for Latin, Greek and Cyrillic; DejaVu Sans for Hebrew, Arabic
/// and other scripts Inter lacks; Noto Emoji for emoji. Offline and identical on every machine.
pub fn fonts() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let bundled: [(&str, &'static [u8]); 4] = [
        (
            "Inter",
            include_bytes!("../../assets/fonts/Inter-Regular.otf"),
        ),
        (
            "InterSemiBold",
            include_bytes!("../../assets/fonts/Inter-SemiBold.otf"),
        ),
        (
            "DejaVuSans",
            include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
        ),
        (
            "NotoEmoji",
            include_bytes!("../../assets/fonts/NotoEmoji-Regular.ttf"),
        ),
    ];
    for (name, bytes) in bundled {
        fonts
            .font_data
            .insert(name.to_owned(), FontData::from_static(bytes).into());
    }
    let fallbacks = ["DejaVuSans", "NotoEmoji"];
    let proportional = fonts.families.entry(FontFamily::Proportional).or_default();
    for (i, name) in ["Inter", "DejaVuSans", "NotoEmoji"].into_iter().enumerate() {
        proportional.insert(i, name.to_owned());
    }
    let mut strong = vec!["InterSemiBold".to_owned()];
    strong.extend(fallbacks.iter().map(|s| (*s).to_owned()));
    strong.extend(proportional.iter().skip(3).cloned());
    fonts.families.insert(strong_family(), strong);
    let mono = fonts.families.entry(FontFamily::Monospace).or_default();
    mono.extend(fallbacks.iter().map(|s| (*s).to_owned()));
    fonts
}

/// Applies a theme to egui: colours, text sizes and spacing sized for a projector.
pub fn apply(ctx: &egui::Context, theme: Theme) {
    let p = theme.palette();
    let egui_theme = match theme {
        Theme::Projector => egui::Theme::Light,
        Theme::Dark => egui::Theme::Dark,
    };
    let mut style = egui::Style {
        visuals: egui_theme.default_visuals(),
        ..Default::default()
    };
    style.text_styles = [
        (
            TextStyle::Small,
            FontId::new(14.0, FontFamily::Proportional),
        ),
        (TextStyle::Body, FontId::new(18.0, FontFamily::Proportional)),
        (
            TextStyle::Button,
            FontId::new(18.0, FontFamily::Proportional),
        ),
        (TextStyle::Heading, FontId::new(28.0, strong_family())),
        (
            TextStyle::Monospace,
            FontId::new(16.0, FontFamily::Monospace),
        ),
    ]
    .into();
    style.spacing.item_spacing = egui::vec2(10.0, 8.0);
    style.spacing.button_padding = egui::vec2(12.0, 6.0);
    style.spacing.interact_size.y = 34.0;
    style.spacing.window_margin = egui::Margin::same(20);
    // Checkboxes and radio buttons big enough to hit and see on a projector.
    style.spacing.icon_width = CHECKBOX_SIZE;
    style.spacing.icon_width_inner = CHECKBOX_SIZE * 0.55;
    style.spacing.icon_spacing = 10.0;
    style.spacing.menu_margin = egui::Margin::same(8);

    let v = &mut style.visuals;
    v.dark_mode = theme == Theme::Dark;
    v.override_text_color = Some(p.text);
    v.panel_fill = p.surface;
    v.window_fill = p.surface;
    v.extreme_bg_color = p.surface_raised;
    v.faint_bg_color = p.surface_raised;
    v.window_stroke = Stroke::new(1.0, p.border);
    v.window_corner_radius = CornerRadius::same(ROUNDING + 4);
    v.menu_corner_radius = CornerRadius::same(ROUNDING);
    v.hyperlink_color = p.selection;
    v.error_fg_color = p.danger;
    // The app's gold, not egui's light blue, for chosen entries and selected text.
    v.selection.bg_fill = p.accent.gamma_multiply(0.28);
    v.selection.stroke = Stroke::new(1.5, p.selection);
    v.text_cursor.stroke = Stroke::new(2.5, p.selection);
    for w in [
        &mut v.widgets.inactive,
        &mut v.widgets.hovered,
        &mut v.widgets.active,
        &mut v.widgets.open,
    ] {
        w.corner_radius = CornerRadius::same(ROUNDING);
    }
    v.widgets.noninteractive.bg_stroke = Stroke::new(1.0, p.border);
    v.widgets.noninteractive.fg_stroke = Stroke::new(1.0, p.text);
    v.widgets.inactive.bg_fill = p.surface_raised;
    v.widgets.inactive.weak_bg_fill = p.surface_raised;
    v.widgets.inactive.bg_stroke = Stroke::new(1.0, p.border);
    v.widgets.hovered.bg_stroke = Stroke::new(1.5, p.accent);
    v.widgets.active.bg_stroke = Stroke::new(2.0, p.accent);
    for w in [
        &mut v.widgets.hovered,
        &mut v.widgets.active,
        &mut v.widgets.open,
    ] {
        w.bg_fill = p.surface_raised;
        w.weak_bg_fill = p.surface_raised;
    }
    // Check marks, radio dots and combo arrows in the app's gold.
    v.widgets.inactive.fg_stroke = Stroke::new(2.5, p.accent);
    v.widgets.hovered.fg_stroke = Stroke::new(2.5, p.accent);
    v.widgets.active.fg_stroke = Stroke::new(3.0, p.accent);
    v.widgets.open.fg_stroke = Stroke::new(2.5, p.accent);
    ctx.set_style_of(egui_theme, style);
    ctx.set_theme(egui_theme);
}

/// The width of the safety prompts (restore recovery copies, open read-only).
pub const SAFETY_DIALOG_WIDTH: f32 = 620.0;
/// The tallest the list of recovery copies grows before it scrolls.
pub const SAFETY_LIST_MAX_HEIGHT: f32 = 420.0;
/// The widest a notice in the corner grows, in points.
pub const NOTICE_WIDTH: f32 = 460.0;
/// The tallest the details of a notice (say, a list of repairs) grow before they scroll.
pub const NOTICE_DETAILS_MAX_HEIGHT: f32 = 260.0;
/// The size of a recovery copy's title in the restore prompt.
pub const SAFETY_TITLE_SIZE: f32 = 19.0;
/// The current phase's prompt question in the agenda bar: readable from the back of a room.
pub const PROMPT_FONT_SIZE: f32 = 32.0;
/// The countdown's digits in the agenda bar.
pub const TIMER_FONT_SIZE: f32 = 60.0;
/// The phase names in the agenda bar.
pub const PHASE_FONT_SIZE: f32 = 17.0;
/// The widest the lab screens' column grows, in points.
pub const LAB_MAX_WIDTH: f32 = 1180.0;
/// The width of the names left of the report details' fields (Purpose, Facilitator, Next review).
pub const REPORT_LABEL_WIDTH: f32 = 120.0;
/// Headings of sections on the lab screens.
pub const SECTION_FONT_SIZE: f32 = 24.0;

/// The fill behind the countdown once time is up: the danger colour, unmistakable on a
/// projector without sound. `flash` alternates once a second while the timer runs.
pub fn time_up_fill(palette: &Palette, flash: bool) -> Color32 {
    if flash {
        palette.danger
    } else {
        palette.danger.gamma_multiply(0.8)
    }
}

/// Text on top of [`time_up_fill`]: the surface colour, white on the projector's dark red and
/// near-black on the dark theme's light red.
pub fn time_up_text(palette: &Palette) -> Color32 {
    palette.surface
}

/// Height of the strip of screen tabs (Vision & outcomes, Board, Vote…), in points.
pub const TAB_STRIP_HEIGHT: f32 = 44.0;
/// Size of a screen tab's label.
pub const TAB_FONT_SIZE: f32 = 18.0;
/// Space either side of a screen tab's label.
pub const TAB_PADDING: f32 = 16.0;
/// Thickness of the bar under the current screen's tab.
pub const TAB_UNDERLINE: f32 = 3.0;

/// The colour an action's status is shown in: green when done, blue under way, the danger
/// colour when blocked, muted when not started or dropped.
pub fn status_colour(palette: &Palette, status: crate::model::lab::ActionStatus) -> Color32 {
    use crate::model::lab::ActionStatus;
    match status {
        ActionStatus::Done => theme_stroke(crate::model::ThemeColour::Green),
        ActionStatus::InProgress => palette.selection,
        ActionStatus::Blocked => palette.danger,
        ActionStatus::NotStarted | ActionStatus::Dropped => palette.text_muted,
    }
}

/// The size of an action's description in the review walk, read from the back of the room.
pub const REVIEW_TITLE_SIZE: f32 = 40.0;
/// The size of the review walk's details (owner, due date, status).
pub const REVIEW_DETAIL_SIZE: f32 = 24.0;
/// The review walk's and the scoring screen's big key buttons.
pub const BIG_BUTTON_SIZE: egui::Vec2 = egui::vec2(140.0, 60.0);
/// The text size on the big key buttons.
pub const BIG_BUTTON_FONT_SIZE: f32 = 22.0;
/// The height of the tallest bar in a score chart.
pub const SCORE_CHART_HEIGHT: f32 = 170.0;
/// The width of one score's group of bars (last time and this time side by side).
pub const SCORE_GROUP_WIDTH: f32 = 160.0;
/// The size of the counts and labels in a score chart.
pub const SCORE_CHART_FONT_SIZE: f32 = 20.0;

/// Last time's bars in a score chart: the muted text colour, lighter.
pub fn score_before_fill(palette: &Palette) -> Color32 {
    palette.text_muted.gamma_multiply(0.45)
}
/// The tallest a combo box's list grows before it scrolls: room for every owner, theme or
/// outcome of a workshop, including "Someone else…" at the end.
pub const COMBO_LIST_HEIGHT: f32 = 520.0;
/// The width kept for an action's Remove button, at the end of its description.
pub const ACTION_REMOVE_WIDTH: f32 = 110.0;
/// From this row width (points) the actions board shows owner, date, theme and outcome in one
/// line of four columns; below it, two lines of two.
pub const ACTION_FOUR_COLUMNS_MIN: f32 = 760.0;
/// Room a date field leaves beside it for its calendar button, in points.
pub const CALENDAR_BUTTON_ROOM: f32 = 48.0;
/// Size of a screen tab's key ("Alt+2"), beside its label.
pub const TAB_KEY_FONT_SIZE: f32 = 13.0;
/// Space between a screen tab's label and its key.
pub const TAB_KEY_GAP: f32 = 8.0;
/// Room kept under the messages in the corner while the capture box is open, in points.
pub const NOTICE_CAPTURE_CLEARANCE: f32 = 250.0;
/// The widest the keyboard sheet grows, in points.
pub const HELP_SHEET_WIDTH: f32 = 1500.0;
/// The keyboard sheet's columns.
pub const HELP_COLUMNS: usize = 3;
/// Below this window height (points) the keyboard sheet uses its compact sizes, to fit a
/// 1280x800 laptop without scrolling.
pub const HELP_COMPACT_BELOW_HEIGHT: f32 = 1000.0;
/// The keyboard sheet's title on a laptop.
pub const HELP_TITLE_SIZE_COMPACT: f32 = 22.0;
/// The keys and their meaning on the keyboard sheet on a laptop.
pub const HELP_KEY_SIZE_COMPACT: f32 = 15.0;
/// The keyboard sheet's title.
pub const HELP_TITLE_SIZE: f32 = 32.0;
/// The keys and their meaning on the keyboard sheet: read from the back of a room.
pub const HELP_KEY_SIZE: f32 = 21.0;
/// Space between a message in the corner and the window's (or the themes panel's) edge.
pub const NOTICE_MARGIN: f32 = 16.0;
/// The width of the survey import preview, in points.
pub const SURVEY_PREVIEW_WIDTH: f32 = 900.0;
/// The widths of the survey preview's column name, kind and examples, in points.
pub const SURVEY_PREVIEW_COLUMNS: [f32; 3] = [230.0, 110.0, 290.0];
/// The most height the survey preview's column list takes before it scrolls, in points.
pub const SURVEY_PREVIEW_LIST_HEIGHT: f32 = 360.0;
/// How many characters of each sample answer the survey preview shows.
pub const SURVEY_SAMPLE_CHARS: usize = 60;

/// The height of the command palette's list of actions, in points.
pub const PALETTE_LIST_HEIGHT: f32 = 360.0;

pub mod audience;
pub mod room;
pub mod scale;
pub mod theme;
pub mod vote;
pub use scale::{font, font_in, gap, strong_font, text};
pub use theme::{
    THEME_DROP_WIDTH, THEME_FRAME_WIDTH, THEME_MIN_TITLE_SIZE, THEME_ON_COLOUR, THEME_ROUNDING,
    THEME_TITLE_SIZE, THEMES_PANEL_WIDTH, theme_card_fill, theme_fill, theme_stroke,
};
pub use vote::{
    VOTE_BAR_HEIGHT, VOTE_BUTTON_SIZE, VOTE_CANVAS_DOT_SIZE, VOTE_COLUMN_WIDTH,
    VOTE_COUNT_FONT_SIZE, VOTE_DOT, VOTE_DOT_SIZE, VOTE_DOT_TEXT, VOTE_NOTE_FONT_SIZE,
    VOTE_NOTES_BUTTON_WIDTH, VOTE_OPTION_FONT_SIZE, VOTE_THEME_BADGE_MAX, VOTE_THEME_BADGE_MIN,
    VOTE_THEME_BADGE_SIZE,
};
