//! How actions are getting on: each action's status, its progress note and history, overdue
//! flags against an injected "today", and what the state of its actions says about an outcome.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Action, Lab, OutcomeId};

/// Where an action has got to.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum ActionStatus {
    /// Agreed, not begun.
    #[default]
    NotStarted,
    /// Under way.
    InProgress,
    /// Finished: an achievement.
    Done,
    /// Stuck, waiting on something or someone.
    Blocked,
    /// No longer going to happen.
    Dropped,
}

impl ActionStatus {
    /// Every status, in the order they are offered.
    pub const ALL: [Self; 5] = [
        Self::NotStarted,
        Self::InProgress,
        Self::Done,
        Self::Blocked,
        Self::Dropped,
    ];

    /// The status as people say it.
    pub fn label(self) -> &'static str {
        match self {
            Self::NotStarted => "Not started",
            Self::InProgress => "In progress",
            Self::Done => "Done",
            Self::Blocked => "Blocked",
            Self::Dropped => "Dropped",
        }
    }

    /// True while the action still has to be done: not done and not dropped.
    pub fn is_open(self) -> bool {
        !matches!(self, Self::Done | Self::Dropped)
    }
}

/// One entry in an action's history: on this date it was set to this status, with this note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionUpdate {
    /// When.
    pub date: NaiveDate,
    /// The status it was given.
    pub status: ActionStatus,
    /// The progress note at the time (may be empty).
    #[serde(default)]
    pub note: String,
}

impl Action {
    /// True when the action is still open and its due date is before `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due.is_some_and(|due| due < today)
    }

    /// This action with a new status, given on `today`: the date of the last update moves to
    /// today and the change joins the history. Setting the status it already has only records
    /// the date.
    pub fn with_status(&self, status: ActionStatus, today: NaiveDate) -> Action {
        let mut out = self.clone();
        out.updated = Some(today);
        if status == self.status {
            return out;
        }
        out.status = status;
        out.record(today);
        out
    }

    /// This action with a new progress note, written on `today`. A note written on the day of
    /// the last history entry replaces that entry's note rather than adding another line.
    pub fn with_progress(&self, note: &str, today: NaiveDate) -> Action {
        let mut out = self.clone();
        out.progress = note.trim().to_owned();
        out.updated = Some(today);
        out.record(today);
        out
    }

    /// Records the current status and note in the history: one entry per day and status.
    fn record(&mut self, today: NaiveDate) {
        let entry = ActionUpdate {
            date: today,
            status: self.status,
            note: self.progress.clone(),
        };
        match self.history.last_mut() {
            Some(last) if last.date == today && last.status == self.status => *last = entry,
            _ => self.history.push(entry),
        }
    }
}

/// How well an outcome is served, read from the state of the actions that serve it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutcomeProgress {
    /// Every action serving it (dropped ones aside) is done.
    Served,
    /// Some of its actions are done or under way, and none is blocked or overdue.
    PartlyServed,
    /// Its actions are agreed but none has started, and none is overdue.
    NotStarted,
    /// An action serving it is blocked or overdue, or no action (left) serves it.
    AtRisk,
}

impl OutcomeProgress {
    /// The state as people say it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Served => "Served",
            Self::PartlyServed => "Partly served",
            Self::NotStarted => "Not started",
            Self::AtRisk => "At risk",
        }
    }
}

/// How well the outcome `id` is served on `today`. Dropped actions do not count.
pub fn outcome_progress(lab: &Lab, id: OutcomeId, today: NaiveDate) -> OutcomeProgress {
    let live: Vec<&Action> = lab
        .actions
        .iter()
        .filter(|a| a.outcome == Some(id) && a.status != ActionStatus::Dropped)
        .collect();
    if live.is_empty() {
        return OutcomeProgress::AtRisk;
    }
    if live.iter().all(|a| a.status == ActionStatus::Done) {
        return OutcomeProgress::Served;
    }
    if live
        .iter()
        .any(|a| a.status == ActionStatus::Blocked || a.is_overdue(today))
    {
        return OutcomeProgress::AtRisk;
    }
    if live
        .iter()
        .any(|a| matches!(a.status, ActionStatus::Done | ActionStatus::InProgress))
    {
        OutcomeProgress::PartlyServed
    } else {
        OutcomeProgress::NotStarted
    }
}

/// The open actions whose due date is before `today`, in list order.
pub fn overdue(lab: &Lab, today: NaiveDate) -> Vec<&Action> {
    lab.actions.iter().filter(|a| a.is_overdue(today)).collect()
}

/// The actions grouped by status, in the order a review reads them (done, in progress,
/// blocked, dropped, not started); empty groups are left out.
pub fn grouped_by_status<'a>(actions: &[&'a Action]) -> Vec<(ActionStatus, Vec<&'a Action>)> {
    [
        ActionStatus::Done,
        ActionStatus::InProgress,
        ActionStatus::Blocked,
        ActionStatus::Dropped,
        ActionStatus::NotStarted,
    ]
    .into_iter()
    .map(|s| {
        (
            s,
            actions
                .iter()
                .copied()
                .filter(|a| a.status == s)
                .collect::<Vec<_>>(),
        )
    })
    .filter(|(_, these)| !these.is_empty())
    .collect()
}

