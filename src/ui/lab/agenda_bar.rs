//! The agenda bar: every phase with the current one highlighted, the current prompt question
//! large enough to read on a projector, next and previous (buttons, Page Down / Page Up as a
//! presenter's clicker sends), and the countdown timer.

use crate::ui::frame::FrameCx;
use std::time::Duration;

use egui::RichText;

use super::LabState;
use crate::model::lab::Timer;
use crate::model::{Edit, LabEdit, PhaseId, Session};
use crate::ui::style::{self, Palette};

/// The width of the timer block, in points.
const TIMER_WIDTH: f32 = 270.0;

/// Draws the agenda bar when the session has phases. `phase_filter` is the canvas's
/// "only this phase's notes" setting, offered on the Board. In `focus` mode only the prompt and
/// the timer show. Returns the phase the room moves to this frame, if any.
pub fn agenda_bar_ui(
    ui: &mut egui::Ui,
    cx: &mut FrameCx<'_>,
    state: &mut LabState,
    phase_filter: Option<&mut Option<PhaseId>>,
    focus: bool,
) -> Option<PhaseId> {
    let session = cx.session;
    let palette = cx.palette;
    let lab = &session.lab;
    if lab.phases.is_empty() {
        return None;
    }
    sync_timer(session, state);
    let now = ui.input(|i| i.time);
    let mut go_to: Option<PhaseId> = None;

    // Page Down / Page Up move between phases, as a presenter's clicker sends them.
    match state.go_phase.take() {
        Some(true) => go_to = lab.next_phase(),
        Some(false) => go_to = lab.previous_phase(),
        None => {}
    }

    egui::Frame::NONE
        .fill(palette.surface)
        .stroke(egui::Stroke::new(1.0, palette.border))
        .inner_margin(egui::Margin::symmetric(16, 10))
        .show(ui, |ui| {
            let full = ui.available_width();
            ui.set_width(full);
            let left = (full - TIMER_WIDTH - 16.0).max(200.0);
            ui.horizontal_top(|ui| {
                ui.allocate_ui_with_layout(
                    egui::vec2(left, 0.0),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_width(left);
                        if !focus {
                            phases_ui(ui, cx, &mut go_to);
                        }
                        prompt_ui(ui, cx);
                        if focus {
                            return;
                        }
                        ui.horizontal(|ui| {
                            nav_ui(ui, cx, &mut go_to);
                            if let Some(filter) = phase_filter {
                                ui.add_space(style::gap::WIDE);
                                filter_ui(ui, session, &mut state.filter_follows, filter);
                            }
                        });
                    },
                );
                ui.add_space(style::gap::WIDE);
                ui.allocate_ui_with_layout(
                    egui::vec2(TIMER_WIDTH, 0.0),
                    egui::Layout::top_down(egui::Align::Center),
                    |ui| {
                        ui.set_width(TIMER_WIDTH);
                        let timebox = lab.current().map_or(0, |p| p.timebox_secs);
                        timer_ui(ui, state, timebox, now, palette);
                    },
                );
            });
        });

    if state.timer.is_running() {
        let wait = state.timer.secs_to_next_tick(now);
        ui.ctx()
            .request_repaint_after(Duration::from_secs_f64(wait.clamp(0.05, 1.0)));
    }
    let id = go_to.filter(|id| lab.current_phase != Some(*id))?;
    cx.out
        .edits
        .push(Edit::Lab(LabEdit::SetCurrentPhase(Some(id))));
    Some(id)
}

/// A new phase gets a fresh timer with its timebox; an untouched timer follows an edited timebox.
fn sync_timer(session: &Session, state: &mut LabState) {
    let current = session.lab.current();
    let id = current.map(|p| p.id);
    let timebox = current.map_or(0, |p| p.timebox_secs);
    if state.timer_phase != id
        || (state.timer.is_untouched() && state.timer.duration_secs != f64::from(timebox))
    {
        state.timer = Timer::new(timebox);
        state.timer_phase = id;
    }
}

