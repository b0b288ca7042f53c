//! The app's keyboard shortcuts, checked most specific first (egui ignores extra Shift).

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::Command;

/// The number keys, `DIGIT_KEYS[n]` for n: theme keys on the board, option keys in a vote,
/// colour keys with Ctrl.
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

/// Shortcut, command, and whether it also works while a text box has focus.
const SHORTCUTS: [(KeyboardShortcut, Command, bool); 10] = [
    (
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S),
        Command::SaveAs,
        true,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z),
        Command::Redo,
        false,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::D),
        Command::ToggleTheme,
        true,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::N),
        Command::FollowUpOpen,
        true,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::S),
        Command::Save,
        true,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::N),
        Command::NewSession,
        true,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
        Command::OpenDialog,
        true,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Z),
        Command::Undo,
        false,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Y),
        Command::Redo,
        false,
    ),
    (
        KeyboardShortcut::new(Modifiers::NONE, Key::F11),
        Command::ToggleFullscreen,
        true,
    ),
];

/// Consumes the shortcuts pressed this frame and returns their commands. Undo and redo are
/// left to a focused text box, which has its own. While a modal question is open (`asking`),
/// only shortcuts that change neither the session nor the question work (theme, full screen);
/// the others are left alone, e.g. for a text box in the dialog.
pub fn commands(ctx: &egui::Context, asking: bool) -> Vec<Command> {
    let typing = ctx.text_edit_focused();
    let mut out = Vec::new();
    for (shortcut, command, in_text) in SHORTCUTS {
        if asking && !works_under_a_question(&command) {
            continue;
        }
        if (in_text || !typing) && ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
            out.push(command);
        }
    }
    out
}

/// True for shortcuts that may run while a modal question is open: they touch only the window.
fn works_under_a_question(command: &Command) -> bool {
    matches!(command, Command::ToggleTheme | Command::ToggleFullscreen)
}

/// How a shortcut reads in a menu, e.g. "Ctrl+S".
pub fn label(ctx: &egui::Context, command: &Command) -> String {
    SHORTCUTS
        .iter()
        .find(|(_, c, _)| c == command)
        .map(|(s, _, _)| ctx.format_shortcut(s))
        .unwrap_or_default()
}
