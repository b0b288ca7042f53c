//! Scribe: the facilitator enters each named participant's dots from the keyboard while people
//! call them out: choose the person (↑/↓, Enter for the next), then press option numbers; or
//! type "name option count" in the quick-entry line.

use egui::{Key, RichText};

use super::option_row::{OptionRow, RowClick, option_rows_ui};
use super::{VotingState, digit_keys, open_round_actions_ui, pressed};
use crate::model::{ParticipantId, VoteRound, Voter};
use crate::ui::frame::FrameCx;

/// One quick-entry line, understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScribeEntry {
    /// Whose dots.
    pub participant: ParticipantId,
    /// Which option, counted from 0.
    pub option: usize,
    /// How many dots they have there now; `None` adds one.
    pub count: Option<u32>,
}

/// Reads a quick-entry line: a name (or the start of one), an option number and an optional
/// count, e.g. "Ana 3 2" or "ben, 1". Returns a sentence saying what is wrong otherwise.
pub fn parse_scribe_entry(
    line: &str,
    people: &[(ParticipantId, String)],
    options: usize,
) -> Result<ScribeEntry, String> {
    let usage = "Type a name, an option number and a count, e.g. \"Ana 3 2\".";
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',' || c == ':')
        .filter(|w| !w.is_empty())
        .collect();
    let numbers = words
        .iter()
        .rev()
        .take_while(|w| w.parse::<u32>().is_ok())
        .count()
        .min(2);
    if numbers == 0 || numbers == words.len() {
        return Err(usage.to_owned());
    }
    let name = words[..words.len() - numbers].join(" ").to_lowercase();
    let nums: Vec<u32> = words[words.len() - numbers..]
        .iter()
        .filter_map(|w| w.parse().ok())
        .collect();
    let (option, count) = match nums[..] {
        [o] => (o, None),
        [o, c] => (o, Some(c)),
        _ => return Err(usage.to_owned()),
    };
    let exact: Vec<_> = people
        .iter()
        .filter(|(_, n)| n.to_lowercase() == name)
        .collect();
    let matches: Vec<_> = if exact.is_empty() {
        people
            .iter()
            .filter(|(_, n)| n.to_lowercase().starts_with(&name))
            .collect()
    } else {
        exact
    };
    let participant = match matches[..] {
        [] => return Err(format!("No one in this vote is called \"{name}\".")),
        [(id, _)] => *id,
        _ => {
            let names: Vec<&str> = matches.iter().map(|(_, n)| n.as_str()).collect();
            return Err(format!(
                "\"{name}\" could be {}: type more of the name.",
                names.join(" or ")
            ));
        }
    };
    let Some(index) = (option as usize).checked_sub(1).filter(|i| *i < options) else {
        return Err(format!(
            "There is no option {option}: the options are numbered 1 to {options}."
        ));
    };
    Ok(ScribeEntry {
        participant,
        option: index,
        count,
    })
}

/// Draws the scribe's screen.
pub fn scribe_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    round: &VoteRound,
    state: &mut VotingState,
) {
    let (session, palette) = (cx.session, cx.palette);
    let people: Vec<(ParticipantId, String)> = round
        .settings
        .participants
        .iter()
        .filter_map(|id| session.participant(*id))
        .map(|p| (p.id, p.name.clone()))
        .collect();
    let lookup = crate::model::vote::OptionLookup::new(session);
    let options = lookup.existing(&round.settings.options);
    if state
        .scribe_voter
        .is_none_or(|v| !people.iter().any(|(id, _)| *id == v))
    {
        state.scribe_voter = people.first().map(|(id, _)| *id);
    }
    let Some(current) = state.scribe_voter else {
        return;
    };
    let at = people
        .iter()
        .position(|(id, _)| *id == current)
        .unwrap_or(0);
    // Keys first, so Enter in the quick-entry line is not also "next person".
    if pressed(ui, Key::ArrowDown) || pressed(ui, Key::Enter) {
        state.scribe_voter = people.get((at + 1) % people.len()).map(|(id, _)| *id);
    } else if pressed(ui, Key::ArrowUp) {
        let previous = (at + people.len() - 1) % people.len();
        state.scribe_voter = people.get(previous).map(|(id, _)| *id);
    }
    let mut change = None;
    for (i, take_back) in digit_keys(ui) {
        if let Some(option) = options.get(i) {
            change = Some((current, *option, if take_back { -1 } else { 1 }));
        }
    }

    quick_entry_ui(ui, cx, round, &people, &options, state);
    ui.add_space(crate::ui::style::gap::NORMAL);
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| voters_ui(ui, cx, round, &people, current, state));
        ui.vertical(|ui| {
            let name = people
                .iter()
                .find(|(id, _)| *id == current)
                .map_or("", |(_, n)| n.as_str());
            ui.label(
                RichText::new(format!("{name}'s dots"))
                    .size(crate::ui::style::text::HEADING)
                    .strong()
                    .color(palette.accent),
            );
            let voter = Voter::Person(current);
            let label = format!("of {name}'s dots");
            let clicked = option_rows_ui(ui, options.len(), &label, palette, |i| OptionRow {
                name: lookup.name(options[i]),
                dots: Some(round.dots(voter, options[i])),
                places: round.limit(voter),
                ..OptionRow::default()
            });
            if let Some((i, RowClick::Dot(delta))) = clicked {
                change = Some((current, options[i], delta));
            }
        });
    });
    if !round.settings.secret {
        super::results::live_totals_ui(ui, cx, round);
    }
    if let Some((person, option, delta)) = change {
        state.push(
            round.place_dot(session, Voter::Person(person), option, delta),
            &mut cx.out.edits,
        );
    }
    open_round_actions_ui(ui, cx, round, state);
}

