//! A scored question's distribution as bars that read on a projector: one group per score from
//! 1 to 5 with its label under it, last time's bar (muted) beside this time's (gold), the count
//! on each bar, and the median marked.

use egui::{Align2, Rect, RichText, Sense, Stroke, pos2, vec2};

use crate::model::score::{Distribution, SCALE, ScoreChange, Scoring, number};
use crate::ui::style::{self, Palette};

/// Draws the chart of `scoring`, with last time's distribution beside it when `change` is
/// given, and the change in words above it.
pub fn score_chart_ui(
    ui: &mut egui::Ui,
    scoring: &Scoring,
    change: Option<&ScoreChange>,
    palette: &Palette,
) {
    let now = scoring.distribution();
    if let Some(change) = change {
        change_ui(ui, change, palette);
    }
    let before = change.map(|c| c.before);
    let width = style::SCORE_GROUP_WIDTH * SCALE as f32;
    let label_band = 64.0;
    let (rect, response) = ui.allocate_exact_size(
        vec2(width, style::SCORE_CHART_HEIGHT + label_band + 30.0),
        Sense::hover(),
    );
    let summary = describe(scoring, &now, before.as_ref());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &summary));
    let chart = Rect::from_min_size(
        rect.min + vec2(0.0, 30.0),
        vec2(width, style::SCORE_CHART_HEIGHT),
    );
    let top = now
        .max_count()
        .max(before.map_or(0, |b| b.max_count()))
        .max(1) as f32;
    let painter = ui.painter_at(rect);
    painter.hline(
        chart.x_range(),
        chart.bottom(),
        Stroke::new(2.0, palette.border),
    );
    for i in 0..SCALE {
        let counts = (before.as_ref().map(|b| b.0[i]), now.0[i]);
        score_group(&painter, chart, i, counts, top, scoring, palette);
    }
    if let Some(median) = now.median() {
        let x = chart.left() + (median - 0.5) * style::SCORE_GROUP_WIDTH;
        painter.vline(
            x,
            chart.top() - 6.0..=chart.bottom(),
            Stroke::new(3.0, palette.selection),
        );
        painter.text(
            pos2(x, rect.top()),
            Align2::CENTER_TOP,
            format!("median {}", number(median)),
            style::strong_font(style::SCORE_CHART_FONT_SIZE),
            palette.selection,
        );
    }
}

/// "Since last time: ▲ …" in the colour of the change, and the legend.
fn change_ui(ui: &mut egui::Ui, change: &ScoreChange, palette: &Palette) {
    let (arrow, colour) = match change.median_change() {
        Some(d) if d > 0.0 => (
            "▲ ",
            style::status_colour(palette, crate::model::lab::ActionStatus::Done),
        ),
        Some(d) if d < 0.0 => ("▼ ", palette.danger),
        _ => ("", palette.text),
    };
    ui.label(
        RichText::new(format!("Since last time: {arrow}{}", change.describe()))
            .size(style::REVIEW_DETAIL_SIZE)
            .strong()
            .color(colour),
    );
    legend_ui(ui, palette);
}

/// Score `i + 1`'s group: last time's bar (when there was one) beside this time's, each with
/// its count, then the score and its label under them. `top` is the tallest count.
fn score_group(
    painter: &egui::Painter,
    chart: Rect,
    i: usize,
    counts: (Option<u32>, u32),
    top: f32,
    scoring: &Scoring,
    palette: &Palette,
) {
    let left = chart.left() + i as f32 * style::SCORE_GROUP_WIDTH;
    let mut bars = Vec::new();
    if let Some(b) = counts.0 {
        bars.push((b, style::score_before_fill(palette)));
    }
    bars.push((counts.1, palette.accent));
    let bar_width = (style::SCORE_GROUP_WIDTH - 30.0) / bars.len() as f32;
    for (k, (count, fill)) in bars.into_iter().enumerate() {
        let height = chart.height() * count as f32 / top;
        let x = left + 15.0 + k as f32 * bar_width;
        let bar = Rect::from_min_max(
            pos2(x + 3.0, chart.bottom() - height),
            pos2(x + bar_width - 3.0, chart.bottom()),
        );
        painter.rect_filled(bar, 4.0, fill);
        painter.text(
            pos2(bar.center().x, bar.top() - 4.0),
            Align2::CENTER_BOTTOM,
            count.to_string(),
            style::font(style::SCORE_CHART_FONT_SIZE),
            palette.text,
        );
    }
    let centre = left + style::SCORE_GROUP_WIDTH / 2.0;
    painter.text(
        pos2(centre, chart.bottom() + 6.0),
        Align2::CENTER_TOP,
        format!("{}", i + 1),
        style::strong_font(style::SCORE_CHART_FONT_SIZE),
        palette.text,
    );
    painter.text(
        pos2(centre, chart.bottom() + 32.0),
        Align2::CENTER_TOP,
        scoring.label(i as u8 + 1),
        style::font(style::SCORE_CHART_FONT_SIZE - 4.0),
        palette.text_muted,
    );
}

/// Says which colour is which.
fn legend_ui(ui: &mut egui::Ui, palette: &Palette) {
    ui.horizontal(|ui| {
        for (text, fill) in [
            ("Last time", style::score_before_fill(palette)),
            ("This time", palette.accent),
        ] {
            let (swatch, _) = ui.allocate_exact_size(vec2(18.0, 18.0), Sense::hover());
            ui.painter().rect_filled(swatch, 3.0, fill);
            ui.label(RichText::new(text).size(style::SCORE_CHART_FONT_SIZE - 2.0));
            ui.add_space(style::gap::LARGE);
        }
    });
}

/// The chart in words, for screen readers and tests: "Scores 1: 0, 2: 3, … · median 2.5 ·
/// last time 1: 2, …".
fn describe(scoring: &Scoring, now: &Distribution, before: Option<&Distribution>) -> String {
    let counts = |d: &Distribution| {
        d.0.iter()
            .enumerate()
            .map(|(i, n)| format!("{}: {n}", scoring.label(i as u8 + 1)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut text = format!("Scores {}", counts(now));
    if let Some(m) = now.median() {
        text.push_str(&format!(" · median {}", number(m)));
    }
    if let Some(b) = before {
        text.push_str(&format!(" · last time {}", counts(b)));
    }
    text
}
