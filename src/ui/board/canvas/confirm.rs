//! Asking before deleting a vote option that has dots: a theme (from the theme list, or by
//! merging it away) or notes voted on. Deleting gives the dots back to the voters, so the
//! facilitator says yes first; one Ctrl+Z brings the option and its dots back.
//!
//! The question is a small modal over the canvas: Enter deletes, Esc (or Keep) keeps, and the
//! canvas takes no keys while it is open.

use crate::ui::frame::FrameCx;
use egui::{Id, Key, Modifiers, RichText};

use super::BoardState;
use crate::model::{Edit, NoteId, RoundState, Session, ThemeEdit, ThemeId, VoteOption};
use crate::ui::widgets::primary_button;

/// A deletion waiting for the facilitator's yes.
#[derive(Clone, Debug, PartialEq)]
pub enum ConfirmDelete {
    /// Delete these notes (some have dots).
    Notes(Vec<NoteId>),
    /// Delete this theme; its notes stay where they were.
    Theme(ThemeId),
    /// Merge `from` into `into` (named `name`), which deletes `from` and its dots.
    Merge {
        /// The theme merged away.
        from: ThemeId,
        /// The theme that takes its notes.
        into: ThemeId,
        /// The merged theme's name.
        name: String,
    },
}

/// The id of the confirmation modal.
pub fn confirm_id() -> Id {
    Id::unique("goldthread.confirm-delete")
}

/// Deletes the selected notes, or asks first when any has dots in a vote on notes.
pub fn delete_selection(cx: &mut FrameCx<'_>, state: &mut BoardState) {
    let session = cx.session;
    let ids: Vec<NoteId> = state.selection.iter().copied().collect();
    if ids.is_empty() {
        return;
    }
    if super::dots::dots_on_notes(session, &state.selection) > 0 {
        ask(state, ConfirmDelete::Notes(ids));
    } else {
        run(cx, state, &ConfirmDelete::Notes(ids));
    }
}

/// Deletes a theme (its notes stay), or asks first when it has dots.
pub fn delete_theme(cx: &mut FrameCx<'_>, state: &mut BoardState, id: ThemeId) {
    let session = cx.session;
    let action = ConfirmDelete::Theme(id);
    if has_dots(session, &action) {
        ask(state, action);
    } else {
        run(cx, state, &action);
    }
}

/// Merges `from` into `into`, or asks first when `from` has dots (they would be given back).
pub fn merge_themes(
    cx: &mut FrameCx<'_>,
    state: &mut BoardState,
    from: ThemeId,
    into: ThemeId,
    name: String,
) {
    let session = cx.session;
    let action = ConfirmDelete::Merge { from, into, name };
    if has_dots(session, &action) {
        ask(state, action);
    } else {
        run(cx, state, &action);
    }
}

fn ask(state: &mut BoardState, action: ConfirmDelete) {
    state.gesture = super::Gesture::None;
    state.confirm_delete = Some(action);
}

/// The vote options the action deletes.
fn options(action: &ConfirmDelete) -> Vec<VoteOption> {
    match action {
        ConfirmDelete::Notes(ids) => ids.iter().map(|id| VoteOption::Note(*id)).collect(),
        ConfirmDelete::Theme(id) => vec![VoteOption::Theme(*id)],
        ConfirmDelete::Merge { from, .. } => vec![VoteOption::Theme(*from)],
    }
}

fn has_dots(session: &Session, action: &ConfirmDelete) -> bool {
    options(action)
        .into_iter()
        .any(|o| session.voting.dots_on(o) > 0)
}

/// The heading and the question for `action`, in plain words: what has how many dots in which
/// vote (no count while that vote is still secret), and what deleting does.
pub fn question(session: &Session, action: &ConfirmDelete) -> (String, String) {
    let options = options(action);
    let with_dots: Vec<VoteOption> = options
        .iter()
        .copied()
        .filter(|o| session.voting.dots_on(*o) > 0)
        .collect();
    let dots: u32 = with_dots.iter().map(|o| session.voting.dots_on(*o)).sum();
    let rounds: Vec<_> = session
        .voting
        .rounds
        .iter()
        .filter(|r| with_dots.iter().any(|o| r.dots_on(*o) > 0))
        .collect();
    let secret = rounds
        .iter()
        .any(|r| r.state == RoundState::Open && r.settings.secret);
    let vote = match rounds.as_slice() {
        [round] => {
            let q = round.settings.question.trim();
            let secret = if secret { "secret " } else { "" };
            if q.is_empty() {
                format!("the {secret}dot vote")
            } else {
                format!("the {secret}vote “{q}”")
            }
        }
        rounds => format!("{} votes", rounds.len()),
    };
    let how_many = if secret {
        "dots".to_owned()
    } else {
        super::dots::dots_words(dots)
    };
    let back = if dots == 1 && !secret {
        "give the dot back to the voter"
    } else {
        "give the dots back to the voters"
    };
    let secret_note = if secret {
        " (how many stays secret until the reveal)"
    } else {
        ""
    };
    let name = |o: VoteOption| o.name(session);
    match action {
        ConfirmDelete::Notes(ids) => {
            let heading = match ids.len() {
                1 => "Delete this note?".to_owned(),
                n => format!("Delete {n} notes?"),
            };
            let who = match (ids.len(), with_dots.as_slice()) {
                (1, [o]) => format!("“{}” has", name(*o)),
                (n, [o]) => format!("One of the {n} notes, “{}”, has", name(*o)),
                (n, w) if w.len() == n => format!("The {n} notes have"),
                (n, w) => format!("{} of the {n} notes have", w.len()),
            };
            let it = if ids.len() == 1 { "it" } else { "them" };
            (
                heading,
                format!(
                    "{who} {how_many} in {vote}{secret_note}. Delete {it} and {back}? \
                     Ctrl+Z brings {it} back with the dots."
                ),
            )
        }
        ConfirmDelete::Theme(id) => {
            let theme = name(VoteOption::Theme(*id));
            (
                format!("Delete the theme “{theme}”?"),
                format!(
                    "“{theme}” has {how_many} in {vote}{secret_note}. Delete it and {back}? \
                     Its notes stay on the board. Ctrl+Z brings it back with its dots."
                ),
            )
        }
        ConfirmDelete::Merge { from, into, .. } => {
            let from = name(VoteOption::Theme(*from));
            let into = name(VoteOption::Theme(*into));
            (
                format!("Merge “{from}” into “{into}”?"),
                format!(
                    "“{from}” has {how_many} in {vote}{secret_note}. Merging removes it, so \
                     its dots go back to the voters (they do not move to “{into}”). Merge \
                     anyway? Ctrl+Z brings it back with its dots."
                ),
            )
        }
    }
}

