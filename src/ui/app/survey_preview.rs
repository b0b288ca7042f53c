//! "Import notes…" from a survey export (CSV, TSV, .xlsx, .ods): a preview of the columns with
//! sample answers, where the facilitator checks or changes which column becomes the notes and
//! which (optionally) gives the author and the service area. Importing is one undo step.

use std::path::PathBuf;

use egui::{RichText, Role, WidgetInfo};

use super::GoldthreadApp;
use crate::survey::{Answers, ColumnKind, Selection, Table, choose};
use crate::ui::style::{self, Palette};
use crate::ui::widgets::primary_button;

/// The survey preview while it is open.
#[derive(Debug)]
pub struct SurveyPreview {
    /// Which open session it is for.
    pub token: u64,
    /// The file read.
    pub path: PathBuf,
    /// Its table.
    pub table: Table,
    /// What each column holds.
    pub kinds: Vec<ColumnKind>,
    /// The columns chosen so far (the automatic choice at first).
    pub selection: Selection,
}

/// How the preview was closed this frame.
enum Closed {
    Import,
    Cancel,
}

impl SurveyPreview {
    /// A preview of `table` with the automatic choice of columns.
    pub fn new(token: u64, path: PathBuf, table: Table, selection: Selection) -> Self {
        let kinds = choose::classify(&table);
        Self {
            token,
            path,
            table,
            kinds,
            selection,
        }
    }

    /// The file's name for messages.
    fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// One line on what was read: sheet or encoding and delimiter, and the row count.
    fn source_line(&self) -> String {
        let mut parts = Vec::new();
        if let Some(sheet) = &self.table.sheet {
            parts.push(format!("sheet “{sheet}”"));
        }
        if let Some(encoding) = self.table.encoding {
            parts.push(encoding.to_owned());
        }
        if let Some(d) = self.table.delimiter {
            parts.push(
                match d {
                    ',' => "comma-separated",
                    ';' => "semicolon-separated",
                    _ => "tab-separated",
                }
                .to_owned(),
            );
        }
        let n = self.table.rows.len();
        parts.push(format!("{n} row{}", if n == 1 { "" } else { "s" }));
        parts.join(" · ")
    }
}

impl GoldthreadApp {
    /// Shows the survey preview, and imports or closes it when asked.
    pub(super) fn survey_preview_ui(&mut self, ctx: &egui::Context, palette: &Palette) {
        let Some(preview) = self.modal.survey_mut() else {
            return;
        };
        let Some(open) = self.open.as_ref().filter(|o| o.token == preview.token) else {
            self.modal.take_survey();
            return;
        };
        let answers = Answers::take(&preview.table, &preview.selection);
        let summary = answers.summary(&open.session);
        let mut closed = None;
        let id = egui::Id::unique("goldthread.survey-preview");
        let width = style::SURVEY_PREVIEW_WIDTH;
        let (_, close) = crate::ui::modal::modal_ui(ctx, id, palette, width, |ui| {
            ui.heading(format!("Import answers from {}", preview.file_name()));
            ui.label(RichText::new(preview.source_line()).color(palette.text_muted));
            ui.add_space(style::gap::NORMAL);
            ui.label("Choose the column that holds the answers to put on notes. Author and service area are optional.");
            ui.add_space(style::gap::TINY);
            ui.label(RichText::new(choice_line(preview)).strong());
            ui.add_space(style::gap::NORMAL);
            egui::ScrollArea::vertical()
                .max_height(style::SURVEY_PREVIEW_LIST_HEIGHT)
                .show(ui, |ui| columns_ui(ui, preview, palette));
            ui.add_space(style::gap::MEDIUM);
            ui.label(RichText::new(&summary).strong());
            ui.add_space(style::gap::NORMAL);
            ui.horizontal(|ui| {
                let n = answers.answers.len();
                let label = format!("Import {n} note{}", if n == 1 { "" } else { "s" });
                if ui
                    .add_enabled_ui(n > 0, |ui| primary_button(ui, &label, palette))
                    .inner
                    .clicked()
                {
                    closed = Some(Closed::Import);
                }
                if ui.button("Cancel").clicked() {
                    closed = Some(Closed::Cancel);
                }
            });
        });
        if close {
            closed = closed.or(Some(Closed::Cancel));
        }
        match closed {
            Some(Closed::Import) => {
                let Some(preview) = self.modal.take_survey() else {
                    return;
                };
                let answers = Answers::take(&preview.table, &preview.selection);
                let name = preview.file_name();
                self.import_answers(&answers, &name);
            }
            Some(Closed::Cancel) => {
                self.modal.take_survey();
            }
            None => {}
        }
    }
}

