//! The report as HTML and as plain text, for "Copy report": put on the clipboard together, it
//! pastes into Word, Outlook or LibreOffice with real headings and tables, and into a plain
//! text box as readable text.

use super::report::{Block, Report};

/// Text escaped for HTML.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The report as an HTML fragment: headings, paragraphs, lists and bordered tables. The chart
/// is left out (the ranking table under it says the same).
pub fn html(report: &Report) -> String {
    let mut out = String::from("<html><body>\n");
    for block in &report.blocks {
        match block {
            Block::Heading(level, text) => {
                out.push_str(&format!("<h{level}>{}</h{level}>\n", esc(text)));
            }
            Block::Para(text) => out.push_str(&format!("<p>{}</p>\n", esc(text))),
            Block::Bullets(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    out.push_str(&format!("<li>{}</li>\n", esc(item)));
                }
                out.push_str("</ul>\n");
            }
            Block::Table { header, rows } => {
                out.push_str(
                    "<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\">\n<tr>",
                );
                for h in header {
                    out.push_str(&format!("<th>{}</th>", esc(h)));
                }
                out.push_str("</tr>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for c in row {
                        out.push_str(&format!("<td>{}</td>", esc(c)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
            Block::Chart => {}
        }
    }
    out.push_str("</body></html>\n");
    out
}

/// The report as plain text: headings underlined, lists with dashes, table cells separated by
/// tabs (so a spreadsheet splits them into columns).
pub fn plain_text(report: &Report) -> String {
    let mut out = String::new();
    for block in &report.blocks {
        match block {
            Block::Heading(level, text) => {
                let line = if *level == 1 { '=' } else { '-' };
                out.push_str(&format!(
                    "{text}\n{}\n\n",
                    line.to_string().repeat(text.chars().count())
                ));
            }
            Block::Para(text) => out.push_str(&format!("{text}\n\n")),
            Block::Bullets(items) => {
                for item in items {
                    out.push_str(&format!("- {item}\n"));
                }
                out.push('\n');
            }
            Block::Table { header, rows } => {
                out.push_str(&header.join("\t"));
                out.push('\n');
                for row in rows {
                    out.push_str(&row.join("\t"));
                    out.push('\n');
                }
                out.push('\n');
            }
            Block::Chart => {}
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
