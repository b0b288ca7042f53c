//! Theme suggestions: computed from the text of the notes in no theme and the themes already
//! made, on a named background thread, and shown as cards to accept (after renaming), reject,
//! or accept all: notes that probably belong to an existing theme are offered to it, the rest as
//! new groups. Near-duplicate notes are offered for stacking.

use crate::ui::frame::FrameCx;
use std::sync::mpsc::{Receiver, TryRecvError};

use egui::RichText;

use crate::grouping::existing::{self, ThemeText};
use crate::grouping::{self, Params};
use crate::model::{Edit, NoteId, Session, ThemeEdit, ThemeId};
use crate::ui::board::canvas::BoardState;
use crate::ui::style::{self};
use crate::ui::widgets::primary_button;
use card::{CardAction, suggestion_card_ui};

mod card;

/// The lowest and highest "fewer / more groups" setting.
const GRANULARITY: std::ops::RangeInclusive<i32> = -5..=5;
/// How many of a suggestion's notes its card lists.
const NOTES_SHOWN: usize = 5;

/// One suggested theme as the panel shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct SuggestionCard {
    /// The proposed name, editable before accepting.
    pub name: String,
    /// Its keywords: concept labels and the words its notes share.
    pub keywords: Vec<String>,
    /// Why its notes belong together, in words ("about infrastructure (wifi, laptops)").
    pub why: String,
    /// Its notes that are in no theme now (the card is hidden while there are none).
    pub notes: Vec<NoteId>,
    /// All the notes it was suggested for: when an accepted card is undone, its notes are free
    /// again and the card comes back as it was.
    all_notes: Vec<NoteId>,
    /// The titles of its first notes, as listed on the card.
    titles: Vec<String>,
    /// The existing theme its notes probably belong to; `None` for a new group.
    pub into: Option<ThemeId>,
}

impl SuggestionCard {
    /// True while any of its notes is in no theme.
    pub fn is_shown(&self) -> bool {
        !self.notes.is_empty()
    }

    /// A card for the notes `members` (indices into `ids`), a new group or one into a theme.
    fn new(
        ids: &[NoteId],
        members: &[usize],
        name: String,
        keywords: Vec<String>,
        why: String,
    ) -> Self {
        let notes: Vec<NoteId> = members
            .iter()
            .filter_map(|i| ids.get(*i))
            .copied()
            .collect();
        Self {
            name,
            keywords,
            why,
            all_notes: notes.clone(),
            notes,
            titles: Vec::new(),
            into: None,
        }
    }
}

/// What the background thread sends back: the notes offered to existing themes and the groups
/// made of the rest, as indices into the job's notes and themes.
type JobResult = (Vec<existing::Fit>, grouping::Suggestions);

/// A computation running on the background thread.
#[derive(Debug)]
struct Job {
    rx: Receiver<JobResult>,
    ids: Vec<NoteId>,
    themes: Vec<(ThemeId, String)>,
}

/// The suggestions section's state.
#[derive(Debug, Default)]
pub struct Suggestions {
    /// From -5 (fewer, larger groups) to +5 (more, smaller groups).
    pub granularity: i32,
    /// The suggestions not rejected: those with notes in no theme are shown; accepted ones are
    /// hidden (their notes are in the new theme) and come back if the accept is undone.
    pub cards: Vec<SuggestionCard>,
    /// Sets of near-duplicate notes.
    pub duplicates: Vec<Vec<NoteId>>,
    /// How many of the notes that fitted no group in the last result are still in no theme.
    pub ungrouped: usize,
    /// Something to know about the last result (the word lexicon could not be read).
    pub notice: Option<String>,
    /// The notes that fitted no group in the last result.
    ungrouped_ids: Vec<NoteId>,
    /// Scroll the panel to the suggestions at the next frame (just asked for, or just arrived).
    pub(super) scroll_pending: bool,
    /// A result has arrived (even an empty one).
    pub has_result: bool,
    /// Start a computation at the next frame.
    pub(super) requested: bool,
    /// The session revision the cards were last checked against.
    pruned_at: Option<u64>,
    job: Option<Job>,
}

impl Suggestions {
    /// True while suggestions are being computed.
    pub fn running(&self) -> bool {
        self.job.is_some()
    }

    /// Shows a result of new groups only: `result`'s indices are into `ids`.
    pub fn set_result(&mut self, ids: &[NoteId], result: grouping::Suggestions) {
        self.set_results(ids, &[], Vec::new(), result);
    }

