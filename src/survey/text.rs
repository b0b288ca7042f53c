//! Delimited text tables (CSV, TSV) as survey tools and spreadsheets save them: the encoding
//! and the delimiter are detected, and a quote left open is reported where it starts.

use super::{MAX_CELL_BYTES, Row, Table, TableError};

/// Turns the bytes of a text file into text, naming the encoding it was in: UTF-8 (with or
/// without a byte order mark), UTF-16 with a byte order mark, else Windows-1252 (what Excel on
/// Windows writes as "CSV"). A file with NUL bytes and no UTF-16 mark is not text.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), TableError> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors && encoding != encoding_rs::UTF_8 {
            return Err(TableError::whole(format!(
                "is marked as {} text but is damaged: save it again as CSV UTF-8",
                encoding.name()
            )));
        }
        let name = if encoding == encoding_rs::UTF_8 {
            "UTF-8 with BOM"
        } else {
            encoding.name()
        };
        return Ok((text.into_owned(), name));
    }
    if bytes.contains(&0) {
        return Err(TableError::whole(
            "is not a text table: save it as CSV (UTF-8), TSV, .xlsx or .ods",
        ));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), "UTF-8"));
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    Ok((text.into_owned(), "Windows-1252"))
}

/// The delimiter of a table: tab for `.tsv`, else whichever of comma, semicolon and tab occurs
/// most often (outside quotes) in the header line; comma when there is none.
pub fn detect_delimiter(text: &str, tsv: bool) -> u8 {
    if tsv {
        return b'\t';
    }
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in text.bytes() {
        match c {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(slot) = counts.iter_mut().find(|(d, _)| *d == c) {
                    slot.1 += 1;
                }
            }
            _ => {}
        }
    }
    // `max_by_key` keeps the last of equals; reversed, ties go to the comma.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| *d)
}

/// Where a quoted field is left open at the end of the text: its 1-based line and column
/// number. Quotes inside an unquoted field are ordinary characters, as spreadsheets read them.
pub fn open_quote(text: &str, delimiter: u8) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let (mut line, mut column) = (1usize, 1usize);
    let mut at_field_start = true;
    let mut open: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if open.is_some() {
            if c == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    open = None;
                }
            } else if c == b'\n' {
                line += 1;
            }
        } else if c == b'"' && at_field_start {
            open = Some((line, column));
        } else if c == delimiter {
            column += 1;
            at_field_start = true;
            i += 1;
            continue;
        } else if c == b'\n' {
            line += 1;
            column = 1;
            at_field_start = true;
            i += 1;
            continue;
        }
        at_field_start = false;
        i += 1;
    }
    open
}

/// Reads a delimited table from its bytes: the first record is the header. `tsv` forces tab.
pub fn parse(bytes: &[u8], tsv: bool) -> Result<Table, TableError> {
    let (text, encoding) = decode(bytes)?;
    let delimiter = detect_delimiter(&text, tsv);
    if let Some((line, column)) = open_quote(&text, delimiter) {
        return Err(TableError::at(
            None,
            Some(line),
            Some(column.to_string()),
            "a quoted cell starts here and its closing quote is missing, so the rest of the \
             file would become one note: add the closing \" and import again",
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line() as usize);
            TableError::at(None, line, None, e.to_string())
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        check_cells(&cells, headers.as_deref(), None, line)?;
        if headers.is_none() {
            headers = Some(cells);
        } else {
            rows.push(Row { line, cells });
        }
    }
    let Some(headers) = headers else {
        return Err(TableError::whole(
            "has no rows: it is empty, so there are no answers to import",
        ));
    };
    Ok(Table {
        headers,
        rows,
        sheet: None,
        encoding: Some(encoding),
        delimiter: Some(delimiter as char),
        first_row: "line",
    })
}

/// Refuses a cell larger than a note can sensibly be, naming its row and column.
pub fn check_cells(
    cells: &[String],
    headers: Option<&[String]>,
    sheet: Option<&str>,
    row: usize,
) -> Result<(), TableError> {
    let Some((i, cell)) = cells
        .iter()
        .enumerate()
        .find(|(_, c)| c.len() > MAX_CELL_BYTES)
    else {
        return Ok(());
    };
    let column = headers.and_then(|h| h.get(i)).map_or_else(
        || format!("{}", i + 1),
        |h| format!("{} “{}”", i + 1, h.trim()),
    );
    Err(TableError::at(
        sheet.map(str::to_owned),
        Some(row),
        Some(column),
        format!(
            "this cell holds {:.1} MB of text, more than the {} KB a note can hold",
            cell.len() as f64 / 1.0e6,
            MAX_CELL_BYTES / 1000
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_detected_and_named() {
        assert_eq!(decode(b"a,b").unwrap(), ("a,b".to_owned(), "UTF-8"));
        assert_eq!(
            decode(b"\xef\xbb\xbfa").unwrap(),
            ("a".to_owned(), "UTF-8 with BOM")
        );
        assert_eq!(
            decode(b"\xff\xfea\0\xa3\0").unwrap(),
            ("a£".to_owned(), "UTF-16LE")
        );
        assert_eq!(
            decode(b"\x93Quote\x94 \xa310").unwrap(),
            ("“Quote” £10".to_owned(), "Windows-1252")
        );
        assert!(decode(b"PK\x03\x04\0\0").is_err());
    }

    #[test]
    fn delimiters_are_detected_from_the_header() {
        assert_eq!(detect_delimiter("a;b;c\n1,5;2;3", false), b';');
        assert_eq!(detect_delimiter("a\tb\n", false), b'\t');
        assert_eq!(detect_delimiter("\"x;y\",b\n", false), b',');
        assert_eq!(detect_delimiter("answer\n", false), b',');
        assert_eq!(detect_delimiter("a,b\n", true), b'\t');
    }

    #[test]
    fn an_open_quote_is_found_where_it_starts() {
        assert_eq!(
            open_quote("a,b\n1,\"ok \"\"x\"\"\"\n2,\"open\n3,4\n", b','),
            Some((3, 2))
        );
        assert_eq!(open_quote("a,b\n5\" screen,\"fine\"\n", b','), None);
    }
}
