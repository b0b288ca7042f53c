//! Pictures for slides and intranet pages, built directly as SVG text (no GPU, no window): the
//! vote result chart and the board (every note with its text, and the theme frames). The PNG
//! versions are these SVGs rasterised (see [`super::png`]). Colours and sizes come from
//! [`crate::palette`], which the app's style uses too, so the pictures match the app.

use std::fmt::Write as _;

use crate::model::{CanvasRect, NOTE_HEIGHT, NOTE_WIDTH, Session};
use crate::palette;

/// The font families the pictures ask for; the PNG renderer has exactly these (bundled).
const FONTS: &str = "Inter, DejaVu Sans, sans-serif";
/// The chart's width, in pixels.
const CHART_WIDTH: f32 = 1200.0;
/// One bar's row height in the chart, in pixels.
const CHART_ROW: f32 = 56.0;
/// Room for the option names left of the bars, in pixels.
const CHART_LABELS: f32 = 420.0;
/// Average glyph width as a share of the font size, used to wrap text without a shaper.
const GLYPH_WIDTH: f32 = 0.56;
/// The margin around the board picture, in canvas units.
const BOARD_MARGIN: f32 = 48.0;

/// Text escaped for SVG.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `#rrggbb` for a palette colour.
fn rgb(c: crate::palette::Rgb) -> String {
    c.hex()
}

/// The vote chart: one horizontal bar per option, most votes first, with names and counts.
pub fn chart_svg(title: &str, bars: &[(String, u32)]) -> String {
    let max = bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1) as f32;
    let height = 90.0 + CHART_ROW * bars.len().max(1) as f32 + 24.0;
    let mut s = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{CHART_WIDTH}" height="{height}" viewBox="0 0 {CHART_WIDTH} {height}" font-family="{FONTS}">"##
    );
    let _ = write!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let _ = write!(
        s,
        r##"<text x="24" y="50" font-size="30" font-weight="600" fill="#17181c">{}</text>"##,
        esc(title)
    );
    let bar_space = CHART_WIDTH - CHART_LABELS - 100.0;
    let accent = rgb(palette::theme_stroke(crate::model::ThemeColour::Teal));
    for (i, (name, n)) in bars.iter().enumerate() {
        let y = 90.0 + CHART_ROW * i as f32;
        let label = fit_line(name, CHART_LABELS - 40.0, 22.0);
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" font-size="22" text-anchor="end" fill="#17181c">{}</text>"##,
            CHART_LABELS - 16.0,
            y + 34.0,
            esc(&label)
        );
        let w = (bar_space * *n as f32 / max).max(2.0);
        let _ = write!(
            s,
            r##"<rect x="{CHART_LABELS}" y="{}" width="{w}" height="{}" rx="6" fill="{accent}"/>"##,
            y + 8.0,
            CHART_ROW - 16.0
        );
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" font-size="22" font-weight="600" fill="#17181c">{n}</text>"##,
            CHART_LABELS + w + 12.0,
            y + 35.0
        );
    }
    s.push_str("</svg>");
    s
}

/// One line of `text` cut with an ellipsis to fit `width` pixels at `size`.
fn fit_line(text: &str, width: f32, size: f32) -> String {
    let most = ((width / (size * GLYPH_WIDTH)) as usize).max(4);
    let one = super::one_line(text);
    match one.char_indices().nth(most) {
        Some((at, _)) => format!("{}…", one[..at].trim_end()),
        None => one,
    }
}

