//! The start screen: the session library, newest first, with a filter.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use egui::{Id, Key, Modifiers, RichText, Sense};

use super::action::Action;
use super::command::Command;
use super::library_series::{entry_menu, open_actions_ui, row_ui, series_rows};
use super::style::{self, Palette};
use super::widgets::primary_button;
use crate::storage::recovery::RecoveryCopy;
use crate::storage::{EntryStatus, LibraryEntry, filter_entries};

/// The library screen's state.
#[derive(Debug, Default)]
pub struct LibraryState {
    /// Every file in the library, newest first.
    pub entries: Vec<LibraryEntry>,
    /// The filter text.
    pub filter: String,
    /// The highlighted row among the filtered entries (arrow keys move it, Enter opens it).
    pub selected: usize,
    /// A scan is running.
    pub scanning: bool,
    /// A scan has found the library folder since the app started.
    pub folder_seen: bool,
    /// The library folder was there before and the last scan found it gone.
    pub folder_gone: bool,
    /// Recovery copies waiting for the user's decision: each copy and its session file.
    recovery: Vec<(PathBuf, PathBuf)>,
    /// The listed files that have a recovery copy waiting.
    waiting: HashSet<PathBuf>,
    /// The files shown at the last frame, in the order shown (`selected` indexes it).
    pub shown: Vec<std::path::PathBuf>,
}

impl LibraryState {
    /// Replaces the listing after a scan.
    pub fn set_entries(&mut self, entries: Vec<LibraryEntry>) {
        self.entries = entries;
        self.scanning = false;
        self.selected = 0;
        self.match_recovery();
    }

    /// Notes which sessions have recovery copies waiting, to mark them in the listing.
    pub fn set_recovery(&mut self, copies: &[RecoveryCopy]) {
        self.recovery = copies
            .iter()
            .filter_map(|c| Some((c.path.clone(), c.of_file.clone()?)))
            .collect();
        self.match_recovery();
    }

    /// Forgets a recovery copy the user restored or discarded.
    pub fn forget_recovery(&mut self, copy: &Path) {
        self.recovery.retain(|(c, _)| c != copy);
        self.match_recovery();
    }

    /// True when the listed file at `path` has a recovery copy waiting.
    pub fn has_recovery(&self, path: &Path) -> bool {
        self.waiting.contains(path)
    }

    fn match_recovery(&mut self) {
        let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_owned());
        self.waiting = self
            .entries
            .iter()
            .filter(|e| {
                let file = absolute(&e.path);
                self.recovery.iter().any(|(_, f)| *f == file)
            })
            .map(|e| e.path.clone())
            .collect();
    }

    /// A new scan starts: the listing fills again as files are read.
    pub fn start_scan(&mut self) {
        self.entries.clear();
        self.waiting.clear();
        self.scanning = true;
        self.selected = 0;
    }

    /// Adds one file read by the running scan in its place (newest first).
    pub fn add_entry(&mut self, entry: LibraryEntry) {
        let at = self.entries.partition_point(|e| {
            e.modified > entry.modified || (e.modified == entry.modified && e.path < entry.path)
        });
        let file = std::path::absolute(&entry.path).unwrap_or_else(|_| entry.path.clone());
        if self.recovery.iter().any(|(_, f)| *f == file) {
            self.waiting.insert(entry.path.clone());
        }
        self.entries.insert(at, entry);
    }

    /// The scan is over; `found` is false when the folder was not there.
    pub fn finish_scan(&mut self, found: bool) {
        self.scanning = false;
        self.folder_gone = !found && self.folder_seen;
        self.folder_seen |= found;
        self.match_recovery();
    }
}

