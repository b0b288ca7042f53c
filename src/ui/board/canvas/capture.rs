//! The capture box: type a note, press Enter, type the next. Built for typing speed.

use crate::ui::frame::FrameCx;
use egui::{Align2, Id, Key, KeyboardShortcut, Modifiers, RichText, TextEdit};

use super::transform::{self, Camera};
use super::{BoardState, KEEP_ESCAPE};
use crate::model::{Edit, Note, NoteColour, ParticipantId, Session};
use crate::ui::style::{self, Palette};

/// The capture text box's id.
pub fn capture_text_id() -> Id {
    Id::unique("goldthread.capture.text")
}

/// Closes the capture box when Esc is pressed wherever the keyboard is inside it: the text,
/// "Written by" (egui has already let go of its focus) or a button of the box. Called before
/// the canvas, which would otherwise take Esc to clear the selection. Returns true if closed.
pub fn escape_closes(ctx: &egui::Context, state: &mut BoardState) -> bool {
    if state.capture.is_none() || egui::Popup::is_any_open(ctx) {
        return false;
    }
    let layer = egui::LayerId::new(egui::Order::Foreground, capture_area_id());
    let in_box = ctx.memory(|m| m.focused()).is_none_or(|f| {
        f == capture_text_id() || ctx.read_response(f).is_some_and(|r| r.layer_id == layer)
    });
    if in_box && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        state.capture = None;
        state.focus_requested = true;
        return true;
    }
    false
}

/// The capture box's area id.
fn capture_area_id() -> Id {
    Id::unique("goldthread.capture")
}

/// Space kept free between new notes and the edges of the canvas, in points.
const SLOT_MARGIN: f32 = 20.0;
/// Room kept free at the bottom of the canvas for the capture box, in points.
const CAPTURE_BOX_HEIGHT: f32 = 230.0;

/// The open capture box.
#[derive(Clone, Debug, PartialEq)]
pub struct Capture {
    /// What has been typed so far.
    pub text: String,
    /// The colour new notes get.
    pub colour: NoteColour,
    /// How many notes were added since the box opened.
    pub added: usize,
    /// Focus the text box at the next frame.
    pub focus_pending: bool,
    /// Who is writing the notes; `None` for anonymous. Sticky: the next capture box starts
    /// with the last writer of this session.
    pub author: Option<crate::model::ParticipantId>,
    /// The sticky writer has been looked up (at the box's first frame).
    author_loaded: bool,
}

/// What "@" and the first letters of a name at the end of the draft point to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mention {
    /// One participant (or `None`: "@anon", anonymous).
    Writer(Option<ParticipantId>),
    /// Several participants match; type more letters.
    Several(Vec<String>),
    /// Nobody matches, so the "@" is just text.
    Nobody,
}

/// Finds "@name" at the end of `text` (after a space or at the start): the byte where the "@"
/// is and what it points to. Names match by the start of any of their words, ignoring case.
pub fn mention(text: &str, session: &Session) -> Option<(usize, Mention)> {
    let at = text.rfind('@')?;
    if at > 0 && !text[..at].ends_with(char::is_whitespace) {
        return None; // An e-mail address, not a mention.
    }
    let query = text[at + 1..].trim_end().to_lowercase();
    if !query.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    if "anonymous".starts_with(&query) && query.len() >= 4 {
        return Some((at, Mention::Writer(None)));
    }
    let found: Vec<&crate::model::Participant> = session
        .participants
        .iter()
        .filter(|p| {
            let name = p.name.to_lowercase();
            name.starts_with(&query) || name.split_whitespace().any(|w| w.starts_with(&query))
        })
        .collect();
    Some((
        at,
        match found.as_slice() {
            [] => Mention::Nobody,
            [one] => Mention::Writer(Some(one.id)),
            several => Mention::Several(several.iter().map(|p| p.name.clone()).collect()),
        },
    ))
}

impl Capture {
    /// A capture box that starts with `text` already typed.
    pub fn new(text: String) -> Self {
        Self {
            text,
            colour: NoteColour::Yellow,
            added: 0,
            focus_pending: true,
            author: None,
            author_loaded: false,
        }
    }
}

/// Shows the capture box when it is open, and adds a note when Enter is pressed.
pub fn capture_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    state: &mut BoardState,
    camera: &mut Camera,
) {
    let session = cx.session;
    let palette = cx.palette;
    let Some(capture) = &mut state.capture else {
        return;
    };
    let id = capture_text_id();
    let sticky = Id::unique(("goldthread.capture.writer", &session.title));
    if !capture.author_loaded {
        capture.author_loaded = true;
        capture.author = ui
            .data(|d| d.get_temp::<Option<ParticipantId>>(sticky))
            .flatten()
            .filter(|p| session.participant(*p).is_some());
    }
    let focused = ui.memory(|m| m.has_focus(id));
    let mut submit = focused
        && ui.input_mut(|i| !i.modifiers.shift && i.consume_key(Modifiers::NONE, Key::Enter));
    // Esc is handled by `escape_closes`, before the canvas takes it.
    let mut close = false;
    if focused && let Some(colour) = super::input::colour_key(ui) {
        capture.colour = colour;
    }

    let anchor = egui::pos2(camera.screen.center().x, camera.screen.max.y - 16.0);
    let width = (camera.screen.width() - 48.0).clamp(280.0, 640.0);
    let found = mention(&capture.text, session);
    egui::Area::new(capture_area_id())
        .order(egui::Order::Foreground)
        .pivot(Align2::CENTER_BOTTOM)
        .fixed_pos(anchor)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style())
                .fill(palette.surface)
                .stroke(egui::Stroke::new(1.5, palette.border))
                .inner_margin(16)
                .show(ui, |ui| {
                    ui.set_width(width);
                    close = title_row_ui(ui, capture, palette);
                    text_box_ui(ui, capture, id);
                    submit |= tools_row_ui(ui, cx, capture);
                    let help = help_text(found.as_ref(), session);
                    let strong =
                        matches!(found, Some((_, Mention::Writer(_) | Mention::Several(_))));
                    ui.label(RichText::new(help).color(if strong {
                        palette.accent
                    } else {
                        palette.text_muted
                    }));
                });
        });

    if submit && let Some((at, Mention::Writer(_) | Mention::Several(_))) = found {
        submit = false;
        if let Some((_, Mention::Writer(writer))) = mention(&capture.text, session) {
            // "@sam" on its own changes who writes; after an idea, it also adds the note.
            capture.author = writer;
            capture.text.truncate(at);
            submit = !capture.text.trim().is_empty();
        }
    }
    ui.data_mut(|d| d.insert_temp(sticky, capture.author));
    if submit {
        add_note(cx, capture, camera);
    }
    if close {
        state.capture = None;
        state.focus_requested = true;
    }
}

