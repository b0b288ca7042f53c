//! The report as a Word document (.docx) written with docx-rs: the built-in heading styles
//! ("heading 1" to "heading 3", with outline levels, so a council template's numbering and
//! contents page apply), real bulleted lists, real tables for the agenda, the ranking and the
//! actions, and the vote chart as an embedded PNG.

use docx_rs::{
    AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelText, NumberFormat, Numbering,
    NumberingId, Paragraph, Pic, Run, RunFonts, SpecialIndentType, Start, Style, StyleType, Table,
    TableCell, TableRow, WidthType,
};

use super::report::{Block, Report};

/// The numbering id of the bullet list (docx-rs itself writes a decimal list as id 1).
const BULLETS: usize = 7;
/// EMUs (English Metric Units) per pixel at 96 dpi.
const EMU_PER_PX: u32 = 9525;
/// The chart's width in the document, in pixels at 96 dpi (a text column of A4 is ~600).
const CHART_WIDTH_PX: u32 = 600;

/// The .docx file of `report`. `chart_png` is the vote chart picture (with its pixel size),
/// placed where the report has its chart.
pub fn docx(report: &Report, chart_png: Option<(Vec<u8>, u32, u32)>) -> Result<Vec<u8>, String> {
    let mut doc = Docx::new()
        .default_fonts(RunFonts::new().ascii("Calibri").hi_ansi("Calibri"))
        .default_size(22)
        .add_style(heading(1, 36))
        .add_style(heading(2, 28))
        .add_style(heading(3, 24))
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(720),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS));
    let mut chart_png = chart_png;
    for block in &report.blocks {
        match block {
            Block::Heading(level, text) => {
                doc = doc.add_paragraph(para(text).style(&format!("Heading{level}")));
            }
            Block::Para(text) => doc = doc.add_paragraph(para(text)),
            Block::Bullets(items) => {
                for item in items {
                    doc = doc.add_paragraph(
                        para(item).numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
                    );
                }
            }
            Block::Table { header, rows } => doc = doc.add_table(table(header, rows)),
            Block::Chart => {
                let Some((png, w, h)) = chart_png.take() else {
                    continue;
                };
                let height = (CHART_WIDTH_PX as u64 * h as u64 / w.max(1) as u64) as u32;
                let pic = Pic::new_with_dimensions(png, w, h)
                    .size(CHART_WIDTH_PX * EMU_PER_PX, height * EMU_PER_PX);
                doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_image(pic)));
            }
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut out)
        .map_err(|e| format!("the Word document could not be made: {e}"))?;
    Ok(out.into_inner())
}

/// Word's built-in heading style `level` ("heading 1" is the name Word and LibreOffice
/// recognise), bold, at `half_points`, with its outline level for numbering and contents.
fn heading(level: usize, half_points: usize) -> Style {
    Style::new(format!("Heading{level}"), StyleType::Paragraph)
        .name(format!("heading {level}"))
        .based_on("Normal")
        .next("Normal")
        .size(half_points)
        .bold()
        .color("1F3864")
        .outline_lvl(level - 1)
}

/// A paragraph of plain text.
fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

/// A table with a bold header row that repeats on each page.
fn table(header: &[String], rows: &[Vec<String>]) -> Table {
    let head = TableRow::new(
        header
            .iter()
            .map(|h| {
                TableCell::new()
                    .add_paragraph(Paragraph::new().add_run(Run::new().add_text(h).bold()))
            })
            .collect(),
    );
    let mut all = vec![head];
    all.extend(rows.iter().map(|row| {
        TableRow::new(
            row.iter()
                .map(|c| TableCell::new().add_paragraph(para(c)))
                .collect(),
        )
    }));
    Table::new(all).width(5000, WidthType::Pct)
}
