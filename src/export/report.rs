//! The report as a list of blocks (headings, paragraphs, lists, tables, the vote chart), built
//! once and written out as Word (.docx), HTML and plain text. It frames the workshop (purpose,
//! date, facilitator, agenda with timings), keeps the challenges raised apart from the ideas
//! proposed (by each note's phase), and ends with next steps, the next review and a version line.

use chrono::NaiveDate;

use super::one_line;
use crate::model::lab::coverage::{level_label, who_took_part};
use crate::model::lab::dates::long;
use crate::model::lab::golden_thread::{breaks, ranked_themes};
use crate::model::{Participant, Session, VoteOption};

/// Choices for a report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Replace participants' names with their service area and level, for publication.
    pub anonymise: bool,
    /// Who facilitated, when known.
    pub facilitator: Option<String>,
    /// The purpose line; when not given it is made from the vision.
    pub purpose: Option<String>,
    /// When the actions are next reviewed; when not given, the first action due date.
    pub next_review: Option<NaiveDate>,
}

impl ReportOptions {
    /// These options with the session's own report details (set in the app) filled in where
    /// nothing was given: a one-off choice, e.g. from the command line, wins.
    pub fn with_session(&self, session: &Session) -> Self {
        let details = &session.lab.report;
        let text = |given: &Option<String>, saved: &str| {
            given
                .as_deref()
                .filter(|t| !t.trim().is_empty())
                .or(Some(saved.trim()).filter(|t| !t.is_empty()))
                .map(str::to_owned)
        };
        Self {
            anonymise: self.anonymise,
            facilitator: text(&self.facilitator, &details.facilitator),
            purpose: text(&self.purpose, &details.purpose),
            next_review: self.next_review.or(details.next_review),
        }
    }

    /// "Facilitator: Jo Bloggs." when a facilitator is known (given or set in the session).
    pub fn facilitator_line(&self, session: &Session) -> Option<String> {
        let options = self.with_session(session);
        let name = options.facilitator?;
        Some(format!("Facilitator: {}.", one_line(&name)))
    }
}

/// One block of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading: level 1 is the title, 2 a section, 3 a sub-section.
    Heading(u8, String),
    /// A paragraph.
    Para(String),
    /// A bulleted list.
    Bullets(Vec<String>),
    /// A table with a header row.
    Table {
        /// The column names.
        header: Vec<String>,
        /// The rows, each as long as the header.
        rows: Vec<Vec<String>>,
    },
    /// The vote result chart (see [`Report::chart`]).
    Chart,
}

/// A report ready to be written in any format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The blocks in order.
    pub blocks: Vec<Block>,
    /// The vote result: each option's name and dots, most first. Empty without a vote.
    pub chart: Vec<(String, u32)>,
}

/// Which side of the workshop a phase is on, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhaseSide {
    /// Problems raised: "Constraints and challenges", "What could be better".
    Challenge,
    /// Ideas proposed: "Ideas", "Solutions".
    Idea,
    /// Anything else.
    Other,
}

/// The side of a phase named `name`.
pub fn phase_side(name: &str) -> PhaseSide {
    let n = name.to_lowercase();
    let any = |words: &[&str]| words.iter().any(|w| n.contains(w));
    if any(&[
        "challenge",
        "problem",
        "constraint",
        "barrier",
        "issue",
        "pain",
        "could be better",
        "frustrat",
    ]) {
        PhaseSide::Challenge
    } else if any(&[
        "idea",
        "solution",
        "opportunit",
        "suggest",
        "what if",
        "ambition",
    ]) {
        PhaseSide::Idea
    } else {
        PhaseSide::Other
    }
}

/// How a participant is named in an anonymised report: "Housing, Manager".
pub fn anonymous_label(p: &Participant) -> String {
    let area = p.service_area.trim();
    let level = p.level.as_ref().map(level_label);
    match (area.is_empty(), level) {
        (false, Some(l)) => format!("{area}, {l}"),
        (false, None) => area.to_owned(),
        (true, Some(l)) => l,
        (true, None) => "a participant".to_owned(),
    }
}

