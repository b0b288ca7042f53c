//! Reports that leave the room: the report as Markdown, Word (.docx), HTML and plain text; a
//! CSV of every note; pictures of the board and the vote chart (SVG, PNG); JSON Canvas.
//!
//! Pure functions of a session: no files, no egui. The app's File menu and the
//! `goldthread export` command write what they return.

pub mod canvas_json;
mod csv;
pub mod docx;
pub mod html;
mod markdown;
pub mod png;
pub mod report;
pub mod sides;
mod since;
pub mod svg;

pub use csv::{csv, csv_with_votes, safe_cell};
pub use markdown::{markdown, markdown_with};
pub use report::ReportOptions;

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The Markdown report.
    Markdown,
    /// One CSV row per note.
    Csv,
    /// The report as a Word document.
    Docx,
    /// The report as a Word document for publication: names replaced by service area and level.
    DocxPublic,
    /// The board as a PNG picture.
    BoardPng,
    /// The board as an SVG picture.
    BoardSvg,
    /// The vote result chart as a PNG picture.
    ChartPng,
    /// The vote result chart as an SVG picture.
    ChartSvg,
    /// The notes and themes as JSON Canvas 1.0 (Obsidian Canvas).
    Canvas,
}

impl Format {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Csv => "csv",
            Self::Docx => "docx",
            Self::DocxPublic => "public.docx",
            Self::BoardPng => "board.png",
            Self::BoardSvg => "board.svg",
            Self::ChartPng => "votes.png",
            Self::ChartSvg => "votes.svg",
            Self::Canvas => "canvas",
        }
    }

    /// What the export dialog asks, e.g. "Export the report as Word".
    pub fn heading(self) -> &'static str {
        match self {
            Self::Markdown => "Export the report",
            Self::Csv => "Export the notes as CSV",
            Self::Docx => "Export the report as Word",
            Self::DocxPublic => "Export the report for publication (no names)",
            Self::BoardPng | Self::BoardSvg => "Export a picture of the board",
            Self::ChartPng | Self::ChartSvg => "Export the vote chart",
            Self::Canvas => "Export as JSON Canvas",
        }
    }

    /// The kind of file, as a file dialog's filter names it, and the extension it filters on.
    pub fn filter(self) -> (&'static str, &'static str) {
        match self {
            Self::Markdown => ("Markdown report", "md"),
            Self::Csv => ("CSV (spreadsheet)", "csv"),
            Self::Docx | Self::DocxPublic => ("Word document", "docx"),
            Self::BoardPng | Self::ChartPng => ("PNG picture", "png"),
            Self::BoardSvg | Self::ChartSvg => ("SVG picture", "svg"),
            Self::Canvas => ("JSON Canvas", "canvas"),
        }
    }

    /// The names `parse` accepts, for messages.
    pub const NAMES: &'static str =
        "markdown, csv, docx, board-png, board-svg, chart-png, chart-svg or canvas";

    /// Reads a format name as typed on the command line ("markdown", "md", "csv", "docx", ...).
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim().to_lowercase().as_str() {
            "markdown" | "md" => Some(Self::Markdown),
            "csv" => Some(Self::Csv),
            "docx" | "word" => Some(Self::Docx),
            "board-png" | "png" => Some(Self::BoardPng),
            "board-svg" | "svg" => Some(Self::BoardSvg),
            "chart-png" => Some(Self::ChartPng),
            "chart-svg" => Some(Self::ChartSvg),
            "canvas" | "json-canvas" => Some(Self::Canvas),
            _ => None,
        }
    }

    /// Renders `session` in this format as text (the text formats; a binary format gives an
    /// empty string, see [`Format::render_bytes`]).
    pub fn render(self, session: &crate::model::Session) -> String {
        match self {
            Self::Markdown => markdown(session),
            Self::Csv => csv(session),
            Self::BoardSvg => svg::board_svg(session),
            Self::ChartSvg => chart_svg(session),
            Self::Canvas => canvas_json::export(session),
            Self::Docx | Self::DocxPublic | Self::BoardPng | Self::ChartPng => String::new(),
        }
    }

    /// Renders `session` in this format as the bytes of the file. Pictures and the Word
    /// document can fail (e.g. a board too large to draw): the message says why.
    pub fn render_bytes(
        self,
        session: &crate::model::Session,
        options: &ReportOptions,
    ) -> Result<Vec<u8>, String> {
        match self {
            Self::Docx => word_report(session, options),
            Self::DocxPublic => word_report(
                session,
                &ReportOptions {
                    anonymise: true,
                    ..options.clone()
                },
            ),
            Self::BoardPng => png::svg_to_png(&svg::board_svg(session), 1.0),
            Self::ChartPng => png::svg_to_png(&chart_svg(session), 2.0),
            Self::Markdown => Ok(markdown_with(session, options).into_bytes()),
            Self::Csv | Self::BoardSvg | Self::ChartSvg | Self::Canvas => {
                Ok(self.render(session).into_bytes())
            }
        }
    }
}

/// The vote result chart of `session` as SVG.
pub fn chart_svg(session: &crate::model::Session) -> String {
    let report = report::build(
        session,
        &session.voting.dots_by_option(),
        &ReportOptions::default(),
    );
    svg::chart_svg("Vote result", &report.chart)
}

/// The Word report of `session`, with the vote chart as a picture when there was a vote.
pub fn word_report(
    session: &crate::model::Session,
    options: &ReportOptions,
) -> Result<Vec<u8>, String> {
    let report = report::build(session, &session.voting.dots_by_option(), options);
    let chart = if report.chart.is_empty() {
        None
    } else {
        let png = png::svg_to_png(&svg::chart_svg("Vote result", &report.chart), 2.0)?;
        let (w, h) = png_size(&png).unwrap_or((1200, 600));
        Some((png, w, h))
    };
    docx::docx(&report, chart)
}

/// The width and height of a PNG, from its header.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    let w = png.get(16..20)?;
    let h = png.get(20..24)?;
    Some((
        u32::from_be_bytes(w.try_into().ok()?),
        u32::from_be_bytes(h.try_into().ok()?),
    ))
}

/// Text on one line: line breaks and runs of spaces become single spaces.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
