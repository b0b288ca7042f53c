//! Theme suggestions: computed from the text of the notes in no theme, on a named background
//! thread, and shown as cards to accept (after renaming), reject, or accept all. Near-duplicate
//! notes are offered for stacking.

use std::sync::mpsc::{Receiver, TryRecvError};

use egui::{RichText, Stroke};

use super::notes_count;
use crate::grouping::{self, Params};
use crate::model::{CanvasPos, Edit, NoteId, Session, ThemeEdit};
use crate::ui::canvas::{CanvasRequest, CanvasState};
use crate::ui::style::{self, Palette};
use crate::ui::widgets::primary_button;

/// The lowest and highest "fewer / more groups" setting.
const GRANULARITY: std::ops::RangeInclusive<i32> = -5..=5;
/// How many of a suggestion's notes its card lists.
const NOTES_SHOWN: usize = 5;
/// How far each stacked note sits from the one below it, in canvas units.
const STACK_STEP: f32 = 14.0;

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
}

impl SuggestionCard {
    /// True while any of its notes is in no theme.
    pub fn is_shown(&self) -> bool {
        !self.notes.is_empty()
    }
}

/// A computation running on the background thread.
#[derive(Debug)]
struct Job {
    rx: Receiver<grouping::Suggestions>,
    ids: Vec<NoteId>,
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
    /// How many notes fitted no group in the last result.
    pub ungrouped: usize,
    /// Something to know about the last result (the word lexicon could not be read).
    pub notice: Option<String>,
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

    /// Shows a result: `result`'s indices are into `ids`. Also how the background result arrives.
    pub fn set_result(&mut self, ids: &[NoteId], result: grouping::Suggestions) {
        let id_of = |i: &usize| ids.get(*i).copied();
        self.cards = result
            .groups
            .into_iter()
            .map(|g| SuggestionCard {
                name: g.name,
                keywords: g.keywords,
                why: g.why,
                notes: g.members.iter().filter_map(id_of).collect(),
                all_notes: g.members.iter().filter_map(id_of).collect(),
                titles: Vec::new(),
            })
            .filter(|c| !c.notes.is_empty())
            .collect();
        self.duplicates = result
            .duplicates
            .iter()
            .map(|set| set.iter().filter_map(id_of).collect::<Vec<_>>())
            .filter(|set| set.len() > 1)
            .collect();
        self.ungrouped = result.ungrouped.len();
        self.notice = result.notice;
        self.has_result = true;
        self.pruned_at = None;
    }