/// The voters, each with the dots used of their budget; a click picks whose dots are entered.
fn voters_ui(
    ui: &mut egui::Ui,
    cx: &FrameCx<'_>,
    round: &VoteRound,
    people: &[(ParticipantId, String)],
    current: ParticipantId,
    state: &mut VotingState,
) {
    let (session, palette) = (cx.session, cx.palette);
    ui.set_width(260.0);
    ui.label(RichText::new("Voter (↑/↓, Enter: next)").color(palette.text_muted));
    for (id, name) in people {
        let voter = Voter::Person(*id);
        let text = format!(
            "{name}   {}/{}",
            round.used(session, voter),
            round.budget(voter)
        );
        let selected = *id == current;
        let text = RichText::new(text).size(crate::ui::style::text::SUBHEADING);
        if ui
            .add_sized(
                egui::vec2(250.0, 40.0),
                egui::Button::selectable(selected, text),
            )
            .clicked()
        {
            state.scribe_voter = Some(*id);
        }
    }
}

/// The quick-entry line: "name option count", Enter to record.
fn quick_entry_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    round: &VoteRound,
    people: &[(ParticipantId, String)],
    options: &[crate::model::VoteOption],
    state: &mut VotingState,
) {
    let session = cx.session;
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new("Quick entry").size(crate::ui::style::text::BODY));
        let response = ui.add(
            egui::TextEdit::singleline(&mut state.scribe_line)
                .hint_text("name, option, count: e.g. Ana 3 2")
                .desired_width(360.0),
        );
        let response = response.labelled_by(label.id);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if !entered {
            return;
        }
        match parse_scribe_entry(&state.scribe_line, people, options.len()) {
            Ok(entry) => {
                let voter = Voter::Person(entry.participant);
                let option = options[entry.option];
                let result = match entry.count {
                    Some(count) => round.set_dots(session, voter, option, count),
                    None => round.place_dot(session, voter, option, 1),
                };
                let ok = result.is_ok();
                state.push(result, &mut cx.out.edits);
                if ok {
                    state.scribe_line.clear();
                    state.scribe_voter = Some(entry.participant);
                }
            }
            Err(message) => state.error(message),
        }
        response.request_focus();
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people() -> Vec<(ParticipantId, String)> {
        ["Ana", "Anabel", "Ben Okoro"]
            .iter()
            .enumerate()
            .map(|(i, n)| (ParticipantId(i as u64 + 1), (*n).to_owned()))
            .collect()
    }

    #[test]
    fn a_line_names_the_person_the_option_and_the_count() {
        let entry = parse_scribe_entry("Ana 3 2", &people(), 8).unwrap();
        assert_eq!(
            entry,
            ScribeEntry {
                participant: ParticipantId(1),
                option: 2,
                count: Some(2)
            }
        );
        let entry = parse_scribe_entry("ben okoro, 1", &people(), 8).unwrap();
        assert_eq!(
            (entry.participant, entry.option, entry.count),
            (ParticipantId(3), 0, None)
        );
        assert_eq!(
            parse_scribe_entry("anab 8 0", &people(), 8)
                .unwrap()
                .participant,
            ParticipantId(2),
            "the start of a name is enough when it is unique"
        );
    }

    #[test]
    fn a_bad_line_says_what_is_wrong() {
        let p = people();
        assert!(
            parse_scribe_entry("", &p, 8)
                .unwrap_err()
                .starts_with("Type a name")
        );
        assert!(
            parse_scribe_entry("Ana", &p, 8)
                .unwrap_err()
                .starts_with("Type a name")
        );
        assert!(
            parse_scribe_entry("3 2", &p, 8)
                .unwrap_err()
                .starts_with("Type a name")
        );
        assert_eq!(
            parse_scribe_entry("Zoe 1 1", &p, 8).unwrap_err(),
            "No one in this vote is called \"zoe\"."
        );
        assert_eq!(
            parse_scribe_entry("An 1", &p, 8).unwrap_err(),
            "\"an\" could be Ana or Anabel: type more of the name."
        );
        assert_eq!(
            parse_scribe_entry("Ana 9 1", &p, 8).unwrap_err(),
            "There is no option 9: the options are numbered 1 to 8."
        );
    }
}
