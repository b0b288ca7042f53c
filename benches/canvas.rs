//! Measures Goldthread's canvas frame time (real app UI + tessellation, headless) at 500, 2,000
//! and 10,000 notes, 1:1 and zoomed to fit; a sweep of zoom levels at 2,000 and 10,000 notes
//! (the worst zoom, not only the two ends); a frame with the audience window open (presenting
//! on a second screen) at 2,000 and 10,000 notes; and the save and load time of a 10,000-note
//! session.
//!
//! Run with `cargo bench --bench canvas`. The output is plain text that is also valid Markdown,
//! so it can be pasted into the README as it is.
//!
//! A frame is what the app does for one repaint on the UI thread: one egui pass of
//! [`GoldthreadApp::ui`] (through [`egui::Context::run_ui`]) followed by
//! [`egui::Context::tessellate`] of its shapes. There is no window and no GPU: the time to upload
//! and draw the triangles is not included. Every measured frame moves the pointer a little, as a
//! facilitator moving the mouse would, so hover state changes and egui does a full pass each time.
//!
//! Sessions are generated deterministically (see `common/canvas_session.rs`).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use egui::{Event, Pos2, RawInput, Rect, ViewportId, pos2, vec2};
use goldthread::model::View;
use goldthread::model::repair_log::thousands;
use goldthread::storage;
use goldthread::ui::board::canvas::transform::Camera;
use goldthread::ui::{AppConfig, GoldthreadApp, Settings};

// ---------------------------------------------------------------------------------------------
// Parameters and targets
// ---------------------------------------------------------------------------------------------

/// The screen, in points.
const SCREEN: egui::Vec2 = vec2(1920.0, 1080.0);
/// Physical pixels per point.
const PIXELS_PER_POINT: f32 = 1.0;
/// One frame at 60 Hz: how far egui's clock moves each frame.
const FRAME_DT: f64 = 1.0 / 60.0;
/// Frames run before measuring, so fonts, galleys and egui's memory are warm.
const WARMUP_FRAMES: usize = 20;
/// Frames measured per case.
const MEASURED_FRAMES: usize = 200;
/// The session sizes measured.
const NOTE_COUNTS: [usize; 3] = [500, 2_000, 10_000];
/// The session sizes also measured at every zoom of [`SWEEP_ZOOMS`].
const SWEEP_COUNTS: [usize; 2] = [2_000, 10_000];
/// The zoom levels of the sweep: from far out (cards and titles) through the zooms where notes
/// show their whole text at the smallest legible size (the most text laid out per frame) to
/// closer than 1:1.
const SWEEP_ZOOMS: [f32; 10] = [0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1.5, 3.0];
/// The session size for save and load.
const STORAGE_NOTES: usize = 10_000;
/// Runs of save and of load; the median is reported.
const STORAGE_RUNS: usize = 10;

/// Target: p95 frame time at 2,000 notes, both views.
const TARGET_P95_2K: Duration = Duration::from_millis(4);
/// Target: p95 frame time at 10,000 notes, zoomed to fit (and, in the sweep, at every zoom).
const TARGET_P95_10K_FIT: Duration = Duration::from_millis(16);
/// Target: saving or loading 10,000 notes.
const TARGET_STORAGE: Duration = Duration::from_millis(150);

/// The camera views measured.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ViewKind {
    /// Zoom 1.0, centred on the middle of the session, where every cell holds a note.
    OneToOne,
    /// Zoomed out until the whole session fits (what the Zoom-to-fit command does).
    Fit,
    /// This zoom, centred on the middle of the session (the zoom sweep).
    Zoom(f32),
}

impl ViewKind {
    fn label(self) -> String {
        match self {
            Self::OneToOne => "1:1".to_owned(),
            Self::Fit => "fit".to_owned(),
            Self::Zoom(z) => format!("zoom {z}"),
        }
    }
}

