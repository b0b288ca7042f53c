//! The notes-file parts of the command line: `--column` and `--author-column`, reading the
//! answers of a text file or survey table, and importing a JSON Canvas file.

use std::path::{Path, PathBuf};

use super::Command;
use crate::storage;
use crate::survey::ColumnRef;

/// The column named after `flag`.
pub(super) fn column_arg(
    args: &mut impl Iterator<Item = String>,
    flag: &str,
) -> Result<ColumnRef, String> {
    let Some(value) = args.next() else {
        return Err(format!(
            "{flag} needs a column: its header (\"What would help?\") or its number (1 = first)"
        ));
    };
    Ok(ColumnRef::parse(&value))
}

/// Parses the arguments after `import-notes`.
pub(super) fn parse_import_notes(
    mut args: impl Iterator<Item = String>,
) -> Result<Command, String> {
    let mut files = Vec::new();
    let (mut column, mut author) = (None, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--column" => column = Some(column_arg(&mut args, "--column")?),
            "--author-column" => author = Some(column_arg(&mut args, "--author-column")?),
            flag if flag.starts_with('-') && flag.len() > 1 => {
                return Err(format!("unknown option '{flag}' for import-notes"));
            }
            path if files.len() == 2 => {
                return Err(format!("import-notes takes two files; unexpected '{path}'"));
            }
            path => files.push(PathBuf::from(path)),
        }
    }
    let [session, file]: [PathBuf; 2] = files.try_into().map_err(|_| {
        "import-notes needs a session and a notes file: goldthread import-notes SESSION.ron FILE"
            .to_owned()
    })?;
    Ok(Command::ImportNotes {
        session,
        file,
        column,
        author,
    })
}

/// The answers in a notes file: every line of a text file, or the chosen columns of a survey
/// table. Naming a column for a text file is a mistake worth saying.
pub(super) fn read_answers(
    path: &Path,
    column: Option<&ColumnRef>,
    author: Option<&ColumnRef>,
) -> Result<crate::survey::Answers, String> {
    use crate::survey::{Answer, Answers};
    if !crate::survey::is_table_file(path) {
        if column.is_some() || author.is_some() {
            return Err(format!(
                "{} is not a table: --column and --author-column need a CSV, TSV, .xlsx or .ods file",
                path.display()
            ));
        }
        let lines = crate::import::read_notes(path).map_err(|e| e.to_string())?;
        let answers = lines
            .into_iter()
            .map(|l| Answer {
                line: l.line,
                text: l.text,
                author: None,
                area: None,
            })
            .collect();
        return Ok(Answers {
            answers,
            skipped: 0,
        });
    }
    let (table, selection) =
        crate::import::read_survey(path, column, author).map_err(|e| e.to_string())?;
    Ok(Answers::take(&table, &selection))
}

/// `import-notes` for a JSON Canvas file: its notes and themes, keeping their layout.
pub(super) fn import_canvas(
    session_path: &Path,
    canvas_path: &Path,
    loaded: storage::Loaded,
) -> (String, bool) {
    let found = match crate::export::canvas_json::read(canvas_path) {
        Ok(found) => found,
        Err(e) => return (format!("error: {e}\nNothing was imported."), false),
    };
    let mut session = loaded.session;
    found.edit(&session).apply(&mut session);
    if let Err(e) = storage::save_file(session_path, &session) {
        return (format!("error: {e}\nNothing was imported."), false);
    }
    let mut out = format!(
        "Added {} notes and {} themes from {} to {}.",
        found.notes.len(),
        found.themes.len(),
        canvas_path.display(),
        session_path.display()
    );
    if let Some(line) = found.not_imported_line() {
        out.push('\n');
        out.push_str(&line);
    }
    (out, true)
}