/// Builds the report of `session` with the tally `dots`.
pub fn build(session: &Session, dots: &[(VoteOption, u32)], options: &ReportOptions) -> Report {
    let options = &options.with_session(session);
    let mut b = Vec::new();
    b.push(Block::Heading(1, one_line(&session.title)));
    b.push(Block::Para(format!(
        "Purpose: {}",
        purpose(session, options)
    )));
    let mut held = format!("Held on {}.", long(session.date));
    if let Some(line) = options.facilitator_line(session) {
        held.push(' ');
        held.push_str(&line);
    }
    b.push(Block::Para(held));
    agenda(&mut b, session);
    people(&mut b, session, options.anonymise);
    vision(&mut b, session);
    super::sides::challenges_and_ideas(&mut b, session);
    let chart = vote(&mut b, session, dots);
    themes(&mut b, session, dots);
    actions(&mut b, session);
    b.push(Block::Heading(2, "Gaps in the golden thread".to_owned()));
    let found = breaks(session, dots);
    if found.is_empty() {
        b.push(Block::Para(
            "None: every outcome and top theme has an action with an owner and a date.".to_owned(),
        ));
    } else {
        b.push(Block::Bullets(
            found.iter().map(|g| g.describe(session)).collect(),
        ));
    }
    super::sides::next_steps(&mut b, session, options.next_review);
    b.push(Block::Para(version_line(session)));
    let mut report = Report { blocks: b, chart };
    if options.anonymise {
        anonymise(&mut report, &session.participants);
    }
    report
}

/// The purpose line: as given, else as set in the session, else from the vision, else a
/// general line.
pub fn purpose(session: &Session, options: &ReportOptions) -> String {
    let options = options.with_session(session);
    if let Some(p) = options.purpose.as_deref() {
        return one_line(p);
    }
    match session.lab.vision.trim().lines().next() {
        Some(v) if !v.trim().is_empty() => format!(
            "to agree what to do next towards this vision: {}",
            one_line(v)
        ),
        _ => "to agree the challenges, ideas, priorities and actions of this workshop.".to_owned(),
    }
}

/// "Version: report made by Goldthread 0.1.0 from the session of 3 March 2026." No date of
/// making: the same session always gives the same report, so versions can be compared.
pub fn version_line(session: &Session) -> String {
    format!(
        "Version: report made by Goldthread {} from the session of {}.",
        env!("CARGO_PKG_VERSION"),
        long(session.date)
    )
}

fn agenda(b: &mut Vec<Block>, session: &Session) {
    let phases = &session.lab.phases;
    if phases.is_empty() {
        return;
    }
    b.push(Block::Heading(2, "Agenda".to_owned()));
    let mut start_mins = 0;
    let rows = phases
        .iter()
        .map(|p| {
            let mins = p.timebox_secs.div_ceil(60);
            let row = vec![
                format!("{}:{:02}", start_mins / 60, start_mins % 60),
                format!("{mins} min"),
                one_line(&p.name),
                one_line(&p.prompt),
            ];
            start_mins += mins;
            row
        })
        .collect();
    b.push(Block::Table {
        header: ["Starts", "Time", "Phase", "Question"]
            .map(str::to_owned)
            .to_vec(),
        rows,
    });
}

fn people(b: &mut Vec<Block>, session: &Session, anonymise: bool) {
    b.push(Block::Heading(2, "Who took part".to_owned()));
    if session.participants.is_empty() {
        b.push(Block::Para("No participants were recorded.".to_owned()));
        return;
    }
    let n = session.participants.len();
    b.push(Block::Para(format!(
        "{n} {} took part.",
        if n == 1 { "person" } else { "people" }
    )));
    let (areas, levels) = who_took_part(session);
    let rows = areas
        .iter()
        .map(|(area, names)| {
            let who = if anonymise {
                format!(
                    "{} {}",
                    names.len(),
                    if names.len() == 1 { "person" } else { "people" }
                )
            } else {
                names.join(", ")
            };
            vec![area.clone(), who]
        })
        .collect();
    b.push(Block::Table {
        header: vec!["Service area".to_owned(), "People".to_owned()],
        rows,
    });
    let levels: Vec<String> = levels.iter().map(|(l, n)| format!("{l}: {n}")).collect();
    if !levels.is_empty() {
        b.push(Block::Para(format!("By level: {}.", levels.join("; "))));
    }
}

fn vision(b: &mut Vec<Block>, session: &Session) {
    let lab = &session.lab;
    b.push(Block::Heading(2, "Vision and outcomes".to_owned()));
    b.push(Block::Para(if lab.vision.trim().is_empty() {
        "No vision was recorded.".to_owned()
    } else {
        one_line(&lab.vision)
    }));
    if !lab.outcomes.is_empty() {
        b.push(Block::Bullets(
            lab.outcomes
                .iter()
                .map(|o| {
                    let when = o.by_when.map_or_else(
                        || "no date agreed yet".to_owned(),
                        |d| format!("by {}", long(d)),
                    );
                    format!("{} ({when})", one_line(&o.text))
                })
                .collect(),
        ));
    }
}

