//! Tally the room: the facilitator records dots counted from paper dots or raised hands.

use egui::RichText;

use super::{VotingState, open_round_actions_ui, place_dots_ui};
use crate::model::{Edit, Session, VoteRound, Voter};
use crate::ui::style::Palette;

/// Draws the options with + and − for the room's dots; totals live, or hidden while secret.
pub fn room_ui(
    ui: &mut egui::Ui,
    session: &Session,
    round: &VoteRound,
    state: &mut VotingState,
    palette: &Palette,
    edits: &mut Vec<Edit>,
) {
    let voter = Voter::Room;
    let show = !round.settings.secret || state.show_totals;
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!(
                "{} of {} dots entered for {} people",
                round.used(session, voter),
                round.budget(voter),
                round.settings.voters()
            ))
            .size(20.0)
            .strong(),
        );
        if round.settings.secret {
            ui.add_space(16.0);
            ui.checkbox(&mut state.show_totals, "Show totals on screen");
        }
    });
    ui.label(
        RichText::new("Click + or press an option's number for each dot counted; − or Shift+number takes one back.")
            .size(16.0)
            .color(palette.text_muted),
    );
    ui.add_space(8.0);
    place_dots_ui(
        ui,
        session,
        round,
        voter,
        "dots counted",
        show,
        state,
        palette,
        edits,
    );
    open_round_actions_ui(ui, round, state, session, palette, edits);
}
