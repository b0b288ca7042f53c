//! The UI frame time while phones' notes land: the real app in a headless egui context, the room
//! opened with its action on loopback and its screen hidden so the Board shows, 100 phones
//! posting 20 notes each at once, and every frame (the egui pass of `GoldthreadApp::ui` plus
//! tessellation) timed.

use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use egui::{Pos2, RawInput, Rect, ViewportId};
use goldthread::room::{RoomConfig, RoomLimits};
use goldthread::ui::{Action, AppConfig, Command, GoldthreadApp, Settings};

use super::{NOTES_EACH, PHONES, percentile, spawn_phones};

/// The projector's screen, in points.
const SCREEN: egui::Vec2 = egui::vec2(1920.0, 1080.0);
/// One frame at 60 Hz.
const FRAME_DT: f64 = 1.0 / 60.0;
/// Target: p95 frame time while the notes land.
const FRAME_TARGET_MS: f64 = 8.0;

/// The app in an egui context with no window.
struct Driver {
    ctx: egui::Context,
    app: GoldthreadApp,
    time: f64,
}

impl Driver {
    /// Runs one frame: the egui pass and the tessellation; answers how long both took.
    fn frame(&mut self) -> Duration {
        self.time += FRAME_DT;
        let mut input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
            time: Some(self.time),
            predicted_dt: FRAME_DT as f32,
            focused: true,
            ..Default::default()
        };
        input
            .viewports
            .entry(ViewportId::ROOT)
            .or_default()
            .native_pixels_per_point = Some(1.0);
        let app = &mut self.app;
        let start = Instant::now();
        let mut output = self.ctx.run_ui(input, |ui| app.ui(ui));
        let shapes = std::mem::take(&mut output.shapes);
        let _ = self.ctx.tessellate(shapes, output.pixels_per_point);
        let took = start.elapsed();
        output.textures_delta.clear();
        took
    }
}

/// Opens the room in a new session of the app, lets 100 phones post their notes, runs frames
/// until every note is on the canvas (or 60 s pass), and prints the frame times.
pub fn app_frames_while_notes_land(limits: RoomLimits) {
    let library =
        std::env::temp_dir().join(format!("goldthread-bench-room-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&library);
    let config = AppConfig {
        library_dir: library.clone(),
        open_file: None,
        native_dialogs: false,
        today: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default(),
    };
    let mut d = Driver {
        ctx: egui::Context::default(),
        app: GoldthreadApp::new(config, Settings::default()),
        time: 0.0,
    };
    d.app.run(Command::CreateSession("Room bench".into()));
    d.app.set_room_config(RoomConfig {
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port: Some(0),
        limits,
    });
    d.app.run(Action::OpenRoom);
    for _ in 0..5 {
        d.frame();
    }
    // Back to the Board: the notes land on the canvas the projector shows.
    d.app.run(Action::ShowRoom);
    d.time += 10.0;
    d.frame();
    let Some(invite) = d.app.room_invite() else {
        eprintln!("the room could not open in the app");
        return;
    };
    let threads = spawn_phones(&invite.page_url, &invite.url, false);
    let expected = PHONES * NOTES_EACH;
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut frames = Vec::new();
    let on_canvas = |d: &Driver| d.app.open.as_ref().map_or(0, |o| o.session.notes.len());
    while on_canvas(&d) < expected && Instant::now() < deadline {
        frames.push(d.frame());
        std::thread::sleep(Duration::from_millis(2));
    }
    let mut failed = 0;
    for thread in threads {
        failed += thread.join().map_or(NOTES_EACH, |(_, f)| f);
    }
    frames.push(d.frame());
    let landed = on_canvas(&d);
    frames.sort();
    let p95 = percentile(&frames, 0.95);
    println!(
        "The app while the notes land: {PHONES} phones x {NOTES_EACH} notes, Board at 1920x1080\n"
    );
    println!("| measure | value |");
    println!("| --- | --- |");
    println!("| frames while the notes landed | {} |", frames.len());
    println!("| frame p50 | {:.1} ms |", percentile(&frames, 0.50));
    println!(
        "| frame p95 | {p95:.1} ms (target ≤ {FRAME_TARGET_MS:.0} ms: {}) |",
        if p95 <= FRAME_TARGET_MS {
            "met"
        } else {
            "missed"
        }
    );
    println!("| requests refused or failed | {failed} |");
    println!("| notes on the canvas | {landed} of {expected} |");
    println!("| notes lost | {} |", expected.saturating_sub(landed));
    let _ = std::fs::remove_dir_all(&library);
}