fn phases_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, go_to: &mut Option<PhaseId>) {
    let session = cx.session;
    let palette = cx.palette;
    let lab = &session.lab;
    let current = lab.current_index();
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        for (i, phase) in lab.phases.iter().enumerate() {
            let is_current = Some(i) == current;
            let done = current.is_some_and(|c| i < c);
            let text = format!(
                "{}  {}",
                if done {
                    "✓".to_owned()
                } else {
                    (i + 1).to_string()
                },
                phase.name
            );
            let font = style::strong_font(style::PHASE_FONT_SIZE);
            let rich = RichText::new(text).font(font);
            let button = if is_current {
                egui::Button::new(rich.color(palette.on_accent)).fill(palette.accent)
            } else if done {
                egui::Button::new(rich.color(palette.text_muted)).fill(palette.surface_raised)
            } else {
                egui::Button::new(rich).fill(palette.surface_raised)
            };
            let response = ui.add(button.corner_radius(16)).on_hover_text(format!(
                "Go to “{}” ({} min)",
                phase.name,
                phase.timebox_secs / 60
            ));
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    is_current,
                    format!("Phase {}: {}", i + 1, phase.name),
                )
            });
            if response.clicked() {
                *go_to = Some(phase.id);
            }
        }
    });
}

/// Previous and next, with where the room is: "Phase 3 of 6 · 20 min".
fn nav_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>, go_to: &mut Option<PhaseId>) {
    let session = cx.session;
    let palette = cx.palette;
    let lab = &session.lab;
    let back = ui
        .add_enabled(
            lab.previous_phase().is_some(),
            egui::Button::new("◀ Previous"),
        )
        .on_hover_text("Previous phase (Page Up)");
    back.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, back.enabled(), "Previous phase")
    });
    if back.clicked() {
        *go_to = lab.previous_phase();
    }
    let next = ui
        .add_enabled(
            lab.next_phase().is_some(),
            egui::Button::new(RichText::new("Next ▶").strong()),
        )
        .on_hover_text("Next phase (Page Down)");
    next.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, next.enabled(), "Next phase")
    });
    if next.clicked() {
        *go_to = lab.next_phase();
    }
    if let (Some(i), Some(phase)) = (lab.current_index(), lab.current()) {
        ui.label(
            RichText::new(format!(
                "Phase {} of {} · {} min",
                i + 1,
                lab.phases.len(),
                phase.timebox_secs / 60
            ))
            .color(palette.text_muted),
        );
    }
}

fn prompt_ui(ui: &mut egui::Ui, cx: &mut FrameCx<'_>) {
    let session = cx.session;
    let palette = cx.palette;
    let lab = &session.lab;
    ui.add_space(style::gap::TINY);
    let Some(phase) = lab.current() else {
        ui.label(
            RichText::new("Press Next ▶ (or Page Down) to start the first phase.")
                .size(style::PROMPT_FONT_SIZE * 0.7)
                .color(palette.text_muted),
        );
        return;
    };
    let prompt = if phase.prompt.trim().is_empty() {
        phase.name.as_str()
    } else {
        phase.prompt.as_str()
    };
    // Larger on a wide projector screen, where the room sits further away.
    let size = if ui.available_width() > 1300.0 {
        style::PROMPT_FONT_SIZE * 1.25
    } else {
        style::PROMPT_FONT_SIZE
    };
    let response = ui.add(
        egui::Label::new(
            RichText::new(prompt)
                .font(style::strong_font(size))
                .color(palette.text),
        )
        .wrap(),
    );
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Label, true, format!("Prompt: {prompt}"))
    });
}