/// The vote ranking as a chart and a table; returns the chart's bars.
fn vote(b: &mut Vec<Block>, session: &Session, dots: &[(VoteOption, u32)]) -> Vec<(String, u32)> {
    b.push(Block::Heading(2, "Vote result".to_owned()));
    let ranked = ranked_themes(session, dots);
    if !dots.iter().any(|(_, n)| *n > 0) || ranked.is_empty() {
        b.push(Block::Para(
            "No vote on the themes was recorded.".to_owned(),
        ));
        return Vec::new();
    }
    let bars: Vec<(String, u32)> = ranked
        .iter()
        .map(|(t, n)| (one_line(&t.name), *n))
        .collect();
    b.push(Block::Chart);
    b.push(Block::Table {
        header: vec!["Rank".to_owned(), "Theme".to_owned(), "Votes".to_owned()],
        rows: bars
            .iter()
            .enumerate()
            .map(|(i, (name, n))| vec![(i + 1).to_string(), name.clone(), n.to_string()])
            .collect(),
    });
    bars
}

fn themes(b: &mut Vec<Block>, session: &Session, dots: &[(VoteOption, u32)]) {
    b.push(Block::Heading(2, "Themes and their notes".to_owned()));
    if session.themes.is_empty() {
        b.push(Block::Para("No themes were agreed.".to_owned()));
        return;
    }
    for (theme, _) in ranked_themes(session, dots) {
        b.push(Block::Heading(3, one_line(&theme.name)));
        let notes: Vec<String> = session
            .notes
            .iter()
            .filter(|n| n.theme == Some(theme.id))
            .map(|n| one_line(&n.text))
            .collect();
        b.push(if notes.is_empty() {
            Block::Para("No notes.".to_owned())
        } else {
            Block::Bullets(notes)
        });
    }
}

fn actions(b: &mut Vec<Block>, session: &Session) {
    let lab = &session.lab;
    b.push(Block::Heading(2, "Actions".to_owned()));
    if lab.actions.is_empty() {
        b.push(Block::Para("No actions were agreed.".to_owned()));
        return;
    }
    let rows = lab
        .actions
        .iter()
        .map(|a| {
            let who = a.real_owner().map_or_else(
                || "Not yet agreed".to_owned(),
                |o| o.name(&session.participants),
            );
            let when = a.due.map_or_else(|| "Not yet agreed".to_owned(), long);
            let theme = a
                .theme
                .and_then(|id| session.themes.iter().find(|t| t.id == id))
                .map_or("", |t| t.name.as_str());
            let outcome = a
                .outcome
                .and_then(|id| lab.outcome(id))
                .map_or("", |o| o.text.as_str());
            vec![
                one_line(&a.description),
                who,
                when,
                one_line(theme),
                one_line(outcome),
            ]
        })
        .collect();
    b.push(Block::Table {
        header: ["What", "Who", "By when", "Theme", "Outcome"]
            .map(str::to_owned)
            .to_vec(),
        rows,
    });
}

/// Replaces every participant's name with their service area and level, everywhere.
fn anonymise(report: &mut Report, people: &[Participant]) {
    let mut named: Vec<&Participant> = people
        .iter()
        .filter(|p| !p.name.trim().is_empty())
        .collect();
    // Longer names first, so "Ann Lee" is replaced before "Ann".
    named.sort_by_key(|p| std::cmp::Reverse(p.name.trim().len()));
    let fix = |text: &mut String| {
        for p in &named {
            if text.contains(p.name.trim()) {
                *text = text.replace(p.name.trim(), &anonymous_label(p));
            }
        }
    };
    for block in &mut report.blocks {
        match block {
            Block::Heading(_, t) | Block::Para(t) => fix(t),
            Block::Bullets(items) => items.iter_mut().for_each(fix),
            Block::Table { rows, .. } => rows.iter_mut().flatten().for_each(fix),
            Block::Chart => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_are_sorted_into_challenges_and_ideas_by_name() {
        assert_eq!(
            phase_side("Constraints and challenges"),
            PhaseSide::Challenge
        );
        assert_eq!(phase_side("What could be better"), PhaseSide::Challenge);
        assert_eq!(phase_side("Ideas"), PhaseSide::Idea);
        assert_eq!(phase_side("Vote"), PhaseSide::Other);
    }
}
