//! Short messages in the corner: information fades, errors stay until dismissed.

use std::time::Duration;

use egui::{Align2, Id, RichText};

use crate::ui::command::Command;
use crate::ui::style::{NOTICE_DETAILS_MAX_HEIGHT, NOTICE_WIDTH, Palette};

/// How long an information message stays.
const INFO_SECS: f64 = 5.0;
/// How long a message with a button (e.g. "Show in folder") stays.
const ACTION_SECS: f64 = 15.0;

/// One message.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// The text.
    pub text: String,
    /// Errors stay until dismissed and are drawn in the danger colour.
    pub is_error: bool,
    /// When it was shown (egui time, seconds), set on first display.
    shown_at: Option<f64>,
    /// A button beside the text and what it runs, e.g. "Show in folder".
    pub action: Option<(String, Command)>,
}

impl Notice {
    fn lifetime_secs(&self) -> f64 {
        if self.action.is_some() {
            ACTION_SECS
        } else {
            INFO_SECS
        }
    }
}

/// The messages showing now.
#[derive(Debug, Default)]
pub struct Notices {
    list: Vec<Notice>,
}

impl Notices {
    /// Shows an information message.
    pub fn info(&mut self, text: impl Into<String>) {
        self.push(text.into(), false);
    }

    /// Shows an error message that stays until dismissed.
    pub fn error(&mut self, text: impl Into<String>) {
        self.push(text.into(), true);
    }

    /// Removes the error messages that start with `prefix` (say, failed saves once a save
    /// has worked).
    pub fn clear_errors_starting_with(&mut self, prefix: &str) {
        self.list
            .retain(|n| !(n.is_error && n.text.starts_with(prefix)));
    }

    /// Shows an information message with a button that runs `command`.
    pub fn info_with(&mut self, text: impl Into<String>, button: &str, command: Command) {
        self.push(text.into(), false);
        if let Some(last) = self.list.last_mut() {
            last.action = Some((button.to_owned(), command));
        }
    }

    fn push(&mut self, text: String, is_error: bool) {
        self.list.retain(|n| n.text != text);
        self.list.push(Notice {
            text,
            is_error,
            shown_at: None,
            action: None,
        });
        if self.list.len() > 4 {
            self.list.remove(0);
        }
    }

    /// The messages showing now, oldest first.
    pub fn all(&self) -> &[Notice] {
        &self.list
    }

    /// Draws the messages in the bottom-right corner, `right` points from the right edge (room
    /// for the themes panel) and `clearance` points above the bottom of the window (room for the
    /// capture box): clear of the timer and the agenda at the top.
    /// Asks for one repaint when the next information message should fade, and none
    /// otherwise. Returns the command of a button clicked.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        palette: &Palette,
        right: f32,
        clearance: f32,
    ) -> Option<Command> {
        let now = ctx.input(|i| i.time);
        for n in &mut self.list {
            n.shown_at.get_or_insert(now);
        }
        self.list
            .retain(|n| n.is_error || n.shown_at.is_some_and(|t| now - t < n.lifetime_secs()));
        if self.list.is_empty() {
            return None;
        }
        if let Some(next) = self
            .list
            .iter()
            .filter(|n| !n.is_error)
            .filter_map(|n| n.shown_at.map(|t| n.lifetime_secs() - (now - t)))
            .reduce(f64::min)
        {
            ctx.request_repaint_after(Duration::from_secs_f64(next.max(0.05)));
        }
        let mut dismiss = None;
        let mut clicked = None;
        egui::Area::new(Id::unique("goldthread.notices"))
            .order(egui::Order::Tooltip)
            .anchor(Align2::RIGHT_BOTTOM, egui::vec2(-right, -clearance))
            .interactable(true)
            .show(ctx, |ui| {
                for (i, n) in self.list.iter().enumerate() {
                    let (fill, text) = if n.is_error {
                        (palette.danger_fill, palette.danger)
                    } else {
                        (palette.surface, palette.text)
                    };
                    egui::Frame::popup(ui.style())
                        .fill(fill)
                        .stroke(egui::Stroke::new(
                            1.5,
                            if n.is_error {
                                palette.danger
                            } else {
                                palette.border
                            },
                        ))
                        .inner_margin(12)
                        .show(ui, |ui| {
                            ui.set_max_width(NOTICE_WIDTH);
                            // The first line beside the buttons; the rest (say, a long list of
                            // repairs) scrolls, so Dismiss is always on screen.
                            let (head, rest) = n.text.split_once('\n').unwrap_or((&n.text, ""));
                            ui.horizontal(|ui| {
                                ui.add(egui::Label::new(RichText::new(head).color(text)).wrap());
                                if let Some((label, command)) = &n.action
                                    && ui.button(label.as_str()).clicked()
                                {
                                    clicked = Some(command.clone());
                                    dismiss = Some(i);
                                }
                                if n.is_error && ui.small_button("Dismiss").clicked() {
                                    dismiss = Some(i);
                                }
                            });
                            if !rest.is_empty() {
                                egui::ScrollArea::vertical()
                                    .id_salt(("notice-details", i))
                                    .max_height(NOTICE_DETAILS_MAX_HEIGHT)
                                    .show(ui, |ui| {
                                        ui.add(
                                            egui::Label::new(RichText::new(rest).color(text))
                                                .wrap(),
                                        );
                                    });
                            }
                        });
                    ui.add_space(crate::ui::style::gap::SMALL);
                }
            });
        if let Some(i) = dismiss {
            self.list.remove(i);
        }
        clicked
    }
}
