//! Reports that leave the room: a plain-language Markdown report and a CSV of every note.
//!
//! Pure functions, `Session -> String`: no files, no egui. The app's File menu and the
//! `goldthread export` command write what they return.

mod csv;
mod markdown;
mod since;

pub use csv::{csv, csv_with_votes};
pub use markdown::markdown;

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The Markdown report.
    Markdown,
    /// One CSV row per note.
    Csv,
}

impl Format {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Csv => "csv",
        }
    }

    /// Reads a format name as typed on the command line ("markdown", "md", "csv").
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim().to_lowercase().as_str() {
            "markdown" | "md" => Some(Self::Markdown),
            "csv" => Some(Self::Csv),
            _ => None,
        }
    }

    /// Renders `session` in this format.
    pub fn render(self, session: &crate::model::Session) -> String {
        match self {
            Self::Markdown => markdown(session),
            Self::Csv => csv(session),
        }
    }
}

/// Text on one line: line breaks and runs of spaces become single spaces.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