/// Which notes the Board shows: all, the current phase's (following the room), or one phase's.
fn filter_ui(
    ui: &mut egui::Ui,
    session: &Session,
    follow: &mut bool,
    filter: &mut Option<PhaseId>,
) {
    let lab = &session.lab;
    if *follow {
        *filter = lab.current_phase;
    } else if filter.is_some_and(|id| lab.phase(id).is_none()) {
        *filter = None; // The phase was removed.
    }
    let shown = match (*follow, *filter) {
        (true, _) => "This phase's notes".to_owned(),
        (false, None) => "All notes".to_owned(),
        (false, Some(id)) => lab.phase(id).map_or_else(
            || "All notes".to_owned(),
            |p| format!("Notes of “{}”", p.name),
        ),
    };
    ui.label("Show");
    let combo = egui::ComboBox::from_id_salt("goldthread.agenda.filter")
        .selected_text(shown)
        .width(250.0)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(!*follow && filter.is_none(), "All notes")
                .clicked()
            {
                *follow = false;
                *filter = None;
            }
            if ui
                .selectable_label(*follow, "This phase's notes (follows the room)")
                .clicked()
            {
                *follow = true;
                *filter = lab.current_phase;
            }
            for (i, phase) in lab.phases.iter().enumerate() {
                let selected = !*follow && *filter == Some(phase.id);
                if ui
                    .selectable_label(selected, format!("{}. {}", i + 1, phase.name))
                    .clicked()
                {
                    *follow = false;
                    *filter = Some(phase.id);
                }
            }
        });
    combo.response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Notes shown on the board")
    });
}

fn timer_ui(
    ui: &mut egui::Ui,
    state: &mut LabState,
    timebox_secs: u32,
    now: f64,
    palette: &Palette,
) {
    let timer = &mut state.timer;
    let over = timer.is_overtime(now);
    let running = timer.is_running();
    let display = timer.display(now);
    {
        let flash = running && (timer.elapsed_secs(now) as i64) % 2 == 0;
        let (fill, text_colour) = if over {
            (
                style::time_up_fill(palette, flash),
                style::time_up_text(palette),
            )
        } else if running {
            (palette.surface_raised, palette.text)
        } else {
            (palette.surface_raised, palette.text_muted)
        };
        let frame = egui::Frame::NONE
            .fill(fill)
            .corner_radius(style::ROUNDING)
            .inner_margin(egui::Margin::symmetric(14, 2));
        frame.show(ui, |ui| {
            ui.set_width(TIMER_WIDTH - 28.0);
            ui.vertical_centered(|ui| {
                let caption = if over {
                    "Time's up"
                } else if running {
                    "Time left"
                } else if timer.is_untouched() {
                    "Timebox"
                } else {
                    "Paused"
                };
                ui.label(RichText::new(caption).strong().color(text_colour));
                let digits = ui.label(
                    RichText::new(&display)
                        .font(style::strong_font(style::TIMER_FONT_SIZE))
                        .color(text_colour),
                );
                let spoken = if over {
                    format!("Time's up, over by {}", display.trim_start_matches('+'))
                } else {
                    format!("{caption} {display}")
                };
                digits.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &spoken));
            });
        });
        ui.horizontal(|ui| {
            let (label, name) = if running {
                ("Pause", "Pause timer")
            } else if timer.is_untouched() {
                ("Start", "Start timer")
            } else {
                ("Resume", "Start timer")
            };
            let toggle = ui.add(
                egui::Button::new(RichText::new(label).strong()).min_size(egui::vec2(86.0, 0.0)),
            );
            toggle.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
            if toggle.clicked() {
                if running {
                    timer.pause(now);
                } else {
                    timer.start(now);
                }
            }
            if ui
                .button("+1 min")
                .on_hover_text("One more minute")
                .clicked()
            {
                timer.add_minute();
            }
            let reset = ui
                .button("Reset")
                .on_hover_text("Back to the phase's timebox");
            reset
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, "Reset timer"));
            if reset.clicked() {
                timer.reset(timebox_secs);
            }
        });
    }
}
