//! The one shortcut registry: the default keys of every [`Action`], checked most specific
//! first (egui ignores extra Shift), and the keys that widgets handle themselves (typing in the
//! capture box, arrow keys), so the keyboard sheet (F1) lists exactly the keys that work.
//! A test fails when two actions share a key on the same screen.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::action::{Action, Scope};
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

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const NONE: Modifiers = Modifiers::NONE;

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

impl Action {
    /// The action's default keys, the first one shown in menus.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        let keys: &[KeyboardShortcut] = match self {
            Self::NewSession => &[key(CTRL, Key::N)],
            Self::OpenFile => &[key(CTRL, Key::O)],
            Self::FollowUp => &[key(CTRL_SHIFT, Key::N)],
            Self::Save => &[key(CTRL, Key::S)],
            Self::SaveAs => &[key(CTRL_SHIFT, Key::S)],
            Self::Undo => &[key(CTRL, Key::Z)],
            Self::Redo => &[key(CTRL_SHIFT, Key::Z), key(CTRL, Key::Y)],
            Self::ToggleTheme => &[key(CTRL_SHIFT, Key::D)],
            Self::ToggleFullscreen => &[key(NONE, Key::F11)],
            Self::ToggleFocusMode => &[key(NONE, Key::F10)],
            Self::ShowKeys => &[key(NONE, Key::F1)],
            Self::CommandPalette => &[key(CTRL, Key::K)],
            Self::RefreshLibrary => &[key(NONE, Key::F5)],
            Self::NextPhase => &[key(NONE, Key::PageDown)],
            Self::PreviousPhase => &[key(NONE, Key::PageUp)],
            Self::ShowScreen(screen) => {
                let i = Screen::ALL.iter().position(|s| *s == screen).unwrap_or(0);
                return vec![key(Modifiers::ALT, DIGIT_KEYS[i + 1])];
            }
            Self::SelectAll => &[key(CTRL, Key::A)],
            Self::ClearSelection => &[key(NONE, Key::Escape)],
            Self::NextNote => &[key(NONE, Key::Tab)],
            Self::PreviousNote => &[key(Modifiers::SHIFT, Key::Tab)],
            Self::EditNote => &[key(NONE, Key::F2), key(NONE, Key::Enter)],
            Self::DeleteNotes => &[key(NONE, Key::Delete), key(NONE, Key::Backspace)],
            Self::Colour(colour) => {
                let i = crate::model::NoteColour::ALL
                    .iter()
                    .position(|c| *c == colour)
                    .unwrap_or(0);
                return vec![key(CTRL, DIGIT_KEYS[i + 1])];
            }
            Self::ToTheme(n) => {
                return vec![key(NONE, DIGIT_KEYS[usize::from(n.clamp(1, 9))])];
            }
            Self::OutOfTheme => &[key(NONE, Key::Num0)],
            Self::MakeTheme => &[key(CTRL, Key::G)],
            Self::SuggestThemes => &[key(CTRL, Key::T)],
            Self::ZoomToFit => &[key(NONE, Key::Home)],
            Self::Present => &[key(NONE, Key::F5)],
            Self::BlankAudience => &[key(NONE, Key::B)],
            Self::FreezeAudience => &[key(NONE, Key::F7)],
            Self::ToggleConsole => &[key(NONE, Key::F6)],
            Self::ToggleSaveAutomatically
            | Self::ImportNotes
            | Self::Export(_)
            | Self::CopyReport
            | Self::ShowLibrary
            | Self::Quit
            | Self::OpenPrevious
            | Self::OpenExample
            | Self::ShowFiles
            | Self::ShowOnScreen(_)
            | Self::ToggleAudienceFollow
            | Self::AudienceScreen(_) => &[],
            Self::OpenRoom | Self::ShowRoom | Self::CloseRoom => &[],
        };
        keys.to_vec()
    }

    /// How the action's keys read, e.g. "Ctrl+Shift+Z or Ctrl+Y" ("" without keys).
    pub fn keys_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .iter()
            .map(|k| ctx.format_shortcut(k))
            .collect::<Vec<_>>()
            .join(" or ")
    }

    /// The tooltip with the keys, e.g. "Save (Ctrl+S)".
    pub fn hover_text(self, ctx: &egui::Context) -> String {
        let keys = self.keys_text(ctx);
        if keys.is_empty() {
            self.tooltip()
        } else {
            format!("{} ({keys})", self.tooltip())
        }
    }
}

/// Every (keys, action) pair that applies where the user is, most specific first.
fn bindings(
    screen: Option<Screen>,
    wanted: impl Fn(Action) -> bool,
) -> Vec<(KeyboardShortcut, Action)> {
    let mut all: Vec<(KeyboardShortcut, Action)> = Action::all()
        .into_iter()
        .filter(|a| a.applies(screen) && wanted(*a))
        .flat_map(|a| a.shortcuts().into_iter().map(move |k| (k, a)))
        .collect();
    // Shift+Tab before Tab, Ctrl+Shift+Z before Ctrl+Z: egui's check ignores an extra Shift.
    all.sort_by_key(|(k, _)| std::cmp::Reverse(modifier_count(k.modifiers)));
    all
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.ctrl || m.command || m.mac_cmd) + u8::from(m.shift)
}

