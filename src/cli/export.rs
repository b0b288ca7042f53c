//! `goldthread export`: its arguments, and writing a session's report (Markdown or CSV) next
//! to the session file without ever replacing a file it was not told to.

use std::path::{Path, PathBuf};

use crate::storage;

/// What `goldthread export` was asked to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportArgs {
    /// The session file to read.
    pub session: PathBuf,
    /// Markdown or CSV.
    pub format: ExportFormat,
    /// Where to write; next to the session file when not given.
    pub output: Option<PathBuf>,
    /// Replace an existing file.
    pub force: bool,
    /// Report choices: names replaced, facilitator, purpose, next review.
    pub options: crate::export::ReportOptions,
}

pub use crate::export::Format as ExportFormat;

/// Parses the arguments after `export`.
pub(super) fn parse_export(mut args: impl Iterator<Item = String>) -> Result<ExportArgs, String> {
    let mut session = None;
    let mut format = ExportFormat::Markdown;
    let mut output = None;
    let mut force = false;
    let mut options = crate::export::ReportOptions::default();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" | "-f" => {
                let Some(name) = args.next() else {
                    return Err(format!("--format needs a format: {}", ExportFormat::NAMES));
                };
                let Some(f) = ExportFormat::parse(&name) else {
                    return Err(format!(
                        "unknown format '{name}': use {}",
                        ExportFormat::NAMES
                    ));
                };
                format = f;
            }
            "--anonymise" | "--anonymize" => options.anonymise = true,
            "--facilitator" | "--purpose" | "--next-review" => {
                let Some(value) = args.next() else {
                    return Err(format!("{arg} needs a value"));
                };
                match arg.as_str() {
                    "--facilitator" => options.facilitator = Some(value),
                    "--purpose" => options.purpose = Some(value),
                    _ => {
                        let date = crate::model::lab::dates::parse_date(&value)
                            .map_err(|e| format!("--next-review '{value}': {e}"))?;
                        options.next_review = Some(date);
                    }
                }
            }
            "-o" | "--output" => {
                let Some(path) = args.next() else {
                    return Err("-o needs a file: -o REPORT.md".to_owned());
                };
                output = Some(PathBuf::from(path));
            }
            "--force" => force = true,
            flag if flag.starts_with('-') && flag.len() > 1 => {
                return Err(format!("unknown option for export '{flag}'"));
            }
            path => {
                if session.is_some() {
                    return Err(format!(
                        "export takes one session file; unexpected '{path}'"
                    ));
                }
                session = Some(PathBuf::from(path));
            }
        }
    }
    let Some(session) = session else {
        return Err("export needs a session file: goldthread export FILE.ron".to_owned());
    };
    Ok(ExportArgs {
        session,
        format,
        output,
        force,
        options,
    })
}

/// Where an export of `session` goes by default: next to it, with the format's extension.
pub fn default_export_path(session: &Path, format: ExportFormat) -> PathBuf {
    session.with_extension(format.extension())
}

/// Runs `goldthread export`: returns the line to print on success, or the error message.
/// Never replaces an existing file without `force`, and never writes over the session itself.
pub fn export(args: &ExportArgs) -> Result<String, String> {
    let loaded = storage::load_file(&args.session).map_err(|e| format!("error: {e}"))?;
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| default_export_path(&args.session, args.format));
    let same_file = out == args.session
        || (out.exists()
            && std::fs::canonicalize(&out).ok() == std::fs::canonicalize(&args.session).ok());
    if same_file {
        return Err(format!(
            "error: {} is the session file itself; choose another file with -o",
            out.display()
        ));
    }
    // Only a regular file (or a new path) is ever written, even with --force: a device, a
    // pipe or a folder stays what it is (as root, --force must not replace /dev/null).
    if let Ok(meta) = std::fs::metadata(&out)
        && !meta.is_file()
    {
        return Err(format!(
            "error: {} is not a regular file (a folder, device or pipe) and was not changed, \
             even with --force. Choose a file with -o",
            out.display()
        ));
    }
    if out.exists() && !args.force {
        return Err(format!(
            "error: {} already exists and was not changed. Add --force to replace it, or choose another file with -o",
            out.display()
        ));
    }
    let bytes = args
        .format
        .render_bytes(&loaded.session, &args.options)
        .map_err(|e| format!("error: {e}; nothing was written"))?;
    storage::write_atomic(&out, &bytes)
        .map_err(|e| format!("error: could not write {}: {e}", out.display()))?;
    Ok(format!("wrote {}", out.display()))
}
