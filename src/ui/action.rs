//! User actions as values, after rerun's `UICommand`: every intent a user can express (by a
//! key, a menu, a button or the command palette) is one payload-free [`Action`] that knows its
//! label, its tooltip and the screens where it applies. Its keys live in
//! [`super::shortcuts`]; menus, tooltips, the keyboard sheet (F1) and the command palette
//! (Ctrl+K) are generated from both, so none of them can disagree with what a key does.
//!
//! Follow-ups that carry data (save to this path, replace after confirming) are
//! [`super::Command`]s, not actions.

use crate::export::Format;
use crate::model::NoteColour;

use super::screen::{Screen, Show};

/// Where an action applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// In the library and on every screen of an open session.
    Everywhere,
    /// In the session library only.
    Library,
    /// On every screen of an open session.
    Session,
    /// On the Board (the canvas and its themes panel).
    Board,
}

impl Scope {
    /// True when an action of this scope applies where the user is (`None`: the library).
    pub fn applies(self, screen: Option<Screen>) -> bool {
        match self {
            Self::Everywhere => true,
            Self::Library => screen.is_none(),
            Self::Session => screen.is_some(),
            Self::Board => screen == Some(Screen::Board),
        }
    }
}

/// Something the user asks for, without data: the same value whether it came from a key, a
/// menu, a button or the command palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Ask for a title, then start a session (after asking about unsaved changes).
    NewSession,
    /// Choose a session file to open.
    OpenFile,
    /// Start a follow-up of the open session (in the library: of the highlighted one).
    FollowUp,
    /// Save the session to its file.
    Save,
    /// Choose a new file and save the session there.
    SaveAs,
    /// Turn "save automatically" on or off.
    ToggleSaveAutomatically,
    /// Choose a text or CSV file of notes to add.
    ImportNotes,
    /// Ask where to write an export, then write it.
    Export(Format),
    /// Put the report on the clipboard.
    CopyReport,
    /// Close the session and show the library (after asking about unsaved changes).
    ShowLibrary,
    /// List the library folder again.
    RefreshLibrary,
    /// Quit (after asking about unsaved changes).
    Quit,
    /// Open the session the open follow-up follows.
    OpenPrevious,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Switch between the projector and the dark theme.
    ToggleTheme,
    /// Enter or leave full screen.
    ToggleFullscreen,
    /// Hide or show everything but the prompt, the timer and the board.
    ToggleFocusMode,
    /// Show one screen of the open session.
    ShowScreen(Screen),
    /// Move to the next phase of the agenda.
    NextPhase,
    /// Move to the previous phase of the agenda.
    PreviousPhase,
    /// Show the keyboard sheet for the current screen.
    ShowKeys,
    /// Find any action by name and run it.
    CommandPalette,
    /// Copy the bundled example lab into the library and open it.
    OpenExample,
    /// Say where the sessions, recovery copies, templates and settings are.
    ShowFiles,
    /// Select every visible note.
    SelectAll,
    /// Clear the selection.
    ClearSelection,
    /// Select the next note in reading order.
    NextNote,
    /// Select the previous note in reading order.
    PreviousNote,
    /// Edit the selected note in place.
    EditNote,
    /// Delete the selected notes (asking first when they hold vote dots).
    DeleteNotes,
    /// Give the selected notes this colour.
    Colour(NoteColour),
    /// Put the selected notes in the n-th theme (1 … 9).
    ToTheme(u8),
    /// Take the selected notes out of their theme.
    OutOfTheme,
    /// Make a theme of the selected notes (or an empty one) and name it in place.
    MakeTheme,
    /// Ask for theme suggestions.
    SuggestThemes,
    /// Show the whole board.
    ZoomToFit,
    /// Start the room's web server so phones can join (issue 14).
    OpenRoom,
    /// Show or hide the room's screen: the invitation and the facilitator's controls.
    ShowRoom,
    /// Stop the room's web server: phones can no longer join or send anything.
    CloseRoom,
    // The audience window (presenting on a second screen).
    /// Open the audience window on the chosen screen, or close it.
    Present,
    /// Blank the audience screen, or bring it back.
    BlankAudience,
    /// Freeze the audience screen on its last picture, or let it follow again.
    FreezeAudience,
    /// Send this to the audience screen.
    ShowOnScreen(Show),
    /// The audience Board follows the facilitator's view, or fits the whole board.
    ToggleAudienceFollow,
    /// Put the audience window on the n-th screen (1 … 3).
    AudienceScreen(u8),
    /// With one screen: bring the console in front of the audience window, or send it back.
    ToggleConsole,
}

