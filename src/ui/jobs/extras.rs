//! The jobs beside the session file: reading notes and templates, writing an export, copying
//! the example, and showing a folder in the file manager.

use std::path::PathBuf;

use super::{JobResult, Jobs};
use crate::storage;

impl Jobs {
    /// Reads the notes in a text or CSV file for the open session numbered `token`.
    pub fn read_notes(&mut self, ctx: &egui::Context, token: u64, path: PathBuf) {
        self.spawn(ctx, "import-notes", move || JobResult::NotesRead {
            token,
            result: crate::import::read_notes(&path),
            path,
        });
    }

    /// Reads the user's templates in the library's `templates` folder.
    pub fn read_templates(&mut self, ctx: &egui::Context, library: PathBuf) {
        self.spawn(ctx, "templates", move || {
            JobResult::Templates(storage::load_templates(&library))
        });
    }

    /// Makes an export with `render` and writes it to `path` atomically, off the UI thread:
    /// pictures take a moment to draw, and the file is synced to disk, which can take a while
    /// on a slow or network drive. Nothing is written when `render` fails.
    pub fn write_rendered(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        render: impl FnOnce() -> Result<Vec<u8>, String> + Send + 'static,
    ) {
        self.spawn(ctx, "export", move || {
            let bytes = match render() {
                Ok(bytes) => bytes,
                Err(e) => {
                    return JobResult::Exported {
                        path,
                        result: Err(e),
                    };
                }
            };
            if let Some(dir) = path.parent()
                && !dir.as_os_str().is_empty()
            {
                let _ = std::fs::create_dir_all(dir);
            }
            let result = crate::storage::write_atomic(&path, &bytes)
                .map_err(|e| crate::storage::describe_io(&e));
            JobResult::Exported { path, result }
        });
    }
}

impl Jobs {
    /// Copies the bundled example lab into the library, off the UI thread.
    pub fn copy_example(&mut self, ctx: &egui::Context, library: PathBuf) {
        self.spawn(ctx, "example", move || {
            JobResult::ExampleReady(crate::ui::help::copy_example(&library))
        });
    }

    /// Opens the system's file manager at `path`'s folder, waiting for it on its own thread.
    pub fn show_in_folder(&mut self, ctx: &egui::Context, path: &std::path::Path) {
        let dir = path
            .parent()
            .map_or_else(|| path.to_owned(), std::path::Path::to_owned);
        self.spawn(ctx, "show-folder", move || {
            let program = if cfg!(target_os = "windows") {
                "explorer"
            } else if cfg!(target_os = "macos") {
                "open"
            } else {
                "xdg-open"
            };
            let result = match std::process::Command::new(program).arg(&dir).status() {
                // Windows' explorer reports failure even when it opened the folder.
                Ok(s) if s.success() || cfg!(target_os = "windows") => Ok(()),
                Ok(s) => Err(format!("{program} ended with {s}")),
                Err(e) => Err(format!("{program} could not be started ({e})")),
            };
            JobResult::FolderShown { dir, result }
        });
    }
}