/// The p95 target for a case, if it has one.
fn frame_target(notes: usize, view: ViewKind) -> Option<Duration> {
    match (notes, view) {
        (2_000, _) => Some(TARGET_P95_2K),
        (10_000, ViewKind::Fit | ViewKind::Zoom(_)) => Some(TARGET_P95_10K_FIT),
        _ => None,
    }
}

#[path = "common/canvas_session.rs"]
mod session;

use session::make_session;

// ---------------------------------------------------------------------------------------------
// Driving the app headlessly
// ---------------------------------------------------------------------------------------------

/// What one measured frame cost and produced.
#[derive(Clone, Copy, Debug)]
struct FrameSample {
    /// The whole frame: UI pass plus tessellation.
    total: Duration,
    /// The egui pass running `GoldthreadApp::ui`.
    ui: Duration,
    /// `ctx.tessellate`.
    tessellate: Duration,
    /// Clipped shapes the pass produced.
    shapes: usize,
    /// Vertices after tessellation.
    vertices: usize,
}

/// The app in an egui context with no window, fed raw input one frame at a time.
struct Driver {
    ctx: egui::Context,
    app: GoldthreadApp,
    /// egui's clock, in seconds.
    time: f64,
    /// While presenting: the audience window's own context (a second native window in the app),
    /// drawn after the console in every measured frame.
    audience: Option<egui::Context>,
}

impl Driver {
    /// The app on `library`, opening `file` at start as `goldthread FILE` would.
    fn new(library: &Path, file: PathBuf) -> Self {
        let config = AppConfig {
            library_dir: library.to_owned(),
            open_file: Some(file),
            native_dialogs: false,
            today: NaiveDate::from_ymd_opt(2026, 11, 22).expect("a valid date"),
        };
        Self {
            ctx: egui::Context::default(),
            app: GoldthreadApp::new(config, Settings::default()),
            time: 0.0,
            audience: None,
        }
    }

    /// Opens the audience window (F5), as a window of its own: the console's context no longer
    /// embeds it, and each frame also draws the audience screen at [`SCREEN`] size.
    fn present(&mut self) {
        self.ctx.set_embed_viewports(false);
        let audience = egui::Context::default();
        audience.set_fonts(goldthread::ui::style::fonts());
        self.audience = Some(audience);
        self.app.run(goldthread::ui::Action::Present);
        self.frame(Vec::new());
        assert!(self.app.audience().is_some(), "the audience window opened");
    }

