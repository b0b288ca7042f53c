//! Which vote sets the theme priorities: shown under the results, and chosen there. The theme
//! ranking on the Actions tab, the golden thread, the dots on the Board and the report all follow
//! it, so a later show of hands or a poll on notes never replaces the main vote by accident.

use egui::RichText;

use crate::model::{Edit, VoteEdit, VoteRound};
use crate::ui::frame::FrameCx;
use crate::ui::style;

/// The vote that counts for the priorities, with a choice among the votes on themes whose
/// results are showing. Changing it is one undo step.
pub fn priorities_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, round: &VoteRound) {
    let (session, palette) = (cx.session, cx.palette);
    let voting = &session.voting;
    let candidates = voting.counting_candidates();
    let counting = voting.counting_round().map(|r| r.id);
    ui.add_space(style::gap::ROOMY);
    if !round.settings.is_on_themes() {
        ui.label(
            RichText::new("A vote on notes does not change the theme priorities.")
                .size(style::text::BODY)
                .color(palette.text_muted),
        );
    }
    if candidates.is_empty() {
        return;
    }
    egui::Frame::NONE
        .fill(palette.surface)
        .stroke(egui::Stroke::new(1.0, palette.border))
        .corner_radius(style::ROUNDING)
        .inner_margin(egui::Margin::symmetric(16, 12))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            choice_ui(ui, cx, counting);
        });
}

/// The heading, what the choice changes, and a radio button per vote that can count.
fn choice_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, counting: Option<crate::model::RoundId>) {
    let (session, palette) = (cx.session, cx.palette);
    let voting = &session.voting;
    ui.label(
        RichText::new("The vote that sets the theme priorities")
            .size(style::text::SUBHEADING)
            .strong(),
    );
    ui.label(
        RichText::new(
            "Actions, the golden thread, the dots on the Board and the report rank the themes \
             by this vote and its runoffs.",
        )
        .size(style::text::SMALL)
        .color(palette.text_muted),
    );
    for candidate in voting.counting_candidates() {
        let number = voting
            .rounds
            .iter()
            .position(|r| r.id == candidate.id)
            .map_or(1, |i| i + 1);
        let text = format!("Vote {number} · {}", voting.describe(candidate.id));
        let chosen = counting == Some(candidate.id);
        let response = ui.radio(chosen, RichText::new(text).size(style::text::BODY));
        if response.clicked() && !chosen {
            cx.out
                .edits
                .push(Edit::Vote(VoteEdit::SetCounting(Some(candidate.id))));
        }
    }
}
