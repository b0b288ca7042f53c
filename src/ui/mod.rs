//! Everything egui: the app, its screens, the canvas, dialogs and the style.

mod action;
mod app;
pub mod audience;
pub mod board;
mod command;
mod dialogs;
mod document;
mod export_menu;
pub mod frame;
pub mod help;
pub mod invite;
mod jobs;
mod lab;
mod library_series;
mod library_ui;
mod modal;
mod notices;
pub(crate) mod outside_ui;
mod palette;
pub mod recovery_ui;
pub mod room;
mod screen;
pub mod script;
pub mod shortcuts;
pub mod style;
mod top_bar;
mod voting;
mod widgets;

use std::path::PathBuf;

pub use action::{Action, Scope};
pub use app::{AppConfig, GoldthreadApp, OpenSession, SETTINGS_KEY, Settings};
pub use command::Command;
pub use dialogs::Dialog;
pub use jobs::PickPurpose;
pub use jobs::native_dialogs_available;
pub use library_ui::LibraryState;
pub use notices::{Notice, Notices};
pub use screen::Screen;

/// Starts the app in a native window. `sessions` is the `--sessions` folder; `file` a session
/// file to open straight away.
pub fn run_native(sessions: Option<PathBuf>, file: Option<PathBuf>) -> eframe::Result {
    let config = AppConfig {
        library_dir: crate::storage::default_library_dir(sessions),
        open_file: file,
        native_dialogs: native_dialogs_available(),
        today: chrono::Local::now().date_naive(),
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Goldthread")
            .with_app_id("goldthread")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Goldthread",
        options,
        Box::new(move |cc| {
            let settings = cc
                .storage
                .and_then(|s| eframe::get_value::<Settings>(s, SETTINGS_KEY))
                .unwrap_or_default();
            Ok(Box::new(GoldthreadApp::new(config, settings)))
        }),
    )
}
