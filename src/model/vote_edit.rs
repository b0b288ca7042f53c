//! Changes to votes (dots placed and removed, rounds opened, revealed and closed).
//!
//! Every change is undoable, with two locks: dots cannot change in a closed round, nor in a
//! ballot its voter has confirmed (handed on). An edit that would is ignored (and so is not
//! recorded), which is what locks a closed vote's results and keeps a passed-on ballot safe
//! from the next person's Ctrl+Z.

use super::vote::{Ballot, RoundId, RoundSettings, RoundState, VoteOption, VoteRound, Voter};
use super::{ParticipantId, Session};

/// One change to the session's votes. [`VoteEdit::apply`] returns the edit that undoes it.
#[derive(Clone, Debug, PartialEq)]
pub enum VoteEdit {
    /// Adds a round at the end (a new vote or a runoff).
    AddRound(VoteRound),
    /// Puts a removed round back where it was (the inverse of [`VoteEdit::RemoveRound`]):
    /// right after the round `after` when that is still there, else right before `before`,
    /// else at `index`. Its neighbours, not only its index, say where: a round that undo could
    /// not remove (it holds ballots) may sit in front of it by now.
    InsertRound {
        /// Where it was among the rounds.
        index: usize,
        /// The round itself.
        round: VoteRound,
        /// The round just before it when it was removed.
        after: Option<RoundId>,
        /// The round just after it when it was removed.
        before: Option<RoundId>,
    },
    /// Removes a round, only while it has no dots and no confirmed ballot (so undoing the start
    /// of a vote never throws ballots away).
    RemoveRound(RoundId),
    /// Sets how many dots `voter` has on `option`.
    SetDots {
        /// The round.
        round: RoundId,
        /// Whose dots: a participant's ballot or the room's tally.
        voter: Voter,
        /// The option.
        option: VoteOption,
        /// The new number of dots.
        count: u32,
    },
    /// Marks a participant's ballot as confirmed (handed on), or reopens it. Confirming is not
    /// undone by undo (its inverse leaves the ballot confirmed); reopening is.
    SetDone {
        /// The round.
        round: RoundId,
        /// Whose ballot.
        participant: ParticipantId,
        /// Confirmed or not.
        done: bool,
    },
    /// Puts a ballot cast on a phone into an open round, confirmed, when its participant has no
    /// ballot there yet (checked first by [`VoteRound::phone_ballot`]). Like a ballot handed on
    /// at the laptop it is in the box: undo leaves it there (its inverse changes nothing).
    CastPhoneBallot {
        /// The round.
        round: RoundId,
        /// The ballot (stored with `done` and `phone` set).
        ballot: Ballot,
    },
    /// Moves a round to another state (reveal, close, or back).
    SetState {
        /// The round.
        round: RoundId,
        /// The new state.
        state: RoundState,
    },
    /// Replaces a round's settings (e.g. the question), while it is not closed.
    SetSettings {
        /// The round.
        round: RoundId,
        /// The new settings.
        settings: Box<RoundSettings>,
    },
    /// Chooses the vote that sets the theme priorities (`None`: the default, the first dot
    /// vote on themes).
    SetCounting(Option<RoundId>),
    /// Several changes done and undone as one step.
    Batch(Vec<VoteEdit>),
}

impl VoteEdit {
    /// True when applying this edit changes nothing.
    pub fn is_empty(&self) -> bool {
        match self {
            Self::Batch(v) => v.iter().all(Self::is_empty),
            _ => false,
        }
    }

