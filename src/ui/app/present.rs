//! Presenting: the audience window on the second screen while this window becomes the console.
//!
//! The audience window is a deferred egui viewport (a real native window with its own repaints;
//! an immediate one would halve the frame rate, egui #5836). Its callback must be `'static +
//! Send + Sync`, so it draws an [`AudienceScene`] shared behind a mutex. The console remakes the
//! scene from the session each frame it draws (cheap: the Board's notes are copied only when the
//! session changes) and wakes the audience window only when the scene differs, so the audience
//! repaints when something it shows changes, or once a second while a timer runs.

use std::sync::{Arc, Mutex};

use egui::{Key, ViewportBuilder, ViewportClass, ViewportCommand, ViewportId};

use super::{GoldthreadApp, OpenSession};
use crate::ui::action::Action;
use crate::ui::audience::make;
use crate::ui::audience::make::SceneInputs;
use crate::ui::audience::scene::{BoardPicture, FollowView};
use crate::ui::audience::{self, AudienceScene, Content, Show};
use crate::ui::command::Command;
use crate::ui::invite::RoomInvite;
use crate::ui::screen::Screen;
use crate::ui::style::audience as size;
use crate::ui::{Settings, shortcuts};

/// The audience window's viewport id.
pub fn audience_viewport() -> ViewportId {
    ViewportId::from_hash_of("goldthread.audience")
}

/// What the audience window asks of the console (it cannot change the app itself).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AudienceRequest {
    /// Esc or the window's close button: stop presenting.
    Close,
    /// B pressed on the audience window.
    Blank,
    /// F6 pressed on the audience window: bring the console to the front.
    ShowConsole,
}

/// What the console and the audience window share.
#[derive(Debug, Default)]
struct Shared {
    /// What the audience window draws.
    scene: AudienceScene,
    /// Requests from the audience window, taken by the console's next frame.
    requests: Vec<AudienceRequest>,
}

/// The presenting state of the app.
#[derive(Debug, Default)]
pub struct Presenter {
    /// The audience window is open.
    pub open: bool,
    /// The audience screen is blank.
    pub blank: bool,
    /// The audience screen keeps its last picture.
    pub frozen: bool,
    /// What the audience is sent.
    pub show: Show,
    /// With one screen: the console is in front of the audience window.
    pub console_in_front: bool,
    /// The room's invitation, when phones are invited.
    invite: Option<RoomInvite>,
    /// The console shows the room's screen (the invitation and the phones).
    room_shown: bool,
    /// What the audience would see now (the console's preview shows the shared scene).
    live: AudienceScene,
    /// The Board picture of the last scene, reused while the session is unchanged.
    picture: Option<Arc<BoardPicture>>,
    shared: Arc<Mutex<Shared>>,
}

impl Presenter {
    /// The scene the audience window shows.
    pub fn shown(&self) -> AudienceScene {
        self.shared
            .lock()
            .map(|s| s.scene.clone())
            .unwrap_or_default()
    }

    /// Takes the audience window's requests.
    fn take_requests(&self) -> Vec<AudienceRequest> {
        self.shared
            .lock()
            .map(|mut s| std::mem::take(&mut s.requests))
            .unwrap_or_default()
    }

    /// Remakes the live scene and hands it to the audience unless frozen; wakes the audience
    /// window only when what it shows changed.
    fn refresh(&mut self, ctx: &egui::Context, open: Option<&OpenSession>, settings: &Settings) {
        let mut live = match open {
            Some(open) => self.build(ctx, open, settings),
            None => AudienceScene {
                content: Content::Message("Goldthread".to_owned()),
                theme: settings.theme,
                ..AudienceScene::default()
            },
        };
        if let (Some(new), Some(old)) = (&mut live.countdown, &self.live.countdown)
            && new == old
        {
            // The same timer: keep its anchor, so the scene compares equal.
            *new = old.clone();
        }
        self.live = live;
        let Ok(mut shared) = self.shared.lock() else {
            return;
        };
        let mut next = if self.frozen {
            shared.scene.clone()
        } else {
            self.live.clone()
        };
        next.blank = self.blank;
        if next != shared.scene {
            shared.scene = next;
            ctx.request_repaint_of(audience_viewport());
        }
    }

