//! Report sections shared by every format: the challenges raised kept apart from the ideas
//! proposed (each note's phase says which is which), and the next steps with the next review.
//! Also writes report blocks as Markdown, so the Markdown report gains the same sections.

use chrono::NaiveDate;

use super::one_line;
use super::report::{Block, PhaseSide, ReportOptions, phase_side};
use crate::model::Session;
use crate::model::lab::dates::long;

/// "Challenges raised", "Ideas proposed" and, when there are any, "Other notes": every note
/// under the side its phase is on. Nothing is added for a session whose notes have no phase.
pub fn challenges_and_ideas(b: &mut Vec<Block>, session: &Session) {
    let side_of = |note: &crate::model::Note| {
        note.phase
            .and_then(|id| session.lab.phase(id))
            .map_or(PhaseSide::Other, |p| phase_side(&p.name))
    };
    let texts = |side: PhaseSide| -> Vec<String> {
        session
            .notes
            .iter()
            .filter(|n| side_of(n) == side)
            .map(|n| one_line(&n.text))
            .collect()
    };
    let (challenges, ideas) = (texts(PhaseSide::Challenge), texts(PhaseSide::Idea));
    if challenges.is_empty() && ideas.is_empty() {
        return;
    }
    for (title, items, none) in [
        (
            "Challenges raised",
            challenges,
            "No challenges were recorded.",
        ),
        ("Ideas proposed", ideas, "No ideas were recorded."),
    ] {
        b.push(Block::Heading(2, title.to_owned()));
        b.push(if items.is_empty() {
            Block::Para(none.to_owned())
        } else {
            Block::Bullets(items)
        });
    }
}

/// "Next steps and next review": the actions with a date, soonest first, then the review date
/// (as given, else the first action due date).
pub fn next_steps(b: &mut Vec<Block>, session: &Session, next_review: Option<NaiveDate>) {
    b.push(Block::Heading(2, "Next steps and next review".to_owned()));
    let mut dated: Vec<_> = session
        .lab
        .actions
        .iter()
        .filter_map(|a| a.due.map(|d| (d, a)))
        .collect();
    dated.sort_by_key(|(d, _)| *d);
    let undated = session.lab.actions.len() - dated.len();
    let mut steps: Vec<String> = dated
        .iter()
        .map(|(d, a)| {
            let who = a.real_owner().map_or_else(
                || "owner to be agreed".to_owned(),
                |o| o.name(&session.participants),
            );
            format!("By {}: {} ({who})", long(*d), one_line(&a.description))
        })
        .collect();
    if undated > 0 {
        steps.push(format!(
            "{undated} action{} still need{} a date.",
            if undated == 1 { "" } else { "s" },
            if undated == 1 { "s" } else { "" }
        ));
    }
    if steps.is_empty() {
        b.push(Block::Para("No actions were agreed yet.".to_owned()));
    } else {
        b.push(Block::Bullets(steps));
    }
    let review = next_review.or_else(|| dated.first().map(|(d, _)| *d));
    b.push(Block::Para(match review {
        Some(d) => format!("Next review: {}.", long(d)),
        None => "Next review: to be agreed.".to_owned(),
    }));
}

/// Blocks as Markdown (the chart becomes nothing: the ranking table says the same).
pub fn blocks_markdown(blocks: &[Block]) -> String {
    let mut md = String::new();
    let cell = |t: &str| one_line(t).replace('|', "\\|");
    for block in blocks {
        match block {
            Block::Heading(level, t) => {
                md.push_str(&format!("{} {}\n\n", "#".repeat(*level as usize), t));
            }
            Block::Para(t) => md.push_str(&format!("{t}\n\n")),
            Block::Bullets(items) => {
                for i in items {
                    md.push_str(&format!("- {i}\n"));
                }
                md.push('\n');
            }
            Block::Table { header, rows } => {
                md.push_str(&format!(
                    "| {} |\n",
                    header
                        .iter()
                        .map(|h| cell(h))
                        .collect::<Vec<_>>()
                        .join(" | ")
                ));
                md.push_str(&format!("|{}\n", "---|".repeat(header.len())));
                for row in rows {
                    md.push_str(&format!(
                        "| {} |\n",
                        row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
                    ));
                }
                md.push('\n');
            }
            Block::Chart => {}
        }
    }
    md
}

/// The Markdown report's purpose line (a paragraph after the date).
pub fn markdown_purpose(session: &Session, options: &ReportOptions) -> String {
    format!("Purpose: {}\n\n", super::report::purpose(session, options))
}

/// The Markdown report's challenges and ideas sections.
pub fn markdown_sides(session: &Session) -> String {
    let mut b = Vec::new();
    challenges_and_ideas(&mut b, session);
    blocks_markdown(&b)
}

/// The Markdown report's next steps, next review and version line.
pub fn markdown_next_steps(session: &Session, options: &ReportOptions) -> String {
    let mut b = Vec::new();
    next_steps(&mut b, session, options.with_session(session).next_review);
    b.push(Block::Para(super::report::version_line(session)));
    blocks_markdown(&b)
}
