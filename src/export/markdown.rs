//! The plain-language Markdown report: who took part, the vision and outcomes, the themes
//! ranked by votes with their notes, the actions, the gaps in the golden thread, and the notes
//! not in any theme. Written for a council officer to paste into a strategy document.

use std::fmt::Write as _;

use super::{ReportOptions, one_line};
use crate::model::lab::coverage::who_took_part;
use crate::model::lab::dates::long;
use crate::model::lab::golden_thread::breaks;
use crate::model::vote::OptionLookup;
use crate::model::{Session, ThemeId, VoteOption};
use votes::other_votes;

mod votes;

/// The report for `session`. Its themes are ranked by the vote that sets the priorities (see
/// [`crate::model::Voting::counting_round`]), named with its question, method, voters, rounds and
/// any tie and runoff; other votes are listed after it, never mixed into the ranking.
pub fn markdown(session: &Session) -> String {
    markdown_with(session, &ReportOptions::default())
}

/// The report for `session` with one-off choices (a purpose, facilitator or next review given
/// for this export only; anything not given comes from the session's report details).
pub fn markdown_with(session: &Session, options: &ReportOptions) -> String {
    let dots = session.voting.dots_by_option();
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", one_line(&session.title));
    let _ = write!(md, "Workshop held on {}.", long(session.date));
    if let Some(line) = options.facilitator_line(session) {
        let _ = write!(md, " {line}");
    }
    md.push_str("\n\n");
    md.push_str(&super::sides::markdown_purpose(session, options));
    people(&mut md, session);
    vision(&mut md, session);
    md.push_str(&super::sides::markdown_sides(session));
    themes(&mut md, session);
    other_votes(&mut md, session);
    actions(&mut md, session);
    super::since::scores_and_since(&mut md, session);
    gaps(&mut md, session, &dots);
    unthemed(&mut md, session);
    md.push_str(&super::sides::markdown_next_steps(session, options));
    // Exactly one newline at the end.
    let trimmed = md.trim_end().len();
    md.truncate(trimmed);
    md.push('\n');
    md
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn people(md: &mut String, session: &Session) {
    let _ = writeln!(md, "## Who took part\n");
    if session.participants.is_empty() {
        let _ = writeln!(md, "No participants were recorded.\n");
        return;
    }
    let (areas, levels) = who_took_part(session);
    let named_areas = session
        .participants
        .iter()
        .filter(|p| !p.service_area.trim().is_empty())
        .map(|p| p.service_area.trim())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let _ = writeln!(
        md,
        "{} took part, from {}.\n",
        plural(session.participants.len(), "person", "people"),
        plural(named_areas, "service area", "service areas")
    );
    let _ = writeln!(md, "| Service area | People |");
    let _ = writeln!(md, "|---|---|");
    for (area, names) in &areas {
        let _ = writeln!(md, "| {} | {} |", cell(area), cell(&names.join(", ")));
    }
    let levels: Vec<String> = levels
        .iter()
        .map(|(level, n)| format!("{level}: {n}"))
        .collect();
    let _ = writeln!(md, "\nBy level: {}.\n", levels.join("; "));
}

fn vision(md: &mut String, session: &Session) {
    let lab = &session.lab;
    let _ = writeln!(md, "## Vision\n");
    if lab.vision.trim().is_empty() {
        let _ = writeln!(md, "No vision was recorded.\n");
    } else {
        for line in lab.vision.trim().lines() {
            let _ = writeln!(md, "> {}", line.trim());
        }
        md.push('\n');
    }
    let _ = writeln!(md, "## Outcomes\n");
    if lab.outcomes.is_empty() {
        let _ = writeln!(md, "No outcomes were recorded.\n");
        return;
    }
    for (i, outcome) in lab.outcomes.iter().enumerate() {
        let when = outcome.by_when.map_or_else(
            || "no date agreed yet".to_owned(),
            |d| format!("by {}", long(d)),
        );
        let _ = writeln!(md, "{}. {} ({when})", i + 1, one_line(&outcome.text));
    }
    md.push('\n');
}

fn themes(md: &mut String, session: &Session) {
    let priorities = session.voting.priorities(session);
    let _ = writeln!(
        md,
        "## {}\n",
        if priorities.is_some() {
            "Themes, ranked by votes"
        } else {
            "Themes"
        }
    );
    if session.themes.is_empty() {
        let _ = writeln!(md, "No themes were agreed.\n");
        return;
    }
    let Some(priorities) = priorities else {
        let _ = writeln!(
            md,
            "No vote was held, so the themes are in the order the room agreed them.\n"
        );
        for theme in &session.themes {
            let _ = writeln!(md, "### {}\n", one_line(&theme.name));
            theme_notes(md, session, theme.id);
        }
        return;
    };
    votes::the_vote(md, session, &priorities);
    let lookup = OptionLookup::new(session);
    let Some(round) = session.voting.round(priorities.round) else {
        return;
    };
    for row in &priorities.rows {
        let VoteOption::Theme(id) = row.option else {
            continue;
        };
        let rank = if row.tied {
            format!("={}", row.rank)
        } else {
            row.rank.to_string()
        };
        let mut count = votes::count_words(&round.settings, row.dots);
        if let Some(n) = row.runoff {
            let _ = write!(count, "; {n} in the runoff");
        }
        let name = round.option_name(&lookup, row.option);
        let _ = writeln!(md, "### {rank}. {} ({count})\n", one_line(&name));
        theme_notes(md, session, id);
    }
    for theme in &session.themes {
        if !round
            .settings
            .options
            .contains(&VoteOption::Theme(theme.id))
        {
            let _ = writeln!(md, "### {} (not in the vote)\n", one_line(&theme.name));
            theme_notes(md, session, theme.id);
        }
    }
}

/// The notes of a theme as a list, or "No notes.".
fn theme_notes(md: &mut String, session: &Session, theme: ThemeId) {
    let notes: Vec<&str> = session
        .notes
        .iter()
        .filter(|note| note.theme == Some(theme))
        .map(|note| note.text.as_str())
        .collect();
    if notes.is_empty() {
        let _ = writeln!(md, "No notes.\n");
        return;
    }
    for text in notes {
        let _ = writeln!(md, "- {}", one_line(text));
    }
    md.push('\n');
}

fn actions(md: &mut String, session: &Session) {
    let lab = &session.lab;
    let _ = writeln!(md, "## Actions\n");
    if lab.actions.is_empty() {
        let _ = writeln!(md, "No actions were agreed.\n");
        return;
    }
    let _ = writeln!(md, "| What | Who | By when | Theme | Outcome |");
    let _ = writeln!(md, "|---|---|---|---|---|");
    for action in &lab.actions {
        let who = action.real_owner().map_or_else(
            || "Not yet agreed".to_owned(),
            |o| o.name(&session.participants),
        );
        let when = action.due.map_or_else(|| "Not yet agreed".to_owned(), long);
        let theme = action
            .theme
            .and_then(|id| session.themes.iter().find(|t| t.id == id))
            .map_or("", |t| t.name.as_str());
        let outcome = action
            .outcome
            .and_then(|id| lab.outcome(id))
            .map_or("", |o| o.text.as_str());
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} |",
            cell(&action.description),
            cell(&who),
            cell(&when),
            cell(theme),
            cell(outcome)
        );
    }
    md.push('\n');
}

fn gaps(md: &mut String, session: &Session, dots: &[(VoteOption, u32)]) {
    let _ = writeln!(md, "## Gaps in the golden thread\n");
    let found = breaks(session, dots);
    if found.is_empty() {
        let _ = writeln!(
            md,
            "None. Every outcome has an action, every top theme has an action, and every action has an owner and a date that fits its outcome.\n"
        );
        return;
    }
    for gap in found {
        let _ = writeln!(md, "- {}", gap.describe(session));
    }
    md.push('\n');
}

fn unthemed(md: &mut String, session: &Session) {
    let _ = writeln!(md, "## Notes not in any theme\n");
    let notes: Vec<&str> = session
        .notes
        .iter()
        .filter(|n| {
            n.theme
                .is_none_or(|id| !session.themes.iter().any(|t| t.id == id))
        })
        .map(|n| n.text.as_str())
        .collect();
    if notes.is_empty() {
        let _ = writeln!(md, "None: every note is in a theme.\n");
        return;
    }
    for text in notes {
        let _ = writeln!(md, "- {}", one_line(text));
    }
    md.push('\n');
}

/// Text for a table cell: on one line, with `|` escaped.
fn cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}
