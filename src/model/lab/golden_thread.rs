//! The golden thread: vision → outcomes → themes (with their votes) → actions, and the places
//! where it breaks.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::dates::long;
use super::{ActionId, OutcomeId, Owner};
use crate::model::{Session, Theme, ThemeId, VoteOption};

/// How many of the most-voted themes count as "top themes" that need an action.
pub const TOP_THEMES: usize = 3;

/// Dots per theme from a tally (as [`crate::model::Voting::dots_by_option`] returns it).
pub fn theme_dots(dots: &[(VoteOption, u32)]) -> HashMap<ThemeId, u32> {
    let mut out = HashMap::new();
    for (option, n) in dots {
        if let VoteOption::Theme(id) = option {
            *out.entry(*id).or_insert(0) += n;
        }
    }
    out
}

/// The themes with their dots, most dots first; equal dots keep the order of `dots` (where a
/// runoff has settled a tie), then the theme list order.
pub fn ranked_themes<'s>(
    session: &'s Session,
    dots: &[(VoteOption, u32)],
) -> Vec<(&'s Theme, u32)> {
    let per_theme = theme_dots(dots);
    let place: HashMap<VoteOption, usize> = dots
        .iter()
        .enumerate()
        .map(|(i, (o, _))| (*o, i))
        .rev()
        .collect();
    let mut ranked: Vec<(&Theme, u32)> = session
        .themes
        .iter()
        .map(|t| (t, per_theme.get(&t.id).copied().unwrap_or(0)))
        .collect();
    // A stable sort keeps list order among equals.
    ranked.sort_by_key(|(t, n)| {
        let place = place.get(&VoteOption::Theme(t.id)).copied();
        (std::cmp::Reverse(*n), place.unwrap_or(usize::MAX))
    });
    ranked
}

/// The top themes: the [`TOP_THEMES`] most-voted themes that got at least one dot, plus any
/// tied with the last of them. Empty before any vote.
pub fn top_themes(session: &Session, dots: &[(VoteOption, u32)]) -> Vec<(ThemeId, u32)> {
    let ranked = ranked_themes(session, dots);
    let voted: Vec<u32> = ranked.iter().map(|(_, n)| *n).filter(|n| *n > 0).collect();
    let Some(cut) = voted.get(TOP_THEMES - 1).or_else(|| voted.last()).copied() else {
        return Vec::new();
    };
    ranked
        .into_iter()
        .filter(|(_, n)| *n > 0 && *n >= cut)
        .map(|(t, n)| (t.id, n))
        .collect()
}

/// One break in the golden thread.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Break {
    /// An outcome that no action serves.
    OutcomeWithoutAction(OutcomeId),
    /// A top-voted theme with no action.
    TopThemeWithoutAction {
        /// The theme.
        theme: ThemeId,
        /// Its dots.
        dots: u32,
    },
    /// An action nobody owns.
    ActionWithoutOwner(ActionId),
    /// An action with no due date.
    ActionWithoutDate(ActionId),
    /// An action that serves no outcome: nothing says what it is for.
    ActionWithoutOutcome(ActionId),
    /// An action due after the date of the outcome it serves.
    ActionAfterOutcome {
        /// The action.
        action: ActionId,
        /// The outcome it serves.
        outcome: OutcomeId,
        /// When the action is due.
        due: NaiveDate,
        /// When the outcome should be true.
        by_when: NaiveDate,
    },
}

impl Break {
    /// The break in plain language, naming the theme, outcome or action.
    pub fn describe(&self, session: &Session) -> String {
        let lab = &session.lab;
        let outcome = |id: &OutcomeId| {
            lab.outcome(*id)
                .map_or_else(|| "(removed outcome)".to_owned(), |o| o.text.clone())
        };
        let action = |id: &ActionId| {
            lab.action(*id)
                .map_or_else(|| "(removed action)".to_owned(), |a| a.description.clone())
        };
        match self {
            Self::OutcomeWithoutAction(id) => {
                format!("No action serves the outcome “{}”.", outcome(id))
            }
            Self::TopThemeWithoutAction { theme, dots } => {
                let name = session
                    .themes
                    .iter()
                    .find(|t| t.id == *theme)
                    .map_or("(removed theme)", |t| t.name.as_str());
                format!(
                    "The theme “{name}” got {dots} vote{} but has no action.",
                    if *dots == 1 { "" } else { "s" }
                )
            }
            Self::ActionWithoutOwner(id) => format!("“{}” has no owner.", action(id)),
            Self::ActionWithoutDate(id) => format!("“{}” has no due date.", action(id)),
            Self::ActionWithoutOutcome(id) => {
                format!("“{}” serves no outcome.", action(id))
            }
            Self::ActionAfterOutcome {
                action: a,
                outcome: o,
                due,
                by_when,
            } => format!(
                "“{}” is due {}, after its outcome “{}” should be true ({}).",
                action(a),
                long(*due),
                outcome(o),
                long(*by_when)
            ),
        }
    }
}

/// Every break in the golden thread, in reading order: outcomes, top themes, then actions in
/// list order.
pub fn breaks(session: &Session, dots: &[(VoteOption, u32)]) -> Vec<Break> {
    let lab = &session.lab;
    let mut out = Vec::new();
    for outcome in &lab.outcomes {
        if !lab.actions.iter().any(|a| a.outcome == Some(outcome.id)) {
            out.push(Break::OutcomeWithoutAction(outcome.id));
        }
    }
    for (theme, dots) in top_themes(session, dots) {
        if !lab.actions.iter().any(|a| a.theme == Some(theme)) {
            out.push(Break::TopThemeWithoutAction { theme, dots });
        }
    }
    for action in &lab.actions {
        // An owner who was removed from the participants no longer owns anything.
        let owned = match action.real_owner() {
            Some(Owner::Participant(id)) => session.participant(*id).is_some(),
            Some(Owner::Named(_)) => true,
            None => false,
        };
        if !owned {
            out.push(Break::ActionWithoutOwner(action.id));
        }
        // An outcome that was removed serves nothing.
        if action.outcome.and_then(|id| lab.outcome(id)).is_none() {
            out.push(Break::ActionWithoutOutcome(action.id));
        }
        let Some(due) = action.due else {
            out.push(Break::ActionWithoutDate(action.id));
            continue;
        };
        if let Some(outcome) = action.outcome.and_then(|id| lab.outcome(id))
            && let Some(by_when) = outcome.by_when
            && due > by_when
        {
            out.push(Break::ActionAfterOutcome {
                action: action.id,
                outcome: outcome.id,
                due,
                by_when,
            });
        }
    }
    out
}
