//! The command line: which mode to start in, and the headless commands.

use std::path::{Path, PathBuf};

use crate::storage;
use crate::survey::ColumnRef;

mod export;
mod notes;
use export::parse_export;
pub use export::{ExportArgs, ExportFormat, default_export_path, export};
use notes::{column_arg, import_canvas, parse_import_notes, read_answers};

/// The usage text printed by `--help` and after a mistake.
pub const USAGE: &str = "\
Goldthread: offline workshop facilitation for innovation labs.

Usage:
  goldthread [--sessions DIR] [FILE.ron]   start the app (optionally opening FILE.ron)
  goldthread check FILE.ron                 check a session file: prints \"ok\" with counts, or what is wrong
  goldthread export FILE.ron [--format FORMAT] [-o OUT] [--force]
                            [--anonymise] [--facilitator NAME] [--purpose TEXT] [--next-review DATE]
                                            write the report or the notes next to FILE.ron, or to OUT;
                                            an existing file is only replaced with --force. FORMAT:
                                            markdown (default), docx (Word), csv (notes), board-png,
                                            board-svg, chart-png, chart-svg (pictures), canvas (JSON
                                            Canvas). --anonymise names people by service area and level
  goldthread suggest-themes FILE [--json] [--fewer | --more | --granularity N] [--words-only]
                            [--column NAME|N]
                                            suggest themes for the notes in FILE (one per line, or a
                                            survey export); N from -5 (fewer) to 5 (more);
                                            --words-only leaves out the workshop vocabulary and lexicon
  goldthread import-notes SESSION.ron FILE [--column NAME|N] [--author-column NAME|N]
                                            add the notes in FILE to a session file
  goldthread --help | --version

FILE is plain text (one note per line) or a survey export: CSV, TSV, .xlsx or .ods (Microsoft
Forms, Google Forms). The note text is the column with the longest written answers, never an
ID, time, email or name column; --column chooses another by its header or number (1 = first).
The author is the Name column, if any (--author-column chooses); a \"Service area\" column fills
each author's service area.

The session library is DIR when given, else ./sessions when it exists,
else the user's data folder (e.g. ~/.local/share/goldthread/sessions).";

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Start the app.
    Gui {
        /// The session library folder given with `--sessions`.
        sessions: Option<PathBuf>,
        /// A session file to open straight away.
        file: Option<PathBuf>,
    },
    /// Check one session file and exit.
    Check(PathBuf),
    /// Write a report of one session file and exit.
    Export(ExportArgs),
    /// Print suggested themes for the notes in a file.
    SuggestThemes {
        /// The notes file (text, one note per line, or CSV).
        file: PathBuf,
        /// Print JSON instead of text.
        json: bool,
        /// How many groups, and whether the built-in workshop vocabulary is used.
        params: crate::grouping::Params,
        /// The note-text column of a survey table, when not chosen automatically.
        column: Option<ColumnRef>,
    },
    /// Add the notes in a file to a session file.
    ImportNotes {
        /// The session file to change.
        session: PathBuf,
        /// The notes file (text, one note per line, or CSV).
        file: PathBuf,
        /// The note-text column of a survey table, when not chosen automatically.
        column: Option<ColumnRef>,
        /// The author column of a survey table, when not chosen automatically.
        author: Option<ColumnRef>,
    },
    /// Print usage.
    Help,
    /// Print the version.
    Version,
}

/// Parses the arguments after the program name. Errors are messages for the terminal.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut args = args.into_iter();
    let mut sessions = None;
    let mut file = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "check" if file.is_none() && sessions.is_none() => {
                let Some(path) = args.next() else {
                    return Err("check needs a file: goldthread check FILE.ron".to_owned());
                };
                if let Some(extra) = args.next() {
                    return Err(format!("check takes one file; unexpected '{extra}'"));
                }
                return Ok(Command::Check(PathBuf::from(path)));
            }
            "export" if file.is_none() && sessions.is_none() => {
                return parse_export(args).map(Command::Export);
            }
            "suggest-themes" if file.is_none() && sessions.is_none() => {
                return parse_suggest_themes(args);
            }
            "import-notes" if file.is_none() && sessions.is_none() => {
                return parse_import_notes(args);
            }
            "--sessions" => {
                let Some(dir) = args.next() else {
                    return Err("--sessions needs a folder: --sessions DIR".to_owned());
                };
                sessions = Some(PathBuf::from(dir));
            }
            flag if flag.starts_with('-') && flag.len() > 1 => {
                return Err(format!("unknown option '{flag}'"));
            }
            path => {
                if file.is_some() {
                    return Err(format!("only one file can be opened; unexpected '{path}'"));
                }
                file = Some(PathBuf::from(path));
            }
        }
    }
    Ok(Command::Gui { sessions, file })
}

