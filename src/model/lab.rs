//! The innovation-lab method around the canvas: agenda and phases, vision and outcomes, actions.
//!
//! The parts live in their own files: [`agenda`] (phases and the current one), [`timer`] (the
//! countdown, pure logic with an injected clock), [`strategy`] (outcomes and actions),
//! [`dates`] (dates typed as text), [`golden_thread`] (the breaks between vision and actions),
//! [`progress`] (action status, overdue flags, how well outcomes are served) and [`coverage`]
//! (whose voice is heard) and [`report_details`] (the report's purpose, facilitator and next
//! review).

pub mod agenda;
pub mod coverage;
pub mod dates;
pub mod golden_thread;
pub mod progress;
pub mod report_details;
pub mod strategy;
pub mod timer;

use serde::{Deserialize, Serialize};

pub use agenda::{Phase, PhaseKind};
pub use progress::{ActionStatus, ActionUpdate, OutcomeProgress};
pub use report_details::ReportDetails;
pub use strategy::{Action, ActionId, Outcome, OutcomeId, Owner};
pub use timer::Timer;

/// A phase's stable identity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PhaseId(pub u64);

/// The agenda, vision, outcomes and actions of a session.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Lab {
    /// The agenda's phases, in running order.
    #[serde(default)]
    pub phases: Vec<Phase>,
    /// The phase the room is in now; new notes record it.
    #[serde(default)]
    pub current_phase: Option<PhaseId>,
    /// The vision statement: where the organisation wants to be.
    #[serde(default)]
    pub vision: String,
    /// The outcomes that make the vision real, each with a "by when" date.
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
    /// What people will do, with owners and dates.
    #[serde(default)]
    pub actions: Vec<Action>,
    /// The report's purpose line, facilitator and next review (left out of the file when unset).
    #[serde(default, skip_serializing_if = "ReportDetails::is_empty")]
    pub report: ReportDetails,
    /// The id the next phase gets.
    #[serde(default)]
    pub(crate) next_phase_id: u64,
    /// The id the next outcome gets.
    #[serde(default)]
    pub(crate) next_outcome_id: u64,
    /// The id the next action gets.
    #[serde(default)]
    pub(crate) next_action_id: u64,
}

impl Lab {
    /// The id the next new phase will get: past every phase id in use.
    pub fn next_phase_id(&self) -> PhaseId {
        let used = self.phases.iter().map(|p| p.id.0).max().unwrap_or(0);
        PhaseId(self.next_phase_id.max(used + 1))
    }

    /// The id the next new outcome will get: past every outcome id in use.
    pub fn next_outcome_id(&self) -> OutcomeId {
        let used = self.outcomes.iter().map(|o| o.id.0).max().unwrap_or(0);
        OutcomeId(self.next_outcome_id.max(used + 1))
    }

    /// The id the next new action will get: past every action id in use.
    pub fn next_action_id(&self) -> ActionId {
        let used = self.actions.iter().map(|a| a.id.0).max().unwrap_or(0);
        ActionId(self.next_action_id.max(used + 1))
    }

    /// The phase with this id.
    pub fn phase(&self, id: PhaseId) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == id)
    }

    /// The outcome with this id.
    pub fn outcome(&self, id: OutcomeId) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.id == id)
    }

    /// The action with this id.
    pub fn action(&self, id: ActionId) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
    }

    /// The current phase, when it still exists.
    pub fn current(&self) -> Option<&Phase> {
        self.current_phase.and_then(|id| self.phase(id))
    }

    /// Where the current phase is in the agenda (0-based).
    pub fn current_index(&self) -> Option<usize> {
        let id = self.current_phase?;
        self.phases.iter().position(|p| p.id == id)
    }

    /// The phase after the current one (the first phase when none is current), or `None` at
    /// the end of the agenda.
    pub fn next_phase(&self) -> Option<PhaseId> {
        match self.current_index() {
            Some(i) => self.phases.get(i + 1).map(|p| p.id),
            None => self.phases.first().map(|p| p.id),
        }
    }

    /// The phase before the current one, or `None` at the start of the agenda.
    pub fn previous_phase(&self) -> Option<PhaseId> {
        let i = self.current_index()?;
        i.checked_sub(1).map(|i| self.phases[i].id)
    }
}

impl Lab {
    /// Repairs what a hand-edited file may hold: a phase, outcome or action sharing its id with
    /// an earlier one gets a fresh id. Returns a sentence per repair.
    pub fn repair(&mut self) -> Vec<String> {
        let mut warnings = Vec::new();
        let first_free = self.next_phase_id().0;
        let mut next = first_free;
        let mut seen = std::collections::HashSet::new();
        for phase in &mut self.phases {
            if !seen.insert(phase.id) {
                warnings.push(format!(
                    "Two phases shared id {}; “{}” was given id {next}.",
                    phase.id.0, phase.name
                ));
                phase.id = PhaseId(next);
                next += 1;
            }
        }
        if next != first_free {
            self.next_phase_id = next;
        }
        let first_free = self.next_outcome_id().0;
        let mut next = first_free;
        let mut seen = std::collections::HashSet::new();
        for outcome in &mut self.outcomes {
            if !seen.insert(outcome.id) {
                warnings.push(format!(
                    "Two outcomes shared id {}; “{}” was given id {next}.",
                    outcome.id.0, outcome.text
                ));
                outcome.id = OutcomeId(next);
                next += 1;
            }
        }
        if next != first_free {
            self.next_outcome_id = next;
        }
        let first_free = self.next_action_id().0;
        let mut next = first_free;
        let mut seen = std::collections::HashSet::new();
        for action in &mut self.actions {
            if !seen.insert(action.id) {
                warnings.push(format!(
                    "Two actions shared id {}; “{}” was given id {next}.",
                    action.id.0, action.description
                ));
                action.id = ActionId(next);
                next += 1;
            }
        }
        if next != first_free {
            self.next_action_id = next;
        }
        warnings
    }
}
