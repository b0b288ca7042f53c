//! The report's "Since last time" and "Scores" sections: for a follow-up, what happened to the
//! carried actions and which are new, the actions overdue on the day of the meeting, each
//! scored question's change, and the themes that are new, carried over or no longer raised;
//! for any session, each scored question's distribution and median.

use std::fmt::Write as _;

use super::one_line;
use crate::model::Session;
use crate::model::followup::question_of;
use crate::model::lab::dates::long;
use crate::model::lab::progress::{grouped_by_status, overdue};
use crate::model::lab::{Action, ActionStatus};
use crate::model::score::{SCALE, number};

/// Writes the "Scores" section (when a question was scored) and, for a follow-up, the "Since
/// last time" section.
pub fn scores_and_since(md: &mut String, session: &Session) {
    scores(md, session);
    let Some(previous) = &session.previous else {
        return;
    };
    let _ = writeln!(md, "## Since last time\n");
    let _ = writeln!(
        md,
        "This session follows up “{}”, held on {}.\n",
        one_line(&previous.title),
        long(previous.date)
    );
    actions(md, session);
    overdue_actions(md, session);
    score_changes(md, session);
    themes(md, session);
}

fn scores(md: &mut String, session: &Session) {
    let scored: Vec<_> = session
        .lab
        .phases
        .iter()
        .filter_map(|p| Some((p, p.kind.scoring()?)))
        .filter(|(_, s)| s.distribution().total() > 0)
        .collect();
    let Some((_, first)) = scored.first() else {
        return;
    };
    let _ = writeln!(md, "## Scores\n");
    let labels: Vec<String> = (1..=SCALE as u8)
        .map(|n| format!("{n} {}", first.label(n)))
        .collect();
    let _ = writeln!(md, "| Question | {} | Median |", labels.join(" | "));
    let _ = writeln!(md, "|---|{}---|", "---|".repeat(SCALE));
    for (phase, scoring) in scored {
        let counts = scoring.distribution();
        let cells: Vec<String> = counts.0.iter().map(u32::to_string).collect();
        let median = counts.median().map_or_else(String::new, number);
        let _ = writeln!(
            md,
            "| {} | {} | {median} |",
            cell(question_of(phase)),
            cells.join(" | ")
        );
    }
    md.push('\n');
}

fn actions(md: &mut String, session: &Session) {
    let _ = writeln!(md, "### Actions\n");
    let carried: Vec<&Action> = session.lab.actions.iter().filter(|a| a.carried).collect();
    for (status, these) in grouped_by_status(&carried) {
        let heading = match status {
            ActionStatus::NotStarted => "Not started yet",
            other => other.label(),
        };
        let _ = writeln!(md, "- {heading} ({}):", these.len());
        for action in these {
            let _ = writeln!(md, "  - {}", describe(session, action));
        }
    }
    let new: Vec<&Action> = session.lab.actions.iter().filter(|a| !a.carried).collect();
    let _ = writeln!(md, "- New ({}):", new.len());
    for action in new {
        let _ = writeln!(md, "  - {}", describe(session, action));
    }
    md.push('\n');
}

/// "Launch the pilot (Tom Reid): Two estates live".
fn describe(session: &Session, action: &Action) -> String {
    let mut text = one_line(&action.description);
    if let Some(owner) = action.real_owner() {
        let _ = write!(text, " ({})", owner.name(&session.participants));
    }
    if !action.progress.is_empty() {
        let _ = write!(text, ": {}", one_line(&action.progress));
    }
    text
}

fn overdue_actions(md: &mut String, session: &Session) {
    let _ = writeln!(md, "### Overdue on {}\n", long(session.date));
    let late = overdue(&session.lab, session.date);
    if late.is_empty() {
        let _ = writeln!(md, "No action is overdue.\n");
        return;
    }
    for action in late {
        let owner = action.real_owner().map_or_else(
            || "nobody owns it".to_owned(),
            |o| format!("owned by {}", o.name(&session.participants)),
        );
        let due = action.due.map(long).unwrap_or_default();
        let _ = writeln!(
            md,
            "- “{}” was due on {due} and is {} ({owner}).",
            one_line(&action.description),
            action.status.label().to_lowercase()
        );
    }
    md.push('\n');
}

fn score_changes(md: &mut String, session: &Session) {
    let changes: Vec<_> = session
        .lab
        .phases
        .iter()
        .filter_map(|p| Some((p, session.score_change(p.id)?)))
        .collect();
    if changes.is_empty() {
        return;
    }
    let _ = writeln!(md, "### Scores\n");
    let _ = writeln!(md, "| Question | Last time | This time | Change |");
    let _ = writeln!(md, "|---|---|---|---|");
    for (phase, change) in changes {
        let median = |d: crate::model::score::Distribution| {
            d.median().map_or_else(
                || "not scored".to_owned(),
                |m| format!("median {}", number(m)),
            )
        };
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} |",
            cell(question_of(phase)),
            median(change.before),
            median(change.after),
            change.describe()
        );
    }
    md.push('\n');
}

fn themes(md: &mut String, session: &Session) {
    let Some(previous) = &session.previous else {
        return;
    };
    let was = |name: &str| previous.themes.iter().any(|t| t.eq_ignore_ascii_case(name));
    let raised = |id| session.notes.iter().any(|n| n.theme == Some(id));
    let mut new = Vec::new();
    let mut carried = Vec::new();
    let mut dropped: Vec<String> = Vec::new();
    for theme in &session.themes {
        match (was(&theme.name), raised(theme.id)) {
            (false, _) => new.push(one_line(&theme.name)),
            (true, true) => carried.push(one_line(&theme.name)),
            (true, false) => dropped.push(one_line(&theme.name)),
        }
    }
    for name in &previous.themes {
        if !session
            .themes
            .iter()
            .any(|t| t.name.eq_ignore_ascii_case(name))
        {
            dropped.push(one_line(name));
        }
    }
    let _ = writeln!(md, "### Themes\n");
    for (heading, names) in [
        ("New", new),
        ("Carried over and raised again", carried),
        ("No longer raised", dropped),
    ] {
        let list = if names.is_empty() {
            "none".to_owned()
        } else {
            names.join(", ")
        };
        let _ = writeln!(md, "- {heading}: {list}.");
    }
    md.push('\n');
}

/// Text for a table cell: on one line, with `|` escaped.
fn cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}
