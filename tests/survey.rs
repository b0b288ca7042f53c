//! Protects survey exports in: Microsoft Forms and Google Forms CSVs, a Windows-1252 CSV, a
//! semicolon CSV, .xlsx and .ods files (made here, not downloaded) import their answers as
//! notes, never an ID, time, email or name; `--column` and `--author-column` choose; and every
//! bad file gets a message naming the file, sheet, row and column, and changes nothing.

mod common;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use common::temp_dir;
use goldthread::cli;
use goldthread::model::Session;
use goldthread::storage::{load_file, save_file};
use goldthread::survey::ColumnRef;

const MS_FORMS: &str = "\u{feff}ID,Start time,Completion time,Email,Name,What slows you down most?,Service area\r\n\
1,3/1/24 10:15:07,3/1/24 10:18:30,ann.lee@example.gov.uk,Ann Lee,Paper forms that we retype into three systems,Housing\r\n\
2,3/1/24 10:16:00,3/1/24 10:19:12,bob.ray@example.gov.uk,Bob Ray,,Waste\r\n\
3,3/1/24 10:20:41,3/1/24 10:22:05,cy.hall@example.gov.uk,Cy Hall,\"Logging in twice, every morning\",Housing\r\n";

const GOOGLE_FORMS: &str = "Timestamp,What is one thing that would help residents?,Your team\n\
2024/03/01 10:15:00 GMT,One front door for every council service,Customer services\n\
2024/03/01 10:17:12 GMT,Text reminders before bin day,Waste\n";

/// The notes' texts in a session file.
fn note_texts(session: &Path) -> Vec<String> {
    load_file(session)
        .unwrap()
        .session
        .notes
        .iter()
        .map(|n| n.text.clone())
        .collect()
}

/// A saved empty session in `dir`.
fn new_session(dir: &Path) -> PathBuf {
    let path = dir.join("lab.ron");
    let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    save_file(&path, &Session::new("Lab", date)).unwrap();
    path
}

/// Imports `file` into a new session with the automatic choice; returns the session file.
fn import(dir: &Path, file: &Path) -> PathBuf {
    let session = new_session(dir);
    let (message, ok) = cli::import_notes(&session, file, None, None);
    assert!(ok, "{message}");
    session
}

#[test]
fn a_microsoft_forms_csv_imports_the_answers_with_authors_and_service_areas() {
    let dir = temp_dir("survey-msforms");
    let file = dir.join("Staff survey.csv");
    std::fs::write(&file, MS_FORMS).unwrap();
    let session = new_session(&dir);
    let (message, ok) = cli::import_notes(&session, &file, None, None);
    assert!(ok, "{message}");
    assert!(
        message.contains("2 notes, 1 blank answer skipped"),
        "{message}"
    );
    assert_eq!(
        note_texts(&session),
        [
            "Paper forms that we retype into three systems",
            "Logging in twice, every morning"
        ]
    );
    let s = load_file(&session).unwrap().session;
    let people: Vec<(&str, &str)> = s
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.service_area.as_str()))
        .collect();
    assert_eq!(people, [("Ann Lee", "Housing"), ("Cy Hall", "Housing")]);
    let author = s.notes[1].author.and_then(|id| s.participant(id)).unwrap();
    assert_eq!(author.name, "Cy Hall");
}

#[test]
fn a_google_forms_csv_imports_the_answers_not_the_timestamps() {
    let dir = temp_dir("survey-gforms");
    let file = dir.join("responses.csv");
    std::fs::write(&file, GOOGLE_FORMS).unwrap();
    assert_eq!(
        note_texts(&import(&dir, &file)),
        [
            "One front door for every council service",
            "Text reminders before bin day"
        ]
    );
    // The theme suggestions read the same column: no theme called "GMT".
    let params = goldthread::grouping::Params::default();
    let (out, ok) = cli::suggest_themes(&file, false, &params, None);
    assert!(ok, "{out}");
    assert!(!out.contains("GMT") && !out.contains("2024"), "{out}");
    assert!(out.contains("front door"), "{out}");
}

#[test]
fn a_windows_1252_csv_keeps_its_pound_signs_and_curly_quotes() {
    let dir = temp_dir("survey-1252");
    let file = dir.join("excel.csv");
    std::fs::write(
        &file,
        b"Idea\r\n\x93Pay \xa310 less for parking\x94\r\nCaf\xe9 hubs\r\n",
    )
    .unwrap();
    assert_eq!(
        note_texts(&import(&dir, &file)),
        ["“Pay £10 less for parking”", "Café hubs"]
    );
}

