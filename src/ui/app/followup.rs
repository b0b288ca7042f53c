//! "Follow up…": a new session linked to the one before it, carrying its vision, outcomes,
//! people, themes and open actions, starting with the Review phase (see
//! [`crate::model::followup`]). From the library it reads the chosen file on a background
//! thread; from an open session it saves first, so the link points at the session as it is.

use super::modals::Modal;
use std::path::{Path, PathBuf};

use super::GoldthreadApp;
use crate::model::Session;
use crate::model::followup::{follow_up, follow_up_title, fresh_id};
use crate::storage::{self, FileError, Loaded};
use crate::ui::command::Command;
use crate::ui::dialogs::Dialog;
use crate::ui::jobs::JobResult;

impl GoldthreadApp {
    /// A new session id, from the clock, the process and a counter.
    pub(super) fn fresh_session_id(&self) -> String {
        let clock = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let process = u128::from(std::process::id()) << 64;
        fresh_id(clock ^ process ^ u128::from(self.next_token))
    }

    /// Follows up the open session (saving it first when it has unsaved changes or no file),
    /// or, in the library, the highlighted session.
    pub(super) fn follow_up_open(&mut self, ctx: &egui::Context) {
        let Some(open) = &self.open else {
            match self.library.shown.get(self.library.selected).cloned() {
                Some(path) => self.follow_up_file(ctx, path),
                None => self
                    .notices
                    .info("Choose a session in the library to follow up."),
            }
            return;
        };
        if open.is_dirty() || open.path.is_none() {
            self.notices
                .info("Saving first, so the follow-up links to the session as it is now.");
            self.save_then(ctx, Some(Command::Action(crate::ui::Action::FollowUp)));
            return;
        }
        let previous = open.snapshot();
        let path = open.path.clone();
        self.start_follow_up(&previous, path.as_deref());
    }

    /// Reads the session in `path` on a background thread, then follows it up.
    pub(super) fn follow_up_file(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.jobs.spawn(ctx, "follow-up", move || {
            let result = Box::new(storage::load_file(&path));
            JobResult::FollowUpRead { path, result }
        });
    }

    /// The file to follow up was read (or could not be).
    pub(super) fn follow_up_read(&mut self, path: PathBuf, result: Result<Loaded, FileError>) {
        match result {
            Ok(loaded) => self.start_follow_up(&loaded.session, Some(&path)),
            Err(e) => {
                self.modal.open(Modal::Dialog(Dialog::Message {
                    title: format!("Can't follow up {}", e.file_name()),
                    body: format!(
                        "{e}\n\nThe file has not been changed, and no follow-up was made."
                    ),
                }));
            }
        }
    }

    /// Looks for the previous session of the open follow-up on a background thread.
    pub(super) fn find_previous(&mut self, ctx: &egui::Context) {
        let Some(link) = self.open.as_ref().and_then(|o| o.session.previous.clone()) else {
            return;
        };
        let library = self.config.library_dir.clone();
        self.jobs.spawn(ctx, "previous", move || {
            JobResult::PreviousFound(storage::series::find_previous(&library, &link))
        });
    }

    /// The previous session was found (it opens, after the usual question about unsaved
    /// changes) or not (the user is told why; nothing changes).
    pub(super) fn previous_found(&mut self, found: Result<PathBuf, String>) {
        match found {
            Ok(path) => self.pending.push(Command::OpenPath(path)),
            Err(why) => {
                self.modal.open(Modal::Dialog(Dialog::Message {
                    title: "Can't find the previous session".to_owned(),
                    body: why,
                }));
            }
        }
    }

    /// Opens a new, unsaved follow-up of `previous` on its Review phase.
    fn start_follow_up(&mut self, previous: &Session, path: Option<&Path>) {
        let today = self.config.today;
        let file = path.map(|p| p.display().to_string()).unwrap_or_default();
        let mut session = follow_up(previous, &file, follow_up_title(previous, today), today);
        session.id = self.fresh_session_id();
        let carried = session.lab.actions.len();
        let title = session.title.clone();
        self.install(session, None);
        // Its carried actions exist nowhere else yet: unsaved from the start (as a restored
        // recovery copy is), so closing asks first and the recovery copy covers it at once.
        if let Some(open) = &mut self.open {
            open.saved_generation = u64::MAX;
        }
        self.notices.info(format!(
            "Started “{title}”, following up “{}”: {carried} open action{} carried over. The Review \
             phase walks through them: D done, P in progress, B blocked, X drop, S skip.",
            previous.title,
            if carried == 1 { "" } else { "s" }
        ));
    }
}