/// Draws the library and turns clicks and keys into commands.
pub fn library_ui(
    ui: &mut egui::Ui,
    state: &mut LibraryState,
    dir: &Path,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    // A centred column: readable line lengths on a wide projector, full width on a laptop.
    let full = ui.available_rect_before_wrap();
    let width = (full.width() - 32.0).min(style::LIBRARY_MAX_WIDTH);
    let column = egui::Rect::from_min_size(
        egui::pos2(full.center().x - width / 2.0, full.min.y + 28.0),
        egui::vec2(width, full.height() - 28.0),
    );
    ui.scope_builder(egui::UiBuilder::new().max_rect(column), |ui| {
        ui.set_max_width(width);
        ui.label(RichText::new("Your sessions").font(style::hero_font()));
        ui.label(RichText::new(format!("Library: {}", dir.display())).color(palette.text_muted));
        ui.add_space(style::gap::ROOMY);
        toolbar_ui(ui, state, palette, commands);
        ui.add_space(style::gap::ROOMY);
        let rows = series_rows(&filter_entries(&state.entries, &state.filter));
        let shown: Vec<&LibraryEntry> = rows.iter().map(|r| r.entry).collect();
        state.shown = shown.iter().map(|e| e.path.clone()).collect();
        if shown.is_empty() {
            empty_ui(ui, state, palette, commands);
            return;
        }
        list_keys(ui, &mut state.selected, &shown, commands);
        let now = SystemTime::now();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (i, row) in rows.iter().enumerate() {
                    let entry = row.entry;
                    let marks = Row {
                        highlighted: i == state.selected,
                        waiting: state.has_recovery(&entry.path),
                    };
                    let response = row_ui(ui, row, palette, |ui| {
                        entry_ui(ui, entry, marks, now, palette)
                    });
                    entry_menu(&response, entry, commands);
                    if response.clicked() {
                        commands.push(Command::OpenPath(entry.path.clone()));
                    }
                    ui.add_space(style::gap::NORMAL);
                }
            });
    });
}

/// New session, Open file…, Refresh and the filter box.
fn toolbar_ui(
    ui: &mut egui::Ui,
    state: &mut LibraryState,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        if primary_button(ui, "New session", palette)
            .on_hover_text(Action::NewSession.keys_text(ui.ctx()))
            .clicked()
        {
            commands.push(Command::Action(Action::NewSession));
        }
        let keys = Action::OpenFile.keys_text(ui.ctx());
        if ui.button("Open file…").on_hover_text(keys).clicked() {
            commands.push(Command::Action(Action::OpenFile));
        }
        let refresh = ui
            .button("Refresh")
            .on_hover_text(Action::RefreshLibrary.hover_text(ui.ctx()));
        if refresh.clicked() {
            commands.push(Command::Action(Action::RefreshLibrary));
        }
        ui.add_space(style::gap::LARGE);
        let filter = ui.add(
            egui::TextEdit::singleline(&mut state.filter)
                .id(Id::unique("goldthread.library.filter"))
                .hint_text("Filter by title")
                .desired_width(f32::INFINITY),
        );
        filter.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Filter sessions")
        });
        if filter.changed() {
            state.selected = 0;
        }
    });
}

/// ↑ / ↓ move the highlight (`selected`) through the `shown` sessions and Enter opens it.
fn list_keys(
    ui: &egui::Ui,
    selected: &mut usize,
    shown: &[&LibraryEntry],
    commands: &mut Vec<Command>,
) {
    // Arrow keys move the highlight and Enter opens it, unless a text box other than
    // the filter has the keyboard.
    let typing_elsewhere = ui.memory(|m| {
        m.focused()
            .is_some_and(|f| f != Id::unique("goldthread.library.filter"))
    });
    if !typing_elsewhere {
        let (down, up, enter) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::Enter),
            )
        });
        if down {
            *selected = (*selected + 1).min(shown.len() - 1);
        }
        if up {
            *selected = selected.saturating_sub(1);
        }
        *selected = (*selected).min(shown.len() - 1);
        if enter {
            commands.push(Command::OpenPath(shown[*selected].path.clone()));
        }
    }
}

/// An empty library offers a first step: a new lab, or the bundled example to look around in.
fn empty_ui(
    ui: &mut egui::Ui,
    state: &LibraryState,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    let first_run = !state.scanning && !state.folder_gone && state.entries.is_empty();
    let text = if state.scanning {
        "Looking for sessions…"
    } else if state.folder_gone {
        "The library folder is no longer there (was it removed, renamed, or a USB stick taken \
         out?). Put it back and press Refresh; it is only made again when you save a new session."
    } else if first_run {
        "No sessions yet. Start your first workshop with New session (Ctrl+N), \
         or open the example lab to see a finished one."
    } else {
        "No session title matches the filter."
    };
    ui.add_space(style::gap::GIANT);
    ui.vertical_centered(|ui| {
        ui.add(
            egui::Label::new(
                RichText::new(text)
                    .size(style::text::HEADING)
                    .color(palette.text_muted),
            )
            .wrap(),
        );
        if first_run {
            ui.add_space(style::gap::WIDE);
            if primary_button(ui, "Open the example lab", palette)
                .on_hover_text(
                    "A council's digital strategy lab, from vision to actions. \
                     It is copied into your library, so you can change it freely.",
                )
                .clicked()
            {
                commands.push(Command::Action(Action::OpenExample));
            }
            ui.add_space(style::gap::NORMAL);
            ui.label(RichText::new("F1 shows the keys of every screen.").color(palette.text_muted));
        }
    });
}