    /// One pass of the audience window drawing the scene the console made; its time.
    fn audience_frame(&self) -> (Duration, Duration, usize, usize) {
        let (Some(ctx), Some(scene)) = (&self.audience, self.app.audience()) else {
            return (Duration::ZERO, Duration::ZERO, 0, 0);
        };
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
            time: Some(self.time),
            predicted_dt: FRAME_DT as f32,
            ..Default::default()
        };
        let start = Instant::now();
        let mut output = ctx.run_ui(input, |ui| {
            goldthread::ui::audience::audience_ui(ui, &scene)
        });
        let after_ui = Instant::now();
        let shapes = std::mem::take(&mut output.shapes);
        let count = shapes.len();
        let primitives = ctx.tessellate(shapes, output.pixels_per_point);
        let end = Instant::now();
        let vertices = primitives
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum();
        (after_ui - start, end - after_ui, count, vertices)
    }

    /// Runs one frame with `events`, timing the UI pass and the tessellation.
    fn frame(&mut self, events: Vec<Event>) -> FrameSample {
        self.time += FRAME_DT;
        let mut input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
            time: Some(self.time),
            predicted_dt: FRAME_DT as f32,
            events,
            ..Default::default()
        };
        input
            .viewports
            .entry(ViewportId::ROOT)
            .or_default()
            .native_pixels_per_point = Some(PIXELS_PER_POINT);

        let app = &mut self.app;
        let start = Instant::now();
        let mut output = self.ctx.run_ui(input, |ui| app.ui(ui));
        let after_ui = Instant::now();
        let shapes = std::mem::take(&mut output.shapes);
        let shape_count = shapes.len();
        let primitives = self.ctx.tessellate(shapes, output.pixels_per_point);
        let end = Instant::now();

        // Font atlas uploads would go to the GPU; there is none here.
        output.textures_delta.clear();
        let vertices: usize = primitives
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum();
        // Both windows together: the audience's pass follows the console's, on the same thread.
        let (audience_ui, audience_tessellate, audience_shapes, audience_vertices) =
            self.audience_frame();
        FrameSample {
            total: end - start + audience_ui + audience_tessellate,
            ui: after_ui - start + audience_ui,
            tessellate: end - after_ui + audience_tessellate,
            shapes: shape_count + audience_shapes,
            vertices: vertices + audience_vertices,
        }
    }

    /// Runs frames until the session file has been loaded and no background job is running.
    fn wait_until_open(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(120);
        while !(self.app.is_idle() && self.app.open.is_some()) {
            assert!(
                Instant::now() < deadline,
                "the session did not open in time"
            );
            self.frame(Vec::new());
            std::thread::sleep(Duration::from_millis(2));
        }
        // One more frame to settle, then jump the clock past the "Opened …" notice so every
        // case measures the canvas alone, not a fading message.
        self.frame(Vec::new());
        self.time += 10.0;
        self.frame(Vec::new());
        assert!(
            self.app.notices().all().is_empty(),
            "unexpected notices: {:?}",
            self.app.notices().all()
        );
        assert!(self.app.dialog().is_none(), "unexpected dialog");
    }

    /// Points the camera the way `view` asks, and runs one frame so it takes effect.
    fn set_view(&mut self, view: ViewKind) {
        let open = self.app.open.as_mut().expect("a session is open");
        let centred = |zoom: f32| {
            let bounds = open.session.bounds().expect("the session has notes");
            View {
                center: bounds.center(),
                zoom,
            }
        };
        match view {
            ViewKind::OneToOne => open.canvas.view = centred(1.0),
            ViewKind::Fit => open.canvas.fit_requested = true,
            ViewKind::Zoom(zoom) => open.canvas.view = centred(zoom),
        }
        self.frame(Vec::new());
    }

    /// The camera's zoom now.
    fn zoom(&self) -> f32 {
        self.app
            .open
            .as_ref()
            .map_or(f32::NAN, |o| o.canvas.view.zoom)
    }

    /// How many notes overlap the canvas area as last drawn.
    fn visible_notes(&self) -> usize {
        let open = self.app.open.as_ref().expect("a session is open");
        let screen = open.canvas.last_screen.expect("the canvas has been drawn");
        let camera = Camera {
            screen,
            view: open.canvas.view,
        };
        open.session
            .notes
            .iter()
            .filter(|n| screen.intersects(camera.screen_rect(n.rect())))
            .count()
    }

    /// Where egui thinks the pointer is.
    fn pointer(&self) -> Option<Pos2> {
        self.ctx.input(|i| i.pointer.hover_pos())
    }
}

