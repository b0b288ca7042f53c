//! Theme frames on the canvas: drawn under the notes, with a header showing the name, number
//! key and note count, a collapse toggle, and a compact card while collapsed.
//!
//! Frames are computed once per change ([`ThemeCache`]), not per frame: at 10,000 notes a
//! scan per theme per frame would cost more than drawing.

use crate::history::{Changes, StepToken};
use std::collections::HashSet;

use egui::{Align2, CornerRadius, Id, Painter, Rect, Sense, Stroke, StrokeKind, pos2, vec2};

use super::transform::Camera;
use super::{BoardState, Gesture};
use crate::model::theme::THEME_HEADER;
use crate::model::{CanvasPos, CanvasRect, Edit, Note, Session, ThemeEdit, ThemeFrame, ThemeId};
use crate::ui::style::{self, Palette};

/// Every theme's frame, computed from the session after each change.
#[derive(Debug, Default)]
pub struct ThemeCache {
    valid: bool,
    revision: u64,
    frames: Vec<ThemeFrame>,
    collapsed: HashSet<ThemeId>,
    dots: super::dots::VoteDots,
}

impl ThemeCache {
    /// Recomputes the frames if the session changed since the last time. Returns true when it
    /// did.
    pub fn refresh(&mut self, session: &Session) -> bool {
        if self.valid {
            return false;
        }
        self.frames = session.theme_frames();
        self.collapsed = self
            .frames
            .iter()
            .filter(|f| f.collapsed)
            .map(|f| f.id)
            .collect();
        self.dots = super::dots::VoteDots::new(session);
        self.valid = true;
        self.revision += 1;
        true
    }

    /// A number that changes whenever the frames were recomputed, i.e. after every change to
    /// the session: lets other panels redo their own per-change work only then.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Marks the frames out of date (the session changed).
    pub fn invalidate(&mut self) {
        self.valid = false;
    }

    /// The frames, in list order.
    pub fn frames(&self) -> &[ThemeFrame] {
        &self.frames
    }

    /// The dots of the latest revealed or closed vote, computed with the frames.
    pub fn dots(&self) -> &super::dots::VoteDots {
        &self.dots
    }

    /// The frame of one theme.
    pub fn frame(&self, id: ThemeId) -> Option<&ThemeFrame> {
        self.frames.iter().find(|f| f.id == id)
    }

    /// True when the note is hidden inside a collapsed theme.
    pub fn is_hidden(&self, note: &Note) -> bool {
        !self.collapsed.is_empty() && note.theme.is_some_and(|t| self.collapsed.contains(&t))
    }

    /// The expanded frames, as targets for dropped notes (topmost last).
    pub fn drop_targets(&self) -> Vec<(ThemeId, CanvasRect)> {
        self.frames
            .iter()
            .filter(|f| !f.collapsed)
            .map(|f| (f.id, f.rect))
            .collect()
    }

    /// The expanded frame under a canvas point (topmost).
    pub fn frame_at(&self, p: CanvasPos) -> Option<ThemeId> {
        self.frames
            .iter()
            .rev()
            .find(|f| !f.collapsed && f.rect.contains(p))
            .map(|f| f.id)
    }

    /// The collapsed theme whose card is under a canvas point (topmost).
    pub fn card_at(&self, p: CanvasPos) -> Option<ThemeId> {
        self.frames
            .iter()
            .rev()
            .find(|f| f.collapsed && f.rect.contains(p))
            .map(|f| f.id)
    }

    /// The theme whose header (or collapsed card) is under a canvas point: where a drag
    /// moves the whole theme.
    pub fn handle_at(&self, p: CanvasPos) -> Option<ThemeId> {
        self.frames
            .iter()
            .rev()
            .find(|f| {
                if f.collapsed {
                    f.rect.contains(p)
                } else {
                    let header = CanvasRect::from_min_max(
                        f.rect.min,
                        CanvasPos::new(f.rect.max.x, f.rect.min.y + THEME_HEADER),
                    );
                    header.contains(p)
                }
            })
            .map(|f| f.id)
    }
}