/// The columns, one row each: name, what it holds, sample answers, and the three choices.
fn columns_ui(ui: &mut egui::Ui, preview: &mut SurveyPreview, palette: &Palette) {
    let table = &preview.table;
    let sel = &mut preview.selection;
    let [name_w, kind_w, sample_w] = style::SURVEY_PREVIEW_COLUMNS;
    let row_h = ui.spacing().interact_size.y;
    let cell = |ui: &mut egui::Ui, width: f32, text: RichText| {
        let layout = egui::Layout::left_to_right(egui::Align::Center);
        ui.allocate_ui_with_layout(egui::vec2(width, row_h), layout, |ui| {
            ui.set_width(width);
            ui.add(egui::Label::new(text).truncate());
        });
    };
    ui.horizontal(|ui| {
        cell(ui, name_w, RichText::new("Column").strong());
        cell(ui, kind_w, RichText::new("Holds").strong());
        cell(ui, sample_w, RichText::new("Examples").strong());
        ui.label(RichText::new("Use as").strong());
    });
    for (i, kind) in preview.kinds.iter().enumerate() {
        let name = table.column_name(i);
        let samples: Vec<String> = table
            .samples(i, 2)
            .iter()
            .map(|s| clip(s, style::SURVEY_SAMPLE_CHARS))
            .collect();
        ui.horizontal(|ui| {
            cell(ui, name_w, RichText::new(&name).strong());
            cell(
                ui,
                kind_w,
                RichText::new(kind.label()).color(palette.text_muted),
            );
            cell(ui, sample_w, RichText::new(samples.join(" · ")));
            if toggle_ui(ui, sel.text == i, "Notes", &format!("Notes from {name}")).clicked() {
                sel.text = i;
                if sel.author == Some(i) {
                    sel.author = None;
                }
                if sel.area == Some(i) {
                    sel.area = None;
                }
            }
            let author = sel.author == Some(i);
            if toggle_ui(ui, author, "Author", &format!("Author from {name}")).clicked() {
                sel.author = (!author).then_some(i);
            }
            let area = sel.area == Some(i);
            if toggle_ui(ui, area, "Area", &format!("Service area from {name}")).clicked() {
                sel.area = (!area).then_some(i);
            }
        });
    }
}

/// "Notes from “Q3” · author from “Name” · service area from “Area”".
fn choice_line(preview: &SurveyPreview) -> String {
    let name = |i: usize| format!("“{}”", preview.table.column_name(i));
    let sel = &preview.selection;
    let mut parts = vec![format!("Notes from {}", name(sel.text))];
    parts.push(sel.author.map_or("no author".to_owned(), |i| {
        format!("author from {}", name(i))
    }));
    if let Some(i) = sel.area {
        parts.push(format!("service area from {}", name(i)));
    }
    parts.join(" · ")
}

/// A selectable button showing `text`, announced to screen readers (and tests) as `label`.
fn toggle_ui(ui: &mut egui::Ui, selected: bool, text: &str, label: &str) -> egui::Response {
    let response = ui.add(egui::Button::selectable(selected, text));
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, label));
    response
}

/// At most `n` characters, with an ellipsis when cut.
fn clip(text: &str, n: usize) -> String {
    let one_line = crate::export::one_line(text);
    match one_line.char_indices().nth(n) {
        Some((at, _)) => format!("{}…", &one_line[..at]),
        None => one_line,
    }
}
