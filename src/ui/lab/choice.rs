//! A combo box that works from the keyboard: with the box focused, ↑ / ↓ change the choice at
//! once (as a native select does); Enter or Space opens the list, where ↑ / ↓ move the
//! highlight and Enter takes it. The list is tall enough to show every entry.

use egui::{Key, Modifiers};

use crate::ui::style::{self, Palette};

/// A keyboard-friendly combo box of `entries`, showing `selected` (or `none_text` when nothing
/// is chosen). `label` is its accessible name. Returns the entry chosen this frame, if any.
pub fn choice_ui(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt + Copy,
    label: &str,
    entries: &[String],
    selected: Option<usize>,
    width: f32,
    palette: &Palette,
) -> Option<usize> {
    if entries.is_empty() {
        return None;
    }
    // The combo box's own id: its salt goes through `IdSalt` first.
    let button_id = ui.make_persistent_id(egui::IdSalt::new(id_salt));
    let popup_id = button_id.with("popup");
    let highlight_id = button_id.with("highlight");
    let focused = ui.memory(|m| m.has_focus(button_id));
    let open = egui::Popup::is_id_open(ui.ctx(), popup_id);
    let last = entries.len() - 1;
    let highlight = ui
        .data(|d| d.get_temp::<usize>(highlight_id))
        .or(selected)
        .unwrap_or(0)
        .min(last);
    let keys = if focused {
        keys(ui, button_id, popup_id, open, selected, last, highlight)
    } else {
        Keys {
            chosen: None,
            highlight,
            moved: false,
        }
    };
    let (mut chosen, highlight, moved) = (keys.chosen, keys.highlight, keys.moved);
    ui.data_mut(|d| d.insert_temp(highlight_id, highlight));
    let shown = selected
        .and_then(|i| entries.get(i))
        .cloned()
        .unwrap_or_default();
    let combo = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(shown.as_str())
        .width(width)
        .wrap_mode(egui::TextWrapMode::Truncate)
        .height(style::COMBO_LIST_HEIGHT)
        .show_ui(ui, |ui| {
            for (i, entry) in entries.iter().enumerate() {
                let response = ui.selectable_label(selected == Some(i), entry.as_str());
                if open && focused && i == highlight {
                    ui.painter().rect_stroke(
                        response.rect,
                        4.0,
                        egui::Stroke::new(2.0, palette.selection),
                        egui::StrokeKind::Inside,
                    );
                    if moved {
                        response.scroll_to_me(None);
                    }
                }
                if response.clicked() {
                    chosen = Some(i);
                }
            }
        });
    combo
        .response
        .on_hover_text("↑ / ↓ change it; Enter opens the list")
        .widget_info(|| {
            let mut info = egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label);
            info.current_text_value = Some(shown.clone());
            info
        });
    chosen.filter(|i| Some(*i) != selected)
}

/// What the arrow keys and Enter did to a focused choice this frame.
struct Keys {
    /// An entry chosen: the next one (list closed) or the highlighted one (Enter in the list).
    chosen: Option<usize>,
    /// The entry highlighted in the list.
    highlight: usize,
    /// ↑ or ↓ was pressed (the list scrolls to the highlight).
    moved: bool,
}

/// With the box focused: ↑ / ↓ change the choice (list closed) or move the highlight (list
/// open), and Enter takes the highlight. ↑ / ↓ stay with the box rather than moving focus.
fn keys(
    ui: &mut egui::Ui,
    button_id: egui::Id,
    popup_id: egui::Id,
    open: bool,
    selected: Option<usize>,
    last: usize,
    highlight: usize,
) -> Keys {
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            button_id,
            egui::EventFilter {
                vertical_arrows: true,
                ..Default::default()
            },
        );
    });
    let (down, up) = ui.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::ArrowDown),
            i.consume_key(Modifiers::NONE, Key::ArrowUp),
        )
    });
    let step = |i: usize| {
        if down {
            (i + 1).min(last)
        } else if up {
            i.saturating_sub(1)
        } else {
            i
        }
    };
    let moved = down || up;
    if open {
        let highlight = step(highlight);
        let mut chosen = None;
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter)) {
            chosen = Some(highlight);
            egui::Popup::close_id(ui.ctx(), popup_id);
        }
        return Keys {
            chosen,
            highlight,
            moved,
        };
    }
    if moved {
        let next = selected.map_or(0, step);
        return Keys {
            chosen: (Some(next) != selected).then_some(next),
            highlight: next,
            moved,
        };
    }
    Keys {
        chosen: None,
        highlight: selected.unwrap_or(0),
        moved,
    }
}