    /// Starts computing suggestions for the notes in no theme, on a background thread.
    fn start(&mut self, ctx: &egui::Context, session: &Session, requests: &mut Vec<CanvasRequest>) {
        let (ids, texts): (Vec<NoteId>, Vec<String>) = session
            .notes
            .iter()
            .filter(|n| n.theme.is_none())
            .map(|n| (n.id, n.text.clone()))
            .unzip();
        if ids.len() < 2 {
            requests.push(CanvasRequest::Info(if ids.is_empty() {
                "Every note is already in a theme: nothing to suggest.".to_owned()
            } else {
                "Only one note is in no theme: nothing to group it with.".to_owned()
            }));
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let params = Params {
            granularity: self.granularity,
            ..Params::default()
        };
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("theme-suggestions".to_owned())
            .spawn(move || {
                let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
                let result = grouping::suggest(&refs, &params);
                // The panel may have gone (session closed); then nobody needs the result.
                let _ = tx.send(result);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.job = Some(Job { rx, ids }),
            Err(e) => requests.push(CanvasRequest::Info(format!(
                "Could not start the theme suggestions: {e}"
            ))),
        }
    }

    /// Starts a requested computation and picks up a finished one. Cheap when idle.
    pub fn poll(
        &mut self,
        ctx: &egui::Context,
        session: &Session,
        requests: &mut Vec<CanvasRequest>,
    ) {
        if std::mem::take(&mut self.requested) && self.job.is_none() {
            self.start(ctx, session, requests);
        }
        let Some(job) = &self.job else {
            return;
        };
        match job.rx.try_recv() {
            Ok(result) => {
                let Some(job) = self.job.take() else { return };
                self.set_result(&job.ids, result);
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                self.job = None;
                requests.push(CanvasRequest::Info(
                    "The theme suggestions stopped with an error; nothing was changed.".to_owned(),
                ));
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
        for card in &mut self.cards {
            card.notes = card
                .all_notes
                .iter()
                .copied()
                .filter(|id| notes.get(id).is_some_and(|n| n.theme.is_none()))
                .collect();
            card.titles = card
                .notes
                .iter()
                .take(NOTES_SHOWN)
                .filter_map(|id| notes.get(id))
                .map(|n| n.title(40))
                .collect();
        }
        for set in &mut self.duplicates {
            set.retain(|id| notes.contains_key(id));
        }
        self.duplicates.retain(|s| s.len() > 1);
    }
}

/// Draws the suggestions section.
pub fn suggestions_ui(
    ui: &mut egui::Ui,
    session: &Session,
    state: &mut CanvasState,
    palette: &Palette,
    edits: &mut Vec<Edit>,
    requests: &mut Vec<CanvasRequest>,
) {
    let s = &mut state.themes_panel.suggestions;
    ui.label(RichText::new("Suggestions").font(egui::FontId::new(22.0, style::strong_family())));
    ui.label(
        RichText::new("Groups for the notes in no theme, worked out on this computer.")
            .small()
            .color(palette.text_muted),
    );
    ui.horizontal(|ui| {
        let running = s.running();
        if ui
            .add_enabled(
                !running,
                egui::Button::new(RichText::new("Suggest themes").strong()),
            )
            .on_hover_text("Ctrl+T")
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
    if !s.has_result {
        return;
    }
    s.prune(session, state.themes.revision());
    let shown = s.cards.iter().filter(|c| c.is_shown()).count();
    if shown == 0 {
        ui.label(RichText::new("No groups to suggest.").color(palette.text_muted));
    } else {
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{shown} suggested")).strong());
            if primary_button(ui, "Accept all", palette).clicked() {
                // The cards stay, hidden, so undoing brings them back.
                let groups: Vec<(String, Vec<NoteId>)> = s
                    .cards
                    .iter()
                    .filter(|c| c.is_shown())
                    .map(|c| (c.name.clone(), c.notes.clone()))
                    .collect();
                let edit = ThemeEdit::accept(session, &groups);
                state.reveal_themes = edit.inserted();
                edits.push(Edit::Theme(edit));
            }
        });
    }
    let mut accepted = None;
    let mut rejected = None;
    let cards = s.cards.iter_mut().enumerate().filter(|(_, c)| c.is_shown());
    for (number, (i, card)) in cards.enumerate() {
        egui::Frame::NONE
            .fill(palette.surface_raised)
            .stroke(Stroke::new(1.0, palette.border))
            .corner_radius(style::ROUNDING)
            .inner_margin(egui::Margin::symmetric(10, 8))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let label = format!("Name of suggestion {}", number + 1);
                let name = ui.add(
                    egui::TextEdit::singleline(&mut card.name)
                        .desired_width(f32::INFINITY)
                        .font(egui::FontId::new(19.0, style::strong_family())),
                );
                name.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label));
                ui.label(RichText::new(notes_count(card.notes.len())).color(palette.text_muted));
                for title in &card.titles {
                    ui.label(format!("• {title}"));
                }
                if card.notes.len() > NOTES_SHOWN {
                    ui.label(
                        RichText::new(format!("and {} more", card.notes.len() - NOTES_SHOWN))
                            .color(palette.text_muted),
                    );
                }
                if !card.why.is_empty() {
                    ui.label(
                        RichText::new(format!("Why: {}", card.why))
                            .italics()
                            .color(palette.text_muted),
                    );
                }
                ui.horizontal(|ui| {
                    let accept = primary_button(ui, "Accept", palette);
                    accept.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            format!("Accept suggestion {}", i + 1),
                        )
                    });
                    if accept.clicked() {
                        accepted = Some(i);
                    }
                    let reject = ui.button("Reject");
                    reject.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            format!("Reject suggestion {}", i + 1),
                        )
                    });
                    if reject.clicked() {
                        rejected = Some(i);
                    }
                });
            });
        ui.add_space(4.0);
    }
    if accepted.is_some() || rejected.is_some() {
        state.focus_requested = true;
    }
    if let Some(i) = accepted {
        // The card stays, hidden once its notes are in the theme, so undo brings it back.
        let card = &s.cards[i];
        let edit = ThemeEdit::accept(session, &[(card.name.clone(), card.notes.clone())]);
        state.reveal_themes = edit.inserted();
        edits.push(Edit::Theme(edit));
    } else if let Some(i) = rejected {
        s.cards.remove(i);
    }
    if s.ungrouped > 0 {
        ui.label(
            RichText::new(format!(
                "{} fit no group and are left alone.",
                notes_count(s.ungrouped)
            ))
            .color(palette.text_muted),
        );
    }
    if let Some(notice) = &s.notice {
        ui.label(RichText::new(notice).small().color(palette.text_muted));
    }
    duplicates_ui(ui, session, s, edits, requests);
}

/// Near-duplicate notes, each set with an offer to stack them.
fn duplicates_ui(
    ui: &mut egui::Ui,
    session: &Session,
    s: &mut Suggestions,
    edits: &mut Vec<Edit>,
    requests: &mut Vec<CanvasRequest>,
) {
    if s.duplicates.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.label(RichText::new("Near-duplicates").strong());
    let mut stacked = None;
    for (i, set) in s.duplicates.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let title = set
                .first()
                .and_then(|id| session.note(*id))
                .map(|n| n.title(32))
                .unwrap_or_default();
            ui.label(format!("\"{title}\" ×{}", set.len()));
            let button = ui.button("Stack them");
            button.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    format!("Stack near-duplicates {}", i + 1),
                )
            });
            if button
                .on_hover_text("Move them on top of each other")
                .clicked()
            {
                stacked = Some(i);
            }
        });
    }
    if let Some(i) = stacked {
        let set = s.duplicates.remove(i);
        let Some(base) = set.first().and_then(|id| session.note(*id)).map(|n| n.pos) else {
            return;
        };
        edits.push(stack(&set, base));
        requests.push(CanvasRequest::Info(format!(
            "Stacked {}. Ctrl+Z spreads them out again.",
            notes_count(set.len())
        )));
    }
}

/// The edit that stacks notes on top of each other, each a little below and right of the last.
pub fn stack(notes: &[NoteId], base: CanvasPos) -> Edit {
    Edit::MoveNotes(
        notes
            .iter()
            .enumerate()
            .map(|(i, id)| {
                (
                    *id,
                    base.offset(i as f32 * STACK_STEP, i as f32 * STACK_STEP),
                )
            })
            .collect(),
    )
}