/// Runs `goldthread check FILE`: returns the line to print and whether the file is healthy.
pub fn check(path: &Path) -> (String, bool) {
    match storage::load_file(path) {
        Ok(loaded) => {
            let s = &loaded.session;
            let mut out = format!(
                "ok: {} - \"{}\" ({}), {} note{}",
                path.display(),
                s.title,
                s.date.format("%Y-%m-%d"),
                s.notes.len(),
                if s.notes.len() == 1 { "" } else { "s" }
            );
            for w in &loaded.warnings {
                out.push_str("\nwarning: ");
                out.push_str(w);
            }
            (out, true)
        }
        Err(e) => (format!("error: {e}"), false),
    }
}

/// Parses the arguments after `suggest-themes`.
fn parse_suggest_themes(args: impl Iterator<Item = String>) -> Result<Command, String> {
    use crate::grouping::Params;
    let mut args = args;
    let mut file = None;
    let mut json = false;
    let mut vocabulary = true;
    let mut column = None;
    let mut granularity = None;
    let mut set = |g: i32, flag: &str| {
        if granularity.replace(g).is_some() {
            return Err(format!(
                "'{flag}': give only one of --fewer, --more and --granularity"
            ));
        }
        Ok(())
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--words-only" => vocabulary = false,
            "--column" => column = Some(column_arg(&mut args, "--column")?),
            "--fewer" => set(-2, &arg)?,
            "--more" => set(2, &arg)?,
            "--granularity" => {
                let range = format!(
                    "--granularity needs a whole number from {} (fewer groups) to {} (more groups)",
                    Params::MIN_GRANULARITY,
                    Params::MAX_GRANULARITY
                );
                let Some(value) = args.next() else {
                    return Err(range);
                };
                let Ok(g) = value.parse::<i32>() else {
                    return Err(format!("{range}, not '{value}'"));
                };
                if !(Params::MIN_GRANULARITY..=Params::MAX_GRANULARITY).contains(&g) {
                    return Err(format!("{range}, not '{value}'"));
                }
                set(g, &arg)?;
            }
            flag if flag.starts_with('-') && flag.len() > 1 => {
                return Err(format!("unknown option '{flag}' for suggest-themes"));
            }
            path => {
                if file.is_some() {
                    return Err(format!(
                        "suggest-themes takes one file; unexpected '{path}'"
                    ));
                }
                file = Some(PathBuf::from(path));
            }
        }
    }
    let Some(file) = file else {
        return Err("suggest-themes needs a file: goldthread suggest-themes FILE".to_owned());
    };
    Ok(Command::SuggestThemes {
        file,
        json,
        params: Params {
            granularity: granularity.unwrap_or(0),
            vocabulary,
        },
        column,
    })
}

/// The most notes `suggest-themes` groups in one run: a large workshop wall several times
/// over, grouped in seconds.
pub const MAX_SUGGEST_NOTES: usize = 10_000;