#[test]
fn utf16_and_semicolon_csvs_are_read() {
    let dir = temp_dir("survey-semicolon");
    let file = dir.join("europe.csv");
    std::fs::write(
        &file,
        "Name;Idee\nAnn;Fewer forms, please\nBob;Shared calendars\n",
    )
    .unwrap();
    assert_eq!(
        note_texts(&import(&dir, &file)),
        ["Fewer forms, please", "Shared calendars"]
    );

    let file = dir.join("utf16.csv");
    let mut bytes = vec![0xff, 0xfe];
    for unit in "Idea\tScore\r\nSkills £ training\t3\r\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    std::fs::write(&file, bytes).unwrap();
    assert_eq!(note_texts(&import(&dir, &file)), ["Skills £ training"]);
}

/// A Microsoft Forms-shaped .xlsx written with rust_xlsxwriter.
fn write_xlsx(path: &Path, rows: &[&[&str]]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Form1").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if let Ok(n) = cell.parse::<f64>() {
                sheet.write_number(r as u32, c as u16, n).unwrap();
            } else if !cell.is_empty() {
                sheet.write_string(r as u32, c as u16, *cell).unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

const FORMS_ROWS: &[&[&str]] = &[
    &[
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "What would make the biggest difference?",
    ],
    &[
        "1",
        "3/1/24 10:15:07",
        "3/1/24 10:18:30",
        "anonymous",
        "Ann Lee",
        "A single view of each resident",
    ],
    &[
        "2",
        "3/1/24 10:16:00",
        "3/1/24 10:19:12",
        "anonymous",
        "Bob Ray",
        "Digital skills for front-line staff",
    ],
];

#[test]
fn a_microsoft_forms_xlsx_imports_the_answers_not_the_ids() {
    let dir = temp_dir("survey-xlsx");
    let file = dir.join("Survey.xlsx");
    write_xlsx(&file, FORMS_ROWS);
    let session = import(&dir, &file);
    assert_eq!(
        note_texts(&session),
        [
            "A single view of each resident",
            "Digital skills for front-line staff"
        ]
    );
    let s = load_file(&session).unwrap().session;
    assert_eq!(s.participants.len(), 2);
}

#[test]
fn an_ods_spreadsheet_imports_its_answers() {
    let dir = temp_dir("survey-ods");
    let file = dir.join("survey.ods");
    std::fs::write(
        &file,
        ods_bytes(&[
            &["Timestamp", "Idea"],
            &["2024-03-01 10:00", "Open data portal"],
            &["2024-03-01 10:05", "Fix the website search"],
        ]),
    )
    .unwrap();
    assert_eq!(
        note_texts(&import(&dir, &file)),
        ["Open data portal", "Fix the website search"]
    );
}

/// A minimal OpenDocument spreadsheet: a zip with the mimetype first (stored) and a content.xml.
fn ods_bytes(rows: &[&[&str]]) -> Vec<u8> {
    let mut table = String::new();
    for row in rows {
        table.push_str("<table:table-row>");
        for cell in *row {
            table.push_str(&format!(
                "<table:table-cell office:value-type=\"string\"><text:p>{cell}</text:p></table:table-cell>"
            ));
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Answers">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_str()),
    ] {
        zip.start_file(name, stored).unwrap();
        zip.write_all(data.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn column_and_author_column_choose_by_name_or_number() {
    let dir = temp_dir("survey-columns");
    let file = dir.join("forms.csv");
    std::fs::write(&file, MS_FORMS).unwrap();
    let session = new_session(&dir);
    let by_name = ColumnRef::parse("service area");
    let by_number = ColumnRef::parse("4");
    let (message, ok) = cli::import_notes(&session, &file, Some(&by_name), Some(&by_number));
    assert!(ok, "{message}");
    assert_eq!(note_texts(&session), ["Housing", "Waste", "Housing"]);
    let s = load_file(&session).unwrap().session;
    assert_eq!(s.participants[0].name, "ann.lee@example.gov.uk");

    let before = std::fs::read(&session).unwrap();
    let (message, ok) = cli::import_notes(&session, &file, Some(&ColumnRef::parse("Ideas")), None);
    assert!(!ok);
    assert!(
        message.contains("has no a column “Ideas”") || message.contains("“Ideas”"),
        "{message}"
    );
    assert!(
        message.contains("6 “What slows you down most?”"),
        "lists the columns: {message}"
    );
    assert_eq!(std::fs::read(&session).unwrap(), before, "nothing changed");

    let parsed = cli::parse(
        [
            "import-notes",
            "s.ron",
            "f.csv",
            "--column",
            "3",
            "--author-column",
            "Name",
        ]
        .map(String::from),
    );
    assert!(matches!(
        parsed,
        Ok(cli::Command::ImportNotes {
            column: Some(ColumnRef::Number(3)),
            author: Some(ColumnRef::Name(_)),
            ..
        })
    ));
}

/// Imports `file`, which must fail; returns the message after checking nothing changed.
fn refused(dir: &Path, file: &Path) -> String {
    let session = new_session(dir);
    let before = std::fs::read(&session).unwrap();
    let (message, ok) = cli::import_notes(&session, file, None, None);
    assert!(!ok, "{message}");
    assert!(message.contains("Nothing was imported"), "{message}");
    assert_eq!(
        std::fs::read(&session).unwrap(),
        before,
        "the session is unchanged"
    );
    message
}

#[test]
fn protected_corrupt_and_empty_spreadsheets_are_refused_by_name() {
    let dir = temp_dir("survey-bad-xlsx");
    let file = dir.join("Protected.xlsx");
    let mut ole = vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    ole.resize(4096, 0);
    std::fs::write(&file, ole).unwrap();
    let message = refused(&dir, &file);
    assert!(
        message.contains("Protected.xlsx is password-protected"),
        "{message}"
    );

    let file = dir.join("Broken.xlsx");
    std::fs::write(&file, b"PK\x03\x04 this is not really a workbook").unwrap();
    let message = refused(&dir, &file);
    assert!(
        message.contains("Broken.xlsx could not be read as a spreadsheet"),
        "{message}"
    );

    let file = dir.join("Empty.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().set_name("Form1").unwrap();
    book.save(&file).unwrap();
    let message = refused(&dir, &file);
    assert!(
        message.contains("Empty.xlsx sheet “Form1” is empty"),
        "{message}"
    );
}

#[test]
fn unbalanced_quotes_huge_files_and_huge_cells_are_refused_with_where() {
    let dir = temp_dir("survey-bad-csv");
    let file = dir.join("open.csv");
    std::fs::write(
        &file,
        "Name,Idea\nAnn,\"Fine\"\nBob,\"Never closed\nCy,Lost\n",
    )
    .unwrap();
    let message = refused(&dir, &file);
    assert!(message.contains("open.csv at row 3, column 2"), "{message}");
    assert!(message.contains("closing quote is missing"), "{message}");

    let file = dir.join("huge.csv");
    let f = std::fs::File::create(&file).unwrap();
    f.set_len(1 << 30).unwrap(); // A sparse 1 GB file: no disk used.
    let message = refused(&dir, &file);
    assert!(message.contains("huge.csv is 1074 MB"), "{message}");

    let file = dir.join("cell.csv");
    let big = "x".repeat(10 * 1024 * 1024);
    std::fs::write(&file, format!("Name,Idea\nAnn,short\nBob,{big}\n")).unwrap();
    let message = refused(&dir, &file);
    assert!(
        message.contains("cell.csv at row 3, column 2 “Idea”"),
        "{message}"
    );
    assert!(message.contains("10.5 MB"), "{message}");
}

#[test]
fn a_table_of_only_ids_and_times_asks_for_a_column() {
    let dir = temp_dir("survey-no-text");
    let file = dir.join("ids.csv");
    std::fs::write(
        &file,
        "ID,Timestamp\n1,2024/03/01 10:00\n2,2024/03/01 10:05\n",
    )
    .unwrap();
    let message = refused(&dir, &file);
    assert!(message.contains("--column"), "{message}");
}

#[test]
fn forms_exports_bring_their_authors_and_service_areas() {
    // The issue's "done when": a Microsoft Forms .xlsx with its ID column first, and a Google
    // Forms CSV, both import their answers as notes, written by people with service areas.
    let dir = temp_dir("survey-authors-areas");
    let xlsx = dir.join("Staff survey.xlsx");
    let mut rows: Vec<Vec<&str>> = FORMS_ROWS.iter().map(|r| r.to_vec()).collect();
    for (row, area) in rows.iter_mut().zip(["Service area", "Housing", "Waste"]) {
        row.push(area);
    }
    let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    write_xlsx(&xlsx, &rows);
    let csv = dir.join("responses.csv");
    std::fs::write(
        &csv,
        "Timestamp,What is one thing that would help residents?,Your name,Your team\n\
         2024/03/01 10:15:00 GMT,One front door for every council service,Asha Patel,Customer services\n\
         2024/03/01 10:17:12 GMT,Text reminders before bin day,Tom Reid,Waste\n",
    )
    .unwrap();
    for (file, expected) in [
        (
            &xlsx,
            [
                ("A single view of each resident", "Ann Lee", "Housing"),
                ("Digital skills for front-line staff", "Bob Ray", "Waste"),
            ],
        ),
        (
            &csv,
            [
                (
                    "One front door for every council service",
                    "Asha Patel",
                    "Customer services",
                ),
                ("Text reminders before bin day", "Tom Reid", "Waste"),
            ],
        ),
    ] {
        let session = load_file(&import(&dir, file)).unwrap().session;
        let got: Vec<(&str, &str, &str)> = session
            .notes
            .iter()
            .map(|n| {
                let who = n.author.and_then(|id| session.participant(id)).unwrap();
                (
                    n.text.as_str(),
                    who.name.as_str(),
                    who.service_area.as_str(),
                )
            })
            .collect();
        assert_eq!(got, expected, "{}", file.display());
    }
}
