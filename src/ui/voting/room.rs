//! Tally the room: the facilitator records dots counted from paper dots or raised hands.

use egui::RichText;

use super::option_row::{OptionRow, option_rows_ui};
use super::{VotingState, digit_keys, open_round_actions_ui};
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
    let lookup = crate::model::vote::OptionLookup::new(session);
    let options = lookup.existing(&round.settings.options);
    let mut change = None;
    let clicked = option_rows_ui(ui, options.len(), "dots counted", palette, |i| OptionRow {
        name: lookup.name(options[i]),
        dots: show.then(|| round.dots(voter, options[i])),
        places: round.limit(voter),
    });
    if let Some((i, delta)) = clicked {
        change = Some((options[i], delta));
    }
    for (i, take_back) in digit_keys(ui) {
        if let Some(option) = options.get(i) {
            change = Some((*option, if take_back { -1 } else { 1 }));
        }
    }
    if let Some((option, delta)) = change {
        state.push(round.place_dot(session, voter, option, delta), edits);
    }
    open_round_actions_ui(ui, round, state, session, palette, edits);
}