/// The exports of the File menu, in its order (the Markdown report first).
pub const EXPORTS: [Format; 9] = [
    Format::Markdown,
    Format::Docx,
    Format::DocxPublic,
    Format::Csv,
    Format::BoardPng,
    Format::BoardSvg,
    Format::ChartPng,
    Format::ChartSvg,
    Format::Canvas,
];

impl Action {
    /// Every action, in the order the command palette lists them.
    pub fn all() -> Vec<Self> {
        let mut all = vec![
            Self::CommandPalette,
            Self::NewSession,
            Self::OpenFile,
            Self::FollowUp,
            Self::Save,
            Self::SaveAs,
            Self::ToggleSaveAutomatically,
            Self::ImportNotes,
        ];
        all.extend(EXPORTS.map(Self::Export));
        all.extend([
            Self::CopyReport,
            Self::ShowLibrary,
            Self::RefreshLibrary,
            Self::OpenPrevious,
            Self::Quit,
            Self::Undo,
            Self::Redo,
            Self::MakeTheme,
            Self::SuggestThemes,
            Self::SelectAll,
            Self::ClearSelection,
            Self::NextNote,
            Self::PreviousNote,
            Self::EditNote,
            Self::DeleteNotes,
        ]);
        all.extend(NoteColour::ALL.map(Self::Colour));
        all.extend((1..=9).map(Self::ToTheme));
        all.extend([
            Self::OutOfTheme,
            Self::ZoomToFit,
            Self::NextPhase,
            Self::PreviousPhase,
        ]);
        all.extend(Screen::ALL.map(Self::ShowScreen));
        all.extend([
            Self::ToggleTheme,
            Self::ToggleFullscreen,
            Self::ToggleFocusMode,
            Self::ShowKeys,
            Self::OpenExample,
            Self::ShowFiles,
        ]);
        all.extend([Self::OpenRoom, Self::ShowRoom, Self::CloseRoom]);
        all.extend([
            Self::Present,
            Self::BlankAudience,
            Self::FreezeAudience,
            Self::ToggleConsole,
            Self::ToggleAudienceFollow,
        ]);
        all.extend(Show::ALL.map(Self::ShowOnScreen));
        all.extend((1..=3).map(Self::AudienceScreen));
        all
    }

    /// Where the action applies.
    pub fn scope(self) -> Scope {
        match self {
            Self::Save
            | Self::SaveAs
            | Self::ToggleSaveAutomatically
            | Self::ImportNotes
            | Self::Export(_)
            | Self::CopyReport
            | Self::ShowLibrary
            | Self::OpenPrevious
            | Self::Undo
            | Self::Redo
            | Self::ShowScreen(_)
            | Self::NextPhase
            | Self::PreviousPhase => Scope::Session,
            Self::RefreshLibrary => Scope::Library,
            Self::SelectAll
            | Self::ClearSelection
            | Self::NextNote
            | Self::PreviousNote
            | Self::EditNote
            | Self::DeleteNotes
            | Self::Colour(_)
            | Self::ToTheme(_)
            | Self::OutOfTheme
            | Self::MakeTheme
            | Self::SuggestThemes
            | Self::ZoomToFit => Scope::Board,
            Self::NewSession
            | Self::OpenFile
            | Self::FollowUp
            | Self::Quit
            | Self::ToggleTheme
            | Self::ToggleFullscreen
            | Self::ToggleFocusMode
            | Self::ShowKeys
            | Self::CommandPalette
            | Self::OpenExample
            | Self::ShowFiles => Scope::Everywhere,
            Self::OpenRoom | Self::ShowRoom | Self::CloseRoom => Scope::Session,
            Self::Present
            | Self::BlankAudience
            | Self::FreezeAudience
            | Self::ToggleConsole
            | Self::ShowOnScreen(_)
            | Self::ToggleAudienceFollow
            | Self::AudienceScreen(_) => Scope::Session,
        }
    }