    /// Performs the edit and returns the edit that undoes it.
    pub fn apply(self, session: &mut Session) -> Self {
        let nothing = Self::Batch(Vec::new());
        let voting = &mut session.voting;
        match self {
            Self::AddRound(round) => {
                if voting.round(round.id).is_some() {
                    return nothing; // Never two rounds with one id.
                }
                let id = round.id;
                voting.next_round_id = voting.next_round_id.max(id.0.saturating_add(1));
                voting.rounds.push(round);
                Self::RemoveRound(id)
            }
            Self::InsertRound {
                index,
                round,
                after,
                before,
            } => {
                if voting.round(round.id).is_some() {
                    return nothing;
                }
                let id = round.id;
                voting.next_round_id = voting.next_round_id.max(id.0.saturating_add(1));
                let position = |id: Option<RoundId>| {
                    id.and_then(|id| voting.rounds.iter().position(|r| r.id == id))
                };
                let index = position(after)
                    .map(|i| i + 1)
                    .or_else(|| position(before))
                    .unwrap_or(index)
                    .min(voting.rounds.len());
                voting.rounds.insert(index, round);
                Self::RemoveRound(id)
            }
            Self::RemoveRound(id) => {
                let Some(index) = voting.rounds.iter().position(|r| r.id == id) else {
                    return nothing;
                };
                if voting.rounds[index].has_votes() {
                    return nothing; // Undo never throws ballots away.
                }
                let after = index.checked_sub(1).map(|i| voting.rounds[i].id);
                let before = voting.rounds.get(index + 1).map(|r| r.id);
                Self::InsertRound {
                    index,
                    round: voting.rounds.remove(index),
                    after,
                    before,
                }
            }
            Self::SetDots {
                round,
                voter,
                option,
                count,
            } => {
                let Some(r) = voting.round_mut(round) else {
                    return nothing;
                };
                let locked = match voter {
                    Voter::Person(p) => r.is_done(p),
                    Voter::Room => false,
                };
                if r.state == RoundState::Closed || locked {
                    return nothing;
                }
                let old = r.set_raw(voter, option, count);
                Self::SetDots {
                    round,
                    voter,
                    option,
                    count: old,
                }
            }
            Self::SetDone {
                round,
                participant,
                done,
            } => {
                let Some(r) = voting.round_mut(round) else {
                    return nothing;
                };
                if r.state == RoundState::Closed {
                    return nothing;
                }
                let old = r.set_done(participant, done);
                if old == done {
                    // Nothing changed, so nothing to undo: an inverse here would reopen a
                    // ballot confirmed later in the same batch when that batch is undone.
                    return nothing;
                }
                // A confirmed ballot is in the box: undo never takes it out again (and, as a
                // confirmed ballot cannot change, never removes its dots), so the next person
                // pressing Ctrl+Z cannot touch it. Reopening is an explicit `done: false`.
                Self::SetDone {
                    round,
                    participant,
                    done: done || old,
                }
            }
            Self::CastPhoneBallot { round, ballot } => {
                let Some(r) = voting.round_mut(round) else {
                    return nothing;
                };
                if r.state != RoundState::Open || !r.cast_phone_ballot(ballot.clone()) {
                    return nothing;
                }
                // Applying it again changes nothing (the participant has a ballot now), so the
                // undo step keeps the ballot in the box while autosave still sees the change.
                Self::CastPhoneBallot { round, ballot }
            }
            Self::SetState { round, state } => {
                let Some(r) = voting.round_mut(round) else {
                    return nothing;
                };
                let old = std::mem::replace(&mut r.state, state);
                Self::SetState { round, state: old }
            }
            Self::SetSettings { round, settings } => {
                let Some(r) = voting.round_mut(round) else {
                    return nothing;
                };
                if r.state == RoundState::Closed {
                    return nothing;
                }
                let old = std::mem::replace(&mut r.settings, *settings);
                Self::SetSettings {
                    round,
                    settings: Box::new(old),
                }
            }
            Self::SetCounting(round) => {
                Self::SetCounting(std::mem::replace(&mut voting.counting, round))
            }
            Self::Batch(edits) => {
                let mut inverses: Vec<Self> = edits.into_iter().map(|e| e.apply(session)).collect();
                inverses.reverse();
                Self::Batch(inverses)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ThemeId;

    fn round(id: u64) -> VoteRound {
        VoteRound::new(
            RoundId(id),
            RoundSettings::new(vec![VoteOption::Theme(ThemeId(1))], Vec::new()),
        )
    }

    fn ids(session: &Session) -> Vec<u64> {
        session.voting.rounds.iter().map(|r| r.id.0).collect()
    }

    #[test]
    fn a_removed_round_comes_back_beside_its_neighbours_even_when_a_kept_round_moved_in_front() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default();
        let mut session = Session::new("Votes", date);
        session.voting.rounds = vec![round(1), round(2)];
        // Round 2 is removed, then a new round 3 goes in first and collects dots, so undo
        // cannot remove it (undo never throws ballots away).
        let undo_remove = VoteEdit::RemoveRound(RoundId(2)).apply(&mut session);
        let undo_insert = VoteEdit::InsertRound {
            index: 0,
            round: round(3),
            after: None,
            before: None,
        }
        .apply(&mut session);
        let Some(r) = session.voting.round_mut(RoundId(3)) else {
            panic!("round 3 is there");
        };
        r.set_raw(Voter::Room, VoteOption::Theme(ThemeId(1)), 2);
        assert_eq!(ids(&session), [3, 1]);
        undo_insert.apply(&mut session);
        undo_remove.apply(&mut session);
        assert_eq!(ids(&session), [3, 1, 2], "2 comes back after 1, as it was");
    }
}