/// A theme being renamed in place, on its frame.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeRename {
    /// The theme (it may be created at the end of this frame).
    pub id: ThemeId,
    /// The name as typed so far.
    pub text: String,
    /// Focus the box and select its text at the next frame it can be shown.
    pub focus_pending: bool,
    /// After Enter or Esc, select the next note in no theme after this place in reading order
    /// (the keyboard sorting flow); `None` to leave the selection alone.
    pub advance: Option<super::reading::ReadingKey>,
    /// Text typed before the box had focus (fast typists, slow frames): it becomes the name.
    pub typed: String,
    /// The undo step that made the theme, when it was made just now: the name joins that step
    /// if nothing else changed since, so making and naming are undone together.
    pub made_in: Option<StepToken>,
}

impl ThemeRename {
    /// Starts renaming theme `id`, whose name is `text` now.
    pub fn new(id: ThemeId, text: String, advance: Option<super::reading::ReadingKey>) -> Self {
        Self {
            id,
            text,
            focus_pending: true,
            advance,
            typed: String::new(),
            made_in: None,
        }
    }

    /// Starts naming theme `id`, made this frame in undo step `made_in`: the name and the new
    /// theme are one undo step.
    pub fn new_theme(
        id: ThemeId,
        text: String,
        advance: Option<super::reading::ReadingKey>,
        made_in: StepToken,
    ) -> Self {
        Self {
            made_in: Some(made_in),
            ..Self::new(id, text, advance)
        }
    }
}

/// The id of the widget that reports a theme's frame header.
pub fn theme_title_id(id: ThemeId) -> Id {
    Id::unique(("goldthread.theme.title", id))
}

/// The id of a theme's collapse/expand toggle.
pub fn theme_toggle_id(id: ThemeId) -> Id {
    Id::unique(("goldthread.theme.toggle", id))
}

/// The id of the widget that reports a theme's dot count after a vote is revealed.
pub fn theme_dots_id(id: ThemeId) -> Id {
    Id::unique(("goldthread.theme.dots", id))
}

/// The id of the in-place rename box.
pub fn rename_text_id() -> Id {
    Id::unique("goldthread.theme.rename")
}

/// What the user did to a frame this frame.
enum FrameAction {
    Select(ThemeId),
    Rename(ThemeId),
    Toggle(ThemeId, bool),
}

