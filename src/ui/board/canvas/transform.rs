//! Mapping between canvas coordinates (the model's) and screen points (egui's).

use egui::{Pos2, Rect, Vec2, pos2};

use crate::model::{CanvasPos, CanvasRect, View};

/// The closest the camera zooms out: 10,000 notes fit on one screen.
pub const MIN_ZOOM: f32 = 0.02;
/// The closest the camera zooms in.
pub const MAX_ZOOM: f32 = 4.0;
/// How much one zoom key press zooms.
pub const ZOOM_STEP: f32 = 1.25;

/// The camera over the canvas while a frame is drawn: `view` seen through the screen rect `screen`.
#[derive(Clone, Copy, Debug)]
pub struct Camera {
    /// Where the canvas is drawn on screen.
    pub screen: Rect,
    /// Which part of the canvas is shown.
    pub view: View,
}

impl Camera {
    /// Screen point of a canvas point.
    pub fn screen_from_canvas(&self, p: CanvasPos) -> Pos2 {
        let c = self.screen.center();
        pos2(
            c.x + (p.x - self.view.center.x) * self.view.zoom,
            c.y + (p.y - self.view.center.y) * self.view.zoom,
        )
    }

    /// Canvas point under a screen point.
    pub fn canvas_from_screen(&self, p: Pos2) -> CanvasPos {
        let c = self.screen.center();
        CanvasPos::new(
            self.view.center.x + (p.x - c.x) / self.view.zoom,
            self.view.center.y + (p.y - c.y) / self.view.zoom,
        )
    }

    /// Screen rectangle of a canvas rectangle.
    pub fn screen_rect(&self, r: CanvasRect) -> Rect {
        Rect::from_min_max(
            self.screen_from_canvas(r.min),
            self.screen_from_canvas(r.max),
        )
    }

    /// The canvas area that is visible.
    pub fn visible_canvas(&self) -> CanvasRect {
        CanvasRect::from_min_max(
            self.canvas_from_screen(self.screen.min),
            self.canvas_from_screen(self.screen.max),
        )
    }

    /// A screen distance as a canvas distance.
    pub fn canvas_delta(&self, d: Vec2) -> (f32, f32) {
        (d.x / self.view.zoom, d.y / self.view.zoom)
    }
}

/// `view` zoomed by `factor`, keeping the canvas point under `anchor` (a screen point) in place.
pub fn zoom_about(camera: &Camera, factor: f32, anchor: Pos2) -> View {
    let before = camera.canvas_from_screen(anchor);
    let zoom = (camera.view.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
    let c = camera.screen.center();
    View {
        zoom,
        center: CanvasPos::new(
            before.x - (anchor.x - c.x) / zoom,
            before.y - (anchor.y - c.y) / zoom,
        ),
    }
}

/// The space zoom to fit keeps at the left and right of everything, in points.
pub const FIT_MARGIN_X: f32 = 24.0;
/// The space zoom to fit keeps above and below everything, in points: room for the theme
/// names drawn above their frames and for the key hints along the bottom.
pub const FIT_MARGIN_Y: f32 = 48.0;

/// The view that shows all of `bounds` in `screen`, with a margin, never closer than 1:1.
pub fn fit(bounds: Option<CanvasRect>, screen: Rect) -> View {
    let Some(b) = bounds else {
        return View::default();
    };
    let w = (screen.width() - 2.0 * FIT_MARGIN_X).max(50.0);
    let h = (screen.height() - 2.0 * FIT_MARGIN_Y).max(50.0);
    let zoom = (w / b.width().max(1.0))
        .min(h / b.height().max(1.0))
        .clamp(MIN_ZOOM, 1.0);
    View {
        center: b.center(),
        zoom,
    }
}

/// The view moved just enough that `target` is fully visible.
pub fn reveal(camera: &Camera, target: CanvasRect) -> View {
    let visible = camera.visible_canvas();
    let margin = 24.0 / camera.view.zoom;
    let mut view = camera.view;
    if target.max.y + margin > visible.max.y {
        view.center.y += target.max.y + margin - visible.max.y;
    } else if target.min.y - margin < visible.min.y {
        view.center.y -= visible.min.y - (target.min.y - margin);
    }
    if target.max.x + margin > visible.max.x {
        view.center.x += target.max.x + margin - visible.max.x;
    } else if target.min.x - margin < visible.min.x {
        view.center.x -= visible.min.x - (target.min.x - margin);
    }
    view
}

/// The view that shows all of `target`: moved just enough when it fits at the current zoom
/// (as [`reveal`]), else zoomed out until it fits (as [`fit`]), never zoomed in.
pub fn bring_into_view(camera: &Camera, target: CanvasRect) -> View {
    let margin = 2.0 * 24.0;
    let zoom = camera.view.zoom;
    let fits = target.width() * zoom + margin <= camera.screen.width()
        && target.height() * zoom + margin <= camera.screen.height();
    if fits {
        return reveal(camera, target);
    }
    let fitted = fit(Some(target), camera.screen);
    View {
        center: fitted.center,
        zoom: fitted.zoom.min(zoom),
    }
}