/// Where the pointer is at frame `i`: a slow Lissajous path over the canvas, up to ~17 points
/// per frame, as a facilitator's mouse wanders across the notes.
fn pointer_at(i: usize) -> Pos2 {
    let t = i as f32;
    pos2(
        SCREEN.x / 2.0 + 800.0 * (t * 0.021).sin(),
        SCREEN.y / 2.0 + 20.0 + 400.0 * (t * 0.033).sin(),
    )
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

/// The frame statistics of one case.
struct FrameResult {
    notes: usize,
    view: ViewKind,
    zoom: f32,
    visible: usize,
    frames: usize,
    p50: Duration,
    p95: Duration,
    ui_p50: Duration,
    tessellate_p50: Duration,
    shapes_p50: usize,
    vertices_p50: usize,
}

/// The nearest-rank `p`th percentile of `values` (sorted here).
fn percentile<T: Ord + Copy>(values: &mut [T], p: f64) -> T {
    assert!(!values.is_empty(), "no values to take a percentile of");
    values.sort_unstable();
    let rank = ((p / 100.0) * values.len() as f64).ceil() as usize;
    values[rank.clamp(1, values.len()) - 1]
}

/// Measures `frames` frames of the open session in `view`.
fn measure_frames(driver: &mut Driver, notes: usize, view: ViewKind) -> FrameResult {
    driver.set_view(view);
    let zoom = driver.zoom();
    let mut step = 0;
    let mut move_pointer = |driver: &mut Driver| {
        step += 1;
        driver.frame(vec![Event::PointerMoved(pointer_at(step))])
    };
    for _ in 0..WARMUP_FRAMES {
        move_pointer(driver);
    }
    let samples: Vec<FrameSample> = (0..MEASURED_FRAMES).map(|_| move_pointer(driver)).collect();
    assert!(
        (driver.zoom() - zoom).abs() < f32::EPSILON,
        "the camera moved while measuring"
    );
    assert_eq!(
        driver.pointer(),
        Some(pointer_at(step)),
        "the pointer moves with every frame"
    );
    let column = |f: fn(&FrameSample) -> Duration| samples.iter().map(f).collect::<Vec<_>>();
    let mut total = column(|s| s.total);
    FrameResult {
        notes,
        view,
        zoom,
        visible: driver.visible_notes(),
        frames: samples.len(),
        p50: percentile(&mut total, 50.0),
        p95: percentile(&mut total, 95.0),
        ui_p50: percentile(&mut column(|s| s.ui), 50.0),
        tessellate_p50: percentile(&mut column(|s| s.tessellate), 50.0),
        shapes_p50: percentile(
            &mut samples.iter().map(|s| s.shapes).collect::<Vec<_>>(),
            50.0,
        ),
        vertices_p50: percentile(
            &mut samples.iter().map(|s| s.vertices).collect::<Vec<_>>(),
            50.0,
        ),
    }
}

/// Save and load of one large session.
struct StorageResult {
    notes: usize,
    save: Duration,
    load: Duration,
    file_bytes: u64,
}

/// Times `storage::save_file` and `storage::load_file` of an `n`-note session in `dir`.
fn measure_storage(dir: &Path, n: usize) -> StorageResult {
    let session = make_session(n);
    let path = dir.join("storage-bench.ron");
    let mut saves: Vec<Duration> = (0..STORAGE_RUNS)
        .map(|_| {
            let start = Instant::now();
            storage::save_file(&path, &session).expect("the session saves");
            start.elapsed()
        })
        .collect();
    let mut loads: Vec<Duration> = (0..STORAGE_RUNS)
        .map(|_| {
            let start = Instant::now();
            let loaded = storage::load_file(&path).expect("the session loads");
            let elapsed = start.elapsed();
            assert_eq!(loaded.session.notes.len(), n, "every note comes back");
            elapsed
        })
        .collect();
    let file_bytes = std::fs::metadata(&path)
        .expect("the saved file exists")
        .len();
    StorageResult {
        notes: n,
        save: percentile(&mut saves, 50.0),
        load: percentile(&mut loads, 50.0),
        file_bytes,
    }
}

// ---------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------

/// The CPU model from `/proc/cpuinfo`, where there is one.
fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, name)| name.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned())
}

/// Milliseconds with two decimals.
fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

/// "PASS" or "over" against a limit.
fn verdict(value: Duration, limit: Duration) -> &'static str {
    if value <= limit { "PASS" } else { "over" }
}

fn print_header() {
    let threads = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    println!("## Goldthread canvas benchmark");
    println!();
    println!("Machine: {}, {threads} logical CPUs", cpu_model());
    println!();
    println!(
        "Frame = one egui pass of `GoldthreadApp::ui` plus `ctx.tessellate` of its shapes; \
         headless (no window, no GPU), {}x{} points at {PIXELS_PER_POINT} pixel per point.",
        SCREEN.x, SCREEN.y
    );
    println!(
        "CPU time per frame = wall time of the single-threaded frame (`std::time::Instant`), \
         {MEASURED_FRAMES} frames after {WARMUP_FRAMES} warm-up frames, the pointer moving every frame."
    );
    println!();
}

