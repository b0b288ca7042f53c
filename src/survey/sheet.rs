//! Spreadsheets (.xlsx from Microsoft Forms and Excel, .ods from LibreOffice, old .xls) read with
//! calamine: the first sheet that holds anything, its first row as the header.

use std::io::Cursor;

use calamine::{Data, Ods, Range, Reader, Xls, Xlsx, open_workbook_from_rs};

use super::text::check_cells;
use super::{Row, Table, TableError};

/// The spreadsheet kinds, by file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetKind {
    /// Office Open XML (.xlsx, .xlsm).
    Xlsx,
    /// OpenDocument (.ods).
    Ods,
    /// The old binary Excel format (.xls).
    Xls,
}

/// The start of an OLE compound file: what an encrypted (password-protected) .xlsx is.
const OLE_MAGIC: [u8; 4] = [0xd0, 0xcf, 0x11, 0xe0];

/// Reads the first non-empty sheet of a spreadsheet from its bytes.
pub fn parse(bytes: Vec<u8>, kind: SheetKind) -> Result<Table, TableError> {
    if kind == SheetKind::Xlsx && bytes.starts_with(&OLE_MAGIC) {
        return Err(TableError::whole(
            "is password-protected (encrypted), so it cannot be read: open it in Excel, remove \
             the password (File › Info › Protect Workbook) and save it again",
        ));
    }
    let damaged = |e: &dyn std::fmt::Display| {
        TableError::whole(format!(
            "could not be read as a spreadsheet; it may be damaged or not really a {} file ({e})",
            match kind {
                SheetKind::Xlsx => ".xlsx",
                SheetKind::Ods => ".ods",
                SheetKind::Xls => ".xls",
            }
        ))
    };
    let cursor = Cursor::new(bytes);
    let (names, ranges): (Vec<String>, Vec<Result<Range<Data>, String>>) = match kind {
        SheetKind::Xlsx => {
            let mut book: Xlsx<_> = open_workbook_from_rs(cursor).map_err(|e| damaged(&e))?;
            all_ranges(&mut book)
        }
        SheetKind::Ods => {
            let mut book: Ods<_> = open_workbook_from_rs(cursor).map_err(|e| damaged(&e))?;
            all_ranges(&mut book)
        }
        SheetKind::Xls => {
            let mut book: Xls<_> = open_workbook_from_rs(cursor).map_err(|e| damaged(&e))?;
            all_ranges(&mut book)
        }
    };
    let Some(first) = names.first() else {
        return Err(TableError::whole("has no sheets"));
    };
    for (name, range) in names.iter().zip(ranges) {
        let range = range.map_err(|e| {
            TableError::at(
                Some(name.clone()),
                None,
                None,
                format!("could not be read: {e}"),
            )
        })?;
        if range
            .rows()
            .any(|r| r.iter().any(|c| !c.to_string().trim().is_empty()))
        {
            return table_from_range(name, &range);
        }
    }
    Err(TableError::at(
        Some(first.clone()),
        None,
        None,
        if names.len() == 1 {
            "is empty: there are no answers to import".to_owned()
        } else {
            format!(
                "and the other {} sheets are empty: there are no answers to import",
                names.len() - 1
            )
        },
    ))
}

/// Every sheet's name and cells, in the workbook's order.
fn all_ranges<RS, R>(book: &mut R) -> (Vec<String>, Vec<Result<Range<Data>, String>>)
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let names = book.sheet_names();
    let ranges = names
        .iter()
        .map(|n| book.worksheet_range(n).map_err(|e| e.to_string()))
        .collect();
    (names, ranges)
}

/// The table in one sheet: the first row with anything in it is the header; rows are numbered
/// as the spreadsheet numbers them.
fn table_from_range(name: &str, range: &Range<Data>) -> Result<Table, TableError> {
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let line = first_row as usize + i + 1;
        let mut texts: Vec<String> = Vec::with_capacity(first_col as usize + cells.len());
        texts.resize(first_col as usize, String::new());
        texts.extend(cells.iter().map(cell_text));
        check_cells(&texts, headers.as_deref(), Some(name), line)?;
        if headers.is_none() {
            if texts.iter().all(|t| t.trim().is_empty()) {
                continue;
            }
            headers = Some(texts);
        } else {
            rows.push(Row { line, cells: texts });
        }
    }
    Ok(Table {
        headers: headers.unwrap_or_default(),
        rows,
        sheet: Some(name.to_owned()),
        encoding: None,
        delimiter: None,
        first_row: "row",
    })
}

/// A cell as text: whole numbers without ".0", everything else as the sheet shows it.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}
