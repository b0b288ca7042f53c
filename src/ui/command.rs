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
    /// Ask where to write the report (Markdown) or the notes (CSV): the native save dialog,
    /// or a typed path where there is none, starting in the user's Documents folder.
    Export(crate::export::Format),
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
    /// Choose a text or CSV file of notes to add to the open session (then
    /// [`Command::ImportPath`]).
    ImportDialog,
    /// Read the notes in this text or CSV file and add them to the open session, as one edit.
    ImportPath(PathBuf),
    /// Start a follow-up of the session in this file (from the library).
    FollowUp(PathBuf),
    /// Start a follow-up of the open session, saving it first; in the library, of the
    /// highlighted session.
    FollowUpOpen,
    /// Find and open the session the open follow-up follows (after asking about unsaved
    /// changes once it is found).
    OpenPrevious,
    /// Show one screen of the open session (Alt+1 … Alt+5).
    ShowScreen(crate::ui::Screen),
    /// Show the keyboard sheet for the current screen (F1 or ?).
    ShowKeys,
    /// Hide or show everything but the prompt, the timer and the board (F10).
    ToggleFocusMode,
    /// Copy the bundled example lab into the library and open it.
    OpenExample,
    /// Say where the sessions, recovery copies, templates and settings are.
    ShowFiles,
    /// Open the file manager at this file's folder.
    ShowInFolder(PathBuf),
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
            Self::NewSession
                | Self::ShowLibrary
                | Self::OpenPath(_)
                | Self::Quit
                | Self::OpenExample
        )
    }
}