/// Does the deletion now, as one undoable edit, and says what happened.
fn run(cx: &mut FrameCx<'_>, state: &mut BoardState, action: &ConfirmDelete) {
    let session = cx.session;
    match action {
        ConfirmDelete::Notes(ids) => {
            let ids: Vec<NoteId> = ids
                .iter()
                .copied()
                .filter(|id| session.note(*id).is_some())
                .collect();
            if ids.is_empty() {
                return;
            }
            let n = ids.len();
            let set = ids.iter().copied().collect();
            let dots = super::dots::dots_on_notes(session, &set);
            cx.out.edits.push(Edit::RemoveNotes(ids));
            state.selection.retain(|id| !set.contains(id));
            cx.notice(format!(
                "Deleted {n} note{}{}. Ctrl+Z brings {} back.",
                if n == 1 { "" } else { "s" },
                super::dots::given_back(dots),
                if n == 1 { "it" } else { "them" }
            ));
        }
        ConfirmDelete::Theme(id) => {
            let Some(theme) = session.theme(*id) else {
                return;
            };
            let dots = session.voting.dots_on(VoteOption::Theme(*id));
            cx.out
                .edits
                .push(Edit::Theme(ThemeEdit::delete(session, &[*id])));
            let back = match dots {
                0 => String::new(),
                1 => "; its vote dot was given back to the voter".to_owned(),
                _ => "; its vote dots were given back to the voters".to_owned(),
            };
            cx.notice(format!(
                "Deleted the theme \"{}\"; its notes stay where they were{back}. Ctrl+Z brings it back.",
                theme.name
            ));
        }
        ConfirmDelete::Merge { from, into, name } => {
            if session.theme(*from).is_none() || session.theme(*into).is_none() {
                return;
            }
            if name.trim().is_empty()
                && let Some(target) = session.theme(*into)
            {
                cx.notice(format!(
                    "A theme needs a name, so the merged theme keeps \"{}\".",
                    target.name
                ));
            }
            cx.out.edits.push(Edit::Theme(ThemeEdit::merge(
                session,
                *into,
                &[*from],
                name.clone(),
            )));
        }
    }
}

/// Shows the question while a deletion waits for an answer: Delete (or Enter) deletes, Keep
/// (or Esc, or a click beside it) keeps.
pub fn confirm_ui(ui: &egui::Ui, cx: &mut FrameCx<'_>, state: &mut BoardState) {
    let session = cx.session;
    let palette = cx.palette;
    let Some(action) = state.confirm_delete.clone() else {
        return;
    };
    if !has_dots(session, &action) {
        // Undone or changed meanwhile: nothing left to ask about.
        state.confirm_delete = None;
        return;
    }
    let ctx = ui.ctx().clone();
    let (heading, body) = question(session, &action);
    let enter = ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
    let mut delete = enter;
    let mut keep = false;
    let (_, close) = crate::ui::modal::modal_ui(&ctx, confirm_id(), palette, 560.0, |ui| {
        ui.heading(heading.as_str());
        ui.add_space(crate::ui::style::gap::SMALL);
        ui.add(egui::Label::new(body.as_str()).wrap());
        ui.add_space(crate::ui::style::gap::LARGE);
        ui.horizontal(|ui| {
            let verb = match action {
                ConfirmDelete::Merge { .. } => "Merge",
                _ => "Delete",
            };
            if primary_button(ui, verb, palette)
                .on_hover_text("Enter")
                .clicked()
            {
                delete = true;
            }
            let keep_button = egui::Button::new(RichText::new("Keep").strong());
            if ui.add(keep_button).on_hover_text("Esc").clicked() {
                keep = true;
            }
        });
    });
    if close {
        keep = true;
    }
    if keep || delete {
        state.confirm_delete = None;
        state.focus_requested = true;
    }
    if delete && !keep {
        run(cx, state, &action);
    }
}