/// How many actions have each status.
pub fn status_counts(actions: &[&Action]) -> [(ActionStatus, usize); 5] {
    ActionStatus::ALL.map(|s| (s, actions.iter().filter(|a| a.status == s).count()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::lab::{ActionId, Outcome};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, d).unwrap_or_default()
    }

    fn action(id: u64, status: ActionStatus, due: Option<NaiveDate>) -> Action {
        let mut a = Action::new(ActionId(id), format!("Action {id}"));
        a.status = status;
        a.due = due;
        a.outcome = Some(OutcomeId(1));
        a
    }

    fn lab(actions: Vec<Action>) -> Lab {
        Lab {
            outcomes: vec![Outcome::new(OutcomeId(1), "Repairs online", None)],
            actions,
            ..Lab::default()
        }
    }

    #[test]
    fn only_open_actions_past_their_date_are_overdue() {
        let today = day(15);
        assert!(action(1, ActionStatus::NotStarted, Some(day(14))).is_overdue(today));
        assert!(action(1, ActionStatus::Blocked, Some(day(1))).is_overdue(today));
        assert!(!action(1, ActionStatus::InProgress, Some(day(15))).is_overdue(today));
        assert!(!action(1, ActionStatus::Done, Some(day(1))).is_overdue(today));
        assert!(!action(1, ActionStatus::Dropped, Some(day(1))).is_overdue(today));
        assert!(!action(1, ActionStatus::NotStarted, None).is_overdue(today));
        // The same action is not overdue the day before.
        assert!(!action(1, ActionStatus::NotStarted, Some(day(14))).is_overdue(day(14)));
    }

    #[test]
    fn a_status_change_is_dated_and_kept_in_the_history() {
        let a = action(1, ActionStatus::NotStarted, None);
        let b = a.with_status(ActionStatus::InProgress, day(2));
        assert_eq!(b.status, ActionStatus::InProgress);
        assert_eq!(b.updated, Some(day(2)));
        let c = b
            .with_progress("Two estates live", day(9))
            .with_status(ActionStatus::Done, day(9));
        assert_eq!(
            c.history
                .iter()
                .map(|h| (h.date, h.status, h.note.as_str()))
                .collect::<Vec<_>>(),
            [
                (day(2), ActionStatus::InProgress, ""),
                (day(9), ActionStatus::InProgress, "Two estates live"),
                (day(9), ActionStatus::Done, "Two estates live"),
            ]
        );
        // A second note on the same day replaces the first rather than adding a line.
        let d = c.with_progress("All three estates live", day(9));
        assert_eq!(d.history.len(), 3);
        assert_eq!(d.history[2].note, "All three estates live");
        // Setting the same status again only dates it.
        let e = d.with_status(ActionStatus::Done, day(10));
        assert_eq!(e.history, d.history);
        assert_eq!(e.updated, Some(day(10)));
    }

    #[test]
    fn an_outcome_is_served_partly_served_not_started_or_at_risk() {
        use ActionStatus::*;
        let today = day(15);
        let progress = |actions| outcome_progress(&lab(actions), OutcomeId(1), today);
        assert_eq!(progress(vec![]), OutcomeProgress::AtRisk);
        assert_eq!(
            progress(vec![action(1, Done, None), action(2, Dropped, None)]),
            OutcomeProgress::Served
        );
        assert_eq!(
            progress(vec![
                action(1, Done, None),
                action(2, NotStarted, Some(day(20)))
            ]),
            OutcomeProgress::PartlyServed
        );
        assert_eq!(
            progress(vec![action(1, InProgress, Some(day(20)))]),
            OutcomeProgress::PartlyServed
        );
        assert_eq!(
            progress(vec![action(1, NotStarted, Some(day(20)))]),
            OutcomeProgress::NotStarted
        );
        assert_eq!(
            progress(vec![action(1, Done, None), action(2, Blocked, None)]),
            OutcomeProgress::AtRisk
        );
        assert_eq!(
            progress(vec![action(1, InProgress, Some(day(14)))]),
            OutcomeProgress::AtRisk,
            "overdue"
        );
        assert_eq!(
            progress(vec![action(1, Dropped, None)]),
            OutcomeProgress::AtRisk,
            "nothing left serves it"
        );
    }

    #[test]
    fn overdue_lists_open_late_actions_in_order() {
        use ActionStatus::*;
        let l = lab(vec![
            action(1, NotStarted, Some(day(1))),
            action(2, Done, Some(day(1))),
            action(3, Blocked, Some(day(2))),
            action(4, InProgress, Some(day(30))),
        ]);
        let ids: Vec<u64> = overdue(&l, day(15)).iter().map(|a| a.id.0).collect();
        assert_eq!(ids, [1, 3]);
    }
}