    /// The scene for the open session.
    fn build(
        &mut self,
        ctx: &egui::Context,
        open: &OpenSession,
        settings: &Settings,
    ) -> AudienceScene {
        let show = match self.show {
            // The console on the room's screen: the room sees how to join.
            Show::Follow if self.room_shown && self.invite.is_some() => Show::Room,
            Show::Follow => match open.screen {
                Screen::Board => Show::Board,
                Screen::Vote => Show::Vote,
                Screen::Actions => Show::Actions,
                Screen::Plan | Screen::Thread => Show::Thread,
            },
            other => other,
        };
        let follow = settings
            .audience_follows_view
            .then_some(open.canvas.last_screen)
            .flatten()
            .map(|area| FollowView {
                view: open.canvas.view,
                area: area.size(),
            });
        let spotlight = open
            .canvas
            .selection
            .iter()
            .find_map(|id| open.session.note(*id).and_then(|n| n.theme));
        let now = ctx.input(|i| i.time);
        let inputs = SceneInputs {
            show,
            generation: open.history.generation(),
            follow,
            spotlight,
            timer: Some((open.lab.timer, now)),
            theme: settings.theme,
            invite: self.invite.clone(),
        };
        make::build(&open.session, inputs, &mut self.picture)
    }
}

impl GoldthreadApp {
    /// True while the audience window is open.
    pub fn is_presenting(&self) -> bool {
        self.presenter.open
    }

    /// What the audience window shows (blank, frozen or live), while presenting.
    pub fn audience(&self) -> Option<AudienceScene> {
        self.presenter.open.then(|| self.presenter.shown())
    }

    /// While presenting: takes the keys that work only then (B, F7, F6), and what the audience
    /// window asked for since the last frame.
    pub(super) fn presenter_input(&mut self, ctx: &egui::Context, asking: bool) {
        if !self.presenter.open {
            return;
        }
        for request in self.presenter.take_requests() {
            match request {
                AudienceRequest::Close => self.pending.push(Action::Present.into()),
                AudienceRequest::Blank => self.pending.push(Action::BlankAudience.into()),
                AudienceRequest::ShowConsole => self.pending.push(Action::ToggleConsole.into()),
            }
        }
        if asking {
            return;
        }
        // B types a letter: it blanks only when no text box has the keyboard; F7 and F6 always.
        let typing = ctx.text_edit_focused();
        let screen = self.open.as_ref().map(|o| o.screen);
        let taken = shortcuts::take(ctx, screen, |a| {
            a.while_presenting() && !(typing && a == Action::BlankAudience)
        });
        if taken.contains(&Action::BlankAudience) {
            // The B key also types a "b": it must not start a note.
            ctx.input_mut(|i| {
                i.events
                    .retain(|e| !matches!(e, egui::Event::Text(t) if t.eq_ignore_ascii_case("b")));
            });
        }
        self.pending.extend(taken.into_iter().map(Command::Action));
    }

