//! A hidden, window-less mode that drives the real app from a script, for crash tests: when
//! `GOLDTHREAD_SCRIPT` names a file, `goldthread` runs the app's frames headless (same app,
//! same jobs, same autosave) and feeds it the keys and text the script lists, one command per
//! frame, printing a line after each so a test can tell what was done when.
//!
//! Commands, one per line (`#` starts a comment):
//! - `key NAME`, `key ctrl+NAME`, `key ctrl+shift+NAME`: press a key (egui key names: `Enter`,
//!   `Escape`, `N`, `S`, ...).
//! - `text TEXT`: type text.
//! - `note TEXT`: type text, then press Enter (in the capture box: adds a note).
//! - `wait MS`: let frames run for MS milliseconds.
//! - `report`: print the session's note count and the recovery copies offered.
//! - `room`: open the room to phones on this computer only (127.0.0.1, any free port) and
//!   print `room ADDRESS CODE`, so a test can join like a phone (script mode only; the app
//!   itself never prints or logs a join code).
//! - `quit`: stop.
//!
//! After the last command, frames keep running until the process is stopped.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Event, Key, Modifiers, RawInput};

use super::recovery_ui::SafetyPrompt;
use super::{AppConfig, GoldthreadApp, Settings};

/// The environment variable naming the script.
pub const SCRIPT_ENV: &str = "GOLDTHREAD_SCRIPT";

/// How often a frame runs.
const FRAME: Duration = Duration::from_millis(16);

/// Runs the app headless through the script at `script`. Errors are messages for the terminal.
pub fn run_script(
    sessions: Option<PathBuf>,
    file: Option<PathBuf>,
    script: &Path,
) -> Result<(), String> {
    let text = std::fs::read_to_string(script)
        .map_err(|e| format!("could not read the script {}: {e}", script.display()))?;
    let config = AppConfig {
        library_dir: crate::storage::default_library_dir(sessions),
        open_file: file,
        native_dialogs: false,
        today: chrono::Local::now().date_naive(),
    };
    let mut runner = Runner {
        app: GoldthreadApp::new(config, Settings::default()),
        ctx: egui::Context::default(),
        start: Instant::now(),
    };
    // Let the start-up jobs (opening the file, listing recovery copies) finish.
    runner.frames_for(Duration::from_millis(300));
    let commands = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'));
    for (n, line) in commands.enumerate() {
        let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
        match word {
            "key" => {
                let (modifiers, name) = parse_key(rest)?;
                let Some(key) = Key::from_name(name) else {
                    return Err(format!("unknown key '{name}'"));
                };
                runner.frame(press(key, modifiers));
            }
            "text" => runner.frame(vec![Event::Text(rest.to_owned())]),
            "note" => {
                runner.frame(vec![Event::Text(rest.to_owned())]);
                runner.frame(press(Key::Enter, Modifiers::NONE));
            }
            "wait" => {
                let ms: u64 = rest
                    .parse()
                    .map_err(|_| format!("wait needs milliseconds, not '{rest}'"))?;
                runner.frames_for(Duration::from_millis(ms));
            }
            "report" => runner.report(),
            "room" => runner.open_room(),
            "quit" => return Ok(()),
            other => return Err(format!("unknown script command '{other}'")),
        }
        let notes = runner
            .app
            .open
            .as_ref()
            .map_or(0, |o| o.session.notes.len());
        println!("step {n} notes {notes}");
        let _ = std::io::stdout().flush();
    }
    loop {
        runner.frame(Vec::new());
    }
}

fn parse_key(spec: &str) -> Result<(Modifiers, &str), String> {
    let mut modifiers = Modifiers::NONE;
    let mut parts: Vec<&str> = spec.split('+').collect();
    let Some(name) = parts.pop() else {
        return Err("key needs a name".to_owned());
    };
    for part in parts {
        match part.to_lowercase().as_str() {
            "ctrl" | "cmd" => modifiers = modifiers.plus(Modifiers::COMMAND),
            "shift" => modifiers = modifiers.plus(Modifiers::SHIFT),
            "alt" => modifiers = modifiers.plus(Modifiers::ALT),
            other => return Err(format!("unknown modifier '{other}'")),
        }
    }
    Ok((modifiers, name))
}

fn press(key: Key, modifiers: Modifiers) -> Vec<Event> {
    let event = |pressed| Event::Key {
        key,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers,
    };
    vec![
        Event::ModifiersChanged(modifiers),
        event(true),
        event(false),
        Event::ModifiersChanged(Modifiers::NONE),
    ]
}

/// The app and its headless egui context.
struct Runner {
    app: GoldthreadApp,
    ctx: egui::Context,
    start: Instant,
}

impl Runner {
    fn frame(&mut self, events: Vec<Event>) {
        let input = RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            time: Some(self.start.elapsed().as_secs_f64()),
            focused: true,
            events,
            ..Default::default()
        };
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| app.ui(ui));
        // Nothing is drawn: the font atlas updates are dropped on purpose.
        output.textures_delta.clear();
        std::thread::sleep(FRAME);
    }

    fn frames_for(&mut self, duration: Duration) {
        let until = Instant::now() + duration;
        while Instant::now() < until {
            self.frame(Vec::new());
        }
    }

    fn open_room(&mut self) {
        self.app.set_room_config(crate::room::RoomConfig {
            bind: std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
            port: Some(0),
            limits: crate::room::RoomLimits::default(),
        });
        self.app.run(super::Action::OpenRoom);
        self.frame(Vec::new());
        match self.app.room_invite() {
            Some(invite) => println!("room {} {}", invite.page_url, invite.code),
            None => println!("room closed"),
        }
    }

    fn report(&self) {
        if let Some(open) = &self.app.open {
            println!(
                "open {} notes {}",
                open.session.title,
                open.session.notes.len()
            );
        }
        if let Some(SafetyPrompt::Recover { copies, .. }) = self.app.safety_prompt() {
            for copy in copies {
                println!("offered {} notes {}", copy.title, copy.notes);
            }
        }
    }
}
