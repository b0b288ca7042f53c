//! Ballots cast on phones in the room (issue 14): a round open to phones takes one confirmed
//! ballot per participant, alongside its own mode (tally, pass-the-laptop or scribe), and counts
//! it in its totals like any other ballot.

use std::collections::BTreeMap;

use super::{Ballot, OptionLookup, RoundState, VoteError, VoteOption, VoteRound};
use crate::model::{ParticipantId, Session, VoteEdit};

impl VoteRound {
    /// The edit that puts `participant`'s phone ballot (`dots` per option) into this round, or
    /// why not: the round is not open or not open to phones, the participant already has a
    /// ballot here, an option is not on the list or no longer exists, an option has more than
    /// the per-option limit, or the dots overspend the budget. Options with 0 dots are dropped.
    pub fn phone_ballot(
        &self,
        session: &Session,
        participant: ParticipantId,
        dots: &BTreeMap<VoteOption, u32>,
    ) -> Result<VoteEdit, VoteError> {
        if self.state == RoundState::Closed {
            return Err(VoteError::Closed);
        }
        if self.state != RoundState::Open || !self.settings.phones {
            return Err(VoteError::NotOpenToPhones);
        }
        if self.ballot(participant).is_some() {
            return Err(VoteError::AlreadyVoted);
        }
        let lookup = OptionLookup::new(session);
        let mut spent: u64 = 0;
        for (option, n) in dots {
            if !self.settings.options.contains(option) || !lookup.exists(*option) {
                return Err(VoteError::UnknownOption(*option));
            }
            if *n > self.settings.max_per_option {
                return Err(VoteError::OptionLimit {
                    limit: self.settings.max_per_option,
                });
            }
            spent += u64::from(*n);
        }
        if spent > u64::from(self.settings.dots_per_person) {
            return Err(VoteError::BudgetSpent {
                budget: self.settings.dots_per_person,
            });
        }
        let dots = dots
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(o, n)| (*o, *n))
            .collect();
        Ok(VoteEdit::CastPhoneBallot {
            round: self.id,
            ballot: Ballot {
                participant,
                dots,
                done: true,
                phone: true,
            },
        })
    }

    /// How many ballots are in (confirmed at the laptop or cast on a phone): safe to show while
    /// the vote is secret, as it says nothing about the totals.
    pub fn ballots_in(&self) -> usize {
        self.ballots.iter().filter(|b| b.done).count()
    }

    /// How many of [`Self::ballots_in`] came from phones.
    pub fn phone_ballots_in(&self) -> usize {
        self.ballots.iter().filter(|b| b.done && b.phone).count()
    }

    /// Inserts `ballot` (confirmed, from a phone) unless its participant already has a ballot;
    /// true when it went in.
    pub(crate) fn cast_phone_ballot(&mut self, ballot: Ballot) -> bool {
        let Err(i) = self
            .ballots
            .binary_search_by_key(&ballot.participant, |b| b.participant)
        else {
            return false;
        };
        self.ballots.insert(
            i,
            Ballot {
                done: true,
                phone: true,
                ..ballot
            },
        );
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::History;
    use crate::model::{Edit, Participant, RoundId, RoundSettings, ThemeEdit, VoteMode, Voter};

    fn session_with_round(phones: bool) -> (Session, RoundId) {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
        let mut s = Session::new("Votes", date);
        let mut history = History::default();
        for name in ["Queues", "Signs"] {
            let (_, edit) = ThemeEdit::create(&s, Some(name.to_owned()), &[]);
            history.apply(&mut s, Edit::Theme(edit));
        }
        for (i, name) in ["Ann", "Ben", "Cy"].into_iter().enumerate() {
            let p = Participant::new(ParticipantId(i as u64 + 1), name);
            history.apply(&mut s, Edit::InsertParticipants(vec![(i, p)]));
        }
        let options = s.themes.iter().map(|t| VoteOption::Theme(t.id)).collect();
        let mut settings = RoundSettings::new(options, vec![ParticipantId(1)]);
        settings.mode = VoteMode::PassTheLaptop;
        settings.dots_per_person = 3;
        settings.max_per_option = 2;
        settings.phones = phones;
        let Ok(start) = s.voting.start(&s, settings) else {
            panic!("the vote starts");
        };
        let id = s.voting.next_round_id();
        history.apply(&mut s, Edit::Vote(start));
        (s, id)
    }

    fn dots(s: &Session, counts: &[u32]) -> BTreeMap<VoteOption, u32> {
        s.themes
            .iter()
            .zip(counts)
            .map(|(t, n)| (VoteOption::Theme(t.id), *n))
            .collect()
    }

    #[test]
    fn a_phone_ballot_counts_alongside_the_laptop_once_and_undo_keeps_it() {
        let (mut s, id) = session_with_round(true);
        let mut history = History::default();
        let Some(round) = s.voting.round(id) else {
            panic!("round")
        };
        let first = VoteOption::Theme(s.themes[0].id);
        let Ok(laptop) = round.set_dots(&s, Voter::Person(ParticipantId(1)), first, 1) else {
            panic!("the laptop voter places a dot");
        };
        history.apply(&mut s, Edit::Vote(laptop));
        let ballot = dots(&s, &[2, 1]);
        let Some(round) = s.voting.round(id) else {
            panic!("round")
        };
        let Ok(edit) = round.phone_ballot(&s, ParticipantId(2), &ballot) else {
            panic!("the phone ballot is accepted");
        };
        let generation = history.generation();
        history.apply(&mut s, Edit::Vote(edit));
        assert!(
            history.generation() > generation,
            "autosave sees the ballot"
        );
        let Some(round) = s.voting.round(id) else {
            panic!("round")
        };
        assert_eq!(round.totals().values().sum::<u32>(), 4);
        assert_eq!((round.ballots_in(), round.phone_ballots_in()), (1, 1));
        assert_eq!(
            round.phone_ballot(&s, ParticipantId(2), &ballot),
            Err(VoteError::AlreadyVoted)
        );
        assert!(history.undo(&mut s));
        let Some(round) = s.voting.round(id) else {
            panic!("round")
        };
        assert_eq!(round.phone_ballots_in(), 1, "undo never takes a ballot out");
    }

    #[test]
    fn phone_ballots_are_refused_when_not_open_to_phones_overspent_or_over_the_cap() {
        let (s, id) = session_with_round(false);
        let Some(round) = s.voting.round(id) else {
            panic!("round")
        };
        let ok = dots(&s, &[1, 1]);
        assert_eq!(
            round.phone_ballot(&s, ParticipantId(2), &ok),
            Err(VoteError::NotOpenToPhones)
        );
        let (s, id) = session_with_round(true);
        let Some(round) = s.voting.round(id) else {
            panic!("round")
        };
        assert_eq!(
            round.phone_ballot(&s, ParticipantId(2), &dots(&s, &[3, 0])),
            Err(VoteError::OptionLimit { limit: 2 })
        );
        assert_eq!(
            round.phone_ballot(&s, ParticipantId(2), &dots(&s, &[2, 2])),
            Err(VoteError::BudgetSpent { budget: 3 })
        );
        let stranger = BTreeMap::from([(VoteOption::Theme(crate::model::ThemeId(99)), 1)]);
        assert!(matches!(
            round.phone_ballot(&s, ParticipantId(2), &stranger),
            Err(VoteError::UnknownOption(_))
        ));
    }
}
