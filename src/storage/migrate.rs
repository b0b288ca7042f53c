//! Format versions: every older file is brought up to the current version when it is read.
//!
//! Each step takes a session read from a file of version `from` to version `from + 1`. A file
//! is always written in [`CURRENT_FORMAT_VERSION`]; a file of a newer version is refused and
//! never written to. Every version keeps a fixture file under `tests/fixtures/v{N}-*.ron`, and
//! the tests open each of them through these steps.
//!
//! History:
//! - 1: title, date, view and notes (text, colour, position).
//! - 2: themes, participants, votes and the lab (agenda, vision, outcomes, actions); notes may
//!   name their theme, phase and author.
//! - 3: follow-ups. A session has a stable `id` and may name the `previous` session it
//!   follows; actions have a status, a progress note, the date of their last update, a
//!   history and whether they were carried over; a phase may be a review or a scored question.
//!   In a version 2 file an action with no status was simply agreed, so it reads as "not
//!   started"; the session is given an id made from its title and date.

use crate::model::Session;

/// The format version this build writes, and the newest it reads.
pub const CURRENT_FORMAT_VERSION: u32 = 3;

/// The oldest format version this build reads.
pub const OLDEST_FORMAT_VERSION: u32 = 1;

/// One step from a version to the next.
struct Migration {
    /// The version this step reads.
    from: u32,
    /// Brings the session up to `from + 1`, returning a sentence for anything the user
    /// should know (usually nothing).
    apply: fn(&mut Session) -> Vec<String>,
}

/// Every step, oldest first: `MIGRATIONS[i].from == OLDEST_FORMAT_VERSION + i`.
const MIGRATIONS: &[Migration] = &[
    Migration {
        from: 1,
        apply: v1_to_v2,
    },
    Migration {
        from: 2,
        apply: v2_to_v3,
    },
];

/// Version 2 had no session ids, no link to a previous session and no action progress. A
/// version 2 file can only hold those through hand editing; what it holds is kept. Every
/// action without a status is "not started", which is what serde's default already gives;
/// the session gets an id from its title and date, the same each time the file is read, so
/// a follow-up made before the file is saved again still finds it.
fn v2_to_v3(session: &mut Session) -> Vec<String> {
    session.ensure_id();
    Vec::new()
}

/// Version 1 knew nothing of themes, participants, votes or phases: a version 1 file can only
/// hold these through hand editing, and then they point at nothing. The new id counters start
/// at 1.
fn v1_to_v2(session: &mut Session) -> Vec<String> {
    let mut warnings = Vec::new();
    let stray = session
        .notes
        .iter()
        .filter(|n| n.theme.is_some() || n.phase.is_some() || n.author.is_some())
        .count();
    if stray > 0 {
        for note in &mut session.notes {
            note.theme = None;
            note.phase = None;
            note.author = None;
        }
        warnings.push(format!(
            "{stray} note{} named a theme, phase or author, which format 1 files cannot hold; \
             {} cleared.",
            if stray == 1 { "" } else { "s" },
            if stray == 1 { "it was" } else { "they were" }
        ));
    }
    session.next_theme_id = session.next_theme_id.max(1);
    session.next_participant_id = session.next_participant_id.max(1);
    warnings
}

/// Brings a session read from a file of `version` up to [`CURRENT_FORMAT_VERSION`].
/// `version` must be between [`OLDEST_FORMAT_VERSION`] and the current version.
pub fn migrate(session: &mut Session, version: u32) -> Vec<String> {
    MIGRATIONS
        .iter()
        .filter(|m| m.from >= version)
        .flat_map(|m| (m.apply)(session))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_has_one_step_to_the_next() {
        assert_eq!(
            MIGRATIONS.len() as u32,
            CURRENT_FORMAT_VERSION - OLDEST_FORMAT_VERSION
        );
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.from, OLDEST_FORMAT_VERSION + i as u32);
        }
    }

    #[test]
    fn the_current_version_needs_no_step() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        let mut session = Session::new("Now", date);
        let before = session.clone();
        assert!(migrate(&mut session, CURRENT_FORMAT_VERSION).is_empty());
        assert_eq!(session, before);
    }
}
