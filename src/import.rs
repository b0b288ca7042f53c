//! Notes from a file: pre-workshop survey answers, a list typed elsewhere, an export.
//!
//! A text file gives one note per non-empty line. A `.csv` file gives one note per record from
//! the column named `text` (any case), or else the first column; its first record is the header.
//! Every note remembers the 1-based line where it starts in the file, so messages and the
//! `suggest-themes` output can point at it.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::{CanvasPos, CanvasRect, Edit, Note, NoteColour, Session};

/// Files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: u64 = 50 * 1024 * 1024;

/// The screen size, in points, assumed when placing imported notes without a window: the
/// notes start at the top-left of what a 1600 × 900 window shows of the session's saved view.
const ASSUMED_SCREEN: (f32, f32) = (1600.0, 900.0);

/// One note read from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedLine {
    /// The 1-based line of the file where the note starts.
    pub line: usize,
    /// The note's text, trimmed (a CSV field may hold line breaks).
    pub text: String,
}

/// Why notes could not be read from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportErrorKind {
    /// The operating system refused (missing file, no permission, a folder, ...).
    Io(String),
    /// The file is not UTF-8 text (a spreadsheet, an image, ...).
    NotText,
    /// The file is larger than any list of notes could be.
    TooLarge {
        /// Its size.
        bytes: u64,
    },
    /// The file holds no notes: it is empty or has only blank lines (or only a CSV header).
    Empty,
    /// A survey table (CSV, TSV, .xlsx, .ods) could not be read: where and why.
    Table(crate::survey::TableError),
    /// The CSV could not be read at this 1-based line.
    Csv {
        /// 1-based line.
        line: usize,
        /// What went wrong.
        message: String,
    },
}

impl fmt::Display for ImportErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io(e) => write!(f, "could not be read: {e}"),
            Self::NotText => write!(
                f,
                "is not a text file: save notes as plain text (one per line) or CSV (UTF-8)"
            ),
            Self::TooLarge { bytes } => write!(
                f,
                "is {:.0} MB, larger than the {} MB a notes file can be",
                *bytes as f64 / 1.0e6,
                MAX_IMPORT_BYTES / 1_000_000
            ),
            Self::Empty => write!(f, "has no notes: it is empty or every line is blank"),
            Self::Csv { line, message } => write!(f, "line {line}: {message}"),
            Self::Table(e) => write!(f, "{e}"),
        }
    }
}

/// An [`ImportErrorKind`] together with the file it happened to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    pub kind: ImportErrorKind,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        write!(f, "{name} {}", self.kind)
    }
}

impl std::error::Error for ImportError {}

/// Reads the notes in a text file, or the answers in a survey table (CSV, TSV, .xlsx, .ods;
/// the note-text column chosen automatically, see [`crate::survey`]). The file is only read.
/// A file without any note is an error ([`ImportErrorKind::Empty`]).
pub fn read_notes(path: &Path) -> Result<Vec<ImportedLine>, ImportError> {
    if crate::survey::is_table_file(path) {
        let (table, selection) = read_survey(path, None, None)?;
        let answers = crate::survey::Answers::take(&table, &selection);
        return Ok(answers.lines());
    }
    let bytes = read_bytes(path)?;
    parse_notes(&bytes, false).map_err(|kind| ImportError {
        path: path.to_owned(),
        kind,
    })
}

/// Reads a survey table and chooses its columns: the note text (and author) named, or else
/// chosen automatically. A table without any answer in that column is
/// [`ImportErrorKind::Empty`].
pub fn read_survey(
    path: &Path,
    text: Option<&crate::survey::ColumnRef>,
    author: Option<&crate::survey::ColumnRef>,
) -> Result<(crate::survey::Table, crate::survey::Selection), ImportError> {
    use crate::survey::{Answers, Selection, parse_table};
    let fail = |kind| ImportError {
        path: path.to_owned(),
        kind,
    };
    let bytes = read_bytes(path)?;
    let table = parse_table(path, bytes).map_err(|e| fail(ImportErrorKind::Table(e)))?;
    if crate::survey::has_no_answers(&table) {
        return Err(fail(ImportErrorKind::Empty));
    }
    let selection =
        Selection::choose(&table, text, author).map_err(|e| fail(ImportErrorKind::Table(e)))?;
    if Answers::take(&table, &selection).answers.is_empty() {
        return Err(fail(ImportErrorKind::Empty));
    }
    Ok((table, selection))
}

/// The bytes of a file no larger than [`MAX_IMPORT_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ImportError> {
    let fail = |kind| ImportError {
        path: path.to_owned(),
        kind,
    };
    let meta = std::fs::metadata(path).map_err(|e| fail(ImportErrorKind::Io(e.to_string())))?;
    if meta.is_dir() {
        return Err(fail(ImportErrorKind::Io(
            "it is a folder, not a file".to_owned(),
        )));
    }
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(fail(ImportErrorKind::TooLarge { bytes: meta.len() }));
    }
    std::fs::read(path).map_err(|e| fail(ImportErrorKind::Io(e.to_string())))
}

