//! Whose voice is heard: for each theme and phase, which service areas and levels wrote its
//! notes, and which themes and phases only one group spoke to.

use std::collections::{BTreeMap, HashMap};

use super::golden_thread::theme_dots;
use crate::model::{
    Level, Note, Participant, ParticipantId, PhaseId, Session, ThemeId, VoteOption,
};

/// A level as people say it: "Front line", "Manager", or the custom name.
pub fn level_label(level: &Level) -> String {
    match level {
        Level::FrontLine => "Front line".to_owned(),
        Level::Manager => "Manager".to_owned(),
        Level::Executive => "Executive".to_owned(),
        Level::Partner => "Partner".to_owned(),
        Level::Customer => "Customer".to_owned(),
        Level::Custom(name) => name.trim().to_owned(),
    }
}

/// Who wrote a set of notes, counted by service area and by level (sorted by name).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Voices {
    /// Notes per service area, for authors who gave one.
    pub areas: BTreeMap<String, usize>,
    /// Notes per level, for authors who gave one.
    pub levels: BTreeMap<String, usize>,
    /// Notes with a known author.
    pub attributed: usize,
    /// Notes with no author (or one who was removed).
    pub anonymous: usize,
}

impl Voices {
    /// Counts the authors of `notes`.
    pub fn of<'n>(
        notes: impl IntoIterator<Item = &'n Note>,
        people: &HashMap<ParticipantId, &Participant>,
    ) -> Self {
        let mut tally = Tally::default();
        for note in notes {
            tally.add(note, people);
        }
        tally.voices(people)
    }

    /// When every note with a known author came from one group, a sentence saying which,
    /// e.g. "Only Housing spoke to this." `None` when several groups spoke or none is known.
    pub fn one_group(&self) -> Option<String> {
        if self.attributed == 0 {
            return None;
        }
        if self.areas.len() == 1 {
            let (area, _) = self.areas.iter().next()?;
            return Some(format!("Only {area} spoke to this."));
        }
        if self.levels.len() == 1 {
            let (level, _) = self.levels.iter().next()?;
            return Some(format!("Only {level} participants spoke to this."));
        }
        None
    }
}

/// Notes per author, counted in one pass; turned into [`Voices`] once per group, so the work
/// per note is one map update (no strings).
#[derive(Default)]
struct Tally {
    per_author: HashMap<ParticipantId, usize>,
    anonymous: usize,
}

impl Tally {
    fn add(&mut self, note: &Note, people: &HashMap<ParticipantId, &Participant>) {
        match note.author.filter(|id| people.contains_key(id)) {
            Some(id) => *self.per_author.entry(id).or_insert(0) += 1,
            None => self.anonymous += 1,
        }
    }

    fn voices(&self, people: &HashMap<ParticipantId, &Participant>) -> Voices {
        let mut voices = Voices {
            anonymous: self.anonymous,
            ..Voices::default()
        };
        for (id, n) in &self.per_author {
            let Some(person) = people.get(id) else {
                continue;
            };
            voices.attributed += n;
            let area = person.service_area.trim();
            if !area.is_empty() {
                *voices.areas.entry(area.to_owned()).or_insert(0) += n;
            }
            if let Some(level) = &person.level {
                let label = level_label(level);
                if !label.is_empty() {
                    *voices.levels.entry(label).or_insert(0) += n;
                }
            }
        }
        voices
    }
}

/// Tallies every note into the group `key` puts it in, in one pass over the notes.
fn tally_by<K: std::hash::Hash + Eq>(
    session: &Session,
    people: &HashMap<ParticipantId, &Participant>,
    key: impl Fn(&Note) -> Option<K>,
) -> HashMap<K, Tally> {
    let mut groups: HashMap<K, Tally> = HashMap::new();
    for note in &session.notes {
        if let Some(k) = key(note) {
            groups.entry(k).or_default().add(note, people);
        }
    }
    groups
}

/// Whose voice is heard in one theme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThemeCoverage {
    /// The theme.
    pub theme: ThemeId,
    /// Who wrote its notes.
    pub voices: Voices,
    /// Its dots. Dots are anonymous, so they are counted per theme, not per group.
    pub dots: u32,
}

/// Whose voice is heard in one phase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhaseCoverage {
    /// The phase.
    pub phase: PhaseId,
    /// Who wrote the notes captured in it.
    pub voices: Voices,
}

fn people(session: &Session) -> HashMap<ParticipantId, &Participant> {
    session.participants.iter().map(|p| (p.id, p)).collect()
}

/// Coverage of every theme, in theme list order.
pub fn theme_coverage(session: &Session, dots: &[(VoteOption, u32)]) -> Vec<ThemeCoverage> {
    let people = people(session);
    let dots = theme_dots(dots);
    let groups = tally_by(session, &people, |n| n.theme);
    session
        .themes
        .iter()
        .map(|theme| ThemeCoverage {
            theme: theme.id,
            voices: groups
                .get(&theme.id)
                .map(|t| t.voices(&people))
                .unwrap_or_default(),
            dots: dots.get(&theme.id).copied().unwrap_or(0),
        })
        .collect()
}

/// Coverage of every phase, in agenda order.
pub fn phase_coverage(session: &Session) -> Vec<PhaseCoverage> {
    let people = people(session);
    let groups = tally_by(session, &people, |n| n.phase);
    session
        .lab
        .phases
        .iter()
        .map(|phase| PhaseCoverage {
            phase: phase.id,
            voices: groups
                .get(&phase.id)
                .map(|t| t.voices(&people))
                .unwrap_or_default(),
        })
        .collect()
}

/// A service area and the names of the people from it.
pub type AreaNames = (String, Vec<String>);

/// Who took part, for the report: names per service area ("No service area given" last), each
/// list in the order they were added, and headcounts per level (sorted by name).
pub fn who_took_part(session: &Session) -> (Vec<AreaNames>, Vec<(String, usize)>) {
    let mut areas: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut unknown = Vec::new();
    let mut levels: BTreeMap<String, usize> = BTreeMap::new();
    for p in &session.participants {
        let area = p.service_area.trim();
        if area.is_empty() {
            unknown.push(p.name.clone());
        } else {
            areas
                .entry(area.to_owned())
                .or_default()
                .push(p.name.clone());
        }
        let level = p
            .level
            .as_ref()
            .map_or_else(|| "Level not given".to_owned(), level_label);
        *levels.entry(level).or_insert(0) += 1;
    }
    let mut areas: Vec<(String, Vec<String>)> = areas.into_iter().collect();
    if !unknown.is_empty() {
        areas.push(("No service area given".to_owned(), unknown));
    }
    (areas, levels.into_iter().collect())
}
