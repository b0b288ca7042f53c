//! Everything egui.

use std::path::PathBuf;

/// Starts the app in a native window.
pub fn run_native(_sessions: Option<PathBuf>, _file: Option<PathBuf>) -> eframe::Result {
    Ok(())
}
