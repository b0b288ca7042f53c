//! The report's account of the votes: the vote that set the priorities (its question, method,
//! voters, rounds, and any tie and runoff), and the other votes held, which never change the
//! ranking.

use std::fmt::Write as _;

use super::one_line;
use crate::model::vote::{OptionLookup, Priorities, RoundState, VoteMode, VoteRound};
use crate::model::{RoundSettings, Session};

/// How many results of another vote the report lists.
const OTHER_VOTE_RESULTS: usize = 5;

/// A count in the report's words: "7 votes" for a dot vote, "7 hands" for a show of hands.
pub(super) fn count_words(settings: &RoundSettings, n: u32) -> String {
    if settings.is_show_of_hands() {
        settings.count_words(n)
    } else {
        format!("{n} {}", if n == 1 { "vote" } else { "votes" })
    }
}

/// The paragraph above the ranking: which vote it is, and how it was held.
pub(super) fn the_vote(md: &mut String, session: &Session, priorities: &Priorities) {
    let Some(round) = session.voting.round(priorities.round) else {
        return;
    };
    let s = &round.settings;
    let _ = writeln!(
        md,
        "Ranked by the vote that set the priorities. {}.\n",
        priorities.description
    );
    let question = s.question.trim();
    let question = if question.is_empty() {
        "none was written down".to_owned()
    } else {
        one_line(question)
    };
    let _ = writeln!(md, "- Question: {question}");
    let _ = writeln!(md, "- Method: {}", method(s));
    let _ = writeln!(md, "- Voters: {}", voters(round));
    let _ = writeln!(md, "- Rounds: {}\n", rounds(session, round, priorities));
}

/// "dot vote, each person in turn on the laptop, secret until the reveal and anonymous; 3
/// dots each, at most 1 on one theme".
fn method(s: &RoundSettings) -> String {
    let how = match s.mode {
        VoteMode::PassTheLaptop => "each person in turn on the laptop",
        VoteMode::Tally => "counted in the room by the facilitator",
        VoteMode::Scribe => "entered by the facilitator as people called them out",
    };
    let secrecy = match (s.secret, s.anonymous) {
        (true, true) => "secret until the reveal and anonymous",
        (true, false) => "secret until the reveal, names shown",
        (false, true) => "open and anonymous",
        (false, false) => "open, names shown",
    };
    let each = if s.is_show_of_hands() {
        format!("up to {} each", count_words(s, s.dots_per_person))
    } else {
        format!(
            "{} each, at most {} on one theme",
            s.count_words(s.dots_per_person),
            s.max_per_option
        )
    };
    format!(
        "{}, {how}, {secrecy}; {each}.",
        s.method_name().to_lowercase()
    )
}

/// "7 of 8 people voted." or "8 people in the room."
fn voters(round: &VoteRound) -> String {
    let s = &round.settings;
    if s.mode == VoteMode::Tally {
        return format!("{} people in the room.", s.voters());
    }
    let voted = s
        .participants
        .iter()
        .filter(|p| round.ballot(**p).is_some_and(|b| !b.dots.is_empty()))
        .count();
    format!("{voted} of {} people voted.", s.participants.len())
}

/// How many rounds, the tie for first place if there was one, and what each runoff decided.
fn rounds(session: &Session, round: &VoteRound, priorities: &Priorities) -> String {
    let lookup = OptionLookup::new(session);
    let name = |r: &VoteRound, o| one_line(&r.option_name(&lookup, o));
    let chain = session.voting.runoff_chain(round.id);
    let tally = round.tally(session);
    let tie = tally.tied_for_first();
    let mut text = format!("{}.", chain.len() + 1);
    if let Some(first) = tie.first() {
        let names: Vec<String> = tie.iter().map(|o| name(round, *o)).collect();
        let _ = write!(
            text,
            " First place was a tie between {} ({} each)",
            and_list(&names),
            count_words(&round.settings, round.dots_on(*first))
        );
        text.push_str(if chain.is_empty() {
            "; no runoff was held."
        } else {
            "."
        });
    }
    for runoff in &chain {
        if !priorities.runoffs.contains(&runoff.id) {
            text.push_str(" A runoff is still under way; its results are not in this report.");
            break;
        }
        let results: Vec<String> = runoff
            .tally(session)
            .rows
            .iter()
            .map(|r| format!("{} {}", name(runoff, r.option), r.dots))
            .collect();
        let before = runoff.runoff_of.and_then(|id| session.voting.round(id));
        let on_tie = before.is_some_and(|b| {
            b.tally(session).tied_for_first().len() == runoff.settings.options.len()
        });
        let on = if on_tie {
            "on the tie".to_owned()
        } else {
            format!("on the top {}", runoff.settings.options.len())
        };
        let _ = write!(
            text,
            " A runoff {on}, with {} each: {}.",
            runoff.settings.count_words(runoff.settings.dots_per_person),
            results.join(", ")
        );
    }
    text
}

/// "A", "A and B", "A, B and C".
fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The other votes held (revealed or closed, not runoffs, not the one that set the priorities),
/// each named and with its leading results, so the reader sees they did not change the ranking.
pub(super) fn other_votes(md: &mut String, session: &Session) {
    let voting = &session.voting;
    let counting = voting.counting_round().map(|r| r.id);
    let others: Vec<&VoteRound> = voting
        .rounds
        .iter()
        .filter(|r| r.runoff_of.is_none() && r.state != RoundState::Open)
        .filter(|r| Some(r.id) != counting)
        .collect();
    if others.is_empty() {
        return;
    }
    let _ = writeln!(md, "## Other votes\n");
    let _ = writeln!(
        md,
        "These votes were held too. They do not change the ranking of the themes above.\n"
    );
    let lookup = OptionLookup::new(session);
    for round in others {
        let tally = round.tally(session);
        let shown: Vec<String> = tally
            .rows
            .iter()
            .filter(|r| r.dots > 0)
            .take(OTHER_VOTE_RESULTS)
            .map(|r| {
                let name = one_line(&round.option_name(&lookup, r.option));
                format!("{name} ({})", count_words(&round.settings, r.dots))
            })
            .collect();
        let results = if shown.is_empty() {
            "nobody voted".to_owned()
        } else {
            shown.join(", ")
        };
        let _ = writeln!(md, "- {}. Results: {results}.", voting.describe(round.id));
    }
    md.push('\n');
}