/// `text` wrapped into lines of at most `chars` characters, breaking between words (a word
/// longer than a line is broken where it must be).
fn wrap(text: &str, chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        while word.chars().count() > chars {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let at = word
                .char_indices()
                .nth(chars)
                .map_or(word.len(), |(i, _)| i);
            lines.push(word[..at].to_owned());
            word = word[at..].to_owned();
        }
        if line.is_empty() {
            line = word;
        } else if line.chars().count() + 1 + word.chars().count() <= chars {
            line.push(' ');
            line.push_str(&word);
        } else {
            lines.push(std::mem::replace(&mut line, word));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A note's text as lines that fit the note: the largest of a few sizes at which all of it
/// fits, so every note's whole text shows; at the smallest size, what does not fit is cut.
pub fn note_lines(text: &str) -> (f32, Vec<String>) {
    let inner_w = NOTE_WIDTH - 2.0 * palette::NOTE_PADDING;
    let inner_h = NOTE_HEIGHT - 2.0 * palette::NOTE_PADDING;
    let mut last = (0.0, Vec::new());
    for size in [palette::NOTE_FONT_SIZE, 19.0, 16.0, 13.0, 11.0] {
        let chars = ((inner_w / (size * GLYPH_WIDTH)) as usize).max(4);
        let lines = wrap(text, chars);
        let fits = (inner_h / (size * 1.25)) as usize;
        if lines.len() <= fits {
            return (size, lines);
        }
        let mut cut: Vec<String> = lines.into_iter().take(fits).collect();
        if let Some(l) = cut.last_mut() {
            l.push('…');
        }
        last = (size, cut);
    }
    last
}

/// The board as it looks: theme frames with their names, then every note with its text.
pub fn board_svg(session: &Session) -> String {
    let frames = session.theme_frames();
    let bounds = frames
        .iter()
        .map(|f| f.rect)
        .fold(session.bounds(), |acc: Option<CanvasRect>, r| {
            Some(acc.map_or(r, |a| a.union(r)))
        })
        .unwrap_or(CanvasRect::from_min_max(
            crate::model::CanvasPos::new(0.0, 0.0),
            crate::model::CanvasPos::new(NOTE_WIDTH, NOTE_HEIGHT),
        ));
    let (x0, y0) = (bounds.min.x - BOARD_MARGIN, bounds.min.y - BOARD_MARGIN);
    let (w, h) = (
        bounds.width() + 2.0 * BOARD_MARGIN,
        bounds.height() + 2.0 * BOARD_MARGIN,
    );
    let mut s = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="{x0} {y0} {w} {h}" font-family="{FONTS}">"##
    );
    let _ = write!(
        s,
        r##"<rect x="{x0}" y="{y0}" width="{w}" height="{h}" fill="#f7f5f0"/>"##
    );
    for (frame, theme) in frames.iter().zip(&session.themes) {
        let r = frame.rect;
        let stroke = rgb(palette::theme_stroke(theme.colour));
        let _ = write!(
            s,
            r##"<rect x="{}" y="{}" width="{}" height="{}" rx="14" fill="{stroke}" fill-opacity="0.16" stroke="{stroke}" stroke-width="3"/>"##,
            r.min.x,
            r.min.y,
            r.width(),
            r.height()
        );
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" font-size="{}" font-weight="600" fill="{stroke}">{}</text>"##,
            r.min.x + 20.0,
            r.min.y + 46.0,
            palette::THEME_TITLE_SIZE,
            esc(&fit_line(
                &theme.name,
                r.width() - 40.0,
                palette::THEME_TITLE_SIZE
            ))
        );
    }
    for note in &session.notes {
        let r = note.rect();
        if frames
            .iter()
            .zip(&session.themes)
            .any(|(f, t)| t.collapsed && Some(f.id) == note.theme)
        {
            continue;
        }
        let _ = write!(
            s,
            r##"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{}" stroke="#00000026"/>"##,
            r.min.x,
            r.min.y,
            r.width(),
            r.height(),
            palette::NOTE_ROUNDING,
            rgb(palette::note_fill(note.colour))
        );
        let (size, lines) = note_lines(&note.text);
        let _ = write!(
            s,
            r##"<text font-size="{size}" fill="{}">"##,
            rgb(palette::NOTE_TEXT)
        );
        for (i, line) in lines.iter().enumerate() {
            let _ = write!(
                s,
                r##"<tspan x="{}" y="{}">{}</tspan>"##,
                r.min.x + palette::NOTE_PADDING,
                r.min.y + palette::NOTE_PADDING + size * (1.0 + 1.25 * i as f32),
                esc(line)
            );
        }
        s.push_str("</text>");
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_notes_shrink_until_their_whole_text_fits() {
        let (size, lines) = note_lines("Short idea");
        assert_eq!(
            (size, lines),
            (palette::NOTE_FONT_SIZE, vec!["Short idea".to_owned()])
        );
        let long = "A shared record of every resident's contact with the council so nobody has to tell their story twice";
        let (size, lines) = note_lines(long);
        assert!(size < palette::NOTE_FONT_SIZE);
        assert_eq!(lines.join(" "), long);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(esc("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