    /// True when the action applies where the user is (`None`: the library).
    pub fn applies(self, screen: Option<Screen>) -> bool {
        self.scope().applies(screen)
    }

    /// True when the action makes sense with the room open (`room_open`) or closed: opening
    /// while it is closed, showing and closing while it is open; every other action always.
    pub fn applies_with_room(self, room_open: bool) -> bool {
        match self {
            Self::OpenRoom => !room_open,
            Self::ShowRoom | Self::CloseRoom => room_open,
            _ => true,
        }
    }

    /// The name in menus and the command palette.
    pub fn label(self) -> String {
        let text = match self {
            Self::NewSession => "New session…",
            Self::OpenFile => "Open file…",
            Self::FollowUp => "Follow up…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::ToggleSaveAutomatically => "Save automatically",
            Self::ImportNotes => "Import notes…",
            Self::Export(format) => export_label(format),
            Self::CopyReport => "Copy report",
            Self::ShowLibrary => "Session library",
            Self::RefreshLibrary => "Refresh the library",
            Self::Quit => "Quit",
            Self::OpenPrevious => "Open the previous session",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::ToggleTheme => "Switch light / dark theme",
            Self::ToggleFullscreen => "Full screen",
            Self::ToggleFocusMode => "Focus: prompt, timer and board",
            Self::ShowScreen(screen) => return format!("Show {}", screen.label()),
            Self::NextPhase => "Next phase",
            Self::PreviousPhase => "Previous phase",
            Self::ShowKeys => "Keyboard sheet",
            Self::CommandPalette => "Command palette",
            Self::OpenExample => "Open the example lab",
            Self::ShowFiles => "Where your files are",
            Self::SelectAll => "Select every note",
            Self::ClearSelection => "Clear the selection",
            Self::NextNote => "Select the next note",
            Self::PreviousNote => "Select the previous note",
            Self::EditNote => "Edit the selected note",
            Self::DeleteNotes => "Delete the selected notes",
            Self::Colour(colour) => return format!("Note colour: {}", colour.name()),
            Self::ToTheme(n) => return format!("Put the selected notes in theme {n}"),
            Self::OutOfTheme => "Take the selected notes out of their theme",
            Self::MakeTheme => "Make theme",
            Self::SuggestThemes => "Suggest themes",
            Self::ZoomToFit => "Zoom to fit",
            Self::OpenRoom => "Open the room to phones",
            Self::ShowRoom => "Show or hide the room",
            Self::CloseRoom => "Close the room",
            Self::Present => "Present on a second screen",
            Self::BlankAudience => "Blank the audience screen",
            Self::FreezeAudience => "Freeze the audience screen",
            Self::ShowOnScreen(show) => return format!("Show on screen: {}", show.label()),
            Self::ToggleAudienceFollow => "Audience board: follow my view / fit",
            Self::AudienceScreen(n) => return format!("Audience on screen {n}"),
            Self::ToggleConsole => "Show / hide the console (one screen)",
        };
        text.to_owned()
    }

