//! A month calendar for picking a date with the mouse, next to every date field.

use chrono::{Datelike, Months, NaiveDate};
use egui::{Id, RichText};

use crate::model::lab::dates::long;
use crate::ui::style::Palette;

/// The first day of `date`'s month.
fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// A small "pick" button that opens a month calendar under it. Returns the day clicked.
/// `around` is the month shown first when nothing is chosen yet.
pub fn calendar_button_ui(
    ui: &mut egui::Ui,
    id: Id,
    chosen: Option<NaiveDate>,
    around: NaiveDate,
    label: &str,
    palette: &Palette,
) -> Option<NaiveDate> {
    let button = ui
        .add(egui::Button::new("📅").min_size(egui::vec2(34.0, 34.0)))
        .on_hover_text("Pick a date");
    let name = format!("Pick date for {label}");
    button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    let month_id = id.with("month");
    if button.clicked() {
        // Open on the chosen date's month (or the workshop's).
        let start = first_of_month(chosen.unwrap_or(around));
        ui.data_mut(|d| d.insert_temp(month_id, start));
    }
    let mut picked = None;
    let popup = egui::Popup::menu(&button)
        .id(id.with("popup"))
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    popup.show(|ui| {
        let month = ui
            .data(|d| d.get_temp::<NaiveDate>(month_id))
            .unwrap_or_else(|| first_of_month(chosen.unwrap_or(around)));
        picked = month_ui(ui, month, month_id, chosen, palette);
    });
    if picked.is_some() {
        egui::Popup::close_id(ui.ctx(), id.with("popup"));
    }
    picked
}

fn month_ui(
    ui: &mut egui::Ui,
    month: NaiveDate,
    month_id: Id,
    chosen: Option<NaiveDate>,
    palette: &Palette,
) -> Option<NaiveDate> {
    let mut picked = None;
    ui.horizontal(|ui| {
        let back = ui.button("◀");
        back.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, "Previous month"));
        if back.clicked()
            && let Some(m) = month.checked_sub_months(Months::new(1))
        {
            ui.data_mut(|d| d.insert_temp(month_id, m));
        }
        ui.add_sized(
            [170.0, 28.0],
            egui::Label::new(RichText::new(month.format("%B %Y").to_string()).strong()),
        );
        let next = ui.button("▶");
        next.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, "Next month"));
        if next.clicked()
            && let Some(m) = month.checked_add_months(Months::new(1))
        {
            ui.data_mut(|d| d.insert_temp(month_id, m));
        }
    });
    egui::Grid::new(month_id.with("grid"))
        .spacing([2.0, 2.0])
        .show(ui, |ui| {
            for day in ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] {
                ui.label(RichText::new(day).small().color(palette.text_muted));
            }
            ui.end_row();
            let offset = month.weekday().num_days_from_monday();
            for _ in 0..offset {
                ui.label("");
            }
            let mut column = offset;
            let mut day = month;
            while day.month() == month.month() {
                let text = RichText::new(day.day().to_string());
                let selected = chosen == Some(day);
                let response = ui.add_sized([34.0, 30.0], egui::Button::selectable(selected, text));
                let name = long(day);
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name)
                });
                if response.clicked() {
                    picked = Some(day);
                }
                column += 1;
                if column == 7 {
                    ui.end_row();
                    column = 0;
                }
                let Some(next) = day.succ_opt() else { break };
                day = next;
            }
        });
    picked
}
