//! Cleaning text typed on phones before it reaches the session.
//!
//! Bidirectional controls (which can make a note read differently from what it holds, the
//! "Trojan Source" trick) and invisible zero-width characters are removed; other control
//! characters are removed too, tabs become spaces. Zero-width joiner and non-joiner (U+200D,
//! U+200C) are kept: emoji sequences and scripts such as Persian and Hindi need them. Markup is
//! not touched: `<script>` stays text, and the page shows text with `textContent` only.

/// Is `c` a bidirectional formatting control?
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Is `c` an invisible character that is removed (zero-width space, word joiner, byte-order mark,
/// Mongolian vowel separator, soft hyphen)?
fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}' | '\u{00AD}'
    )
}

/// The characters kept from `raw`, newlines kept only when `keep_newlines`.
fn clean(raw: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        if is_bidi_control(c) || is_zero_width(c) {
            continue;
        }
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\n' | '\t' => out.push(' '),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// A note's text as typed on a phone, cleaned: bidi controls and zero-width characters removed,
/// line breaks kept, surrounding space trimmed.
pub fn clean_note(raw: &str) -> String {
    clean(raw, true)
}

/// A name, service area or level typed on a phone, cleaned like a note and on one line.
pub fn clean_line(raw: &str) -> String {
    clean(raw, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_are_removed() {
        let tricky = "pay \u{202E}gnp.exe\u{202C} now \u{2066}x\u{2069}";
        assert_eq!(clean_note(tricky), "pay gnp.exe now x");
    }

    #[test]
    fn zero_width_characters_are_removed_but_joiners_kept() {
        assert_eq!(clean_note("a\u{200B}b\u{FEFF}c\u{2060}d"), "abcd");
        let family = "👩\u{200D}👩\u{200D}👧";
        assert_eq!(clean_note(family), family);
    }

    #[test]
    fn markup_stays_as_text() {
        let script = "<script>alert('x')</script> & <b>";
        assert_eq!(clean_note(script), script);
    }

    #[test]
    fn lines_are_kept_in_notes_and_folded_in_names() {
        assert_eq!(clean_note("  one\r\ntwo\t3 \u{7} "), "one\ntwo 3");
        assert_eq!(clean_line("Asha\nK"), "Asha K");
    }
}
