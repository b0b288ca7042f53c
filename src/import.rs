//! Notes from a file: pre-workshop survey answers, a list typed elsewhere, an export.
//!
//! A text file gives one note per non-empty line. A `.csv` file gives one note per record from
//! the column named `text` (any case), or else the first column; its first record is the header.
//! Every note remembers the 1-based line where it starts in the file, so messages and the
//! `suggest-themes` output can point at it.

use std::fmt;
use std::path::{Path, PathBuf};

use std::collections::HashSet;

use crate::model::{CanvasPos, CanvasRect, Edit, Note, NoteColour, NoteId, Session};

/// Files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: u64 = 50_000_000;

/// The most notes one file can add: far more than any workshop wall, few enough that adding
/// them, placing them and suggesting themes for them takes seconds, not hours.
pub const MAX_IMPORT_NOTES: usize = 20_000;

/// A CSV cell that spans more lines than this is reported: it is most likely an unbalanced
/// quote that folded many rows into one note.
const SUSPICIOUS_CELL_LINES: usize = 20;

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
    /// The file is not text at all (a spreadsheet, an image, ...).
    NotText,
    /// The file is text in an encoding other than UTF-8.
    Encoding {
        /// The encoding it seems to be in, as a person names it.
        seems: &'static str,
        /// The 1-based line holding the first byte that is not UTF-8.
        line: usize,
    },
    /// The file holds more notes than can be imported at once.
    TooMany {
        /// How many notes it holds, at least.
        at_least: usize,
    },
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
            Self::Encoding { seems, line } => write!(
                f,
                "is not UTF-8 text: it looks like {seems} (line {line} holds the first \
                 character that is not UTF-8). Save it again as UTF-8 (in Excel: Save As, \
                 \"CSV UTF-8\"; in Notepad: Encoding UTF-8) and import it again"
            ),
            Self::TooMany { at_least } => write!(
                f,
                "holds more than {} notes ({} or more); at most {} can be imported at once. \
                 Split the file and import the parts one by one",
                crate::model::repair_log::thousands(MAX_IMPORT_NOTES),
                crate::model::repair_log::thousands(*at_least),
                crate::model::repair_log::thousands(MAX_IMPORT_NOTES)
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
    let count = Answers::take(&table, &selection).answers.len();
    if count == 0 {
        return Err(fail(ImportErrorKind::Empty));
    }
    if count > MAX_IMPORT_NOTES {
        return Err(fail(ImportErrorKind::TooMany { at_least: count }));
    }
    Ok((table, selection))
}

/// The bytes of a file no larger than [`MAX_IMPORT_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ImportError> {
    let fail = |kind| ImportError {
        path: path.to_owned(),
        kind,
    };
    crate::storage::read_regular(path, MAX_IMPORT_BYTES).map_err(|e| {
        fail(match e {
            crate::storage::ReadFail::Io(e) => ImportErrorKind::Io(e),
            crate::storage::ReadFail::TooLarge(bytes) => ImportErrorKind::TooLarge { bytes },
        })
    })
}

/// Parses the bytes of a notes file (see [`read_notes`]).
pub fn parse_notes(bytes: &[u8], is_csv: bool) -> Result<Vec<ImportedLine>, ImportErrorKind> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportErrorKind::Encoding {
            seems: "UTF-16 (\"Unicode text\" from Excel or Notepad)",
            line: 1,
        });
    }
    if bytes.contains(&0) {
        return Err(ImportErrorKind::NotText);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            return Err(ImportErrorKind::Encoding {
                seems: "Windows-1252 or Latin-1 (what older Excel saves as CSV)",
                line,
            });
        }
    };
    // Some editors (Windows Notepad, Excel) start UTF-8 files with an invisible byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let notes = if is_csv {
        parse_csv(text)?
    } else {
        parse_lines(text)
    };
    if notes.len() > MAX_IMPORT_NOTES {
        return Err(ImportErrorKind::TooMany {
            at_least: notes.len(),
        });
    }
    if notes.is_empty() {
        return Err(ImportErrorKind::Empty);
    }
    Ok(notes)
}

/// One note per non-empty line, trimmed; reading stops one note past [`MAX_IMPORT_NOTES`].
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
        .take(MAX_IMPORT_NOTES + 1)
        .collect()
}

/// One note per CSV record after the header, from the `text` column or else the first.
/// Empty cells are skipped; a quoted cell may span lines, and reports the line it starts on.
/// Reading stops one note past [`MAX_IMPORT_NOTES`].
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
            if notes.len() > MAX_IMPORT_NOTES {
                break;
            }
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
/// Every line becomes a note: ids come from the session's counter, or, when a damaged file has
/// pushed it to the top of the id range, from the lowest unused ids.
pub fn import_edit_in(session: &Session, lines: &[ImportedLine], area: CanvasRect) -> Edit {
    let slots = session.free_note_slots(area, lines.len());
    let ids = free_note_ids(session, lines.len());
    let notes = lines
        .iter()
        .zip(slots)
        .zip(ids)
        .map(|((line, pos), id)| Note::new(id, line.text.clone(), NoteColour::default(), pos))
        .collect();
    Edit::add_notes(session, notes)
}

/// `count` note ids no note of `session` has (fewer only when all 2^64 are taken).
pub(crate) fn free_note_ids(session: &Session, count: usize) -> Vec<NoteId> {
    let in_use: HashSet<u64> = session.notes.iter().map(|n| n.id.0).collect();
    (session.next_note_id().0.max(1)..=u64::MAX)
        .chain(1..session.next_note_id().0)
        .filter(|id| !in_use.contains(id))
        .take(count)
        .map(NoteId)
        .collect()
}

/// Sentences about notes that look wrong after reading: a CSV cell that runs over many lines
/// is most likely an unbalanced quote that folded many rows into one note.
pub fn import_warnings(notes: &[ImportedLine]) -> Vec<String> {
    let mut warnings = Vec::new();
    for note in notes {
        let lines = note.text.lines().count();
        if lines <= SUSPICIOUS_CELL_LINES {
            continue;
        }
        let start: String = note
            .text
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(80)
            .collect();
        warnings.push(format!(
            "Line {}: one note runs over {} lines of the file. Is a closing quote (\") missing? \
             Everything up to the next quote became this one note, which starts: {start}",
            note.line,
            crate::model::repair_log::thousands(lines)
        ));
        if warnings.len() == 5 {
            break;
        }
    }
    warnings
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
            Err(ImportErrorKind::Encoding {
                seems: "Windows-1252 or Latin-1 (what older Excel saves as CSV)",
                line: 1
            })
        );
    }
}