/// Consumes the keys pressed this frame of the actions `wanted` picks among those that apply
/// on `screen`, and returns the actions, each once, in the order of the keys' precedence.
pub fn take(
    ctx: &egui::Context,
    screen: Option<Screen>,
    wanted: impl Fn(Action) -> bool,
) -> Vec<Action> {
    let mut out = Vec::new();
    for (keys, action) in bindings(screen, wanted) {
        if ctx.input_mut(|i| i.consume_shortcut(&keys)) {
            if keys.modifiers.alt {
                // Alt+digit also sends the digit as text on some systems: it must not start a
                // note or land in a text box.
                let symbol = keys.logical_key.symbol_or_name();
                ctx.input_mut(|i| {
                    i.events
                        .retain(|e| !matches!(e, egui::Event::Text(t) if t == symbol));
                });
            }
            if !out.contains(&action) {
                out.push(action);
            }
        }
    }
    out
}

/// Consumes the app-wide keys pressed this frame (all but the Board's, which the Board takes
/// when it has the keyboard) and returns their actions. Undo and redo are left to a focused
/// text box, which has its own. While a modal question is open (`asking`), only actions that
/// touch neither the session nor the question work (theme, full screen). `?` shows the
/// keyboard sheet when no text box has the keyboard.
pub fn app_actions(ctx: &egui::Context, screen: Option<Screen>, asking: bool) -> Vec<Action> {
    let typing = ctx.text_edit_focused();
    let mut out = take(ctx, screen, |a| {
        a.scope() != Scope::Board
            && !a.while_presenting()
            && (!asking || a.works_under_a_question())
            && (!typing || a.works_while_typing())
    });
    if !asking && !typing && take_question_mark(ctx) {
        out.push(Action::ShowKeys);
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

/// Keys a widget handles itself (typing, arrow keys, the vote's option keys): (keys, what
/// they do). They are no actions, but the keyboard sheet lists them beside the actions.
pub type Hints = &'static [(&'static str, &'static str)];

/// The keys `screen` handles itself (`None`: the library).
pub fn hints(screen: Option<Screen>) -> Hints {
    match screen {
        Some(Screen::Board) => &[
            ("N, or just type", "Open the capture box and write a note"),
            ("Enter in the capture box", "Add the note"),
            ("Shift+Enter", "A new line in the note"),
            (
                "@ and a name, then Enter",
                "Who is writing (sticky until changed)",
            ),
            ("Esc in the capture box", "Close the capture box"),
            ("Arrow keys", "Move the selected notes"),
            ("+ / −", "Zoom in / out"),
        ],
        Some(Screen::Vote) => &[
            (
                "1 … 9 / Shift+1 … 9",
                "Place a dot on / take one from that option",
            ),
            ("Enter", "Done: hide my dots and hand the laptop on"),
            ("↑ / ↓", "Move between options when tallying the room"),
        ],
        Some(_) => &[
            ("Tab / Shift+Tab", "Next / previous field"),
            ("Enter", "Finish the field (saved as one undo step)"),
            (
                "↑ / ↓ in a list box",
                "Change the choice; Enter opens the list",
            ),
        ],
        None => &[("↑ / ↓", "Highlight a session"), ("Enter", "Open it")],
    }
}

/// One section of the keyboard sheet: a heading, then (keys, what they do).
pub type SheetSection = (String, Vec<(String, String)>);

/// The keyboard sheet for `screen` (`None`: the library), built from the registry: the
/// screen's own actions and hints, the screen keys, then the actions that work everywhere.
/// Actions that share a row (colours, theme numbers, next / previous) are one row.
pub fn sheet(ctx: &egui::Context, screen: Option<Screen>) -> Vec<SheetSection> {
    let mut own = Vec::new();
    let mut screens = Vec::new();
    let mut everywhere = Vec::new();
    let mut seen: Vec<Action> = Vec::new();
    for action in Action::all() {
        let row = action.sheet_row();
        if !action.applies(screen) || action.shortcuts().is_empty() || seen.contains(&row) {
            continue;
        }
        seen.push(row);
        let members: Vec<Action> = Action::all()
            .into_iter()
            .filter(|a| a.sheet_row() == row && a.applies(screen))
            .collect();
        let keys = row_keys(ctx, &members);
        let line = (keys, row.tooltip());
        match action {
            Action::ShowScreen(_) => screens.push((
                ctx.format_shortcut(&action.shortcuts()[0]),
                action.tooltip(),
            )),
            _ if matches!(action.scope(), Scope::Board | Scope::Library) => own.push(line),
            _ => everywhere.push(line),
        }
    }
    own.extend(
        hints(screen)
            .iter()
            .map(|(k, w)| ((*k).to_owned(), (*w).to_owned())),
    );
    let here = screen.map_or("Session library", Screen::label);
    let mut out = vec![(here.to_owned(), own)];
    if !screens.is_empty() {
        out.push(("Screens".to_owned(), screens));
    }
    out.push(("Everywhere".to_owned(), everywhere));
    out
}

/// The keys of one sheet row: "Ctrl+1 … Ctrl+6" for a run of one-key actions, "Tab / Shift+Tab"
/// for a pair, else every key of the one action, "Ctrl+Shift+Z or Ctrl+Y".
fn row_keys(ctx: &egui::Context, members: &[Action]) -> String {
    match members {
        [one] => one.keys_text(ctx),
        [a, b] => format!("{} / {}", a.keys_text(ctx), b.keys_text(ctx)),
        [first, .., last] => format!("{} … {}", first.keys_text(ctx), last.keys_text(ctx)),
        [] => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every place a user can be: the library and each screen.
    fn places() -> Vec<Option<Screen>> {
        std::iter::once(None).chain(Screen::ALL.map(Some)).collect()
    }

    /// The actions whose keys clash on one screen, as (keys, first, second).
    fn clashes(actions: &[Action]) -> Vec<(KeyboardShortcut, Action, Action)> {
        let mut out = Vec::new();
        for place in places() {
            let here: Vec<(KeyboardShortcut, Action)> = actions
                .iter()
                .filter(|a| a.applies(place))
                .flat_map(|a| a.shortcuts().into_iter().map(move |k| (k, *a)))
                .collect();
            for (i, (k, a)) in here.iter().enumerate() {
                for (k2, b) in &here[i + 1..] {
                    if k == k2 && !out.iter().any(|(_, x, y)| x == a && y == b) {
                        out.push((*k, *a, *b));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn no_two_actions_share_a_key_on_the_same_screen() {
        let found = clashes(&Action::all());
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn the_clash_check_finds_a_key_given_twice() {
        // Distinct keys pass; the same key for two actions on one screen is found; Alt+1 (a
        // screen key) and Ctrl+1 (a colour) are different keys.
        let fine = clashes(&[Action::MakeTheme, Action::SuggestThemes, Action::ToTheme(1)]);
        assert!(fine.is_empty(), "{fine:?}");
        let apart = clashes(&[
            Action::ShowScreen(Screen::Board),
            Action::Colour(crate::model::NoteColour::ALL[0]),
        ]);
        assert!(apart.is_empty(), "{apart:?}");
        let same = clashes(&[Action::ToTheme(3), Action::ToTheme(3)]);
        assert_eq!(same.len(), 1, "the same key twice on the Board is a clash");
    }

    #[test]
    fn no_widget_hint_reuses_an_action_key_text() {
        let ctx = egui::Context::default();
        for place in places() {
            for (keys, _) in hints(place) {
                for action in Action::all().into_iter().filter(|a| a.applies(place)) {
                    assert_ne!(
                        action.keys_text(&ctx),
                        *keys,
                        "{action:?} and a widget both take {keys}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_screen_has_a_key() {
        for screen in Screen::ALL {
            assert!(
                !Action::ShowScreen(screen).shortcuts().is_empty(),
                "{screen:?} has no key"
            );
        }
    }

    #[test]
    fn every_action_has_a_label_and_a_tooltip_and_every_key_is_listed_on_the_sheet() {
        let ctx = egui::Context::default();
        for action in Action::all() {
            assert!(!action.label().is_empty() && !action.tooltip().is_empty());
        }
        for place in places() {
            let rows: Vec<String> = sheet(&ctx, place)
                .into_iter()
                .flat_map(|(_, rows)| rows.into_iter().map(|(keys, _)| keys))
                .collect();
            for action in Action::all().into_iter().filter(|a| a.applies(place)) {
                let family: Vec<Action> = Action::all()
                    .into_iter()
                    .filter(|a| a.sheet_row() == action.sheet_row() && a.applies(place))
                    .collect();
                if family.len() > 2 {
                    // A run ("Ctrl+1 … Ctrl+6") is one row from its first to its last key.
                    let run = row_keys(&ctx, &family);
                    assert!(rows.contains(&run), "{run} missing for {place:?}: {rows:?}");
                    continue;
                }
                for keys in action.shortcuts() {
                    let text = ctx.format_shortcut(&keys);
                    assert!(
                        rows.iter().any(|r| r
                            .split(" / ")
                            .flat_map(|p| p.split(" or "))
                            .any(|w| w == text)),
                        "{action:?}'s {text} is not on the sheet for {place:?}: {rows:?}"
                    );
                }
            }
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
