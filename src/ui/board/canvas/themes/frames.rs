//! Drawing every visible theme frame under the notes, their dot counts, and what a click on a
//! header or a toggle does.

use crate::ui::frame::FrameCx;
use std::collections::HashSet;

use egui::{CornerRadius, Painter, Rect, Sense, Stroke, StrokeKind, pos2, vec2};

use super::header::{Drawn, collapsed_card_ui, has_toggle, header_ui, title_size};
use super::header::{toggle_paint, toggle_rect};
use super::{ThemeRename, theme_dots_id, theme_title_id, theme_toggle_id};
use crate::model::theme::THEME_HEADER;
use crate::model::{CanvasRect, Edit, Session, ThemeEdit, ThemeFrame, ThemeId};
use crate::ui::board::canvas::dots::{self, VoteDots};
use crate::ui::board::canvas::transform::Camera;
use crate::ui::board::canvas::{BoardState, Gesture};
use crate::ui::style::{self, Palette};

/// What the user did to a frame this frame.
enum FrameAction {
    Select(ThemeId),
    Rename(ThemeId),
    Toggle(ThemeId, bool),
}

/// A frame's dot count, placed after its frame is drawn and painted after every frame.
struct Badge<'a> {
    id: ThemeId,
    name: &'a str,
    rect: Rect,
    text: String,
    dots: u32,
}

/// Draws every visible theme frame (under the notes) and handles clicks on headers and toggles.
pub fn frames_ui(
    ui: &egui::Ui,
    painter: &Painter,
    cx: &mut FrameCx<'_>,
    state: &mut BoardState,
    camera: &Camera,
) {
    let session = cx.session;
    let palette = cx.palette;
    let drop_target = match &state.gesture {
        Gesture::Move { .. } => ui
            .input(|i| i.pointer.latest_pos())
            .and_then(|p| state.themes.frame_at(camera.canvas_from_screen(p))),
        _ => None,
    };
    let zoom = camera.view.zoom;
    let mut actions = Vec::new();
    let mut badges = Vec::new();
    for (index, frame) in state.themes.frames().iter().enumerate() {
        let Some(drawn) = drawn(session, state, camera, index, frame) else {
            continue;
        };
        let dots = state.themes.dots().on_theme(drawn.theme.id);
        let (badge_text, badge_width) = badge_text(painter, state.themes.dots(), &drawn, zoom);
        let dropping = drop_target == Some(frame.id);
        let row_right = paint_frame(painter, &drawn, palette, zoom, dropping, badge_width);
        if dots > 0 {
            let rect = badge_rect(painter, &drawn, &badge_text, zoom, row_right);
            badges.push(Badge {
                id: drawn.theme.id,
                name: drawn.theme.name.as_str(),
                rect,
                text: badge_text,
                dots,
            });
        }
        frame_interact_ui(ui, &drawn, camera, &mut actions);
    }
    // Dot counts last, so a neighbouring frame never hides one.
    badges_ui(ui, painter, state.themes.dots(), camera, badges);
    apply(actions, cx, state);
}

/// Where frame number `index` is drawn this frame (moved with a theme being dragged), or
/// `None` when it is off screen or its theme is gone.
fn drawn<'a>(
    session: &'a Session,
    state: &BoardState,
    camera: &Camera,
    index: usize,
    frame: &'a ThemeFrame,
) -> Option<Drawn<'a>> {
    let theme = session.theme(frame.id)?;
    let mut rect = frame.rect;
    if let Gesture::MoveTheme { id, dx, dy } = state.gesture
        && id == frame.id
    {
        rect = CanvasRect::from_min_max(rect.min.offset(dx, dy), rect.max.offset(dx, dy));
    }
    let screen_rect = camera.screen_rect(rect);
    if !camera.screen.intersects(screen_rect.expand(60.0)) {
        return None;
    }
    let header = if frame.collapsed {
        screen_rect
    } else {
        let bottom = screen_rect.min.y + THEME_HEADER * camera.view.zoom;
        Rect::from_min_max(screen_rect.min, pos2(screen_rect.max.x, bottom))
    };
    Some(Drawn {
        frame,
        theme,
        screen_rect,
        header,
        key: (index < 9).then_some(index + 1),
        count: match frame.count {
            1 => "1 note".to_owned(),
            n => format!("{n} notes"),
        },
        renaming: (state.theme_rename.as_ref()).is_some_and(|r| r.id == theme.id),
    })
}

/// The dot count's words and the room it needs at the header's right end (0 without dots); a
/// narrow frame (far out) gets just the number, leaving room for its name.
fn badge_text(painter: &Painter, dots: &VoteDots, drawn: &Drawn<'_>, zoom: f32) -> (String, f32) {
    let count = dots.on_theme(drawn.theme.id);
    let mut text = dots.words(count);
    if count == 0 {
        return (text, 0.0);
    }
    let mut width = dots::theme_badge_width(painter, &text, zoom);
    if drawn.screen_rect.width() < 2.5 * width {
        text = count.to_string();
        width = dots::theme_badge_width(painter, &text, zoom);
    }
    (text, width + 6.0)
}

