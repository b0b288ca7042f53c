//! One suggestion's card in the suggestions section: what it offers, its notes and why they
//! belong together, Accept and Reject.

use egui::RichText;

use super::{NOTES_SHOWN, SuggestionCard};
use crate::ui::board::panel::{self, notes_count};
use crate::ui::frame::FrameCx;
use crate::ui::style;
use crate::ui::widgets::primary_button;

/// What the user did to a card this frame.
pub(super) enum CardAction {
    /// Accept the card at this index.
    Accept(usize),
    /// Reject the card at this index.
    Reject(usize),
}

/// One suggestion's card: a new group (its name editable) or notes for an existing theme; its
/// notes, why they belong together, Accept and Reject. `i` is its index in the cards, `number`
/// its place among those shown.
pub(super) fn suggestion_card_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    card: &mut SuggestionCard,
    i: usize,
    number: usize,
) -> Option<CardAction> {
    let session = cx.session;
    let palette = cx.palette;
    let mut action = None;
    panel::card_frame(palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let count = notes_count(card.notes.len());
        if let Some(theme) = card.into.and_then(|t| session.theme(t)) {
            let verb = if card.notes.len() == 1 {
                "probably belongs"
            } else {
                "probably belong"
            };
            ui.add(
                egui::Label::new(
                    RichText::new(format!("{count} {verb} to {}", theme.name))
                        .font(style::strong_font(style::text::LEAD)),
                )
                .wrap(),
            );
        } else {
            let label = format!("Name of suggestion {}", number + 1);
            let name = ui.add(
                egui::TextEdit::singleline(&mut card.name)
                    .desired_width(f32::INFINITY)
                    .font(style::strong_font(style::text::LEAD)),
            );
            name.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label));
            ui.label(RichText::new(count).color(palette.text_muted));
        }
        for title in &card.titles {
            ui.label(format!("• {title}"));
        }
        if card.notes.len() > NOTES_SHOWN {
            ui.label(
                RichText::new(format!("and {} more", card.notes.len() - NOTES_SHOWN))
                    .color(palette.text_muted),
            );
        }
        if !card.why.is_empty() {
            ui.label(
                RichText::new(format!("Why: {}", card.why))
                    .italics()
                    .color(palette.text_muted),
            );
        }
        ui.horizontal(|ui| {
            let accept = primary_button(ui, "Accept", palette);
            panel::name_button(&accept, format!("Accept suggestion {}", i + 1));
            if accept.clicked() {
                action = Some(CardAction::Accept(i));
            }
            let reject = ui.button("Reject");
            panel::name_button(&reject, format!("Reject suggestion {}", i + 1));
            if reject.clicked() {
                action = Some(CardAction::Reject(i));
            }
        });
    });
    action
}