/// Parses the bytes of a notes file (see [`read_notes`]).
pub fn parse_notes(bytes: &[u8], is_csv: bool) -> Result<Vec<ImportedLine>, ImportErrorKind> {
    if bytes.contains(&0) {
        return Err(ImportErrorKind::NotText);
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(ImportErrorKind::NotText);
    };
    // Some editors (Windows Notepad, Excel) start UTF-8 files with an invisible byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let notes = if is_csv {
        parse_csv(text)?
    } else {
        parse_lines(text)
    };
    if notes.is_empty() {
        return Err(ImportErrorKind::Empty);
    }
    Ok(notes)
}

/// One note per non-empty line, trimmed.
pub fn parse_lines(text: &str) -> Vec<ImportedLine> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let line_text = line.trim();
            (!line_text.is_empty()).then(|| ImportedLine {
                line: i + 1,
                text: line_text.to_owned(),
            })
        })
        .collect()
}

/// One note per CSV record after the header, from the `text` column or else the first.
/// Empty cells are skipped; a quoted cell may span lines, and reports the line it starts on.
pub fn parse_csv(text: &str) -> Result<Vec<ImportedLine>, ImportErrorKind> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let mut column = None;
    let mut notes = Vec::new();
    for record in &mut records {
        let record = record.map_err(|e| csv_error(&e))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let Some(column) = column else {
            column = Some(
                record
                    .iter()
                    .position(|h| h.trim().eq_ignore_ascii_case("text"))
                    .unwrap_or(0),
            );
            continue;
        };
        let Some(cell) = record.get(column) else {
            continue;
        };
        let cell = cell.trim();
        if !cell.is_empty() {
            notes.push(ImportedLine {
                line,
                text: cell.to_owned(),
            });
        }
    }
    Ok(notes)
}

fn csv_error(e: &csv::Error) -> ImportErrorKind {
    ImportErrorKind::Csv {
        line: e.position().map_or(0, |p| p.line() as usize),
        message: e.to_string(),
    }
}

/// The edit that adds `lines` as new yellow notes, placed on free grid cells from the top-left
/// of what the session's saved view shows (as the app places new notes), so they never
/// overlap existing notes or each other. One edit: one undo removes the whole import.
pub fn import_edit(session: &Session, lines: &[ImportedLine]) -> Edit {
    import_edit_in(session, lines, default_area(session))
}

/// Where notes are placed without a window: what a 1600 × 900 window shows of the session's
/// saved view.
pub fn default_area(session: &Session) -> CanvasRect {
    let zoom = session.view.zoom.max(0.01);
    let (w, h) = (ASSUMED_SCREEN.0 / zoom, ASSUMED_SCREEN.1 / zoom);
    let c = session.view.center;
    CanvasRect::from_min_max(
        CanvasPos::new(c.x - w / 2.0, c.y - h / 2.0),
        CanvasPos::new(c.x + w / 2.0, c.y + h / 2.0),
    )
}

/// [`import_edit`] placing the notes from the top-left of `area` (e.g. the visible canvas).
pub fn import_edit_in(session: &Session, lines: &[ImportedLine], area: CanvasRect) -> Edit {
    let slots = session.free_note_slots(area, lines.len());
    let first = session.next_note_id().0;
    let notes = lines
        .iter()
        .zip(slots)
        .enumerate()
        .map(|(i, (line, pos))| {
            Note::new(
                crate::model::NoteId(first + i as u64),
                line.text.clone(),
                NoteColour::default(),
                pos,
            )
        })
        .collect();
    Edit::add_notes(session, notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(notes: &[ImportedLine]) -> Vec<(usize, &str)> {
        notes.iter().map(|n| (n.line, n.text.as_str())).collect()
    }

    #[test]
    fn text_lines_skip_blanks_and_keep_line_numbers() {
        let notes = parse_notes(b"\xef\xbb\xbffirst\r\n\r\n  second  \n\t\nthird", false).unwrap();
        assert_eq!(lines(&notes), [(1, "first"), (3, "second"), (5, "third")]);
    }

    #[test]
    fn csv_uses_the_text_column_and_the_line_a_record_starts_on() {
        let csv = "id,Text,author\n1,\"Data sharing\",ann\n2,\"Two\nlines, with comma\",bob\n3,,cy\n4,\"He said \"\"hi\"\"\",dee\n";
        let notes = parse_notes(csv.as_bytes(), true).unwrap();
        assert_eq!(
            lines(&notes),
            [
                (2, "Data sharing"),
                (3, "Two\nlines, with comma"),
                (6, "He said \"hi\"")
            ]
        );
    }

    #[test]
    fn csv_without_a_text_column_uses_the_first() {
        let notes = parse_notes(b"answer,score\nMore training,3\nshort\n", true).unwrap();
        assert_eq!(lines(&notes), [(2, "More training"), (3, "short")]);
    }

    #[test]
    fn empty_blank_header_only_and_binary_files_are_refused() {
        assert_eq!(parse_notes(b"", false), Err(ImportErrorKind::Empty));
        assert_eq!(
            parse_notes(b"\n  \n\t\n", false),
            Err(ImportErrorKind::Empty)
        );
        assert_eq!(parse_notes(b"text\n", true), Err(ImportErrorKind::Empty));
        assert_eq!(
            parse_notes(b"PK\x03\x04\0\0", false),
            Err(ImportErrorKind::NotText)
        );
        assert_eq!(
            parse_notes(b"caf\xe9", false),
            Err(ImportErrorKind::NotText)
        );
    }
}
