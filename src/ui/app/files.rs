//! The app's file work: choosing files, saving, opening, and the results of background jobs.

use std::path::{Path, PathBuf};

use super::{GoldthreadApp, OpenSession};
use crate::History;
use crate::model::Session;
use crate::storage::{self, Loaded};
use crate::ui::canvas::CanvasState;
use crate::ui::command::Command;
use crate::ui::dialogs::Dialog;
use crate::ui::jobs::{JobResult, PickPurpose, SaveReport};

impl GoldthreadApp {
    pub(super) fn pick(&mut self, ctx: &egui::Context, purpose: PickPurpose) {
        if self.config.native_dialogs {
            let file_name = format!("{}.ron", self.suggested_stem());
            self.jobs
                .pick(ctx, purpose, self.config.library_dir.clone(), file_name);
        } else {
            self.dialog = Some(self.path_prompt(purpose));
        }
    }

    /// The file name (without `.ron`) suggested for the open session.
    pub(super) fn suggested_stem(&self) -> String {
        self.open.as_ref().map_or_else(
            || "session".to_owned(),
            |o| storage::file_stem_for(&o.session.title),
        )
    }

    /// The dialog that asks for a path where no native file dialog works.
    pub(super) fn path_prompt(&self, purpose: PickPurpose) -> Dialog {
        let text = match purpose {
            PickPurpose::Open => String::new(),
            PickPurpose::SaveAs => self
                .config
                .library_dir
                .join(format!("{}.ron", self.suggested_stem()))
                .display()
                .to_string(),
        };
        Dialog::PathPrompt {
            purpose,
            text,
            explain_no_native: true,
        }
    }

    /// Starts saving the open session; `then` runs once the save has succeeded.
    pub(super) fn save_then(&mut self, ctx: &egui::Context, then: Option<Command>) {
        let Some(open) = &mut self.open else {
            if let Some(command) = then {
                self.run_now(ctx, command);
            }
            return;
        };
        let path = open.path.clone().unwrap_or_else(|| {
            storage::unique_path(&self.config.library_dir, &open.session.title, None)
        });
        open.path = Some(path.clone());
        open.saving = true;
        self.after_save = then;
        self.jobs.save(
            ctx,
            open.token,
            open.history.generation(),
            path,
            open.snapshot(),
        );
    }

    pub(super) fn install(&mut self, session: Session, path: Option<PathBuf>) {
        let token = self.next_token;
        self.next_token += 1;
        let mut canvas = CanvasState::new(session.view);
        canvas.fit_if_nothing_visible = path.is_some();
        canvas.anchor_origin_requested = path.is_none() && session.notes.is_empty();
        self.open = Some(OpenSession {
            session,
            history: History::default(),
            path,
            saved_generation: 0,
            canvas,
            token,
            saving: false,
            screen: Default::default(),
            voting: Default::default(),
            lab: Default::default(),
        });
    }

    pub(super) fn handle_job(&mut self, result: JobResult) {
        match result {
            JobResult::Library(entries) => {
                self.library.set_entries(entries);
            }
            JobResult::Loaded { path, result } => match *result {
                Ok(Loaded { session, warnings }) => {
                    let n = session.notes.len();
                    self.install(session, Some(path.clone()));
                    self.notices.info(format!(
                        "Opened {} ({n} note{}).",
                        display_name(&path),
                        if n == 1 { "" } else { "s" }
                    ));
                    if !warnings.is_empty() {
                        self.notices.error(format!(
                            "{} was repaired while opening; save to keep the repairs:\n{}",
                            display_name(&path),
                            warnings.join("\n")
                        ));
                    }
                }
                Err(e) => {
                    self.dialog = Some(Dialog::Message {
                        title: format!("Can't open {}", e.file_name()),
                        body: format!("{}\n\nThe file has not been changed.", e),
                    });
                }
            },
            JobResult::Saved(report) => self.handle_saved(report),
            JobResult::Picked {
                purpose,
                path,
                unavailable,
            } => {
                if unavailable {
                    self.config.native_dialogs = false;
                    self.dialog = Some(self.path_prompt(purpose));
                    return;
                }
                let Some(path) = path else { return };
                match purpose {
                    PickPurpose::Open => self.pending.push(Command::OpenPath(path)),
                    PickPurpose::SaveAs => self.pending.push(Command::SaveAsPath(path)),
                }
            }
        }
    }

    pub(super) fn handle_saved(&mut self, report: SaveReport) {
        let then = self.after_save.take();
        let Some(open) = self.open.as_mut().filter(|o| o.token == report.token) else {
            return;
        };
        open.saving = false;
        match report.result {
            Ok(()) => {
                open.saved_generation = report.generation;
                self.notices
                    .info(format!("Saved to {}", report.path.display()));
                if let Some(command) = then {
                    // Runs through the usual check, so edits made while saving are asked about.
                    self.pending.push(command);
                }
            }
            Err(e) => {
                self.notices.error(format!(
                    "Could not save: {e}. Your work is still here, unsaved; try Save as… to choose another place."
                ));
            }
        }
    }
}

impl GoldthreadApp {
    /// Where an export of the open session goes: next to its file, or in the library under
    /// the name it would be saved with when it has no file yet.
    pub fn export_path(&self, format: crate::export::Format) -> Option<PathBuf> {
        let open = self.open.as_ref()?;
        let session_path = open.path.clone().unwrap_or_else(|| {
            self.config.library_dir.join(format!(
                "{}.ron",
                storage::file_stem_for(&open.session.title)
            ))
        });
        Some(crate::cli::default_export_path(&session_path, format))
    }

    /// Writes the export next to the session file, asking first when a file is in the way.
    pub(super) fn export(&mut self, format: crate::export::Format, replace: bool) {
        let Some(path) = self.export_path(format) else {
            return;
        };
        if path.exists() && !replace {
            self.dialog = Some(Dialog::ConfirmExport { path, format });
            return;
        }
        self.export_to(path, format);
    }

    /// Writes the export to `path` (atomically: the old file or the new, never half).
    pub(super) fn export_to(&mut self, path: PathBuf, format: crate::export::Format) {
        let Some(open) = &self.open else { return };
        let text = format.render(&open.session);
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            let _ = std::fs::create_dir_all(dir);
        }
        match storage::write_atomic(&path, text.as_bytes()) {
            Ok(()) => self.notices.info(format!("Exported to {}", path.display())),
            Err(e) => self.notices.error(format!(
                "Could not write {}: {e}. Nothing was changed.",
                path.display()
            )),
        }
    }
}

pub(super) fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some_and(|e| e == "ron") {
        path
    } else {
        let mut s = path.into_os_string();
        s.push(".ron");
        PathBuf::from(s)
    }
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
