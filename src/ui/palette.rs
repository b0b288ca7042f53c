//! The command palette (Ctrl+K): type to filter every action that applies here by name, each
//! shown with its keys; ↑ / ↓ choose, Enter or a click runs it. Built from the same registry as
//! the menus and the keyboard sheet.

use egui::{Id, Key, Modifiers, RichText};

use super::action::Action;
use super::screen::Screen;
use super::style::Palette;

/// The id of the palette's search box.
pub fn search_id() -> Id {
    Id::unique("goldthread.palette.search")
}

/// The actions that apply on `screen` whose label holds every word of `query` (any case), in
/// the palette's order.
pub fn matches(query: &str, screen: Option<Screen>) -> Vec<Action> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    Action::all()
        .into_iter()
        .filter(|a| a.applies(screen) && *a != Action::CommandPalette)
        .filter(|a| {
            let label = a.label().to_lowercase();
            words.iter().all(|w| label.contains(w.as_str()))
        })
        .collect()
}

/// Draws the palette inside the dialog frame. `enter` is this frame's Enter. Returns the
/// action to run once one is chosen.
pub fn palette_ui(
    ui: &mut egui::Ui,
    screen: Option<Screen>,
    query: &mut String,
    chosen: &mut usize,
    enter: bool,
    palette: &Palette,
) -> Option<Action> {
    let down = ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowDown));
    let up = ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowUp));
    ui.heading("Find an action");
    let before = query.clone();
    if !ui.memory(|m| m.has_focus(search_id())) {
        // Letters typed before the search box has the keyboard (fast typists, the frame the
        // palette opened) are its first letters, not lost.
        query.push_str(&ui.input(|i| {
            i.events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::Text(t) => Some(t.as_str()),
                    _ => None,
                })
                .collect::<String>()
        }));
    }
    let edit = ui.add(
        egui::TextEdit::singleline(query)
            .id(search_id())
            .hint_text("Type a name, e.g. make theme")
            .desired_width(f32::INFINITY),
    );
    edit.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SearchInput, true, "Find an action"));
    edit.request_focus();
    let room_open = super::room::is_open(ui.ctx());
    let found: Vec<Action> = matches(query, screen)
        .into_iter()
        .filter(|a| a.applies_with_room(room_open))
        .collect();
    if *query != before {
        *chosen = 0;
    }
    if down && *chosen + 1 < found.len() {
        *chosen += 1;
    }
    if up {
        *chosen = chosen.saturating_sub(1);
    }
    *chosen = (*chosen).min(found.len().saturating_sub(1));
    if found.is_empty() {
        ui.label(RichText::new("No action has that name here.").color(palette.text_muted));
        return None;
    }
    let mut run = enter.then(|| found[*chosen]);
    egui::ScrollArea::vertical()
        .max_height(super::style::PALETTE_LIST_HEIGHT)
        .show(ui, |ui| {
            for (i, action) in found.iter().enumerate() {
                let row = egui::Button::selectable(i == *chosen, action.label())
                    .shortcut_text(action.keys_text(ui.ctx()));
                let response = ui.add_sized([ui.available_width(), 0.0], row);
                if i == *chosen && (up || down) {
                    response.scroll_to_me(None);
                }
                if response.on_hover_text(action.tooltip()).clicked() {
                    run = Some(*action);
                }
            }
        });
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_a_name_find_it_and_actions_of_other_screens_stay_out() {
        assert_eq!(
            matches("make th", Some(Screen::Board)).first(),
            Some(&Action::MakeTheme)
        );
        assert!(
            matches("make th", Some(Screen::Vote)).is_empty(),
            "no Board action on Vote"
        );
        assert!(
            matches("SAVE", None).is_empty(),
            "nothing to save in the library"
        );
        assert!(matches("save", Some(Screen::Plan)).contains(&Action::SaveAs));
        assert!(matches("zzz", Some(Screen::Board)).is_empty());
    }

    #[test]
    fn every_action_with_a_key_is_in_a_menu_or_the_palette() {
        let places = std::iter::once(None).chain(Screen::ALL.map(Some));
        let reachable: Vec<Action> = places.flat_map(|p| matches("", p)).collect();
        for action in Action::all() {
            if action.shortcuts().is_empty() || action == Action::CommandPalette {
                continue;
            }
            assert!(
                reachable.contains(&action),
                "{action:?} has keys but no palette entry"
            );
        }
    }
}