/// Draws every visible theme frame (under the notes) and handles clicks on headers and toggles.
pub fn frames_ui(
    ui: &egui::Ui,
    painter: &Painter,
    session: &Session,
    state: &mut BoardState,
    camera: &Camera,
    palette: &Palette,
    edits: &mut Changes,
) {
    let (moving, dx, dy) = match state.gesture {
        Gesture::MoveTheme { id, dx, dy } => (Some(id), dx, dy),
        _ => (None, 0.0, 0.0),
    };
    let drop_target = match &state.gesture {
        Gesture::Move { .. } => ui
            .input(|i| i.pointer.latest_pos())
            .and_then(|p| state.themes.frame_at(camera.canvas_from_screen(p))),
        _ => None,
    };
    let mut actions = Vec::new();
    let mut badges = Vec::new();
    for (index, frame) in state.themes.frames().iter().enumerate() {
        let Some(theme) = session.theme(frame.id) else {
            continue;
        };
        let mut rect = frame.rect;
        if moving == Some(frame.id) {
            rect = CanvasRect::from_min_max(rect.min.offset(dx, dy), rect.max.offset(dx, dy));
        }
        let screen_rect = camera.screen_rect(rect);
        if !camera.screen.intersects(screen_rect.expand(60.0)) {
            continue;
        }
        let zoom = camera.view.zoom;
        let stroke_colour = style::theme_stroke(theme.colour);
        let radius = CornerRadius::same((style::THEME_ROUNDING * zoom).clamp(2.0, 24.0) as u8);
        let key = (index < 9).then(|| index + 1);
        let count = match frame.count {
            1 => "1 note".to_owned(),
            n => format!("{n} notes"),
        };
        let header = if frame.collapsed {
            screen_rect
        } else {
            Rect::from_min_max(
                screen_rect.min,
                pos2(screen_rect.max.x, screen_rect.min.y + THEME_HEADER * zoom),
            )
        };
        let renaming = state
            .theme_rename
            .as_ref()
            .is_some_and(|r| r.id == theme.id);
        let dots = state.themes.dots().on_theme(theme.id);
        let mut badge_text = state.themes.dots().words(dots);
        let mut badge_width = 0.0;
        if dots > 0 {
            badge_width = super::dots::theme_badge_width(painter, &badge_text, zoom);
            if screen_rect.width() < 2.5 * badge_width {
                // A narrow frame (far out) gets just the number, leaving room for its name.
                badge_text = dots.to_string();
                badge_width = super::dots::theme_badge_width(painter, &badge_text, zoom);
            }
            badge_width += 6.0;
        }
        // Zoomed far out, the name sits on a tab above the frame: the dot count ends that row.
        let mut row_right = None;
        if frame.collapsed {
            painter.rect_filled(
                screen_rect.translate(vec2(0.0, 3.0 * zoom.min(1.5))),
                radius,
                palette.shadow,
            );
            painter.rect_filled(screen_rect, radius, style::theme_card_fill(theme.colour));
            if !title_size(zoom).1 {
                collapsed_card_ui(painter, theme, screen_rect, key, &count, zoom, renaming);
            }
        } else {
            painter.rect_filled(screen_rect, radius, style::theme_fill(theme.colour));
            let band = CornerRadius {
                nw: radius.nw,
                ne: radius.ne,
                sw: 0,
                se: 0,
            };
            painter.rect_filled(header, band, style::theme_card_fill(theme.colour));
            let width = if drop_target == Some(frame.id) {
                style::THEME_DROP_WIDTH
            } else {
                style::THEME_FRAME_WIDTH
            };
            painter.rect_stroke(
                screen_rect,
                radius,
                Stroke::new(width, stroke_colour),
                StrokeKind::Inside,
            );
        }
        if !frame.collapsed || title_size(zoom).1 {
            // A frame's header; or a card too small to read its name on: then, as on a frame
            // far out, the name goes on a tab above it.
            row_right = header_ui(
                painter,
                theme,
                header,
                key,
                &count,
                zoom,
                renaming,
                badge_width,
            );
        }
        if has_toggle(header) {
            toggle_paint(painter, header, frame.collapsed, zoom);
        }

        if dots > 0 {
            // Only as far into the frame as the header's (or card's) empty top margin.
            let inside = if frame.collapsed {
                (18.0 * zoom - 2.0).max(0.0)
            } else {
                0.2 * THEME_HEADER * zoom
            };
            let (right, lifted) = match row_right {
                Some((right, lifted)) => (right, lifted),
                None => (screen_rect.max.x - 12.0 * zoom.max(0.5), None),
            };
            // Lifted above the name's tab when the name needs the whole row.
            let (anchor, inside) = match lifted {
                Some(y) => (
                    Rect::from_min_max(pos2(screen_rect.min.x, y), screen_rect.max),
                    0.0,
                ),
                None => (screen_rect, inside),
            };
            let rect =
                super::dots::theme_badge_rect(painter, anchor, &badge_text, zoom, right, inside);
            badges.push((theme.id, theme.name.as_str(), rect, badge_text, dots));
        }

        // The header reports itself and takes clicks; drags fall through to the canvas, which
        // moves the theme.
        let title = ui.interact(
            header.intersect(camera.screen),
            theme_title_id(theme.id),
            Sense::click(),
        );
        let label = format!("Theme {}, {count}", theme.name);
        title.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if title.double_clicked() {
            actions.push(FrameAction::Rename(theme.id));
        } else if title.clicked() && !frame.collapsed {
            actions.push(FrameAction::Select(theme.id));
        }
        let toggle_rect = toggle_rect(header, zoom);
        if has_toggle(header) && camera.screen.intersects(toggle_rect) {
            let toggle = ui.interact(toggle_rect, theme_toggle_id(theme.id), Sense::click());
            let verb = if frame.collapsed {
                "Expand"
            } else {
                "Collapse"
            };
            let label = format!("{verb} the {} frame", theme.name);
            toggle.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if toggle.clicked() {
                actions.push(FrameAction::Toggle(theme.id, !frame.collapsed));
            }
        }
    }
    // Dot counts last, so a neighbouring frame never hides one.
    for (id, name, rect, text, dots) in badges {
        super::dots::paint_theme_badge(painter, rect, &text, camera.view.zoom);
        if camera.screen.intersects(rect) {
            let label = format!("{name}: {}", state.themes.dots().words(dots));
            ui.interact(
                rect.intersect(camera.screen),
                theme_dots_id(id),
                Sense::hover(),
            )
            .on_hover_text(state.themes.dots().source())
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
        }
    }
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
                edits.push(Edit::Theme(ThemeEdit::SetCollapsed { id, collapsed }));
                if collapsed {
                    let hidden: HashSet<_> = session.theme_members(id).map(|n| n.id).collect();
                    state.selection.retain(|n| !hidden.contains(n));
                }
                state.focus_requested = true;
            }
        }
    }
}