/// Runs `goldthread suggest-themes`: returns what to print and whether it worked.
pub fn suggest_themes(
    path: &Path,
    json: bool,
    params: &crate::grouping::Params,
    column: Option<&ColumnRef>,
) -> (String, bool) {
    use crate::grouping::{self, report};
    let notes = match read_answers(path, column, None) {
        Ok(answers) => answers.lines(),
        Err(e) => return (format!("error: {e}"), false),
    };
    if notes.len() > MAX_SUGGEST_NOTES {
        return (
            format!(
                "error: {} holds {} notes; suggest-themes groups at most {} at once (more would \
                 take minutes). Split the file, or suggest themes for a part of it",
                path.display(),
                crate::model::repair_log::thousands(notes.len()),
                crate::model::repair_log::thousands(MAX_SUGGEST_NOTES)
            ),
            false,
        );
    }
    let texts: Vec<&str> = notes.iter().map(|n| n.text.as_str()).collect();
    let lines: Vec<usize> = notes.iter().map(|n| n.line).collect();
    let suggestions = grouping::suggest(&texts, params);
    let mut out = if json {
        report::json(&suggestions, &texts, &lines)
    } else {
        report::text(&suggestions, &texts, &lines)
    };
    if !json {
        for w in crate::import::import_warnings(&notes) {
            out.push_str("\nwarning: ");
            out.push_str(&w);
        }
    }
    (out, true)
}

/// Runs `goldthread import-notes SESSION FILE`: adds the notes to the session file (saved
/// atomically) and returns what to print and whether it worked. A session file that cannot be
/// read, is from a newer version, or is open in Goldthread (its lock is held), is left
/// untouched; the lock is held while the file is read and written.
pub fn import_notes(
    session_path: &Path,
    notes_path: &Path,
    column: Option<&ColumnRef>,
    author: Option<&ColumnRef>,
) -> (String, bool) {
    let _lock = match writer_lock(session_path) {
        Ok(lock) => lock,
        Err(message) => return (message, false),
    };
    let loaded = match storage::load_file(session_path) {
        Ok(loaded) => loaded,
        Err(e) => return (format!("error: {e}\nNothing was imported."), false),
    };
    if crate::export::canvas_json::is_canvas_file(notes_path) {
        return import_canvas(session_path, notes_path, loaded);
    }
    let answers = match read_answers(notes_path, column, author) {
        Ok(answers) => answers,
        Err(e) => return (format!("error: {e}\nNothing was imported."), false),
    };
    let mut session = loaded.session;
    let summary = answers.summary(&session);
    let area = crate::import::default_area(&session);
    let before = session.notes.len();
    answers.edit(&session, area).apply(&mut session);
    // The count printed is the count really added.
    let added = session.notes.len() - before;
    if added == 0 {
        return (
            "error: no note could be added (the session has no free note ids).\nNothing was imported."
                .to_owned(),
            false,
        );
    }
    if let Err(e) = storage::save_file(session_path, &session) {
        return (format!("error: {e}\nNothing was imported."), false);
    }
    let mut out = format!(
        "Added {summary} from {} to {}.",
        notes_path.display(),
        session_path.display()
    );
    let notes = answers.lines();
    if added < notes.len() {
        out.push_str(&format!(
            "\nwarning: the file holds {} notes; only {added} were added ({} could not be: no \
             free note ids).",
            notes.len(),
            notes.len() - added
        ));
    }
    let warnings = crate::import::import_warnings(&notes);
    for w in loaded.warnings.iter().chain(&warnings) {
        out.push_str("\nwarning: ");
        out.push_str(w);
    }
    (out, true)
}

/// Takes the one-writer lock on a session file a command is about to change, or says why it
/// cannot: the file is open in Goldthread, which would overwrite the change at its next save.
fn writer_lock(path: &Path) -> Result<Option<storage::lock::SessionLock>, String> {
    use storage::lock::{self, LockError};
    match lock::acquire(path) {
        Ok(lock) => Ok(Some(lock)),
        Err(LockError::Held(owner)) => Err(format!(
            "error: {} is open in {}. Close it there first (or add the notes there with \
             Import notes…), then try again.\nNothing was imported.",
            path.display(),
            owner.describe()
        )),
        Err(LockError::Unconfirmed(owner)) => Err(format!(
            "error: {} may be open in {}: its lock file says so, and that cannot be confirmed. \
             If it is not open anywhere, delete {} and try again.\nNothing was imported.",
            path.display(),
            owner.describe(),
            lock::lock_path_for(path).display()
        )),
        // A folder that cannot take a lock file: the save itself says why it cannot write.
        Err(LockError::Io(_)) => Ok(None),
    }
}
