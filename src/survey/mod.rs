//! Survey exports in: Microsoft Forms and Google Forms answers saved as CSV, TSV, .xlsx or .ods.
//!
//! A file becomes a [`Table`] (header plus rows). The note-text column is chosen automatically
//! as the free-text column with the longest answers, never an ID, timestamp, email or name
//! column ([`choose`]); the facilitator (app preview) or `--column` can choose another, and
//! optionally an author column and a service-area column. [`Answers`] are what gets imported.

pub mod choose;
pub mod edit;
pub mod sheet;
pub mod text;

use std::fmt;
use std::path::Path;

pub use choose::{ColumnKind, ColumnRef, Selection};
pub use edit::{Answer, Answers};

/// A cell larger than this is refused: no note is 100 KB of text.
pub const MAX_CELL_BYTES: usize = 100_000;

/// The file extensions read as tables (compared without case).
pub const TABLE_EXTENSIONS: [&str; 7] = ["csv", "tsv", "tab", "xlsx", "xlsm", "ods", "xls"];

/// One row of answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The 1-based line (CSV) or row (spreadsheet) where the row starts.
    pub line: usize,
    /// The cells, left to right (a row may be shorter than the header).
    pub cells: Vec<String>,
}

impl Row {
    /// The cell in column `i`, trimmed; empty when the row is short.
    pub fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map_or("", |c| c.trim())
    }
}

/// A table of survey answers: the header row and the rows under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The column names, as the first row gives them.
    pub headers: Vec<String>,
    /// The answers.
    pub rows: Vec<Row>,
    /// The sheet read, for a spreadsheet.
    pub sheet: Option<String>,
    /// The text encoding detected, for a text file.
    pub encoding: Option<&'static str>,
    /// The delimiter detected, for a text file.
    pub delimiter: Option<char>,
    /// What a row number is called in messages: "line" (text) or "row" (spreadsheet).
    pub first_row: &'static str,
}

impl Table {
    /// The name of column `i` for people: its header, or "column N" when the header is blank.
    pub fn column_name(&self, i: usize) -> String {
        match self.headers.get(i).map(|h| h.trim()) {
            Some(h) if !h.is_empty() => h.to_owned(),
            _ => format!("column {}", i + 1),
        }
    }

    /// How many columns the widest row (or the header) has.
    pub fn width(&self) -> usize {
        self.rows
            .iter()
            .map(|r| r.cells.len())
            .chain([self.headers.len()])
            .max()
            .unwrap_or(0)
    }

    /// Up to `n` non-blank answers of column `i`, for a preview.
    pub fn samples(&self, i: usize, n: usize) -> Vec<&str> {
        self.rows
            .iter()
            .map(|r| r.cell(i))
            .filter(|c| !c.is_empty())
            .take(n)
            .collect()
    }
}

/// Why a table could not be read, with where: the sheet, the row (or line) and the column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableError {
    /// The sheet, for a spreadsheet.
    pub sheet: Option<String>,
    /// The 1-based row or line.
    pub row: Option<usize>,
    /// The column, as a number and perhaps its header.
    pub column: Option<String>,
    /// What is wrong, as a sentence fragment that follows the file name.
    pub message: String,
}

impl TableError {
    /// An error about the whole file.
    pub fn whole(message: impl Into<String>) -> Self {
        Self::at(None, None, None, message)
    }

    /// An error at a place in the file.
    pub fn at(
        sheet: Option<String>,
        row: Option<usize>,
        column: Option<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            sheet,
            row,
            column,
            message: message.into(),
        }
    }
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut place = Vec::new();
        if let Some(sheet) = &self.sheet {
            place.push(format!("sheet “{sheet}”"));
        }
        if let Some(row) = self.row {
            place.push(format!("row {row}"));
        }
        if let Some(column) = &self.column {
            place.push(format!("column {column}"));
        }
        if place.is_empty() {
            write!(f, "{}", self.message)
        } else if self.row.is_none() && self.column.is_none() {
            write!(f, "{} {}", place.join(", "), self.message)
        } else {
            write!(f, "at {}: {}", place.join(", "), self.message)
        }
    }
}

impl std::error::Error for TableError {}

/// True when `path` is read as a table of answers (CSV, TSV, a spreadsheet).
pub fn is_table_file(path: &Path) -> bool {
    let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
        return false;
    };
    TABLE_EXTENSIONS.iter().any(|t| ext.eq_ignore_ascii_case(t))
}

/// Reads the table in `bytes`, by the file name's extension (text files as CSV).
pub fn parse_table(name: &Path, bytes: Vec<u8>) -> Result<Table, TableError> {
    let ext = name
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let table = match ext.as_str() {
        "xlsx" | "xlsm" => sheet::parse(bytes, sheet::SheetKind::Xlsx)?,
        "ods" => sheet::parse(bytes, sheet::SheetKind::Ods)?,
        "xls" => sheet::parse(bytes, sheet::SheetKind::Xls)?,
        "tsv" | "tab" => text::parse(&bytes, true)?,
        _ => text::parse(&bytes, false)?,
    };
    Ok(table)
}

/// True when no row has any answer in it (a header and nothing else).
pub fn has_no_answers(table: &Table) -> bool {
    table
        .rows
        .iter()
        .all(|r| r.cells.iter().all(|c| c.trim().is_empty()))
}