fn print_frames(results: &[FrameResult]) {
    println!(
        "| Notes | View | Zoom | Visible notes | Frames | p50 (ms) | p95 (ms) | UI p50 (ms) | Tessellate p50 (ms) | Shapes | Vertices | Target (p95) | Result |"
    );
    println!("|---:|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---|:---|");
    for r in results {
        let (target, result) = match frame_target(r.notes, r.view) {
            Some(limit) => (format!("≤ {} ms", limit.as_millis()), verdict(r.p95, limit)),
            None => ("–".to_owned(), "–"),
        };
        println!(
            "| {} | {} | {:.3} | {} | {} | {} | {} | {} | {} | {} | {} | {target} | {result} |",
            thousands(r.notes),
            r.view.label(),
            r.zoom,
            thousands(r.visible),
            r.frames,
            ms(r.p50),
            ms(r.p95),
            ms(r.ui_p50),
            ms(r.tessellate_p50),
            thousands(r.shapes_p50),
            thousands(r.vertices_p50),
        );
    }
    println!();
}

fn print_storage(r: &StorageResult) {
    println!(
        "| {} notes | Median of {STORAGE_RUNS} (ms) | Target | Result |",
        thousands(r.notes)
    );
    println!("|:---|---:|:---|:---|");
    let limit = TARGET_STORAGE.as_millis();
    println!(
        "| Save (`storage::save_file`, atomic, synced) | {} | ≤ {limit} ms | {} |",
        ms(r.save),
        verdict(r.save, TARGET_STORAGE)
    );
    println!(
        "| Load (`storage::load_file`) | {} | ≤ {limit} ms | {} |",
        ms(r.load),
        verdict(r.load, TARGET_STORAGE)
    );
    println!();
    println!(
        "File size: {:.2} MB ({} bytes).",
        r.file_bytes as f64 / 1_000_000.0,
        thousands(r.file_bytes as usize)
    );
}

// ---------------------------------------------------------------------------------------------

fn main() {
    let dir = std::env::temp_dir().join(format!("goldthread-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder for the bench");

    print_header();
    let mut frames = Vec::new();
    let mut sweep = Vec::new();
    let mut presenting = Vec::new();
    for n in NOTE_COUNTS {
        let file = dir.join(format!("bench-{n}.ron"));
        storage::save_file(&file, &make_session(n)).expect("the bench session saves");
        let mut driver = Driver::new(&dir, file);
        driver.wait_until_open();
        let open = driver.app.open.as_ref().expect("a session is open");
        assert_eq!(open.session.notes.len(), n, "the whole session opened");
        for view in [ViewKind::OneToOne, ViewKind::Fit] {
            frames.push(measure_frames(&mut driver, n, view));
        }
        if SWEEP_COUNTS.contains(&n) {
            for zoom in SWEEP_ZOOMS {
                sweep.push(measure_frames(&mut driver, n, ViewKind::Zoom(zoom)));
            }
            // Presenting: the console and the audience window (its board following the view).
            driver.present();
            for view in [ViewKind::OneToOne, ViewKind::Fit] {
                presenting.push(measure_frames(&mut driver, n, view));
            }
        }
    }
    print_frames(&frames);
    println!("Zoom sweep:");
    println!();
    print_frames(&sweep);
    println!(
        "Presenting (F5): the console's frame plus the audience window's (1920x1080, its board \
         following the console's view), every frame; in the app the audience repaints only when \
         what it shows changes:"
    );
    println!();
    print_frames(&presenting);
    print_storage(&measure_storage(&dir, STORAGE_NOTES));

    let _ = std::fs::remove_dir_all(&dir);
}
