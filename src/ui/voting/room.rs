//! Tally the room: the facilitator records dots counted from paper dots or raised hands; the
//! counts show as they are entered unless the facilitator hides them.

use egui::RichText;

use super::{VotingState, open_round_actions_ui, place_dots_ui};
use crate::model::{VoteRound, Voter};
use crate::ui::frame::FrameCx;

/// Draws the options with + and − for the room's dots; totals live, or hidden while secret.
pub fn room_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    round: &VoteRound,
    state: &mut VotingState,
) {
    let (session, palette) = (cx.session, cx.palette);
    let voter = Voter::Room;
    let settings = &round.settings;
    // A show of hands is not secret: the counts show as they are entered, unless hidden.
    let show = !state.hide_tally;
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!(
                "{} of {} entered for {} people",
                round.used(session, voter),
                settings.count_words(round.budget(voter)),
                settings.voters()
            ))
            .size(crate::ui::style::text::SUBHEADING)
            .strong(),
        );
        ui.add_space(crate::ui::style::gap::WIDE);
        ui.checkbox(&mut state.hide_tally, "Hide the counts on screen");
    });
    let unit = if settings.is_show_of_hands() {
        "hand"
    } else {
        "dot"
    };
    ui.label(
        RichText::new(format!(
            "Click + or press an option's number for each {unit} counted; − or Shift+number \
             takes one back. ↑/↓ reach any option, then + or −."
        ))
        .size(crate::ui::style::text::SMALL)
        .color(palette.text_muted),
    );
    ui.add_space(crate::ui::style::gap::NORMAL);
    let whose = if settings.is_show_of_hands() {
        "hands counted"
    } else {
        "dots counted"
    };
    place_dots_ui(ui, cx, round, voter, whose, show, state);
    open_round_actions_ui(ui, cx, round, state);
}
