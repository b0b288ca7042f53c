//! Painting a theme's header (number key, name, note count, the collapse chevron) or, while
//! collapsed, its card.

use egui::{Align2, CornerRadius, Painter, Rect, Stroke, pos2, vec2};

use crate::model::theme::THEME_HEADER;
use crate::model::{Theme, ThemeFrame};
use crate::ui::style;

/// One frame as drawn this frame: where it is on screen and what its header shows.
pub(super) struct Drawn<'a> {
    /// The frame.
    pub frame: &'a ThemeFrame,
    /// Its theme.
    pub theme: &'a Theme,
    /// The frame (or card) on screen, moved with a theme being dragged.
    pub screen_rect: Rect,
    /// The header band on screen (the whole card while collapsed).
    pub header: Rect,
    /// Its number key (1 … 9), if it has one.
    pub key: Option<usize>,
    /// "1 note", "12 notes".
    pub count: String,
    /// Its name is being edited in place (the box covers the name).
    pub renaming: bool,
}

/// The header of an expanded frame: number key, name and note count. Zoomed far out they sit
/// on a tab above the frame, leaving `reserve` points at the frame's right end for the dot
/// count; then returns where the dot count ends on screen and, when the whole name needs that
/// room, the height the dot count is lifted to instead (above the tab), so a name is never cut
/// for the dots.
pub(super) fn header_ui(
    painter: &Painter,
    drawn: &Drawn<'_>,
    zoom: f32,
    reserve: f32,
) -> Option<(f32, Option<f32>)> {
    let Drawn {
        theme,
        header,
        key,
        renaming,
        ..
    } = *drawn;
    let count = drawn.count.as_str();
    let on = style::THEME_ON_COLOUR;
    // Far out the header is too thin for readable text: the name sits on a tab above the frame.
    let (size, above) = title_size(zoom);
    let row = header_row(header, zoom);
    let cy = row.center().y;
    let pad = if above { size * 0.4 } else { 18.0 * zoom };
    let badge_r = size * 0.6;
    let text_x = row.min.x + pad + key.map_or(0.0, |_| 2.0 * badge_r + size * 0.4);
    let name_font = style::strong_font(size);
    let count_galley =
        painter.layout_no_wrap(count.to_owned(), style::font((size * 0.65).round()), on);
    let full_name = painter.layout_no_wrap(theme.name.clone(), name_font.clone(), on);
    // The dot count ends the row at the frame's own right edge, never over a neighbour's tab;
    // when the name needs that room, the dot count goes above the tab instead.
    let beside = row.max.x.min(header.max.x - reserve);
    let lift = above && reserve > 0.0 && text_x + full_name.size().x + pad > beside;
    let limit = if above && reserve > 0.0 && !lift {
        beside
    } else {
        row.max.x
    };
    let room = (limit - pad - text_x).max(0.0);
    let gap = size * 0.6;
    let both_fit = full_name.size().x + gap + count_galley.size().x <= room;
    let name_galley = if full_name.size().x <= room {
        full_name
    } else {
        let mut job = egui::text::LayoutJob::simple_singleline(theme.name.clone(), name_font, on);
        job.wrap.max_width = room.max(size);
        job.wrap.max_rows = 1;
        job.wrap.overflow_character = Some('…');
        painter.layout_job(job)
    };
    if above && !renaming {
        // The tab behind the name, in the theme's colour, so it reads on any canvas.
        let mut end = text_x + name_galley.size().x + pad;
        if both_fit {
            end += gap + count_galley.size().x;
        }
        let tab = Rect::from_min_max(row.min, pos2(end.min(row.max.x), row.max.y));
        let fill = style::theme_card_fill(theme.colour);
        painter.rect_filled(tab, CornerRadius::same(4), fill);
    }
    if let Some(k) = key {
        let centre = pos2(row.min.x + pad + badge_r, cy);
        paint_key(
            painter,
            centre,
            badge_r,
            k,
            size,
            style::theme_stroke(theme.colour),
        );
    }
    let row_right = above.then_some((header.max.x, lift.then_some(row.min.y - 2.0)));
    if renaming {
        return row_right;
    }
    let name_w = name_galley.size().x;
    painter.galley(
        pos2(text_x, cy - name_galley.size().y / 2.0),
        name_galley,
        on,
    );
    if both_fit {
        let x = if above {
            text_x + name_w + gap
        } else {
            row.max.x - pad - count_galley.size().x
        };
        painter.galley(pos2(x, cy - count_galley.size().y / 2.0), count_galley, on);
    }
    row_right
}

