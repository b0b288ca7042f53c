//! One CSV row per note: text, theme, phase, author, colour, votes.
//!
//! Every cell is safe to open in a spreadsheet: one that starts like a formula is neutralised
//! (CWE-1236), so a note such as `=HYPERLINK(..)` shows as text and never runs.

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
        let _ = writer.write_record(row.iter().map(|cell| safe_cell(cell).into_owned()));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// A cell that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab or
/// a carriage return) gets a leading apostrophe, which Excel and LibreOffice show as text; the
/// OWASP advice for CSV injection (CWE-1236). Other cells are unchanged.
pub fn safe_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_and_others_kept() {
        for bad in [
            "=1+1",
            "+SUM(A1)",
            "-2+3",
            "@cmd",
            "\t=x",
            "\r=x",
            "=HYPERLINK(\"http://x\")",
        ] {
            assert_eq!(safe_cell(bad), format!("'{bad}"), "{bad:?}");
        }
        for fine in ["Fewer forms", "", "3", "a=b", " =x", "'quoted"] {
            assert_eq!(safe_cell(fine), fine, "{fine:?}");
        }
    }

    #[test]
    fn the_export_neutralises_note_text_theme_and_author() {
        use crate::model::{CanvasPos, Note, NoteColour, NoteId, Participant, ParticipantId};
        let mut s = Session::new("t", chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        let p = Participant::new(ParticipantId(1), "@admin");
        s.participants.push(p);
        let mut n = Note::new(
            NoteId(1),
            "=cmd|' /C calc'!A0",
            NoteColour::default(),
            CanvasPos::new(0.0, 0.0),
        );
        n.author = Some(ParticipantId(1));
        s.notes.push(n);
        let out = csv(&s);
        let mut reader = ::csv::Reader::from_reader(out.as_bytes());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[0], "'=cmd|' /C calc'!A0");
        assert_eq!(&row[3], "'@admin");
    }
}
