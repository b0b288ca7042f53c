//! "Copy report": the report on the clipboard as HTML and plain text together, so it pastes
//! into Word, Outlook or LibreOffice with real headings and tables.

use super::GoldthreadApp;
use crate::export::{ReportOptions, html, report};

impl GoldthreadApp {
    /// Puts the open session's report on the clipboard, and says so (or why it could not).
    pub(super) fn copy_report(&mut self) {
        let Some(open) = &self.open else { return };
        let report = report::build(
            &open.session,
            &open.session.voting.dots_by_option(),
            &ReportOptions::default(),
        );
        let (html, text) = (html::html(&report), html::plain_text(&report));
        let result = clipboard_set_html(&html, &text);
        self.last_copied = Some((html, text));
        match result {
            Ok(()) => self.notices.info(
                "Report copied with its headings and tables: paste it into Word, Outlook or LibreOffice.",
            ),
            Err(e) => self
                .notices
                .error(format!("The report could not be copied: {e}")),
        }
    }

    /// The plain text of the last report copied (for tests).
    pub fn last_copied(&self) -> Option<&str> {
        self.last_copied.as_ref().map(|(_, text)| text.as_str())
    }

    /// The HTML of the last report copied, exactly as put on the clipboard (for tests).
    pub fn last_copied_html(&self) -> Option<&str> {
        self.last_copied.as_ref().map(|(html, _)| html.as_str())
    }
}

/// Sets HTML with a plain-text alternative on the system clipboard. The clipboard is kept for
/// the life of the app: on X11 and Wayland its owner must live for the paste to work.
fn clipboard_set_html(html: &str, text: &str) -> Result<(), String> {
    use std::sync::{Mutex, OnceLock};
    static CLIPBOARD: OnceLock<Mutex<Option<arboard::Clipboard>>> = OnceLock::new();
    let cell = CLIPBOARD.get_or_init(|| Mutex::new(arboard::Clipboard::new().ok()));
    let Ok(mut guard) = cell.lock() else {
        return Err("the clipboard is busy".to_owned());
    };
    let Some(clipboard) = guard.as_mut() else {
        return Err("no clipboard is available on this computer".to_owned());
    };
    clipboard
        .set_html(html, Some(text))
        .map_err(|e| e.to_string())
}