/// Paints the frame (or the collapsed card), its header and toggle. Returns where the header's
/// row ends when the name sits on a tab above the frame (see [`header_ui`]).
fn paint_frame(
    painter: &Painter,
    drawn: &Drawn<'_>,
    palette: &Palette,
    zoom: f32,
    dropping: bool,
    badge_width: f32,
) -> Option<(f32, Option<f32>)> {
    let colour = drawn.theme.colour;
    let screen_rect = drawn.screen_rect;
    let radius = CornerRadius::same((style::THEME_ROUNDING * zoom).clamp(2.0, 24.0) as u8);
    let collapsed = drawn.frame.collapsed;
    if collapsed {
        let shadow = screen_rect.translate(vec2(0.0, 3.0 * zoom.min(1.5)));
        painter.rect_filled(shadow, radius, palette.shadow);
        painter.rect_filled(screen_rect, radius, style::theme_card_fill(colour));
        if !title_size(zoom).1 {
            collapsed_card_ui(painter, drawn, zoom);
        }
    } else {
        painter.rect_filled(screen_rect, radius, style::theme_fill(colour));
        let band = CornerRadius {
            nw: radius.nw,
            ne: radius.ne,
            sw: 0,
            se: 0,
        };
        painter.rect_filled(drawn.header, band, style::theme_card_fill(colour));
        let width = if dropping {
            style::THEME_DROP_WIDTH
        } else {
            style::THEME_FRAME_WIDTH
        };
        let stroke = Stroke::new(width, style::theme_stroke(colour));
        painter.rect_stroke(screen_rect, radius, stroke, StrokeKind::Inside);
    }
    // A frame's header; or a card too small to read its name on: then, as on a frame far out,
    // the name goes on a tab above it.
    let row_right = (!collapsed || title_size(zoom).1)
        .then(|| header_ui(painter, drawn, zoom, badge_width))
        .flatten();
    if has_toggle(drawn.header) {
        toggle_paint(painter, drawn.header, collapsed, zoom);
    }
    row_right
}

/// Where the dot count goes: at the header's right end, only as far into the frame as the
/// header's (or card's) empty top margin; lifted above the name's tab when the name needs the
/// whole row.
fn badge_rect(
    painter: &Painter,
    drawn: &Drawn<'_>,
    text: &str,
    zoom: f32,
    row_right: Option<(f32, Option<f32>)>,
) -> Rect {
    let screen_rect = drawn.screen_rect;
    let inside = if drawn.frame.collapsed {
        (18.0 * zoom - 2.0).max(0.0)
    } else {
        0.2 * THEME_HEADER * zoom
    };
    let (right, lifted) = row_right.unwrap_or((screen_rect.max.x - 12.0 * zoom.max(0.5), None));
    let (anchor, inside) = match lifted {
        Some(y) => (
            Rect::from_min_max(pos2(screen_rect.min.x, y), screen_rect.max),
            0.0,
        ),
        None => (screen_rect, inside),
    };
    dots::theme_badge_rect(painter, anchor, text, zoom, right, inside)
}

/// The header reports itself and takes clicks (drags fall through to the canvas, which moves
/// the theme); the toggle collapses or expands the frame.
fn frame_interact_ui(
    ui: &egui::Ui,
    drawn: &Drawn<'_>,
    camera: &Camera,
    actions: &mut Vec<FrameAction>,
) {
    let (theme, header, collapsed) = (drawn.theme, drawn.header, drawn.frame.collapsed);
    let title = ui.interact(
        header.intersect(camera.screen),
        theme_title_id(theme.id),
        Sense::click(),
    );
    let label = format!("Theme {}, {}", theme.name, drawn.count);
    title.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    if title.double_clicked() {
        actions.push(FrameAction::Rename(theme.id));
    } else if title.clicked() && !collapsed {
        actions.push(FrameAction::Select(theme.id));
    }
    let toggle_rect = toggle_rect(header, camera.view.zoom);
    if has_toggle(header) && camera.screen.intersects(toggle_rect) {
        let toggle = ui.interact(toggle_rect, theme_toggle_id(theme.id), Sense::click());
        let verb = if collapsed { "Expand" } else { "Collapse" };
        let label = format!("{verb} the {} frame", theme.name);
        toggle.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if toggle.clicked() {
            actions.push(FrameAction::Toggle(theme.id, !collapsed));
        }
    }
}

/// Paints the dot counts over every frame, each reporting itself with where its dots are from.
fn badges_ui(
    ui: &egui::Ui,
    painter: &Painter,
    dots: &VoteDots,
    camera: &Camera,
    badges: Vec<Badge<'_>>,
) {
    for badge in badges {
        dots::paint_theme_badge(painter, badge.rect, &badge.text, camera.view.zoom);
        if camera.screen.intersects(badge.rect) {
            let label = format!("{}: {}", badge.name, dots.words(badge.dots));
            ui.interact(
                badge.rect.intersect(camera.screen),
                theme_dots_id(badge.id),
                Sense::hover(),
            )
            .on_hover_text(dots.source())
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
        }
    }
}

/// Does what the clicks on frames asked for.
fn apply(actions: Vec<FrameAction>, cx: &mut FrameCx<'_>, state: &mut BoardState) {
    let session = cx.session;
    for action in actions {
        match action {
            FrameAction::Select(id) => {
                state.selection = session.theme_members(id).map(|n| n.id).collect();
                state.focus_requested = true;
            }
            FrameAction::Rename(id) => {
                if let Some(theme) = session.theme(id) {
                    state.theme_rename = Some(ThemeRename::new(id, theme.name.clone(), None));
                }
            }
            FrameAction::Toggle(id, collapsed) => {
                cx.out
                    .edits
                    .push(Edit::Theme(ThemeEdit::SetCollapsed { id, collapsed }));
                if collapsed {
                    let hidden: HashSet<_> = session.theme_members(id).map(|n| n.id).collect();
                    state.selection.retain(|n| !hidden.contains(n));
                }
                state.focus_requested = true;
            }
        }
    }
}