/// The row a header's name, number key and count sit in: the header less its toggle, or, far
/// out, a tab above the frame.
fn header_row(header: Rect, zoom: f32) -> Rect {
    let (size, above) = title_size(zoom);
    if above {
        return Rect::from_min_max(
            pos2(header.min.x, header.min.y - size * 1.6),
            pos2(header.max.x.max(header.min.x + 12.0 * size), header.min.y),
        );
    }
    let toggle_w = if has_toggle(header) {
        toggle_rect(header, zoom).width() + 12.0
    } else {
        0.0
    };
    Rect::from_min_max(header.min, pos2(header.max.x - toggle_w, header.max.y))
}

/// The number key's disc, `radius` points, with digit `key` in the theme's colour.
fn paint_key(
    painter: &Painter,
    centre: egui::Pos2,
    radius: f32,
    key: usize,
    size: f32,
    colour: egui::Color32,
) {
    painter.circle_filled(centre, radius, style::THEME_ON_COLOUR);
    let font = style::strong_font((size * 0.75).round());
    painter.text(centre, Align2::CENTER_CENTER, key.to_string(), font, colour);
}

/// The size of a theme's name on screen at `zoom`, never below
/// [`style::THEME_MIN_TITLE_SIZE`], and whether it sits on a tab above its frame or card (true
/// when it would be too small to read inside them).
pub fn title_size(zoom: f32) -> (f32, bool) {
    let inside = (style::THEME_TITLE_SIZE * zoom).round();
    if inside < style::THEME_MIN_TITLE_SIZE {
        (style::THEME_MIN_TITLE_SIZE, true)
    } else {
        (inside.min(48.0), false)
    }
}

/// The name, note count and number key written on a collapsed theme's card, when the card is
/// large enough on screen for its name to be read there.
pub(super) fn collapsed_card_ui(painter: &Painter, drawn: &Drawn<'_>, zoom: f32) {
    let Drawn {
        theme,
        screen_rect: card,
        key,
        renaming,
        ..
    } = *drawn;
    let count = drawn.count.as_str();
    let (size, _) = title_size(zoom);
    if !renaming {
        let pad = 18.0 * zoom;
        let name = painter.layout(
            theme.name.clone(),
            style::strong_font(size),
            style::THEME_ON_COLOUR,
            (card.width() - 2.0 * pad - 30.0 * zoom).max(10.0),
        );
        painter.galley(card.min + vec2(pad, pad), name, style::THEME_ON_COLOUR);
    }
    // Nothing on the wall is drawn below the legible size: far out, the card keeps its name.
    let count_size = (18.0 * zoom).min(24.0).round();
    if count_size < style::NOTE_MIN_LEGIBLE_SIZE {
        return;
    }
    painter.text(
        card.left_bottom() + vec2(18.0 * zoom, -16.0 * zoom),
        Align2::LEFT_BOTTOM,
        match key {
            Some(k) => format!("{count}  ·  key {k}"),
            None => count.to_owned(),
        },
        style::font(count_size),
        style::THEME_ON_COLOUR,
    );
}

/// True when the header is tall enough for its collapse toggle (far out, the list has it).
pub(super) fn has_toggle(header: Rect) -> bool {
    header.height() >= 16.0
}

/// Where a frame's collapse toggle sits: the right end of its header.
pub(super) fn toggle_rect(header: Rect, zoom: f32) -> Rect {
    let side = (34.0 * zoom).clamp(16.0, 44.0);
    Rect::from_center_size(
        pos2(
            header.max.x - side / 2.0 - 8.0 * zoom.max(0.4),
            header.min.y + (THEME_HEADER * zoom).min(header.height()) / 2.0,
        ),
        vec2(side, side),
    )
}

/// A chevron: pointing down on an expanded frame (collapse), right on a card (expand).
pub(super) fn toggle_paint(painter: &Painter, header: Rect, collapsed: bool, zoom: f32) {
    let r = toggle_rect(header, zoom);
    let c = r.center();
    let s = r.width() * 0.22;
    let points = if collapsed {
        vec![
            c + vec2(-s * 0.6, -s),
            c + vec2(s * 0.8, 0.0),
            c + vec2(-s * 0.6, s),
        ]
    } else {
        vec![
            c + vec2(-s, -s * 0.6),
            c + vec2(s, -s * 0.6),
            c + vec2(0.0, s * 0.8),
        ]
    };
    let colour = style::THEME_ON_COLOUR;
    painter.add(egui::Shape::convex_polygon(points, colour, Stroke::NONE));
}
