//! What kind of vote a round is (a dot vote or a show of hands), and the one line that names a
//! vote wherever votes are shown: the vote tab, the Actions tab, the golden thread, the Board and
//! the report all call [`Voting::describe`], so they can never disagree.

use serde::{Deserialize, Serialize};

use super::{RoundId, RoundSettings, RoundState, VoteMode, VoteOption, VoteRound, Voting};

/// What a tally of the room counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Counted {
    /// Paper dots (a dot vote).
    #[default]
    Dots,
    /// Raised hands (a show of hands).
    Hands,
}

impl Counted {
    /// True for paper dots (the default, left out of the session file).
    pub fn is_dots(&self) -> bool {
        *self == Self::Dots
    }
}

impl RoundSettings {
    /// True for a show of hands: a tally of the room that counts raised hands.
    pub fn is_show_of_hands(&self) -> bool {
        self.mode == VoteMode::Tally && self.counted == Counted::Hands
    }

    /// The vote's kind as people say it: "Dot vote" or "Show of hands".
    pub fn method_name(&self) -> &'static str {
        if self.is_show_of_hands() {
            "Show of hands"
        } else {
            "Dot vote"
        }
    }

    /// A count in this vote's unit: "1 dot", "3 dots", or "1 hand", "5 hands".
    pub fn count_words(&self, n: u32) -> String {
        let (one, many) = if self.is_show_of_hands() {
            ("hand", "hands")
        } else {
            ("dot", "dots")
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }

    /// True when the vote is on themes (never on notes), so it can set the theme priorities.
    pub fn is_on_themes(&self) -> bool {
        !self.options.is_empty()
            && self
                .options
                .iter()
                .all(|o| matches!(o, VoteOption::Theme(_)))
    }

    /// What each person had: "3 dots each", or for a show of hands "up to 3 votes each".
    fn allowance(&self) -> String {
        let n = self.dots_per_person;
        if self.is_show_of_hands() {
            format!("up to {n} {} each", if n == 1 { "vote" } else { "votes" })
        } else {
            format!("{} each", self.count_words(n))
        }
    }
}

impl Voting {
    /// One line naming the vote `id` for every place that shows it, e.g. "Dot vote: Which
    /// themes should we act on first? 8 people, 3 dots each, runoff on a tie". Empty for a
    /// round that does not exist.
    pub fn describe(&self, id: RoundId) -> String {
        let Some(round) = self.round(id) else {
            return String::new();
        };
        let s = &round.settings;
        let method = if round.runoff_of.is_some() {
            format!("{} runoff", s.method_name())
        } else {
            s.method_name().to_owned()
        };
        let question = s.question.trim();
        let head = if question.is_empty() {
            let on = if s.is_on_themes() { "themes" } else { "notes" };
            format!("{method} on the {on}:")
        } else if question.ends_with(['?', '.', '!', ':']) {
            format!("{method}: {question}")
        } else {
            format!("{method}: {question}.")
        };
        let people = s.voters();
        let people = format!("{people} {}", if people == 1 { "person" } else { "people" });
        let mut line = format!("{head} {people}, {}", s.allowance());
        if round.runoff_of.is_none() {
            line.push_str(&self.runoff_words(round));
        }
        line
    }

    /// The runoffs that follow `round`, oldest first: a runoff of it, a runoff of that, and so
    /// on (whatever their state).
    pub fn runoff_chain(&self, round: RoundId) -> Vec<&VoteRound> {
        let mut chain = Vec::new();
        let mut last = round;
        while let Some(next) = self.rounds.iter().find(|r| r.runoff_of == Some(last)) {
            if chain.iter().any(|r: &&VoteRound| r.id == next.id) {
                break; // A loop in a hand-edited file: stop rather than spin.
            }
            last = next.id;
            chain.push(next);
        }
        chain
    }

    /// ", runoff on a tie", ", runoff on the top 3", ", 2 runoffs" (with "under way" while the
    /// last is still open), or nothing when `round` had no runoff.
    fn runoff_words(&self, round: &VoteRound) -> String {
        let chain = self.runoff_chain(round.id);
        let Some(last) = chain.last() else {
            return String::new();
        };
        let under_way = if last.state == RoundState::Open {
            " (under way)"
        } else {
            ""
        };
        if chain.len() > 1 {
            return format!(", {} runoffs{under_way}", chain.len());
        }
        let totals = round.totals();
        let dots: Vec<u32> = last
            .settings
            .options
            .iter()
            .map(|o| totals.get(o).copied().unwrap_or(0))
            .collect();
        if dots.windows(2).all(|w| w[0] == w[1]) {
            format!(", runoff on a tie{under_way}")
        } else {
            format!(", runoff on the top {}{under_way}", dots.len())
        }
    }
}
