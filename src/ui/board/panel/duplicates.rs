//! Near-duplicate notes found with the suggestions, each set offered for stacking into one
//! pile so the room sees one idea.

use crate::ui::frame::FrameCx;
use egui::RichText;

use super::notes_count;
use super::suggestions::Suggestions;
use crate::model::{CanvasPos, Edit, NoteId};

/// How far each stacked note sits from the one below it, in canvas units.
const STACK_STEP: f32 = 14.0;

/// Near-duplicate notes, each set with an offer to stack them.
pub fn duplicates_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, s: &mut Suggestions) {
    let session = cx.session;
    if s.duplicates.is_empty() {
        return;
    }
    ui.add_space(crate::ui::style::gap::NORMAL);
    ui.label(RichText::new("Near-duplicates").strong());
    let mut stacked = None;
    for (i, set) in s.duplicates.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let title = set
                .first()
                .and_then(|id| session.note(*id))
                .map(|n| n.title(32))
                .unwrap_or_default();
            ui.label(format!("\"{title}\" ×{}", set.len()));
            let button = ui.button("Stack them");
            super::name_button(&button, format!("Stack near-duplicates {}", i + 1));
            if button
                .on_hover_text("Move them on top of each other")
                .clicked()
            {
                stacked = Some(i);
            }
        });
    }
    if let Some(i) = stacked {
        let set = s.duplicates.remove(i);
        let Some(base) = set.first().and_then(|id| session.note(*id)).map(|n| n.pos) else {
            return;
        };
        cx.out.edits.push(stack(&set, base));
        cx.notice(format!(
            "Stacked {}. Ctrl+Z spreads them out again.",
            notes_count(set.len())
        ));
    }
}

/// The edit that stacks notes on top of each other, each a little below and right of the last.
pub fn stack(notes: &[NoteId], base: CanvasPos) -> Edit {
    Edit::MoveNotes(
        notes
            .iter()
            .enumerate()
            .map(|(i, id)| {
                (
                    *id,
                    base.offset(i as f32 * STACK_STEP, i as f32 * STACK_STEP),
                )
            })
            .collect(),
    )
}