    /// What the action does, in a sentence: hover text, and the keyboard sheet's right column.
    pub fn tooltip(self) -> String {
        let text = match self {
            Self::NewSession => "New session",
            Self::OpenFile => "Open a file",
            Self::FollowUp => "Follow up this session (in the library: the highlighted one)",
            Self::SaveAs => "Save as…",
            Self::ToggleFocusMode => "Focus: only the prompt, the timer and the board",
            Self::ShowKeys => "This keyboard sheet (also ?)",
            Self::CommandPalette => "Find any action by name and run it",
            Self::RefreshLibrary => "Look for new files in the library folder",
            Self::ShowScreen(screen) => screen.label(),
            Self::NextPhase | Self::PreviousPhase => "Next / previous phase",
            Self::NextNote | Self::PreviousNote => "Select the next / previous note",
            Self::DeleteNotes => "Delete the selected notes (Ctrl+Z brings them back)",
            Self::Colour(_) => "Note colour",
            Self::ToTheme(_) => "Put the selected notes in that theme",
            Self::MakeTheme => "Make a theme of the selected notes",
            Self::OpenRoom => {
                "Let participants join from their phones over this network (no internet needed)"
            }
            Self::ShowRoom => "Show or hide the room: the QR code, the join code and the phones",
            Self::CloseRoom => "Stop the room: phones can no longer join or send anything",
            Self::Present => "Present: the audience window on the second screen (again: stop)",
            Self::BlankAudience => "Blank the audience screen, or bring it back (while presenting)",
            Self::FreezeAudience => "Freeze the audience screen on its last picture, or release it",
            Self::ShowOnScreen(_) => "Send this to the audience screen",
            Self::AudienceScreen(_) => "Put the audience window full screen on that screen",
            Self::ToggleConsole => {
                "One screen: bring the console in front of the audience, or back"
            }
            _ => return self.label(),
        };
        text.to_owned()
    }

    /// Actions that share one row on the keyboard sheet (colours, theme numbers, next and
    /// previous) name the same representative here.
    pub fn sheet_row(self) -> Self {
        match self {
            Self::Colour(_) => Self::Colour(NoteColour::ALL[0]),
            Self::ToTheme(_) => Self::ToTheme(1),
            Self::PreviousNote => Self::NextNote,
            Self::PreviousPhase => Self::NextPhase,
            other => other,
        }
    }

    /// True for actions whose keys also work while a text box has the keyboard.
    pub fn works_while_typing(self) -> bool {
        matches!(
            self,
            Self::NewSession
                | Self::OpenFile
                | Self::FollowUp
                | Self::Save
                | Self::SaveAs
                | Self::ToggleTheme
                | Self::ToggleFullscreen
                | Self::ToggleFocusMode
                | Self::ShowKeys
                | Self::CommandPalette
                | Self::ShowScreen(_)
                | Self::RefreshLibrary
        )
    }

    /// True for actions that may run while a modal question is open: they touch only the
    /// window, neither the session nor the question.
    pub fn works_under_a_question(self) -> bool {
        matches!(self, Self::ToggleTheme | Self::ToggleFullscreen)
    }

    /// True for the audience window's actions (presenting on a second screen), which the app's
    /// presenter runs.
    pub fn presents(self) -> bool {
        matches!(
            self,
            Self::Present
                | Self::BlankAudience
                | Self::FreezeAudience
                | Self::ShowOnScreen(_)
                | Self::ToggleAudienceFollow
                | Self::AudienceScreen(_)
                | Self::ToggleConsole
        )
    }

    /// True for the audience window's actions whose keys work only while presenting (B and
    /// F7 would otherwise start a note or be lost): the presenter takes them itself.
    pub fn while_presenting(self) -> bool {
        matches!(
            self,
            Self::BlankAudience | Self::FreezeAudience | Self::ToggleConsole
        )
    }
}

/// The File menu's name for an export.
fn export_label(format: Format) -> &'static str {
    match format {
        Format::Markdown => "Export report…",
        Format::Docx => "Export report as Word (.docx)…",
        Format::DocxPublic => "Export report for publication (.docx, no names)…",
        Format::Csv => "Export notes as CSV…",
        Format::BoardPng => "Export board as PNG…",
        Format::BoardSvg => "Export board as SVG…",
        Format::ChartPng => "Export vote chart as PNG…",
        Format::ChartSvg => "Export vote chart as SVG…",
        Format::Canvas => "Export as JSON Canvas…",
    }
}