    /// Shows a result: `fits` (notes offered to the existing `themes`, by index) first, then
    /// the new groups of `result`; every note index is into `ids`. Also how the background
    /// result arrives.
    pub fn set_results(
        &mut self,
        ids: &[NoteId],
        themes: &[(ThemeId, String)],
        fits: Vec<existing::Fit>,
        result: grouping::Suggestions,
    ) {
        let into = fits.into_iter().filter_map(|fit| {
            let (theme, name) = themes.get(fit.theme)?;
            let mut card = SuggestionCard::new(
                ids,
                &fit.members,
                name.clone(),
                fit.reasons.clone(),
                fit.why(),
            );
            card.into = Some(*theme);
            Some(card)
        });
        let new = result
            .groups
            .into_iter()
            .map(|g| SuggestionCard::new(ids, &g.members, g.name, g.keywords, g.why));
        self.cards = into.chain(new).filter(|c| !c.notes.is_empty()).collect();
        self.duplicates = result
            .duplicates
            .iter()
            .map(|set| {
                set.iter()
                    .filter_map(|i| ids.get(*i))
                    .copied()
                    .collect::<Vec<_>>()
            })
            .filter(|set| set.len() > 1)
            .collect();
        self.ungrouped_ids = result
            .ungrouped
            .iter()
            .filter_map(|i| ids.get(*i))
            .copied()
            .collect();
        self.ungrouped = self.ungrouped_ids.len();
        self.notice = result.notice;
        self.has_result = true;
        self.scroll_pending = true;
        self.pruned_at = None;
    }

    /// Starts computing suggestions for the notes in no theme, on a background thread.
    fn start(&mut self, ctx: &egui::Context, cx: &mut FrameCx<'_>) {
        let session = cx.session;
        let (ids, texts): (Vec<NoteId>, Vec<String>) = session
            .notes
            .iter()
            .filter(|n| n.theme.is_none())
            .map(|n| (n.id, n.text.clone()))
            .unzip();
        if ids.len() < 2 {
            cx.notice(if ids.is_empty() {
                "Every note is already in a theme: nothing to suggest.".to_owned()
            } else {
                "Only one note is in no theme: nothing to group it with.".to_owned()
            });
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let params = Params {
            granularity: self.granularity,
            ..Params::default()
        };
        let themes: Vec<(ThemeId, String)> = session
            .themes
            .iter()
            .map(|t| (t.id, t.name.clone()))
            .collect();
        let theme_texts: Vec<ThemeText> = session
            .themes
            .iter()
            .map(|t| ThemeText {
                name: t.name.clone(),
                notes: session
                    .theme_members(t.id)
                    .map(|n| n.text.clone())
                    .collect(),
            })
            .collect();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("theme-suggestions".to_owned())
            .spawn(move || {
                let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
                let result = existing::suggest_with_themes(&refs, &theme_texts, &params);
                // The panel may have gone (session closed); then nobody needs the result.
                let _ = tx.send(result);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.job = Some(Job { rx, ids, themes }),
            Err(e) => cx.notice(format!("Could not start the theme suggestions: {e}")),
        }
    }

    /// Starts a requested computation and picks up a finished one. Cheap when idle.
    pub fn poll(&mut self, ctx: &egui::Context, cx: &mut FrameCx<'_>) {
        if std::mem::take(&mut self.requested) && self.job.is_none() {
            self.start(ctx, cx);
        }
        let Some(job) = &self.job else {
            return;
        };
        match job.rx.try_recv() {
            Ok((fits, result)) => {
                let Some(job) = self.job.take() else { return };
                self.set_results(&job.ids, &job.themes, fits, result);
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                self.job = None;
                cx.notice(
                    "The theme suggestions stopped with an error; nothing was changed.".to_owned(),
                );
            }
        }
    }

    /// Shows each card with its notes that are in no theme now (hiding cards with none, such
    /// as accepted ones, and showing them again when undo frees their notes), and notes the
    /// titles the cards list. Runs once per change of the session, not per frame.
    fn prune(&mut self, session: &Session, revision: u64) {
        if self.pruned_at == Some(revision) {
            return;
        }
        self.pruned_at = Some(revision);
        let notes: std::collections::HashMap<NoteId, &crate::model::Note> =
            session.notes.iter().map(|n| (n.id, n)).collect();
        let free = |id: &NoteId| notes.get(id).is_some_and(|n| n.theme.is_none());
        for card in &mut self.cards {
            // A card into a theme that was deleted is hidden (undo brings both back).
            let theme_gone = card.into.is_some_and(|t| session.theme(t).is_none());
            card.notes = card
                .all_notes
                .iter()
                .copied()
                .filter(|id| free(id) && !theme_gone)
                .collect();
            card.titles = card
                .notes
                .iter()
                .take(NOTES_SHOWN)
                .filter_map(|id| notes.get(id))
                .map(|n| n.title(40))
                .collect();
        }
        // Notes sorted by hand since are no longer "left alone".
        self.ungrouped = self.ungrouped_ids.iter().filter(|id| free(id)).count();
        for set in &mut self.duplicates {
            set.retain(|id| notes.contains_key(id));
        }
        self.duplicates.retain(|s| s.len() > 1);
    }
}

/// Draws the suggestions section.
pub fn suggestions_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, state: &mut BoardState) {
    let session = cx.session;
    let palette = cx.palette;
    let s = &mut state.themes_panel.suggestions;
    let heading =
        ui.label(RichText::new("Suggestions").font(style::strong_font(style::text::HEADING)));
    if std::mem::take(&mut s.scroll_pending) {
        // Ctrl+T (or the result arriving) brings the suggestions into view, however long the
        // theme list above them is.
        heading.scroll_to_me(Some(egui::Align::Min));
    }
    ui.label(
        RichText::new("Where the notes in no theme probably belong, worked out on this computer.")
            .small()
            .color(palette.text_muted),
    );
    controls_ui(ui, s);
    if !s.has_result {
        return;
    }
    s.prune(session, state.themes.revision());
    let shown = s.cards.iter().filter(|c| c.is_shown()).count();
    let mut action = None;
    if shown == 0 {
        ui.label(RichText::new("No groups to suggest.").color(palette.text_muted));
    } else {
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{shown} suggested")).strong());
            if primary_button(ui, "Accept all", palette).clicked() {
                action = Some(None);
            }
        });
    }
    let cards = s.cards.iter_mut().enumerate().filter(|(_, c)| c.is_shown());
    for (number, (i, card)) in cards.enumerate() {
        if let Some(a) = suggestion_card_ui(ui, cx, card, i, number) {
            action = Some(Some(a));
        }
        ui.add_space(style::gap::TINY);
    }
    if action.is_some() {
        state.focus_requested = true;
    }
    // Accepted cards stay, hidden once their notes are in a theme, so undo brings them back.
    let accepted: Vec<&SuggestionCard> = match action {
        Some(None) => s.cards.iter().filter(|c| c.is_shown()).collect(),
        Some(Some(CardAction::Accept(i))) => s.cards.get(i).into_iter().collect(),
        Some(Some(CardAction::Reject(i))) => {
            s.cards.remove(i);
            Vec::new()
        }
        None => Vec::new(),
    };
    if !accepted.is_empty() {
        let (edit, reveal) = accept_edit(session, &accepted);
        state.reveal_themes = reveal;
        cx.out.edits.push(Edit::Theme(edit));
    }
    if s.ungrouped > 0 {
        let text = match s.ungrouped {
            1 => "1 note fits no group and is left alone.".to_owned(),
            n => format!("{n} notes fit no group and are left alone."),
        };
        ui.label(RichText::new(text).color(palette.text_muted));
    }
    if let Some(notice) = &s.notice {
        ui.label(RichText::new(notice).small().color(palette.text_muted));
    }
}

