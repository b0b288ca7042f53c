//! One CSV row per note: text, theme, phase, author, colour, votes.

use std::collections::HashMap;

use crate::model::{NoteId, Session, VoteOption};

/// The CSV of every note, in drawing order, with the dots of the latest vote on notes.
pub fn csv(session: &Session) -> String {
    csv_with_votes(session, &session.voting.dots_by_note())
}

/// The CSV of every note with the given tally. Fields are quoted when they hold commas,
/// quotes or line breaks; the first row names the columns.
pub fn csv_with_votes(session: &Session, dots: &[(VoteOption, u32)]) -> String {
    let note_dots: HashMap<NoteId, u32> = dots
        .iter()
        .filter_map(|(option, n)| match option {
            VoteOption::Note(id) => Some((*id, *n)),
            VoteOption::Theme(_) => None,
        })
        .collect();
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let header = ["text", "theme", "phase", "author", "colour", "votes"];
    let mut rows: Vec<[String; 6]> = Vec::with_capacity(session.notes.len());
    for note in &session.notes {
        let theme = note
            .theme
            .and_then(|id| session.themes.iter().find(|t| t.id == id))
            .map(|t| t.name.clone())
            .unwrap_or_default();
        let phase = note
            .phase
            .and_then(|id| session.lab.phase(id))
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let author = note
            .author
            .and_then(|id| session.participant(id))
            .map(|p| p.name.clone())
            .unwrap_or_default();
        rows.push([
            note.text.clone(),
            theme,
            phase,
            author,
            note.colour.name().to_owned(),
            note_dots.get(&note.id).copied().unwrap_or(0).to_string(),
        ]);
    }
    // Writing to memory cannot fail; a failed row would only be skipped.
    let _ = writer.write_record(header);
    for row in &rows {
        let _ = writer.write_record(row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
