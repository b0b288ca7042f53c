//! App-level messages, run in one place at the end of the frame: a user's [`Action`], or a
//! follow-up that carries data (open this file, save to this path, replace after confirming),
//! sent by dialogs and background jobs.

use std::path::PathBuf;

use super::action::Action;

/// Something the app does that is not an edit of the session.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// What the user asked for, from a key, a menu, a button or the command palette.
    Action(Action),
    /// Start an empty session with this title.
    CreateSession(String),
    /// Open this session file (after asking about unsaved changes).
    OpenPath(PathBuf),
    /// Save the session to this path from now on; asks before replacing another file.
    SaveAsPath(PathBuf),
    /// Save the session to this path from now on, replacing what is there (the user agreed).
    ReplaceWith(PathBuf),
    /// Start a session from a template (its agenda and starter themes) with this title.
    CreateFromTemplate {
        /// The title.
        title: String,
        /// The template.
        template: Box<crate::storage::Template>,
    },
    /// Write the export to this path; asks before replacing a file that is already there.
    ExportPath {
        /// Where to write.
        path: PathBuf,
        /// Markdown or CSV.
        format: crate::export::Format,
    },
    /// Write the export to this path, replacing what is there (the user agreed).
    ExportReplacing {
        /// Where to write.
        path: PathBuf,
        /// Markdown or CSV.
        format: crate::export::Format,
    },
    /// Read the notes in this text or CSV file and add them to the open session, as one edit.
    ImportPath(PathBuf),
    /// Start a follow-up of the session in this file (from the library).
    FollowUp(PathBuf),
    /// Open the file manager at this file's folder.
    ShowInFolder(PathBuf),
}

impl From<Action> for Command {
    fn from(action: Action) -> Self {
        Self::Action(action)
    }
}

impl Command {
    /// True for commands that close the open session and so must ask about unsaved changes
    /// first. Choosing a file to open does not close anything; opening the chosen file does, so
    /// the question comes once, and only if a file was chosen.
    pub fn discards_session(&self) -> bool {
        matches!(
            self,
            Self::Action(
                Action::NewSession | Action::ShowLibrary | Action::Quit | Action::OpenExample
            ) | Self::OpenPath(_)
        )
    }
}