/// The Suggest themes button and the Fewer / More setting.
fn controls_ui(ui: &mut egui::Ui, s: &mut Suggestions) {
    ui.horizontal(|ui| {
        let running = s.running();
        if ui
            .add_enabled(
                !running,
                egui::Button::new(RichText::new("Suggest themes").strong()),
            )
            .on_hover_text(crate::ui::Action::SuggestThemes.keys_text(ui.ctx()))
            .clicked()
        {
            s.requested = true;
        }
        if running {
            ui.spinner();
            ui.label("Thinking…");
        }
    });
    ui.horizontal(|ui| {
        ui.label("Groups:");
        let fewer = ui
            .add_enabled(
                *GRANULARITY.start() < s.granularity,
                egui::Button::new("Fewer"),
            )
            .on_hover_text("Fewer, larger groups");
        ui.label(RichText::new(format!("{:+}", s.granularity)).strong());
        let more = ui
            .add_enabled(
                s.granularity < *GRANULARITY.end(),
                egui::Button::new("More"),
            )
            .on_hover_text("More, smaller groups");
        if fewer.clicked() || more.clicked() {
            s.granularity += if more.clicked() { 1 } else { -1 };
            s.requested = s.has_result;
        }
    });
}

/// The one undo step that accepts `cards`, and the themes to bring into view. Notes for an
/// existing theme join it; so do the notes of a new group named like an existing theme (never
/// a second theme of that name); the other groups become new themes.
pub fn accept_edit(session: &Session, cards: &[&SuggestionCard]) -> (ThemeEdit, Vec<ThemeId>) {
    let existing_named = |name: &str| {
        let name = name.trim().to_lowercase();
        session
            .themes
            .iter()
            .find(|t| t.name.trim().to_lowercase() == name)
            .map(|t| t.id)
    };
    let mut into: Vec<(ThemeId, Vec<NoteId>)> = Vec::new();
    let mut groups: Vec<(String, Vec<NoteId>)> = Vec::new();
    for card in cards {
        let target = card
            .into
            .filter(|t| session.theme(*t).is_some())
            .or_else(|| existing_named(&card.name));
        match target {
            Some(theme) => match into.iter_mut().find(|(t, _)| *t == theme) {
                Some((_, notes)) => notes.extend(&card.notes),
                None => into.push((theme, card.notes.clone())),
            },
            None => groups.push((card.name.clone(), card.notes.clone())),
        }
    }
    let mut parts = Vec::new();
    let mut reveal = Vec::new();
    for (theme, notes) in into {
        parts.push(ThemeEdit::assign(session, &notes, Some(theme)));
        reveal.push(theme);
    }
    if !groups.is_empty() {
        let made = ThemeEdit::accept(session, &groups);
        reveal.extend(made.inserted());
        parts.push(made);
    }
    (ThemeEdit::Batch(parts), reveal)
}
