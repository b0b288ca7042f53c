//! App-level commands: what menus, shortcuts and dialogs ask for, run in one place at the end
//! of the frame.

use std::path::PathBuf;

/// Something the app does that is not an edit of the session.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Ask for a title, then start an empty session (after asking about unsaved changes).
    NewSession,
    /// Start an empty session with this title.
    CreateSession(String),
    /// Close the session and show the library (after asking about unsaved changes).
    ShowLibrary,
    /// Open this session file (after asking about unsaved changes).
    OpenPath(PathBuf),
    /// List the library folder again.
    RefreshLibrary,
    /// Choose a session file to open (then [`Command::OpenPath`]).
    OpenDialog,
    /// Save the session to its file (a new file in the library the first time).
    Save,
    /// Choose a new file and save the session there.
    SaveAs,
    /// Save the session to this path from now on; asks before replacing another file.
    SaveAsPath(PathBuf),
    /// Save the session to this path from now on, replacing what is there (the user agreed).
    ReplaceWith(PathBuf),
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Show the whole session on the canvas.
    ZoomToFit,
    /// Switch between the projector and the dark theme.
    ToggleTheme,
    /// Enter or leave full screen.
    ToggleFullscreen,
    /// Quit (after asking about unsaved changes).
    Quit,
    /// Turn "save automatically" (write the session file itself after each change) on or off.
    ToggleSaveAutomatically,
    /// Start a session from a template (its agenda and starter themes) with this title.
    CreateFromTemplate {
        /// The title.
        title: String,
        /// The template.
        template: Box<crate::storage::Template>,
    },
    /// Write the report (Markdown) or the notes (CSV) next to the session file; asks before
    /// replacing a file that is already there.
    Export(crate::export::Format),
    /// Write the export to this path, replacing what is there (the user agreed).
    ExportReplacing {
        /// Where to write.
        path: PathBuf,
        /// Markdown or CSV.
        format: crate::export::Format,
    },
    /// Choose a text or CSV file of notes to add to the open session (then
    /// [`Command::ImportPath`]).
    ImportDialog,
    /// Read the notes in this text or CSV file and add them to the open session, as one edit.
    ImportPath(PathBuf),
    /// Put the report on the clipboard as HTML (headings and tables) and plain text together.
    CopyReport,
}

impl Command {
    /// True for commands that close the open session and so must ask about unsaved changes
    /// first. Choosing a file to open does not close anything; opening the chosen file does, so
    /// the question comes once, and only if a file was chosen.
    pub fn discards_session(&self) -> bool {
        matches!(
            self,
            Self::NewSession | Self::ShowLibrary | Self::OpenPath(_) | Self::Quit
        )
    }
}
