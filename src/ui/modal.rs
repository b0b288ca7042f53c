//! Modal questions: the one frame every question over the app is drawn in ([`modal_ui`]), and
//! the keys held back from the screens under it ([`HeldKeys`]).
//!
//! While a modal question is open (a dialog, the restore offer, "delete this and give the dots
//! back?"), the screens under it take no keys: egui's `Modal` blocks the pointer below it but
//! not the keyboard, so without this Enter or Delete meant for the question could also edit
//! or delete a selected note behind it.

/// Keyboard events held back from the screens drawn under a modal question this frame.
#[must_use = "give the keys back with `release` before drawing the question"]
pub struct HeldKeys(Vec<egui::Event>);

impl HeldKeys {
    /// Takes this frame's keyboard events (keys, typed text, clipboard, IME) away, so the
    /// screens drawn next see none of them.
    pub fn take(ctx: &egui::Context) -> Self {
        Self(ctx.input_mut(|i| {
            let (keys, rest) = std::mem::take(&mut i.events)
                .into_iter()
                .partition(is_keyboard);
            i.events = rest;
            keys
        }))
    }

    /// Gives the held events back, in their order, for the question drawn next.
    pub fn release(self, ctx: &egui::Context) {
        ctx.input_mut(|i| i.events.extend(self.0));
    }
}

/// True for events that come from the keyboard.
fn is_keyboard(event: &egui::Event) -> bool {
    matches!(
        event,
        egui::Event::Key { .. }
            | egui::Event::Text(_)
            | egui::Event::Copy
            | egui::Event::Cut
            | egui::Event::Paste(_)
            | egui::Event::Ime(_)
    )
}

/// Draws a question over the whole app: the one modal frame (surface colour, margins, rounded
/// corners, a dimmed backdrop), `width` points wide. Returns what `add_contents` returned and
/// whether the user asked to close it by pressing Esc or clicking beside it.
pub fn modal_ui<R>(
    ctx: &egui::Context,
    id: egui::Id,
    palette: &crate::ui::style::Palette,
    width: f32,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> (R, bool) {
    let frame = egui::Frame::popup(&ctx.global_style())
        .fill(palette.surface)
        .inner_margin(24)
        .corner_radius(12);
    let response = egui::Modal::new(id)
        .frame(frame)
        .backdrop_color(palette.shadow.gamma_multiply(2.5))
        .show(ctx, |ui| {
            ui.set_width(width);
            add_contents(ui)
        });
    let close = response.should_close();
    (response.inner, close)
}
