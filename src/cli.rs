//! The command line: which mode to start in, and the headless commands.

use std::path::{Path, PathBuf};

use crate::storage;

/// The usage text printed by `--help` and after a mistake.
pub const USAGE: &str = "\
Goldthread: offline workshop facilitation for innovation labs.

Usage:
  goldthread [--sessions DIR] [FILE.ron]   start the app (optionally opening FILE.ron)
  goldthread check FILE.ron                 check a session file: prints \"ok\" with counts, or what is wrong
  goldthread --help | --version

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