/// "New note", how many were added, and Close. Returns true when Close was clicked.
fn title_row_ui(ui: &mut egui::Ui, capture: &Capture, palette: &Palette) -> bool {
    let mut close = false;
    ui.horizontal(|ui| {
        ui.label(RichText::new("New note").font(style::strong_font(style::text::SUBHEADING)));
        if capture.added > 0 {
            ui.label(RichText::new(format!("{} added", capture.added)).color(palette.text_muted));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            close = ui.button("Close").on_hover_text("Esc").clicked();
        });
    });
    close
}

/// The note being typed, in its colour (Shift+Enter for a new line).
fn text_box_ui(ui: &mut egui::Ui, capture: &mut Capture, id: Id) {
    let edit = TextEdit::multiline(&mut capture.text)
        .id(id)
        .desired_width(f32::INFINITY)
        .desired_rows(2)
        .font(style::strong_font(style::text::HEADING))
        .text_color(style::NOTE_TEXT)
        .background_color(style::note_fill(capture.colour))
        .hint_text("Type an idea…")
        .return_key(KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter))
        .event_filter(KEEP_ESCAPE);
    let response = ui.add(edit);
    if capture.focus_pending {
        response.request_focus();
        capture.focus_pending = false;
    }
}

/// Who writes, the colours, and Add note. Returns true when Add note was clicked.
fn tools_row_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, capture: &mut Capture) -> bool {
    let session = cx.session;
    let palette = cx.palette;
    let mut submit = false;
    ui.horizontal(|ui| {
        if crate::ui::lab::author_picker_ui(ui, session, &mut capture.author) {
            capture.focus_pending = true;
        }
        for colour in NoteColour::ALL {
            let selected = capture.colour == colour;
            if crate::ui::widgets::swatch(ui, colour, selected, palette)
                .on_hover_text(crate::ui::Action::Colour(colour).hover_text(ui.ctx()))
                .clicked()
            {
                capture.colour = colour;
                capture.focus_pending = true;
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let add = egui::Button::new(RichText::new("Add note").color(palette.on_accent))
                .fill(palette.accent);
            if ui.add(add).on_hover_text("Enter").clicked() {
                submit = true;
                capture.focus_pending = true;
            }
        });
    });
    submit
}

/// Adds the capture box's text as a note where it can be seen, above the box.
fn add_note(cx: &mut FrameCx<'_>, capture: &mut Capture, camera: &mut Camera) {
    let session = cx.session;
    let text = capture.text.trim();
    if text.is_empty() {
        cx.notice("Type something first: empty notes are not added.".to_owned());
    } else {
        // New notes go where they can be seen: inside the canvas with a margin, above the
        // capture box. The cut is made in canvas units so the camera itself is unchanged.
        let zoom = camera.view.zoom;
        let mut area = camera.visible_canvas();
        area.min = area.min.offset(SLOT_MARGIN / zoom, SLOT_MARGIN / zoom);
        area.max.x -= SLOT_MARGIN / zoom;
        area.max.y = (area.max.y - (CAPTURE_BOX_HEIGHT + SLOT_MARGIN) / zoom).max(area.min.y);
        let Some(&slot) = session.free_note_slots(area, 1).first() else {
            return;
        };
        let mut note = Note::new(session.next_note_id(), text, capture.colour, slot);
        note.phase = session.lab.current_phase;
        note.author = capture.author;
        let mut reveal = note.rect();
        reveal.max.y += CAPTURE_BOX_HEIGHT / zoom; // Keep it clear of the capture box.
        cx.out.edits.push(Edit::add_notes(session, vec![note]));
        capture.text.clear();
        capture.added += 1;
        camera.view = transform::reveal(camera, reveal);
    }
}

/// The line under the capture box: who an @name means, or how the box works.
fn help_text(found: Option<&(usize, Mention)>, session: &Session) -> String {
    match found {
        Some((_, Mention::Writer(Some(p)))) => session
            .participant(*p)
            .map_or_else(String::new, |p| format!("Enter: written by {}", p.name)),
        Some((_, Mention::Writer(None))) => "Enter: anonymous".to_owned(),
        Some((_, Mention::Several(names))) => {
            format!("Which one? {} · type more letters", names.join(", "))
        }
        Some((_, Mention::Nobody)) | None => {
            "Enter adds the note · Shift+Enter a new line · @name: who writes · Esc closes"
                .to_owned()
        }
    }
}
