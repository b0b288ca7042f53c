//! Checks the votes of a loaded session: nothing is thrown away, every oddity is reported.

use std::collections::HashSet;

use super::{RoundId, VoteRound};
use crate::model::Session;

/// Repairs the votes of a loaded session and returns a sentence for each thing found: round
/// ids made unique, budgets and limits brought back into range. Ballots naming people or
/// options no longer in the session are not damage: the app keeps them when a participant or a
/// voted-on theme is deleted (so undo restores them, and a closed result stays locked), so they
/// load as they are, without a warning.
pub fn repair(session: &mut Session) -> Vec<String> {
    let mut warnings = Vec::new();
    let voting = &mut session.voting;
    if let Some(max_id) = voting.rounds.iter().map(|r| r.id.0).max() {
        voting.next_round_id = voting.next_round_id.max(max_id.saturating_add(1));
    }
    let mut seen = HashSet::new();
    for (n, round) in voting.rounds.iter_mut().enumerate() {
        if !seen.insert(round.id) {
            let fresh = RoundId(voting.next_round_id);
            voting.next_round_id = voting.next_round_id.saturating_add(1);
            warnings.push(format!(
                "Two votes shared id {}; the second was given id {}.",
                round.id.0, fresh.0
            ));
            round.id = fresh;
        }
        fix_settings(n + 1, round, &mut warnings);
    }
    warnings
}

fn fix_settings(n: usize, round: &mut VoteRound, warnings: &mut Vec<String>) {
    let s = &mut round.settings;
    if s.dots_per_person == 0 {
        s.dots_per_person = 1;
        warnings.push(format!("Vote {} had a budget of 0 dots; it is now 1.", n));
    }
    if s.max_per_option == 0 || s.max_per_option > s.dots_per_person {
        let fixed = s.max_per_option.clamp(1, s.dots_per_person);
        warnings.push(format!(
            "Vote {} allowed {} dots per option with a budget of {}; it now allows {fixed}.",
            n, s.max_per_option, s.dots_per_person
        ));
        s.max_per_option = fixed;
    }
    let before = s.options.len();
    let mut seen = HashSet::new();
    s.options.retain(|o| seen.insert(*o));
    let mut seen = HashSet::new();
    s.participants.retain(|p| seen.insert(*p));
    if s.options.len() != before {
        warnings.push(format!(
            "Vote {} listed an option twice; it is listed once now.",
            n
        ));
    }
    round.ballots.sort_by_key(|b| b.participant);
    let before = round.ballots.len();
    // Two ballots for one person are merged, so no dot is lost.
    round.ballots.dedup_by(|later, kept| {
        if later.participant != kept.participant {
            return false;
        }
        for (option, dots) in std::mem::take(&mut later.dots) {
            *kept.dots.entry(option).or_default() += dots;
        }
        kept.done |= later.done;
        true
    });
    if round.ballots.len() != before {
        warnings.push(format!(
            "Vote {n} had two ballots for one person; they were merged."
        ));
    }
}