    /// Runs one of the audience window's actions.
    pub(super) fn present_act(&mut self, ctx: &egui::Context, action: Action) {
        let p = &mut self.presenter;
        if !p.open && !matches!(action, Action::Present | Action::AudienceScreen(_)) {
            if matches!(
                action,
                Action::ShowOnScreen(_) | Action::ToggleAudienceFollow
            ) {
                // Remembered for when the audience window opens.
            } else {
                self.notices
                    .info("The audience window is closed: F5 presents on the second screen.");
                return;
            }
        }
        match action {
            Action::Present => {
                p.open = !p.open;
                p.blank = false;
                p.frozen = false;
                p.console_in_front = false;
                if !p.open {
                    self.notices
                        .info("Presenting stopped: the audience window is closed.");
                }
            }
            Action::BlankAudience => p.blank = !p.blank,
            Action::FreezeAudience => {
                p.frozen = !p.frozen;
                if p.frozen
                    && let Ok(mut shared) = p.shared.lock()
                {
                    shared.scene.countdown = shared.scene.countdown.as_ref().map(|c| c.stilled());
                }
            }
            Action::ShowOnScreen(show) => p.show = show,
            Action::ToggleAudienceFollow => {
                self.settings.audience_follows_view = !self.settings.audience_follows_view;
            }
            Action::AudienceScreen(n) => {
                self.settings.audience_screen = usize::from(n.clamp(1, 9)) - 1;
            }
            Action::ToggleConsole => {
                p.console_in_front = !p.console_in_front;
                let id = audience_viewport();
                ctx.send_viewport_cmd_to(id, ViewportCommand::Minimized(p.console_in_front));
                if p.console_in_front {
                    ctx.send_viewport_cmd_to(ViewportId::ROOT, ViewportCommand::Focus);
                } else {
                    ctx.send_viewport_cmd_to(id, ViewportCommand::Focus);
                }
            }
            _ => {}
        }
        ctx.request_repaint();
    }

    /// At the end of the frame, after its edits: brings the audience scene up to date and keeps
    /// the audience window open (a deferred viewport is shown again every frame of its parent).
    pub(super) fn present_frame(&mut self, ctx: &egui::Context) {
        if !self.presenter.open {
            return;
        }
        // The open room's invitation goes to the audience when "Room" is on screen.
        let invite = self.room_invite();
        if self.presenter.invite != invite {
            self.presenter.invite = invite;
        }
        self.presenter.room_shown = self.room.as_ref().is_some_and(|r| r.shown);
        self.presenter
            .refresh(ctx, self.open.as_ref(), &self.settings);
        let builder = ViewportBuilder::default()
            .with_title("Goldthread: audience")
            .with_app_id("goldthread-audience")
            .with_inner_size(size::WINDOW_SIZE)
            .with_fullscreen(true)
            .with_monitor(self.settings.audience_screen);
        let shared = self.presenter.shared.clone();
        ctx.show_viewport_deferred(audience_viewport(), builder, move |ui, class| {
            audience_window_ui(ui, class, &shared);
        });
    }

    /// The console's panel: the preview and the audience's controls.
    pub(super) fn console_ui(&mut self, ui: &mut egui::Ui, palette: &crate::ui::style::Palette) {
        if !self.presenter.open {
            return;
        }
        let scene = self.presenter.shown();
        let state = audience::console::ConsoleState {
            blank: self.presenter.blank,
            frozen: self.presenter.frozen,
            show: self.presenter.show,
            follows_view: self.settings.audience_follows_view,
            screen: self.settings.audience_screen,
        };
        audience::console::console_ui(ui, &scene, &state, palette, &mut self.pending);
    }
}

/// The audience window's frame: its keys (Esc closes, B blanks, F6 shows the console), then
/// the shared scene. Embedded in the console (headless tests and benches) it takes no keys.
fn audience_window_ui(ui: &mut egui::Ui, class: ViewportClass, shared: &Mutex<Shared>) {
    let Ok(mut shared) = shared.lock() else {
        return;
    };
    if class != ViewportClass::EmbeddedWindow {
        let mut asked = Vec::new();
        ui.input(|i| {
            if i.key_pressed(Key::Escape) || i.viewport().close_requested() {
                asked.push(AudienceRequest::Close);
            }
            if i.key_pressed(Key::B) {
                asked.push(AudienceRequest::Blank);
            }
            if i.key_pressed(Key::F6) {
                asked.push(AudienceRequest::ShowConsole);
            }
        });
        if !asked.is_empty() {
            shared.requests.extend(asked);
            ui.ctx().request_repaint_of(ViewportId::ROOT);
        }
    }
    audience::audience_ui(ui, &shared.scene);
}