/// The header of an expanded frame: number key, name and note count. Zoomed far out they sit
/// on a tab above the frame, leaving `reserve` points at the frame's right end for the dot
/// count; then returns where the dot count ends on screen and, when the whole name needs that
/// room, the height the dot count is lifted to instead (above the tab), so a name is never cut
/// for the dots.
#[allow(clippy::too_many_arguments, reason = "one header reads all it shows")]
fn header_ui(
    painter: &Painter,
    theme: &crate::model::Theme,
    header: Rect,
    key: Option<usize>,
    count: &str,
    zoom: f32,
    renaming: bool,
    reserve: f32,
) -> Option<(f32, Option<f32>)> {
    let colour = style::theme_stroke(theme.colour);
    let on = style::THEME_ON_COLOUR;
    // Far out the header is too thin for readable text: the name sits on a tab above the frame.
    let (size, above) = title_size(zoom);
    let toggle_w = if has_toggle(header) {
        toggle_rect(header, zoom).width() + 12.0
    } else {
        0.0
    };
    let row = if above {
        Rect::from_min_max(
            pos2(header.min.x, header.min.y - size * 1.6),
            pos2(header.max.x.max(header.min.x + 12.0 * size), header.min.y),
        )
    } else {
        Rect::from_min_max(header.min, pos2(header.max.x - toggle_w, header.max.y))
    };
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
        painter.rect_filled(
            tab,
            CornerRadius::same(4),
            style::theme_card_fill(theme.colour),
        );
    }
    if let Some(k) = key {
        let c = pos2(row.min.x + pad + badge_r, cy);
        painter.circle_filled(c, badge_r, on);
        painter.text(
            c,
            Align2::CENTER_CENTER,
            k.to_string(),
            style::strong_font((size * 0.75).round()),
            colour,
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
fn collapsed_card_ui(
    painter: &Painter,
    theme: &crate::model::Theme,
    card: Rect,
    key: Option<usize>,
    count: &str,
    zoom: f32,
    renaming: bool,
) {
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
fn has_toggle(header: Rect) -> bool {
    header.height() >= 16.0
}

/// Where a frame's collapse toggle sits: the right end of its header.
fn toggle_rect(header: Rect, zoom: f32) -> Rect {
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
fn toggle_paint(painter: &Painter, header: Rect, collapsed: bool, zoom: f32) {
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

/// Shows the in-place rename box over the theme's header. Enter keeps the name, Esc drops it.
pub fn rename_ui(
    ui: &mut egui::Ui,
    session: &Session,
    state: &mut BoardState,
    camera: &mut Camera,
    edits: &mut Changes,
    requests: &mut Vec<super::CanvasRequest>,
) {
    let Some(rename) = &mut state.theme_rename else {
        return;
    };
    let Some(theme) = session.theme(rename.id) else {
        if !rename.focus_pending {
            state.theme_rename = None;
        }
        return; // Made by this frame's edits: shown from the next frame.
    };
    let Some(frame) = session.theme_frame(rename.id) else {
        return;
    };
    let id = rename_text_id();
    if rename.focus_pending && ui.input(|i| i.pointer.any_pressed() || i.pointer.any_released()) {
        // The double-click that opened the box would take its focus away again: show it from
        // the next frame on.
        ui.ctx().request_repaint();
        return;
    }
    if rename.focus_pending {
        camera.view = super::transform::reveal(camera, frame.rect);
        if camera.view.zoom < 0.5 {
            camera.view = crate::model::View {
                center: frame.rect.center(),
                zoom: 0.8,
            };
        }
    }
    let focused = ui.memory(|m| m.has_focus(id));
    let mut commit =
        focused && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter));
    let cancel =
        focused && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    let zoom = camera.view.zoom;
    let screen = camera.screen_rect(frame.rect);
    let height = if frame.collapsed {
        (70.0 * zoom).max(30.0)
    } else {
        (THEME_HEADER * zoom).max(30.0)
    };
    let rect = Rect::from_min_size(
        screen.min + vec2(8.0, 6.0),
        vec2((screen.width() - 70.0).max(180.0), height - 12.0),
    );
    let size = (style::THEME_TITLE_SIZE * zoom).clamp(14.0, 40.0).round();
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
    let response = child.add(
        egui::TextEdit::singleline(&mut rename.text)
            .id(id)
            .font(style::strong_font(size))
            .desired_width(rect.width())
            .hint_text("Theme name")
            .event_filter(super::KEEP_ESCAPE),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Theme name"));
    if rename.focus_pending {
        response.request_focus();
        // Letters typed before the box had focus replace the suggested name.
        rename.typed.push_str(&super::typed_text(ui));
        let typed = std::mem::take(&mut rename.typed);
        let pre_typed = !typed.trim().is_empty();
        if pre_typed {
            rename.text = typed;
        }
        if let Some(mut text_state) = egui::TextEdit::load_state(ui.ctx(), id) {
            let end = rename.text.chars().count();
            let start = if pre_typed { end } else { 0 };
            let all = egui::text::CCursorRange::two(
                egui::text::CCursor::new(start),
                egui::text::CCursor::new(end),
            );
            text_state.cursor.set_char_range(Some(all));
            text_state.store(ui.ctx(), id);
        }
        rename.focus_pending = false;
        ui.ctx().request_repaint();
        return;
    } else if response.lost_focus() && !cancel {
        commit = true;
    }
    if cancel {
        let advance = rename.advance;
        state.theme_rename = None;
        state.focus_requested = true;
        if advance.is_some() {
            super::reading::select_next_unthemed(session, state, camera, advance, &[]);
        }
    } else if commit {
        let name = rename.text.trim().to_owned();
        let advance = rename.advance;
        if name.is_empty() {
            requests.push(super::CanvasRequest::Info(format!(
                "A theme needs a name, so it stays \"{}\".",
                theme.name
            )));
        } else if name != theme.name {
            let edit = Edit::Theme(ThemeEdit::Rename { id: theme.id, name });
            match rename.made_in {
                Some(step) => edits.join_step(edit, step),
                None => edits.push(edit),
            }
        }
        state.theme_rename = None;
        state.focus_requested = true;
        if advance.is_some() {
            super::reading::select_next_unthemed(session, state, camera, advance, &[]);
        }
    }
}
