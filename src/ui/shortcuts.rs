//! The app's keyboard shortcuts in one registry, checked most specific first (egui ignores
//! extra Shift). Menus, tab labels and the keyboard sheet (F1) are built from it, so they can
//! never disagree with the keys; the keys each screen handles itself are listed here too.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::Command;
use super::screen::Screen;

/// The number keys, `DIGIT_KEYS[n]` for n: theme keys on the board, option keys in a vote,
/// colour keys with Ctrl, screen keys with Alt.
pub const DIGIT_KEYS: [Key; 10] = [
    Key::Num0,
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

/// One app-wide shortcut.
#[derive(Clone, Debug, PartialEq)]
pub struct Shortcut {
    /// The keys.
    pub keys: KeyboardShortcut,
    /// What they do.
    pub command: Command,
    /// Whether they also work while a text box has focus.
    pub in_text: bool,
    /// What they do, for the keyboard sheet.
    pub what: &'static str,
}

const fn shortcut(
    modifiers: Modifiers,
    key: Key,
    command: Command,
    in_text: bool,
    what: &'static str,
) -> Shortcut {
    Shortcut {
        keys: KeyboardShortcut::new(modifiers, key),
        command,
        in_text,
        what,
    }
}

const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

/// Every app-wide shortcut, most specific first.
pub fn registry() -> Vec<Shortcut> {
    let mut all = vec![
        shortcut(CTRL_SHIFT, Key::S, Command::SaveAs, true, "Save as…"),
        shortcut(CTRL_SHIFT, Key::Z, Command::Redo, false, "Redo"),
        shortcut(
            CTRL_SHIFT,
            Key::D,
            Command::ToggleTheme,
            true,
            "Switch light / dark theme",
        ),
        shortcut(
            CTRL_SHIFT,
            Key::N,
            Command::FollowUpOpen,
            true,
            "Follow up this session (in the library: the highlighted one)",
        ),
        shortcut(Modifiers::COMMAND, Key::S, Command::Save, true, "Save"),
        shortcut(
            Modifiers::COMMAND,
            Key::N,
            Command::NewSession,
            true,
            "New session",
        ),
        shortcut(
            Modifiers::COMMAND,
            Key::O,
            Command::OpenDialog,
            true,
            "Open a file",
        ),
        shortcut(Modifiers::COMMAND, Key::Z, Command::Undo, false, "Undo"),
        shortcut(Modifiers::COMMAND, Key::Y, Command::Redo, false, "Redo"),
        shortcut(
            Modifiers::NONE,
            Key::F1,
            Command::ShowKeys,
            true,
            "This keyboard sheet (also ?)",
        ),
        shortcut(
            Modifiers::NONE,
            Key::F10,
            Command::ToggleFocusMode,
            true,
            "Focus: only the prompt, the timer and the board",
        ),
        shortcut(
            Modifiers::NONE,
            Key::F11,
            Command::ToggleFullscreen,
            true,
            "Full screen",
        ),
    ];
    for (i, screen) in Screen::ALL.into_iter().enumerate() {
        all.push(shortcut(
            Modifiers::ALT,
            DIGIT_KEYS[i + 1],
            Command::ShowScreen(screen),
            true,
            screen.label(),
        ));
    }
    all
}

/// Consumes the shortcuts pressed this frame and returns their commands. Undo and redo are
/// left to a focused text box, which has its own. While a modal question is open (`asking`),
/// only shortcuts that change neither the session nor the question work (theme, full screen);
/// the others are left alone, e.g. for a text box in the dialog. `?` shows the keyboard sheet
/// when no text box has the keyboard.
pub fn commands(ctx: &egui::Context, asking: bool) -> Vec<Command> {
    let typing = ctx.text_edit_focused();
    let mut out = Vec::new();
    for s in registry() {
        if asking && !works_under_a_question(&s.command) {
            continue;
        }
        if (s.in_text || !typing) && ctx.input_mut(|i| i.consume_shortcut(&s.keys)) {
            if s.keys.modifiers.alt {
                // Alt+digit also sends the digit as text on some systems: it must not start a
                // note or land in a text box.
                let symbol = s.keys.logical_key.symbol_or_name();
                ctx.input_mut(|i| {
                    i.events
                        .retain(|e| !matches!(e, egui::Event::Text(t) if t == symbol));
                });
            }
            out.push(s.command);
        }
    }
    if !asking && !typing && take_question_mark(ctx) {
        out.push(Command::ShowKeys);
    }
    out
}

/// Takes a typed "?" out of this frame's input, so it does not also start a note.
fn take_question_mark(ctx: &egui::Context) -> bool {
    ctx.input_mut(|i| {
        let before = i.events.len();
        i.events
            .retain(|e| !matches!(e, egui::Event::Text(t) if t == "?"));
        i.events.len() != before
    })
}

/// True for shortcuts that may run while a modal question is open: they touch only the window.
fn works_under_a_question(command: &Command) -> bool {
    matches!(command, Command::ToggleTheme | Command::ToggleFullscreen)
}

/// How a shortcut reads in a menu, e.g. "Ctrl+S".
pub fn label(ctx: &egui::Context, command: &Command) -> String {
    registry()
        .into_iter()
        .find(|s| &s.command == command)
        .map(|s| ctx.format_shortcut(&s.keys))
        .unwrap_or_default()
}

/// Keys one screen handles itself: (keys, what they do).
pub type ScreenKeys = &'static [(&'static str, &'static str)];

/// The keys of the Board (the canvas, the capture box and the agenda bar).
pub const BOARD_KEYS: ScreenKeys = &[
    ("N, or just type", "Open the capture box and write a note"),
    (
        "Enter",
        "Add the note (in the capture box); edit the selected note",
    ),
    ("Shift+Enter", "A new line in the note"),
    (
        "@ and a name, then Enter",
        "Who is writing (sticky until changed)",
    ),
    ("Esc", "Close the capture box; clear the selection"),
    ("Ctrl+1 … Ctrl+6", "Note colour"),
    (
        "1 … 9 / 0",
        "Put the selected notes in that theme / take them out",
    ),
    ("Ctrl+G", "Make a theme of the selected notes"),
    ("Ctrl+T", "Suggest themes"),
    ("Ctrl+A", "Select every note"),
    ("Tab / Shift+Tab", "Select the next / previous note"),
    ("Arrow keys", "Move the selected notes"),
    (
        "Delete",
        "Delete the selected notes (Ctrl+Z brings them back)",
    ),
    ("F2", "Edit the selected note"),
    ("Home", "Zoom to fit"),
    ("+ / −", "Zoom in / out"),
    ("Page Down / Page Up", "Next / previous phase"),
];

/// The keys of the Vote screen.
pub const VOTE_KEYS: ScreenKeys = &[
    (
        "1 … 9 / Shift+1 … 9",
        "Place a dot on / take one from that option",
    ),
    ("Enter", "Done: hide my dots and hand the laptop on"),
    ("↑ / ↓", "Move between options when tallying the room"),
    ("Page Down / Page Up", "Next / previous phase"),
];

/// The keys of the lab screens (Vision & outcomes, Actions, Golden thread).
pub const LAB_KEYS: ScreenKeys = &[
    ("Tab / Shift+Tab", "Next / previous field"),
    ("Enter", "Finish the field (saved as one undo step)"),
    (
        "↑ / ↓ in a list box",
        "Change the choice; Enter opens the list",
    ),
    ("Page Down / Page Up", "Next / previous phase"),
];

/// The keys `screen` handles itself (the library has none beyond the arrow keys and Enter).
pub fn screen_keys(screen: Option<Screen>) -> ScreenKeys {
    match screen {
        Some(Screen::Board) => BOARD_KEYS,
        Some(Screen::Vote) => VOTE_KEYS,
        Some(_) => LAB_KEYS,
        None => &[
            ("↑ / ↓", "Highlight a session"),
            ("Enter", "Open it"),
            ("F5", "Look for new files"),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys each screen takes for itself, which no app-wide shortcut may also take.
    fn screen_owned() -> Vec<KeyboardShortcut> {
        let mut keys: Vec<KeyboardShortcut> = DIGIT_KEYS[1..=6]
            .iter()
            .map(|k| KeyboardShortcut::new(Modifiers::COMMAND, *k))
            .collect();
        for key in [Key::G, Key::T, Key::A] {
            keys.push(KeyboardShortcut::new(Modifiers::COMMAND, key));
        }
        for key in DIGIT_KEYS.iter().copied().chain([
            Key::N,
            Key::Enter,
            Key::Escape,
            Key::Delete,
            Key::F2,
            Key::F5,
            Key::Home,
            Key::Tab,
            Key::PageUp,
            Key::PageDown,
        ]) {
            keys.push(KeyboardShortcut::new(Modifiers::NONE, key));
        }
        keys
    }

    #[test]
    fn no_two_shortcuts_share_keys_and_none_takes_a_screens_key() {
        let all = registry();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a.keys, b.keys, "{:?} and {:?} clash", a.command, b.command);
            }
            assert!(
                !screen_owned().contains(&a.keys),
                "{:?} takes a key a screen uses",
                a.command
            );
            assert!(!a.what.is_empty());
        }
    }

    #[test]
    fn every_screen_has_a_key() {
        let all = registry();
        for screen in Screen::ALL {
            assert!(
                all.iter().any(|s| s.command == Command::ShowScreen(screen)),
                "{screen:?} has no key"
            );
        }
    }

    #[test]
    fn a_phase_opens_the_screen_it_is_about() {
        assert_eq!(Screen::for_phase("Vision and outcomes"), Screen::Plan);
        assert_eq!(Screen::for_phase("Ideas"), Screen::Board);
        assert_eq!(Screen::for_phase("Vote"), Screen::Vote);
        assert_eq!(Screen::for_phase("Actions"), Screen::Actions);
        assert_eq!(Screen::for_phase("Themes"), Screen::Board);
    }
}
