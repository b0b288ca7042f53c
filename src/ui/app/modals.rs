//! The app's one modal slot ([`ModalSlot`]): the dialog, the safety prompt and the survey
//! preview all live in it, so there is one answer to "what question is showing?". Opening a
//! question of a kind already there replaces it in place; another kind goes on top and the
//! one below shows again once it is answered. Every question is drawn in the same frame,
//! [`crate::ui::modal::modal_ui`].

use super::survey_preview::SurveyPreview;
use crate::ui::dialogs::Dialog;
use crate::ui::recovery_ui::SafetyPrompt;

/// A question or sheet over the whole app.
#[derive(Debug)]
pub enum Modal {
    /// A dialog: new session, unsaved changes, a path, a message, the keys, the palette.
    Dialog(Dialog),
    /// The restore offer, the read-only offer, or a file changed by another program.
    Safety(SafetyPrompt),
    /// The survey import preview.
    Survey(Box<SurveyPreview>),
}

impl Modal {
    fn same_kind(&self, other: &Modal) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// The one modal slot: the question showing is the last one opened.
#[derive(Debug, Default)]
pub struct ModalSlot {
    /// The questions open, the one showing last.
    stack: Vec<Modal>,
}

impl ModalSlot {
    /// Opens `modal`: in place of one of its kind, else on top of the one showing.
    pub fn open(&mut self, modal: Modal) {
        match self.stack.iter_mut().find(|m| m.same_kind(&modal)) {
            Some(slot) => *slot = modal,
            None => self.stack.push(modal),
        }
    }

    /// True while any question is open (the screens under it take no keys).
    pub fn is_open(&self) -> bool {
        !self.stack.is_empty()
    }

    /// The question showing.
    pub fn showing_mut(&mut self) -> Option<&mut Modal> {
        self.stack.last_mut()
    }

    /// The dialog, if one is open.
    pub fn dialog(&self) -> Option<&Dialog> {
        self.stack.iter().find_map(|m| match m {
            Modal::Dialog(d) => Some(d),
            _ => None,
        })
    }

    /// The dialog, if one is open, to change.
    pub fn dialog_mut(&mut self) -> Option<&mut Dialog> {
        self.stack.iter_mut().find_map(|m| match m {
            Modal::Dialog(d) => Some(d),
            _ => None,
        })
    }

    /// The safety prompt, if one is open.
    pub fn safety(&self) -> Option<&SafetyPrompt> {
        self.stack.iter().find_map(|m| match m {
            Modal::Safety(p) => Some(p),
            _ => None,
        })
    }

    /// The survey preview, when it is the question showing.
    pub fn survey_mut(&mut self) -> Option<&mut SurveyPreview> {
        match self.stack.last_mut() {
            Some(Modal::Survey(preview)) => Some(preview),
            _ => None,
        }
    }

    /// Closes the dialog.
    pub fn close_dialog(&mut self) {
        self.stack.retain(|m| !matches!(m, Modal::Dialog(_)));
    }

    /// Closes the safety prompt and returns it.
    pub fn take_safety(&mut self) -> Option<SafetyPrompt> {
        let at = self
            .stack
            .iter()
            .position(|m| matches!(m, Modal::Safety(_)))?;
        match self.stack.remove(at) {
            Modal::Safety(prompt) => Some(prompt),
            _ => None,
        }
    }

    /// Closes the survey preview and returns it.
    pub fn take_survey(&mut self) -> Option<SurveyPreview> {
        let at = self
            .stack
            .iter()
            .position(|m| matches!(m, Modal::Survey(_)))?;
        match self.stack.remove(at) {
            Modal::Survey(preview) => Some(*preview),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(title: &str) -> Modal {
        Modal::Dialog(Dialog::Message {
            title: title.to_owned(),
            body: String::new(),
        })
    }

    fn later() -> Modal {
        Modal::Safety(SafetyPrompt::Recover {
            copies: Vec::new(),
            confirm_discard: None,
        })
    }

    #[test]
    fn a_new_kind_goes_on_top_and_the_one_below_shows_again_when_answered() {
        let mut slot = ModalSlot::default();
        slot.open(later());
        slot.open(message("Cannot open"));
        assert!(matches!(slot.showing_mut(), Some(Modal::Dialog(_))));
        slot.close_dialog();
        assert!(matches!(slot.showing_mut(), Some(Modal::Safety(_))));
        assert!(slot.take_safety().is_some());
        assert!(!slot.is_open());
    }

    #[test]
    fn a_question_of_the_same_kind_replaces_the_one_there() {
        let mut slot = ModalSlot::default();
        slot.open(message("first"));
        slot.open(later());
        slot.open(message("second"));
        let Some(Dialog::Message { title, .. }) = slot.dialog() else {
            panic!("a message is open");
        };
        assert_eq!(title, "second");
        assert!(
            matches!(slot.showing_mut(), Some(Modal::Safety(_))),
            "replaced in place, under the prompt opened after it"
        );
        slot.close_dialog();
        assert!(slot.dialog().is_none() && slot.safety().is_some());
    }
}
