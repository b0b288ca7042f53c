//! "Import notes…": read a text file or a survey table off the UI thread (a table first shows
//! the column preview), then add the notes to the open session as one undoable edit, where
//! the canvas is looking.

use super::modals::Modal;
use std::path::PathBuf;

use super::GoldthreadApp;
use super::survey_preview::SurveyPreview;
use crate::import::{self, ImportError, ImportedLine};
use crate::model::CanvasRect;
use crate::survey::{Answers, Selection, Table};
use crate::ui::board::canvas::transform::Camera;
use crate::ui::jobs::JobResult;
use crate::ui::screen::Screen;

impl GoldthreadApp {
    /// Starts reading the notes in `path` for the open session (nothing happens without one).
    pub(super) fn import_from(&mut self, ctx: &egui::Context, path: PathBuf) {
        let Some(open) = &self.open else {
            self.notices
                .error("Open a session first: imported notes are added to the open session.");
            return;
        };
        if crate::export::canvas_json::is_canvas_file(&path) {
            let token = open.token;
            self.jobs
                .spawn(ctx, "read-canvas", move || JobResult::CanvasRead {
                    token,
                    result: crate::export::canvas_json::read(&path),
                    path,
                });
            return;
        }
        if crate::survey::is_table_file(&path) {
            let token = open.token;
            self.jobs
                .spawn(ctx, "read-survey", move || JobResult::SurveyRead {
                    token,
                    result: import::read_survey(&path, None, None).map(Box::new),
                    path,
                });
            return;
        }
        self.jobs.read_notes(ctx, open.token, path);
    }

    /// A survey table was read: show the preview to choose its columns, or say why not.
    pub(super) fn survey_read(
        &mut self,
        token: u64,
        path: PathBuf,
        result: Result<Box<(Table, Selection)>, ImportError>,
    ) {
        if self.open.as_ref().is_none_or(|o| o.token != token) {
            return;
        }
        match result {
            Ok(read) => {
                let (table, selection) = *read;
                self.modal.open(Modal::Survey(Box::new(SurveyPreview::new(
                    token, path, table, selection,
                ))));
            }
            Err(e) => self
                .notices
                .error(format!("Nothing imported: {e}. The session is unchanged.")),
        }
    }

    /// A JSON Canvas file was read: add its notes and themes as one edit, and list what was
    /// not imported; or say why nothing was.
    pub(super) fn canvas_read(
        &mut self,
        token: u64,
        path: &std::path::Path,
        result: Result<crate::export::canvas_json::CanvasImport, String>,
    ) {
        let Some((found, name, _)) =
            self.apply_import(token, path, result, |session, _, found| found.edit(session))
        else {
            return;
        };
        let mut message = format!(
            "Imported {} notes and {} themes from {name}. Ctrl+Z removes the whole import.",
            found.notes.len(),
            found.themes.len()
        );
        if let Some(line) = found.not_imported_line() {
            message.push(' ');
            message.push_str(&line);
        }
        self.notices.info(message);
    }

    /// Applies the edit made from what was read (`result`) to the session it was read for, as
    /// one undo step, and shows the Board; or says why nothing was imported. Gives back what
    /// was read, the file's name and how many notes were really added, when the edit was applied.
    fn apply_import<T, E: std::fmt::Display>(
        &mut self,
        token: u64,
        path: &std::path::Path,
        result: Result<T, E>,
        edit: impl FnOnce(&crate::model::Session, CanvasRect, &T) -> crate::model::Edit,
    ) -> Option<(T, String, usize)> {
        // When the session was closed while the file was read, there is nothing to add to.
        let open = self.open.as_mut().filter(|o| o.token == token)?;
        let read = match result {
            Ok(read) => read,
            Err(e) => {
                self.notices
                    .error(format!("Nothing imported: {e}. The session is unchanged."));
                return None;
            }
        };
        let edit = edit(&open.session, Self::import_area(open), &read);
        let before = open.session.notes.len();
        open.history.apply(&mut open.session, edit);
        // The count shown is the count really added.
        let added = open.session.notes.len().saturating_sub(before);
        open.canvas.prune(&open.session);
        open.screen = Screen::Board;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        Some((read, name, added))
    }

    /// Where imported notes go: from the top-left of what the canvas shows.
    fn import_area(open: &super::OpenSession) -> CanvasRect {
        match open.canvas.last_screen {
            Some(screen) => Camera {
                screen,
                view: open.canvas.view,
            }
            .visible_canvas(),
            None => import::default_area(&open.session),
        }
    }

    /// Adds the chosen survey answers (and their authors) to the open session as one edit.
    pub(super) fn import_answers(&mut self, answers: &Answers, file_name: &str) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let summary = answers.summary(&open.session);
        let edit = answers.edit(&open.session, Self::import_area(open));
        open.history.apply(&mut open.session, edit);
        open.canvas.prune(&open.session);
        open.screen = Screen::Board;
        self.notices.info(format!(
            "Imported {summary} from {file_name}. Ctrl+Z removes the whole import."
        ));
    }

    /// Adds the notes read for "Import notes…" to the session they were read for, as one edit,
    /// placed from the top-left of what the canvas shows; or says why nothing was imported.
    pub(super) fn notes_read(
        &mut self,
        token: u64,
        path: &std::path::Path,
        result: Result<Vec<ImportedLine>, ImportError>,
    ) {
        let Some((lines, name, n)) =
            self.apply_import(token, path, result, |session, area, lines| {
                import::import_edit_in(session, lines, area)
            })
        else {
            return;
        };
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
