//! "Import notes…": read a text or CSV file of notes off the UI thread, then add them to the
//! open session as one undoable edit, where the canvas is looking.

use std::path::PathBuf;

use super::GoldthreadApp;
use crate::import::{self, ImportError, ImportedLine};
use crate::ui::canvas::transform::Camera;
use crate::ui::screen::Screen;

impl GoldthreadApp {
    /// Starts reading the notes in `path` for the open session (nothing happens without one).
    pub(super) fn import_from(&mut self, ctx: &egui::Context, path: PathBuf) {
        let Some(open) = &self.open else {
            self.notices
                .error("Open a session first: imported notes are added to the open session.");
            return;
        };
        self.jobs.read_notes(ctx, open.token, path);
    }

    /// Adds the notes read for "Import notes…" to the session they were read for, as one edit,
    /// placed from the top-left of what the canvas shows; or says why nothing was imported.
    pub(super) fn notes_read(
        &mut self,
        token: u64,
        path: &std::path::Path,
        result: Result<Vec<ImportedLine>, ImportError>,
    ) {
        let Some(open) = self.open.as_mut().filter(|o| o.token == token) else {
            // The session was closed while the file was read: there is nothing to add to.
            return;
        };
        let lines = match result {
            Ok(lines) => lines,
            Err(e) => {
                self.notices
                    .error(format!("Nothing imported: {e}. The session is unchanged."));
                return;
            }
        };
        let edit = match open.canvas.last_screen {
            Some(screen) => {
                let camera = Camera {
                    screen,
                    view: open.canvas.view,
                };
                import::import_edit_in(&open.session, &lines, camera.visible_canvas())
            }
            None => import::import_edit(&open.session, &lines),
        };
        let before = open.session.notes.len();
        open.history.apply(&mut open.session, edit);
        open.canvas.prune(&open.session);
        open.screen = Screen::Board;
        // The count shown is the count really added.
        let n = open.session.notes.len() - before;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        self.notices.info(format!(
            "Imported {n} note{} from {name}. Ctrl+Z removes {}.",
            if n == 1 { "" } else { "s" },
            if n == 1 { "it" } else { "them all" }
        ));
        let warnings = import::import_warnings(&lines);
        if !warnings.is_empty() {
            self.notices.error(format!(
                "Check the imported notes from {name}:\n{}",
                warnings.join("\n")
            ));
        }
    }
}