/// How one row is marked.
#[derive(Clone, Copy)]
struct Row {
    /// The keyboard's row.
    highlighted: bool,
    /// A recovery copy of this session is waiting for the user's decision.
    waiting: bool,
}

/// One row: title, date, note count and last change; or the file name and why it is broken.
fn entry_ui(
    ui: &mut egui::Ui,
    entry: &LibraryEntry,
    Row {
        highlighted,
        waiting,
    }: Row,
    now: SystemTime,
    palette: &Palette,
) -> egui::Response {
    let id = Id::unique(("goldthread.library.entry", &entry.path));
    let broken = matches!(entry.status, EntryStatus::Broken { .. });
    let frame = egui::Frame::NONE
        .fill(palette.surface)
        .stroke(egui::Stroke::new(
            if highlighted { 2.5 } else { 1.0 },
            if highlighted {
                palette.selection
            } else {
                palette.border
            },
        ))
        .corner_radius(style::ROUNDING)
        .inner_margin(egui::Margin::symmetric(18, 12));
    let inner = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new(entry.title()).font(style::strong_font(style::text::HEADING)));
            if broken {
                ui.label(
                    RichText::new("  Broken  ")
                        .color(palette.on_accent)
                        .background_color(palette.danger),
                );
            }
            if waiting {
                ui.label(
                    RichText::new("  Unsaved work waiting  ")
                        .color(palette.on_accent)
                        .background_color(palette.accent),
                )
                .on_hover_text(
                    "A recovery copy holds work that was never saved. Open the session to \
                     restore or discard it.",
                );
            }
        });
        let modified = entry.modified.map(|m| ago(now, m)).unwrap_or_default();
        match &entry.status {
            EntryStatus::Ok { date, notes, .. } => {
                ui.label(
                    RichText::new(format!(
                        "{}  ·  {} note{}  ·  changed {}  ·  {}",
                        date.format("%-d %B %Y"),
                        notes,
                        if *notes == 1 { "" } else { "s" },
                        modified,
                        entry.file_name()
                    ))
                    .color(palette.text_muted),
                );
            }
            EntryStatus::Broken { reason } => {
                ui.add(egui::Label::new(RichText::new(reason).color(palette.danger)).wrap());
            }
        }
        open_actions_ui(ui, entry, palette);
    });
    let response = ui.interact(inner.response.rect, id, Sense::click());
    let label = entry.title();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    if response.hovered() {
        ui.painter().rect_stroke(
            inner.response.rect,
            style::ROUNDING,
            egui::Stroke::new(1.5, palette.accent),
            egui::StrokeKind::Inside,
        );
    }
    response.on_hover_text(if broken {
        "This file can't be opened; click to see why. It will not be changed."
    } else if waiting {
        "Open this session: its unsaved work is offered back"
    } else {
        "Open this session"
    })
}

/// "just now", "5 minutes ago", "3 hours ago", "2 days ago", or the date.
fn ago(now: SystemTime, then: SystemTime) -> String {
    let secs = now.duration_since(then).map(|d| d.as_secs()).unwrap_or(0);
    match secs {
        0..=59 => "just now".to_owned(),
        60..=3599 => plural(secs / 60, "minute"),
        3600..=86_399 => plural(secs / 3600, "hour"),
        86_400..=604_799 => plural(secs / 86_400, "day"),
        _ => {
            let dt: chrono::DateTime<chrono::Local> = then.into();
            format!("on {}", dt.format("%-d %b %Y"))
        }
    }
}

fn plural(n: u64, unit: &str) -> String {
    format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" })
}
